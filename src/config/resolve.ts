// Pure: which target deploys each changed file. Precedence of settings (lowest first):
//   built-in defaults < Action inputs < config `defaults:` < the matching target.
import { matcher, normalizePath } from './globs.js'
import { DEFAULT_ROLLBACK_PATTERN, routineForRollback } from './rollback-pattern.js'
import type {
  Config,
  FileError,
  InputDefaults,
  ResolvedTarget,
  SkippedFile,
  TargetGroup,
  TargetResolution,
  TargetSettings
} from './types.js'

export const BUILT_IN_DEFAULTS: Readonly<TargetSettings> = Object.freeze({
  execMode: 'COMMITOR',
  classify: '',
  relatedUsers: [],
  include: ['**/*.sql'],
  exclude: [],
  rollbackPattern: DEFAULT_ROLLBACK_PATTERN
})

/** The name of the single target used without a config file (or with one that has no targets). */
export const IMPLICIT_TARGET_NAME = 'default'

function pick<K extends keyof TargetSettings>(key: K, ...levels: Array<Partial<TargetSettings>>): TargetSettings[K] {
  let value = BUILT_IN_DEFAULTS[key]
  for (const level of levels) if (level[key] !== undefined) value = level[key] as TargetSettings[K]
  return value
}

function merge(...levels: Array<Partial<TargetSettings>>): TargetSettings {
  const encoding = levels.reduce<TargetSettings['encoding']>((value, level) => level.encoding ?? value, undefined)
  return {
    execMode: pick('execMode', ...levels),
    classify: pick('classify', ...levels),
    relatedUsers: pick('relatedUsers', ...levels),
    include: pick('include', ...levels),
    exclude: pick('exclude', ...levels),
    rollbackPattern: pick('rollbackPattern', ...levels),
    ...(encoding ? { encoding } : {})
  }
}

function settingsOnly(inputs: InputDefaults): Partial<TargetSettings> {
  const { database: _database, ...settings } = inputs
  return settings
}

/**
 * Every target with its settings decided. With no config (or a config without targets) this is one implicit
 * target covering every path, deploying to the `database` input — or none when that input is missing too.
 */
export function effectiveTargets(config: Config | null, inputs: InputDefaults): ResolvedTarget[] {
  const fromInputs = settingsOnly(inputs)
  const fileDefaults = config?.defaults ?? {}
  if (config && config.targets.length > 0) {
    return config.targets.map((t) => {
      const { name, paths, database, line, verify, ...own } = t
      return { name, paths, database, ...merge(fromInputs, fileDefaults, own), ...(verify ? { verify } : {}),
        source: { kind: 'config', file: config.file, line } }
    })
  }
  if (!inputs.database) return []
  return [{ name: IMPLICIT_TARGET_NAME, paths: ['**'], database: inputs.database, ...merge(fromInputs, fileDefaults), source: { kind: 'inputs' } }]
}

interface CompiledTarget {
  target: ResolvedTarget
  inPaths: (p: string) => boolean
  included: (p: string) => boolean
  excluded: (p: string) => boolean
}

function compile(target: ResolvedTarget): CompiledTarget {
  return { target, inPaths: matcher(target.paths), included: matcher(target.include), excluded: matcher(target.exclude) }
}

function describeTarget(t: ResolvedTarget): string {
  return t.source.kind === 'config' ? `'${t.name}' (line ${t.source.line})` : `'${t.name}'`
}

/**
 * Groups the changed paths by target. A target maps a file when the file matches its `paths` and its
 * include, and not its exclude. Outcomes per changed file:
 * - a reviewer-written rollback file of a routine a target maps → that target's `rollbackFiles`;
 * - mapped by exactly one target → that target's `files`;
 * - mapped by two or more → error naming them (ambiguity would deploy to the wrong database);
 * - inside some target's paths but excluded there → `skipped` with the reason;
 * - in no target's paths: an error when the defaults would include it (a routine nobody deploys),
 *   else `skipped` when it is a .sql file (non-.sql files are simply not routines).
 */
export function resolveTargets(config: Config | null, inputs: InputDefaults, changedPaths: readonly string[]): TargetResolution {
  const targets = effectiveTargets(config, inputs).map(compile)
  const fallback = merge(settingsOnly(inputs), config?.defaults ?? {})
  const defaultIncluded = matcher(fallback.include)
  const defaultExcluded = matcher(fallback.exclude)
  const configName = config?.file ?? null

  const groups = new Map<string, TargetGroup>(targets.map((c) => [c.target.name, { target: c.target, files: [], rollbackFiles: [] }]))
  const errors: FileError[] = []
  const skipped: SkippedFile[] = []
  const isSql = (p: string) => /\.sql$/i.test(p)
  const maps = (c: CompiledTarget, p: string) => c.inPaths(p) && c.included(p) && !c.excluded(p)

  for (const raw of [...new Set(changedPaths.map(normalizePath))].sort()) {
    const rollbackOwners = targets.filter((c) => {
      const routine = routineForRollback(c.target.rollbackPattern, raw)
      if (routine === null) return false
      return routine === '' ? c.inPaths(raw) : maps(c, routine)
    })
    if (rollbackOwners.length > 0) {
      for (const c of rollbackOwners) groups.get(c.target.name)!.rollbackFiles.push(raw)
      continue
    }

    const mapping = targets.filter((c) => maps(c, raw))
    if (mapping.length === 1) {
      groups.get(mapping[0]!.target.name)!.files.push(raw)
      continue
    }
    if (mapping.length > 1) {
      errors.push({
        file: raw,
        line: 1,
        message: `mapped by ${mapping.length} targets: ${mapping.map((c) => describeTarget(c.target)).join(' and ')}` +
          `${configName ? ` in ${configName}` : ''}; a file must belong to exactly one database target — narrow their paths or use exclude`
      })
      continue
    }
    const within = targets.filter((c) => c.inPaths(raw))
    if (within.length > 0) {
      if (isSql(raw)) skipped.push({ file: raw, reason: `excluded by the include/exclude of target ${within.map((c) => describeTarget(c.target)).join(', ')}` })
      continue
    }
    if (defaultIncluded(raw) && !defaultExcluded(raw)) {
      errors.push({
        file: raw,
        line: 1,
        message:
          targets.length === 0
            ? 'no database to deploy this routine file to: set the `database` input or add targets to the config file'
            : `no target in ${configName ?? 'the config'} maps this file; add it to a target's paths, or to exclude if it is not a routine`
      })
    } else if (isSql(raw)) {
      skipped.push({ file: raw, reason: defaultExcluded(raw) ? 'matches the default exclude' : 'not matched by the default include' })
    }
  }
  return { groups: [...groups.values()].filter((g) => g.files.length + g.rollbackFiles.length > 0), errors, skipped }
}
