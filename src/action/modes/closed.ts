// pull_request closed.
// Unmerged: close the PR's open tickets (nothing of it ships).
// Merged: plan the merge commit against its first parent — what actually landed — and judge it against the PR's
// tickets. Tickets that do not hold that plan are closed (a revert before merging leaves nothing to run). With
// execute-on-merge, and only when every target's plan is held by an approved ticket whose content DMS confirms,
// COMMITOR tickets are executed one by one (stopping at the first failure); LAST_AUDITOR tickets are left to their
// last approver and AUTO tickets to DMS, and both are reported. The check on the merge commit and the comment say
// exactly which ticket ran and which were closed.
import { titleOf, type GateState } from '../../state/gate-state.js'
import type { PullInfo } from '../../github/pull-requests.js'
import { DmsError } from '../../dms/errors.js'
import { executionStep, planExecution } from '../../dms/execution.js'
import type { ApprovalDetail } from '../../dms/types.js'
import type { DmsClient } from '../../dms/client.js'
import { emptyChange, planChange } from '../../plan/plan-pull.js'
import { commentBodyOf, publish, reportInputOf } from '../../report/publish.js'
import { ticketUrl } from '../../report/render.js'
import { findAppStickyComments, upsertStickyComment } from '../../github/sticky-comment.js'
import { firstParentOf, listRangeFiles } from '../../sources/commit-range.js'
import { ticketGateState, worstState } from '../../state/ticket-state.js'
import { closeOthers, evaluateWithoutDms, type Evaluation, type TargetResult } from '../../tickets/evaluate.js'
import { judgeRange } from '../../tickets/judge.js'
import { repoAccessOf, type GateContext } from '../context.js'
import type { ModeResult } from '../result.js'
import { resultOf } from './pull-request.js'

/** Longest wait for one execution to finish inside the job. */
export const EXECUTION_WAIT_MS = 10 * 60_000

/** Updates the sticky comment only when the PR has one (a closed PR gets no new comment). */
async function updateComment(ctx: GateContext, pull: PullInfo, ev: Evaluation, headSha: string, notes: readonly string[]): Promise<void> {
  if (!ctx.inputs.comment) return
  const ours = await findAppStickyComments(ctx.github.octokit, ctx.repo, pull.number)
  if (ours.length === 0) return
  const input = reportInputOf(ctx, ev, headSha, notes)
  const r = await upsertStickyComment(ctx.github.octokit, ctx.repo, pull.number, commentBodyOf(ev, input), { author: ours[0]!.author })
  ctx.log.info(`Sticky comment on #${pull.number}: ${r.action}`)
}

async function closeUnmerged(ctx: GateContext, pull: PullInfo, body: string | null): Promise<ModeResult> {
  const closed = await closeOthers(ctx, pull.number, new Set(), `GitHub PR ${ctx.repoFullName}#${pull.number} was closed without merging`)
  if (closed.length === 0) {
    ctx.log.info(`#${pull.number} closed without merging; it has no open DMS ticket`)
    return {}
  }
  const planned = emptyChange({ kind: 'pull', pull, body }, pull.baseSha, pull.headSha)
  const gate: GateState = { kind: 'closed', orderId: closed[0]!.orderId, reason: 'the PR was closed without merging' }
  const ev = evaluateWithoutDms(planned, gate, closed)
  await updateComment(ctx, pull, ev, pull.headSha, [])
  return { report: reportInputOf(ctx, ev, pull.headSha) }
}

/** Runs one COMMITOR ticket and follows it to the end (or the wait limit). */
async function execute(ctx: GateContext, client: DmsClient, orderId: number): Promise<GateState> {
  ctx.log.info(`Executing DMS ticket ${orderId} (ExecuteDataCorrect)`)
  try {
    await client.executeDataCorrect({ orderId })
  } catch (e) {
    if (e instanceof DmsError && e.kind === 'business') return { kind: 'execution-failed', orderId, message: `DMS refused ExecuteDataCorrect: ${e.message}` }
    throw e
  }
  return follow(ctx, client, orderId)
}

/** Reads a ticket until it is no longer approved-or-running (an AUTO ticket runs by itself), within the wait limit. */
async function follow(ctx: GateContext, client: DmsClient, orderId: number): Promise<GateState> {
  const deadline = ctx.now().getTime() + EXECUTION_WAIT_MS
  let delay = 500
  for (;;) {
    const state = ticketGateState(await client.getOrderBaseInfo(orderId), null)
    if (state.kind !== 'executing' && state.kind !== 'approved') return state
    if (ctx.now().getTime() + delay > deadline) return state.kind === 'approved' ? { kind: 'executing', orderId } : state
    await ctx.sleep(delay)
    delay = Math.min(delay * 2, 15_000)
  }
}

/** Who approved the last workflow node (LAST_AUDITOR tickets are that person's to run), when DMS says. */
function lastApprover(a: ApprovalDetail | null): number | null {
  const approved = (a?.nodes ?? []).filter(n => n.status === 'approved')
  return approved[approved.length - 1]?.operatorId ?? null
}

/**
 * Runs what the gate may run (dms/execution.ts): COMMITOR tickets of its own identity, one by one, stopping at the
 * first failure; AUTO tickets are followed while DMS runs them; LAST_AUDITOR tickets are left to their last
 * approver. The caller has checked that every ticket is approved and holds the merged plan (all or nothing).
 */
async function runTickets(ctx: GateContext, ev: Evaluation): Promise<{ targets: TargetResult[]; notes: string[] }> {
  const client = await ctx.dms()
  const notes: string[] = []
  const targets: TargetResult[] = []
  const steps = ev.targets.map(t => {
    const r = t.ticket!
    // every ticket here is the gate's own (ListOrders AS_COMMITTER): its committer is the gate's DMS user
    const facts = { detail: r.detail, status: r.base.status, committerId: r.base.committerId, lastApproverId: lastApprover(r.approval) }
    return { orderId: r.orderId, step: executionStep(facts, r.base.committerId) }
  })
  const plan = planExecution(steps)
  let stopped: string | undefined
  for (const [i, t] of ev.targets.entries()) {
    const id = t.ticket!.orderId
    const step = steps[i]!.step
    let state: GateState = t.state
    switch (step.kind) {
      case 'done':
        notes.push(`DMS ticket ${id} (target ${t.name}) had already been executed.`)
        break
      case 'runs-elsewhere':
        // DMS lets only the last approver run it: calling ExecuteDataCorrect would be refused
        state = { kind: 'awaiting-execution', orderId: id }
        notes.push(`DMS ticket ${id} (target ${t.name}) is executed by its ${step.who === 'last-approver' ? 'last approver' : 'committer'} in DMS (ExecMode ${t.ticket!.detail.execMode ?? 'COMMITOR'}); not called.`)
        break
      case 'runs-itself':
      case 'running':
        state = await follow(ctx, client, id)
        notes.push(`DMS ticket ${id} (target ${t.name}) runs in DMS by itself (ExecMode ${t.ticket!.detail.execMode ?? 'COMMITOR'}): ${titleOf(state)}.`)
        break
      case 'execute':
        if (stopped !== undefined || !plan.execute.includes(id)) {
          notes.push(`DMS ticket ${id} (target ${t.name}) was not executed: ${stopped ?? 'another ticket of the merge is not ready'}.`)
          break
        }
        state = await execute(ctx, client, id)
        notes.push(`Executed DMS ticket ${id} (target ${t.name}): ${titleOf(state)} — ${ticketUrl(id, ctx.consoleBase)}`)
        if (state.kind === 'execution-failed') stopped = `ticket ${id} failed first`
        break
      case 'failed':
      case 'not-approved':
        notes.push(`DMS ticket ${id} (target ${t.name}) cannot run: it is ${step.status}.`)
        break
    }
    targets.push({ ...t, state })
  }
  return { targets, notes }
}

async function merged(ctx: GateContext, pull: PullInfo, body: string | null): Promise<ModeResult> {
  const mergeSha = pull.mergeCommitSha ?? pull.headSha
  const range = repoAccessOf(ctx)
  const parent = await firstParentOf({ ...range, sha: mergeSha })
  const changedFiles = await listRangeFiles({ ...range, baseSha: parent, headSha: mergeSha })
  const planned = await planChange(ctx, { subject: { kind: 'range', what: 'merge-commit', pull, body }, baseSha: parent, headSha: mergeSha, changedFiles })
  const judged = await judgeRange(ctx, planned, { pull: pull.number, label: `merge commit ${mergeSha.slice(0, 12)}` })
  const keep = new Set(judged.targets.flatMap(t => (t.ticket !== null ? [t.ticket.orderId] : [])))
  const closed = await closeOthers(ctx, pull.number, keep, `GitHub PR ${ctx.repoFullName}#${pull.number} was merged; this ticket does not hold the merged plan`)
  const notes = [`Merged as ${mergeSha.slice(0, 12)}: planned against its first parent ${parent.slice(0, 12)}.`]
  let ev: Evaluation = { ...judged, closed }
  if (!ctx.inputs.executeOnMerge) {
    notes.push('execute-on-merge is off: approved tickets are executed in DMS by their executor.')
    ctx.log.info(`#${pull.number} merged; ${notes.join(' ')}`)
    await updateComment(ctx, pull, ev, mergeSha, notes)
    return { report: reportInputOf(ctx, ev, mergeSha, notes) }
  }
  const green = ev.targets.every(t => t.state.kind === 'approved' || t.state.kind === 'executed')
  if (ev.targets.length > 0 && green) {
    const ran = await runTickets(ctx, ev)
    notes.push(...ran.notes)
    ev = { ...ev, targets: ran.targets, state: worstState(ran.targets.map(t => t.state)) }
  } else if (ev.targets.length > 0) {
    notes.push('Nothing was executed: not every target of the merged plan has an approved ticket (see above).')
  }
  const pub = await publish(ctx, ev, mergeSha, { comment: false, extraNotes: notes })
  ctx.log.info(`Check '${ctx.inputs.checkName}' on merge commit ${mergeSha.slice(0, 12)}: ${titleOf(pub.state)}`)
  const shown = { ...ev, state: pub.state }
  await updateComment(ctx, pull, shown, mergeSha, notes)
  const r = resultOf(ctx, shown, mergeSha, notes)
  if (pub.state.kind === 'execution-failed') r.failure = pub.state.message
  return r
}

export async function runClosed(ctx: GateContext, pull: PullInfo, body: string | null): Promise<ModeResult> {
  return pull.merged ? merged(ctx, pull, body) : closeUnmerged(ctx, pull, body)
}

