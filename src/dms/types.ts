// Our normalized view of DMS (dms-enterprise 2018-11-01) responses. Raw bodies differ per action in
// array wrapping, ID types and status vocabulary (docs/dms-api.md, Response shapes); normalize.ts maps them here.

/** One status union for every DMS vocabulary (GetOrderBaseInfo.StatusCode, ListOrders.StatusCode,
 *  GetDataCorrectOrderDetail.Status), compared case-insensitively. Anything unrecognised is `unknown`. */
export type OrderStatus =
  | 'new'
  | 'precheck'
  | 'precheck_failed'
  | 'precheck_success'
  | 'toaudit'
  | 'approved'
  | 'reject'
  | 'cancel'
  | 'processing'
  | 'success'
  | 'fail'
  | 'closed'
  | 'waiting'
  | 'unknown'

/** Workflow (approval) state: GetApprovalDetail.WorkflowInsCode of the instance and of each node. */
export type WorkflowStatus = 'start' | 'auditing' | 'approved' | 'reject' | 'cancel' | 'error' | 'unknown'

export type ExecMode = 'COMMITOR' | 'AUTO' | 'LAST_AUDITOR'

/** A ticket as ListOrders lists it; GetOrderBaseInfo gives the same fields and more. */
export interface OrderSummary {
  orderId: number
  status: OrderStatus
  /** The status code exactly as DMS sent it (for display/debugging). */
  statusCode: string
  statusDesc: string
  comment: string
  committer: string
  committerId: number | null
  createTime: string
  lastModifyTime: string
  pluginType: string
}

export interface OrderBaseInfo extends OrderSummary {
  /** null until the ticket is submitted for approval (DMS sends 0 or nothing before). */
  workflowInstanceId: number | null
  workflowStatusDesc: string
  attachmentKey: string
  /** User IDs stay strings: Alibaba Cloud UIDs can exceed Number.MAX_SAFE_INTEGER. */
  relatedUserIds: string[]
  relatedUserNicks: string[]
}

export interface ApprovalHandler {
  id: number | null
  nickName: string
}

export interface ApprovalNode {
  name: string
  status: WorkflowStatus
  statusCode: string
  /** Users allowed to act on this node (AuditUserIdList), as strings. */
  auditors: string[]
  operatorId: number | null
  comment: string
  time: string
}

export interface ApprovalDetail {
  workflowInstanceId: number | null
  orderId: number | null
  orderType: string
  title: string
  description: string
  createTime: string
  status: WorkflowStatus
  statusCode: string
  auditId: number | null
  templateId: number | null
  nodes: ApprovalNode[]
  currentHandlers: ApprovalHandler[]
  reasons: string[]
  thirdpartyWorkflowUrl: string
  thirdpartyWorkflowComment: string
}



export interface OrderList {
  totalCount: number
  orders: OrderSummary[]
}

export type PrecheckStepStatus = 'WAITING' | 'RUNNING' | 'SUCCESS' | 'FAIL' | 'UNKNOWN'

export interface PrecheckStep {
  step: string
  status: PrecheckStepStatus
  userTip: string
}

export interface DataCorrectOrderDetail {
  status: OrderStatus
  statusCode: string
  execMode: ExecMode | null
  /** OrderDetail.ExeSQL: the SQL DMS will run. */
  execSql: string
  /** OrderDetail.RbSQL: the rollback SQL when it was given as text ('' for an attachment). */
  rollbackSql: string
  /** OrderDetail.RbSQLType: TEXT or ATTACHMENT. */
  rollbackSqlType: string
  /** OrderDetail.RbAttachmentName: the rollback attachment (its AttachmentKey) when RbSQLType is ATTACHMENT. */
  rollbackAttachmentName: string
  /** OrderDetail.AttachmentName: the ticket's supplementary attachment, if any. */
  attachmentName: string
  classify: string
  sqlType: string
  estimateAffectRows: number | null
  actualAffectRows: number | null
  precheck: PrecheckStep[]
  /** DatabaseList.Database[]: each with its DbId and Logic flag. */
  databases: DatabaseRef[]
}

export type PermApplyType = 'DB' | 'TAB' | 'COL' | 'INSTANT' | 'UNKNOWN'

/** One GetPermApplyOrderDetail resource (SDK model GetPermApplyOrderDetailResponseBodyPermApplyOrderDetailResources). */
export interface PermResource {
  instance: Record<string, unknown> | null
  database: Record<string, unknown> | null
  table: Record<string, unknown> | null
  column: Record<string, unknown> | null
  /** RowInfo: row-level permission (DbId, Logic, SchemaName, TableName, ColumnName, MatchMode, RowGroupId). */
  row: Record<string, unknown> | null
  /** RowValueInfo: the row value the permission covers (RowValue). */
  rowValue: Record<string, unknown> | null
}

/** PermType bits (GetPermApplyOrderDetail model: 1 query, 2 export, 4 change, 8 logon; sums combine them). */
export type PermKind = 'query' | 'export' | 'change' | 'logon'

export interface PermApplyOrderDetail {
  applyType: PermApplyType
  permType: number | null
  /** permType by name, e.g. ['query', 'export'] for 3; [] when unknown. */
  permKinds: PermKind[]
  seconds: number | null
  resources: PermResource[]
}

export interface AuthorityTemplateList {
  totalCount: number
  templates: AuthorityTemplate[]
}

/** GetUserUploadFileJob.UploadFileJobDetail. */
export interface UploadFileJob {
  jobKey: string
  status: 'INIT' | 'PENDING' | 'BE_SCHEDULED' | 'RUNNING' | 'SUCCESS' | 'FAIL' | 'UNKNOWN'
  statusDesc: string
  /** Use as RollbackAttachmentName / AttachmentKey once the job succeeded. */
  attachmentKey: string
  fileName: string
  fileSize: number | null
  fileSource: string
}

export interface AuthorityTemplate {
  templateId: number
  name: string
  description: string
  creatorId: number | null
  createTime: string
  tid: number | null
}

export interface DatabaseRef {
  dbId: number
  schemaName: string
  host: string
  port: number | null
  envType: string
  dbType: string
  /** DMS's display name, `schema@host:port`. */
  searchName: string
  logic: boolean
}

export interface DatabaseList {
  totalCount: number
  databases: DatabaseRef[]
}

export type TenantStatus = 'ACTIVE' | 'IN_ACTIVE' | 'UNKNOWN'

export interface Tenant {
  tid: number
  name: string
  status: TenantStatus
}

// ---- inputs ----

export interface DbItem {
  dbId: number
  logic: boolean
}

export interface CreateProcCorrectOrderInput {
  comment: string
  dbItems: DbItem[]
  execSql: string
  rollbackSql: string
  execMode: ExecMode
  /** Change reason (Param.Classify). */
  classify?: string
  relatedUserIds?: Array<number | string>
  attachmentKey?: string
  /** Send the rollback as an uploaded attachment (RollbackSqlType ATTACHMENT, RollbackAttachmentName = this
   *  AttachmentKey from uploadAttachment) instead of RollbackSQL text. */
  rollbackAttachmentKey?: string
}

export interface ListOrdersInput {
  pluginType?: string
  searchContent?: string
  orderStatus?: 'ALL' | 'FINISHED' | 'RUNNING'
  orderResultType?: 'AS_ADMIN' | 'AS_COMMITTER' | 'AS_HANDLER' | 'AS_OWNER' | 'AS_Related'
  searchDateType?: 'CREATE_TIME' | 'MODIFY_TIME'
  /** A Date (sent as UTC+8 wall-clock time, see formatDmsTime) or the `YYYY-MM-DD HH:mm:ss` string itself. */
  startTime?: string | Date
  endTime?: string | Date
  pageNumber?: number
  pageSize?: number
}

export interface SearchDatabaseInput {
  searchKey: string
  envType?: string
  dbType?: string
  searchTarget?: 'DB' | 'SINGLE_DB' | 'LOGIC_DB'
  searchRange?: 'HAS_PERMSSION' | 'OWNER' | 'MY_FOCUS' | 'UNKNOWN'
  pageNumber?: number
  pageSize?: number
}

export interface ListAuthorityTemplateInput {
  searchKey?: string
  pageNumber?: number
  /** The SDK model documents 5, 10 or 20. */
  pageSize?: 5 | 10 | 20
}

export interface UploadAttachmentInput {
  /** Must end in .sql or .txt (CreateUploadFileJob doc). */
  fileName: string
  /** An http(s) URL DMS downloads the file from (e.g. a shared OSS object URL). */
  uploadUrl: string
  /** Default 'datacorrect' (a data change ticket's file). */
  fileSource?: 'datacorrect' | 'order_info_attachment' | 'big-file' | 'sqlreview'
}

export interface ExecuteDataCorrectInput {
  orderId: number
  /** Sent as the ActionDetail JSON string; omit start/end to run immediately. */
  actionDetail?: Record<string, string | number | boolean>
  realLoginUserUid?: string
}
