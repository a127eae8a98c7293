// File bytes → text for the planner. Pure (no I/O): every reader (a directory, git objects, the GitHub API, a
// tarball) hands its bytes to a Decoder. UTF-8 is read strictly (a BOM is allowed): a file that is not valid
// UTF-8 is an error naming the file and the line of its first bad byte, never text with U+FFFD in it, unless a
// legacy encoding is configured for the file (GBK, GB18030, Big5, Latin-1, …); then it is decoded from that,
// and the planner (hence DMS) only ever sees Unicode text, shipped as UTF-8.
import { isUtf8 } from 'node:buffer'
import type { Finding, SourceTree } from '../sql/types.js'

/** How one file is to be read. */
export type EncodingChoice =
  | { kind: 'utf-8' }
  | {
      kind: 'legacy'
      /** The WHATWG name TextDecoder uses (`gbk`, `gb18030`, `big5`, `windows-1252` for latin1 …). */
      encoding: string
      /** As the user wrote it (`latin1`), for messages. */
      label: string
      /** Where it was configured (`.github/dms-proc-gate.yml:7`, `--encoding`), for messages. */
      from: string
    }

export const UTF8: EncodingChoice = { kind: 'utf-8' }

/** The encoding of each repository path. */
export type EncodingFor = (path: string) => EncodingChoice

export type DecodeResult = { ok: true; text: string; warnings: Finding[] } | { ok: false; error: Finding }

/** What a reader is given: bytes of one file and its repository-relative path → text or a finding. */
export type Decoder = (bytes: Uint8Array, path: string) => DecodeResult

// ---- encoding names ----

/** Names we document; any other WHATWG label of an ASCII-compatible encoding works too (shift_jis, euc-kr …). */
export const COMMON_ENCODINGS = ['utf-8', 'gbk', 'gb18030', 'big5', 'latin1'] as const

/** Encodings whose bytes do not keep ASCII (newlines, quotes) as ASCII: lines and SQL cannot be found in them. */
const NOT_ASCII_COMPATIBLE = new Set(['utf-16le', 'utf-16be', 'iso-2022-jp', 'replacement'])

/** The TextDecoder name of `label`, or why it cannot be used. */
export function resolveEncodingLabel(label: string): { encoding: string } | { problem: string } {
  let encoding: string
  try {
    encoding = new TextDecoder(label.trim()).encoding
  } catch {
    return { problem: `unknown encoding '${label}' (use one of ${COMMON_ENCODINGS.join(', ')}, or another WHATWG encoding name)` }
  }
  if (NOT_ASCII_COMPATIBLE.has(encoding)) {
    return { problem: `encoding '${label}' is not supported: SQL files must keep ASCII as ASCII (save the file as UTF-8)` }
  }
  return { encoding }
}

/** An encoding choice for `label` configured at `from`; UTF-8 labels give the strict UTF-8 choice. */
export function encodingChoice(label: string, from: string): EncodingChoice | { problem: string } {
  const r = resolveEncodingLabel(label)
  if ('problem' in r) return r
  return r.encoding === 'utf-8' ? UTF8 : { kind: 'legacy', encoding: r.encoding, label: label.trim(), from }
}

// ---- decoding ----

/**
 * windows-1252 (WHATWG's and MySQL's `latin1`): 0x80–0x9F are €, ‚, ƒ, „ … Node 20's TextDecoder decodes this
 * label as ISO-8859-1 (0x80 → U+0080), so those 32 bytes are mapped here; every other byte is its code point.
 */
const CP1252_HIGH = [0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178]

function decodeCp1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
  return latin1.replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80]!))
}

/** Decodes `bytes` as `encoding`; throws on bytes it cannot decode (cp1252 decodes every byte). */
function decodeStrict(bytes: Uint8Array, encoding: string): string {
  return encoding === 'windows-1252' ? decodeCp1252(bytes) : new TextDecoder(encoding, { fatal: true }).decode(bytes)
}

const hex = (b: number): string => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`

/** 1-based line of byte offset `at` (LF counts; every supported encoding keeps 0x0A as a line break only). */
function lineOfByte(bytes: Uint8Array, at: number): number {
  let line = 1
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < at; i = bytes.indexOf(0x0a, i + 1)) line++
  return line
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence (Unicode table 3-7). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length
  let i = 0
  while (i < n) {
    const b = bytes[i]!
    if (b < 0x80) { i++; continue }
    let need: number
    let lo = 0x80
    let hi = 0xbf
    if (b >= 0xc2 && b <= 0xdf) need = 1
    else if (b >= 0xe0 && b <= 0xef) { need = 2; if (b === 0xe0) lo = 0xa0; else if (b === 0xed) hi = 0x9f }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; if (b === 0xf0) lo = 0x90; else if (b === 0xf4) hi = 0x8f }
    else return i
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i
    }
    i += need + 1
  }
  return -1
}

/** Line of the first line that `encoding` cannot decode (lines split at LF, which no supported encoding reuses). */
function firstUndecodableLine(bytes: Uint8Array, encoding: string): { line: number; at: number } {
  const decoder = new TextDecoder(encoding, { fatal: true })
  let start = 0
  for (let line = 1; ; line++) {
    let end = bytes.indexOf(0x0a, start)
    const last = end === -1
    if (last) end = bytes.length
    try {
      decoder.decode(bytes.subarray(start, end + (last ? 0 : 1)), { stream: !last })
    } catch {
      return { line, at: start }
    }
    if (last) return { line, at: start }
    start = end + 1
  }
}

const CONFIGURE = 'configure its encoding (`encoding:` in .github/dms-proc-gate.yml, or plan --encoding) if it is GBK, Big5, Latin-1 …, or save it as UTF-8'

/** Binary content: a NUL byte (no SQL text has one), reported without echoing the bytes. */
function binaryError(bytes: Uint8Array, path: string): Finding | undefined {
  const nul = bytes.indexOf(0)
  if (nul === -1) return undefined
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { file: path, line: 1, message: 'the file is UTF-16 (it starts with a UTF-16 byte order mark): save it as UTF-8' }
  }
  return { file: path, line: lineOfByte(bytes, nul), message: `binary file, not SQL text: a NUL byte (0x00) at byte ${nul + 1}` }
}

/** Decodes one file as `choice` says; never returns replacement characters for bad bytes. */
export function decodeSource(bytes: Uint8Array, path: string, choice: EncodingChoice = UTF8): DecodeResult {
  const binary = binaryError(bytes, path)
  if (binary) return { ok: false, error: binary }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  // A UTF-8 byte order mark says what the file is, whatever is configured.
  if (choice.kind === 'utf-8' || bom) {
    if (isUtf8(bytes)) return { ok: true, text: new TextDecoder('utf-8').decode(bytes), warnings: [] }
    const at = firstInvalidUtf8(bytes)
    const line = lineOfByte(bytes, at)
    const lead = bom ? 'not valid UTF-8 although it starts with a UTF-8 byte order mark' : 'not valid UTF-8'
    return { ok: false, error: { file: path, line, message: `${lead}: byte ${hex(bytes[at]!)} at line ${line} cannot be decoded; ${CONFIGURE}` } }
  }
  try {
    const text = decodeStrict(bytes, choice.encoding)
    const warnings: Finding[] = []
    const firstNonAscii = isUtf8(bytes) ? bytes.findIndex((b) => b >= 0x80) : -1
    if (firstNonAscii !== -1) {
      // Plausible either way: say so, so a reviewer checks the characters (a converted file keeps its old setting).
      const line = lineOfByte(bytes, firstNonAscii)
      warnings.push({ file: path, line, message: `decoded as ${choice.label} (set by ${choice.from}), but the file is also valid UTF-8: ` +
        'check that its non-ASCII text reads right in execSql, or drop the encoding setting for it' })
    }
    return { ok: true, text, warnings }
  } catch {
    const bad = firstUndecodableLine(bytes, choice.encoding)
    return { ok: false, error: { file: path, line: bad.line, message: `not valid ${choice.label} (set by ${choice.from}): ` +
      `the bytes of line ${bad.line} cannot be decoded as ${choice.label}; check the file's encoding` } }
  }
}

/** A Decoder choosing each file's encoding with `encodingFor` (default: every file strict UTF-8). */
export function decoderFor(encodingFor: EncodingFor = () => UTF8): Decoder {
  return (bytes, path) => decodeSource(bytes, path, encodingFor(path))
}

export const decodeUtf8: Decoder = decoderFor()

// ---- a side of files, and the two sides of a plan ----

/** Decoded files of one side: the text of each readable file, and what could not be read. */
export interface DecodedFiles {
  files: Map<string, string>
  errors: Finding[]
  warnings: Finding[]
}

/** Decodes `raw` (path → bytes) with `decode`. */
export function decodeAll(raw: Iterable<readonly [string, Uint8Array]>, decode: Decoder): DecodedFiles {
  const out: DecodedFiles = { files: new Map(), errors: [], warnings: [] }
  for (const [path, bytes] of raw) {
    const r = decode(bytes, path)
    if (r.ok) {
      out.files.set(path, r.text)
      out.warnings.push(...r.warnings)
    } else out.errors.push(r.error)
  }
  return out
}

export interface DecodedSides {
  base: SourceTree
  head: SourceTree
  errors: Finding[]
  warnings: Finding[]
}

/**
 * The two sides for the planner. A file unreadable on either side is left out of both, so it shows up as its
 * error and never as every routine in it being added or removed. Base findings say so (the PR did not write
 * that version, but its rollback depends on it).
 */
export function pairSides(base: DecodedFiles, head: DecodedFiles): DecodedSides {
  const unreadable = new Set([...base.errors, ...head.errors].map((f) => f.file))
  const keep = (files: Map<string, string>): Map<string, string> =>
    new Map([...files].filter(([path]) => !unreadable.has(path)))
  const inBase = (f: Finding): Finding => ({ ...f, message: `base version: ${f.message}` })
  // A file unreadable (or ambiguous) on both sides is reported once, for its head version.
  const headFailed = new Set(head.errors.map((f) => f.file))
  const inHead = new Set([...head.files.keys(), ...headFailed])
  return {
    base: keep(base.files),
    head: keep(head.files),
    errors: [...base.errors.filter((f) => !headFailed.has(f.file)).map(inBase), ...head.errors],
    warnings: [...base.warnings.filter((w) => !unreadable.has(w.file) && !inHead.has(w.file)).map(inBase),
      ...head.warnings.filter((w) => !unreadable.has(w.file))]
  }
}
