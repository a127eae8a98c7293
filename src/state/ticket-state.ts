// Pure: a DMS ticket's state (GetOrderBaseInfo + GetApprovalDetail [+ GetDataCorrectOrderDetail]) → GateState,
// and the verdict over several tickets and permission tickets. Approval only ever comes from these DMS reads.
import type { GateState } from './gate-state.js'
import type { ApprovalDetail, DataCorrectOrderDetail, OrderBaseInfo, OrderStatus } from '../dms/types.js'

/** Statuses in which a ticket is still open (can be closed / superseded). */
export const OPEN_STATUSES: readonly OrderStatus[] = ['new', 'precheck', 'precheck_success', 'toaudit', 'approved', 'waiting']

export function isOpenStatus(s: OrderStatus): boolean {
  return OPEN_STATUSES.includes(s)
}

/** What a precheck says, from GetDataCorrectOrderDetail. */
export type Precheck = { kind: 'running' } | { kind: 'passed' } | { kind: 'failed'; reasons: string[] }

export function precheckOf(d: DataCorrectOrderDetail): Precheck {
  const failedSteps = d.precheck.filter(s => s.status === 'FAIL')
  if (d.status === 'precheck_failed' || failedSteps.length > 0) {
    const reasons = failedSteps.map(s => (s.userTip ? `${s.step}: ${s.userTip}` : s.step))
    return { kind: 'failed', reasons: reasons.length > 0 ? reasons : ['the DMS precheck failed'] }
  }
  if (d.status === 'precheck_success') return { kind: 'passed' }
  if (d.status === 'precheck' || d.status === 'new' || d.precheck.some(s => s.status === 'RUNNING' || s.status === 'WAITING')) {
    return { kind: 'running' }
  }
  return { kind: 'passed' }
}

function currentNodeName(a: ApprovalDetail | null): string {
  const node = a?.nodes.find(n => n.status === 'auditing')
  return node?.name || 'approval'
}

function handlerNames(a: ApprovalDetail | null): string[] {
  if (!a) return []
  if (a.currentHandlers.length > 0) return a.currentHandlers.map(h => h.nickName).filter(n => n !== '')
  return a.nodes.find(n => n.status === 'auditing')?.auditors ?? []
}

function reasonsOf(a: ApprovalDetail | null): string[] {
  if (!a) return []
  if (a.reasons.length > 0) return a.reasons
  return a.nodes.filter(n => (n.status === 'reject' || n.status === 'cancel') && n.comment !== '').map(n => n.comment)
}

/**
 * The gate state of one ticket. `precheck` is needed only while the ticket is `new` (before submission).
 */
export function ticketGateState(base: OrderBaseInfo, approval: ApprovalDetail | null, precheck?: Precheck): GateState {
  const orderId = base.orderId
  switch (base.status) {
    case 'new':
    case 'precheck':
    case 'precheck_success':
      if (precheck?.kind === 'failed') return { kind: 'precheck-failed', orderId, reasons: precheck.reasons }
      return { kind: 'awaiting-precheck', orderId }
    case 'precheck_failed':
      return { kind: 'precheck-failed', orderId, reasons: precheck?.kind === 'failed' ? precheck.reasons : ['the DMS precheck failed'] }
    case 'toaudit':
      if (approval?.status === 'reject') return { kind: 'rejected', orderId, reasons: reasonsOf(approval) }
      if (approval?.status === 'cancel') return { kind: 'cancelled', orderId }
      if (approval?.status === 'approved') return { kind: 'approved', orderId }
      return { kind: 'awaiting-approval', orderId, node: currentNodeName(approval), handlers: handlerNames(approval) }
    case 'approved':
    case 'waiting':
      return { kind: 'approved', orderId }
    case 'reject':
      return { kind: 'rejected', orderId, reasons: reasonsOf(approval) }
    case 'cancel':
      return { kind: 'cancelled', orderId }
    case 'closed':
      return { kind: 'closed', orderId, reason: base.statusDesc || undefined }
    case 'processing':
      return { kind: 'executing', orderId }
    case 'success':
      return { kind: 'executed', orderId }
    case 'fail':
      return { kind: 'execution-failed', orderId, message: base.statusDesc || 'execution failed in DMS' }
    case 'unknown':
      return { kind: 'error', message: `DMS ticket ${orderId} has a status this Action does not know: ${JSON.stringify(base.statusCode)}` }
  }
}

/** Blocking failures first, then pending, then passing: the overall state is the most severe one. */
const SEVERITY: Record<GateState['kind'], number> = {
  error: 100,
  blocked: 97,
  'plan-failed': 95,
  'verify-failed': 93,
  'execution-failed': 90,
  'precheck-failed': 85,
  rejected: 80,
  cancelled: 75,
  closed: 70,
  'awaiting-maintainer': 50,
  planning: 45,
  'awaiting-precheck': 40,
  'awaiting-approval': 35,
  executing: 30,
  'awaiting-execution': 28,
  approved: 10,
  executed: 5,
  'no-changes': 0
}

/** The state of the whole gate: the most severe of its parts (green only when every part is). */
export function worstState(states: readonly GateState[]): GateState {
  if (states.length === 0) return { kind: 'no-changes' }
  return states.reduce((worst, s) => (SEVERITY[s.kind] > SEVERITY[worst.kind] ? s : worst))
}
