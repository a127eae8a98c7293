// Reads a PR's changed routine files, decides which target database deploys each (config or the `database`
// input), and plans each target. No DMS: this part also runs for fork PRs.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { configEncodingFor, parseConfig, resolveTargets, rollbackPathFor, effectiveTargets, DEFAULT_ROLLBACK_PATTERN } from '../config/index.js'
import type { Config, InputDefaults, ResolvedTarget } from '../config/types.js'
import { prepareCheckout, readChangedSources, readContent, readFromGit } from '../sources/changed-files.js'
import type { PullInfo } from '../github/pull-requests.js'
import { collectPermOrders, type PermOrderRef } from '../perm/index.js'
import { plan, withFindings } from '../sql/plan.js'
import { decodeUtf8, decoderFor } from '../sources/encoding.js'
import type { Finding, Plan, SourceTree } from '../sql/types.js'
import type { GateContext } from '../action/context.js'

export interface PlannedTarget {
  target: ResolvedTarget
  plan: Plan
}

export interface PlannedPull {
  pull: PullInfo
  config: Config | null
  targets: PlannedTarget[]
  permRefs: PermOrderRef[]
  /** Config, target-mapping, PR-description and plan errors: any of them means no ticket. */
  errors: Finding[]
  /** Set when the file list is incomplete (more than 3,000 files): fail closed. */
  incomplete: string | null
  notes: string[]
  contentSource: 'git' | 'api'
  changedSqlFiles: number
}

export function inputDefaultsOf(ctx: GateContext): InputDefaults {
  const i = ctx.inputs
  const d: InputDefaults = { execMode: i.execMode, relatedUsers: i.relatedUsers, include: i.include }
  if (i.classify !== undefined) d.classify = i.classify
  if (i.database !== undefined) d.database = i.database
  return d
}

type ConfigLoad = { config: Config | null; errors: Finding[] }

/**
 * The config file as it is at the PR's BASE commit, never the PR's own copy: the config decides which database a
 * file deploys to and which permission tickets gate the PR, so a PR must not be able to loosen its own gate (the
 * CODEOWNERS rule). A config change takes effect once merged. Read from git when the checkout has (or can fetch)
 * the base commit, else from the API.
 */
async function loadConfigFor(ctx: GateContext, baseSha: string): Promise<ConfigLoad> {
  const file = ctx.inputs.config
  const asFindings = (errs: { file: string; line: number; path: string; message: string }[]): Finding[] =>
    errs.map(e => ({ file: e.file, line: e.line, message: e.path ? `${e.path}: ${e.message}` : e.message }))
  let bytes: Buffer | undefined
  if (ctx.workspace !== undefined && await prepareCheckout(ctx.workspace, [baseSha], true, m => ctx.log.debug(m))) {
    bytes = (await readFromGit(ctx.workspace, baseSha, [file])).get(file)
  } else {
    bytes = await readContent(ctx.github.octokit, ctx.repo, file, baseSha)
  }
  if (bytes === undefined) return { config: null, errors: [] }
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

export async function planPull(ctx: GateContext, pull: PullInfo, body: string | null): Promise<PlannedPull> {
  const { config, errors: configErrors } = await loadConfigFor(ctx, pull.baseSha)
  const defaults = inputDefaultsOf(ctx)
  const targetsUpFront = effectiveTargets(config, defaults)
  // which files to read: every target's include (or the input's), one rollback pattern when they agree
  const include = unique(targetsUpFront.length > 0 ? targetsUpFront.flatMap(t => t.include) : config?.defaults.include ?? ctx.inputs.include)
  const patterns = unique(targetsUpFront.map(t => t.rollbackPattern))
  const sources = await readChangedSources({
    octokit: ctx.github.octokit,
    repo: ctx.repo,
    pullNumber: pull.number,
    baseSha: pull.baseSha,
    headSha: pull.headSha,
    include,
    rollbackPattern: patterns.length === 1 ? patterns[0] : DEFAULT_ROLLBACK_PATTERN,
    ...(ctx.workspace !== undefined ? { workspace: ctx.workspace } : {}),
    // each file in the encoding its target (or the config's defaults) sets; strict UTF-8 otherwise
    decode: decoderFor(configEncodingFor(config, defaults)),
    log: m => ctx.log.debug(m)
  })
  ctx.log.info(
    `PR #${pull.number}: ${sources.totalChangedFiles} changed files, ${sources.changedPaths.length} routine-file paths (read from ${sources.contentSource})`
  )
  const notes = [...sources.notes]
  const errors: Finding[] = [...configErrors]
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
    pull,
    config,
    targets,
    permRefs: permParse.refs,
    errors,
    incomplete: sources.complete ? null : sources.notes[0] ?? 'the PR has more files than GitHub lists',
    notes,
    contentSource: sources.contentSource,
    changedSqlFiles: sources.changedPaths.length
  }
}

/** True when the checkout at `dir` is a git work tree we may read commits from. */
export function isCheckout(dir: string | undefined): dir is string {
  return dir !== undefined && dir !== '' && existsSync(join(dir, '.git'))
}
