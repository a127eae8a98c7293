// Public API of the DMS emulator: `startEmulator(options)` → a running wire-compatible DMS endpoint on loopback.
import { splitStatements, tokenize } from '../sql/lexer.js'
import { EmulatorCore, type OrderSummary } from './core.js'
import { loadState } from './persistence.js'
import { precheckProcSql } from './precheck.js'
import { startHttpFront } from './server.js'
import {
  emptyData, type AccessKey, type ApprovalNodeTemplate, type EmulatorConfig, type EmulatorData, type EmulatorUser, type Role
} from './state.js'

export type { FaultRule, FaultType } from './faults.js'
export type { OrderSummary } from './core.js'
export type { StatsSnapshot } from './stats.js'
export type { EmulatorData, Order, OrderStatus, ExecMode, Role } from './state.js'
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

export interface EmulatorAccessKey {
  id: string
  secret: string
  role?: Role
  userId?: number
  stsToken?: string
}

export interface EmulatorOptions {
  /** 0 (default) = a free port. */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
  /** Default: one admin key, DEFAULT_ACCESS_KEY. */
  accessKeys?: EmulatorAccessKey[]
  /** The tenant (Tid) this emulator serves; default 3. */
  tid?: number
  /** Default: one MySQL schema 'demo'. */
  databases?: EmulatorDatabase[]
  /** How long the asynchronous precheck takes (default 200 ms; 0 = done at creation). */
  precheckDelayMs?: number
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
  orders: () => OrderSummary[]
  data: () => Readonly<EmulatorData>
  stats: () => ReturnType<EmulatorCore['stats']['snapshot']>
  config: Readonly<EmulatorConfig>
}

export const DEFAULT_ACCESS_KEY = { id: 'LTAI5tEmulatorAccessKey', secret: 'emulator-access-key-secret' } as const
export const DEFAULT_TID = 3

const DEFAULT_USERS: EmulatorUser[] = [
  { id: 51, nick: 'admin' }, { id: 61, nick: 'dba_alice' }, { id: 62, nick: 'dba_bob' }
]

/** Fills in the defaults of every option (exported for the CLI and tests). */
export function resolveConfig(o: EmulatorOptions): { config: EmulatorConfig; keys: AccessKey[] } {
  const users = [...DEFAULT_USERS]
  const approvalNodes: ApprovalNodeTemplate[] = o.approvalNodes
    ? o.approvalNodes.map((n) => {
      for (const a of n.approvers) if (!users.some((u) => u.id === a.id)) users.push({ id: a.id, nick: a.nick })
      return { name: n.name, userIds: n.approvers.map((a) => a.id) }
    })
    : [{ name: 'DBA review', userIds: [61, 62] }]
  const keys: AccessKey[] = (o.accessKeys ?? [DEFAULT_ACCESS_KEY]).map((k, i) => {
    const role: Role = ('role' in k && k.role) || 'admin'
    const userId = ('userId' in k && k.userId) || (i === 0 ? 51 : 100 + i)
    if (!users.some((u) => u.id === userId)) users.push({ id: userId, nick: `${role}_${userId}` })
    return { id: k.id, secret: k.secret, role, userId, ...('stsToken' in k && k.stsToken ? { stsToken: k.stsToken } : {}) }
  })
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
      businessErrorStatus: o.businessErrorStatus ?? 'always-200'
    }
  }
}

export async function startEmulator(o: EmulatorOptions = {}): Promise<RunningEmulator> {
  const { config, keys } = resolveConfig(o)
  const data = (o.stateFile ? loadState(o.stateFile) : undefined) ?? emptyData()
  const core = new EmulatorCore({
    config, keys, data, clockSkewSeconds: o.clockSkewSeconds ?? 900, stateFile: o.stateFile, now: o.now,
    precheck: (sql) => precheckProcSql(sql, { splitStatements, tokenize })
  })
  const host = o.host ?? '127.0.0.1'
  const front = await startHttpFront(core, { host, port: o.port ?? 0, maxUrlBytes: o.maxUrlBytes ?? 32 * 1024 })
  const endpoint = `${host}:${front.port}`
  return {
    url: `http://${endpoint}`,
    port: front.port,
    endpoint,
    close: front.close,
    state: {
      orders: () => core.orders(),
      data: () => core.data,
      stats: () => core.stats.snapshot(),
      config
    }
  }
}
