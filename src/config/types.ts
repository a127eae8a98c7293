// Types of the organisation config (.github/dms-proc-gate.yml) after validation, and of the targets it resolves to.
import type { ExecMode } from '../dms/types.js'

export type { ExecMode }
export const EXEC_MODES = ['COMMITOR', 'AUTO', 'LAST_AUDITOR'] as const satisfies readonly ExecMode[]

/** DMS environment types (GetDatabase.EnvType). */
export const ENV_TYPES = ['product', 'dev', 'pre', 'test', 'sit', 'uat', 'pet', 'stag'] as const
export type EnvType = (typeof ENV_TYPES)[number]

/** Which DMS database a target deploys to: a DbId, or a schema name resolved with SearchDatabase. */
export type DatabaseSpec =
  /** `logic`: the DbId is a logical database (sent as DbItemList[].Logic; default false, a physical one). */
  | { kind: 'db-id'; dbId: number; logic?: boolean }
  | { kind: 'schema'; schema: string; host?: string; port?: number; env?: EnvType }

/**
 * How routine files are decoded (absent: strict UTF-8): one encoding for every file, or per glob, where the first
 * rule whose paths match a file decides and a file no rule matches is UTF-8. Labels are validated WHATWG names.
 */
export type EncodingSetting =
  | { kind: 'all'; label: string; line: number }
  | { kind: 'globs'; rules: Array<{ paths: string[]; label: string; line: number }> }

/** The settings every level (built-in, Action inputs, file defaults, target) may set. */
export interface TargetSettings {
  execMode: ExecMode
  /** Change reason sent as Param.Classify ('' = none). */
  classify: string
  /** DMS user ids to notify (RelatedUserList); strings because UIDs can exceed 2^53. */
  relatedUsers: string[]
  include: string[]
  exclude: string[]
  /** Where a reviewer-written rollback file lives, e.g. `{dir}/{name}.rollback.sql`. */
  rollbackPattern: string
  /** Legacy file encoding (file defaults or target only; absent: UTF-8). */
  encoding?: EncodingSetting
}

/** `verify:` of a target: what verification (docs/verify.md) loads before the base routines. */
export interface VerifySettings {
  /** Repository-relative SQL file with the tables the target's routines need. */
  schema: string
}

export interface ConfigTarget extends Partial<TargetSettings> {
  name: string
  paths: string[]
  database: DatabaseSpec
  verify?: VerifySettings
  /** 1-based line of the target in the config file (for messages). */
  line: number
}

export interface TemplateSpec {
  name: string
  description: string
  line: number
}

export interface PermOrderRef {
  orderId: number
  line: number
}

/** A validated config file. */
export interface Config {
  /** The file it came from, as given (used in every message). */
  file: string
  defaults: Partial<TargetSettings>
  targets: ConfigTarget[]
  permOrders: PermOrderRef[]
  templates: TemplateSpec[]
}

/** A problem in the config file: file, 1-based line, key path (`targets[1].exec-mode`, '' for the whole file). */
export interface ConfigError {
  file: string
  line: number
  path: string
  message: string
}

/** What the Action inputs contribute (undefined = not given). */
export interface InputDefaults extends Partial<TargetSettings> {
  /** From the `database` input: used only when the config has no targets (or there is no config). */
  database?: DatabaseSpec
}

/** A target with every setting decided by the precedence chain. */
export interface ResolvedTarget extends TargetSettings {
  name: string
  /** Globs choosing the files of this target (['**'] for the implicit target). */
  paths: string[]
  database: DatabaseSpec
  /** Only from a config target (no input or default sets it). */
  verify?: VerifySettings
  /** Where the target came from: a config entry (with its line) or the `database` input. */
  source: { kind: 'config'; file: string; line: number } | { kind: 'inputs' }
}

/** A problem with a changed file (annotation-ready: line 1 of that file). */
export interface FileError {
  file: string
  line: number
  message: string
}

export interface TargetGroup {
  target: ResolvedTarget
  /** Changed routine files this target deploys. */
  files: string[]
  /** Changed reviewer-written rollback files belonging to this target's routine files. */
  rollbackFiles: string[]
}

/** A changed .sql file deliberately left out (by include/exclude), with why — reported, never silent. */
export interface SkippedFile {
  file: string
  reason: string
}

export interface TargetResolution {
  groups: TargetGroup[]
  errors: FileError[]
  skipped: SkippedFile[]
}
