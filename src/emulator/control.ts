// The emulator's control API under /__emulator/ (docs/emulator.md): plays the DBA, injects faults, adds DMS users,
// their keys and permission tickets, reports counters. Unauthenticated: the emulator listens on loopback only.
import { ControlError, type EmulatorCore } from './core.js'
import { FaultError, parseFaultRule } from './faults.js'
import type { AccessKey, PermApply, Role } from './state.js'

export interface ControlReply {
  status: number
  body: unknown
}

function obj(body: unknown): Record<string, unknown> {
  if (body === undefined) return {}
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ControlError(400, 'body must be a JSON object')
  return body as Record<string, unknown>
}

function str(o: Record<string, unknown>, name: string, fallback: string): string {
  const v = o[name]
  if (v === undefined || v === null) return fallback
  if (typeof v !== 'string') throw new ControlError(400, `${name} must be a string`)
  return v
}

const APPLY_TYPES: readonly PermApply['applyType'][] = ['DB', 'TAB', 'COL', 'INSTANT']
const ROLES: readonly Role[] = ['admin', 'dba', 'user']

function roleOf(o: Record<string, unknown>, fallback: Role): Role {
  const role = str(o, 'role', fallback) as Role
  if (!ROLES.includes(role)) throw new ControlError(400, `role must be one of ${ROLES.join(', ')}`)
  return role
}

function keyOf(o: Record<string, unknown>, what: string, userId: number): AccessKey {
  const id = str(o, 'id', '')
  const secret = str(o, 'secret', '')
  if (!id || !secret) throw new ControlError(400, `${what}: id and secret are required`)
  const stsToken = o.stsToken === undefined ? undefined : str(o, 'stsToken', '')
  return { id, secret, userId, ...(stsToken ? { stsToken } : {}) }
}

/** Routes one control request; `body` is the parsed JSON body (undefined when empty). */
export function handleControl(core: EmulatorCore, method: string, path: string, body: unknown): ControlReply {
  try {
    return route(core, method, path, body)
  } catch (e) {
    if (e instanceof ControlError) return { status: e.status, body: { error: e.message } }
    if (e instanceof FaultError) return { status: 400, body: { error: e.message } }
    throw e
  }
}

function route(core: EmulatorCore, method: string, path: string, body: unknown): ControlReply {
  const p = path.replace(/\/+$/, '')
  if (p === '/__emulator/health' && method === 'GET') return { status: 200, body: { ok: true } }
  if (p === '/__emulator/orders' && method === 'GET') return { status: 200, body: { orders: core.orders() } }

  let m = /^\/__emulator\/orders\/(\d+)$/.exec(p)
  if (m && method === 'GET') return { status: 200, body: { order: core.order(Number(m[1])) } }

  m = /^\/__emulator\/orders\/(\d+)\/(approve|reject|cancel|fail)$/.exec(p)
  if (m && method === 'POST') {
    const b = obj(body)
    const decision = m[2] as 'approve' | 'reject' | 'cancel' | 'fail'
    const o = core.decide(Number(m[1]), decision, str(b, 'comment', ''), b.approver)
    return { status: 200, body: { order: core.orders().find((x) => x.orderId === o.id) } }
  }

  if (p === '/__emulator/faults') {
    if (method === 'GET') return { status: 200, body: { faults: core.faults.list() } }
    if (method === 'DELETE') {
      core.faults.clear()
      return { status: 200, body: { faults: [] } }
    }
    if (method === 'POST') {
      const rules = Array.isArray(body) ? body.map(parseFaultRule) : [parseFaultRule(body)]
      for (const r of rules) core.addFault(r)
      return { status: 201, body: { faults: core.faults.list() } }
    }
  }

  if (p === '/__emulator/perm-orders' && method === 'POST') {
    const b = obj(body)
    const applyType = str(b, 'applyType', 'DB') as PermApply['applyType']
    if (!APPLY_TYPES.includes(applyType)) throw new ControlError(400, `applyType must be one of ${APPLY_TYPES.join(', ')}`)
    const resources = b.resources ?? []
    if (!Array.isArray(resources) || !resources.every((r) => typeof r === 'object' && r !== null && !Array.isArray(r))) {
      throw new ControlError(400, 'resources must be an array of objects ({DatabaseInfo, TableInfo, ColumnInfo, InstanceInfo})')
    }
    const permType = b.permType ?? 1
    const seconds = b.seconds ?? 86400
    if (!Number.isInteger(permType) || !Number.isInteger(seconds)) throw new ControlError(400, 'permType and seconds must be integers')
    const committerId = b.committerId
    if (committerId !== undefined && !Number.isInteger(committerId)) throw new ControlError(400, 'committerId must be an integer')
    const o = core.createPermOrder({
      applyType, permType: permType as number, seconds: seconds as number, resources: resources as Record<string, unknown>[],
      comment: str(b, 'comment', 'Permission application'), committerId: committerId as number | undefined
    })
    return { status: 201, body: { orderId: o.id, workflowInstanceId: o.workflow?.id ?? 0 } }
  }

  if (p === '/__emulator/users') {
    if (method === 'GET') return { status: 200, body: { users: core.users() } }
    if (method === 'POST') {
      const b = obj(body)
      const nick = str(b, 'nick', '')
      if (!nick) throw new ControlError(400, 'nick is required')
      const role = roleOf(b, 'user')
      const id = b.id ?? core.freeUserId()
      if (!Number.isSafeInteger(id) || (id as number) <= 0) throw new ControlError(400, 'id must be a positive integer (a DMS user id)')
      const keys = b.keys ?? []
      if (!Array.isArray(keys)) throw new ControlError(400, 'keys must be an array of {id, secret, stsToken?}')
      const parsed = keys.map((k, i) => keyOf(obj(k), `keys[${i}]`, id as number))
      core.upsertUser({ id: id as number, nick, role })
      for (const k of parsed) core.addKey(k)
      return { status: 201, body: { user: core.users().find((u) => u.id === id) } }
    }
  }

  if (p === '/__emulator/access-keys' && method === 'POST') {
    // A key for a user: an existing one (userId), else a new user with this role.
    const b = obj(body)
    const userId = b.userId ?? core.freeUserId()
    if (!Number.isSafeInteger(userId) || (userId as number) <= 0) throw new ControlError(400, 'userId must be a positive integer')
    const key = keyOf(b, 'access key', userId as number)
    const known = core.user(userId as number)
    const role = roleOf(b, known?.role ?? 'user')
    core.upsertUser({ id: userId as number, nick: known?.nick ?? `${role}_${userId}`, role })
    core.addKey(key)
    return { status: 201, body: { id: key.id, role, userId } }
  }

  if (p === '/__emulator/stats') {
    if (method === 'GET') return { status: 200, body: core.stats.snapshot() }
    if (method === 'DELETE') {
      core.stats.reset()
      return { status: 200, body: core.stats.snapshot() }
    }
  }
  return { status: 404, body: { error: `no control endpoint ${method} ${p}` } }
}
