// Public API of the DMS emulator: `startEmulator(options)` → a running wire-compatible DMS endpoint on loopback.
import { splitStatements, tokenize } from '../sql/lexer.js'
import { EmulatorCore, type OrderSummary } from './core.js'
import { loadState } from './persistence.js'
import { precheckProcSql, type Prechecker } from './precheck.js'
import { createPrecheckDb, parsePrecheckDbUrl } from './precheck-db.js'
import { startHttpFront } from './server.js'
import {
  emptyData, type AccessKey, type ApprovalNodeTemplate, type AsAdminWithoutRole, type EmulatorConfig, type EmulatorData,
  type EmulatorUser, type Role, type SearchContentMode
} from './state.js'

export type { FaultRule, FaultType } from './faults.js'
export type { OrderSummary } from './core.js'
export type { StatsSnapshot } from './stats.js'
export type { AsAdminWithoutRole, EmulatorData, EmulatorUser, Order, OrderStatus, ExecMode, Role, SearchContentMode } from './state.js'
export { signV3, acsTimestamp } from './signature.js'

/** A database the emulator's SearchDatabase finds. Only `schema` is required. */
export interface EmulatorDatabase {
  schema: string
  /** DMS DatabaseId (default: 1, 2, … in order). */
  id?: number
  host?: string
  port?: number
  dbType?: string
  envType?: string
  logic?: boolean
}

/** An access key and the DMS user it belongs to (kept for callers that declare keys rather than users). */
export interface EmulatorAccessKey {
  id: string
  secret: string
  /** Role of the key's user when the user is new or the role is given (default: the user's role, else 'user'). */
  role?: Role
  /** The DMS user id (default: the default committer for the first key, then 101, 102, …). */
  userId?: number
  stsToken?: string
}

/** A DMS user: a DMS user id (a long), a nick, a role, and the access keys that act as this user. */
export interface EmulatorUserSpec {
  /** Default: a free id. */
  id?: number
  nick: string
  /** Default 'user'. */
  role?: Role
  keys?: { id: string; secret: string; stsToken?: string }[]
}

export interface EmulatorOptions {
  /** 0 (default) = a free port. */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
  /** Keys and their users. Default: DEFAULT_ACCESS_KEY, the key of DEFAULT_USER (a plain 'user' committer). */
  accessKeys?: EmulatorAccessKey[]
  /** More DMS users (each with its keys). Always present: admin (51), dba_alice (61), dba_bob (62), keyless. */
  users?: EmulatorUserSpec[]
  /** ListOrders SearchContent matches the ticket comment ('comment', default) or nothing ('none'). */
  searchContent?: SearchContentMode
  /** ListOrders AS_ADMIN by a non-admin: 'refuse' (NoPermission, default) or 'own' (their own tickets). */
  asAdminWithoutRole?: AsAdminWithoutRole
  /** Largest ListOrders page; a larger PageSize is cut to it silently (default 100). */
  listOrdersMaxPageSize?: number
  /** The tenant (Tid) this emulator serves; default 3. */
  tid?: number
  /** Default: one MySQL schema 'demo'. */
  databases?: EmulatorDatabase[]
  /** How long the asynchronous precheck takes at least (default 200 ms; 0 = done at creation). */
  precheckDelayMs?: number
  /** A MySQL-compatible server (`mysql://user[:password]@host[:port]`, or `mysql://user@localhost?socket=/path`)
   *  on which every ExecSQL and RollbackSQL statement runs in a scratch schema to decide the precheck. Default:
   *  our own lexer decides (it agrees with our planner by construction). */
  precheckDb?: string
  /** How long an execution stays 'processing' (default 200 ms). */
  executeDelayMs?: number
  /** Persist tickets and templates as JSON here (loaded on start, rewritten on change). */
  stateFile?: string
  /** Allowed client clock difference for x-acs-date / Timestamp (default 900 s, like Alibaba's gateway). */
  clockSkewSeconds?: number
  /** Approval steps after submission (default one node 'DBA review' handled by dba_alice, dba_bob). */
  approvalNodes?: { name: string; approvers: { id: number; nick: string }[] }[]
  /** 'always-200' (default): business errors are HTTP 200 + Success:false; 'documented': NoPermission 403 etc. */
  businessErrorStatus?: 'always-200' | 'documented'
  /** Longest request target accepted before 414 (default 32 KiB; the real gateway's limit is unpublished). */
  maxUrlBytes?: number
  /** Clock for tests (ms epoch). */
  now?: () => number
}

export interface RunningEmulator {
  /** `http://127.0.0.1:PORT` — pass as the client's endpoint / the Action's dms-endpoint. */
  url: string
  port: number
  /** Endpoint form openapi-client wants in `config.endpoint`: `127.0.0.1:PORT`. */
  endpoint: string
  /** Read-only view of the state (tickets, stats, faults). */
  state: EmulatorState
  close: () => Promise<void>
}

export interface EmulatorState {
  /** Resolves when no precheck or upload is still being decided in the background. */
  whenIdle: () => Promise<void>
  /** DMS users with their key ids (never secrets). */
  users: () => (EmulatorUser & { accessKeyIds: string[] })[]
  orders: () => OrderSummary[]
  data: () => Readonly<EmulatorData>
  stats: () => ReturnType<EmulatorCore['stats']['snapshot']>
  config: Readonly<EmulatorConfig>
}

export const DEFAULT_ACCESS_KEY = { id: 'LTAI5tEmulatorAccessKey', secret: 'emulator-access-key-secret' } as const
export const DEFAULT_TID = 3

/** The user behind DEFAULT_ACCESS_KEY: a plain committer, as the gate's own identity should be. */
export const DEFAULT_USER: EmulatorUser = { id: 300051, nick: 'dms_proc_gate', role: 'user' }

/** Always present, without keys unless given some: the admin and the two approvers of the default workflow. */
const BUILTIN_USERS: EmulatorUser[] = [
  { id: 51, nick: 'admin', role: 'admin' }, { id: 61, nick: 'dba_alice', role: 'dba' }, { id: 62, nick: 'dba_bob', role: 'dba' }
]

function checkUserId(id: number, where: string): number {
  if (!Number.isSafeInteger(id) || id <= 0) throw new Error(`${where}: a DMS user id must be a positive integer, got ${id}`)
  return id
}

/** Users and keys from `users` and `accessKeys` (later declarations of one id win; a key id is used once). */
export function resolveUsers(o: Pick<EmulatorOptions, 'users' | 'accessKeys' | 'approvalNodes'>): { users: EmulatorUser[]; keys: AccessKey[] } {
  const users = BUILTIN_USERS.map((u) => ({ ...u }))
  const keys: AccessKey[] = []
  const upsert = (u: EmulatorUser): void => {
    const i = users.findIndex((x) => x.id === u.id)
    if (i >= 0) users[i] = u
    else users.push(u)
  }
  const addKey = (k: AccessKey, where: string): void => {
    if (keys.some((x) => x.id === k.id)) throw new Error(`${where}: access key ${k.id} is declared twice`)
    keys.push(k)
  }
  for (const n of o.approvalNodes ?? []) {
    for (const a of n.approvers) if (!users.some((u) => u.id === a.id)) upsert({ id: a.id, nick: a.nick, role: 'dba' })
  }
  const keySpecs = o.accessKeys ?? [{ ...DEFAULT_ACCESS_KEY, userId: DEFAULT_USER.id }]
  keySpecs.forEach((k, i) => {
    const where = `accessKeys[${i}]`
    const userId = checkUserId(k.userId ?? (i === 0 ? DEFAULT_USER.id : 100 + i), where)
    const known = users.find((u) => u.id === userId)
    const role: Role = k.role ?? known?.role ?? 'user'
    const nick = known?.nick ?? (userId === DEFAULT_USER.id ? DEFAULT_USER.nick : `${role}_${userId}`)
    upsert({ id: userId, nick, role })
    addKey({ id: k.id, secret: k.secret, userId, ...(k.stsToken ? { stsToken: k.stsToken } : {}) }, where)
  })
  let next = 200_000_000_001
  for (const [i, u] of (o.users ?? []).entries()) {
    const where = `users[${i}]`
    if (!u.nick || typeof u.nick !== 'string') throw new Error(`${where}: nick is required`)
    while (users.some((x) => x.id === next)) next++
    const id = checkUserId(u.id ?? next, where)
    upsert({ id, nick: u.nick, role: u.role ?? 'user' })
    for (const k of u.keys ?? []) addKey({ id: k.id, secret: k.secret, userId: id, ...(k.stsToken ? { stsToken: k.stsToken } : {}) }, where)
  }
  return { users, keys }
}

/** Fills in the defaults of every option (exported for the CLI and tests). */
export function resolveConfig(o: EmulatorOptions): { config: EmulatorConfig; keys: AccessKey[] } {
  const { users, keys } = resolveUsers(o)
  const approvalNodes: ApprovalNodeTemplate[] = o.approvalNodes
    ? o.approvalNodes.map((n) => ({ name: n.name, userIds: n.approvers.map((a) => a.id) }))
    : [{ name: 'DBA review', userIds: [61, 62] }]
  const maxPage = o.listOrdersMaxPageSize ?? 100
  if (!Number.isInteger(maxPage) || maxPage < 1) throw new Error(`listOrdersMaxPageSize must be a positive integer, got ${maxPage}`)
  const dbs = o.databases ?? [{ schema: 'demo' }]
  const ids = new Set<number>()
  const databases = dbs.map((d, i) => {
    const id = d.id ?? i + 1
    if (ids.has(id)) throw new Error(`databases: DatabaseId ${id} is used twice`)
    ids.add(id)
    return {
      id, schema: d.schema, host: d.host ?? 'rm-emulator.mysql.rds.aliyuncs.com', port: d.port ?? 3306,
      dbType: d.dbType ?? 'mysql', envType: d.envType ?? 'dev', ...(d.logic ? { logic: true } : {})
    }
  })
  return {
    keys,
    config: {
      tid: o.tid ?? DEFAULT_TID,
      tenantName: 'dms-proc-gate emulator',
      databases,
      users,
      approvalNodes,
      precheckDelayMs: o.precheckDelayMs ?? 200,
      executeDelayMs: o.executeDelayMs ?? 200,
      businessErrorStatus: o.businessErrorStatus ?? 'always-200',
      searchContent: o.searchContent ?? 'comment',
      asAdminWithoutRole: o.asAdminWithoutRole ?? 'refuse',
      listOrdersMaxPageSize: maxPage
    }
  }
}

export async function startEmulator(o: EmulatorOptions = {}): Promise<RunningEmulator> {
  const { config, keys } = resolveConfig(o)
  const data = (o.stateFile ? loadState(o.stateFile) : undefined) ?? emptyData()
  const precheck: Prechecker = o.precheckDb !== undefined
    ? createPrecheckDb(parsePrecheckDbUrl(o.precheckDb)).check
    : (input) => precheckProcSql(input.execSql, { splitStatements, tokenize })
  const core = new EmulatorCore({ config, keys, data, clockSkewSeconds: o.clockSkewSeconds ?? 900, stateFile: o.stateFile, now: o.now, precheck })
  const host = o.host ?? '127.0.0.1'
  const front = await startHttpFront(core, { host, port: o.port ?? 0, maxUrlBytes: o.maxUrlBytes ?? 32 * 1024 })
  const endpoint = `${host}:${front.port}`
  return {
    url: `http://${endpoint}`,
    port: front.port,
    endpoint,
    close: async () => {
      await front.close()
      await core.idle()
    },
    state: {
      whenIdle: () => core.idle(),
      users: () => core.users(),
      orders: () => core.orders(),
      data: () => core.data,
      stats: () => core.stats.snapshot(),
      config
    }
  }
}
