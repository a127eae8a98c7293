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
import type { GitHubClient, RepoRef } from './octokit.js'
import { findStickyComments, upsertStickyComment, type StickyOptions, type StickyResult } from './sticky-comment.js'

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
  now?: Date
}

export interface PublishResult {
  check?: CheckRunResult
  comment?: StickyResult
  /** what was not written, and why (for the log) */
  skipped: string[]
}

export async function publishToGitHub(req: PublishRequest): Promise<PublishResult> {
  const skipped: string[] = []
  if (!req.canWrite) {
    skipped.push('check run and comment: the token is read-only (fork pull request)')
    return { skipped }
  }
  const orderId = orderIdOf(req.report.gate) ?? req.report.ticket?.orderId
  const check = await upsertCheckRun(
    req.octokit,
    req.repo,
    {
      name: req.checkName,
      headSha: req.headSha,
      status: checkStatusOf(req.report.gate),
      output: renderCheckOutput(req.report),
      annotations: annotationsOf(req.report.plan),
      ...(orderId !== undefined ? { externalId: String(orderId) } : {})
    },
    req.now ? { now: req.now } : {}
  )
  const result: PublishResult = { check, skipped }
  if (req.pullNumber === undefined) skipped.push('comment: no pull request (merge group)')
  else if (!req.comment) skipped.push('comment: disabled by the comment input')
  else {
    const opts: StickyOptions = req.commentAuthor === undefined ? {} : { author: req.commentAuthor }
    result.comment = await upsertStickyComment(req.octokit, req.repo, req.pullNumber, renderComment(req.report), opts)
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
export async function readStateMarker(octokit: GitHubClient, repo: RepoRef, pullNumber: number, opts: StickyOptions = {}): Promise<StateMarker | undefined> {
  const comments = await findStickyComments(octokit, repo, pullNumber, opts)
  for (const c of comments) {
    const m = parseStateMarker(c.body)
    if (m !== undefined) return m
  }
  return undefined
}
