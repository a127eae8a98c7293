// Splits a whole .sql file into statements the way the mysql/mariadb command-line client does, plus one
// deliberate extension: with the `;` delimiter a stored program's BEGIN … END body stays one statement. One pass
// over char codes; no per-char regex or string building.
//
// Client rules followed (MariaDB 10.11, each checked against the real client in lexer-client.test.ts):
// - DELIMITER is a directive only as the first word of a line while no statement is pending (comment lines
//   may come before, nothing before it on its line); its value is quoted or ends at the first space (a tab belongs to it); the rest of the line is
//   ignored. A non-ASCII first char is never matched. Elsewhere DELIMITER is SQL text (reported).
// - The delimiter matches anywhere outside quotes and comments, also inside words and executable comments.
// - `--` begins a comment when followed by a blank/control char, and always at the start of a statement.
// - Inside a plain comment, a nested `/*` swallows its `*`, and a `/*!` makes the next `*` `/` on the line
//   close only itself.
// - A line holding only a client command (GO, use db, print, exit, …) while no statement is pending is run by
//   the client, not sent: dropped and reported.
// - A backslash command outside quotes and plain comments (also inside `/*! … */`) is run by the client: `\-`
//   (mariadb-dump's sandbox line) is accepted silently, `\g` and `\G` end the statement, `\d x` sets the
//   delimiter; the others are reported (`\c` discards the pending statement, `\q` stops reading, and one taking
//   an argument consumes the line up to and including the next delimiter). `\N` (NULL) and unknown ones are text.
import type { Statement } from '../types.js'
import * as blocks from './blocks.js'
import * as chars from './chars.js'
import { backslashCommand, backslashParamsEnd, clientCommandAt, type BackslashCommand } from './commands.js'
import * as directive from './directive.js'
import { LineCounter } from './lines.js'
import * as scan from './scan.js'
import type { SplitProblem } from './tokens.js'
// Local copies: loaders and bundlers turn named imports into getter calls, too slow in a per-char loop.
const { blockCommentEnd, countNewlines, execOpenLength, isDashComment, lineEnd, scanQuoted } = scan
const { BlockTracker, PHASE_PLAIN, PHASE_PROGRAM } = blocks
const { atLineStart, isDelimiterWord, readDirective } = directive
const { BACKSLASH, BACKTICK, BANG, BOM, CR, DASH, DQUOTE, HASH, NL, SEMI, SLASH, SPACE, SQUOTE, STAR, TAB, isWordChar } = chars

export interface SplitResult {
  statements: Statement[]
  problems: SplitProblem[]
}

const QUOTE_NAMES: Record<number, string> = {
  [SQUOTE]: "single-quoted string '…'", [DQUOTE]: 'double-quoted string "…"', [BACKTICK]: 'quoted identifier `…`'
}

/** Chars the plain-run loop must stop at, per first char of the delimiter (cached: files switch often). */
const STOP_TABLES: Uint8Array[] = []
function stopTable(d0: number): Uint8Array {
  const key = d0 >= 0 && d0 < 128 ? d0 : 128
  let t = STOP_TABLES[key]
  if (t === undefined) {
    t = new Uint8Array(128)
    for (const c of [SQUOTE, DQUOTE, BACKTICK, HASH, DASH, SLASH, STAR, NL, BACKSLASH]) t[c] = 1
    if (key < 128) t[key] = 1
    STOP_TABLES[key] = t
  }
  return t
}

/**
 * Splits a whole .sql file as the mysql/mariadb client would. A UTF-8 BOM is stripped; offsets and lines refer
 * to the stripped source. Empty statements (only blanks/comments) are dropped; a final statement without a
 * delimiter gets `delimiter: ''` (not a problem: the client runs it). Problems: unterminated quotes, comments
 * and blocks, DELIMITER lines the client would not apply, delimiters cutting executable comments.
 */
export function splitStatements(source: string): SplitResult {
  const s = source.charCodeAt(0) === BOM ? source.slice(1) : source
  const n = s.length
  const statements: Statement[] = []
  const problems: SplitProblem[] = []
  const lines = new LineCounter(s)
  const tracker = new BlockTracker()

  let delim = ';'
  let dlen = 1
  let d0 = SEMI
  let semi = true
  let stop = stopTable(d0)

  let textStart = -1 // first non-blank char of the statement (may be a comment)
  let firstSig = -1 // first char that is neither blank nor comment
  let firstLine = 0 // its line
  let line = 1 // line of offset i (counted in the loop; LineCounter only serves rare problem messages)
  let execOpen = -1 // offset of an open `/*!` executable comment
  let ssLine = false // a `/*!` opened on the current line and not closed on it (client quirk, see blockCommentEnd)
  // Comments on the rest of a delimiter's line belong to the statement it ended, not to the next one.
  let afterDelimLine = false

  const problem = (at: number, message: string, atLine?: number): void => {
    problems.push({ line: atLine ?? lines.lineAt(at), message })
  }

  const endStatement = (end: number, delimiter: string): void => {
    if (firstSig >= 0) {
      let e = end
      while (e > textStart && s.charCodeAt(e - 1) <= SPACE) e--
      statements.push({ text: s.slice(textStart, e), delimiter, line: firstLine, start: textStart, end: e })
    }
    textStart = -1
    firstSig = -1
    execOpen = -1
    tracker.reset()
  }

  const setDelimiter = (value: string): void => {
    delim = value
    dlen = delim.length
    d0 = delim.charCodeAt(0) < 128 ? delim.charCodeAt(0) : -1 // see readDirective: never matched
    semi = delim === ';'
    stop = stopTable(d0)
  }

  /** Forgets the pending statement (the client's `\c`, `\q`). */
  const discardStatement = (): void => {
    textStart = -1
    firstSig = -1
    execOpen = -1
    tracker.reset()
  }

  // the client cuts an argument short at `*/` only in a `/*!` comment opened on the same line (its ss_comment)
  const paramsEnd = (j: number): number => backslashParamsEnd(s, j, ssLine, delim)

  /** Runs the client's backslash command at i (`\x`); returns the offset after what the client consumed. */
  const backslash = (i: number, cmd: BackslashCommand): number => {
    const written = s.slice(i, i + 2)
    // Between statements, comments before a command are not part of the next statement.
    if (firstSig < 0) textStart = -1
    switch (cmd.name) {
      case 'sandbox':
        return i + 2
      case 'go':
      case 'ego':
        if (execOpen >= 0) {
          problem(i, `'${written}' ends the statement inside the executable comment opened at line ` +
            `${lines.lineAt(execOpen)}: the client sends the two halves as separate statements`, line)
        }
        endStatement(i, written)
        afterDelimLine = true
        return i + 2
      case 'delimiter': {
        const d = readDirective(s, i, delim, 2)
        if (d.value === undefined) {
          problem(i, d.problem!.replace(/^DELIMITER/, written), line)
          return paramsEnd(i + 2)
        }
        if (firstSig >= 0) {
          problem(i, `'${written} ${d.value}' changes the delimiter inside the statement that began at line ${firstLine}: ` +
            'put DELIMITER on its own line between statements', line)
        } else textStart = -1
        setDelimiter(d.value)
        return paramsEnd(i + 2)
      }
      default: {
        const what = cmd.name === 'quit' ? 'and stops reading the file here'
          : cmd.name === 'clear' ? 'and discards the statement typed so far' : 'itself instead of sending it to the server'
        problem(i, `'${written}' is a mysql client command (${cmd.name}), not SQL: the client runs it ${what}; remove it from the file`, line)
        if (cmd.name === 'quit') {
          discardStatement()
          return n
        }
        if (cmd.name === 'clear') discardStatement()
        return cmd.takesParams ? paramsEnd(i + 2) : i + 2
      }
    }
  }

  /** A line (first non-blank at k) inside an unfinished statement that looks like a directive: it is SQL. */
  const checkPendingDirective = (k: number): void => {
    if (!isDelimiterWord(s, k)) return
    const d = readDirective(s, k, delim)
    if (d.value === undefined || d.problem) return
    problem(k, `'DELIMITER ${d.value}' is not a directive here: the statement that began at line ` +
      `${firstLine} has no '${delim}' yet, so the client sends this line as SQL (missing delimiter?)`, line)
  }

  let i = 0
  while (i < n) {
    let c = s.charCodeAt(i)
    if (firstSig < 0) {
      // Between statements: blanks, comments and DELIMITER directives.
      if (c <= SPACE) {
        if (c === NL) { line++; afterDelimLine = false; ssLine = false }
        i++
        continue
      }
      if ((c | 0x20) === 0x64 && isDelimiterWord(s, i) && atLineStart(s, i)) {
        const d = readDirective(s, i, delim)
        if (d.problem) problem(i, d.problem, line)
        if (d.value !== undefined) setDelimiter(d.value)
        textStart = -1
        i = d.eol
        continue
      }
      if ((c === 63 || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a)) && atLineStart(s, i)) {
        const cmd = clientCommandAt(s, i, delim)
        if (cmd) {
          const stops = cmd.name === 'exit' || cmd.name === 'quit'
          problem(i, `'${s.slice(i, cmd.eol).trim()}' is a mysql client command, not SQL: the client runs it ` +
            (stops ? 'and stops reading the file here' : 'itself instead of sending it to the server') +
            '; remove it from the file', line)
          textStart = -1
          i = stops ? n : cmd.eol
          continue
        }
      }
      if ((c | 0x20) === 0x64 && isDelimiterWord(s, i)) {
        problem(i, 'DELIMITER is a directive only at the start of a line (after a completed statement): here the ' +
          `client does not apply it, but sends or garbles the text up to the next '${delim}'; put it on its own line`, line)
      }
    }
    if (c === d0 && (dlen === 1 || s.startsWith(delim, i))) {
      if (semi && tracker.semicolon()) {
        i++
        continue
      }
      if (execOpen >= 0) {
        problem(i, `the delimiter '${delim}' cuts the executable comment opened at line ${lines.lineAt(execOpen)}: ` +
          'the client sends the two halves as separate statements', line)
      }
      endStatement(i, delim)
      afterDelimLine = true
      i += dlen
      continue
    }
    switch (c) {
      case SQUOTE: case DQUOTE: case BACKTICK: {
        if (firstSig < 0) { firstSig = i; firstLine = line; if (textStart < 0) textStart = i }
        if (semi) tracker.other(c)
        const j = scanQuoted(s, i, c)
        const qLine = line
        line += countNewlines(s, i, j < 0 ? n : j)
        if (ssLine && j > 0 && s.lastIndexOf('\n', j) > i) ssLine = false
        if (j < 0) {
          problem(i, `unterminated ${QUOTE_NAMES[c]} starting at line ${qLine}: it runs to the end of the file`, qLine)
          i = n
        } else i = j
        continue
      }
      case HASH:
        if (textStart < 0 && !afterDelimLine) textStart = i
        i = lineEnd(s, i)
        continue
      case DASH:
        // At the start of a statement the client takes any `--` as a comment (elsewhere `--x` is SQL).
        if (isDashComment(s, i) || (firstSig < 0 && s.charCodeAt(i + 1) === DASH)) {
          if (textStart < 0 && !afterDelimLine) textStart = i
          i = lineEnd(s, i)
          continue
        }
        break
      case SLASH:
        if (s.charCodeAt(i + 1) === STAR) {
          const open = execOpenLength(s, i)
          if (open > 0) {
            // executable comment: its content is SQL (a nested opener is just text, as for the client)
            if (firstSig < 0) { firstSig = i; firstLine = line; if (textStart < 0) textStart = i }
            if (execOpen < 0) execOpen = i
            ssLine = s.charCodeAt(i + 2) === BANG
            i += open
            continue
          }
          if (textStart < 0 && !afterDelimLine) textStart = i
          const j = blockCommentEnd(s, i, ssLine)
          ssLine = false
          const cLine = line
          line += countNewlines(s, i, j < 0 ? n : j)
          if (j < 0) {
            problem(i, `unterminated comment /* … */ starting at line ${cLine}: it runs to the end of the file`, cLine)
            i = n
          } else i = j
          continue
        }
        break
      case BACKSLASH: {
        const next = s.charCodeAt(i + 1)
        if (Number.isNaN(next) || next === NL || next === CR) break
        const cmd = backslashCommand(s[i + 1]!)
        if (cmd) {
          i = backslash(i, cmd)
          continue
        }
        if (next !== 78 /* \N is NULL */) {
          problem(i, `'${s.slice(i, i + 2)}' outside a string is not SQL: the mysql client rejects it as an unknown command`, line)
        }
        break
      }
      case STAR:
        if (execOpen >= 0 && s.charCodeAt(i + 1) === SLASH) {
          execOpen = -1
          ssLine = false
          i += 2
          continue
        }
        break
      case NL: {
        line++
        ssLine = false
        i++
        if (firstSig >= 0) {
          // indentation is insignificant: skip it here, and look for a DELIMITER line inside the statement
          c = s.charCodeAt(i)
          while (c === SPACE || c === TAB) c = s.charCodeAt(++i)
          if ((c | 0x20) === 0x64) checkPendingDirective(i)
        }
        continue
      }
      default:
        if (c <= SPACE) { i++; continue }
    }
    // Significant SQL text.
    if (firstSig < 0) { firstSig = i; firstLine = line; if (textStart < 0) textStart = i }
    if (semi && tracker.phase !== PHASE_PLAIN) {
      if (isWordChar(c)) {
        let j = i + 1
        while (j < n && isWordChar(s.charCodeAt(j))) j++
        tracker.word(s, i, j)
        i = j
      } else {
        tracker.other(c)
        i++
      }
      continue
    }
    // Plain run: skip to the next char that can matter.
    i++
    while (i < n) {
      c = s.charCodeAt(i)
      if (c < 128 && stop[c] === 1) break
      i++
    }
  }
  if (execOpen >= 0) {
    problem(execOpen, `unterminated executable comment /*! … */ starting at line ${lines.lineAt(execOpen)}`)
  }
  if (tracker.phase === PHASE_PROGRAM) {
    const open = tracker.openBlock()
    if (open) {
      problem(open.at, `unterminated ${open.name} block: ${open.keyword} ` +
        `at line ${lines.lineAt(open.at)} is not closed before the end of the file ` +
        `(statement starting at line ${firstLine})`)
    }
  }
  endStatement(n, '')
  return { statements, problems }
}
