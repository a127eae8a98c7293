// Reading the config file from disk. A missing file is not an error (the Action then uses one implicit target).
import { readFile } from 'node:fs/promises'
import { decodeUtf8 } from '../sources/encoding.js'
import { parseConfig, type ParseResult } from './parse.js'

export type LoadResult = ParseResult | { ok: 'missing'; file: string }

export async function loadConfig(path: string, displayName: string = path): Promise<LoadResult> {
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ok: 'missing', file: displayName }
    return { ok: false, errors: [{ file: displayName, line: 1, path: '', message: `cannot read: ${(err as Error).message}` }] }
  }
  // The config file itself is always UTF-8 (a BOM is allowed).
  const decoded = decodeUtf8(bytes, displayName)
  if (!decoded.ok) return { ok: false, errors: [{ ...decoded.error, path: '' }] }
  return parseConfig(decoded.text, displayName)
}
