// DMS actions: validate the request parameters, apply the ticket transitions, and answer the documented
// response shapes (docs/dms-api.md, Response shapes: wrapped arrays, mixed-case statuses, DatabaseId as a string).
// Pure over the state: the server passes the state, the caller's key and the time.
import { BusinessError, business } from './errors.js'
import { randomBytes } from 'node:crypto'
import { effectiveScope, executor, inScope, ORDER_RESULT_TYPES } from './scopes.js'
import type { Caller, EmulatorConfig, EmulatorData, ExecMode, Order, OrderStatus, UploadJob } from './state.js'
import * as tickets from './tickets.js'

export interface ActionContext {
  data: EmulatorData
  config: EmulatorConfig
  caller: Caller
  now: number
  /** Starts the ticket's precheck (it sets order.proc.precheckOutcome now or later). */
  precheck: (order: Order) => void
  /** Starts fetching an upload job's URL (it moves the job to SUCCESS or FAIL later). */
  download: (job: UploadJob) => void
  /** Marks the state as changed (persisted after the request). */
  changed: () => void
}

export type Params = Readonly<Record<string, string>>
export type ActionBody = Record<string, unknown>
type Handler = (ctx: ActionContext, p: Params) => ActionBody

// ---------------------------------------------------------------- formatting

/** DMS prints times as Beijing local time without a zone: `2021-10-29 14:17:25`. */
export function dmsTime(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ')
}

function parseDmsTime(name: string, v: string): number {
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(v)) throw business.invalid(`${name} must look like 2022-04-09 11:00:00.`)
  return Date.parse(v.replace(' ', 'T') + '+08:00')
}

const BASE_STATUS: Record<OrderStatus, string> = {
  new: 'new', toaudit: 'toaudit', approved: 'Approved', reject: 'reject', cancel: 'cancel',
  processing: 'processing', success: 'success', fail: 'fail', closed: 'closed'
}
const STATUS_DESC: Record<OrderStatus, string> = {
  new: 'Waiting for submission', toaudit: 'Pending approval', approved: 'Approved, waiting for execution',
  reject: 'Rejected', cancel: 'Canceled', processing: 'Executing', success: 'Executed successfully',
  fail: 'Execution failed', closed: 'Closed'
}

function detailStatus(o: Order): string {
  if (o.status === 'new' && o.proc) {
    return o.proc.precheck === 'running' ? 'precheck' : o.proc.precheck === 'failed' ? 'precheckFailed' : 'precheck_success'
  }
  // GetDataCorrectOrderDetail model: Approved = "the ticket is approved"; waiting = "the task is submitted and
  // waits to be scheduled", i.e. after an execution was asked for, which the emulator starts at once.
  if (o.status === 'approved') return 'Approved'
  if (o.status === 'success') return 'Success'
  return o.status
}

function nick(ctx: ActionContext, id: number): string {
  return ctx.config.users.find((u) => u.id === id)?.nick ?? `user${id}`
}

// ---------------------------------------------------------------- parameters

function required(p: Params, name: string): string {
  const v = p[name]
  if (v === undefined || v === '') throw business.missing(name)
  return v
}

function int(p: Params, name: string): number | undefined {
  const v = p[name]
  if (v === undefined || v === '') return undefined
  if (!/^-?\d+$/.test(v.trim())) throw business.invalid(`${name} must be an integer, got '${v.slice(0, 40)}'.`)
  return Number(v.trim())
}

function requiredInt(p: Params, name: string): number {
  required(p, name)
  return int(p, name) as number
}

function json(p: Params, name: string): unknown {
  const v = p[name]
  if (v === undefined || v === '') return undefined
  try {
    return JSON.parse(v)
  } catch {
    throw business.invalid(`${name} is not valid JSON.`)
  }
}

function oneOf<T extends string>(name: string, v: unknown, allowed: readonly T[]): T {
  if (typeof v !== 'string' || !allowed.includes(v as T)) throw business.invalid(`${name} must be one of ${allowed.join(', ')}.`)
  return v as T
}

/** Tid is optional; when given it must name this emulator's tenant. */
function checkTenant(ctx: ActionContext, p: Params): void {
  const tid = int(p, 'Tid')
  if (tid !== undefined && tid !== ctx.config.tid) throw business.noTenant()
}

function findOrder(ctx: ActionContext, p: Params): Order {
  const id = requiredInt(p, 'OrderId')
  const order = ctx.data.orders.find((o) => o.id === id)
  if (!order) throw business.noOrder(id)
  if (tickets.advance(order, ctx.now)) ctx.changed()
  return order
}

function transition(ctx: ActionContext, apply: () => void): void {
  try {
    apply()
  } catch (e) {
    if (e instanceof tickets.TransitionError) throw business.status(e.message)
    throw e
  }
  ctx.changed()
}

// ---------------------------------------------------------------- actions

const createProcCorrectOrder: Handler = (ctx, p) => {
  checkTenant(ctx, p)
  const comment = required(p, 'Comment')
  required(p, 'Param')
  const param = json(p, 'Param')
  if (typeof param !== 'object' || param === null || Array.isArray(param)) throw business.invalid('Param must be a JSON object.')
  const q = param as Record<string, unknown>
  if (!Array.isArray(q.DbItemList) || q.DbItemList.length === 0) throw business.invalid('Param.DbItemList is mandatory for this action.')
  const dbItems = q.DbItemList.map((item: unknown, i: number) => {
    const it = (item ?? {}) as Record<string, unknown>
    const dbId = typeof it.DbId === 'string' && /^\d+$/.test(it.DbId) ? Number(it.DbId) : it.DbId
    if (typeof dbId !== 'number' || !Number.isInteger(dbId)) throw business.invalid(`Param.DbItemList[${i}].DbId must be a number.`)
    if (typeof it.Logic !== 'boolean') throw business.invalid(`Param.DbItemList[${i}].Logic must be a boolean.`)
    // A DbId names a physical or a logical database; Logic says which (CreateProcCorrectOrder doc, DbItemList).
    if (!ctx.config.databases.some((d) => d.id === dbId && (d.logic === true) === it.Logic)) {
      throw business.invalid(`${it.Logic ? 'Logical database' : 'Database'} ${dbId} does not exist or you have no permission on it.`)
    }
    return { dbId, logic: it.Logic }
  })
  if (typeof q.ExecSQL !== 'string' || q.ExecSQL === '') throw business.invalid('Param.ExecSQL is mandatory for this action.')
  const execMode: ExecMode = q.ExecMode === undefined || q.ExecMode === '' ? 'COMMITOR'
    : oneOf('Param.ExecMode', q.ExecMode, ['COMMITOR', 'AUTO', 'LAST_AUDITOR'] as const)
  const rollbackSql = q.RollbackSQL === undefined ? '' : q.RollbackSQL
  if (typeof rollbackSql !== 'string') throw business.invalid('Param.RollbackSQL must be a string.')
  const rollbackSqlType = q.RollbackSqlType === undefined || q.RollbackSqlType === '' ? 'TEXT'
    : oneOf('Param.RollbackSqlType', q.RollbackSqlType, ['TEXT', 'ATTACHMENT'] as const)
  if (rollbackSqlType === 'TEXT' && q.RollbackSqlType !== undefined && rollbackSql === '') {
    throw business.invalid('Param.RollbackSQL is mandatory when RollbackSqlType is TEXT.')
  }
  let rollbackAttachmentName: string | undefined
  if (rollbackSqlType === 'ATTACHMENT') {
    if (typeof q.RollbackAttachmentName !== 'string' || q.RollbackAttachmentName === '') {
      throw business.invalid('Param.RollbackAttachmentName is mandatory when RollbackSqlType is ATTACHMENT.')
    }
    // An AttachmentKey from GetUserUploadFileJob (CreateProcCorrectOrder doc).
    if (ctx.data.attachments[q.RollbackAttachmentName] === undefined) {
      throw business.invalid(`The attachment ${q.RollbackAttachmentName} does not exist; upload it with CreateUploadFileJob first.`)
    }
    rollbackAttachmentName = q.RollbackAttachmentName
  }
  const related = json(p, 'RelatedUserList') ?? []
  if (!Array.isArray(related) || !related.every((u) => Number.isInteger(Number(u)))) {
    throw business.invalid('RelatedUserList must be a JSON array of user ids.')
  }
  const order = tickets.createProcOrder(ctx.data, {
    comment, committerId: ctx.caller.userId, relatedUserIds: related.map(Number), attachmentKey: p.AttachmentKey || undefined,
    execSql: q.ExecSQL, rollbackSql: rollbackAttachmentName ? '' : rollbackSql, rollbackSqlType,
    ...(rollbackAttachmentName ? { rollbackAttachmentName } : {}),
    classify: typeof q.Classify === 'string' ? q.Classify : '', execMode, dbItems
  }, ctx.config.precheckDelayMs, ctx.now)
  ctx.precheck(order)
  tickets.advance(order, ctx.now)
  ctx.changed()
  return { CreateOrderResult: [order.id] }
}

/** Acting on a ticket (submit, close) is for its committer and DMS admins; other users are refused. The docs do
 *  not say who may, so the emulator takes the strict reading and the client never acts on others' tickets. */
function mustOwn(ctx: ActionContext, order: Order, what: string): void {
  if (ctx.caller.userId !== order.committerId && ctx.caller.role !== 'admin') {
    throw business.noPermission(`${what} ticket ${order.id}: it was submitted by user ${order.committerId}, not by you (${ctx.caller.userId})`)
  }
}

const submitOrderApproval: Handler = (ctx, p) => {
  checkTenant(ctx, p)
  const order = findOrder(ctx, p)
  mustOwn(ctx, order, 'submit')
  transition(ctx, () => tickets.submit(ctx.data, order, ctx.config.approvalNodes, ctx.now))
  return {}
}

const getOrderBaseInfo: Handler = (ctx, p) => {
  checkTenant(ctx, p)
  const o = findOrder(ctx, p)
  return {
    OrderBaseInfo: {
      AttachmentKey: o.attachmentKey ?? '',
      Comment: o.comment,
      Committer: nick(ctx, o.committerId),
      CommitterId: o.committerId,
      CreateTime: dmsTime(o.createdAt),
      LastModifyTime: dmsTime(o.modifiedAt),
      OrderId: o.id,
      OriginAttachmentName: '',
      PluginType: o.pluginType,
      RelatedUserList: { UserIds: o.relatedUserIds.map(String) },
      RelatedUserNickList: { UserNicks: o.relatedUserIds.map((u) => nick(ctx, u)) },
      StatusCode: BASE_STATUS[o.status],
      StatusDesc: STATUS_DESC[o.status],
      // Absent until the ticket is submitted for approval, like a null Long in DMS's JSON.
      ...(o.workflow ? { WorkflowInstanceId: o.workflow.id } : {}),
      WorkflowStatusDesc: o.workflow ? STATUS_DESC[o.status] : ''
    }
  }
}

const getApprovalDetail: Handler = (ctx, p) => {
  checkTenant(ctx, p)
  const id = requiredInt(p, 'WorkflowInstanceId')
  const o = ctx.data.orders.find((x) => x.workflow?.id === id)
  if (!o || !o.workflow) throw business.invalid(`The workflow instance ${id} does not exist.`)
  if (tickets.advance(o, ctx.now)) ctx.changed()
  const handlers = tickets.currentHandlers(o)
  return {
    ApprovalDetail: {
      AuditId: o.workflow.id,
      CreateTime: dmsTime(o.workflow.createdAt),
      CurrentHandlers: { CurrentHandler: handlers.map((h) => ({ Id: h, NickName: nick(ctx, h) })) },
      Description: `<p>${o.pluginType === 'DC_PROC' ? 'Programmable object change' : 'Permission application'}: ${escapeHtml(o.comment)}</p>`,
      OrderId: o.id,
      OrderType: o.pluginType === 'DC_PROC' ? 'DATA_CORRECT' : 'PERM_APPLY',
      ReasonList: { Reasons: o.pluginType === 'DC_PROC' ? ['Programmable object change needs DBA approval'] : [] },
      TemplateId: 1,
      ThirdpartyWorkflowComment: '',
      ThirdpartyWorkflowUrl: '',
      Title: o.comment,
      WorkflowInsCode: tickets.workflowCode(o),
      WorkflowNodes: {
        WorkflowNode: o.workflow.nodes.map((n) => ({
          AuditUserIdList: { AuditUserIds: n.userIds.map(String) },
          NodeName: n.name,
          ...(n.comment !== undefined ? { OperateComment: n.comment } : {}),
          ...(n.time !== undefined ? { OperateTime: dmsTime(n.time) } : {}),
          ...(n.operatorId !== undefined ? { OperatorId: n.operatorId } : {}),
          WorkflowInsCode: n.code
        }))
      }
    }
  }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string)
}

const getDataCorrectOrderDetail: Handler = (ctx, p) => {
  checkTenant(ctx, p)
  const o = findOrder(ctx, p)
  if (!o.proc) throw business.invalid(`The ticket ${o.id} is not a data change ticket.`)
  const pr = o.proc
  const tasks = pr.precheck === 'running' || !pr.precheckOutcome
    ? CHECK_STEPS.map((step, i) => ({ step, status: i === 0 ? 'RUNNING' as const : 'WAITING' as const, userTip: '' }))
    : pr.precheckOutcome.tasks
  return {
    DataCorrectOrderDetail: {
      DatabaseList: {
        Database: pr.dbItems.map((it) => {
          const db = ctx.config.databases.find((d) => d.id === it.dbId)
          return { DbId: it.dbId, DbType: db?.dbType ?? 'mysql', EnvType: db?.envType ?? 'dev', Logic: it.logic,
            SearchName: db ? `${db.schema}@${db.host}:${db.port}` : '' }
        })
      },
      ExecMode: pr.execMode,
      OrderDetail: {
        ActualAffectRows: 0, AttachmentName: o.attachmentKey ?? '', Classify: pr.classify, EstimateAffectRows: 0, ExeSQL: pr.execSql,
        IgnoreAffectRows: false, IgnoreAffectRowsReason: '', RbAttachmentName: pr.rollbackAttachmentName ?? '', RbSQL: pr.rollbackSql,
        RbSQLType: pr.rollbackSqlType, SqlType: 'TEXT'
      },
      PreCheckDetail: {
        TaskCheckDO: tasks.map((t) => ({ CheckStatus: t.status, CheckStep: t.step, UserTip: t.userTip }))
      },
      Status: detailStatus(o)
    }
  }
}

const CHECK_STEPS = ['SQL_PARSE', 'SQL_TYPE_CHECK', 'PERMISSION_CHECK', 'ROW_CHECK'] as const

const RUNNING: readonly OrderStatus[] = ['new', 'toaudit', 'approved', 'processing']

const listOrders: Handler = (ctx, p) => {
  checkTenant(ctx, p)
  const pageNumber = int(p, 'PageNumber') ?? 1
  const requestedSize = int(p, 'PageSize') ?? 20
  if (pageNumber < 1) throw business.invalid('PageNumber must be at least 1.')
  if (requestedSize < 1) throw business.invalid('PageSize must be at least 1.')
  // The docs give no maximum page size; a larger request is cut to the configured one, silently.
  const pageSize = Math.min(requestedSize, ctx.config.listOrdersMaxPageSize)
  const status = p.OrderStatus ? oneOf('OrderStatus', p.OrderStatus, ['ALL', 'FINISHED', 'RUNNING'] as const) : 'ALL'
  const requested = p.OrderResultType ? oneOf('OrderResultType', p.OrderResultType, ORDER_RESULT_TYPES) : undefined
  const scope = effectiveScope(requested, ctx.caller, ctx.config.asAdminWithoutRole)
  const dateType = p.SearchDateType ? oneOf('SearchDateType', p.SearchDateType, ['CREATE_TIME', 'MODIFY_TIME'] as const) : 'CREATE_TIME'
  const start = p.StartTime ? parseDmsTime('StartTime', p.StartTime) : undefined
  const end = p.EndTime ? parseDmsTime('EndTime', p.EndTime) : undefined
  const keyword = (p.SearchContent ?? '').toLowerCase()
  const plugin = p.PluginType ?? ''
  const me = ctx.caller.userId
  for (const o of ctx.data.orders) if (tickets.advance(o, ctx.now)) ctx.changed()
  const matching = ctx.data.orders.filter((o) => {
    if (plugin && plugin.toUpperCase() !== o.pluginType) return false
    if (status === 'RUNNING' && !RUNNING.includes(o.status)) return false
    if (status === 'FINISHED' && RUNNING.includes(o.status)) return false
    if (keyword && !searchMatches(ctx, o, keyword)) return false
    if (!inScope(o, scope, me)) return false
    const t = dateType === 'CREATE_TIME' ? o.createdAt : o.modifiedAt
    if (start !== undefined && t < start) return false
    if (end !== undefined && t > end) return false
    return true
  }).sort((a, b) => b.id - a.id)
  const page = matching.slice((pageNumber - 1) * pageSize, pageNumber * pageSize)
  return {
    TotalCount: matching.length,
    Orders: {
      Order: page.map((o) => ({
        Comment: o.comment, Committer: nick(ctx, o.committerId), CommitterId: o.committerId, CreateTime: dmsTime(o.createdAt),
        LastModifyTime: dmsTime(o.modifiedAt), OrderId: o.id, PluginType: o.pluginType, StatusCode: o.status,
        StatusDesc: STATUS_DESC[o.status]
      }))
    }
  }
}

/** SearchContent is documented only as "the keyword" (ListOrders doc): 'comment' matches the comment or the ticket
 *  id, 'none' matches nothing, so nothing in the client may depend on it. */
function searchMatches(ctx: ActionContext, o: Order, keyword: string): boolean {
  if (ctx.config.searchContent === 'none') return false
  return o.comment.toLowerCase().includes(keyword) || String(o.id) === keyword
}

const closeOrder: Handler = (ctx, p) => {
  checkTenant(ctx, p)
  const reason = required(p, 'CloseReason')
  const order = findOrder(ctx, p)
  mustOwn(ctx, order, 'close')
  transition(ctx, () => tickets.close(order, reason, ctx.now))
  return {}
}

const executeDataCorrect: Handler = (ctx, p) => {
  checkTenant(ctx, p)
  const order = findOrder(ctx, p)
  const detail = json(p, 'ActionDetail')
  if (detail !== undefined && (typeof detail !== 'object' || detail === null || Array.isArray(detail))) {
    throw business.invalid('ActionDetail must be a JSON object.')
  }
  // CreateProcCorrectOrder doc, ExecMode: COMMITOR = the submitter executes after approval, LAST_AUDITOR = the last
  // approver executes, AUTO = DMS executes on approval (so an approved AUTO ticket is already processing).
  if (order.proc && order.status === 'approved') {
    const who = executor(order)
    if (who !== ctx.caller.userId) {
      throw business.noPermission(order.proc.execMode === 'LAST_AUDITOR'
        ? `execute ticket ${order.id}: its ExecMode is LAST_AUDITOR, so only its last approver (user ${who}) executes it`
        : `execute ticket ${order.id}: its ExecMode is COMMITOR, so only its submitter (user ${who}) executes it`)
    }
  }
  transition(ctx, () => tickets.execute(order, ctx.config.executeDelayMs, ctx.now))
  return {}
}

const searchDatabase: Handler = (ctx, p) => {
  checkTenant(ctx, p)
  const pageNumber = int(p, 'PageNumber') ?? 1
  const pageSize = int(p, 'PageSize') ?? 20
  if (pageNumber < 1) throw business.invalid('PageNumber must be at least 1.')
  if (pageSize < 1 || pageSize > 100) throw business.invalid('PageSize must be between 1 and 100.')
  if (p.SearchTarget) oneOf('SearchTarget', p.SearchTarget, ['DB', 'SINGLE_DB', 'LOGIC_DB'] as const)
  const key = (p.SearchKey ?? '').toLowerCase()
  const matching = ctx.config.databases.filter((d) =>
    (!key || d.schema.toLowerCase().includes(key)) &&
    (!p.DbType || p.DbType.toLowerCase() === d.dbType.toLowerCase()) &&
    (!p.EnvType || p.EnvType === d.envType) &&
    (p.SearchTarget !== 'LOGIC_DB' || d.logic === true) &&
    (p.SearchTarget !== 'SINGLE_DB' || d.logic !== true))
  const page = matching.slice((pageNumber - 1) * pageSize, pageNumber * pageSize)
  return {
    TotalCount: matching.length,
    SearchDatabaseList: {
      SearchDatabase: page.map((d) => ({
        Alias: '', CatalogName: 'def', DatabaseId: String(d.id), DatalinkName: '', DbType: d.dbType,
        DbaId: String(ctx.config.approvalNodes[0]?.userIds[0] ?? ctx.caller.userId), Encoding: 'utf8mb4', EnvType: d.envType,
        Host: d.host, Logic: d.logic === true, OwnerIdList: { OwnerIds: [String(ctx.caller.userId)] },
        OwnerNameList: { OwnerNames: [nick(ctx, ctx.caller.userId)] }, Port: d.port, SchemaName: d.schema,
        SearchName: `${d.schema}@${d.host}:${d.port}`, Sid: d.schema
      }))
    }
  }
}

const getDatabase: Handler = (ctx, p) => {
  checkTenant(ctx, p)
  const host = required(p, 'Host')
  const port = requiredInt(p, 'Port')
  const schema = required(p, 'SchemaName')
  const d = ctx.config.databases.find((x) => x.host === host && x.port === port && x.schema === schema)
  if (!d) throw business.invalid(`Database ${schema}@${host}:${port} does not exist.`)
  return {
    Database: {
      CatalogName: 'def', DatabaseId: String(d.id), DbType: d.dbType, DbaId: String(ctx.config.approvalNodes[0]?.userIds[0] ?? 0),
      DbaName: nick(ctx, ctx.config.approvalNodes[0]?.userIds[0] ?? 0), Encoding: 'utf8mb4', EnvType: d.envType, Host: d.host,
      InstanceAlias: d.host, InstanceId: `emu-${d.host}`, OwnerIdList: { OwnerIds: [] }, OwnerNameList: { OwnerNames: [] },
      Port: d.port, SchemaName: d.schema, SearchName: `${d.schema}@${d.host}:${d.port}`, Sid: d.schema, State: 'NORMAL'
    }
  }
}

const getPermApplyOrderDetail: Handler = (ctx, p) => {
  checkTenant(ctx, p)
  const o = findOrder(ctx, p)
  if (!o.perm) throw business.invalid(`The ticket ${o.id} is not a permission application ticket.`)
  return {
    PermApplyOrderDetail: { ApplyType: o.perm.applyType, PermType: o.perm.permType, Seconds: o.perm.seconds, Resources: o.perm.resources }
  }
}

const createAuthorityTemplate: Handler = (ctx, p) => {
  checkTenant(ctx, p)
  const name = required(p, 'Name')
  if (ctx.caller.role === 'user') throw business.noPermission('create authority templates (DBA or DMS admin only)')
  if (ctx.data.templates.some((t) => t.name === name)) {
    throw new BusinessError('UnknownError', `An authority template named '${name}' already exists.`)
  }
  const t = { id: ctx.data.nextTemplateId++, name, description: p.Description ?? '', creatorId: ctx.caller.userId, createdAt: ctx.now }
  ctx.data.templates.push(t)
  ctx.changed()
  return {
    AuthorityTemplateView: { CreateTime: dmsTime(t.createdAt), CreatorId: t.creatorId, Description: t.description, Name: t.name, TemplateId: t.id },
    Tid: ctx.config.tid
  }
}

/** ListAuthorityTemplate (SDK model ListAuthorityTemplateRequest/ResponseBody): SearchKey is a keyword over the name;
 *  PageSize "Valid values: 5, 10, 20" (model remarks), anything else is refused. Its doc names no role; its siblings
 *  (Create/GetAuthorityTemplate) need DBA or admin, and the emulator applies the same rule. */
const listAuthorityTemplate: Handler = (ctx, p) => {
  checkTenant(ctx, p)
  if (ctx.caller.role === 'user') throw business.noPermission('list authority templates (DBA or DMS admin only)')
  const pageNumber = int(p, 'PageNumber') ?? 1
  const pageSize = int(p, 'PageSize') ?? 10
  if (pageNumber < 1) throw business.invalid('PageNumber must be at least 1.')
  if (![5, 10, 20].includes(pageSize)) throw business.invalid('PageSize must be one of 5, 10, 20.')
  const key = (p.SearchKey ?? '').toLowerCase()
  const matching = ctx.data.templates.filter((t) => t.name.toLowerCase().includes(key)).sort((a, b) => a.id - b.id)
  const page = matching.slice((pageNumber - 1) * pageSize, pageNumber * pageSize)
  return {
    AuthorityTemplateViewList: {
      AuthorityTemplateView: page.map((t) => ({
        CreateTime: dmsTime(t.createdAt), CreatorId: t.creatorId, Description: t.description, Name: t.name, TemplateId: t.id
      }))
    },
    Tid: ctx.config.tid,
    TotalCount: matching.length
  }
}

/** CreateUploadFileJob (doc "CreateUploadFileJob - 上传链接形式附件"): FileName must end in .txt or .sql, FileSource
 *  one of four purposes, UploadURL an http(s) link DMS downloads from; the answer is a JobKey. */
const createUploadFileJob: Handler = (ctx, p) => {
  checkTenant(ctx, p)
  const fileSource = oneOf('FileSource', required(p, 'FileSource'), ['datacorrect', 'order_info_attachment', 'big-file', 'sqlreview'] as const)
  const fileName = required(p, 'FileName')
  if (!/\.(txt|sql)$/i.test(fileName)) throw business.invalid('FileName must end with .txt or .sql.')
  const uploadUrl = required(p, 'UploadURL')
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(uploadUrl)?.[1]?.toLowerCase() ?? null
  if (scheme !== 'http' && scheme !== 'https') {
    // The error the doc shows for this case.
    throw new BusinessError('InvalidParameterValid', `Unsupported url scheme : ${scheme}, scheme must be https or http`)
  }
  const job: UploadJob = { jobKey: randomBytes(12).toString('hex'), fileName, fileSource, uploadUrl, status: 'PENDING', statusDesc: 'pending', createdAt: ctx.now }
  ctx.data.uploadJobs.push(job)
  ctx.download(job)
  ctx.changed()
  return { JobKey: job.jobKey }
}

const getUserUploadFileJob: Handler = (ctx, p) => {
  checkTenant(ctx, p)
  const jobKey = required(p, 'JobKey')
  const job = ctx.data.uploadJobs.find((j) => j.jobKey === jobKey)
  if (!job) throw business.invalid(`The upload job ${jobKey} does not exist.`)
  return {
    UploadFileJobDetail: {
      AttachmentKey: job.attachmentKey ?? '', FileName: job.fileName, FileSize: job.fileSize ?? 0, FileSource: job.fileSource,
      JobKey: job.jobKey, JobStatus: job.status, JobStatusDesc: job.statusDesc, UploadType: 'URL', UploadURL: job.uploadUrl,
      UploadedSize: job.status === 'SUCCESS' ? job.fileSize ?? 0 : 0
    }
  }
}

const getUserActiveTenant: Handler = (ctx, p) => {
  checkTenant(ctx, p)
  return { Tenant: { Status: 'ACTIVE', TenantName: ctx.config.tenantName, Tid: ctx.config.tid } }
}

export const ACTIONS: Readonly<Record<string, Handler>> = {
  CreateProcCorrectOrder: createProcCorrectOrder,
  SubmitOrderApproval: submitOrderApproval,
  GetOrderBaseInfo: getOrderBaseInfo,
  GetApprovalDetail: getApprovalDetail,
  GetDataCorrectOrderDetail: getDataCorrectOrderDetail,
  ListOrders: listOrders,
  CloseOrder: closeOrder,
  ExecuteDataCorrect: executeDataCorrect,
  SearchDatabase: searchDatabase,
  GetDatabase: getDatabase,
  GetPermApplyOrderDetail: getPermApplyOrderDetail,
  CreateAuthorityTemplate: createAuthorityTemplate,
  ListAuthorityTemplate: listAuthorityTemplate,
  CreateUploadFileJob: createUploadFileJob,
  GetUserUploadFileJob: getUserUploadFileJob,
  GetUserActiveTenant: getUserActiveTenant
}

export type ActionName = keyof typeof ACTIONS

export function isAction(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(ACTIONS, name)
}

/** Runs one action: the body's own fields, or a BusinessError. */
export function runAction(name: string, ctx: ActionContext, params: Params): ActionBody {
  const handler = ACTIONS[name]
  if (!handler) throw new Error(`unknown action ${name}`)
  return handler(ctx, params)
}
