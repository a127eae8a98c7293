// What a change deploys: its changed routine files, the target database of each (config or the `database` input),
// and each target's plan. A change is a PR (its own three-dot view), a merge group against its base, or a merge
// commit against its first parent. No DMS here: this part also runs for fork PRs.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { configEncodingFor, parseConfig, resolveTargets, rollbackPathFor, effectiveTargets, DEFAULT_ROLLBACK_PATTERN } from '../config/index.js'
import type { Config, InputDefaults, ResolvedTarget } from '../config/types.js'
import type { PullInfo } from '../github/pull-requests.js'
import { collectPermOrders, type PermOrderRef } from '../perm/index.js'
import { prepareCheckout, readChangedSources, readContent, readFromGit, type ChangedFile, type ChangedFileList } from '../sources/changed-files.js'
import { plan, withFindings } from '../sql/plan.js'
import { decodeUtf8, decoderFor } from '../sources/encoding.js'
import type { Finding, Plan, SourceTree } from '../sql/types.js'
import { repoAccessOf, type GateContext } from '../action/context.js'
import type { Verification } from './verify-change.js'

export interface PlannedTarget {
  target: ResolvedTarget
  plan: Plan
}

/** Whose change is planned. */
export type Subject =
  | { kind: 'pull'; pull: PullInfo; body: string | null }
  /** a merge group or merge commit: `pull` is the PR it belongs to, when known (its description lists permission tickets) */
  | { kind: 'range'; what: 'merge-group' | 'merge-commit'; pull?: PullInfo; body?: string | null }

export interface PlannedChange {
  subject: Subject
  baseSha: string
  headSha: string
  config: Config | null
  targets: PlannedTarget[]
  permRefs: PermOrderRef[]
  /** Config, target-mapping, PR-description and plan errors: any of them means no ticket. */
  errors: Finding[]
  /** Set when the file list is incomplete: fail closed. */
  incomplete: string | null
  notes: string[]
  contentSource: 'git' | 'api'
  changedSqlFiles: number
  /** every changed file (routine or not) */
  files: ChangedFile[]
  /** verify-database's verdict on the plan, when it ran (plan/verify-change.ts) */
  verification?: Verification
}

/** A PR's planned change. */
export type PlannedPull = PlannedChange & { subject: { kind: 'pull' } }

export function inputDefaultsOf(ctx: GateContext): InputDefaults {
  const i = ctx.inputs
  const d: InputDefaults = { execMode: i.execMode, relatedUsers: i.relatedUsers, include: i.include }
  if (i.classify !== undefined) d.classify = i.classify
  if (i.database !== undefined) d.database = i.database
  return d
}

type ConfigLoad = { config: Config | null; errors: Finding[] }

/** Reads paths (as bytes) at a commit: from the checkout when the run may use it and has the commit, else the API. */
export async function readAt(ctx: GateContext, sha: string, paths: readonly string[]): Promise<Map<string, Buffer>> {
  const { workspace, log } = repoAccessOf(ctx)
  if (workspace !== undefined && (await prepareCheckout(workspace, [sha], true, log))) return readFromGit(workspace, sha, paths)
  const out = new Map<string, Buffer>()
  for (const p of paths) {
    const bytes = await readContent(ctx.github.octokit, ctx.repo, p, sha)
    if (bytes !== undefined) out.set(p, bytes)
  }
  return out
}

/**
 * The config file as it is at the change's BASE commit, never the change's own copy: the config decides which
 * database a file deploys to and which permission tickets gate the PR, so a PR must not be able to loosen its own
 * gate (the CODEOWNERS rule). A config change takes effect once merged. A config path given explicitly (not the
 * default) must exist: pointing the input at a missing file would otherwise silently drop every config rule.
 */
async function loadConfigFor(ctx: GateContext, baseSha: string): Promise<ConfigLoad> {
  const file = ctx.inputs.config
  const asFindings = (errs: { file: string; line: number; path: string; message: string }[]): Finding[] =>
    errs.map(e => ({ file: e.file, line: e.line, message: e.path ? `${e.path}: ${e.message}` : e.message }))
  const bytes = (await readAt(ctx, baseSha, [file])).get(file)
  if (bytes === undefined) {
    if (!ctx.inputs.configExplicit) return { config: null, errors: [] }
    return { config: null, errors: [{ file, line: 1, message: `the config file named by the 'config' input does not exist at the base commit ${baseSha.slice(0, 12)}` }] }
  }
  const decoded = decodeUtf8(bytes, file) // the config itself is always UTF-8
  if (!decoded.ok) return { config: null, errors: [decoded.error] }
  const r = parseConfig(decoded.text, file)
  return r.ok ? { config: r.config, errors: [] } : { config: null, errors: asFindings(r.errors) }
}

function subTree(tree: SourceTree, keep: ReadonlySet<string>): Map<string, string> {
  const out = new Map<string, string>()
  for (const [p, text] of tree) if (keep.has(p)) out.set(p, text)
  return out
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)]
}

export interface ChangeRequest {
  subject: Subject
  baseSha: string
  headSha: string
  /** the changed files when they are not the PR's listFiles (merge group, merge commit) */
  changedFiles?: ChangedFileList
}

export async function planChange(ctx: GateContext, req: ChangeRequest): Promise<PlannedChange> {
  const { config, errors: configErrors } = await loadConfigFor(ctx, req.baseSha)
  const defaults = inputDefaultsOf(ctx)
  const targetsUpFront = effectiveTargets(config, defaults)
  // which files to read: every target's include (or the input's), one rollback pattern when they agree
  const include = unique(targetsUpFront.length > 0 ? targetsUpFront.flatMap(t => t.include) : config?.defaults.include ?? ctx.inputs.include)
  const patterns = unique(targetsUpFront.map(t => t.rollbackPattern))
  const pullNumber = req.subject.kind === 'pull' ? req.subject.pull.number : undefined
  const sources = await readChangedSources({
    octokit: ctx.github.octokit,
    repo: ctx.repo,
    ...(pullNumber !== undefined ? { pullNumber } : {}),
    ...(req.changedFiles !== undefined ? { changedFiles: req.changedFiles } : {}),
    baseSha: req.baseSha,
    headSha: req.headSha,
    include,
    rollbackPattern: patterns.length === 1 ? patterns[0] : DEFAULT_ROLLBACK_PATTERN,
    ...(ctx.workspace !== undefined ? { workspace: ctx.workspace } : {}),
    apiOnly: ctx.apiOnly,
    // each file in the encoding its target (or the config's defaults) sets; strict UTF-8 otherwise
    decode: decoderFor(configEncodingFor(config, defaults)),
    log: m => ctx.log.debug(m)
  })
  const what = req.subject.kind === 'pull' ? `PR #${req.subject.pull.number}` : `${req.subject.what} ${req.headSha.slice(0, 12)}`
  ctx.log.info(`${what}: ${sources.totalChangedFiles} changed files, ${sources.changedPaths.length} routine-file paths (read from ${sources.contentSource})`)
  const notes = [...sources.notes]
  const errors: Finding[] = [...configErrors]
  const body = req.subject.body ?? null
  const permParse = collectPermOrders(config?.permOrders ?? [], config?.file ?? ctx.inputs.config, body)
  for (const message of permParse.errors) errors.push({ file: 'PR description', line: 1, message })

  const targets: PlannedTarget[] = []
  // Files that could not be decoded belong to the plan of the target that reads them (so that target gets no ticket).
  const unclaimed = new Set([...sources.errors, ...sources.warnings])
  if (configErrors.length === 0) {
    const resolution = resolveTargets(config, defaults, sources.changedPaths)
    errors.push(...resolution.errors)
    for (const s of resolution.skipped) notes.push(`Skipped ${s.file}: ${s.reason}`)
    for (const g of resolution.groups) {
      const t = g.target
      const keep = new Set<string>([...g.files, ...g.rollbackFiles, ...g.files.map(f => rollbackPathFor(f, t.rollbackPattern))])
      const mine = (f: Finding): boolean => keep.has(f.file) && unclaimed.delete(f)
      const p = withFindings(plan(subTree(sources.base, keep), subTree(sources.head, keep), { include: t.include, rollbackPattern: t.rollbackPattern }),
        sources.errors.filter(mine), sources.warnings.filter(mine))
      errors.push(...p.errors)
      targets.push({ target: t, plan: p })
    }
  }
  errors.push(...sources.errors.filter(f => unclaimed.has(f)))
  return {
    subject: req.subject,
    baseSha: req.baseSha,
    headSha: req.headSha,
    config,
    targets,
    permRefs: permParse.refs,
    errors,
    incomplete: sources.complete ? null : sources.notes[0] ?? 'the change has more files than GitHub lists',
    notes,
    contentSource: sources.contentSource,
    changedSqlFiles: sources.changedPaths.length,
    files: sources.files
  }
}

/** A change with nothing planned (a PR closed without merging: only its tickets matter). */
export function emptyChange(subject: Subject, baseSha: string, headSha: string): PlannedChange {
  return { subject, baseSha, headSha, config: null, targets: [], permRefs: [], errors: [], incomplete: null, notes: [], contentSource: 'api', changedSqlFiles: 0, files: [] }
}

/** A PR's plan: its files (listFiles), base text at the base branch tip, head text at the PR head. */
export async function planPull(ctx: GateContext, pull: PullInfo, body: string | null): Promise<PlannedPull> {
  return (await planChange(ctx, { subject: { kind: 'pull', pull, body }, baseSha: pull.baseSha, headSha: pull.headSha })) as PlannedPull
}

/** True when the checkout at `dir` is a git work tree we may read commits from. */
export function isCheckout(dir: string | undefined): dir is string {
  return dir !== undefined && dir !== '' && existsSync(join(dir, '.git'))
}
