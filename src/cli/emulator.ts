// `dms-proc-gate emulator`: runs the local DMS endpoint until SIGINT/SIGTERM. Prints the URL as its only
// stdout line once listening (scripts read it), a short human note on stderr.
import { parseArgs } from 'node:util'
import {
  DEFAULT_ACCESS_KEY, DEFAULT_USER, startEmulator, type EmulatorDatabase, type EmulatorOptions, type EmulatorUserSpec, type Role
} from '../emulator/index.js'
import { parsePrecheckDbUrl } from '../emulator/precheck-db.js'

const USAGE = `usage: dms-proc-gate emulator [--port <p>] [--host 127.0.0.1]
         [--access-key-id <id> --access-key-secret <secret> [--security-token <t>]]
         [--database <schema>[@<host>[:<port>]]]... [--state-file <file>] [--tid <n>]
         [--precheck-delay-ms <n>] [--execute-delay-ms <n>] [--clock-skew-seconds <n>]
         [--max-url-bytes <n>] [--business-errors always-200|documented]
         [--user nick=<nick>[,id=<dms user id>][,role=admin|dba|user][,key=<id>:<secret>]...]...
         [--search-content comment|none] [--as-admin-without-role refuse|own] [--list-max-page-size <n>]
         [--precheck-db mysql://user[:password]@host[:port] | mysql://user@localhost?socket=/path]

Serves the DMS (dms-enterprise 2018-11-01) wire protocol on http://<host>:<port>, verifying V3 and V1
signatures. Always holds the MySQL schema 'demo'; --database adds more. The access key belongs to a plain
'user'-role DMS user (id ${DEFAULT_USER.id}); --user declares more DMS users, each with its role and keys.
Control API: GET <url>/__emulator/orders, POST <url>/__emulator/orders/<id>/approve|reject|cancel,
GET|POST <url>/__emulator/users, POST|DELETE <url>/__emulator/faults, GET <url>/__emulator/stats.
exit status: 0 stopped (SIGINT/SIGTERM), 1 could not start (e.g. the port is taken), 2 usage error
`

class UsageError extends Error {}

function intFlag(name: string, v: string | undefined, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (v === undefined) return undefined
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) throw new UsageError(`--${name} must be an integer from ${min} to ${max}, got '${v}'`)
  return Number(v)
}

/** `schema`, `schema@host` or `schema@host:port`. */
export function parseDatabaseFlag(v: string): EmulatorDatabase {
  const m = /^([^@\s]+)(?:@([^:\s]+)(?::(\d+))?)?$/.exec(v)
  if (!m) throw new UsageError(`--database must look like schema[@host[:port]], got '${v}'`)
  return { schema: m[1], ...(m[2] ? { host: m[2] } : {}), ...(m[3] ? { port: Number(m[3]) } : {}) }
}

const ROLES: readonly Role[] = ['admin', 'dba', 'user']

/** `nick=dba_carol,id=70001,role=dba,key=AK1:secret1,key=AK2:secret2` (a secret may not contain ','). */
export function parseUserFlag(v: string): EmulatorUserSpec {
  const spec: EmulatorUserSpec = { nick: '' }
  const keys: NonNullable<EmulatorUserSpec['keys']> = []
  for (const part of v.split(',')) {
    const eq = part.indexOf('=')
    const name = eq < 0 ? part : part.slice(0, eq)
    const value = eq < 0 ? '' : part.slice(eq + 1)
    if (name === 'nick' && /^\S+$/.test(value)) spec.nick = value
    else if (name === 'id' && /^[1-9]\d{0,15}$/.test(value) && Number.isSafeInteger(Number(value))) spec.id = Number(value)
    else if (name === 'role' && ROLES.includes(value as Role)) spec.role = value as Role
    else if (name === 'key' && /^[^:\s]+:\S+$/.test(value)) {
      const colon = value.indexOf(':')
      keys.push({ id: value.slice(0, colon), secret: value.slice(colon + 1) })
    } else {
      throw new UsageError(`--user: bad part '${part}' in '${v}'; expected nick=<nick>, id=<positive integer>, role=admin|dba|user, key=<id>:<secret>`)
    }
  }
  if (!spec.nick) throw new UsageError(`--user needs nick=<nick>, got '${v}'`)
  return keys.length ? { ...spec, keys } : spec
}

function choice<T extends string>(name: string, v: string | undefined, allowed: readonly T[]): T | undefined {
  if (v === undefined) return undefined
  if (!allowed.includes(v as T)) throw new UsageError(`--${name} must be ${allowed.join(' or ')}, got '${v}'`)
  return v as T
}

export function parseEmulatorArgs(argv: string[]): EmulatorOptions {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string' }, host: { type: 'string' },
      'access-key-id': { type: 'string' }, 'access-key-secret': { type: 'string' }, 'security-token': { type: 'string' },
      database: { type: 'string', multiple: true }, 'state-file': { type: 'string' }, tid: { type: 'string' },
      'precheck-delay-ms': { type: 'string' }, 'execute-delay-ms': { type: 'string' }, 'clock-skew-seconds': { type: 'string' },
      'max-url-bytes': { type: 'string' }, 'business-errors': { type: 'string' }, help: { type: 'boolean', short: 'h' },
      user: { type: 'string', multiple: true }, 'search-content': { type: 'string' }, 'as-admin-without-role': { type: 'string' },
      'list-max-page-size': { type: 'string' }, 'precheck-db': { type: 'string' }
    }
  })
  if (values.help) throw new UsageError('')
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`)
  const id = values['access-key-id']
  const secret = values['access-key-secret']
  if ((id === undefined) !== (secret === undefined)) throw new UsageError('--access-key-id and --access-key-secret go together')
  const host = values.host ?? '127.0.0.1'
  const businessErrors = choice('business-errors', values['business-errors'], ['always-200', 'documented'] as const)
  const precheckDb = values['precheck-db']
  if (precheckDb !== undefined) {
    try {
      parsePrecheckDbUrl(precheckDb)
    } catch (e) {
      throw new UsageError((e as Error).message)
    }
  }
  const extra = (values.database ?? []).map(parseDatabaseFlag)
  const databases: EmulatorDatabase[] = [{ schema: 'demo' }]
  for (const d of extra) {
    const same = databases.some((x) => x.schema === d.schema && (x.host ?? '') === (d.host ?? '') && (x.port ?? 3306) === (d.port ?? 3306))
    if (!same) databases.push(d)
  }
  return {
    port: intFlag('port', values.port, 0, 65535) ?? 0,
    host,
    // The default user is a plain committer (DEFAULT_USER), like the gate's own DMS identity.
    accessKeys: [id !== undefined && secret !== undefined
      ? { id, secret, userId: DEFAULT_USER.id, ...(values['security-token'] ? { stsToken: values['security-token'] } : {}) }
      : { ...DEFAULT_ACCESS_KEY, userId: DEFAULT_USER.id }],
    users: (values.user ?? []).map(parseUserFlag),
    searchContent: choice('search-content', values['search-content'], ['comment', 'none'] as const),
    asAdminWithoutRole: choice('as-admin-without-role', values['as-admin-without-role'], ['refuse', 'own'] as const),
    listOrdersMaxPageSize: intFlag('list-max-page-size', values['list-max-page-size'], 1),
    ...(precheckDb !== undefined ? { precheckDb } : {}),
    databases,
    stateFile: values['state-file'],
    tid: intFlag('tid', values.tid, 1),
    precheckDelayMs: intFlag('precheck-delay-ms', values['precheck-delay-ms'], 0),
    executeDelayMs: intFlag('execute-delay-ms', values['execute-delay-ms'], 0),
    clockSkewSeconds: intFlag('clock-skew-seconds', values['clock-skew-seconds'], 1),
    maxUrlBytes: intFlag('max-url-bytes', values['max-url-bytes'], 1024),
    businessErrorStatus: businessErrors
  }
}

export async function run(argv: string[]): Promise<number> {
  let options: EmulatorOptions
  try {
    options = parseEmulatorArgs(argv)
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      if (!(e as Error).message) {
        process.stdout.write(USAGE) // --help
        return 0
      }
      process.stderr.write(`dms-proc-gate emulator: ${(e as Error).message}\n\n${USAGE}`)
      return 2
    }
    throw e
  }
  let emulator
  try {
    emulator = await startEmulator(options)
  } catch (e) {
    process.stderr.write(`dms-proc-gate emulator: ${(e as Error).message}\n`)
    return 1
  }
  const key = options.accessKeys?.[0]
  process.stdout.write(`${emulator.url}\n`)
  const users = emulator.state.config.users.map((u) => `${u.nick} (${u.role} ${u.id})`).join(', ')
  process.stderr.write(`DMS emulator: access key ${key?.id}${argv.includes('--access-key-id') ? '' : ` (secret ${DEFAULT_ACCESS_KEY.secret})`} ` +
    `of DMS user ${DEFAULT_USER.nick}; users ${users}; ` +
    `tenant ${emulator.state.config.tid}, databases ${emulator.state.config.databases.map((d) => d.schema).join(', ')}; ` +
    `control API ${emulator.url}/__emulator/orders; Ctrl-C stops it.\n`)
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
  await emulator.close()
  return 0
}
