// The PR's changed routine files as two SourceTrees (base sha, head sha) for the planner.
// Which paths changed comes from pulls.listFiles (GitHub's own three-dot view: what this PR changed, renames with
// previous_filename); their text comes from the workspace checkout when it has (or can fetch) both commits — one
// `git cat-file --batch` per side — else from the API: two recursive trees (which paths exist, their blob shas) and
// one getBlob per distinct blob (any size up to 100 MB); for repositories too large for a recursive tree, getContent
// per path at the ref (getBlob when the file is over 1 MB). Base text is read at base.sha (the branch tip the
// routines are deployed from), so rollback restores what is there now.
// Both names of a rename are read on both sides, so a move between files diffs as "no change"; each routine file's
// rollback sibling and each rollback file's routine are read too. Every file is read as bytes and decoded by the
// request's Decoder (strict UTF-8 unless the config sets an encoding; see encoding.ts).
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { matcher, normalizePath } from '../config/globs.js'
import { DEFAULT_ROLLBACK_PATTERN, rollbackPathFor, routineForRollback } from '../config/rollback-pattern.js'
import type { Finding, SourceTree } from '../sql/types.js'
import { httpStatusOf, type GitHubClient, type RepoRef } from '../github/octokit.js'
import { decodeAll, decodeUtf8, pairSides, type Decoder } from './encoding.js'
import { extractFiles, gitBlobSha } from './tarball.js'

/** GitHub's cap on pulls.listFiles; beyond it the list is silently incomplete. */
export const LIST_FILES_CAP = 3000
const API_CONCURRENCY = 8
/** Above this many distinct blobs, two tarballs are cheaper than one getBlob each… */
export const TARBALL_MIN_BLOBS = 20
/** …unless the repository is bigger than this (uncompressed, summed from the tree). */
export const TARBALL_MAX_BYTES = 200 * 1024 * 1024
const GIT_TIMEOUT_MS = 120_000

export type FileStatus = 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged'

export interface ChangedFile {
  path: string
  status: FileStatus
  previousPath?: string
  /** head blob sha (from listFiles), absent for removed files */
  headBlobSha?: string
}

export interface ChangedSourcesRequest {
  octokit: GitHubClient
  repo: RepoRef
  /** the PR whose files are listed (unused when changedFiles is given) */
  pullNumber?: number
  baseSha: string
  headSha: string
  /** include globs (repository-relative) */
  include: readonly string[]
  exclude?: readonly string[]
  rollbackPattern?: string
  /** the checkout (GITHUB_WORKSPACE); omitted or unusable → API */
  workspace?: string
  /** allow `git fetch --depth=1 origin <sha>` for missing commits (default true) */
  fetchMissing?: boolean
  /** the changed files when they are not the PR's (a merge group, a merge commit: see commit-range.ts) */
  changedFiles?: ChangedFileList
  /** never read the workspace (pull_request_target: the checkout, if any, is not the PR's and PR code is not fetched) */
  apiOnly?: boolean
  /** bytes → text per path (default: strict UTF-8); build one from the config with configEncodingFor + decoderFor */
  decode?: Decoder
  log?: (message: string) => void
}

export interface ChangedSources {
  /** decoded text per path; a file that could not be decoded on either side is in neither (see errors) */
  base: SourceTree
  head: SourceTree
  /** files that could not be decoded (file and line; base-side ones say "base version: ") — plan errors */
  errors: Finding[]
  /** decoding doubts, e.g. a file decoded as configured that is also valid UTF-8 */
  warnings: Finding[]
  /** changed paths that matched (both names of renames), sorted */
  changedPaths: string[]
  /** every path read on both sides (changed paths + rollback/routine siblings), sorted */
  readPaths: string[]
  contentSource: 'git' | 'api'
  /** false when the PR has more files than listFiles returns (3,000): fail closed */
  complete: boolean
  totalChangedFiles: number
  notes: string[]
  /** every changed file (not only the routine files), for checks on other paths such as workflows */
  files: ChangedFile[]
}

/** A list of changed files and whether it is the whole list. */
export interface ChangedFileList {
  files: ChangedFile[]
  complete: boolean
  total: number
  notes: string[]
}

// ---- which paths ----

export async function listChangedFiles(octokit: GitHubClient, repo: RepoRef, pullNumber: number): Promise<ChangedFile[]> {
  const entries = await octokit.paginate(octokit.rest.pulls.listFiles, { ...repo, pull_number: pullNumber, per_page: 100 })
  return entries.map(e => {
    const f: ChangedFile = { path: normalizePath(e.filename), status: e.status as FileStatus }
    if (e.previous_filename) f.previousPath = normalizePath(e.previous_filename)
    if (e.status !== 'removed' && e.sha) f.headBlobSha = e.sha
    return f
  })
}

export interface PathSelection {
  changed: string[]
  read: string[]
}

/** Pure: the changed paths that matter and every path to read (siblings included). */
export function selectPaths(files: readonly ChangedFile[], include: readonly string[], exclude: readonly string[] = [], rollbackPattern = DEFAULT_ROLLBACK_PATTERN): PathSelection {
  const inc = matcher(include)
  const exc = matcher(exclude)
  const wanted = (p: string): boolean => inc(p) && !exc(p)
  const changed = new Set<string>()
  for (const f of files) {
    const names = f.previousPath !== undefined ? [f.path, f.previousPath] : [f.path]
    if (names.some(wanted)) for (const n of names) changed.add(n)
  }
  const read = new Set(changed)
  for (const p of changed) {
    const routine = routineForRollback(rollbackPattern, p)
    if (routine !== null) {
      if (routine !== '') read.add(routine)
    } else if (/\.sql$/i.test(p)) {
      read.add(rollbackPathFor(p, rollbackPattern))
    }
  }
  return { changed: [...changed].sort(), read: [...read].sort() }
}

// ---- text from git ----

export interface GitResult {
  code: number
  stdout: Buffer
  stderr: string
}

/** Runs git in `cwd` (no prompts, C locale, killed after GIT_TIMEOUT_MS): the one git runner of src/sources. */
export function runGit(cwd: string, args: string[], input?: string): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      cwd,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' }
    })
    const out: Buffer[] = []
    let err = ''
    const timer = setTimeout(() => child.kill('SIGKILL'), GIT_TIMEOUT_MS)
    child.stdout.on('data', (d: Buffer) => out.push(d))
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    child.on('error', e => {
      clearTimeout(timer)
      reject(e)
    })
    child.on('close', code => {
      clearTimeout(timer)
      resolve({ code: code ?? -1, stdout: Buffer.concat(out), stderr: err })
    })
    child.stdin.on('error', () => undefined) // git may exit before reading everything
    child.stdin.end(input ?? '')
  })
}

async function hasCommit(ws: string, sha: string): Promise<boolean> {
  return (await runGit(ws, ['cat-file', '-e', `${sha}^{commit}`])).code === 0
}

/** True when the workspace is a git checkout holding both commits (fetching a missing one at depth 1). */
export async function prepareCheckout(ws: string, shas: readonly string[], fetchMissing: boolean, log: (m: string) => void): Promise<boolean> {
  if (!existsSync(ws)) return false
  try {
    if ((await runGit(ws, ['rev-parse', '--git-dir'])).code !== 0) return false
    for (const sha of shas) {
      if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(sha)) return false
      if (await hasCommit(ws, sha)) continue
      if (!fetchMissing) return false
      log(`git: fetching missing commit ${sha} (depth 1)`)
      const f = await runGit(ws, ['-c', 'protocol.version=2', 'fetch', '--no-tags', '--no-recurse-submodules', '--depth=1', 'origin', sha])
      if (f.code !== 0 || !(await hasCommit(ws, sha))) {
        log(`git: could not fetch ${sha}: ${f.stderr.trim().split('\n').pop() ?? ''}`)
        return false
      }
    }
    return true
  } catch (e) {
    log(`git: unusable (${(e as Error).message})`)
    return false
  }
}

/**
 * Reads `paths` at commit `sha` as bytes: one `git ls-tree -r` finds their blob ids (absent paths simply aren't
 * listed), one `git cat-file --batch` reads the distinct blobs by id (looking up `sha:path` one by one is ~1 ms each).
 */
export async function readFromGit(ws: string, sha: string, paths: readonly string[]): Promise<Map<string, Buffer>> {
  const ls = await runGit(ws, ['ls-tree', '-r', '-z', '--full-tree', sha])
  if (ls.code !== 0) throw new Error(`git ls-tree failed: ${ls.stderr.trim()}`)
  const wanted = new Set(paths)
  const blobOf = new Map<string, string>()
  for (const entry of ls.stdout.toString('utf8').split('\0')) {
    // "<mode> <type> <object>\t<path>"
    const tab = entry.indexOf('\t')
    if (tab < 0) continue
    const [, type, object] = entry.slice(0, tab).split(' ')
    const path = entry.slice(tab + 1)
    if (type === 'blob' && wanted.has(path)) blobOf.set(path, object)
  }
  const ids = [...new Set(blobOf.values())]
  const out = new Map<string, Buffer>()
  if (ids.length === 0) return out
  const r = await runGit(ws, ['cat-file', '--batch', '--buffer'], ids.map(id => `${id}\n`).join(''))
  if (r.code !== 0) throw new Error(`git cat-file --batch failed: ${r.stderr.trim()}`)
  const text = new Map<string, Buffer>()
  const buf = r.stdout
  let pos = 0
  for (const id of ids) {
    const nl = buf.indexOf(0x0a, pos)
    if (nl < 0) throw new Error('git cat-file --batch: truncated output')
    const header = buf.subarray(pos, nl).toString('utf8')
    pos = nl + 1
    const m = /^([0-9a-f]+) (\w+) (\d+)$/.exec(header)
    if (!m) throw new Error(`git cat-file --batch: unexpected answer for ${id}: ${JSON.stringify(header)}`)
    const size = Number(m[3])
    text.set(id, buf.subarray(pos, pos + size))
    pos += size + 1 // content + LF
  }
  for (const p of paths) {
    const id = blobOf.get(p)
    if (id !== undefined) out.set(p, text.get(id)!)
  }
  return out
}

// ---- text from the API ----

async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++])
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}

function decodeBase64(content: string): Buffer {
  return Buffer.from(content.replace(/\n/g, ''), 'base64')
}

/** A blob's bytes. */
export async function readBlob(octokit: GitHubClient, repo: RepoRef, sha: string): Promise<Buffer> {
  const { data } = await octokit.rest.git.getBlob({ ...repo, file_sha: sha })
  return data.encoding === 'base64' ? decodeBase64(data.content) : Buffer.from(data.content, 'utf8')
}

/** File bytes at `ref`, or undefined when it does not exist there. Over 1 MB: the blob API. */
export async function readContent(octokit: GitHubClient, repo: RepoRef, path: string, ref: string): Promise<Buffer | undefined> {
  try {
    const { data } = await octokit.rest.repos.getContent({ ...repo, path, ref })
    if (Array.isArray(data) || data.type !== 'file') return undefined
    const file = data as { encoding?: string; content?: string; sha: string }
    if (file.encoding === 'base64' && typeof file.content === 'string') return decodeBase64(file.content)
    return await readBlob(octokit, repo, file.sha) // encoding "none": 1–100 MB
  } catch (e) {
    if (httpStatusOf(e) === 404) return undefined
    throw e
  }
}

// ---- the whole thing ----

/** The PR's changed files (pulls.listFiles), flagged incomplete past GitHub's 3,000-file cap. */
export async function listPullFiles(octokit: GitHubClient, repo: RepoRef, pullNumber: number): Promise<ChangedFileList> {
  const files = await listChangedFiles(octokit, repo, pullNumber)
  const notes: string[] = []
  let total = files.length
  let complete = true
  if (files.length >= LIST_FILES_CAP) {
    const { data } = await octokit.rest.pulls.get({ ...repo, pull_number: pullNumber })
    total = data.changed_files
    if (data.changed_files > files.length) {
      complete = false
      notes.push(`This PR changes ${data.changed_files} files; GitHub lists only the first ${LIST_FILES_CAP}, so routine changes may be missing. Split the PR.`)
    }
  }
  return { files, complete, total, notes }
}

export async function readChangedSources(req: ChangedSourcesRequest): Promise<ChangedSources> {
  const log = req.log ?? (() => undefined)
  const listed = req.changedFiles ?? (req.pullNumber !== undefined ? await listPullFiles(req.octokit, req.repo, req.pullNumber) : undefined)
  if (listed === undefined) throw new TypeError('readChangedSources needs pullNumber or changedFiles')
  const { files, complete } = listed
  const totalChangedFiles = listed.total
  const notes = [...listed.notes]
  const sel = selectPaths(files, req.include, req.exclude ?? [], req.rollbackPattern ?? DEFAULT_ROLLBACK_PATTERN)
  const decode = req.decode ?? decodeUtf8
  const result = (baseBytes: Map<string, Buffer>, headBytes: Map<string, Buffer>, contentSource: 'git' | 'api'): ChangedSources => {
    const sides = pairSides(decodeAll(baseBytes, decode), decodeAll(headBytes, decode))
    return {
      base: sides.base,
      head: sides.head,
      errors: sides.errors,
      warnings: sides.warnings,
      changedPaths: sel.changed,
      readPaths: sel.read,
      contentSource,
      complete,
      totalChangedFiles,
      notes,
      files
    }
  }
  if (sel.read.length === 0) return result(new Map(), new Map(), 'api')

  if (req.workspace !== undefined && req.apiOnly !== true && (await prepareCheckout(req.workspace, [req.baseSha, req.headSha], req.fetchMissing ?? true, log))) {
    try {
      const base = await readFromGit(req.workspace, req.baseSha, sel.read)
      const head = await readFromGit(req.workspace, req.headSha, sel.read)
      return result(sortedMap(base), sortedMap(head), 'git')
    } catch (e) {
      log(`git: ${(e as Error).message}; reading files through the API`)
    }
  }

  const fromTrees = await readViaTrees(req.octokit, req.repo, req.baseSha, req.headSha, sel.read, log)
  if (fromTrees !== undefined) return result(sortedMap(fromTrees.base), sortedMap(fromTrees.head), 'api')
  log('GitHub: a recursive tree was truncated (very large repository); reading each file at its ref')
  const { base, head } = await readPerFile(req, files, sel.read)
  return result(sortedMap(base), sortedMap(head), 'api')
}

function sortedMap<T>(m: Map<string, T>): Map<string, T> {
  return new Map([...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

interface Sides {
  base: Map<string, Buffer>
  head: Map<string, Buffer>
}

interface TreeIndex {
  /** path → blob sha */
  blobs: Map<string, string>
  totalBytes: number
}

/** Every file at `sha` with its blob sha (one call), or undefined when GitHub truncated the listing. */
export async function treeIndex(octokit: GitHubClient, repo: RepoRef, sha: string): Promise<TreeIndex | undefined> {
  const { data } = await octokit.rest.git.getTree({ ...repo, tree_sha: sha, recursive: 'true' })
  if (data.truncated) return undefined
  const blobs = new Map<string, string>()
  let totalBytes = 0
  for (const e of data.tree) {
    if (e.type !== 'blob' || e.path === undefined || e.sha === undefined) continue
    blobs.set(e.path, e.sha)
    totalBytes += e.size ?? 0
  }
  return { blobs, totalBytes }
}

/** Files of `ref` from its tarball, each checked against its tree blob sha (export-ignore/export-subst can differ). */
async function readTarball(octokit: GitHubClient, repo: RepoRef, ref: string, want: Map<string, string>): Promise<Map<string, Buffer>> {
  const { data } = await octokit.rest.repos.downloadTarballArchive({ ...repo, ref })
  const files = extractFiles(new Uint8Array(data as ArrayBuffer), new Set(want.keys()))
  const byBlob = new Map<string, Buffer>()
  for (const [path, bytes] of files) if (gitBlobSha(bytes) === want.get(path)) byBlob.set(want.get(path)!, bytes)
  return byBlob
}

/**
 * Two recursive trees say which paths exist on each side and their blob shas (no 404 probes for siblings). Then
 * each distinct blob is read once (an unchanged sibling costs one call for both sides; any size ≤ 100 MB), or, for
 * many blobs in a repository of reasonable size, the two tarballs are read instead.
 */
export async function readViaTrees(octokit: GitHubClient, repo: RepoRef, baseSha: string, headSha: string, paths: readonly string[], log: (m: string) => void): Promise<Sides | undefined> {
  const [baseIdx, headIdx] = await Promise.all([treeIndex(octokit, repo, baseSha), treeIndex(octokit, repo, headSha)])
  if (baseIdx === undefined || headIdx === undefined) return undefined
  const blobs = new Map<string, Buffer | undefined>()
  const wantAt = (idx: TreeIndex) => {
    const m = new Map<string, string>()
    for (const p of paths) {
      const b = idx.blobs.get(p)
      if (b !== undefined) {
        m.set(p, b)
        blobs.set(b, undefined)
      }
    }
    return m
  }
  const baseWant = wantAt(baseIdx)
  const headWant = wantAt(headIdx)
  if (blobs.size > TARBALL_MIN_BLOBS && Math.max(baseIdx.totalBytes, headIdx.totalBytes) <= TARBALL_MAX_BYTES) {
    log(`GitHub: ${blobs.size} files to read; using the base and head tarballs`)
    for (const [sha, want] of [[baseSha, baseWant], [headSha, headWant]] as const) {
      if (want.size === 0) continue
      for (const [b, text] of await readTarball(octokit, repo, sha, want)) blobs.set(b, text)
    }
  }
  const missing = [...blobs].filter(([, t]) => t === undefined).map(([b]) => b)
  await pool(missing, API_CONCURRENCY, async b => {
    blobs.set(b, await readBlob(octokit, repo, b))
  })
  const side = (want: Map<string, string>) => new Map([...want].map(([p, b]) => [p, blobs.get(b)!] as const))
  return { base: side(baseWant), head: side(headWant) }
}

/** Fallback for repositories too large for a recursive tree: getContent per path and side. */
async function readPerFile(req: ChangedSourcesRequest, files: readonly ChangedFile[], paths: readonly string[]): Promise<Sides> {
  const byPath = new Map(files.map(f => [f.path, f]))
  const renamedAway = new Set(files.filter(f => f.previousPath !== undefined).map(f => f.previousPath!))
  const base = new Map<string, Buffer>()
  const head = new Map<string, Buffer>()
  type Job = { side: 'base' | 'head'; path: string }
  const jobs: Job[] = []
  for (const path of paths) {
    jobs.push({ side: 'base', path })
    const f = byPath.get(path)
    // the head side is exact in listFiles: removed and renamed-away paths are absent there
    if (f?.status === 'removed' || (renamedAway.has(path) && f === undefined)) continue
    jobs.push({ side: 'head', path })
  }
  await pool(jobs, API_CONCURRENCY, async job => {
    const f = byPath.get(job.path)
    let text: Buffer | undefined
    if (job.side === 'head' && f?.headBlobSha !== undefined) text = await readBlob(req.octokit, req.repo, f.headBlobSha)
    else text = await readContent(req.octokit, req.repo, job.path, job.side === 'base' ? req.baseSha : req.headSha)
    if (text !== undefined) (job.side === 'base' ? base : head).set(job.path, text)
  })
  return { base, head }
}
