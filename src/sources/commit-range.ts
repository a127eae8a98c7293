// The files that differ between two commits, for plans that are not a PR's own view: a merge group against its
// base, a merge commit against its first parent. From the checkout when it holds both commits (`git diff`), else
// from the two recursive trees (blob shas compared: exact, no cap). Renames are left as a removal plus an addition;
// the planner reads both paths, so a moved routine is still "no change".
import { normalizePath } from '../config/globs.js'
import type { GitHubClient, RepoRef } from '../github/octokit.js'
import { prepareCheckout, runGit, treeIndex, type ChangedFile, type ChangedFileList } from './changed-files.js'

/** Pure: `git diff --name-status -z --no-renames` output → changed files. */
export function parseNameStatus(z: string): ChangedFile[] {
  const parts = z.split('\0')
  const out: ChangedFile[] = []
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const code = parts[i]!
    const path = normalizePath(parts[i + 1]!)
    if (code === '') break
    out.push({ path, status: code.startsWith('A') ? 'added' : code.startsWith('D') ? 'removed' : 'modified' })
  }
  return out
}

/** Pure: two trees (path → blob sha) → the paths whose content differs. */
export function diffTrees(base: ReadonlyMap<string, string>, head: ReadonlyMap<string, string>): ChangedFile[] {
  const out: ChangedFile[] = []
  for (const [path, sha] of head) {
    const old = base.get(path)
    if (old === undefined) out.push({ path, status: 'added', headBlobSha: sha })
    else if (old !== sha) out.push({ path, status: 'modified', headBlobSha: sha })
  }
  for (const path of base.keys()) if (!head.has(path)) out.push({ path, status: 'removed' })
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

export interface RangeRequest {
  octokit: GitHubClient
  repo: RepoRef
  baseSha: string
  headSha: string
  /** the checkout, when it may be read */
  workspace?: string
  log?: (line: string) => void
}

export async function listRangeFiles(req: RangeRequest): Promise<ChangedFileList & { source: 'git' | 'api' }> {
  const log = req.log ?? (() => undefined)
  if (req.workspace !== undefined && (await prepareCheckout(req.workspace, [req.baseSha, req.headSha], true, log))) {
    const r = await runGit(req.workspace, ['diff', '--no-renames', '--name-status', '-z', req.baseSha, req.headSha])
    if (r.code === 0) {
      const files = parseNameStatus(r.stdout.toString('utf8'))
      return { files, complete: true, total: files.length, notes: [], source: 'git' }
    }
    log(`git diff failed (${r.stderr.trim()}); comparing the trees through the API`)
  }
  const [base, head] = await Promise.all([treeIndex(req.octokit, req.repo, req.baseSha), treeIndex(req.octokit, req.repo, req.headSha)])
  if (base === undefined || head === undefined) {
    // Fail closed: without the whole list a routine change could be missed.
    return {
      files: [],
      complete: false,
      total: 0,
      notes: [`GitHub truncated the file tree of ${req.baseSha.slice(0, 12)}..${req.headSha.slice(0, 12)} (a very large repository); check out the repository (actions/checkout with fetch-depth: 0) so the gate can read it with git`],
      source: 'api'
    }
  }
  const files = diffTrees(base.blobs, head.blobs)
  return { files, complete: true, total: files.length, notes: [], source: 'api' }
}

/** The first parent of a commit (a merge commit's "before"): from the checkout when it may be read, else the API. */
export async function firstParentOf(req: Omit<RangeRequest, 'baseSha' | 'headSha'> & { sha: string }): Promise<string> {
  const log = req.log ?? (() => undefined)
  if (req.workspace !== undefined && (await prepareCheckout(req.workspace, [req.sha], true, log))) {
    const r = await runGit(req.workspace, ['rev-parse', '--verify', `${req.sha}^1`])
    const parent = r.stdout.toString('utf8').trim()
    if (r.code === 0 && /^[0-9a-f]{40}$/.test(parent)) return parent
    // a shallow checkout may lack the parent: ask the API
  }
  const { data } = await req.octokit.rest.repos.getCommit({ ...req.repo, ref: req.sha })
  const parent = data.parents[0]?.sha
  if (parent === undefined) throw new Error(`commit ${req.sha.slice(0, 12)} has no parent: cannot tell what it merged`)
  return parent
}
