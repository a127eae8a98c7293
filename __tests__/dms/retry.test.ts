import { describe, expect, test } from '@jest/globals'
import { backoffDelay, resolvePolicy, withRetry, type RetryDeps } from '../../src/dms/retry.js'
import { DmsError } from '../../src/dms/errors.js'

function fakeClock(random = 0.5): RetryDeps & { slept: number[] } {
  let t = 0
  const slept: number[] = []
  return { slept, now: () => t, random: () => random, sleep: async (ms) => { slept.push(ms); t += ms } }
}

const throttle = () => new DmsError({ code: 'Throttling.User', message: 'flow control', action: 'A', kind: 'throttle' })
const business = () => new DmsError({ code: 'InvalidParam', message: 'no', action: 'A', kind: 'business' })
const isRetryable = (e: unknown) => e instanceof DmsError && e.retryable

describe('backoff', () => {
  test('exponential ceiling, equal jitter within [ceiling/2, ceiling], capped', () => {
    const p = resolvePolicy({ baseDelayMs: 100, maxDelayMs: 1000 })
    expect([1, 2, 3, 4, 5, 6].map((r) => backoffDelay(r, p, () => 0))).toEqual([50, 100, 200, 400, 500, 500])
    expect([1, 2, 3, 4, 5, 6].map((r) => backoffDelay(r, p, () => 0.999999))).toEqual([100, 200, 400, 800, 1000, 1000])
  })
  test('bad policies are rejected', () => {
    expect(() => resolvePolicy({ maxAttempts: 0 })).toThrow(/maxAttempts/)
    expect(() => resolvePolicy({ maxTotalMs: -1 })).toThrow(/maxTotalMs/)
  })
})

describe('withRetry', () => {
  test('retries retryable errors until success', async () => {
    const clock = fakeClock()
    let calls = 0
    const out = await withRetry(async () => { if (++calls < 3) throw throttle(); return 'ok' }, resolvePolicy({ baseDelayMs: 100 }), { isRetryable }, clock)
    expect(out).toBe('ok')
    expect(calls).toBe(3)
    expect(clock.slept).toEqual([75, 150])
  })
  test('never retries a business error', async () => {
    const clock = fakeClock()
    let calls = 0
    await expect(withRetry(async () => { calls++; throw business() }, resolvePolicy({}), { isRetryable }, clock)).rejects.toThrow(/InvalidParam/)
    expect(calls).toBe(1)
    expect(clock.slept).toEqual([])
  })
  test('bounded by attempts', async () => {
    const clock = fakeClock()
    let calls = 0
    await expect(withRetry(async () => { calls++; throw throttle() }, resolvePolicy({ maxAttempts: 4 }), { isRetryable }, clock)).rejects.toThrow(/Throttling/)
    expect(calls).toBe(4)
  })
  test('bounded by total time: no retry that would start past maxTotalMs', async () => {
    const clock = fakeClock(0.999999)
    let calls = 0
    const policy = resolvePolicy({ maxAttempts: 100, baseDelayMs: 1000, maxDelayMs: 1000, maxTotalMs: 3500 })
    await expect(withRetry(async () => { calls++; throw throttle() }, policy, { isRetryable }, clock)).rejects.toThrow()
    expect(calls).toBe(4) // sleeps at 0→1000→2000→3000; a fourth sleep would end at 4000 > 3500
    expect(clock.now()).toBe(3000)
  })
  test('beforeRetry can end the loop with a value', async () => {
    const clock = fakeClock()
    let calls = 0
    const out = await withRetry<string>(async () => { calls++; throw throttle() }, resolvePolicy({}), { isRetryable, beforeRetry: async () => 'found' }, clock)
    expect(out).toBe('found')
    expect(calls).toBe(1)
  })
})
