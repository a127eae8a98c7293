// Pure: who runs an approved ticket, from its ExecMode (CreateProcCorrectOrder doc: COMMITOR = the submitter runs
// it after approval, AUTO = DMS runs it on approval, LAST_AUDITOR = the last approver runs it). ExecuteDataCorrect
// is only ever the committer's call on a COMMITOR ticket: DMS refuses it on LAST_AUDITOR tickets, and an AUTO
// ticket is already running. planExecution decides for a set of tickets before any is run, so a merge never
// leaves half of them executed because a later one could not be.
import type { DataCorrectOrderDetail, OrderStatus } from './types.js'

export type ExecutionStep =
  /** Approved COMMITOR ticket of ours: call ExecuteDataCorrect. */
  | { kind: 'execute' }
  /** AUTO: DMS starts it on approval; wait for success or fail, never call ExecuteDataCorrect. */
  | { kind: 'runs-itself' }
  /** Someone else runs it in DMS (LAST_AUDITOR: its last approver; COMMITOR: another identity's ticket). */
  | { kind: 'runs-elsewhere'; who: 'last-approver' | 'committer'; userId: number | null }
  | { kind: 'running' }
  | { kind: 'done' }
  | { kind: 'failed'; status: OrderStatus }
  /** Not approved (yet, or ever): nothing may run. */
  | { kind: 'not-approved'; status: OrderStatus }

export interface ExecutionFacts {
  /** GetDataCorrectOrderDetail. */
  detail: Pick<DataCorrectOrderDetail, 'execMode' | 'status'>
  /** GetOrderBaseInfo status and committer. */
  status: OrderStatus
  committerId: number | null
  /** GetApprovalDetail: who approved the last node (null when unknown). */
  lastApproverId?: number | null
}

/** What to do with one ticket, for the DMS user `self` (the gate's identity). */
export function executionStep(f: ExecutionFacts, self: number | null): ExecutionStep {
  const status = f.status === 'unknown' ? f.detail.status : f.status
  if (status === 'success') return { kind: 'done' }
  // waiting (GetDataCorrectOrderDetail model): "the task is submitted and waits to be scheduled" — already asked to run.
  if (status === 'processing' || status === 'waiting') return { kind: 'running' }
  if (status === 'fail' || status === 'reject' || status === 'cancel' || status === 'closed' || status === 'precheck_failed') return { kind: 'failed', status }
  if (status !== 'approved') return { kind: 'not-approved', status }
  switch (f.detail.execMode) {
    case 'AUTO':
      return { kind: 'runs-itself' }
    case 'LAST_AUDITOR':
      return { kind: 'runs-elsewhere', who: 'last-approver', userId: f.lastApproverId ?? null }
    case 'COMMITOR':
    case null:
      // DMS's default ExecMode is COMMITOR (emulator and docs agree that the submitter runs such tickets).
      return self !== null && f.committerId === self ? { kind: 'execute' } : { kind: 'runs-elsewhere', who: 'committer', userId: f.committerId }
  }
}

export interface ExecutionPlan {
  /** Call ExecuteDataCorrect on these, in order — only when nothing below blocks. */
  execute: number[]
  /** Wait for these (AUTO, or already running). */
  wait: number[]
  /** Run by someone else in DMS; report, do not call. */
  elsewhere: number[]
  /** Tickets that stop the whole set: not approved, or finished without running. */
  blocking: Array<{ orderId: number; step: ExecutionStep }>
}

/** All or nothing: when any ticket is not approved or has failed, none is executed. */
export function planExecution(tickets: ReadonlyArray<{ orderId: number; step: ExecutionStep }>): ExecutionPlan {
  const plan: ExecutionPlan = { execute: [], wait: [], elsewhere: [], blocking: [] }
  for (const t of tickets) {
    switch (t.step.kind) {
      case 'execute': plan.execute.push(t.orderId); break
      case 'runs-itself':
      case 'running': plan.wait.push(t.orderId); break
      case 'runs-elsewhere': plan.elsewhere.push(t.orderId); break
      case 'done': break
      case 'failed':
      case 'not-approved': plan.blocking.push(t); break
    }
  }
  if (plan.blocking.length > 0) plan.execute = []
  return plan
}
