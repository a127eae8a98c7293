// Gateway-side request authentication: which signature scheme, which key, and whether the request is exactly
// what that key signed. Order of checks as a gateway does them: shape → key → token → time → signature → nonce.
import { timingSafeEqual } from 'node:crypto'
import { gateway } from './errors.js'
import {
  V3_ALGORITHM, canonicalRequestV3, parseAuthorizationV3, sha256Hex, signatureV1, signatureV3, stringToSignV1, stringToSignV3,
  type Param
} from './signature.js'
import type { AccessKey } from './state.js'

export interface SignedRequest {
  method: string
  /** Raw (still encoded) path, without the query. */
  path: string
  query: readonly Param[]
  /** Decoded form-body parameters (empty when the body is not x-www-form-urlencoded). */
  form: readonly Param[]
  body: Buffer
  /** Header values by lower-case name, every occurrence kept. */
  headers: Readonly<Record<string, readonly string[]>>
}

export interface Authenticated {
  scheme: 'V3' | 'V1'
  key: AccessKey
  action: string
  version: string
  /** The action's own parameters (signature/system parameters removed), query then form body. */
  params: Record<string, string>
}

/** Remembers nonces for twice the allowed clock skew (a replay after that fails the time check anyway). */
export class NonceStore {
  private readonly seen = new Map<string, number>()
  private lastPrune = 0

  constructor(private readonly ttlMs: number) {}

  /** Records a nonce; false when it was already used by this key. */
  use(keyId: string, nonce: string, now: number): boolean {
    if (now - this.lastPrune > 60_000) this.prune(now)
    const k = `${keyId}\n${nonce}`
    const until = this.seen.get(k)
    if (until !== undefined && until > now) return false
    this.seen.set(k, now + this.ttlMs)
    return true
  }

  private prune(now: number): void {
    this.lastPrune = now
    for (const [k, until] of this.seen) if (until <= now) this.seen.delete(k)
  }
}

export interface AuthEnvironment {
  findKey: (id: string) => AccessKey | undefined
  nonces: NonceStore
  now: number
  clockSkewSeconds: number
}

/** Parameters that belong to the V1 signature, not to the action. */
const V1_SYSTEM = new Set(['AccessKeyId', 'Action', 'Format', 'Signature', 'SignatureMethod', 'SignatureNonce', 'SignatureType',
  'SignatureVersion', 'SecurityToken', 'Timestamp', 'Version'])

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/

function checkTime(given: string, env: AuthEnvironment): void {
  if (!TIMESTAMP.test(given)) throw gateway.badTimestamp(given)
  const t = Date.parse(given)
  if (Number.isNaN(t)) throw gateway.badTimestamp(given)
  if (Math.abs(env.now - t) > env.clockSkewSeconds * 1000) throw gateway.expired(given)
}

function checkToken(key: AccessKey, given: string | undefined): void {
  if (key.stsToken === undefined) {
    if (given) throw gateway.tokenMismatch()
    return
  }
  if (!given) throw gateway.tokenMissing()
  if (!safeEqual(given, key.stsToken)) throw gateway.tokenMismatch()
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

function one(headers: SignedRequest['headers'], name: string): string | undefined {
  const v = headers[name]
  return v === undefined || v.length === 0 ? undefined : v.join(',')
}

function toParams(pairs: readonly Param[], drop?: Set<string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of pairs) if (!drop?.has(k)) out[k] = v
  return out
}

/** Verifies a request's signature; throws a GatewayError exactly as the gateway would answer. */
export function authenticate(req: SignedRequest, env: AuthEnvironment): Authenticated {
  const authorization = one(req.headers, 'authorization')
  if (authorization !== undefined) return authenticateV3(req, authorization, env)
  if (req.query.some(([k]) => k === 'Signature') || req.form.some(([k]) => k === 'Signature')) return authenticateV1(req, env)
  throw gateway.incomplete('The request has neither an Authorization header nor a Signature parameter.')
}

function authenticateV3(req: SignedRequest, authorization: string, env: AuthEnvironment): Authenticated {
  const auth = parseAuthorizationV3(authorization)
  if ('error' in auth) throw gateway.incomplete(auth.error + '.')
  if (auth.algorithm !== V3_ALGORITHM) throw gateway.incomplete(`Signature algorithm ${auth.algorithm} is not supported.`)
  const action = one(req.headers, 'x-acs-action')
  const version = one(req.headers, 'x-acs-version')
  const date = one(req.headers, 'x-acs-date')
  const nonce = one(req.headers, 'x-acs-signature-nonce')
  const contentSha = one(req.headers, 'x-acs-content-sha256')
  if (!action) throw gateway.missing('x-acs-action')
  if (!version) throw gateway.missing('x-acs-version')
  if (!date) throw gateway.missing('x-acs-date')
  if (!nonce) throw gateway.missing('x-acs-signature-nonce')
  if (!contentSha) throw gateway.missing('x-acs-content-sha256')
  const signed = new Set(auth.signedHeaders)
  if (!signed.has('host')) throw gateway.incomplete('SignedHeaders must include host.')
  for (const name of Object.keys(req.headers)) {
    if (name.startsWith('x-acs-') && !signed.has(name)) throw gateway.incomplete(`Header ${name} is not signed.`)
  }
  if (one(req.headers, 'content-type') !== undefined && !signed.has('content-type')) throw gateway.incomplete('Header content-type is not signed.')
  for (const name of signed) if (req.headers[name] === undefined) throw gateway.incomplete(`Signed header ${name} is not present.`)

  const key = env.findKey(auth.credential)
  if (!key) throw gateway.unknownKey()
  checkToken(key, one(req.headers, 'x-acs-security-token'))
  checkTime(date, env)

  const hashedPayload = sha256Hex(req.body)
  const canonical = canonicalRequestV3({
    method: req.method, canonicalUri: req.path, query: req.query,
    headers: req.headers, signedHeaders: auth.signedHeaders, hashedPayload: contentSha
  })
  const toSign = stringToSignV3(canonical)
  if (!safeEqual(signatureV3(key.secret, toSign), auth.signature.toLowerCase())) throw gateway.signatureMismatch(toSign)
  if (contentSha.toLowerCase() !== hashedPayload) {
    throw gateway.signatureMismatch(`${toSign} (x-acs-content-sha256 does not match the request body)`)
  }
  if (!env.nonces.use(key.id, nonce, env.now)) throw gateway.nonceUsed()
  return { scheme: 'V3', key, action, version, params: toParams([...req.query, ...req.form]) }
}

function authenticateV1(req: SignedRequest, env: AuthEnvironment): Authenticated {
  const all: Param[] = [...req.query, ...req.form]
  const p = toParams(all)
  for (const name of ['AccessKeyId', 'SignatureMethod', 'SignatureNonce', 'Timestamp', 'Action', 'Version']) {
    if (!p[name]) throw gateway.missing(name)
  }
  if (p.SignatureMethod !== 'HMAC-SHA1') throw gateway.badMethod(p.SignatureMethod)
  if (p.SignatureVersion !== undefined && p.SignatureVersion !== '1.0') throw gateway.incomplete(`SignatureVersion ${p.SignatureVersion} is not supported.`)
  const key = env.findKey(p.AccessKeyId)
  if (!key) throw gateway.unknownKey()
  checkToken(key, p.SecurityToken)
  checkTime(p.Timestamp, env)
  const toSign = stringToSignV1(req.method, all)
  if (!safeEqual(signatureV1(key.secret, toSign), p.Signature)) throw gateway.signatureMismatch(toSign)
  if (!env.nonces.use(key.id, p.SignatureNonce, env.now)) throw gateway.nonceUsed()
  return { scheme: 'V1', key, action: p.Action, version: p.Version, params: toParams(all, V1_SYSTEM) }
}
