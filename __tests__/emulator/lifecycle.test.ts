// Every DMS action and every ticket path through the real HTTP server, with a controlled clock (so the
// asynchronous precheck and execution are stepped, not waited for), plus faults, the control API and persistence.
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals'
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js'
import { control, signedCall } from './http.js'

const ADMIN = { id: 'AK-admin', secret: 'admin-secret', role: 'admin' as const, userId: 51 }
const DBA = { id: 'AK-dba', secret: 'dba-secret', role: 'dba' as const, userId: 61 }
const DEV = { id: 'AK-dev', secret: 'dev-secret', role: 'user' as const, userId: 71 }
const OTHER = { id: 'AK-other', secret: 'other-secret', role: 'user' as const, userId: 72 }
type Key = typeof ADMIN | typeof DBA | typeof DEV | typeof OTHER

const PROC = 'DELIMITER $$\nCREATE PROCEDURE demo.p_archive(IN days INT)\nBEGIN\n  SELECT days;\nEND $$\nDELIMITER ;\n'
const ROLLBACK = 'DROP PROCEDURE IF EXISTS demo.p_archive;'

let clock = Date.parse('2026-11-26T10:00:00Z')
let emu: RunningEmulator

async function dms(action: string, params: Record<string, string | number> = {}, key: Key = ADMIN): Promise<any> {
  const r = await signedCall(emu.port, action, params, { accessKeyId: key.id, secret: key.secret, at: clock })
  expect(r.status).toBe(200)
  return r.json()
}

function param(p: Record<string, unknown>): string {
  return JSON.stringify({ DbItemList: [{ DbId: 1, Logic: false }], ExecSQL: PROC, RollbackSQL: ROLLBACK, RollbackSqlType: 'TEXT', ...p })
}

async function create(comment: string, p: Record<string, unknown> = {}, key: Key = ADMIN): Promise<number> {
  const r = await dms('CreateProcCorrectOrder', { Comment: comment, Param: param(p), Tid: 3 }, key)
  expect(r).toMatchObject({ Success: true })
  expect(Array.isArray(r.CreateOrderResult)).toBe(true)
  return r.CreateOrderResult[0]
}

async function base(orderId: number): Promise<any> {
  return (await dms('GetOrderBaseInfo', { OrderId: orderId })).OrderBaseInfo
}

async function listed(orderId: number): Promise<any> {
  // AS_ADMIN (the admin key): every committer's tickets.
  const r = await dms('ListOrders', { SearchContent: `${orderId}`, PageSize: 100, OrderResultType: 'AS_ADMIN' })
  return r.Orders.Order.find((o: any) => o.OrderId === orderId)
}

/** Creates, lets the precheck pass and submits: a ticket awaiting approval. */
async function submitted(comment: string, p: Record<string, unknown> = {}, key: Key = ADMIN): Promise<{ id: number; wf: number }> {
  const id = await create(comment, p, key)
  clock += 1000
  expect(await dms('SubmitOrderApproval', { OrderId: id }, key)).toMatchObject({ Success: true })
  return { id, wf: (await base(id)).WorkflowInstanceId }
}

beforeAll(async () => {
  emu = await startEmulator({
    now: () => clock, precheckDelayMs: 1000, executeDelayMs: 2000, accessKeys: [ADMIN, DBA, DEV, OTHER],
    databases: [
      { schema: 'demo' },
      { schema: 'shop', host: 'rm-east.mysql.rds.aliyuncs.com', port: 3306, envType: 'product' },
      { schema: 'shop', host: 'rm-west.mysql.rds.aliyuncs.com', port: 3307, envType: 'test' },
      { schema: 'shop_archive', host: 'rm-east.mysql.rds.aliyuncs.com' }
    ]
  })
})
afterAll(async () => {
  await emu.close()
})
afterEach(async () => {
  await control(emu.url, 'DELETE', '/__emulator/faults')
})

describe('AUTO ticket: new → precheck → toaudit → approved → processing → success', () => {
  test('the whole path, as each read API reports it', async () => {
    const id = await create('PR #7 archive orders', { ExecMode: 'AUTO', Classify: 'feature' })
    const b0 = await base(id)
    expect(b0).toMatchObject({ OrderId: id, StatusCode: 'new', PluginType: 'DC_PROC', Comment: 'PR #7 archive orders', CommitterId: 51, Committer: 'admin' })
    expect(b0).not.toHaveProperty('WorkflowInstanceId')
    expect(b0.CreateTime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)

    const d0 = (await dms('GetDataCorrectOrderDetail', { OrderId: id })).DataCorrectOrderDetail
    expect(d0.Status).toBe('precheck')
    expect(d0.PreCheckDetail.TaskCheckDO[0]).toMatchObject({ CheckStep: 'SQL_PARSE', CheckStatus: 'RUNNING' })
    expect(d0).toMatchObject({ ExecMode: 'AUTO', OrderDetail: { ExeSQL: PROC, RbSQL: ROLLBACK, RbSQLType: 'TEXT', Classify: 'feature' } })
    expect(d0.DatabaseList.Database).toEqual([{ DbId: 1, DbType: 'mysql', EnvType: 'dev', Logic: false, SearchName: 'demo@rm-emulator.mysql.rds.aliyuncs.com:3306' }])

    // Submitting before the precheck finished is a business error.
    expect(await dms('SubmitOrderApproval', { OrderId: id })).toMatchObject({ Success: false, ErrorCode: 'InvalidStatus' })

    clock += 1000
    const d1 = (await dms('GetDataCorrectOrderDetail', { OrderId: id })).DataCorrectOrderDetail
    expect(d1.Status).toBe('precheck_success')
    expect(d1.PreCheckDetail.TaskCheckDO.map((t: any) => [t.CheckStep, t.CheckStatus])).toEqual([
      ['SQL_PARSE', 'SUCCESS'], ['SQL_TYPE_CHECK', 'SUCCESS'], ['PERMISSION_CHECK', 'SUCCESS'], ['ROW_CHECK', 'SUCCESS']])
    expect((await base(id)).StatusCode).toBe('new')

    expect(await dms('SubmitOrderApproval', { OrderId: id })).toEqual({ RequestId: expect.any(String), Success: true })
    expect(await dms('SubmitOrderApproval', { OrderId: id })).toMatchObject({ Success: false, ErrorCode: 'InvalidStatus' })
    const b1 = await base(id)
    expect(b1.StatusCode).toBe('toaudit')
    expect(b1.WorkflowInstanceId).toBeGreaterThan(0)
    expect((await listed(id)).StatusCode).toBe('toaudit')

    const a1 = (await dms('GetApprovalDetail', { WorkflowInstanceId: b1.WorkflowInstanceId })).ApprovalDetail
    expect(a1).toMatchObject({ OrderId: id, WorkflowInsCode: 'AUDITING', Title: 'PR #7 archive orders' })
    expect(a1.CurrentHandlers.CurrentHandler).toEqual([{ Id: 61, NickName: 'dba_alice' }, { Id: 62, NickName: 'dba_bob' }])
    expect(a1.WorkflowNodes.WorkflowNode.map((n: any) => [n.NodeName, n.WorkflowInsCode])).toEqual([['Submit', 'START'], ['DBA review', 'AUDITING']])
    expect(a1.WorkflowNodes.WorkflowNode[1].AuditUserIdList).toEqual({ AuditUserIds: ['61', '62'] })

    const approved = await control(emu.url, 'POST', `/__emulator/orders/${id}/approve`, { comment: 'LGTM', approver: 'dba_bob' })
    expect(approved).toMatchObject({ status: 200, body: { order: { orderId: id, status: 'processing' } } })
    expect((await base(id)).StatusCode).toBe('processing')
    const a2 = (await dms('GetApprovalDetail', { WorkflowInstanceId: b1.WorkflowInstanceId })).ApprovalDetail
    expect(a2.WorkflowInsCode).toBe('APPROVED')
    expect(a2.CurrentHandlers.CurrentHandler).toEqual([])
    expect(a2.WorkflowNodes.WorkflowNode[1]).toMatchObject({ WorkflowInsCode: 'APPROVED', OperatorId: 62, OperateComment: 'LGTM' })

    clock += 2000
    expect((await base(id)).StatusCode).toBe('success')
    expect((await listed(id)).StatusCode).toBe('success')
    expect((await dms('GetDataCorrectOrderDetail', { OrderId: id })).DataCorrectOrderDetail.Status).toBe('Success')
    expect(await dms('CloseOrder', { OrderId: id, CloseReason: 'too late' })).toMatchObject({ Success: false, ErrorCode: 'InvalidStatus' })
  })
})

describe('COMMITOR and LAST_AUDITOR tickets wait for ExecuteDataCorrect', () => {
  test('COMMITOR: Approved (GetOrderBaseInfo) / approved (ListOrders) / Approved (detail), then the committer executes', async () => {
    const { id } = await submitted('PR #8 committer runs it', { ExecMode: 'COMMITOR' }, DEV)
    expect(await dms('ExecuteDataCorrect', { OrderId: id }, DEV)).toMatchObject({ Success: false, ErrorCode: 'InvalidStatus' })
    await control(emu.url, 'POST', `/__emulator/orders/${id}/approve`)
    expect((await base(id)).StatusCode).toBe('Approved')
    expect((await listed(id)).StatusCode).toBe('approved')
    // "waiting" is for an execution that was asked for (GetDataCorrectOrderDetail model), not for an approved ticket.
    expect((await dms('GetDataCorrectOrderDetail', { OrderId: id })).DataCorrectOrderDetail.Status).toBe('Approved')
    clock += 60_000
    expect((await base(id)).StatusCode).toBe('Approved') // nothing runs by itself

    expect(await dms('ExecuteDataCorrect', { OrderId: id }, OTHER)).toMatchObject({ Success: false, ErrorCode: 'NoPermission' })
    expect(await dms('ExecuteDataCorrect', { OrderId: id, ActionDetail: '[1]' }, DEV)).toMatchObject({ Success: false, ErrorCode: 'InvalidParam' })
    expect(await dms('ExecuteDataCorrect', { OrderId: id, ActionDetail: JSON.stringify({ transaction: false, backupData: true }) }, DEV))
      .toMatchObject({ Success: true })
    expect((await base(id)).StatusCode).toBe('processing')
    clock += 2000
    expect((await base(id)).StatusCode).toBe('success')
  })

  test('LAST_AUDITOR: a DBA-side key executes, a plain user may not', async () => {
    const { id } = await submitted('PR #9 auditor runs it', { ExecMode: 'LAST_AUDITOR' }, DEV)
    await control(emu.url, 'POST', `/__emulator/orders/${id}/approve`, { approver: 61 })
    expect(await dms('ExecuteDataCorrect', { OrderId: id }, DEV)).toMatchObject({ Success: false, ErrorCode: 'NoPermission' })
    expect(await dms('ExecuteDataCorrect', { OrderId: id }, DBA)).toMatchObject({ Success: true })
    clock += 2000
    expect((await base(id)).StatusCode).toBe('success')
  })

  test('a failed execution (control API) reads as fail everywhere', async () => {
    const { id } = await submitted('PR #16 execution fails', { ExecMode: 'AUTO' })
    expect((await control(emu.url, 'POST', `/__emulator/orders/${id}/fail`)).status).toBe(409)
    await control(emu.url, 'POST', `/__emulator/orders/${id}/approve`)
    expect((await control(emu.url, 'POST', `/__emulator/orders/${id}/fail`)).body.order.status).toBe('fail')
    clock += 5000
    expect((await base(id)).StatusCode).toBe('fail')
    expect((await listed(id)).StatusCode).toBe('fail')
    expect((await dms('GetDataCorrectOrderDetail', { OrderId: id })).DataCorrectOrderDetail.Status).toBe('fail')
    expect(await dms('CloseOrder', { OrderId: id, CloseReason: 'x' })).toMatchObject({ Success: false, ErrorCode: 'InvalidStatus' })
  })

  test('ExecMode defaults to COMMITOR', async () => {
    const id = await create('PR #10 default mode', { ExecMode: undefined })
    expect((await dms('GetDataCorrectOrderDetail', { OrderId: id })).DataCorrectOrderDetail.ExecMode).toBe('COMMITOR')
  })
})

describe('reject, cancel, close', () => {
  test('reject: status reject, workflow REJECT, no handlers left; a rejected ticket cannot be closed or approved', async () => {
    const { id, wf } = await submitted('PR #11 to be rejected')
    const r = await control(emu.url, 'POST', `/__emulator/orders/${id}/reject`, { comment: 'no DEFINER please' })
    expect(r.body.order.status).toBe('reject')
    expect((await base(id)).StatusCode).toBe('reject')
    expect((await listed(id)).StatusCode).toBe('reject')
    const a = (await dms('GetApprovalDetail', { WorkflowInstanceId: wf })).ApprovalDetail
    expect(a.WorkflowInsCode).toBe('REJECT')
    expect(a.WorkflowNodes.WorkflowNode[1]).toMatchObject({ WorkflowInsCode: 'REJECT', OperatorId: 61, OperateComment: 'no DEFINER please' })
    expect(await dms('CloseOrder', { OrderId: id, CloseReason: 'x' })).toMatchObject({ Success: false, ErrorCode: 'InvalidStatus' })
    expect((await control(emu.url, 'POST', `/__emulator/orders/${id}/approve`)).status).toBe(409)
  })

  test('cancel: the submitter withdraws (ListOrders cancel, workflow CANCEL)', async () => {
    const { id, wf } = await submitted('PR #12 withdrawn')
    expect((await control(emu.url, 'POST', `/__emulator/orders/${id}/cancel`)).body.order.status).toBe('cancel')
    expect((await listed(id)).StatusCode).toBe('cancel')
    expect((await dms('GetApprovalDetail', { WorkflowInstanceId: wf })).ApprovalDetail.WorkflowInsCode).toBe('CANCEL')
  })

  test('CloseOrder works in every open state: new (precheck running), toaudit, approved', async () => {
    const fresh = await create('PR #13 closed while prechecking')
    expect(await dms('CloseOrder', { OrderId: fresh, CloseReason: 'superseded by a new push' })).toEqual({ RequestId: expect.any(String), Success: true })
    expect((await base(fresh)).StatusCode).toBe('closed')

    const { id: waiting, wf } = await submitted('PR #14 closed while waiting')
    expect(await dms('CloseOrder', { OrderId: waiting, CloseReason: 'PR closed' })).toMatchObject({ Success: true })
    expect((await base(waiting)).StatusCode).toBe('closed')
    expect((await dms('GetApprovalDetail', { WorkflowInstanceId: wf })).ApprovalDetail.CurrentHandlers.CurrentHandler).toEqual([])

    const { id: approved } = await submitted('PR #15 closed after approval', { ExecMode: 'COMMITOR' })
    await control(emu.url, 'POST', `/__emulator/orders/${approved}/approve`)
    expect(await dms('CloseOrder', { OrderId: approved, CloseReason: 'not merged' })).toMatchObject({ Success: true })
    expect((await listed(approved)).StatusCode).toBe('closed')
    expect(await dms('CloseOrder', { OrderId: approved, CloseReason: 'again' })).toMatchObject({ Success: false, ErrorCode: 'InvalidStatus' })
    expect(await dms('ExecuteDataCorrect', { OrderId: approved })).toMatchObject({ Success: false, ErrorCode: 'InvalidStatus' })
  })
})

describe('precheck failures', () => {
  const failing: [string, string, string][] = [
    ['whitespace only', '   \n\t', 'SQL_PARSE'],
    ['comments only', '-- nothing here\n/* nor here */', 'SQL_PARSE'],
    ['an unterminated string', "DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 'open; END $$\nDELIMITER ;", 'SQL_PARSE'],
    ['a body without DELIMITER', 'CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND;', 'SQL_PARSE'],
    ['DML in a programmable-object ticket', 'INSERT INTO t VALUES (1);', 'SQL_TYPE_CHECK']
  ]
  for (const [what, sql, step] of failing) {
    test(`${what} → precheckFailed at ${step}, and the ticket cannot be submitted`, async () => {
      const id = await create(`bad SQL: ${what}`, { ExecSQL: sql })
      clock += 1000
      const d = (await dms('GetDataCorrectOrderDetail', { OrderId: id })).DataCorrectOrderDetail
      expect(d.Status).toBe('precheckFailed')
      const failed = d.PreCheckDetail.TaskCheckDO.find((t: any) => t.CheckStatus === 'FAIL')
      expect(failed.CheckStep).toBe(step)
      expect(failed.UserTip.length).toBeGreaterThan(5)
      expect((await base(id)).StatusCode).toBe('new')
      expect(await dms('SubmitOrderApproval', { OrderId: id })).toMatchObject({ Success: false, ErrorCode: 'InvalidStatus' })
    })
  }

  test('a routine file with triggers, functions, events and views passes', async () => {
    const sql = 'DROP TRIGGER IF EXISTS demo.t_audit;\nDELIMITER //\nCREATE DEFINER=`root`@`%` TRIGGER demo.t_audit BEFORE INSERT ON demo.orders\n' +
      'FOR EACH ROW BEGIN SET NEW.created = NOW(); END //\nCREATE FUNCTION demo.f(x INT) RETURNS INT DETERMINISTIC RETURN x + 1 //\n' +
      'CREATE EVENT demo.e ON SCHEDULE EVERY 1 DAY DO BEGIN DELETE FROM demo.log; END //\nDELIMITER ;\n' +
      'CREATE OR REPLACE VIEW demo.v AS SELECT 1 AS one;\n'
    const id = await create('mixed objects', { ExecSQL: sql })
    clock += 1000
    expect((await dms('GetDataCorrectOrderDetail', { OrderId: id })).DataCorrectOrderDetail.Status).toBe('precheck_success')
  })
})

describe('parameter validation (HTTP 200, Success:false, DMS error codes)', () => {
  test('CreateProcCorrectOrder', async () => {
    const cases: [Record<string, string | number>, string][] = [
      [{ Param: param({}) }, 'MissingComment'],
      [{ Comment: 'x' }, 'MissingParam'],
      [{ Comment: 'x', Param: '{not json' }, 'InvalidParam'],
      [{ Comment: 'x', Param: '[]' }, 'InvalidParam'],
      [{ Comment: 'x', Param: JSON.stringify({ ExecSQL: PROC }) }, 'InvalidParam'],
      [{ Comment: 'x', Param: param({ DbItemList: [{ DbId: 999, Logic: false }] }) }, 'InvalidParam'],
      [{ Comment: 'x', Param: param({ DbItemList: [{ DbId: 1 }] }) }, 'InvalidParam'],
      [{ Comment: 'x', Param: param({ ExecSQL: '' }) }, 'InvalidParam'],
      [{ Comment: 'x', Param: param({ ExecMode: 'NOW' }) }, 'InvalidParam'],
      [{ Comment: 'x', Param: param({ RollbackSqlType: 'TEXT', RollbackSQL: '' }) }, 'InvalidParam'],
      [{ Comment: 'x', Param: param({ RollbackSqlType: 'ATTACHMENT' }) }, 'InvalidParam'],
      [{ Comment: 'x', Param: param({}), RelatedUserList: '{"a":1}' }, 'InvalidParam'],
      [{ Comment: 'x', Param: param({}), Tid: 99 }, 'TenantNotExist'],
      [{ Comment: 'x', Param: param({}), Tid: 'three' }, 'InvalidParam']
    ]
    const before = emu.state.orders().length
    for (const [params, code] of cases) {
      const r = await dms('CreateProcCorrectOrder', params)
      expect([r.Success, r.ErrorCode]).toEqual([false, code])
      expect(typeof r.ErrorMessage).toBe('string')
      expect(typeof r.RequestId).toBe('string')
    }
    expect(emu.state.orders().length).toBe(before) // nothing was created
  })

  test('related users, DbId given as a string, and the other actions\' required parameters', async () => {
    const r = await dms('CreateProcCorrectOrder', { Comment: 'related', Param: param({ DbItemList: [{ DbId: '2', Logic: false }] }), RelatedUserList: '[61, 72]' })
    const b = await base(r.CreateOrderResult[0])
    expect(b.RelatedUserList).toEqual({ UserIds: ['61', '72'] })
    expect(b.RelatedUserNickList).toEqual({ UserNicks: ['dba_alice', 'user_72'] })

    expect(await dms('GetApprovalDetail', {})).toMatchObject({
      Success: false, ErrorCode: 'MissingWorkflowInstanceId', ErrorMessage: 'WorkflowInstanceId is mandatory for this action.'
    })
    expect(await dms('GetApprovalDetail', { WorkflowInstanceId: 424242 })).toMatchObject({ Success: false, ErrorCode: 'InvalidParam' })
    for (const action of ['GetOrderBaseInfo', 'SubmitOrderApproval', 'GetDataCorrectOrderDetail', 'ExecuteDataCorrect', 'GetPermApplyOrderDetail']) {
      expect(await dms(action, {})).toMatchObject({ Success: false, ErrorCode: 'MissingOrderId' })
      expect(await dms(action, { OrderId: 999999 })).toMatchObject({ Success: false, ErrorCode: 'OrderNotExist' })
      expect(await dms(action, { OrderId: 'abc' })).toMatchObject({ Success: false, ErrorCode: 'InvalidParam' })
    }
    expect(await dms('CloseOrder', { OrderId: 1001 })).toMatchObject({ Success: false, ErrorCode: 'MissingCloseReason' })
    expect(await dms('CloseOrder', { CloseReason: 'x' })).toMatchObject({ Success: false, ErrorCode: 'MissingOrderId' })
    expect(await dms('ListOrders', { PageSize: 0 })).toMatchObject({ Success: false, ErrorCode: 'InvalidParam' })
    expect(await dms('ListOrders', { OrderStatus: 'DONE' })).toMatchObject({ Success: false, ErrorCode: 'InvalidParam' })
    expect(await dms('ListOrders', { StartTime: 'yesterday' })).toMatchObject({ Success: false, ErrorCode: 'InvalidParam' })
    expect(await dms('GetDatabase', { Host: 'h' })).toMatchObject({ Success: false, ErrorCode: 'MissingPort' })
  })
})

describe('ListOrders', () => {
  test('keyword over Comment, PluginType, OrderStatus, committer, paging; newest first; lower-case statuses', async () => {
    const ids: number[] = []
    for (let i = 0; i < 5; i++) ids.push(await create(`[dms-proc-gate] listing-test ${i}`))
    await dms('CloseOrder', { OrderId: ids[0], CloseReason: 'x' })
    const all = await dms('ListOrders', { SearchContent: 'LISTING-TEST', PageSize: 100 })
    expect(all.TotalCount).toBe(5)
    expect(all.Orders.Order.map((o: any) => o.OrderId)).toEqual([...ids].reverse())
    expect(all.Orders.Order[0]).toEqual({
      Comment: '[dms-proc-gate] listing-test 4', Committer: 'admin', CommitterId: 51, CreateTime: expect.any(String),
      LastModifyTime: expect.any(String), OrderId: ids[4], PluginType: 'DC_PROC', StatusCode: 'new', StatusDesc: expect.any(String)
    })
    const page2 = await dms('ListOrders', { SearchContent: 'listing-test', PageSize: 2, PageNumber: 2 })
    expect([page2.TotalCount, page2.Orders.Order.map((o: any) => o.OrderId)]).toEqual([5, [ids[2], ids[1]]])
    expect((await dms('ListOrders', { SearchContent: 'listing-test', OrderStatus: 'FINISHED' })).Orders.Order.map((o: any) => o.OrderId)).toEqual([ids[0]])
    expect((await dms('ListOrders', { SearchContent: 'listing-test', OrderStatus: 'RUNNING' })).TotalCount).toBe(4)
    expect((await dms('ListOrders', { SearchContent: 'listing-test', PluginType: 'PERM_APPLY' })).TotalCount).toBe(0)
    expect((await dms('ListOrders', { SearchContent: 'listing-test', PluginType: 'DC_PROC', OrderResultType: 'AS_COMMITTER' }, DEV)).TotalCount).toBe(0)
    expect((await dms('ListOrders', { SearchContent: 'listing-test', PageNumber: 9 })).Orders).toEqual({ Order: [] })
    const created = await dms('ListOrders', { SearchContent: 'listing-test', StartTime: '2000-01-01 00:00:00', EndTime: '2000-01-02 00:00:00' })
    expect(created.TotalCount).toBe(0)
  })
})

describe('SearchDatabase, GetDatabase, GetUserActiveTenant', () => {
  test('the same schema on two hosts comes back twice, DatabaseId as a string, wrapped list', async () => {
    const r = await dms('SearchDatabase', { SearchKey: 'shop', SearchTarget: 'DB' })
    expect(r.TotalCount).toBe(3) // shop ×2 and shop_archive: SearchKey is a keyword
    const exact = r.SearchDatabaseList.SearchDatabase.filter((d: any) => d.SchemaName === 'shop')
    expect(exact.map((d: any) => [d.DatabaseId, d.Host, d.Port, d.EnvType, d.SearchName])).toEqual([
      ['2', 'rm-east.mysql.rds.aliyuncs.com', 3306, 'product', 'shop@rm-east.mysql.rds.aliyuncs.com:3306'],
      ['3', 'rm-west.mysql.rds.aliyuncs.com', 3307, 'test', 'shop@rm-west.mysql.rds.aliyuncs.com:3307']
    ])
    expect(exact[0]).toMatchObject({ DbType: 'mysql', Logic: false, OwnerIdList: { OwnerIds: ['51'] } })
    expect((await dms('SearchDatabase', { SearchKey: 'shop', EnvType: 'test' })).TotalCount).toBe(1)
    expect((await dms('SearchDatabase', { SearchKey: 'shop', PageSize: 1, PageNumber: 3 })).SearchDatabaseList.SearchDatabase
      .map((d: any) => d.SchemaName)).toEqual(['shop_archive'])
    expect((await dms('SearchDatabase', { SearchKey: 'nothing-like-this' }))).toMatchObject({ TotalCount: 0, SearchDatabaseList: { SearchDatabase: [] } })
    expect((await dms('SearchDatabase', {})).TotalCount).toBe(4)
  })

  test('GetDatabase by host, port and schema', async () => {
    const r = await dms('GetDatabase', { Host: 'rm-west.mysql.rds.aliyuncs.com', Port: 3307, SchemaName: 'shop' })
    expect(r.Database).toMatchObject({ DatabaseId: '3', State: 'NORMAL', EnvType: 'test' })
  })

  test('GetUserActiveTenant: the tenant, or TenantNotExist', async () => {
    expect(await dms('GetUserActiveTenant')).toMatchObject({ Success: true, Tenant: { Tid: 3, Status: 'ACTIVE', TenantName: expect.any(String) } })
    expect(await dms('GetUserActiveTenant', { Tid: 3 })).toMatchObject({ Success: true })
    expect(await dms('GetUserActiveTenant', { Tid: 4 })).toMatchObject({
      Success: false, ErrorCode: 'TenantNotExist', ErrorMessage: 'The specified tenant does not exist.'
    })
  })
})

describe('permission tickets and authority templates', () => {
  test('PERM_APPLY created through the control API: plain Resources array, approval like any ticket', async () => {
    const resources = [{ DatabaseInfo: { DbId: 2, SearchName: 'shop@rm-east:3306' }, TableInfo: { TableName: 'orders' } }]
    const created = await control(emu.url, 'POST', '/__emulator/perm-orders', { applyType: 'TAB', permType: 1, seconds: 3600, resources })
    expect(created.status).toBe(201)
    const id = created.body.orderId
    const d = await dms('GetPermApplyOrderDetail', { OrderId: id })
    expect(d.PermApplyOrderDetail).toEqual({ ApplyType: 'TAB', PermType: 1, Seconds: 3600, Resources: resources })
    expect((await base(id))).toMatchObject({ PluginType: 'PERM_APPLY', StatusCode: 'toaudit', WorkflowInstanceId: created.body.workflowInstanceId })
    const a = (await dms('GetApprovalDetail', { WorkflowInstanceId: created.body.workflowInstanceId })).ApprovalDetail
    expect(a.OrderType).toBe('PERM_APPLY')
    expect((await dms('ListOrders', { PluginType: 'PERM_APPLY' })).Orders.Order.map((o: any) => o.OrderId)).toContain(id)
    await control(emu.url, 'POST', `/__emulator/orders/${id}/approve`)
    expect((await base(id)).StatusCode).toBe('Approved')
    // A DC_PROC ticket has no permission detail, and a permission ticket no data-change detail.
    const proc = await create('not a permission ticket')
    expect(await dms('GetPermApplyOrderDetail', { OrderId: proc })).toMatchObject({ Success: false, ErrorCode: 'InvalidParam' })
    expect(await dms('GetDataCorrectOrderDetail', { OrderId: id })).toMatchObject({ Success: false, ErrorCode: 'InvalidParam' })
    expect((await control(emu.url, 'POST', '/__emulator/perm-orders', { applyType: 'ALL' })).status).toBe(400)
  })

  test('CreateAuthorityTemplate: Name required, duplicates refused, plain users refused', async () => {
    const r = await dms('CreateAuthorityTemplate', { Name: 'routine-reviewers', Description: 'read routines' }, DBA)
    expect(r).toMatchObject({
      Success: true, Tid: 3,
      AuthorityTemplateView: { Name: 'routine-reviewers', Description: 'read routines', CreatorId: 61, TemplateId: expect.any(Number), CreateTime: expect.any(String) }
    })
    expect(await dms('CreateAuthorityTemplate', { Name: 'routine-reviewers' }, ADMIN)).toMatchObject({ Success: false, ErrorCode: 'UnknownError' })
    expect(await dms('CreateAuthorityTemplate', {}, ADMIN)).toMatchObject({ Success: false, ErrorCode: 'MissingName' })
    expect(await dms('CreateAuthorityTemplate', { Name: 'mine' }, DEV)).toMatchObject({ Success: false, ErrorCode: 'NoPermission' })
  })

  test("in 'documented' mode NoPermission is HTTP 403", async () => {
    const strict = await startEmulator({ accessKeys: [DEV], businessErrorStatus: 'documented' })
    try {
      const r = await signedCall(strict.port, 'CreateAuthorityTemplate', { Name: 'x' }, { accessKeyId: DEV.id, secret: DEV.secret })
      expect([r.status, r.json().ErrorCode, r.json().Success]).toEqual([403, 'NoPermission', false])
    } finally {
      await strict.close()
    }
  })
})

describe('multi-step approval', () => {
  test('every node must approve; the ticket stays toaudit until the last one', async () => {
    const multi = await startEmulator({
      precheckDelayMs: 0, executeDelayMs: 0, accessKeys: [ADMIN],
      approvalNodes: [
        { name: 'Team lead', approvers: [{ id: 81, nick: 'lead_li' }] },
        { name: 'DBA review', approvers: [{ id: 61, nick: 'dba_alice' }] }
      ]
    })
    try {
      const call = async (action: string, params: Record<string, string | number>) =>
        (await signedCall(multi.port, action, params, { accessKeyId: ADMIN.id, secret: ADMIN.secret })).json()
      const id = (await call('CreateProcCorrectOrder', { Comment: 'two steps', Param: param({ ExecMode: 'AUTO' }) })).CreateOrderResult[0]
      expect((await call('SubmitOrderApproval', { OrderId: id })).Success).toBe(true)
      const wf = (await call('GetOrderBaseInfo', { OrderId: id })).OrderBaseInfo.WorkflowInstanceId
      expect((await call('GetApprovalDetail', { WorkflowInstanceId: wf })).ApprovalDetail.CurrentHandlers.CurrentHandler).toEqual([{ Id: 81, NickName: 'lead_li' }])
      expect((await control(multi.url, 'POST', `/__emulator/orders/${id}/approve`, { approver: 'dba_alice' })).status).toBe(409)
      expect((await control(multi.url, 'POST', `/__emulator/orders/${id}/approve`, { approver: 'lead_li' })).body.order.status).toBe('toaudit')
      const a = (await call('GetApprovalDetail', { WorkflowInstanceId: wf })).ApprovalDetail
      expect(a.WorkflowNodes.WorkflowNode.map((n: any) => n.WorkflowInsCode)).toEqual(['START', 'APPROVED', 'AUDITING'])
      expect((await control(multi.url, 'POST', `/__emulator/orders/${id}/approve`)).body.order.status).toBe('success') // execute delay 0
    } finally {
      await multi.close()
    }
  })
})

describe('faults (control API)', () => {
  const headersFor = { accessKeyId: ADMIN.id, secret: ADMIN.secret }

  test('throttle for the next N calls (HTTP 400, or 429 on request), then normal service', async () => {
    await control(emu.url, 'POST', '/__emulator/faults', { type: 'throttle', count: 2 })
    for (let i = 0; i < 2; i++) {
      const r = await signedCall(emu.port, 'GetUserActiveTenant', {}, { ...headersFor, at: clock })
      expect([r.status, r.json().Code, r.json().Message]).toEqual([400, 'Throttling.User', 'Request was denied due to user flow control.'])
    }
    expect((await signedCall(emu.port, 'GetUserActiveTenant', {}, { ...headersFor, at: clock })).status).toBe(200)
    await control(emu.url, 'POST', '/__emulator/faults', { type: 'throttle', status: 429 })
    expect((await signedCall(emu.port, 'GetUserActiveTenant', {}, { ...headersFor, at: clock })).status).toBe(429)
  })

  test('5xx, 502-html and success-false have no side effect', async () => {
    const before = emu.state.orders().length
    const create = () => signedCall(emu.port, 'CreateProcCorrectOrder', { Comment: 'faulted', Param: param({}) }, { ...headersFor, at: clock })
    await control(emu.url, 'POST', '/__emulator/faults', [{ type: '5xx' }, { type: '502-html' }, { type: 'success-false', errorCode: 'InternalError' }])
    const a = await create()
    expect([a.status, a.json().Code, a.headers['content-type']]).toEqual([503, 'ServiceUnavailable', 'application/json;charset=utf-8'])
    const b = await create()
    expect([b.status, b.headers['content-type']]).toEqual([502, 'text/html'])
    expect(b.text).toContain('502 Bad Gateway')
    const c = await create()
    expect([c.status, c.json().Success, c.json().ErrorCode]).toEqual([200, false, 'InternalError'])
    expect(emu.state.orders().length).toBe(before)
    expect((await create()).json().Success).toBe(true)
    expect(emu.state.orders().length).toBe(before + 1)
  })

  test('slow and reset lose the answer but the action ran (a create must not be retried blindly)', async () => {
    const before = emu.state.orders().length
    await control(emu.url, 'POST', '/__emulator/faults', { type: 'slow', delayMs: 800, actions: ['CreateProcCorrectOrder'] })
    await expect(signedCall(emu.port, 'CreateProcCorrectOrder', { Comment: 'slow one', Param: param({}) }, { ...headersFor, at: clock, timeoutMs: 150 }))
      .rejects.toMatchObject({ code: 'TIMEOUT' })
    expect(emu.state.orders().length).toBe(before + 1)
    await control(emu.url, 'POST', '/__emulator/faults', { type: 'reset', actions: ['CreateProcCorrectOrder'] })
    await expect(signedCall(emu.port, 'CreateProcCorrectOrder', { Comment: 'reset one', Param: param({}) }, { ...headersFor, at: clock }))
      .rejects.toMatchObject({ code: 'ECONNRESET' })
    expect(emu.state.orders().map((o) => o.comment).slice(-2)).toEqual(['slow one', 'reset one'])
  })

  test('actions filter, fraction with a seed, listing and clearing', async () => {
    await control(emu.url, 'POST', '/__emulator/faults', { type: '5xx', count: 1, actions: ['ListOrders'] })
    expect((await signedCall(emu.port, 'GetUserActiveTenant', {}, { ...headersFor, at: clock })).status).toBe(200)
    expect((await signedCall(emu.port, 'ListOrders', {}, { ...headersFor, at: clock })).status).toBe(503)

    emu.state.stats() // fraction: about half of 40 calls, reproducibly
    const injected = () => emu.state.stats().faultsInjected['success-false'] ?? 0
    const start = injected()
    await control(emu.url, 'POST', '/__emulator/faults', { type: 'success-false', fraction: 0.5, seed: 7 })
    let failed = 0
    for (let i = 0; i < 40; i++) if (!(await signedCall(emu.port, 'GetUserActiveTenant', {}, { ...headersFor, at: clock })).json().Success) failed++
    expect(failed).toBe(injected() - start)
    expect(failed).toBeGreaterThan(5)
    expect(failed).toBeLessThan(35)
    const listedFaults = await control(emu.url, 'GET', '/__emulator/faults')
    expect(listedFaults.body.faults).toEqual([expect.objectContaining({ type: '5xx', remaining: 0 }), expect.objectContaining({ type: 'success-false', remaining: null })])
    expect((await control(emu.url, 'DELETE', '/__emulator/faults')).body).toEqual({ faults: [] })
    expect((await signedCall(emu.port, 'GetUserActiveTenant', {}, { ...headersFor, at: clock })).json().Success).toBe(true)
  })

  test('bad fault bodies are refused with the field named', async () => {
    expect(await control(emu.url, 'POST', '/__emulator/faults', { type: 'meteor' })).toMatchObject({ status: 400, body: { error: expect.stringContaining('type') } })
    expect(await control(emu.url, 'POST', '/__emulator/faults', { type: 'slow', fraction: 2 })).toMatchObject({ status: 400, body: { error: expect.stringContaining('fraction') } })
  })
})

describe('control API', () => {
  test('GET /__emulator/orders has exactly the documented shape (docs/emulator.md)', async () => {
    const { id, wf } = await submitted('contract check')
    const r = await control(emu.url, 'GET', '/__emulator/orders')
    const o = r.body.orders.find((x: any) => x.orderId === id)
    expect(o).toEqual({ orderId: id, status: 'toaudit', comment: 'contract check', execSql: PROC, rollbackSql: ROLLBACK, workflowInstanceId: wf, dbIds: [1] })
    expect(Object.keys(r.body)).toEqual(['orders'])
    const full = await control(emu.url, 'GET', `/__emulator/orders/${id}`)
    expect(full.body.order).toMatchObject({ id, pluginType: 'DC_PROC', status: 'toaudit' })
  })

  test('unknown ticket 404, wrong state 409, unknown approver 400, unknown endpoint 404, bad JSON 400', async () => {
    expect((await control(emu.url, 'POST', '/__emulator/orders/424242/approve')).status).toBe(404)
    const fresh = await create('not submitted')
    expect((await control(emu.url, 'POST', `/__emulator/orders/${fresh}/approve`)).status).toBe(409)
    const { id } = await submitted('approver check')
    expect((await control(emu.url, 'POST', `/__emulator/orders/${id}/approve`, { approver: 'mallory' })).status).toBe(400)
    expect((await control(emu.url, 'POST', `/__emulator/orders/${id}/approve`, { approver: 72 })).status).toBe(409)
    expect((await control(emu.url, 'GET', '/__emulator/nothing')).status).toBe(404)
    const { raw } = await import('./http.js')
    expect((await raw(emu.port, { path: '/__emulator/faults', body: '{oops' })).status).toBe(400)
  })

  test('access keys added at run time, with a role', async () => {
    const added = await control(emu.url, 'POST', '/__emulator/access-keys', { id: 'AK-new', secret: 'new-secret', role: 'user', userId: 90 })
    expect(added).toEqual({ status: 201, body: { id: 'AK-new', role: 'user', userId: 90 } })
    const r = await signedCall(emu.port, 'CreateAuthorityTemplate', { Name: 'nope' }, { accessKeyId: 'AK-new', secret: 'new-secret', at: clock })
    expect(r.json()).toMatchObject({ Success: false, ErrorCode: 'NoPermission' })
    expect((await control(emu.url, 'POST', '/__emulator/access-keys', { id: 'x' })).status).toBe(400)
    expect((await control(emu.url, 'POST', '/__emulator/access-keys', { id: 'x', secret: 'y', role: 'root' })).status).toBe(400)
  })

  test('stats count requests per action, successes, errors and rejected signatures', async () => {
    await control(emu.url, 'DELETE', '/__emulator/stats')
    await dms('GetUserActiveTenant')
    await dms('GetUserActiveTenant', { Tid: 9 })
    await signedCall(emu.port, 'GetUserActiveTenant', {}, { accessKeyId: ADMIN.id, secret: 'wrong', at: clock })
    const s = (await control(emu.url, 'GET', '/__emulator/stats')).body
    expect(s).toEqual({
      total: 3, byAction: { GetUserActiveTenant: 3 }, succeededByAction: { GetUserActiveTenant: 1 }, rejectedSignatures: 1,
      errorsByCode: { TenantNotExist: 1, SignatureDoesNotMatch: 1 }, faultsInjected: {}
    })
  })

  test('a request target longer than maxUrlBytes gets 414', async () => {
    const r = await signedCall(emu.port, 'CreateProcCorrectOrder', { Comment: 'x'.repeat(40_000), Param: param({}) }, { accessKeyId: ADMIN.id, secret: ADMIN.secret, at: clock })
    expect(r.status).toBe(414)
    const inBody = await signedCall(emu.port, 'CreateProcCorrectOrder', { Comment: 'x'.repeat(40_000), Param: param({}) }, { accessKeyId: ADMIN.id, secret: ADMIN.secret, at: clock, inBody: true })
    expect(inBody.json().Success).toBe(true)
  })
})

describe('persistence across processes', () => {
  test('a second emulator on the same state file continues the tickets, ids and timers of the first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dpg-emu-state-'))
    const stateFile = join(dir, 'nested', 'state.json')
    let t = Date.parse('2026-11-26T12:00:00Z')
    const opts = { now: () => t, precheckDelayMs: 5000, executeDelayMs: 1000, accessKeys: [ADMIN], stateFile }
    const first = await startEmulator(opts)
    const call = async (e: RunningEmulator, action: string, params: Record<string, string | number>) =>
      (await signedCall(e.port, action, params, { accessKeyId: ADMIN.id, secret: ADMIN.secret, at: t })).json()
    const a = (await call(first, 'CreateProcCorrectOrder', { Comment: 'survives', Param: param({ ExecMode: 'AUTO' }) })).CreateOrderResult[0]
    const b = (await call(first, 'CreateProcCorrectOrder', { Comment: 'prechecking across restart', Param: param({}) })).CreateOrderResult[0]
    t += 5000
    await call(first, 'SubmitOrderApproval', { OrderId: a })
    await call(first, 'CreateAuthorityTemplate', { Name: 'persisted-template' })
    await first.close()
    expect(JSON.parse(readFileSync(stateFile, 'utf8')).orders).toHaveLength(2)
    expect(readdirSync(join(dir, 'nested'))).toEqual(['state.json']) // no temp files left
    expect(readFileSync(stateFile, 'utf8')).not.toContain(ADMIN.secret)

    const second = await startEmulator(opts)
    try {
      expect(second.state.orders().map((o) => [o.orderId, o.status])).toEqual([[a, 'toaudit'], [b, 'new']])
      expect((await call(second, 'GetDataCorrectOrderDetail', { OrderId: b })).DataCorrectOrderDetail.Status).toBe('precheck_success')
      expect((await control(second.url, 'POST', `/__emulator/orders/${a}/approve`)).body.order.status).toBe('processing')
      t += 1000
      expect((await call(second, 'GetOrderBaseInfo', { OrderId: a })).OrderBaseInfo.StatusCode).toBe('success')
      const c = (await call(second, 'CreateProcCorrectOrder', { Comment: 'third', Param: param({}) })).CreateOrderResult[0]
      expect(c).toBe(b + 1)
      expect((await call(second, 'CreateAuthorityTemplate', { Name: 'persisted-template' })).ErrorCode).toBe('UnknownError')
    } finally {
      await second.close()
    }
    const third = await startEmulator(opts)
    expect(third.state.orders().find((o) => o.orderId === a)?.status).toBe('success')
    await third.close()
  })

  test('a corrupt state file is an error naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dpg-emu-bad-'))
    const stateFile = join(dir, 'state.json')
    const { writeFileSync } = await import('node:fs')
    writeFileSync(stateFile, '{"orders": 1')
    await expect(startEmulator({ stateFile })).rejects.toThrow(stateFile)
  })
})

describe('CLI (dist/cli.js emulator)', () => {
  const cli = join(process.cwd(), 'dist', 'cli.js')
  // jest's globalSetup rebuilds dist/ when src/ is newer, so the bundle is always there.

  test('prints its URL, serves signed calls with the given key, stops on SIGTERM with exit 0', async () => {
    const child = spawn(process.execPath, [cli, 'emulator', '--port', '0', '--access-key-id', 'AK-cli', '--access-key-secret', 'cli-secret',
      '--database', 'shop@rm-cli:3307', '--precheck-delay-ms', '0'], { stdio: ['ignore', 'pipe', 'pipe'] })
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = ''
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString()
          if (out.includes('\n')) resolve(out.split('\n')[0])
        })
        child.on('exit', (code) => reject(new Error(`exited ${code}`)))
      })
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      const port = Number(new URL(url).port)
      const r = await signedCall(port, 'SearchDatabase', { SearchKey: 'shop' }, { accessKeyId: 'AK-cli', secret: 'cli-secret' })
      expect(r.json().SearchDatabaseList.SearchDatabase.map((d: any) => d.SearchName)).toEqual(['shop@rm-cli:3307'])
      expect((await signedCall(port, 'SearchDatabase', { SearchKey: 'demo' }, { accessKeyId: 'AK-cli', secret: 'cli-secret' })).json().TotalCount).toBe(1)
    } finally {
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
      child.kill('SIGTERM')
      expect(await exited).toBe(0)
    }
  })

  test('usage errors exit 2 and name the flag', () => {
    let status = 0
    let stderr = ''
    try {
      execFileSync(process.execPath, [cli, 'emulator', '--port', 'eighty'], { stdio: 'pipe' })
    } catch (e) {
      status = (e as { status: number }).status
      stderr = String((e as { stderr: Buffer }).stderr)
    }
    expect(status).toBe(2)
    expect(stderr).toContain('--port')
  })
})
