// One-line explanations of what went wrong, with the file:line a reviewer edits. Pure.
import { canonicalSql } from '../sql/canonical.js'
import type { ServerErrorInfo, SourceAt, VerifyTarget } from './types.js'

/** A statement sent from `at` failed with "… at line N": N counts from the statement's first line. */
export function serverLine(at: SourceAt | undefined, serverMessage: string): SourceAt | undefined {
  if (!at) return undefined
  const m = / at line (\d+)\s*$/.exec(serverMessage)
  return m ? { file: at.file, line: at.line + Number(m[1]) - 1 } : at
}

export const formatAt = (at: SourceAt | undefined): string => (at ? `${at.file}:${at.line}: ` : '')

/** What the user can do about the common refusals (by the server's error name, MySQL and MariaDB alike). */
export function hint(info: ServerErrorInfo, target: VerifyTarget): string {
  switch (info.code) {
    case 'ER_NO_SUCH_TABLE':
    case 'ER_VIEW_INVALID':
    case 'ER_BAD_FIELD_ERROR':
      return target.schemaSql
        ? ` (tables come from the verify schema file ${target.schemaSql.file}: add what is missing there)`
        : ` (no verify schema file is set for target '${target.name}': give the tables the routines need with ` +
          'verify: { schema: <file> } in the config, or --verify-schema <file>)'
    case 'ER_SP_DOES_NOT_EXIST':
      return ` (verification creates only the routine files of target '${target.name}' it was given: define it there)`
    case 'ER_BINLOG_UNSAFE_ROUTINE':
    case 'ER_BINLOG_CREATE_ROUTINE_NEED_SUPER':
      return ' (binary logging is on: start the verify server with --log-bin-trust-function-creators=1 or --skip-log-bin)'
    case 'ER_SPECIFIC_ACCESS_DENIED_ERROR':
      return ' (a DEFINER naming another account needs SUPER or SET USER: verify as the server\'s root user, or drop the clause)'
    case 'ER_DBACCESS_DENIED_ERROR':
    case 'ER_TABLEACCESS_DENIED_ERROR':
    case 'ER_PROCACCESS_DENIED_ERROR':
      return ' (grant the verify user ALL on the scratch schemas, e.g. GRANT ALL ON `dpg\\_verify\\_%`.* TO …)'
    default:
      return ''
  }
}

const CONTEXT = 40

function show(s: string | null, from: number): string {
  if (s === null) return 'NULL'
  const part = s.slice(from, from + 2 * CONTEXT)
  return JSON.stringify((from > 0 ? '…' : '') + part + (from + 2 * CONTEXT < s.length ? '…' : ''))
}

/** `expected "…abc…", got "…abd…"` around the first differing character. */
export function excerpt(expected: string | null, actual: string | null): string {
  let i = 0
  if (expected !== null && actual !== null) {
    while (i < expected.length && i < actual.length && expected[i] === actual[i]) i++
  }
  const from = Math.max(0, i - CONTEXT)
  let out = `expected ${show(expected, from)}, got ${show(actual, from)}`
  if (expected !== null && actual !== null && canonicalSql(expected) === canonicalSql(actual)) {
    out += ' (only whitespace, comments or keyword case differ, but the server keeps this text as written)'
  }
  return out
}
