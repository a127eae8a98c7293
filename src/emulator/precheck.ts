// The emulator's default stand-in for DMS's asynchronous ticket precheck (pure): parse the ticket's SQL with our
// DELIMITER-aware lexer and decide the CheckStep / CheckStatus / UserTip rows of GetDataCorrectOrderDetail
// (step names from the GetDataCorrectOrderDetail model: SQL_PARSE, SQL_TYPE_CHECK, PERMISSION_CHECK, ROW_CHECK).
// Because it shares our lexer it agrees with our planner by construction; precheck-db.ts is the independent one.
import type { CheckStep, PrecheckTask } from './state.js'

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

/** What a precheck looks at: the ticket's SQL both ways and the schemas of its databases. */
export interface PrecheckInput {
  execSql: string
  /** The rollback text (for an ATTACHMENT rollback: the uploaded file's content). */
  rollbackSql: string
  /** Schema names of the ticket's databases (DbItemList), for a real server's scratch copy. */
  schemas: string[]
}

/** Decides a ticket's precheck, at once or later (a real server). */
export type Prechecker = (input: PrecheckInput) => PrecheckOutcome | Promise<PrecheckOutcome>

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

const STEPS: readonly CheckStep[] = ['SQL_PARSE', 'SQL_TYPE_CHECK', 'PERMISSION_CHECK', 'ROW_CHECK']

/** The steps before `step` passed, `step` failed with `tip`, the rest never ran. */
export function failedAt(step: CheckStep, tip: string): PrecheckOutcome {
  const steps = STEPS
  const at = steps.indexOf(step)
  const tasks = steps.map((s, i): PrecheckTask => i < at ? task(s, true, 'passed')
    : i === at ? task(s, false, tip) : { step: s, status: 'WAITING', userTip: '' })
  return { ok: false, tasks }
}

/** Decides the precheck of a DC_PROC ticket's ExecSQL. */
export function precheckProcSql(execSql: string, lexer: Lexer): PrecheckOutcome {
  if (execSql.trim() === '') return failedAt('SQL_PARSE', 'ExecSQL is empty.')
  const { statements, problems } = lexer.splitStatements(execSql)
  if (problems.length > 0) {
    const p = problems[0]
    return failedAt('SQL_PARSE', `SQL parse error${p.line ? ` at line ${p.line}` : ''}: ${p.message}`)
  }
  const meaningful = statements.map((s) => ({ line: s.line, delimiter: s.delimiter, text: stripLeadingComments(s.text) }))
    .filter((s) => s.text !== '')
  if (meaningful.length === 0) return failedAt('SQL_PARSE', 'ExecSQL contains no statement.')
  for (const s of meaningful) {
    // A routine body cut at its first ';' leaves a CREATE with an open BEGIN, then a statement starting with END.
    if (/^END\b/i.test(s.text)) {
      return failedAt('SQL_PARSE', `SQL parse error at line ${s.line}: unexpected END — a routine body needs a DELIMITER other than ';'.`)
    }
    const body = stripTrailingComments(s.text)
    if (!COMPOUND_CREATE.test(body)) continue
    if (/\bBEGIN\b/i.test(body) && !/\bEND\s*$/i.test(body)) {
      return failedAt('SQL_PARSE', `SQL parse error at line ${s.line}: routine body is not terminated by END — missing DELIMITER?`)
    }
    // Our lexer keeps a `;`-delimited BEGIN … END together; the mysql client and DMS cut it at the first ';'.
    if ((s.delimiter === ';' || s.delimiter === '') && lexer.tokenize(s.text).some((t) => t.kind === 'op' && t.text === ';')) {
      return failedAt('SQL_PARSE', `SQL parse error at line ${s.line}: the routine body contains ';' but the statement is ` +
        `delimited by ';' — wrap it in DELIMITER $$ … $$.`)
    }
  }
  for (const s of meaningful) {
    const problem = statementTypeProblem(s.text, s.line)
    if (problem) return failedAt('SQL_TYPE_CHECK', problem)
  }
  return passed(`${meaningful.length} statement(s) parsed.`)
}

/** Every step passed. */
export function passed(parseTip: string): PrecheckOutcome {
  return {
    ok: true,
    tasks: [
      task('SQL_PARSE', true, parseTip),
      task('SQL_TYPE_CHECK', true, 'passed'),
      task('PERMISSION_CHECK', true, 'passed'),
      task('ROW_CHECK', true, 'not applicable to programmable objects')
    ]
  }
}

/** Why a statement (comments stripped) is not one a programmable-object ticket may carry, or null. */
export function statementTypeProblem(text: string, line: number): string | null {
  if (ROUTINE_DDL.test(text) || SESSION_STATEMENT.test(text)) return null
  const head = text.split(/\s+/).slice(0, 3).join(' ')
  return `Statement at line ${line} ('${head}…') is not a programmable-object definition.`
}

/** True for `USE db`: a session statement that would leave a scratch schema. */
export function isUseStatement(text: string): boolean {
  return /^USE\b/i.test(text)
}
