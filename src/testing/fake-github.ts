// A local fake of the GitHub REST endpoints dms-proc-gate uses (node:http on 127.0.0.1, random port), for tests,
// the bench and `npm run demo`. It keeps GitHub's observable rules where they matter to us: pagination with Link
// headers, the 3,000-file cap of pulls.listFiles, contents over 1 MB (content "" + encoding "none"), 50 annotations
// per request and 65,535-byte check output (422), 65,536-character comments (422), read-only tokens (403), legacy
// permission levels, rate-limit and 5xx faults. Every call and every write is counted by method + route.
// Never imported by src/index.ts or src/cli.ts.
import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gitBlobSha as blobShaOfBytes } from '../sources/tarball.js'
import { makeTarball } from './tar.js'

export type Role = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none'
export type TokenAccess = 'write' | 'read'

export interface FakeToken {
  login: string
  access: TokenAccess
  /** GitHub App behind the token (default 15368, github-actions); only that app may modify its check runs */
  appId?: number
  /** that app's slug (its bot user is `<slug>[bot]`) */
  appSlug?: string
}

export interface FakePull {
  number: number
  title: string
  /** The PR description (refresh runs read `DMS-Perm-Order:` lines from it through pulls.get). */
  body: string | null
  user: string
  state: 'open' | 'closed'
  draft: boolean
  merged: boolean
  mergeCommitSha: string | null
  base: { ref: string; sha: string }
  head: { ref: string; sha: string; repoFullName: string | null }
  /** Commit the file list is computed from (GitHub: the merge base); defaults to base.sha. */
  mergeBaseSha: string
}

export interface FakeAnnotation {
  path: string
  start_line: number
  end_line: number
  annotation_level: 'notice' | 'warning' | 'failure'
  message: string
  title?: string
  raw_details?: string
  start_column?: number
  end_column?: number
}

export interface FakeCheckRun {
  id: number
  name: string
  head_sha: string
  status: 'queued' | 'in_progress' | 'completed'
  conclusion: string | null
  started_at: string
  completed_at: string | null
  external_id: string | null
  details_url: string | null
  output: { title: string | null; summary: string | null; text: string | null }
  annotations: FakeAnnotation[]
  /** the GitHub App that created the run */
  appId: number
  appSlug?: string
}

export interface FakeComment {
  id: number
  issueNumber: number
  body: string
  user: string
  createdAt: string
  updatedAt: string
}

export interface FakeRepo {
  owner: string
  name: string
  defaultBranch: string
  /** sha → full tree (path → content) */
  commits: Map<string, Map<string, string>>
  /** sha → parent shas (first parent first) */
  parents: Map<string, string[]>
  branches: Map<string, string>
  blobs: Map<string, string>
  pulls: Map<number, FakePull>
  checkRuns: FakeCheckRun[]
  comments: FakeComment[]
  collaborators: Map<string, Role>
}

export interface FakeState {
  repos: Map<string, FakeRepo>
  tokens: Map<string, FakeToken>
  nextId: number
  /** Fake clock for created/updated timestamps (ms); advances 1 s per write so order is visible. */
  clock: number
  /** answer recursive tree requests with `truncated: true` (as GitHub does past 100,000 entries / 7 MB) */
  truncateTrees: boolean
  /** what `git archive` would change in tarballs (export-ignore → null, export-subst → new text), by path */
  tarballOverrides: Map<string, string | null>
}

export interface CallRecord {
  method: string
  /** Route template, e.g. `GET /repos/{owner}/{repo}/pulls/{pull_number}/files` */
  route: string
  status: number
}

export type FaultKind = 'secondary-rate-limit' | 'primary-rate-limit' | 'too-many-requests' | 'server-error'

export interface Fault {
  kind: FaultKind
  /** How many matching requests fail (default 1). */
  times?: number
  /** Only requests whose `METHOD /route` contains this string (default: any). */
  match?: string
  /** Seconds in retry-after (rate limits; default 1). */
  retryAfter?: number
  /** For server-error (default 502). */
  status?: number
}

export interface PullSeed {
  number: number
  baseSha: string
  headSha: string
  title?: string
  body?: string | null
  user?: string
  baseRef?: string
  headRef?: string
  /** true: head lives in a fork (head.repo = `<user>/<repo>`); null head repo = deleted fork */
  fork?: boolean | 'deleted'
  state?: 'open' | 'closed'
  draft?: boolean
  mergeBaseSha?: string
}

export interface RepoSeed {
  owner: string
  name: string
  defaultBranch?: string
  commits?: Record<string, Record<string, string>>
  branches?: Record<string, string>
  collaborators?: Record<string, Role>
  pulls?: PullSeed[]
}

export interface FakeSeed {
  repos?: RepoSeed[]
  tokens?: Record<string, FakeToken>
}

export interface Counters {
  calls: number
  writes: number
  /** `METHOD /route` → count (all calls) */
  byRoute: Record<string, number>
  /** `METHOD /route` → count (writes only) */
  writesByRoute: Record<string, number>
}

export interface FakeGitHub {
  url: string
  state: FakeState
  /** Every request since the last resetCounters(), in order. */
  calls: CallRecord[]
  /** The writes (POST/PATCH/PUT/DELETE) among them. */
  writes: CallRecord[]
  counters(): Counters
  resetCounters(): void
  close(): Promise<void>
  seed(seed: FakeSeed): void
  repo(fullName: string): FakeRepo
  addRepo(seed: RepoSeed): FakeRepo
  /** Adds a commit whose tree is `parent`'s tree with `changes` applied (null content deletes the path). */
  addCommit(fullName: string, sha: string, changes: Record<string, string | null>, parentSha?: string): void
  /** Records a commit's parents (first parent first), as GET /commits/{ref} reports them. */
  setParents(fullName: string, sha: string, parents: string[]): void
  /** Puts a check run on a commit as another producer would (a job named like the check, another app). */
  addCheckRun(fullName: string, run: { name: string; headSha: string; conclusion?: string | null; appId?: number; appSlug?: string; summary?: string | null; title?: string | null }): FakeCheckRun
  addPull(fullName: string, pull: PullSeed): FakePull
  /** Moves a PR to a new head commit (a push: `synchronize`). */
  pushToPull(fullName: string, number: number, headSha: string): void
  /** Closes a PR, merged (with its merge commit, whose tree is the head's unless given) or not. */
  closePull(fullName: string, number: number, merge?: { mergeCommitSha: string; tree?: Record<string, string> }): void
  setPermission(fullName: string, login: string, role: Role): void
  addToken(token: string, t: FakeToken): void
  injectFault(f: Fault): void
  checkRuns(fullName: string, sha?: string): FakeCheckRun[]
  comments(fullName: string, issueNumber: number): FakeComment[]
}

export const DEFAULT_TOKEN = 'ghs_fakeWorkflowToken'
export const BOT_LOGIN = 'github-actions[bot]'
export const ACTIONS_APP = { id: 15368, slug: 'github-actions', name: 'GitHub Actions' }
export const MAX_LIST_FILES = 3000
export const CONTENT_INLINE_LIMIT = 1024 * 1024
export const CHECK_OUTPUT_LIMIT = 65535
export const COMMENT_LIMIT = 65536

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly extra: Record<string, unknown> = {}
  ) {
    super(message)
  }
}

export function gitBlobSha(content: string): string {
  return blobShaOfBytes(Buffer.from(content, 'utf8'))
}

function legacyPermission(role: Role): 'admin' | 'write' | 'read' | 'none' {
  switch (role) {
    case 'admin':
      return 'admin'
    case 'maintain':
    case 'write':
      return 'write'
    case 'triage':
    case 'read':
      return 'read'
    case 'none':
      return 'none'
  }
}

function newRepo(seed: RepoSeed): FakeRepo {
  return {
    owner: seed.owner,
    name: seed.name,
    defaultBranch: seed.defaultBranch ?? 'main',
    commits: new Map(),
    parents: new Map(),
    branches: new Map(),
    blobs: new Map(),
    pulls: new Map(),
    checkRuns: [],
    comments: [],
    collaborators: new Map()
  }
}

type Params = Record<string, string>
interface Ctx {
  req: IncomingMessage
  url: URL
  params: Params
  body: Record<string, unknown>
  token: FakeToken
  repo: FakeRepo
}
type Handler = (ctx: Ctx) => { status: number; body?: unknown; headers?: Record<string, string>; raw?: string; binary?: Buffer }
interface RouteDef {
  method: string
  template: string
  re: RegExp
  keys: string[]
  handler: Handler
  /** routes not under /repos/{owner}/{repo} */
  global?: boolean
}

export interface FakeOptions {
  /** serve under a path prefix, as GitHub Enterprise Server does (`/api/v3`) */
  pathPrefix?: string
}

export async function startFakeGitHub(seed?: FakeSeed, options: FakeOptions = {}): Promise<FakeGitHub> {
  const prefix = (options.pathPrefix ?? '').replace(/\/+$/, '')
  const state: FakeState = { repos: new Map(), tokens: new Map(), nextId: 1000, clock: Math.floor(Date.now() / 1000) * 1000, truncateTrees: false, tarballOverrides: new Map() }
  state.tokens.set(DEFAULT_TOKEN, { login: BOT_LOGIN, access: 'write' })
  let calls: CallRecord[] = []
  const faults: Array<Fault & { left: number }> = []
  let baseUrl = ''

  const now = (): string => {
    state.clock += 1000
    return new Date(state.clock).toISOString().replace(/\.\d{3}Z$/, 'Z')
  }
  const nextId = (): number => ++state.nextId

  function repoOf(fullName: string): FakeRepo {
    const r = state.repos.get(fullName.toLowerCase())
    if (!r) throw new Error(`fake-github: no repo ${fullName}`)
    return r
  }

  function addRepo(s: RepoSeed): FakeRepo {
    const r = newRepo(s)
    state.repos.set(`${s.owner}/${s.name}`.toLowerCase(), r)
    for (const [sha, files] of Object.entries(s.commits ?? {})) setTree(r, sha, new Map(Object.entries(files)))
    for (const [b, sha] of Object.entries(s.branches ?? {})) r.branches.set(b, sha)
    for (const [login, role] of Object.entries(s.collaborators ?? {})) r.collaborators.set(login.toLowerCase(), role)
    for (const p of s.pulls ?? []) addPullTo(r, p)
    return r
  }

  function setTree(r: FakeRepo, sha: string, tree: Map<string, string>): void {
    r.commits.set(sha, tree)
    for (const content of tree.values()) r.blobs.set(gitBlobSha(content), content)
  }

  function addPullTo(r: FakeRepo, p: PullSeed): FakePull {
    const headRepo = p.fork === 'deleted' ? null : p.fork ? `${p.user ?? 'octocat'}/${r.name}` : `${r.owner}/${r.name}`
    const pull: FakePull = {
      number: p.number,
      title: p.title ?? `PR ${p.number}`,
      body: p.body ?? null,
      user: p.user ?? 'octocat',
      state: p.state ?? 'open',
      draft: p.draft ?? false,
      merged: false,
      mergeCommitSha: null,
      base: { ref: p.baseRef ?? r.defaultBranch, sha: p.baseSha },
      head: { ref: p.headRef ?? `feature-${p.number}`, sha: p.headSha, repoFullName: headRepo },
      mergeBaseSha: p.mergeBaseSha ?? p.baseSha
    }
    r.pulls.set(p.number, pull)
    return pull
  }

  function resolveRef(r: FakeRepo, ref: string): string | undefined {
    if (r.commits.has(ref)) return ref
    const branch = ref.replace(/^refs\/heads\//, '')
    if (r.branches.has(branch)) return r.branches.get(branch)
    const m = /^refs\/pull\/(\d+)\/head$/.exec(ref)
    if (m) return r.pulls.get(Number(m[1]))?.head.sha
    return undefined
  }

  // ---- request helpers ----

  function paginate<T>(ctx: Ctx, items: T[]): { page: T[]; headers: Record<string, string> } {
    const perPage = Math.min(Math.max(Number(ctx.url.searchParams.get('per_page') ?? 30) || 30, 1), 100)
    const pageNo = Math.max(Number(ctx.url.searchParams.get('page') ?? 1) || 1, 1)
    const last = Math.max(Math.ceil(items.length / perPage), 1)
    const page = items.slice((pageNo - 1) * perPage, pageNo * perPage)
    const link = (n: number, rel: string): string => {
      const u = new URL(prefix + ctx.url.pathname + ctx.url.search, baseUrl)
      u.searchParams.set('page', String(n))
      u.searchParams.set('per_page', String(perPage))
      return `<${u.toString()}>; rel="${rel}"`
    }
    const links: string[] = []
    if (pageNo > 1) links.push(link(pageNo - 1, 'prev'), link(1, 'first'))
    if (pageNo < last) links.push(link(pageNo + 1, 'next'), link(last, 'last'))
    return { page, headers: links.length ? { link: links.join(', ') } : {} }
  }

  function pullJson(r: FakeRepo, p: FakePull): Record<string, unknown> {
    const full = `${r.owner}/${r.name}`
    const files = diffEntries(r, p)
    return {
      url: `${baseUrl}${prefix}/repos/${full}/pulls/${p.number}`,
      html_url: `https://github.com/${full}/pull/${p.number}`,
      number: p.number,
      state: p.state,
      title: p.title,
      body: p.body,
      draft: p.draft,
      merged: p.merged,
      merge_commit_sha: p.mergeCommitSha,
      user: { login: p.user, type: 'User' },
      changed_files: files.length,
      base: { ref: p.base.ref, sha: p.base.sha, repo: { full_name: full, name: r.name, owner: { login: r.owner }, fork: false } },
      head: {
        ref: p.head.ref,
        sha: p.head.sha,
        repo:
          p.head.repoFullName === null
            ? null
            : {
                full_name: p.head.repoFullName,
                name: p.head.repoFullName.split('/')[1],
                owner: { login: p.head.repoFullName.split('/')[0] },
                fork: p.head.repoFullName.toLowerCase() !== full.toLowerCase()
              }
      }
    }
  }

  function treeAt(r: FakeRepo, sha: string): Map<string, string> {
    const t = r.commits.get(sha)
    if (!t) throw new HttpError(422, `No commit found for SHA: ${sha}`)
    return t
  }

  /** The PR's files (merge base → head), renames detected by identical content, sorted by path. */
  function diffEntries(r: FakeRepo, p: FakePull): Array<Record<string, unknown>> {
    const base = r.commits.get(p.mergeBaseSha) ?? new Map<string, string>()
    const head = r.commits.get(p.head.sha) ?? new Map<string, string>()
    const removed: string[] = []
    const added: string[] = []
    const out: Array<Record<string, unknown>> = []
    const lines = (s: string): number => (s === '' ? 0 : s.split('\n').length)
    for (const [path, content] of head) {
      const old = base.get(path)
      if (old === undefined) added.push(path)
      else if (old !== content) {
        out.push(entry(path, 'modified', content, lines(content), lines(old)))
      }
    }
    for (const path of base.keys()) if (!head.has(path)) removed.push(path)
    const removedByContent = new Map<string, string>()
    for (const path of removed) removedByContent.set(base.get(path)!, path)
    for (const path of added) {
      const content = head.get(path)!
      const from = removedByContent.get(content)
      if (from !== undefined) {
        removedByContent.delete(content)
        removed.splice(removed.indexOf(from), 1)
        out.push({ ...entry(path, 'renamed', content, 0, 0), previous_filename: from })
      } else out.push(entry(path, 'added', content, lines(content), 0))
    }
    for (const path of removed) out.push(entry(path, 'removed', base.get(path)!, 0, lines(base.get(path)!)))
    return out.sort((a, b) => String(a.filename).localeCompare(String(b.filename)))

    function entry(path: string, status: string, content: string, additions: number, deletions: number) {
      const full = `${r.owner}/${r.name}`
      return {
        sha: gitBlobSha(content),
        filename: path,
        status,
        additions,
        deletions,
        changes: additions + deletions,
        blob_url: `https://github.com/${full}/blob/${p.head.sha}/${path}`,
        raw_url: `https://github.com/${full}/raw/${p.head.sha}/${path}`,
        contents_url: `${baseUrl}${prefix}/repos/${full}/contents/${encodeURIComponent(path)}?ref=${p.head.sha}`
      }
    }
  }

  function pullOf(ctx: Ctx, key = 'pull_number'): FakePull {
    const p = ctx.repo.pulls.get(Number(ctx.params[key]))
    if (!p) throw new HttpError(404, 'Not Found')
    return p
  }

  function requireWrite(ctx: Ctx): void {
    if (ctx.token.access !== 'write') throw new HttpError(403, 'Resource not accessible by integration')
  }

  function checkRunJson(r: FakeRepo, c: FakeCheckRun): Record<string, unknown> {
    const full = `${r.owner}/${r.name}`
    return {
      id: c.id,
      name: c.name,
      head_sha: c.head_sha,
      status: c.status,
      conclusion: c.conclusion,
      started_at: c.started_at,
      completed_at: c.completed_at,
      external_id: c.external_id,
      details_url: c.details_url,
      html_url: `https://github.com/${full}/runs/${c.id}`,
      url: `${baseUrl}${prefix}/repos/${full}/check-runs/${c.id}`,
      output: {
        title: c.output.title,
        summary: c.output.summary,
        text: c.output.text,
        annotations_count: c.annotations.length,
        annotations_url: `${baseUrl}${prefix}/repos/${full}/check-runs/${c.id}/annotations`
      },
      app: c.appId === ACTIONS_APP.id ? ACTIONS_APP : { id: c.appId, slug: c.appSlug ?? `app-${c.appId}`, name: `App ${c.appId}` },
      pull_requests: []
    }
  }

  function commentJson(r: FakeRepo, c: FakeComment): Record<string, unknown> {
    const full = `${r.owner}/${r.name}`
    const isBot = c.user.endsWith('[bot]')
    return {
      id: c.id,
      body: c.body,
      user: { login: c.user, type: isBot ? 'Bot' : 'User', id: isBot ? 41898282 : 1 },
      created_at: c.createdAt,
      updated_at: c.updatedAt,
      html_url: `https://github.com/${full}/pull/${c.issueNumber}#issuecomment-${c.id}`,
      issue_url: `${baseUrl}${prefix}/repos/${full}/issues/${c.issueNumber}`
    }
  }

  function validateOutputText(field: string, v: unknown): void {
    if (typeof v !== 'string') return
    if (v.length > CHECK_OUTPUT_LIMIT) {
      throw new HttpError(422, `Invalid request.\n\nOnly ${CHECK_OUTPUT_LIMIT} characters are allowed; ${v.length} were supplied.`)
    }
    if (Buffer.byteLength(v, 'utf8') > CHECK_OUTPUT_LIMIT) {
      throw new HttpError(422, `Invalid request.\n\n${field} exceeds a maximum bytesize of ${CHECK_OUTPUT_LIMIT}`)
    }
  }

  function applyCheckBody(c: FakeCheckRun, body: Record<string, unknown>, creating: boolean): void {
    const status = body.status as string | undefined
    const conclusion = body.conclusion as string | undefined
    if (status !== undefined && !['queued', 'in_progress', 'completed'].includes(status)) {
      throw new HttpError(422, `Invalid request.\n\n${JSON.stringify(status)} is not a member of ["queued", "in_progress", "completed"].`)
    }
    const conclusions = ['action_required', 'cancelled', 'failure', 'neutral', 'success', 'skipped', 'timed_out']
    if (conclusion !== undefined && !conclusions.includes(conclusion)) {
      throw new HttpError(422, `Invalid request.\n\n${JSON.stringify(conclusion)} is not a member of the allowed conclusions.`)
    }
    if (status === 'completed' && conclusion === undefined) {
      throw new HttpError(422, 'Invalid request.\n\nNo subschema in "anyOf" matched: conclusion is required when status is completed.')
    }
    const output = body.output as Record<string, unknown> | undefined
    if (output !== undefined) {
      if (typeof output.title !== 'string' || typeof output.summary !== 'string') {
        throw new HttpError(422, 'Invalid request.\n\n"title" and "summary" are required keys of output.')
      }
      validateOutputText('title', output.title)
      validateOutputText('summary', output.summary)
      validateOutputText('text', output.text)
      const anns = (output.annotations as FakeAnnotation[] | undefined) ?? []
      if (anns.length > 50) throw new HttpError(422, 'Invalid request.\n\nOnly 50 annotations are allowed per request.')
      for (const a of anns) {
        if (!a.path || !a.start_line || !a.end_line || !a.message || !['notice', 'warning', 'failure'].includes(a.annotation_level)) {
          throw new HttpError(422, 'Invalid request.\n\nannotation is missing path, start_line, end_line, annotation_level or message.')
        }
      }
    }
    // all validated: apply
    if (typeof body.name === 'string' && !creating) c.name = body.name
    if (typeof body.external_id === 'string') c.external_id = body.external_id
    if (typeof body.details_url === 'string') c.details_url = body.details_url
    if (typeof body.started_at === 'string') c.started_at = body.started_at
    if (conclusion !== undefined) {
      c.status = 'completed'
      c.conclusion = conclusion
      c.completed_at = typeof body.completed_at === 'string' ? body.completed_at : now()
    } else if (status !== undefined) {
      c.status = status as FakeCheckRun['status']
      if (status !== 'completed') {
        c.conclusion = null
        c.completed_at = null
      }
    }
    if (output !== undefined) {
      c.output = {
        title: output.title as string,
        summary: output.summary as string,
        text: typeof output.text === 'string' ? output.text : c.output.text
      }
      c.annotations.push(...((output.annotations as FakeAnnotation[] | undefined) ?? []))
    }
  }

  // ---- routes ----
  const routes: RouteDef[] = []
  function route(method: string, template: string, handler: Handler, global = false): void {
    const keys: string[] = []
    const source = template.replace(/[.]/g, '\\.').replace(/\{(\w+)\}/g, (_m, k: string) => {
      keys.push(k)
      return k === 'path' ? '(.+)' : '([^/]+)'
    })
    routes.push({ method, template, re: new RegExp(`^${source}$`), keys, handler, global })
  }

  route('GET', '/user', () => {
    throw new HttpError(403, 'Resource not accessible by integration')
  }, true)

  route('GET', '/repos/{owner}/{repo}', ctx => ({
    status: 200,
    body: { full_name: `${ctx.repo.owner}/${ctx.repo.name}`, default_branch: ctx.repo.defaultBranch, private: false }
  }))

  route('GET', '/repos/{owner}/{repo}/pulls', ctx => {
    const want = ctx.url.searchParams.get('state') ?? 'open'
    const list = [...ctx.repo.pulls.values()]
      .filter(p => want === 'all' || p.state === want)
      .sort((a, b) => b.number - a.number)
    const { page, headers } = paginate(ctx, list)
    return { status: 200, body: page.map(p => pullJson(ctx.repo, p)), headers }
  })

  route('GET', '/repos/{owner}/{repo}/pulls/{pull_number}', ctx => ({ status: 200, body: pullJson(ctx.repo, pullOf(ctx)) }))

  route('GET', '/repos/{owner}/{repo}/pulls/{pull_number}/files', ctx => {
    const all = diffEntries(ctx.repo, pullOf(ctx)).slice(0, MAX_LIST_FILES)
    const { page, headers } = paginate(ctx, all)
    return { status: 200, body: page, headers }
  })

  route('GET', '/repos/{owner}/{repo}/contents/{path}', ctx => {
    const path = decodeURIComponent(ctx.params.path)
    const ref = ctx.url.searchParams.get('ref') ?? ctx.repo.defaultBranch
    const sha = resolveRef(ctx.repo, ref)
    if (sha === undefined) throw new HttpError(404, `No commit found for the ref ${ref}`)
    const content = treeAt(ctx.repo, sha).get(path)
    if (content === undefined) throw new HttpError(404, 'Not Found')
    const accept = String(ctx.req.headers.accept ?? '')
    if (/application\/vnd\.github(\.v3)?\.raw/.test(accept)) return { status: 200, raw: content }
    const size = Buffer.byteLength(content, 'utf8')
    const big = size > CONTENT_INLINE_LIMIT
    const b64 = big ? '' : (Buffer.from(content, 'utf8').toString('base64').match(/.{1,60}/g) ?? []).join('\n') + '\n'
    return {
      status: 200,
      body: {
        type: 'file',
        name: path.split('/').pop(),
        path,
        sha: gitBlobSha(content),
        size,
        encoding: big ? 'none' : 'base64',
        content: b64
      }
    }
  })

  // Get a commit: the fields the gate reads (sha, parents); files are not listed (the gate diffs trees instead).
  route('GET', '/repos/{owner}/{repo}/commits/{ref}', ctx => {
    const sha = resolveRef(ctx.repo, decodeURIComponent(ctx.params.ref))
    if (sha === undefined) throw new HttpError(422, `No commit found for SHA: ${ctx.params.ref}`)
    const full = `${ctx.repo.owner}/${ctx.repo.name}`
    return {
      status: 200,
      body: {
        sha,
        url: `${baseUrl}${prefix}/repos/${full}/commits/${sha}`,
        html_url: `https://github.com/${full}/commit/${sha}`,
        commit: { message: '', tree: { sha: createHash('sha1').update(`tree:${sha}`).digest('hex') } },
        parents: (ctx.repo.parents.get(sha) ?? []).map(p => ({ sha: p, url: `${baseUrl}${prefix}/repos/${full}/commits/${p}` }))
      }
    }
  })

  route('GET', '/repos/{owner}/{repo}/git/blobs/{file_sha}', ctx => {
    const content = ctx.repo.blobs.get(ctx.params.file_sha)
    if (content === undefined) throw new HttpError(404, 'Not Found')
    const accept = String(ctx.req.headers.accept ?? '')
    if (/application\/vnd\.github(\.v3)?\.raw/.test(accept)) return { status: 200, raw: content }
    return {
      status: 200,
      body: {
        sha: ctx.params.file_sha,
        size: Buffer.byteLength(content, 'utf8'),
        encoding: 'base64',
        content: Buffer.from(content, 'utf8').toString('base64')
      }
    }
  })

  route('GET', '/repos/{owner}/{repo}/git/trees/{tree_sha}', ctx => {
    const sha = resolveRef(ctx.repo, decodeURIComponent(ctx.params.tree_sha))
    if (sha === undefined) throw new HttpError(404, 'Not Found')
    const tree = treeAt(ctx.repo, sha)
    const recursive = ['1', 'true'].includes(ctx.url.searchParams.get('recursive') ?? '')
    const entries: Array<Record<string, unknown>> = []
    const dirs = new Set<string>()
    for (const [path, content] of [...tree].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const parts = path.split('/')
      if (!recursive && parts.length > 1) {
        dirs.add(parts[0])
        continue
      }
      for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'))
      entries.push({ path, mode: '100644', type: 'blob', sha: gitBlobSha(content), size: Buffer.byteLength(content, 'utf8') })
    }
    for (const d of dirs) entries.push({ path: d, mode: '040000', type: 'tree', sha: createHash('sha1').update(`tree:${d}`).digest('hex') })
    return { status: 200, body: { sha, tree: entries, truncated: state.truncateTrees } }
  })

  // GitHub answers 302 to codeload; the fake serves the archive itself
  route('GET', '/repos/{owner}/{repo}/tarball/{ref}', ctx => {
    const sha = resolveRef(ctx.repo, decodeURIComponent(ctx.params.ref))
    if (sha === undefined) throw new HttpError(404, 'Not Found')
    const top = `${ctx.repo.owner}-${ctx.repo.name}-${sha.slice(0, 7)}`
    const files = new Map(treeAt(ctx.repo, sha))
    for (const [p, c] of state.tarballOverrides) {
      if (!files.has(p)) continue
      if (c === null) files.delete(p)
      else files.set(p, c)
    }
    return { status: 200, binary: makeTarball(top, files, sha), headers: { 'content-type': 'application/x-gzip' } }
  })

  route('POST', '/repos/{owner}/{repo}/check-runs', ctx => {
    requireWrite(ctx)
    const b = ctx.body
    if (typeof b.name !== 'string' || b.name === '' || typeof b.head_sha !== 'string') {
      throw new HttpError(422, 'Invalid request.\n\n"name" and "head_sha" are required.')
    }
    treeAt(ctx.repo, b.head_sha)
    const c: FakeCheckRun = {
      id: nextId(),
      name: b.name,
      head_sha: b.head_sha,
      status: 'queued',
      conclusion: null,
      started_at: now(),
      completed_at: null,
      external_id: null,
      details_url: null,
      output: { title: null, summary: null, text: null },
      annotations: [],
      appId: ctx.token.appId ?? ACTIONS_APP.id,
      ...(ctx.token.appSlug !== undefined ? { appSlug: ctx.token.appSlug } : {})
    }
    applyCheckBody(c, b, true)
    ctx.repo.checkRuns.push(c)
    return { status: 201, body: checkRunJson(ctx.repo, c) }
  })

  const checkById = (ctx: Ctx): FakeCheckRun => {
    const c = ctx.repo.checkRuns.find(x => x.id === Number(ctx.params.check_run_id))
    if (!c) throw new HttpError(404, 'Not Found')
    return c
  }

  route('PATCH', '/repos/{owner}/{repo}/check-runs/{check_run_id}', ctx => {
    requireWrite(ctx)
    const c = checkById(ctx)
    const app = ctx.token.appId ?? ACTIONS_APP.id
    if (c.appId !== app) {
      throw new HttpError(403, `Invalid app_id ${app} - check run can only be modified by the GitHub App that created it.`)
    }
    applyCheckBody(c, ctx.body, false)
    return { status: 200, body: checkRunJson(ctx.repo, c) }
  })

  route('GET', '/repos/{owner}/{repo}/check-runs/{check_run_id}', ctx => ({ status: 200, body: checkRunJson(ctx.repo, checkById(ctx)) }))

  route('GET', '/repos/{owner}/{repo}/check-runs/{check_run_id}/annotations', ctx => {
    const { page, headers } = paginate(ctx, checkById(ctx).annotations)
    return { status: 200, body: page, headers }
  })

  route('GET', '/repos/{owner}/{repo}/commits/{ref}/check-runs', ctx => {
    const sha = resolveRef(ctx.repo, decodeURIComponent(ctx.params.ref))
    if (sha === undefined) throw new HttpError(422, `No commit found for SHA: ${ctx.params.ref}`)
    const name = ctx.url.searchParams.get('check_name')
    const status = ctx.url.searchParams.get('status')
    const filter = ctx.url.searchParams.get('filter') ?? 'latest'
    let list = ctx.repo.checkRuns.filter(c => c.head_sha === sha).sort((a, b) => b.id - a.id)
    if (filter === 'latest') {
      const seen = new Set<string>()
      list = list.filter(c => (seen.has(c.name) ? false : (seen.add(c.name), true)))
    }
    if (name !== null) list = list.filter(c => c.name === name)
    if (status !== null) list = list.filter(c => c.status === status)
    const { page, headers } = paginate(ctx, list)
    return { status: 200, body: { total_count: list.length, check_runs: page.map(c => checkRunJson(ctx.repo, c)) }, headers }
  })

  const issueOf = (ctx: Ctx): number => {
    const n = Number(ctx.params.issue_number)
    if (!ctx.repo.pulls.has(n)) throw new HttpError(404, 'Not Found')
    return n
  }
  const validateBody = (body: unknown): string => {
    if (typeof body !== 'string' || body === '') throw new HttpError(422, 'Invalid request.\n\n"body" is required.')
    if ([...body].length > COMMENT_LIMIT) {
      throw new HttpError(422, 'Validation Failed', {}, {
        errors: [{ resource: 'IssueComment', code: 'unprocessable', field: 'data', message: `Body is too long (maximum is ${COMMENT_LIMIT} characters)` }]
      })
    }
    return body
  }

  route('GET', '/repos/{owner}/{repo}/issues/{issue_number}/comments', ctx => {
    const n = issueOf(ctx)
    const list = ctx.repo.comments.filter(c => c.issueNumber === n).sort((a, b) => a.id - b.id)
    const { page, headers } = paginate(ctx, list)
    return { status: 200, body: page.map(c => commentJson(ctx.repo, c)), headers }
  })

  route('POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments', ctx => {
    requireWrite(ctx)
    const n = issueOf(ctx)
    const body = validateBody(ctx.body.body)
    const t = now()
    const c: FakeComment = { id: nextId(), issueNumber: n, body, user: ctx.token.login, createdAt: t, updatedAt: t }
    ctx.repo.comments.push(c)
    return { status: 201, body: commentJson(ctx.repo, c) }
  })

  const commentById = (ctx: Ctx): FakeComment => {
    const c = ctx.repo.comments.find(x => x.id === Number(ctx.params.comment_id))
    if (!c) throw new HttpError(404, 'Not Found')
    return c
  }

  route('PATCH', '/repos/{owner}/{repo}/issues/comments/{comment_id}', ctx => {
    requireWrite(ctx)
    const c = commentById(ctx)
    c.body = validateBody(ctx.body.body)
    c.updatedAt = now()
    return { status: 200, body: commentJson(ctx.repo, c) }
  })

  route('DELETE', '/repos/{owner}/{repo}/issues/comments/{comment_id}', ctx => {
    requireWrite(ctx)
    const c = commentById(ctx)
    ctx.repo.comments.splice(ctx.repo.comments.indexOf(c), 1)
    return { status: 204 }
  })

  route('GET', '/repos/{owner}/{repo}/collaborators/{username}/permission', ctx => {
    const login = decodeURIComponent(ctx.params.username)
    const role = ctx.repo.collaborators.get(login.toLowerCase())
    if (role === undefined) throw new HttpError(404, `${login} is not a user`)
    return {
      status: 200,
      body: { permission: legacyPermission(role), role_name: role, user: { login, type: 'User' } }
    }
  })

  // ---- the server ----

  function takeFault(key: string): (Fault & { left: number }) | undefined {
    const f = faults.find(x => x.left > 0 && (x.match === undefined || key.includes(x.match)))
    if (f) f.left--
    return f
  }

  function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}, raw?: string, binary?: Buffer): void {
    const h: Record<string, string> = { 'x-github-media-type': 'github.v3; format=json', ...headers }
    if (binary !== undefined) {
      res.writeHead(status, h)
      res.end(binary)
      return
    }
    if (status === 204) {
      res.writeHead(204, h)
      res.end()
      return
    }
    if (raw !== undefined) {
      res.writeHead(status, { ...h, 'content-type': 'application/vnd.github.raw; charset=utf-8' })
      res.end(raw)
      return
    }
    res.writeHead(status, { ...h, 'content-type': 'application/json; charset=utf-8' })
    res.end(JSON.stringify(body))
  }

  async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    if (chunks.length === 0) return {}
    const text = Buffer.concat(chunks).toString('utf8')
    try {
      const v = JSON.parse(text) as unknown
      return v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {}
    } catch {
      throw new HttpError(400, 'Problems parsing JSON')
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase()
    const url = new URL(req.url ?? '/', baseUrl)
    if (url.pathname.startsWith('/__fake/')) return control(req, res, url)
    if (prefix !== '') {
      if (!url.pathname.startsWith(prefix + '/')) return send(res, 404, { message: 'Not Found (outside the API prefix)' })
      url.pathname = url.pathname.slice(prefix.length)
    }
    let record: CallRecord = { method, route: `${method} ${url.pathname}`, status: 0 }
    try {
      const def = routes.find(r => r.method === method && r.re.test(url.pathname))
      if (def) record = { method, route: `${method} ${def.template}`, status: 0 }
      calls.push(record)
      const fault = takeFault(record.route)
      if (fault) throw faultError(fault)
      const auth = String(req.headers.authorization ?? '')
      const token = state.tokens.get(auth.replace(/^(token|bearer)\s+/i, ''))
      if (!token) throw new HttpError(401, 'Bad credentials')
      if (!def) throw new HttpError(404, 'Not Found')
      const m = def.re.exec(url.pathname)!
      const params: Params = {}
      def.keys.forEach((k, i) => (params[k] = m[i + 1]))
      const body = method === 'GET' || method === 'DELETE' ? {} : await readBody(req)
      let repo = undefined as unknown as FakeRepo
      if (!def.global) {
        const r = state.repos.get(`${params.owner}/${params.repo}`.toLowerCase())
        if (!r) throw new HttpError(404, 'Not Found')
        repo = r
      }
      const out = def.handler({ req, url, params, body, token, repo })
      record.status = out.status
      send(res, out.status, out.body, out.headers, out.raw, out.binary)
    } catch (e) {
      const err = e instanceof HttpError ? e : new HttpError(500, (e as Error).message)
      record.status = err.status
      send(res, err.status, { message: err.message, documentation_url: 'https://docs.github.com/rest', ...err.extra }, err.headers)
    }
  }

  function faultError(f: Fault): HttpError {
    const retryAfter = String(f.retryAfter ?? 1)
    switch (f.kind) {
      case 'secondary-rate-limit':
        return new HttpError(403, 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', {
          'retry-after': retryAfter
        })
      case 'too-many-requests':
        return new HttpError(429, 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', {
          'retry-after': retryAfter
        })
      case 'primary-rate-limit':
        return new HttpError(403, 'API rate limit exceeded for installation.', {
          'x-ratelimit-remaining': '0',
          'x-ratelimit-limit': '1000',
          'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + Number(retryAfter))
        })
      case 'server-error':
        return new HttpError(f.status ?? 502, 'Server Error')
    }
  }

  /** Control API for child processes (demo, e2e): seed, faults, counters, state. No auth: loopback only. */
  async function control(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    try {
      const method = (req.method ?? 'GET').toUpperCase()
      const what = url.pathname.slice('/__fake/'.length)
      if (method === 'POST' && what === 'seed') {
        api.seed((await readBody(req)) as FakeSeed)
        return send(res, 200, { ok: true })
      }
      if (method === 'POST' && what === 'faults') {
        api.injectFault((await readBody(req)) as unknown as Fault)
        return send(res, 200, { ok: true })
      }
      if (method === 'POST' && what === 'reset-counters') {
        api.resetCounters()
        return send(res, 200, { ok: true })
      }
      if (method === 'GET' && what === 'counters') return send(res, 200, api.counters())
      if (method === 'GET' && what === 'state') return send(res, 200, snapshot())
      send(res, 404, { message: 'unknown control route' })
    } catch (e) {
      send(res, 400, { message: (e as Error).message })
    }
  }

  function snapshot(): unknown {
    return [...state.repos.values()].map(r => ({
      repo: `${r.owner}/${r.name}`,
      pulls: [...r.pulls.values()].map(p => ({ number: p.number, state: p.state, merged: p.merged, base: p.base, head: p.head })),
      checkRuns: r.checkRuns.map(c => ({ ...checkRunJson(r, c), annotations: c.annotations })),
      comments: r.comments.map(c => commentJson(r, c))
    }))
  }

  const api: FakeGitHub = {
    url: '',
    state,
    get calls() {
      return calls
    },
    get writes() {
      return calls.filter(c => c.method !== 'GET' && c.method !== 'HEAD')
    },
    counters() {
      const byRoute: Record<string, number> = {}
      const writesByRoute: Record<string, number> = {}
      let writes = 0
      for (const c of calls) {
        byRoute[c.route] = (byRoute[c.route] ?? 0) + 1
        if (c.method !== 'GET' && c.method !== 'HEAD') {
          writes++
          writesByRoute[c.route] = (writesByRoute[c.route] ?? 0) + 1
        }
      }
      return { calls: calls.length, writes, byRoute, writesByRoute }
    },
    resetCounters() {
      calls = []
    },
    close: () => new Promise<void>((resolve, reject) => server.close(e => (e ? reject(e) : resolve()))),
    seed(s: FakeSeed) {
      for (const [t, v] of Object.entries(s.tokens ?? {})) state.tokens.set(t, v)
      for (const r of s.repos ?? []) addRepo(r)
    },
    repo: repoOf,
    addRepo,
    addCommit(fullName, sha, changes, parentSha) {
      const r = repoOf(fullName)
      const tree = new Map(parentSha ? treeAt(r, parentSha) : [])
      for (const [p, c] of Object.entries(changes)) {
        if (c === null) tree.delete(p)
        else tree.set(p, c)
      }
      setTree(r, sha, tree)
      if (parentSha !== undefined && !r.parents.has(sha)) r.parents.set(sha, [parentSha])
    },
    setParents(fullName, sha, parents) {
      repoOf(fullName).parents.set(sha, [...parents])
    },
    addCheckRun(fullName, run) {
      const r = repoOf(fullName)
      const t = now()
      const c: FakeCheckRun = {
        id: nextId(),
        name: run.name,
        head_sha: run.headSha,
        status: run.conclusion === null ? 'in_progress' : 'completed',
        conclusion: run.conclusion === null ? null : run.conclusion ?? 'success',
        started_at: t,
        completed_at: run.conclusion === null ? null : t,
        external_id: null,
        details_url: null,
        output: { title: run.title ?? null, summary: run.summary ?? null, text: null },
        annotations: [],
        appId: run.appId ?? ACTIONS_APP.id,
        ...(run.appSlug !== undefined ? { appSlug: run.appSlug } : {})
      }
      r.checkRuns.push(c)
      return c
    },
    addPull: (fullName, p) => addPullTo(repoOf(fullName), p),
    pushToPull(fullName, number, headSha) {
      const p = repoOf(fullName).pulls.get(number)
      if (!p) throw new Error(`fake-github: no PR #${number}`)
      p.head.sha = headSha
    },
    closePull(fullName, number, merge) {
      const r = repoOf(fullName)
      const p = r.pulls.get(number)
      if (!p) throw new Error(`fake-github: no PR #${number}`)
      p.state = 'closed'
      if (merge) {
        p.merged = true
        p.mergeCommitSha = merge.mergeCommitSha
        setTree(r, merge.mergeCommitSha, merge.tree ? new Map(Object.entries(merge.tree)) : new Map(treeAt(r, p.head.sha)))
        if (!r.parents.has(merge.mergeCommitSha)) r.parents.set(merge.mergeCommitSha, [r.branches.get(p.base.ref) ?? p.base.sha, p.head.sha])
        r.branches.set(p.base.ref, merge.mergeCommitSha)
      }
    },
    setPermission: (fullName, login, role) => void repoOf(fullName).collaborators.set(login.toLowerCase(), role),
    addToken: (t, v) => void state.tokens.set(t, v),
    injectFault: f => void faults.push({ ...f, left: f.times ?? 1 }),
    checkRuns: (fullName, sha) => repoOf(fullName).checkRuns.filter(c => sha === undefined || c.head_sha === sha),
    comments: (fullName, n) => repoOf(fullName).comments.filter(c => c.issueNumber === n).sort((a, b) => a.id - b.id)
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(e => send(res, 500, { message: (e as Error).message }))
  })
  server.keepAliveTimeout = 1000
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', () => resolve()))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  api.url = baseUrl + prefix
  if (seed) api.seed(seed)
  // Keep-alive sockets from clients must not hold the process open after close().
  const closeServer = api.close
  api.close = () => {
    server.closeAllConnections()
    return closeServer()
  }
  return api
}
