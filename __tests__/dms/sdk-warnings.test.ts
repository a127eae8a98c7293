// The SDK's url.parse() deprecation (DEP0169, printed by Node 24 on every DMS call) is dropped; other warnings are not.
import { describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

describe('silenceSdkUrlParseWarning', () => {
  test('drops DEP0169 in both emitWarning forms and lets every other warning through (in a fresh node process)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dpg-warn-'))
    try {
      const file = join(dir, 'warn.ts')
      writeFileSync(file, `
        import { silenceSdkUrlParseWarning } from ${JSON.stringify(resolve('src/dms/sdk-warnings.ts'))}
        silenceSdkUrlParseWarning()
        silenceSdkUrlParseWarning()
        process.emitWarning('url.parse() is deprecated', 'DeprecationWarning', 'DEP0169')
        process.emitWarning('url.parse() is deprecated', { type: 'DeprecationWarning', code: 'DEP0169' })
        process.emitWarning('something else', 'DeprecationWarning', 'DEP0005')
        process.emitWarning('an experimental thing', { type: 'ExperimentalWarning', code: 'X1' })
      `)
      const r = spawnSync(resolve('node_modules/.bin/tsx'), [file], { encoding: 'utf8' })
      expect(r.status).toBe(0)
      expect(r.stderr).not.toContain('DEP0169')
      expect(r.stderr).toContain('[DEP0005] DeprecationWarning: something else')
      expect(r.stderr).toContain('[X1] ExperimentalWarning: an experimental thing')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
