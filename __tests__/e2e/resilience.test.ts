// End to end under stress: DMS throttling and 5xx in the middle of a run, a 3,000-file PR, a huge plan.
import { describe, expect, test } from '@jest/globals'
import type { Scenario } from '../../src/testing/run-action.js'
import { scenarioPerTest, CHANGE_ARCHIVE, functionFile, log, procFile, scenario } from './helpers.js'

let s: Scenario | undefined
const sc = scenarioPerTest()

describe('resilience', () => {
  test('DMS throttles, answers 5xx and drops the answer to the create mid-run: one ticket, correct final state', async () => {
    s = await sc.start()
    s.openPull({ number: 41, changes: CHANGE_ARCHIVE })
    await s.fault({ type: 'throttle', count: 2, actions: ['ListOrders'] })
    await s.fault({ type: '5xx', count: 1, actions: ['SearchDatabase'] })
    // the create happens in DMS but its answer is lost: the client must find it by fingerprint, not create twice
    await s.fault({ type: 'reset', count: 1, actions: ['CreateProcCorrectOrder'] })
    await s.fault({ type: '5xx', count: 2, actions: ['GetOrderBaseInfo', 'SubmitOrderApproval'] })
    const run = await s.pullRequest('opened', 41)
    expect(run.exitCode).toBe(0)
    expect(run.outputs['state']).toBe('awaiting-approval')
    const orders = await s.orders()
    expect(orders).toHaveLength(1)
    expect(orders[0]!.status).toBe('toaudit')
    expect(s.check(41)!.status).toBe('in_progress')
    // and again with the DMS throttling on the refresh: still one ticket, state right
    await s.decide(orders[0]!.orderId, 'approve')
    await s.fault({ type: 'throttle', count: 2, actions: ['GetOrderBaseInfo'] })
    expect((await s.schedule()).exitCode).toBe(0)
    expect(s.check(41)!.conclusion).toBe('success')
    expect(await s.orders()).toHaveLength(1)
  }, 180_000)

  test('GitHub rate limits and 5xx mid-run are retried: one comment, one check', async () => {
    s = await sc.start()
    s.openPull({ number: 42, changes: CHANGE_ARCHIVE })
    s.github.injectFault({ kind: 'server-error', times: 1, match: 'POST /repos/{owner}/{repo}/check-runs' })
    s.github.injectFault({ kind: 'secondary-rate-limit', times: 1, match: 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments', retryAfter: 1 })
    const run = await s.pullRequest('opened', 42)
    expect(run.exitCode).toBe(0)
    expect(s.comments(42)).toHaveLength(1)
    expect(s.github.checkRuns(s.repository).filter(c => c.name === 'DMS approval')).toHaveLength(1)
    expect(await s.orders()).toHaveLength(1)
  }, 180_000)

  test('a PR with 3,000 changed files (API path, no checkout) is planned; one with more fails closed', async () => {
    s = await sc.start({ checkout: false })
    const many: Record<string, string> = { ...CHANGE_ARCHIVE }
    for (let i = 0; i < 2999; i++) many[`docs/page-${String(i).padStart(4, '0')}.md`] = `page ${i}\n`
    s.openPull({ number: 43, changes: many })
    const run = await s.pullRequest('opened', 43)
    expect(run.exitCode).toBe(0)
    expect(run.outputs['state']).toBe('awaiting-approval')
    expect(await s.orders()).toHaveLength(1)
    expect(log(run)).toContain('3000 changed files')

    const more: Record<string, string> = { ...many, 'db/routines/extra.sql': functionFile('extra_fn', 'p * 2') }
    more['docs/one-more.md'] = 'x\n'
    s.openPull({ number: 44, changes: more })
    const over = await s.pullRequest('opened', 44)
    expect(over.outputs['state']).toBe('error')
    expect(over.exitCode).not.toBe(0)
    expect(s.check(44)!.conclusion).toBe('failure')
    expect(s.check(44)!.output.summary).toContain('3002 files')
    expect(await s.orders()).toHaveLength(1)
  }, 300_000)

  test('a huge plan: the comment and the check output are truncated within GitHub limits', async () => {
    s = await sc.start()
    const changes: Record<string, string> = {}
    for (let i = 0; i < 60; i++) {
      const lines = Array.from({ length: 60 }, (_, j) => `  UPDATE audit_log SET note = 'routine ${i} step ${j} — 日本語 ✓' WHERE id = ${j};`).join('\n')
      changes[`db/routines/big_${i}.sql`] = procFile(`big_proc_${i}`, lines.trimStart())
    }
    s.openPull({ number: 45, changes })
    const run = await s.pullRequest('opened', 45)
    expect(run.exitCode).toBe(0)
    const body = s.comments(45)[0]!.body
    expect(body.length).toBeLessThanOrEqual(65536)
    expect(body).toMatch(/too large to show here|truncated/)
    const check = s.check(45)!
    expect(Buffer.byteLength(check.output.summary ?? '', 'utf8')).toBeLessThanOrEqual(65535)
    expect(Buffer.byteLength(check.output.text ?? '', 'utf8')).toBeLessThanOrEqual(65535)
    const [order] = await s.orders()
    expect(order!.execSql).toContain('big_proc_59')
  }, 180_000)
})
