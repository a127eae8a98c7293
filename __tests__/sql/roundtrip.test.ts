// For every valid fixture, on the real MariaDB: load base → snapshot; apply execSql → state equals a database
// loaded from head directly (definitions compared canonically, as the planner does); apply rollbackSql → state
// equals the base snapshot exactly. Everything goes through the real `mariadb` client, DELIMITER included.
import { describe, expect, test } from '@jest/globals'
import { mariadb } from '../helpers/mariadb-server.js'
import { canonicalSql } from '../../src/sql/canonical.js'
import { plan, routineFileFilter } from '../../src/sql/plan.js'
import type { SourceTree } from '../../src/sql/types.js'
import { SHARED_SCHEMA, loadFixtures, type Fixture } from './plan-fixtures.js'

const all = loadFixtures()
const fixtures = all.filter((f) => f.expected.errors.length === 0 && f.expected.roundtrip !== false)

const quote = (s: string): string => '`' + s.replace(/`/g, '``') + '`'
const lit = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`

function dbName(fixture: string): string {
  return ('rt_' + fixture.replace(/[^a-zA-Z0-9]+/g, '_')).slice(0, 64)
}

/** Fresh databases with the shared fixture tables (Aria: table DDL is much faster than InnoDB's). */
function reset(schemas: string[]): void {
  const tables = SHARED_SCHEMA()
  mariadb(schemas.map((s) => `DROP DATABASE IF EXISTS ${quote(s)}; CREATE DATABASE ${quote(s)}; USE ${quote(s)};\n` +
    `SET SESSION default_storage_engine = Aria;\n${tables}\n`).join(''))
}

function dropAll(schemas: string[]): void {
  for (const s of schemas) mariadb(`DROP DATABASE IF EXISTS ${quote(s)};`)
}

/**
 * Applies a tree's routine files through the client, one file per invocation, in path order; a file that
 * fails (a view read before the view or function it needs) is retried after the others, as a person would.
 */
function load(tree: SourceTree, f: Fixture, db: string): void {
  const isRoutine = routineFileFilter([...f.base.keys(), ...f.head.keys()], f.expected.options)
  let pending = [...tree.keys()].filter(isRoutine).sort()
  const args = f.expected.loadWithForce ? ['--force'] : []
  while (pending.length > 0) {
    const failed: { path: string; error: string }[] = []
    for (const path of pending) {
      try {
        mariadb(tree.get(path)!, db, args)
      } catch (e) {
        failed.push({ path, error: String((e as { stderr?: string }).stderr ?? e) })
      }
    }
    if (failed.length === pending.length) throw new Error(`loading ${failed[0]!.path}: ${failed[0]!.error}`)
    pending = failed.map((x) => x.path)
  }
}

/** The client, retried on the server's transient temp-file errors (errno 2 on its own #sql temp table). */
function query(sql: string): string {
  for (let attempt = 1; ; attempt++) {
    try {
      return mariadb(sql, undefined, ['--raw'])
    } catch (e) {
      if (attempt >= 3 || !/Error on delete of .*#sql/.test(String((e as { stderr?: string }).stderr ?? e))) throw e
    }
  }
}

function apply(sql: string, db: string, what: string): void {
  if (!sql) return
  try {
    mariadb(sql, db)
  } catch (e) {
    throw new Error(`${what} failed: ${String((e as { stderr?: string }).stderr ?? e)}\n${sql}`)
  }
}

type Row = Record<string, unknown>
interface State { routines: Row[]; aggregate: Row[]; parameters: Row[]; triggers: Row[]; events: Row[]; views: Row[] }

/** Every routine object's state from information_schema (DEFINER, timestamps and session sql_mode left out). */
function snapshot(schemas: string[]): State {
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
function canonical(s: State): State {
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

const objectCount = (s: State): number => s.routines.length + s.triggers.length + s.events.length + s.views.length

describe(`MariaDB roundtrip of ${fixtures.length} valid fixtures (of ${all.length})`, () => {
  test('the corpus has at least 40 valid fixtures to roundtrip', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(40)
  })

  fixtures.forEach((f, i) => {
    test(`roundtrip ${i + 1}/${fixtures.length}: ${f.name}`, () => {
      const db = dbName(f.name)
      const schemas = [db, ...(f.expected.schemas ?? [])]
      const p = plan(f.base, f.head, f.expected.options)
      expect(p.errors).toEqual([])
      try {
        reset(schemas)
        load(f.head, f, db)
        const headState = snapshot(schemas)

        reset(schemas)
        load(f.base, f, db)
        const baseState = snapshot(schemas)

        apply(p.execSql, db, 'execSql')
        const deployed = snapshot(schemas)
        expect(canonical(deployed)).toEqual(canonical(headState))
        // The deploy is re-runnable (every CREATE is preceded by its DROP … IF EXISTS).
        apply(p.execSql, db, 'execSql (again)')
        expect(snapshot(schemas)).toEqual(deployed)

        apply(p.rollbackSql, db, 'rollbackSql')
        expect(snapshot(schemas)).toEqual(baseState)

        // A fixture that changes objects must have something in the databases to compare.
        if (p.objects.length > 0) expect(objectCount(baseState) + objectCount(headState)).toBeGreaterThan(0)
      } finally {
        dropAll(schemas)
      }
    })
  })
})
