// The typed DMS client: one `callApi` path (RPC, POST, 2018-11-01, V3 ACS3-HMAC-SHA256 by default) with
// Success:false detection, error normalization, bounded jittered retries, and an idempotent create.
import * as openApiModule from '@alicloud/openapi-client'
import { defaultExport, namedExport } from './cjs-interop.js'
import { isAccessKeyCredentials, type AccessKeyCredentials, type CredentialProvider } from './credentials.js'
import { resolveEndpoint, type DmsEndpoint } from './endpoint.js'
import { DmsError, fromFailureBody, fromThrown, isFailureBody } from './errors.js'
import * as normalize from './normalize.js'
import { pageAll } from './pager.js'
import {
  approvalDetailParams, closeOrderParams, createAuthorityTemplateParams, createProcCorrectOrderParams, createUploadFileJobParams,
  DEFAULT_BODY_THRESHOLD, executeDataCorrectParams, listAuthorityTemplateParams, listOrdersParams, orderIdParams,
  requestTargetLength, searchDatabaseParams, wire, type DmsAction, type WireParams
} from './params.js'
import { realRetryDeps, resolvePolicy, withRetry, type RetryDeps, type RetryPolicy } from './retry.js'
import { checkSqlSizes, DEFAULT_MAX_SQL_BYTES } from './sql-size.js'
import type {
  ApprovalDetail, AuthorityTemplate, AuthorityTemplateList, CreateProcCorrectOrderInput, DataCorrectOrderDetail, DatabaseList,
  ExecuteDataCorrectInput, ListAuthorityTemplateInput, ListOrdersInput, OrderBaseInfo, OrderList, OrderSummary, PermApplyOrderDetail,
  SearchDatabaseInput, Tenant, UploadAttachmentInput, UploadFileJob
} from './types.js'

export const DMS_API_VERSION = '2018-11-01'

export interface DmsClientOptions {
  /** Host, host:port, or http(s)://host:port (the emulator). Default dms-enterprise.aliyuncs.com. */
  endpoint?: string
  /** Shortcut for dms-enterprise.<region>.aliyuncs.com (ignored when endpoint is set). */
  region?: string
  /** DMS tenant id, sent as Tid on every call when set. */
  tid?: number
  credentials: AccessKeyCredentials | CredentialProvider
  /** 'v3' = ACS3-HMAC-SHA256 Authorization header (default, what the SDK does); 'v1' = HMAC-SHA1 query signature. */
  signature?: 'v3' | 'v1'
  /** Connect timeout. httpx applies it as the socket *inactivity* timeout for the whole exchange, so it
   *  also bounds how long the server may stay silent: it can only tighten readTimeoutMs. Default 15000. */
  connectTimeoutMs?: number
  /** Max wait for the response. Default 15000. NB: httpx's own read timer is unreliable on reused
   *  keep-alive sockets (a finished request's stale timer cancels the next one's), so the socket
   *  inactivity timeout, min(connect, read), is what really enforces this. */
  readTimeoutMs?: number
  retry?: Partial<RetryPolicy>
  /** Injectable clock/sleep/random (tests). */
  retryDeps?: Partial<RetryDeps>
  /** Request target (`/?query`) length above which params go in the form body. Default 6144. */
  bodyThresholdBytes?: number
  /** Largest ExecSQL (and RollbackSQL text) a ticket may carry, in UTF-8 bytes. Default 1 MiB (docs/dms-api.md). */
  maxSqlBytes?: number
  /** Debug lines: action, attempt, outcome, timing, sizes. Never parameter values or secrets. */
  logger?: (line: string) => void
  /** After a create *timed out*, wait this long before looking the ticket up, so a DMS still working on
   *  the request has committed it by then (default: readTimeoutMs). */
  createSettleMs?: number
  /** Extra secret strings to scrub from error messages (besides the access key secret / STS token). */
  secrets?: string[]
}

export interface CreateOnceResult {
  orderId: number
  /** false when a retry found the ticket an earlier (failed-looking) attempt had created. */
  created: boolean
  attempts: number
}

export interface ListOrdersAllOptions {
  /** Fail (DmsError TooManyResults) after this many pages without reaching TotalCount. Default 20. */
  maxPages?: number
}

export interface UploadAttachmentOptions {
  /** Give up waiting for DMS to fetch the file after this long. Default 120 s. */
  timeoutMs?: number
  /** First poll interval (doubles up to 5 s). Default 500 ms. */
  pollMs?: number
}

export interface DmsClient {
  readonly endpoint: DmsEndpoint
  createProcCorrectOrder(input: CreateProcCorrectOrderInput): Promise<number>
  /**
   * Creates a ticket, retrying transient failures; before each resend `lookup` says whether the lost attempt did
   * create it (the caller knows how to recognise its ticket), so a create never yields two tickets.
   */
  createProcOrderOnce(input: CreateProcCorrectOrderInput, lookup: () => Promise<number | undefined>): Promise<CreateOnceResult>
  submitOrderApproval(orderId: number, realLoginUserUid?: string): Promise<void>
  getOrderBaseInfo(orderId: number): Promise<OrderBaseInfo>
  getApprovalDetail(workflowInstanceId: number): Promise<ApprovalDetail>
  getDataCorrectOrderDetail(orderId: number): Promise<DataCorrectOrderDetail>
  listOrders(input?: ListOrdersInput): Promise<OrderList>
  /** Every ticket matching `input` (pageNumber ignored; pageSize default 100), paging until TotalCount. */
  listOrdersAll(input?: ListOrdersInput, options?: ListOrdersAllOptions): Promise<OrderList>
  closeOrder(orderId: number, reason: string): Promise<void>
  executeDataCorrect(input: ExecuteDataCorrectInput): Promise<void>
  searchDatabase(input: SearchDatabaseInput): Promise<DatabaseList>
  getPermApplyOrderDetail(orderId: number): Promise<PermApplyOrderDetail>
  createAuthorityTemplate(input: { name: string; description?: string }): Promise<AuthorityTemplate>
  listAuthorityTemplates(input?: ListAuthorityTemplateInput): Promise<AuthorityTemplateList>
  /** Every template whose name contains `searchKey` (DMS's keyword match), paging until TotalCount. */
  findAuthorityTemplates(searchKey: string): Promise<AuthorityTemplate[]>
  /** CreateUploadFileJob, then GetUserUploadFileJob until DMS has fetched the file: its AttachmentKey. */
  uploadAttachment(input: UploadAttachmentInput, options?: UploadAttachmentOptions): Promise<string>
  getUserUploadFileJob(jobKey: string): Promise<UploadFileJob>
  getUserActiveTenant(): Promise<Tenant>
  /** Raw call (already Success-checked), for actions without a typed method. */
  call(action: string, params: WireParams, opts?: { retry?: 'all' | 'not-sent' | 'none' }): Promise<Record<string, unknown>>
}

interface OpenApiLike {
  callApi(params: unknown, request: unknown, runtime: unknown): Promise<{ body: unknown; statusCode?: number; headers?: Record<string, string> }>
}
type Ctor<T> = new (map?: unknown) => T
const OpenApiClient = defaultExport<Ctor<OpenApiLike>>(openApiModule)
const Config = namedExport<Ctor<object>>(openApiModule, 'Config')
const Params = namedExport<Ctor<object>>(openApiModule, 'Params')
const OpenApiRequest = namedExport<Ctor<object>>(openApiModule, 'OpenApiRequest')

/** Errors where the request certainly never produced a side effect at DMS: safe to resend a create. */
function notSent(e: unknown): boolean {
  return e instanceof DmsError && (e.kind === 'throttle' || e.code === 'ECONNREFUSED')
}

function retryable(e: unknown): boolean {
  return e instanceof DmsError && e.retryable
}

function positiveMs(v: number, name: string): number {
  if (!Number.isFinite(v) || v <= 0) throw new RangeError(`${name} must be a positive number of milliseconds, got ${v}`)
  return v
}

export function createDmsClient(options: DmsClientOptions): DmsClient {
  const endpoint = resolveEndpoint(options.endpoint, options.region)
  const policy = resolvePolicy(options.retry)
  const deps: RetryDeps = { ...realRetryDeps, ...(options.retryDeps ?? {}) }
  const log = options.logger ?? (() => {})
  const tid = options.tid
  if (tid !== undefined && (!Number.isSafeInteger(tid) || tid <= 0)) throw new RangeError(`tid must be a positive integer, got ${tid}`)
  const readTimeout = positiveMs(options.readTimeoutMs ?? 15_000, 'readTimeoutMs')
  const connectTimeout = Math.min(positiveMs(options.connectTimeoutMs ?? 15_000, 'connectTimeoutMs'), readTimeout)
  const threshold = options.bodyThresholdBytes ?? DEFAULT_BODY_THRESHOLD
  const maxSqlBytes = options.maxSqlBytes ?? DEFAULT_MAX_SQL_BYTES
  const createSettleMs = options.createSettleMs ?? readTimeout

  const creds = options.credentials
  const secrets = [...(options.secrets ?? [])]
  const config: Record<string, unknown> = {
    endpoint: endpoint.host,
    protocol: endpoint.protocol,
    readTimeout,
    connectTimeout,
    signatureAlgorithm: options.signature === 'v1' ? 'v2' : undefined
  }
  if (isAccessKeyCredentials(creds)) {
    config.accessKeyId = creds.accessKeyId
    config.accessKeySecret = creds.accessKeySecret
    if (creds.securityToken) config.securityToken = creds.securityToken
    secrets.push(creds.accessKeySecret, ...(creds.securityToken ? [creds.securityToken] : []))
  } else {
    config.credential = creds
  }
  const api = new OpenApiClient(new Config(config))
  const runtime = { readTimeout, connectTimeout, autoretry: false }

  async function once(action: string, params: WireParams, attempt: number): Promise<Record<string, unknown>> {
    const target = requestTargetLength(params)
    const inBody = target > threshold
    const request = new OpenApiRequest(inBody ? { body: params } : { query: params })
    const p = new Params({
      action, version: DMS_API_VERSION, protocol: endpoint.protocol, pathname: '/', method: 'POST',
      authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'json'
    })
    const started = Date.now()
    let res: { body: unknown; statusCode?: number }
    try {
      res = await api.callApi(p, request, runtime)
    } catch (e) {
      const err = fromThrown(action, e, secrets, `${endpoint.protocol}://${endpoint.host}`)
      log(`dms ${action} #${attempt} ${inBody ? 'body' : 'query'} ${target}B → ${err.code}${err.httpStatus ? ` HTTP ${err.httpStatus}` : ''} (${Date.now() - started} ms)`)
      throw err
    }
    const body = res.body
    if (isFailureBody(body)) {
      const err = fromFailureBody(action, body, res.statusCode ?? 200, secrets)
      log(`dms ${action} #${attempt} → Success:false ${err.code} (${Date.now() - started} ms)`)
      throw err
    }
    if (typeof body !== 'object' || body === null) {
      throw new DmsError({ code: 'InvalidResponse', message: 'response body is not a JSON object', action, kind: 'invalid_response', httpStatus: res.statusCode })
    }
    log(`dms ${action} #${attempt} ${inBody ? 'body' : 'query'} ${target}B → ok (${Date.now() - started} ms)`)
    return body as Record<string, unknown>
  }

  async function call(action: string, params: WireParams, opts: { retry?: 'all' | 'not-sent' | 'none' } = {}): Promise<Record<string, unknown>> {
    const mode = opts.retry ?? 'all'
    const isRetryable = mode === 'all' ? retryable : mode === 'not-sent' ? notSent : () => false
    return withRetry((attempt) => once(action, params, attempt), policy, {
      isRetryable,
      onRetry: (e, attempt, delay) => log(`dms ${action} retry after #${attempt} (${(e as DmsError).code}) in ${delay} ms`)
    }, deps)
  }

  const act = (action: DmsAction, params: WireParams) => call(action, params)

  /** Normalize a body; a shape we cannot read is reported as a DmsError like everything else. */
  function parse<T>(action: DmsAction, body: Record<string, unknown>, f: (b: unknown) => T): T {
    try {
      return f(body)
    } catch (e) {
      throw new DmsError({ code: 'InvalidResponse', message: (e as Error).message, action, kind: 'invalid_response', requestId: typeof body.RequestId === 'string' ? body.RequestId : null })
    }
  }

  async function listOrdersAll(input: ListOrdersInput = {}, o: ListOrdersAllOptions = {}): Promise<OrderList> {
    const pageSize = input.pageSize ?? 100
    const all = await pageAll(async (pageNumber) => {
      const res = parse('ListOrders', await act('ListOrders', listOrdersParams({ ...input, pageNumber, pageSize }, tid)), normalize.orderList)
      return { totalCount: res.totalCount, items: res.orders }
    }, (x) => x.orderId, { maxPages: o.maxPages ?? 20, action: 'ListOrders' })
    return { totalCount: all.totalCount, orders: all.items }
  }

  async function findAuthorityTemplates(searchKey: string): Promise<AuthorityTemplate[]> {
    // ListAuthorityTemplate's PageSize is documented as 5, 10 or 20 (SDK model ListAuthorityTemplateRequest).
    const all = await pageAll(async (pageNumber) => {
      const res = parse('ListAuthorityTemplate', await act('ListAuthorityTemplate', listAuthorityTemplateParams({ searchKey, pageNumber, pageSize: 20 }, tid)), normalize.authorityTemplateList)
      return { totalCount: res.totalCount, items: res.templates }
    }, (t) => t.templateId, { maxPages: 50, action: 'ListAuthorityTemplate' })
    return all.items
  }

  async function getUserUploadFileJob(jobKey: string): Promise<UploadFileJob> {
    const body = await act('GetUserUploadFileJob', wire({ JobKey: jobKey, Tid: tid }))
    return parse('GetUserUploadFileJob', body, normalize.uploadFileJob)
  }

  async function uploadAttachment(input: UploadAttachmentInput, o: UploadAttachmentOptions = {}): Promise<string> {
    const body = await act('CreateUploadFileJob', createUploadFileJobParams(input, tid))
    const jobKey = typeof body.JobKey === 'string' ? body.JobKey : ''
    if (!jobKey) throw new DmsError({ code: 'InvalidResponse', message: 'CreateUploadFileJob returned no JobKey', action: 'CreateUploadFileJob', kind: 'invalid_response' })
    const deadline = deps.now() + (o.timeoutMs ?? 120_000)
    let delay = o.pollMs ?? 500
    for (;;) {
      const job = await getUserUploadFileJob(jobKey)
      if (job.status === 'SUCCESS' && job.attachmentKey) return job.attachmentKey
      if (job.status === 'FAIL') {
        throw new DmsError({ code: 'UploadFailed', message: `DMS could not fetch ${input.fileName} from the upload URL: ${job.statusDesc || 'no reason given'}`, action: 'GetUserUploadFileJob', kind: 'business' })
      }
      if (deps.now() + delay > deadline) {
        throw new DmsError({ code: 'UploadTimeout', message: `DMS had not fetched ${input.fileName} after ${Math.round((o.timeoutMs ?? 120_000) / 1000)} s (job ${jobKey}, status ${job.status})`, action: 'GetUserUploadFileJob', kind: 'timeout' })
      }
      await deps.sleep(delay)
      delay = Math.min(delay * 2, 5000)
    }
  }

  async function createProcCorrectOrder(input: CreateProcCorrectOrderInput): Promise<number> {
    checkSqlSizes(input, maxSqlBytes)
    // Resent only when DMS certainly did not act on it (throttled, connection refused).
    const body = await call('CreateProcCorrectOrder', createProcCorrectOrderParams(input, tid), { retry: 'not-sent' })
    const ids = normalize.createOrderResult(body)
    if (ids.length === 0) throw new DmsError({ code: 'InvalidResponse', message: 'CreateOrderResult has no ticket id', action: 'CreateProcCorrectOrder', kind: 'invalid_response' })
    return ids[0]
  }

  return {
    endpoint,
    call,
    createProcCorrectOrder,
    async createProcOrderOnce(input, lookup) {
      const params = createProcCorrectOrderParams(input, tid)
      checkSqlSizes(input, maxSqlBytes)
      let attempts = 0
      // Every retryable failure may have created the ticket (timeout after DMS committed, reset, 5xx from
      // a proxy): before resending, look it up by fingerprint and return it if it exists.
      return withRetry<CreateOnceResult>(async (attempt) => {
        attempts = attempt
        const ids = normalize.createOrderResult(await once('CreateProcCorrectOrder', params, attempt))
        if (ids.length === 0) throw new DmsError({ code: 'InvalidResponse', message: 'CreateOrderResult has no ticket id', action: 'CreateProcCorrectOrder', kind: 'business' })
        return { orderId: ids[0], created: true, attempts: attempt }
      }, policy, {
        isRetryable: retryable,
        onRetry: (e, attempt, delay) => log(`dms CreateProcCorrectOrder failed #${attempt} (${(e as DmsError).code}); looking for the ticket in ${delay} ms`),
        beforeRetry: async (e) => {
          if (notSent(e)) return undefined
          // A timed-out create may still be running at DMS: give it time to commit before we look.
          if (e instanceof DmsError && e.kind === 'timeout') await deps.sleep(createSettleMs)
          const hit = await lookup()
          if (hit !== undefined) log(`dms CreateProcCorrectOrder: found ticket ${hit} from the lost attempt; not resending`)
          return hit !== undefined ? { orderId: hit, created: false, attempts } : undefined
        }
      }, deps)
    },
    async submitOrderApproval(orderId, realLoginUserUid) {
      await act('SubmitOrderApproval', orderIdParams(orderId, tid, { RealLoginUserUid: realLoginUserUid }))
    },
    async getOrderBaseInfo(orderId) {
      return parse('GetOrderBaseInfo', await act('GetOrderBaseInfo', orderIdParams(orderId, tid)), normalize.orderBaseInfo)
    },
    async getApprovalDetail(workflowInstanceId) {
      const d = parse('GetApprovalDetail', await act('GetApprovalDetail', approvalDetailParams(workflowInstanceId, tid)), normalize.approvalDetail)
      // The documented body has no WorkflowInstanceId of its own; it is the one we asked about.
      return { ...d, workflowInstanceId: d.workflowInstanceId ?? workflowInstanceId }
    },
    async getDataCorrectOrderDetail(orderId) {
      return parse('GetDataCorrectOrderDetail', await act('GetDataCorrectOrderDetail', orderIdParams(orderId, tid)), normalize.dataCorrectOrderDetail)
    },
    async listOrders(input = {}) {
      return parse('ListOrders', await act('ListOrders', listOrdersParams(input, tid)), normalize.orderList)
    },
    listOrdersAll,
    findAuthorityTemplates,
    uploadAttachment,
    getUserUploadFileJob,
    async listAuthorityTemplates(input = {}) {
      return parse('ListAuthorityTemplate', await act('ListAuthorityTemplate', listAuthorityTemplateParams(input, tid)), normalize.authorityTemplateList)
    },
    async closeOrder(orderId, reason) {
      await act('CloseOrder', closeOrderParams(orderId, reason, tid))
    },
    async executeDataCorrect(input) {
      // Running a ticket twice is never what anyone wants: resend only when it surely did not arrive.
      await call('ExecuteDataCorrect', executeDataCorrectParams(input, tid), { retry: 'not-sent' })
    },
    async searchDatabase(input) {
      return parse('SearchDatabase', await act('SearchDatabase', searchDatabaseParams(input, tid)), normalize.databaseList)
    },
    async getPermApplyOrderDetail(orderId) {
      return parse('GetPermApplyOrderDetail', await act('GetPermApplyOrderDetail', orderIdParams(orderId, tid)), normalize.permApplyOrderDetail)
    },
    async createAuthorityTemplate({ name, description }) {
      const params = createAuthorityTemplateParams(name, description, tid)
      return parse('CreateAuthorityTemplate', await call('CreateAuthorityTemplate', params, { retry: 'not-sent' }), normalize.authorityTemplate)
    },
    async getUserActiveTenant() {
      return parse('GetUserActiveTenant', await act('GetUserActiveTenant', wire({ Tid: tid })), normalize.tenant)
    }
  }
}
