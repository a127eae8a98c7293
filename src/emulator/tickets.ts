// Ticket lifecycle as pure transitions over the state records (no I/O, time passed in):
//   new (precheck running → success | failed) ─SubmitOrderApproval→ toaudit ─approve every node→ approved
//   approved: AUTO → processing → success at once; COMMITOR / LAST_AUDITOR wait for ExecuteDataCorrect.
//   toaudit ─reject→ reject; new|toaudit|approved ─cancel→ cancel; any open state ─CloseOrder→ closed;
//   approved|processing ─fail (control API)→ fail.
import type {
  ApprovalNodeTemplate, EmulatorData, ExecMode, Order, OrderStatus, PermApply, Workflow
} from './state.js'

export class TransitionError extends Error {}

/** States in which a ticket can still move (CloseOrder and cancel apply). */
export const OPEN_STATUSES: readonly OrderStatus[] = ['new', 'toaudit', 'approved']
export const FINISHED_STATUSES: readonly OrderStatus[] = ['reject', 'cancel', 'success', 'fail', 'closed']

/** Applies what time alone decides: a finished precheck, a finished execution. Returns true when it changed. */
export function advance(order: Order, now: number): boolean {
  const p = order.proc
  if (!p) return false
  let changed = false
  if (p.precheck === 'running' && now >= p.precheckDoneAt && p.precheckOutcome) {
    p.precheck = p.precheckOutcome.ok ? 'success' : 'failed'
    order.modifiedAt = Math.max(order.modifiedAt, p.precheckDoneAt)
    changed = true
  }
  if (order.status === 'processing' && p.executionDoneAt !== undefined && now >= p.executionDoneAt) {
    order.status = 'success'
    order.modifiedAt = Math.max(order.modifiedAt, p.executionDoneAt)
    changed = true
  }
  return changed
}

/** What CreateProcCorrectOrder carries: the order's own fields plus its DC_PROC part, before precheck state. */
export type NewProcOrder = Pick<Order, 'comment' | 'committerId' | 'relatedUserIds' | 'attachmentKey'> &
  Omit<NonNullable<Order['proc']>, 'precheck' | 'precheckDoneAt' | 'precheckOutcome' | 'executionDoneAt'>

/** A new ticket with its precheck running; whoever decides the precheck sets proc.precheckOutcome. */
export function createProcOrder(data: EmulatorData, o: NewProcOrder, precheckDelayMs: number, now: number): Order {
  const { comment, committerId, relatedUserIds, attachmentKey, ...proc } = o
  const order: Order = {
    id: data.nextOrderId++, pluginType: 'DC_PROC', status: 'new', comment, committerId, relatedUserIds,
    createdAt: now, modifiedAt: now, attachmentKey,
    proc: { ...proc, precheck: 'running', precheckDoneAt: now + precheckDelayMs }
  }
  data.orders.push(order)
  return order
}

export interface NewPermOrder extends PermApply {
  comment: string
  committerId: number
}

/** A permission application, submitted for approval at once (as the console does). */
export function createPermOrder(data: EmulatorData, o: NewPermOrder, nodes: readonly ApprovalNodeTemplate[], now: number): Order {
  const { comment, committerId, ...perm } = o
  const order: Order = {
    id: data.nextOrderId++, pluginType: 'PERM_APPLY', status: 'toaudit', comment, committerId, relatedUserIds: [],
    createdAt: now, modifiedAt: now, perm
  }
  order.workflow = newWorkflow(data, committerId, nodes, now)
  data.orders.push(order)
  return order
}

function newWorkflow(data: EmulatorData, committerId: number, nodes: readonly ApprovalNodeTemplate[], now: number): Workflow {
  return {
    id: data.nextWorkflowId++,
    createdAt: now,
    nodes: [
      { name: 'Submit', userIds: [committerId], code: 'START', operatorId: committerId, time: now },
      ...nodes.map((n, i) => ({ name: n.name, userIds: [...n.userIds], code: i === 0 ? 'AUDITING' as const : 'WAITING' as const }))
    ]
  }
}

/** SubmitOrderApproval: only after the precheck passed, only once. */
export function submit(data: EmulatorData, order: Order, nodes: readonly ApprovalNodeTemplate[], now: number): void {
  const p = order.proc
  if (order.status !== 'new' || !p) throw new TransitionError(`The ticket ${order.id} cannot be submitted in status ${order.status}.`)
  if (p.precheck === 'running') throw new TransitionError(`The ticket ${order.id} has not finished its precheck yet.`)
  if (p.precheck === 'failed') throw new TransitionError(`The ticket ${order.id} failed its precheck and cannot be submitted.`)
  order.workflow = newWorkflow(data, order.committerId, nodes, now)
  order.status = 'toaudit'
  order.modifiedAt = now
}

function currentNode(order: Order) {
  return order.workflow?.nodes.find((n) => n.code === 'AUDITING')
}

/** Users who may act on the ticket's current approval node. */
export function currentHandlers(order: Order): number[] {
  return order.status === 'toaudit' ? currentNode(order)?.userIds ?? [] : []
}

/** Approves the current node as `approverId` (default: its first handler); the last node approves the ticket. */
export function approve(order: Order, approverId: number | undefined, comment: string, executeDelayMs: number, now: number): void {
  const node = currentNode(order)
  if (order.status !== 'toaudit' || !node || !order.workflow) {
    throw new TransitionError(`The ticket ${order.id} is not awaiting approval (status ${order.status}).`)
  }
  const who = approverId ?? node.userIds[0]
  if (!node.userIds.includes(who)) throw new TransitionError(`User ${who} is not an approver of node '${node.name}'.`)
  Object.assign(node, { code: 'APPROVED', operatorId: who, comment, time: now })
  order.modifiedAt = now
  const next = order.workflow.nodes.find((n) => n.code === 'WAITING')
  if (next) {
    next.code = 'AUDITING'
    return
  }
  order.status = 'approved'
  if (order.proc?.execMode === 'AUTO') startExecution(order, executeDelayMs, now)
}

export function reject(order: Order, approverId: number | undefined, comment: string, now: number): void {
  const node = currentNode(order)
  if (order.status !== 'toaudit' || !node) {
    throw new TransitionError(`The ticket ${order.id} is not awaiting approval (status ${order.status}).`)
  }
  const who = approverId ?? node.userIds[0]
  if (!node.userIds.includes(who)) throw new TransitionError(`User ${who} is not an approver of node '${node.name}'.`)
  Object.assign(node, { code: 'REJECT', operatorId: who, comment, time: now })
  order.status = 'reject'
  order.modifiedAt = now
}

/** The submitter withdraws the ticket. */
export function cancel(order: Order, comment: string, now: number): void {
  if (!OPEN_STATUSES.includes(order.status)) throw new TransitionError(`The ticket ${order.id} is already finished (${order.status}).`)
  const node = currentNode(order)
  if (node) Object.assign(node, { code: 'CANCEL', operatorId: order.committerId, comment, time: now })
  order.status = 'cancel'
  order.modifiedAt = now
}

export function close(order: Order, reason: string, now: number): void {
  if (!OPEN_STATUSES.includes(order.status)) throw new TransitionError(`The ticket ${order.id} is already finished (${order.status}) and cannot be closed.`)
  const node = currentNode(order)
  if (node) Object.assign(node, { code: 'CANCEL', operatorId: order.committerId, comment: reason, time: now })
  order.status = 'closed'
  order.closeReason = reason
  order.modifiedAt = now
}

/** ExecuteDataCorrect on an approved COMMITOR / LAST_AUDITOR ticket. */
export function execute(order: Order, executeDelayMs: number, now: number): void {
  if (!order.proc) throw new TransitionError(`The ticket ${order.id} is not a change ticket.`)
  if (order.status !== 'approved') throw new TransitionError(`The ticket ${order.id} cannot be executed in status ${order.status}.`)
  startExecution(order, executeDelayMs, now)
}

/** Control API: the execution failed (status `fail`, as ListOrders reports it). */
export function failExecution(order: Order, now: number): void {
  if (order.status !== 'processing' && order.status !== 'approved') {
    throw new TransitionError(`The ticket ${order.id} is not executing or approved (status ${order.status}).`)
  }
  order.status = 'fail'
  order.modifiedAt = now
  if (order.proc) order.proc.executionDoneAt = undefined
}

function startExecution(order: Order, executeDelayMs: number, now: number): void {
  order.status = 'processing'
  order.modifiedAt = now
  if (order.proc) order.proc.executionDoneAt = now + executeDelayMs
  advance(order, now)
}

/** Workflow-level code of GetApprovalDetail. */
export function workflowCode(order: Order): 'AUDITING' | 'APPROVED' | 'REJECT' | 'CANCEL' {
  if (order.status === 'toaudit') return 'AUDITING'
  if (order.status === 'reject') return 'REJECT'
  if (order.status === 'cancel' || order.status === 'closed') return 'CANCEL'
  return 'APPROVED'
}
