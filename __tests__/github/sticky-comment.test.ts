import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { createGitHubClient, type GitHubApi } from '../../src/github/octokit.js'
import { STICKY_MARKER, findAppStickyComments, findStickyComments, stickyBody, upsertStickyComment } from '../../src/github/sticky-comment.js'
import type { FakeGitHub } from '../../src/testing/fake-github.js'
import { FULL, REPO, setup, sha } from './helpers.js'

let gh: FakeGitHub
let api: GitHubApi

beforeEach(async () => {
  ;({ gh, api } = await setup())
  gh.addCommit(FULL, sha(1), { 'a.sql': 'a' })
  gh.addCommit(FULL, sha(2), { 'a.sql': 'b' }, sha(1))
  gh.addPull(FULL, { number: 7, baseSha: sha(1), headSha: sha(2) })
})
afterEach(() => gh.close())

describe('findAppStickyComments', () => {
  test('accepts the marker from any GitHub App, never from a user', async () => {
    gh.addToken('ghp_user', { login: 'mallory', access: 'write' })
    gh.addToken('ghs_app', { login: 'dms-gate[bot]', access: 'write' })
    const user = createGitHubClient({ token: 'ghp_user', baseUrl: gh.url, pacing: false, retryUnitMs: 1 })
    const app = createGitHubClient({ token: 'ghs_app', baseUrl: gh.url, pacing: false, retryUnitMs: 1 })
    await user.octokit.rest.issues.createComment({ ...REPO, issue_number: 7, body: `${STICKY_MARKER}\nfake status: approved` })
    expect(await findAppStickyComments(api.octokit, REPO, 7)).toEqual([])
    await app.octokit.rest.issues.createComment({ ...REPO, issue_number: 7, body: `${STICKY_MARKER}\nfrom the app` })
    await app.octokit.rest.issues.createComment({ ...REPO, issue_number: 7, body: 'no marker' })
    const found = await findAppStickyComments(api.octokit, REPO, 7)
    expect(found.map(c => [c.author, c.body])).toEqual([['dms-gate[bot]', `${STICKY_MARKER}\nfrom the app`]])
  })
})

describe('upsertStickyComment', () => {
  test('creates once, updates in place, and an unchanged body makes no write', async () => {
    const r1 = await upsertStickyComment(api.octokit, REPO, 7, 'hello')
    expect(r1.action).toBe('created')
    const r2 = await upsertStickyComment(api.octokit, REPO, 7, 'hello again')
    expect(r2).toEqual({ id: r1.id, action: 'updated', deleted: [] })
    gh.resetCounters()
    const r3 = await upsertStickyComment(api.octokit, REPO, 7, 'hello again')
    expect(r3.action).toBe('unchanged')
    expect(gh.counters()).toMatchObject({ writes: 0, calls: 1 })
    expect(gh.writes).toEqual([])
    const comments = gh.comments(FULL, 7)
    expect(comments).toHaveLength(1)
    expect(comments[0].body).toBe(`${STICKY_MARKER}\nhello again`)
    expect(comments[0].user).toBe('github-actions[bot]')
  })

  test('two racing upserts end with exactly one comment carrying the body', async () => {
    const [a, b] = await Promise.all([
      upsertStickyComment(api.octokit, REPO, 7, 'same body'),
      upsertStickyComment(api.octokit, REPO, 7, 'same body')
    ])
    const comments = gh.comments(FULL, 7)
    expect(comments).toHaveLength(1)
    expect(a.id).toBe(comments[0].id)
    expect(b.id).toBe(comments[0].id)
    expect(comments[0].body).toContain('same body')
    // both really did create (the race happened) and the loser was deleted
    expect(gh.counters().writesByRoute['POST /repos/{owner}/{repo}/issues/{issue_number}/comments']).toBe(2)
    expect(gh.counters().writesByRoute['DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}']).toBeGreaterThanOrEqual(1)
  })

  test('racing runs with different bodies: one comment, holding one of the two bodies', async () => {
    await Promise.all([
      upsertStickyComment(api.octokit, REPO, 7, 'body A'),
      upsertStickyComment(api.octokit, REPO, 7, 'body B')
    ])
    const comments = gh.comments(FULL, 7)
    expect(comments).toHaveLength(1)
    expect(comments[0].body).toMatch(/body [AB]$/)
  })

  test('duplicates left by older runs are removed, the oldest kept; markers from other authors are ignored', async () => {
    gh.addToken('ghp_user', { login: 'mallory', access: 'write' })
    const user = createGitHubClient({ token: 'ghp_user', baseUrl: gh.url, pacing: false, retryUnitMs: 1 })
    await user.octokit.rest.issues.createComment({ ...REPO, issue_number: 7, body: `${STICKY_MARKER}\nfake status: approved` })
    await api.octokit.rest.issues.createComment({ ...REPO, issue_number: 7, body: `${STICKY_MARKER}\nold 1` })
    await api.octokit.rest.issues.createComment({ ...REPO, issue_number: 7, body: `${STICKY_MARKER}\nold 2` })
    const mine = await findStickyComments(api.octokit, REPO, 7)
    expect(mine.map(c => c.body)).toEqual([`${STICKY_MARKER}\nold 1`, `${STICKY_MARKER}\nold 2`])
    const r = await upsertStickyComment(api.octokit, REPO, 7, 'new')
    expect(r.action).toBe('updated')
    expect(r.deleted).toEqual([mine[1].id])
    expect(gh.comments(FULL, 7).map(c => [c.user, c.body])).toEqual([
      ['mallory', `${STICKY_MARKER}\nfake status: approved`],
      ['github-actions[bot]', `${STICKY_MARKER}\nnew`]
    ])
  })

  test('finds the comment past the first page of 100', async () => {
    for (let i = 0; i < 130; i++) gh.repo(FULL).comments.push({ id: 10 + i, issueNumber: 7, body: `chat ${i}`, user: 'octocat', createdAt: '', updatedAt: '' })
    const r1 = await upsertStickyComment(api.octokit, REPO, 7, 'x')
    const r2 = await upsertStickyComment(api.octokit, REPO, 7, 'y')
    expect(r2.id).toBe(r1.id)
    expect(gh.comments(FULL, 7).filter(c => c.body.includes(STICKY_MARKER))).toHaveLength(1)
  })

  test('a body over 65,536 characters is truncated so GitHub accepts it', async () => {
    const body = '|x|😀|\n'.repeat(20000)
    const r = await upsertStickyComment(api.octokit, REPO, 7, body)
    expect(r.action).toBe('created')
    const stored = gh.comments(FULL, 7)[0].body
    expect(stored.length).toBeLessThanOrEqual(65536)
    expect(stored.startsWith(STICKY_MARKER)).toBe(true)
    expect(stored).toMatch(/…truncated/)
    expect(stored).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/) // no lone high surrogate
    expect(stickyBody(body)).toBe(stored)
  })
})
