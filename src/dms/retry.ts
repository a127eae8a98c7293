// Jittered exponential backoff with a cap on attempts AND on total elapsed time, so a throttled or
// flapping DMS cannot hold a CI job hostage. What is retryable is decided by the caller (DmsError.retryable);
// clock, sleep and randomness are injectable so tests run instantly and deterministically.

export interface RetryPolicy {
  /** Total attempts including the first (1 = no retry). */
  maxAttempts: number
  /** Backoff ceiling before jitter for the first retry; doubles each retry. */
  baseDelayMs: number
  /** Largest single backoff ceiling. */
  maxDelayMs: number
  /** No retry is started if it could not begin within this many ms of the first attempt. */
  maxTotalMs: number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 8000,
  maxTotalMs: 60_000
}

export interface RetryDeps {
  sleep: (ms: number) => Promise<void>
  /** Uniform in [0, 1). */
  random: () => number
  now: () => number
}

export const realRetryDeps: RetryDeps = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
  now: Date.now
}

/** "Equal jitter": half the exponential ceiling fixed, half random — never 0, never above the ceiling. */
export function backoffDelay(retryNumber: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retryNumber - 1))
  return Math.round(ceiling / 2 + random() * (ceiling / 2))
}

export interface RetryHooks<T> {
  isRetryable: (error: unknown) => boolean
  /** Called after a retryable failure, before sleeping. */
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void
  /** Runs before each retry; a non-undefined result ends the loop with that value (used by the
   *  idempotent create to return a ticket the failed attempt may already have created). */
  beforeRetry?: (error: unknown, attempt: number) => Promise<T | undefined>
}

export function resolvePolicy(p: Partial<RetryPolicy> | undefined): RetryPolicy {
  const policy = { ...DEFAULT_RETRY_POLICY, ...(p ?? {}) }
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) throw new RangeError('retry.maxAttempts must be an integer ≥ 1')
  for (const k of ['baseDelayMs', 'maxDelayMs', 'maxTotalMs'] as const) {
    if (!(policy[k] >= 0)) throw new RangeError(`retry.${k} must be ≥ 0`)
  }
  return policy
}

/** Run `fn` until it succeeds, fails with a non-retryable error, or the attempt/time budget is spent
 *  (then the last error is thrown). `fn` receives the 1-based attempt number. */
export async function withRetry<T>(
  fn: (attempt: number) => Promise<T>,
  policy: RetryPolicy,
  hooks: RetryHooks<T>,
  deps: RetryDeps = realRetryDeps
): Promise<T> {
  const started = deps.now()
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt)
    } catch (error) {
      if (!hooks.isRetryable(error) || attempt >= policy.maxAttempts) throw error
      const delay = backoffDelay(attempt, policy, deps.random)
      if (deps.now() - started + delay > policy.maxTotalMs) throw error
      hooks.onRetry?.(error, attempt, delay)
      await deps.sleep(delay)
      if (hooks.beforeRetry) {
        const found = await hooks.beforeRetry(error, attempt)
        if (found !== undefined) return found
      }
    }
  }
}
