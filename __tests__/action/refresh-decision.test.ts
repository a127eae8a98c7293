import { describe, expect, test } from '@jest/globals'
import { refreshDecision } from '../../src/action/modes/refresh.js'
import type { ExistingCheck } from '../../src/github/check-run.js'
import { renderCheckMarker, type CheckMarker } from '../../src/report/publish.js'

const HEAD = 'a'.repeat(40)
const NOW = new Date('2026-12-01T12:00:00Z')

function run(id: number, marker: Partial<CheckMarker> | null, extra: Partial<ExistingCheck> = {}): ExistingCheck {
  const m: CheckMarker = { v: 2, state: 'awaiting-approval', orders: [1001], perm: [], digest: 'd', head: HEAD, ...marker }
  return {
    id, name: 'DMS approval', status: 'in_progress', conclusion: null, startedAt: '2026-12-01T11:00:00Z', externalId: null, title: 't',
    summary: marker === null ? null : `${renderCheckMarker(m)}\nsummary`, text: null, annotationsCount: 0, app: { id: 15368, slug: 'github-actions' }, ...extra
  }
}

describe('refreshDecision: what a refresh does with a PR, from the check runs on its head', () => {
  test('no gate check on the head: evaluate, and the PR may get its ticket now', () => {
    expect(refreshDecision([], HEAD, NOW)).toEqual({ kind: 'evaluate', why: 'its head has no gate check', create: true })
  })

  test('a run without the marker, or runs of two apps: evaluate (the gate will say it is blocked)', () => {
    expect(refreshDecision([run(2, null), run(1, {})], HEAD, NOW)).toMatchObject({ kind: 'evaluate', create: false })
    expect(refreshDecision([run(2, {}, { app: { id: 777, slug: 'dms-gate' } }), run(1, {})], HEAD, NOW)).toMatchObject({ kind: 'evaluate', create: false })
  })

  test('errors and unfinished creations are retried with creation allowed', () => {
    for (const state of ['error', 'planning', 'awaiting-precheck'] as const) {
      expect(refreshDecision([run(1, { state })], HEAD, NOW)).toEqual({ kind: 'evaluate', why: `its gate is ${state}`, create: true })
    }
  })

  test('green and pending checks that name tickets are re-read in DMS', () => {
    expect(refreshDecision([run(1, { state: 'approved' }, { status: 'completed', conclusion: 'success' })], HEAD, NOW)).toMatchObject({ kind: 'recheck', green: true })
    expect(refreshDecision([run(1, { state: 'executed' })], HEAD, NOW)).toMatchObject({ kind: 'recheck', green: true })
    expect(refreshDecision([run(1, { state: 'awaiting-approval' })], HEAD, NOW)).toMatchObject({ kind: 'recheck', green: false })
    expect(refreshDecision([run(1, { state: 'approved', orders: [] })], HEAD, NOW)).toMatchObject({ kind: 'evaluate', create: false })
  })

  test('final states wait for a push; a fork waits for a maintainer', () => {
    for (const state of ['rejected', 'plan-failed', 'blocked', 'no-changes', 'cancelled', 'closed'] as const) {
      expect(refreshDecision([run(1, { state })], HEAD, NOW)).toMatchObject({ kind: 'skip' })
    }
    expect(refreshDecision([run(1, { state: 'awaiting-maintainer' })], HEAD, NOW)).toEqual({ kind: 'skip', why: 'a maintainer must clear the fork\'s commit' })
  })

  test('a marker of another commit, or a pending check near the 14-day stale limit: evaluate', () => {
    expect(refreshDecision([run(1, { head: 'b'.repeat(40) })], HEAD, NOW)).toMatchObject({ kind: 'evaluate', create: false })
    expect(refreshDecision([run(1, {}, { startedAt: '2026-11-17T11:00:00Z' })], HEAD, NOW)).toMatchObject({ kind: 'evaluate', why: expect.stringContaining('stale') })
  })
})
