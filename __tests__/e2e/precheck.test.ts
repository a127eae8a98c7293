// End to end against an emulator whose precheck runs the ticket's SQL on the private MariaDB (--precheck-db): a plan
// our planner accepts can still fail DMS's precheck, and the check run says why, with the server's own words.
import { beforeAll, describe, expect, test } from '@jest/globals'
import type { Scenario } from '../../src/testing/run-action.js'
import { sharedMariaDb } from '../helpers/mariadb-server.js'
import { log, procFile, scenarioPerTest } from './helpers.js'

const scenarios = scenarioPerTest()

/** The check output is Markdown: `_` and friends arrive escaped. */
function unescape(markdown: string): string {
  return markdown.replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1')
}
let precheckDb = ''

beforeAll(() => {
  precheckDb = `mysql://root@localhost?socket=${encodeURIComponent(sharedMariaDb().socket)}`
})

/** Opens PR `number` with `changes` on an emulator whose precheck runs on MariaDB, and runs the Action on it. */
async function openOnRealPrecheck(number: number, changes: Record<string, string>): Promise<{ s: Scenario; run: Awaited<ReturnType<Scenario['pullRequest']>> }> {
  const s = await scenarios.start({ precheckDb, precheckDelayMs: 0 })
  s.openPull({ number, changes })
  const run = await s.pullRequest('opened', number)
  expect([run.exitCode, run.exitCode === 0 ? '' : log(run)]).toEqual([0, ''])
  return { s, run }
}

describe('precheck decided by a real server', () => {
  test('a body MariaDB cannot parse: precheck-failed, the check names the step and the server error', async () => {
    // Our planner only splits statements and compares definitions; it does not parse routine bodies.
    const { s, run } = await openOnRealPrecheck(31, { 'db/routines/archive_orders.sql': procFile('archive_orders', 'SELEC p_days;') })
    expect(run.outputs['state']).toBe('precheck-failed')
    const [order] = await s.orders()
    expect(order!.status).toBe('new') // never submitted for approval
    expect(order!.workflowInstanceId).toBe(0)
    const check = s.check(31)!
    expect(check.status).toBe('completed')
    expect(check.conclusion).toBe('failure')
    expect(check.output.title).toBe(`DMS ticket ${order!.orderId}: precheck failed`)
    const text = unescape(`${check.output.summary}\n${check.output.text ?? ''}`)
    expect(text).toMatch(/SQL_PARSE: ExecSQL statement at line \d+: ERROR 1064 \(42000\): You have an error in your SQL syntax/)
    expect(s.comments(31)[0]!.body).toContain('ERROR 1064 (42000)')
  }, 180_000)

  test('a valid change passes the real-server precheck and awaits approval', async () => {
    const { s, run } = await openOnRealPrecheck(32, { 'db/routines/archive_orders.sql': procFile('archive_orders', 'SELECT p_days;') })
    expect(run.outputs['state']).toBe('awaiting-approval')
    expect((await s.orders())[0]!.status).toBe('toaudit')
  }, 180_000)

  test('a rollback that cannot run fails the precheck too (RollbackSQL is checked after ExecSQL)', async () => {
    // A reviewer-written rollback that drops a routine nobody created: the planner takes it as written.
    const { s, run } = await openOnRealPrecheck(33, {
      'db/routines/archive_orders.sql': procFile('archive_orders', 'SELECT p_days + 1;'),
      'db/routines/archive_orders.rollback.sql': 'DROP PROCEDURE archive_orders_v0;\n'
    })
    expect(run.outputs['state']).toBe('precheck-failed')
    const check = s.check(33)!
    // The rendered rollback starts with DELIMITER $$ (line 1), so the DROP is line 2.
    expect(unescape(`${check.output.summary}\n${check.output.text ?? ''}`)).toMatch(/SQL_PARSE: RollbackSQL statement at line 2: ERROR 1305 \(42000\): PROCEDURE dpg_precheck_[0-9a-f]+\.archive_orders_v0 does not exist/)
  }, 180_000)
})

describe('the SearchContent mode of this jest project', () => {
  test("scenarios get the project's mode: 'comment' in the main project, 'none' in the second e2e project", async () => {
    const s = await scenarios.start()
    expect(s.emulator.state.config.searchContent).toBe(process.env.DPG_EMULATOR_SEARCH_CONTENT === 'none' ? 'none' : 'comment')
  })
})
