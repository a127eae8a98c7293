// Pure mapping from raw DMS response bodies to our types (types.ts). Tolerant by design: DMS and its docs
// disagree on array wrapping (`WorkflowNodes.WorkflowNode[]` vs plain arrays), ID types (string vs number)
// and status spelling/case (docs/dms-api.md, Response shapes), and fields may be null or missing.
import type {
  ApprovalDetail, ApprovalHandler, ApprovalNode, AuthorityTemplate, DataCorrectOrderDetail, DatabaseList,
  AuthorityTemplateList, DatabaseRef, ExecMode, OrderBaseInfo, OrderList, OrderStatus, OrderSummary, PermApplyOrderDetail,
  PermApplyType, PermKind, PermResource, PrecheckStep, PrecheckStepStatus, Tenant, TenantStatus, UploadFileJob, WorkflowStatus
} from './types.js'

type Raw = Record<string, unknown>

function isObject(x: unknown): x is Raw {
  return typeof x === 'object' && x !== null && !Array.isArray(x)
}

/** Field lookup: exact key first, then case-insensitive (some gateways/emulators camelCase keys). */
export function field(obj: unknown, key: string): unknown {
  if (!isObject(obj)) return undefined
  if (key in obj) return obj[key]
  const lower = key.toLowerCase()
  for (const k of Object.keys(obj)) if (k.toLowerCase() === lower) return obj[k]
  return undefined
}

/** A list given plain (`[…]`) or wrapped (`{Inner:[…]}`); with no `inner` key, a wrapper's only array. */
export function list(x: unknown, inner?: string): unknown[] {
  if (Array.isArray(x)) return x
  if (!isObject(x)) return []
  if (inner !== undefined) {
    const v = field(x, inner)
    if (Array.isArray(v)) return v
    if (isObject(v)) return [v] // XML-to-JSON style single element
  }
  const arrays = Object.values(x).filter(Array.isArray)
  return arrays.length === 1 ? arrays[0] : []
}

export function str(x: unknown): string {
  if (typeof x === 'string') return x
  if (typeof x === 'number' || typeof x === 'boolean') return String(x)
  return ''
}

/** A number from a number or numeric string; null for anything else (including unsafe integers). */
export function num(x: unknown): number | null {
  if (typeof x === 'number') return Number.isFinite(x) ? x : null
  if (typeof x === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(x)) {
    const n = Number(x)
    return Number.isSafeInteger(n) || !Number.isInteger(n) ? n : null
  }
  return null
}

/** An entity ID (order, workflow, database…): positive safe integer, else null. DMS uses 0 for "none". */
export function id(x: unknown): number | null {
  const n = num(x)
  return n !== null && Number.isSafeInteger(n) && n > 0 ? n : null
}

export function bool(x: unknown): boolean {
  if (typeof x === 'boolean') return x
  if (typeof x === 'string') return x.trim().toLowerCase() === 'true'
  if (typeof x === 'number') return x !== 0
  return false
}

function strList(x: unknown, inner: string): string[] {
  return list(x, inner).map(str).filter((s) => s !== '')
}

const ORDER_STATUS: Record<string, OrderStatus> = {
  new: 'new',
  precheck: 'precheck',
  prechecking: 'precheck',
  precheckfailed: 'precheck_failed',
  precheckfail: 'precheck_failed',
  prechecksuccess: 'precheck_success',
  toaudit: 'toaudit',
  auditing: 'toaudit',
  approved: 'approved',
  approve: 'approved',
  agree: 'approved',
  reject: 'reject',
  rejected: 'reject',
  cancel: 'cancel',
  canceled: 'cancel',
  cancelled: 'cancel',
  processing: 'processing',
  success: 'success',
  fail: 'fail',
  failed: 'fail',
  closed: 'closed',
  close: 'closed',
  waiting: 'waiting'
}

/** Any DMS status spelling → OrderStatus: case, `_`, `-` and spaces are ignored
 *  (`Approved`, `precheckFailed`, `precheck_fail`, `PRECHECK_SUCCESS`). */
export function orderStatus(raw: unknown): OrderStatus {
  const key = str(raw).toLowerCase().replace(/[\s_-]/g, '')
  return ORDER_STATUS[key] ?? 'unknown'
}

const WORKFLOW_STATUS: Record<string, WorkflowStatus> = {
  start: 'start',
  auditing: 'auditing',
  toaudit: 'auditing',
  approved: 'approved',
  agree: 'approved',
  reject: 'reject',
  rejected: 'reject',
  cancel: 'cancel',
  canceled: 'cancel',
  cancelled: 'cancel',
  error: 'error'
}

export function workflowStatus(raw: unknown): WorkflowStatus {
  const key = str(raw).toLowerCase().replace(/[\s_-]/g, '')
  return WORKFLOW_STATUS[key] ?? 'unknown'
}

function execMode(raw: unknown): ExecMode | null {
  const s = str(raw).toUpperCase()
  return s === 'COMMITOR' || s === 'AUTO' || s === 'LAST_AUDITOR' ? s : null
}

function requireId(x: unknown, what: string): number {
  const n = id(x)
  if (n === null) throw new TypeError(`DMS response has no valid ${what} (got ${JSON.stringify(x ?? null)})`)
  return n
}

// ---- per action ----

/** CreateProcCorrectOrder.CreateOrderResult: plain array of ticket IDs (wrapped form accepted too). */
export function createOrderResult(body: unknown): number[] {
  return list(field(body, 'CreateOrderResult'), 'OrderIds').map(id).filter((n): n is number => n !== null)
}

export function orderBaseInfo(body: unknown): OrderBaseInfo {
  const o = field(body, 'OrderBaseInfo') ?? {}
  return {
    ...orderSummary(o, 'OrderBaseInfo.OrderId'),
    workflowInstanceId: id(field(o, 'WorkflowInstanceId')),
    workflowStatusDesc: str(field(o, 'WorkflowStatusDesc')),
    attachmentKey: str(field(o, 'AttachmentKey')),
    relatedUserIds: strList(field(o, 'RelatedUserList'), 'UserIds'),
    relatedUserNicks: strList(field(o, 'RelatedUserNickList'), 'UserNicks')
  }
}

function approvalNode(n: unknown): ApprovalNode {
  const statusCode = str(field(n, 'WorkflowInsCode'))
  return {
    name: str(field(n, 'NodeName')),
    status: workflowStatus(statusCode),
    statusCode,
    auditors: strList(field(n, 'AuditUserIdList'), 'AuditUserIds'),
    operatorId: id(field(n, 'OperatorId')),
    comment: str(field(n, 'OperateComment')),
    time: str(field(n, 'OperateTime'))
  }
}

function handler(h: unknown): ApprovalHandler {
  return { id: id(field(h, 'Id')), nickName: str(field(h, 'NickName')) }
}

export function approvalDetail(body: unknown): ApprovalDetail {
  const d = field(body, 'ApprovalDetail') ?? {}
  const statusCode = str(field(d, 'WorkflowInsCode'))
  return {
    workflowInstanceId: id(field(d, 'WorkflowInstanceId')),
    orderId: id(field(d, 'OrderId')),
    orderType: str(field(d, 'OrderType')),
    title: str(field(d, 'Title')),
    description: str(field(d, 'Description')),
    createTime: str(field(d, 'CreateTime')),
    status: workflowStatus(statusCode),
    statusCode,
    auditId: id(field(d, 'AuditId')),
    templateId: id(field(d, 'TemplateId')),
    nodes: list(field(d, 'WorkflowNodes'), 'WorkflowNode').map(approvalNode),
    currentHandlers: list(field(d, 'CurrentHandlers'), 'CurrentHandler').map(handler),
    reasons: strList(field(d, 'ReasonList'), 'Reasons'),
    thirdpartyWorkflowUrl: str(field(d, 'ThirdpartyWorkflowUrl')),
    thirdpartyWorkflowComment: str(field(d, 'ThirdpartyWorkflowComment'))
  }
}

function orderSummary(o: unknown, idPath = 'Orders.Order[].OrderId'): OrderSummary {
  const statusCode = str(field(o, 'StatusCode'))
  return {
    orderId: requireId(field(o, 'OrderId'), idPath),
    status: orderStatus(statusCode),
    statusCode,
    statusDesc: str(field(o, 'StatusDesc')),
    comment: str(field(o, 'Comment')),
    committer: str(field(o, 'Committer')),
    committerId: id(field(o, 'CommitterId')),
    createTime: str(field(o, 'CreateTime')),
    lastModifyTime: str(field(o, 'LastModifyTime')),
    pluginType: str(field(o, 'PluginType'))
  }
}

export function orderList(body: unknown): OrderList {
  const orders = list(field(body, 'Orders'), 'Order').map((o) => orderSummary(o))
  return { totalCount: num(field(body, 'TotalCount')) ?? orders.length, orders }
}

function precheckStatus(raw: unknown): PrecheckStepStatus {
  const s = str(raw).toUpperCase()
  return s === 'WAITING' || s === 'RUNNING' || s === 'SUCCESS' || s === 'FAIL' ? s : 'UNKNOWN'
}

function precheckStep(t: unknown): PrecheckStep {
  return {
    step: str(field(t, 'CheckStep')),
    status: precheckStatus(field(t, 'CheckStatus')),
    userTip: str(field(t, 'UserTip'))
  }
}

export function dataCorrectOrderDetail(body: unknown): DataCorrectOrderDetail {
  const d = field(body, 'DataCorrectOrderDetail') ?? {}
  const od = field(d, 'OrderDetail') ?? {}
  const statusCode = str(field(d, 'Status'))
  return {
    status: orderStatus(statusCode),
    statusCode,
    execMode: execMode(field(d, 'ExecMode')),
    execSql: str(field(od, 'ExeSQL')),
    rollbackSql: str(field(od, 'RbSQL')),
    rollbackSqlType: str(field(od, 'RbSQLType')),
    rollbackAttachmentName: str(field(od, 'RbAttachmentName')),
    attachmentName: str(field(od, 'AttachmentName')),
    classify: str(field(od, 'Classify')),
    sqlType: str(field(od, 'SqlType')),
    estimateAffectRows: num(field(od, 'EstimateAffectRows')),
    actualAffectRows: num(field(od, 'ActualAffectRows')),
    precheck: list(field(d, 'PreCheckDetail'), 'TaskCheckDO').map(precheckStep),
    databases: list(field(d, 'DatabaseList'), 'Database').flatMap((x) => {
      const ref = databaseRefOrNull(x)
      return ref ? [ref] : []
    })
  }
}

function record(x: unknown): Record<string, unknown> | null {
  return isObject(x) ? x : null
}

function permApplyType(raw: unknown): PermApplyType {
  const s = str(raw).toUpperCase()
  return s === 'DB' || s === 'TAB' || s === 'COL' || s === 'INSTANT' ? s : 'UNKNOWN'
}

const PERM_BITS: ReadonlyArray<[number, PermKind]> = [[1, 'query'], [2, 'export'], [4, 'change'], [8, 'logon']]

/** PermType by name: the model documents 1 query, 2 export, 4 change, 8 logon, and sums (3 = query + export, …).
 *  [] for anything that is not such a sum. */
export function permKinds(permType: number | null): PermKind[] {
  if (permType === null || !Number.isInteger(permType) || permType <= 0 || permType > 15) return []
  return PERM_BITS.filter(([bit]) => (permType & bit) !== 0).map(([, kind]) => kind)
}

export function permApplyOrderDetail(body: unknown): PermApplyOrderDetail {
  const d = field(body, 'PermApplyOrderDetail') ?? {}
  const permType = num(field(d, 'PermType'))
  return {
    applyType: permApplyType(field(d, 'ApplyType')),
    permType,
    permKinds: permKinds(permType),
    seconds: num(field(d, 'Seconds')),
    resources: list(field(d, 'Resources'), 'Resource').map((r): PermResource => ({
      instance: record(field(r, 'InstanceInfo')),
      database: record(field(r, 'DatabaseInfo')),
      table: record(field(r, 'TableInfo')),
      column: record(field(r, 'ColumnInfo')),
      row: record(field(r, 'RowInfo')),
      rowValue: record(field(r, 'RowValueInfo'))
    }))
  }
}

export function authorityTemplate(body: unknown): AuthorityTemplate {
  return templateView(field(body, 'AuthorityTemplateView') ?? {}, id(field(body, 'Tid')))
}

/** ListAuthorityTemplate: `AuthorityTemplateViewList.AuthorityTemplateView[]` (SDK model), TotalCount, Tid. */
export function authorityTemplateList(body: unknown): AuthorityTemplateList {
  const tid = id(field(body, 'Tid'))
  const templates = list(field(body, 'AuthorityTemplateViewList'), 'AuthorityTemplateView').map((v) => templateView(v, tid))
  return { totalCount: num(field(body, 'TotalCount')) ?? templates.length, templates }
}

function templateView(v: unknown, tid: number | null): AuthorityTemplate {
  return {
    templateId: requireId(field(v, 'TemplateId'), 'AuthorityTemplateView.TemplateId'),
    name: str(field(v, 'Name')),
    description: str(field(v, 'Description')),
    creatorId: id(field(v, 'CreatorId')),
    createTime: str(field(v, 'CreateTime')),
    tid
  }
}

const JOB_STATUSES: readonly UploadFileJob['status'][] = ['INIT', 'PENDING', 'BE_SCHEDULED', 'RUNNING', 'SUCCESS', 'FAIL']

/** GetUserUploadFileJob.UploadFileJobDetail. */
export function uploadFileJob(body: unknown): UploadFileJob {
  const j = field(body, 'UploadFileJobDetail') ?? {}
  const status = str(field(j, 'JobStatus')).toUpperCase() as UploadFileJob['status']
  return {
    jobKey: str(field(j, 'JobKey')),
    status: JOB_STATUSES.includes(status) ? status : 'UNKNOWN',
    statusDesc: str(field(j, 'JobStatusDesc')),
    attachmentKey: str(field(j, 'AttachmentKey')),
    fileName: str(field(j, 'FileName')),
    fileSize: num(field(j, 'FileSize')),
    fileSource: str(field(j, 'FileSource'))
  }
}

function databaseRefOrNull(x: unknown): DatabaseRef | null {
  const dbId = id(field(x, 'DatabaseId') ?? field(x, 'DbId'))
  if (dbId === null) return null
  // DataCorrectOrderDetail's DatabaseList entries carry only SearchName (`schema@host:port`): fall back to it.
  const parsed = /^(.*)@([^@:]*)(?::(\d+))?$/.exec(str(field(x, 'SearchName'))) ?? []
  const schemaName = str(field(x, 'SchemaName')) || (parsed[1] ?? '')
  const host = str(field(x, 'Host')) || (parsed[2] ?? '')
  const port = num(field(x, 'Port')) ?? (parsed[3] === undefined ? null : Number(parsed[3]))
  return {
    dbId,
    schemaName,
    host,
    port,
    envType: str(field(x, 'EnvType')),
    dbType: str(field(x, 'DbType')),
    searchName: str(field(x, 'SearchName')) || `${schemaName}@${host}:${port ?? ''}`,
    logic: bool(field(x, 'Logic'))
  }
}

export function databaseList(body: unknown): DatabaseList {
  const databases = list(field(body, 'SearchDatabaseList'), 'SearchDatabase').flatMap((x) => {
    const ref = databaseRefOrNull(x)
    return ref ? [ref] : []
  })
  return { totalCount: num(field(body, 'TotalCount')) ?? databases.length, databases }
}

function tenantStatus(raw: unknown): TenantStatus {
  const s = str(raw).toUpperCase()
  return s === 'ACTIVE' || s === 'IN_ACTIVE' ? s : 'UNKNOWN'
}

export function tenant(body: unknown): Tenant {
  const t = field(body, 'Tenant') ?? {}
  return {
    tid: requireId(field(t, 'Tid'), 'Tenant.Tid'),
    name: str(field(t, 'TenantName')),
    status: tenantStatus(field(t, 'Status'))
  }
}
