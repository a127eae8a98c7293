// The Action measured on the built dist/index.js against the emulator and the fake GitHub API: for a new PR with
// 1 / 100 / 1,000 changed routine files, with a checkout and through the API only, the GitHub calls (with a
// checkout: target ≤ 8 + listFiles pages) and the whole run's wall time, with the git reads timed on their own;
// writes on an unchanged refresh (target 0); start-up to the first API call beside a bare node; the bundle size.
import { execFileSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { readFromGit } from '../src/sources/changed-files.js'
import { prepareDist, startScenario } from '../src/testing/run-action.js'

function fn(i: number, v: number): string {
  return `DELIMITER $$\nDROP FUNCTION IF EXISTS f_${i}$$\nCREATE FUNCTION f_${i}(p INT) RETURNS INT\n  DETERMINISTIC\n  RETURN p + ${v}$$\nDELIMITER ;\n`
}

function files(n: number, v: number): Record<string, string> {
  const out: Record<string, string> = {}
  for (let i = 0; i < n; i++) out[`db/routines/f_${String(i).padStart(4, '0')}.sql`] = fn(i, v)
  return out
}

interface Row {
  files: number
  checkout: boolean
  calls: number
  writes: number
  pages: number
  target: string
  refreshWrites: number
  /** whole run, spawn to exit, one per new PR */
  wallMs: number[]
  /** the run's two git reads (base and head of the changed paths), measured in-process on the same workspace */
  gitMs: number[]
}

const REPS = 3

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 === 1 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
}
const range = (xs: readonly number[]): string => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`

/** REPS new PRs with the same n changed files (each opens its own ticket): API budget of the first, wall time of all. */
async function newPr(entry: string, n: number, checkout: boolean): Promise<Row> {
  // precheck answers at once: the wall time is the Action's own (a real DMS precheck adds seconds)
  const s = await startScenario({ entry, baseFiles: files(n, 1), inputs: { database: 'demo' }, checkout, precheckDelayMs: 0 })
  try {
    const wallMs: number[] = []
    const gitMs: number[] = []
    let first: { calls: number; writes: number } | undefined
    const paths = Object.keys(files(n, 2))
    for (let pr = 1; pr <= REPS; pr++) {
      const { headSha } = s.openPull({ number: pr, changes: files(n, 2) })
      s.github.resetCounters()
      const run = await s.pullRequest('opened', pr)
      if (run.exitCode !== 0) throw new Error(`run failed: ${run.stdout.slice(-2000)}`)
      wallMs.push(run.elapsedMs)
      first ??= s.github.counters()
      const t0 = performance.now()
      await readFromGit(s.ws.dir, s.baseSha, paths)
      await readFromGit(s.ws.dir, headSha, paths)
      gitMs.push(performance.now() - t0)
    }
    const pages = Math.max(1, Math.ceil(n / 100))
    s.github.resetCounters()
    await s.schedule()
    const refreshWrites = s.github.counters().writes
    return { files: n, checkout, calls: first!.calls, writes: first!.writes, pages, target: checkout ? `≤ ${8 + pages - 1}` : '—', refreshWrites, wallMs, gitMs }
  } finally {
    await s.close()
  }
}

/** ms from spawning dist/index.js on a new PR (no checkout) to its first GitHub request. */
async function coldStart(entry: string): Promise<number[]> {
  const s = await startScenario({ entry, baseFiles: files(1, 1), inputs: { database: 'demo' }, checkout: false })
  const times: number[] = []
  try {
    s.openPull({ number: 1, changes: files(1, 2) })
    for (let i = 0; i < 5; i++) {
      s.github.resetCounters()
      let first = 0
      const t0 = performance.now()
      const timer = setInterval(() => {
        if (first === 0 && s.github.calls.length > 0) first = performance.now() - t0
      }, 1)
      await s.pullRequest('reopened', 1)
      clearInterval(timer)
      times.push(first)
    }
  } finally {
    await s.close()
  }
  return times
}

/** Wall time of a bare `node -e 0`, for scale. */
function bareNode(): number[] {
  const out: number[] = []
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now()
    execFileSync(process.execPath, ['-e', '0'])
    out.push(performance.now() - t0)
  }
  return out
}

export default async function bench(): Promise<void> {
  const entry = prepareDist({ build: 'if-stale' })
  const rows: Row[] = []
  for (const n of [1, 100, 1000]) rows.push(await newPr(entry, n, true))
  for (const n of [1, 100, 1000]) rows.push(await newPr(entry, n, false))
  console.log('New PR (pull_request opened): GitHub API requests of one run')
  console.log('| changed routine files | sources | calls | writes | listFiles pages | target | writes on the next (unchanged) refresh |')
  console.log('|---:|---|---:|---:|---:|---|---:|')
  for (const r of rows) {
    console.log(`| ${r.files} | ${r.checkout ? 'checkout' : 'API'} | ${r.calls} | ${r.writes} | ${r.pages} | ${r.target} | ${r.refreshWrites} |`)
  }
  console.log(`\nNew PR: wall time of the whole run (spawn of dist/index.js to exit; median of ${REPS} new PRs, range in brackets)`)
  console.log('| changed routine files | with a checkout | of which reading git (base + head) | without a checkout (API) |')
  console.log('|---:|---:|---:|---:|')
  for (const n of [1, 100, 1000]) {
    const git = rows.find(r => r.files === n && r.checkout)!
    const api = rows.find(r => r.files === n && !r.checkout)!
    console.log(`| ${n} | ${median(git.wallMs).toFixed(0)} ms (${range(git.wallMs)}) | ${median(git.gitMs).toFixed(0)} ms (${range(git.gitMs)}) | ${median(api.wallMs).toFixed(0)} ms (${range(api.wallMs)}) |`)
  }
  const cold = await coldStart(entry)
  console.log(`\nStart-up: spawn of dist/index.js to its first GitHub API request on a PR run without a checkout (5 runs): median ${median(cold).toFixed(0)} ms (${range(cold)}); bare \`node -e 0\`: median ${median(bareNode()).toFixed(0)} ms`)
  const size = statSync(entry).size
  const chunks = readdirSync(dirname(entry)).filter(f => /^\d+\.index\.js$/.test(f)).map(f => statSync(join(dirname(entry), f)).size)
  console.log(`Bundle: dist/index.js ${(size / 1e6).toFixed(2)} MB (${size} bytes); ${chunks.length} chunks loaded only by runs that call DMS, ${(chunks.reduce((a, b) => a + b, 0) / 1e6).toFixed(2)} MB`)
}
