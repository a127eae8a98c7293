// A planned PR + DMS → one Evaluation: per target, the gate's own ticket that holds exactly the current plan (read
// back from DMS and compared), created when allowed; every other open ticket of the PR closed; permission tickets;
// and the state of the whole gate. The rule (docs/security.md): green only when every target's plan is empty or has
// a ticket of the gate's identity whose SQL and databases in DMS equal the plan and which DMS says is approved now.
import { createHash } from 'node:crypto'
import type { DmsClient } from '../dms/client.js'
import { resolveDatabase } from '../dms/resolve-database.js'
import { databaseSelector, describeDatabaseSpec } from '../config/database.js'
import type { ApprovalDetail, CreateProcCorrectOrderInput, DbItem } from '../dms/types.js'
import type { GateState } from '../state/gate-state.js'
import { readPermGate, type PermGate, type PermOrderState } from '../perm/index.js'
import type { Plan } from '../sql/types.js'
import type { GateContext } from '../action/context.js'
import { permGateState } from '../state/perm-state.js'
import type { PlannedChange, PlannedTarget } from '../plan/plan-pull.js'
import { isOpenStatus, worstState } from '../state/ticket-state.js'
import type { OwnTicket, TicketBook } from './book.js'
import { checkContent, type PlanContent } from './content.js'
import { identityHeader, planHashOf, type TicketIdentity } from './identity.js'
import { closeTicket, createTicketOnce, readTicket, type ReadResult, type TicketRead } from './lifecycle.js'

export interface TargetResult {
  name: string
  /** how the target names its database, for display */
  database: string
  plan: Plan
  dbItems: DbItem[]
  planHash: string
  identity: TicketIdentity | null
  ticket: TicketRead | null
  state: GateState
}

export interface Evaluation {
  planned: PlannedChange
  targets: TargetResult[]
  perm: PermGate | null
  state: GateState
  /** PR-level plan hash (one target: its hash) */
  planHash: string
  /** tickets closed in this run, and why */
  closed: Array<{ orderId: number; reason: string }>
  notes: string[]
}

export interface EvaluateOptions {
  /** false on scheduled refreshes: never open tickets nobody asked for */
  allowCreate: boolean
  /** close this PR's open tickets that do not hold the current plan */
  closeSuperseded: boolean
  /**
   * Whether the PR may have tickets although nothing is planned now (a revert, a reformat, an earlier report):
   * then its tickets are listed and closed even with an empty plan. Asked only for an empty plan; false skips DMS
   * entirely for PRs that never had routine changes.
   */
  mayHaveTickets: () => Promise<boolean>
  /** the state of a target without a ticket when creating is not allowed (default: an error asking for a push) */
  missing?: (target: string) => GateState
  /** SubmitOrderApproval for tickets whose precheck passed (the Action is their submitter) */
  submit?: boolean
  /** called once, just before the first new ticket is created (the run then shows an in-progress check) */
  beforeCreate?: () => Promise<void>
}


export function hasChanges(t: PlannedTarget): boolean {
  return t.plan.objects.length > 0
}

/** The gate when the plan itself decides it (errors, an incomplete file list, nothing to deploy); else undefined. */
export function stateWithoutDms(planned: PlannedChange): GateState | undefined {
  if (planned.incomplete !== null) return { kind: 'error', message: planned.incomplete }
  if (planned.errors.length > 0) return { kind: 'plan-failed', findings: planned.errors }
  const v = planned.verification
  if (v !== undefined && !v.ok) return { kind: 'verify-failed', step: v.step, message: v.message, ...(v.server !== undefined ? { server: v.server } : {}) }
  if (!planned.targets.some(hasChanges) && planned.permRefs.length === 0) return { kind: 'no-changes' }
  return undefined
}

/** The PR a change belongs to, when it has one. */
export function pullOf(planned: PlannedChange): { number: number; title: string; headSha: string } | undefined {
  return planned.subject.pull
}

/** The ticket comment: the identity header first (the only part ever parsed), then text for people. */
export function ticketComment(ctx: GateContext, identity: TicketIdentity, planned: PlannedChange, target: string, extra: readonly string[] = []): string {
  const p = pullOf(planned)
  const title = (p?.title ?? '').replace(/\s+/g, ' ').trim().slice(0, 120)
  const lines = [
    identityHeader(identity),
    `GitHub PR ${ctx.repoFullName}#${identity.pull}${title !== '' ? `: ${title}` : ''}`,
    `Head ${planned.headSha.slice(0, 12)}, target ${target}.`,
    ...extra
  ]
  return lines.join('\n')
}

/** A stable digest of everything the report shows from DMS: unchanged digest = nothing to write. */
export function digestOf(tickets: ReadonlyArray<{ state: GateState; approval: ApprovalDetail | null; statusCode: string }>, perm: readonly PermOrderState[]): string {
  const view = {
    t: tickets.map(t => ({
      s: t.state,
      c: t.statusCode,
      n: t.approval?.nodes.map(n => [n.name, n.status, n.comment, n.auditors]) ?? null,
      h: t.approval?.currentHandlers.map(h => h.nickName) ?? null
    })),
    p: perm.map(p => [p.orderId, p.verdict, p.reason, p.approval?.nodes.map(n => [n.name, n.status]) ?? null])
  }
  return createHash('sha256').update(JSON.stringify(view)).digest('hex').slice(0, 16)
}

export function evaluationDigest(ev: Evaluation): string {
  return digestOf(
    ev.targets.filter(t => t.ticket !== null).map(t => ({ state: t.state, approval: t.ticket!.approval, statusCode: t.ticket!.base.statusCode })),
    ev.perm?.orders ?? []
  )
}

export function combinedHashOf(hashes: readonly string[]): string {
  if (hashes.length === 0) return ''
  return hashes.length === 1 ? hashes[0]! : createHash('sha256').update([...hashes].sort().join(',')).digest('hex')
}

/** The whole gate: the worst of every target's state and every permission ticket's. */
export function overall(targets: readonly TargetResult[], perm: PermGate | null): GateState {
  return worstState([...targets.map(t => t.state), ...(perm?.orders.map(permGateState) ?? [])])
}

/** The permission tickets the change's description lists, read from DMS; null when it lists none. */
export async function readPermsOf(client: DmsClient, planned: PlannedChange): Promise<PermGate | null> {
  return planned.permRefs.length > 0 ? await readPermGate(client, planned.permRefs) : null
}

/** Evaluation with no ticket involved (plan errors, nothing to deploy, or a fork run without credentials). */
export function evaluateWithoutDms(planned: PlannedChange, state: GateState, closed: Evaluation['closed'] = []): Evaluation {
  const targets: TargetResult[] = planned.targets.filter(hasChanges).map(t => ({
    name: t.target.name,
    database: describeDatabaseSpec(t.target.database),
    plan: t.plan,
    dbItems: [],
    planHash: planHashOf(t.plan.execSql, t.plan.rollbackSql, []),
    identity: null,
    ticket: null,
    state
  }))
  return { planned, targets, perm: null, state, planHash: combinedHashOf(targets.map(t => t.planHash)), closed, notes: [...planned.notes] }
}

/** The statuses a ticket of the current plan is reused in, best first: open, then finished ones that still speak. */
function preference(t: OwnTicket): number {
  if (isOpenStatus(t.status) || t.status === 'processing') return 0
  if (t.status === 'success') return 1
  if (t.status === 'reject' || t.status === 'fail') return 2
  return 9 // closed, cancelled, unknown: never reused
}

export interface Prepared {
  t: PlannedTarget
  dbItems: DbItem[]
  planHash: string
  identity: TicketIdentity
  content: PlanContent
}

/** Resolves each changed target's database and computes its identity. */
export async function prepareTargets(ctx: GateContext, client: DmsClient, planned: PlannedChange, pull: number): Promise<Prepared[]> {
  const out: Prepared[] = []
  for (const t of planned.targets.filter(hasChanges)) {
    const db = await resolveDatabase(client, databaseSelector(t.target.database), {
      inputName: t.target.source.kind === 'config' ? `${t.target.source.file}:${t.target.source.line} target '${t.target.name}'` : 'database'
    })
    const dbItems: DbItem[] = [{ dbId: db.dbId, logic: db.logic }]
    const planHash = planHashOf(t.plan.execSql, t.plan.rollbackSql, dbItems)
    out.push({
      t,
      dbItems,
      planHash,
      identity: { repo: ctx.repoFullName.toLowerCase(), pull, target: t.target.name, planHash },
      content: { execSql: t.plan.execSql, rollbackSql: t.plan.rollbackSql, dbItems }
    })
  }
  return out
}

/** What a target's result shows whichever ticket (if any) holds its plan. */
export function targetFields(p: Prepared): Pick<TargetResult, 'name' | 'database' | 'plan' | 'dbItems' | 'planHash'> {
  return { name: p.t.target.name, database: describeDatabaseSpec(p.t.target.database), plan: p.t.plan, dbItems: p.dbItems, planHash: p.planHash }
}

/** Reads one ticket and checks that DMS holds exactly `content` (tickets/lifecycle.ts readTicket, with the run's clock). */
export async function readAgainst(
  ctx: GateContext,
  client: DmsClient,
  orderId: number,
  content: PlanContent,
  o: { submit: boolean; precheckWaitMs: number }
): Promise<ReadResult> {
  return readTicket(client, orderId, {
    precheckWaitMs: o.precheckWaitMs,
    submit: o.submit,
    verify: d => checkContent(d, content),
    sleep: ctx.sleep,
    now: () => ctx.now().getTime(),
    log: ctx.log
  })
}

type Chosen = { kind: 'ticket'; read: TicketRead } | { kind: 'none'; state: GateState }

/** The first candidate whose content DMS confirms; mismatching ones are reported (and closed by the caller). */
async function firstVerified(
  ctx: GateContext,
  client: DmsClient,
  p: Prepared,
  candidates: readonly OwnTicket[],
  o: { submit: boolean; precheckWaitMs: number },
  mismatched: Array<{ orderId: number; detail: string }>
): Promise<TicketRead | undefined> {
  for (const c of candidates) {
    const r = await readAgainst(ctx, client, c.orderId, p.content, o)
    if (r.kind === 'read') return r.ticket
    ctx.log.warning(`DMS ticket ${r.orderId} carries the identity of target '${p.t.target.name}' but ${r.detail}: not trusted`)
    mismatched.push({ orderId: r.orderId, detail: r.detail })
  }
  return undefined
}

async function chooseTicket(
  ctx: GateContext,
  client: DmsClient,
  book: TicketBook,
  planned: PlannedChange,
  p: Prepared,
  o: EvaluateOptions,
  announce: () => Promise<void>,
  mismatched: Array<{ orderId: number; detail: string }>
): Promise<Chosen> {
  // A closed or cancelled ticket of this plan is never reused by a run that may open a new one; a run that may not
  // (a refresh) shows it, so a withdrawn approval turns the check red instead of quietly starting over.
  const candidates = book
    .withIdentity(p.identity)
    .filter(t => preference(t) < 9 || !o.allowCreate)
    .sort((a, b) => preference(a) - preference(b) || b.orderId - a.orderId)
  const submit = o.submit ?? true
  const found = await firstVerified(ctx, client, p, candidates, { submit, precheckWaitMs: Math.min(ctx.precheckWaitMs, 2000) }, mismatched)
  if (found !== undefined) {
    ctx.log.info(`Target '${p.t.target.name}': DMS ticket ${found.orderId} holds this plan (${found.base.statusCode})`)
    return { kind: 'ticket', read: found }
  }
  const firstMismatch = mismatched.find(m => candidates.some(c => c.orderId === m.orderId))
  if (!o.allowCreate) {
    if (firstMismatch !== undefined) return { kind: 'none', state: { kind: 'blocked', block: { cause: 'ticket-mismatch', orderId: firstMismatch.orderId, detail: firstMismatch.detail } } }
    const missing = o.missing?.(p.t.target.name)
    return { kind: 'none', state: missing ?? { kind: 'error', message: `no DMS ticket holds the current plan of target '${p.t.target.name}'; push again or comment /dms-refresh` } }
  }
  await announce()
  const verified = planned.verification?.ok === true ? [planned.verification.summary] : []
  const input: CreateProcCorrectOrderInput = {
    comment: ticketComment(ctx, p.identity, planned, p.t.target.name, verified),
    dbItems: p.dbItems,
    execSql: p.t.plan.execSql,
    rollbackSql: p.t.plan.rollbackSql,
    execMode: p.t.target.execMode
  }
  if (p.t.target.classify !== '') input.classify = p.t.target.classify
  if (p.t.target.relatedUsers.length > 0) input.relatedUserIds = p.t.target.relatedUsers
  const id = await createTicketOnce(client, book, p.identity, input, { now: ctx.now, log: ctx.log })
  const created = await firstVerified(ctx, client, p, [book.byId(id)!], { submit, precheckWaitMs: ctx.precheckWaitMs }, mismatched)
  if (created !== undefined) return { kind: 'ticket', read: created }
  // DMS holds something else than what was just sent: creating again would loop. Fail closed and say so.
  const m = mismatched[mismatched.length - 1]!
  return { kind: 'none', state: { kind: 'blocked', block: { cause: 'ticket-mismatch', orderId: m.orderId, detail: `${m.detail} right after the gate created it` } } }
}

/** `f` at most once (the in-progress check before the first ticket is created). */
function once(f: (() => Promise<void>) | undefined): () => Promise<void> {
  let done = false
  return async () => {
    if (done || f === undefined) return
    done = true
    await f()
  }
}

/** Closes the PR's open tickets that are not in `keep`; returns what was closed. */
export async function closeOthers(ctx: GateContext, pull: number, keep: ReadonlySet<number>, reason: string): Promise<Evaluation['closed']> {
  const client = await ctx.dms()
  const book = await ctx.book()
  const closed: Evaluation['closed'] = []
  for (const t of book.ofPull(ctx.repoFullName, pull)) {
    if (!isOpenStatus(t.status) || keep.has(t.orderId)) continue
    if (await closeTicket(client, book, t.orderId, reason, ctx.log)) closed.push({ orderId: t.orderId, reason })
  }
  return closed
}

export async function evaluate(ctx: GateContext, planned: PlannedChange, o: EvaluateOptions): Promise<Evaluation> {
  const pull = pullOf(planned)
  if (pull === undefined) throw new Error('evaluate() needs a PR; merge groups and merge commits are judged in tickets/judge.ts')
  const early = stateWithoutDms(planned)
  const reasonFor = (why: string): string => `Superseded: PR ${ctx.repoFullName}#${pull.number} ${why} at head ${planned.headSha}`
  if (early !== undefined) {
    // an incomplete file list says nothing about the plan: leave tickets alone
    if (early.kind === 'error' || !o.closeSuperseded || !(await o.mayHaveTickets())) return evaluateWithoutDms(planned, early)
    const why = early.kind === 'no-changes' ? 'deploys no routine change any more' : early.kind === 'verify-failed' ? 'failed verification' : 'has SQL errors'
    const closed = await closeOthers(ctx, pull.number, new Set(), reasonFor(why))
    return evaluateWithoutDms(planned, early, closed)
  }
  const client = await ctx.dms()
  const notes = [...planned.notes]
  const prepared = await prepareTargets(ctx, client, planned, pull.number)

  let closed: Evaluation['closed'] = []
  const targets: TargetResult[] = []
  const announce = once(o.beforeCreate)
  const mismatched: Array<{ orderId: number; detail: string }> = []
  for (const p of prepared) {
    const book = await ctx.book()
    const chosen = await chooseTicket(ctx, client, book, planned, p, o, announce, mismatched)
    const base = { ...targetFields(p), identity: p.identity }
    targets.push(chosen.kind === 'ticket' ? { ...base, ticket: chosen.read, state: chosen.read.state } : { ...base, ticket: null, state: chosen.state })
  }
  for (const m of mismatched) notes.push(`DMS ticket ${m.orderId} named this PR's plan but ${m.detail}; it is not trusted.`)
  // verified now, or when the ticket was created (its comment says so): the DBA sees the same line in DMS
  const v = planned.verification
  const verifiedLines = v?.ok === true ? [v.summary] : targets.flatMap(t => (t.ticket !== null ? /^Verified on .*$/m.exec(t.ticket.base.comment)?.[0] ?? [] : []))
  notes.push(...new Set(verifiedLines))
  if (o.closeSuperseded && (prepared.length > 0 || (await o.mayHaveTickets()))) {
    const keep = new Set(targets.flatMap(t => (t.ticket !== null ? [t.ticket.orderId] : [])))
    closed = await closeOthers(ctx, pull.number, keep, reasonFor('has a different plan'))
  }
  const perm = await readPermsOf(client, planned)
  return { planned, targets, perm, state: overall(targets, perm), planHash: combinedHashOf(targets.map(t => t.planHash)), closed, notes }
}

/** Re-reads every ticket of an evaluation (no new tickets, content checked again): for the in-job wait. */
export async function reread(ctx: GateContext, ev: Evaluation): Promise<Evaluation> {
  const client = await ctx.dms()
  const targets: TargetResult[] = []
  for (const t of ev.targets) {
    if (t.ticket === null) {
      targets.push(t)
      continue
    }
    const content: PlanContent = { execSql: t.plan.execSql, rollbackSql: t.plan.rollbackSql, dbItems: t.dbItems }
    const r = await readAgainst(ctx, client, t.ticket.orderId, content, { precheckWaitMs: 0, submit: true })
    targets.push(r.kind === 'read'
      ? { ...t, ticket: r.ticket, state: r.ticket.state }
      : { ...t, ticket: null, state: { kind: 'blocked', block: { cause: 'ticket-mismatch', orderId: r.orderId, detail: r.detail } } })
  }
  const perm = await readPermsOf(client, ev.planned)
  return { ...ev, targets, perm, state: overall(targets, perm) }
}
