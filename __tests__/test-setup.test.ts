// The test run's own setup: the build lock works where flock(1) is missing (macOS), and every test writes its
// temporary files under the run's private temp root, which globalTeardown removes.
import { describe, expect, test } from '@jest/globals'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { underBuildLock } from './helpers/global-setup.js'

describe('build lock', () => {
  const run = (path: string): string => {
    const dir = mkdtempSync(join(tmpdir(), 'dpg-lock-'))
    try {
      underBuildLock(`if command -v flock >/dev/null && ! flock -n /tmp/dpg-build.lock true; then echo held; else echo unlocked; fi > "${dir}/out"`, { path })
      return readFileSync(join(dir, 'out'), 'utf8').trim()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  test('without flock on PATH the script still runs (no lock, no crash)', () => {
    expect(run('/nonexistent/bin')).toBe('unlocked')
  })
  // (where this machine has flock: Linux)
  ;(existsSync('/usr/bin/flock') ? test : test.skip)('with flock the script runs holding /tmp/dpg-build.lock', () => {
    expect(run('/usr/bin:/bin')).toBe('held')
  })
})

describe('temporary files', () => {
  test("this worker's temp directory is the run's private root", () => {
    expect(process.env.DPG_TEST_TMPDIR).toMatch(/\/dpg-test-run-[^/]+$/)
    expect(tmpdir()).toBe(process.env.DPG_TEST_TMPDIR)
  })
})
