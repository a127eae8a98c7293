// One error type for everything a DMS call can fail with. openapi-client reports failures in several
// shapes (docs/dms-api.md, Errors): HTTP 200 with Success:false, a thrown ResponseError whose `code` is the
// literal string "undefined" when the body uses ErrorCode/ErrorMessage, a bare SyntaxError for non-JSON
// (HTML 502) bodies, httpx RequestTimeoutError, and raw socket errors. Messages never carry secrets:
// transport messages embed the request URL (whose query holds AccessKeyId/SecurityToken/Signature under
// V1 signing), so URLs are cut to their origin and known secret values are redacted.

export type DmsErrorKind =
  | 'business' // DMS refused the request (Success:false, 4xx): never retried
  | 'throttle' // Throttling.* or HTTP 429
  | 'server' // HTTP 5xx
  | 'timeout' // connect/read timeout: the request may have reached DMS
  | 'network' // connection refused/reset
  | 'invalid_response' // a body that is not JSON (e.g. an HTML 502 page from a proxy)

export interface DmsErrorInit {
  code: string
  message: string
  action: string
  kind: DmsErrorKind
  requestId?: string | null
  httpStatus?: number | null
}

export class DmsError extends Error {
  override readonly name = 'DmsError'
  readonly code: string
  readonly action: string
  readonly kind: DmsErrorKind
  readonly requestId: string | null
  readonly httpStatus: number | null
  readonly retryable: boolean

  constructor(init: DmsErrorInit) {
    const where = [init.httpStatus ? `HTTP ${init.httpStatus}` : '', init.requestId ? `request id ${init.requestId}` : '']
      .filter(Boolean).join(', ')
    super(`DMS ${init.action} failed: ${init.code}: ${init.message}${where ? ` (${where})` : ''}`)
    this.code = init.code
    this.action = init.action
    this.kind = init.kind
    this.requestId = init.requestId ?? null
    this.httpStatus = init.httpStatus ?? null
    this.retryable = init.kind !== 'business'
  }
}

export function isDmsError(e: unknown): e is DmsError {
  return e instanceof DmsError
}

/** Cut every URL to scheme://host[:port]/path and replace known secret values. */
export function sanitize(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(/(https?:\/\/[^\s?#"']+)[?#][^\s"']*/gi, '$1?…')
  for (const s of secrets) {
    if (s && s.length >= 4) out = out.split(s).join('***')
  }
  // Signature-bearing fragments that may appear outside a URL (header dumps, form bodies).
  out = out.replace(/(Signature|SecurityToken|AccessKeySecret|x-acs-security-token|Authorization)([=:]\s*)[^\s&,"']+/gi, '$1$2***')
  return out
}

function kindFor(code: string, httpStatus: number | null): DmsErrorKind {
  if (/^Throttling/i.test(code) || httpStatus === 429) return 'throttle'
  if (httpStatus !== null && httpStatus >= 500) return 'server'
  return 'business'
}

function text(x: unknown): string {
  return typeof x === 'string' ? x : typeof x === 'number' ? String(x) : ''
}

function pick(obj: unknown, ...keys: string[]): string {
  if (typeof obj !== 'object' || obj === null) return ''
  const rec = obj as Record<string, unknown>
  for (const k of keys) {
    const v = text(rec[k])
    if (v && v !== 'undefined') return v
  }
  return ''
}

/** True when a 2xx body reports failure (`Success:false`, also the string "false"). */
export function isFailureBody(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false
  const s = (body as Record<string, unknown>).Success ?? (body as Record<string, unknown>).success
  return s === false || s === 'false'
}

/** A `Success:false` body (HTTP 200 or otherwise) → DmsError. */
export function fromFailureBody(action: string, body: unknown, httpStatus: number | null, secrets: readonly string[] = []): DmsError {
  const code = pick(body, 'ErrorCode', 'Code', 'code') || 'UnknownError'
  const message = pick(body, 'ErrorMessage', 'Message', 'message') || 'DMS reported Success:false without a message'
  return new DmsError({
    code,
    message: sanitize(message, secrets),
    action,
    kind: kindFor(code, httpStatus === 200 ? null : httpStatus),
    requestId: pick(body, 'RequestId', 'requestId') || null,
    httpStatus
  })
}

const TLS_TRUST_CODES = new Set(['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN',
  'CERT_HAS_EXPIRED', 'ERR_TLS_CERT_ALTNAME_INVALID', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY'])

const ENDPOINT_SETTING = 'the DMS endpoint (CLI --endpoint, Action input dms-endpoint)'

/**
 * A transport failure in one line — what is wrong and what to do — instead of the raw socket/OpenSSL text
 * (which also glues the request line to it: `…127.0.0.1:1POST http://…`). `where` is `protocol://host`.
 */
function transportError(action: string, code: string, rawMessage: string, where: string, secrets: readonly string[]): DmsError | null {
  const ep = where || 'the DMS endpoint'
  const make = (c: string, kind: DmsErrorKind, message: string) => new DmsError({ code: c, message, action, kind })
  if (code === 'ECONNREFUSED') return make(code, 'network', `cannot connect to ${ep}: connection refused — check ${ENDPOINT_SETTING} and that the service is running`)
  if (code === 'ENOTFOUND') return make(code, 'business', `cannot resolve the host of ${ep} — check ${ENDPOINT_SETTING} or the region (CLI --region, Action input region)`)
  if (code === 'EAI_AGAIN') return make(code, 'network', `the DNS lookup for ${ep} failed for now — retrying; if it persists, check the network of this machine`)
  if (/wrong version number/i.test(rawMessage) || code === 'ERR_SSL_WRONG_VERSION_NUMBER') {
    const host = where.replace(/^https?:\/\//, '')
    return make('EndpointNotHttps', 'business', `${ep} answered in plain HTTP, not HTTPS — an endpoint without a scheme means https://; for a plain-HTTP endpoint (the emulator) write http://${host}`)
  }
  if (TLS_TRUST_CODES.has(code)) return make(code, 'business', `the TLS certificate of ${ep} is not trusted (${code}) — check that ${ENDPOINT_SETTING} names the real DMS host`)
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNABORTED' || /socket hang up/i.test(rawMessage)) {
    return make(code || 'ECONNRESET', 'network', `${ep} closed the connection without answering — retried; if it persists, check proxies between this machine and DMS`)
  }
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return make(code, 'network', `cannot reach ${ep} (${code}) — check the network route to it and ${ENDPOINT_SETTING}`)
  if (code === 'ETIMEDOUT') return make(code, 'timeout', `connecting to ${ep} timed out — check ${ENDPOINT_SETTING} and the network (${sanitize(rawMessage, secrets)})`)
  return null
}

/** @alicloud/credentials' "no provider in the chain had credentials", and openapi-client's InvalidCredentials. */
function isMissingCredentials(name: string, code: string, message: string): boolean {
  return /unable to get credentials|InvalidCredentials/i.test(`${name} ${code} ${message}`) || (/credential/i.test(message) && !/signature/i.test(message))
}

/** Anything openapi-client/httpx threw → DmsError. `where` (`protocol://host`) names the endpoint in messages. */
export function fromThrown(action: string, e: unknown, secrets: readonly string[] = [], where = ''): DmsError {
  if (e instanceof DmsError) return e
  const err = (typeof e === 'object' && e !== null ? e : { message: String(e) }) as Record<string, unknown>
  const name = text(err.name)
  const rawMessage = text(err.message)
  const data = err.data as Record<string, unknown> | undefined

  // A ResponseError from a 4xx/5xx response: `data` holds the parsed body plus statusCode.
  if (data && typeof data === 'object') {
    const httpStatus = Number(data.statusCode ?? err.statusCode) || null
    const code = pick(data, 'Code', 'code', 'ErrorCode') || (text(err.code) !== 'undefined' ? text(err.code) : '') ||
      (httpStatus ? `HTTP${httpStatus}` : 'UnknownError')
    const message = pick(data, 'Message', 'message', 'ErrorMessage') || rawMessage
    return new DmsError({
      code,
      message: sanitize(message, secrets),
      action,
      kind: kindFor(code, httpStatus),
      requestId: pick(data, 'RequestId', 'requestId') || null,
      httpStatus
    })
  }

  const sysCode = text(err.code)
  if (name === 'RequestTimeoutError' || /RequestTimeout/.test(name) || /^(Read|Connect)Timeout/.test(rawMessage)) {
    // httpx reports the socket inactivity timeout as "ConnectTimeout" even when connected: say both.
    return new DmsError({ code: 'RequestTimeout', message: `${where || 'DMS'} sent no answer in time (connect or read timeout): ${sanitize(rawMessage.replace(/(POST|GET) https?:\/\/\S*( failed\.)?$/, ''), secrets).trim()}`, action, kind: 'timeout' })
  }
  const transport = transportError(action, sysCode, rawMessage, where, secrets)
  if (transport) return transport
  if (name === 'SyntaxError') {
    // openapi-client parses error bodies as JSON without looking at the status: an HTML gateway page
    // (502/503/504) surfaces as a SyntaxError with no status. Treat as a transient gateway failure.
    return new DmsError({ code: 'InvalidResponse', message: `response body is not JSON (${sanitize(rawMessage, secrets)})`, action, kind: 'invalid_response' })
  }
  if (isMissingCredentials(name, sysCode, rawMessage)) {
    return new DmsError({
      code: 'InvalidCredentials', action, kind: 'business',
      message: 'no Alibaba Cloud credentials found — set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET ' +
        '(Action: inputs access-key-id/access-key-secret, or role-arn + oidc-provider-arn), or configure a credentials profile or an instance RAM role'
    })
  }
  const code = sysCode && sysCode !== 'undefined' ? sysCode : name || 'UnknownError'
  return new DmsError({ code, message: sanitize(rawMessage || String(e), secrets), action, kind: 'business' })
}
