// DMS users, roles and ListOrders scopes (ListOrders doc: absent OrderResultType = AS_COMMITTER; AS_ADMIN needs the
// admin role), who may submit, close and execute a ticket (CreateProcCorrectOrder doc, ExecMode), SearchContent modes,
// the page-size cap, and ListAuthorityTemplate — through the real HTTP server, signed with each user's own key.
import { describe, expect, test } from '@jest/globals'
import { DEFAULT_ACCESS_KEY, DEFAULT_USER, startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/emulator/index.js'
import { parseEmulatorArgs, parseUserFlag } from '../../src/cli/emulator.js'
import { control, signedCall } from './http.js'

interface Key { id: string; secret: string }
const GATE: Key = DEFAULT_ACCESS_KEY
const GATE_ROTATED: Key = { id: 'LTAI-gate-rotated', secret: 'rotated-secret' }
const ALICE: Key = { id: 'AK-alice', secret: 'alice-secret' } // dba_alice (61)
const BOB: Key = { id: 'AK-bob', secret: 'bob-secret' } // dba_bob (62)
const ADMIN: Key = { id: 'AK-admin', secret: 'admin-secret' } // admin (51)
const DEV: Key = { id: 'AK-dev', secret: 'dev-secret' } // another RAM user: a different DMS user
const DEV_ID = 2_000_000_000_071

const PROC = 'DELIMITER $$\nCREATE PROCEDURE p_scope()\nBEGIN\n  SELECT 1;\nEND $$\nDELIMITER ;\n'

let clock = Date.parse('2026-11-26T10:00:00Z')

async function withEmulator(o: EmulatorOptions, body: (emu: RunningEmulator, dms: Dms) => Promise<void>): Promise<void> {
  const emu = await startEmulator({
    now: () => clock, precheckDelayMs: 0, executeDelayMs: 1000,
    users: [
      { id: 61, nick: 'dba_alice', role: 'dba', keys: [ALICE] },
      { id: 62, nick: 'dba_bob', role: 'dba', keys: [BOB] },
      { id: 51, nick: 'admin', role: 'admin', keys: [ADMIN] },
      { id: DEV_ID, nick: 'dev_dan', role: 'user', keys: [DEV] },
      { id: DEFAULT_USER.id, nick: DEFAULT_USER.nick, role: 'user', keys: [GATE_ROTATED] }
    ],
    ...o
  })
  try {
    await body(emu, async (action, params, key) => {
      const r = await signedCall(emu.port, action, params, { accessKeyId: key.id, secret: key.secret, at: clock })
      expect(r.status).toBe(200)
      return r.json()
    })
  } finally {
    await emu.close()
  }
}

type Dms = (action: string, params: Record<string, string | number>, key: Key) => Promise<any>

async function create(dms: Dms, key: Key, comment: string, extra: Record<string, unknown> = {}, related?: number[]): Promise<number> {
  const Param = JSON.stringify({ DbItemList: [{ DbId: 1, Logic: false }], ExecSQL: PROC, RollbackSQL: 'DROP PROCEDURE IF EXISTS p_scope;', RollbackSqlType: 'TEXT', ...extra })
  const r = await dms('CreateProcCorrectOrder', { Comment: comment, Param, ...(related ? { RelatedUserList: JSON.stringify(related) } : {}) }, key)
  expect(r).toMatchObject({ Success: true })
  return r.CreateOrderResult[0]
}

async function ids(dms: Dms, key: Key, params: Record<string, string | number> = {}): Promise<number[]> {
  const r = await dms('ListOrders', { PageSize: 100, ...params }, key)
  expect(r).toMatchObject({ Success: true })
  return r.Orders.Order.map((o: { OrderId: number }) => o.OrderId).sort()
}

describe('users and keys', () => {
  test('the default key is a plain user-role committer; a rotated key is the same DMS user', async () => {
    await withEmulator({}, async (emu, dms) => {
      const a = await create(dms, GATE, 'first key')
      const b = await create(dms, GATE_ROTATED, 'rotated key')
      const base = (id: number) => dms('GetOrderBaseInfo', { OrderId: id }, GATE).then((r) => r.OrderBaseInfo)
      expect(await base(a)).toMatchObject({ CommitterId: DEFAULT_USER.id, Committer: 'dms_proc_gate' })
      expect(await base(b)).toMatchObject({ CommitterId: DEFAULT_USER.id, Committer: 'dms_proc_gate' })
      // Both keys see both tickets as their own: same user.
      expect(await ids(dms, GATE)).toEqual([a, b])
      expect(await ids(dms, GATE_ROTATED, { OrderResultType: 'AS_COMMITTER' })).toEqual([a, b])
      const users = (await control(emu.url, 'GET', '/__emulator/users')).body.users
      expect(users.find((u: any) => u.id === DEFAULT_USER.id)).toEqual({
        id: DEFAULT_USER.id, nick: 'dms_proc_gate', role: 'user', accessKeyIds: [GATE.id, GATE_ROTATED.id]
      })
      expect(JSON.stringify(users)).not.toContain('secret')
    })
  })

  test('control API: users with keys at run time, a key for an existing user, errors name the field', async () => {
    await withEmulator({}, async (emu, dms) => {
      const added = await control(emu.url, 'POST', '/__emulator/users', { id: 7_000_000_000_001, nick: 'dba_carol', role: 'dba', keys: [{ id: 'AK-carol', secret: 's1' }] })
      expect(added).toEqual({ status: 201, body: { user: { id: 7_000_000_000_001, nick: 'dba_carol', role: 'dba', accessKeyIds: ['AK-carol'] } } })
      expect((await control(emu.url, 'POST', '/__emulator/access-keys', { id: 'AK-carol-2', secret: 's2', userId: 7_000_000_000_001 })).body)
        .toEqual({ id: 'AK-carol-2', role: 'dba', userId: 7_000_000_000_001 })
      const carol = await create(dms, { id: 'AK-carol-2', secret: 's2' }, 'carol')
      expect((await dms('GetOrderBaseInfo', { OrderId: carol }, ADMIN)).OrderBaseInfo.CommitterId).toBe(7_000_000_000_001)
      expect((await control(emu.url, 'POST', '/__emulator/users', { role: 'dba' })).body).toEqual({ error: 'nick is required' })
      expect((await control(emu.url, 'POST', '/__emulator/users', { nick: 'x', role: 'root' })).body).toEqual({ error: 'role must be one of admin, dba, user' })
      expect((await control(emu.url, 'POST', '/__emulator/users', { nick: 'x', id: -1 })).status).toBe(400)
      // A key id belongs to one user.
      expect((await control(emu.url, 'POST', '/__emulator/access-keys', { id: 'AK-carol', secret: 's', userId: 61 })).status).toBe(409)
    })
  })

  test('--user flags, --search-content and friends; bad values name the flag', () => {
    expect(parseUserFlag('nick=dba_carol,id=70001,role=dba,key=AK1:s:1,key=AK2:s2')).toEqual({
      nick: 'dba_carol', id: 70001, role: 'dba', keys: [{ id: 'AK1', secret: 's:1' }, { id: 'AK2', secret: 's2' }]
    })
    expect(parseUserFlag('nick=viewer')).toEqual({ nick: 'viewer' })
    expect(() => parseUserFlag('role=dba')).toThrow("--user needs nick=<nick>, got 'role=dba'")
    expect(() => parseUserFlag('nick=a,role=root')).toThrow("--user: bad part 'role=root'")
    const o = parseEmulatorArgs(['--access-key-id', 'AK', '--access-key-secret', 'S', '--user', 'nick=dba_carol,role=dba,key=C:c',
      '--search-content', 'none', '--as-admin-without-role', 'own', '--list-max-page-size', '10'])
    expect(o).toMatchObject({
      accessKeys: [{ id: 'AK', secret: 'S', userId: DEFAULT_USER.id }], users: [{ nick: 'dba_carol', role: 'dba', keys: [{ id: 'C', secret: 'c' }] }],
      searchContent: 'none', asAdminWithoutRole: 'own', listOrdersMaxPageSize: 10
    })
    expect(() => parseEmulatorArgs(['--search-content', 'title'])).toThrow("--search-content must be comment or none, got 'title'")
    expect(() => parseEmulatorArgs(['--as-admin-without-role', 'all'])).toThrow("--as-admin-without-role must be refuse or own, got 'all'")
  })
})

describe('ListOrders scopes (OrderResultType)', () => {
  test('absent = AS_COMMITTER: each user sees only the tickets it submitted', async () => {
    await withEmulator({}, async (_emu, dms) => {
      const mine = await create(dms, GATE, 'gate ticket')
      const theirs = await create(dms, DEV, 'dev ticket')
      expect(await ids(dms, GATE)).toEqual([mine])
      expect(await ids(dms, DEV)).toEqual([theirs])
      expect(await ids(dms, GATE, { OrderResultType: 'AS_COMMITTER' })).toEqual([mine])
      expect((await dms('ListOrders', { OrderResultType: 'AS_ME' }, GATE))).toMatchObject({ Success: false, ErrorCode: 'InvalidParam' })
    })
  })

  test('AS_ADMIN: every ticket for the admin; refused for others (or their own tickets with asAdminWithoutRole: own)', async () => {
    await withEmulator({}, async (_emu, dms) => {
      const mine = await create(dms, GATE, 'gate ticket')
      const theirs = await create(dms, DEV, 'dev ticket')
      expect(await ids(dms, ADMIN, { OrderResultType: 'AS_ADMIN' })).toEqual([mine, theirs])
      for (const key of [GATE, ALICE]) {
        expect(await dms('ListOrders', { OrderResultType: 'AS_ADMIN' }, key)).toMatchObject({
          Success: false, ErrorCode: 'NoPermission', ErrorMessage: 'You have no permission to list all tickets (OrderResultType AS_ADMIN needs the DMS administrator role).'
        })
      }
    })
    await withEmulator({ asAdminWithoutRole: 'own' }, async (_emu, dms) => {
      const mine = await create(dms, GATE, 'gate ticket')
      await create(dms, DEV, 'dev ticket')
      expect(await ids(dms, GATE, { OrderResultType: 'AS_ADMIN' })).toEqual([mine])
    })
  })

  test('AS_HANDLER (waiting for me), AS_OWNER (processed by me), AS_Related (related user)', async () => {
    await withEmulator({ approvalNodes: [{ name: 'DBA', approvers: [{ id: 61, nick: 'dba_alice' }] }, { name: 'Lead', approvers: [{ id: 62, nick: 'dba_bob' }] }] }, async (emu, dms) => {
      const id = await create(dms, GATE, 'two approvers', { ExecMode: 'LAST_AUDITOR' }, [DEV_ID])
      expect(await ids(dms, DEV, { OrderResultType: 'AS_Related' })).toEqual([id])
      expect(await ids(dms, GATE, { OrderResultType: 'AS_Related' })).toEqual([])
      await dms('SubmitOrderApproval', { OrderId: id }, GATE)
      expect(await ids(dms, ALICE, { OrderResultType: 'AS_HANDLER' })).toEqual([id])
      expect(await ids(dms, BOB, { OrderResultType: 'AS_HANDLER' })).toEqual([])
      await control(emu.url, 'POST', `/__emulator/orders/${id}/approve`, { approver: 61 })
      expect(await ids(dms, ALICE, { OrderResultType: 'AS_HANDLER' })).toEqual([])
      expect(await ids(dms, ALICE, { OrderResultType: 'AS_OWNER' })).toEqual([id])
      expect(await ids(dms, BOB, { OrderResultType: 'AS_HANDLER' })).toEqual([id])
      await control(emu.url, 'POST', `/__emulator/orders/${id}/approve`, { approver: 62 })
      // LAST_AUDITOR: the approved ticket now waits for its last approver to execute it.
      expect(await ids(dms, BOB, { OrderResultType: 'AS_HANDLER' })).toEqual([id])
      expect(await ids(dms, BOB, { OrderResultType: 'AS_OWNER' })).toEqual([id])
      expect(await ids(dms, GATE, { OrderResultType: 'AS_HANDLER' })).toEqual([])
    })
  })
})

describe('acting on tickets of another user', () => {
  test('SubmitOrderApproval and CloseOrder: the committer (or an admin), nobody else', async () => {
    await withEmulator({}, async (_emu, dms) => {
      const id = await create(dms, DEV, 'dev ticket')
      expect(await dms('SubmitOrderApproval', { OrderId: id }, GATE)).toMatchObject({
        Success: false, ErrorCode: 'NoPermission', ErrorMessage: `You have no permission to submit ticket ${id}: it was submitted by user ${DEV_ID}, not by you (${DEFAULT_USER.id}).`
      })
      expect(await dms('CloseOrder', { OrderId: id, CloseReason: 'x' }, GATE)).toMatchObject({ Success: false, ErrorCode: 'NoPermission' })
      expect(await dms('SubmitOrderApproval', { OrderId: id }, DEV)).toMatchObject({ Success: true })
      expect(await dms('CloseOrder', { OrderId: id, CloseReason: 'admin cleans up' }, ADMIN)).toMatchObject({ Success: true })
      // Reading is not scoped (the docs scope only ListOrders).
      expect((await dms('GetOrderBaseInfo', { OrderId: id }, GATE)).OrderBaseInfo.StatusCode).toBe('closed')
    })
  })

  test('ExecuteDataCorrect: COMMITOR by the submitter, LAST_AUDITOR by the last approver, AUTO never (it already runs)', async () => {
    await withEmulator({}, async (emu, dms) => {
      const approve = async (id: number) => {
        await dms('SubmitOrderApproval', { OrderId: id }, GATE)
        await control(emu.url, 'POST', `/__emulator/orders/${id}/approve`, { approver: 62 })
      }
      const commitor = await create(dms, GATE, 'c', { ExecMode: 'COMMITOR' })
      const last = await create(dms, GATE, 'l', { ExecMode: 'LAST_AUDITOR' })
      const auto = await create(dms, GATE, 'a', { ExecMode: 'AUTO' })
      for (const id of [commitor, last, auto]) await approve(id)

      expect(await dms('ExecuteDataCorrect', { OrderId: commitor }, ADMIN)).toMatchObject({
        Success: false, ErrorCode: 'NoPermission', ErrorMessage: `You have no permission to execute ticket ${commitor}: its ExecMode is COMMITOR, so only its submitter (user ${DEFAULT_USER.id}) executes it.`
      })
      expect(await dms('ExecuteDataCorrect', { OrderId: commitor }, GATE)).toMatchObject({ Success: true })

      expect(await dms('ExecuteDataCorrect', { OrderId: last }, GATE)).toMatchObject({
        Success: false, ErrorCode: 'NoPermission', ErrorMessage: `You have no permission to execute ticket ${last}: its ExecMode is LAST_AUDITOR, so only its last approver (user 62) executes it.`
      })
      expect(await dms('ExecuteDataCorrect', { OrderId: last }, ALICE)).toMatchObject({ Success: false, ErrorCode: 'NoPermission' })
      expect(await dms('ExecuteDataCorrect', { OrderId: last }, BOB)).toMatchObject({ Success: true })

      expect((await dms('GetOrderBaseInfo', { OrderId: auto }, GATE)).OrderBaseInfo.StatusCode).toBe('processing')
      expect(await dms('ExecuteDataCorrect', { OrderId: auto }, GATE)).toMatchObject({ Success: false, ErrorCode: 'InvalidStatus' })
      clock += 1000
      for (const id of [commitor, last, auto]) expect((await dms('GetOrderBaseInfo', { OrderId: id }, GATE)).OrderBaseInfo.StatusCode).toBe('success')
    })
  })
})

describe('SearchContent and paging', () => {
  test("'comment' matches the comment or the id; 'none' matches no ticket", async () => {
    await withEmulator({}, async (_emu, dms) => {
      const id = await create(dms, GATE, 'dms-proc-gate:octo/shop#7:abcdef12')
      expect(await ids(dms, GATE, { SearchContent: 'octo/shop#7' })).toEqual([id])
      expect(await ids(dms, GATE, { SearchContent: String(id) })).toEqual([id])
      expect(await ids(dms, GATE, { SearchContent: 'nothing-like-it' })).toEqual([])
    })
    await withEmulator({ searchContent: 'none' }, async (_emu, dms) => {
      const id = await create(dms, GATE, 'dms-proc-gate:octo/shop#7:abcdef12')
      expect(await ids(dms, GATE, { SearchContent: 'octo/shop#7' })).toEqual([])
      expect(await ids(dms, GATE, { SearchContent: String(id) })).toEqual([])
      expect(await ids(dms, GATE)).toEqual([id])
    })
  })

  test('a PageSize above the cap is cut silently; TotalCount still counts every ticket', async () => {
    await withEmulator({ listOrdersMaxPageSize: 3 }, async (_emu, dms) => {
      for (let i = 0; i < 7; i++) await create(dms, GATE, `t${i}`)
      const p1 = await dms('ListOrders', { PageSize: 100 }, GATE)
      expect([p1.TotalCount, p1.Orders.Order.length]).toEqual([7, 3])
      const p3 = await dms('ListOrders', { PageSize: 100, PageNumber: 3 }, GATE)
      expect(p3.Orders.Order.length).toBe(1)
    })
  })

  test('StartTime/EndTime are UTC+8 wall-clock times', async () => {
    await withEmulator({}, async (_emu, dms) => {
      const id = await create(dms, GATE, 'timed') // created 2026-11-26 10:00:00Z = 18:00:00 in UTC+8
      const at = clock
      expect(await ids(dms, GATE, { StartTime: '2026-11-26 17:59:59', EndTime: '2026-11-26 18:00:01' })).toEqual([id])
      expect(await ids(dms, GATE, { StartTime: '2026-11-26 09:59:59', EndTime: '2026-11-26 10:00:01' })).toEqual([])
      expect(clock).toBe(at)
    })
  })
})

describe('ListAuthorityTemplate', () => {
  test('SearchKey over the name, PageSize 5|10|20, DBA/admin only, wrapped list', async () => {
    await withEmulator({}, async (_emu, dms) => {
      for (const name of ['shop read', 'shop write', 'billing read']) {
        expect(await dms('CreateAuthorityTemplate', { Name: name, Description: `${name} access` }, ALICE)).toMatchObject({ Success: true })
      }
      const r = await dms('ListAuthorityTemplate', { SearchKey: 'SHOP', PageSize: 20, PageNumber: 1 }, ALICE)
      expect(r).toMatchObject({ Success: true, TotalCount: 2, Tid: 3 })
      expect(r.AuthorityTemplateViewList.AuthorityTemplateView).toEqual([
        { CreateTime: expect.any(String), CreatorId: 61, Description: 'shop read access', Name: 'shop read', TemplateId: expect.any(Number) },
        { CreateTime: expect.any(String), CreatorId: 61, Description: 'shop write access', Name: 'shop write', TemplateId: expect.any(Number) }
      ])
      const page2 = await dms('ListAuthorityTemplate', { PageSize: 5, PageNumber: 2 }, ADMIN)
      expect([page2.TotalCount, page2.AuthorityTemplateViewList.AuthorityTemplateView]).toEqual([3, []])
      expect(await dms('ListAuthorityTemplate', { PageSize: 100 }, ALICE)).toMatchObject({ Success: false, ErrorCode: 'InvalidParam', ErrorMessage: 'PageSize must be one of 5, 10, 20.' })
      expect(await dms('ListAuthorityTemplate', {}, GATE)).toMatchObject({ Success: false, ErrorCode: 'NoPermission' })
    })
  })
})
