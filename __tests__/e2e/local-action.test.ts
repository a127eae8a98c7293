// `npm run local` (scripts/local-action.ts, docs/development.md): the Action's TypeScript source under
// @github/local-action against the DMS emulator and the fake GitHub API — a pull_request run that opens a ticket,
// then a schedule run after the DBA's approval that turns the check green.
import { describe, expect, test } from '@jest/globals'
import { spawn } from 'node:child_process'
import { join, resolve } from 'node:path'

const ROOT = resolve('.')

function run(cmd: string, args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (out += d.toString()))
    child.on('error', reject)
    child.on('close', code => resolvePromise({ code: code ?? -1, out }))
  })
}

describe('npm run local', () => {
  test('runs src/action/main.ts under @github/local-action: ticket opened, approved in the emulator, check green', async () => {
    const { code, out } = await run(join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/local-action.ts'])
    expect({ code, tail: code === 0 ? '' : out.slice(-3000) }).toEqual({ code: 0, tail: '' })
    // local-action's own banner and its stubbed @actions/core ran our entry point
    expect(out).toContain('Running Action')
    expect(out).toContain('Entrypoint')
    expect(out).toMatch(/dms-proc-gate: pull_request → pull-request/)
    expect(out).toMatch(/::set-output name=state::awaiting-approval/)
    expect(out).toMatch(/check "DMS approval" on [0-9a-f]{7}: in_progress — Awaiting DBA approval/)
    expect(out).toMatch(/dms-proc-gate: schedule → refresh/)
    expect(out).toMatch(/check "DMS approval" on [0-9a-f]{7}: completed \/ success — Approved in DMS/)
  }, 300_000)
})
