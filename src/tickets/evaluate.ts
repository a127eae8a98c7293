// A planned PR + DMS → one Evaluation: per target, the ticket of the current plan (reused, or created when allowed,
// superseded ones closed), its state, the permission tickets, and the state of the whole gate.
import { createHash } from 'node:crypto'
import type { DatabaseSpec } from '../config/types.js'
import type { DmsClient } from '../dms/client.js'
import { resolveDatabase } from '../dms/resolve-database.js'
import { databaseSelector } from '../config/database.js'
import type { ApprovalDetail, CreateProcCorrectOrderInput } from '../dms/types.js'
import type { GateState } from '../state/gate-state.js'
import { readPermGate, type PermGate, type PermOrderState } from '../perm/index.js'
import type { Plan } from '../sql/types.js'
import type { GateContext } from '../action/context.js'
import { combinedHashOf, fingerprintOf, planHashOf, pullPrefixOf } from './identity.js'
import { permGateState } from '../state/perm-state.js'
import type { PlannedPull, PlannedTarget } from '../plan/plan-pull.js'
import { advanceTicket, closeSuperseded, ensureTicket, listPullTickets, type TicketRead } from './lifecycle.js'
import { worstState } from '../state/ticket-state.js'

export interface TargetResult {
  name: string
  /** how the target names its database, for display */
  database: string
  plan: Plan
  dbIds: number[]
  planHash: string
  fingerprint: string
  ticket: TicketRead | null
  state: GateState
}

export interface Evaluation {
  planned: PlannedPull
  targets: TargetResult[]
  perm: PermGate | null
  state: GateState
  /** PR-level plan hash (one target: its hash) */
  planHash: string
  /** tickets closed as superseded in this run */
  closed: number[]
  notes: string[]
}

export interface EvaluateOptions {
  /** false on scheduled refreshes: never open tickets nobody asked for */
  allowCreate: boolean
  /** close this PR's open tickets of other plans */
  closeSuperseded: boolean
  /** called once, just before the first new ticket is created (the run then shows an in-progress check) */
  beforeCreate?: () => Promise<void>
}

export function describeDatabase(d: DatabaseSpec): string {
  if (d.kind === 'db-id') return `DbId ${d.dbId}`
  return [d.schema, d.host ? `@${d.host}${d.port ? `:${d.port}` : ''}` : '', d.env ? ` (${d.env})` : ''].join('')
}

function hasChanges(t: PlannedTarget): boolean {
  return t.plan.objects.length > 0
}

/** The gate when there is nothing to ask DMS about (errors, no changes); undefined when DMS must be asked. */
export function stateWithoutDms(planned: PlannedPull): GateState | undefined {
  if (planned.incomplete !== null) return { kind: 'error', message: planned.incomplete }
  if (planned.errors.length > 0) return { kind: 'plan-failed', findings: planned.errors }
  if (!planned.targets.some(hasChanges) && planned.permRefs.length === 0) return { kind: 'no-changes' }
  return undefined
}

function ticketComment(ctx: GateContext, planned: PlannedPull, t: PlannedTarget): string {
  const p = planned.pull
  const title = p.title.replace(/\s+/g, ' ').slice(0, 120)
  return `GitHub PR ${ctx.repoFullName}#${p.number} "${title}" (head ${p.headSha.slice(0, 12)}), target ${t.target.name}`
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

function overall(targets: readonly TargetResult[], perm: PermGate | null): GateState {
  return worstState([...targets.map(t => t.state), ...(perm?.orders.map(permGateState) ?? [])])
}

/** Evaluation with no DMS involved (plan errors, nothing to deploy, or a fork run without credentials). */
export function evaluateWithoutDms(planned: PlannedPull, state: GateState): Evaluation {
  const targets: TargetResult[] = planned.targets.filter(hasChanges).map(t => ({
    name: t.target.name,
    database: describeDatabase(t.target.database),
    plan: t.plan,
    dbIds: [],
    planHash: planHashOf(t.plan.execSql, t.plan.rollbackSql, []),
    fingerprint: '',
    ticket: null,
    state
  }))
  return { planned, targets, perm: null, state, planHash: combinedHashOf(targets.map(t => t.planHash)), closed: [], notes: [...planned.notes] }
}

export async function evaluate(ctx: GateContext, planned: PlannedPull, o: EvaluateOptions): Promise<Evaluation> {
  const early = stateWithoutDms(planned)
  if (early !== undefined) return evaluateWithoutDms(planned, early)
  const client = await ctx.dms()
  const pull = planned.pull
  const notes = [...planned.notes]

  // what each target would deploy, where
  const prepared: Array<{ t: PlannedTarget; dbIds: number[]; input: CreateProcCorrectOrderInput; planHash: string; fingerprint: string }> = []
  for (const t of planned.targets.filter(hasChanges)) {
    const db = await resolveDatabase(client, databaseSelector(t.target.database), {
      inputName: t.target.source.kind === 'config' ? `${t.target.source.file}:${t.target.source.line} target '${t.target.name}'` : 'database'
    })
    const planHash = planHashOf(t.plan.execSql, t.plan.rollbackSql, [db.dbId])
    const fingerprint = fingerprintOf(ctx.repoFullName, pull.number, planHash)
    const input: CreateProcCorrectOrderInput = {
      comment: ticketComment(ctx, planned, t),
      dbItems: [{ dbId: db.dbId, logic: db.logic }],
      execSql: t.plan.execSql,
      rollbackSql: t.plan.rollbackSql,
      execMode: t.target.execMode
    }
    if (t.target.classify !== '') input.classify = t.target.classify
    if (t.target.relatedUsers.length > 0) input.relatedUserIds = t.target.relatedUsers
    prepared.push({ t, dbIds: [db.dbId], input, planHash, fingerprint })
  }

  let closed: number[] = []
  const targets: TargetResult[] = []
  if (prepared.length > 0) {
    const existing = await listPullTickets(client, pullPrefixOf(ctx.repoFullName, pull.number))
    if (o.closeSuperseded) {
      const reason = `Superseded: PR #${pull.number} now has a different plan at head ${pull.headSha}`
      closed = await closeSuperseded(client, existing, prepared.map(p => p.fingerprint), reason, ctx.log)
    }
    let announced = false
    const announce = async (): Promise<void> => {
      if (announced || o.beforeCreate === undefined) return
      announced = true
      await o.beforeCreate()
    }
    for (const p of prepared) {
      const got = await ensureTicket(client, existing, p.fingerprint, p.input, o.allowCreate, ctx.log, announce)
      const base = { name: p.t.target.name, database: describeDatabase(p.t.target.database), plan: p.t.plan, dbIds: p.dbIds, planHash: p.planHash, fingerprint: p.fingerprint }
      if (got.kind === 'missing') {
        targets.push({ ...base, ticket: null, state: { kind: 'error', message: `no DMS ticket for the current plan of target '${p.t.target.name}'; push again or comment /dms-refresh` } })
        continue
      }
      const read = await advanceTicket(client, got.orderId, {
        precheckWaitMs: got.kind === 'created' ? ctx.precheckWaitMs : Math.min(ctx.precheckWaitMs, 2000),
        sleep: ctx.sleep,
        now: () => ctx.now().getTime(),
        log: ctx.log
      })
      targets.push({ ...base, ticket: read, state: read.state })
    }
  }
  const perm = planned.permRefs.length > 0 ? await readPermGate(client, planned.permRefs) : null
  return { planned, targets, perm, state: overall(targets, perm), planHash: combinedHashOf(targets.map(t => t.planHash)), closed, notes }
}

/** Re-reads every ticket of an evaluation (no new tickets): for the in-job wait. */
export async function reread(ctx: GateContext, ev: Evaluation): Promise<Evaluation> {
  const client = await ctx.dms()
  const targets: TargetResult[] = []
  for (const t of ev.targets) {
    if (t.ticket === null) {
      targets.push(t)
      continue
    }
    const read = await advanceTicket(client, t.ticket.orderId, { precheckWaitMs: 0, sleep: ctx.sleep, now: () => ctx.now().getTime(), log: ctx.log })
    targets.push({ ...t, ticket: read, state: read.state })
  }
  const perm = ev.planned.permRefs.length > 0 ? await readPermGate(client, ev.planned.permRefs) : null
  return { ...ev, targets, perm, state: overall(targets, perm) }
}
