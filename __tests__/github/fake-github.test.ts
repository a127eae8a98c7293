// The fake must behave like GitHub where our code depends on it, or the other tests prove nothing.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { spawn } from 'node:child_process'
import type { GitHubApi } from '../../src/github/octokit.js'
import { CONTENT_INLINE_LIMIT, DEFAULT_TOKEN, gitBlobSha, type FakeGitHub } from '../../src/testing/fake-github.js'
import { FULL, REPO, setup, sha } from './helpers.js'

let gh: FakeGitHub
let api: GitHubApi
const big = 'x'.repeat(CONTENT_INLINE_LIMIT + 1)

beforeAll(async () => {
  ;({ gh, api } = await setup())
  gh.addCommit(FULL, sha(1), { 'a.sql': 'a', 'big.sql': big })
  gh.addCommit(FULL, sha(2), { 'a.sql': 'b' }, sha(1))
  gh.addPull(FULL, { number: 5, baseSha: sha(1), headSha: sha(2) })
})
afterAll(() => gh.close())

const raw = (path: string, init?: RequestInit) => fetch(`${gh.url}${path}`, { ...init, headers: { authorization: `token ${DEFAULT_TOKEN}`, ...(init?.headers ?? {}) } })

describe('fake GitHub', () => {
  test('pagination: per_page is capped at 100 and Link headers carry next/last', async () => {
    for (let i = 0; i < 250; i++) gh.repo(FULL).comments.push({ id: 50000 + i, issueNumber: 5, body: String(i), user: 'u', createdAt: '', updatedAt: '' })
    const r = await raw('/repos/acme/shop/issues/5/comments?per_page=500')
    expect(((await r.json()) as unknown[]).length).toBe(100)
    const link = r.headers.get('link')!
    expect(link).toContain(`<${gh.url}/repos/acme/shop/issues/5/comments?per_page=100&page=2>; rel="next"`)
    expect(link).toContain('page=3>; rel="last"')
    const r3 = await raw('/repos/acme/shop/issues/5/comments?per_page=100&page=3')
    expect(((await r3.json()) as unknown[]).length).toBe(50)
    expect(r3.headers.get('link')).toContain('rel="prev"')
    gh.repo(FULL).comments.length = 0
  })

  test('contents over 1 MB: content "" and encoding "none"; the blob API has it; raw media type works', async () => {
    const { data } = await api.octokit.rest.repos.getContent({ ...REPO, path: 'big.sql', ref: sha(1) })
    expect(data).toMatchObject({ encoding: 'none', content: '', size: big.length, sha: gitBlobSha(big) })
    const blob = await api.octokit.rest.git.getBlob({ ...REPO, file_sha: gitBlobSha(big) })
    expect(Buffer.from(blob.data.content, 'base64').toString()).toBe(big)
    const r = await raw(`/repos/acme/shop/contents/a.sql?ref=${sha(2)}`, { headers: { accept: 'application/vnd.github.raw+json' } })
    expect(await r.text()).toBe('b')
    await expect(api.octokit.rest.repos.getContent({ ...REPO, path: 'a.sql', ref: 'nope' })).rejects.toMatchObject({ status: 404 })
  })

  test('blob shas are git blob shas', () => {
    expect(gitBlobSha('hello\n')).toBe('ce013625030ba8dba906f756967f9e9ca394464a') // `echo hello | git hash-object --stdin`
  })

  test('check runs: 51 annotations → 422, conclusion implies completed, unknown sha → 422', async () => {
    const many = Array.from({ length: 51 }, (_, i) => ({ path: 'a.sql', start_line: i + 1, end_line: i + 1, annotation_level: 'warning' as const, message: 'm' }))
    await expect(api.octokit.rest.checks.create({ ...REPO, name: 'c', head_sha: sha(2), output: { title: 't', summary: 's', annotations: many } })).rejects.toMatchObject({ status: 422 })
    const { data } = await api.octokit.rest.checks.create({ ...REPO, name: 'c', head_sha: sha(2), conclusion: 'success' })
    expect(data).toMatchObject({ status: 'completed', conclusion: 'success', app: { slug: 'github-actions' } })
    await expect(api.octokit.rest.checks.create({ ...REPO, name: 'c', head_sha: sha(99) })).rejects.toMatchObject({ status: 422 })
    await expect(api.octokit.rest.checks.create({ ...REPO, name: 'c', head_sha: sha(2), status: 'completed' })).rejects.toMatchObject({ status: 422 })
  })

  test('comments over 65,536 characters → 422; reading unauthenticated → 401; GET /user → 403', async () => {
    await expect(api.octokit.rest.issues.createComment({ ...REPO, issue_number: 5, body: 'x'.repeat(65537) })).rejects.toMatchObject({ status: 422 })
    expect((await fetch(`${gh.url}/repos/acme/shop/pulls/5`)).status).toBe(401)
    await expect(api.octokit.rest.users.getAuthenticated()).rejects.toMatchObject({ status: 403 })
  })

  test('listFiles detects renames by content and reports removed files', async () => {
    gh.addCommit(FULL, sha(3), { 'a.sql': 'same', 'z.sql': 'z' })
    gh.addCommit(FULL, sha(4), { 'a.sql': null, 'b.sql': 'same', 'z.sql': null }, sha(3))
    gh.addPull(FULL, { number: 6, baseSha: sha(3), headSha: sha(4) })
    const files = await api.octokit.paginate(api.octokit.rest.pulls.listFiles, { ...REPO, pull_number: 6 })
    expect(files.map(f => [f.filename, f.status, f.previous_filename])).toEqual([
      ['b.sql', 'renamed', 'a.sql'],
      ['z.sql', 'removed', undefined]
    ])
  })

  test('runs as a process with the HTTP control API (demo / child-process use)', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/testing/fake-github-main.ts'], { stdio: ['ignore', 'pipe', 'inherit'] })
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let buf = ''
        child.stdout.on('data', (d: Buffer) => {
          buf += d.toString()
          if (buf.includes('\n')) resolve(buf.split('\n')[0])
        })
        child.on('exit', code => reject(new Error(`exited ${code}`)))
      })
      const { url, token } = JSON.parse(line) as { url: string; token: string }
      await fetch(`${url}/__fake/seed`, { method: 'POST', body: JSON.stringify({ repos: [{ owner: 'o', name: 'r', commits: { [sha(1)]: { 'a.sql': 'a' } }, pulls: [{ number: 1, baseSha: sha(1), headSha: sha(1) }] }] }) })
      await fetch(`${url}/__fake/faults`, { method: 'POST', body: JSON.stringify({ kind: 'server-error', times: 1 }) })
      expect((await fetch(`${url}/repos/o/r/pulls/1`, { headers: { authorization: `token ${token}` } })).status).toBe(502)
      expect((await fetch(`${url}/repos/o/r/pulls/1`, { headers: { authorization: `token ${token}` } })).status).toBe(200)
      expect(await (await fetch(`${url}/__fake/counters`)).json()).toMatchObject({ calls: 2, writes: 0 })
      const state = (await (await fetch(`${url}/__fake/state`)).json()) as Array<{ repo: string; pulls: unknown[] }>
      expect(state[0]).toMatchObject({ repo: 'o/r', pulls: [{ number: 1 }] })
    } finally {
      child.kill('SIGTERM')
    }
  })
})

describe('fake GitHub extras', () => {
  test('GHES path prefix: the real client works against /api/v3 with pagination links', async () => {
    const { startFakeGitHub } = await import('../../src/testing/fake-github.js')
    const { createGitHubClient } = await import('../../src/github/octokit.js')
    const ghes = await startFakeGitHub({ repos: [{ owner: 'acme', name: 'shop' }] }, { pathPrefix: '/api/v3' })
    try {
      expect(ghes.url).toMatch(/\/api\/v3$/)
      ghes.addCommit(FULL, sha(1), { 'a.sql': 'a' })
      for (let n = 1; n <= 120; n++) ghes.addPull(FULL, { number: n, baseSha: sha(1), headSha: sha(1) })
      const c = createGitHubClient({ token: DEFAULT_TOKEN, baseUrl: ghes.url, pacing: false })
      const all = await c.octokit.paginate(c.octokit.rest.pulls.list, { ...REPO, per_page: 100 })
      expect(all).toHaveLength(120)
      expect(ghes.counters().calls).toBe(2)
      expect((await fetch(`${ghes.url.replace('/api/v3', '')}/repos/acme/shop/pulls/1`, { headers: { authorization: `token ${DEFAULT_TOKEN}` } })).status).toBe(404)
    } finally {
      await ghes.close()
    }
  })

  test('push and merge helpers', async () => {
    gh.addCommit(FULL, sha(20), { 'a.sql': 'a2' }, sha(1))
    gh.addPull(FULL, { number: 20, baseSha: sha(1), headSha: sha(2) })
    gh.pushToPull(FULL, 20, sha(20))
    expect((await api.octokit.rest.pulls.get({ ...REPO, pull_number: 20 })).data.head.sha).toBe(sha(20))
    gh.closePull(FULL, 20, { mergeCommitSha: sha(21) })
    const pr = (await api.octokit.rest.pulls.get({ ...REPO, pull_number: 20 })).data
    expect(pr).toMatchObject({ state: 'closed', merged: true, merge_commit_sha: sha(21) })
    const { data } = await api.octokit.rest.repos.getContent({ ...REPO, path: 'a.sql', ref: 'main' })
    expect(Buffer.from((data as { content: string }).content, 'base64').toString()).toBe('a2')
    // check runs can go on the merge commit
    await api.octokit.rest.checks.create({ ...REPO, name: 'DMS approval', head_sha: sha(21), conclusion: 'success' })
    expect(gh.checkRuns(FULL, sha(21))).toHaveLength(1)
  })
})
