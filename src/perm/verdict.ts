// Pure: what a permission ticket's DMS state means for the gate.
import { permKinds } from '../dms/normalize.js'
import type { ApprovalDetail, OrderBaseInfo } from '../dms/types.js'

export type PermVerdict =
  | 'approved' // DMS approved it (or already granted): this ticket no longer blocks
  | 'pending' // waiting for approval (or processing)
  | 'rejected' // rejected, cancelled, closed or failed: blocks until the PR names another ticket
  | 'refused' // not a PERM_APPLY ticket, or DMS will not show it to us (other tenant, unknown id)
  | 'unavailable' // DMS could not be asked (network, throttling, 5xx): retry later

export const PERM_APPLY = 'PERM_APPLY'

/** Why the ticket is not a permission application, or null when it is. */
export function notPermApplyReason(orderId: number, base: Pick<OrderBaseInfo, 'pluginType'>, approval?: Pick<ApprovalDetail, 'orderType'> | null): string | null {
  const plugin = base.pluginType.trim().toUpperCase()
  if (plugin !== '' && plugin !== PERM_APPLY) {
    return `ticket ${orderId} is a ${base.pluginType} ticket, not a permission application (${PERM_APPLY})`
  }
  const type = approval?.orderType.trim().toUpperCase() ?? ''
  if (type !== '' && type !== PERM_APPLY) return `ticket ${orderId}'s approval is for a ${approval!.orderType} ticket, not a permission application (${PERM_APPLY})`
  if (plugin === '' && type === '') return `DMS did not say what kind of ticket ${orderId} is; only ${PERM_APPLY} tickets can gate a PR`
  return null
}

/** The verdict from the ticket's status and (when submitted) its approval workflow. */
export function permVerdict(base: Pick<OrderBaseInfo, 'status' | 'statusCode'>, approval?: Pick<ApprovalDetail, 'status'> | null): { verdict: PermVerdict; reason: string } {
  const wf = approval?.status
  switch (base.status) {
    case 'reject':
      return { verdict: 'rejected', reason: 'rejected in DMS' }
    case 'cancel':
      return { verdict: 'rejected', reason: 'cancelled in DMS' }
    case 'closed':
      return { verdict: 'rejected', reason: 'closed in DMS' }
    case 'fail':
    case 'precheck_failed':
      return { verdict: 'rejected', reason: `failed in DMS (${base.statusCode})` }
    case 'approved':
    case 'success':
      return { verdict: 'approved', reason: 'approved in DMS' }
    default:
      break
  }
  if (wf === 'reject') return { verdict: 'rejected', reason: 'rejected in the DMS approval workflow' }
  if (wf === 'cancel') return { verdict: 'rejected', reason: 'cancelled in the DMS approval workflow' }
  if (wf === 'approved') return { verdict: 'approved', reason: 'approved in the DMS approval workflow' }
  return { verdict: 'pending', reason: base.status === 'toaudit' || wf === 'auditing' ? 'waiting for approval' : `waiting (${base.statusCode || 'unknown status'})` }
}

const RANK: Record<PermVerdict, number> = { refused: 4, rejected: 3, unavailable: 2, pending: 1, approved: 0 }

/** The gate over all tickets: approved only when every one is (and trivially when there are none). */
export function overallVerdict(verdicts: readonly PermVerdict[]): PermVerdict {
  return verdicts.reduce<PermVerdict>((worst, v) => (RANK[v] > RANK[worst] ? v : worst), 'approved')
}

/** PermType by name: `query + export (3)`. The GetPermApplyOrderDetail model documents 1 query, 2 export, 4 change,
 *  8 logon and their sums; anything else is shown raw. */
export function describePermType(permType: number | null): string {
  if (permType === null) return 'unknown'
  const kinds = permKinds(permType)
  return kinds.length > 0 ? `${kinds.join(' + ')} (${permType})` : `${permType} (not a documented PermType)`
}

export function describeDuration(seconds: number | null): string {
  if (seconds === null) return 'unknown'
  if (seconds % 86400 === 0) return `${seconds / 86400} day${seconds === 86400 ? '' : 's'}`
  if (seconds % 3600 === 0) return `${seconds / 3600} hour${seconds === 3600 ? '' : 's'}`
  return `${seconds} seconds`
}
