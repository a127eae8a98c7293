// Keeps a stored program's BEGIN … END body together when the active delimiter is `;` (the real client would
// cut it at the first inner `;`, but users write it this way and other tools keep it whole). Fed by the splitter
// with the words and punctuation of one statement; decides whether a `;` is inside a compound block.
import * as chars from './chars.js'
import * as keywords from './keywords.js'
// Local copies: loaders and bundlers turn named imports into getter calls, too slow in a per-char loop.
const { Kw, keywordOf } = keywords
const { COLON, COMMA, DOT, EQ, LPAREN, RPAREN, AT, SEMI, SPACE } = chars

/** Block kinds, for messages and for THEN/ELSE handling. */
const B_BEGIN = 1
const B_IF = 2
const B_CASE_STMT = 3
const B_CASE_EXPR = 4
const B_LOOP = 5
const B_WHILE = 6
const B_REPEAT = 7

const BLOCK_NAMES: Record<number, string> = {
  [B_BEGIN]: 'BEGIN … END', [B_IF]: 'IF … END IF', [B_CASE_STMT]: 'CASE … END CASE', [B_CASE_EXPR]: 'CASE … END',
  [B_LOOP]: 'LOOP … END LOOP', [B_WHILE]: 'WHILE … END WHILE', [B_REPEAT]: 'REPEAT … END REPEAT'
}

/** Where the statement stands: still reading its first word, in a CREATE header, in a program, or plain SQL. */
export const PHASE_FIRST = 0
export const PHASE_HEADER = 1
export const PHASE_PROGRAM = 2
export const PHASE_PLAIN = 3

const BLOCK_KEYWORDS: Record<number, string> = {
  [B_BEGIN]: 'BEGIN', [B_IF]: 'IF', [B_CASE_STMT]: 'CASE', [B_CASE_EXPR]: 'CASE', [B_LOOP]: 'LOOP', [B_WHILE]: 'WHILE',
  [B_REPEAT]: 'REPEAT'
}

export interface OpenBlock {
  /** e.g. 'BEGIN … END' */
  name: string
  /** e.g. 'BEGIN' */
  keyword: string
  /** Offset of the opening keyword. */
  at: number
}

/** First significant char code at or after i, skipping whitespace only (NaN at the end). */
function nextSig(s: string, i: number): number {
  let c = s.charCodeAt(i)
  while (c <= SPACE) c = s.charCodeAt(++i)
  return c
}

/** End offset of the ASCII-letter word starting at i. */
function wordEndAt(s: string, i: number): number {
  let j = i
  for (;;) {
    const c = s.charCodeAt(j)
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95) j++
    else return j
  }
}

export class BlockTracker {
  phase = PHASE_FIRST
  private depth = 0
  private readonly kinds: number[] = []
  private readonly opens: number[] = []
  private stmtStart = false
  private prevEnd = false
  private afterBegin = false
  /** `HANDLER` seen in the current inner statement: its body may be a BEGIN … END block. */
  private handler = false
  private headerWords = 0
  /** 2: DEFINER seen, expecting `=`; 1: expecting the account; 0: none. */
  private skipUser = 0
  private afterAt = false
  private parens = 0
  /** Code of the previous significant char (a letter for words), for identifier-vs-keyword guesses. */
  private prev = 0

  reset(): void {
    this.phase = PHASE_FIRST
    this.depth = 0
    this.kinds.length = 0
    this.opens.length = 0
    this.stmtStart = false
    this.prevEnd = false
    this.afterBegin = false
    this.handler = false
    this.headerWords = 0
    this.skipUser = 0
    this.afterAt = false
    this.parens = 0
    this.prev = 0
  }

  /** Innermost block still open, if any. */
  openBlock(): OpenBlock | undefined {
    if (this.depth === 0) return undefined
    const kind = this.kinds[this.depth - 1]!
    return { name: BLOCK_NAMES[kind]!, keyword: BLOCK_KEYWORDS[kind]!, at: this.opens[this.depth - 1]! }
  }

  /** True when a `;` at this point belongs to a program body (must not end the statement). */
  semicolon(): boolean {
    this.prev = SEMI
    this.prevEnd = false
    this.afterBegin = false
    this.handler = false
    if (this.phase !== PHASE_PROGRAM || this.depth === 0) return false
    this.stmtStart = true
    return true
  }

  /** A word s[start, end). */
  word(s: string, start: number, end: number): void {
    const kw = keywordOf(s, start, end)
    const prev = this.prev
    this.prev = 65
    switch (this.phase) {
      case PHASE_FIRST:
        this.phase = kw === Kw.CREATE || kw === Kw.ALTER ? PHASE_HEADER : PHASE_PLAIN
        return
      case PHASE_HEADER:
        this.headerWord(kw)
        return
      case PHASE_PROGRAM:
        this.programWord(s, start, end, kw, prev)
        return
      default:
    }
  }

  /** Any other significant token (string, quoted identifier, number, variable, operator char). */
  other(c: number): void {
    const prev = this.prev
    this.prev = c
    switch (this.phase) {
      case PHASE_FIRST:
        this.phase = PHASE_PLAIN
        return
      case PHASE_HEADER:
        if (c === EQ && this.skipUser === 2) this.skipUser = 1
        else if (c === AT) this.afterAt = true
        else if (this.skipUser === 1 || this.afterAt) { this.skipUser = 0; this.afterAt = false }
        return
      case PHASE_PROGRAM:
        this.prevEnd = false
        this.afterBegin = false
        if (c === LPAREN) { this.parens++; this.stmtStart = false } else if (c === RPAREN) {
          if (this.parens > 0) this.parens--
          // after a parameter list / type length: a body may start here (`CREATE PROCEDURE p() IF …`)
          this.stmtStart = this.parens === 0
        } else if (c === COLON) {
          // `label:` starts a statement; `:=` does not (the `=` comes next and clears the flag)
          this.stmtStart = prev !== COLON
        } else this.stmtStart = false
        return
      default:
    }
  }

  private headerWord(kw: number): void {
    if (this.skipUser === 1 || this.afterAt) { this.skipUser = 0; this.afterAt = false; return }
    switch (kw) {
      case Kw.PROCEDURE: case Kw.FUNCTION: case Kw.TRIGGER: case Kw.EVENT:
        this.phase = PHASE_PROGRAM
        this.stmtStart = false
        return
      case Kw.OTHER_OBJECT:
        this.phase = PHASE_PLAIN
        return
      case Kw.DEFINER:
        this.skipUser = 2
        return
      default:
        if (++this.headerWords > 12) this.phase = PHASE_PLAIN
    }
  }

  private push(kind: number, at: number): void {
    this.handler = false
    this.kinds[this.depth] = kind
    this.opens[this.depth] = at
    this.depth++
  }

  private programWord(s: string, start: number, end: number, kw: number, prev: number): void {
    const prevEnd = this.prevEnd
    const afterBegin = this.afterBegin
    this.prevEnd = false
    this.afterBegin = false
    switch (kw) {
      case Kw.BEGIN: {
        const nx = nextSig(s, end)
        if (prev === COMMA || prev === DOT || prev === LPAREN || prev === EQ || prev === AT ||
            nx === COMMA || nx === DOT || nx === RPAREN || nx === EQ) break // an identifier named begin
        // A block starts a statement: the body itself (depth 0), after `;`/THEN/ELSE/DO/label:…, or a handler
        // body (DECLARE … HANDLER FOR … BEGIN). Elsewhere (`SELECT begin FROM t`) it is a column name.
        if (this.depth > 0 && !this.stmtStart && !this.handler) break
        this.push(B_BEGIN, start)
        this.stmtStart = true
        this.afterBegin = true
        return
      }
      case Kw.HANDLER:
        this.handler = true
        break
      case Kw.NOT: case Kw.ATOMIC:
        if (afterBegin) { this.afterBegin = true; return } // BEGIN NOT ATOMIC (MariaDB)
        break
      case Kw.END: {
        if (this.depth === 0) break
        const nx = nextSig(s, end)
        if (prev === COMMA || prev === DOT || prev === LPAREN || prev === AT || nx === DOT) break
        const top = this.kinds[this.depth - 1]!
        // Statement blocks end right after a `;` (or an empty BEGIN … END); CASE expressions and
        // REPEAT … UNTIL cond END REPEAT end after an expression. Anything else is a column named end.
        if (top !== B_CASE_EXPR && top !== B_REPEAT && prev !== SEMI && !afterBegin) break
        if (nx === EQ && top !== B_CASE_EXPR && top !== B_CASE_STMT) break // `SET end = …`
        this.depth--
        this.prevEnd = true
        this.stmtStart = false
        return
      }
      case Kw.IF: {
        if (prevEnd) break // END IF
        if (!this.stmtStart) {
          const nx = nextSig(s, end)
          if (nx === LPAREN) break // IF(cond, a, b) function
          if ((nx | 0x20) === 0x65 /* e */ || (nx | 0x20) === 0x6e /* n */) {
            const k = skipWs(s, end)
            const w = keywordOf(s, k, wordEndAt(s, k))
            if (w === Kw.EXISTS || w === Kw.NOT) break // IF [NOT] EXISTS clause
          }
        }
        this.push(B_IF, start)
        this.stmtStart = false
        return
      }
      case Kw.CASE:
        if (prevEnd) break // END CASE
        this.push(this.stmtStart ? B_CASE_STMT : B_CASE_EXPR, start)
        this.stmtStart = false
        return
      case Kw.LOOP:
        if (prevEnd) break
        this.push(B_LOOP, start)
        this.stmtStart = true
        return
      case Kw.WHILE:
        if (prevEnd) break
        this.push(B_WHILE, start)
        this.stmtStart = false
        return
      case Kw.REPEAT:
        if (prevEnd) break
        if (!this.stmtStart && nextSig(s, end) === LPAREN) break // REPEAT(str, n) function
        this.push(B_REPEAT, start)
        this.stmtStart = true
        return
      case Kw.THEN: case Kw.ELSE: {
        const top = this.depth > 0 ? this.kinds[this.depth - 1] : 0
        this.stmtStart = top === B_IF || top === B_CASE_STMT
        return
      }
      case Kw.DO: case Kw.ROW: case Kw.DETERMINISTIC:
        this.stmtStart = true
        return
      default:
    }
    this.stmtStart = false
  }
}

function skipWs(s: string, i: number): number {
  while (s.charCodeAt(i) <= SPACE) i++
  return i
}
