// The client's DELIMITER command: where it is recognised and how its value is read (client/mysql.cc
// find_command, com_delimiter, get_arg).
import * as chars from './chars.js'
import { lineEnd } from './scan.js'
const { BACKSLASH, BACKTICK, CR, DQUOTE, NL, SPACE, SQUOTE, TAB } = chars

const DELIMITER_LOWER = 'delimiter'

/** Whether s[i..] reads `DELIMITER` (any case) followed by a space, tab, line end or end of input. */
export function isDelimiterWord(s: string, i: number): boolean {
  for (let k = 0; k < 9; k++) {
    if ((s.charCodeAt(i + k) | 0x20) !== DELIMITER_LOWER.charCodeAt(k)) return false
  }
  const c = s.charCodeAt(i + 9)
  return c === SPACE || c === TAB || c === NL || c === CR || Number.isNaN(c)
}

/** Only spaces/tabs between the previous line break (or the start) and i. */
export function atLineStart(s: string, i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    const c = s.charCodeAt(k)
    if (c === NL) return true
    if (c !== SPACE && c !== TAB) return false
  }
  return true
}

/** Blank, or only a comment. */
function isBlankOrComment(rest: string): boolean {
  const t = rest.trim()
  return t === '' || t.startsWith('#') || t.startsWith('/*') || (t.startsWith('--') && (t.length === 2 || t.charCodeAt(2) <= SPACE))
}

export interface Directive {
  /** New delimiter, or undefined when the client rejects the line (and keeps the old one). */
  value?: string
  /** Why it was rejected, or a warning about ignored text. */
  problem?: string
  /** Offset of the line end (the `\n` or the end of input). */
  eol: number
}

/**
 * Reads a `DELIMITER x` line at i as the client's get_arg does: the value is quoted ('…', "…", `…`) or runs to
 * the first space (a tab is part of it, as in the client); the rest of the line is ignored. `nameLength` is 2
 * for the short form `\d x`.
 */
export function readDirective(s: string, i: number, current: string, nameLength = 9): Directive {
  const eol = lineEnd(s, i)
  const stop = eol > i && s.charCodeAt(eol - 1) === CR ? eol - 1 : eol
  let j = i + nameLength
  while (j < stop && (s.charCodeAt(j) === SPACE || s.charCodeAt(j) === TAB || s.charCodeAt(j) === 11 || s.charCodeAt(j) === 12)) j++
  const none = `DELIMITER without a value: the client reports an error and keeps the delimiter '${current}'`
  if (j >= stop) return { problem: none, eol }
  // get_arg: an optional quote; a backslash escapes the next char (not inside backticks), a doubled quote is
  // a quote; an unquoted value ends at a space (a tab is part of it).
  const q = s.charCodeAt(j)
  const qtype = q === SQUOTE || q === DQUOTE || q === BACKTICK ? q : 0
  let k = qtype ? j + 1 : j
  let seg = k
  let value = ''
  let closed = qtype === 0
  while (k < stop) {
    const c = s.charCodeAt(k)
    if ((c === BACKSLASH && k + 1 < stop && qtype !== BACKTICK) || (qtype !== 0 && c === qtype && s.charCodeAt(k + 1) === qtype)) {
      value += s.slice(seg, k) + s[k + 1]
      k += 2
      seg = k
      continue
    }
    if (c === (qtype || SPACE)) { closed = true; break }
    k++
  }
  value += s.slice(seg, k)
  if (!closed || value === '') return { problem: none, eol }
  const after = qtype ? k + 1 : k
  if (value.includes('\\')) {
    return { problem: `DELIMITER '${value}' contains a backslash: the client rejects it and keeps '${current}'`, eol }
  }
  if (value.charCodeAt(0) >= 128) {
    return { value, eol, problem: `DELIMITER '${value}' starts with a non-ASCII character, which the client never ` +
      'matches (it skips multi-byte characters when looking for the delimiter): everything after it is one statement' }
  }
  const rest = s.slice(after, stop)
  if (!isBlankOrComment(rest)) {
    return { value, eol, problem: `text after 'DELIMITER ${value}' is ignored by the client: '${rest.trim()}'` }
  }
  return { value, eol }
}
