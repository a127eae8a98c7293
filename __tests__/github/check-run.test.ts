import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { findCheckRun, upsertCheckRun, type CheckAnnotation, type DesiredCheck } from '../../src/github/check-run.js'
import type { GitHubApi } from '../../src/github/octokit.js'
import type { FakeGitHub } from '../../src/testing/fake-github.js'
import { FULL, REPO, setup, sha } from './helpers.js'

let gh: FakeGitHub
let api: GitHubApi
const HEAD = sha('abc1')

beforeEach(async () => {
  ;({ gh, api } = await setup())
  gh.addCommit(FULL, HEAD, { 'db/a.sql': 'x' })
})
afterEach(() => gh.close())

const pending: DesiredCheck = {
  name: 'DMS approval',
  headSha: HEAD,
  status: { status: 'in_progress' },
  output: { title: "Awaiting DBA approval: node 'DBA' — alice", summary: 'waiting' },
  externalId: '1001'
}

function anns(n: number): CheckAnnotation[] {
  return Array.from({ length: n }, (_, i) => ({ path: 'db/a.sql', start_line: i + 1, end_line: i + 1, annotation_level: 'failure' as const, message: `error ${i}` }))
}

describe('upsertCheckRun', () => {
  test('creates, then an identical upsert makes zero writes, then a change updates in place', async () => {
    const r1 = await upsertCheckRun(api.octokit, REPO, pending)
    expect(r1.action).toBe('created')
    gh.resetCounters()
    const r2 = await upsertCheckRun(api.octokit, REPO, pending)
    expect(r2).toEqual({ id: r1.id, action: 'unchanged', app: { id: 15368, slug: 'github-actions' } })
    expect(gh.counters().writes).toBe(0)
    expect(gh.counters().calls).toBe(1) // one listForRef
    const r3 = await upsertCheckRun(api.octokit, REPO, { ...pending, status: { status: 'completed', conclusion: 'success' }, output: { title: 'Approved', summary: 'ok' } })
    expect(r3).toEqual({ id: r1.id, action: 'updated', app: { id: 15368, slug: 'github-actions' } })
    const runs = gh.checkRuns(FULL, HEAD)
    expect(runs).toHaveLength(1)
    expect(runs[0]).toMatchObject({ status: 'completed', conclusion: 'success', external_id: '1001', output: { title: 'Approved', summary: 'ok' } })
    const found = await findCheckRun(api.octokit, REPO, HEAD, 'DMS approval')
    expect(found).toMatchObject({ id: r1.id, status: 'completed', conclusion: 'success' })
  })

  test('120 annotations go out 50 per request and all arrive', async () => {
    const r = await upsertCheckRun(api.octokit, REPO, { ...pending, status: { status: 'completed', conclusion: 'failure' }, annotations: anns(120) })
    const run = gh.checkRuns(FULL, HEAD)[0]
    expect(run.annotations).toHaveLength(120)
    expect(run.annotations.map(a => a.message)).toEqual(anns(120).map(a => a.message))
    expect(gh.counters().writesByRoute).toEqual({
      'POST /repos/{owner}/{repo}/check-runs': 1,
      'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}': 2
    })
    // same again: nothing to write (annotation count is compared)
    gh.resetCounters()
    expect((await upsertCheckRun(api.octokit, REPO, { ...pending, status: { status: 'completed', conclusion: 'failure' }, annotations: anns(120) })).action).toBe('unchanged')
    expect(gh.counters().writes).toBe(0)
    // different findings: a new run (annotations only accumulate on a run)
    const r2 = await upsertCheckRun(api.octokit, REPO, { ...pending, status: { status: 'completed', conclusion: 'failure' }, annotations: anns(3) })
    expect(r2.action).toBe('recreated')
    expect(r2.id).not.toBe(r.id)
    expect((await findCheckRun(api.octokit, REPO, HEAD, 'DMS approval'))!.annotationsCount).toBe(3)
  })

  test('summary with emoji and CJK over 65,535 bytes is truncated on a character boundary and accepted', async () => {
    const summary = '审批😀'.repeat(20000) // 10 bytes a repeat → 200,000 bytes
    const r = await upsertCheckRun(api.octokit, REPO, { ...pending, output: { title: 'big', summary, text: 'é'.repeat(70000) } })
    expect(r.action).toBe('created')
    const run = gh.checkRuns(FULL, HEAD)[0]
    expect(Buffer.byteLength(run.output.summary!, 'utf8')).toBeLessThanOrEqual(65535)
    expect(Buffer.byteLength(run.output.text!, 'utf8')).toBeLessThanOrEqual(65535)
    expect(run.output.summary!.endsWith('…truncated')).toBe(true)
    expect(run.output.summary!).not.toContain('\uFFFD')
    expect(run.output.summary!.startsWith('审批😀审批😀')).toBe(true)
    // the unchanged check compares the truncated text: no write on a rerun
    gh.resetCounters()
    expect((await upsertCheckRun(api.octokit, REPO, { ...pending, output: { title: 'big', summary, text: 'é'.repeat(70000) } })).action).toBe('unchanged')
    expect(gh.counters().writes).toBe(0)
  })

  test('the fake enforces the byte limit like GitHub (so the truncation above is what makes it pass)', async () => {
    await expect(
      api.octokit.rest.checks.create({ ...REPO, name: 'x', head_sha: HEAD, output: { title: 't', summary: '😀'.repeat(20000) } })
    ).rejects.toMatchObject({ status: 422, message: expect.stringContaining('maximum bytesize of 65535') })
  })

  test('an in-progress run older than 13 days is replaced by a new run', async () => {
    const r1 = await upsertCheckRun(api.octokit, REPO, pending)
    gh.checkRuns(FULL, HEAD)[0].started_at = '2026-01-01T00:00:00Z'
    const r2 = await upsertCheckRun(api.octokit, REPO, pending, { now: new Date('2026-01-14T01:00:00Z') })
    expect(r2.action).toBe('recreated')
    expect(r2.reason).toMatch(/14-day stale/)
    expect(r2.id).not.toBe(r1.id)
    expect((await findCheckRun(api.octokit, REPO, HEAD, 'DMS approval'))!.id).toBe(r2.id)
    // 12 days old: kept
    const r3 = await upsertCheckRun(api.octokit, REPO, pending, { now: new Date(Date.parse(gh.checkRuns(FULL, HEAD)[1].started_at) + 12 * 86400e3) })
    expect(r3.action).toBe('unchanged')
  })

  test('a completed run going back to pending gets a new run; other check names are ignored', async () => {
    await upsertCheckRun(api.octokit, REPO, { ...pending, name: 'other' })
    const done = await upsertCheckRun(api.octokit, REPO, { ...pending, status: { status: 'completed', conclusion: 'failure' } })
    const again = await upsertCheckRun(api.octokit, REPO, pending)
    expect(again.action).toBe('recreated')
    expect(again.id).not.toBe(done.id)
    expect(gh.checkRuns(FULL, HEAD).map(c => c.name)).toEqual(['other', 'DMS approval', 'DMS approval'])
  })

  test('a read-only (fork) token gets 403 and the error carries the status', async () => {
    gh.addToken('ghs_readonly', { login: 'github-actions[bot]', access: 'read' })
    const { createGitHubClient } = await import('../../src/github/octokit.js')
    const ro = createGitHubClient({ token: 'ghs_readonly', baseUrl: gh.url, pacing: false, retryUnitMs: 1 })
    await expect(upsertCheckRun(ro.octokit, REPO, pending)).rejects.toMatchObject({ status: 403 })
  })
})

describe('upsertCheckRun edge cases', () => {
  let gh2: FakeGitHub
  let api2: GitHubApi
  beforeEach(async () => {
    ;({ gh: gh2, api: api2 } = await setup())
    gh2.addCommit(FULL, HEAD, { 'db/a.sql': 'x' })
  })
  afterEach(() => gh2.close())

  test('same number of annotations but different findings → a new run (old ones cannot be removed)', async () => {
    const first = anns(2)
    const second = anns(2).map(a => ({ ...a, message: a.message + ' (new)' }))
    const r1 = await upsertCheckRun(api2.octokit, REPO, { ...pending, annotations: first })
    expect((await upsertCheckRun(api2.octokit, REPO, { ...pending, annotations: first })).action).toBe('unchanged')
    const r2 = await upsertCheckRun(api2.octokit, REPO, { ...pending, annotations: second })
    expect(r2.action).toBe('recreated')
    expect(r2.id).not.toBe(r1.id)
    const latest = gh2.checkRuns(FULL, HEAD).find(c => c.id === r2.id)!
    expect(latest.annotations.map(a => a.message)).toEqual(['error 0 (new)', 'error 1 (new)'])
    expect(latest.output.summary).toMatch(/^waiting\n<!-- dms-proc-gate:annotations [0-9a-f]{16} -->$/)
  })

  test('a run of the same name owned by another app cannot be patched: a new run takes over', async () => {
    gh2.addToken('ghs_other_app', { login: 'other[bot]', access: 'write', appId: 999 })
    const { createGitHubClient } = await import('../../src/github/octokit.js')
    const other = createGitHubClient({ token: 'ghs_other_app', baseUrl: gh2.url, pacing: false, retryUnitMs: 1 })
    await other.octokit.rest.checks.create({ ...REPO, name: 'DMS approval', head_sha: HEAD, status: 'in_progress', output: { title: 'theirs', summary: 'theirs' } })
    const r = await upsertCheckRun(api2.octokit, REPO, pending)
    expect(r.action).toBe('recreated')
    expect(r.reason).toMatch(/another GitHub App/)
    expect((await findCheckRun(api2.octokit, REPO, HEAD, 'DMS approval'))!.title).toBe(pending.output.title)
  })
})
