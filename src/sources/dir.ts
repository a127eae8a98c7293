// A directory on disk → SourceTree (repository-relative paths with forward slashes).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import picomatch from 'picomatch'
import type { SourceTree } from '../sql/types.js'

const SKIP_DIRS = new Set(['.git', 'node_modules'])

/**
 * Reads every file under `root` whose relative path matches `include` (all files when omitted).
 * A directory that does not exist is an empty tree: "no files on that side".
 */
export function readDirTree(root: string, include?: readonly string[]): SourceTree {
  const tree = new Map<string, string>()
  try {
    if (!statSync(root).isDirectory()) throw new Error(`${root} is not a directory`)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return tree
    throw e
  }
  const match = include && include.length > 0 ? picomatch([...include], { dot: true }) : () => true
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const rel = prefix + entry.name
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) walk(join(dir, entry.name), rel + '/')
      } else if (entry.isFile() && match(rel)) {
        tree.set(rel, readFileSync(join(dir, entry.name), 'utf8'))
      }
    }
  }
  walk(root, '')
  return tree
}
