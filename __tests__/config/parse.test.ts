// Config parsing: every kind of mistake is reported with the file, the exact line and the key path.
import { describe, expect, test } from '@jest/globals'
import { parseConfig, formatConfigError, type ConfigError } from '../../src/config/index.js'

const FILE = '.github/dms-proc-gate.yml'

function errorsOf(text: string): ConfigError[] {
  const r = parseConfig(text, FILE)
  if (r.ok) throw new Error('expected errors, config was valid')
  return r.errors
}

function lines(text: string): string[] {
  return errorsOf(text).map(formatConfigError)
}

const VALID = `# two databases
version: 1
defaults:
  exec-mode: AUTO
  classify: routine change
  related-users: [1001, "12345678901234567890"]
  exclude: ["**/legacy/**"]
targets:
  - name: shop
    paths: ["db/shop/**"]
    db-id: 12
  - name: billing
    paths: ["db/billing/**", "sql/billing-*.sql"]
    schema: billing
    host: rds.internal
    port: 3306
    env: product
    exec-mode: LAST_AUDITOR
    rollback-pattern: "rollback/{name}.sql"
perm-orders: [9001]
templates:
  - name: Read-only analysts
    description: SELECT on shop
`

describe('parseConfig: valid input', () => {
  test('maps kebab-case keys to a typed config with lines', () => {
    const r = parseConfig(VALID, FILE)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.config.defaults).toEqual({
      execMode: 'AUTO',
      classify: 'routine change',
      relatedUsers: ['1001', '12345678901234567890'],
      exclude: ['**/legacy/**']
    })
    expect(r.config.targets).toEqual([
      { name: 'shop', paths: ['db/shop/**'], database: { kind: 'db-id', dbId: 12 }, line: 9 },
      {
        name: 'billing',
        paths: ['db/billing/**', 'sql/billing-*.sql'],
        database: { kind: 'schema', schema: 'billing', host: 'rds.internal', port: 3306, env: 'product' },
        execMode: 'LAST_AUDITOR',
        rollbackPattern: 'rollback/{name}.sql',
        line: 12
      }
    ])
    expect(r.config.permOrders).toEqual([{ orderId: 9001, line: 20 }])
    expect(r.config.templates).toEqual([{ name: 'Read-only analysts', description: 'SELECT on shop', line: 22 }])
  })

  test('an empty file or a comment-only file is a valid, empty config', () => {
    for (const text of ['', '# nothing yet\n']) {
      const r = parseConfig(text, FILE)
      expect(r).toEqual({ ok: true, config: { file: FILE, defaults: {}, targets: [], permOrders: [], templates: [] } })
    }
  })

  test('a user id beyond 2^53 keeps every digit (YAML integers are read as bigint)', () => {
    const r = parseConfig('defaults:\n  related-users: [18446744073709551615]\n', FILE)
    expect(r.ok && r.config.defaults.relatedUsers).toEqual(['18446744073709551615'])
  })
})

describe('parseConfig: each kind of mistake names file, line and key', () => {
  test('bad YAML syntax', () => {
    // The unclosed '[' of line 3 is detected where the next item starts (line 4).
    expect(lines('targets:\n  - name: a\n    paths: [db/**\n  - name: b\n')).toEqual([
      '.github/dms-proc-gate.yml:4: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]'
    ])
    expect(lines('defaults:\n  exec-mode: "AUTO\n')[0]).toMatch(/^\.github\/dms-proc-gate\.yml:\d: YAML syntax error: .*quote/i)
  })

  test('duplicate key in a mapping', () => {
    expect(lines('targets:\n  - name: a\n    paths: [x]\n    name: b\n')).toEqual([
      '.github/dms-proc-gate.yml:4: YAML duplicate key: Map keys must be unique'
    ])
  })

  test('unknown key, with a suggestion for a near miss', () => {
    expect(lines('defaults:\n  exec_mode: AUTO\n  colour: red\n')).toEqual([
      ".github/dms-proc-gate.yml:2: defaults.exec_mode: unknown key (did you mean 'exec-mode'?)",
      '.github/dms-proc-gate.yml:3: defaults.colour: unknown key'
    ])
    expect(lines('target:\n  - name: a\n')).toEqual([".github/dms-proc-gate.yml:1: target: unknown key (did you mean 'targets'?)"])
    expect(lines('targets:\n  - name: a\n    paths: [x]\n    db-id: 1\n    dbid: 2\n')).toEqual([
      ".github/dms-proc-gate.yml:5: targets[0].dbid: unknown key (did you mean 'db-id'?)"
    ])
  })

  test('wrong type', () => {
    expect(lines('targets:\n  - name: a\n    paths: db/**\n    db-id: "12"\n')).toEqual([
      '.github/dms-proc-gate.yml:3: targets[0].paths: expected a list, got the string "db/**"',
      '.github/dms-proc-gate.yml:4: targets[0].db-id: expected an integer, got the string "12"'
    ])
    expect(lines('perm-orders: [1, 2.5]\n')).toEqual(['.github/dms-proc-gate.yml:1: perm-orders[1]: expected an integer, got the number 2.5'])
    expect(lines('targets: {}\n')).toEqual(['.github/dms-proc-gate.yml:1: targets: expected a list, got a mapping'])
    expect(lines('- a\n')).toEqual(['.github/dms-proc-gate.yml:1: must be a mapping of keys (defaults, targets, perm-orders, templates)'])
  })

  test('missing required keys point at the item', () => {
    expect(lines('version: 1\ntargets:\n  - paths: [x]\n    db-id: 1\n')).toEqual([
      '.github/dms-proc-gate.yml:3: targets[0].name: is required (a string)'
    ])
  })

  test('bad enum value', () => {
    expect(lines('targets:\n  - name: a\n    paths: [x]\n    db-id: 1\n  - name: b\n    paths: [y]\n    schema: s\n    exec-mode: FAST\n    env: prod\n')).toEqual([
      '.github/dms-proc-gate.yml:8: targets[1].exec-mode: must be one of COMMITOR, AUTO, LAST_AUDITOR (got the string "FAST")',
      '.github/dms-proc-gate.yml:9: targets[1].env: must be one of product, dev, pre, test, sit, uat, pet, stag (got the string "prod")'
    ])
  })

  test('bad glob', () => {
    const errs = lines('defaults:\n  include: ["**/*.sql", "db/[a-"]\n  exclude: ["/abs/**", "!x", "a\\\\b", "../up/**", ""]\n')
    expect(errs[0]).toMatch(/^\.github\/dms-proc-gate\.yml:2: defaults\.include\[1\]: is not a valid glob: Missing closing: "\]"/)
    expect(errs.slice(1)).toEqual([
      ".github/dms-proc-gate.yml:3: defaults.exclude[0]: must be relative to the repository root (no leading '/')",
      ".github/dms-proc-gate.yml:3: defaults.exclude[1]: negation ('!') is not supported here; list the pattern under exclude",
      ".github/dms-proc-gate.yml:3: defaults.exclude[2]: must use '/' as the path separator (backslash found)",
      ".github/dms-proc-gate.yml:3: defaults.exclude[3]: must not contain '..' segments",
      '.github/dms-proc-gate.yml:3: defaults.exclude[4]: must not be empty'
    ])
    expect(lines('targets:\n  - name: a\n    paths: []\n    db-id: 1\n')).toEqual(['.github/dms-proc-gate.yml:3: targets[0].paths: must list at least one glob'])
  })

  test('both db-id and schema, neither, and host without schema', () => {
    expect(lines('targets:\n  - name: a\n    paths: [x]\n    db-id: 1\n    schema: shop\n')).toEqual([
      '.github/dms-proc-gate.yml:5: targets[0].schema: give either db-id or schema, not both'
    ])
    expect(lines('targets:\n  - name: a\n    paths: [x]\n')).toEqual([
      '.github/dms-proc-gate.yml:2: targets[0]: needs a database: db-id: <DMS DbId> or schema: <name>'
    ])
    expect(lines('targets:\n  - name: a\n    paths: [x]\n    db-id: 1\n    host: h\n')).toEqual([
      '.github/dms-proc-gate.yml:5: targets[0].host: only applies with schema (db-id already names one database)'
    ])
  })

  test('every mistake in one target is reported at once', () => {
    expect(errorsOf('targets:\n  - name: "bad name"\n    paths: ["[x"]\n    schema: s\n    port: 70000\n    exec-mode: fast\n').map((e) => [e.line, e.path])).toEqual([
      [2, 'targets[0].name'],
      [3, 'targets[0].paths[0]'],
      [5, 'targets[0].port'],
      [6, 'targets[0].exec-mode']
    ])
  })

  test('out-of-range numbers and bad ids', () => {
    expect(lines('targets:\n  - name: a\n    paths: [x]\n    db-id: 0\n')).toEqual([
      '.github/dms-proc-gate.yml:4: targets[0].db-id: must be a DMS database id (1–9007199254740991)'
    ])
    expect(lines('defaults:\n  related-users: [-5, "abc"]\n')).toEqual([
      '.github/dms-proc-gate.yml:2: defaults.related-users[0]: must be a DMS user id (a positive integer)',
      '.github/dms-proc-gate.yml:2: defaults.related-users[1]: must be a DMS user id (a positive integer)'
    ])
  })

  test('bad rollback pattern', () => {
    expect(lines('defaults:\n  rollback-pattern: "{dir}/{file}.sql"\n')).toEqual([
      ".github/dms-proc-gate.yml:2: defaults.rollback-pattern: unknown placeholder '{file}' (use {dir} and {name})"
    ])
    expect(lines('defaults:\n  rollback-pattern: "{dir}/{name}.sql"\n')).toEqual([
      '.github/dms-proc-gate.yml:2: defaults.rollback-pattern: must not name the routine file itself'
    ])
    expect(lines('defaults:\n  rollback-pattern: "rollback.sql"\n')).toEqual([
      '.github/dms-proc-gate.yml:2: defaults.rollback-pattern: must contain {name} exactly once'
    ])
  })

  test('duplicate names and ids', () => {
    expect(lines('targets:\n  - name: shop\n    paths: [a]\n    db-id: 1\n  - name: Shop\n    paths: [b]\n    db-id: 2\nperm-orders: [5, 5]\ntemplates:\n  - name: t\n  - name: t\n')).toEqual([
      '.github/dms-proc-gate.yml:5: targets[1].name: duplicate target name (first at line 2)',
      '.github/dms-proc-gate.yml:8: perm-orders[1]: duplicate perm order id (first at line 8)',
      '.github/dms-proc-gate.yml:11: templates[1].name: duplicate template name (first at line 10)'
    ])
  })

  test('target names that differ only by case are reported together with the other mistakes', () => {
    expect(lines('targets:\n  - name: Shop\n    paths: [a]\n    db-id: 1\n  - name: shop\n    paths: [b]\n    db-id: 2\n    exec-mode: FAST\n')).toEqual([
      '.github/dms-proc-gate.yml:5: targets[1].name: duplicate target name (first at line 2)',
      '.github/dms-proc-gate.yml:8: targets[1].exec-mode: must be one of COMMITOR, AUTO, LAST_AUDITOR (got the string "FAST")'
    ])
    expect(lines('defaults:\n  exec_mode: AUTO\ntargets:\n  - name: A\n    paths: [a]\n  - name: a\n    paths: [b]\n    db-id: 2\n')).toEqual([
      ".github/dms-proc-gate.yml:2: defaults.exec_mode: unknown key (did you mean 'exec-mode'?)",
      '.github/dms-proc-gate.yml:4: targets[0]: needs a database: db-id: <DMS DbId> or schema: <name>',
      '.github/dms-proc-gate.yml:6: targets[1].name: duplicate target name (first at line 4)'
    ])
  })

  test('encoding: a name, or a list of paths + encoding; bad names and shapes name their line', () => {
    expect(lines('defaults:\n  encoding: gbkk\n')).toEqual([
      ".github/dms-proc-gate.yml:2: defaults.encoding: unknown encoding 'gbkk' (use one of utf-8, gbk, gb18030, big5, latin1, or another WHATWG encoding name)"
    ])
    expect(lines('targets:\n  - name: a\n    paths: [a]\n    db-id: 1\n    encoding:\n      - paths: ["db/tw/**"]\n        encoding: utf-16le\n      - paths: []\n        encoding: gbk\n      - encoding: big5\n')).toEqual([
      ".github/dms-proc-gate.yml:7: targets[0].encoding[0].encoding: encoding 'utf-16le' is not supported: SQL files must keep ASCII as ASCII (save the file as UTF-8)",
      '.github/dms-proc-gate.yml:8: targets[0].encoding[1].paths: must list at least one glob',
      '.github/dms-proc-gate.yml:10: targets[0].encoding[2].paths: is required (a list)'
    ])
    expect(lines('defaults:\n  encoding: 5\n')).toEqual([
      '.github/dms-proc-gate.yml:2: defaults.encoding: expected a string or a list, got the integer 5'
    ])
    expect(lines('defaults:\n  encoding: []\n')).toEqual(['.github/dms-proc-gate.yml:2: defaults.encoding: must list at least one entry'])
  })

  test('bad template names are refused before any DMS call', () => {
    expect(lines('templates:\n  - name: ""\n  - name: "a/b"\n  - description: x\n')).toEqual([
      '.github/dms-proc-gate.yml:2: templates[0].name: must not be empty',
      ".github/dms-proc-gate.yml:3: templates[1].name: contains '/': use letters, digits, spaces and _ - . ( ) : only",
      '.github/dms-proc-gate.yml:4: templates[2].name: is required (a string)'
    ])
  })

  test('a second YAML document, aliases to nothing and unknown tags', () => {
    expect(lines('targets: []\n---\ntargets: []\n')).toEqual(['.github/dms-proc-gate.yml:2: must hold a single YAML document (found a second one)'])
    expect(lines('defaults: *nothing\n')[0]).toMatch(/^\.github\/dms-proc-gate\.yml:1: YAML (syntax )?error: .*alias/i)
    expect(lines('version: 2\n')).toEqual(['.github/dms-proc-gate.yml:1: version: must be 1'])
  })
})

describe('logical databases', () => {
  test('logic: true marks a db-id target as a logical database; it needs db-id and a boolean', () => {
    const ok = parseConfig('targets:\n  - name: a\n    paths: [x]\n    db-id: 9\n    logic: true\n', FILE)
    expect(ok.ok && ok.config.targets[0]!.database).toEqual({ kind: 'db-id', dbId: 9, logic: true })
    const physical = parseConfig('targets:\n  - name: a\n    paths: [x]\n    db-id: 9\n    logic: false\n', FILE)
    expect(physical.ok && physical.config.targets[0]!.database).toEqual({ kind: 'db-id', dbId: 9 })
    expect(lines('targets:\n  - name: a\n    paths: [x]\n    schema: s\n    logic: true\n')).toEqual([
      '.github/dms-proc-gate.yml:5: targets[0].logic: only applies with db-id (SearchDatabase says whether a schema is logical)'
    ])
    expect(lines('targets:\n  - name: a\n    paths: [x]\n    db-id: 9\n    logic: "yes"\n')).toEqual([
      '.github/dms-proc-gate.yml:5: targets[0].logic: expected true or false, got the string "yes"'
    ])
  })
})
