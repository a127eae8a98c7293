// Fault injection rules (control API `POST /__emulator/faults`). Pure apart from a seeded random source.
//   throttle       gateway Throttling.User (HTTP 400 by default, `status: 429` for the other variant), no side effect
//   5xx            HTTP 503 ServiceUnavailable JSON, no side effect
//   502-html       HTTP 502 with an HTML body (a load balancer's page), no side effect
//   success-false  HTTP 200 {Success:false, ErrorCode:'UnknownError'}, no side effect
//   slow           the action RUNS, then the answer is held for delayMs (default 10 s, beyond the 3 s SDK timeout)
//   reset          the action RUNS, then the socket is destroyed without an answer
// slow/reset act after the action on purpose: a lost answer to a create is the case a client must not retry blindly.

export const FAULT_TYPES = ['throttle', '5xx', '502-html', 'slow', 'success-false', 'reset'] as const
export type FaultType = (typeof FAULT_TYPES)[number]

export interface FaultRule {
  type: FaultType
  /** Fire on the next N matching calls (default 1 when neither count nor fraction is given). */
  count?: number
  /** Fire on this share of matching calls (0..1), until `count` is used up or the rules are cleared. */
  fraction?: number
  /** Only these actions (default: every DMS action). */
  actions?: string[]
  /** For 'slow': how long to hold the answer. */
  delayMs?: number
  /** For 'throttle': 400 (default) or 429. */
  status?: 400 | 429
  /** For 'success-false': the ErrorCode (default UnknownError). */
  errorCode?: string
  /** Seed for `fraction` decisions, so a test run is reproducible. */
  seed?: number
}

interface ActiveRule extends FaultRule {
  remaining: number
  random: () => number
}

export class FaultError extends Error {}

/** Validates a control-API body into a rule; throws FaultError naming the bad field. */
export function parseFaultRule(input: unknown): FaultRule {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new FaultError('fault must be a JSON object')
  const o = input as Record<string, unknown>
  if (!FAULT_TYPES.includes(o.type as FaultType)) throw new FaultError(`type must be one of ${FAULT_TYPES.join(', ')}`)
  const rule: FaultRule = { type: o.type as FaultType }
  if (o.count !== undefined) {
    if (!Number.isInteger(o.count) || (o.count as number) < 1) throw new FaultError('count must be a positive integer')
    rule.count = o.count as number
  }
  if (o.fraction !== undefined) {
    if (typeof o.fraction !== 'number' || o.fraction < 0 || o.fraction > 1) throw new FaultError('fraction must be a number in 0..1')
    rule.fraction = o.fraction
  }
  if (o.actions !== undefined) {
    if (!Array.isArray(o.actions) || !o.actions.every((a) => typeof a === 'string')) throw new FaultError('actions must be an array of action names')
    rule.actions = o.actions as string[]
  }
  if (o.delayMs !== undefined) {
    if (!Number.isInteger(o.delayMs) || (o.delayMs as number) < 0) throw new FaultError('delayMs must be a non-negative integer')
    rule.delayMs = o.delayMs as number
  }
  if (o.status !== undefined) {
    if (o.status !== 400 && o.status !== 429) throw new FaultError('status must be 400 or 429')
    rule.status = o.status
  }
  if (o.errorCode !== undefined) {
    if (typeof o.errorCode !== 'string' || o.errorCode === '') throw new FaultError('errorCode must be a non-empty string')
    rule.errorCode = o.errorCode
  }
  if (o.seed !== undefined) {
    if (!Number.isInteger(o.seed)) throw new FaultError('seed must be an integer')
    rule.seed = o.seed as number
  }
  return rule
}

/** mulberry32: small, seeded, good enough to pick a fraction of calls reproducibly. */
function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export class FaultInjector {
  private rules: ActiveRule[] = []

  add(rule: FaultRule): void {
    const remaining = rule.count ?? (rule.fraction === undefined ? 1 : Number.POSITIVE_INFINITY)
    this.rules.push({ ...rule, remaining, random: seeded(rule.seed ?? 1) })
  }

  clear(): void {
    this.rules = []
  }

  list(): (FaultRule & { remaining: number | null })[] {
    return this.rules.map(({ random: _r, remaining, ...r }) => ({ ...r, remaining: Number.isFinite(remaining) ? remaining : null }))
  }

  /** The fault to inject into this call, if any; uses up one of its count. */
  pick(action: string): FaultRule | undefined {
    for (const r of this.rules) {
      if (r.remaining <= 0) continue
      if (r.actions && !r.actions.includes(action)) continue
      if (r.fraction !== undefined && r.random() >= r.fraction) continue
      r.remaining--
      const { random: _r, remaining: _n, ...rule } = r
      return rule
    }
    return undefined
  }
}
