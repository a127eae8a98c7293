// The verify-database URL: `mysql://user[:password]@host[:port]`, or `mysql://user@localhost?socket=/path`.
// Pure. Errors describe the problem without ever repeating the URL (it may hold the password); the caller
// names the input (`--verify`, `verify-database`).
import { inspect } from 'node:util'

/** A password that prints as *** however it is logged (String(), JSON, util.inspect). */
export class Secret {
  readonly #value: string
  constructor(value: string) {
    this.#value = value
  }
  reveal(): string {
    return this.#value
  }
  toString(): string {
    return '***'
  }
  toJSON(): string {
    return '***'
  }
  [inspect.custom](): string {
    return 'Secret(***)'
  }
}

export type VerifyEndpoint = { kind: 'tcp'; host: string; port: number } | { kind: 'socket'; path: string }

export interface VerifyDatabase {
  user: string
  /** Absent: connect without a password. */
  password?: Secret
  endpoint: VerifyEndpoint
}

export const DEFAULT_MYSQL_PORT = 3306

export class VerifyUrlError extends Error {}

const FORM = 'expected mysql://user[:password]@host[:port] or mysql://user@localhost?socket=/path'

function fail(message: string): never {
  throw new VerifyUrlError(message)
}

function decode(part: string, what: string): string {
  try {
    return decodeURIComponent(part)
  } catch {
    return fail(`the ${what} has an invalid %-escape`)
  }
}

/** Parses and validates; throws VerifyUrlError with a message that never contains the password. */
export function parseVerifyUrl(raw: string): VerifyDatabase {
  const text = raw.trim()
  if (text === '') fail(`is empty (${FORM})`)
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(text)
  if (!scheme) fail(`is not a URL (${FORM})`)
  if (!['mysql', 'mariadb'].includes(scheme[1]!.toLowerCase())) fail(`must start with mysql:// (got ${scheme[1]}://)`)
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return fail(`is not a valid URL (${FORM}; %-encode special characters in the user and password)`)
  }
  if (url.username === '') fail(`names no user (${FORM})`)
  if (url.hash !== '') fail('must not have a #fragment')
  if (url.pathname !== '' && url.pathname !== '/') {
    fail('must not name a database: verification creates and drops its own scratch schemas')
  }
  const params = [...url.searchParams.keys()]
  for (const p of params) if (p !== 'socket') fail(`has an unknown parameter '${p}' (only ?socket=/path is supported)`)
  if (url.searchParams.getAll('socket').length > 1) fail('gives ?socket= twice')

  const user = decode(url.username, 'user')
  const db: VerifyDatabase = { user, endpoint: { kind: 'tcp', host: '', port: DEFAULT_MYSQL_PORT } }
  // `user:@host` is an explicit empty password; `user@host` is none. Both connect without one.
  if (url.password !== '') db.password = new Secret(decode(url.password, 'password'))

  const host = url.hostname.replace(/^\[(.*)\]$/, '$1')
  const socket = url.searchParams.get('socket')
  if (socket !== null) {
    if (!socket.startsWith('/')) fail('?socket= must be an absolute path to the server\'s Unix socket')
    if (url.port !== '') fail('give either a port or ?socket=, not both')
    if (host !== 'localhost') fail(`with ?socket= the host must be localhost (got ${host === '' ? 'none' : host})`)
    db.endpoint = { kind: 'socket', path: socket }
    return db
  }
  if (host === '') fail(`names no host (${FORM})`)
  let port = DEFAULT_MYSQL_PORT
  if (url.port !== '') {
    port = Number(url.port)
    if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`has an invalid port (${url.port}): use 1–65535`)
  }
  db.endpoint = { kind: 'tcp', host, port }
  return db
}

/** The URL with the password replaced by `***`: safe for logs, messages and reports. */
export function describeVerifyDatabase(db: VerifyDatabase): string {
  const user = encodeURIComponent(db.user) + (db.password !== undefined ? ':***' : '')
  if (db.endpoint.kind === 'socket') return `mysql://${user}@localhost?socket=${db.endpoint.path}`
  const host = db.endpoint.host.includes(':') ? `[${db.endpoint.host}]` : db.endpoint.host
  return `mysql://${user}@${host}:${db.endpoint.port}`
}

/**
 * Every form in which the password of a (possibly invalid) URL could be printed, so a caller can mask them
 * before parsing: as written (%-encoded) and decoded. Empty when the text has no `user:password@`.
 */
export function passwordForms(raw: string): string[] {
  const m = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)@/.exec(raw.trim())
  if (!m) return []
  const userinfo = m[1]!
  const colon = userinfo.indexOf(':')
  if (colon === -1) return []
  const written = userinfo.slice(colon + 1)
  if (written === '') return []
  const forms = new Set([written])
  try {
    forms.add(decodeURIComponent(written))
  } catch {
    // an invalid escape: the written form is all there is
  }
  return [...forms]
}
