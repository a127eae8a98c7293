// The permission-ticket gate against the emulator: PERM_APPLY tickets read from DMS, others refused.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { createDmsClient } from '../../src/dms/client.js'
import type { RunningEmulator } from '../../src/emulator/index.js'
import { collectPermOrders, describePermRequest, describePermType, permGateMarkdown, readPermGate } from '../../src/perm/index.js'
import { clientFor, control, createPermOrder, createProcOrder, emulator, SELECT_ON_ORDERS } from './helpers.js'

let emu: RunningEmulator

beforeAll(async () => {
  emu = await emulator()
})
afterAll(async () => {
  await emu?.close()
})

describe('readPermGate', () => {
  test('pending → approved, with what the ticket requests', async () => {
    const client = clientFor(emu)
    const orderId = await createPermOrder(emu)
    const pending = await readPermGate(client, [orderId])
    expect(pending.verdict).toBe('pending')
    const [state] = pending.orders
    expect(state).toMatchObject({ orderId, verdict: 'pending', reason: 'waiting for approval' })
    expect(state!.base?.pluginType).toBe('PERM_APPLY')
    expect(state!.approval?.orderType).toBe('PERM_APPLY')
    expect(state!.request).toEqual({
      applyType: 'TAB',
      permType: 1,
      permKinds: ['query'],
      seconds: 604800,
      resources: [
        {
          instance: SELECT_ON_ORDERS.resources[0]!.InstanceInfo,
          database: SELECT_ON_ORDERS.resources[0]!.DatabaseInfo,
          table: SELECT_ON_ORDERS.resources[0]!.TableInfo,
          column: null,
          row: null,
          rowValue: null
        }
      ]
    })
    expect(describePermRequest(state!.request!)).toEqual([
      'apply type TAB, permission type query (1), duration 7 days',
      '- instance rm-shop01 (rm-shop01.mysql.rds.aliyuncs.com:3306) / database shop@rm-shop01.mysql.rds.aliyuncs.com:3306 / table orders'
    ])

    await control(emu, `/__emulator/orders/${orderId}/approve`, { comment: 'ok' })
    const approved = await readPermGate(client, [orderId])
    expect(approved.verdict).toBe('approved')
    expect(approved.orders[0]!.verdict).toBe('approved')
  })

  test('the gate is green only when every ticket is approved', async () => {
    const client = clientFor(emu)
    const a = await createPermOrder(emu)
    const b = await createPermOrder(emu, { ...SELECT_ON_ORDERS, applyType: 'DB', resources: [{ DatabaseInfo: { SchemaName: 'billing' } }] })
    await control(emu, `/__emulator/orders/${a}/approve`)
    expect((await readPermGate(client, [a, b])).verdict).toBe('pending')
    await control(emu, `/__emulator/orders/${b}/approve`)
    expect((await readPermGate(client, [a, b])).verdict).toBe('approved')
    expect((await readPermGate(client, [])).verdict).toBe('approved')
  })

  test('a rejected ticket blocks with the reason', async () => {
    const client = clientFor(emu)
    const orderId = await createPermOrder(emu)
    await control(emu, `/__emulator/orders/${orderId}/reject`, { comment: 'too broad' })
    const gate = await readPermGate(client, [orderId])
    expect(gate.verdict).toBe('rejected')
    expect(gate.orders[0]!.reason).toMatch(/rejected/)
  })

  test('a ticket that is not PERM_APPLY is refused without reading it as one', async () => {
    const client = clientFor(emu)
    const procOrder = await createProcOrder(client)
    const gate = await readPermGate(client, [procOrder])
    expect(gate.verdict).toBe('refused')
    expect(gate.orders[0]).toMatchObject({
      verdict: 'refused',
      reason: `ticket ${procOrder} is a DC_PROC ticket, not a permission application (PERM_APPLY)`,
      request: null
    })
  })

  test('a ticket of another tenant, or an unknown id, is refused with the DMS reason', async () => {
    const orderId = await createPermOrder(emu)
    const otherTenant = await readPermGate(clientFor(emu, { tid: 999 }), [orderId])
    expect(otherTenant.verdict).toBe('refused')
    expect(otherTenant.orders[0]!.reason).toMatch(/^DMS refused GetOrderBaseInfo for ticket \d+ \(TenantNotExist: .*\); it may not exist, or belong to another tenant or account$/)
    const unknown = await readPermGate(clientFor(emu), [987654])
    expect(unknown.orders[0]!.verdict).toBe('refused')
  })

  test('DMS unreachable → unavailable (not refused, not approved)', async () => {
    const down = await emulator()
    const url = down.url
    await down.close()
    const client = createDmsClient({ endpoint: url, credentials: { accessKeyId: 'k', accessKeySecret: 's' }, retry: { maxAttempts: 1 }, readTimeoutMs: 2000 })
    const gate = await readPermGate(client, [1])
    expect(gate.verdict).toBe('unavailable')
    expect(gate.orders[0]!.reason).toMatch(/^could not read ticket 1 from DMS/)
  })

  test('config and PR-body ids are read together, each once', async () => {
    const client = clientFor(emu)
    const a = await createPermOrder(emu)
    const b = await createPermOrder(emu)
    const refs = collectPermOrders([{ orderId: a, line: 4 }], '.github/dms-proc-gate.yml', `Adds a report.\n\nDMS-Perm-Order: ${b}\nDMS-Perm-Order: ${a}\n`)
    expect(refs.errors).toEqual([])
    const gate = await readPermGate(client, refs.refs)
    expect(gate.orders.map((o) => [o.orderId, o.source])).toEqual([
      [a, { kind: 'config', file: '.github/dms-proc-gate.yml', line: 4 }],
      [b, { kind: 'pr-body', line: 3 }]
    ])
  })
})

describe('permGateMarkdown', () => {
  test('one row per ticket with state, handlers, request and where it was named', async () => {
    const client = clientFor(emu)
    const orderId = await createPermOrder(emu)
    const gate = await readPermGate(client, [{ orderId, source: { kind: 'pr-body', line: 3 } }, 31337])
    expect(permGateMarkdown(gate).split('\n')).toEqual([
      '| Permission ticket | State | Requested | Named in |',
      '|---|---|---|---|',
      `| ${orderId} | ⏳ pending: waiting for approval — waiting for dba_alice, dba_bob | apply type TAB, permission type query (1), duration 7 days; instance rm-shop01 (rm-shop01.mysql.rds.aliyuncs.com:3306) / database shop@rm-shop01.mysql.rds.aliyuncs.com:3306 / table orders | PR description line 3 |`,
      expect.stringMatching(/^\| 31337 \| ⛔ refused: DMS refused GetOrderBaseInfo for ticket 31337 \(.*\); it may not exist, or belong to another tenant or account \| — \|  \|$/),
      ''
    ])
    expect(permGateMarkdown({ verdict: 'approved', orders: [] })).toBe('')
  })
})

describe('PermType names and row-level resources (GetPermApplyOrderDetail model)', () => {
  test('1 query, 2 export, 4 change, 8 logon and their sums by name; anything else raw', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 15].map(describePermType)).toEqual([
      'query (1)', 'export (2)', 'query + export (3)', 'change (4)', 'query + change (5)', 'export + change (6)',
      'query + export + change (7)', 'logon (8)', 'query + export + change + logon (15)'
    ])
    expect(describePermType(16)).toBe('16 (not a documented PermType)')
    expect(describePermType(null)).toBe('unknown')
  })

  test('RowInfo and RowValueInfo come through the wire and are described', async () => {
    const client = clientFor(emu)
    const orderId = await createPermOrder(emu, {
      applyType: 'TAB', permType: 7, seconds: 3600, comment: 'row-level access',
      resources: [{
        DatabaseInfo: { DbId: 1, SearchName: 'shop@rm-shop01:3306', Logic: false },
        RowInfo: { DbId: 1, Logic: false, SchemaName: 'shop', TableName: 'orders', ColumnName: 'region', MatchMode: 'EXACT', RowGroupId: 7 },
        RowValueInfo: { RowValue: 'eu-west' }
      }]
    })
    const gate = await readPermGate(client, [orderId])
    const request = gate.orders[0]!.request!
    expect(request.permKinds).toEqual(['query', 'export', 'change'])
    expect(request.resources[0]).toMatchObject({
      row: { SchemaName: 'shop', TableName: 'orders', ColumnName: 'region', MatchMode: 'EXACT', RowGroupId: 7 },
      rowValue: { RowValue: 'eu-west' }
    })
    expect(describePermRequest(request)).toEqual([
      'apply type TAB, permission type query + export + change (7), duration 1 hour',
      '- database shop@rm-shop01:3306 / rows of shop.orders by region (EXACT, row group 7) / row value eu-west'
    ])
  })
})
