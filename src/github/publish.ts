// Publishing one rendered report: the check run (with annotations) on the head sha, the sticky comment, the job
// summary and the Action outputs. Read-only (fork) runs skip the API writes and still get the summary.
import * as core from '@actions/core'
import { checkStatusOf, orderIdOf } from '../gate-state.js'
import {
  annotationsOf,
  outputsOf,
  parseStateMarker,
  renderCheckOutput,
  renderComment,
  renderJobSummary,
  type ReportInput,
  type StateMarker
} from '../report/render.js'
import { upsertCheckRun, type CheckRunResult } from './check-run.js'
import { httpStatusOf, type GitHubClient, type RepoRef } from './octokit.js'
import { findStickyComments, upsertStickyComment, type StickyComment, type StickyOptions, type StickyResult } from './sticky-comment.js'

export interface PublishRequest {
  octokit: GitHubClient
  repo: RepoRef
  /** the sha the check goes on: pull_request.head.sha (never the merge sha), or merge_group.head_sha */
  headSha: string
  checkName: string
  report: ReportInput
  /** PR to comment on; omit for merge-group checks */
  pullNumber?: number
  /** the `comment` input */
  comment: boolean
  /** false on fork PRs (read-only token): no check, no comment */
  canWrite: boolean
  commentAuthor?: StickyOptions['author']
  /** our sticky comments as read by readStateMarker (saves a list call) */
  knownComments?: StickyComment[]
  now?: Date
}

export interface PublishResult {
  check?: CheckRunResult
  comment?: StickyResult
  /** what was not written, and why (for the log) */
  skipped: string[]
  /** GitHub refused the writes (403): fork PR, or `permissions:` lacks checks/pull-requests write */
  readOnly: boolean
}

function isForbidden(e: unknown): boolean {
  return httpStatusOf(e) === 403 && /not accessible by integration/i.test((e as Error).message)
}

export async function publishToGitHub(req: PublishRequest): Promise<PublishResult> {
  const skipped: string[] = []
  if (!req.canWrite) {
    skipped.push('check run and comment: the token is read-only (fork pull request)')
    return { skipped, readOnly: true }
  }
  const orderId = orderIdOf(req.report.gate) ?? req.report.ticket?.orderId
  const desired = {
    name: req.checkName,
    headSha: req.headSha,
    status: checkStatusOf(req.report.gate),
    output: renderCheckOutput(req.report),
    annotations: annotationsOf(req.report.plan),
    ...(orderId !== undefined ? { externalId: String(orderId) } : {})
  }
  let check: CheckRunResult
  try {
    check = await upsertCheckRun(req.octokit, req.repo, desired, req.now ? { now: req.now } : {})
  } catch (e) {
    if (!isForbidden(e)) throw e
    skipped.push('check run and comment: GitHub refused the write (403: fork PR, or permissions lack checks: write)')
    return { skipped, readOnly: true }
  }
  const result: PublishResult = { check, skipped, readOnly: false }
  if (req.pullNumber === undefined) skipped.push('comment: no pull request (merge group)')
  else if (!req.comment) skipped.push('comment: disabled by the comment input')
  else {
    const opts: StickyOptions = {}
    if (req.commentAuthor !== undefined) opts.author = req.commentAuthor
    if (req.knownComments !== undefined) opts.known = req.knownComments
    try {
      result.comment = await upsertStickyComment(req.octokit, req.repo, req.pullNumber, renderComment(req.report), opts)
    } catch (e) {
      if (!isForbidden(e)) throw e
      skipped.push('comment: GitHub refused the write (403: permissions lack pull-requests: write)')
      result.readOnly = true
    }
  }
  return result
}

/** Writes the job summary (works on forks too: no token needed). */
export async function writeJobSummary(report: ReportInput): Promise<void> {
  await core.summary.addRaw(renderJobSummary(report)).write()
}

export function setActionOutputs(report: ReportInput): void {
  for (const [name, value] of Object.entries(outputsOf(report))) core.setOutput(name, value)
}

/**
 * The state marker of the PR's sticky comment: which ticket a refresh run should read. It only says *where* to
 * look — the approval itself is always read from DMS.
 */
export async function readStateMarker(
  octokit: GitHubClient,
  repo: RepoRef,
  pullNumber: number,
  opts: StickyOptions = {}
): Promise<{ marker: StateMarker | undefined; comments: StickyComment[] }> {
  const comments = await findStickyComments(octokit, repo, pullNumber, opts)
  for (const c of comments) {
    const marker = parseStateMarker(c.body)
    if (marker !== undefined) return { marker, comments }
  }
  return { marker: undefined, comments }
}
