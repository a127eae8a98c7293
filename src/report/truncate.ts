// Safe truncation for GitHub's limits: check-run output is measured in UTF-8 bytes (65,535), comment bodies in
// characters (65,536). Never splits a multi-byte character or a surrogate pair; the note says text was cut.

export const CHECK_TEXT_MAX_BYTES = 65535
export const COMMENT_MAX_CHARS = 65536
export const TRUNCATION_NOTE = '\n\n…truncated'

export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}

/** `text` if it fits in `maxBytes` UTF-8 bytes, else its longest whole-character prefix + `note` that fits. */
export function truncateBytes(text: string, maxBytes: number = CHECK_TEXT_MAX_BYTES, note: string = TRUNCATION_NOTE): string {
  if (utf8Bytes(text) <= maxBytes) return text
  const noteBytes = utf8Bytes(note)
  if (noteBytes > maxBytes) return truncateBytes(note, maxBytes, '')
  const buf = Buffer.from(text, 'utf8')
  let end = maxBytes - noteBytes
  // back up to the first byte of a UTF-8 sequence (continuation bytes are 10xxxxxx)
  while (end > 0 && (buf[end] & 0xc0) === 0x80) end--
  return buf.subarray(0, end).toString('utf8') + note
}

/** `text` if it has at most `maxChars` UTF-16 units (≥ code points, so conservative), else a prefix + `note`. */
export function truncateChars(text: string, maxChars: number = COMMENT_MAX_CHARS, note: string = TRUNCATION_NOTE): string {
  if (text.length <= maxChars) return text
  let end = Math.max(maxChars - note.length, 0)
  const code = text.charCodeAt(end - 1)
  if (end > 0 && code >= 0xd800 && code <= 0xdbff) end-- // don't keep half a surrogate pair
  return text.slice(0, end) + note
}
