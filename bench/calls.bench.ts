// `npm run bench -- calls`: GitHub and DMS calls per run of the built Action, for the runs a PR goes through:
// new PR, rerun, refresh of a pending gate, refresh of a green gate, merge group, merged with execute-on-merge.
// Counted by the fake GitHub (every request, writes apart) and the DMS emulator (per action). DPG_ACTION_ENTRY=<path
// to another index.js> measures another build the same way (before/after comparisons, docs/performance.md).
import { prepareDist, startScenario, type Scenario } from '../src/testing/run-action.js'

const procFile = (name: string, body: string): string =>
  `DELIMITER $$\nDROP PROCEDURE IF EXISTS ${name}$$\nCREATE PROCEDURE ${name}(IN p_days INT)\nBEGIN\n  ${body}\nEND$$\nDELIMITER ;\n`
const BASE = { 'db/routines/archive_orders.sql': procFile('archive_orders', 'DELETE FROM orders WHERE created_at < NOW() - INTERVAL p_days DAY;') }
const CHANGE = { 'db/routines/archive_orders.sql': procFile('archive_orders', "DELETE FROM orders WHERE status = 'delivered';") }

interface Row {
  run: string
  github: number
  writes: number
  dms: number
  byAction: string
}

async function measure(s: Scenario, run: string, f: () => Promise<unknown>): Promise<Row> {
  s.github.resetCounters()
  await fetch(`${s.emulator.url}/__emulator/stats`, { method: 'DELETE' })
  await f()
  const gh = s.github.counters()
  const stats = s.emulator.state.stats()
  const byAction = Object.entries(stats.byAction).sort(([a], [b]) => a.localeCompare(b)).map(([a, n]) => `${a} ${n}`).join(', ')
  return { run, github: gh.calls, writes: gh.writes, dms: stats.total, byAction }
}

export default async function bench(): Promise<void> {
  const entry = process.env['DPG_ACTION_ENTRY'] || prepareDist({ build: 'if-stale' })
  const rows: Row[] = []
  for (const checkout of [true, false]) {
    const s = await startScenario({ entry, baseFiles: BASE, inputs: { database: 'demo', 'execute-on-merge': 'true' }, checkout, precheckDelayMs: 50 })
    try {
      const tag = checkout ? 'checkout' : 'API only'
      s.openPull({ number: 1, changes: CHANGE })
      rows.push(await measure(s, `new PR (${tag})`, () => s.pullRequest('opened', 1)))
      rows.push(await measure(s, `rerun, same plan (${tag})`, () => s.pullRequest('reopened', 1)))
      rows.push(await measure(s, `refresh, pending, unchanged (${tag})`, () => s.schedule()))
      const [ticket] = await s.orders()
      await s.decide(ticket!.orderId, 'approve')
      rows.push(await measure(s, `refresh, just approved (${tag})`, () => s.schedule()))
      rows.push(await measure(s, `refresh, green (${tag})`, () => s.schedule()))
      rows.push(await measure(s, `merge group (${tag})`, () => s.mergeGroup(1)))
      s.merge(1)
      rows.push(await measure(s, `merged, execute-on-merge (${tag})`, () => s.pullRequest('closed', 1)))
      s.openPull({ number: 2, changes: { 'docs/readme.md': 'no SQL\n' } })
      rows.push(await measure(s, `PR without routine changes (${tag})`, () => s.pullRequest('opened', 2)))
    } finally {
      await s.close()
    }
  }
  console.log(`entry: ${entry}`)
  console.log('| run | GitHub calls | GitHub writes | DMS calls | DMS calls by action |')
  console.log('|---|---:|---:|---:|---|')
  for (const r of rows) console.log(`| ${r.run} | ${r.github} | ${r.writes} | ${r.dms} | ${r.byAction} |`)
}
