// One emulator instance without its socket: keys, state, faults, stats, and the answer to each request.
// server.ts only moves bytes between node `http` and this class.
import { randomUUID } from 'node:crypto'
import { runAction, isAction, type ActionContext } from './actions.js'
import { authenticate, NonceStore, type SignedRequest } from './auth.js'
import { BusinessError, GatewayError, gateway } from './errors.js'
import { FaultInjector, type FaultRule } from './faults.js'
import { saveState } from './persistence.js'
import type { PrecheckOutcome, Prechecker } from './precheck.js'
import type { AccessKey, Caller, EmulatorConfig, EmulatorData, EmulatorUser, Order, OrderStatus, PermApply, UploadJob } from './state.js'
import { Stats } from './stats.js'
import * as tickets from './tickets.js'

export const DMS_VERSION = '2018-11-01'

/** What server.ts writes back (or does to the socket). */
export interface Reply {
  status: number
  contentType: string
  body: string
  requestId: string
  /** Hold the answer this long first ('slow' fault). */
  delayMs?: number
  /** Destroy the socket instead of answering ('reset' fault). */
  destroy?: boolean
}

/** `GET /__emulator/orders` entry, exactly the contract in docs/emulator.md. */
export interface OrderSummary {
  orderId: number
  status: OrderStatus
  comment: string
  execSql: string
  rollbackSql: string
  workflowInstanceId: number
  dbIds: number[]
}

export class ControlError extends Error {
  constructor(readonly status: number, message: string) {
    super(message)
  }
}

export interface CoreOptions {
  config: EmulatorConfig
  keys: AccessKey[]
  data: EmulatorData
  clockSkewSeconds: number
  stateFile?: string
  precheck: Prechecker
  /** Fetches an UploadURL (CreateUploadFileJob); default: fetch() with a timeout and a size cap. */
  fetchUpload?: (url: string) => Promise<string>
  now?: () => number
}

/** Largest file an upload job accepts: DMS's guide to changing data with stored routines limits rollback attachments to "15" (MB presumed; the unit is cut from the page we read). */
export const MAX_UPLOAD_BYTES = 15 * 1024 * 1024

async function fetchText(url: string): Promise<string> {
  const res = await fetch(url, { signal: AbortSignal.timeout(30_000), redirect: 'follow' })
  if (!res.ok) throw new Error(`HTTP ${res.status} from the upload URL`)
  const buf = Buffer.from(await res.arrayBuffer())
  if (buf.length > MAX_UPLOAD_BYTES) throw new Error(`the file is ${buf.length} bytes; at most ${MAX_UPLOAD_BYTES} are accepted`)
  return buf.toString('utf8')
}

function json(status: number, body: unknown, requestId: string): Reply {
  return { status, contentType: 'application/json;charset=utf-8', body: JSON.stringify(body), requestId }
}

/** The gateway's error body: {RequestId, HostId, Code, Message, Recommend}. */
function gatewayReply(e: GatewayError, host: string, id: string): Reply {
  return json(e.status, {
    RequestId: id, HostId: host, Code: e.code, Message: e.message,
    Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(e.code)}&product=dms-enterprise&requestId=${id}`
  }, id)
}

function requestId(): string {
  return randomUUID().toUpperCase()
}

const BAD_GATEWAY_HTML = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n' +
  '<hr><center>Tengine</center>\r\n</body>\r\n</html>\r\n'

export class EmulatorCore {
  readonly faults = new FaultInjector()
  readonly stats = new Stats()
  private readonly keys = new Map<string, AccessKey>()
  private readonly nonces: NonceStore
  private readonly now: () => number

  /** Background work (a precheck on a real server, an upload's download) still running. */
  private readonly pending = new Set<Promise<void>>()

  constructor(private readonly o: CoreOptions) {
    for (const k of o.keys) this.keys.set(k.id, k)
    this.nonces = new NonceStore(o.clockSkewSeconds * 2000)
    this.now = o.now ?? Date.now
    // Work a previous process left undecided (state file): start it again.
    for (const order of o.data.orders) if (order.proc && !order.proc.precheckOutcome) this.startPrecheck(order)
    for (const job of o.data.uploadJobs) if (job.status === 'PENDING' || job.status === 'RUNNING') this.startDownload(job)
  }

  /** Resolves when no background work is left (tests; close). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending])
  }

  private track(work: Promise<void>): void {
    const p = work.catch((e: unknown) => {
      process.stderr.write(`dms emulator: background task failed: ${(e as Error).stack ?? String(e)}\n`)
    }).finally(() => this.pending.delete(p))
    this.pending.add(p)
  }

  /** Decides a ticket's precheck: at once (our lexer) or when the precheck server answers. */
  startPrecheck(order: Order): void {
    const proc = order.proc
    if (!proc) return
    const schemas = proc.dbItems.map((d) => this.o.config.databases.find((x) => x.id === d.dbId)?.schema).filter((x): x is string => x !== undefined)
    const rollbackSql = proc.rollbackAttachmentName ? this.o.data.attachments[proc.rollbackAttachmentName] ?? '' : proc.rollbackSql
    const settle = (outcome: PrecheckOutcome): void => {
      proc.precheckOutcome = outcome
      tickets.advance(order, this.now())
      this.persist()
    }
    const result = this.o.precheck({ execSql: proc.execSql, rollbackSql, schemas })
    if (result instanceof Promise) this.track(result.then(settle))
    else proc.precheckOutcome = result
  }

  /** DMS downloads an upload job's URL itself; so does the emulator, after answering. */
  startDownload(job: UploadJob): void {
    job.status = 'RUNNING'
    const fetchUpload = this.o.fetchUpload ?? fetchText
    this.track(fetchUpload(job.uploadUrl).then((content) => {
      const key = `upload_${job.jobKey}_${job.fileName}`
      this.o.data.attachments[key] = content
      Object.assign(job, { status: 'SUCCESS', statusDesc: 'success', attachmentKey: key, fileSize: Buffer.byteLength(content) })
    }, (e: unknown) => {
      const cause = (e as { cause?: { message?: string } }).cause?.message
      Object.assign(job, { status: 'FAIL', statusDesc: `download failed: ${(e as Error).message}${cause ? ` (${cause})` : ''}` })
    }).finally(() => this.persist()))
  }

  get config(): EmulatorConfig {
    return this.o.config
  }

  /** The live state records (read them; change them only through the methods below). */
  get data(): EmulatorData {
    return this.o.data
  }

  /** Adds a key of an existing user (a rotated or second key: same DMS user, same tickets). */
  addKey(k: AccessKey): void {
    if (!this.user(k.userId)) throw new ControlError(400, `no DMS user ${k.userId}; add it first (POST /__emulator/users)`)
    const existing = this.keys.get(k.id)
    if (existing && existing.userId !== k.userId) throw new ControlError(409, `access key ${k.id} already belongs to user ${existing.userId}`)
    this.keys.set(k.id, k)
  }

  /** Adds a DMS user, or changes the nick/role of an existing one. */
  upsertUser(u: EmulatorUser): EmulatorUser {
    const users = this.o.config.users
    const i = users.findIndex((x) => x.id === u.id)
    if (i >= 0) users[i] = u
    else users.push(u)
    return u
  }

  user(id: number): EmulatorUser | undefined {
    return this.o.config.users.find((u) => u.id === id)
  }

  /** Every user with the ids of its keys (never the secrets). */
  users(): (EmulatorUser & { accessKeyIds: string[] })[] {
    const keys = [...this.keys.values()]
    return this.o.config.users.map((u) => ({ ...u, accessKeyIds: keys.filter((k) => k.userId === u.id).map((k) => k.id) }))
  }

  /** A user id nobody has yet (for users added without one); DMS user ids are longs. */
  freeUserId(): number {
    const used = new Set(this.o.config.users.map((u) => u.id))
    let id = 200_000_000_001
    while (used.has(id)) id++
    return id
  }

  private caller(key: AccessKey): Caller {
    const u = this.user(key.userId)
    // resolveConfig and addKey only accept keys of known users.
    if (!u) throw new Error(`access key ${key.id} has no DMS user ${key.userId}`)
    return { keyId: key.id, userId: u.id, nick: u.nick, role: u.role }
  }

  private persist(): void {
    if (this.o.stateFile) saveState(this.o.stateFile, this.o.data)
  }

  private advanceAll(): void {
    const now = this.now()
    let changed = false
    for (const o of this.o.data.orders) changed = tickets.advance(o, now) || changed
    if (changed) this.persist()
  }

  orders(): OrderSummary[] {
    this.advanceAll()
    return this.o.data.orders.map((o) => ({
      orderId: o.id, status: o.status, comment: o.comment, execSql: o.proc?.execSql ?? '', rollbackSql: o.proc?.rollbackSql ?? '',
      workflowInstanceId: o.workflow?.id ?? 0, dbIds: o.proc?.dbItems.map((d) => d.dbId) ?? []
    }))
  }

  order(id: number): Order {
    this.advanceAll()
    const o = this.o.data.orders.find((x) => x.id === id)
    if (!o) throw new ControlError(404, `no ticket ${id}`)
    return o
  }

  private userId(approver: unknown): number | undefined {
    if (approver === undefined || approver === null || approver === '') return undefined
    if (typeof approver === 'number') return approver
    if (typeof approver === 'string' && /^\d+$/.test(approver)) return Number(approver)
    const u = this.o.config.users.find((x) => x.nick === approver)
    if (!u) throw new ControlError(400, `unknown approver '${String(approver)}'`)
    return u.id
  }

  /** Control API: approve / reject / cancel a ticket, or fail its execution. */
  decide(id: number, decision: 'approve' | 'reject' | 'cancel' | 'fail', comment: string, approver?: unknown): Order {
    const o = this.order(id)
    const now = this.now()
    try {
      if (decision === 'approve') tickets.approve(o, this.userId(approver), comment, this.o.config.executeDelayMs, now)
      else if (decision === 'reject') tickets.reject(o, this.userId(approver), comment, now)
      else if (decision === 'fail') tickets.failExecution(o, now)
      else tickets.cancel(o, comment, now)
    } catch (e) {
      if (e instanceof tickets.TransitionError) throw new ControlError(409, e.message)
      throw e
    }
    this.persist()
    return o
  }

  createPermOrder(input: PermApply & { comment: string; committerId?: number }): Order {
    const o = tickets.createPermOrder(this.o.data, {
      ...input, committerId: input.committerId ?? this.o.keys[0]?.userId ?? this.o.config.users[0]?.id ?? 1
    }, this.o.config.approvalNodes, this.now())
    this.persist()
    return o
  }

  addFault(rule: FaultRule): void {
    this.faults.add(rule)
  }

  /** Refuses a request the gateway cannot even parse. */
  refuse(e: GatewayError, action: string, host: string): Reply {
    this.stats.request(action)
    this.stats.rejected(e.code)
    return gatewayReply(e, host, requestId())
  }

  /** Answers one DMS API request. */
  handle(req: SignedRequest, host: string): Reply {
    const id = requestId()
    const actionName = req.headers['x-acs-action']?.[0] ?? [...req.query, ...req.form].find(([k]) => k === 'Action')?.[1] ?? '(none)'
    this.stats.request(actionName)
    const refuseWith = (e: GatewayError): Reply => gatewayReply(e, host, id)

    if (req.method !== 'POST' && req.method !== 'GET') {
      this.stats.rejected('UnsupportedHTTPMethod')
      return refuseWith(gateway.badHttpMethod(req.method))
    }
    let auth
    try {
      auth = authenticate(req, {
        findKey: (k) => this.keys.get(k), nonces: this.nonces, now: this.now(), clockSkewSeconds: this.o.clockSkewSeconds
      })
    } catch (e) {
      if (!(e instanceof GatewayError)) throw e
      this.stats.rejected(e.code)
      return refuseWith(e)
    }
    if (auth.version !== DMS_VERSION) {
      this.stats.error('InvalidVersion')
      return refuseWith(gateway.badVersion(auth.version))
    }
    if (!isAction(auth.action)) {
      this.stats.error('InvalidAction.NotFound')
      return refuseWith(gateway.unknownAction(auth.action))
    }

    const fault = this.faults.pick(auth.action)
    if (fault) this.stats.fault(fault.type)
    switch (fault?.type) {
      case 'throttle':
        this.stats.error('Throttling.User')
        return refuseWith(gateway.throttled(fault.status ?? 400))
      case '5xx':
        this.stats.error('ServiceUnavailable')
        return refuseWith(gateway.unavailable())
      case '502-html':
        this.stats.error('502')
        return { status: 502, contentType: 'text/html', body: BAD_GATEWAY_HTML, requestId: id }
      case 'success-false':
        this.stats.error(fault.errorCode ?? 'UnknownError')
        return json(200, { RequestId: id, Success: false, ErrorCode: fault.errorCode ?? 'UnknownError',
          ErrorMessage: 'An internal error occurred (injected fault).' }, id)
      default:
        break
    }

    let changed = false
    const ctx: ActionContext = {
      data: this.o.data, config: this.o.config, caller: this.caller(auth.key), now: this.now(),
      precheck: (order) => this.startPrecheck(order), download: (job) => this.startDownload(job),
      changed: () => { changed = true }
    }
    let reply: Reply
    try {
      const body = runAction(auth.action, ctx, auth.params)
      this.stats.succeeded(auth.action)
      reply = json(200, { RequestId: id, Success: true, ...body }, id)
    } catch (e) {
      if (!(e instanceof BusinessError)) throw e
      this.stats.error(e.code)
      const status = this.o.config.businessErrorStatus === 'documented' ? e.documentedStatus : 200
      reply = json(status, { RequestId: id, Success: false, ErrorCode: e.code, ErrorMessage: e.message }, id)
    }
    if (changed) this.persist()
    if (fault?.type === 'slow') return { ...reply, delayMs: fault.delayMs ?? 10_000 }
    if (fault?.type === 'reset') return { ...reply, destroy: true }
    return reply
  }
}
