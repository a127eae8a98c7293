// Public surface of the organisation config (.github/dms-proc-gate.yml).
export * from './types.js'
export { parseConfig, DEFAULT_CONFIG_PATH, type ParseResult } from './parse.js'
export { loadConfig, type LoadResult } from './load.js'
export { resolveTargets, effectiveTargets, BUILT_IN_DEFAULTS, IMPLICIT_TARGET_NAME } from './resolve.js'
export { formatConfigError, formatFileError } from './format.js'
export { globProblem, matcher, normalizePath } from './globs.js'
export { DEFAULT_ROLLBACK_PATTERN, rollbackPathFor, routineForRollback, rollbackPatternProblem } from './rollback-pattern.js'
export { databaseSelector, describeDatabaseSpec } from './database.js'
