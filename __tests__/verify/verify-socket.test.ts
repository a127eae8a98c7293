// verifyPlan on the real MariaDB of this test run, over its Unix socket: the green path, each kind of failure with
// the file:line a reviewer edits, timeouts that kill the server-side statement, and scratch schemas that are
// always dropped. The whole valid fixture corpus must verify green (no false alarms).
import { afterAll, describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { mariadb, sharedMariaDb } from '../helpers/mariadb-server.js'
import { readDirTree } from '../../src/sources/dir.js'
import { plan } from '../../src/sql/plan.js'
import type { SourceTree } from '../../src/sql/types.js'
import { formatVerifyReport, parseVerifyUrl, verifyPlan, verifySummary, type VerifyOptions, type VerifyReport, type VerifyTarget } from '../../src/verify/index.js'
import { SHARED_SCHEMA, loadFixtures } from '../sql/plan-fixtures.js'
import { ScratchLayout } from '../../src/verify/scratch.js'
import { Session } from '../../src/verify/session.js'
import { snapshot } from '../../src/verify/snapshot.js'

const url = (): string => `mysql://root@localhost?socket=${sharedMariaDb().socket}`
const EXAMPLE = join(process.cwd(), 'examples', 'pr-1')
const SCHEMA = { file: 'db/schema.sql', text: SHARED_SCHEMA() }

/** Every scratch schema any verification of this file created: none may exist once it returned. */
const created: string[] = []
const existing = (names: string[]): string[] => names.length === 0 ? [] :
  mariadb(`SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME IN (${names.map((n) => `'${n}'`).join(', ')})`)
    .split('\n').filter(Boolean)

async function verify(targets: VerifyTarget[], extra: Partial<VerifyOptions> = {}): Promise<VerifyReport> {
  const mine: string[] = []
  const report = await verifyPlan({
    database: parseVerifyUrl(url()), targets, ...extra,
    logger: { info: () => undefined, debug: (m) => { const n = /scratch schema (\S+)/.exec(m)?.[1]; if (n) mine.push(n) } }
  })
  created.push(...mine)
  expect(existing(mine)).toEqual([])
  return report
}

function target(base: Record<string, string>, head: Record<string, string>, schemaSql: VerifyTarget['schemaSql'] | null = SCHEMA): VerifyTarget {
  const b: SourceTree = new Map(Object.entries(base))
  const h: SourceTree = new Map(Object.entries(head))
  const t: VerifyTarget = { name: 'default', base: b, head: h, plan: plan(b, h) }
  if (schemaSql) t.schemaSql = schemaSql
  expect(t.plan.errors).toEqual([])
  return t
}

const failure = (r: VerifyReport) => {
  if (r.ok) throw new Error('expected a failure, got ' + verifySummary(r))
  return r
}

afterAll(() => {
  expect(existing(created)).toEqual([])
})

describe('the green path', () => {
  test('an event changed in its body only ships ALTER EVENT (keeping its schedule anchor), created disabled, and verifies', async () => {
    const ev = (cond: string) => `CREATE EVENT cleanup ON SCHEDULE EVERY 1 DAY ON COMPLETION PRESERVE ENABLE DO DELETE FROM orders WHERE ${cond};\n`
    const t = target({ 'db/cleanup.sql': ev('id < 0') }, { 'db/cleanup.sql': ev('id < 1') })
    expect(t.plan.execSql).toContain('ALTER EVENT `cleanup` ON COMPLETION PRESERVE ENABLE')
    expect(t.plan.rollbackSql).toContain('ALTER EVENT `cleanup` ON COMPLETION PRESERVE ENABLE')
    const r = await verify([t])
    if (!r.ok) throw new Error(verifySummary(r))
    expect(r.targets).toEqual([{ name: 'default', objects: 1, execStatements: 1, rollbackStatements: 1 }])
  })

  test('examples/pr-1: deploy equals head, rollback equals base; the summary names the server', async () => {
    const base = readDirTree(join(EXAMPLE, 'base')).files
    const head = readDirTree(join(EXAMPLE, 'head')).files
    const r = await verify([{ name: 'default', base, head, plan: plan(base, head), schemaSql: SCHEMA }])
    if (!r.ok) throw new Error(verifySummary(r))
    expect(r.server.product).toBe('MariaDB')
    expect(r.server.version).toMatch(/^\d+\.\d+\.\d+$/)
    expect(verifySummary(r)).toBe(`verified on MariaDB ${r.server.version}: deploy ✓ rollback ✓`)
    expect(r.targets).toEqual([{ name: 'default', objects: 4, execStatements: 7, rollbackStatements: 7 }])
    expect(r.notes).toEqual([])
    expect(Object.keys(r.timings)).toEqual(expect.arrayContaining(['connect', 'privileges', 'schema', 'base', 'deploy', 'rollback', 'cleanup']))
    expect(formatVerifyReport(r)).toContain('default: 4 changed object(s)')
  })

  const fixtures = loadFixtures().filter((f) => f.expected.errors.length === 0 && f.expected.roundtrip !== false)
  test(`all ${fixtures.length} valid plan fixtures verify green (the roundtrip corpus)`, async () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(40)
    const failed: string[] = []
    const notes: string[] = []
    for (const f of fixtures) {
      // the fixtures' tables, also in every schema a fixture qualifies names with
      const text = [SHARED_SCHEMA(), ...(f.expected.schemas ?? []).map((s) => SHARED_SCHEMA().replace(/CREATE TABLE (\w+)/g, `CREATE TABLE ${s}.$1`))].join('\n')
      const r = await verify([{ name: f.name, base: f.base, head: f.head, plan: plan(f.base, f.head, f.expected.options),
        ...(f.expected.options ? { planOptions: f.expected.options } : {}), schemaSql: { file: 'schema.sql', text } }])
      if (!r.ok) failed.push(`${f.name}: ${verifySummary(r)}`)
      else notes.push(...r.notes.map((n) => `${f.name}: ${n}`))
    }
    expect(failed).toEqual([])
    // the reviewer's rollback of fixture rollback-override restores archive_orders with other comments
    expect(notes).toEqual(['rollback-override: PROCEDURE archive_orders: the rollback file restores the base definition ' +
      'with other whitespace, comments or keyword case (ROUTINE_DEFINITION)'])
  })
})

describe('failures say which step, where, and what the server said', () => {
  test('a routine our lexer accepts but the server rejects: deploy, mapped to the file line of the error', async () => {
    const r = failure(await verify([target(
      { 'db/p.sql': 'CREATE PROCEDURE p() SELECT 1;\n' },
      { 'db/p.sql': '-- header\n\nDELIMITER ;;\nCREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELEC 2;\nEND;;\nDELIMITER ;\n' })]))
    expect(r.step).toBe('deploy')
    expect(r.at).toEqual({ file: 'db/p.sql', line: 7 })
    expect(r.object).toEqual({ type: 'PROCEDURE', name: 'p' })
    expect(r.serverError).toMatchObject({ code: 'ER_PARSE_ERROR', errno: 1064 })
    expect(r.message).toMatch(/^db\/p\.sql:7: CREATE PROCEDURE p: You have an error in your SQL syntax.*near '2; END' at line 4$/)
    expect(r.server?.product).toBe('MariaDB')
    expect(verifySummary(r)).toMatch(/^verification failed on MariaDB \d+\.\d+\.\d+ at deploy: db\/p\.sql:7: /)
  })

  test('a base routine the server rejects fails at step base, at its base file', async () => {
    const r = failure(await verify([target(
      { 'db/q.sql': 'CREATE FUNCTION q() RETURNS INT\nRETURN (SELECT COUNT(*) FROM no_such_table);\n', 'db/p.sql': 'CREATE PROCEDURE p() SELECT 1;\n' },
      { 'db/q.sql': 'CREATE FUNCTION q() RETURNS INT\nRETURN (SELECT COUNT(*) FROM no_such_table);\n', 'db/p.sql': 'CREATE PROCEDURE p() SELECT 2;\n',
        'db/v.sql': 'CREATE VIEW v AS SELECT id FROM nope;\n' })]))
    expect(r.step).toBe('deploy')
    expect(r.at).toEqual({ file: 'db/v.sql', line: 1 })
    expect(r.message).toContain("Table 'nope' doesn't exist (tables come from the verify schema file db/schema.sql")
    const b = failure(await verify([target({ 'db/v.sql': 'CREATE VIEW v AS SELECT id FROM gone;\n' }, { 'db/v.sql': 'CREATE VIEW v AS SELECT id FROM orders;\n' })]))
    expect(b.step).toBe('base')
    expect(b.at).toEqual({ file: 'db/v.sql', line: 1 })
  })

  test('a view calling a function that is in no routine file of the target', async () => {
    const r = failure(await verify([target({}, { 'db/v.sql': 'CREATE VIEW v AS SELECT label_of(id) AS l FROM orders;\n' })]))
    expect(r.message).toMatch(/^db\/v\.sql:1: CREATE VIEW v: FUNCTION \S*label_of does not exist \(verification creates only the routine files of target 'default' it was given: define it there\)$/)
  })

  test('a hand-written rollback that does not restore the base: rollback, naming the object and the difference', async () => {
    const r = failure(await verify([target(
      { 'db/p.sql': 'CREATE PROCEDURE p(IN a INT) SELECT a;\n', 'db/f.sql': 'CREATE FUNCTION f() RETURNS INT RETURN 1;\n' },
      { 'db/p.sql': 'CREATE PROCEDURE p(IN a INT) SELECT a + 1;\n', 'db/f.sql': 'CREATE FUNCTION f() RETURNS INT RETURN 2;\n',
        'db/p.rollback.sql': '-- restore p\nDROP PROCEDURE IF EXISTS p;\nCREATE PROCEDURE p(IN a BIGINT) SELECT a;\n' })]))
    expect(r.step).toBe('rollback')
    expect(r.object).toEqual({ type: 'PROCEDURE', name: 'p' })
    expect(r.at).toEqual({ file: 'db/p.rollback.sql', line: 3 })
    expect(r.difference).toMatchObject({ field: 'PARAMETERS' })
    expect(r.difference!.expected).toContain('IN a int')
    expect(r.difference!.actual).toContain('IN a bigint')
    expect(r.message).toContain('PROCEDURE p: after rollbackSql it does not equal the base: PARAMETERS differs')
  })

  test('a rollback file that forgets an object the deploy dropped: the object is missing', async () => {
    const r = failure(await verify([target(
      { 'db/p.sql': 'CREATE PROCEDURE p() SELECT 1;\nCREATE PROCEDURE p2() SELECT 1;\n' },
      { 'db/p.sql': 'CREATE PROCEDURE p() SELECT 2;\n', 'db/p.rollback.sql': 'DROP PROCEDURE IF EXISTS p;\nCREATE PROCEDURE p() SELECT 1;\n' })]))
    expect(r.step).toBe('rollback')
    expect(r.object).toEqual({ type: 'PROCEDURE', name: 'p2' })
    expect(r.difference).toMatchObject({ field: 'exists', expected: 'yes', actual: 'no' })
    expect(r.message).toContain('PROCEDURE p2: after rollbackSql it does not equal the base: it is missing')
  })

  test('a reviewer\'s rollback may reformat a body (noted), but nothing the server keeps may differ', async () => {
    const reformatted = await verify([target(
      { 'db/p.sql': 'CREATE PROCEDURE p() SELECT 1;\n' },
      { 'db/p.sql': 'CREATE PROCEDURE p() SELECT 2;\n', 'db/p.rollback.sql': 'DROP PROCEDURE IF EXISTS p;\nCREATE PROCEDURE p() select  1 /* restored */;\n' })])
    if (!reformatted.ok) throw new Error(verifySummary(reformatted))
    expect(reformatted.notes).toEqual(['PROCEDURE p: the rollback file restores the base definition with other whitespace, comments or keyword case (ROUTINE_DEFINITION)'])
    const r = failure(await verify([target(
      { 'db/p.sql': 'CREATE PROCEDURE p() SELECT 1;\n' },
      { 'db/p.sql': 'CREATE PROCEDURE p() SELECT 2;\n',
        'db/p.rollback.sql': "SET SESSION sql_mode = 'ANSI_QUOTES';\nDROP PROCEDURE IF EXISTS p;\nCREATE PROCEDURE p() SELECT 1;\n" })]))
    expect(r.step).toBe('rollback')
    expect(r.difference).toMatchObject({ field: 'SQL_MODE', actual: 'ANSI_QUOTES' })
    expect(r.at).toEqual({ file: 'db/p.rollback.sql', line: 3 })
  })

  test('a schema file missing a table a trigger needs: a clear message naming the table and the schema file', async () => {
    const schema = { file: 'db/schema.sql', text: 'CREATE TABLE orders (id INT PRIMARY KEY, status VARCHAR(20));\n' }
    const r = failure(await verify([target({}, {
      'db/t.sql': 'DELIMITER $$\nCREATE TRIGGER items_ai AFTER INSERT ON order_items\nFOR EACH ROW\nBEGIN\n  UPDATE orders SET status = \'x\' WHERE id = NEW.order_id;\nEND$$\n'
    }, schema)]))
    expect(r.step).toBe('deploy')
    expect(r.at).toEqual({ file: 'db/t.sql', line: 2 })
    expect(r.serverError?.code).toBe('ER_NO_SUCH_TABLE')
    expect(r.message).toBe("db/t.sql:2: CREATE TRIGGER items_ai: Table 'order_items' doesn't exist " +
      '(tables come from the verify schema file db/schema.sql: add what is missing there)')
    const none = failure(await verify([target({}, { 'db/t.sql': 'CREATE TRIGGER t BEFORE INSERT ON orders FOR EACH ROW SET NEW.id = 1;\n' }, null)]))
    expect(none.message).toContain("no verify schema file is set for target 'default'")
  })

  test('the schema file itself failing on the server: step schema, at its line', async () => {
    const r = failure(await verify([target({}, { 'db/p.sql': 'CREATE PROCEDURE p() SELECT 1;\n' },
      { file: 'db/schema.sql', text: 'CREATE TABLE a (id INT);\n\nCREATE TABLE b (\n  id INT,,\n  x INT);\n' })]))
    expect(r.step).toBe('schema')
    expect(r.at).toEqual({ file: 'db/schema.sql', line: 4 })
    expect(r.serverError?.code).toBe('ER_PARSE_ERROR')
    // MariaDB's own error numbers are not named after MySQL's (mysql2 knows only MySQL's list)
    const m = failure(await verify([target({}, { 'db/p.sql': 'CREATE PROCEDURE p() SELECT 1;\n' },
      { file: 'db/schema.sql', text: 'CREATE TABLE b (x BOGUS_TYPE);\n' })]))
    expect(m.serverError).toMatchObject({ code: 'MARIADB_4161', errno: 4161 })
    expect(m.message).toBe("db/schema.sql:1: CREATE TABLE b: Unknown data type: 'BOGUS_TYPE'")
  })

  test('refused before connecting: no server in the report', async () => {
    const r = failure(await verify([target({}, { 'db/p.sql': 'CREATE PROCEDURE p() SELECT 1;\n' },
      { file: 'db/schema.sql', text: 'CREATE TABLE a (id INT);\nCREATE DATABASE other;\n' })]))
    expect(r.step).toBe('prepare')
    expect(r.server).toBeUndefined()
    expect(r.message).toBe('db/schema.sql:2: schema file: CREATE DATABASE is not allowed: verification creates its own scratch schemas')
  })

  test('with two targets, the message names the one that failed', async () => {
    const ok = target({ 'a/p.sql': 'CREATE PROCEDURE p() SELECT 1;\n' }, { 'a/p.sql': 'CREATE PROCEDURE p() SELECT 2;\n' })
    const bad = { ...target({}, { 'b/v.sql': 'CREATE VIEW v AS SELECT x FROM orders;\n' }), name: 'billing' }
    const r = failure(await verify([ok, bad]))
    expect(r.target).toBe('billing')
    expect(r.message).toMatch(/^target 'billing': b\/v\.sql:1: CREATE VIEW v: Unknown column 'x'/)
  })
})

describe('timeouts', () => {
  const sleepy = (seconds: number) => target(
    { 'db/p.sql': 'CREATE PROCEDURE p() SELECT 1;\n' },
    { 'db/p.sql': 'CREATE PROCEDURE p() SELECT 2;\n',
      'db/p.rollback.sql': `DROP PROCEDURE IF EXISTS p;\nSET @slow = SLEEP(${seconds});\nCREATE PROCEDURE p() SELECT 1;\n` })

  test('a statement over its limit fails the step, and its server thread is killed', async () => {
    const r = failure(await verify([sleepy(30)], { timeouts: { statementMs: 400 } }))
    expect(r.step).toBe('rollback')
    expect(r.at).toEqual({ file: 'db/p.rollback.sql', line: 2 })
    expect(r.message).toBe('db/p.rollback.sql:2: SET: timed out: did not finish within 400 ms')
    expect(mariadb("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE INFO LIKE 'SET @slow = SLEEP(30)%'").trim()).toBe('0')
  })

  test('a step over its limit fails, even when each statement is within its own', async () => {
    const r = failure(await verify([sleepy(1)], { timeouts: { statementMs: 30_000, stepMs: 600 } }))
    expect(r.step).toBe('rollback')
    expect(r.message).toContain("timed out: the step's time limit (600 ms) ran out")
  })
})

describe('MySQL and MariaDB read-backs', () => {
  test('view ALGORITHM: the MySQL path (SHOW CREATE VIEW) reads what MariaDB\'s VIEWS column says', async () => {
    const layout = new ScratchLayout([{ name: 't' }], [new Set()], `t${process.pid}`)
    const schema = layout.defaultOf('deploy', 0)
    mariadb(`CREATE DATABASE ${schema}; USE ${schema}; CREATE TABLE a (id INT);
CREATE ALGORITHM=MERGE VIEW m AS SELECT id FROM a; CREATE ALGORITHM=TEMPTABLE VIEW t AS SELECT id FROM a; CREATE VIEW u AS SELECT id FROM a;`)
    const session = await Session.open(parseVerifyUrl(url()), { connectMs: 5000, retry: { attempts: 1, initialDelayMs: 0, maxDelayMs: 0 } })
    try {
      const read = async (product: 'MySQL' | 'MariaDB') => [...(await snapshot({ session, layout, product, events: new Map(), ms: () => 5000 },
        [schema])).values()].map((o) => `${o.name} ${o.fields.find(([f]) => f === 'ALGORITHM')![1]}`)
      const mariaDb = await read('MariaDB')
      expect(mariaDb).toEqual(['m MERGE', 't TEMPTABLE', 'u UNDEFINED'])
      expect(await read('MySQL')).toEqual(mariaDb)
    } finally {
      await session.close()
      mariadb(`DROP DATABASE ${schema}`)
    }
  })
})
