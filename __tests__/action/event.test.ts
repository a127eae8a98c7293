import { describe, expect, test } from '@jest/globals'
import { createRequire } from 'node:module'
import { isRefreshCommand, modeOf, parseRefreshCommand, pullNumbersOfMergeGroupRef } from '../../src/action/event.js'

const require = createRequire(import.meta.url)
const examples = require('@octokit/webhooks-examples') as Array<{ name: string; examples: Array<Record<string, any>> }> // eslint-disable-line @typescript-eslint/no-explicit-any
const example = (event: string, action?: string) => structuredClone(examples.find(e => e.name === event)!.examples.find(x => action === undefined || x.action === action)!)

describe('modeOf (real webhook payload shapes)', () => {
  test.each(['opened', 'synchronize', 'reopened', 'ready_for_review'])('pull_request %s → pull-request with the head sha', action => {
    const p = example('pull_request', action)
    const m = modeOf('pull_request', p)
    expect(m.kind).toBe('pull-request')
    if (m.kind === 'pull-request') expect(m.pull.headSha).toBe(p.pull_request.head.sha)
  })

  test('pull_request closed → closed (merged flag kept)', () => {
    const p = example('pull_request', 'closed')
    const m = modeOf('pull_request', p)
    expect(m.kind).toBe('closed')
    if (m.kind === 'closed') expect(m.pull.merged).toBe(p.pull_request.merged === true)
  })

  test('labeled and other actions are ignored', () => {
    expect(modeOf('pull_request', example('pull_request', 'labeled')).kind).toBe('ignored')
  })

  test('a fork PR is detected from head.repo vs base.repo', () => {
    const p = example('pull_request', 'opened')
    p.pull_request.head.repo = { ...p.pull_request.head.repo, full_name: 'someone/fork' }
    const m = modeOf('pull_request', p)
    expect(m.kind === 'pull-request' && m.pull.isFork).toBe(true)
    p.pull_request.head.repo = null // deleted fork
    const d = modeOf('pull_request', p)
    expect(d.kind === 'pull-request' && d.pull.isFork).toBe(true)
  })

  test('pull_request and pull_request_target are told apart; synchronize keeps the previous head', () => {
    const p = example('pull_request', 'synchronize')
    const m = modeOf('pull_request_target', p)
    expect(m).toMatchObject({ kind: 'pull-request', trigger: 'pull_request_target', before: p.before })
    expect(modeOf('pull_request', p)).toMatchObject({ trigger: 'pull_request' })
    expect(modeOf('pull_request_target', example('pull_request', 'closed'))).toMatchObject({ kind: 'closed', trigger: 'pull_request_target' })
    p.before = 'not-a-sha'
    expect(modeOf('pull_request', p)).not.toHaveProperty('before')
  })

  test('schedule, workflow_dispatch (optionally naming one PR) and repository_dispatch → refresh', () => {
    expect(modeOf('schedule', { schedule: '*/5 * * * *' })).toEqual({ kind: 'refresh', trigger: 'schedule' })
    expect(modeOf('workflow_dispatch', example('workflow_dispatch'))).toEqual({ kind: 'refresh', trigger: 'workflow_dispatch' })
    expect(modeOf('workflow_dispatch', { inputs: { 'pull-request': '42' } })).toEqual({ kind: 'refresh', trigger: 'workflow_dispatch', pullNumber: 42 })
    expect(modeOf('workflow_dispatch', { inputs: { 'pull-request': 'x' } })).toEqual({ kind: 'refresh', trigger: 'workflow_dispatch' })
    expect(modeOf('repository_dispatch', {})).toEqual({ kind: 'refresh', trigger: 'repository_dispatch' })
  })

  test('issue_comment /dms-refresh on a PR → comment-refresh; on an issue, or other text → ignored', () => {
    const p = example('issue_comment', 'created')
    p.comment.body = '/dms-refresh'
    expect(modeOf('issue_comment', p).kind).toBe('ignored') // a plain issue
    p.issue.pull_request = { url: 'x' }
    expect(modeOf('issue_comment', p)).toMatchObject({ kind: 'comment-refresh', pullNumber: p.issue.number, commenter: p.comment.user.login })
    p.comment.body = 'please /dms-refresh'
    expect(modeOf('issue_comment', p).kind).toBe('ignored')
    p.comment.body = '/dms-refresh'
    expect(modeOf('issue_comment', { ...p, action: 'edited' }).kind).toBe('ignored')
    p.comment.body = '/dms-refresh 0123ABCdef'
    expect(modeOf('issue_comment', p)).toMatchObject({ kind: 'comment-refresh', sha: '0123abcdef' })
    p.comment.user = { ...p.comment.user, type: 'Bot' }
    expect(modeOf('issue_comment', p)).toMatchObject({ kind: 'comment-refresh', commenterIsBot: true })
  })

  test('merge_group → its head and base, and the PR numbers from the queue ref', () => {
    const p = example('merge_group')
    expect(modeOf('merge_group', p)).toEqual({
      kind: 'merge-group', headSha: p.merge_group.head_sha, headRef: p.merge_group.head_ref, baseSha: p.merge_group.base_sha, pullNumbers: [104]
    })
    expect(modeOf('merge_group', { ...p, action: 'destroyed' }).kind).toBe('ignored')
    expect(modeOf('merge_group', { ...p, merge_group: { ...p.merge_group, base_sha: undefined } }).kind).toBe('ignored')
  })

  test('unknown events are ignored with a reason', () => {
    const m = modeOf('push', {})
    expect(m.kind).toBe('ignored')
  })
})

test('pullNumbersOfMergeGroupRef', () => {
  expect(pullNumbersOfMergeGroupRef('refs/heads/gh-readonly-queue/main/pr-7-0123456789abcdef0123456789abcdef01234567')).toEqual([7])
  expect(pullNumbersOfMergeGroupRef('gh-readonly-queue/release/v2/pr-12-abcdef1')).toEqual([12])
  expect(pullNumbersOfMergeGroupRef('refs/heads/main')).toEqual([])
  expect(pullNumbersOfMergeGroupRef('refs/heads/gh-readonly-queue/main/pr-7-aaaaaaa-pr-9-bbbbbbbbbb')).toEqual([7, 9])
  expect(pullNumbersOfMergeGroupRef('refs/heads/feature/pr-7-aaaaaaa')).toEqual([])
})

test('isRefreshCommand', () => {
  expect(isRefreshCommand('/dms-refresh')).toBe(true)
  expect(isRefreshCommand('  /dms-refresh now\nthanks')).toBe(true)
  expect(isRefreshCommand('/dms-refreshed')).toBe(false)
  expect(isRefreshCommand('lgtm /dms-refresh')).toBe(false)
})

test('parseRefreshCommand binds the command to a commit only when a sha is given', () => {
  expect(parseRefreshCommand('/dms-refresh')).toEqual({})
  expect(parseRefreshCommand('/DMS-refresh 0123abc')).toEqual({ sha: '0123abc' })
  expect(parseRefreshCommand('/dms-refresh ' + 'f'.repeat(40))).toEqual({ sha: 'f'.repeat(40) })
  expect(parseRefreshCommand('/dms-refresh 012345')).toEqual({}) // too short to name a commit
  expect(parseRefreshCommand('/dms-refresh please')).toEqual({})
  expect(parseRefreshCommand('\n\n /dms-refresh abcdef1 thanks')).toEqual({ sha: 'abcdef1' })
  expect(parseRefreshCommand('/dms-refreshabcdef1')).toBeUndefined()
})
