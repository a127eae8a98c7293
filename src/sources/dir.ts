// A directory on disk → the decoded files of one plan side (repository-relative paths with forward slashes).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import picomatch from 'picomatch'
import { decodeAll, decodeUtf8, type DecodedFiles, type Decoder } from './encoding.js'

const SKIP_DIRS = new Set(['.git', 'node_modules'])

/** The directory is missing or is not a directory (a usage error: an empty side must be said explicitly). */
export class DirSourceError extends Error {}

/**
 * Reads every file under `root` whose relative path matches `include` (all files when omitted), decoding each with
 * `decode` (strict UTF-8 by default). `root` must be an existing directory.
 */
export function readDirTree(root: string, include?: readonly string[], decode: Decoder = decodeUtf8): DecodedFiles {
  let isDir: boolean
  try {
    isDir = statSync(root).isDirectory()
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new DirSourceError(`directory '${root}' does not exist`)
    throw new DirSourceError(`cannot read '${root}': ${(e as Error).message}`)
  }
  if (!isDir) throw new DirSourceError(`'${root}' is not a directory`)
  const match = include && include.length > 0 ? picomatch([...include], { dot: true }) : () => true
  const raw: Array<[string, Uint8Array]> = []
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const rel = prefix + entry.name
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) walk(join(dir, entry.name), rel + '/')
      } else if (entry.isFile() && match(rel)) {
        raw.push([rel, readFileSync(join(dir, entry.name))])
      }
    }
  }
  walk(root, '')
  return decodeAll(raw, decode)
}
