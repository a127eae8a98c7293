// `node dist/cli.js template create|apply` against the emulator: TemplateId, idempotent apply, errors explained.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RunningEmulator } from '../src/emulator/index.js'
import { dbaEnv, control, emulator, runCli } from './perm/helpers.js'

let emu: RunningEmulator
const USER = { ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAI5tTemplateUser01', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'template-user-secret' }

beforeAll(async () => {
  emu = await emulator()
  await control(emu, '/__emulator/access-keys', { id: USER.ALIBABA_CLOUD_ACCESS_KEY_ID, secret: USER.ALIBABA_CLOUD_ACCESS_KEY_SECRET, role: 'user', userId: 3002 })
}, 600_000)
afterAll(async () => {
  await emu?.close()
})

describe('template create', () => {
  test('prints the TemplateId; the same name again is explained as a duplicate (exit 1)', async () => {
    const r = await runCli(['template', 'create', '--name', 'Analysts', '--description', 'SELECT on shop', '--endpoint', emu.url], dbaEnv())
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^\d+\n$/)
    const id = Number(r.stdout.trim())
    expect(emu.state.data().templates.find((t) => t.name === 'Analysts')?.id).toBe(id)
    expect(r.stderr).toBe(`created authority template 'Analysts' (TemplateId ${id})\n`)

    const dup = await runCli(['template', 'create', '--name', 'Analysts', '--endpoint', emu.url], dbaEnv())
    expect(dup.status).toBe(1)
    expect(dup.stdout).toBe('')
    expect(dup.stderr).toBe(`dms-proc-gate template create: a template named 'Analysts' already exists in DMS (TemplateId ${id}); pick another name, or use \`template apply\` to treat existing names as done\n`)
  })

  test("a 'user' role key is told only DBAs and admins may create templates", async () => {
    const r = await runCli(['template', 'create', '--name', 'Mine', '--endpoint', emu.url, '--json'], USER)
    expect(r.status).toBe(1)
    expect(JSON.parse(r.stdout)).toMatchObject({ name: 'Mine', result: 'not-allowed' })
    expect(r.stderr).toMatch(/refused +Mine: your DMS account is not a DBA or DMS administrator; only they can list and create authority templates/)
    expect(r.stdout + r.stderr).not.toContain(USER.ALIBABA_CLOUD_ACCESS_KEY_SECRET)
  })

  test('names are validated before any call (exit 2, no request sent)', async () => {
    const before = emu.state.stats().total
    for (const [name, message] of [
      ['', '--name must not be empty'],
      ['a/b', "--name contains '/'"],
      ['x'.repeat(65), '--name must be at most 64 characters']
    ] as const) {
      const r = await runCli(['template', 'create', '--name', name, '--endpoint', emu.url], dbaEnv())
      expect(r.status).toBe(2)
      expect(r.stderr).toContain(message)
    }
    expect(emu.state.stats().total).toBe(before)
    expect((await runCli(['template', 'create', '--endpoint', emu.url], dbaEnv())).status).toBe(2)
    expect((await runCli(['template', 'nope'], dbaEnv())).status).toBe(2)
    expect((await runCli(['template', 'create', '--name', 'x', '--config', 'y'], dbaEnv())).status).toBe(2)
  })
})

describe('template apply', () => {
  test('creates the missing templates once; a second run reports them as existing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dpg-templates-'))
    const file = join(dir, 'gate.yml')
    writeFileSync(file, 'templates:\n  - name: Analysts\n  - name: Ops readers\n    description: read-only ops\n  - name: Finance\n')
    const first = await runCli(['template', 'apply', '--config', file, '--endpoint', emu.url], dbaEnv())
    expect(first.status).toBe(0)
    const lines = first.stdout.split('\n')
    expect(lines[0]).toMatch(/^exists   Analysts: already in DMS \(TemplateId \d+\), not created again$/)
    expect(lines[1]).toMatch(/^created  Ops readers: TemplateId \d+$/)
    expect(lines[2]).toMatch(/^created  Finance: TemplateId \d+$/)
    expect(lines[3]).toBe('2 created, 1 already existed, 0 not done')
    const count = emu.state.data().templates.length

    const second = await runCli(['template', 'apply', '--config', file, '--endpoint', emu.url, '--json'], dbaEnv())
    expect(second.status).toBe(0)
    expect(JSON.parse(second.stdout).templates.map((t: { result: string }) => t.result)).toEqual(['exists', 'exists', 'exists'])
    expect(emu.state.data().templates.length).toBe(count)
  })

  test('a non-admin key: first refused with the reason, the rest skipped, exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dpg-templates-'))
    const file = join(dir, 'gate.yml')
    writeFileSync(file, 'templates:\n  - name: New one\n  - name: New two\n')
    const r = await runCli(['template', 'apply', '--config', file, '--endpoint', emu.url], USER)
    expect(r.status).toBe(1)
    expect(r.stdout).toMatch(/^refused  New one: your DMS account is not a DBA or DMS administrator/)
    expect(r.stdout).toContain('skipped  New two: not attempted')
  })

  test('an invalid config is reported with file:line and exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dpg-templates-'))
    const file = join(dir, 'gate.yml')
    writeFileSync(file, 'templates:\n  - name: ok\n  - nam: typo\n')
    const r = await runCli(['template', 'apply', '--config', file, '--endpoint', emu.url], dbaEnv())
    expect(r.status).toBe(1)
    expect(r.stderr).toContain(`${file}:3: templates[1].nam: unknown key (did you mean 'name'?)`)
  })
})
