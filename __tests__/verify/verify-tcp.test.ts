// verifyPlan over TCP, on a private MariaDB started by this file (event scheduler and binary log ON, as MySQL 8
// ships them), with
// real accounts: a user with the documented grant, one without CREATE/DROP DATABASE, a wrong password, an
// unreachable server, a server that never answers, and the proofs that other schemas are never touched and that
// no event body ever runs.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { createServer, type Server, type Socket } from 'node:net'
import { freePort, startTcpMariaDb, type TcpMariaDb } from '../helpers/tcp-mariadb.js'
import { plan } from '../../src/sql/plan.js'
import type { SourceTree } from '../../src/sql/types.js'
import { parseVerifyUrl, verifyPlan, verifySummary, type VerifyOptions, type VerifyReport, type VerifyTarget } from '../../src/verify/index.js'

const PASSWORD = 'S3cret-pw!'
let db: TcpMariaDb

beforeAll(async () => {
  db = await startTcpMariaDb({ eventScheduler: true, logBin: true })
  db.sql(`CREATE USER verifier@'%' IDENTIFIED BY '${PASSWORD}';
GRANT ALL ON \`dpg\\_verify\\_%\`.* TO verifier@'%';
CREATE USER reader@'%' IDENTIFIED BY 'R3ader-pw';
GRANT SELECT ON *.* TO reader@'%';
CREATE USER creator@'%' IDENTIFIED BY 'Cr3ator-pw';
GRANT CREATE ON \`dpg\\_verify\\_%\`.* TO creator@'%';`)
}, 60_000)

afterAll(async () => {
  await db?.stop()
})

const url = (user: string, password: string): string => `mysql://${user}:${encodeURIComponent(password)}@127.0.0.1:${db.port}`

function target(base: Record<string, string>, head: Record<string, string>, schema?: string): VerifyTarget {
  const b: SourceTree = new Map(Object.entries(base))
  const h: SourceTree = new Map(Object.entries(head))
  const t: VerifyTarget = { name: 'default', base: b, head: h, plan: plan(b, h) }
  if (schema !== undefined) t.schemaSql = { file: 'db/schema.sql', text: schema }
  expect(t.plan.errors).toEqual([])
  return t
}

interface Run { report: VerifyReport; log: string[] }

async function verify(u: string, targets: VerifyTarget[], extra: Partial<VerifyOptions> = {}): Promise<Run> {
  const log: string[] = []
  const report = await verifyPlan({ database: parseVerifyUrl(u), targets, logger: { info: (m) => log.push(m), debug: (m) => log.push(m) }, ...extra })
  return { report, log }
}

const leftovers = (): string => db.sql("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'dpg\\_verify\\_%'").trim()

const simple = () => target({ 'db/p.sql': 'CREATE PROCEDURE p() SELECT 1;\n' }, { 'db/p.sql': 'CREATE PROCEDURE p() SELECT 2;\n' })

describe('over TCP', () => {
  test('green with a password user holding only the documented grant; the password never shows', async () => {
    const { report, log } = await verify(url('verifier', PASSWORD), [simple()])
    if (!report.ok) throw new Error(verifySummary(report))
    expect(verifySummary(report)).toMatch(/^verified on MariaDB \d+\.\d+\.\d+: deploy ✓ rollback ✓$/)
    expect(log[0]).toBe(`verify: connected to MariaDB ${report.server.version} at mysql://verifier:***@127.0.0.1:${db.port}`)
    expect(JSON.stringify(report) + log.join('\n')).not.toContain(PASSWORD)
    expect(leftovers()).toBe('')
  })

  test('a user that may not CREATE DATABASE is refused at step privileges, with the grant to ask for', async () => {
    const { report } = await verify(url('reader', 'R3ader-pw'), [simple()])
    if (report.ok) throw new Error('accepted')
    expect(report.step).toBe('privileges')
    expect(report.message).toMatch(/^the user 'reader' may not CREATE DATABASE on mysql:\/\/reader:\*\*\*@127\.0\.0\.1:\d+ \(Access denied for user 'reader'@'[^']+' to database 'dpg_verify_\w+_probe'\); verification creates and drops scratch schemas named dpg_verify_\*: GRANT ALL ON `dpg\\_verify\\_%`\.\* TO 'reader'@'…'/)
    expect(report.serverError?.code).toBe('ER_DBACCESS_DENIED_ERROR')
    expect(report.message).not.toContain('R3ader-pw')
    expect(leftovers()).toBe('')
  })

  test('a user that may CREATE but not DROP DATABASE: refused, and the schema it could not drop is named', async () => {
    const { report } = await verify(url('creator', 'Cr3ator-pw'), [simple()])
    if (report.ok) throw new Error('accepted')
    expect(report.step).toBe('privileges')
    const probe = /dpg_verify_\w+_probe/.exec(report.message)![0]
    expect(report.message).toBe(`the user 'creator' may CREATE but not DROP DATABASE on mysql://creator:***@127.0.0.1:${db.port} ` +
      `(Access denied for user 'creator'@'%' to database '${probe}'); verification creates and drops scratch schemas named dpg_verify_*: ` +
      "GRANT ALL ON `dpg\\_verify\\_%`.* TO 'creator'@'…' (or use a user that may CREATE and DROP DATABASE); " +
      `also could not drop the scratch schema(s) ${probe} (Access denied for user 'creator'@'%' to database '${probe}'): drop them by hand`)
    expect(leftovers()).toBe(probe)
    db.sql(`DROP DATABASE ${probe}`)
  })

  test('binary logging on and a user without SUPER: a function not declared DETERMINISTIC fails with the remedy', async () => {
    const { report } = await verify(url('verifier', PASSWORD), [target({}, { 'db/f.sql': 'CREATE FUNCTION f() RETURNS INT RETURN 1;\n' })])
    if (report.ok) throw new Error('accepted')
    expect(report.step).toBe('deploy')
    expect(report.serverError?.errno).toBe(1418)
    expect(report.message).toMatch(/^db\/f\.sql:1: CREATE FUNCTION f: This function has none of DETERMINISTIC, NO SQL, or READS SQL DATA .* \(binary logging is on: start the verify server with --log-bin-trust-function-creators=1 or --skip-log-bin\)$/)
  })

  test('a DEFINER naming another account, verified by a user without SUPER: the reason and the remedy', async () => {
    const { report } = await verify(url('verifier', PASSWORD), [target({}, { 'db/p.sql': 'CREATE DEFINER = `root`@`localhost` PROCEDURE p() SELECT 1;\n' })])
    if (report.ok) throw new Error('accepted')
    expect(report.serverError?.code).toBe('ER_SPECIFIC_ACCESS_DENIED_ERROR')
    expect(report.message).toMatch(/^db\/p\.sql:1: CREATE PROCEDURE p: Access denied; .* \(a DEFINER naming another account needs SUPER or SET USER: verify as the server's root user, or drop the clause\)$/)
  })

  test('a wrong password fails at connect at once (not retried), without the password', async () => {
    const { report, log } = await verify(url('verifier', 'wrong-Pa55'), [simple()], { retry: { attempts: 5, initialDelayMs: 50 } })
    if (report.ok) throw new Error('accepted')
    expect(report.step).toBe('connect')
    expect(report.server).toBeUndefined()
    expect(report.serverError?.code).toBe('ER_ACCESS_DENIED_ERROR')
    expect(report.message).toMatch(/^cannot connect to mysql:\/\/verifier:\*\*\*@127\.0\.0\.1:\d+: Access denied for user 'verifier'@'[^']+' \(using password: YES\)$/)
    expect(log.filter((l) => l.includes('attempt'))).toEqual([])
    expect(JSON.stringify(report) + log.join('\n')).not.toContain('wrong-Pa55')
  })
})

describe('an unreachable database', () => {
  test('a closed port: connecting is retried with backoff, then a clear error', async () => {
    const port = await freePort()
    const { report, log } = await verify(`mysql://ci:Pw-123@127.0.0.1:${port}`, [simple()], { retry: { attempts: 3, initialDelayMs: 40, maxDelayMs: 60 } })
    if (report.ok) throw new Error('accepted')
    expect(report.step).toBe('connect')
    expect(report.message).toMatch(new RegExp(`^cannot connect to mysql://ci:\\*\\*\\*@127\\.0\\.0\\.1:${port}: connect ECONNREFUSED 127\\.0\\.0\\.1:${port} \\(3 attempts over [\\d.]+ m?s\\)$`))
    expect(log.filter((l) => l.includes('attempt'))).toEqual([
      expect.stringMatching(/ECONNREFUSED.*\); attempt 2 of 3 in 40 ms$/),
      expect.stringMatching(/ECONNREFUSED.*\); attempt 3 of 3 in 60 ms$/)
    ])
    expect(JSON.stringify(report) + log.join('\n')).not.toContain('Pw-123')
  })

  test('a server that accepts but never answers: each attempt times out', async () => {
    const sockets: Socket[] = []
    const silent: Server = createServer((s) => { sockets.push(s) })
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r))
    const port = (silent.address() as { port: number }).port
    try {
      const { report } = await verify(`mysql://ci@127.0.0.1:${port}`, [simple()],
        { timeouts: { connectMs: 300 }, retry: { attempts: 2, initialDelayMs: 10 } })
      if (report.ok) throw new Error('accepted')
      expect(report.step).toBe('connect')
      expect(report.message).toMatch(/: connect ETIMEDOUT \(2 attempts over [\d.]+ m?s\)$/)
      expect(sockets.length).toBe(2)
    } finally {
      for (const s of sockets) s.destroy()
      await new Promise((r) => silent.close(r))
    }
  })

  test('a socket path that does not exist', async () => {
    const { report } = await verify('mysql://ci@localhost?socket=/nonexistent/mysqld.sock', [simple()], { retry: { attempts: 2, initialDelayMs: 10 } })
    if (report.ok) throw new Error('accepted')
    expect(report.message).toBe('cannot connect to mysql://ci@localhost?socket=/nonexistent/mysqld.sock: connect ENOENT /nonexistent/mysqld.sock (2 attempts over ' +
      report.message.split('(2 attempts over ')[1])
  })
})

describe('isolation', () => {
  /** Everything in a schema the verification must not touch, including creation times and table checksums. */
  const state = (schema: string): string => db.sql(`
SELECT ROUTINE_TYPE, ROUTINE_NAME, ROUTINE_DEFINITION, CREATED, LAST_ALTERED FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = '${schema}' ORDER BY 1, 2;
SELECT TABLE_NAME, VIEW_DEFINITION FROM information_schema.VIEWS WHERE TABLE_SCHEMA = '${schema}' ORDER BY 1;
SELECT TRIGGER_NAME, ACTION_STATEMENT, CREATED FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = '${schema}' ORDER BY 1;
SELECT EVENT_NAME, EVENT_DEFINITION, STATUS, CREATED, LAST_ALTERED FROM information_schema.EVENTS WHERE EVENT_SCHEMA = '${schema}' ORDER BY 1;
SELECT TABLE_NAME, TABLE_TYPE, CREATE_TIME FROM information_schema.TABLES WHERE TABLE_SCHEMA = '${schema}' ORDER BY 1;
CHECKSUM TABLE ${schema}.orders;`)

  test('objects qualified with a real schema are verified in scratch schemas; the real one is never touched', async () => {
    db.sql(`CREATE DATABASE shop;
CREATE TABLE shop.orders (id INT PRIMARY KEY, status VARCHAR(20));
INSERT INTO shop.orders VALUES (1, 'new'), (2, 'paid');
CREATE PROCEDURE shop.p() SELECT 'real';
CREATE VIEW shop.v AS SELECT id FROM shop.orders;
CREATE TRIGGER shop.trg BEFORE UPDATE ON shop.orders FOR EACH ROW SET NEW.status = 'real';
CREATE EVENT shop.ev ON SCHEDULE EVERY 1 DAY DISABLE DO DELETE FROM shop.orders;`)
    const before = state('shop')
    db.sql("SET GLOBAL log_output = 'TABLE'; SET GLOBAL general_log = ON;")
    let report: VerifyReport
    try {
      ({ report } = await verify(url('root', ''), [target(
        { 'db/p.sql': 'CREATE PROCEDURE shop.p() SELECT 1;\n', 'db/v.sql': 'CREATE VIEW shop.v AS SELECT id FROM shop.orders;\n',
          'db/t.sql': 'CREATE TRIGGER shop.trg BEFORE UPDATE ON shop.orders FOR EACH ROW SET NEW.status = \'x\';\n' },
        { 'db/p.sql': 'CREATE PROCEDURE shop.p() SELECT 2;\n', 'db/v.sql': 'CREATE VIEW shop.v AS SELECT id, status FROM shop.orders;\n',
          'db/t.sql': 'CREATE TRIGGER shop.trg BEFORE UPDATE ON shop.orders FOR EACH ROW SET NEW.status = \'y\';\n',
          'db/e.sql': 'CREATE EVENT shop.ev ON SCHEDULE EVERY 1 HOUR DO DELETE FROM shop.orders;\n' },
        'CREATE TABLE shop.orders (id INT PRIMARY KEY, status VARCHAR(20));\n')]))
    } finally {
      db.sql('SET GLOBAL general_log = OFF;')
    }
    if (!report.ok) throw new Error(verifySummary(report))
    expect(state('shop')).toBe(before)
    // every statement verification sent names scratch schemas only
    const sent = db.sql("SELECT argument FROM mysql.general_log WHERE command_type IN ('Query', 'Init DB') AND argument NOT LIKE 'SET GLOBAL%'")
    expect(sent).toContain('CREATE PROCEDURE `dpg_verify_')
    expect(sent).not.toMatch(/\bshop\b/)
    expect(leftovers()).toBe('')
    db.sql('TRUNCATE mysql.general_log; DROP DATABASE shop;')
  })

  test('with the event scheduler ON, no event body ever runs during verification', async () => {
    db.sql('CREATE DATABASE hits; CREATE TABLE hits.t (at DATETIME(6));')
    // the control: the same event, created enabled, does run here within a few seconds
    db.sql('CREATE EVENT hits.control ON SCHEDULE AT CURRENT_TIMESTAMP ON COMPLETION PRESERVE DO INSERT INTO hits.t VALUES (NOW(6));')
    for (let i = 0; i < 50 && db.sql('SELECT COUNT(*) FROM hits.t').trim() === '0'; i++) await new Promise((r) => setTimeout(r, 100))
    expect(db.sql('SELECT COUNT(*) FROM hits.t').trim()).toBe('1')
    db.sql('DROP EVENT hits.control; DELETE FROM hits.t;')

    const event = (status: string) => `CREATE EVENT ev ON SCHEDULE AT CURRENT_TIMESTAMP ON COMPLETION PRESERVE ${status} DO INSERT INTO hits.t VALUES (NOW(6));\n`
    const { report } = await verify(url('root', ''), [target(
      { 'db/e.sql': event('ENABLE'), 'db/f.sql': 'CREATE EVENT f ON SCHEDULE EVERY 1 SECOND DO INSERT INTO hits.t VALUES (NOW(6));\n' },
      { 'db/e.sql': event(''), 'db/f.sql': 'CREATE EVENT f ON SCHEDULE EVERY 1 SECOND DO INSERT INTO hits.t VALUES (NOW(6)) /* changed */;\n',
        // two seconds with the events in place: an enabled one would have fired by then
        'db/e.rollback.sql': `SET @wait = SLEEP(2);\nDROP EVENT IF EXISTS ev;\n${event('ENABLE')}` })])
    if (!report.ok) throw new Error(verifySummary(report))
    expect(db.sql('SELECT COUNT(*) FROM hits.t').trim()).toBe('0')
    db.sql('DROP DATABASE hits;')
    expect(leftovers()).toBe('')
  })

  test('an event whose status differs after rollback is caught, although both were created disabled', async () => {
    const { report } = await verify(url('root', ''), [target(
      { 'db/e.sql': 'CREATE EVENT ev ON SCHEDULE EVERY 1 DAY ENABLE DO SELECT 1;\n' },
      { 'db/e.sql': 'CREATE EVENT ev ON SCHEDULE EVERY 2 DAY ENABLE DO SELECT 1;\n',
        'db/e.rollback.sql': 'DROP EVENT IF EXISTS ev;\nCREATE EVENT ev ON SCHEDULE EVERY 1 DAY DISABLE DO SELECT 1;\n' })])
    if (report.ok) throw new Error('accepted')
    expect(report.step).toBe('rollback')
    expect(report.difference).toEqual({ object: { type: 'EVENT', name: 'ev' }, field: 'STATUS (as written)', expected: 'ENABLE', actual: 'DISABLE' })
  })
})
