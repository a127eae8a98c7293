// End to end: no gate is ever stuck waiting for a push or a comment. A refresh finds gates through GitHub's own
// check runs (not the sticky comment), retries runs that failed on an error, and reports on heads that no
// pull_request run saw; `/dms-refresh <sha>` acts only on the commit it names.
import { describe, expect, test } from '@jest/globals'
import type { Scenario } from '../../src/testing/run-action.js'
import { scenarioPerTest, builtAction, CHANGE_ARCHIVE, log, scenario } from './helpers.js'

let s: Scenario | undefined
const sc = scenarioPerTest()

describe('refresh finds every gate that can move', () => {
  test('comment: false — the refresh finds the pending gate from its check run and turns it green', async () => {
    s = await sc.start({ inputs: { comment: 'false' } })
    s.openPull({ number: 100, changes: CHANGE_ARCHIVE })
    expect((await s.pullRequest('opened', 100)).exitCode).toBe(0)
    expect(s.comments(100)).toHaveLength(0)
    const [ticket] = await s.orders()
    await s.decide(ticket!.orderId, 'approve')
    const refresh = await s.schedule()
    expect(refresh.exitCode).toBe(0)
    expect(s.check(100)!.conclusion).toBe('success')
    expect(s.comments(100)).toHaveLength(0)
  }, 180_000)

  test('a first run that failed on a DMS error is retried by the refresh, which opens the ticket', async () => {
    s = await sc.start()
    s.openPull({ number: 101, changes: CHANGE_ARCHIVE })
    await s.fault({ type: '5xx', count: 20, actions: ['SearchDatabase'] })
    const first = await s.pullRequest('opened', 101)
    expect(first.exitCode).toBe(1)
    expect(s.check(101)!.conclusion).toBe('failure')
    expect(s.check(101)!.output.title).toBe('DMS gate error')
    expect(await s.orders()).toHaveLength(0)
    await fetch(`${s.emulator.url}/__emulator/faults`, { method: 'DELETE' })
    const refresh = await s.schedule()
    expect(refresh.exitCode).toBe(0)
    expect(log(refresh)).toContain('#101: evaluating (its gate is error)')
    expect(await s.orders()).toHaveLength(1)
    expect(s.check(101)!.status).toBe('in_progress')
  }, 180_000)

  test('a head no pull_request run saw (a paths filter, a skipped run) gets its check from the refresh', async () => {
    s = await sc.start()
    s.openPull({ number: 102, changes: CHANGE_ARCHIVE })
    await s.pullRequest('opened', 102)
    const [ticket] = await s.orders()
    const newHead = s.push(102, { 'docs/notes.md': 'no SQL here\n' }) // no run for this push
    expect(s.check(newHead)).toBeUndefined()
    const refresh = await s.schedule()
    expect(refresh.exitCode).toBe(0)
    expect(s.check(newHead)!.status).toBe('in_progress')
    expect(s.check(newHead)!.external_id).toBe(String(ticket!.orderId))
    expect(await s.orders()).toHaveLength(1) // the plan is unchanged: the same ticket
  }, 180_000)

  test('a workflow_dispatch naming one PR refreshes only that PR', async () => {
    s = await sc.start()
    s.openPull({ number: 103, changes: CHANGE_ARCHIVE })
    s.openPull({ number: 104, changes: CHANGE_ARCHIVE })
    await s.pullRequest('opened', 103)
    await s.pullRequest('opened', 104)
    for (const o of await s.orders()) await s.decide(o.orderId, 'approve')
    const { runAction, workflowDispatchPayload } = await import('../../src/testing/run-action.js')
    const payload = { ...workflowDispatchPayload({ repository: s.repository, apiUrl: s.github.url }), inputs: { 'pull-request': '103' } }
    const run = await runAction({ entry: builtAction(), eventName: 'workflow_dispatch', payload, inputs: s.inputs, token: 'ghs_fakeWorkflowToken', repository: s.repository, apiUrl: s.github.url, sha: s.mainSha })
    expect(run.exitCode).toBe(0)
    expect(s.check(103)!.conclusion).toBe('success')
    expect(s.check(104)!.status).toBe('in_progress')
  }, 180_000)
})

describe('/dms-refresh acts on the commit it names', () => {
  test('a sha that is no longer the head is refused with a reply; the head itself is refreshed', async () => {
    s = await sc.start()
    const { headSha } = s.openPull({ number: 105, changes: CHANGE_ARCHIVE })
    await s.pullRequest('opened', 105)
    const [ticket] = await s.orders()
    await s.decide(ticket!.orderId, 'approve')
    const moved = s.push(105, { 'docs/x.md': 'x\n' })
    s.github.resetCounters()
    const stale = await s.comment(105, `/dms-refresh ${headSha.slice(0, 12)}`, 'dba-lead')
    expect(stale.exitCode).toBe(0)
    expect(s.check(moved)).toBeUndefined()
    expect(s.github.counters().writesByRoute).toEqual({ 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': 1 })
    expect(s.comments(105).at(-1)!.body).toBe(`\`/dms-refresh ${headSha.slice(0, 12)}\` names a commit that is no longer the head of #105 (now ${moved.slice(0, 12)}): review the new commit and ask again.`)
    const current = await s.comment(105, `/dms-refresh ${moved}`, 'dba-lead')
    expect(current.exitCode).toBe(0)
    expect(s.check(moved)!.conclusion).toBe('success')
  }, 180_000)
})
