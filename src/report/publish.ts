// Evaluation → what users see (built on src/report/render.ts): the check run, the sticky comment with our state
// marker (which the refresh run reads back), the job summary and the outputs. Several targets and permission
// tickets are folded into one report: objects and SQL merged, one line per ticket in the notes.
import { checkStatusOf, titleOf, type GateState } from '../state/gate-state.js'
import { upsertCheckRun, type CheckRunResult } from '../github/check-run.js'
import { findStickyComments, upsertStickyComment, type StickyResult } from '../github/sticky-comment.js'
import { describePermRequest } from '../perm/index.js'
import {
  annotationsOf, escapeText, outputsOf, parseStateMarker, renderCheckOutput, renderComment, renderJobSummary, renderStateMarker,
  stateMarkerOf, ticketUrl, type ActionOutputs, type ReportInput, type StateMarker, type TicketView
} from './render.js'
import type { Plan } from '../sql/types.js'
import type { GateContext } from '../action/context.js'
import { evaluationDigest, type Evaluation, type TargetResult } from '../tickets/evaluate.js'
import { permGateState } from '../state/perm-state.js'

/** Our state marker: render.ts's StateMarker plus what a refresh needs to skip unchanged PRs. */
export interface GateMarker extends StateMarker {
  /** digest of the DMS state shown (unchanged digest → zero writes) */
  digest: string
  permOrderIds: number[]
}

export function readGateMarker(body: string): GateMarker | undefined {
  const m = parseStateMarker(body) as (StateMarker & Partial<GateMarker>) | undefined
  if (m === undefined) return undefined
  const perm = Array.isArray(m.permOrderIds) && m.permOrderIds.every(i => Number.isSafeInteger(i) && i > 0) ? m.permOrderIds : []
  return { ...m, digest: typeof m.digest === 'string' ? m.digest : '', permOrderIds: perm }
}

const EMPTY_PLAN: Plan = { objects: [], execSql: '', rollbackSql: '', errors: [], warnings: [] }

function mergedPlan(ev: Evaluation): Plan {
  const ts = ev.targets
  const errors = ev.planned.errors
  if (ts.length === 1) return { ...ts[0]!.plan, errors }
  const withHeader = (sql: (t: TargetResult) => string) =>
    ts
      .filter(t => sql(t) !== '')
      .map(t => `-- target ${t.name} (${t.database}${t.ticket ? `, DMS ticket ${t.ticket.orderId}` : ''})\n${sql(t)}`)
      .join('\n')
  return {
    objects: ts.flatMap(t => t.plan.objects),
    execSql: withHeader(t => t.plan.execSql),
    rollbackSql: withHeader(t => t.plan.rollbackSql),
    errors: ts.length === 0 ? errors : errors,
    warnings: ts.flatMap(t => t.plan.warnings)
  }
}

function ticketView(ctx: GateContext, t: TargetResult): TicketView | undefined {
  if (t.ticket === null) return undefined
  const v: TicketView = {
    orderId: t.ticket.orderId,
    workflowInstanceId: t.ticket.base.workflowInstanceId,
    url: ticketUrl(t.ticket.orderId, ctx.consoleBase),
    statusCode: t.ticket.base.statusCode
  }
  if (t.ticket.approval !== null) v.approval = t.ticket.approval
  return v
}

/** The ticket whose progress the report details: the one holding the gate back, else the first. */
function focusTicket(ctx: GateContext, ev: Evaluation): TicketView | undefined {
  const withTicket = ev.targets.filter(t => t.ticket !== null)
  const blocking = withTicket.find(t => t.state.kind === ev.state.kind) ?? withTicket[0]
  return blocking ? ticketView(ctx, blocking) : undefined
}

function partsCount(ev: Evaluation): { total: number; approved: number } {
  const states: GateState[] = [...ev.targets.filter(t => t.ticket !== null).map(t => t.state), ...(ev.perm?.orders.map(permGateState) ?? [])]
  return { total: states.length, approved: states.filter(s => s.kind === 'approved' || s.kind === 'executed').length }
}

function ticketNotes(ctx: GateContext, ev: Evaluation): string[] {
  const notes: string[] = []
  const { total } = partsCount(ev)
  if (total > 1 || (ev.perm !== null && ev.perm.orders.length > 0)) {
    for (const t of ev.targets) {
      if (t.ticket === null) continue
      notes.push(`Target ${t.name} (${t.database}): DMS ticket ${t.ticket.orderId} — ${titleOf(t.state)} — ${ticketUrl(t.ticket.orderId, ctx.consoleBase)}`)
    }
  }
  for (const p of ev.perm?.orders ?? []) {
    const request = p.request ? ` Requests: ${describePermRequest(p.request).join(' ')}` : ''
    notes.push(`Permission ticket ${p.orderId}: ${p.verdict} — ${p.reason} — ${ticketUrl(p.orderId, ctx.consoleBase)}.${request}`)
  }
  if (ev.closed.length > 0) notes.push(`Closed superseded DMS ticket${ev.closed.length === 1 ? '' : 's'} ${ev.closed.join(', ')} (the plan changed).`)
  return notes
}

export function reportInputOf(ctx: GateContext, ev: Evaluation, headSha: string, extraNotes: readonly string[] = []): ReportInput {
  const input: ReportInput = {
    plan: mergedPlan(ev),
    gate: ev.state,
    context: {
      repo: ctx.repoFullName,
      pullNumber: ev.planned.pull.number,
      headSha,
      planHash: ev.planHash,
      checkName: ctx.inputs.checkName,
      notes: [...ticketNotes(ctx, ev), ...ev.notes, ...extraNotes]
    }
  }
  if (ctx.runUrl !== undefined) input.context.runUrl = ctx.runUrl
  const ticket = focusTicket(ctx, ev)
  if (ticket !== undefined) input.ticket = ticket
  return input
}

export function markerOf(ev: Evaluation, input: ReportInput): GateMarker {
  const ids = ev.targets.filter(t => t.ticket !== null).map(t => t.ticket!.orderId)
  return {
    ...stateMarkerOf(input),
    orderIds: ids,
    digest: evaluationDigest(ev),
    permOrderIds: ev.perm?.orders.map(p => p.orderId) ?? ev.planned.permRefs.map(r => r.orderId)
  }
}

/** Puts `title` in place of the single-ticket title in a rendered report's heading (several tickets). */
export function retitle(markdown: string, input: ReportInput, title: string): string {
  const from = `: ${escapeText(titleOf(input.gate))}`
  const at = markdown.indexOf(from)
  const headingEnd = markdown.indexOf('\n', markdown.indexOf('### '))
  if (at < 0 || (headingEnd >= 0 && at > headingEnd)) return markdown
  return markdown.slice(0, at) + `: ${escapeText(title)}` + markdown.slice(at + from.length)
}

/** renderComment with our (richer) state marker in place of render.ts's, and the multi-ticket title. */
export function commentBodyOf(ev: Evaluation, input: ReportInput): string {
  const plain = retitle(renderComment(input), input, checkTitleOf(ev))
  return plain.replace(renderStateMarker(stateMarkerOf(input)), renderStateMarker(markerOf(ev, input)))
}

export function checkTitleOf(ev: Evaluation): string {
  const { total, approved } = partsCount(ev)
  if (total <= 1) return titleOf(ev.state)
  if (ev.state.kind === 'approved' || ev.state.kind === 'executed') return `Approved in DMS: all ${total} tickets`
  return `${titleOf(ev.state)} (${approved} of ${total} DMS tickets approved)`
}

export function outputsOfEvaluation(ctx: GateContext, ev: Evaluation, input: ReportInput): ActionOutputs {
  const out = outputsOf(input)
  const tickets = ev.targets.filter(t => t.ticket !== null).map(t => t.ticket!)
  if (tickets.length > 1) {
    out['order-id'] = tickets.map(t => t.orderId).join(',')
    out['workflow-instance-id'] = tickets.map(t => t.base.workflowInstanceId ?? '').join(',')
    out['ticket-url'] = tickets.map(t => ticketUrl(t.orderId, ctx.consoleBase)).join(' ')
  }
  return out
}

export interface Published {
  check: CheckRunResult
  comment: StickyResult | null
}

/** Writes the check on `headSha` and the sticky comment (zero writes when both already show this). */
export async function publish(ctx: GateContext, ev: Evaluation, input: ReportInput, headSha: string, o: { comment?: boolean } = {}): Promise<Published> {
  const output = renderCheckOutput(input)
  output.title = checkTitleOf(ev)
  const ids = ev.targets.filter(t => t.ticket !== null).map(t => t.ticket!.orderId)
  const check = await upsertCheckRun(ctx.github.octokit, ctx.repo, {
    name: ctx.inputs.checkName,
    headSha,
    status: checkStatusOf(ev.state),
    output,
    annotations: annotationsOf(input.plan),
    ...(ids.length > 0 ? { externalId: ids.join(',') } : {})
  })
  ctx.log.info(`Check '${ctx.inputs.checkName}' on ${headSha.slice(0, 12)}: ${check.action} (${checkStatusOf(ev.state).status === 'completed' ? (checkStatusOf(ev.state) as { conclusion: string }).conclusion : 'in_progress'}) — ${output.title}`)
  if (check.reason) ctx.log.info(`  (${check.reason})`)
  let comment: StickyResult | null = null
  if (ctx.inputs.comment && o.comment !== false) {
    const n = ev.planned.pull.number
    // a PR without routine changes gets no comment, unless it had one (which then says so)
    const skip = ev.state.kind === 'no-changes' && (await findStickyComments(ctx.github.octokit, ctx.repo, n)).length === 0
    if (!skip) {
      comment = await upsertStickyComment(ctx.github.octokit, ctx.repo, n, commentBodyOf(ev, input))
      ctx.log.info(`Sticky comment on #${n}: ${comment.action}${comment.deleted.length > 0 ? ` (removed duplicates ${comment.deleted.join(', ')})` : ''}`)
    }
  }
  return { check, comment }
}

/** A failure check for an unexpected error (never neutral: the gate must block). */
export async function publishError(ctx: GateContext, headSha: string, message: string): Promise<void> {
  const gate: GateState = { kind: 'error', message }
  const input: ReportInput = {
    plan: EMPTY_PLAN,
    gate,
    context: { repo: ctx.repoFullName, headSha, planHash: '', checkName: ctx.inputs.checkName }
  }
  await upsertCheckRun(ctx.github.octokit, ctx.repo, { name: ctx.inputs.checkName, headSha, status: checkStatusOf(gate), output: renderCheckOutput(input) })
}

export { renderJobSummary, EMPTY_PLAN }
