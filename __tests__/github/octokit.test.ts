import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createGitHubClient, routeOf, type GitHubApi } from '../../src/github/octokit.js'
import { DEFAULT_TOKEN, type FakeGitHub } from '../../src/testing/fake-github.js'
import { FULL, REPO, setup, sha } from './helpers.js'

let gh: FakeGitHub
let api: GitHubApi

beforeEach(async () => {
  ;({ gh, api } = await setup())
  gh.addCommit(FULL, sha(1), { 'a.sql': 'a' })
  gh.addPull(FULL, { number: 1, baseSha: sha(1), headSha: sha(1) })
})
afterEach(() => gh.close())

describe('createGitHubClient', () => {
  test('counts requests by method and route, the same as the server saw them', async () => {
    await api.octokit.rest.pulls.get({ ...REPO, pull_number: 1 })
    await api.octokit.rest.issues.createComment({ ...REPO, issue_number: 1, body: 'x' })
    await api.octokit.rest.repos.getContent({ ...REPO, path: 'a.sql', ref: sha(1) })
    expect(api.counter.snapshot()).toEqual({
      calls: 3,
      writes: 1,
      byRoute: {
        'GET /repos/{owner}/{repo}/contents/{path}': 1,
        'GET /repos/{owner}/{repo}/pulls/{n}': 1,
        'POST /repos/{owner}/{repo}/issues/{n}/comments': 1
      },
      writesByRoute: { 'POST /repos/{owner}/{repo}/issues/{n}/comments': 1 }
    })
    expect(gh.counters()).toMatchObject({ calls: 3, writes: 1 })
    expect(api.counter.describe()).toContain('GitHub API: 3 requests, 1 writes')
    expect(api.counter.describe()).not.toContain(DEFAULT_TOKEN)
  })

  test('secondary rate limits (403 and 429 with retry-after) are retried a bounded number of times', async () => {
    const notes: string[] = []
    const c = createGitHubClient({ token: DEFAULT_TOKEN, baseUrl: gh.url, pacing: false, retryUnitMs: 1, log: m => notes.push(m) })
    gh.injectFault({ kind: 'secondary-rate-limit', times: 1, retryAfter: 3 })
    gh.injectFault({ kind: 'too-many-requests', times: 1 })
    const r = await c.octokit.rest.pulls.get({ ...REPO, pull_number: 1 })
    expect(r.data.number).toBe(1)
    expect(c.counter.calls).toBe(3)
    expect(notes.filter(n => /secondary rate limit .* retry/.test(n))).toHaveLength(2)
    // a third limit in a row exceeds the bound (2 retries): the error surfaces
    gh.injectFault({ kind: 'secondary-rate-limit', times: 5 })
    await expect(c.octokit.rest.pulls.get({ ...REPO, pull_number: 1 })).rejects.toMatchObject({ status: 403 })
    expect(notes.at(-1)).toMatch(/giving up after 2 retries/)
  })

  test('a primary rate limit waits for the reset and retries', async () => {
    gh.injectFault({ kind: 'primary-rate-limit', times: 1, retryAfter: 1 })
    const r = await api.octokit.rest.pulls.get({ ...REPO, pull_number: 1 })
    expect(r.status).toBe(200)
    expect(gh.counters().calls).toBe(2)
  })

  test('5xx is retried (3 times by default); 404 and 422 are not', async () => {
    gh.injectFault({ kind: 'server-error', times: 3, status: 502 })
    expect((await api.octokit.rest.pulls.get({ ...REPO, pull_number: 1 })).status).toBe(200)
    expect(gh.counters().calls).toBe(4)
    gh.resetCounters()
    await expect(api.octokit.rest.pulls.get({ ...REPO, pull_number: 99 })).rejects.toMatchObject({ status: 404 })
    expect(gh.counters().calls).toBe(1)
  })

  test('every request has a timeout', async () => {
    const hang = createServer(() => undefined) // never answers
    await new Promise<void>(r => hang.listen(0, '127.0.0.1', () => r()))
    const url = `http://127.0.0.1:${(hang.address() as AddressInfo).port}`
    const c = createGitHubClient({ token: DEFAULT_TOKEN, baseUrl: url, pacing: false, timeoutMs: 200, serverErrorRetries: 0 })
    await expect(c.octokit.rest.pulls.get({ ...REPO, pull_number: 1 })).rejects.toThrow()
    hang.closeAllConnections()
    await new Promise<void>(r => hang.close(() => r()))
  })

  test('GITHUB_API_URL is honoured, with a GHES-style /api/v3 path', async () => {
    const ghes = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ seen: req.url, auth: req.headers.authorization === `token ${DEFAULT_TOKEN}` }))
    })
    await new Promise<void>(r => ghes.listen(0, '127.0.0.1', () => r()))
    const old = process.env.GITHUB_API_URL
    process.env.GITHUB_API_URL = `http://127.0.0.1:${(ghes.address() as AddressInfo).port}/api/v3`
    try {
      const c = createGitHubClient({ token: DEFAULT_TOKEN, pacing: false })
      const r = await c.octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', { ...REPO, pull_number: 5 })
      expect(r.data).toEqual({ seen: '/api/v3/repos/acme/shop/pulls/5', auth: true })
      expect(c.counter.snapshot().byRoute).toEqual({ 'GET /repos/{owner}/{repo}/pulls/{n}': 1 })
    } finally {
      if (old === undefined) delete process.env.GITHUB_API_URL
      else process.env.GITHUB_API_URL = old
      ghes.closeAllConnections()
      await new Promise<void>(r => ghes.close(() => r()))
    }
  })

  test('routeOf folds ids, shas, paths and users', () => {
    expect(routeOf('/repos/a/b/contents/db/x/y.sql')).toBe('/repos/{owner}/{repo}/contents/{path}')
    expect(routeOf('/repos/a/b/git/blobs/abc')).toBe('/repos/{owner}/{repo}/git/blobs/{sha}')
    expect(routeOf('/repos/a/b/commits/abc/check-runs')).toBe('/repos/{owner}/{repo}/commits/{sha}/check-runs')
    expect(routeOf('/repos/a/b/collaborators/bob/permission')).toBe('/repos/{owner}/{repo}/collaborators/{username}/permission')
    expect(routeOf('/repos/a/b/check-runs/12')).toBe('/repos/{owner}/{repo}/check-runs/{n}')
  })
})
