// pull_request closed. Unmerged: close the PR's open tickets (nothing of it will ship). Merged with
// execute-on-merge: run the approved tickets (ExecuteDataCorrect), follow them to success or failure, and report
// on the merge commit and in the comment.
import { checkStatusOf, titleOf, type GateState } from '../../state/gate-state.js'
import { upsertCheckRun } from '../../github/check-run.js'
import type { PullInfo } from '../../github/pull-requests.js'
import { findStickyComments, upsertStickyComment } from '../../github/sticky-comment.js'
import { renderCheckOutput, renderComment, ticketUrl, type ReportInput } from '../../report/render.js'
import type { GateContext } from '../context.js'
import { pullPrefixOf } from '../../tickets/identity.js'
import { EMPTY_PLAN } from '../../report/publish.js'
import type { ModeResult } from '../result.js'
import { closeSuperseded, listPullTickets } from '../../tickets/lifecycle.js'
import { ticketGateState, worstState } from '../../state/ticket-state.js'

/** Longest wait for one execution to finish inside the job. */
export const EXECUTION_WAIT_MS = 10 * 60_000

function reportOf(ctx: GateContext, pull: PullInfo, gate: GateState, headSha: string, notes: string[]): ReportInput {
  return { plan: EMPTY_PLAN, gate, context: { repo: ctx.repoFullName, pullNumber: pull.number, headSha, planHash: '', checkName: ctx.inputs.checkName, notes } }
}

/** Updates the sticky comment only when the PR has one (a closed PR gets no new comment). */
async function updateComment(ctx: GateContext, pull: PullInfo, report: ReportInput): Promise<void> {
  if (!ctx.inputs.comment) return
  const existing = await findStickyComments(ctx.github.octokit, ctx.repo, pull.number)
  if (existing.length === 0) return
  const r = await upsertStickyComment(ctx.github.octokit, ctx.repo, pull.number, renderComment(report))
  ctx.log.info(`Sticky comment on #${pull.number}: ${r.action}`)
}

async function closeUnmerged(ctx: GateContext, pull: PullInfo): Promise<ModeResult> {
  const client = await ctx.dms()
  const tickets = await listPullTickets(client, pullPrefixOf(ctx.repoFullName, pull.number))
  const closed = await closeSuperseded(client, tickets, [], `GitHub PR ${ctx.repoFullName}#${pull.number} was closed without merging`, ctx.log)
  if (closed.length === 0) {
    ctx.log.info(`#${pull.number} closed without merging; it has no open DMS ticket`)
    return {}
  }
  const gate: GateState = { kind: 'closed', orderId: closed[0]!, reason: 'the PR was closed without merging' }
  const report = reportOf(ctx, pull, gate, pull.headSha, [`Closed DMS ticket${closed.length === 1 ? '' : 's'} ${closed.join(', ')}.`])
  await updateComment(ctx, pull, report)
  return { report }
}

async function executeMerged(ctx: GateContext, pull: PullInfo): Promise<ModeResult> {
  const client = await ctx.dms()
  const tickets = await listPullTickets(client, pullPrefixOf(ctx.repoFullName, pull.number))
  const approved = tickets.filter(t => t.status === 'approved' || t.status === 'waiting')
  const sha = pull.mergeCommitSha ?? pull.headSha
  if (approved.length === 0) {
    const open = tickets.filter(t => t.status === 'toaudit' || t.status === 'new')
    if (open.length === 0) {
      ctx.log.info(`#${pull.number} merged; no approved DMS ticket to execute`)
      return {}
    }
    const gate: GateState = { kind: 'error', message: `PR #${pull.number} was merged but DMS ticket ${open.map(t => t.orderId).join(', ')} is not approved; nothing was executed` }
    const report = reportOf(ctx, pull, gate, sha, [])
    await upsertCheckRun(ctx.github.octokit, ctx.repo, { name: ctx.inputs.checkName, headSha: sha, status: checkStatusOf(gate), output: renderCheckOutput(report) })
    await updateComment(ctx, pull, report)
    return { report, failure: gate.message }
  }
  const states: GateState[] = []
  const notes: string[] = []
  for (const t of approved) {
    ctx.log.info(`Executing DMS ticket ${t.orderId} (ExecuteDataCorrect)`)
    await client.executeDataCorrect({ orderId: t.orderId })
    const deadline = ctx.now().getTime() + EXECUTION_WAIT_MS
    let delay = 500
    let state: GateState = { kind: 'executing', orderId: t.orderId }
    for (;;) {
      const base = await client.getOrderBaseInfo(t.orderId)
      state = ticketGateState(base, null)
      if (state.kind !== 'executing' && state.kind !== 'approved') break
      if (ctx.now().getTime() + delay > deadline) break
      await ctx.sleep(delay)
      delay = Math.min(delay * 2, 15_000)
    }
    ctx.log.info(`DMS ticket ${t.orderId}: ${titleOf(state)}`)
    states.push(state)
    notes.push(`DMS ticket ${t.orderId}: ${titleOf(state)} — ${ticketUrl(t.orderId, ctx.consoleBase)}`)
  }
  const gate = worstState(states)
  const report = reportOf(ctx, pull, gate, sha, notes)
  const check = await upsertCheckRun(ctx.github.octokit, ctx.repo, { name: ctx.inputs.checkName, headSha: sha, status: checkStatusOf(gate), output: renderCheckOutput(report) })
  ctx.log.info(`Check '${ctx.inputs.checkName}' on merge commit ${sha.slice(0, 12)}: ${check.action} — ${titleOf(gate)}`)
  await updateComment(ctx, pull, report)
  const r: ModeResult = { report }
  if (gate.kind === 'execution-failed') r.failure = gate.message
  return r
}

export async function runClosed(ctx: GateContext, pull: PullInfo): Promise<ModeResult> {
  if (!pull.merged) return closeUnmerged(ctx, pull)
  if (!ctx.inputs.executeOnMerge) {
    ctx.log.info(`#${pull.number} merged; execute-on-merge is off, so approved tickets are executed in DMS by their executor`)
    return {}
  }
  return executeMerged(ctx, pull)
}
