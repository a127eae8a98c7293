// The built dist/ (scripts/build.mjs; docs/architecture.md, "The bundle"): the Action's entry stays under 2.5 MB
// and readable, the DMS SDK is a chunk that runs without a DMS call never load, and the Action's and the CLI's
// chunks live in separate folders so their `<n>.index.js` names cannot collide.
import { afterEach, beforeAll, describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { BOT_LOGIN } from '../../src/testing/fake-github.js'
import type { Scenario } from '../../src/testing/run-action.js'
import { builtAction, CHANGE_ARCHIVE, scenario } from '../e2e/helpers.js'

/** Strings only the Alibaba Cloud SDK and our DMS client contain (V3 signing, the credentials chain). */
const DMS_SDK_MARKERS = ['ACS3-HMAC-SHA256', 'OIDCRoleArn']

let entry: string
let dist: string
let s: Scenario | undefined

beforeAll(() => {
  entry = builtAction() // a private copy of dist/, built if stale
  dist = dirname(entry)
}, 600_000)

afterEach(async () => {
  await s?.close()
  s = undefined
})

const chunksIn = (dir: string): string[] => readdirSync(dir).filter(f => /^\d+\.index\.js$/.test(f))

describe('dist/', () => {
  test('the Action bundle is under 2.5 MB and not minified (stack traces keep our function names and lines)', () => {
    const size = statSync(entry).size
    expect(size).toBeLessThan(2_500_000)
    const text = readFileSync(entry, 'utf8')
    const lines = text.split('\n')
    expect(lines.length).toBeGreaterThan(size / 200) // minified code has a few very long lines
    expect(text).toMatch(/async function runPullRequest\(/)
    expect(text).toMatch(/function getInputs\(/)
  })

  test('the DMS SDK is not in the Action bundle but in its chunks, next to it', () => {
    const text = readFileSync(entry, 'utf8')
    for (const m of DMS_SDK_MARKERS) expect(text).not.toContain(m)
    const chunks = chunksIn(dist)
    expect(chunks.length).toBeGreaterThan(0)
    const chunkText = chunks.map(f => readFileSync(join(dist, f), 'utf8')).join('\n')
    for (const m of DMS_SDK_MARKERS) expect(chunkText).toContain(m)
    // every chunk the entry asks for exists beside it
    const wanted = [...text.matchAll(/__nccwpck_require__\.e\((\d+)\)/g)].map(m => `${m[1]}.index.js`)
    expect(wanted.length).toBeGreaterThan(0)
    for (const f of wanted) expect(chunks).toContain(f)
  })

  test("a run that loads the DMS chunks writes nothing to stderr (the SDK's url.parse() warning is silenced on Node 24)", async () => {
    s = await scenario({ entry })
    s.openPull({ number: 1, changes: CHANGE_ARCHIVE })
    const run = await s.pullRequest('opened', 1)
    expect(run.exitCode).toBe(0)
    expect(run.outputs['state']).toBe('awaiting-approval')
    expect(run.stderr).toBe('')
  }, 120_000)

  test('the MySQL driver (verify-database) is never inlined into the Action bundle: it must stay behind import()', () => {
    // mysql2's error table; present in dist/index.js only if something imports mysql2 statically
    expect(readFileSync(entry, 'utf8')).not.toContain('ER_ACCESS_DENIED_ERROR')
  })

  test("the CLI's chunks are in dist/cli/, and dist/cli.js (package.json bin) runs the CLI", () => {
    const cliChunks = chunksIn(join(dist, 'cli'))
    expect(cliChunks.length).toBeGreaterThan(0)
    const cliText = readFileSync(join(dist, 'cli', 'index.js'), 'utf8')
    const wanted = [...cliText.matchAll(/__nccwpck_require__\.e\((\d+)\)/g)].map(m => `${m[1]}.index.js`)
    for (const f of new Set(wanted)) expect(cliChunks).toContain(f)
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string> }
    expect(pkg.bin['dms-proc-gate']).toBe('dist/cli.js')
    const out = execFileSync(process.execPath, [join(dist, 'cli.js'), 'plan', '--base', 'examples/pr-1/base', '--head', 'examples/pr-1/head', '--json'], { encoding: 'utf8' })
    expect((JSON.parse(out) as { objects: unknown[] }).objects.length).toBeGreaterThan(0)
  })
})

describe('runs that make no DMS call never load the DMS chunks', () => {
  /** The same dist/ without the Action's chunks: any attempt to load one fails the run. */
  function withoutChunks(): string {
    for (const f of chunksIn(dist)) rmSync(join(dist, f))
    return entry
  }

  afterEach(() => {
    // restore the private copy for other tests of this file
    rmSync(dist, { recursive: true, force: true })
  })

  test('a PR without routine changes and a fork PR both finish without the chunks', async () => {
    withoutChunks()
    s = await scenario({ entry })
    s.openPull({ number: 1, changes: { 'README.md': '# shop-db\n\nNow with docs.\n' } })
    const noChange = await s.pullRequest('opened', 1)
    expect(noChange.stderr).toBe('')
    expect(noChange.exitCode).toBe(0)
    expect(noChange.outputs['state']).toBe('no-changes')

    s.github.addToken('ghs_forkReadOnly', { login: BOT_LOGIN, access: 'read' })
    s.openPull({ number: 2, changes: CHANGE_ARCHIVE, user: 'outsider', fork: true })
    const fork = await s.pullRequest('opened', 2, { token: 'ghs_forkReadOnly', inputs: { 'access-key-id': '', 'access-key-secret': '' } })
    expect(fork.exitCode).toBe(0)
    expect(fork.outputs['state']).toBe('awaiting-maintainer')

    // and a run that needs DMS fails loudly instead of passing
    s.openPull({ number: 3, changes: CHANGE_ARCHIVE })
    const needsDms = await s.pullRequest('opened', 3)
    expect(needsDms.exitCode).not.toBe(0)
    expect(needsDms.outputs['state']).toBe('error')
    expect(needsDms.stdout).toMatch(/::error::.*index\.js/)
  }, 180_000)
})
