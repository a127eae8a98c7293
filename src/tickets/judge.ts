// A merge group or a merge commit, judged against the tickets that already exist: for every target whose plan
// (computed from that commit against the commit it merges into) is not empty, the gate's own ticket holding exactly
// that plan (read back from DMS) must be approved now. Nothing is created, and no marker, comment or other check
// run is consulted (docs/security.md).
import type { GateContext } from '../action/context.js'
import { titleOf, type GateState } from '../state/gate-state.js'
import { isOpenStatus } from '../state/ticket-state.js'
import type { PlannedChange } from '../plan/plan-pull.js'
import type { OwnTicket } from './book.js'
import { combinedHashOf, evaluateWithoutDms, overall, prepareTargets, readAgainst, readPermsOf, stateWithoutDms, targetFields, type Evaluation, type TargetResult } from './evaluate.js'
import { shortHash } from './identity.js'

/** Approved tickets first (the one to trust), then the rest, newest first. */
function rank(t: OwnTicket): number {
  if (t.status === 'approved' || t.status === 'waiting') return 0
  if (t.status === 'success' || t.status === 'processing') return 1
  if (isOpenStatus(t.status)) return 2
  return 3
}

const GREEN = new Set<GateState['kind']>(['approved', 'executed'])

export interface JudgeOptions {
  /** only tickets opened by this PR (a merge commit); a merge group may carry any PR's change */
  pull?: number
  /** what the range is, for explanations */
  label: string
}

export async function judgeRange(ctx: GateContext, planned: PlannedChange, o: JudgeOptions): Promise<Evaluation> {
  const early = stateWithoutDms(planned)
  if (early !== undefined) return evaluateWithoutDms(planned, early)
  const client = await ctx.dms()
  const book = await ctx.book()
  const prepared = await prepareTargets(ctx, client, planned, o.pull ?? 1)
  const targets: TargetResult[] = []
  const notes = [...planned.notes]
  for (const p of prepared) {
    const base = { ...targetFields(p), identity: null }
    const candidates = book
      .withPlan(p.identity)
      .filter(t => o.pull === undefined || t.identity.pull === o.pull)
      .filter(t => t.status !== 'closed' && t.status !== 'cancel')
      .sort((a, b) => rank(a) - rank(b) || b.orderId - a.orderId)
    let chosen: TargetResult | undefined
    let best: TargetResult | undefined
    for (const c of candidates) {
      const r = await readAgainst(ctx, client, c.orderId, p.content, { precheckWaitMs: 0, submit: false })
      if (r.kind === 'mismatch') {
        notes.push(`DMS ticket ${r.orderId} named the plan of target ${p.t.target.name} but ${r.detail}; it is not trusted.`)
        continue
      }
      const result: TargetResult = { ...base, identity: c.identity, ticket: r.ticket, state: r.ticket.state }
      best ??= result
      if (GREEN.has(r.ticket.state.kind)) {
        chosen = result
        break
      }
    }
    if (chosen !== undefined) {
      targets.push(chosen)
      continue
    }
    const detail = best !== undefined
      ? `The plan of target ${p.t.target.name} at ${o.label} is held by DMS ticket ${best.ticket!.orderId}, which is not approved now: ${titleOf(best.state)}.`
      : `No DMS ticket of this gate holds the plan of target ${p.t.target.name} at ${o.label} (plan ${shortHash(p.planHash)}). ` +
        'The PR\'s ticket was approved for another plan: update the PR from its base branch so its ticket is re-planned and approved.'
    targets.push({ ...base, ticket: best?.ticket ?? null, state: { kind: 'blocked', block: { cause: 'no-approved-ticket', targets: [p.t.target.name], detail } } })
  }
  const perm = await readPermsOf(client, planned)
  return { planned, targets, perm, state: overall(targets, perm), planHash: combinedHashOf(targets.map(t => t.planHash)), closed: [], notes }
}
