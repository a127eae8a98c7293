// For every valid fixture, on the real MariaDB: load base → snapshot; apply execSql → state equals a database
// loaded from head directly (definitions compared canonically, as the planner does); apply rollbackSql → state
// equals the base snapshot exactly. Everything goes through the real `mariadb` client, DELIMITER included.
import { describe, expect, test } from '@jest/globals'
import { mariadb } from '../helpers/mariadb-server.js'
import { apply, canonical, objectCount, quote, snapshot } from '../helpers/db-state.js'
import { plan, routineFileFilter } from '../../src/sql/plan.js'
import type { SourceTree } from '../../src/sql/types.js'
import { SHARED_SCHEMA, loadFixtures, type Fixture } from './plan-fixtures.js'

const all = loadFixtures()
const fixtures = all.filter((f) => f.expected.errors.length === 0 && f.expected.roundtrip !== false)


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
