import { describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'

describe('cli', () => {
  test('unknown command is a usage error (exit 2)', () => {
    let status = 0
    try { execFileSync('node', ['dist/cli.js', 'nope'], { stdio: 'pipe' }) } catch (e) { status = (e as { status: number }).status }
    expect(status).toBe(2)
  })
})
