// The Action's GitHub API budget and start-up, measured on the built dist/index.js against the emulator and the
// fake GitHub API: calls for a new PR with 1 / 100 / 1,000 changed routine files (with a checkout: target
// ≤ 8 + listFiles pages; and through the API only), writes on an unchanged refresh (target 0), cold start to
// the first API call, and the bundle size.
import { statSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
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
  ms: number
}

async function newPr(entry: string, n: number, checkout: boolean): Promise<Row> {
  const s = await startScenario({ entry, baseFiles: files(n, 1), inputs: { database: 'demo' }, checkout })
  try {
    s.openPull({ number: 1, changes: files(n, 2) })
    s.github.resetCounters()
    const t0 = performance.now()
    const run = await s.pullRequest('opened', 1)
    const ms = performance.now() - t0
    if (run.exitCode !== 0) throw new Error(`run failed: ${run.stdout.slice(-2000)}`)
    const c = s.github.counters()
    const pages = Math.max(1, Math.ceil(n / 100))
    s.github.resetCounters()
    await s.schedule()
    const refreshWrites = s.github.counters().writes
    return { files: n, checkout, calls: c.calls, writes: c.writes, pages, target: checkout ? `≤ ${8 + pages - 1}` : '—', refreshWrites, ms }
  } finally {
    await s.close()
  }
}

async function coldStart(entry: string): Promise<number[]> {
  const s = await startScenario({ entry, baseFiles: files(1, 1), inputs: { database: 'demo' } })
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

export default async function bench(): Promise<void> {
  const entry = prepareDist({ build: 'if-stale' })
  const rows: Row[] = []
  for (const n of [1, 100, 1000]) rows.push(await newPr(entry, n, true))
  for (const n of [1, 100, 1000]) rows.push(await newPr(entry, n, false))
  console.log('New PR (pull_request opened): GitHub API requests of one run')
  console.log('| changed routine files | sources | calls | writes | listFiles pages | target | writes on the next (unchanged) refresh | run ms |')
  console.log('|---:|---|---:|---:|---:|---|---:|---:|')
  for (const r of rows) {
    console.log(`| ${r.files} | ${r.checkout ? 'checkout' : 'API'} | ${r.calls} | ${r.writes} | ${r.pages} | ${r.target} | ${r.refreshWrites} | ${r.ms.toFixed(0)} |`)
  }
  const cold = (await coldStart(entry)).sort((a, b) => a - b)
  console.log(`\nCold start of dist/index.js to its first GitHub API request (5 runs): median ${cold[2]!.toFixed(0)} ms, min ${cold[0]!.toFixed(0)} ms, max ${cold[4]!.toFixed(0)} ms`)
  const size = statSync(entry).size
  console.log(`Bundle: dist/index.js ${(size / 1024 / 1024).toFixed(2)} MiB (${size} bytes)`)
}
