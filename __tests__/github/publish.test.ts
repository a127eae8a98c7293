import { afterAll, afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { GitHubApi } from '../../src/github/octokit.js'
import type { FakeGitHub } from '../../src/testing/fake-github.js'
import { INPUT, PLAN } from '../report/fixtures.js'
import { FULL, REPO, setup } from './helpers.js'

// core writes GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files: real files, no mocks needed
const dir = mkdtempSync(join(tmpdir(), 'dpg-publish-'))
process.env.GITHUB_OUTPUT = join(dir, 'output')
process.env.GITHUB_STEP_SUMMARY = join(dir, 'summary')
writeFileSync(process.env.GITHUB_OUTPUT, '')
writeFileSync(process.env.GITHUB_STEP_SUMMARY, '')
const { publishToGitHub, readStateMarker, setActionOutputs, writeJobSummary } = await import('../../src/github/publish.js')

let gh: FakeGitHub
let api: GitHubApi
const HEAD = INPUT.context.headSha

beforeEach(async () => {
  ;({ gh, api } = await setup())
  gh.addCommit(FULL, HEAD, { 'a.sql': 'x' })
  gh.addCommit(FULL, '0'.repeat(40), { 'a.sql': 'y' })
  gh.addPull(FULL, { number: 7, baseSha: '0'.repeat(40), headSha: HEAD })
})
afterEach(() => gh.close())
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('publishToGitHub', () => {
  test('check + comment, then an identical refresh makes zero writes, then approval turns the check green', async () => {
    const r1 = await publishToGitHub({ octokit: api.octokit, repo: REPO, headSha: HEAD, checkName: 'DMS approval', report: INPUT, pullNumber: 7, comment: true, canWrite: true })
    expect(r1.check?.action).toBe('created')
    expect(r1.comment?.action).toBe('created')
    const run = gh.checkRuns(FULL, HEAD)[0]
    expect(run).toMatchObject({ status: 'in_progress', external_id: '1001', output: { title: "Awaiting DBA approval: node 'DBA review' — alice, bob" } })
    expect(run.annotations).toEqual([{ path: 'db/routines/archive.sql', start_line: 3, end_line: 3, annotation_level: 'warning', message: 'DEFINER clause <script> @here', title: 'dms-proc-gate: warning' }])

    gh.resetCounters()
    const r2 = await publishToGitHub({ octokit: api.octokit, repo: REPO, headSha: HEAD, checkName: 'DMS approval', report: structuredClone(INPUT), pullNumber: 7, comment: true, canWrite: true })
    expect([r2.check?.action, r2.comment?.action]).toEqual(['unchanged', 'unchanged'])
    expect(gh.counters()).toMatchObject({ writes: 0, calls: 2 })

    const approved = { ...INPUT, gate: { kind: 'approved' as const, orderId: 1001 } }
    await publishToGitHub({ octokit: api.octokit, repo: REPO, headSha: HEAD, checkName: 'DMS approval', report: approved, pullNumber: 7, comment: true, canWrite: true })
    expect(gh.checkRuns(FULL, HEAD)).toHaveLength(1)
    expect(gh.checkRuns(FULL, HEAD)[0]).toMatchObject({ status: 'completed', conclusion: 'success' })
    expect(gh.comments(FULL, 7)).toHaveLength(1)
    expect(gh.comments(FULL, 7)[0].body).toContain('### ✅ DMS approval: Approved in DMS (ticket 1001)')
    const read = await readStateMarker(api.octokit, REPO, 7)
    expect(read.marker).toMatchObject({ state: 'approved', orderIds: [1001], headSha: HEAD })

    // a refresh run: marker read (1 call) + publish with the comments it already has (1 call): 2 calls, 0 writes
    gh.resetCounters()
    const { marker, comments } = await readStateMarker(api.octokit, REPO, 7)
    expect(marker?.orderIds).toEqual([1001])
    const r3 = await publishToGitHub({ octokit: api.octokit, repo: REPO, headSha: HEAD, checkName: 'DMS approval', report: approved, pullNumber: 7, comment: true, canWrite: true, knownComments: comments })
    expect([r3.check?.action, r3.comment?.action, r3.readOnly]).toEqual(['unchanged', 'unchanged', false])
    expect(gh.counters()).toMatchObject({ calls: 2, writes: 0 })
  })

  test('a 403 "not accessible by integration" degrades to read-only instead of failing', async () => {
    gh.addToken('ghs_ro', { login: 'github-actions[bot]', access: 'read' })
    const { createGitHubClient } = await import('../../src/github/octokit.js')
    const ro = createGitHubClient({ token: 'ghs_ro', baseUrl: gh.url, pacing: false, retryUnitMs: 1 })
    const r = await publishToGitHub({ octokit: ro.octokit, repo: REPO, headSha: HEAD, checkName: 'DMS approval', report: INPUT, pullNumber: 7, comment: true, canWrite: true })
    expect(r.readOnly).toBe(true)
    expect(r.check).toBeUndefined()
    expect(r.skipped[0]).toMatch(/403/)
    expect(gh.counters().writes).toBe(1) // the refused create
    expect(gh.checkRuns(FULL, HEAD)).toHaveLength(0)
  })

  test('fork (read-only): no API writes at all; comment input false: check only', async () => {
    const r = await publishToGitHub({ octokit: api.octokit, repo: REPO, headSha: HEAD, checkName: 'DMS approval', report: INPUT, pullNumber: 7, comment: true, canWrite: false })
    expect(r.skipped[0]).toMatch(/read-only/)
    expect(gh.counters().calls).toBe(0)
    const r2 = await publishToGitHub({ octokit: api.octokit, repo: REPO, headSha: HEAD, checkName: 'DMS approval', report: INPUT, pullNumber: 7, comment: false, canWrite: true })
    expect(r2.comment).toBeUndefined()
    expect(gh.comments(FULL, 7)).toHaveLength(0)
    expect(gh.checkRuns(FULL, HEAD)).toHaveLength(1)
  })

  test('job summary and outputs land in the runner files', async () => {
    await writeJobSummary(INPUT)
    setActionOutputs(INPUT)
    expect(readFileSync(process.env.GITHUB_STEP_SUMMARY!, 'utf8')).toContain('| PROCEDURE | `shop.archive orders` | modified | `db/routines/archive.sql:3` |')
    const out = readFileSync(process.env.GITHUB_OUTPUT!, 'utf8')
    expect(out).toContain('state<<')
    expect(out).toContain('awaiting-approval')
    expect(out).toContain(JSON.stringify(PLAN.objects))
    expect(out).toContain('https://dms.aliyun.com/?orderId=1001')
  })
})

