// CLI conventions: --help on every command and subcommand (stdout, exit 0, with the exit codes), --version,
// and usage errors on stderr with exit 2 (docs/cli.md).
import { describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
// jest's globalSetup rebuilds dist/ when src/ is newer.
const CLI = join(ROOT, 'dist', 'cli.js')
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version

function cli(...args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 })
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }
}

describe('--help', () => {
  test.each([
    [['plan'], 'usage: dms-proc-gate plan '],
    [['emulator'], 'usage: dms-proc-gate emulator '],
    [['status'], 'usage: dms-proc-gate status '],
    [['template'], 'usage: dms-proc-gate template create '],
    [['template', 'create'], 'usage: dms-proc-gate template create '],
    [['template', 'apply'], 'usage: dms-proc-gate template create '],
    [['validate-config'], 'usage: dms-proc-gate validate-config ']
  ])('%j --help prints its usage with the exit codes on stdout, exit 0', (command, start) => {
    for (const flag of ['--help', '-h']) {
      const r = cli(...command, flag)
      expect(r).toMatchObject({ status: 0, stderr: '' })
      expect(r.stdout.startsWith(start)).toBe(true)
      expect(r.stdout).toMatch(/\nexit status: 0 [^\n]+, 2 usage error\n/)
    }
  })

  test('dms-proc-gate --help lists the commands and the exit codes; help <command> is <command> --help', () => {
    const r = cli('--help')
    expect(r).toMatchObject({ status: 0, stderr: '' })
    expect(r.stdout).toContain('  plan             plan the routine changes between two trees (JSON with --json)\n')
    expect(r.stdout).toContain('exit status (every command):\n  0  done: no plan errors, ticket shown, config valid, templates created or present, emulator stopped\n' +
      '  1  the command ran and found a problem: plan errors, an invalid config, a DMS refusal or error\n' +
      '  2  usage error: unknown or missing option, missing directory or git ref; nothing was done\n')
    expect(cli('help', 'plan').stdout).toBe(cli('plan', '--help').stdout)
  })
})

describe('--version and usage errors', () => {
  test('--version prints the package version', () => {
    for (const flag of ['--version', '-V']) expect(cli(flag)).toEqual({ status: 0, stdout: `dms-proc-gate ${VERSION}\n`, stderr: '' })
  })
  test('no command, or an unknown one: usage on stderr, exit 2', () => {
    const none = cli()
    expect(none).toMatchObject({ status: 2, stdout: '' })
    expect(none.stderr.startsWith('usage: dms-proc-gate <command> [options]\n')).toBe(true)
    const unknown = cli('nope')
    expect(unknown).toMatchObject({ status: 2, stdout: '' })
    expect(unknown.stderr.startsWith("dms-proc-gate: unknown command 'nope'\n\nusage: dms-proc-gate <command>")).toBe(true)
  })
})
