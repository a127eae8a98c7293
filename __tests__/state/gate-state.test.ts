import { describe, expect, test } from '@jest/globals'
import { GATE_KINDS, blockDetail, checkStatusOf, isFinal, orderIdOf, stateOutputOf, titleOf, type Block, type GateKind, type GateState } from '../../src/state/gate-state.js'

/** One example of every state; the Record type makes this fail to compile when a kind is added. */
const EXAMPLES: { [K in GateKind]: Extract<GateState, { kind: K }> } = {
  planning: { kind: 'planning' },
  'plan-failed': { kind: 'plan-failed', findings: [{ file: 'a.sql', line: 3, message: 'unterminated' }, { file: 'b.sql', line: 1, message: 'x' }] },
  'no-changes': { kind: 'no-changes' },
  'awaiting-precheck': { kind: 'awaiting-precheck', orderId: 1001 },
  'precheck-failed': { kind: 'precheck-failed', orderId: 1001, reasons: ['syntax'] },
  'awaiting-approval': { kind: 'awaiting-approval', orderId: 1001, node: 'DBA review', handlers: ['alice', 'bob'] },
  approved: { kind: 'approved', orderId: 1001 },
  rejected: { kind: 'rejected', orderId: 1001, reasons: ['no'] },
  cancelled: { kind: 'cancelled', orderId: 1001 },
  closed: { kind: 'closed', orderId: 1001, reason: 'superseded' },
  executing: { kind: 'executing', orderId: 1001 },
  executed: { kind: 'executed', orderId: 1001 },
  'execution-failed': { kind: 'execution-failed', orderId: 1001, message: 'boom' },
  error: { kind: 'error', message: 'DMS unreachable' },
  'awaiting-maintainer': { kind: 'awaiting-maintainer', objectCount: 2, headSha: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' },
  'awaiting-execution': { kind: 'awaiting-execution', orderId: 1001 },
  blocked: { kind: 'blocked', block: { cause: 'foreign-check', runs: [{ id: 7, app: 'github-actions' }] } },
  'verify-failed': { kind: 'verify-failed', step: 'deploy', message: 'db/a.sql:3: You have an error in your SQL syntax', server: '10.11.19-MariaDB' }
}

describe('GateState mappings', () => {
  test('GATE_KINDS lists every kind once', () => {
    expect([...GATE_KINDS].sort()).toEqual(Object.keys(EXAMPLES).sort())
  })

  test('success only for approved, executed and no-changes; never neutral or skipped', () => {
    const success = GATE_KINDS.filter(k => {
      const s = checkStatusOf(EXAMPLES[k])
      return s.status === 'completed' && s.conclusion === 'success'
    })
    expect(success.sort()).toEqual(['approved', 'executed', 'no-changes'])
    for (const k of GATE_KINDS) {
      const s = checkStatusOf(EXAMPLES[k]) as { status: string; conclusion?: string }
      expect(['in_progress', 'completed']).toContain(s.status)
      expect([undefined, 'success', 'failure']).toContain(s.conclusion)
    }
  })

  test.each([
    ['planning', 'in_progress'],
    ['awaiting-precheck', 'in_progress'],
    ['awaiting-approval', 'in_progress'],
    ['executing', 'in_progress'],
    ['awaiting-maintainer', 'in_progress'],
    ['awaiting-execution', 'in_progress'],
    ['blocked', 'failure'],
    ['verify-failed', 'failure'],
    ['plan-failed', 'failure'],
    ['precheck-failed', 'failure'],
    ['rejected', 'failure'],
    ['cancelled', 'failure'],
    ['closed', 'failure'],
    ['execution-failed', 'failure'],
    ['error', 'failure']
  ] as Array<[GateKind, string]>)('%s → %s (blocks the merge)', (kind, want) => {
    const s = checkStatusOf(EXAMPLES[kind])
    expect(s.status === 'completed' ? s.conclusion : s.status).toBe(want)
    expect(isFinal(EXAMPLES[kind])).toBe(want !== 'in_progress')
  })

  test('titles say who must act', () => {
    expect(titleOf(EXAMPLES['awaiting-approval'])).toBe("Awaiting DBA approval: node 'DBA review' — alice, bob")
    expect(titleOf({ kind: 'awaiting-approval', orderId: 1, node: 'DBA', handlers: [] })).toBe("Awaiting DBA approval: node 'DBA' — no handler assigned")
    expect(titleOf(EXAMPLES['plan-failed'])).toBe('Plan failed: 2 errors in the SQL')
    expect(titleOf(EXAMPLES['no-changes'])).toBe('No routine changes to deploy')
    expect(titleOf(EXAMPLES['awaiting-maintainer'])).toBe('Fork PR: 2 routine changes planned; a maintainer must review and comment /dms-refresh aaaaaaaaaaaa')
    expect(titleOf(EXAMPLES['awaiting-execution'])).toBe('Approved; DMS ticket 1001 waits for its last approver to execute it in DMS')
    for (const k of GATE_KINDS) expect(titleOf(EXAMPLES[k]).length).toBeGreaterThan(5)
  })

  test('every block cause has its own title and explanation', () => {
    const blocks: Block[] = [
      { cause: 'workflow-changed', files: ['.github/workflows/gate.yml'] },
      { cause: 'foreign-check', runs: [{ id: 7, app: 'github-actions' }, { id: 9, app: 'other-app' }] },
      { cause: 'ticket-mismatch', orderId: 1002, detail: 'its deploy SQL in DMS differs (line 3: …)' },
      { cause: 'no-approved-ticket', targets: ['shop'], detail: 'No DMS ticket of this gate holds the plan.' }
    ]
    expect(blocks.map(b => titleOf({ kind: 'blocked', block: b }))).toEqual([
      'Blocked: this PR changes a workflow that runs the gate (.github/workflows/gate.yml)',
      'Blocked: another check run with this name is on the commit, not written by the gate',
      "Blocked: DMS ticket 1002 does not hold this plan's SQL",
      "No approved DMS ticket for this commit's plan (target shop)"
    ])
    expect(blockDetail(blocks[1]!)).toContain('Check runs 7 (github-actions), 9 (other-app) carry the gate\'s name but were not written by it')
    expect(blockDetail(blocks[2]!)).toBe("The ticket's comment names this plan, but its deploy SQL in DMS differs (line 3: …). The gate never trusts it; close it in DMS.")
    expect(orderIdOf({ kind: 'blocked', block: blocks[2]! })).toBe(1002)
  })

  test('state output is the kind; order id when there is one', () => {
    for (const k of GATE_KINDS) expect(stateOutputOf(EXAMPLES[k])).toBe(k)
    expect(orderIdOf(EXAMPLES.approved)).toBe(1001)
    expect(orderIdOf(EXAMPLES.error)).toBeUndefined()
  })
})
