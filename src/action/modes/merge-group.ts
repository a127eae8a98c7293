// merge_group checks_requested: the required check must also appear on the merge group's head sha. Its state is
// the PR's gate, read fresh from DMS through the tickets named in the PR's sticky comment.
import { checkStatusOf, titleOf, type GateState } from '../../state/gate-state.js'
import { findCheckRun, upsertCheckRun } from '../../github/check-run.js'
import { getPull } from '../../github/pull-requests.js'
import { findStickyComments } from '../../github/sticky-comment.js'
import { readPermGate } from '../../perm/index.js'
import { renderCheckOutput, ticketUrl, type ReportInput } from '../../report/render.js'
import type { GateContext } from '../context.js'
import { permGateState } from '../../state/perm-state.js'
import { EMPTY_PLAN, readGateMarker } from '../../report/publish.js'
import type { ModeResult } from '../result.js'
import { advanceTicket } from '../../tickets/lifecycle.js'
import { worstState } from '../../state/ticket-state.js'

async function gateOfPull(ctx: GateContext, n: number): Promise<{ state: GateState; notes: string[] }> {
  const comments = await findStickyComments(ctx.github.octokit, ctx.repo, n)
  const marker = comments.length > 0 ? readGateMarker(comments[0]!.body) : undefined
  if (marker !== undefined && marker.orderIds.length + marker.permOrderIds.length > 0) {
    const client = await ctx.dms()
    const states: GateState[] = []
    const notes: string[] = []
    for (const id of marker.orderIds) {
      const r = await advanceTicket(client, id, { precheckWaitMs: 0, sleep: ctx.sleep, now: () => ctx.now().getTime(), log: ctx.log })
      states.push(r.state)
      notes.push(`PR #${n}: DMS ticket ${id} — ${titleOf(r.state)} — ${ticketUrl(id, ctx.consoleBase)}`)
    }
    if (marker.permOrderIds.length > 0) {
      for (const p of (await readPermGate(client, marker.permOrderIds)).orders) {
        states.push(permGateState(p))
        notes.push(`PR #${n}: permission ticket ${p.orderId} — ${p.verdict}`)
      }
    }
    return { state: worstState(states), notes }
  }
  // no tickets: the PR's own check says whether it passed (no routine changes) or not
  const pull = await getPull(ctx.github.octokit, ctx.repo, n)
  const check = await findCheckRun(ctx.github.octokit, ctx.repo, pull.headSha, ctx.inputs.checkName)
  if (marker?.state === 'no-changes' || (check?.status === 'completed' && check.conclusion === 'success')) {
    return { state: { kind: 'no-changes' }, notes: [`PR #${n} has no routine changes to deploy.`] }
  }
  return { state: { kind: 'error', message: `PR #${n} has no approved DMS gate (its '${ctx.inputs.checkName}' check is not green)` }, notes: [] }
}

export async function runMergeGroup(ctx: GateContext, headSha: string, headRef: string, pullNumbers: number[]): Promise<ModeResult> {
  let state: GateState
  let notes: string[] = []
  if (pullNumbers.length === 0) {
    state = { kind: 'error', message: `cannot tell which PR merge group ${headRef || headSha} holds (expected gh-readonly-queue/<base>/pr-<N>-<sha>)` }
  } else {
    const parts = []
    for (const n of pullNumbers) parts.push(await gateOfPull(ctx, n))
    state = worstState(parts.map(p => p.state))
    notes = parts.flatMap(p => p.notes)
  }
  const report: ReportInput = {
    plan: EMPTY_PLAN,
    gate: state,
    context: { repo: ctx.repoFullName, headSha, planHash: '', checkName: ctx.inputs.checkName, notes: [`Merge group ${headRef}`, ...notes] }
  }
  const check = await upsertCheckRun(ctx.github.octokit, ctx.repo, {
    name: ctx.inputs.checkName,
    headSha,
    status: checkStatusOf(state),
    output: renderCheckOutput(report)
  })
  ctx.log.info(`Merge group ${headRef}: check ${check.action} — ${titleOf(state)}`)
  return { report }
}
