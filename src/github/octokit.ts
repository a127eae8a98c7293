// The one Octokit of a run: @actions/github's client + retry (5xx, timeouts) + throttling (rate limits, bounded
// retries, GitHub's write pacing), GITHUB_API_URL honoured (GHES), a timeout on every request, and a counter of
// the HTTP requests actually sent (retries included) by method + route, for the debug log, tests and the bench.
import { getOctokit } from '@actions/github'
import { defaults as actionsDefaults } from '@actions/github/lib/utils'
import { retry } from '@octokit/plugin-retry'
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling'

export type GitHubClient = ReturnType<typeof getOctokit>

export interface CallCounts {
  calls: number
  writes: number
  /** `METHOD /route` → number of requests */
  byRoute: Record<string, number>
  writesByRoute: Record<string, number>
}

export class CallCounter {
  private readonly all = new Map<string, number>()
  private readonly writeMap = new Map<string, number>()
  calls = 0
  writes = 0

  record(method: string, route: string): void {
    const key = `${method} ${route}`
    this.calls++
    this.all.set(key, (this.all.get(key) ?? 0) + 1)
    if (method !== 'GET' && method !== 'HEAD') {
      this.writes++
      this.writeMap.set(key, (this.writeMap.get(key) ?? 0) + 1)
    }
  }

  snapshot(): CallCounts {
    return {
      calls: this.calls,
      writes: this.writes,
      byRoute: Object.fromEntries([...this.all].sort()),
      writesByRoute: Object.fromEntries([...this.writeMap].sort())
    }
  }

  /** One line per route, for core.debug. */
  describe(): string {
    const lines = [...this.all].sort().map(([k, n]) => `  ${n} × ${k}`)
    return [`GitHub API: ${this.calls} requests, ${this.writes} writes`, ...lines].join('\n')
  }
}

/** `/repos/o/r/pulls/12/files` → `/repos/{owner}/{repo}/pulls/{n}/files` (ids, shas, paths and users folded). */
export function routeOf(pathname: string): string {
  const parts = pathname.split('/').filter(p => p !== '')
  const out: string[] = []
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]
    const prev = out[out.length - 1]
    if (i === 1 && parts[0] === 'repos') out.push('{owner}')
    else if (i === 2 && parts[0] === 'repos') out.push('{repo}')
    else if (prev === 'contents') {
      out.push('{path}')
      break
    } else if (prev === 'blobs' || prev === 'commits') out.push('{sha}')
    else if (prev === 'collaborators') out.push('{username}')
    else if (/^\d+$/.test(p)) out.push('{n}')
    else out.push(p)
  }
  return '/' + out.join('/')
}

export interface ClientOptions {
  token: string
  /** default: GITHUB_API_URL, else https://api.github.com */
  baseUrl?: string
  /** per HTTP request (default 30 s) */
  timeoutMs?: number
  /** bounded retries on primary/secondary rate limits (default 2) */
  rateLimitRetries?: number
  /** rate-limit waits longer than this many seconds are not retried (default 120) */
  maxRateLimitWaitSeconds?: number
  /** retries of 5xx/timeouts (default 3) */
  serverErrorRetries?: number
  /** ms per "second" of retry-after and backoff; tests shrink it (default 1000) */
  retryUnitMs?: number
  /** GitHub's recommended pacing of writes (1 s; 3 s for notifying writes); tests turn it off (default true) */
  pacing?: boolean
  /** where throttling/retry notes go (default: nowhere); never receives the token */
  log?: (message: string) => void
  counter?: CallCounter
}

export interface GitHubApi {
  octokit: GitHubClient
  counter: CallCounter
  baseUrl: string
}

type FetchLike = (url: string | URL, init?: RequestInit) => Promise<Response>

// A Bottleneck-Group-shaped stand-in that runs jobs at once (used when pacing is off).
const unpaced = {
  key: () => ({
    schedule: (_opts: unknown, fn: (...a: unknown[]) => unknown, ...args: unknown[]) => Promise.resolve(fn(...args))
  })
}

export function createGitHubClient(opts: ClientOptions): GitHubApi {
  const baseUrl = (opts.baseUrl ?? process.env['GITHUB_API_URL'] ?? 'https://api.github.com').replace(/\/+$/, '')
  const basePath = new URL(baseUrl).pathname.replace(/\/+$/, '')
  const counter = opts.counter ?? new CallCounter()
  const timeoutMs = opts.timeoutMs ?? 30_000
  const unit = opts.retryUnitMs ?? 1000
  const rateRetries = opts.rateLimitRetries ?? 2
  const maxWait = opts.maxRateLimitWaitSeconds ?? 120
  const log = opts.log ?? (() => undefined)
  const baseFetch: FetchLike =
    ((actionsDefaults.request as { fetch?: FetchLike } | undefined)?.fetch as FetchLike | undefined) ?? globalThis.fetch

  const countingFetch: FetchLike = (url, init) => {
    const u = new URL(String(url))
    const path = u.pathname.startsWith(basePath) ? u.pathname.slice(basePath.length) : u.pathname
    counter.record((init?.method ?? 'GET').toUpperCase(), routeOf(path))
    const signal = init?.signal ?? AbortSignal.timeout(timeoutMs)
    return baseFetch(url, { ...init, signal })
  }

  const onLimit =
    (kind: string) =>
    (retryAfter: number, options: { method?: string; url?: string }, _octokit: unknown, retryCount: number): boolean => {
      const what = `${options.method ?? ''} ${options.url ?? ''}`.trim()
      if (retryCount < rateRetries && retryAfter <= maxWait) {
        log(`GitHub ${kind} rate limit on ${what}: retry ${retryCount + 1}/${rateRetries} after ${retryAfter} s`)
        return true
      }
      log(`GitHub ${kind} rate limit on ${what}: giving up after ${retryCount} retries`)
      return false
    }

  const throttle: Record<string, unknown> = {
    onRateLimit: onLimit('primary'),
    onSecondaryRateLimit: onLimit('secondary'),
    retryAfterBaseValue: unit
  }
  if (opts.pacing === false) {
    throttle.write = unpaced
    throttle.notifications = unpaced
  }
  const octokit = getOctokit(
    opts.token,
    {
      baseUrl,
      // (never put `retries` in `request`: the retry plugin would then retry every error, 404s included)
      request: { fetch: countingFetch },
      // 429 is handled (with retry-after) by the throttling plugin, not blindly by the retry plugin
      retry: { retries: opts.serverErrorRetries ?? 3, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451], retryAfterBaseValue: unit },
      throttle: throttle as unknown as ThrottlingOptions
    },
    retry,
    throttling
  )
  return { octokit, counter, baseUrl }
}

/** The repository an API call works on. */
export interface RepoRef {
  owner: string
  repo: string
}

/** HTTP status of an Octokit RequestError (undefined for anything else). */
export function httpStatusOf(e: unknown): number | undefined {
  const s = (e as { status?: unknown } | null)?.status
  return typeof s === 'number' ? s : undefined
}
