// End to end: DMS semantics the gate relies on — a target marked logical in the config reaches DMS as Logic:true.
import { describe, expect, test } from '@jest/globals'
import { functionFile, scenarioPerTest } from './helpers.js'

const scenarios = scenarioPerTest()

describe('logical databases', () => {
  test('db-id + logic: true in the config is sent as DbItemList Logic:true; the emulator accepts only the matching pair', async () => {
    const config = 'version: 1\ntargets:\n  - name: sharded\n    paths: ["db/**"]\n    db-id: 9\n    logic: true\n'
    const s = await scenarios.start({
      baseFiles: { '.github/dms-proc-gate.yml': config, 'db/order_count.sql': functionFile('order_count', 'p + 1') },
      databases: [{ schema: 'demo' }, { schema: 'shop_logic', id: 9, logic: true }],
      inputs: { database: '' }
    })
    s.openPull({ number: 61, changes: { 'db/order_count.sql': functionFile('order_count', 'p + 2') } })
    const run = await s.pullRequest('opened', 61)
    expect(run.exitCode).toBe(0)
    expect(run.outputs['state']).toBe('awaiting-approval')
    const [order] = await s.orders()
    const res = await fetch(`${s.emulator.url}/__emulator/orders/${order!.orderId}`, { signal: AbortSignal.timeout(10_000) })
    const full = (await res.json()) as { order: { proc: { dbItems: { dbId: number; logic: boolean }[] } } }
    expect(full.order.proc.dbItems).toEqual([{ dbId: 9, logic: true }])
  }, 180_000)
})
