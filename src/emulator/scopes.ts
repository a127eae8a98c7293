// ListOrders `OrderResultType`: which tickets a caller sees. Follows the ListOrders doc (help.aliyun.com
// "ListOrders - 获取工单列表信息", document_detail/144643): absent = AS_COMMITTER ("我发起的工单"); AS_ADMIN =
// the ticket dashboard and "需要角色是管理员" (needs the admin role); AS_HANDLER = waiting for me; AS_OWNER =
// processed by me; AS_Related = related to me. What AS_ADMIN does for a caller without the role is not documented:
// `asAdminWithoutRole` chooses (docs/dms-api.md, ListOrders).
import { business } from './errors.js'
import type { AsAdminWithoutRole, Caller, Order } from './state.js'
import { currentHandlers } from './tickets.js'

export const ORDER_RESULT_TYPES = ['AS_ADMIN', 'AS_COMMITTER', 'AS_HANDLER', 'AS_OWNER', 'AS_Related'] as const
export type OrderResultType = (typeof ORDER_RESULT_TYPES)[number]

/** The scope the request gets: the documented default, and AS_ADMIN only for admins. */
export function effectiveScope(requested: OrderResultType | undefined, caller: Caller, withoutRole: AsAdminWithoutRole): OrderResultType {
  if (requested === undefined) return 'AS_COMMITTER'
  if (requested === 'AS_ADMIN' && caller.role !== 'admin') {
    if (withoutRole === 'refuse') throw business.noPermission('list all tickets (OrderResultType AS_ADMIN needs the DMS administrator role)')
    return 'AS_COMMITTER'
  }
  return requested
}

/** The user who must act next on an approved ticket that waits for ExecuteDataCorrect (CreateProcCorrectOrder doc, ExecMode). */
export function executor(order: Order): number | undefined {
  if (order.status !== 'approved' || !order.proc) return undefined
  if (order.proc.execMode === 'COMMITOR') return order.committerId
  if (order.proc.execMode === 'LAST_AUDITOR') return lastApprover(order)
  return undefined
}

/** Who approved the last approval node (the "last auditor"). */
export function lastApprover(order: Order): number | undefined {
  const nodes = order.workflow?.nodes ?? []
  const last = nodes[nodes.length - 1]
  return last && last.code === 'APPROVED' && nodes.length > 1 ? last.operatorId : undefined
}

/** Whether `order` is in `scope` for the user `me`. */
export function inScope(order: Order, scope: OrderResultType, me: number): boolean {
  switch (scope) {
    case 'AS_ADMIN':
      return true
    case 'AS_COMMITTER':
      return order.committerId === me
    case 'AS_HANDLER':
      // Waiting for me: my approval node, or (our reading) my execution of an approved ticket.
      return currentHandlers(order).includes(me) || executor(order) === me
    case 'AS_OWNER':
      // Processed by me: an approval node I approved or rejected (the submit node is not processing).
      return (order.workflow?.nodes ?? []).some((n, i) => i > 0 && n.operatorId === me && (n.code === 'APPROVED' || n.code === 'REJECT'))
    case 'AS_Related':
      return order.relatedUserIds.includes(me)
  }
}
