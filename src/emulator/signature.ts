// Alibaba Cloud API signatures, pure functions only (docs/dms-api.md, Signing):
//   V3 = ACS3-HMAC-SHA256 `Authorization` header (what @alicloud/openapi-client sends by default),
//   V1 = HMAC-SHA1 `Signature` query parameter (openapi-client with `signatureAlgorithm: 'v2'`).
// The emulator verifies with these; tests and the bench sign with them.
import { createHash, createHmac } from 'node:crypto'

/** One decoded request parameter. Kept as pairs: the canonical form must see every value as sent. */
export type Param = readonly [name: string, value: string]

export const V3_ALGORITHM = 'ACS3-HMAC-SHA256'
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'

/** RFC 3986 percent-encoding as Alibaba canonicalizes: unreserved kept, `!'()*` encoded, space `%20`. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())
}

/** Decodes one `application/x-www-form-urlencoded` component (`+` is a space). Throws URIError when malformed. */
export function decodeComponent(raw: string): string {
  return decodeURIComponent(raw.replace(/\+/g, ' '))
}

/** Parses a query string or form body into decoded pairs, in order. Throws URIError on bad %-escapes. */
export function parseParams(raw: string): Param[] {
  const out: Param[] = []
  if (raw === '') return out
  for (const part of raw.split('&')) {
    if (part === '') continue
    const eq = part.indexOf('=')
    const name = eq < 0 ? part : part.slice(0, eq)
    const value = eq < 0 ? '' : part.slice(eq + 1)
    out.push([decodeComponent(name), decodeComponent(value)])
  }
  return out
}

function byNameThenValue(a: Param, b: Param): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1
  return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0
}

/** `name=value&…` with both sides RFC 3986-encoded, sorted by name (code-unit order, as the SDKs sort). */
export function canonicalQuery(params: readonly Param[]): string {
  return [...params].sort(byNameThenValue).map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&')
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

// ---------------------------------------------------------------- V3

export interface V3CanonicalInput {
  method: string
  /** Already URL-encoded path, e.g. `/`. */
  canonicalUri: string
  /** Decoded query parameters (not the form body: V3 covers the body through the content hash). */
  query: readonly Param[]
  /** Header values by lower-case name; several values of one header are joined with ','. */
  headers: Readonly<Record<string, string | readonly string[]>>
  /** Lower-case header names that are signed, in any order (they are sorted). */
  signedHeaders: readonly string[]
  /** Hex SHA-256 of the body (the x-acs-content-sha256 value). */
  hashedPayload: string
}

function headerValue(v: string | readonly string[] | undefined): string {
  if (v === undefined) return ''
  if (typeof v === 'string') return v.trim()
  return [...v].map((x) => x.trim()).sort().join(',')
}

export function canonicalRequestV3(i: V3CanonicalInput): string {
  const names = [...i.signedHeaders].map((h) => h.toLowerCase()).sort()
  const headerLines = names.map((h) => `${h}:${headerValue(i.headers[h])}\n`).join('')
  return [i.method.toUpperCase(), i.canonicalUri, canonicalQuery(i.query), headerLines, names.join(';'), i.hashedPayload].join('\n')
}

export function stringToSignV3(canonicalRequest: string): string {
  return `${V3_ALGORITHM}\n${sha256Hex(canonicalRequest)}`
}

export function signatureV3(secret: string, stringToSign: string): string {
  return createHmac('sha256', secret).update(stringToSign).digest('hex')
}

export function authorizationV3(accessKeyId: string, signedHeaders: readonly string[], signature: string): string {
  const names = [...signedHeaders].map((h) => h.toLowerCase()).sort()
  return `${V3_ALGORITHM} Credential=${accessKeyId},SignedHeaders=${names.join(';')},Signature=${signature}`
}

export interface ParsedAuthorization {
  algorithm: string
  credential: string
  signedHeaders: string[]
  signature: string
}

/** Parses `ACS3-HMAC-SHA256 Credential=…,SignedHeaders=a;b,Signature=…`; returns why it is incomplete otherwise. */
export function parseAuthorizationV3(header: string): ParsedAuthorization | { error: string } {
  const m = /^\s*(\S+)\s+(.*)$/.exec(header)
  if (!m) return { error: 'Authorization header has no algorithm and fields' }
  const fields = new Map<string, string>()
  for (const part of m[2].split(',')) {
    const eq = part.indexOf('=')
    if (eq < 0) return { error: `malformed Authorization field '${part.trim()}'` }
    fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim())
  }
  const credential = fields.get('Credential')
  const signed = fields.get('SignedHeaders')
  const signature = fields.get('Signature')
  if (!credential) return { error: 'Authorization header lacks Credential' }
  if (signed === undefined) return { error: 'Authorization header lacks SignedHeaders' }
  if (!signature) return { error: 'Authorization header lacks Signature' }
  return { algorithm: m[1], credential, signedHeaders: signed === '' ? [] : signed.split(';').map((s) => s.toLowerCase()), signature }
}

// ---------------------------------------------------------------- V1

/** `METHOD&%2F&enc(canonical query)` over every parameter except `Signature` (form-body params included). */
export function stringToSignV1(method: string, params: readonly Param[]): string {
  const signed = params.filter(([k]) => k !== 'Signature')
  return `${method.toUpperCase()}&${percentEncode('/')}&${percentEncode(canonicalQuery(signed))}`
}

export function signatureV1(secret: string, stringToSign: string): string {
  return createHmac('sha1', `${secret}&`).update(stringToSign).digest('base64')
}

// ---------------------------------------------------------------- signing (tests, bench, users' scripts)

/** `YYYY-MM-DDTHH:mm:ssZ` in UTC, the format of x-acs-date and Timestamp. */
export function acsTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

export interface SignV3Request {
  method?: string
  host: string
  action: string
  version: string
  accessKeyId: string
  secret: string
  securityToken?: string
  query?: readonly Param[]
  /** Form-encoded body text (`application/x-www-form-urlencoded`), if any. */
  body?: string
  date?: string
  nonce?: string
}

/** Builds the path+query and headers of a V3-signed RPC request (the same bytes openapi-client produces). */
export function signV3(r: SignV3Request): { path: string; headers: Record<string, string> } {
  const query = r.query ?? []
  const headers: Record<string, string> = {
    host: r.host,
    'x-acs-action': r.action,
    'x-acs-version': r.version,
    'x-acs-date': r.date ?? acsTimestamp(Date.now()),
    'x-acs-signature-nonce': r.nonce ?? sha256Hex(String(Math.random()) + process.hrtime.bigint()).slice(0, 32),
    'x-acs-content-sha256': sha256Hex(r.body ?? '')
  }
  if (r.body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded'
  if (r.securityToken) {
    headers['x-acs-accesskey-id'] = r.accessKeyId
    headers['x-acs-security-token'] = r.securityToken
  }
  const signedHeaders = Object.keys(headers)
  const canonical = canonicalRequestV3({
    method: r.method ?? 'POST', canonicalUri: '/', query, headers, signedHeaders, hashedPayload: headers['x-acs-content-sha256']
  })
  headers.authorization = authorizationV3(r.accessKeyId, signedHeaders, signatureV3(r.secret, stringToSignV3(canonical)))
  const qs = query.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&')
  return { path: qs ? `/?${qs}` : '/', headers }
}
