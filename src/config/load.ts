// Reading the config file from disk. A missing file is not an error (the Action then uses one implicit target).
import { readFile } from 'node:fs/promises'
import { parseConfig, type ParseResult } from './parse.js'

export type LoadResult = ParseResult | { ok: 'missing'; file: string }

export async function loadConfig(path: string, displayName: string = path): Promise<LoadResult> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ok: 'missing', file: displayName }
    return { ok: false, errors: [{ file: displayName, line: 1, path: '', message: `cannot read: ${(err as Error).message}` }] }
  }
  return parseConfig(text.replace(/^\uFEFF/, ''), displayName)
}
