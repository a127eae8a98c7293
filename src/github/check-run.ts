// Our check run on a commit: found by name, created or updated, annotations sent 50 a request, output truncated by
// UTF-8 bytes, no write when nothing changed, and a fresh run when the old one nears GitHub's 14-day stale limit.
import { createHash } from 'node:crypto'
import type { CheckStatus } from '../state/gate-state.js'
import { CHECK_TEXT_MAX_BYTES, truncateBytes } from '../report/truncate.js'
import { httpStatusOf, type GitHubClient, type RepoRef } from './octokit.js'

export interface CheckOutput {
  title: string
  summary: string
  text?: string
}

export interface CheckAnnotation {
  path: string
  start_line: number
  end_line: number
  annotation_level: 'notice' | 'warning' | 'failure'
  message: string
  title?: string
}

export interface DesiredCheck {
  name: string
  headSha: string
  status: CheckStatus
  output: CheckOutput
  annotations?: CheckAnnotation[]
  /** e.g. the DMS order id: returned on list, not shown */
  externalId?: string
  detailsUrl?: string
}

export interface ExistingCheck {
  id: number
  name: string
  status: string
  conclusion: string | null
  startedAt: string | null
  externalId: string | null
  title: string | null
  summary: string | null
  text: string | null
  annotationsCount: number
  /** the GitHub App that created the run (github-actions = 15368 for the workflow token) */
  app: { id: number; slug: string }
}

export type CheckAction = 'created' | 'updated' | 'unchanged' | 'recreated'

export interface CheckRunResult {
  id: number
  action: CheckAction
  /** why a new run replaced the old one (recreated) */
  reason?: string
  /** the app our run belongs to (the token's app): what tells the gate's runs from others */
  app?: { id: number; slug: string }
}

export const ANNOTATIONS_PER_REQUEST = 50
/** GitHub marks runs incomplete for 14 days `stale`; replace ours a day before. */
export const STALE_AFTER_MS = 13 * 24 * 60 * 60 * 1000
const MESSAGE_MAX_BYTES = 64 * 1024 - 1
const ANNOTATION_TITLE_MAX = 255

type RunJson = {
  id: number
  name: string
  status: string
  conclusion?: string | null
  started_at?: string | null
  external_id?: string | null
  output: { title?: string | null; summary?: string | null; text?: string | null; annotations_count: number }
  app?: { id: number; slug?: string } | null
}

function existingOf(r: RunJson): ExistingCheck {
  return {
    id: r.id,
    name: r.name,
    status: r.status,
    conclusion: r.conclusion ?? null,
    startedAt: r.started_at ?? null,
    externalId: r.external_id ?? null,
    title: r.output.title ?? null,
    summary: r.output.summary ?? null,
    text: r.output.text ?? null,
    annotationsCount: r.output.annotations_count,
    app: { id: r.app?.id ?? 0, slug: r.app?.slug ?? '' }
  }
}

/** Every run named `name` on the commit, from any app, newest first (check runs ids only grow). */
export async function listCheckRuns(octokit: GitHubClient, repo: RepoRef, headSha: string, name: string): Promise<ExistingCheck[]> {
  const runs = await octokit.paginate(octokit.rest.checks.listForRef, { ...repo, ref: headSha, check_name: name, filter: 'all', per_page: 100 })
  return (runs as unknown as RunJson[]).filter(r => r.name === name).map(existingOf).sort((a, b) => b.id - a.id)
}

/** The newest run named `name` on the commit (any app). */
export async function findCheckRun(octokit: GitHubClient, repo: RepoRef, headSha: string, name: string): Promise<ExistingCheck | undefined> {
  const { data } = await octokit.rest.checks.listForRef({ ...repo, ref: headSha, check_name: name, filter: 'latest', per_page: 100 })
  const runs = (data.check_runs as unknown as RunJson[]).filter(r => r.name === name)
  if (runs.length === 0) return undefined
  return existingOf(runs.reduce((a, b) => (b.id > a.id ? b : a)))
}

const ANNOTATIONS_MARKER = '<!-- dms-proc-gate:annotations '

/** A hidden fingerprint of the annotations in the summary: runs only accumulate annotations, so new ones need a new run. */
export function annotationsMarker(annotations: readonly CheckAnnotation[]): string {
  if (annotations.length === 0) return ''
  const hash = createHash('sha256').update(JSON.stringify(annotations)).digest('hex').slice(0, 16)
  return `\n${ANNOTATIONS_MARKER}${hash} -->`
}

/** Output with every field within GitHub's byte limit (`suffix` is kept whole at the end of the summary). */
export function boundedOutput(o: CheckOutput, suffix = ''): CheckOutput {
  const title = truncateBytes(o.title.replace(/\s+/g, ' ').trim(), 1024, '…')
  const out: CheckOutput = { title, summary: truncateBytes(o.summary, CHECK_TEXT_MAX_BYTES - Buffer.byteLength(suffix)) + suffix }
  if (o.text !== undefined && o.text !== '') out.text = truncateBytes(o.text, CHECK_TEXT_MAX_BYTES)
  return out
}

function boundedAnnotation(a: CheckAnnotation): CheckAnnotation {
  const startLine = Math.max(1, Math.floor(a.start_line))
  const b: CheckAnnotation = {
    path: a.path,
    start_line: startLine,
    end_line: Math.max(startLine, Math.floor(a.end_line)),
    annotation_level: a.annotation_level,
    message: truncateBytes(a.message, MESSAGE_MAX_BYTES, '…')
  }
  if (a.title !== undefined) b.title = a.title.length > ANNOTATION_TITLE_MAX ? a.title.slice(0, ANNOTATION_TITLE_MAX - 1) + '…' : a.title
  return b
}

type Decision = { kind: 'create'; reason?: string } | { kind: 'update' } | { kind: 'unchanged' }

/** Pure: what to do with the existing run (exported for tests and the bench). */
export function decide(existing: ExistingCheck | undefined, want: DesiredCheck, output: CheckOutput, now: Date): Decision {
  if (existing === undefined) return { kind: 'create' }
  const incomplete = existing.status !== 'completed'
  if (incomplete && existing.startedAt !== null && now.getTime() - Date.parse(existing.startedAt) > STALE_AFTER_MS) {
    return { kind: 'create', reason: `check run ${existing.id} started ${existing.startedAt} is close to GitHub's 14-day stale limit` }
  }
  if (!incomplete && want.status.status !== 'completed') {
    return { kind: 'create', reason: `check run ${existing.id} is completed; a pending gate needs a new run` }
  }
  const annotations = want.annotations ?? []
  const marker = annotationsMarker(annotations)
  if (existing.annotationsCount > 0 && (existing.annotationsCount !== annotations.length || marker === '' || !(existing.summary ?? '').endsWith(marker))) {
    return { kind: 'create', reason: `annotations changed (annotations only accumulate on a run)` }
  }
  const sameStatus =
    want.status.status === 'completed'
      ? existing.status === 'completed' && existing.conclusion === want.status.conclusion
      : existing.status === want.status.status
  const same =
    sameStatus &&
    existing.title === output.title &&
    existing.summary === output.summary &&
    (existing.text ?? '') === (output.text ?? '') &&
    existing.annotationsCount === annotations.length &&
    (want.externalId === undefined || existing.externalId === want.externalId)
  return same ? { kind: 'unchanged' } : { kind: 'update' }
}

function statusFields(s: CheckStatus, now: Date): Record<string, string> {
  return s.status === 'completed'
    ? { status: 'completed', conclusion: s.conclusion, completed_at: now.toISOString() }
    : { status: s.status }
}

export interface UpsertOptions {
  now?: Date
  /** the runs named like this check on the commit, already listed (listCheckRuns) */
  runs?: ExistingCheck[]
  /** which of them are the gate's own (default: all); only those are updated */
  isOurs?: (run: ExistingCheck) => boolean
}

/**
 * Makes the latest run named `want.name` on `want.headSha` show `want`. Zero writes when it already does.
 * Annotations: the first 50 go with the create/update, the rest in further updates (GitHub appends them).
 */
export async function upsertCheckRun(octokit: GitHubClient, repo: RepoRef, want: DesiredCheck, opts: UpsertOptions = {}): Promise<CheckRunResult> {
  const now = opts.now ?? new Date()
  const annotations = (want.annotations ?? []).map(boundedAnnotation)
  const output = boundedOutput(want.output, annotationsMarker(annotations))
  const runs = opts.runs ?? (await listCheckRuns(octokit, repo, want.headSha, want.name))
  const ours = opts.isOurs !== undefined ? runs.filter(opts.isOurs) : runs
  const existing = ours[0]
  // GitHub shows (and branch protection reads) the newest run of a name: ours must be it.
  const newerOther = existing !== undefined && runs.some(r => r.id > existing.id && !ours.includes(r))
  const decision: Decision = newerOther
    ? { kind: 'create', reason: `a newer run with this name (not the gate's) is on the commit` }
    : decide(existing, { ...want, annotations }, output, now)
  if (decision.kind === 'unchanged') return { id: existing!.id, action: 'unchanged', app: existing!.app }

  const batches: CheckAnnotation[][] = []
  for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST) batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST))
  const first = batches.shift() ?? []
  const extra: Record<string, string> = {}
  if (want.externalId !== undefined) extra.external_id = want.externalId
  if (want.detailsUrl !== undefined) extra.details_url = want.detailsUrl

  let app: { id: number; slug: string } | undefined
  const appOf = (data: unknown): void => {
    const a = (data as { app?: { id?: number; slug?: string } | null }).app
    if (a?.id !== undefined) app = { id: a.id, slug: a.slug ?? '' }
  }
  const create = async (): Promise<number> => {
    const { data } = await octokit.rest.checks.create({
      ...repo,
      name: want.name,
      head_sha: want.headSha,
      started_at: now.toISOString(),
      ...statusFields(want.status, now),
      ...extra,
      output: { ...output, annotations: first }
    } as Parameters<GitHubClient['rest']['checks']['create']>[0])
    appOf(data)
    return data.id
  }

  let id: number
  let action: CheckAction
  let reason = decision.kind === 'create' ? decision.reason : undefined
  if (decision.kind === 'create') {
    id = await create()
    action = existing === undefined ? 'created' : 'recreated'
  } else {
    id = existing!.id
    // annotations already on the run stay; only send them when the run has none yet
    const send = existing!.annotationsCount === 0 ? first : []
    try {
      const { data } = await octokit.rest.checks.update({
        ...repo,
        check_run_id: id,
        ...statusFields(want.status, now),
        ...extra,
        output: { ...output, annotations: send }
      } as Parameters<GitHubClient['rest']['checks']['update']>[0])
      appOf(data)
      if (existing!.annotationsCount !== 0) batches.length = 0
      action = 'updated'
    } catch (e) {
      // A run of the same name made by another app (or a job's own check) cannot be modified with our token:
      // the latest run of a name is the one GitHub shows, so a new run takes over.
      if (httpStatusOf(e) !== 403) throw e
      id = await create()
      action = 'recreated'
      reason = `check run ${existing!.id} belongs to another GitHub App (or a job); created a new run`
    }
  }
  for (const batch of batches) {
    await octokit.rest.checks.update({ ...repo, check_run_id: id, output: { ...output, annotations: batch } })
  }
  const result: CheckRunResult = { id, action }
  if (reason !== undefined) result.reason = reason
  if (app !== undefined) result.app = app
  return result
}
