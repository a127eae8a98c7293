// Pure request building: typed inputs → the flat string map DMS receives, exactly as Alibaba's generated
// SDK builds it (docs/dms-api.md, Wire format): PascalCase names, object params "shrunk" to ONE JSON string
// (`Param`, `RelatedUserList`, `ActionDetail`), scalars stringified, absent values omitted.
import { stringify } from 'node:querystring'
import type {
  CreateProcCorrectOrderInput, ExecuteDataCorrectInput, ListAuthorityTemplateInput, ListOrdersInput, SearchDatabaseInput, UploadAttachmentInput
} from './types.js'

export type WireParams = Record<string, string>

export type DmsAction =
  | 'CreateProcCorrectOrder'
  | 'SubmitOrderApproval'
  | 'GetOrderBaseInfo'
  | 'GetApprovalDetail'
  | 'GetDataCorrectOrderDetail'
  | 'ListOrders'
  | 'CloseOrder'
  | 'ExecuteDataCorrect'
  | 'SearchDatabase'
  | 'GetPermApplyOrderDetail'
  | 'CreateAuthorityTemplate'
  | 'ListAuthorityTemplate'
  | 'GetUserActiveTenant'
  | 'CreateUploadFileJob'
  | 'GetUserUploadFileJob'

type Scalar = string | number | boolean | undefined | null

export function wire(fields: Record<string, Scalar>): WireParams {
  const out: WireParams = {}
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined || v === null) continue
    out[k] = typeof v === 'string' ? v : String(v)
  }
  return out
}

function positiveInt(v: number, name: string): number {
  if (!Number.isSafeInteger(v) || v <= 0) throw new RangeError(`${name} must be a positive integer, got ${JSON.stringify(v)}`)
  return v
}

function nonEmpty(v: string, name: string): string {
  if (typeof v !== 'string' || v.trim() === '') throw new TypeError(`${name} must be a non-empty string`)
  return v
}

export function createProcCorrectOrderParams(input: CreateProcCorrectOrderInput, tid?: number): WireParams {
  nonEmpty(input.comment, 'comment')
  nonEmpty(input.execSql, 'execSql')
  if (!Array.isArray(input.dbItems) || input.dbItems.length === 0) throw new TypeError('dbItems must list at least one database')
  // Key order follows the SDK model (CreateProcCorrectOrderRequestParam) so the JSON matches byte for byte.
  const param: Record<string, unknown> = {}
  if (input.classify !== undefined) param.Classify = input.classify
  param.DbItemList = input.dbItems.map((d, i) => ({ DbId: positiveInt(d.dbId, `dbItems[${i}].dbId`), Logic: d.logic === true }))
  param.ExecMode = input.execMode
  param.ExecSQL = input.execSql
  // CreateProcCorrectOrder doc: RollbackSQL is required for TEXT, RollbackAttachmentName (an AttachmentKey from
  // GetUserUploadFileJob) for ATTACHMENT.
  if (input.rollbackAttachmentKey !== undefined) {
    param.RollbackAttachmentName = nonEmpty(input.rollbackAttachmentKey, 'rollbackAttachmentKey')
    param.RollbackSqlType = 'ATTACHMENT'
  } else {
    param.RollbackSQL = input.rollbackSql
    param.RollbackSqlType = 'TEXT'
  }
  return wire({
    AttachmentKey: input.attachmentKey,
    Comment: input.comment,
    Param: JSON.stringify(param),
    RelatedUserList: input.relatedUserIds && input.relatedUserIds.length > 0 ? userIdArrayJson(input.relatedUserIds) : undefined,
    Tid: tid
  })
}

/** The SDK types RelatedUserList as number[]; write the digits verbatim so UIDs beyond 2^53 stay exact. */
function userIdArrayJson(ids: ReadonlyArray<number | string>): string {
  return `[${ids.map((u, i) => {
    const s = String(u).trim()
    if (!/^[1-9]\d{0,19}$/.test(s) || (typeof u === 'number' && !Number.isSafeInteger(u))) {
      throw new TypeError(`relatedUserIds[${i}] must be a numeric user id, got ${JSON.stringify(u)}`)
    }
    return s
  }).join(',')}]`
}

export function orderIdParams(orderId: number, tid?: number, extra: Record<string, Scalar> = {}): WireParams {
  return wire({ ...extra, OrderId: positiveInt(orderId, 'orderId'), Tid: tid })
}

export function approvalDetailParams(workflowInstanceId: number, tid?: number): WireParams {
  return wire({ Tid: tid, WorkflowInstanceId: positiveInt(workflowInstanceId, 'workflowInstanceId') })
}

export function closeOrderParams(orderId: number, reason: string, tid?: number): WireParams {
  return wire({ CloseReason: nonEmpty(reason, 'closeReason'), OrderId: positiveInt(orderId, 'orderId'), Tid: tid })
}

export function executeDataCorrectParams(input: ExecuteDataCorrectInput, tid?: number): WireParams {
  return wire({
    ActionDetail: input.actionDetail ? JSON.stringify(input.actionDetail) : undefined,
    OrderId: positiveInt(input.orderId, 'orderId'),
    RealLoginUserUid: input.realLoginUserUid,
    Tid: tid
  })
}

function dmsTime(v: string | Date | undefined, name: string): string | undefined {
  if (v === undefined || typeof v === 'string') return v
  if (Number.isNaN(v.getTime())) throw new RangeError(`${name} is not a valid date`)
  return formatDmsTime(v)
}

export function listOrdersParams(input: ListOrdersInput, tid?: number): WireParams {
  return wire({
    EndTime: dmsTime(input.endTime, 'endTime'),
    OrderResultType: input.orderResultType,
    OrderStatus: input.orderStatus,
    PageNumber: input.pageNumber,
    PageSize: input.pageSize,
    PluginType: input.pluginType,
    SearchContent: input.searchContent,
    SearchDateType: input.searchDateType,
    StartTime: dmsTime(input.startTime, 'startTime'),
    Tid: tid
  })
}

export function listAuthorityTemplateParams(input: ListAuthorityTemplateInput, tid?: number): WireParams {
  return wire({ PageNumber: input.pageNumber, PageSize: input.pageSize, SearchKey: input.searchKey, Tid: tid })
}

export function createUploadFileJobParams(input: UploadAttachmentInput, tid?: number): WireParams {
  // CreateUploadFileJob doc: the name must end in .txt or .sql; the URL must be http or https.
  if (!/\.(sql|txt)$/i.test(nonEmpty(input.fileName, 'fileName'))) throw new TypeError(`fileName must end in .sql or .txt, got ${JSON.stringify(input.fileName)}`)
  if (!/^https?:\/\/\S+$/i.test(nonEmpty(input.uploadUrl, 'uploadUrl'))) throw new TypeError('uploadUrl must be an http or https URL')
  return wire({ FileName: input.fileName, FileSource: input.fileSource ?? 'datacorrect', Tid: tid, UploadURL: input.uploadUrl })
}

export function searchDatabaseParams(input: SearchDatabaseInput, tid?: number): WireParams {
  return wire({
    DbType: input.dbType,
    EnvType: input.envType,
    PageNumber: input.pageNumber,
    PageSize: input.pageSize,
    SearchKey: nonEmpty(input.searchKey, 'searchKey'),
    SearchRange: input.searchRange,
    SearchTarget: input.searchTarget,
    Tid: tid
  })
}

export function createAuthorityTemplateParams(name: string, description?: string, tid?: number): WireParams {
  return wire({ Description: description, Name: nonEmpty(name, 'name'), Tid: tid })
}

/** Length of the request target openapi-client would put on the request line: `/?` + Node
 *  querystring encoding (the same encoder tea uses in buildURL). */
export function requestTargetLength(params: WireParams): number {
  const q = stringify(params)
  return q.length === 0 ? 1 : 2 + q.length
}

/** Default above which params move to the form body. nginx/Tengine-style front ends reject request
 *  lines over their 8 KB header buffer (414); Node's server caps all headers at 16 KB. 6 KB leaves
 *  room for the method/version and keeps the SDK's query path for all ordinary routine changes.
 *  The DMS gateway reads V3-signed RPC form bodies: the same generated SDK sends DMS parameters in `body`
 *  through the same callApi (default ACS3-HMAC-SHA256), e.g. CreateOrder's PluginParam
 *  (aliyun/alibabacloud-typescript-sdk dms-enterprise-20181101/src/client.ts, createOrderWithOptions), and
 *  Alibaba's own fix for "The Uri string is too long" is to move parameters into the body (Direct Mail doc
 *  "Invalid URI: The Uri string is too long"). docs/dms-api.md, Wire format. */
export const DEFAULT_BODY_THRESHOLD = 6 * 1024

/** DMS's clock: wall-clock time in UTC+8 (Beijing), the zone of every time DMS prints (docs/dms-api.md, Wire format). */
export const DMS_UTC_OFFSET_HOURS = 8

/** ListOrders StartTime/EndTime: `YYYY-MM-DD HH:mm:ss` as UTC+8 wall-clock time, without a zone (ListOrders doc
 *  example `2022-04-08 11:00:00`; DMS prints its own times the same way). */
export function formatDmsTime(d: Date): string {
  const t = new Date(d.getTime() + DMS_UTC_OFFSET_HOURS * 3_600_000)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${t.getUTCFullYear()}-${p(t.getUTCMonth() + 1)}-${p(t.getUTCDate())} ${p(t.getUTCHours())}:${p(t.getUTCMinutes())}:${p(t.getUTCSeconds())}`
}

/** A DMS time string (UTC+8 wall clock) back to a Date; null when it is not one. */
export function parseDmsTime(s: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(s)) return null
  const d = new Date(`${s.replace(' ', 'T')}+0${DMS_UTC_OFFSET_HOURS}:00`)
  return Number.isNaN(d.getTime()) ? null : d
}
