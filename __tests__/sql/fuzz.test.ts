// Property tests with a seeded PRNG: thousands of generated files with known statement boundaries (strings with
// escaped quotes, delimiters and DELIMITER lines inside, every comment kind, DELIMITER changes, CRLF, BOM,
// `;`-delimited stored programs with nested blocks), plus raw garbage that must never crash anything.
import { describe, expect, test } from '@jest/globals'
import { splitStatements, tokenize } from '../../src/sql/lexer.js'
import { prng, randomSqlFile } from '../../bench/corpus.js'

/**
 * The invariants every split result has, whatever the input; returns the first violation (plain checks, not
 * expect(), so thousands of cases stay fast).
 */
function violation(source: string, r: ReturnType<typeof splitStatements>): string | undefined {
  const s = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source
  let prevEnd = 0
  let prevLine = 1
  for (const st of r.statements) {
    const where = `statement ${JSON.stringify(st)}`
    if (s.slice(st.start, st.end) !== st.text) return `${where}: text is not source[start, end)`
    if (st.start < prevEnd) return `${where}: overlaps the previous statement or its delimiter`
    if (st.text === '' || st.text.charCodeAt(0) <= 32 || st.text.charCodeAt(st.text.length - 1) <= 32) return `${where}: not trimmed`
    if (st.line < prevLine) return `${where}: line goes backwards`
    const expectLine = s.slice(0, st.start).split('\n').length + linesBeforeSignificant(st.text)
    if (st.line !== expectLine) return `${where}: line ${st.line}, expected ${expectLine}`
    if (st.delimiter !== '' && !s.slice(st.end).replace(/^[\s]+/, '').startsWith(st.delimiter)) return `${where}: delimiter does not follow`
    prevEnd = st.end + st.delimiter.length
    prevLine = st.line
  }
  for (const p of r.problems) if (!(p.line >= 1) || p.message === '') return `bad problem ${JSON.stringify(p)}`
  for (const st of r.statements) {
    if (tokenize(st.text).map((t) => t.text).join('') !== st.text) return `tokens do not cover ${JSON.stringify(st.text)}`
  }
  return undefined
}

/** Lines between a statement's text start and its first significant char (leading comments). */
function linesBeforeSignificant(text: string): number {
  const first = tokenize(text).find((t) => t.kind !== 'ws' && t.kind !== 'comment')
  return first ? first.line - 1 : 0
}

describe('generated files with known boundaries', () => {
  test.each([
    ['LF, client rules', { crlf: false, programs: false }],
    ['CRLF, client rules', { crlf: true, programs: false }],
    ['LF, with ;-delimited stored programs', { crlf: false, programs: true }],
    ['CRLF, with ;-delimited stored programs', { crlf: true, programs: true }]
  ])('%s: 1000 files split exactly at the generated boundaries', (_name, opts) => {
    const rand = prng(opts.crlf ? 1234 : 4321 + (opts.programs ? 7 : 0))
    let statements = 0
    for (let k = 0; k < 1000; k++) {
      const f = randomSqlFile(rand, { ...opts, statements: 1 + Math.floor(rand() * 12) })
      const r = splitStatements(f.sql)
      const bad = violation(f.sql, r) ??
        (r.problems.length > 0 ? `problems: ${JSON.stringify(r.problems)}` : undefined) ??
        // statements + delimiters reproduce the generated content, boundary for boundary
        (r.statements.map((s) => s.text + s.delimiter).join('\u0000') !== f.statements.map((s) => s.text + s.delimiter).join('\u0000')
          ? 'boundaries differ' : undefined)
      if (bad) {
        expect({ case: k, sql: f.sql, got: r.statements.map((s) => [s.text, s.delimiter]) })
          .toEqual({ case: k, sql: f.sql, got: f.statements.map((s) => [s.text, s.delimiter]), bad })
      }
      // tokenize sees the same strings and comments as the splitter: outside them no delimiter is left
      if (!opts.programs) { // (a `;`-program keeps `;` in its body by design)
        for (const st of r.statements) {
          const leak = st.delimiter === '' ? undefined : tokenize(st.text).find((t) => t.kind !== 'string' && t.kind !== 'ident' && t.kind !== 'comment' &&
            t.text.includes(st.delimiter))
          if (leak) throw new Error(`case ${k}: token ${JSON.stringify(leak)} holds the delimiter in ${JSON.stringify(st.text)}`)
        }
      }
      statements += r.statements.length
    }
    expect(statements).toBeGreaterThan(3000)
  })
})

describe('garbage input', () => {
  const ALPHABET = ["'", '"', '`', ';', ';', '/', '*', '-', '-', ' ', '#', '\\', '\n', '\r\n', '$', '!', 'M', '5',
    'DELIMITER ', 'delimiter $$\n', '\nDELIMITER ;;\n', 'BEGIN ', 'END ', 'END IF;', 'IF ', 'IF(', 'CASE ', 'LOOP ',
    'CREATE PROCEDURE p() ', 'CREATE TRIGGER ', '/*!', '/*M!', '*/', 'a', 'é', '😀', '\ufeff', '\t', '@', '.', '(', ')',
    '\\-', '\\g', '\\c', '\\q', '\\d $$ ', '\\u x', '/*M!999999', '/*!99999 ']
  test('20,000 random strings never throw, and the invariants hold', () => {
    const rand = prng(99)
    for (let k = 0; k < 20_000; k++) {
      let src = ''
      const n = Math.floor(rand() * 40)
      for (let i = 0; i < n; i++) src += ALPHABET[Math.floor(rand() * ALPHABET.length)]
      const bad = violation(src, splitStatements(src)) ??
        (tokenize(src).map((t) => t.text).join('') !== src ? 'tokens do not cover the input' : undefined)
      if (bad) throw new Error(`garbage case ${k} failed on ${JSON.stringify(src)}: ${bad}`)
    }
  })
})
