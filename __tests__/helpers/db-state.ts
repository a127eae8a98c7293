// Routine-object state of databases on the test MariaDB, read from information_schema (DEFINER, timestamps and
// session sql_mode left out), raw or in the planner's comparison form. Shared by the roundtrip tests.
import { canonicalSql } from '../../src/sql/canonical.js'
import { mariadb } from './mariadb-server.js'

export const quote = (s: string): string => '`' + s.replace(/`/g, '``') + '`'
export const lit = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`

/** The client, retried on the server's transient temp-file errors (errno 2 on its own #sql temp table). */
function query(sql: string): string {
  for (let attempt = 1; ; attempt++) {
    try {
      return mariadb(sql, undefined, ['--raw', '--default-character-set=utf8mb4']) // every character, whatever the locale
    } catch (e) {
      if (attempt >= 3 || !/Error on delete of .*#sql/.test(String((e as { stderr?: string }).stderr ?? e))) throw e
    }
  }
}

export type Row = Record<string, unknown>
export interface State { routines: Row[]; aggregate: Row[]; parameters: Row[]; triggers: Row[]; events: Row[]; views: Row[] }

/** Every routine object's state from information_schema (DEFINER, timestamps and session sql_mode left out). */
export function snapshot(schemas: string[]): State {
  const inList = schemas.map(lit).join(', ')
  const agg = (cols: string[], from: string, where: string, order: string): string =>
    `(SELECT JSON_ARRAYAGG(JSON_OBJECT(${cols.map((c) => `'${c}', ${c}`).join(', ')}) ORDER BY ${order}) FROM ${from} WHERE ${where} IN (${inList}))`
  const sql = `SET SESSION group_concat_max_len = 1073741824;
SELECT JSON_OBJECT(
 'routines', ${agg(['ROUTINE_SCHEMA', 'ROUTINE_NAME', 'ROUTINE_TYPE', 'DATA_TYPE', 'DTD_IDENTIFIER', 'ROUTINE_BODY',
   'ROUTINE_DEFINITION', 'IS_DETERMINISTIC', 'SQL_DATA_ACCESS', 'SECURITY_TYPE', 'ROUTINE_COMMENT'],
   'information_schema.ROUTINES', 'ROUTINE_SCHEMA', 'ROUTINE_SCHEMA, ROUTINE_TYPE, ROUTINE_NAME')},
 'aggregate', ${agg(['db', 'name', 'type', 'aggregate'], 'mysql.proc', 'db', 'db, type, name')},
 'parameters', ${agg(['SPECIFIC_SCHEMA', 'SPECIFIC_NAME', 'ROUTINE_TYPE', 'ORDINAL_POSITION', 'PARAMETER_MODE',
   'PARAMETER_NAME', 'DTD_IDENTIFIER'], 'information_schema.PARAMETERS', 'SPECIFIC_SCHEMA',
   'SPECIFIC_SCHEMA, ROUTINE_TYPE, SPECIFIC_NAME, ORDINAL_POSITION')},
 'triggers', ${agg(['TRIGGER_SCHEMA', 'TRIGGER_NAME', 'EVENT_MANIPULATION', 'EVENT_OBJECT_SCHEMA', 'EVENT_OBJECT_TABLE',
   'ACTION_ORDER', 'ACTION_STATEMENT', 'ACTION_TIMING'], 'information_schema.TRIGGERS', 'TRIGGER_SCHEMA',
   'TRIGGER_SCHEMA, TRIGGER_NAME')},
 'events', ${agg(['EVENT_SCHEMA', 'EVENT_NAME', 'EVENT_BODY', 'EVENT_DEFINITION', 'EVENT_TYPE', 'EXECUTE_AT',
   'INTERVAL_VALUE', 'INTERVAL_FIELD', 'STARTS', 'ENDS', 'STATUS', 'ON_COMPLETION', 'EVENT_COMMENT'],
   'information_schema.EVENTS', 'EVENT_SCHEMA', 'EVENT_SCHEMA, EVENT_NAME')},
 'views', ${agg(['TABLE_SCHEMA', 'TABLE_NAME', 'VIEW_DEFINITION', 'CHECK_OPTION', 'IS_UPDATABLE', 'SECURITY_TYPE',
   'ALGORITHM'], 'information_schema.VIEWS', 'TABLE_SCHEMA', 'TABLE_SCHEMA, TABLE_NAME')}
);`
  const raw = JSON.parse(query(sql).trim()) as Record<keyof State, Row[] | null>
  return {
    routines: raw.routines ?? [], aggregate: raw.aggregate ?? [], parameters: raw.parameters ?? [],
    triggers: raw.triggers ?? [], events: raw.events ?? [], views: raw.views ?? []
  }
}

/**
 * The state compared the way the planner compares objects: definitions without whitespace/comments/keyword
 * case, and routine and event names case-insensitively (as the server resolves them).
 */
export function canonical(s: State): State {
  const canon = (rows: Row[], ...cols: string[]): Row[] => rows.map((r) => {
    const out = { ...r }
    for (const c of cols) out[c] = c.endsWith('NAME') || c === 'name' ? String(r[c]).toLowerCase() : canonicalSql(String(r[c] ?? ''))
    return out
  })
  return {
    routines: canon(s.routines, 'ROUTINE_DEFINITION', 'ROUTINE_NAME'),
    aggregate: canon(s.aggregate, 'name'),
    parameters: canon(s.parameters, 'SPECIFIC_NAME'),
    triggers: canon(s.triggers, 'ACTION_STATEMENT'),
    events: canon(s.events, 'EVENT_DEFINITION', 'EVENT_NAME'),
    views: canon(s.views, 'VIEW_DEFINITION')
  }
}


/** Runs a plan's SQL through the client on `db` (as UTF-8, like DMS), failing with the SQL and the client's message. */
export function apply(sql: string, db: string, what: string): void {
  if (!sql) return
  try {
    mariadb(sql, db, ['--default-character-set=utf8mb4'])
  } catch (e) {
    throw new Error(`${what} failed: ${String((e as { stderr?: string }).stderr ?? e)}\n${sql}`)
  }
}

export const objectCount = (s: State): number => s.routines.length + s.triggers.length + s.events.length + s.views.length

/** The state without the columns naming the schema, to compare two databases holding the same objects. */
export function withoutSchema(s: State): State {
  const strip = (rows: Row[]): Row[] => rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !/SCHEMA$|^db$/.test(k))))
  return { routines: strip(s.routines), aggregate: strip(s.aggregate), parameters: strip(s.parameters), triggers: strip(s.triggers),
    events: strip(s.events), views: strip(s.views) }
}
