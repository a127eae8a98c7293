// What every mode needs at run time: the inputs, the repository, the GitHub client, a lazily created DMS client
// (fork runs never create one), where the checkout is, and how to log. Built once in main.ts.
import type { DmsClient } from '../dms/client.js'
import type { TicketBook } from '../tickets/book.js'
import type { GitHubApi, GitHubClient, RepoRef } from '../github/octokit.js'
import type { Inputs } from './inputs.js'

export interface Log {
  info(message: string): void
  debug(message: string): void
  warning(message: string): void
}

export interface GateContext {
  inputs: Inputs
  repo: RepoRef
  /** owner/name */
  repoFullName: string
  github: GitHubApi
  /** Created on first use (credentials, OIDC): fork runs and plan-only runs never touch DMS. */
  dms: () => Promise<DmsClient>
  /** The gate's own DMS tickets, listed once per run on first use (tickets/book.ts). */
  book: () => Promise<TicketBook>
  /** GITHUB_WORKSPACE when it is a git checkout (sources then come from git, not the API). */
  workspace?: string
  /** pull_request_target: never read the workspace (it is not the PR's code, and PR code is never fetched) */
  apiOnly: boolean
  /** GITHUB_ACTION_REPOSITORY: how workflows name this Action (to spot a PR editing the gate's workflow) */
  actionRepository?: string
  /** pull_request (not _target): the workflow, and so every input, is the PR's own copy */
  workflowFromPr: boolean
  /** Base of links to tickets (the DMS console, or the emulator). */
  consoleBase: string
  /** Link to this workflow run, for the comment footer. */
  runUrl?: string
  log: Log
  now: () => Date
  sleep: (ms: number) => Promise<void>
  /** Longest wait for a new ticket's precheck inside one run (ms). */
  precheckWaitMs: number
}

/** How the readers in src/sources reach the repository: always the API, the checkout only when the run may read it. */
export interface RepoAccess {
  octokit: GitHubClient
  repo: RepoRef
  workspace?: string
  log: (line: string) => void
}

export function repoAccessOf(ctx: GateContext): RepoAccess {
  const readable = ctx.workspace !== undefined && !ctx.apiOnly
  return { octokit: ctx.github.octokit, repo: ctx.repo, ...(readable ? { workspace: ctx.workspace } : {}), log: m => ctx.log.debug(m) }
}
