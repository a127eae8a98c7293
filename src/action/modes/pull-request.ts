// pull_request opened/synchronize/reopened/ready_for_review (and /dms-refresh on one PR): plan, tickets, report,
// optionally wait in the job. Fork PRs: plan only, job summary only, no DMS, no writes.
import { isFinal, type GateState } from '../../state/gate-state.js'
import type { PullInfo } from '../../github/pull-requests.js'
import type { GateContext } from '../context.js'
import { evaluate, evaluateWithoutDms, evaluationDigest, reread, stateWithoutDms, type Evaluation } from '../../tickets/evaluate.js'
import { planPull } from '../../plan/plan-pull.js'
import { checkTitleOf, outputsOfEvaluation, publish, reportInputOf } from '../../report/publish.js'
import type { ModeResult } from '../result.js'

export const FORK_EXPLANATION = [
  'This PR comes from a fork: its workflow token is read-only and it gets no DMS credentials, so no DMS ticket was opened and no check was written.',
  'A maintainer (write access) can comment /dms-refresh on the PR: that run uses the base repository\'s workflow and secrets, reads the SQL files only as data through the GitHub API (no PR code is checked out or executed), opens the DMS ticket and reports the check.',
  'Approval is always read from DMS, never from PR or comment text.'
]

function resultOf(ctx: GateContext, ev: Evaluation, headSha: string, extraNotes: string[] = []): ModeResult {
  const report = reportInputOf(ctx, ev, headSha, extraNotes)
  const r: ModeResult = { report, outputs: outputsOfEvaluation(ctx, ev, report), title: checkTitleOf(ev) }
  if (ev.state.kind === 'error') r.failure = ev.state.message
  return r
}

export async function runFork(ctx: GateContext, pull: PullInfo, body: string | null): Promise<ModeResult> {
  const planned = await planPull(ctx, pull, body)
  const objectCount = planned.targets.reduce((n, t) => n + t.plan.objects.length, 0)
  const state: GateState = stateWithoutDms(planned) ?? { kind: 'fork-readonly', objectCount }
  for (const line of FORK_EXPLANATION) ctx.log.info(line)
  const ev = evaluateWithoutDms(planned, state)
  const r = resultOf(ctx, ev, pull.headSha)
  if (state.kind === 'plan-failed') r.failure = `the SQL of this fork PR has ${state.findings.length} error(s); see the job summary`
  return r
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
      await publish(ctx, current, reportInputOf(ctx, current, headSha), headSha)
    }
  }
  if (!isFinal(current.state)) ctx.log.info('Still waiting: the check stays in progress; a refresh run (schedule, workflow_dispatch or /dms-refresh) will finish it.')
  return current
}

export interface PullRequestOptions {
  allowCreate: boolean
  /** wait in the job (pull_request runs only) */
  wait: boolean
}

export async function runPullRequest(ctx: GateContext, pull: PullInfo, body: string | null, o: PullRequestOptions): Promise<ModeResult> {
  const planned = await planPull(ctx, pull, body)
  // a new ticket is coming: show the check in progress while DMS works (its precheck can take a while)
  const beforeCreate = async (): Promise<void> => {
    const planning = evaluateWithoutDms(planned, { kind: 'planning' })
    await publish(ctx, planning, reportInputOf(ctx, planning, pull.headSha), pull.headSha, { comment: false })
  }
  let ev = await evaluate(ctx, planned, { allowCreate: o.allowCreate, closeSuperseded: true, beforeCreate })
  await publish(ctx, ev, reportInputOf(ctx, ev, pull.headSha), pull.headSha)
  if (o.wait && ctx.inputs.waitMinutes > 0 && !isFinal(ev.state)) ev = await waitForApproval(ctx, ev, pull.headSha)
  return resultOf(ctx, ev, pull.headSha)
}
