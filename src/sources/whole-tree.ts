// Every routine file of a repository at two commits (not only the changed ones): verification (docs/verify.md)
// creates the whole base routine set, so a changed view that calls an unchanged function finds it. From the
// checkout when the run may read it (one ls-tree + one cat-file batch per side), else from the two recursive trees
// and the blobs (or tarballs) the PR sources use too.
import { matcher } from '../config/globs.js'
import type { GitHubClient, RepoRef } from '../github/octokit.js'
import type { SourceTree } from '../sql/types.js'
import { prepareCheckout, readFromGit, readViaTrees, runGit, treeIndex } from './changed-files.js'
import { decodeAll, decodeUtf8, type Decoder } from './encoding.js'

export interface WholeTreeRequest {
  octokit: GitHubClient
  repo: RepoRef
  baseSha: string
  headSha: string
  /** which files (globs): the targets' include globs */
  include: readonly string[]
  /** bytes → text (the config's encodings); files that cannot be decoded are left out (the plan reports them) */
  decode?: Decoder
  workspace?: string
  log?: (line: string) => void
}

async function lsTree(ws: string, sha: string): Promise<string[]> {
  const r = await runGit(ws, ['ls-tree', '-r', '-z', '--name-only', '--full-tree', sha])
  if (r.code !== 0) throw new Error(`git ls-tree ${sha}: ${r.stderr.trim()}`)
  return r.stdout.toString('utf8').split('\0').filter(p => p !== '')
}

export async function readWholeTrees(req: WholeTreeRequest): Promise<{ base: SourceTree; head: SourceTree }> {
  const wanted = matcher(req.include)
  const log = req.log ?? (() => undefined)
  const text = (bytes: Map<string, Buffer>): SourceTree => decodeAll(bytes, req.decode ?? decodeUtf8).files
  if (req.workspace !== undefined && (await prepareCheckout(req.workspace, [req.baseSha, req.headSha], true, log))) {
    const [b, h] = await Promise.all([lsTree(req.workspace, req.baseSha), lsTree(req.workspace, req.headSha)])
    return {
      base: text(await readFromGit(req.workspace, req.baseSha, b.filter(p => wanted(p)))),
      head: text(await readFromGit(req.workspace, req.headSha, h.filter(p => wanted(p))))
    }
  }
  const [b, h] = await Promise.all([treeIndex(req.octokit, req.repo, req.baseSha), treeIndex(req.octokit, req.repo, req.headSha)])
  if (b === undefined || h === undefined) throw new Error('GitHub truncated the repository tree: check the repository out (actions/checkout) so verification can read every routine file')
  const paths = [...new Set([...b.blobs.keys(), ...h.blobs.keys()])].filter(p => wanted(p)).sort()
  const sides = await readViaTrees(req.octokit, req.repo, req.baseSha, req.headSha, paths, log)
  if (sides === undefined) throw new Error('GitHub truncated the repository tree: check the repository out so verification can read every routine file')
  return { base: text(sides.base), head: text(sides.head) }
}
