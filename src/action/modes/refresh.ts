// Refresh (schedule, workflow_dispatch, repository_dispatch): every open PR is looked at through GitHub's own check
// runs on its head — never through the sticky comment, so `comment: false` works the same. A PR whose head has no
// gate check, a foreign one, a pending or errored one is evaluated again (errors are retried; a non-fork PR may get
// its ticket now). A green check is re-read in DMS with one call per ticket and turns red when the ticket was
// cancelled, closed or rejected. Final failures wait for a push.
// `/dms-refresh [<sha>]` (issue_comment): one PR, only for users with write access; for a fork PR it opens a ticket
// only for the commit the maintainer names, and only while that commit is still the head.
import { STALE_AFTER_MS, listCheckRuns, type ExistingCheck } from '../../github/check-run.js'
import { canTriggerRefresh } from '../../github/permissions.js'
import { getPull, listOpenPulls, type PullInfo } from '../../github/pull-requests.js'
import { readPermGate } from '../../perm/index.js'
import { ticketGateState } from '../../state/ticket-state.js'
import type { GateKind } from '../../state/gate-state.js'
import type { GateContext } from '../context.js'
import { digestOf } from '../../tickets/evaluate.js'
import { ofPull } from '../../tickets/identity.js'
import { readCheckMarker, type CheckMarker } from '../../report/publish.js'
import type { ModeResult } from '../result.js'
import { runPullRequest } from './pull-request.js'

export type RefreshDecision =
  /** `create`: the PR may get its missing ticket now (no check yet, or the last run failed on an error) */
  | { kind: 'evaluate'; why: string; create: boolean }
  | { kind: 'recheck'; marker: CheckMarker; green: boolean }
  | { kind: 'skip'; why: string }

const PENDING: ReadonlySet<GateKind> = new Set(['awaiting-approval', 'executing', 'awaiting-execution'])
const GREEN: ReadonlySet<GateKind> = new Set(['approved', 'executed'])
const RETRY: ReadonlySet<GateKind> = new Set(['planning', 'awaiting-precheck', 'error'])

/** Pure: what a refresh does with a PR, from the runs named like the gate's check on its head (newest first). */
export function refreshDecision(runs: readonly ExistingCheck[], headSha: string, now: Date): RefreshDecision {
  if (runs.length === 0) return { kind: 'evaluate', why: 'its head has no gate check', create: true }
  const markers = runs.map(r => readCheckMarker(r.summary))
  if (markers.some(m => m === undefined) || new Set(runs.map(r => r.app.id)).size > 1) {
    return { kind: 'evaluate', why: 'a run with the gate\'s name was not written by the gate', create: false }
  }
  const latest = runs[0]!
  const m = markers[0]!
  if (m.head !== headSha) return { kind: 'evaluate', why: 'its check describes another commit', create: false }
  if (latest.status !== 'completed' && latest.startedAt !== null && now.getTime() - Date.parse(latest.startedAt) > STALE_AFTER_MS) {
    return { kind: 'evaluate', why: 'its pending check nears GitHub\'s 14-day stale limit', create: false }
  }
  if (RETRY.has(m.state)) return { kind: 'evaluate', why: `its gate is ${m.state}`, create: true }
  if (PENDING.has(m.state) || GREEN.has(m.state)) {
    return m.orders.length + m.perm.length > 0 ? { kind: 'recheck', marker: m, green: GREEN.has(m.state) } : { kind: 'evaluate', why: `its ${m.state} check names no ticket`, create: false }
  }
  return { kind: 'skip', why: m.state === 'awaiting-maintainer' ? 'a maintainer must clear the fork\'s commit' : `its gate is ${m.state} until a push` }
}

const STILL_GREEN = new Set(['approved', 'waiting', 'processing', 'success'])

/**
 * Whether the tickets behind a check still say what the check shows. Green: one GetOrderBaseInfo per ticket (still
 * approved or executed?). Pending: the same plus GetApprovalDetail, compared by digest. A ticket that is not the
 * gate's own ticket of this PR (a hand-made marker) always means "evaluate".
 */
async function unchanged(ctx: GateContext, pull: PullInfo, r: Extract<RefreshDecision, { kind: 'recheck' }>): Promise<boolean> {
  const client = await ctx.dms()
  const book = await ctx.book()
  const tickets = []
  for (const id of r.marker.orders) {
    const own = book.byId(id)
    if (own === undefined || !ofPull(own.identity, ctx.repoFullName, pull.number)) return false
    const base = await client.getOrderBaseInfo(id)
    if (r.green) {
      if (!STILL_GREEN.has(base.status)) return false
      continue
    }
    if (base.workflowInstanceId === null) return false // not submitted yet: the evaluation moves it along
    const approval = await client.getApprovalDetail(base.workflowInstanceId)
    tickets.push({ state: ticketGateState(base, approval), approval, statusCode: base.statusCode })
  }
  const perm = r.marker.perm.length > 0 ? (await readPermGate(client, r.marker.perm)).orders : []
  if (r.green) return perm.every(p => p.verdict === 'approved')
  return digestOf(tickets, perm) === r.marker.digest
}

export type RefreshOutcome = 'unchanged' | 'evaluated' | 'skipped'

async function refreshOne(ctx: GateContext, pull: PullInfo): Promise<RefreshOutcome> {
  const runs = await listCheckRuns(ctx.github.octokit, ctx.repo, pull.headSha, ctx.inputs.checkName)
  const d = refreshDecision(runs, pull.headSha, ctx.now())
  if (d.kind === 'skip') {
    ctx.log.debug(`#${pull.number}: skipped (${d.why})`)
    return 'skipped'
  }
  if (d.kind === 'recheck' && (await unchanged(ctx, pull, d))) {
    ctx.log.info(`#${pull.number}: DMS still says ${d.marker.state}; nothing to write`)
    return 'unchanged'
  }
  ctx.log.info(`#${pull.number}: evaluating (${d.kind === 'evaluate' ? d.why : 'DMS changed'})`)
  const { body } = await getPull(ctx.github.octokit, ctx.repo, pull.number)
  // A changed DMS state is shown, never papered over with a new ticket: a push or a rerun opens one.
  await runPullRequest(ctx, pull, body, { allowCreate: d.kind === 'evaluate' && d.create && !pull.isFork, wait: false })
  return 'evaluated'
}

export async function runRefresh(ctx: GateContext, only?: number): Promise<ModeResult> {
  const pulls = only !== undefined ? [(await getPull(ctx.github.octokit, ctx.repo, only)).pull].filter(p => p.state === 'open') : await listOpenPulls(ctx.github.octokit, ctx.repo)
  const counts: Record<RefreshOutcome, number> = { unchanged: 0, evaluated: 0, skipped: 0 }
  const failures: string[] = []
  for (const pull of pulls) {
    try {
      counts[await refreshOne(ctx, pull)]++
    } catch (e) {
      // one PR's trouble must not stop the others; the run still fails at the end
      failures.push(`#${pull.number}: ${(e as Error).message}`)
      ctx.log.warning(`Refreshing #${pull.number} failed: ${(e as Error).message}`)
    }
  }
  ctx.log.info(`Refresh: ${pulls.length} open PRs: ${counts.evaluated} evaluated, ${counts.unchanged} unchanged, ${counts.skipped} skipped`)
  return failures.length > 0 ? { failure: `refresh failed for ${failures.join('; ')}` } : {}
}

export interface CommentRefresh {
  pullNumber: number
  commenter: string
  commenterIsBot: boolean
  /** the commit the commenter reviewed (`/dms-refresh <sha>`) */
  sha?: string
}

export async function runCommentRefresh(ctx: GateContext, c: CommentRefresh): Promise<ModeResult> {
  if (c.commenterIsBot) {
    ctx.log.info(`/dms-refresh from bot ${c.commenter} ignored`)
    return {}
  }
  const permission = await canTriggerRefresh(ctx.github.octokit, ctx.repo, c.commenter)
  if (!permission.allowed) {
    ctx.log.warning(`/dms-refresh refused: ${permission.reason}. Nothing was changed.`)
    return {}
  }
  const { pull, body } = await getPull(ctx.github.octokit, ctx.repo, c.pullNumber)
  if (pull.state !== 'open') {
    ctx.log.info(`#${c.pullNumber} is ${pull.merged ? 'merged' : 'closed'}; /dms-refresh does nothing`)
    return {}
  }
  if (c.sha !== undefined && !pull.headSha.startsWith(c.sha)) {
    // The PR moved after the maintainer looked: clearing the new commit would clear SQL nobody reviewed.
    const message = `/dms-refresh ${c.sha} names a commit that is no longer the head of #${c.pullNumber} (now ${pull.headSha.slice(0, 12)}): review the new commit and ask again`
    ctx.log.warning(message)
    await ctx.github.octokit.rest.issues.createComment({ ...ctx.repo, issue_number: c.pullNumber, body: `${message.replace(/^\/dms-refresh ([0-9a-f]+)/, '`/dms-refresh $1`')}.` })
    return {}
  }
  // A fork's commit is cleared for a ticket only by naming it: the head may move between reading and commenting.
  const allowCreate = !pull.isFork || c.sha !== undefined
  ctx.log.info(`/dms-refresh on #${c.pullNumber} by ${c.commenter} (${permission.roleName})${pull.isFork ? ` — fork PR: reading its SQL through the API as data only${allowCreate ? `; commit ${pull.headSha.slice(0, 12)} cleared for a ticket` : '; name the reviewed commit (/dms-refresh <sha>) to open a ticket'}` : ''}`)
  return runPullRequest(ctx, pull, body, { allowCreate, wait: false })
}
