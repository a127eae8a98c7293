// Full tokenizer for ONE statement's text (the splitter has already handled DELIMITER). Executable comments
// are transparent: an 'exec-open' token, their content as ordinary tokens, then 'exec-close' — except one that
// no server runs (`/*!99999 … */`), which is one 'inert' token. A client backslash command (`\-`) is a 'command'.
import * as chars from './chars.js'
import { backslashCommand, backslashParamsEnd } from './commands.js'
import { readDirective } from './directive.js'
import * as scan from './scan.js'
import type { Token, TokenKind } from './tokens.js'
// Local copies: loaders and bundlers turn named imports into getter calls, too slow in a per-char loop.
const { blockCommentEnd, execOpenLength, isDashComment, isInertOpener, lineEnd, scanQuoted } = scan
const { AT, BACKSLASH, BACKTICK, C_DIGIT, C_WORD, C_WS, CHAR_CLASS, DASH, DOT, DQUOTE, SQUOTE, STAR, SLASH, isWordChar } = chars

/** Multi-char operators, longest first within each leading char. */
const OPS3 = new Set(['<=>', '->>'])
const OPS2 = new Set([':=', '<=', '>=', '<>', '!=', '||', '&&', '<<', '>>', '->'])
/** First chars of multi-char operators (so single-char operators skip the set lookups). */
const MULTI_OP_FIRST = new Uint8Array(128)
for (const op of [...OPS3, ...OPS2]) MULTI_OP_FIRST[op.charCodeAt(0)] = 1

const ESCAPES: Record<string, string> = { '0': '\0', b: '\b', n: '\n', r: '\r', t: '\t', Z: '\x1a' }

/** Content of a quoted string/identifier with its escapes resolved (as the server reads it). */
export function unquote(raw: string): string {
  const q = raw.charCodeAt(0)
  const closed = raw.length >= 2 && raw.charCodeAt(raw.length - 1) === q
  const body = raw.slice(1, closed ? raw.length - 1 : raw.length)
  const qs = raw[0]!
  if (q === BACKTICK) return body.includes('``') ? body.split('``').join('`') : body
  if (!body.includes('\\') && !body.includes(qs + qs)) return body
  let out = ''
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!
    if (ch === '\\' && i + 1 < body.length) {
      const nx = body[++i]!
      // \% and \_ keep their backslash (they are LIKE escapes)
      out += ESCAPES[nx] ?? (nx === '%' || nx === '_' ? '\\' + nx : nx)
    } else if (ch === qs && body[i + 1] === qs) {
      out += qs
      i++
    } else out += ch
  }
  return out
}

/**
 * Tokenizes ONE statement's text (no DELIMITER handling); `line` counts from baseLine. Unterminated strings and
 * comments run to the end of the text (the splitter reports them). The tokens' texts concatenate to the input.
 * `delimiter` (the statement's) decides how much argument a client command such as `\u db;` consumes.
 */
export function tokenize(text: string, baseLine = 1, delimiter = ';'): Token[] {
  const s = text
  const n = s.length
  const out: Token[] = []
  let line = baseLine
  let execDepth = 0
  // Where the open inert comment's tokens begin in `out`, and the exec depth it opened (-1: none open).
  let inertFrom = -1
  let inertDepth = -1
  let ssLine = false // same client quirk as the splitter (see blockCommentEnd)
  let i = 0
  let significant = false
  const push = (kind: TokenKind, start: number, end: number, value?: string): void => {
    if (kind !== 'ws' && kind !== 'comment' && kind !== 'command') significant = true
    const raw = s.slice(start, end)
    out.push({ kind, text: raw, value: value ?? raw, start, end, line })
    // count newlines inside the token for the next one
    if (kind === 'ws' || kind === 'comment' || kind === 'string' || kind === 'ident') {
      let k = raw.indexOf('\n')
      while (k >= 0) { line++; k = raw.indexOf('\n', k + 1) }
    }
  }
  while (i < n) {
    const c = s.charCodeAt(i)
    const cls = c < 128 ? CHAR_CLASS[c]! : C_WORD
    if (cls & C_WS) {
      let j = i + 1
      while (j < n) {
        const d = s.charCodeAt(j)
        if (d >= 128 || !(CHAR_CLASS[d]! & C_WS)) break
        j++
      }
      push('ws', i, j)
      if (ssLine && s.lastIndexOf('\n', j - 1) >= i) ssLine = false
      i = j
      continue
    }
    if (cls & C_DIGIT || (c === DOT && (CHAR_CLASS[s.charCodeAt(i + 1)] ?? 0) & C_DIGIT)) {
      const j = scanNumberOrWord(s, i)
      if (j.word) push('word', i, j.end, s.slice(i, j.end).toUpperCase())
      else push('number', i, j.end)
      i = j.end
      continue
    }
    if (cls & C_WORD && c !== 0xfeff) {
      let j = i + 1
      while (j < n && isWordChar(s.charCodeAt(j))) j++
      push('word', i, j, s.slice(i, j).toUpperCase())
      i = j
      continue
    }
    if (c === SQUOTE || c === DQUOTE || c === BACKTICK) {
      let j = scanQuoted(s, i, c)
      if (j < 0) j = n
      if (ssLine && s.lastIndexOf('\n', j - 1) >= i) ssLine = false
      const raw = s.slice(i, j)
      push(c === BACKTICK ? 'ident' : 'string', i, j, unquote(raw))
      i = j
      continue
    }
    // at the start of a statement (no significant token yet) the client takes any `--` as a comment
    if (c === 35 /* # */ || (c === DASH && (isDashComment(s, i) || (!significant && s.charCodeAt(i + 1) === DASH)))) {
      const j = lineEnd(s, i)
      push('comment', i, j)
      i = j
      continue
    }
    if (c === SLASH && s.charCodeAt(i + 1) === STAR) {
      const open = execOpenLength(s, i)
      if (open > 0) {
        if (inertFrom < 0 && isInertOpener(s, i, open)) {
          inertFrom = out.length
          inertDepth = execDepth + 1
        }
        push('exec-open', i, i + open)
        ssLine = s.charCodeAt(i + 2) === 33
        execDepth++
        i += open
        continue
      }
      let j = blockCommentEnd(s, i, ssLine)
      if (j < 0) j = n
      ssLine = false
      push('comment', i, j)
      i = j
      continue
    }
    if (c === STAR && execDepth > 0 && s.charCodeAt(i + 1) === SLASH) {
      push('exec-close', i, i + 2)
      ssLine = false
      if (execDepth === inertDepth) {
        collapseInert(out, inertFrom)
        inertFrom = inertDepth = -1
      }
      execDepth--
      i += 2
      continue
    }
    if (c === AT) {
      i = scanVariable(s, i, push)
      continue
    }
    if (c === BACKSLASH && i + 1 < n) {
      // outside quotes and plain comments the client runs `\x` itself, removing its argument too (unknown
      // commands are sent as they are)
      const cmd = backslashCommand(s[i + 1]!)
      let j = i + 2
      if (cmd?.takesParams) {
        const newDelimiter = cmd.name === 'delimiter' ? readDirective(s, i, delimiter, 2).value : undefined
        j = backslashParamsEnd(s, j, ssLine, newDelimiter ?? delimiter)
      }
      push(cmd ? 'command' : 'op', i, j)
      i = j
      continue
    }
    if (MULTI_OP_FIRST[c] === 1) {
      if (OPS3.has(s.slice(i, i + 3))) { push('op', i, i + 3); i += 3; continue }
      if (OPS2.has(s.slice(i, i + 2))) { push('op', i, i + 2); i += 2; continue }
    }
    // one char (a lone surrogate pair stays together)
    const w = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1
    push('op', i, i + w)
    i += w
  }
  if (inertFrom >= 0) collapseInert(out, inertFrom) // unterminated: runs to the end (the splitter reports it)
  return out
}

/** Replaces out[from…] (an inert comment's opener, content and closer) by one 'inert' token. */
function collapseInert(out: Token[], from: number): void {
  const first = out[from]!
  const last = out[out.length - 1]!
  const text = out.slice(from).map((t) => t.text).join('')
  out.splice(from, out.length - from, { kind: 'inert', text, value: first.text, start: first.start, end: last.end, line: first.line })
}

/** Digits, decimals, exponents and 0x/0b literals; `1abc` and `1e` followed by letters are words (MySQL rule). */
function scanNumberOrWord(s: string, i: number): { end: number; word: boolean } {
  const n = s.length
  let j = i
  const c1 = s.charCodeAt(i + 1) | 0x20
  if (s.charCodeAt(i) === 48 && (c1 === 0x78 || c1 === 0x62)) {
    // 0x1F / 0b101: a word if more word chars follow that are not hex/bin digits
    let k = i + 2
    while (k < n && isWordChar(s.charCodeAt(k))) k++
    const body = s.slice(i + 2, k)
    const ok = body.length > 0 && (c1 === 0x78 ? /^[0-9a-fA-F]+$/ : /^[01]+$/).test(body)
    return { end: k, word: !ok }
  }
  while (j < n && (CHAR_CLASS[s.charCodeAt(j)] ?? 0) & C_DIGIT) j++
  if (s.charCodeAt(j) === DOT) {
    j++
    while (j < n && (CHAR_CLASS[s.charCodeAt(j)] ?? 0) & C_DIGIT) j++
  }
  const e = s.charCodeAt(j) | 0x20
  if (e === 0x65 /* e */) {
    let k = j + 1
    const sign = s.charCodeAt(k)
    if (sign === 43 || sign === DASH) k++
    if ((CHAR_CLASS[s.charCodeAt(k)] ?? 0) & C_DIGIT) {
      while (k < n && (CHAR_CLASS[s.charCodeAt(k)] ?? 0) & C_DIGIT) k++
      j = k
    }
  }
  // digits immediately followed by word chars form an identifier (e.g. 1abc, 2nd_table)
  if (j < n && isWordChar(s.charCodeAt(j)) && s.charCodeAt(i) !== DOT) {
    let k = j
    while (k < n && isWordChar(s.charCodeAt(k))) k++
    if (!s.slice(i, j).includes('.')) return { end: k, word: true }
  }
  return { end: j, word: false }
}

/** `@name`, `@'quoted'`, `@@global.name`, `@@session.name`; a lone `@` is an op. */
function scanVariable(s: string, i: number, push: (k: TokenKind, a: number, b: number, v?: string) => void): number {
  const n = s.length
  let j = i + 1
  if (s.charCodeAt(j) === AT) j++
  const q = s.charCodeAt(j)
  if (j === i + 1 && (q === SQUOTE || q === DQUOTE || q === BACKTICK)) {
    let k = scanQuoted(s, j, q)
    if (k < 0) k = n
    push('variable', i, k)
    return k
  }
  const start = j
  while (j < n) {
    const d = s.charCodeAt(j)
    if (isWordChar(d) || d === DOT) j++
    else break
  }
  if (j === start) {
    push('op', i, start)
    return start
  }
  push('variable', i, j)
  return j
}
