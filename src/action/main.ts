// The Action: event → mode → run → report. Any unexpected error fails the check (never neutral) and the job.
import { readFileSync } from 'node:fs'
import * as core from '@actions/core'
import { CallCounter, createGitHubClient } from '../github/octokit.js'
import { getInputs, type Inputs } from './inputs.js'
import { DEFAULT_CONSOLE_BASE } from '../report/render.js'
import type { GateContext } from './context.js'
import { dmsFactory, type DmsFactory } from './dms-factory.js'
import { modeOf, type Mode } from './event.js'
import { setOutputs, writeJobSummary } from './job-output.js'
import { runClosed } from './modes/closed.js'
import { runMergeGroup } from './modes/merge-group.js'
import { FORK_EXPLANATION, runPullRequest, runReadOnlyFork } from './modes/pull-request.js'
import { readTicketBook, type TicketBook } from '../tickets/book.js'
import { runCommentRefresh, runRefresh } from './modes/refresh.js'
import { isCheckout } from '../plan/plan-pull.js'
import { publishError } from '../report/publish.js'
import type { ModeResult } from './result.js'

/** Longest wait for a new ticket's precheck inside one run. */
export const PRECHECK_WAIT_MS = 60_000

function readPayload(path: string | undefined): Record<string, unknown> {
  if (!path) throw new Error('GITHUB_EVENT_PATH is not set: run this as a GitHub Action step')
  const v = JSON.parse(readFileSync(path, 'utf8')) as unknown
  if (typeof v !== 'object' || v === null) throw new Error(`GITHUB_EVENT_PATH ${path} does not hold a JSON object`)
  return v as Record<string, unknown>
}

function repoOf(env: NodeJS.ProcessEnv): { owner: string; repo: string; full: string } {
  const full = env['GITHUB_REPOSITORY'] ?? ''
  const m = /^([^/\s]+)\/([^/\s]+)$/.exec(full)
  if (!m) throw new Error(`GITHUB_REPOSITORY must be owner/name, got ${JSON.stringify(full)}`)
  return { owner: m[1]!, repo: m[2]!, full }
}

/** Ticket links: the DMS console, or the endpoint itself for a local (http) emulator. */
function consoleBaseOf(inputs: Inputs): string {
  return inputs.dmsEndpoint.protocol === 'http' ? `http://${inputs.dmsEndpoint.host}` : DEFAULT_CONSOLE_BASE
}

/** A fork PR on pull_request: the token is read-only and there are no secrets (nothing can be written). */
function readOnlyFork(mode: Mode): boolean {
  return (mode.kind === 'pull-request' || mode.kind === 'closed') && mode.trigger === 'pull_request' && mode.pull.isFork
}

/** The commit whose check shows an unexpected error, when the mode has one. */
function errorShaOf(mode: Mode): string | undefined {
  switch (mode.kind) {
    case 'pull-request':
      return readOnlyFork(mode) ? undefined : mode.pull.headSha
    case 'merge-group':
      return mode.headSha
    default:
      return undefined
  }
}

async function dispatch(ctx: GateContext, mode: Mode): Promise<ModeResult> {
  switch (mode.kind) {
    case 'pull-request':
      if (readOnlyFork(mode)) return runReadOnlyFork(ctx, mode.pull, mode.body)
      // a fork's ticket waits for a maintainer to clear its commit (/dms-refresh <sha>); anyone can open a PR
      return runPullRequest(ctx, mode.pull, mode.body, { allowCreate: !mode.pull.isFork, wait: true, ...(mode.before !== undefined ? { before: mode.before } : {}) })
    case 'closed':
      if (readOnlyFork(mode)) {
        ctx.log.info('Fork PR closed on pull_request: this run has no DMS credentials; run the gate on pull_request_target to close its tickets, or close them in DMS')
        return {}
      }
      return runClosed(ctx, mode.pull, mode.body)
    case 'refresh':
      return runRefresh(ctx, mode.pullNumber)
    case 'comment-refresh':
      return runCommentRefresh(ctx, mode)
    case 'merge-group':
      return runMergeGroup(ctx, mode)
    case 'ignored':
      ctx.log.info(`Nothing to do: ${mode.reason}`)
      return {}
  }
}

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const counter = new CallCounter()
  let ctx: GateContext | undefined
  let mode: Mode | undefined
  let dms: DmsFactory | undefined
  try {
    const inputs = getInputs()
    const eventName = env['GITHUB_EVENT_NAME'] ?? ''
    mode = modeOf(eventName, readPayload(env['GITHUB_EVENT_PATH']))
    const repo = repoOf(env)
    const github = createGitHubClient({ token: inputs.githubToken, counter, log: m => core.debug(m) })
    dms = dmsFactory(inputs)
    const workspace = env['GITHUB_WORKSPACE']
    const m = mode
    const dmsGet = dms.get
    let book: Promise<TicketBook> | undefined
    const server = (env['GITHUB_SERVER_URL'] ?? 'https://github.com').replace(/\/+$/, '')
    ctx = {
      inputs,
      repo: { owner: repo.owner, repo: repo.repo },
      repoFullName: repo.full,
      github,
      dms: dms.get,
      book: () => (book ??= dmsGet().then(client => readTicketBook(client, { windowDays: inputs.ticketWindowDays, now: new Date(), log: l => core.info(l) }))),
      ...(isCheckout(workspace) ? { workspace } : {}),
      apiOnly: eventName === 'pull_request_target',
      ...(env['GITHUB_ACTION_REPOSITORY'] ? { actionRepository: env['GITHUB_ACTION_REPOSITORY'] } : {}),
      workflowFromPr: (m.kind === 'pull-request' || m.kind === 'closed') && m.trigger === 'pull_request',
      consoleBase: consoleBaseOf(inputs),
      ...(env['GITHUB_RUN_ID'] ? { runUrl: `${server}/${repo.full}/actions/runs/${env['GITHUB_RUN_ID']}` } : {}),
      log: { info: m => core.info(m), debug: m => core.debug(m), warning: m => core.warning(m) },
      now: () => new Date(),
      sleep: ms => new Promise(resolve => setTimeout(resolve, ms)),
      precheckWaitMs: PRECHECK_WAIT_MS
    }
    core.info(`dms-proc-gate: ${eventName} → ${mode.kind}`)
    const result = await dispatch(ctx, mode)
    if (result.report !== undefined) await writeJobSummary(result.report, result.title)
    if (result.outputs !== undefined) setOutputs(result.outputs)
    if (readOnlyFork(mode)) for (const line of FORK_EXPLANATION) core.notice(line)
    if (result.failure !== undefined) core.setFailed(result.failure)
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    const sha = mode !== undefined ? errorShaOf(mode) : undefined
    if (ctx !== undefined && sha !== undefined) {
      try {
        await publishError(ctx, sha, message)
      } catch (e2) {
        core.warning(`Could not report the error on the check: ${(e2 as Error).message}`)
      }
    }
    core.setOutput('state', 'error')
    core.setFailed(message)
  } finally {
    core.debug(counter.describe())
    await dms?.cleanup().catch(() => undefined)
  }
}
