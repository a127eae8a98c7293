// Pure: which mode a workflow event puts the Action in, from GITHUB_EVENT_NAME and the payload. Payload text is
// untrusted (comment bodies, branch names): only numbers, shas and logins are taken from it, and approval is never
// read from it.
import { toPullInfo, type PullInfo, type PullLike } from '../github/pull-requests.js'

export const REFRESH_COMMAND = '/dms-refresh'

/** pull_request runs the PR's copy of the workflow; pull_request_target runs the base branch's (docs/security.md). */
export type PullTrigger = 'pull_request' | 'pull_request_target'

export type Mode =
  /** opened / synchronize / reopened / ready_for_review / edited: plan, find-or-create tickets, report */
  | { kind: 'pull-request'; trigger: PullTrigger; pull: PullInfo; body: string | null; action: string; before?: string }
  /** closed: unmerged → close tickets; merged → close what was not merged, optionally execute what was */
  | { kind: 'closed'; trigger: PullTrigger; pull: PullInfo; body: string | null }
  /** schedule / workflow_dispatch / repository_dispatch: refresh every open PR (or the one a dispatch names) */
  | { kind: 'refresh'; trigger: 'schedule' | 'workflow_dispatch' | 'repository_dispatch'; pullNumber?: number }
  /** `/dms-refresh [<sha>]` on a PR: evaluate that PR (after checking the commenter may); `sha` binds it to a commit */
  | { kind: 'comment-refresh'; pullNumber: number; commenter: string; commenterIsBot: boolean; sha?: string }
  /** merge queue: the merge group's own plan against its base, judged against approved tickets */
  | { kind: 'merge-group'; headSha: string; headRef: string; baseSha: string; pullNumbers: number[] }
  | { kind: 'ignored'; reason: string }

const PR_ACTIONS = new Set(['opened', 'synchronize', 'reopened', 'ready_for_review', 'edited'])
const SHA = /^[0-9a-f]{40}$/i

type Payload = Record<string, unknown>

function obj(v: unknown): Payload | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Payload) : undefined
}

function positiveInt(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{1,10}$/.test(v.trim()) ? Number(v.trim()) : NaN
  return Number.isSafeInteger(n) && n > 0 ? n : undefined
}

/** `refs/heads/gh-readonly-queue/main/pr-104-<sha>` → [104] (several when batched: `…/pr-7-<sha>-pr-9-<sha>`). */
export function pullNumbersOfMergeGroupRef(ref: string): number[] {
  if (!/(?:^|\/)gh-readonly-queue\//.test(ref)) return []
  const out = [...ref.matchAll(/(?:^|[/-])pr-(\d+)-[0-9a-f]{7,64}/gi)].map(m => Number(m[1]))
  return [...new Set(out)].filter(n => Number.isSafeInteger(n) && n > 0)
}

/**
 * The refresh command, alone on the first non-empty line: `/dms-refresh`, optionally followed by the commit the
 * commenter reviewed (7 to 40 hex digits). Undefined when the comment is not the command.
 */
export function parseRefreshCommand(body: string): { sha?: string } | undefined {
  const first = (body.split(/\r?\n/).find(l => l.trim() !== '') ?? '').trim()
  const m = /^\/dms-refresh(?:\s+(\S+))?(?:\s.*)?$/i.exec(first)
  if (m === null) return undefined
  const arg = m[1]
  return arg !== undefined && /^[0-9a-f]{7,40}$/i.test(arg) ? { sha: arg.toLowerCase() } : {}
}

export function isRefreshCommand(body: string): boolean {
  return parseRefreshCommand(body) !== undefined
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
      if (action === 'closed') return { kind: 'closed', trigger: eventName, pull, body }
      if (PR_ACTIONS.has(action)) {
        const m: Mode = { kind: 'pull-request', trigger: eventName, pull, body, action }
        if (typeof payload.before === 'string' && SHA.test(payload.before)) m.before = payload.before.toLowerCase()
        return m
      }
      return { kind: 'ignored', reason: `pull_request action '${action}' does not change the gate` }
    }
    case 'schedule':
    case 'repository_dispatch':
      return { kind: 'refresh', trigger: eventName }
    case 'workflow_dispatch': {
      const inputs = obj(payload.inputs) ?? {}
      const n = positiveInt(inputs['pull-request'] ?? inputs['pull_request'] ?? inputs['pr'])
      return n === undefined ? { kind: 'refresh', trigger: 'workflow_dispatch' } : { kind: 'refresh', trigger: 'workflow_dispatch', pullNumber: n }
    }
    case 'issue_comment': {
      const issue = obj(payload.issue)
      const comment = obj(payload.comment)
      if (payload.action !== 'created') return { kind: 'ignored', reason: `issue_comment ${String(payload.action)} is not a command` }
      if (!issue || !comment || !obj(issue.pull_request)) return { kind: 'ignored', reason: 'the comment is not on a pull request' }
      const command = parseRefreshCommand(typeof comment.body === 'string' ? comment.body : '')
      if (command === undefined) return { kind: 'ignored', reason: `the comment is not ${REFRESH_COMMAND}` }
      const pullNumber = positiveInt(issue.number)
      if (pullNumber === undefined) return { kind: 'ignored', reason: 'issue_comment payload has no PR number' }
      const user = obj(comment.user)
      const m: Mode = {
        kind: 'comment-refresh',
        pullNumber,
        commenter: typeof user?.login === 'string' ? user.login : 'ghost',
        commenterIsBot: user?.type === 'Bot'
      }
      if (command.sha !== undefined) m.sha = command.sha
      return m
    }
    case 'merge_group': {
      const mg = obj(payload.merge_group)
      if (payload.action !== undefined && payload.action !== 'checks_requested') return { kind: 'ignored', reason: `merge_group action '${String(payload.action)}'` }
      if (!mg || typeof mg.head_sha !== 'string' || !SHA.test(mg.head_sha)) return { kind: 'ignored', reason: 'merge_group payload has no head_sha' }
      if (typeof mg.base_sha !== 'string' || !SHA.test(mg.base_sha)) return { kind: 'ignored', reason: 'merge_group payload has no base_sha' }
      const headRef = typeof mg.head_ref === 'string' ? mg.head_ref : ''
      return { kind: 'merge-group', headSha: mg.head_sha, headRef, baseSha: mg.base_sha, pullNumbers: pullNumbersOfMergeGroupRef(headRef) }
    }
    default:
      return {
        kind: 'ignored',
        reason: `event '${eventName}' is not handled (use pull_request_target or pull_request, merge_group, issue_comment, schedule or workflow_dispatch)`
      }
  }
}
