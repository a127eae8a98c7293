// End to end: the built dist/index.js as a runner runs it, against the DMS emulator and the fake GitHub API.
// The core path and its variations on one PR.
import { describe, expect, test } from '@jest/globals'
import { STICKY_MARKER } from '../../src/report/markers.js'
import type { Scenario } from '../../src/testing/run-action.js'
import { scenarioPerTest, CHANGE_ARCHIVE, log, procFile, scenario } from './helpers.js'

let s: Scenario | undefined
const sc = scenarioPerTest()

describe('new PR → ticket → approval → green', () => {
  test('a new PR opens one ticket, an in-progress check on the head sha and one sticky comment', async () => {
    s = await sc.start()
    const { headSha } = s.openPull({ number: 7, changes: CHANGE_ARCHIVE, title: 'Archive only delivered orders' })
    const run = await s.pullRequest('opened', 7)
    expect(run.exitCode).toBe(0)
    expect(run.outputs['state']).toBe('awaiting-approval')
    const orders = await s.orders()
    expect(orders).toHaveLength(1)
    expect(orders[0]!.status).toBe('toaudit')
    expect(orders[0]!.comment).toMatch(new RegExp(`^\\[dms-proc-gate/v2 repo=${s.repository} pr=7 target=default plan=[0-9a-f]{64}\\]\\nGitHub PR ${s.repository}#7: Archive only delivered orders\\n`))
    expect(orders[0]!.execSql).toContain("status = 'delivered'")
    expect(orders[0]!.rollbackSql).toContain('CREATE PROCEDURE archive_orders')
    expect(run.outputs['order-id']).toBe(String(orders[0]!.orderId))
    expect(run.outputs['workflow-instance-id']).toBe(String(orders[0]!.workflowInstanceId))
    expect(JSON.parse(run.outputs['objects']!)).toEqual([expect.objectContaining({ type: 'PROCEDURE', name: 'archive_orders', change: 'modified' })])
    const check = s.check(7)!
    expect(check.head_sha).toBe(headSha)
    expect(check.status).toBe('in_progress')
    expect(check.output.title).toMatch(/Awaiting DBA approval: node 'DBA review' — dba_alice, dba_bob/)
    expect(check.external_id).toBe(String(orders[0]!.orderId))
    const comments = s.comments(7)
    expect(comments).toHaveLength(1)
    expect(comments[0]!.user).toBe('github-actions[bot]')
    expect(comments[0]!.body).toContain(STICKY_MARKER)
    expect(comments[0]!.body).toContain('archive_orders')
    expect(comments[0]!.body).toContain('<summary>Rollback SQL')
    expect(run.summary).toContain('Routine changes (1)')
    // the GitHub budget with a checkout: listFiles + check (planning: find+create, final: find+update) + comment (list+create+relist)
    expect(s.github.counters().calls).toBeLessThanOrEqual(8)
  }, 120_000)

  test('approve in DMS → scheduled refresh → check success; nothing new is created', async () => {
    s = await sc.start()
    s.openPull({ number: 8, changes: CHANGE_ARCHIVE })
    expect((await s.pullRequest('opened', 8)).exitCode).toBe(0)
    const [order] = await s.orders()
    await s.decide(order!.orderId, 'approve', 'ok to ship')
    const refresh = await s.schedule()
    expect(refresh.exitCode).toBe(0)
    const check = s.check(8)!
    expect(check.status).toBe('completed')
    expect(check.conclusion).toBe('success')
    expect(check.output.title).toBe(`Approved in DMS (ticket ${order!.orderId})`)
    expect(s.comments(8)).toHaveLength(1)
    expect(s.comments(8)[0]!.body).toContain('ok to ship')
    expect(await s.orders()).toHaveLength(1)
    // the gate is final now: later refreshes do not even look at it
    s.github.resetCounters()
    expect((await s.schedule()).exitCode).toBe(0)
    expect(s.github.counters().writes).toBe(0)
  }, 120_000)

  test('reject in DMS → refresh → check failure with the reason', async () => {
    s = await sc.start()
    s.openPull({ number: 9, changes: CHANGE_ARCHIVE })
    await s.pullRequest('opened', 9)
    const [order] = await s.orders()
    await s.decide(order!.orderId, 'reject', 'missing index on created_at')
    expect((await s.schedule()).exitCode).toBe(0)
    const check = s.check(9)!
    expect(check.conclusion).toBe('failure')
    expect(check.output.title).toBe(`Rejected in DMS (ticket ${order!.orderId})`)
    expect(s.comments(9)[0]!.body).toContain('missing index on created\\_at')
  }, 120_000)

  test('a push with a changed plan closes the old ticket and opens exactly one new one', async () => {
    s = await sc.start()
    s.openPull({ number: 10, changes: CHANGE_ARCHIVE })
    await s.pullRequest('opened', 10)
    const [first] = await s.orders()
    const newHead = s.push(10, { 'db/routines/archive_orders.sql': procFile('archive_orders', "DELETE FROM orders WHERE status IN ('delivered','cancelled');") })
    const run = await s.pullRequest('synchronize', 10)
    expect(run.exitCode).toBe(0)
    const orders = await s.orders()
    expect(orders).toHaveLength(2)
    expect(orders.find(o => o.orderId === first!.orderId)!.status).toBe('closed')
    const second = orders.find(o => o.orderId !== first!.orderId)!
    expect(second.status).toBe('toaudit')
    expect(second.execSql).toContain("'cancelled'")
    expect(run.stdout).toContain(`Closed DMS ticket ${first!.orderId}: Superseded: PR ${s.repository}#10 has a different plan at head ${newHead}`)
    expect(run.stdout).toContain(newHead)
    expect(s.check(10)!.head_sha).toBe(newHead)
    expect(s.check(10)!.status).toBe('in_progress')
    expect(s.comments(10)).toHaveLength(1)
    expect(s.comments(10)[0]!.body).toContain(`Closed DMS ticket ${first!.orderId}: Superseded: PR ${s.repository}\\#10 has a different plan.`)
  }, 120_000)

  test('a rerun with the same plan reuses the ticket and the comment; an unchanged refresh writes nothing', async () => {
    s = await sc.start()
    s.openPull({ number: 11, changes: CHANGE_ARCHIVE })
    await s.pullRequest('opened', 11)
    const commentBefore = s.comments(11)[0]!
    s.github.resetCounters()
    const rerun = await s.pullRequest('reopened', 11)
    expect(rerun.exitCode).toBe(0)
    expect(await s.orders()).toHaveLength(1)
    expect(s.comments(11)).toHaveLength(1)
    expect(s.comments(11)[0]!.id).toBe(commentBefore.id)
    expect(s.github.counters().writes).toBe(0)
    s.github.resetCounters()
    const refresh = await s.schedule()
    expect(refresh.exitCode).toBe(0)
    expect(s.github.counters().writes).toBe(0)
    expect(refresh.stdout).toContain('nothing to write')
  }, 120_000)

  test('a pending check close to the 14-day stale limit is re-created by the refresh', async () => {
    s = await sc.start()
    const { headSha } = s.openPull({ number: 16, changes: CHANGE_ARCHIVE })
    await s.pullRequest('opened', 16)
    const old = s.check(16)!
    old.started_at = new Date(Date.now() - 13.5 * 24 * 3600 * 1000).toISOString()
    const run = await s.schedule()
    expect(run.exitCode).toBe(0)
    const runs = s.github.checkRuns(s.repository, headSha).filter(c => c.name === 'DMS approval')
    expect(runs).toHaveLength(2)
    const fresh = s.check(16)!
    expect(fresh.id).not.toBe(old.id)
    expect(fresh.status).toBe('in_progress')
    expect(fresh.output.title).toBe(old.output.title)
    expect(await s.orders()).toHaveLength(1)
  }, 120_000)

  test('two runs racing on the same PR converge on one open ticket and one comment', async () => {
    s = await sc.start()
    s.openPull({ number: 17, changes: CHANGE_ARCHIVE })
    const [a, b] = await Promise.all([s.pullRequest('opened', 17), s.pullRequest('reopened', 17)])
    expect(a.exitCode).toBe(0)
    expect(b.exitCode).toBe(0)
    const open = (await s.orders()).filter(o => o.status !== 'closed')
    expect(open).toHaveLength(1)
    expect(s.comments(17)).toHaveLength(1)
    expect(s.comments(17)[0]!.body).toContain(`[${open[0]!.orderId}]`)
    expect(s.check(17)!.external_id).toBe(String(open[0]!.orderId))
  }, 120_000)

  test('plan errors: check failure with annotations at file:line, the comment lists them, no ticket', async () => {
    s = await sc.start()
    s.openPull({
      number: 12,
      changes: { 'db/routines/broken.sql': "DELIMITER $$\nCREATE PROCEDURE p1()\nBEGIN\n  SELECT 1;\nEND$$\nDELIMITER ;\nINSERT INTO orders VALUES (1);\n" }
    })
    const run = await s.pullRequest('opened', 12)
    expect(run.exitCode).toBe(0)
    expect(run.outputs['state']).toBe('plan-failed')
    expect(await s.orders()).toHaveLength(0)
    const check = s.check(12)!
    expect(check.conclusion).toBe('failure')
    const failures = check.annotations.filter(a => a.annotation_level === 'failure')
    expect(failures.length).toBeGreaterThan(0)
    expect(failures[0]).toMatchObject({ path: 'db/routines/broken.sql', start_line: 7 })
    expect(s.comments(12)[0]!.body).toContain('db/routines/broken.sql:7')
  }, 120_000)

  test('no SQL changes: check success "no routine changes", no ticket, no comment', async () => {
    s = await sc.start()
    s.openPull({ number: 13, changes: { 'README.md': '# shop-db\n\nNow with docs.\n' } })
    const run = await s.pullRequest('opened', 13)
    expect(run.exitCode).toBe(0)
    expect(run.outputs['state']).toBe('no-changes')
    expect(s.check(13)!.conclusion).toBe('success')
    expect(s.check(13)!.output.title).toBe('No routine changes to deploy')
    expect(s.comments(13)).toHaveLength(0)
    expect(await s.orders()).toHaveLength(0)
  }, 120_000)

  test('unexpected error (unknown database) → check failure with the message, job failed', async () => {
    s = await sc.start({ inputs: { database: 'no_such_schema' } })
    s.openPull({ number: 14, changes: CHANGE_ARCHIVE })
    const run = await s.pullRequest('opened', 14)
    expect(run.exitCode).not.toBe(0)
    expect(run.stdout).toContain('::error::')
    const check = s.check(14)!
    expect(check.conclusion).toBe('failure')
    expect(check.output.summary).toContain('no\\_such\\_schema')
    expect(await s.orders()).toHaveLength(0)
  }, 120_000)

  test('wait-minutes: the job polls DMS and finishes the check itself when the DBA approves meanwhile', async () => {
    s = await sc.start()
    s.openPull({ number: 15, changes: CHANGE_ARCHIVE })
    const running = s.pullRequest('opened', 15, { inputs: { 'wait-minutes': '1' } })
    const cur = s
    let approved = false
    // Approve only once the run has published "awaiting approval" (it starts waiting right after); approving
    // earlier lets the run read "approved" straight away and never wait, which is not what this test is about.
    for (let i = 0; i < 400 && !approved; i++) {
      const orders = await cur.orders()
      if (orders[0]?.status === 'toaudit' && (cur.check(15)?.output.title ?? '').startsWith('Awaiting')) {
        await cur.decide(orders[0].orderId, 'approve')
        approved = true
      } else await new Promise(r => setTimeout(r, 100))
    }
    const run = await running
    expect(approved).toBe(true)
    expect(run.exitCode).toBe(0)
    expect(run.outputs['state']).toBe('approved')
    expect(s.check(15)!.conclusion).toBe('success')
    expect(log(run)).toContain('Waiting up to 1 minute(s)')
  }, 120_000)
})
