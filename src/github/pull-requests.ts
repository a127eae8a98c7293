// Pull requests as the gate needs them: one flat shape from the API or from a webhook payload.
import type { GitHubClient, RepoRef } from './octokit.js'

export interface PullInfo {
  number: number
  state: 'open' | 'closed'
  merged: boolean
  draft: boolean
  title: string
  author: string
  baseRef: string
  baseSha: string
  baseRepoFullName: string
  headRef: string
  headSha: string
  /** null when the fork was deleted */
  headRepoFullName: string | null
  /** head lives in another repository (or a deleted fork): the workflow token is read-only, no secrets */
  isFork: boolean
  mergeCommitSha: string | null
  changedFiles: number | null
  htmlUrl: string
}

/** The subset of the REST/webhook pull-request object we read (both shapes have these fields). */
export interface PullLike {
  number: number
  state: string
  merged?: boolean | null
  draft?: boolean | null
  title: string
  user: { login: string } | null
  base: { ref: string; sha: string; repo: { full_name: string } }
  head: { ref: string; sha: string; repo: { full_name: string } | null }
  merge_commit_sha?: string | null
  changed_files?: number | null
  html_url: string
}

export function toPullInfo(p: PullLike): PullInfo {
  const headRepo = p.head.repo?.full_name ?? null
  return {
    number: p.number,
    state: p.state === 'open' ? 'open' : 'closed',
    merged: p.merged === true,
    draft: p.draft === true,
    title: p.title,
    author: p.user?.login ?? 'ghost',
    baseRef: p.base.ref,
    baseSha: p.base.sha,
    baseRepoFullName: p.base.repo.full_name,
    headRef: p.head.ref,
    headSha: p.head.sha,
    headRepoFullName: headRepo,
    isFork: headRepo === null || headRepo.toLowerCase() !== p.base.repo.full_name.toLowerCase(),
    mergeCommitSha: p.merge_commit_sha ?? null,
    changedFiles: typeof p.changed_files === 'number' ? p.changed_files : null,
    htmlUrl: p.html_url
  }
}

/** One PR as it is now, and its description (which may list permission tickets). */
export async function getPull(octokit: GitHubClient, repo: RepoRef, pullNumber: number): Promise<{ pull: PullInfo; body: string | null }> {
  const { data } = await octokit.rest.pulls.get({ ...repo, pull_number: pullNumber })
  return { pull: toPullInfo(data as unknown as PullLike), body: data.body ?? null }
}

/** The PR's current head sha (issue_comment and schedule events carry none). */
export async function headShaOf(octokit: GitHubClient, repo: RepoRef, pullNumber: number): Promise<string> {
  return (await getPull(octokit, repo, pullNumber)).pull.headSha
}

/** Every open PR (paginated, 100 a page), newest first; `max` bounds the API cost of a refresh run. */
export async function listOpenPulls(octokit: GitHubClient, repo: RepoRef, max = 1000): Promise<PullInfo[]> {
  const out: PullInfo[] = []
  for await (const page of octokit.paginate.iterator(octokit.rest.pulls.list, { ...repo, state: 'open', per_page: 100 })) {
    for (const p of page.data) {
      out.push(toPullInfo(p as unknown as PullLike))
      if (out.length >= max) return out
    }
  }
  return out
}
