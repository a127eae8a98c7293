// Who runs an approved ticket (CreateProcCorrectOrder doc, ExecMode), and all-or-nothing execution of a set.
import { describe, expect, test } from '@jest/globals'
import { executionStep, planExecution, type ExecutionFacts } from '../../src/dms/execution.js'

const ME = 300051
const facts = (execMode: ExecutionFacts['detail']['execMode'], status: ExecutionFacts['status'], committerId = ME, lastApproverId: number | null = 62): ExecutionFacts =>
  ({ detail: { execMode, status }, status, committerId, lastApproverId })

describe('executionStep', () => {
  test('COMMITOR: ours → execute; another identity → runs elsewhere (by its committer)', () => {
    expect(executionStep(facts('COMMITOR', 'approved'), ME)).toEqual({ kind: 'execute' })
    expect(executionStep(facts('COMMITOR', 'approved', 777), ME)).toEqual({ kind: 'runs-elsewhere', who: 'committer', userId: 777 })
    expect(executionStep(facts(null, 'approved'), ME)).toEqual({ kind: 'execute' })
  })
  test('LAST_AUDITOR: never ours to execute (DMS refuses), the last approver runs it', () => {
    expect(executionStep(facts('LAST_AUDITOR', 'approved'), ME)).toEqual({ kind: 'runs-elsewhere', who: 'last-approver', userId: 62 })
  })
  test('AUTO: runs itself on approval; processing/waiting is running; success done', () => {
    expect(executionStep(facts('AUTO', 'approved'), ME)).toEqual({ kind: 'runs-itself' })
    expect(executionStep(facts('AUTO', 'processing'), ME)).toEqual({ kind: 'running' })
    expect(executionStep(facts('COMMITOR', 'waiting'), ME)).toEqual({ kind: 'running' })
    expect(executionStep(facts('AUTO', 'success'), ME)).toEqual({ kind: 'done' })
  })
  test('not approved or finished badly', () => {
    expect(executionStep(facts('COMMITOR', 'toaudit'), ME)).toEqual({ kind: 'not-approved', status: 'toaudit' })
    expect(executionStep(facts('COMMITOR', 'reject'), ME)).toEqual({ kind: 'failed', status: 'reject' })
    expect(executionStep(facts('AUTO', 'fail'), ME)).toEqual({ kind: 'failed', status: 'fail' })
  })
})

describe('planExecution', () => {
  test('executes ours, waits for AUTO, reports LAST_AUDITOR', () => {
    expect(planExecution([
      { orderId: 1, step: { kind: 'execute' } },
      { orderId: 2, step: { kind: 'runs-itself' } },
      { orderId: 3, step: { kind: 'runs-elsewhere', who: 'last-approver', userId: 62 } },
      { orderId: 4, step: { kind: 'done' } }
    ])).toEqual({ execute: [1], wait: [2], elsewhere: [3], blocking: [] })
  })
  test('one ticket not approved: nothing is executed', () => {
    const plan = planExecution([{ orderId: 1, step: { kind: 'execute' } }, { orderId: 2, step: { kind: 'not-approved', status: 'toaudit' } }])
    expect(plan).toEqual({ execute: [], wait: [], elsewhere: [], blocking: [{ orderId: 2, step: { kind: 'not-approved', status: 'toaudit' } }] })
  })
})
