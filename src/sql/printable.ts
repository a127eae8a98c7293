// Text from a file that goes into a message: control, bidi-override and invisible characters escaped (a finding is
// one line in a terminal or a check annotation, and must not be able to rewrite it), long pieces shortened.

const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufffd]/g
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

/** `s` with every character that would not show as itself written as an escape (`\x01`, `\u202e`, `\n`). */
export function printable(s: string): string {
  return s.replace(HIDDEN, (c) => {
    const code = c.charCodeAt(0)
    return NAMED[c] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`)
  })
}

/** A piece of SQL quoted in a message: printable, at most `max` characters. */
export function excerpt(s: string, max = 40): string {
  const p = printable(s)
  return p.length > max ? `${p.slice(0, max - 1)}…` : p
}
