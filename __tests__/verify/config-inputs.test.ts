// Where verification is configured: `targets[].verify.schema` in the config file (validated with file and line like
// every key) and the `verify-database` Action input (its password masked before anything can print it).
import { describe, expect, jest, test } from '@jest/globals'
import { effectiveTargets, formatConfigError, parseConfig } from '../../src/config/index.js'

const secrets: string[] = []
// Only @actions/core's I/O is replaced (as in __tests__/action/inputs.test.ts): setSecret is observed.
jest.unstable_mockModule('@actions/core', () => ({
  getInput: () => '',
  setSecret: (s: string) => void secrets.push(s)
}))
const { getInputs } = await import('../../src/action/inputs.js')

const target = (verify: string): string => `targets:\n  - name: shop\n    paths: ["db/**"]\n    db-id: 1\n${verify}`

describe('config: targets[].verify.schema', () => {
  test('a valid path reaches the resolved target', () => {
    const r = parseConfig(target('    verify:\n      schema: db/schema.sql\n'))
    if (!r.ok) throw new Error(r.errors.map(formatConfigError).join('\n'))
    expect(effectiveTargets(r.config, {})[0]!.verify).toEqual({ schema: 'db/schema.sql' })
  })

  test.each([
    ['    verify:\n      schema: ../schema.sql\n', ".github/dms-proc-gate.yml:6: targets[0].verify.schema: must not contain '..' segments"],
    ['    verify:\n      schema: /abs/schema.sql\n', ".github/dms-proc-gate.yml:6: targets[0].verify.schema: must be relative to the repository root (no leading '/')"],
    ['    verify:\n      schema: db/\n', '.github/dms-proc-gate.yml:6: targets[0].verify.schema: must name a file, not a directory'],
    ['    verify: {}\n', '.github/dms-proc-gate.yml:5: targets[0].verify.schema: is required (a string)'],
    ['    verify:\n      schem: a.sql\n', ".github/dms-proc-gate.yml:6: targets[0].verify.schem: unknown key (did you mean 'schema'?)"],
    ['    verify: db/schema.sql\n', '.github/dms-proc-gate.yml:5: targets[0].verify: expected a mapping, got the string "db/schema.sql"']
  ])('%j → %s', (yaml, message) => {
    const r = parseConfig(target(yaml))
    if (r.ok) throw new Error('accepted')
    expect(r.errors.map(formatConfigError)).toContain(message)
  })

  test('not under defaults: each database has its own tables', () => {
    const r = parseConfig('defaults:\n  verify:\n    schema: a.sql\n')
    if (r.ok) throw new Error('accepted')
    expect(r.errors.map(formatConfigError)).toEqual(['.github/dms-proc-gate.yml:3: defaults.verify: set verify per target: each database has its own tables'])
  })
})

describe('input verify-database', () => {
  const inputs = (url: string) => getInputs((name) => ({ 'github-token': 'ghs_t', 'verify-database': url })[name] ?? '', {})

  test('parsed into Inputs.verifyDatabase; its password is masked first', () => {
    secrets.length = 0
    const i = inputs('mysql://ci:p%40ss@127.0.0.1:3306')
    expect(i.verifyDatabase?.endpoint).toEqual({ kind: 'tcp', host: '127.0.0.1', port: 3306 })
    expect(i.verifyDatabase?.password?.reveal()).toBe('p@ss')
    expect(secrets).toEqual(expect.arrayContaining(['p%40ss', 'p@ss']))
    expect(inputs('').verifyDatabase).toBeUndefined()
  })

  test('a bad URL names the input, never repeats the password, and the password was masked before', () => {
    secrets.length = 0
    let message = ''
    try {
      inputs('mysql://ci:Hunter-22@db:99/shop')
    } catch (e) {
      message = (e as Error).message
    }
    expect(message).toBe("Input 'verify-database' is invalid: must not name a database: verification creates and drops its own scratch schemas")
    expect(secrets).toContain('Hunter-22')
  })
})
