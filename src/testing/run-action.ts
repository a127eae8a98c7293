// Runs the built Action (dist/index.js) the way a GitHub runner does, for the e2e tests, the bench and the demo:
// INPUT_<NAME> env (hyphens kept) with action.yml defaults applied here (the runner does that, not
// @actions/core), GITHUB_EVENT_NAME + GITHUB_EVENT_PATH with a real webhook payload shape
// (@octokit/webhooks-examples, adjusted), the GITHUB_* variables, and real command files (GITHUB_OUTPUT,
// GITHUB_STEP_SUMMARY, GITHUB_STATE, GITHUB_ENV, GITHUB_PATH). Also: a git workspace with real commits, so the
// Action's checkout path is exercised. Never imported by src/index.ts or src/cli.ts.
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'
import {
  DEFAULT_ACCESS_KEY, startEmulator, type EmulatorDatabase, type EmulatorUserSpec, type OrderSummary, type RunningEmulator, type SearchContentMode
} from '../emulator/index.js'
import { DEFAULT_TOKEN, startFakeGitHub, type FakeCheckRun, type FakeComment, type FakeGitHub, type Role } from './fake-github.js'

const here = dirname(fileURLToPath(import.meta.url))
export const PROJECT_ROOT = resolve(here, '..', '..')

// ---- dist ----

/**
 * Builds dist/ (under the shared build lock) and copies it to a private directory, so another build rewriting
 * dist/ cannot pull the bundle from under a running test. Returns the path of the copied index.js.
 */
export function prepareDist(o: { build?: boolean | 'if-stale'; quiet?: boolean } = {}): string {
  const mode = o.build ?? 'if-stale'
  // the shared lock serialises builds on the team's machines; a newcomer's machine may have no flock (macOS)
  const locked = (cmd: string[]): [string, string[]] => (hasFlock() ? ['flock', [BUILD_LOCK, ...cmd]] : [cmd[0]!, cmd.slice(1)])
  if (mode === true || (mode === 'if-stale' && distIsStale())) {
    const [file, args] = locked(['npm', 'run', '-s', 'build'])
    execFileSync(file, args, { cwd: PROJECT_ROOT, stdio: o.quiet === false ? 'inherit' : 'pipe' })
  }
  const dist = join(PROJECT_ROOT, 'dist')
  if (!existsSync(join(dist, 'index.js'))) throw new Error('dist/index.js is missing: run npm run build')
  const copy = mkdtempSync(join(tmpdir(), 'dpg-dist-'))
  // copied under the lock too: a build in progress deletes dist/ first
  const [file, args] = locked(['cp', '-R', dist + '/.', copy])
  execFileSync(file, args)
  return join(copy, 'index.js')
}

const BUILD_LOCK = '/tmp/dpg-build.lock'

function hasFlock(): boolean {
  return spawnSync('flock', ['--version'], { stdio: 'ignore' }).status === 0
}

function newestMtime(dir: string): number {
  let newest = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const abs = join(dir, e.name)
    newest = Math.max(newest, e.isDirectory() ? newestMtime(abs) : statSync(abs).mtimeMs)
  }
  return newest
}

/** dist/index.js missing, or older than a source file, the lock file or the build script. */
export function distIsStale(root: string = PROJECT_ROOT): boolean {
  const built = join(root, 'dist', 'index.js')
  if (!existsSync(built)) return true
  const at = statSync(built).mtimeMs
  return [newestMtime(join(root, 'src')), statSync(join(root, 'package-lock.json')).mtimeMs, statSync(join(root, 'scripts', 'build.mjs')).mtimeMs].some(t => t > at)
}

// ---- action.yml defaults ----

export interface ActionInputSpec {
  default?: string
}

/** The inputs of action.yml with their defaults (as strings; `${{ github.token }}` is left to the caller). */
export function actionInputDefaults(root: string = PROJECT_ROOT): Record<string, string> {
  const doc = parseYaml(readFileSync(join(root, 'action.yml'), 'utf8')) as { inputs?: Record<string, ActionInputSpec> }
  const out: Record<string, string> = {}
  for (const [name, spec] of Object.entries(doc.inputs ?? {})) if (spec?.default !== undefined) out[name] = String(spec.default)
  return out
}

// ---- running ----

export interface RunActionOptions {
  /** path of index.js (from prepareDist) */
  entry: string
  eventName: string
  payload: unknown
  /** `with:` inputs; action.yml defaults fill the rest */
  inputs: Record<string, string>
  /** the workflow token (`${{ github.token }}`) */
  token: string
  /** owner/name */
  repository: string
  apiUrl: string
  serverUrl?: string
  /** GITHUB_WORKSPACE; default: an empty directory */
  workspace?: string
  sha?: string
  ref?: string
  /** extra environment (e.g. RUNNER_DEBUG=1) */
  env?: Record<string, string>
  timeoutMs?: number
}

export interface ActionRun {
  exitCode: number
  stdout: string
  stderr: string
  /** GITHUB_OUTPUT, parsed */
  outputs: Record<string, string>
  /** GITHUB_STEP_SUMMARY content */
  summary: string
  /** `::error::`, `::warning::`, `::notice::` lines and core.setFailed */
  annotations: string[]
  /** ms from spawn to exit */
  elapsedMs: number
}

/** Parses a GITHUB_OUTPUT file (`name<<DELIM\nvalue\nDELIM` blocks, or `name=value`). */
export function parseCommandFile(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delim] = heredoc
      const value: string[] = []
      for (i++; i < lines.length && lines[i] !== delim; i++) value.push(lines[i]!)
      out[name!] = value.join('\n')
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
    }
  }
  return out
}

function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/** Env a runner gives the step: a clean one (no INPUT_* or GITHUB_* leaking in from the parent). */
function baseEnv(): Record<string, string> {
  const keep = ['PATH', 'HOME', 'LANG', 'TZ', 'SYSTEMROOT', 'TMPDIR']
  const env: Record<string, string> = {}
  for (const k of keep) if (process.env[k] !== undefined) env[k] = process.env[k]!
  return env
}

export async function runAction(o: RunActionOptions): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'dpg-run-'))
  const files = {
    event: join(dir, 'event.json'),
    output: join(dir, 'output'),
    summary: join(dir, 'step_summary.md'),
    state: join(dir, 'state'),
    envFile: join(dir, 'env'),
    path: join(dir, 'path')
  }
  writeFileSync(files.event, JSON.stringify(o.payload, null, 2))
  for (const f of [files.output, files.summary, files.state, files.envFile, files.path]) writeFileSync(f, '')
  const runnerTemp = join(dir, 'runner_temp')
  mkdirSync(runnerTemp)
  const workspace = o.workspace ?? join(dir, 'workspace')
  mkdirSync(workspace, { recursive: true })

  const inputs: Record<string, string> = { ...actionInputDefaults(), ...o.inputs }
  if (inputs['github-token'] === undefined || inputs['github-token'].includes('${{')) inputs['github-token'] = o.token
  const env: Record<string, string> = {
    ...baseEnv(),
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: o.eventName,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REPOSITORY: o.repository,
    GITHUB_REPOSITORY_OWNER: o.repository.split('/')[0]!,
    GITHUB_API_URL: o.apiUrl,
    GITHUB_SERVER_URL: o.serverUrl ?? 'https://github.com',
    GITHUB_GRAPHQL_URL: `${o.apiUrl}/graphql`,
    GITHUB_WORKSPACE: workspace,
    GITHUB_SHA: o.sha ?? '0000000000000000000000000000000000000000',
    GITHUB_REF: o.ref ?? 'refs/heads/main',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: 'DMS gate',
    GITHUB_JOB: 'dms-gate',
    GITHUB_ACTOR: 'octocat',
    RUNNER_TEMP: runnerTemp,
    RUNNER_OS: 'Linux',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
    GITHUB_ENV: files.envFile,
    GITHUB_PATH: files.path,
    ...o.env
  }
  for (const [name, value] of Object.entries(inputs)) env[inputEnvName(name)] = value

  const started = Date.now()
  const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolvePromise, reject) => {
    const child = spawn(process.execPath, [o.entry], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 120_000)
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    child.on('error', e => {
      clearTimeout(timer)
      reject(e)
    })
    child.on('close', c => {
      clearTimeout(timer)
      resolvePromise({ code: c ?? -1, stdout: out, stderr: err })
    })
  })
  const result: ActionRun = {
    exitCode: code,
    stdout,
    stderr,
    outputs: parseCommandFile(readFileSync(files.output, 'utf8')),
    summary: readFileSync(files.summary, 'utf8'),
    annotations: stdout.split('\n').filter(l => /^::(error|warning|notice)/.test(l)),
    elapsedMs: Date.now() - started
  }
  rmSync(dir, { recursive: true, force: true })
  return result
}

// ---- a git workspace with real commits ----

export interface GitWorkspace {
  dir: string
  /** Commits `files` (path → content; null deletes) on top of `parent` (default: the last commit); returns the sha. */
  commit(files: Record<string, string | null>, message?: string, parent?: string): string
  /** The full tree at `sha` (for seeding the fake GitHub with the same commits). */
  tree(sha: string): Record<string, string>
}

function git(dir: string, args: string[], input?: string): string {
  return execFileSync('git', args, {
    cwd: dir,
    input,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Octo Cat',
      GIT_AUTHOR_EMAIL: 'octocat@example.com',
      GIT_COMMITTER_NAME: 'Octo Cat',
      GIT_COMMITTER_EMAIL: 'octocat@example.com',
      GIT_AUTHOR_DATE: '2026-11-01T12:00:00Z',
      GIT_COMMITTER_DATE: '2026-11-01T12:00:00Z'
    },
    maxBuffer: 1 << 28
  }).trim()
}

export function createGitWorkspace(dir: string = mkdtempSync(join(tmpdir(), 'dpg-ws-'))): GitWorkspace {
  mkdirSync(dir, { recursive: true })
  git(dir, ['init', '-q', '-b', 'main'])
  let last: string | undefined
  const trees = new Map<string, Record<string, string>>()
  return {
    dir,
    commit(files, message = 'change', parent) {
      const from = parent ?? last
      if (from !== undefined) git(dir, ['checkout', '-q', '--detach', from])
      const tree = { ...(from !== undefined ? trees.get(from)! : {}) }
      for (const [p, content] of Object.entries(files)) {
        const abs = join(dir, p)
        if (content === null) {
          rmSync(abs, { force: true })
          delete tree[p]
        } else {
          mkdirSync(dirname(abs), { recursive: true })
          writeFileSync(abs, content)
          tree[p] = content
        }
      }
      git(dir, ['add', '-A'])
      git(dir, ['commit', '-q', '--allow-empty', '-m', message])
      const sha = git(dir, ['rev-parse', 'HEAD'])
      trees.set(sha, tree)
      last = sha
      return sha
    },
    tree(sha) {
      const t = trees.get(sha)
      if (!t) throw new Error(`no commit ${sha} in ${dir}`)
      return { ...t }
    }
  }
}

/** Reads a directory of files (e.g. examples/pr-1/head) as path → content. */
export function readTreeDir(root: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {}
  if (!existsSync(root)) return out
  const walk = (dir: string, rel: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const abs = join(dir, entry.name)
      const r = rel === '' ? entry.name : `${rel}/${entry.name}`
      if (entry.isDirectory()) walk(abs, r)
      else if (entry.isFile()) out[prefix + r] = readFileSync(abs, 'utf8')
    }
  }
  walk(root, '')
  return out
}

/**
 * An example PR of examples/<name> (base/ and head/ trees) as a scenario's base files and a PR's changes (files of
 * the base that the head lacks are deleted). Used by the demo, npm run local and npm run screenshots.
 */
export function examplePull(name: string): { base: Record<string, string>; changes: Record<string, string | null> } {
  const ex = join(PROJECT_ROOT, 'examples', name)
  const base = readTreeDir(join(ex, 'base'))
  const head = readTreeDir(join(ex, 'head'))
  const changes: Record<string, string | null> = { ...head }
  for (const p of Object.keys(base)) if (!(p in head)) changes[p] = null
  return { base, changes }
}

// ---- payloads (real shapes from @octokit/webhooks-examples, adjusted) ----

const requireJson = createRequire(import.meta.url)
type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

function example(event: string, pick: (e: Json) => boolean): Json {
  const list = requireJson('@octokit/webhooks-examples') as Array<{ name: string; examples: Json[] }>
  const found = list.find(e => e.name === event)?.examples.find(pick)
  if (!found) throw new Error(`no @octokit/webhooks-examples payload for ${event}`)
  return structuredClone(found)
}

function repositoryJson(base: Json, fullName: string, apiUrl: string): Json {
  const [owner, name] = fullName.split('/') as [string, string]
  return {
    ...base,
    name,
    full_name: fullName,
    owner: { ...base.owner, login: owner },
    html_url: `https://github.com/${fullName}`,
    url: `${apiUrl}/repos/${fullName}`,
    fork: false,
    default_branch: 'main'
  }
}

export interface PullEventSpec {
  repository: string
  apiUrl: string
  number: number
  baseSha: string
  headSha: string
  title?: string
  body?: string | null
  user?: string
  /** head lives in `<user>/<repo>` */
  fork?: boolean
  state?: 'open' | 'closed'
  merged?: boolean
  mergeCommitSha?: string | null
  changedFiles?: number
}

export function pullRequestPayload(action: string, s: PullEventSpec): Json {
  const p = example('pull_request', e => e.action === (action === 'closed' ? 'closed' : 'opened') || e.action === 'synchronize')
  p.action = action
  p.number = s.number
  const repo = repositoryJson(p.repository, s.repository, s.apiUrl)
  p.repository = repo
  const user = s.user ?? 'octocat'
  const headRepo = s.fork ? { ...repo, full_name: `${user}/${repo.name}`, owner: { ...repo.owner, login: user }, fork: true } : repo
  const pr = p.pull_request
  Object.assign(pr, {
    number: s.number,
    url: `${s.apiUrl}/repos/${s.repository}/pulls/${s.number}`,
    html_url: `https://github.com/${s.repository}/pull/${s.number}`,
    title: s.title ?? `PR ${s.number}`,
    body: s.body ?? null,
    state: s.state ?? (action === 'closed' ? 'closed' : 'open'),
    draft: false,
    merged: s.merged ?? false,
    merge_commit_sha: s.mergeCommitSha ?? null,
    user: { ...pr.user, login: user },
    changed_files: s.changedFiles ?? 1
  })
  pr.base = { ...pr.base, ref: 'main', label: `${repo.owner.login}:main`, sha: s.baseSha, repo }
  pr.head = { ...pr.head, ref: `feature-${s.number}`, label: `${user}:feature-${s.number}`, sha: s.headSha, repo: headRepo, user: { ...pr.head.user, login: user } }
  if (action === 'synchronize') {
    p.before = s.baseSha
    p.after = s.headSha
  } else {
    delete p.before
    delete p.after
  }
  p.sender = { ...p.sender, login: user }
  return p
}

export function issueCommentPayload(s: { repository: string; apiUrl: string; number: number; body: string; commenter: string; bot?: boolean }): Json {
  const p = example('issue_comment', e => e.action === 'created')
  p.repository = repositoryJson(p.repository, s.repository, s.apiUrl)
  p.issue.number = s.number
  p.issue.state = 'open'
  p.issue.pull_request = {
    url: `${s.apiUrl}/repos/${s.repository}/pulls/${s.number}`,
    html_url: `https://github.com/${s.repository}/pull/${s.number}`,
    diff_url: `https://github.com/${s.repository}/pull/${s.number}.diff`,
    patch_url: `https://github.com/${s.repository}/pull/${s.number}.patch`,
    merged_at: null
  }
  p.comment.body = s.body
  p.comment.user = { ...p.comment.user, login: s.commenter, type: s.bot ? 'Bot' : 'User' }
  p.sender = { ...p.sender, login: s.commenter }
  return p
}

export function schedulePayload(s: { repository: string; apiUrl: string; cron?: string }): Json {
  const base = example('pull_request', e => e.action === 'opened')
  return { schedule: s.cron ?? '*/15 * * * *', repository: repositoryJson(base.repository, s.repository, s.apiUrl), sender: base.sender }
}

export function workflowDispatchPayload(s: { repository: string; apiUrl: string }): Json {
  const p = example('workflow_dispatch', () => true)
  p.repository = repositoryJson(p.repository, s.repository, s.apiUrl)
  p.ref = 'refs/heads/main'
  p.inputs = {}
  return p
}

export function mergeGroupPayload(s: { repository: string; apiUrl: string; pullNumber: number; headSha: string; baseSha: string }): Json {
  const p = example('merge_group', () => true)
  p.repository = repositoryJson(p.repository, s.repository, s.apiUrl)
  p.action = 'checks_requested'
  p.merge_group.head_sha = s.headSha
  p.merge_group.head_ref = `refs/heads/gh-readonly-queue/main/pr-${s.pullNumber}-${s.baseSha}`
  p.merge_group.base_sha = s.baseSha
  p.merge_group.head_commit.id = s.headSha
  return p
}

// ---- a whole scenario: emulator + fake GitHub + git workspace + the built Action ----

export interface ScenarioOptions {
  entry: string
  /** files of the default branch */
  baseFiles: Record<string, string>
  repository?: string
  databases?: EmulatorDatabase[]
  precheckDelayMs?: number
  collaborators?: Record<string, Role>
  /** inputs every run gets (on top of the emulator connection) */
  inputs?: Record<string, string>
  /** false: the workspace is an empty directory (files come through the API) */
  checkout?: boolean
  /** What the emulator's ListOrders SearchContent matches; default $DPG_EMULATOR_SEARCH_CONTENT, else 'comment'. */
  searchContent?: SearchContentMode
  /** A MySQL-compatible server that decides the emulator's precheck (EmulatorOptions.precheckDb). */
  precheckDb?: string
  /** More DMS users for the emulator (approvers, other RAM users). */
  users?: EmulatorUserSpec[]
}

/** The SearchContent mode for scenarios that do not choose: jest's second e2e project sets 'none'. */
export function defaultSearchContent(env: NodeJS.ProcessEnv = process.env): SearchContentMode {
  const v = env.DPG_EMULATOR_SEARCH_CONTENT
  if (v === undefined || v === '') return 'comment'
  if (v !== 'comment' && v !== 'none') throw new Error(`DPG_EMULATOR_SEARCH_CONTENT must be comment or none, got '${v}'`)
  return v
}

export interface PullSpec {
  number: number
  /** changes on top of the base commit */
  changes: Record<string, string | null>
  title?: string
  body?: string | null
  user?: string
  fork?: boolean
}

export interface RunExtras {
  inputs?: Record<string, string>
  env?: Record<string, string>
  /** the workflow token (default: the fake's write token) */
  token?: string
}

export interface PullRunExtras extends RunExtras {
  /** pull_request (default) or pull_request_target */
  trigger?: 'pull_request' | 'pull_request_target'
  /** the previous head, for synchronize (default: the head before the last push) */
  before?: string
}

export interface Scenario {
  emulator: RunningEmulator
  github: FakeGitHub
  ws: GitWorkspace
  repository: string
  baseSha: string
  /** inputs of every run */
  inputs: Record<string, string>
  openPull(spec: PullSpec): { headSha: string }
  /** a new commit on the PR's head; returns its sha */
  push(number: number, changes: Record<string, string | null>): string
  /** runs the Action on a pull_request (or pull_request_target) event for PR `number` */
  pullRequest(action: string, number: number, o?: PullRunExtras): Promise<ActionRun>
  schedule(o?: RunExtras): Promise<ActionRun>
  comment(number: number, body: string, commenter: string, o?: RunExtras): Promise<ActionRun>
  /** a merge group for PR `number` built on the current main: its head is main plus the PR's changes */
  mergeGroup(number: number, o?: RunExtras): Promise<{ run: ActionRun; headSha: string }>
  /** merges PR `number` as one commit on main (squash); returns the merge commit */
  merge(number: number): string
  /** another change lands on main (say another PR merged); returns the new main */
  advanceMain(changes: Record<string, string | null>): string
  /** the tip of main */
  readonly mainSha: string
  /** a check run with this name on `sha` that the gate did not write (a job named like the check, another app) */
  foreignCheck(sha: string, o?: { name?: string; conclusion?: string | null; appId?: number; appSlug?: string; summary?: string | null }): void
  /** emulator control API, as the DBA */
  decide(orderId: number, decision: 'approve' | 'reject' | 'cancel', comment?: string): Promise<void>
  orders(): Promise<OrderSummary[]>
  fault(rule: Record<string, unknown>): Promise<void>
  /** latest check run named `name` on the PR's head (or a sha) */
  check(numberOrSha: number | string, name?: string): FakeCheckRun | undefined
  comments(number: number): FakeComment[]
  close(): Promise<void>
}

export async function startScenario(o: ScenarioOptions): Promise<Scenario> {
  const repository = o.repository ?? 'octo-org/shop-db'
  const emulator = await startEmulator({
    precheckDelayMs: o.precheckDelayMs ?? 300, executeDelayMs: 200, searchContent: o.searchContent ?? defaultSearchContent(),
    ...(o.databases ? { databases: o.databases } : {}), ...(o.precheckDb ? { precheckDb: o.precheckDb } : {}), ...(o.users ? { users: o.users } : {})
  })
  const github = await startFakeGitHub()
  const ws = createGitWorkspace()
  const baseSha = ws.commit({ 'README.md': '# shop-db\n', ...o.baseFiles }, 'base')
  const [owner, name] = repository.split('/') as [string, string]
  github.addRepo({
    owner,
    name,
    commits: { [baseSha]: ws.tree(baseSha) },
    branches: { main: baseSha },
    collaborators: { 'dba-lead': 'maintain', 'outside-reader': 'read', ...(o.collaborators ?? {}) }
  })
  const emptyWorkspace = mkdtempSync(join(tmpdir(), 'dpg-empty-ws-'))
  const inputs: Record<string, string> = {
    'dms-endpoint': emulator.url,
    'access-key-id': DEFAULT_ACCESS_KEY.id,
    'access-key-secret': DEFAULT_ACCESS_KEY.secret,
    ...(o.inputs ?? {})
  }
  const pulls = new Map<number, PullSpec & { headSha: string; before?: string; allChanges: Record<string, string | null> }>()
  const workspace = o.checkout === false ? emptyWorkspace : ws.dir
  let mainSha = baseSha

  const common = (eventName: string, payload: unknown, extra: RunExtras = {}, sha?: string) =>
    runAction({
      entry: o.entry,
      eventName,
      payload,
      inputs: { ...inputs, ...(extra.inputs ?? {}) },
      token: extra.token ?? DEFAULT_TOKEN,
      repository,
      apiUrl: github.url,
      workspace,
      ...(sha !== undefined ? { sha } : {}),
      env: { GITHUB_ACTION_REPOSITORY: 'octo-org/dms-proc-gate', ...(extra.env ?? {}) }
    })

  const control = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(`${emulator.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(10_000)
    })
    const json = (await res.json()) as unknown
    if (!res.ok) throw new Error(`emulator ${method} ${path}: HTTP ${res.status} ${JSON.stringify(json)}`)
    return json
  }

  const scenario: Scenario = {
    emulator,
    github,
    ws,
    repository,
    baseSha,
    inputs,
    get mainSha() {
      return mainSha
    },
    openPull(spec) {
      const headSha = ws.commit(spec.changes, `PR ${spec.number}`, mainSha)
      github.addCommit(repository, headSha, spec.changes, mainSha)
      github.addPull(repository, {
        number: spec.number,
        baseSha: mainSha,
        headSha,
        title: spec.title ?? `PR ${spec.number}`,
        body: spec.body ?? null,
        user: spec.user ?? 'octocat',
        ...(spec.fork ? { fork: true } : {})
      })
      pulls.set(spec.number, { ...spec, headSha, allChanges: { ...spec.changes } })
      return { headSha }
    },
    push(number, changes) {
      const p = pulls.get(number)!
      const sha = ws.commit(changes, `push to PR ${number}`, p.headSha)
      github.addCommit(repository, sha, changes, p.headSha)
      github.repo(repository).pulls.get(number)!.head.sha = sha
      p.before = p.headSha
      p.headSha = sha
      Object.assign(p.allChanges, changes)
      return sha
    },
    pullRequest(action, number, extra = {}) {
      const p = pulls.get(number)!
      const fp = github.repo(repository).pulls.get(number)!
      const payload = pullRequestPayload(action, {
        repository,
        apiUrl: github.url,
        number,
        baseSha: fp.base.sha,
        headSha: p.headSha,
        title: p.title ?? `PR ${number}`,
        body: p.body ?? null,
        user: p.user ?? 'octocat',
        fork: p.fork ?? false,
        merged: fp.merged,
        mergeCommitSha: fp.mergeCommitSha,
        state: fp.state
      })
      if (action === 'synchronize') {
        const before = extra.before ?? p.before
        if (before !== undefined) payload.before = before
      }
      return common(extra.trigger ?? 'pull_request', payload, extra, extra.trigger === 'pull_request_target' ? mainSha : p.headSha)
    },
    schedule(extra = {}) {
      return common('schedule', schedulePayload({ repository, apiUrl: github.url }), extra, mainSha)
    },
    comment(number, body, commenter, extra = {}) {
      return common('issue_comment', issueCommentPayload({ repository, apiUrl: github.url, number, body, commenter }), extra, mainSha)
    },
    async mergeGroup(number, extra = {}) {
      const p = pulls.get(number)!
      const headSha = ws.commit(p.allChanges, `merge group for #${number}`, mainSha)
      github.addCommit(repository, headSha, p.allChanges, mainSha)
      const run = await common('merge_group', mergeGroupPayload({ repository, apiUrl: github.url, pullNumber: number, headSha, baseSha: mainSha }), extra, headSha)
      return { run, headSha }
    },
    merge(number) {
      const p = pulls.get(number)!
      const sha = ws.commit(p.allChanges, `Merge #${number} (squash)`, mainSha)
      github.addCommit(repository, sha, p.allChanges, mainSha)
      github.closePull(repository, number, { mergeCommitSha: sha, tree: ws.tree(sha) })
      github.setParents(repository, sha, [mainSha])
      mainSha = sha
      return sha
    },
    advanceMain(changes) {
      const sha = ws.commit(changes, 'another change on main', mainSha)
      github.addCommit(repository, sha, changes, mainSha)
      github.repo(repository).branches.set('main', sha)
      mainSha = sha
      return sha
    },
    foreignCheck(sha, f = {}) {
      github.addCheckRun(repository, {
        name: f.name ?? 'DMS approval',
        headSha: sha,
        conclusion: f.conclusion === undefined ? 'success' : f.conclusion,
        ...(f.appId !== undefined ? { appId: f.appId } : {}),
        ...(f.appSlug !== undefined ? { appSlug: f.appSlug } : {}),
        summary: f.summary ?? null
      })
    },
    async decide(orderId, decision, comment = '') {
      await control('POST', `/__emulator/orders/${orderId}/${decision}`, { comment, approver: 61 })
    },
    async orders() {
      return ((await control('GET', '/__emulator/orders')) as { orders: OrderSummary[] }).orders
    },
    async fault(rule) {
      await control('POST', '/__emulator/faults', rule)
    },
    check(numberOrSha, checkName = 'DMS approval') {
      const sha = typeof numberOrSha === 'number' ? pulls.get(numberOrSha)!.headSha : numberOrSha
      const runs = github.checkRuns(repository, sha).filter(c => c.name === checkName)
      return runs.sort((a, b) => b.id - a.id)[0]
    },
    comments(number) {
      return github.comments(repository, number)
    },
    async close() {
      await github.close()
      await emulator.close()
      rmSync(ws.dir, { recursive: true, force: true })
      rmSync(emptyWorkspace, { recursive: true, force: true })
    }
  }
  return scenario
}
