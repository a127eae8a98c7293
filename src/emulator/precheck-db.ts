// An independent precheck for the emulator: every statement of a ticket's ExecSQL, then its RollbackSQL, runs on a
// real MySQL-compatible server (`--precheck-db`) inside a throw-away scratch schema, and the server's own error
// decides the ticket's precheck, reported with DMS's step names (GetDataCorrectOrderDetail model: SQL_PARSE,
// SQL_TYPE_CHECK, PERMISSION_CHECK, ROW_CHECK). Splitting (DELIMITER included) is done by dbgate-query-splitter,
// not by our lexer, so a plan our planner accepts can still fail here, as it could at DMS.
//
// Point it at a disposable server: a statement that names another schema (`CREATE PROCEDURE shop.p`) runs there.
import { randomBytes } from 'node:crypto'
import { mysqlSplitterOptions, splitQuery } from 'dbgate-query-splitter'
import * as mysql from 'mysql2/promise'
import { quoteIdent } from '../sql/ident.js'
import { parseVerifyUrl, VerifyUrlError, type VerifyDatabase } from '../verify/url.js'
import { failedAt, isUseStatement, passed, statementTypeProblem, stripLeadingComments, type PrecheckInput, type PrecheckOutcome } from './precheck.js'
import type { CheckStep } from './state.js'

export interface PrecheckDbTarget {
  host?: string
  port?: number
  socketPath?: string
  user: string
  password?: string
}

/**
 * `mysql://user[:password]@host[:port]` or `mysql://user@localhost?socket=/path/to.sock` — the same URL, parsed by
 * the same code, as `verify-database` (src/verify/url.ts); errors name the flag and never repeat the password.
 */
export function parsePrecheckDbUrl(url: string, flag = '--precheck-db'): PrecheckDbTarget {
  let db: VerifyDatabase
  try {
    db = parseVerifyUrl(url)
  } catch (e) {
    if (e instanceof VerifyUrlError) throw new Error(`${flag}: ${e.message.replace('verification creates', 'the precheck creates')}`)
    throw e
  }
  const target: PrecheckDbTarget = { user: db.user }
  if (db.password !== undefined) target.password = db.password.reveal()
  if (db.endpoint.kind === 'socket') target.socketPath = db.endpoint.path
  else {
    target.host = db.endpoint.host
    target.port = db.endpoint.port
  }
  return target
}

interface Statement {
  text: string
  /** 1-based line in its SQL text. */
  line: number
}

/** Statements as the mysql client would send them (DELIMITER honoured), with their first line. */
export function splitForServer(sql: string): Statement[] {
  const items = splitQuery(sql, { ...mysqlSplitterOptions, returnRichInfo: true })
  const out: Statement[] = []
  for (const item of items) {
    if (typeof item === 'string') continue
    const text = item.text.trim()
    if (stripLeadingComments(text) === '') continue
    out.push({ text, line: (item.trimStart ?? item.start).line + 1 })
  }
  return out
}

/** MySQL/MariaDB error numbers that mean "not allowed" rather than "cannot be parsed or run". */
const PERMISSION_ERRNOS = new Set([1044, 1045, 1142, 1143, 1227, 1370, 1410])

function stepFor(errno: number | undefined): CheckStep {
  return errno !== undefined && PERMISSION_ERRNOS.has(errno) ? 'PERMISSION_CHECK' : 'SQL_PARSE'
}

function serverError(e: unknown): { errno?: number; text: string } {
  const err = e as { errno?: number; sqlState?: string; sqlMessage?: string; message?: string }
  const code = err.errno !== undefined ? `ERROR ${err.errno}${err.sqlState ? ` (${err.sqlState})` : ''}: ` : ''
  return { errno: err.errno, text: `${code}${err.sqlMessage ?? err.message ?? String(e)}` }
}

export interface PrecheckDb {
  check: (input: PrecheckInput) => Promise<PrecheckOutcome>
}

export function createPrecheckDb(target: PrecheckDbTarget, o: { queryTimeoutMs?: number; connectTimeoutMs?: number } = {}): PrecheckDb {
  const queryTimeout = o.queryTimeoutMs ?? 30_000
  async function check(input: PrecheckInput): Promise<PrecheckOutcome> {
    const parts = [
      { what: 'ExecSQL', statements: splitForServer(input.execSql) },
      { what: 'RollbackSQL', statements: splitForServer(input.rollbackSql) }
    ]
    if (parts[0]!.statements.length === 0) return failedAt('SQL_PARSE', 'ExecSQL contains no statement.')
    for (const p of parts) {
      for (const s of p.statements) {
        const problem = statementTypeProblem(stripLeadingComments(s.text), s.line)
        if (problem) return failedAt('SQL_TYPE_CHECK', `${p.what}: ${problem}`)
      }
    }
    const scratch = `dpg_precheck_${randomBytes(6).toString('hex')}`
    let conn: mysql.Connection
    try {
      conn = await mysql.createConnection({ ...target, connectTimeout: o.connectTimeoutMs ?? 10_000, multipleStatements: false })
    } catch (e) {
      return failedAt('SQL_PARSE', `The precheck database could not be reached: ${serverError(e).text}`)
    }
    try {
      await conn.query({ sql: `CREATE DATABASE ${quoteIdent(scratch)}`, timeout: queryTimeout })
      // Tables of the ticket's schema, if the server has it, so triggers and views find what they name.
      for (const schema of new Set(input.schemas)) {
        const [rows] = await conn.query({ sql: 'SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = \'BASE TABLE\'', values: [schema], timeout: queryTimeout })
        for (const r of rows as { t: string }[]) {
          await conn.query({ sql: `CREATE TABLE ${quoteIdent(scratch)}.${quoteIdent(r.t)} LIKE ${quoteIdent(schema)}.${quoteIdent(r.t)}`, timeout: queryTimeout })
        }
      }
      await conn.query({ sql: `USE ${quoteIdent(scratch)}`, timeout: queryTimeout })
      let count = 0
      for (const p of parts) {
        for (const s of p.statements) {
          // `USE other` would leave the scratch schema; DMS runs a ticket on its own database anyway.
          if (isUseStatement(stripLeadingComments(s.text))) continue
          try {
            await conn.query({ sql: s.text, timeout: queryTimeout })
            count++
          } catch (e) {
            const err = serverError(e)
            return failedAt(stepFor(err.errno), `${p.what} statement at line ${s.line}: ${err.text}`)
          }
        }
      }
      return passed(`${count} statement(s) parsed and run on the precheck server.`)
    } catch (e) {
      return failedAt('SQL_PARSE', `The precheck database failed: ${serverError(e).text}`)
    } finally {
      await conn.query({ sql: `DROP DATABASE IF EXISTS ${quoteIdent(scratch)}`, timeout: queryTimeout }).catch(() => undefined)
      await conn.end().catch(() => undefined)
    }
  }
  return { check }
}
