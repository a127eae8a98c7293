import { describe, expect, test } from '@jest/globals'
import * as n from '../../src/dms/normalize.js'

describe('orderStatus maps every documented vocabulary, case-insensitively', () => {
  const cases: Array<[string, string]> = [
    ['new', 'new'], ['NEW', 'new'], ['precheck', 'precheck'],
    ['precheckFailed', 'precheck_failed'], ['precheck_fail', 'precheck_failed'], ['PRECHECK_FAILED', 'precheck_failed'],
    ['precheck_success', 'precheck_success'], ['precheckSuccess', 'precheck_success'],
    ['toaudit', 'toaudit'], ['ToAudit', 'toaudit'], ['Approved', 'approved'], ['approved', 'approved'],
    ['reject', 'reject'], ['cancel', 'cancel'], ['processing', 'processing'], ['Success', 'success'],
    ['success', 'success'], ['fail', 'fail'], ['closed', 'closed'], ['waiting', 'waiting'],
    ['', 'unknown'], ['something-new', 'unknown']
  ]
  test.each(cases)('%s → %s', (raw, want) => expect(n.orderStatus(raw)).toBe(want))
  test('non-strings are unknown', () => {
    expect(n.orderStatus(null)).toBe('unknown')
    expect(n.orderStatus(undefined)).toBe('unknown')
    expect(n.orderStatus({})).toBe('unknown')
  })
  test('workflow codes', () => {
    expect(['START', 'AUDITING', 'APPROVED', 'REJECT', 'CANCEL', 'ERROR', 'x'].map(n.workflowStatus))
      .toEqual(['start', 'auditing', 'approved', 'reject', 'cancel', 'error', 'unknown'])
  })
})

describe('ids and scalars', () => {
  test('string and number ids unify; 0/garbage/unsafe are null', () => {
    expect(n.id('1001')).toBe(1001)
    expect(n.id(1001)).toBe(1001)
    expect(n.id(0)).toBeNull()
    expect(n.id('0')).toBeNull()
    expect(n.id('abc')).toBeNull()
    expect(n.id('99999999999999999999')).toBeNull()
    expect(n.id(null)).toBeNull()
  })
  test('list accepts wrapped, plain, single-object and missing', () => {
    expect(n.list([1, 2], 'X')).toEqual([1, 2])
    expect(n.list({ X: [1, 2] }, 'X')).toEqual([1, 2])
    expect(n.list({ x: [1] }, 'X')).toEqual([1])
    expect(n.list({ X: { a: 1 } }, 'X')).toEqual([{ a: 1 }])
    expect(n.list({ Other: [3] }, 'X')).toEqual([3])
    expect(n.list(null, 'X')).toEqual([])
    expect(n.list(undefined)).toEqual([])
  })
})

const wrappedApproval = {
  RequestId: 'r', Success: true,
  ApprovalDetail: {
    AuditId: 7, CreateTime: '2021-10-29 14:17:25', OrderId: '1001', OrderType: 'DATA_CORRECT', Title: 't',
    WorkflowInsCode: 'AUDITING', WorkflowInstanceId: 5001, TemplateId: '3', Description: '<b>d</b>',
    CurrentHandlers: { CurrentHandler: [{ Id: '51', NickName: 'dba' }] },
    ReasonList: { Reasons: ['need approval'] },
    WorkflowNodes: {
      WorkflowNode: [
        { NodeName: 'Submit', WorkflowInsCode: 'START', OperatorId: 50, OperateTime: '2021-10-29 14:17:25', AuditUserIdList: { AuditUserIds: ['50'] } },
        { NodeName: 'DBA', WorkflowInsCode: 'auditing', AuditUserIdList: { AuditUserIds: ['51', '52'] }, OperateComment: null }
      ]
    }
  }
}

const unwrappedApproval = {
  Success: true,
  ApprovalDetail: {
    OrderId: 1001, WorkflowInsCode: 'Auditing', WorkflowInstanceId: '5001',
    CurrentHandlers: [{ Id: 51, NickName: 'dba' }],
    ReasonList: ['need approval'],
    WorkflowNodes: [
      { NodeName: 'Submit', WorkflowInsCode: 'start', OperatorId: '50', OperateTime: '2021-10-29 14:17:25', AuditUserIdList: ['50'] },
      { NodeName: 'DBA', WorkflowInsCode: 'AUDITING', AuditUserIdList: [51, 52] }
    ]
  }
}

describe('approvalDetail', () => {
  test('wrapped and unwrapped bodies give the same nodes, handlers and reasons', () => {
    const a = n.approvalDetail(wrappedApproval)
    const b = n.approvalDetail(unwrappedApproval)
    for (const d of [a, b]) {
      expect(d.orderId).toBe(1001)
      expect(d.workflowInstanceId).toBe(5001)
      expect(d.status).toBe('auditing')
      expect(d.currentHandlers).toEqual([{ id: 51, nickName: 'dba' }])
      expect(d.reasons).toEqual(['need approval'])
      expect(d.nodes.map((x) => [x.name, x.status, x.auditors])).toEqual([
        ['Submit', 'start', ['50']],
        ['DBA', 'auditing', ['51', '52']]
      ])
      expect(d.nodes[0].operatorId).toBe(50)
      expect(d.nodes[1].comment).toBe('')
    }
    expect(a.templateId).toBe(3)
  })
  test('an empty/missing detail yields empty lists, not a crash', () => {
    const d = n.approvalDetail({ Success: true })
    expect(d.nodes).toEqual([])
    expect(d.currentHandlers).toEqual([])
    expect(d.status).toBe('unknown')
    expect(n.approvalDetail({ ApprovalDetail: { WorkflowNodes: null, CurrentHandlers: { CurrentHandler: null } } }).nodes).toEqual([])
  })
})

describe('orderBaseInfo', () => {
  test('capital Approved, string ids, wrapped user lists', () => {
    const o = n.orderBaseInfo({
      OrderBaseInfo: {
        OrderId: '1001', StatusCode: 'Approved', CommitterId: '50', WorkflowInstanceId: 0, PluginType: 'DC_PROC',
        RelatedUserList: { UserIds: ['1234567890123456789'] }, RelatedUserNickList: { UserNicks: ['a'] }, Comment: 'c'
      }
    })
    expect(o).toMatchObject({ orderId: 1001, status: 'approved', statusCode: 'Approved', committerId: 50, workflowInstanceId: null, pluginType: 'DC_PROC', comment: 'c' })
    expect(o.relatedUserIds).toEqual(['1234567890123456789'])
    expect(o.relatedUserNicks).toEqual(['a'])
  })
  test('unwrapped user lists and camelCase keys', () => {
    const o = n.orderBaseInfo({ orderBaseInfo: { orderId: 5, statusCode: 'TOAUDIT', workflowInstanceId: '77', relatedUserList: ['9'] } })
    expect(o).toMatchObject({ orderId: 5, status: 'toaudit', workflowInstanceId: 77, relatedUserIds: ['9'] })
  })
  test('missing OrderId is an error naming the field', () => {
    expect(() => n.orderBaseInfo({ OrderBaseInfo: {} })).toThrow(/OrderBaseInfo\.OrderId/)
  })
})

describe('list results', () => {
  test('ListOrders wrapped/unwrapped, lower-case approved, TotalCount as string', () => {
    const row = { OrderId: 1, StatusCode: 'approved', Comment: 'x', PluginType: 'DC_PROC' }
    const a = n.orderList({ TotalCount: '1', Orders: { Order: [row] } })
    const b = n.orderList({ Orders: [{ ...row, OrderId: '1', StatusCode: 'APPROVED' }] })
    expect({ ...a, orders: a.orders.map((o) => ({ ...o, statusCode: '' })) }).toEqual({ ...b, orders: b.orders.map((o) => ({ ...o, statusCode: '' })) })
    expect(b.orders[0].statusCode).toBe('APPROVED') // the raw code is kept for display
    expect(a.totalCount).toBe(1)
    expect(a.orders[0].status).toBe('approved')
    expect(n.orderList({ Orders: null })).toEqual({ totalCount: 0, orders: [] })
  })
  test('SearchDatabase: DatabaseId string → number, Logic, SearchName', () => {
    const row = { DatabaseId: '11', SchemaName: 'shop', Host: 'h', Port: 3306, EnvType: 'product', DbType: 'mysql', SearchName: 'shop@h:3306', Logic: false }
    const a = n.databaseList({ TotalCount: 1, SearchDatabaseList: { SearchDatabase: [row] } })
    const b = n.databaseList({ SearchDatabaseList: [{ ...row, DatabaseId: 11, Port: '3306', Logic: 'false' }] })
    expect(a).toEqual(b)
    expect(a.databases[0]).toEqual({ dbId: 11, schemaName: 'shop', host: 'h', port: 3306, envType: 'product', dbType: 'mysql', searchName: 'shop@h:3306', logic: false })
  })
  test('CreateOrderResult plain and wrapped', () => {
    expect(n.createOrderResult({ CreateOrderResult: [1001] })).toEqual([1001])
    expect(n.createOrderResult({ CreateOrderResult: ['1002'] })).toEqual([1002])
    expect(n.createOrderResult({ CreateOrderResult: { OrderIds: [1003] } })).toEqual([1003])
    expect(n.createOrderResult({})).toEqual([])
  })
})

describe('details', () => {
  test('DataCorrectOrderDetail with precheck steps, both shapes', () => {
    const detail = (pre: unknown, dbs: unknown) => ({
      DataCorrectOrderDetail: {
        Status: 'precheckFailed', ExecMode: 'auto',
        OrderDetail: { ExeSQL: 'CREATE …', RbSQL: 'DROP …', RbSQLType: 'TEXT', Classify: 'r', EstimateAffectRows: '0' },
        PreCheckDetail: pre, DatabaseList: dbs
      }
    })
    const steps = [{ CheckStep: 'SQL_PARSE', CheckStatus: 'FAIL', UserTip: 'syntax error near x' }, { CheckStep: 'ROW_CHECK', CheckStatus: 'waiting' }]
    // SDK model DataCorrectOrderDetailDatabaseListDatabase: DbId, DbType, EnvType, Logic, SearchName only.
    const dbs = [{ DbId: 1, SearchName: 'demo@rm-x.mysql.rds.aliyuncs.com:3306', EnvType: 'dev', DbType: 'mysql', Logic: false }]
    const a = n.dataCorrectOrderDetail(detail({ TaskCheckDO: steps }, { Database: dbs }))
    const b = n.dataCorrectOrderDetail(detail(steps, dbs))
    expect(a).toEqual(b)
    expect(a.status).toBe('precheck_failed')
    expect(a.execMode).toBe('AUTO')
    expect(a.execSql).toBe('CREATE …')
    expect(a.estimateAffectRows).toBe(0)
    expect(a.precheck).toEqual([
      { step: 'SQL_PARSE', status: 'FAIL', userTip: 'syntax error near x' },
      { step: 'ROW_CHECK', status: 'WAITING', userTip: '' }
    ])
    expect(a.databases[0]).toMatchObject({ dbId: 1, schemaName: 'demo', host: 'rm-x.mysql.rds.aliyuncs.com', port: 3306, envType: 'dev' })
  })
  test('PermApplyOrderDetail: plain Resources array, and wrapped', () => {
    const r = { InstanceInfo: { Host: 'h' }, DatabaseInfo: { SchemaName: 's' }, TableInfo: null }
    const a = n.permApplyOrderDetail({ PermApplyOrderDetail: { ApplyType: 'db', PermType: 1, Seconds: '3600', Resources: [r] } })
    const b = n.permApplyOrderDetail({ PermApplyOrderDetail: { ApplyType: 'DB', PermType: '1', Seconds: 3600, Resources: { Resource: [r] } } })
    expect(a).toEqual(b)
    expect(a).toEqual({ applyType: 'DB', permType: 1, permKinds: ['query'], seconds: 3600, resources: [{ instance: { Host: 'h' }, database: { SchemaName: 's' }, table: null, column: null, row: null, rowValue: null }] })
  })
  test('PermType by name (1 query, 2 export, 4 change, 8 logon, sums); RowInfo and RowValueInfo', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 15, 0, 16, null].map(n.permKinds)).toEqual([
      ['query'], ['export'], ['query', 'export'], ['change'], ['query', 'change'], ['export', 'change'], ['query', 'export', 'change'],
      ['logon'], ['query', 'logon'], ['query', 'export', 'change', 'logon'], [], [], []
    ])
    const d = n.permApplyOrderDetail({ PermApplyOrderDetail: { PermType: 4, Resources: [{ RowInfo: { TableName: 't', RowGroupId: 3 }, RowValueInfo: { RowValue: 'v' } }] } })
    expect(d.resources[0]).toMatchObject({ row: { TableName: 't', RowGroupId: 3 }, rowValue: { RowValue: 'v' } })
  })
  test('DataCorrectOrderDetail: rollback as an attachment, database list with DbId and Logic', () => {
    const d = n.dataCorrectOrderDetail({ DataCorrectOrderDetail: {
      ExecMode: 'AUTO', Status: 'precheck_success',
      OrderDetail: { ExeSQL: 'CREATE PROCEDURE p() SELECT 1', RbSQL: '', RbSQLType: 'ATTACHMENT', RbAttachmentName: 'upload_x_rb.sql', AttachmentName: 'att.sql' },
      DatabaseList: { Database: [{ DbId: 7, Logic: true, SearchName: 'shop@h:3306' }, { DbId: '8', Logic: 'false', SearchName: 'shop@h2:3306' }] }
    } })
    expect(d).toMatchObject({ execMode: 'AUTO', status: 'precheck_success', execSql: 'CREATE PROCEDURE p() SELECT 1', rollbackSql: '', rollbackSqlType: 'ATTACHMENT',
      rollbackAttachmentName: 'upload_x_rb.sql', attachmentName: 'att.sql' })
    expect(d.databases.map((x) => [x.dbId, x.logic, x.schemaName, x.host, x.port])).toEqual([[7, true, 'shop', 'h', 3306], [8, false, 'shop', 'h2', 3306]])
  })
  test('AuthorityTemplateViewList and UploadFileJobDetail', () => {
    expect(n.authorityTemplateList({ Tid: 3, TotalCount: 1, AuthorityTemplateViewList: { AuthorityTemplateView: [{ TemplateId: 9, Name: 'x', CreatorId: 61, CreateTime: '2026-01-01 00:00:00' }] } }))
      .toEqual({ totalCount: 1, templates: [{ templateId: 9, name: 'x', description: '', creatorId: 61, createTime: '2026-01-01 00:00:00', tid: 3 }] })
    expect(n.uploadFileJob({ UploadFileJobDetail: { JobKey: 'k', JobStatus: 'success', AttachmentKey: 'upload_k_rb.sql', FileName: 'rb.sql', FileSize: 10, FileSource: 'datacorrect' } }))
      .toEqual({ jobKey: 'k', status: 'SUCCESS', statusDesc: '', attachmentKey: 'upload_k_rb.sql', fileName: 'rb.sql', fileSize: 10, fileSource: 'datacorrect' })
  })
  test('AuthorityTemplate and Tenant', () => {
    expect(n.authorityTemplate({ Tid: 3, AuthorityTemplateView: { TemplateId: '8', Name: 'n', CreatorId: 5 } }))
      .toEqual({ templateId: 8, name: 'n', description: '', creatorId: 5, createTime: '', tid: 3 })
    expect(n.tenant({ Tenant: { Tid: '3', TenantName: 't', Status: 'active' } })).toEqual({ tid: 3, name: 't', status: 'ACTIVE' })
  })
})
