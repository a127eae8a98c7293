// End to end: the gate's one promise (docs/security.md) — nothing in a PR turns the check green, or gets SQL
// executed, without a DMS approval of exactly that SQL. Each attack from inside a PR (title, revert, a withdrawn
// approval, the merge queue, executable comments, the PR's own workflow) sits next to the honest path it imitates.
// The built dist/index.js runs as a runner runs it, against the DMS emulator and the fake GitHub API.
// DPG_ACTION_ENTRY=<path to another index.js> runs the same attacks against another build (the closing note's
// before/after table).
import { afterEach, describe, expect, test } from '@jest/globals'
import { DEFAULT_ACCESS_KEY, startEmulator, type RunningEmulator } from '../../src/emulator/index.js'
import { createDmsClient } from '../../src/dms/client.js'
import type { Scenario } from '../../src/testing/run-action.js'
import { BASE_FILES, CHANGE_ARCHIVE, log, procFile, scenarioPerTest } from './helpers.js'

let s: Scenario | undefined
let extra: RunningEmulator | undefined
const sc = scenarioPerTest()

afterEach(async () => {
  await extra?.close()
  extra = undefined
})

const BENIGN = CHANGE_ARCHIVE
const MALICIOUS: Record<string, string> = {
  'db/routines/archive_orders.sql': procFile('archive_orders', 'DELETE FROM orders;')
}

/** What the gate wrote into a ticket comment to recognise its plan, moved to PR `to` (format-agnostic). */
function forgeIdentity(comment: string, from: number, to: number): string {
  const v2 = new RegExp(`\\[dms-proc-gate/v2 [^\\]]*pr=${from} [^\\]]*\\]`).exec(comment)
  if (v2) return v2[0].replace(`pr=${from} `, `pr=${to} `)
  const v1 = new RegExp(`dms-proc-gate:\\S+#${from}:[0-9a-f]+`).exec(comment)
  if (v1) return v1[0].replace(`#${from}:`, `#${to}:`)
  throw new Error(`no identity found in ${JSON.stringify(comment)}`)
}

function isGreen(s: Scenario, shaOrPull: number | string): boolean {
  const c = s.check(shaOrPull)
  return c?.status === 'completed' && c.conclusion === 'success'
}

describe('1. title forgery', () => {
  test('a title carrying another plan\'s identity cannot make an approved benign ticket stand for malicious SQL', async () => {
    s = await sc.start()
    // a throwaway PR teaches the attacker what the gate writes for the malicious plan
    s.openPull({ number: 41, changes: MALICIOUS, title: 'throwaway' })
    await s.pullRequest('opened', 41)
    const throwaway = (await s.orders())[0]!
    const forged = forgeIdentity(throwaway.comment, 41, 40)
    // the benign PR carries it in its title; its ticket gets approved
    s.openPull({ number: 40, changes: BENIGN, title: `Archive delivered orders ${forged}` })
    await s.pullRequest('opened', 40)
    const benign = (await s.orders()).find(o => o.comment.includes('#40'))!
    expect(benign.execSql).toContain("status = 'delivered'")
    await s.decide(benign.orderId, 'approve')
    expect((await s.pullRequest('reopened', 40)).exitCode).toBe(0)
    expect(isGreen(s, 40)).toBe(true) // honest path: the approved benign change is green
    // then the malicious SQL is pushed: the benign approval must not carry over
    s.push(40, MALICIOUS)
    const run = await s.pullRequest('synchronize', 40)
    expect(run.exitCode).toBe(0)
    expect(isGreen(s, 40)).toBe(false)
    expect(s.check(40)!.status).toBe('in_progress')
    const orders = await s.orders()
    expect(orders.find(o => o.orderId === benign.orderId)!.status).toBe('closed')
    const fresh = orders.filter(o => o.comment.includes('pr=40 ') && o.orderId !== benign.orderId)
    expect(fresh).toHaveLength(1)
    expect(fresh[0]!.execSql).toContain('DELETE FROM orders;')
    expect(fresh[0]!.status).toBe('toaudit')
  }, 180_000)

  test('a second PR cannot borrow the first PR\'s approved ticket through the first PR\'s title', async () => {
    s = await sc.start()
    // learn what the gate writes for this change, then put the identity PR #43 will look for into #42's title
    s.openPull({ number: 44, changes: BENIGN, title: 'throwaway' })
    await s.pullRequest('opened', 44)
    const throwaway = (await s.orders())[0]!
    s.openPull({ number: 42, changes: BENIGN, title: `first ${forgeIdentity(throwaway.comment, 44, 43)}` })
    await s.pullRequest('opened', 42)
    const first = (await s.orders()).find(o => o.orderId !== throwaway.orderId)!
    await s.decide(first.orderId, 'approve')
    s.openPull({ number: 43, changes: BENIGN, title: 'second' })
    const run = await s.pullRequest('opened', 43)
    expect(run.exitCode).toBe(0)
    expect(isGreen(s, 43)).toBe(false)
    const orders = await s.orders()
    expect(orders).toHaveLength(3)
    expect(orders.find(o => o.orderId === first.orderId)!.status).toBe('approved')
  }, 180_000)
})

describe('2. approve, revert, merge', () => {
  test('a revert closes the approved ticket, and the merge executes nothing', async () => {
    s = await sc.start({ inputs: { 'execute-on-merge': 'true' } })
    s.openPull({ number: 50, changes: BENIGN })
    await s.pullRequest('opened', 50)
    const [ticket] = await s.orders()
    await s.decide(ticket!.orderId, 'approve')
    s.push(50, { 'db/routines/archive_orders.sql': BASE_FILES['db/routines/archive_orders.sql']! })
    const revert = await s.pullRequest('synchronize', 50)
    expect(revert.exitCode).toBe(0)
    expect(s.check(50)!.output.title).toBe('No routine changes to deploy')
    expect((await s.orders())[0]!.status).toBe('closed')
    const mergeSha = s.merge(50)
    const merged = await s.pullRequest('closed', 50)
    expect(merged.exitCode).toBe(0)
    expect(log(merged)).not.toContain('Executing DMS ticket')
    expect((await s.orders())[0]!.status).toBe('closed')
    expect(s.check(mergeSha)!.output.title).toBe('No routine changes to deploy')
  }, 180_000)

  test('even when no run saw the revert, the merged commit\'s empty plan executes nothing and closes the ticket', async () => {
    s = await sc.start({ inputs: { 'execute-on-merge': 'true' } })
    s.openPull({ number: 51, changes: BENIGN })
    await s.pullRequest('opened', 51)
    const [ticket] = await s.orders()
    await s.decide(ticket!.orderId, 'approve')
    s.push(51, { 'db/routines/archive_orders.sql': BASE_FILES['db/routines/archive_orders.sql']! }) // no run for this push
    s.merge(51)
    const merged = await s.pullRequest('closed', 51)
    expect(merged.exitCode).toBe(0)
    expect(log(merged)).not.toContain('Executing DMS ticket')
    expect((await s.orders())[0]!.status).toBe('closed')
  }, 180_000)

  test('honest path: an approved PR merged with execute-on-merge runs exactly its ticket; a superseded one is not run', async () => {
    s = await sc.start({ inputs: { 'execute-on-merge': 'true' } })
    s.openPull({ number: 52, changes: MALICIOUS })
    await s.pullRequest('opened', 52)
    const old = (await s.orders())[0]!
    await s.decide(old.orderId, 'approve') // approved, then the author changes the plan
    s.push(52, BENIGN)
    await s.pullRequest('synchronize', 52)
    const current = (await s.orders()).find(o => o.orderId !== old.orderId)!
    await s.decide(current.orderId, 'approve')
    const mergeSha = s.merge(52)
    const merged = await s.pullRequest('closed', 52)
    expect(merged.exitCode).toBe(0)
    const after = await s.orders()
    expect(after.find(o => o.orderId === current.orderId)!.status).toBe('success')
    expect(after.find(o => o.orderId === old.orderId)!.status).toBe('closed')
    expect(log(merged)).toContain(`Executing DMS ticket ${current.orderId}`)
    expect(log(merged)).not.toContain(`Executing DMS ticket ${old.orderId}`)
    expect(s.check(mergeSha)!.output.summary).toContain(`Executed DMS ticket ${current.orderId} (target default)`)
  }, 180_000)
})

describe('2b. execute-on-merge and ExecMode AUTO', () => {
  test('an AUTO ticket is run by DMS on approval: the merged run follows it and never calls ExecuteDataCorrect', async () => {
    s = await sc.start({ inputs: { 'execute-on-merge': 'true', 'exec-mode': 'AUTO' } })
    s.openPull({ number: 53, changes: BENIGN })
    await s.pullRequest('opened', 53)
    const [ticket] = await s.orders()
    await s.decide(ticket!.orderId, 'approve')
    const mergeSha = s.merge(53)
    const merged = await s.pullRequest('closed', 53)
    expect(merged.exitCode).toBe(0)
    expect(s.emulator.state.stats().byAction['ExecuteDataCorrect'] ?? 0).toBe(0)
    expect((await s.orders())[0]!.status).toBe('success')
    expect(s.check(mergeSha)!.output.title).toBe(`Executed in DMS (ticket ${ticket!.orderId})`)
    // DMS may finish it before the merged run reads it, or while the run follows it
    expect(s.check(mergeSha)!.output.summary).toMatch(new RegExp(`DMS ticket ${ticket!.orderId} \\(target default\\) (had already been executed|runs in DMS by itself \\(ExecMode AUTO\\): Executed in DMS)`))
  }, 180_000)
})

describe('3. approval withdrawn', () => {
  test.each(['cancel', 'close'] as const)('a ticket %s in DMS after approval turns the green check red on the next refresh', async how => {
    s = await sc.start()
    s.openPull({ number: 60, changes: BENIGN })
    await s.pullRequest('opened', 60)
    const [ticket] = await s.orders()
    await s.decide(ticket!.orderId, 'approve')
    await s.schedule()
    expect(isGreen(s, 60)).toBe(true)
    if (how === 'cancel') await s.decide(ticket!.orderId, 'cancel')
    else {
      const client = createDmsClient({ endpoint: s.emulator.url, credentials: { accessKeyId: DEFAULT_ACCESS_KEY.id, accessKeySecret: DEFAULT_ACCESS_KEY.secret } })
      await client.closeOrder(ticket!.orderId, 'withdrawn by the DBA')
    }
    const before = s.emulator.state.stats().total
    const refresh = await s.schedule()
    expect(refresh.exitCode).toBe(0)
    expect(s.check(60)!.conclusion).toBe('failure')
    expect(s.check(60)!.output.title).toBe(how === 'cancel' ? `DMS ticket ${ticket!.orderId} was cancelled` : `DMS ticket ${ticket!.orderId} was closed`)
    expect(s.emulator.state.stats().total - before).toBeGreaterThan(0)
  }, 180_000)

  test('honest path: a still-approved ticket costs the refresh one DMS call per ticket and no GitHub write', async () => {
    s = await sc.start()
    s.openPull({ number: 61, changes: BENIGN })
    await s.pullRequest('opened', 61)
    const [ticket] = await s.orders()
    await s.decide(ticket!.orderId, 'approve')
    await s.schedule()
    expect(isGreen(s, 61)).toBe(true)
    await fetch(`${s.emulator.url}/__emulator/stats`, { method: 'DELETE' })
    s.github.resetCounters()
    expect((await s.schedule()).exitCode).toBe(0)
    const stats = s.emulator.state.stats()
    expect(stats.byAction.GetOrderBaseInfo).toBe(1)
    expect(Object.keys(stats.byAction).sort()).toEqual(['GetOrderBaseInfo', 'ListOrders'])
    expect(s.github.counters().writes).toBe(0)
    expect(isGreen(s, 61)).toBe(true)
  }, 180_000)
})

describe('4. merge queue and checks named like the gate\'s', () => {
  test('a fork PR with only a job named like the check gets no green merge group without a ticket', async () => {
    s = await sc.start()
    const { headSha } = s.openPull({ number: 70, changes: MALICIOUS, user: 'outsider', fork: true })
    s.foreignCheck(headSha) // the PR's own workflow: a job called "DMS approval" that succeeds
    const mg = await s.mergeGroup(70)
    expect(mg.run.exitCode).toBe(0)
    const check = s.check(mg.headSha)!
    expect(check.conclusion).toBe('failure')
    expect(check.output.title).toBe("No approved DMS ticket for this commit's plan (target default)")
    expect(await s.orders()).toHaveLength(0)
  }, 180_000)

  test('a job named like the check beside the gate\'s check turns the gate\'s check red, and the gate\'s stays the newest', async () => {
    s = await sc.start()
    const { headSha } = s.openPull({ number: 71, changes: BENIGN })
    await s.pullRequest('opened', 71)
    const [ticket] = await s.orders()
    await s.decide(ticket!.orderId, 'approve')
    s.foreignCheck(headSha, { conclusion: 'success' })
    const refresh = await s.schedule()
    expect(refresh.exitCode).toBe(0)
    const latest = s.check(71)!
    expect(latest.conclusion).toBe('failure')
    expect(latest.output.title).toBe('Blocked: another check run with this name is on the commit, not written by the gate')
    const runs = s.github.checkRuns(s.repository, headSha).filter(r => r.name === 'DMS approval').sort((a, b) => b.id - a.id)
    expect(runs[0]!.id).toBe(latest.id)
    expect(runs[0]!.output.summary).toContain('<!-- dms-proc-gate:check ')
  }, 180_000)

  test('with a dedicated GitHub App token, a run of the workflow token with a copied marker is foreign too', async () => {
    s = await sc.start()
    const APP_TOKEN = 'ghs_dmsGateAppToken'
    s.github.addToken(APP_TOKEN, { login: 'dms-gate[bot]', access: 'write', appId: 777, appSlug: 'dms-gate' })
    const { headSha } = s.openPull({ number: 72, changes: BENIGN })
    await s.pullRequest('opened', 72, { token: APP_TOKEN })
    const ours = s.check(72)!
    expect(s.github.checkRuns(s.repository, headSha).find(r => r.id === ours.id)!.appId).toBe(777)
    expect(s.comments(72)[0]!.user).toBe('dms-gate[bot]')
    const [ticket] = await s.orders()
    await s.decide(ticket!.orderId, 'approve')
    // a step in the PR's workflow copies the gate's approved output with the workflow token (app github-actions)
    s.foreignCheck(headSha, { conclusion: 'success', summary: ours.output.summary })
    const run = await s.pullRequest('reopened', 72, { token: APP_TOKEN })
    expect(run.exitCode).toBe(0)
    const latest = s.check(72)!
    expect(s.github.checkRuns(s.repository, headSha).find(r => r.id === latest.id)!.appId).toBe(777)
    expect(latest.conclusion).toBe('failure')
    expect(latest.output.summary).toContain('(github-actions)')
  }, 180_000)

  test('honest path: the merge group of an approved PR is green', async () => {
    s = await sc.start()
    s.openPull({ number: 73, changes: BENIGN })
    await s.pullRequest('opened', 73)
    const [ticket] = await s.orders()
    await s.decide(ticket!.orderId, 'approve')
    const mg = await s.mergeGroup(73)
    expect(mg.run.exitCode).toBe(0)
    expect(isGreen(s, mg.headSha)).toBe(true)
  }, 180_000)

  test('a merge group built on a main that changed the same routine is not covered by the PR\'s old approval', async () => {
    s = await sc.start()
    s.openPull({ number: 74, changes: BENIGN })
    await s.pullRequest('opened', 74)
    const [ticket] = await s.orders()
    await s.decide(ticket!.orderId, 'approve')
    s.advanceMain({ 'db/routines/archive_orders.sql': procFile('archive_orders', 'DELETE FROM orders WHERE id < 0;') })
    const mg = await s.mergeGroup(74)
    expect(isGreen(s, mg.headSha)).toBe(false) // the rollback of the approved ticket restores a base that no longer exists
  }, 180_000)
})

describe('5. executable comments', () => {
  const GUARDED = procFile('archive_orders', "IF p_days < 30 THEN SIGNAL SQLSTATE '45000'; END IF;\n  DELETE FROM orders WHERE created_at < NOW() - INTERVAL p_days DAY;")
  const DISARMED = procFile('archive_orders', "/*!99999 IF p_days < 30 THEN SIGNAL SQLSTATE '45000'; END IF; */\n  DELETE FROM orders WHERE created_at < NOW() - INTERVAL p_days DAY;")

  test('moving a guard into /*!99999 … */ is a change that needs a ticket', async () => {
    s = await sc.start({ baseFiles: { ...BASE_FILES, 'db/routines/archive_orders.sql': GUARDED } })
    s.openPull({ number: 80, changes: { 'db/routines/archive_orders.sql': DISARMED } })
    const run = await s.pullRequest('opened', 80)
    expect(run.exitCode).toBe(0)
    expect(isGreen(s, 80)).toBe(false)
    const orders = await s.orders()
    expect(orders).toHaveLength(1)
    expect(orders[0]!.execSql).toContain('/*!99999')
  }, 180_000)

  test('honest path: a reformat of the same guard is still no change', async () => {
    s = await sc.start({ baseFiles: { ...BASE_FILES, 'db/routines/archive_orders.sql': GUARDED } })
    s.openPull({ number: 81, changes: { 'db/routines/archive_orders.sql': GUARDED.replace('IF p_days < 30 THEN', 'IF   p_days < 30\n    THEN') } })
    await s.pullRequest('opened', 81)
    expect(isGreen(s, 81)).toBe(true)
    expect(await s.orders()).toHaveLength(0)
  }, 180_000)
})

describe('6. the PR\'s own workflow', () => {
  const WORKFLOW = '.github/workflows/dms-gate.yml'
  const workflow = (withLines: string) =>
    `name: DMS gate\non: pull_request\njobs:\n  gate:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: octo-org/dms-proc-gate@v1\n        with:\n${withLines}`

  test.each([
    ['include: nothing/**', { include: 'nothing/**' }],
    ['config pointed at a missing file', { config: 'no/such/config.yml' }],
    ['a check-name no rule requires', { 'check-name': 'Something else' }]
  ])('on pull_request, a PR that edits the gate\'s workflow (%s) is blocked, whatever it sets', async (_what, inputs) => {
    s = await sc.start({ baseFiles: { ...BASE_FILES, [WORKFLOW]: workflow('          database: demo\n') } })
    s.openPull({ number: 90, changes: { ...MALICIOUS, [WORKFLOW]: workflow(Object.entries(inputs).map(([k, v]) => `          ${k}: ${v}\n`).join('')) } })
    const run = await s.pullRequest('opened', 90, { inputs })
    expect(run.exitCode).toBe(0)
    const name = (inputs as Record<string, string>)['check-name'] ?? 'DMS approval'
    const check = s.check(90, name)!
    expect(check.conclusion).toBe('failure')
    expect(check.output.title).toBe(`Blocked: this PR changes a workflow that runs the gate (${WORKFLOW})`)
    expect(await s.orders()).toHaveLength(0)
  }, 180_000)

  test('a merge group runs the merge group\'s copy of the workflow: an approved PR that also edits the gate\'s workflow is blocked there', async () => {
    s = await sc.start({ checkout: false, baseFiles: { ...BASE_FILES, [WORKFLOW]: workflow('          database: demo\n') } })
    s.openPull({ number: 95, changes: { ...BENIGN, [WORKFLOW]: workflow('          include: nothing/**\n') } })
    await s.pullRequest('opened', 95, { trigger: 'pull_request_target' })
    const [ticket] = await s.orders()
    await s.decide(ticket!.orderId, 'approve')
    await s.pullRequest('reopened', 95, { trigger: 'pull_request_target' })
    expect(isGreen(s, 95)).toBe(true) // the base workflow gated the SQL
    const mg = await s.mergeGroup(95, { inputs: { include: 'nothing/**' } })
    expect(mg.run.exitCode).toBe(0)
    expect(s.check(mg.headSha)!.conclusion).toBe('failure')
    expect(s.check(mg.headSha)!.output.title).toBe(`Blocked: this PR changes a workflow that runs the gate (${WORKFLOW})`)
  }, 180_000)

  test('…and an endpoint of the PR\'s own choosing is never contacted', async () => {
    s = await sc.start({ baseFiles: { ...BASE_FILES, [WORKFLOW]: workflow('          database: demo\n') } })
    extra = await startEmulator({ precheckDelayMs: 0 })
    s.openPull({ number: 91, changes: { ...MALICIOUS, [WORKFLOW]: workflow(`          dms-endpoint: ${extra.url}\n`) } })
    const run = await s.pullRequest('opened', 91, { inputs: { 'dms-endpoint': extra.url } })
    expect(run.exitCode).toBe(0)
    expect(s.check(91)!.conclusion).toBe('failure')
    expect(extra.state.stats().total).toBe(0)
  }, 180_000)

  test('honest path: on pull_request_target the base workflow runs; the PR\'s workflow edit is just a file, read as data', async () => {
    s = await sc.start({ checkout: false, baseFiles: { ...BASE_FILES, [WORKFLOW]: workflow('          database: demo\n') } })
    s.openPull({ number: 92, changes: { ...BENIGN, [WORKFLOW]: workflow('          include: nothing/**\n') } })
    const run = await s.pullRequest('opened', 92, { trigger: 'pull_request_target' })
    expect(run.exitCode).toBe(0)
    expect(s.check(92)!.status).toBe('in_progress')
    expect((await s.orders())[0]!.execSql).toContain("status = 'delivered'")
  }, 180_000)

  test('honest path: on pull_request, a PR that edits another workflow is gated as usual', async () => {
    s = await sc.start({ baseFiles: { ...BASE_FILES, [WORKFLOW]: workflow('          database: demo\n'), '.github/workflows/lint.yml': 'on: push\n' } })
    s.openPull({ number: 93, changes: { ...BENIGN, '.github/workflows/lint.yml': 'on: [push, pull_request]\n' } })
    await s.pullRequest('opened', 93)
    expect(s.check(93)!.status).toBe('in_progress')
    expect(await s.orders()).toHaveLength(1)
  }, 180_000)

  test('pull_request_target on a fork PR writes an awaiting-maintainer check and opens no ticket', async () => {
    s = await sc.start({ checkout: false })
    const { headSha } = s.openPull({ number: 94, changes: MALICIOUS, user: 'outsider', fork: true })
    const run = await s.pullRequest('opened', 94, { trigger: 'pull_request_target' })
    expect(run.exitCode).toBe(0)
    expect(run.outputs['state']).toBe('awaiting-maintainer')
    expect(s.check(headSha)!.status).toBe('in_progress')
    expect(await s.orders()).toHaveLength(0)
    // the maintainer names the reviewed commit; the author pushes after that: the old name opens nothing
    const pushed = s.push(94, { 'db/routines/archive_orders.sql': procFile('archive_orders', 'TRUNCATE orders;') })
    const late = await s.comment(94, `/dms-refresh ${headSha}`, 'dba-lead')
    expect(late.exitCode).toBe(0)
    expect(await s.orders()).toHaveLength(0)
    expect(s.comments(94).some(c => c.body.includes(`no longer the head of #94 (now ${pushed.slice(0, 12)})`))).toBe(true)
  }, 180_000)
})
