// The emulator's stand-in for DMS's asynchronous ticket precheck (pure): parse the ticket's SQL with our
// DELIMITER-aware lexer and decide the CheckStep / CheckStatus / UserTip rows of GetDataCorrectOrderDetail.
import type { PrecheckTask } from './state.js'

/** The parts of our lexer (src/sql/lexer.ts) the precheck relies on. */
export interface Lexer {
  splitStatements: (source: string) => {
    statements: readonly { text: string; line: number; delimiter: string }[]
    problems: readonly { line?: number; message: string }[]
  }
  tokenize: (text: string) => readonly { kind: string; text: string }[]
}

export interface PrecheckOutcome {
  ok: boolean
  tasks: PrecheckTask[]
}

// CREATE [OR REPLACE] [ALGORITHM=…] [DEFINER=…] [SQL SECURITY …] [AGGREGATE] <kind>, or DROP/ALTER <kind>.
const PREFIX = String.raw`^(CREATE|DROP|ALTER)\s+(OR\s+REPLACE\s+)?(ALGORITHM\s*=\s*\w+\s+)?(DEFINER\s*=\s*\S+\s+)?(SQL\s+SECURITY\s+\w+\s+)?(AGGREGATE\s+)?`
const ROUTINE_DDL = new RegExp(PREFIX + String.raw`(PROCEDURE|FUNCTION|TRIGGER|EVENT|VIEW)\b`, 'i')
const COMPOUND_CREATE = new RegExp(PREFIX + String.raw`(PROCEDURE|FUNCTION|TRIGGER|EVENT)\b`, 'i')
/** Session statements DMS tolerates around routine definitions. */
const SESSION_STATEMENT = /^(SET|USE)\b/i

/** Removes leading whitespace and comments (`-- `, `#`, `/* … *\/`) so a statement's first keyword shows. */
export function stripLeadingComments(text: string): string {
  let s = text
  for (;;) {
    s = s.replace(/^\s+/, '')
    if (s.startsWith('/*')) {
      const end = s.indexOf('*/', 2)
      if (end < 0) return ''
      s = s.slice(end + 2)
    } else if (s.startsWith('#') || /^--(\s|$)/.test(s)) {
      const nl = s.indexOf('\n')
      if (nl < 0) return ''
      s = s.slice(nl + 1)
    } else {
      return s
    }
  }
}

function stripTrailingComments(text: string): string {
  return text.replace(/(\s|--[^\n]*$|#[^\n]*$)+$/g, '').trimEnd()
}

function task(step: PrecheckTask['step'], ok: boolean, userTip: string): PrecheckTask {
  return { step, status: ok ? 'SUCCESS' : 'FAIL', userTip }
}

function fail(step: PrecheckTask['step'], tip: string): PrecheckOutcome {
  const steps: PrecheckTask['step'][] = ['SQL_PARSE', 'SQL_TYPE_CHECK', 'PERMISSION_CHECK', 'ROW_CHECK']
  const at = steps.indexOf(step)
  const tasks = steps.map((s, i): PrecheckTask => i < at ? task(s, true, 'passed')
    : i === at ? task(s, false, tip) : { step: s, status: 'WAITING', userTip: '' })
  return { ok: false, tasks }
}

/** Decides the precheck of a DC_PROC ticket's ExecSQL. */
export function precheckProcSql(execSql: string, lexer: Lexer): PrecheckOutcome {
  if (execSql.trim() === '') return fail('SQL_PARSE', 'ExecSQL is empty.')
  const { statements, problems } = lexer.splitStatements(execSql)
  if (problems.length > 0) {
    const p = problems[0]
    return fail('SQL_PARSE', `SQL parse error${p.line ? ` at line ${p.line}` : ''}: ${p.message}`)
  }
  const meaningful = statements.map((s) => ({ line: s.line, delimiter: s.delimiter, text: stripLeadingComments(s.text) }))
    .filter((s) => s.text !== '')
  if (meaningful.length === 0) return fail('SQL_PARSE', 'ExecSQL contains no statement.')
  for (const s of meaningful) {
    // A routine body cut at its first ';' leaves a CREATE with an open BEGIN, then a statement starting with END.
    if (/^END\b/i.test(s.text)) {
      return fail('SQL_PARSE', `SQL parse error at line ${s.line}: unexpected END — a routine body needs a DELIMITER other than ';'.`)
    }
    const body = stripTrailingComments(s.text)
    if (!COMPOUND_CREATE.test(body)) continue
    if (/\bBEGIN\b/i.test(body) && !/\bEND\s*$/i.test(body)) {
      return fail('SQL_PARSE', `SQL parse error at line ${s.line}: routine body is not terminated by END — missing DELIMITER?`)
    }
    // Our lexer keeps a `;`-delimited BEGIN … END together; the mysql client and DMS cut it at the first ';'.
    if ((s.delimiter === ';' || s.delimiter === '') && lexer.tokenize(s.text).some((t) => t.kind === 'op' && t.text === ';')) {
      return fail('SQL_PARSE', `SQL parse error at line ${s.line}: the routine body contains ';' but the statement is ` +
        `delimited by ';' — wrap it in DELIMITER $$ … $$.`)
    }
  }
  for (const s of meaningful) {
    if (!ROUTINE_DDL.test(s.text) && !SESSION_STATEMENT.test(s.text)) {
      const head = s.text.split(/\s+/).slice(0, 3).join(' ')
      return fail('SQL_TYPE_CHECK', `Statement at line ${s.line} ('${head}…') is not a programmable-object definition.`)
    }
  }
  return {
    ok: true,
    tasks: [
      task('SQL_PARSE', true, `${meaningful.length} statement(s) parsed.`),
      task('SQL_TYPE_CHECK', true, 'passed'),
      task('PERMISSION_CHECK', true, 'passed'),
      task('ROW_CHECK', true, 'not applicable to programmable objects')
    ]
  }
}
