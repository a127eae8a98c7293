// How many connection attempts fit in a wait: the backoff doubles from initialDelayMs up to maxDelayMs.
import { DEFAULT_RETRY, type ConnectRetry } from './types.js'

/** The retry policy that keeps trying for about `waitMs` (0: a single attempt). */
export function retryWithin(waitMs: number, base: Omit<ConnectRetry, 'attempts'> = DEFAULT_RETRY): ConnectRetry {
  let attempts = 1
  let waited = 0
  for (;;) {
    const delay = Math.min(base.maxDelayMs, base.initialDelayMs * 2 ** (attempts - 1))
    if (waited + delay > waitMs) break
    waited += delay
    attempts++
  }
  return { attempts, initialDelayMs: base.initialDelayMs, maxDelayMs: base.maxDelayMs }
}
