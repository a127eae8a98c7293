// pull_request / pull_request_target opened, synchronize, reopened, ready_for_review, edited (and /dms-refresh on
// one PR): plan, tickets, report, optionally wait in the job.
// Forks: on pull_request the token is read-only and there are no secrets, so the run plans and writes only the job
// summary; on pull_request_target (or a refresh) the check says a maintainer must review the commit, and a ticket is
// opened only after `/dms-refresh <sha>` by someone with write access (anyone can open a PR).
import { isFinal, type GateState } from '../../state/gate-state.js'
import type { PullInfo } from '../../github/pull-requests.js'
import { findAppStickyComments } from '../../github/sticky-comment.js'
import { listCheckRuns } from '../../github/check-run.js'
import { editedGateWorkflows } from '../../plan/workflow-guard.js'
import { verifyChange } from '../../plan/verify-change.js'
import type { GateContext } from '../context.js'
import { evaluate, evaluateWithoutDms, evaluationDigest, reread, stateWithoutDms, type Evaluation } from '../../tickets/evaluate.js'
import { planPull, type PlannedPull } from '../../plan/plan-pull.js'
import { checkTitleOf, publish, readCheckMarker, reportInputOf } from '../../report/publish.js'
import { outputsOf } from '../../report/render.js'
import type { ModeResult } from '../result.js'

export const FORK_EXPLANATION = [
  'This PR comes from a fork: on pull_request its workflow token is read-only and it gets no DMS credentials, so no DMS ticket was opened and no check was written.',
  'Run the gate on pull_request_target (docs/security.md), or let a maintainer (write access) who reviewed the commit comment /dms-refresh <head sha>: ' +
    'that run uses the base repository\'s workflow and secrets, reads the SQL only as data through the GitHub API (no PR code is checked out or run), opens the DMS ticket and reports the check.',
  'Approval is always read from DMS, never from PR or comment text.'
]

export function resultOf(ctx: GateContext, ev: Evaluation, headSha: string, extraNotes: readonly string[] = []): ModeResult {
  const report = reportInputOf(ctx, ev, headSha, extraNotes)
  const r: ModeResult = { report, outputs: outputsOf(report), title: checkTitleOf(ev) }
  if (ev.state.kind === 'error') r.failure = ev.state.message
  return r
}

function awaitingMaintainer(planned: PlannedPull): GateState {
  const objectCount = planned.targets.reduce((n, t) => n + t.plan.objects.length, 0)
  return { kind: 'awaiting-maintainer', objectCount, headSha: planned.headSha }
}

/** pull_request from a fork: read-only token, no secrets. Plan and explain; nothing is written to GitHub or DMS. */
export async function runReadOnlyFork(ctx: GateContext, pull: PullInfo, body: string | null): Promise<ModeResult> {
  const planned = await planPull(ctx, pull, body)
  const state: GateState = stateWithoutDms(planned) ?? awaitingMaintainer(planned)
  for (const line of FORK_EXPLANATION) ctx.log.info(line)
  const r = resultOf(ctx, evaluateWithoutDms(planned, state), pull.headSha)
  if (state.kind === 'plan-failed') r.failure = `the SQL of this fork PR has ${state.findings.length} error(s); see the job summary`
  return r
}

/**
 * Whether a PR with nothing to deploy now may still have open tickets to close: it changed routine files (a
 * reformat), its previous head's check named tickets, or it has the gate's sticky comment.
 */
function mayHaveTicketsOf(ctx: GateContext, planned: PlannedPull, before: string | undefined): () => Promise<boolean> {
  return async () => {
    if (planned.changedSqlFiles > 0) return true
    if (before !== undefined) {
      const runs = await listCheckRuns(ctx.github.octokit, ctx.repo, before, ctx.inputs.checkName)
      if (runs.some(r => (readCheckMarker(r.summary)?.orders.length ?? 0) > 0)) return true
    }
    if (!ctx.inputs.comment) return before === undefined // no comment to look at: without `before`, ask DMS
    return (await findAppStickyComments(ctx.github.octokit, ctx.repo, planned.subject.pull.number)).length > 0
  }
}

async function waitForApproval(ctx: GateContext, ev: Evaluation, headSha: string): Promise<Evaluation> {
  const totalMs = ctx.inputs.waitMinutes * 60_000
  const deadline = ctx.now().getTime() + totalMs
  let delay = Math.min(5000, Math.max(200, totalMs / 10))
  let current = ev
  let digest = evaluationDigest(ev)
  ctx.log.info(`Waiting up to ${ctx.inputs.waitMinutes} minute(s) for the DMS approval…`)
  while (!isFinal(current.state) && ctx.now().getTime() + delay <= deadline) {
    await ctx.sleep(delay)
    delay = Math.min(Math.round(delay * 1.5), 60_000)
    current = await reread(ctx, current)
    const d = evaluationDigest(current)
    if (d !== digest) {
      digest = d
      current = { ...current, state: (await publish(ctx, current, headSha)).state }
    }
  }
  if (!isFinal(current.state)) ctx.log.info('Still waiting: the check stays in progress; a refresh run (schedule, workflow_dispatch or /dms-refresh) will finish it.')
  return current
}

export interface PullRequestOptions {
  /** may open a ticket (false: a fork PR no maintainer has cleared for this commit) */
  allowCreate: boolean
  /** wait in the job (pull_request runs only) */
  wait: boolean
  /** the previous head (synchronize), to find tickets a revert left behind */
  before?: string
}

export async function runPullRequest(ctx: GateContext, pull: PullInfo, body: string | null, o: PullRequestOptions): Promise<ModeResult> {
  const planned = await planPull(ctx, pull, body)
  if (ctx.workflowFromPr) {
    const edited = await editedGateWorkflows(ctx, planned.files, planned.baseSha, planned.headSha)
    if (edited.length > 0) {
      const ev = evaluateWithoutDms(planned, { kind: 'blocked', block: { cause: 'workflow-changed', files: edited } })
      const shown = { ...ev, state: (await publish(ctx, ev, pull.headSha)).state }
      return resultOf(ctx, shown, pull.headSha)
    }
  }
  // verify-database: prove the plan on a real server before a ticket can be opened (never for an uncleared fork)
  if (o.allowCreate) {
    const v = await verifyChange(ctx, planned)
    if (v !== undefined) planned.verification = v
  }
  // a new ticket is coming: show the check in progress while DMS works (its precheck can take a while)
  const beforeCreate = async (): Promise<void> => {
    await publish(ctx, evaluateWithoutDms(planned, { kind: 'planning' }), pull.headSha, { comment: false })
  }
  let ev = await evaluate(ctx, planned, {
    allowCreate: o.allowCreate,
    closeSuperseded: true,
    mayHaveTickets: mayHaveTicketsOf(ctx, planned, o.before),
    beforeCreate,
    ...(pull.isFork && !o.allowCreate ? { missing: () => awaitingMaintainer(planned) } : {})
  })
  ev = { ...ev, state: (await publish(ctx, ev, pull.headSha)).state }
  if (o.wait && ctx.inputs.waitMinutes > 0 && !isFinal(ev.state)) ev = await waitForApproval(ctx, ev, pull.headSha)
  return resultOf(ctx, ev, pull.headSha)
}
