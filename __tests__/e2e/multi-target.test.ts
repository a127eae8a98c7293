// End to end: a config with two databases (one ticket per target, green only when both are approved) and
// permission-application tickets named by the config or the PR description (pending → approved).
import { describe, expect, test } from '@jest/globals'
import type { Scenario } from '../../src/testing/run-action.js'
import { scenarioPerTest, CHANGE_ARCHIVE, functionFile, procFile, scenario } from './helpers.js'

let s: Scenario | undefined
const sc = scenarioPerTest()

const CONFIG = `version: 1
targets:
  - name: shop
    paths: ["db/shop/**"]
    schema: shop
  - name: billing
    paths: ["db/billing/**"]
    schema: billing
    exec-mode: LAST_AUDITOR
    related-users: [61]
`

const TWO_DB_BASE = {
  '.github/dms-proc-gate.yml': CONFIG,
  'db/shop/order_count.sql': functionFile('order_count', 'p + 1'),
  'db/billing/close_invoice.sql': procFile('close_invoice', 'UPDATE invoices SET closed = 1 WHERE id = p_days;')
}

async function createPermOrder(sc: Scenario): Promise<number> {
  const res = await fetch(`${sc.emulator.url}/__emulator/perm-orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ applyType: 'TAB', comment: 'reporting SELECT', resources: [{ DatabaseInfo: { DbId: 1, SearchName: 'shop' }, TableInfo: { TableName: 'orders' } }] }),
    signal: AbortSignal.timeout(10_000)
  })
  return ((await res.json()) as { orderId: number }).orderId
}

async function executeCalls(sc: Scenario): Promise<number> {
  return sc.emulator.state.stats().byAction['ExecuteDataCorrect'] ?? 0
}

describe('execute-on-merge across targets and ExecModes', () => {
  const CHANGES = {
    'db/shop/order_count.sql': functionFile('order_count', 'p + 2'),
    'db/billing/close_invoice.sql': procFile('close_invoice', 'UPDATE invoices SET closed = 1, closed_at = NOW() WHERE id = p_days;')
  }
  const start = () => sc.start({ baseFiles: TWO_DB_BASE, databases: [{ schema: 'shop' }, { schema: 'billing' }], inputs: { database: '', 'execute-on-merge': 'true' } })

  test('COMMITOR is executed by the gate; LAST_AUDITOR is left to its last approver and reported, not called', async () => {
    s = await start()
    s.openPull({ number: 55, changes: CHANGES })
    await s.pullRequest('opened', 55)
    for (const o of await s.orders()) await s.decide(o.orderId, 'approve')
    const [shop, billing] = ['shop', 'billing'].map(name => s!.emulator.state.orders().find(o => o.comment.includes(`target=${name}`))!)
    const mergeSha = s.merge(55)
    const run = await s.pullRequest('closed', 55)
    expect(run.exitCode).toBe(0)
    expect(await executeCalls(s)).toBe(1)
    const orders = await s.orders()
    expect(orders.find(o => o.orderId === shop!.orderId)!.status).toBe('success')
    expect(orders.find(o => o.orderId === billing!.orderId)!.status).toBe('approved')
    const check = s.check(mergeSha)!
    expect(check.status).toBe('in_progress')
    expect(check.output.summary).toContain(`Executed DMS ticket ${shop!.orderId} (target shop): Executed in DMS`)
    expect(check.output.summary).toContain(`DMS ticket ${billing!.orderId} (target billing) is executed by its last approver in DMS (ExecMode LAST\\_AUDITOR); not called.`)
  }, 180_000)

  test('all or nothing: with one target not approved, nothing is executed', async () => {
    s = await start()
    s.openPull({ number: 56, changes: CHANGES })
    await s.pullRequest('opened', 56)
    const shop = s.emulator.state.orders().find(o => o.comment.includes('target=shop'))!
    await s.decide(shop.orderId, 'approve')
    const mergeSha = s.merge(56)
    const run = await s.pullRequest('closed', 56)
    expect(run.exitCode).toBe(0)
    expect(await executeCalls(s)).toBe(0)
    expect((await s.orders()).find(o => o.orderId === shop.orderId)!.status).toBe('approved')
    const check = s.check(mergeSha)!
    expect(check.conclusion).toBe('failure')
    expect(check.output.summary).toContain('Nothing was executed: not every target of the merged plan has an approved ticket')
  }, 180_000)
})

describe('several databases', () => {
  test('a PR touching two targets gets two tickets; the gate is green only after both are approved', async () => {
    s = await sc.start({ baseFiles: TWO_DB_BASE, databases: [{ schema: 'shop' }, { schema: 'billing' }], inputs: { database: '' } })
    s.openPull({
      number: 51,
      changes: {
        'db/shop/order_count.sql': functionFile('order_count', 'p + 2'),
        'db/billing/close_invoice.sql': procFile('close_invoice', 'UPDATE invoices SET closed = 1, closed_at = NOW() WHERE id = p_days;')
      }
    })
    const run = await s.pullRequest('opened', 51)
    expect(run.exitCode).toBe(0)
    const orders = await s.orders()
    expect(orders).toHaveLength(2)
    expect(orders.map(o => o.dbIds[0]).sort()).toEqual([1, 2])
    expect(run.outputs['order-id']!.split(',')).toHaveLength(2)
    expect(JSON.parse(run.outputs['tickets']!).map((t: { target: string }) => t.target).sort()).toEqual(['billing', 'shop'])
    expect(s.check(51)!.output.title).toContain('0 of 2 DMS tickets approved')
    const shopTicket = orders.find(o => o.dbIds[0] === 1)!
    const billingTicket = orders.find(o => o.dbIds[0] === 2)!
    expect(shopTicket.execSql).toContain('order_count')
    expect(shopTicket.execSql).not.toContain('close_invoice')
    expect(billingTicket.execSql).toContain('close_invoice')

    await s.decide(shopTicket.orderId, 'approve')
    await s.schedule()
    expect(s.check(51)!.status).toBe('in_progress')
    expect(s.check(51)!.output.title).toContain('1 of 2 DMS tickets approved')

    await s.decide(billingTicket.orderId, 'approve')
    await s.schedule()
    expect(s.check(51)!.conclusion).toBe('success')
    expect(s.check(51)!.output.title).toBe('Approved in DMS: all 2 tickets')
    const body = s.comments(51)[0]!.body
    expect(body).toContain('### ✅ DMS approval: Approved in DMS: all 2 tickets')
    expect(body).toContain('**DMS tickets (2):**')
    expect(body).toMatch(new RegExp(`- \\[${shopTicket.orderId}\\]\\([^)]+\\) target \`shop\` · status \`Approved\` · workflow \\d+ — Approved in DMS`))
    expect(body).toMatch(new RegExp(`- \\[${billingTicket.orderId}\\]\\([^)]+\\) target \`billing\``))
    expect(body).toContain(`#### Approval progress — DMS ticket ${shopTicket.orderId} (target shop)`)
    expect(body).toContain(`#### Approval progress — DMS ticket ${billingTicket.orderId} (target billing)`)
    expect(await s.orders()).toHaveLength(2)
  }, 180_000)

  test('a routine file no target maps fails the plan with the file named, and opens no ticket', async () => {
    s = await sc.start({ baseFiles: TWO_DB_BASE, databases: [{ schema: 'shop' }, { schema: 'billing' }], inputs: { database: '' } })
    s.openPull({ number: 52, changes: { 'db/other/stray.sql': functionFile('stray', 'p') } })
    const run = await s.pullRequest('opened', 52)
    expect(run.outputs['state']).toBe('plan-failed')
    expect(s.check(52)!.conclusion).toBe('failure')
    expect(s.check(52)!.annotations[0]).toMatchObject({ path: 'db/other/stray.sql', start_line: 1 })
    expect(await s.orders()).toHaveLength(0)
  }, 120_000)
})

describe('the config is the base branch\'s', () => {
  test('a PR that edits the config to drop its permission gate is still gated by the base config', async () => {
    // The emulator numbers tickets from 1001, so the first ticket created here (the permission one) is 1001.
    const gatedConfig = CONFIG + 'perm-orders: [1001]\n'
    s = await sc.start({ baseFiles: { ...TWO_DB_BASE, '.github/dms-proc-gate.yml': gatedConfig },
      databases: [{ schema: 'shop' }, { schema: 'billing' }], inputs: { database: '' } })
    const perm = await createPermOrder(s)
    expect(perm).toBe(1001)
    s.openPull({
      number: 71,
      changes: {
        '.github/dms-proc-gate.yml': CONFIG, // the PR drops perm-orders from its own copy of the config
        'db/shop/order_count.sql': functionFile('order_count', 'p + 7')
      }
    })
    const run = await s.pullRequest('opened', 71)
    expect(run.exitCode).toBe(0)
    const ticket = (await s.orders()).find(o => o.orderId !== perm)!
    await s.decide(ticket.orderId, 'approve')
    await s.schedule()
    // The routine ticket is approved, but the base config's permission ticket is still pending: not green.
    expect(s.check(71)!.status).toBe('in_progress')
    expect(s.comments(71)[0]!.body).toContain(`Permission ticket ${perm}: pending`)
    await s.decide(perm, 'approve')
    await s.schedule()
    expect(s.check(71)!.conclusion).toBe('success')
  }, 240_000)
})

describe('permission tickets', () => {
  test('DMS-Perm-Order in the PR description gates the PR: pending → approved', async () => {
    s = await sc.start()
    const permId = await createPermOrder(s)
    s.openPull({ number: 61, changes: CHANGE_ARCHIVE, body: `Needs the reporting grant.\n\nDMS-Perm-Order: ${permId}\n` })
    const run = await s.pullRequest('opened', 61)
    expect(run.exitCode).toBe(0)
    const ticket = (await s.orders()).find(o => o.orderId !== permId)!
    await s.decide(ticket.orderId, 'approve')
    await s.schedule()
    // the routine ticket is approved, the permission ticket is not: still pending
    expect(s.check(61)!.status).toBe('in_progress')
    expect(s.check(61)!.output.title).toContain('1 of 2 DMS tickets approved')
    expect(s.comments(61)[0]!.body).toContain(`Permission ticket ${permId}: pending`)

    await s.decide(permId, 'approve')
    await s.schedule()
    expect(s.check(61)!.conclusion).toBe('success')
    expect(s.comments(61)[0]!.body).toContain(`Permission ticket ${permId}: approved`)
  }, 180_000)

  test('a PR body naming a ticket that is not a permission application fails the gate with the reason', async () => {
    s = await sc.start()
    s.openPull({ number: 62, changes: CHANGE_ARCHIVE })
    await s.pullRequest('opened', 62)
    const [routineTicket] = await s.orders()
    s.openPull({ number: 63, changes: { 'db/routines/order_count.sql': functionFile('order_count', 'p + 3') }, body: `DMS-Perm-Order: ${routineTicket!.orderId}` })
    const run = await s.pullRequest('opened', 63)
    expect(run.outputs['state']).toBe('error')
    expect(s.check(63)!.conclusion).toBe('failure')
    expect(s.check(63)!.output.summary).toContain('not a permission application')
  }, 120_000)
})
