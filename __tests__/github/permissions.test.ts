import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import type { GitHubApi } from '../../src/github/octokit.js'
import { canTriggerRefresh, decideRefresh } from '../../src/github/permissions.js'
import { getPull, headShaOf, listOpenPulls, toPullInfo } from '../../src/github/pull-requests.js'
import type { FakeGitHub, Role } from '../../src/testing/fake-github.js'
import { FULL, REPO, setup, sha } from './helpers.js'
import examples from '@octokit/webhooks-examples/api.github.com/index.json' with { type: 'json' }

let gh: FakeGitHub
let api: GitHubApi

beforeAll(async () => {
  ;({ gh, api } = await setup())
  const roles: Record<string, Role> = { ada: 'admin', max: 'maintain', wes: 'write', tri: 'triage', rea: 'read', non: 'none' }
  for (const [login, role] of Object.entries(roles)) gh.setPermission(FULL, login, role)
  gh.addCommit(FULL, sha(1), { 'a.sql': 'a' })
  gh.addCommit(FULL, sha(2), { 'a.sql': 'b' }, sha(1))
  for (let n = 1; n <= 130; n++) gh.addPull(FULL, { number: n, baseSha: sha(1), headSha: sha(2), state: n % 10 === 0 ? 'closed' : 'open' })
  gh.addPull(FULL, { number: 200, baseSha: sha(1), headSha: sha(2), fork: true, user: 'forker', body: 'DMS-PERM: 42' })
  gh.addPull(FULL, { number: 201, baseSha: sha(1), headSha: sha(2), fork: 'deleted' })
})
afterAll(() => gh.close())

describe('canTriggerRefresh', () => {
  test.each([
    ['ada', true, 'admin'],
    ['max', true, 'write'], // maintain is reported as write
    ['wes', true, 'write'],
    ['tri', false, 'read'], // triage is reported as read
    ['rea', false, 'read'],
    ['non', false, 'none'],
    ['stranger', false, 'none'] // not a collaborator: 404
  ])('%s → allowed %s (%s)', async (login, allowed, permission) => {
    const r = await canTriggerRefresh(api.octokit, REPO, login)
    expect(r).toMatchObject({ allowed, permission, login })
    if (!r.allowed) expect(r.reason).toContain('needs write, maintain or admin')
  })

  test('the refusal names the real role', () => {
    expect(decideRefresh('tri', 'read', 'triage')).toMatchObject({ allowed: false, reason: '@tri has triage access; /dms-refresh needs write, maintain or admin' })
  })
})

describe('pull requests', () => {
  test('listOpenPulls pages through all open PRs', async () => {
    gh.resetCounters()
    const open = await listOpenPulls(api.octokit, REPO)
    expect(open).toHaveLength(119) // 130 - 13 closed + 2 forks
    expect(new Set(open.map(p => p.number)).size).toBe(119)
    expect(open.every(p => p.state === 'open')).toBe(true)
    expect(gh.counters().calls).toBe(2)
    expect(await listOpenPulls(api.octokit, REPO, 10)).toHaveLength(10)
  })

  test('getPull and headShaOf; forks (also deleted forks) are detected', async () => {
    expect(await headShaOf(api.octokit, REPO, 3)).toBe(sha(2))
    expect((await getPull(api.octokit, REPO, 3)).pull).toMatchObject({ number: 3, isFork: false, baseSha: sha(1), headRepoFullName: FULL })
    expect((await getPull(api.octokit, REPO, 200)).pull).toMatchObject({ isFork: true, headRepoFullName: 'forker/shop', author: 'forker' })
    expect((await getPull(api.octokit, REPO, 200)).body).toBe('DMS-PERM: 42')
    expect((await getPull(api.octokit, REPO, 3)).body).toBeNull()
    expect((await getPull(api.octokit, REPO, 201)).pull).toMatchObject({ isFork: true, headRepoFullName: null })
  })

  test('toPullInfo reads a real webhook payload', () => {
    const ev = (examples as Array<{ name: string; examples: Array<{ action?: string; pull_request?: unknown }> }>).find(e => e.name === 'pull_request')!
    const opened = ev.examples.find(x => x.action === 'opened')!
    const info = toPullInfo(opened.pull_request as Parameters<typeof toPullInfo>[0])
    expect(info.number).toBeGreaterThan(0)
    expect(info.headSha).toMatch(/^[0-9a-f]{40}$/)
    expect(info.isFork).toBe(false)
    expect(info.state).toBe('open')
  })
})
