// Reading selected files out of a repository tarball (GET /repos/{o}/{r}/tarball/{ref}: gzip'd POSIX tar as made
// by `git archive`, every path under one top-level `<owner>-<repo>-<sha>/` directory, pax headers for long paths).
// Two such downloads replace thousands of per-file calls when a large PR is read without a checkout.
import { createHash } from 'node:crypto'
import { gunzipSync } from 'node:zlib'

/** The git blob id of `content` (what trees and listFiles report), to verify what a tarball gave us. */
export function gitBlobSha(content: Uint8Array): string {
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex')
}

function field(block: Buffer, start: number, length: number): string {
  const raw = block.subarray(start, start + length)
  const nul = raw.indexOf(0)
  return raw.subarray(0, nul < 0 ? raw.length : nul).toString('utf8')
}

function octal(block: Buffer, start: number, length: number): number {
  const s = field(block, start, length).trim()
  return s === '' ? 0 : parseInt(s, 8)
}

/** pax records: "<len> key=value\n" */
function paxRecords(data: Buffer): Map<string, string> {
  const out = new Map<string, string>()
  let pos = 0
  while (pos < data.length) {
    const sp = data.indexOf(0x20, pos)
    if (sp < 0) break
    const len = Number(data.subarray(pos, sp).toString('ascii'))
    if (!Number.isInteger(len) || len <= 0) break
    const rec = data.subarray(sp + 1, pos + len - 1).toString('utf8') // without the trailing \n
    const eq = rec.indexOf('=')
    if (eq > 0) out.set(rec.slice(0, eq), rec.slice(eq + 1))
    pos += len
  }
  return out
}

/**
 * The regular files of a tar(.gz) whose repository-relative path (top-level directory stripped) is in `wanted`.
 * Symlinks and other entry types are skipped.
 */
export function extractFiles(archive: Uint8Array, wanted: ReadonlySet<string>): Map<string, Buffer> {
  const buf = archive[0] === 0x1f && archive[1] === 0x8b ? gunzipSync(archive) : Buffer.from(archive)
  const out = new Map<string, Buffer>()
  let pos = 0
  let paxPath: string | undefined
  while (pos + 512 <= buf.length) {
    const header = buf.subarray(pos, pos + 512)
    if (header.every(b => b === 0)) break // end of archive
    const size = octal(header, 124, 12)
    const type = String.fromCharCode(header[156] || 0x30)
    const dataStart = pos + 512
    const data = buf.subarray(dataStart, dataStart + size)
    pos = dataStart + Math.ceil(size / 512) * 512
    if (type === 'x') {
      paxPath = paxRecords(data).get('path')
      continue
    }
    if (type === 'g') continue // global header (git archive puts the commit id there)
    const name = field(header, 0, 100)
    const prefix = field(header, 345, 155)
    const full = paxPath ?? (prefix !== '' ? `${prefix}/${name}` : name)
    paxPath = undefined
    if (type !== '0' && type !== '\0') continue
    const slash = full.indexOf('/')
    const path = slash < 0 ? full : full.slice(slash + 1)
    if (wanted.has(path)) out.set(path, Buffer.from(data))
  }
  return out
}
