// Path globs (picomatch): validation with a reason, and matchers. Paths are repository-relative with '/'.
import picomatch from 'picomatch'

// dot: a routine under `.db/` is still a routine; strictBrackets: `[a-` is a typo, not a literal.
const OPTIONS: picomatch.PicomatchOptions = { dot: true, strictBrackets: true }

/** Why `glob` is not a usable repository path glob, or null when it is. */
export function globProblem(glob: string): string | null {
  if (glob.trim() === '') return 'must not be empty'
  if (glob !== glob.trim()) return 'must not start or end with spaces'
  if (glob.startsWith('/')) return "must be relative to the repository root (no leading '/')"
  if (glob.startsWith('./')) return "must be relative to the repository root (no leading './')"
  if (glob.startsWith('!')) return "negation ('!') is not supported here; list the pattern under exclude"
  if (glob.includes('\\')) return "must use '/' as the path separator (backslash found)"
  if (glob.split('/').includes('..')) return "must not contain '..' segments"
  try {
    picomatch.makeRe(glob, OPTIONS)
  } catch (err) {
    return `is not a valid glob: ${(err as Error).message}`
  }
  return null
}

/** Why `path` is not a usable repository-relative file path, or null when it is. */
export function pathProblem(path: string): string | null {
  if (path.trim() === '') return 'must not be empty'
  if (path !== path.trim()) return 'must not start or end with spaces'
  if (path.startsWith('/')) return "must be relative to the repository root (no leading '/')"
  if (path.includes('\\')) return "must use '/' as the path separator (backslash found)"
  if (path.split('/').includes('..')) return "must not contain '..' segments"
  if (path.endsWith('/')) return 'must name a file, not a directory'
  return null
}

export type PathMatcher = (path: string) => boolean

/** A matcher for any of `globs` (none → matches nothing). Globs must have passed globProblem. */
export function matcher(globs: readonly string[]): PathMatcher {
  if (globs.length === 0) return () => false
  return picomatch([...globs], OPTIONS)
}

/** `./a/b.sql` → `a/b.sql` (git and the GitHub API give plain relative paths; tolerate './'). */
export function normalizePath(path: string): string {
  let p = path.replace(/\\/g, '/')
  while (p.startsWith('./')) p = p.slice(2)
  return p
}
