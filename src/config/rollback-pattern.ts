// Rollback-file patterns: `{dir}/{name}.rollback.sql` names the reviewer-written rollback of `{dir}/{name}.sql`.
//   {dir}  the routine file's directory ('' at the repository root; the '/' after it then disappears)
//   {name} the routine file's name without its `.sql` extension
// The forward direction (routine file → rollback path) is the planner's, so the Action and `plan` always agree.
import { DEFAULT_ROLLBACK_PATTERN, rollbackPathFor } from '../sql/plan.js'

export { DEFAULT_ROLLBACK_PATTERN, rollbackPathFor }

const PLACEHOLDER = /\{([^{}]*)\}/g

/** Why `pattern` is unusable, or null. */
export function rollbackPatternProblem(pattern: string): string | null {
  if (pattern.trim() === '') return 'must not be empty'
  if (pattern.startsWith('/')) return "must be relative to the repository root (no leading '/')"
  for (const m of pattern.matchAll(PLACEHOLDER)) {
    if (m[1] !== 'dir' && m[1] !== 'name') return `unknown placeholder '{${m[1]}}' (use {dir} and {name})`
  }
  const count = (p: string) => pattern.split(`{${p}}`).length - 1
  if (count('name') !== 1) return 'must contain {name} exactly once'
  if (count('dir') > 1) return 'must contain {dir} at most once'
  if (/[{}]/.test(pattern.replace(PLACEHOLDER, ''))) return "has an unbalanced '{' or '}'"
  if (pattern.includes('\\')) return "must use '/' as the path separator"
  if (rollbackPathFor('a/b.sql', pattern) === 'a/b.sql') return 'must not name the routine file itself'
  return null
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * If `path` is a rollback file under `pattern`, the routine file it belongs to (`dir/name.sql`), or `''` when the
 * pattern has no {dir} (the routine's directory cannot be known); null when `path` is not a rollback file.
 */
export function routineForRollback(pattern: string, path: string): string | null {
  const parts = pattern.split(/(\{dir\}\/?|\{name\})/)
  let source = '^'
  for (const part of parts) {
    if (part === '{dir}/') source += '(?:(?<dir>.+)/)?'
    else if (part === '{dir}') source += '(?<dir>.*)'
    else if (part === '{name}') source += '(?<name>[^/]+)'
    else source += escapeRegExp(part)
  }
  const m = new RegExp(source + '$').exec(path)
  if (!m?.groups) return null
  if (!pattern.includes('{dir}')) return ''
  const dir = m.groups.dir ?? ''
  return (dir === '' ? '' : dir + '/') + m.groups.name + '.sql'
}
