// `node dist/cli.js validate-config`: exit 0 valid (summary), 1 invalid (file:line errors), 2 usage.
import { beforeAll, describe, expect, test } from '@jest/globals'
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT, runCli } from '../perm/helpers.js'

let dir: string

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dpg-validate-'))
}, 600_000)

function write(name: string, text: string): string {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

describe('validate-config', () => {
  test('the two-database example is valid: exit 0 and a summary of its targets', async () => {
    const r = await runCli(['validate-config', '--config', 'examples/two-databases/.github/dms-proc-gate.yml'])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^examples\/two-databases\/\.github\/dms-proc-gate\.yml: valid — 2 targets, 1 perm order, 1 template\n/)
    expect(r.stdout).toContain('  shop (line ')
    expect(r.stdout).toContain('  billing (line ')
  })

  test('the default path is .github/dms-proc-gate.yml in the working directory', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'dpg-repo-'))
    mkdirSync(join(repo, '.github'))
    writeFileSync(join(repo, '.github', 'dms-proc-gate.yml'), 'targets:\n  - name: a\n    paths: ["db/**"]\n    db-id: 7\n')
    const r = await runCli(['validate-config'], {}, repo)
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('.github/dms-proc-gate.yml: valid — 1 target, 0 perm orders, 0 templates')
    expect(r.stdout).toContain('  a (line 2): db-id 7')
  })

  test('invalid: exit 1, every error with file and line on stderr', async () => {
    const file = write('bad.yml', 'defaults:\n  exec_mode: AUTO\ntargets:\n  - name: a\n    paths: ["db/[x"]\n    db-id: 1\n    exec-mode: FAST\n')
    const r = await runCli(['validate-config', '--config', file])
    expect(r.status).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr.split('\n')).toEqual([
      `${file}:2: defaults.exec_mode: unknown key (did you mean 'exec-mode'?)`,
      expect.stringMatching(new RegExp(`^${file.replace(/[.]/g, '\\.')}:5: targets\\[0\\]\\.paths\\[0\\]: is not a valid glob: `)),
      `${file}:7: targets[0].exec-mode: must be one of COMMITOR, AUTO, LAST_AUDITOR (got the string "FAST")`,
      `${file}: invalid (3 errors)`,
      ''
    ])
  })

  test('--json reports validity, errors and targets', async () => {
    const bad = await runCli(['validate-config', '--config', write('bad2.yml', 'targets: 3\n'), '--json'])
    expect(bad.status).toBe(1)
    expect(JSON.parse(bad.stdout)).toMatchObject({ valid: false, errors: [{ line: 1, path: 'targets', message: 'expected a list, got the integer 3' }] })
    const good = await runCli(['validate-config', '--config', join(ROOT, 'examples/two-databases/.github/dms-proc-gate.yml'), '--json'])
    expect(good.status).toBe(0)
    const json = JSON.parse(good.stdout)
    expect(json.valid).toBe(true)
    expect(json.targets.map((t: { name: string }) => t.name)).toEqual(['shop', 'billing'])
  })

  test('--path checks the mapping: unmapped and doubly mapped files fail', async () => {
    const file = write('overlap.yml', 'targets:\n  - name: all\n    paths: ["db/**"]\n    db-id: 1\n  - name: shop\n    paths: ["db/shop/**"]\n    db-id: 2\n')
    const r = await runCli(['validate-config', '--config', file, '--path', 'db/shop/a.sql', '--path', 'lib/x.sql', '--path', 'db/b.sql'])
    expect(r.status).toBe(1)
    expect(r.stderr).toContain(`db/shop/a.sql:1: mapped by 2 targets: 'all' (line 2) and 'shop' (line 5) in ${file}`)
    expect(r.stderr).toContain(`lib/x.sql:1: no target in ${file} maps this file`)
    expect(r.stdout).toContain('  db/b.sql → all')
  })

  test('a missing file is invalid (1); bad flags are usage errors (2)', async () => {
    const missing = await runCli(['validate-config', '--config', join(dir, 'nope.yml')])
    expect(missing.status).toBe(1)
    expect(missing.stderr).toContain('nope.yml:1: config file not found')
    expect((await runCli(['validate-config', '--bogus'])).status).toBe(2)
    expect((await runCli(['validate-config', 'extra'])).status).toBe(2)
    expect((await runCli(['validate-config', '--config'])).status).toBe(2)
  })
})
