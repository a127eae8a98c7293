// Which target deploys each changed file, and how settings are layered.
import { describe, expect, test } from '@jest/globals'
import {
  BUILT_IN_DEFAULTS,
  configEncodingFor,
  effectiveTargets,
  parseConfig,
  resolveTargets,
  rollbackPathFor,
  routineForRollback,
  type Config
} from '../../src/config/index.js'

const FILE = '.github/dms-proc-gate.yml'

function config(text: string): Config {
  const r = parseConfig(text, FILE)
  if (!r.ok) throw new Error(JSON.stringify(r.errors))
  return r.config
}

const TWO = config(`defaults:
  classify: from file
  exclude: ["**/*.test.sql"]
targets:
  - name: shop
    paths: ["db/shop/**"]
    db-id: 12
  - name: billing
    paths: ["db/billing/**"]
    schema: billing
    exec-mode: LAST_AUDITOR
    related-users: [7]
`)

describe('effectiveTargets: built-in < inputs < file defaults < target', () => {
  test('each level overrides the one below it, key by key', () => {
    const [shop, billing] = effectiveTargets(TWO, { execMode: 'AUTO', classify: 'from inputs', relatedUsers: ['1'], include: ['**/*.sql'] })
    expect(shop).toEqual({
      name: 'shop',
      paths: ['db/shop/**'],
      database: { kind: 'db-id', dbId: 12 },
      execMode: 'AUTO', // inputs (the file sets none)
      classify: 'from file', // file defaults beat inputs
      relatedUsers: ['1'],
      include: ['**/*.sql'],
      exclude: ['**/*.test.sql'],
      rollbackPattern: BUILT_IN_DEFAULTS.rollbackPattern,
      source: { kind: 'config', file: FILE, line: 5 }
    })
    expect(billing).toMatchObject({ execMode: 'LAST_AUDITOR', relatedUsers: ['7'], classify: 'from file', source: { line: 8 } })
  })

  test('without a config: one implicit target from the database input, or none', () => {
    expect(effectiveTargets(null, { database: { kind: 'schema', schema: 'demo' } })).toEqual([
      { name: 'default', paths: ['**'], database: { kind: 'schema', schema: 'demo' }, ...BUILT_IN_DEFAULTS, source: { kind: 'inputs' } }
    ])
    expect(effectiveTargets(null, {})).toEqual([])
  })

  test('a config without targets still applies its defaults to the implicit target', () => {
    const [t] = effectiveTargets(config('defaults:\n  exec-mode: AUTO\nperm-orders: [3]\n'), { database: { kind: 'db-id', dbId: 4 }, execMode: 'LAST_AUDITOR' })
    expect(t).toMatchObject({ name: 'default', execMode: 'AUTO', database: { kind: 'db-id', dbId: 4 } })
  })
})

describe('resolveTargets', () => {
  test('groups changed files by target; non-SQL files are not routines', () => {
    const r = resolveTargets(TWO, {}, ['db/shop/a.sql', './db/billing/b.sql', 'db/shop/c.sql', 'README.md', 'db/shop/notes.txt'])
    expect(r.errors).toEqual([])
    expect(r.skipped).toEqual([])
    expect(r.groups.map((g) => [g.target.name, g.files, g.rollbackFiles])).toEqual([
      ['shop', ['db/shop/a.sql', 'db/shop/c.sql'], []],
      ['billing', ['db/billing/b.sql'], []]
    ])
  })

  test('an unmapped .sql file is an error naming the file, never a silent skip', () => {
    const r = resolveTargets(TWO, {}, ['db/shop/a.sql', 'db/crm/x.sql'])
    expect(r.errors).toEqual([
      {
        file: 'db/crm/x.sql',
        line: 1,
        message: `no target in ${FILE} maps this file; add it to a target's paths, or to exclude if it is not a routine`
      }
    ])
    expect(r.groups.map((g) => g.target.name)).toEqual(['shop'])
  })

  test('a file mapped by two targets is an error naming both', () => {
    const overlapping = config(`targets:
  - name: all
    paths: ["db/**"]
    db-id: 1
  - name: shop
    paths: ["db/shop/**"]
    db-id: 2
`)
    const r = resolveTargets(overlapping, {}, ['db/shop/a.sql', 'db/other.sql'])
    expect(r.errors).toEqual([
      {
        file: 'db/shop/a.sql',
        line: 1,
        message: `mapped by 2 targets: 'all' (line 2) and 'shop' (line 5) in ${FILE}; a file must belong to exactly one database target — narrow their paths or use exclude`
      }
    ])
    expect(r.groups.map((g) => [g.target.name, g.files])).toEqual([['all', ['db/other.sql']]])
  })

  test("a target's exclude resolves an overlap", () => {
    const fixed = config(`targets:
  - name: all
    paths: ["db/**"]
    exclude: ["db/shop/**"]
    db-id: 1
  - name: shop
    paths: ["db/shop/**"]
    db-id: 2
`)
    const r = resolveTargets(fixed, {}, ['db/shop/a.sql', 'db/other.sql'])
    expect(r.errors).toEqual([])
    expect(r.groups.map((g) => [g.target.name, g.files])).toEqual([['all', ['db/other.sql']], ['shop', ['db/shop/a.sql']]])
  })

  test('excluded .sql files are reported as skipped with the reason', () => {
    const r = resolveTargets(TWO, {}, ['db/shop/a.test.sql', 'tools/seed.test.sql'])
    expect(r.errors).toEqual([])
    expect(r.groups).toEqual([])
    expect(r.skipped).toEqual([
      { file: 'db/shop/a.test.sql', reason: "excluded by the include/exclude of target 'shop' (line 5)" },
      { file: 'tools/seed.test.sql', reason: 'matches the default exclude' }
    ])
  })

  test('rollback files join the target of their routine, not the unmapped list', () => {
    const withPattern = config(`targets:
  - name: shop
    paths: ["db/shop/**"]
    db-id: 12
  - name: billing
    paths: ["db/billing/**", "rollback/**"]
    exclude: ["rollback/**"]
    rollback-pattern: "rollback/{name}.sql"
    db-id: 13
`)
    const r = resolveTargets(withPattern, {}, ['db/shop/a.sql', 'db/shop/a.rollback.sql', 'db/billing/pay.sql', 'rollback/pay.sql'])
    expect(r.errors).toEqual([])
    expect(r.groups.map((g) => [g.target.name, g.files, g.rollbackFiles])).toEqual([
      ['shop', ['db/shop/a.sql'], ['db/shop/a.rollback.sql']],
      ['billing', ['db/billing/pay.sql'], ['rollback/pay.sql']]
    ])
  })

  test('without a config every routine file goes to the implicit target; without a database it is an error', () => {
    const r = resolveTargets(null, { database: { kind: 'db-id', dbId: 5 } }, ['a.sql', 'db/b.sql', 'db/b.rollback.sql'])
    expect(r.groups.map((g) => [g.target.name, g.files, g.rollbackFiles])).toEqual([['default', ['a.sql', 'db/b.sql'], ['db/b.rollback.sql']]])
    const none = resolveTargets(null, {}, ['a.sql', 'doc.md'])
    expect(none.errors).toEqual([
      { file: 'a.sql', line: 1, message: 'no database to deploy this routine file to: set the `database` input or add targets to the config file' }
    ])
  })

  test('the include input narrows which files are routines', () => {
    const r = resolveTargets(null, { database: { kind: 'db-id', dbId: 5 }, include: ['routines/**/*.sql'] }, ['routines/a.sql', 'migrations/001.sql'])
    expect(r.groups[0]!.files).toEqual(['routines/a.sql'])
    expect(r.skipped).toEqual([{ file: 'migrations/001.sql', reason: "excluded by the include/exclude of target 'default'" }])
  })
})

describe('rollback patterns', () => {
  test('expand and invert', () => {
    expect(rollbackPathFor('db/shop/a.sql', '{dir}/{name}.rollback.sql')).toBe('db/shop/a.rollback.sql')
    expect(rollbackPathFor('a.sql', '{dir}/{name}.rollback.sql')).toBe('a.rollback.sql')
    expect(rollbackPathFor('db/a.sql', 'rollback/{dir}/{name}.sql')).toBe('rollback/db/a.sql')
    expect(routineForRollback('{dir}/{name}.rollback.sql', 'db/shop/a.rollback.sql')).toBe('db/shop/a.sql')
    expect(routineForRollback('{dir}/{name}.rollback.sql', 'a.rollback.sql')).toBe('a.sql')
    expect(routineForRollback('{dir}/{name}.rollback.sql', 'db/a.sql')).toBeNull()
    expect(routineForRollback('rollback/{name}.sql', 'rollback/a.sql')).toBe('')
  })
})

describe('encoding: per target, per glob, inherited from defaults', () => {
  const ENC = config(`defaults:
  encoding: latin1
targets:
  - name: legacy
    paths: ["db/legacy/**"]
    db-id: 1
    encoding:
      - paths: ["db/legacy/tw/**"]
        encoding: big5
      - paths: ["db/legacy/**/*.sql"]
        encoding: GBK
  - name: shop
    paths: ["db/shop/**"]
    db-id: 2
  - name: fresh
    paths: ["db/fresh/**"]
    db-id: 3
    encoding: utf-8
`)
  const enc = configEncodingFor(ENC)
  test('the first matching entry of the target decides; a file no entry matches is UTF-8', () => {
    expect(enc('db/legacy/tw/a.sql')).toEqual({ kind: 'legacy', encoding: 'big5', label: 'big5', from: `${FILE}:9` })
    expect(enc('db/legacy/cn/a.sql')).toEqual({ kind: 'legacy', encoding: 'gbk', label: 'GBK', from: `${FILE}:11` })
    expect(enc('db/legacy/notes.txt')).toEqual({ kind: 'utf-8' })
  })
  test("a target without its own setting inherits the defaults'; utf-8 turns it off; other paths get the defaults", () => {
    const latin1 = { kind: 'legacy', encoding: 'windows-1252', label: 'latin1', from: `${FILE}:2` }
    expect(enc('db/shop/a.sql')).toEqual(latin1)
    expect(enc('db/fresh/a.sql')).toEqual({ kind: 'utf-8' })
    expect(enc('elsewhere/a.sql')).toEqual(latin1)
    expect(effectiveTargets(ENC, {}).map((t) => [t.name, t.encoding?.kind])).toEqual([['legacy', 'globs'], ['shop', 'all'], ['fresh', 'all']])
  })
  test('no config, or no encoding anywhere: strict UTF-8', () => {
    expect(configEncodingFor(null)('a.sql')).toEqual({ kind: 'utf-8' })
    expect(configEncodingFor(TWO)('db/shop/a.sql')).toEqual({ kind: 'utf-8' })
  })
})
