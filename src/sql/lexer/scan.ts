// Scanners shared by the tokenizer and the splitter. Each takes the source and a start offset and returns the
// offset just past the construct (or -1 when it runs off the end), looking at char codes only.
import * as chars from './chars.js'
// Local copies: loaders and bundlers turn named imports into getter calls, too slow in a per-char loop.
const { BACKSLASH, BACKTICK, BANG, DASH, DIGIT0, DIGIT9, NL, SLASH, SPACE, STAR, UPPER_M } = chars

/**
 * End of a quoted string/identifier whose opening quote is at `i`: backslash escapes apply inside ' and "
 * (not inside backticks); a doubled quote is an escaped quote. Returns -1 when unterminated.
 */
export function scanQuoted(s: string, i: number, quote: number): number {
  const n = s.length
  let j = i + 1
  if (quote === BACKTICK) {
    for (;;) {
      const k = s.indexOf('`', j)
      if (k < 0) return -1
      if (s.charCodeAt(k + 1) === BACKTICK) { j = k + 2; continue }
      return k + 1
    }
  }
  while (j < n) {
    const c = s.charCodeAt(j)
    if (c === BACKSLASH) { j += 2; continue }
    if (c === quote) {
      if (s.charCodeAt(j + 1) === quote) { j += 2; continue }
      return j + 1
    }
    j++
  }
  return -1
}

/**
 * Offset after the `*` `/` that closes the plain block comment opened at i (s[i..i+1] = `/*`), as the mysql
 * client reads it; -1 when unterminated. Usually the first `*` `/`, but the client has two quirks we follow
 * because it decides what reaches the server: inside the comment a nested `/*` swallows its `*` (so `/*` `/`
 * does not close), and after a `/*!` on the same line the next `*` `/` only ends that "executable comment"
 * and not the outer one. `ss` says whether a `/*!` opened earlier on the same line is still open.
 */
export function blockCommentEnd(s: string, i: number, ss: boolean): number {
  const e = s.indexOf('*/', i + 2)
  if (e < 0) return -1
  if (!ss) {
    const o = s.indexOf('/*', i + 2)
    if (o < 0 || o > e) return e + 2 // common case: no nesting to think about
  }
  const n = s.length
  let j = i + 2
  while (j < n) {
    const c = s.charCodeAt(j)
    if (c === NL) { ss = false; j++; continue }
    if (c === SLASH && s.charCodeAt(j + 1) === STAR) {
      if (s.charCodeAt(j + 2) === BANG) { ss = true; j++; continue }
      j += 2 // a nested comment start consumes its star
      continue
    }
    if (c === STAR && s.charCodeAt(j + 1) === SLASH) {
      if (!ss) return j + 2
      ss = false
    }
    j++
  }
  return -1
}

/** Offset of the end of the line starting the search at `i` (the `\n`, or the source length). */
export function lineEnd(s: string, i: number): number {
  const k = s.indexOf('\n', i)
  return k < 0 ? s.length : k
}

/** `--` starts a comment only when followed by whitespace, a control char or the end of input. */
export function isDashComment(s: string, i: number): boolean {
  if (s.charCodeAt(i + 1) !== DASH) return false
  if (i + 2 >= s.length) return true
  return s.charCodeAt(i + 2) <= SPACE
}

/**
 * Length of an executable-comment opener at i (`/*!`, `/*!50003`, `/*M!`, `/*M!100108`), or 0 if the
 * block comment at i is an ordinary one. Version digits: up to 5 after `!` (6 when followed by a space, as newer
 * MySQL accepts), up to 6 after `M!`.
 */
export function execOpenLength(s: string, i: number): number {
  // caller guarantees s[i] = '/' and s[i+1] = '*'
  let j = i + 2
  const c = s.charCodeAt(j)
  let maxDigits = 5
  if (c === UPPER_M && s.charCodeAt(j + 1) === BANG) { j += 2; maxDigits = 6 } else if (c === BANG) j += 1
  else return 0
  let d = 0
  while (d < 6) {
    const k = s.charCodeAt(j + d)
    if (k < DIGIT0 || k > DIGIT9) break
    d++
  }
  if (d === 6 && maxDigits === 5) {
    const after = s.charCodeAt(j + 6)
    if (!(after <= SPACE)) d = 5
  }
  return j + Math.min(d, maxDigits) - i
}

/**
 * Whether the executable-comment opener s[i, i+len) asks for a version no server has: all nines (`/*!99999`,
 * `/*M!999999`). Tools use it to hide text from every server (mariadb-dump's sandbox line); the server reads
 * such a comment as a comment.
 */
export function isInertOpener(s: string, i: number, len: number): boolean {
  let j = i + 2
  if (s.charCodeAt(j) === UPPER_M) j++
  j++ // the '!'
  const digits = i + len - j
  if (digits < 5) return false
  for (let k = j; k < i + len; k++) if (s.charCodeAt(k) !== 57 /* 9 */) return false
  return true
}

/** Counts `\n` in s[from, to). */
export function countNewlines(s: string, from: number, to: number): number {
  let n = 0
  let k = s.indexOf('\n', from)
  while (k >= 0 && k < to) {
    n++
    k = s.indexOf('\n', k + 1)
  }
  return n
}

