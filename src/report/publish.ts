// Evaluation → what users see (built on render.ts): the check run, the sticky comment, the job summary and the
// outputs. Several targets and permission tickets fold into one report: objects and SQL merged, one line per ticket.
// The check carries a hidden marker (state, ticket ids, digest) that a refresh reads to decide whether DMS needs
// asking again; it is a hint only — every decision re-reads DMS. A run with the gate's name that lacks the marker,
// or comes from another app than the gate's, is foreign: the gate's check then fails (docs/security.md).
import { checkStatusOf, stateOutputOf, titleOf, type GateKind, type GateState } from '../state/gate-state.js'
import { listCheckRuns, upsertCheckRun, type CheckRunResult, type ExistingCheck } from '../github/check-run.js'
import { ACTIONS_BOT_LOGIN, findStickyComments, upsertStickyComment, type StickyResult } from '../github/sticky-comment.js'
import { describePermRequest } from '../perm/index.js'
import type { Plan } from '../sql/types.js'
import type { GateContext } from '../action/context.js'
import { evaluationDigest, pullOf, type Evaluation, type TargetResult } from '../tickets/evaluate.js'
import { permGateState } from '../state/perm-state.js'
import { CHECK_MARKER_PREFIX } from './markers.js'
import {
  annotationsOf, escapeText, renderCheckOutput, renderComment, renderJobSummary, ticketUrl,
  type ReportInput, type TicketView
} from './render.js'

/** What the check run says about itself, for the next refresh. Never trusted for approval. */
export interface CheckMarker {
  v: 2
  state: GateKind
  /** the DMS tickets behind the state */
  orders: number[]
  perm: number[]
  /** digest of everything shown from DMS: unchanged digest → nothing to write */
  digest: string
  head: string
}

export function renderCheckMarker(m: CheckMarker): string {
  return `${CHECK_MARKER_PREFIX}${JSON.stringify(m).replace(/>/g, '\\u003e')} -->`
}

const ids = (v: unknown): v is number[] => Array.isArray(v) && v.every(i => Number.isSafeInteger(i) && (i as number) > 0)

export function readCheckMarker(summary: string | null): CheckMarker | undefined {
  if (summary === null || !summary.startsWith(CHECK_MARKER_PREFIX)) return undefined
  const end = summary.indexOf(' -->')
  if (end < 0) return undefined
  try {
    const v = JSON.parse(summary.slice(CHECK_MARKER_PREFIX.length, end)) as Record<string, unknown>
    if (v.v !== 2 || typeof v.state !== 'string' || !ids(v.orders) || !ids(v.perm) || typeof v.digest !== 'string' || typeof v.head !== 'string') return undefined
    return v as unknown as CheckMarker
  } catch {
    return undefined
  }
}

export const EMPTY_PLAN: Plan = { objects: [], execSql: '', rollbackSql: '', errors: [], warnings: [] }

function mergedPlan(ev: Evaluation): Plan {
  const ts = ev.targets
  const v = ev.planned.verification
  // a verification failure that maps to a file and line is annotated there, like a plan error
  const errors = v !== undefined && !v.ok && v.at !== undefined ? [...ev.planned.errors, { ...v.at, message: v.summary }] : ev.planned.errors
  if (ts.length === 0) return { ...EMPTY_PLAN, errors }
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
    errors,
    warnings: ts.flatMap(t => t.plan.warnings)
  }
}

function ticketView(ctx: GateContext, t: TargetResult): TicketView | undefined {
  if (t.ticket === null) return undefined
  const v: TicketView = {
    orderId: t.ticket.orderId,
    workflowInstanceId: t.ticket.base.workflowInstanceId,
    url: ticketUrl(t.ticket.orderId, ctx.consoleBase),
    statusCode: t.ticket.base.statusCode,
    target: t.name,
    state: t.state
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
  for (const p of ev.perm?.orders ?? []) {
    const request = p.request ? ` Requests: ${describePermRequest(p.request).join(' ')}` : ''
    notes.push(`Permission ticket ${p.orderId}: ${p.verdict} — ${p.reason} — ${ticketUrl(p.orderId, ctx.consoleBase)}.${request}`)
  }
  if (ev.closed.length > 0) {
    const list = ev.closed.map(c => c.orderId).join(', ')
    notes.push(`Closed DMS ticket${ev.closed.length === 1 ? '' : 's'} ${list}: ${ev.closed[0]!.reason.replace(/ at head [0-9a-f]+$/, '')}.`)
  }
  return notes
}

export function reportInputOf(ctx: GateContext, ev: Evaluation, headSha: string, extraNotes: readonly string[] = []): ReportInput {
  const pull = pullOf(ev.planned)?.number
  const input: ReportInput = {
    plan: mergedPlan(ev),
    gate: ev.state,
    context: {
      repo: ctx.repoFullName,
      ...(pull !== undefined ? { pullNumber: pull } : {}),
      headSha,
      planHash: ev.planHash,
      checkName: ctx.inputs.checkName,
      notes: [...ticketNotes(ctx, ev), ...ev.notes, ...extraNotes]
    }
  }
  if (ctx.runUrl !== undefined) input.context.runUrl = ctx.runUrl
  const ticket = focusTicket(ctx, ev)
  if (ticket !== undefined) input.ticket = ticket
  const all = ev.targets.flatMap(t => ticketView(ctx, t) ?? [])
  if (all.length > 1) input.tickets = all
  return input
}

export function checkMarkerOf(ev: Evaluation, headSha: string): CheckMarker {
  return {
    v: 2,
    state: stateOutputOf(ev.state),
    orders: ev.targets.filter(t => t.ticket !== null).map(t => t.ticket!.orderId),
    perm: ev.perm?.orders.map(p => p.orderId) ?? ev.planned.permRefs.map(r => r.orderId),
    digest: evaluationDigest(ev),
    head: headSha
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

export function checkTitleOf(ev: Evaluation): string {
  const { total, approved } = partsCount(ev)
  if (total <= 1) return titleOf(ev.state)
  if (ev.state.kind === 'approved' || ev.state.kind === 'executed') return `Approved in DMS: all ${total} tickets`
  return `${titleOf(ev.state)} (${approved} of ${total} DMS tickets approved)`
}

// ---- the check run: ours, and the others with our name ----

/** The runs named like the gate's check that the gate did not write: no marker, or another app than `ourApp`. */
export function foreignRuns(runs: readonly ExistingCheck[], ourApp: number | undefined): ExistingCheck[] {
  return runs.filter(r => readCheckMarker(r.summary) === undefined || (ourApp !== undefined && r.app.id !== ourApp))
}

export interface CheckPublication {
  result: CheckRunResult
  /** the state the check shows: the evaluation's, or `blocked` when a foreign run sits beside it */
  state: GateState
}

/**
 * Writes the gate's check on `headSha` (zero writes when it already shows this). Runs named like it that the gate
 * did not write make it a failure that names them: branch protection reads the newest run of a name, and a job
 * named like the check must never be what it reads (pin the required check to the gate's app: docs/security.md).
 */
export async function publishCheck(
  ctx: GateContext,
  headSha: string,
  wanted: GateState,
  build: (state: GateState) => { input: ReportInput; title: string; marker: CheckMarker; externalId?: string }
): Promise<CheckPublication & { input: ReportInput }> {
  const runs = await listCheckRuns(ctx.github.octokit, ctx.repo, headSha, ctx.inputs.checkName)
  const isOurs = (r: ExistingCheck): boolean => readCheckMarker(r.summary) !== undefined
  const write = async (state: GateState, known: ExistingCheck[]) => {
    const b = build(state)
    const s = checkStatusOf(state)
    const output = renderCheckOutput(b.input)
    output.title = b.title
    output.summary = `${renderCheckMarker({ ...b.marker, state: stateOutputOf(state) })}\n${output.summary}`
    const result = await upsertCheckRun(ctx.github.octokit, ctx.repo, {
      name: ctx.inputs.checkName,
      headSha,
      status: s,
      output,
      annotations: annotationsOf(b.input.plan),
      ...(b.externalId !== undefined && b.externalId !== '' ? { externalId: b.externalId } : {})
    }, { runs: known, isOurs })
    ctx.log.info(`Check '${ctx.inputs.checkName}' on ${headSha.slice(0, 12)}: ${result.action} (${s.status === 'completed' ? s.conclusion : 'in_progress'}) — ${output.title}`)
    if (result.reason) ctx.log.info(`  (${result.reason})`)
    return { result, input: b.input }
  }
  const blockedBy = (foreign: ExistingCheck[]): GateState => ({
    kind: 'blocked',
    block: { cause: 'foreign-check', runs: foreign.map(r => ({ id: r.id, app: r.app.slug || String(r.app.id) })) }
  })
  let state = wanted
  const before = foreignRuns(runs, undefined)
  if (before.length > 0) state = blockedBy(before)
  let w = await write(state, runs)
  // Only now is the gate's app known (the token's): marked runs of another app are foreign too.
  const ourApp = w.result.app?.id
  const after = foreignRuns(runs.filter(r => r.id !== w.result.id), ourApp)
  if (after.length > before.length) {
    state = blockedBy(after)
    w = await write(state, await listCheckRuns(ctx.github.octokit, ctx.repo, headSha, ctx.inputs.checkName))
  }
  if (state.kind === 'blocked' && state.block.cause === 'foreign-check') {
    ctx.log.warning(`Check runs ${state.block.runs.map(r => `${r.id} (${r.app})`).join(', ')} carry the name '${ctx.inputs.checkName}' but were not written by the gate`)
  }
  return { result: w.result, state, input: w.input }
}

/** The login our comments are written under: the bot user of the token's app. */
export function botLoginOf(app: { slug: string } | undefined): string {
  return app === undefined || app.slug === '' || app.slug === 'github-actions' ? ACTIONS_BOT_LOGIN : `${app.slug}[bot]`
}

export interface Published {
  check: CheckRunResult
  comment: StickyResult | null
  /** the state shown (see CheckPublication.state) */
  state: GateState
  input: ReportInput
}

/** renderComment with the multi-ticket title. */
export function commentBodyOf(ev: Evaluation, input: ReportInput): string {
  return retitle(renderComment(input), input, checkTitleOf(ev))
}

/** Writes the check on `headSha` and the sticky comment (zero writes when both already show this). */
export async function publish(ctx: GateContext, ev: Evaluation, headSha: string, o: { comment?: boolean; extraNotes?: readonly string[] } = {}): Promise<Published> {
  const orderIds = ev.targets.filter(t => t.ticket !== null).map(t => t.ticket!.orderId)
  const build = (state: GateState) => {
    const shown: Evaluation = state === ev.state ? ev : { ...ev, state }
    const input = reportInputOf(ctx, shown, headSha, o.extraNotes)
    return { input, title: checkTitleOf(shown), marker: checkMarkerOf(shown, headSha), externalId: orderIds.join(',') }
  }
  const pub = await publishCheck(ctx, headSha, ev.state, build)
  const shown: Evaluation = pub.state === ev.state ? ev : { ...ev, state: pub.state }
  let comment: StickyResult | null = null
  const pull = pullOf(ev.planned)
  if (ctx.inputs.comment && o.comment !== false && pull !== undefined) {
    const author = botLoginOf(pub.result.app)
    // a PR without routine changes gets no comment, unless it had one (which then says so)
    const skip = shown.state.kind === 'no-changes' && (await findStickyComments(ctx.github.octokit, ctx.repo, pull.number, { author })).length === 0
    if (!skip) {
      comment = await upsertStickyComment(ctx.github.octokit, ctx.repo, pull.number, commentBodyOf(shown, pub.input), { author })
      ctx.log.info(`Sticky comment on #${pull.number}: ${comment.action}${comment.deleted.length > 0 ? ` (removed duplicates ${comment.deleted.join(', ')})` : ''}`)
    }
  }
  return { check: pub.result, comment, state: pub.state, input: pub.input }
}

/** A failure check for an unexpected error (never neutral: the gate must block). */
export async function publishError(ctx: GateContext, headSha: string, message: string): Promise<void> {
  const gate: GateState = { kind: 'error', message }
  const input: ReportInput = { plan: EMPTY_PLAN, gate, context: { repo: ctx.repoFullName, headSha, planHash: '', checkName: ctx.inputs.checkName } }
  await publishCheck(ctx, headSha, gate, state => ({
    input: { ...input, gate: state },
    title: titleOf(state),
    marker: { v: 2, state: stateOutputOf(state), orders: [], perm: [], digest: '', head: headSha }
  }))
}

export { renderJobSummary }
