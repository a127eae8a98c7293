// I/O with DMS for single tickets: create one exactly once, read it back (state, precheck, content), submit it for
// approval when the Action is the actor, and close it. Which tickets to read or close is decided in evaluate.ts.
import type { DmsClient } from '../dms/client.js'
import { DmsError } from '../dms/errors.js'
import type { ApprovalDetail, CreateProcCorrectOrderInput, DataCorrectOrderDetail, OrderBaseInfo } from '../dms/types.js'
import type { GateState } from '../state/gate-state.js'
import { isOpenStatus, precheckOf, ticketGateState, type Precheck } from '../state/ticket-state.js'
import type { Log } from '../action/context.js'
import { readTicketBook, type OwnTicket, type TicketBook } from './book.js'
import type { ContentCheck } from './content.js'
import { sameIdentity, type TicketIdentity } from './identity.js'

export interface TicketRead {
  orderId: number
  base: OrderBaseInfo
  detail: DataCorrectOrderDetail
  approval: ApprovalDetail | null
  state: GateState
}

export type ReadResult = { kind: 'read'; ticket: TicketRead } | { kind: 'mismatch'; orderId: number; detail: string; base: OrderBaseInfo }

export interface ReadOptions {
  /** How long to wait for a running precheck (0 = read once). */
  precheckWaitMs: number
  /** SubmitOrderApproval once the precheck passed (the Action is the submitter); false: only read. */
  submit: boolean
  /** The content check: a ticket that fails it is neither submitted nor trusted. */
  verify: (detail: DataCorrectOrderDetail) => ContentCheck
  sleep: (ms: number) => Promise<void>
  now: () => number
  log: Log
}

const BEFORE_SUBMISSION = new Set(['new', 'precheck', 'precheck_success', 'precheck_failed'])

/**
 * GetOrderBaseInfo + GetDataCorrectOrderDetail (+ GetApprovalDetail once submitted): three calls for a ticket in
 * approval. The content is checked before anything else is done with the ticket.
 */
export async function readTicket(client: DmsClient, orderId: number, o: ReadOptions): Promise<ReadResult> {
  let base = await client.getOrderBaseInfo(orderId)
  let detail = await client.getDataCorrectOrderDetail(orderId)
  const content = o.verify(detail)
  if (!content.ok) return { kind: 'mismatch', orderId, detail: content.detail, base }
  let precheck: Precheck | undefined
  if (BEFORE_SUBMISSION.has(base.status)) {
    const deadline = o.now() + o.precheckWaitMs
    let delay = 250
    precheck = precheckOf(detail)
    while (precheck.kind === 'running' && o.now() + delay <= deadline) {
      await o.sleep(delay)
      delay = Math.min(delay * 2, 5000)
      detail = await client.getDataCorrectOrderDetail(orderId)
      precheck = precheckOf(detail)
    }
    if (o.submit && precheck.kind === 'passed' && base.status !== 'precheck_failed') {
      try {
        await client.submitOrderApproval(orderId)
        o.log.info(`Submitted DMS ticket ${orderId} for approval`)
      } catch (e) {
        if (!(e instanceof DmsError && e.kind === 'business')) throw e
        o.log.debug(`SubmitOrderApproval ${orderId}: ${e.message} (submitted by another run?)`)
      }
      base = await client.getOrderBaseInfo(orderId)
    }
  }
  const approval = base.workflowInstanceId !== null ? await client.getApprovalDetail(base.workflowInstanceId) : null
  return { kind: 'read', ticket: { orderId, base, detail, approval, state: ticketGateState(base, approval, precheck) } }
}

/** Closes a ticket; false when DMS refuses because it already finished (executed, cancelled…). */
export async function closeTicket(client: DmsClient, book: TicketBook, orderId: number, reason: string, log: Log): Promise<boolean> {
  try {
    await client.closeOrder(orderId, reason)
    book.setStatus(orderId, 'closed', 'closed')
    log.info(`Closed DMS ticket ${orderId}: ${reason}`)
    return true
  } catch (e) {
    if (e instanceof DmsError && e.kind === 'business') {
      log.warning(`Could not close DMS ticket ${orderId}: ${e.message}`)
      return false
    }
    throw e
  }
}

/** The gate's tickets created in the last day that carry `identity` (a short listing: one page in practice). */
async function recentWithIdentity(client: DmsClient, identity: TicketIdentity, now: Date): Promise<OwnTicket[]> {
  const book = await readTicketBook(client, { windowDays: 1, now })
  return book.withIdentity(identity)
}

export interface CreateOptions {
  now: () => Date
  log: Log
}

/**
 * Creates the ticket for `identity` once. A retried create first looks for the ticket a lost answer may have
 * created (client.createProcOrderOnce); two runs racing on one plan both keep the oldest open ticket and close the
 * others, so the PR converges on one ticket whichever run finishes last.
 */
export async function createTicketOnce(
  client: DmsClient,
  book: TicketBook,
  identity: TicketIdentity,
  input: CreateProcCorrectOrderInput,
  o: CreateOptions
): Promise<number> {
  const r = await client.createProcOrderOnce(input, async () => (await recentWithIdentity(client, identity, o.now()))[0]?.orderId)
  o.log.info(r.created ? `Created DMS ticket ${r.orderId}` : `Found DMS ticket ${r.orderId} created by an earlier attempt`)
  const open = (await recentWithIdentity(client, identity, o.now())).filter(t => isOpenStatus(t.status))
  for (const t of open) book.add(t)
  if (book.byId(r.orderId) === undefined) {
    // not listed yet (DMS may index a new ticket with a delay): remember it as created
    const base = await client.getOrderBaseInfo(r.orderId)
    book.add({ ...base, identity })
  }
  const sorted = open.filter(t => sameIdentity(t.identity, identity)).map(t => t.orderId).sort((a, b) => a - b)
  const keep = sorted[0] ?? r.orderId
  for (const id of sorted.slice(1)) {
    await closeTicket(client, book, id, `Duplicate of DMS ticket ${keep} (two runs created a ticket for the same plan)`, o.log)
  }
  return keep
}
