// End to end: `verify-database` in the built Action (docs/verify.md). Before any ticket exists the plan is deployed on
// a real MariaDB (over TCP: a private server started here; over a socket: this run's shared server), compared with
// head, rolled back and compared with base. Success shows "Verified on MariaDB …" in the check, the comment and the
// DMS ticket; a failure is a red check with the step, the server's error at file:line, and no ticket.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { sharedMariaDb } from '../helpers/mariadb-server.js'
import { freePort, startTcpMariaDb, type TcpMariaDb } from '../helpers/tcp-mariadb.js'
import type { Scenario } from '../../src/testing/run-action.js'
import { log, procFile, scenarioPerTest } from './helpers.js'

const PASSWORD = 'Act-V3rify'
const CONFIG = `targets:
  - name: shop
    paths: ['db/routines/**']
    schema: demo
    verify:
      schema: schema/tables.sql
`
const TABLES = 'CREATE TABLE orders (id INT PRIMARY KEY, status VARCHAR(20), created_at DATETIME);\n'
const BASE = {
  '.github/dms-proc-gate.yml': CONFIG,
  'schema/tables.sql': TABLES,
  'db/routines/archive_orders.sql': procFile('archive_orders', 'DELETE FROM orders WHERE created_at < NOW() - INTERVAL p_days DAY;'),
  'db/routines/status_count.sql': 'CREATE FUNCTION status_count(s VARCHAR(20)) RETURNS INT READS SQL DATA RETURN (SELECT COUNT(*) FROM orders WHERE status = s);\n'
}

let tcp: TcpMariaDb
let s: Scenario | undefined
const sc = scenarioPerTest()

beforeAll(async () => {
  tcp = await startTcpMariaDb()
  tcp.sql(`CREATE USER gate@'%' IDENTIFIED BY '${PASSWORD}'; GRANT ALL ON \`dpg\\_verify\\_%\`.* TO gate@'%';`)
}, 600_000)

afterAll(async () => {
  await tcp?.stop()
})

/** What a runner would show: everything but the ::add-mask:: commands that tell it what to mask. */
function shown(run: { stdout: string; stderr: string }): string {
  return (run.stdout + run.stderr).split('\n').filter(l => !l.startsWith('::add-mask::')).join('\n')
}

const transports: Array<[string, () => string]> = [
  ['TCP', () => `mysql://gate:${PASSWORD}@127.0.0.1:${tcp.port}`],
  ['socket', () => `mysql://root@localhost?socket=${sharedMariaDb().socket}`]
]

describe.each(transports)('verify-database over %s', (_how, url) => {
  test('a good PR: verified, then a ticket that says so; the check and the comment say so too', async () => {
    s = await sc.start({ baseFiles: BASE, inputs: { database: '', 'verify-database': url() } })
    s.openPull({ number: 110, changes: { 'db/routines/archive_orders.sql': procFile('archive_orders', "DELETE FROM orders WHERE status = 'delivered' AND created_at < NOW() - INTERVAL p_days DAY;") } })
    const run = await s.pullRequest('opened', 110)
    expect(run.exitCode).toBe(0)
    expect(shown(run)).not.toContain(PASSWORD)
    const [ticket] = await s.orders()
    expect(ticket!.comment).toMatch(/\nVerified on MariaDB \d+\.\d+\.\d+: deploy ✓ rollback ✓$/)
    expect(s.check(110)!.status).toBe('in_progress')
    expect(s.check(110)!.output.summary).toMatch(/Verified on MariaDB \d+\.\d+\.\d+: deploy ✓ rollback ✓/)
    expect(s.comments(110)[0]!.body).toMatch(/Verified on MariaDB \d+\.\d+\.\d+: deploy ✓ rollback ✓/)
  }, 180_000)

  test('a routine our lexer accepts but the server rejects: red, no ticket, the error at its file and line', async () => {
    s = await sc.start({ baseFiles: BASE, inputs: { database: '', 'verify-database': url() } })
    s.openPull({ number: 111, changes: { 'db/routines/broken.sql': 'DELIMITER //\nCREATE PROCEDURE broken()\nBEGIN\n  SELEC 1;\nEND//\nDELIMITER ;\n' } })
    const run = await s.pullRequest('opened', 111)
    expect(run.exitCode).toBe(0)
    expect(run.outputs['state']).toBe('verify-failed')
    expect(await s.orders()).toHaveLength(0)
    const check = s.check(111)!
    expect(check.conclusion).toBe('failure')
    expect(check.output.title).toBe('Verification on the test database failed (deploy); no ticket was opened')
    expect(check.output.summary).toMatch(/Verification failed at step `deploy`: db\/routines\/broken\.sql:4: CREATE PROCEDURE broken: You have an error in your SQL syntax/)
    expect(check.annotations).toEqual([expect.objectContaining({ path: 'db/routines/broken.sql', start_line: 4, annotation_level: 'failure' })])
  }, 180_000)

  test('a hand-written rollback that does not restore the base: red, naming the object that differs', async () => {
    s = await sc.start({ baseFiles: BASE, inputs: { database: '', 'verify-database': url() } })
    s.openPull({
      number: 112,
      changes: {
        'db/routines/status_count.sql': 'CREATE FUNCTION status_count(s VARCHAR(20)) RETURNS INT READS SQL DATA RETURN (SELECT COUNT(*) FROM orders WHERE status <> s);\n',
        'db/routines/status_count.rollback.sql': 'DROP FUNCTION IF EXISTS status_count;\nCREATE FUNCTION status_count(s VARCHAR(20)) RETURNS BIGINT READS SQL DATA RETURN 0;\n'
      }
    })
    const run = await s.pullRequest('opened', 112)
    expect(run.exitCode).toBe(0)
    expect(await s.orders()).toHaveLength(0)
    expect(s.check(112)!.output.summary).toMatch(/at rollback: db\/routines\/status\\_count\.rollback\.sql:2: FUNCTION status\\_count: after rollbackSql it does not equal the base/)
  }, 180_000)

  test('a schema file missing the table a trigger needs: red with a clear message', async () => {
    s = await sc.start({ baseFiles: BASE, inputs: { database: '', 'verify-database': url() } })
    s.openPull({ number: 113, changes: { 'db/routines/paid.sql': "CREATE TRIGGER paid AFTER INSERT ON payments FOR EACH ROW UPDATE orders SET status = 'paid' WHERE id = NEW.order_id;\n" } })
    const run = await s.pullRequest('opened', 113)
    expect(run.exitCode).toBe(0)
    expect(await s.orders()).toHaveLength(0)
    expect(s.check(113)!.output.summary).toMatch(/Table 'payments' doesn't exist \(tables come from the verify schema file schema\/tables\.sql: add what is missing there\)/)
  }, 180_000)
})

test('an unreachable database: red, nothing created, the password never printed', async () => {
  s = await sc.start({ baseFiles: BASE, inputs: { database: '', 'verify-database': `mysql://gate:${PASSWORD}@127.0.0.1:${await freePort()}` } })
  s.openPull({ number: 114, changes: { 'db/routines/archive_orders.sql': procFile('archive_orders', 'DELETE FROM orders WHERE id = p_days;') } })
  const run = await s.pullRequest('opened', 114)
  expect(run.exitCode).toBe(0)
  expect(shown(run)).not.toContain(PASSWORD)
  expect(await s.orders()).toHaveLength(0)
  expect(s.check(114)!.conclusion).toBe('failure')
  expect(s.check(114)!.output.summary).toMatch(/Verification failed at step `connect`: .*ECONNREFUSED 127\.0\.0\.1:\d+/)
  expect(log(run)).toContain('verification failed')
}, 180_000)

test('a bad verify-database URL names the input and creates nothing', async () => {
  s = await sc.start({ baseFiles: BASE, inputs: { database: '', 'verify-database': `http://gate:${PASSWORD}@db:3306` } })
  s.openPull({ number: 115, changes: { 'db/routines/archive_orders.sql': procFile('archive_orders', 'DELETE FROM orders WHERE id = p_days;') } })
  const run = await s.pullRequest('opened', 115)
  expect(run.exitCode).toBe(1)
  expect(shown(run)).not.toContain(PASSWORD)
  expect(log(run)).toContain("Input 'verify-database' is invalid: must start with mysql://")
  expect(await s.orders()).toHaveLength(0)
}, 120_000)
