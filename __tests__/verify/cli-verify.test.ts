// End to end: the built CLI, `node dist/cli.js plan --verify <url>`, over TCP (a private MariaDB started here) and
// over the Unix socket of this run's shared MariaDB: the green path and every failure of the proof list,
// with exit codes, the one-line reason on stderr, the JSON report, and the password never printed.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sharedMariaDb } from '../helpers/mariadb-server.js'
import { freePort, startTcpMariaDb, type TcpMariaDb } from '../helpers/tcp-mariadb.js'
import type { Plan } from '../../src/sql/types.js'
import type { VerifyReport } from '../../src/verify/types.js'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const CLI = join(ROOT, 'dist', 'cli.js')
const PASSWORD = 'Cl1-S3cret'
const SCHEMA = 'CREATE TABLE orders (id INT PRIMARY KEY, status VARCHAR(20));\nCREATE TABLE order_items (id INT, order_id INT, qty INT);\n'

let tcp: TcpMariaDb
let work: string

beforeAll(async () => {
  tcp = await startTcpMariaDb()
  tcp.sql(`CREATE USER ci@'%' IDENTIFIED BY '${PASSWORD}'; GRANT ALL ON \`dpg\\_verify\\_%\`.* TO ci@'%';`)
  work = mkdtempSync(join(tmpdir(), 'dpg-cli-verify-'))
}, 60_000)

afterAll(async () => {
  await tcp?.stop()
  if (work) rmSync(work, { recursive: true, force: true })
})

const transports: Array<[string, () => string]> = [
  ['TCP', () => `mysql://ci:${PASSWORD}@127.0.0.1:${tcp.port}`],
  ['socket', () => `mysql://root@localhost?socket=${sharedMariaDb().socket}`]
]

let n = 0
/** A PR on disk: base/ and head/ trees and the schema file. */
function pr(base: Record<string, string>, head: Record<string, string>, schema = SCHEMA): string {
  const dir = join(work, `pr-${++n}`)
  for (const [side, files] of [['base', base], ['head', head]] as const) {
    mkdirSync(join(dir, side), { recursive: true })
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, side, path)), { recursive: true })
      writeFileSync(join(dir, side, path), text)
    }
  }
  writeFileSync(join(dir, 'schema.sql'), schema)
  return dir
}

function cli(dir: string, url: string, ...extra: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, 'plan', '--base', join(dir, 'base'), '--head', join(dir, 'head'), '--verify', url,
    '--verify-schema', join(dir, 'schema.sql'), ...extra], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 })
  expect(r.stdout + r.stderr).not.toContain(PASSWORD)
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }
}

const lastLine = (s: string): string => s.trimEnd().split('\n').pop()!

const GOOD = (): string => pr(
  { 'db/p.sql': 'CREATE PROCEDURE p() SELECT 1;\n', 'db/t.sql': 'CREATE TRIGGER t BEFORE INSERT ON orders FOR EACH ROW SET NEW.status = \'new\';\n' },
  { 'db/p.sql': 'CREATE PROCEDURE p() SELECT 2;\n', 'db/t.sql': 'CREATE TRIGGER t BEFORE INSERT ON orders FOR EACH ROW SET NEW.status = \'fresh\';\n',
    'db/v.sql': 'CREATE VIEW v AS SELECT id FROM orders;\n' })

describe.each(transports)('plan --verify over %s', (_, url) => {
  test('a good PR: exit 0, "verified on MariaDB …: deploy ✓ rollback ✓" after the plan', () => {
    const r = cli(GOOD(), url())
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('3 changed objects: 1 added, 2 modified, 0 removed')
    expect(r.stdout).toMatch(/-- verification -+\nverified on MariaDB \d+\.\d+\.\d+: deploy ✓ rollback ✓\n  default: 3 changed object\(s\); 6 execSql and 5 rollbackSql statement\(s\) ran\n/)
    expect(r.stderr).toMatch(/^verify: connected to MariaDB /)
  })

  test('--json adds the report under "verify"', () => {
    const r = cli(GOOD(), url(), '--json')
    expect(r.status).toBe(0)
    const out = JSON.parse(r.stdout) as Plan & { verify: VerifyReport }
    expect(Object.keys(out)).toEqual(['objects', 'execSql', 'rollbackSql', 'errors', 'warnings', 'verify'])
    expect(out.verify).toMatchObject({ ok: true, server: { product: 'MariaDB' }, notes: [], targets: [{ name: 'default', objects: 3 }] })
  })

  test('a routine the server rejects: exit 1, the error at its file and line', () => {
    const r = cli(pr({}, { 'db/p.sql': 'DELIMITER //\nCREATE PROCEDURE p()\nBEGIN\n  SELEC 1;\nEND//\n' }), url(), '--json')
    expect(r.status).toBe(1)
    expect(lastLine(r.stderr)).toMatch(/^dms-proc-gate plan: verification failed on MariaDB [\d.]+ at deploy: db\/p\.sql:4: CREATE PROCEDURE p: You have an error in your SQL syntax; .* near '1; END' at line 3$/)
    const v = (JSON.parse(r.stdout) as { verify: VerifyReport }).verify
    expect(v).toMatchObject({ ok: false, step: 'deploy', at: { file: 'db/p.sql', line: 4 }, object: { type: 'PROCEDURE', name: 'p' } })
  })

  test('a rollback file that does not restore the base: exit 1, naming the object that differs', () => {
    const r = cli(pr({ 'db/f.sql': 'CREATE FUNCTION f() RETURNS INT RETURN 1;\n' },
      { 'db/f.sql': 'CREATE FUNCTION f() RETURNS INT RETURN 2;\n', 'db/f.rollback.sql': 'DROP FUNCTION IF EXISTS f;\nCREATE FUNCTION f() RETURNS BIGINT RETURN 1;\n' }), url())
    expect(r.status).toBe(1)
    expect(lastLine(r.stderr)).toMatch(/^dms-proc-gate plan: verification failed on MariaDB [\d.]+ at rollback: db\/f\.rollback\.sql:2: FUNCTION f: after rollbackSql it does not equal the base: DATA_TYPE differs: expected "int", got "bigint" \(and 2 more differences\)$/)
    expect(r.stdout).toContain('  DATA_TYPE expected:\n    int\n  DATA_TYPE actual:\n    bigint\n')
  })

  test('a schema file missing a table a trigger needs: exit 1, a clear message', () => {
    const r = cli(pr({}, { 'db/t.sql': 'CREATE TRIGGER t AFTER INSERT ON payments FOR EACH ROW UPDATE orders SET status = \'paid\' WHERE id = NEW.order_id;\n' }), url())
    expect(r.status).toBe(1)
    expect(lastLine(r.stderr)).toMatch(/at deploy: db\/t\.sql:1: CREATE TRIGGER t: Table 'payments' doesn't exist \(tables come from the verify schema file \/.*\/schema\.sql: add what is missing there\)$/)
  })
})

describe('plan --verify: an unreachable database and bad input', () => {
  test.each([
    ['TCP', async () => `mysql://ci:${PASSWORD}@127.0.0.1:${await freePort()}`, /connect ECONNREFUSED 127\.0\.0\.1:\d+ \(3 attempts over [\d.]+ s\)$/],
    ['socket', async () => `mysql://ci:${PASSWORD}@localhost?socket=${join(work, 'no.sock')}`, /connect ENOENT .*no\.sock \(3 attempts over [\d.]+ s\)$/]
  ])('over %s: exit 1 after retrying, with the password masked', async (_, url, reason) => {
    const r = cli(GOOD(), await url(), '--verify-wait', '1.5')
    expect(r.status).toBe(1)
    expect(lastLine(r.stderr)).toMatch(/^dms-proc-gate plan: verification failed at connect: cannot connect to mysql:\/\/ci:\*\*\*@/)
    expect(lastLine(r.stderr)).toMatch(reason)
    expect(r.stderr).toContain('attempt 2 of 3 in 500 ms')
  })

  test('the password can come from DMS_PROC_GATE_VERIFY_PASSWORD instead of argv', () => {
    const dir = GOOD()
    const r = spawnSync(process.execPath, [CLI, 'plan', '--base', join(dir, 'base'), '--head', join(dir, 'head'),
      '--verify', `mysql://ci@127.0.0.1:${tcp.port}`, '--verify-schema', join(dir, 'schema.sql')],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DMS_PROC_GATE_VERIFY_PASSWORD: PASSWORD } })
    expect(r.stdout).toContain('verified on MariaDB')
    expect(r.status).toBe(0)
  })

  test.each([
    [['--verify', 'mysql://u:Pw-x1@h/shop'], '--verify: must not name a database: verification creates and drops its own scratch schemas'],
    [['--verify', 'http://u:Pw-x1@h'], '--verify: must start with mysql:// (got http://)'],
    [['--verify-schema', 'x.sql'], '--verify-schema needs --verify <url>'],
    [['--verify', 'mysql://u@h', '--verify-wait', 'soon'], "--verify-wait: expected seconds from 0 to 3600, got 'soon'"]
  ])('usage errors exit 2 and name the flag: %j', (args, message) => {
    const r = spawnSync(process.execPath, [CLI, 'plan', '--base', work, '--head', work, ...args], { cwd: ROOT, encoding: 'utf8' })
    expect(r.status).toBe(2)
    expect(r.stderr.split('\n')[0]).toBe(`dms-proc-gate plan: ${message}`)
    expect(r.stderr).not.toContain('Pw-x1')
  })

  test('--verify-schema that cannot be read exits 2 naming it', () => {
    const r = spawnSync(process.execPath, [CLI, 'plan', '--base', work, '--head', work, '--verify', 'mysql://u@h', '--verify-schema', join(work, 'missing.sql')],
      { cwd: ROOT, encoding: 'utf8' })
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/^dms-proc-gate plan: --verify-schema: cannot read .*missing\.sql: ENOENT/)
  })

  test('a plan with errors is not verified (exit 1)', () => {
    const r = cli(pr({}, { 'db/x.sql': 'INSERT INTO orders VALUES (1, \'x\');\n' }), 'mysql://ci@127.0.0.1:1')
    expect(r.status).toBe(1)
    expect(r.stderr).toBe('dms-proc-gate plan: verification skipped: the plan has errors\n')
  })
})
