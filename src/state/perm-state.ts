// Pure: a permission ticket's verdict (src/perm) → the GateState it contributes to the PR gate.
import type { GateState } from './gate-state.js'
import type { PermOrderState } from '../perm/gate.js'

export function permGateState(p: PermOrderState): GateState {
  const orderId = p.orderId
  switch (p.verdict) {
    case 'approved':
      return { kind: 'approved', orderId }
    case 'pending': {
      const node = p.approval?.nodes.find(n => n.status === 'auditing')
      const handlers = p.approval?.currentHandlers.map(h => h.nickName).filter(n => n !== '') ?? []
      return { kind: 'awaiting-approval', orderId, node: node?.name || 'permission approval', handlers: handlers.length > 0 ? handlers : node?.auditors ?? [] }
    }
    case 'rejected':
      return { kind: 'rejected', orderId, reasons: [p.reason, ...(p.approval?.reasons ?? [])] }
    case 'refused':
      return { kind: 'error', message: `permission ticket ${orderId} refused: ${p.reason}` }
    case 'unavailable':
      // DMS could not be asked: keep blocking (pending) rather than failing; the next refresh asks again
      return { kind: 'awaiting-approval', orderId, node: 'DMS unreachable, will retry', handlers: [] }
  }
}
