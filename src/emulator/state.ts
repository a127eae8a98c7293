// The emulator's data: plain JSON-serializable records, so the whole state can persist to a file.

/** DMS system roles (DMS doc "System roles": regular user, DBA, administrator; security admin is not modelled). */
export type Role = 'admin' | 'dba' | 'user'

/** A DMS user: a RAM user or role added to the DMS tenant. Its id is DMS's own user id (a long). */
export interface EmulatorUser {
  id: number
  nick: string
  role: Role
}

/** An access key the gateway accepts; every key belongs to one DMS user (a rotated key: a second key, same user). */
export interface AccessKey {
  id: string
  secret: string
  userId: number
  stsToken?: string
}

/** Who is calling: the key's user as the actions see it. */
export interface Caller {
  keyId: string
  userId: number
  nick: string
  role: Role
}

export interface DatabaseRecord {
  /** DMS DatabaseId (SearchDatabase returns it as a string; tickets reference it as a number). */
  id: number
  schema: string
  host: string
  port: number
  dbType: string
  envType: string
  logic?: boolean
}

/** One approval step; `users` may approve it (the first one by default). */
export interface ApprovalNodeTemplate {
  name: string
  userIds: number[]
}

export type ExecMode = 'COMMITOR' | 'AUTO' | 'LAST_AUDITOR'

/** Internal ticket status, the lower-case GetOrderBaseInfo vocabulary plus ListOrders' `cancel` and `fail`. */
export type OrderStatus = 'new' | 'toaudit' | 'approved' | 'reject' | 'cancel' | 'processing' | 'success' | 'fail' | 'closed'

export type PrecheckStatus = 'running' | 'success' | 'failed'

export type CheckStep = 'SQL_PARSE' | 'SQL_TYPE_CHECK' | 'PERMISSION_CHECK' | 'ROW_CHECK'
export interface PrecheckTask {
  step: CheckStep
  status: 'WAITING' | 'RUNNING' | 'SUCCESS' | 'FAIL'
  userTip: string
}

export type NodeCode = 'START' | 'AUDITING' | 'APPROVED' | 'REJECT' | 'CANCEL' | 'WAITING'
export interface WorkflowNodeState {
  name: string
  userIds: number[]
  code: NodeCode
  operatorId?: number
  comment?: string
  time?: number
}

export interface Workflow {
  id: number
  nodes: WorkflowNodeState[]
  createdAt: number
}

export type PluginType = 'DC_PROC' | 'PERM_APPLY'

export interface PermApply {
  applyType: 'DB' | 'TAB' | 'COL' | 'INSTANT'
  permType: number
  seconds: number
  resources: Record<string, unknown>[]
}

export interface Order {
  id: number
  pluginType: PluginType
  status: OrderStatus
  comment: string
  committerId: number
  relatedUserIds: number[]
  createdAt: number
  modifiedAt: number
  attachmentKey?: string
  /** DC_PROC only. */
  proc?: {
    execSql: string
    rollbackSql: string
    rollbackSqlType: string
    classify: string
    execMode: ExecMode
    dbItems: { dbId: number; logic: boolean }[]
    /** RollbackSqlType ATTACHMENT: the AttachmentKey the rollback was uploaded as (rollbackSql is then ''). */
    rollbackAttachmentName?: string
    precheck: PrecheckStatus
    /** When the asynchronous precheck finishes at the earliest (ms epoch). */
    precheckDoneAt: number
    /** The verdict; absent while a precheck server is still deciding (the precheck stays running until then). */
    precheckOutcome?: { ok: boolean; tasks: PrecheckTask[] }
    /** When a started execution finishes (ms epoch). */
    executionDoneAt?: number
  }
  perm?: PermApply
  workflow?: Workflow
  closeReason?: string
}

export interface AuthorityTemplate {
  id: number
  name: string
  description: string
  creatorId: number
  createdAt: number
}

/** A CreateUploadFileJob task (GetUserUploadFileJob.UploadFileJobDetail): DMS fetches UploadURL itself. */
export interface UploadJob {
  jobKey: string
  fileName: string
  fileSource: string
  uploadUrl: string
  status: 'PENDING' | 'RUNNING' | 'SUCCESS' | 'FAIL'
  statusDesc: string
  /** Set on SUCCESS: the key tickets reference (RollbackAttachmentName, AttachmentKey). */
  attachmentKey?: string
  fileSize?: number
  createdAt: number
}

/** Everything that changes at run time and may persist (access keys never do: no secrets on disk). */
export interface EmulatorData {
  version: 1
  nextOrderId: number
  nextWorkflowId: number
  nextTemplateId: number
  orders: Order[]
  templates: AuthorityTemplate[]
  uploadJobs: UploadJob[]
  /** Uploaded file contents by AttachmentKey. */
  attachments: Record<string, string>
}

export function emptyData(): EmulatorData {
  return { version: 1, nextOrderId: 1001, nextWorkflowId: 5001, nextTemplateId: 301, orders: [], templates: [], uploadJobs: [], attachments: {} }
}

/** Fixed configuration of one emulator instance (from options / CLI flags). */
export interface EmulatorConfig {
  tid: number
  tenantName: string
  databases: DatabaseRecord[]
  users: EmulatorUser[]
  approvalNodes: ApprovalNodeTemplate[]
  precheckDelayMs: number
  executeDelayMs: number
  /** Business errors answer HTTP 200 + Success:false ('always-200'), or the status DMS documents for the code. */
  businessErrorStatus: 'always-200' | 'documented'
  /** What ListOrders SearchContent matches: the ticket comment (and id), or nothing at all. Undocumented. */
  searchContent: SearchContentMode
  /** ListOrders AS_ADMIN without the admin role: refused (NoPermission) or the caller's own tickets. Undocumented. */
  asAdminWithoutRole: AsAdminWithoutRole
  /** ListOrders pages hold at most this many tickets; a larger PageSize is cut silently. Undocumented. */
  listOrdersMaxPageSize: number
}

export type SearchContentMode = 'comment' | 'none'
export type AsAdminWithoutRole = 'refuse' | 'own'
