// One comment per PR, found by a hidden marker and its author, updated in place. Issue comments have no
// compare-and-swap, so two racing runs may both create one: after creating we re-list, keep the oldest, delete the
// others and make sure the oldest carries the newest body.
import { COMMENT_MAX_CHARS, truncateChars } from '../report/truncate.js'
import { STICKY_MARKER } from '../report/markers.js'
import { httpStatusOf, type GitHubClient, type RepoRef } from './octokit.js'

export { STICKY_MARKER }
/** The login of the workflow token (an installation token cannot call GET /user to learn it). */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]'

export interface StickyComment {
  id: number
  body: string
  author: string
}

export type StickyAction = 'created' | 'updated' | 'unchanged'

export interface StickyResult {
  id: number
  action: StickyAction
  /** duplicates removed (race losers, or copies left by older runs) */
  deleted: number[]
}

export interface StickyOptions {
  /** Only comments by this login count (default github-actions[bot]); null accepts any author (PAT setups). */
  author?: string | null
  /** Our comments as just listed by findStickyComments (saves the first list call, e.g. in a refresh run). */
  known?: StickyComment[]
}

/** The body as it will be stored: marker first, within the 65,536-character limit. */
export function stickyBody(body: string): string {
  const withMarker = body.includes(STICKY_MARKER) ? body : `${STICKY_MARKER}\n${body}`
  return truncateChars(withMarker, COMMENT_MAX_CHARS, '\n\n…truncated (the full report is in the job summary)')
}

/** Our comments on the PR, oldest first. */
export async function findStickyComments(octokit: GitHubClient, repo: RepoRef, issueNumber: number, opts: StickyOptions = {}): Promise<StickyComment[]> {
  const author = opts.author === undefined ? ACTIONS_BOT_LOGIN : opts.author
  const all = await octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: issueNumber, per_page: 100 })
  return all
    .filter(c => (c.body ?? '').includes(STICKY_MARKER) && (author === null || c.user?.login === author))
    .map(c => ({ id: c.id, body: c.body ?? '', author: c.user?.login ?? '' }))
    .sort((a, b) => a.id - b.id)
}

/**
 * Our comments written by any GitHub App: the gate's comment is written by the token's app, whichever it is, so a
 * run that only needs to know whether the PR has one (or to update it as its author) accepts every `[bot]` login.
 */
export async function findAppStickyComments(octokit: GitHubClient, repo: RepoRef, issueNumber: number): Promise<StickyComment[]> {
  return (await findStickyComments(octokit, repo, issueNumber, { author: null })).filter(c => c.author.endsWith('[bot]'))
}

async function deleteIgnoringGone(octokit: GitHubClient, repo: RepoRef, id: number): Promise<boolean> {
  try {
    await octokit.rest.issues.deleteComment({ ...repo, comment_id: id })
    return true
  } catch (e) {
    if (httpStatusOf(e) === 404) return false // the other racer deleted it first
    throw e
  }
}

/** Creates, updates or leaves alone the PR's sticky comment so it shows `body`. Unchanged body → no write. */
export async function upsertStickyComment(
  octokit: GitHubClient,
  repo: RepoRef,
  issueNumber: number,
  body: string,
  opts: StickyOptions = {},
  attempt = 1
): Promise<StickyResult> {
  const want = stickyBody(body)
  let found = opts.known !== undefined && attempt === 1 ? opts.known : await findStickyComments(octokit, repo, issueNumber, opts)
  let action: StickyAction
  if (found.length === 0) {
    await octokit.rest.issues.createComment({ ...repo, issue_number: issueNumber, body: want })
    action = 'created'
    found = await findStickyComments(octokit, repo, issueNumber, opts) // a racing run may have created one too
  } else {
    action = 'unchanged'
  }
  const [keep, ...dupes] = found
  if (keep === undefined) throw new Error(`sticky comment on #${issueNumber} vanished right after it was created`)
  const deleted: number[] = []
  for (const d of dupes) if (await deleteIgnoringGone(octokit, repo, d.id)) deleted.push(d.id)
  if (keep.body !== want) {
    try {
      await octokit.rest.issues.updateComment({ ...repo, comment_id: keep.id, body: want })
    } catch (e) {
      if (httpStatusOf(e) !== 404 || attempt >= 3) throw e
      // deleted under us (a user, or a racer that saw an even older copy): start over
      return upsertStickyComment(octokit, repo, issueNumber, body, { ...opts, known: undefined }, attempt + 1)
    }
    if (action === 'unchanged') action = 'updated'
  }
  return { id: keep.id, action, deleted }
}
