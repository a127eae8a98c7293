// The one state a PR gate is in, and how each state is shown: the check run, its title and the `state` output.
// Every switch below ends in `assertNever`, so adding a state does not compile until each mapping handles it.
import type { Finding } from '../sql/types.js'

/** Handlers and reasons come from DMS (GetApprovalDetail), never from PR or comment text. */
export type GateState =
  | { kind: 'planning' }
  | { kind: 'plan-failed'; findings: Finding[] }
  | { kind: 'no-changes' }
  | { kind: 'awaiting-precheck'; orderId: number }
  | { kind: 'precheck-failed'; orderId: number; reasons: string[] }
  | { kind: 'awaiting-approval'; orderId: number; node: string; handlers: string[] }
  | { kind: 'approved'; orderId: number }
  | { kind: 'rejected'; orderId: number; reasons: string[] }
  | { kind: 'cancelled'; orderId: number }
  | { kind: 'closed'; orderId: number; reason?: string }
  | { kind: 'executing'; orderId: number }
  | { kind: 'executed'; orderId: number }
  | { kind: 'execution-failed'; orderId: number; message: string }
  | { kind: 'error'; message: string }
  /** a fork PR: no ticket until a maintainer reviews `headSha` and comments `/dms-refresh <sha>` */
  | { kind: 'awaiting-maintainer'; objectCount: number; headSha: string }
  /** merged: the ticket is approved and only its last approver (ExecMode LAST_AUDITOR) may execute it in DMS */
  | { kind: 'awaiting-execution'; orderId: number }
  /** verify-database: the plan did not deploy, compare or roll back on the test server (no ticket was opened) */
  | { kind: 'verify-failed'; step: string; message: string; server?: string }
  /** something in or around the PR breaks the gate's guarantee; never green until it is gone */
  | { kind: 'blocked'; block: Block }

/** Why a gate is blocked. Each cause carries what the explanation needs. */
export type Block =
  /** pull_request or merge_group: the change edits a workflow that runs this Action, so it controls the gate's inputs */
  | { cause: 'workflow-changed'; files: string[] }
  /** another check run with the gate's name is on the commit and the gate did not write it */
  | { cause: 'foreign-check'; runs: Array<{ id: number; app: string }> }
  /** a ticket carries this plan's identity but the SQL or databases read back from DMS differ */
  | { cause: 'ticket-mismatch'; orderId: number; detail: string }
  /** merge group / merge commit: a target's plan has no approved gate ticket */
  | { cause: 'no-approved-ticket'; targets: string[]; detail: string }

export type GateKind = GateState['kind']

/** Every kind, in a stable order (tests iterate it to prove the mappings are total). */
export const GATE_KINDS: readonly GateKind[] = [
  'planning',
  'plan-failed',
  'no-changes',
  'awaiting-precheck',
  'precheck-failed',
  'awaiting-approval',
  'approved',
  'rejected',
  'cancelled',
  'closed',
  'executing',
  'executed',
  'execution-failed',
  'error',
  'awaiting-maintainer',
  'awaiting-execution',
  'blocked',
  'verify-failed'
] as const

/**
 * What the check run shows. `neutral`/`skipped` are deliberately not representable: branch protection treats them
 * as passing, so anything that must block is `in_progress` or `failure`.
 */
export type CheckStatus =
  | { status: 'in_progress' }
  | { status: 'completed'; conclusion: 'success' | 'failure' }

export function assertNever(x: never): never {
  throw new Error(`unhandled gate state: ${JSON.stringify(x)}`)
}

const IN_PROGRESS: CheckStatus = { status: 'in_progress' }
const SUCCESS: CheckStatus = { status: 'completed', conclusion: 'success' }
const FAILURE: CheckStatus = { status: 'completed', conclusion: 'failure' }

export function checkStatusOf(state: GateState): CheckStatus {
  switch (state.kind) {
    case 'planning':
    case 'awaiting-precheck':
    case 'awaiting-approval':
    case 'executing':
    case 'awaiting-execution':
    case 'awaiting-maintainer': // cannot gate yet: stays pending (blocking) until a maintainer refreshes
      return IN_PROGRESS
    case 'approved':
    case 'executed':
    case 'no-changes':
      return SUCCESS
    case 'plan-failed':
    case 'precheck-failed':
    case 'rejected':
    case 'cancelled':
    case 'closed':
    case 'execution-failed':
    case 'error':
    case 'blocked':
    case 'verify-failed':
      return FAILURE
    default:
      return assertNever(state)
  }
}

/** True when the gate will not change without a new push or a DMS-side action by a person. */
export function isFinal(state: GateState): boolean {
  return checkStatusOf(state).status === 'completed'
}

function names(list: readonly string[]): string {
  return list.length > 0 ? list.join(', ') : 'no handler assigned'
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** A one-line title (check-run title, comment status line). Kept short: GitHub shows it truncated in lists. */
export function titleOf(state: GateState): string {
  switch (state.kind) {
    case 'planning':
      return 'Planning routine changes…'
    case 'plan-failed':
      return `Plan failed: ${plural(state.findings.length, 'error')} in the SQL`
    case 'no-changes':
      return 'No routine changes to deploy'
    case 'awaiting-precheck':
      return `DMS ticket ${state.orderId}: waiting for the precheck`
    case 'precheck-failed':
      return `DMS ticket ${state.orderId}: precheck failed`
    case 'awaiting-approval':
      return `Awaiting DBA approval: node '${state.node}' — ${names(state.handlers)}`
    case 'approved':
      return `Approved in DMS (ticket ${state.orderId})`
    case 'rejected':
      return `Rejected in DMS (ticket ${state.orderId})`
    case 'cancelled':
      return `DMS ticket ${state.orderId} was cancelled`
    case 'closed':
      return `DMS ticket ${state.orderId} was closed`
    case 'executing':
      return `Executing DMS ticket ${state.orderId}…`
    case 'executed':
      return `Executed in DMS (ticket ${state.orderId})`
    case 'execution-failed':
      return `Execution of DMS ticket ${state.orderId} failed`
    case 'error':
      return 'DMS gate error'
    case 'awaiting-maintainer':
      return `Fork PR: ${plural(state.objectCount, 'routine change')} planned; a maintainer must review and comment /dms-refresh ${state.headSha.slice(0, 12)}`
    case 'awaiting-execution':
      return `Approved; DMS ticket ${state.orderId} waits for its last approver to execute it in DMS`
    case 'blocked':
      return blockTitle(state.block)
    case 'verify-failed':
      return `Verification on the test database failed (${state.step}); no ticket was opened`
    default:
      return assertNever(state)
  }
}

function blockTitle(b: Block): string {
  switch (b.cause) {
    case 'workflow-changed':
      return `Blocked: this PR changes a workflow that runs the gate (${b.files.join(', ')})`
    case 'foreign-check':
      return `Blocked: another check run with this name is on the commit, not written by the gate`
    case 'ticket-mismatch':
      return `Blocked: DMS ticket ${b.orderId} does not hold this plan's SQL`
    case 'no-approved-ticket':
      return `No approved DMS ticket for this commit's plan (target ${b.targets.join(', ')})`
    default:
      return assertNever(b)
  }
}

/** The explanation of a block, one paragraph (check summary, comment). */
export function blockDetail(b: Block): string {
  switch (b.cause) {
    case 'workflow-changed':
      return 'On pull_request and merge_group the workflow file, and so every input of the gate (include globs, config path, database, endpoint, ' +
        'check name), comes from the change itself. A change that edits such a workflow cannot be gated by it: merge the workflow change on its own ' +
        'first (reviewed by its code owners), and run the gate on pull_request_target (docs/security.md).'
    case 'foreign-check':
      return `Check runs ${b.runs.map(r => `${r.id} (${r.app})`).join(', ')} carry the gate's name but were not written by it ` +
        '(a job named like the check, or another app). Rename that job, and pin the required check to the gate\'s GitHub App (docs/security.md).'
    case 'ticket-mismatch':
      return `The ticket's comment names this plan, but ${b.detail}. The gate never trusts it; close it in DMS.`
    case 'no-approved-ticket':
      return b.detail
    default:
      return assertNever(b)
  }
}

/** The `state` output of the Action (stable, kebab-case; documented in action.yml). */
export function stateOutputOf(state: GateState): GateKind {
  switch (state.kind) {
    case 'planning':
    case 'plan-failed':
    case 'no-changes':
    case 'awaiting-precheck':
    case 'precheck-failed':
    case 'awaiting-approval':
    case 'approved':
    case 'rejected':
    case 'cancelled':
    case 'closed':
    case 'executing':
    case 'executed':
    case 'execution-failed':
    case 'error':
    case 'awaiting-maintainer':
    case 'awaiting-execution':
    case 'blocked':
    case 'verify-failed':
      return state.kind
    default:
      return assertNever(state)
  }
}

/** The DMS order id the state refers to, when there is one. */
export function orderIdOf(state: GateState): number | undefined {
  if ('orderId' in state) return state.orderId
  return state.kind === 'blocked' && state.block.cause === 'ticket-mismatch' ? state.block.orderId : undefined
}
