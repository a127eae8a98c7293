import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { readChangedSources, selectPaths, LIST_FILES_CAP } from '../../src/sources/changed-files.js'
import type { GitHubApi } from '../../src/github/octokit.js'
import type { FakeGitHub } from '../../src/testing/fake-github.js'
import { FULL, REPO, setup, sha } from '../github/helpers.js'

const BIG = '-- big\n' + 'SELECT 1;\n'.repeat(120_000) // ~1.2 MB: over the contents API's inline limit

const BASE_FILES: Record<string, string> = {
  'db/routines/orders.sql': 'CREATE PROCEDURE orders() BEGIN SELECT 1; END',
  'db/routines/orders.rollback.sql': '-- reviewer rollback v1',
  'db/routines/old_name.sql': 'CREATE PROCEDURE moved() BEGIN SELECT 2; END',
  'db/routines/gone.sql': 'CREATE FUNCTION gone() RETURNS INT RETURN 1',
  'db/routines/big.sql': BIG,
  'README.md': 'readme',
  'src/app.ts': 'x'
}
const HEAD_CHANGES: Record<string, string | null> = {
  'db/routines/orders.sql': 'CREATE PROCEDURE orders() BEGIN SELECT 42; END', // modified; its rollback sibling is unchanged
  'db/routines/old_name.sql': null, // renamed (same content) …
  'db/routines/new_name.sql': 'CREATE PROCEDURE moved() BEGIN SELECT 2; END', // … to here
  'db/routines/gone.sql': null, // removed
  'db/routines/added.sql': 'CREATE VIEW v AS SELECT 1',
  'db/routines/added.rollback.sql': 'DROP VIEW IF EXISTS v',
  'db/routines/big.sql': BIG + 'SELECT 2;\n',
  'README.md': 'readme 2',
  'docs/notes.txt': 'not sql'
}
for (let i = 0; i < 230; i++) HEAD_CHANGES[`src/generated/f${String(i).padStart(3, '0')}.ts`] = `export const x${i} = ${i}`

function applyChanges(base: Record<string, string>, changes: Record<string, string | null>): Record<string, string> {
  const out = { ...base }
  for (const [p, c] of Object.entries(changes)) if (c === null) delete out[p]
  else out[p] = c
  return out
}
const HEAD_FILES = applyChanges(BASE_FILES, HEAD_CHANGES)

const EXPECTED_READ = [
  'db/routines/added.rollback.sql',
  'db/routines/added.sql',
  'db/routines/big.rollback.sql',
  'db/routines/big.sql',
  'db/routines/gone.rollback.sql',
  'db/routines/gone.sql',
  'db/routines/new_name.rollback.sql',
  'db/routines/new_name.sql',
  'db/routines/old_name.rollback.sql',
  'db/routines/old_name.sql',
  'db/routines/orders.rollback.sql',
  'db/routines/orders.sql'
]
const pick = (files: Record<string, string>) =>
  Object.fromEntries(Object.entries(files).filter(([p]) => EXPECTED_READ.includes(p)).sort(([a], [b]) => (a < b ? -1 : 1)))

let gh: FakeGitHub
let api: GitHubApi
let tmp: string
let baseSha: string
let headSha: string

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim()
}

function writeTree(dir: string, files: Record<string, string>): void {
  for (const [p, c] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true })
    writeFileSync(join(dir, p), c)
  }
}

beforeAll(async () => {
  ;({ gh, api } = await setup())
  // a real git history, so the fake's shas and the checkout's shas are the same commits
  tmp = mkdtempSync(join(tmpdir(), 'dpg-changed-'))
  const src = join(tmp, 'src')
  mkdirSync(src)
  git(src, 'init', '-q')
  writeTree(src, BASE_FILES)
  git(src, 'add', '-A')
  git(src, 'commit', '-q', '-m', 'base')
  baseSha = git(src, 'rev-parse', 'HEAD')
  git(src, 'rm', '-q', 'db/routines/gone.sql')
  git(src, 'mv', 'db/routines/old_name.sql', 'db/routines/new_name.sql')
  writeTree(src, Object.fromEntries(Object.entries(HEAD_CHANGES).filter(([, c]) => c !== null)) as Record<string, string>)
  git(src, 'add', '-A')
  git(src, 'commit', '-q', '-m', 'head')
  headSha = git(src, 'rev-parse', 'HEAD')
  git(tmp, 'clone', '-q', '--bare', src, join(tmp, 'origin.git'))
  git(join(tmp, 'origin.git'), 'config', 'uploadpack.allowAnySHA1InWant', 'true')

  gh.addCommit(FULL, baseSha, BASE_FILES)
  gh.addCommit(FULL, headSha, HEAD_FILES)
  gh.addPull(FULL, { number: 12, baseSha, headSha })
})
afterAll(async () => {
  await gh.close()
  rmSync(tmp, { recursive: true, force: true })
})

/** A checkout like actions/checkout's: only the head commit, depth 1, origin reachable. */
function shallowWorkspace(name: string): string {
  const ws = join(tmp, name)
  mkdirSync(ws)
  git(ws, 'init', '-q')
  git(ws, 'remote', 'add', 'origin', `file://${join(tmp, 'origin.git')}`)
  git(ws, 'fetch', '-q', '--depth=1', 'origin', headSha)
  git(ws, 'checkout', '-q', 'FETCH_HEAD')
  return ws
}

describe('readChangedSources from the API', () => {
  test('pages listFiles, reads both names of a rename, removed/added files, siblings and >1 MB files', async () => {
    gh.resetCounters()
    const r = await readChangedSources({ octokit: api.octokit, repo: REPO, pullNumber: 12, baseSha, headSha, include: ['db/**/*.sql'] })
    expect(r.contentSource).toBe('api')
    expect(r.complete).toBe(true)
    expect(r.totalChangedFiles).toBe(238)
    expect(r.changedPaths).toEqual([
      'db/routines/added.rollback.sql',
      'db/routines/added.sql',
      'db/routines/big.sql',
      'db/routines/gone.sql',
      'db/routines/new_name.sql',
      'db/routines/old_name.sql',
      'db/routines/orders.sql'
    ])
    expect(r.readPaths).toEqual(EXPECTED_READ)
    expect(Object.fromEntries(r.base)).toEqual(pick(BASE_FILES))
    expect(Object.fromEntries(r.head)).toEqual(pick(HEAD_FILES))
    expect(r.head.get('db/routines/big.sql')).toBe(BIG + 'SELECT 2;\n')
    expect(r.base.get('db/routines/big.sql')).toBe(BIG)
    // 3 listFiles pages (238 files, 100 a page), 2 trees, one call per distinct blob: the unchanged rollback
    // sibling is read once for both sides and absent siblings cost nothing
    const distinctBlobs = new Set([...Object.values(pick(BASE_FILES)), ...Object.values(pick(HEAD_FILES))]).size
    expect(gh.counters().byRoute).toEqual({
      'GET /repos/{owner}/{repo}/pulls/{pull_number}/files': 3,
      'GET /repos/{owner}/{repo}/git/trees/{tree_sha}': 2,
      'GET /repos/{owner}/{repo}/git/blobs/{file_sha}': distinctBlobs
    })
    expect(distinctBlobs).toBe(9) // 12 paths × 2 sides, but moved and unchanged files share blobs
    expect(gh.counters().writes).toBe(0)
  })

  test('a repository too large for a recursive tree: getContent per path, >1 MB through the blob API', async () => {
    gh.state.truncateTrees = true
    try {
      gh.resetCounters()
      const logs: string[] = []
      const r = await readChangedSources({ octokit: api.octokit, repo: REPO, pullNumber: 12, baseSha, headSha, include: ['db/**/*.sql'], log: m => logs.push(m) })
      expect(logs[0]).toMatch(/tree was truncated/)
      expect(Object.fromEntries(r.base)).toEqual(pick(BASE_FILES))
      expect(Object.fromEntries(r.head)).toEqual(pick(HEAD_FILES))
      const byRoute = gh.counters().byRoute
      expect(byRoute['GET /repos/{owner}/{repo}/contents/{path}']).toBeGreaterThan(0)
      expect(gh.calls.some(c => c.route === 'GET /repos/{owner}/{repo}/contents/{path}' && c.status === 404)).toBe(true) // absent siblings
      expect(byRoute['GET /repos/{owner}/{repo}/git/blobs/{file_sha}']).toBeGreaterThanOrEqual(1)
    } finally {
      gh.state.truncateTrees = false
    }
  })

  test('many files: two tarballs instead of a blob each; tarball entries that differ from the tree are re-read', async () => {
    const deep = 'db/' + 'very-long-directory-name/'.repeat(6) + 'routine.sql' // > 100 bytes: a pax path record
    const baseFiles: Record<string, string> = { [deep]: 'deep v1', 'db/ignored.sql': 'export-ignored v1' }
    const changes: Record<string, string | null> = { [deep]: 'deep v2 审批😀', 'db/ignored.sql': 'export-ignored v2' }
    for (let i = 0; i < 30; i++) {
      baseFiles[`db/r${i}.sql`] = `v1 ${i}`
      changes[`db/r${i}.sql`] = `v2 ${i}`
    }
    gh.addCommit(FULL, sha('d0'), baseFiles)
    gh.addCommit(FULL, sha('d1'), changes, sha('d0'))
    gh.addPull(FULL, { number: 14, baseSha: sha('d0'), headSha: sha('d1') })
    gh.state.tarballOverrides.set('db/ignored.sql', null) // export-ignore
    gh.state.tarballOverrides.set('db/r3.sql', 'substituted $Format:%H$') // export-subst
    try {
      gh.resetCounters()
      const logs: string[] = []
      const r = await readChangedSources({ octokit: api.octokit, repo: REPO, pullNumber: 14, baseSha: sha('d0'), headSha: sha('d1'), include: ['**/*.sql'], log: m => logs.push(m) })
      expect(logs).toContain('GitHub: 64 files to read; using the base and head tarballs')
      expect(r.head.get(deep)).toBe('deep v2 审批😀')
      expect(r.base.get(deep)).toBe('deep v1')
      expect(r.head.get('db/ignored.sql')).toBe('export-ignored v2')
      expect(r.base.get('db/r3.sql')).toBe('v1 3')
      expect(r.head.get('db/r29.sql')).toBe('v2 29')
      expect(r.head.size).toBe(32)
      expect(gh.counters().byRoute).toEqual({
        'GET /repos/{owner}/{repo}/pulls/{pull_number}/files': 1,
        'GET /repos/{owner}/{repo}/git/trees/{tree_sha}': 2,
        'GET /repos/{owner}/{repo}/tarball/{ref}': 2,
        'GET /repos/{owner}/{repo}/git/blobs/{file_sha}': 4 // ignored.sql and r3.sql, both sides
      })
    } finally {
      gh.state.tarballOverrides.clear()
    }
  })

  test('a PR with more files than listFiles returns is marked incomplete', async () => {
    const many: Record<string, string> = {}
    for (let i = 0; i < LIST_FILES_CAP + 5; i++) many[`f/${i}.txt`] = String(i)
    gh.addCommit(FULL, sha('c0'), { 'a.sql': 'x' })
    gh.addCommit(FULL, sha('c1'), { ...many, 'a.sql': 'y' }, sha('c0'))
    gh.addPull(FULL, { number: 13, baseSha: sha('c0'), headSha: sha('c1') })
    gh.resetCounters()
    const r = await readChangedSources({ octokit: api.octokit, repo: REPO, pullNumber: 13, baseSha: sha('c0'), headSha: sha('c1'), include: ['**/*.sql'] })
    expect(r.complete).toBe(false)
    expect(r.totalChangedFiles).toBe(LIST_FILES_CAP + 6)
    expect(r.notes[0]).toMatch(/changes 3006 files; GitHub lists only the first 3000/)
    expect(gh.counters().byRoute['GET /repos/{owner}/{repo}/pulls/{pull_number}/files']).toBe(30)
  })

  test('no matching files: no content calls at all', async () => {
    gh.resetCounters()
    const r = await readChangedSources({ octokit: api.octokit, repo: REPO, pullNumber: 12, baseSha, headSha, include: ['migrations/**/*.sql'] })
    expect(r.base.size + r.head.size).toBe(0)
    expect(Object.keys(gh.counters().byRoute)).toEqual(['GET /repos/{owner}/{repo}/pulls/{pull_number}/files'])
  })
})

describe('readChangedSources from the checkout', () => {
  test('a depth-1 checkout fetches the base commit and gives the same trees with no content API calls', async () => {
    const ws = shallowWorkspace('ws1')
    expect(() => git(ws, 'cat-file', '-e', `${baseSha}^{commit}`)).toThrow() // really missing first
    gh.resetCounters()
    const logs: string[] = []
    const r = await readChangedSources({ octokit: api.octokit, repo: REPO, pullNumber: 12, baseSha, headSha, include: ['db/**/*.sql'], workspace: ws, log: m => logs.push(m) })
    expect(r.contentSource).toBe('git')
    expect(logs.join('\n')).toContain(`fetching missing commit ${baseSha}`)
    expect(Object.fromEntries(r.base)).toEqual(pick(BASE_FILES))
    expect(Object.fromEntries(r.head)).toEqual(pick(HEAD_FILES))
    expect(Object.keys(gh.counters().byRoute)).toEqual(['GET /repos/{owner}/{repo}/pulls/{pull_number}/files'])
  })

  test('a workspace that is not a checkout (or cannot fetch) falls back to the API', async () => {
    const notGit = join(tmp, 'plain')
    mkdirSync(notGit)
    const r1 = await readChangedSources({ octokit: api.octokit, repo: REPO, pullNumber: 12, baseSha, headSha, include: ['db/**/*.sql'], workspace: notGit })
    expect(r1.contentSource).toBe('api')
    const ws = shallowWorkspace('ws2')
    const r2 = await readChangedSources({ octokit: api.octokit, repo: REPO, pullNumber: 12, baseSha, headSha, include: ['db/**/*.sql'], workspace: ws, fetchMissing: false })
    expect(r2.contentSource).toBe('api')
    expect(Object.fromEntries(r2.base)).toEqual(pick(BASE_FILES))
  })
})

describe('selectPaths', () => {
  test('a rename into or out of the include set keeps both names; rollback files pull in their routine', () => {
    const sel = selectPaths(
      [
        { path: 'db/a.sql', status: 'renamed', previousPath: 'legacy/a.txt' },
        { path: 'tmp/b.bak', status: 'renamed', previousPath: 'db/b.sql' },
        { path: 'db/c.rollback.sql', status: 'modified' },
        { path: 'other/d.sql', status: 'added' }
      ],
      ['db/**/*.sql'],
      [],
      '{dir}/{name}.rollback.sql'
    )
    expect(sel.changed).toEqual(['db/a.sql', 'db/b.sql', 'db/c.rollback.sql', 'legacy/a.txt', 'tmp/b.bak'])
    expect(sel.read).toEqual(['db/a.rollback.sql', 'db/a.sql', 'db/b.rollback.sql', 'db/b.sql', 'db/c.rollback.sql', 'db/c.sql', 'legacy/a.txt', 'tmp/b.bak'])
  })

  test('exclude globs win over include', () => {
    const sel = selectPaths([{ path: 'db/x.sql', status: 'added' }, { path: 'db/skip/y.sql', status: 'added' }], ['**/*.sql'], ['db/skip/**'])
    expect(sel.changed).toEqual(['db/x.sql'])
  })
})
