// I/O with DMS for one PR's tickets: list them by the PR's fingerprint prefix, close superseded ones, reuse or
// create the ticket of the current plan, wait (bounded) for its precheck, submit it, and read its state.
import type { DmsClient } from '../dms/client.js'
import { DmsError } from '../dms/errors.js'
import type { ApprovalDetail, CreateProcCorrectOrderInput, OrderBaseInfo, OrderSummary } from '../dms/types.js'
import type { GateState } from '../state/gate-state.js'
import type { Log } from '../action/context.js'
import { isOpenStatus, precheckOf, ticketGateState, type Precheck } from '../state/ticket-state.js'

export interface TicketRead {
  orderId: number
  base: OrderBaseInfo
  approval: ApprovalDetail | null
  state: GateState
}

/** Every ticket of this PR (any plan, any status), newest first. */
export async function listPullTickets(client: DmsClient, prefix: string): Promise<OrderSummary[]> {
  return client.findOrdersByFingerprint(prefix)
}

/** Closes this PR's open tickets whose fingerprint is not one of `keep`. Returns the ids closed. */
export async function closeSuperseded(client: DmsClient, tickets: readonly OrderSummary[], keep: readonly string[], reason: string, log: Log): Promise<number[]> {
  const closed: number[] = []
  for (const t of tickets) {
    if (!isOpenStatus(t.status) || keep.some(f => t.comment.includes(f))) continue
    try {
      await client.closeOrder(t.orderId, reason)
      closed.push(t.orderId)
      log.info(`Closed superseded DMS ticket ${t.orderId}: ${reason}`)
    } catch (e) {
      // already finished under us (approved-and-executed, cancelled…): nothing to close
      if (e instanceof DmsError && e.kind === 'business') log.warning(`Could not close DMS ticket ${t.orderId}: ${e.message}`)
      else throw e
    }
  }
  return closed
}

export type EnsureResult = { kind: 'found' | 'created'; orderId: number } | { kind: 'missing' }

/**
 * The ticket of `fingerprint`: an existing one (open first, newest first; a ticket closed by a supersede is not
 * reused), else a new one when allowed. createProcOrderOnce never makes two for one fingerprint on retries.
 */
export async function ensureTicket(
  client: DmsClient,
  tickets: readonly OrderSummary[],
  fingerprint: string,
  input: CreateProcCorrectOrderInput,
  allowCreate: boolean,
  log: Log,
  beforeCreate: () => Promise<void> = async () => undefined
): Promise<EnsureResult> {
  const mine = tickets.filter(t => t.comment.includes(fingerprint))
  const open = mine.find(t => isOpenStatus(t.status))
  const reusable = open ?? mine.find(t => t.status !== 'closed')
  if (reusable) {
    log.info(`Reusing DMS ticket ${reusable.orderId} (${reusable.statusCode}) for ${fingerprint}`)
    return { kind: 'found', orderId: reusable.orderId }
  }
  if (!allowCreate) return { kind: 'missing' }
  await beforeCreate()
  const r = await client.createProcOrderOnce(input, fingerprint)
  log.info(r.created ? `Created DMS ticket ${r.orderId} for ${fingerprint}` : `Found DMS ticket ${r.orderId} created by an earlier attempt`)
  return { kind: 'created', orderId: await settleRace(client, fingerprint, r.orderId, log) }
}

/**
 * Two runs racing on one plan (a push and a rerun) may both create a ticket: both then keep the oldest open one
 * and close the others, so the PR converges on one ticket whichever run finishes last.
 */
async function settleRace(client: DmsClient, fingerprint: string, mine: number, log: Log): Promise<number> {
  const open = (await client.findOrdersByFingerprint(fingerprint)).filter(t => isOpenStatus(t.status)).sort((a, b) => a.orderId - b.orderId)
  const keep = open[0]?.orderId ?? mine
  for (const t of open.slice(1)) {
    try {
      await client.closeOrder(t.orderId, `Duplicate of DMS ticket ${keep} (two runs created a ticket for the same plan)`)
      log.info(`Closed duplicate DMS ticket ${t.orderId}; keeping ${keep}`)
    } catch (e) {
      if (!(e instanceof DmsError && e.kind === 'business')) throw e
    }
  }
  return keep
}

export interface AdvanceOptions {
  /** How long to wait for a running precheck (0 = read once). */
  precheckWaitMs: number
  sleep: (ms: number) => Promise<void>
  now: () => number
  log: Log
}

async function readPrecheck(client: DmsClient, orderId: number): Promise<Precheck> {
  return precheckOf(await client.getDataCorrectOrderDetail(orderId))
}

/**
 * Reads a ticket's state and moves it along where the Action is the actor: a ticket whose precheck passed but
 * is not submitted yet gets SubmitOrderApproval (another run may have submitted it first: that is fine).
 */
export async function advanceTicket(client: DmsClient, orderId: number, o: AdvanceOptions): Promise<TicketRead> {
  let base = await client.getOrderBaseInfo(orderId)
  let precheck: Precheck | undefined
  if (base.status === 'new' || base.status === 'precheck' || base.status === 'precheck_success' || base.status === 'precheck_failed') {
    const deadline = o.now() + o.precheckWaitMs
    let delay = 250
    precheck = await readPrecheck(client, orderId)
    while (precheck.kind === 'running' && o.now() + delay <= deadline) {
      await o.sleep(delay)
      delay = Math.min(delay * 2, 5000)
      precheck = await readPrecheck(client, orderId)
    }
    if (precheck.kind === 'passed' && base.status !== 'precheck_failed') {
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
  return { orderId, base, approval, state: ticketGateState(base, approval, precheck) }
}
