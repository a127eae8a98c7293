// GitHub API budget of the gate's GitHub side, measured against the fake GitHub (real HTTP, 127.0.0.1):
// a new PR with 1 / 100 / 1,000 changed routine files, read from a checkout (target ≤ 8 + listFiles pages) and
// from the API only; writes on an unchanged refresh (target 0); cold start of dist/index.js to its first API
// call; bundle size.
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { readChangedSources } from '../src/sources/changed-files.js'
import { createGitHubClient } from '../src/github/octokit.js'
import { upsertCheckRun } from '../src/github/check-run.js'
import { upsertStickyComment } from '../src/github/sticky-comment.js'
import { renderCheckOutput, renderComment } from '../src/report/render.js'
import { checkStatusOf } from '../src/state/gate-state.js'
import type { ReportInput } from '../src/report/render.js'
import type { Plan } from '../src/sql/types.js'
import { DEFAULT_TOKEN, startFakeGitHub } from '../src/testing/fake-github.js'

const REPO = { owner: 'acme', repo: 'shop' }

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=b', '-c', 'user.email=b@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' }).trim()
}

function routine(i: number, v: number): string {
  return `DELIMITER $$\nCREATE PROCEDURE p${i}()\nBEGIN\n  SELECT ${v};\nEND$$\nDELIMITER ;\n`
}

interface Row {
  files: number
  source: string
  calls: number
  listPages: number
  writes: number
  refreshWrites: number
  ms: number
}

async function scenario(n: number, withCheckout: boolean): Promise<Row> {
  const tmp = mkdtempSync(join(tmpdir(), 'dpg-bench-'))
  const gh = await startFakeGitHub({ repos: [{ owner: 'acme', name: 'shop' }] })
  try {
    const src = join(tmp, 'src')
    mkdirSync(join(src, 'db'), { recursive: true })
    git(src, 'init', '-q')
    for (let i = 0; i < n; i++) writeFileSync(join(src, 'db', `p${i}.sql`), routine(i, 1))
    writeFileSync(join(src, 'README.md'), 'x')
    git(src, 'add', '-A')
    git(src, 'commit', '-q', '-m', 'base')
    const baseSha = git(src, 'rev-parse', 'HEAD')
    const base: Record<string, string> = { 'README.md': 'x' }
    const head: Record<string, string> = { 'README.md': 'x' }
    for (let i = 0; i < n; i++) {
      base[`db/p${i}.sql`] = routine(i, 1)
      head[`db/p${i}.sql`] = routine(i, 2)
      writeFileSync(join(src, 'db', `p${i}.sql`), routine(i, 2))
    }
    git(src, 'commit', '-q', '-am', 'head')
    const headSha = git(src, 'rev-parse', 'HEAD')
    gh.addCommit('acme/shop', baseSha, base)
    gh.addCommit('acme/shop', headSha, head)
    gh.addPull('acme/shop', { number: 1, baseSha, headSha })
    const ws = withCheckout ? src : undefined

    const api = createGitHubClient({ token: DEFAULT_TOKEN, baseUrl: gh.url, pacing: false })
    const publish = async (): Promise<void> => {
      await upsertCheckRun(api.octokit, REPO, { name: 'DMS approval', headSha, status: checkStatusOf(report.gate), output: renderCheckOutput(report) })
      await upsertStickyComment(api.octokit, REPO, 1, renderComment(report))
    }
    const t0 = performance.now()
    const sources = await readChangedSources({ octokit: api.octokit, repo: REPO, pullNumber: 1, baseSha, headSha, include: ['**/*.sql'], ...(ws ? { workspace: ws } : {}) })
    const plan: Plan = {
      objects: sources.changedPaths.map((file, i) => ({ type: 'PROCEDURE' as const, name: `p${i}`, change: 'modified' as const, file, line: 2 })),
      execSql: [...sources.head.values()].join('\n'),
      rollbackSql: [...sources.base.values()].join('\n'),
      errors: [],
      warnings: []
    }
    const report: ReportInput = {
      plan,
      gate: { kind: 'awaiting-approval', orderId: 1001, node: 'DBA review', handlers: ['alice'] },
      ticket: { orderId: 1001, workflowInstanceId: 5001, url: 'https://dms.aliyun.com/?orderId=1001' },
      context: { repo: 'acme/shop', pullNumber: 1, headSha, planHash: 'abc', checkName: 'DMS approval' }
    }
    await publish()
    const ms = performance.now() - t0
    const first = gh.counters()
    gh.resetCounters()
    await publish()
    return {
      files: n,
      source: sources.contentSource,
      calls: first.calls,
      listPages: first.byRoute['GET /repos/{owner}/{repo}/pulls/{pull_number}/files'] ?? 0,
      writes: first.writes,
      refreshWrites: gh.counters().writes,
      ms: Math.round(ms)
    }
  } finally {
    await gh.close()
    rmSync(tmp, { recursive: true, force: true })
  }
}

async function coldStart(): Promise<string> {
  const dist = join(dirname(new URL(import.meta.url).pathname), '..', 'dist', 'index.js')
  if (!existsSync(dist)) return 'dist/index.js not built'
  const gh = await startFakeGitHub({ repos: [{ owner: 'acme', name: 'shop' }] })
  const tmp = mkdtempSync(join(tmpdir(), 'dpg-cold-'))
  try {
    const event = join(tmp, 'event.json')
    writeFileSync(event, JSON.stringify({ schedule: '*/15 * * * *' }))
    for (const f of ['output', 'summary', 'state', 'env', 'path']) writeFileSync(join(tmp, f), '')
    const t0 = performance.now()
    let firstCall: number | undefined
    const poll = setInterval(() => {
      if (firstCall === undefined && gh.calls.length > 0) firstCall = performance.now() - t0
    }, 2)
    const code = await new Promise<number | null>(resolve => {
      const child = spawn(process.execPath, [dist], {
        stdio: 'ignore',
        env: {
          PATH: process.env.PATH,
          GITHUB_EVENT_NAME: 'schedule',
          GITHUB_EVENT_PATH: event,
          GITHUB_REPOSITORY: 'acme/shop',
          GITHUB_API_URL: gh.url,
          GITHUB_SERVER_URL: 'https://github.com',
          GITHUB_WORKSPACE: tmp,
          RUNNER_TEMP: tmp,
          GITHUB_OUTPUT: join(tmp, 'output'),
          GITHUB_STEP_SUMMARY: join(tmp, 'summary'),
          GITHUB_STATE: join(tmp, 'state'),
          GITHUB_ENV: join(tmp, 'env'),
          GITHUB_PATH: join(tmp, 'path'),
          'INPUT_GITHUB-TOKEN': DEFAULT_TOKEN,
          'INPUT_DMS-ENDPOINT': 'http://127.0.0.1:9',
          'INPUT_ACCESS-KEY-ID': 'bench',
          'INPUT_ACCESS-KEY-SECRET': 'bench'
        }
      })
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
      child.on('exit', c => {
        clearTimeout(timer)
        resolve(c)
      })
    })
    clearInterval(poll)
    const total = Math.round(performance.now() - t0)
    if (firstCall === undefined && gh.calls.length > 0) firstCall = total
    return firstCall === undefined
      ? `no GitHub API call (exit ${code} after ${total} ms; the schedule path may not be wired yet)`
      : `${Math.round(firstCall)} ms to the first GitHub API call (exit ${code} after ${total} ms)`
  } finally {
    await gh.close()
    rmSync(tmp, { recursive: true, force: true })
  }
}

export default async function bench(): Promise<void> {
  const rows: Row[] = []
  for (const n of [1, 100, 1000]) {
    rows.push(await scenario(n, true))
    rows.push(await scenario(n, false))
  }
  console.log('GitHub API budget, new PR (list files + read + check + comment), then an unchanged refresh:')
  console.log('| changed files | contents from | calls | listFiles pages | writes | calls − pages (target ≤ 8 with checkout) | unchanged-refresh writes (target 0) | wall ms |')
  console.log('|---:|---|---:|---:|---:|---:|---:|---:|')
  for (const r of rows) {
    console.log(`| ${r.files} | ${r.source === 'git' ? 'checkout' : 'API'} | ${r.calls} | ${r.listPages} | ${r.writes} | ${r.calls - r.listPages} | ${r.refreshWrites} | ${r.ms} |`)
  }
  const dist = join(dirname(new URL(import.meta.url).pathname), '..', 'dist', 'index.js')
  if (existsSync(dist)) console.log(`\nBundle: dist/index.js ${(statSync(dist).size / 1024 / 1024).toFixed(2)} MB`)
  console.log(`Cold start (schedule event): ${await coldStart()}`)
}
