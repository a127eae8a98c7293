// The triggering event, parsed once into what the gate does with it. Pure: (event name, payload) → GateEvent.
// Payload text is untrusted (comment bodies, branch names); only numbers, shas and logins are taken from it, and
// approval is never read from it.
import { toPullInfo, type PullInfo, type PullLike } from './pull-requests.js'

export const REFRESH_COMMAND = '/dms-refresh'

/** pull_request actions that (re)plan the PR */
export const PLAN_ACTIONS = ['opened', 'synchronize', 'reopened', 'ready_for_review', 'edited'] as const
export type PlanAction = (typeof PLAN_ACTIONS)[number]

export type GateEvent =
  | { kind: 'pull-request'; action: PlanAction; pull: PullInfo }
  | { kind: 'pull-request-closed'; pull: PullInfo; merged: boolean }
  /** `/dms-refresh` commented on a PR: the commenter's permission must be checked before acting */
  | { kind: 'refresh-command'; pullNumber: number; commenter: string; commentId: number }
  /** refresh every open gated PR (or one PR, when workflow_dispatch names it) */
  | { kind: 'refresh'; trigger: 'schedule' | 'workflow_dispatch' | 'repository_dispatch'; pullNumber?: number }
  | { kind: 'merge-group'; headSha: string; baseSha: string; baseRef: string; pullNumbers: number[] }
  | { kind: 'ignored'; reason: string }

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

/** True when a comment body is the refresh command (first non-empty line, case-insensitive, nothing else on it). */
export function isRefreshCommand(body: string): boolean {
  const first = body.split(/\r?\n/).find(l => l.trim() !== '') ?? ''
  return first.trim().toLowerCase() === REFRESH_COMMAND
}

/** PR numbers from a merge-queue branch: `refs/heads/gh-readonly-queue/main/pr-104-<sha>` (several when batched). */
export function pullNumbersFromMergeGroupRef(ref: string): number[] {
  const out = [...ref.matchAll(/(?:^|[/-])pr-(\d+)-[0-9a-f]{7,40}/g)].map(m => Number(m[1]))
  return [...new Set(out)].filter(n => Number.isSafeInteger(n) && n > 0)
}

function positiveInt(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{1,10}$/.test(v.trim()) ? Number(v.trim()) : NaN
  return Number.isSafeInteger(n) && n > 0 ? n : undefined
}

export function parseEvent(eventName: string, payload: unknown): GateEvent {
  const p: Obj = isObj(payload) ? payload : {}
  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target': {
      if (!isObj(p.pull_request)) return { kind: 'ignored', reason: `${eventName} payload has no pull_request` }
      const pull = toPullInfo(p.pull_request as unknown as PullLike)
      const action = String(p.action ?? '')
      if (action === 'closed') return { kind: 'pull-request-closed', pull, merged: pull.merged }
      if ((PLAN_ACTIONS as readonly string[]).includes(action)) return { kind: 'pull-request', action: action as PlanAction, pull }
      return { kind: 'ignored', reason: `pull_request action '${action}' does not change the plan` }
    }
    case 'issue_comment': {
      const issue = isObj(p.issue) ? p.issue : {}
      const comment = isObj(p.comment) ? p.comment : {}
      if (p.action !== 'created') return { kind: 'ignored', reason: `issue_comment action '${String(p.action)}'` }
      if (!isObj(issue.pull_request)) return { kind: 'ignored', reason: 'comment is on an issue, not a pull request' }
      if (!isRefreshCommand(String(comment.body ?? ''))) return { kind: 'ignored', reason: `comment is not ${REFRESH_COMMAND}` }
      const user = isObj(comment.user) ? comment.user : {}
      const pullNumber = positiveInt(issue.number)
      const commentId = positiveInt(comment.id)
      if (pullNumber === undefined || commentId === undefined || typeof user.login !== 'string') {
        return { kind: 'ignored', reason: 'issue_comment payload lacks the PR number, comment id or commenter' }
      }
      if (user.type === 'Bot') return { kind: 'ignored', reason: `${REFRESH_COMMAND} from a bot (${user.login})` }
      return { kind: 'refresh-command', pullNumber, commenter: user.login, commentId }
    }
    case 'schedule':
    case 'repository_dispatch':
      return { kind: 'refresh', trigger: eventName }
    case 'workflow_dispatch': {
      const inputs = isObj(p.inputs) ? p.inputs : {}
      const n = positiveInt(inputs['pull-request'] ?? inputs['pull_request'] ?? inputs['pr'])
      return n === undefined ? { kind: 'refresh', trigger: 'workflow_dispatch' } : { kind: 'refresh', trigger: 'workflow_dispatch', pullNumber: n }
    }
    case 'merge_group': {
      const mg = isObj(p.merge_group) ? p.merge_group : {}
      if (p.action !== 'checks_requested') return { kind: 'ignored', reason: `merge_group action '${String(p.action)}'` }
      if (typeof mg.head_sha !== 'string' || typeof mg.head_ref !== 'string') return { kind: 'ignored', reason: 'merge_group payload lacks head_sha/head_ref' }
      return {
        kind: 'merge-group',
        headSha: mg.head_sha,
        baseSha: typeof mg.base_sha === 'string' ? mg.base_sha : '',
        baseRef: typeof mg.base_ref === 'string' ? mg.base_ref : '',
        pullNumbers: pullNumbersFromMergeGroupRef(mg.head_ref)
      }
    }
    default:
      return { kind: 'ignored', reason: `event '${eventName}' is not handled` }
  }
}
