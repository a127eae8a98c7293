// Pure: which mode a workflow event puts the Action in, from GITHUB_EVENT_NAME and the payload.
import { toPullInfo, type PullInfo, type PullLike } from '../github/pull-requests.js'

export const REFRESH_COMMAND = '/dms-refresh'

export type Mode =
  /** opened / synchronize / reopened / ready_for_review: plan, find-or-create tickets, report */
  | { kind: 'pull-request'; pull: PullInfo; body: string | null; action: string }
  /** closed: unmerged → close tickets; merged → optionally execute */
  | { kind: 'closed'; pull: PullInfo; body: string | null }
  /** schedule / workflow_dispatch: refresh every open gated PR */
  | { kind: 'refresh'; trigger: 'schedule' | 'workflow_dispatch' }
  /** `/dms-refresh` on a PR: evaluate that PR (after checking the commenter may) */
  | { kind: 'comment-refresh'; pullNumber: number; commenter: string; commenterIsBot: boolean }
  /** merge queue: report the PR's gate on the merge group's head sha */
  | { kind: 'merge-group'; headSha: string; headRef: string; pullNumbers: number[] }
  | { kind: 'ignored'; reason: string }

const PR_ACTIONS = new Set(['opened', 'synchronize', 'reopened', 'ready_for_review', 'edited'])

type Payload = Record<string, unknown>

function obj(v: unknown): Payload | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Payload) : undefined
}

/** `refs/heads/gh-readonly-queue/main/pr-104-<sha>` → [104] (only the documented prefix + observed pr-N part). */
export function pullNumbersOfMergeGroupRef(ref: string): number[] {
  const m = /(?:^|\/)gh-readonly-queue\/.+\/pr-(\d+)-[0-9a-f]{7,64}$/i.exec(ref)
  return m ? [Number(m[1])] : []
}

/** True when a comment body asks for a refresh: the command alone on its first line. */
export function isRefreshCommand(body: string): boolean {
  const first = body.trim().split(/\r?\n/)[0]?.trim() ?? ''
  return first === REFRESH_COMMAND || first.startsWith(REFRESH_COMMAND + ' ')
}

export function modeOf(eventName: string, payload: Payload): Mode {
  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target': {
      const pr = obj(payload.pull_request)
      const action = typeof payload.action === 'string' ? payload.action : ''
      if (!pr) return { kind: 'ignored', reason: `${eventName} payload has no pull_request` }
      const pull = toPullInfo(pr as unknown as PullLike)
      const body = typeof pr.body === 'string' ? pr.body : null
      if (action === 'closed') return { kind: 'closed', pull, body }
      if (PR_ACTIONS.has(action)) return { kind: 'pull-request', pull, body, action }
      return { kind: 'ignored', reason: `pull_request action '${action}' does not change the gate` }
    }
    case 'schedule':
    case 'workflow_dispatch':
      return { kind: 'refresh', trigger: eventName }
    case 'issue_comment': {
      const issue = obj(payload.issue)
      const comment = obj(payload.comment)
      if (payload.action !== 'created') return { kind: 'ignored', reason: `issue_comment ${String(payload.action)} is not a command` }
      if (!issue || !comment || !obj(issue.pull_request)) return { kind: 'ignored', reason: 'the comment is not on a pull request' }
      if (!isRefreshCommand(typeof comment.body === 'string' ? comment.body : '')) {
        return { kind: 'ignored', reason: `the comment is not ${REFRESH_COMMAND}` }
      }
      const user = obj(comment.user)
      return {
        kind: 'comment-refresh',
        pullNumber: Number(issue.number),
        commenter: typeof user?.login === 'string' ? user.login : 'ghost',
        commenterIsBot: user?.type === 'Bot'
      }
    }
    case 'merge_group': {
      const mg = obj(payload.merge_group)
      if (!mg || typeof mg.head_sha !== 'string') return { kind: 'ignored', reason: 'merge_group payload has no head_sha' }
      const headRef = typeof mg.head_ref === 'string' ? mg.head_ref : ''
      return { kind: 'merge-group', headSha: mg.head_sha, headRef, pullNumbers: pullNumbersOfMergeGroupRef(headRef) }
    }
    default:
      return { kind: 'ignored', reason: `event '${eventName}' is not handled (use pull_request, schedule, workflow_dispatch, issue_comment or merge_group)` }
  }
}
