// End to end: the built CLI (`node dist/cli.js plan …`) on the bundled example PR, on a temporary git
// repository (--repo/--base-ref/--head-ref), and its exit codes 0 / 1 / 2.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Plan } from '../src/sql/types.js'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
// jest's globalSetup rebuilds dist/ when src/ is newer.
const CLI = join(ROOT, 'dist', 'cli.js')
const EXAMPLE = join(ROOT, 'examples', 'pr-1')

function cli(...args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, 'plan', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 })
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }
}


const summary = (p: Plan): string[] => p.objects.map((o) => `${o.change} ${o.type} ${o.name} ${o.file}:${o.line}`)

describe('plan on examples/pr-1', () => {
  test('--json prints the plan contract (docs/cli.md) and exits 0', () => {
    const r = cli('--base', join(EXAMPLE, 'base'), '--head', join(EXAMPLE, 'head'), '--json')
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    const p = JSON.parse(r.stdout) as Plan
    expect(Object.keys(p)).toEqual(['objects', 'execSql', 'rollbackSql', 'errors', 'warnings'])
    expect(summary(p)).toEqual([
      'added FUNCTION customer_label db/routines/customers/customer_label.sql:3',
      'modified PROCEDURE archive_orders db/routines/orders/archive_orders.sql:3',
      'removed TRIGGER order_items_ad db/routines/triggers/order_items_ad.sql:2',
      'modified VIEW v_open_orders db/routines/views/v_open_orders.sql:2'
    ])
    expect(p.objects.every((o) => !('schema' in o))).toBe(true)
    expect(p.errors).toEqual([])
    expect(p.warnings).toEqual([{ file: 'db/routines/triggers/order_items_ad.sql', line: 2,
      message: 'TRIGGER order_items_ad is removed because its file was deleted: execSql drops it from the database' }])
    expect(p.execSql).toMatch(/^DELIMITER \$\$\n/)
    expect(p.execSql).toContain('DROP TRIGGER IF EXISTS `order_items_ad`$$')
    expect(p.execSql).toContain('CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW v_open_orders AS')
    expect(p.execSql).not.toContain('list_active_customers') // reformat-only
    expect(p.execSql).not.toContain('order_total') // moved only
    expect(p.rollbackSql).toContain('DROP FUNCTION IF EXISTS `customer_label`$$')
    expect(p.rollbackSql).toContain('CREATE TRIGGER order_items_ad AFTER DELETE ON order_items')
    expect(p.rollbackSql.endsWith('DELIMITER ;\n')).toBe(true)
  })

  test('without --json prints the objects table, then the SQL', () => {
    const r = cli('--base', join(EXAMPLE, 'base'), '--head', join(EXAMPLE, 'head'))
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('4 changed objects: 1 added, 2 modified, 1 removed')
    expect(r.stdout).toMatch(/modified\s+PROCEDURE\s+archive_orders\s+db\/routines\/orders\/archive_orders\.sql:3/)
    expect(r.stdout.indexOf('-- execSql')).toBeLessThan(r.stdout.indexOf('-- rollbackSql'))
  })

  test('--empty-base says the base has no files: everything is added', () => {
    const r = cli('--empty-base', '--head', join(EXAMPLE, 'head'), '--json')
    expect(r.status).toBe(0)
    const p = JSON.parse(r.stdout) as Plan
    expect(p.objects.map((o) => o.change)).toEqual(Array(7).fill('added'))
  })

  test('--include narrows the routine files', () => {
    const r = cli('--base', join(EXAMPLE, 'base'), '--head', join(EXAMPLE, 'head'), '--include', 'db/routines/views/**', '--json')
    expect(r.status).toBe(0)
    expect(summary(JSON.parse(r.stdout) as Plan)).toEqual(['modified VIEW v_open_orders db/routines/views/v_open_orders.sql:2'])
  })
})

describe('exit status 1: plan errors', () => {
  test('errors are reported with file and line; the JSON is printed with empty SQL, the text without SQL, and both say why', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dpg-cli-plan-'))
    try {
      mkdirSync(join(dir, 'base'))
      mkdirSync(join(dir, 'head', 'db'), { recursive: true })
      writeFileSync(join(dir, 'head', 'db', 'seed.sql'), "CREATE PROCEDURE p() SELECT 1;\nINSERT INTO orders (id) VALUES (1);\n")
      const r = cli('--base', join(dir, 'base'), '--head', join(dir, 'head'), '--json')
      expect(r.status).toBe(1)
      const p = JSON.parse(r.stdout) as Plan
      expect(p.errors).toEqual([{ file: 'db/seed.sql', line: 2,
        message: 'INSERT INTO statement: only CREATE/DROP of procedures, functions, triggers, events and views belong in a routine file' }])
      expect(summary(p)).toEqual(['added PROCEDURE p db/seed.sql:1'])
      expect([p.execSql, p.rollbackSql]).toEqual(['', ''])
      expect(r.stderr).toBe('dms-proc-gate plan: the plan has 1 error; execSql and rollbackSql stay empty until they are fixed\n')
      const human = cli('--base', join(dir, 'base'), '--head', join(dir, 'head'))
      expect(human.status).toBe(1)
      expect(human.stdout).toBe(['1 changed object: 1 added, 0 modified, 0 removed', '',
        '  CHANGE  TYPE       OBJECT  WHERE', '  added   PROCEDURE  p       db/seed.sql:1', '', 'errors (1):',
        '  db/seed.sql:2: INSERT INTO statement: only CREATE/DROP of procedures, functions, triggers, events and views belong in a routine file',
        '', 'No SQL shown: the plan has 1 error; execSql and rollbackSql stay empty until they are fixed.', ''].join('\n'))
      expect(human.stdout).not.toMatch(/execSql -|CREATE PROCEDURE|DELIMITER/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('encodings', () => {
  const GBK = join(ROOT, '__tests__', 'fixtures', 'encoding', 'gbk')
  const NOT_UTF8 = 'db/order_report.sql:1: not valid UTF-8: byte 0xB6 at line 1 cannot be decoded; configure its encoding ' +
    '(`encoding:` in .github/dms-proc-gate.yml, or plan --encoding) if it is GBK, Big5, Latin-1 …, or save it as UTF-8'
  test('a GBK file is an error naming the file and line (exit 1), never U+FFFD in the SQL', () => {
    const r = cli('--base', join(GBK, 'base'), '--head', join(GBK, 'head'))
    expect(r.status).toBe(1)
    expect(r.stdout).toBe(['No routine object changed.', '', 'errors (1):', `  ${NOT_UTF8}`, '',
      'No SQL shown: the plan has 1 error; execSql and rollbackSql stay empty until they are fixed.', ''].join('\n'))
  })
  test('--encoding gbk (or per glob) decodes it; the JSON carries the characters', () => {
    for (const flag of ['gbk', 'db/**=GBK']) {
      const r = cli('--base', join(GBK, 'base'), '--head', join(GBK, 'head'), '--encoding', flag, '--json')
      expect(r.stderr).toBe('')
      expect(r.status).toBe(0)
      const p = JSON.parse(r.stdout) as Plan
      expect(summary(p)).toEqual(['modified PROCEDURE order_report db/order_report.sql:4'])
      expect(p.execSql).toContain("SELECT id, total, '已发货；待结算' AS 状态 FROM orders")
      expect(p.rollbackSql).toContain("COMMENT '订单报表'")
    }
  })
  test('a binary file is reported by name and line, without its bytes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dpg-cli-binary-'))
    try {
      mkdirSync(join(dir, 'head'))
      writeFileSync(join(dir, 'head', 'blob.sql'), Buffer.from([0x2d, 0x2d, 0x0a, 0x00, 0x01, 0x1b, 0x5b, 0x32, 0x4a, 0xff, 0xfe]))
      const r = cli('--empty-base', '--head', join(dir, 'head'))
      expect(r.status).toBe(1)
      expect(r.stdout).toBe(['No routine object changed.', '', 'errors (1):', '  blob.sql:2: binary file, not SQL text: a NUL byte (0x00) at byte 4', '',
        'No SQL shown: the plan has 1 error; execSql and rollbackSql stay empty until they are fixed.', ''].join('\n'))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
  test('a glob that does not match leaves the file UTF-8; a bad name is a usage error naming the flag', () => {
    expect(cli('--base', join(GBK, 'base'), '--head', join(GBK, 'head'), '--encoding', 'legacy/**=gbk').status).toBe(1)
    const r = cli('--base', join(GBK, 'base'), '--head', join(GBK, 'head'), '--encoding', 'gbkk')
    expect(r.status).toBe(2)
    expect(r.stderr.split('\n')[0]).toBe("dms-proc-gate plan: --encoding gbkk: unknown encoding 'gbkk' (use one of utf-8, gbk, gb18030, big5, latin1, or another WHATWG encoding name)")
  })
})

describe('exit status 2: usage errors', () => {
  test.each([
    [['--base', 'a', '--head', 'b', '--frobnicate'], "unknown option '--frobnicate'"],
    [['--base'], '--base needs a value'],
    [['--base', '--head', 'b'], '--base needs a value'],
    [[], 'give --base <dir> and --head <dir>'],
    [['--repo', '.', '--base-ref', 'HEAD'], '--repo needs --head-ref <ref> (or --empty-head)'],
    [['--base-ref', 'a', '--head-ref', 'b'], '--base-ref needs --repo <path>'],
    [['--base', 'a', '--repo', '.', '--base-ref', 'x', '--head-ref', 'y'], 'not both'],
    [['--base', 'a', '--head', 'b', 'extra'], "unexpected argument 'extra'"],
    [['--json=yes', '--base', 'a'], '--json takes no value'],
    [['--base', 'a'], 'give --head <dir> (or --empty-head when that side has no files)'],
    [['--head', 'b'], 'give --base <dir> (or --empty-base when that side has no files)'],
    [['--base', 'a', '--empty-base', '--head', 'b'], 'give one of --base and --empty-base, not both'],
    [['--empty-base', '--empty-head'], '--empty-base and --empty-head together leave nothing to plan'],
    [['--empty-base', '--head', 'b', '--encoding', 'a=b=c'], "--encoding a=b=c: unknown encoding 'c'"],
    [['--empty-base', '--head', 'b', '--encoding', '/abs/**=gbk'], "--encoding /abs/**=gbk: the glob must be relative to the repository root (no leading '/')"]
  ])('%j', (args, message) => {
    const r = cli(...args)
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain(message)
    expect(r.stderr).toContain('usage: dms-proc-gate plan')
  })

  test('a missing directory is a usage error naming the flag, not "every routine removed"', () => {
    const r = cli('--base', join(EXAMPLE, 'base'), '--head', join(EXAMPLE, 'does-not-exist'))
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe(`dms-proc-gate plan: --head: directory '${join(EXAMPLE, 'does-not-exist')}' does not exist ` +
      '(for a side without files use an existing empty directory or --empty-head)\n')
    const file = cli('--base', join(EXAMPLE, 'base', 'db', 'routines', 'orders', 'archive_orders.sql'), '--head', join(EXAMPLE, 'head'))
    expect(file.status).toBe(2)
    expect(file.stderr).toMatch(/^dms-proc-gate plan: --base: '.*archive_orders\.sql' is not a directory\n$/)
  })

  test('an existing empty directory is an explicit empty side', () => {
    const empty = mkdtempSync(join(tmpdir(), 'dpg-cli-empty-'))
    try {
      const r = cli('--base', join(EXAMPLE, 'base'), '--head', empty, '--json')
      expect(r.status).toBe(0)
      expect((JSON.parse(r.stdout) as Plan).objects.map((o) => o.change)).toEqual(Array(7).fill('removed'))
    } finally {
      rmSync(empty, { recursive: true, force: true })
    }
  })

  test('an unknown git ref is reported clearly', () => {
    const r = cli('--repo', ROOT, '--base-ref', 'no-such-ref-xyz', '--head-ref', 'HEAD', '--json')
    expect(r.status).toBe(2)
    expect(r.stderr).toContain("cannot read ref 'no-such-ref-xyz'")
  })
})

describe('plan --repo --base-ref --head-ref', () => {
  test('reads both trees from git objects, renames included', () => {
    const repo = mkdtempSync(join(tmpdir(), 'dpg-cli-git-'))
    const git = (...args: string[]): string =>
      execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { encoding: 'utf8' })
    const write = (path: string, text: string): void => {
      mkdirSync(dirname(join(repo, path)), { recursive: true })
      writeFileSync(join(repo, path), text)
    }
    try {
      git('init', '-q', '-b', 'main')
      write('db/p.sql', 'DROP PROCEDURE IF EXISTS p;\nCREATE PROCEDURE p() SELECT 1;\n')
      write('db/old name.sql', 'DROP FUNCTION IF EXISTS f;\nCREATE FUNCTION f() RETURNS INT RETURN 1;\n')
      write('db/gone.sql', 'DROP VIEW IF EXISTS v;\nCREATE VIEW v AS SELECT 1 AS one;\n')
      write('README.md', '# not sql\n')
      git('add', '-A')
      git('commit', '-q', '-m', 'base')
      write('db/p.sql', 'DROP PROCEDURE IF EXISTS p;\nCREATE PROCEDURE p() SELECT 2;\n')
      git('mv', 'db/old name.sql', 'db/new name.sql')
      git('rm', '-q', 'db/gone.sql')
      git('add', '-A')
      git('commit', '-q', '-m', 'head')
      // the working tree is irrelevant: only the refs are read
      write('db/p.sql', 'garbage that is not committed (')
      const r = cli('--repo', repo, '--base-ref', 'HEAD~1', '--head-ref', 'main', '--json')
      expect(r.stderr).toBe('')
      expect(r.status).toBe(0)
      const p = JSON.parse(r.stdout) as Plan
      expect(summary(p)).toEqual(['removed VIEW v db/gone.sql:2', 'modified PROCEDURE p db/p.sql:2'])
      expect(p.execSql).toContain('CREATE PROCEDURE p() SELECT 2$$')
      expect(p.rollbackSql).toContain('CREATE PROCEDURE p() SELECT 1$$')
      // a bootstrap: no base commit to compare with
      const all = cli('--repo', repo, '--empty-base', '--head-ref', 'main', '--json')
      expect(all.status).toBe(0)
      expect(summary(JSON.parse(all.stdout) as Plan)).toEqual(['added FUNCTION f db/new name.sql:2', 'added PROCEDURE p db/p.sql:2'])
    } finally {
      rmSync(repo, { recursive: true, force: true })
    }
  })
})
