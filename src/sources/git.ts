// A git commit-ish → the decoded files of one plan side, read with one `git ls-tree` and one
// `git cat-file --batch` (no checkout).
import { execFileSync, spawnSync } from 'node:child_process'
import picomatch from 'picomatch'
import { decodeAll, decodeUtf8, type DecodedFiles, type Decoder } from './encoding.js'

export class GitSourceError extends Error {}

const MAX_BUFFER = 1 << 30

/**
 * Files of `ref` in the repository at `repo` whose paths match `include` (all files when omitted), decoded with
 * `decode` (strict UTF-8 by default).
 */
export function readGitTree(repo: string, ref: string, include?: readonly string[], decode: Decoder = decodeUtf8): DecodedFiles {
  let listing: Buffer
  try {
    listing = execFileSync('git', ['-C', repo, 'ls-tree', '-r', '-z', '--full-tree', `${ref}^{tree}`],
      { maxBuffer: MAX_BUFFER, stdio: ['ignore', 'pipe', 'pipe'] })
  } catch (e) {
    const stderr = String((e as { stderr?: Buffer }).stderr ?? '').trim()
    throw new GitSourceError(`cannot read ref '${ref}' in git repository '${repo}'${stderr ? `: ${stderr}` : ''}`)
  }
  const match = include && include.length > 0 ? picomatch([...include], { dot: true }) : () => true
  const wanted: { oid: string; path: string }[] = []
  for (const entry of listing.toString('utf8').split('\0')) {
    if (!entry) continue
    // "<mode> SP <type> SP <oid> TAB <path>"
    const tab = entry.indexOf('\t')
    const [mode, type, oid] = entry.slice(0, tab).split(' ')
    const path = entry.slice(tab + 1)
    if (type === 'blob' && mode !== '120000' && oid && match(path)) wanted.push({ oid, path })
  }
  const raw: Array<[string, Uint8Array]> = []
  if (wanted.length === 0) return decodeAll(raw, decode)
  const res = spawnSync('git', ['-C', repo, 'cat-file', '--batch'],
    { input: wanted.map((w) => w.oid).join('\n') + '\n', maxBuffer: MAX_BUFFER })
  if (res.status !== 0 || !res.stdout) {
    throw new GitSourceError(`git cat-file failed in '${repo}': ${String(res.stderr ?? res.error ?? '').trim()}`)
  }
  // Output per object: "<oid> <type> <size>\n<content>\n"
  const out = res.stdout
  let pos = 0
  for (const w of wanted) {
    const nl = out.indexOf(10, pos)
    const header = out.toString('utf8', pos, nl)
    const size = Number(header.split(' ')[2])
    if (!Number.isFinite(size)) throw new GitSourceError(`git cat-file: unexpected answer '${header}' for ${w.path}`)
    raw.push([w.path, out.subarray(nl + 1, nl + 1 + size)])
    pos = nl + 1 + size + 1
  }
  return decodeAll(raw, decode)
}
