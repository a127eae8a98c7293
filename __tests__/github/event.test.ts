import { describe, expect, test } from '@jest/globals'
import { isRefreshCommand, parseEvent, pullNumbersFromMergeGroupRef } from '../../src/github/event.js'
import examples from '@octokit/webhooks-examples/api.github.com/index.json' with { type: 'json' }

type Example = { action?: string } & Record<string, unknown>
const ex = (name: string, action?: string): Example => {
  const e = (examples as Array<{ name: string; examples: Example[] }>).find(x => x.name === name)!
  return structuredClone(action === undefined ? e.examples[0] : e.examples.find(x => x.action === action)!)
}

describe('parseEvent with real webhook payloads', () => {
  test.each(['opened', 'synchronize', 'reopened', 'ready_for_review'])('pull_request %s → plan', action => {
    const e = parseEvent('pull_request', ex('pull_request', action))
    expect(e.kind).toBe('pull-request')
    if (e.kind === 'pull-request') {
      expect(e.action).toBe(action)
      expect(e.pull.headSha).toMatch(/^[0-9a-f]{40}$/)
      expect(e.pull.isFork).toBe(false)
    }
  })

  test('a fork variant of opened is flagged', () => {
    const p = ex('pull_request', 'opened') as { pull_request: { head: { repo: { full_name: string } } } }
    p.pull_request.head.repo.full_name = 'forker/Hello-World'
    const e = parseEvent('pull_request', p)
    expect(e.kind === 'pull-request' && e.pull.isFork).toBe(true)
  })

  test('closed → pull-request-closed with merged flag; labeled → ignored', () => {
    const closed = ex('pull_request', 'closed')
    const e = parseEvent('pull_request', closed)
    expect(e).toMatchObject({ kind: 'pull-request-closed', merged: (closed as { pull_request: { merged: boolean } }).pull_request.merged })
    expect(parseEvent('pull_request', ex('pull_request', 'labeled'))).toMatchObject({ kind: 'ignored' })
  })

  test('issue_comment /dms-refresh on a PR → refresh-command; other comments, issues and bots are ignored', () => {
    const c = ex('issue_comment', 'created') as { issue: Record<string, unknown>; comment: { body: string; user: { login: string; type: string }; id: number } }
    expect(parseEvent('issue_comment', c)).toMatchObject({ kind: 'ignored', reason: 'comment is on an issue, not a pull request' })
    c.issue.pull_request = { url: 'https://api.github.com/repos/x/y/pulls/1' }
    expect(parseEvent('issue_comment', c)).toMatchObject({ kind: 'ignored', reason: 'comment is not /dms-refresh' })
    c.comment.body = '  /DMS-refresh  \nplease'
    expect(parseEvent('issue_comment', c)).toEqual({ kind: 'refresh-command', pullNumber: c.issue.number, commenter: c.comment.user.login, commentId: c.comment.id })
    c.comment.user.type = 'Bot'
    expect(parseEvent('issue_comment', c)).toMatchObject({ kind: 'ignored' })
  })

  test('merge_group checks_requested → PR numbers from the queue branch', () => {
    const e = parseEvent('merge_group', ex('merge_group', 'checks_requested'))
    expect(e).toEqual({
      kind: 'merge-group',
      headSha: '2ffea6db159f6b6c47a24e778fb9ef40cf6b1c7d',
      baseSha: '380387fbc80638b734a49e1be1c4dfec1c01b33c',
      baseRef: 'refs/heads/main',
      pullNumbers: [104]
    })
  })

  test('schedule, workflow_dispatch (optionally naming a PR), repository_dispatch → refresh', () => {
    expect(parseEvent('schedule', { schedule: '*/15 * * * *' })).toEqual({ kind: 'refresh', trigger: 'schedule' })
    expect(parseEvent('workflow_dispatch', ex('workflow_dispatch'))).toEqual({ kind: 'refresh', trigger: 'workflow_dispatch' })
    expect(parseEvent('workflow_dispatch', { inputs: { 'pull-request': '42' } })).toEqual({ kind: 'refresh', trigger: 'workflow_dispatch', pullNumber: 42 })
    expect(parseEvent('repository_dispatch', {})).toEqual({ kind: 'refresh', trigger: 'repository_dispatch' })
    expect(parseEvent('push', {})).toMatchObject({ kind: 'ignored' })
  })

  test('helpers', () => {
    expect(isRefreshCommand('/dms-refresh')).toBe(true)
    expect(isRefreshCommand('please /dms-refresh')).toBe(false)
    expect(isRefreshCommand('/dms-refreshing')).toBe(false)
    expect(pullNumbersFromMergeGroupRef('refs/heads/gh-readonly-queue/main/pr-7-aaaaaaa-pr-9-bbbbbbbbbb')).toEqual([7, 9])
    expect(pullNumbersFromMergeGroupRef('refs/heads/main')).toEqual([])
  })
})
