// I/O: read every PERM_APPLY ticket that gates a PR from DMS (GetOrderBaseInfo → GetApprovalDetail →
// GetPermApplyOrderDetail) and decide the permission part of the gate.
import type { DmsClient } from '../dms/client.js'
import { DmsError } from '../dms/errors.js'
import type { ApprovalDetail, OrderBaseInfo, PermApplyOrderDetail } from '../dms/types.js'
import type { PermOrderRef } from './order-refs.js'
import { notPermApplyReason, overallVerdict, permVerdict, type PermVerdict } from './verdict.js'

export type PermGateClient = Pick<DmsClient, 'getOrderBaseInfo' | 'getApprovalDetail' | 'getPermApplyOrderDetail'>

export interface PermOrderState {
  orderId: number
  source: PermOrderRef['source'] | null
  verdict: PermVerdict
  /** One line a reviewer can act on. */
  reason: string
  base: OrderBaseInfo | null
  approval: ApprovalDetail | null
  /** What the ticket requests (apply type, permission type, duration, resources); null when refused. */
  request: PermApplyOrderDetail | null
}

export interface PermGate {
  verdict: PermVerdict
  orders: PermOrderState[]
}

/** DMS refusing to talk about an order (unknown id, other tenant, no permission) vs. DMS being unreachable. */
function failure(orderId: number, action: string, e: unknown): Pick<PermOrderState, 'verdict' | 'reason'> {
  if (e instanceof DmsError && e.kind === 'business') {
    return {
      verdict: 'refused',
      reason: `DMS refused ${action} for ticket ${orderId} (${e.code}: ${e.message.replace(/^DMS \S+ failed: \S+: /, '')}); ` +
        'it may not exist, or belong to another tenant or account'
    }
  }
  const what = e instanceof DmsError ? `${e.code}` : (e as Error)?.message ?? String(e)
  return { verdict: 'unavailable', reason: `could not read ticket ${orderId} from DMS (${what}); try again later` }
}

/** Reads one permission ticket. Never throws: every outcome is a verdict with a reason. */
export async function readPermOrder(client: PermGateClient, orderId: number, source: PermOrderRef['source'] | null = null): Promise<PermOrderState> {
  const state: PermOrderState = { orderId, source, verdict: 'pending', reason: '', base: null, approval: null, request: null }
  try {
    state.base = await client.getOrderBaseInfo(orderId)
  } catch (e) {
    return { ...state, ...failure(orderId, 'GetOrderBaseInfo', e) }
  }
  // Refuse other ticket kinds before asking anything else about them.
  const early = notPermApplyReason(orderId, state.base)
  if (early && state.base.pluginType !== '') return { ...state, verdict: 'refused', reason: early }

  if (state.base.workflowInstanceId !== null) {
    try {
      state.approval = await client.getApprovalDetail(state.base.workflowInstanceId)
    } catch (e) {
      return { ...state, ...failure(orderId, 'GetApprovalDetail', e) }
    }
  }
  const notPerm = notPermApplyReason(orderId, state.base, state.approval)
  if (notPerm) return { ...state, verdict: 'refused', reason: notPerm }

  try {
    state.request = await client.getPermApplyOrderDetail(orderId)
  } catch (e) {
    return { ...state, ...failure(orderId, 'GetPermApplyOrderDetail', e) }
  }
  return { ...state, ...permVerdict(state.base, state.approval) }
}

/** Reads every ticket (sequentially: a handful at most, and DMS throttles per user). */
export async function readPermGate(client: PermGateClient, orders: ReadonlyArray<number | PermOrderRef>): Promise<PermGate> {
  const states: PermOrderState[] = []
  for (const o of orders) {
    const ref = typeof o === 'number' ? { orderId: o, source: null } : o
    states.push(await readPermOrder(client, ref.orderId, ref.source))
  }
  return { verdict: overallVerdict(states.map((s) => s.verdict)), orders: states }
}
