// Refresh (schedule, workflow_dispatch): for every open PR whose sticky comment carries our marker with a pending
// gate, read the tickets from DMS; when nothing changed (same digest) write nothing, else re-plan and re-report.
// `/dms-refresh` (issue_comment): one PR, only for users with write access, may open the ticket (fork PRs).
import { findCheckRun, STALE_AFTER_MS } from '../../github/check-run.js'
import { canTriggerRefresh } from '../../github/permissions.js'
import { listOpenPulls, toPullInfo, type PullInfo, type PullLike } from '../../github/pull-requests.js'
import { findStickyComments } from '../../github/sticky-comment.js'
import { readPermGate } from '../../perm/index.js'
import type { GateContext } from '../context.js'
import { digestOf, evaluate } from '../../tickets/evaluate.js'
import { planPull } from '../../plan/plan-pull.js'
import { outputsOfEvaluation, publish, readGateMarker, reportInputOf, type GateMarker } from '../../report/publish.js'
import type { ModeResult } from '../result.js'
import { advanceTicket } from '../../tickets/lifecycle.js'
import { runPullRequest } from './pull-request.js'

/** Marker states a refresh looks at again: pending ones, and errors that have tickets (DMS may be back). */
export function needsRefresh(m: GateMarker): boolean {
  switch (m.state) {
    case 'planning':
    case 'awaiting-precheck':
    case 'awaiting-approval':
    case 'executing':
      return true
    case 'error':
      return m.orderIds.length + m.permOrderIds.length > 0
    default:
      return false
  }
}

async function pullWithBody(ctx: GateContext, n: number): Promise<{ pull: PullInfo; body: string | null }> {
  const { data } = await ctx.github.octokit.rest.pulls.get({ ...ctx.repo, pull_number: n })
  return { pull: toPullInfo(data as unknown as PullLike), body: data.body ?? null }
}

/** The digest of the tickets named by the marker, read from DMS only (no GitHub calls). */
async function currentDigest(ctx: GateContext, m: GateMarker): Promise<string> {
  const client = await ctx.dms()
  const tickets = []
  for (const id of m.orderIds) {
    const r = await advanceTicket(client, id, { precheckWaitMs: 0, sleep: ctx.sleep, now: () => ctx.now().getTime(), log: ctx.log })
    tickets.push({ state: r.state, approval: r.approval, statusCode: r.base.statusCode })
  }
  const perm = m.permOrderIds.length > 0 ? (await readPermGate(client, m.permOrderIds)).orders : []
  return digestOf(tickets, perm)
}

export type RefreshOutcome = 'unchanged' | 'updated' | 'skipped' | 'recreated-stale'

async function refreshOne(ctx: GateContext, pull: PullInfo, m: GateMarker): Promise<RefreshOutcome> {
  if (m.headSha !== pull.headSha) {
    ctx.log.info(`#${pull.number}: head moved to ${pull.headSha.slice(0, 12)} since the last report; its pull_request run reports it`)
    return 'skipped'
  }
  const digest = await currentDigest(ctx, m)
  let stale = false
  if (digest === m.digest) {
    const check = await findCheckRun(ctx.github.octokit, ctx.repo, pull.headSha, ctx.inputs.checkName)
    stale = check !== undefined && check.status !== 'completed' && check.startedAt !== null && ctx.now().getTime() - Date.parse(check.startedAt) > STALE_AFTER_MS
    if (!stale) {
      ctx.log.info(`#${pull.number}: DMS state unchanged (${m.state}); nothing to write`)
      return 'unchanged'
    }
  }
  const { body } = await pullWithBody(ctx, pull.number)
  const planned = await planPull(ctx, pull, body)
  // permission tickets the last PR run found keep gating (an API without the PR body must not drop them)
  for (const id of m.permOrderIds) {
    if (!planned.permRefs.some(r => r.orderId === id)) planned.permRefs.push({ orderId: id, source: { kind: 'pr-body', line: 1 } })
  }
  const ev = await evaluate(ctx, planned, { allowCreate: false, closeSuperseded: false })
  await publish(ctx, ev, reportInputOf(ctx, ev, pull.headSha), pull.headSha)
  ctx.log.info(`#${pull.number}: ${m.state} → ${ev.state.kind}`)
  return stale ? 'recreated-stale' : 'updated'
}

export async function runRefresh(ctx: GateContext): Promise<ModeResult> {
  const pulls = await listOpenPulls(ctx.github.octokit, ctx.repo)
  const counts: Record<RefreshOutcome, number> = { unchanged: 0, updated: 0, skipped: 0, 'recreated-stale': 0 }
  let gated = 0
  const failures: string[] = []
  for (const pull of pulls) {
    const comments = await findStickyComments(ctx.github.octokit, ctx.repo, pull.number)
    const marker = comments.length > 0 ? readGateMarker(comments[0]!.body) : undefined
    if (marker === undefined || !needsRefresh(marker)) continue
    gated++
    try {
      counts[await refreshOne(ctx, pull, marker)]++
    } catch (e) {
      // one PR's trouble must not stop the others; the run still fails at the end
      failures.push(`#${pull.number}: ${(e as Error).message}`)
      ctx.log.warning(`Refreshing #${pull.number} failed: ${(e as Error).message}`)
    }
  }
  ctx.log.info(
    `Refresh: ${pulls.length} open PRs, ${gated} with a pending gate: ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts['recreated-stale']} re-created (stale), ${counts.skipped} skipped`
  )
  return failures.length > 0 ? { failure: `refresh failed for ${failures.join('; ')}` } : {}
}

export async function runCommentRefresh(ctx: GateContext, pullNumber: number, commenter: string, commenterIsBot: boolean): Promise<ModeResult> {
  if (commenterIsBot) {
    ctx.log.info(`/dms-refresh from bot ${commenter} ignored`)
    return {}
  }
  const permission = await canTriggerRefresh(ctx.github.octokit, ctx.repo, commenter)
  if (!permission.allowed) {
    ctx.log.warning(`/dms-refresh refused: ${permission.reason}. Nothing was changed.`)
    return {}
  }
  const { pull, body } = await pullWithBody(ctx, pullNumber)
  if (pull.state !== 'open') {
    ctx.log.info(`#${pullNumber} is ${pull.merged ? 'merged' : 'closed'}; /dms-refresh does nothing`)
    return {}
  }
  ctx.log.info(`/dms-refresh on #${pullNumber} by ${commenter} (${permission.roleName})${pull.isFork ? ' — fork PR: reading its SQL through the API as data only' : ''}`)
  return runPullRequest(ctx, pull, body, { allowCreate: true, wait: false })
}

export { outputsOfEvaluation }
