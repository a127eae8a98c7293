// The gate's own DMS tickets, read once per run: ListOrders with OrderResultType=AS_COMMITTER (documented as "the
// tickets the caller submitted"), PluginType=DC_PROC, every status, created within a window, paged until TotalCount.
// This, not SearchContent (documented only as "search content"), is how the gate finds its tickets, so nothing
// depends on how DMS searches comments. Tickets of another DMS identity (another RAM user, a rotated role) are not
// listed and so are never reused, closed or executed: the gate opens its own. See docs/dms-api.md and docs/security.md.
import type { DmsClient } from '../dms/client.js'
import type { OrderSummary } from '../dms/types.js'
import { ofPull, parseIdentity, samePlan, sameIdentity, type TicketIdentity } from './identity.js'

export interface OwnTicket extends OrderSummary {
  identity: TicketIdentity
}

export const DEFAULT_WINDOW_DAYS = 90
export const PAGE_SIZE = 100
/** 100 pages of 100: a run that has to read more tickets than this asks for a shorter window. */
export const MAX_PAGES = 100

export interface BookOptions {
  windowDays: number
  now: Date
  log?: (line: string) => void
}

export class TicketBook {
  private readonly list: OwnTicket[]

  constructor(
    tickets: readonly OwnTicket[],
    /** tickets listed in all (with or without an identity), for the log */
    readonly scanned: number
  ) {
    this.list = [...tickets].sort((a, b) => b.orderId - a.orderId)
  }

  /** Newest first. */
  all(): readonly OwnTicket[] {
    return this.list
  }

  ofPull(repo: string, pull: number): OwnTicket[] {
    return this.list.filter(t => ofPull(t.identity, repo, pull))
  }

  /** Tickets carrying exactly this identity (this PR, target and plan). */
  withIdentity(id: TicketIdentity): OwnTicket[] {
    return this.list.filter(t => sameIdentity(t.identity, id))
  }

  /** Tickets of this repository, target and plan, opened by any PR. */
  withPlan(id: TicketIdentity): OwnTicket[] {
    return this.list.filter(t => samePlan(t.identity, id))
  }

  byId(orderId: number): OwnTicket | undefined {
    return this.list.find(t => t.orderId === orderId)
  }

  /** Records a ticket created in this run (DMS lists it only on the next ListOrders). */
  add(t: OwnTicket): void {
    if (this.byId(t.orderId) !== undefined) return
    this.list.push(t)
    this.list.sort((a, b) => b.orderId - a.orderId)
  }

  /** Records a status change made in this run (a close, a submit). */
  setStatus(orderId: number, status: OwnTicket['status'], statusCode: string): void {
    const t = this.byId(orderId)
    if (t !== undefined) {
      t.status = status
      t.statusCode = statusCode
    }
  }
}

/** Reads every DC_PROC ticket the caller submitted in the window and keeps those with a gate identity. */
export async function readTicketBook(client: DmsClient, o: BookOptions): Promise<TicketBook> {
  const day = 86_400_000
  const start = new Date(o.now.getTime() - o.windowDays * day)
  // One day of slack at the end, for clock skew between the runner and DMS.
  const end = new Date(o.now.getTime() + day)
  const found: OwnTicket[] = []
  const committers = new Set<number>()
  let scanned = 0
  for (let page = 1; ; page++) {
    if (page > MAX_PAGES) {
      throw new Error(`ListOrders: the gate's DMS identity submitted more than ${MAX_PAGES * PAGE_SIZE} tickets in ${o.windowDays} days; ` +
        'set a shorter ticket-window-days')
    }
    const res = await client.listOrders({
      orderResultType: 'AS_COMMITTER',
      pluginType: 'DC_PROC',
      orderStatus: 'ALL',
      searchDateType: 'CREATE_TIME',
      startTime: start, // sent as UTC+8 wall-clock time, as DMS reads it (dms/params.ts)
      endTime: end,
      pageNumber: page,
      pageSize: PAGE_SIZE
    })
    scanned += res.orders.length
    for (const order of res.orders) {
      if (order.committerId !== null) committers.add(order.committerId)
      const identity = parseIdentity(order.comment)
      if (identity !== null) found.push({ ...order, identity })
    }
    if (res.orders.length === 0 || scanned >= res.totalCount) break
  }
  // AS_COMMITTER means "submitted by the caller": one committer at most. Anything else means DMS widened the scope
  // (e.g. an admin view), and then no ticket here can be trusted to be the gate's own.
  if (committers.size > 1) {
    throw new Error(`ListOrders with OrderResultType=AS_COMMITTER returned tickets of ${committers.size} committers ` +
      `(${[...committers].join(', ')}); the gate cannot tell its own tickets apart and trusts none of them`)
  }
  o.log?.(`DMS: ${scanned} DC_PROC tickets of this identity in the last ${o.windowDays} days, ${found.length} with a gate identity`)
  return new TicketBook(found, scanned)
}
