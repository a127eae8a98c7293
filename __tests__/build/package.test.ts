// The npm package (docs/releasing.md): `npx dms-proc-gate` works from the packed tarball alone, with no dependency
// installed, and package.json, LICENSE, CHANGELOG.md and engines agree with what the repository claims.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { builtAction } from '../e2e/helpers.js'

const ROOT = resolve('.')
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string
  version: string
  license: string
  private?: boolean
  bin: Record<string, string>
  files: string[]
  engines: { node: string }
  dependencies?: Record<string, string>
}

let dir: string
let files: string[]

beforeAll(() => {
  builtAction() // dist/ fresh (built under the lock when src/ is newer)
  dir = mkdtempSync(join(tmpdir(), 'dpg-pack-'))
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  const [info] = JSON.parse(out) as Array<{ filename: string; files: Array<{ path: string }> }>
  files = info!.files.map(f => f.path)
  execFileSync('tar', ['-xzf', join(dir, info!.filename), '-C', dir])
}, 600_000)

afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('the npm package', () => {
  test('is publishable: not private, a bin, a files list; the runtime libraries are declared though dist/ bundles them', () => {
    expect(pkg.private).toBeUndefined()
    expect(pkg.bin).toEqual({ 'dms-proc-gate': 'dist/cli.js' })
    expect(pkg.files).toEqual(expect.arrayContaining(['dist/', 'action.yml']))
    expect(Object.keys(pkg.dependencies ?? {})).toEqual(expect.arrayContaining(['@actions/core', '@actions/github', '@alicloud/openapi-client', '@alicloud/credentials']))
  })

  test('holds the bundles, action.yml, README, LICENSE and CHANGELOG, and no sources or tests', () => {
    for (const f of ['dist/cli.js', 'dist/cli/index.js', 'dist/index.js', 'dist/package.json', 'action.yml', 'README.md', 'LICENSE', 'CHANGELOG.md', 'package.json']) {
      expect(files).toContain(f)
    }
    expect(files.filter(f => /^(src|__tests__|bench|scripts)\//.test(f))).toEqual([])
  })

  test('the unpacked CLI runs with no node_modules anywhere above it', () => {
    const cli = join(dir, 'package', 'dist', 'cli.js')
    expect(existsSync(join(dir, 'package', 'node_modules'))).toBe(false)
    const out = execFileSync(process.execPath, [cli, 'plan', '--base', join(ROOT, 'examples/pr-1/base'), '--head', join(ROOT, 'examples/pr-1/head'), '--json'], { cwd: dir, encoding: 'utf8' })
    const plan = JSON.parse(out) as { objects: Array<{ name: string }>; errors: unknown[] }
    expect(plan.errors).toEqual([])
    expect(plan.objects.map(o => o.name)).toContain('archive_orders')
  })

  test('LICENSE is the MIT licence package.json names; CHANGELOG.md has a section for this version', () => {
    expect(pkg.license).toBe('MIT')
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/)
    expect(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8')).toContain(`## [${pkg.version}]`)
  })

  test('engines asks for what the bundled dependency tree needs (Node 22: content-type@3 under @octokit/request)', () => {
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { engines?: { node?: string } }> }
    expect(lock.packages['node_modules/content-type']?.engines?.node).toBe('>=22')
    expect(pkg.engines.node).toBe('>=22')
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    expect(readme).toContain('Node.js 22 or newer')
    expect(readme).not.toMatch(/Node\.js 20 or newer|Node 20\+/)
  })
})
