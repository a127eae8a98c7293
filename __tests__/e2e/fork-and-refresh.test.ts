// End to end: fork PRs (read-only token, no DMS secrets), /dms-refresh and who may use it, merge queues, closing.
import { describe, expect, test } from '@jest/globals'
import { BOT_LOGIN } from '../../src/testing/fake-github.js'
import type { Scenario } from '../../src/testing/run-action.js'
import { scenarioPerTest, CHANGE_ARCHIVE, log, scenario } from './helpers.js'

let s: Scenario | undefined
const READ_ONLY_TOKEN = 'ghs_forkReadOnlyToken'
const NO_DMS_SECRETS = { 'access-key-id': '', 'access-key-secret': '' }
const sc = scenarioPerTest()

describe('fork PRs and /dms-refresh', () => {
  test('fork PR: plans, writes only the job summary, explains what a maintainer does; then /dms-refresh by a maintainer opens the ticket', async () => {
    s = await sc.start()
    s.github.addToken(READ_ONLY_TOKEN, { login: BOT_LOGIN, access: 'read' })
    const { headSha } = s.openPull({ number: 21, changes: CHANGE_ARCHIVE, user: 'outsider', fork: true })
    s.github.resetCounters()
    const run = await s.pullRequest('opened', 21, { token: READ_ONLY_TOKEN, inputs: NO_DMS_SECRETS })
    expect(run.exitCode).toBe(0)
    expect(run.outputs['state']).toBe('awaiting-maintainer')
    expect(s.github.counters().writes).toBe(0)
    expect(await s.orders()).toHaveLength(0)
    expect(run.summary).toContain('archive_orders')
    expect(run.summary).toContain(`/dms-refresh ${headSha}`)
    expect(log(run)).toContain('reads the SQL only as data')

    // without naming the reviewed commit, a maintainer's refresh only reports: no ticket for a fork
    const unnamed = await s.comment(21, '/dms-refresh', 'dba-lead')
    expect(unnamed.exitCode).toBe(0)
    expect(log(unnamed)).toContain('name the reviewed commit (/dms-refresh <sha>) to open a ticket')
    expect(await s.orders()).toHaveLength(0)
    expect(s.check(headSha)!.status).toBe('in_progress')
    expect(s.check(headSha)!.output.title).toBe(`Fork PR: 1 routine change planned; a maintainer must review and comment /dms-refresh ${headSha.slice(0, 12)}`)

    const refresh = await s.comment(21, `/dms-refresh ${headSha.slice(0, 10)}`, 'dba-lead')
    expect(refresh.exitCode).toBe(0)
    expect(log(refresh)).toContain(`fork PR: reading its SQL through the API as data only; commit ${headSha.slice(0, 12)} cleared for a ticket`)
    const orders = await s.orders()
    expect(orders).toHaveLength(1)
    expect(orders[0]!.status).toBe('toaudit')
    expect(s.check(headSha)!.status).toBe('in_progress')
    expect(s.comments(21)).toHaveLength(1)
  }, 120_000)

  test('/dms-refresh from a user with read access is refused: nothing is written, no ticket', async () => {
    s = await sc.start()
    s.openPull({ number: 22, changes: CHANGE_ARCHIVE })
    s.github.resetCounters()
    const run = await s.comment(22, '/dms-refresh', 'outside-reader')
    expect(run.exitCode).toBe(0)
    expect(log(run)).toMatch(/\/dms-refresh refused: @outside-reader has read access/)
    expect(s.github.counters().writes).toBe(0)
    expect(await s.orders()).toHaveLength(0)
    // a stranger (not a collaborator at all) too
    const stranger = await s.comment(22, '/dms-refresh please', 'random-person')
    expect(log(stranger)).toContain('/dms-refresh refused')
    expect(await s.orders()).toHaveLength(0)
  }, 120_000)

  test('/dms-refresh by a writer on a pending PR reads DMS and updates the check', async () => {
    s = await sc.start()
    s.openPull({ number: 23, changes: CHANGE_ARCHIVE })
    await s.pullRequest('opened', 23)
    const [order] = await s.orders()
    await s.decide(order!.orderId, 'approve')
    const run = await s.comment(23, '/dms-refresh', 'dba-lead')
    expect(run.exitCode).toBe(0)
    expect(s.check(23)!.conclusion).toBe('success')
    expect(await s.orders()).toHaveLength(1)
  }, 120_000)
})

describe('merge queue and closing', () => {
  test('merge_group: the group head is planned against its base; green only once the ticket of that plan is approved', async () => {
    s = await sc.start()
    s.openPull({ number: 31, changes: CHANGE_ARCHIVE })
    await s.pullRequest('opened', 31)
    const pending = await s.mergeGroup(31)
    expect(pending.run.exitCode).toBe(0)
    const [ticket] = await s.orders()
    expect(s.check(pending.headSha)!.conclusion).toBe('failure')
    expect(s.check(pending.headSha)!.output.summary).toContain(`is held by DMS ticket ${ticket!.orderId}, which is not approved now`)
    const [order] = await s.orders()
    await s.decide(order!.orderId, 'approve')
    const green = await s.mergeGroup(31)
    expect(green.run.exitCode).toBe(0)
    const check = s.check(green.headSha)!
    expect(check.conclusion).toBe('success')
  }, 120_000)

  test('closed without merging: the open ticket is closed in DMS', async () => {
    s = await sc.start()
    s.openPull({ number: 32, changes: CHANGE_ARCHIVE })
    await s.pullRequest('opened', 32)
    const pull = s.github.repo(s.repository).pulls.get(32)!
    pull.state = 'closed'
    const run = await s.pullRequest('closed', 32)
    expect(run.exitCode).toBe(0)
    const [order] = await s.orders()
    expect(order!.status).toBe('closed')
    expect(s.comments(32)[0]!.body).toContain('closed without merging')
    // a closed PR is not refreshed any more
    s.github.resetCounters()
    await s.schedule()
    expect(s.github.counters().writes).toBe(0)
  }, 120_000)

  test('merged with execute-on-merge: the approved ticket runs in DMS, the result is reported on the merge commit', async () => {
    s = await sc.start()
    s.openPull({ number: 33, changes: CHANGE_ARCHIVE })
    await s.pullRequest('opened', 33)
    const [order] = await s.orders()
    await s.decide(order!.orderId, 'approve')
    const mergeSha = s.merge(33)
    const run = await s.pullRequest('closed', 33, { inputs: { 'execute-on-merge': 'true' } })
    expect(run.exitCode).toBe(0)
    expect(log(run)).toContain(`Executing DMS ticket ${order!.orderId}`)
    expect((await s.orders())[0]!.status).toBe('success')
    const check = s.check(mergeSha)!
    expect(check.conclusion).toBe('success')
    expect(check.output.title).toBe(`Executed in DMS (ticket ${order!.orderId})`)
    expect(check.output.summary).toContain(`Executed DMS ticket ${order!.orderId} (target default): Executed in DMS`)
    expect(s.comments(33)[0]!.body).toContain('Executed in DMS')
  }, 120_000)
})
