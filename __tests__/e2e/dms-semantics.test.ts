// End to end: DMS semantics the gate relies on — a target marked logical in the config reaches DMS as Logic:true.
import { afterEach, beforeAll, describe, expect, test } from '@jest/globals'
import type { Scenario } from '../../src/testing/run-action.js'
import { builtAction, functionFile, scenario } from './helpers.js'

let s: Scenario | undefined

beforeAll(() => {
  builtAction()
}, 600_000)

afterEach(async () => {
  await s?.close()
  s = undefined
})

describe('logical databases', () => {
  test('db-id + logic: true in the config is sent as DbItemList Logic:true; the emulator accepts only the matching pair', async () => {
    const config = 'version: 1\ntargets:\n  - name: sharded\n    paths: ["db/**"]\n    db-id: 9\n    logic: true\n'
    s = await scenario({
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
