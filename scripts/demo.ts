// `npm run demo`: the whole gate on this machine, nothing to configure. Starts the DMS emulator and a fake GitHub
// REST server, seeds a PR from examples/pr-1, runs the built Action (dist/index.js) exactly as a runner would,
// and shows what a user sees at each step: the ticket opens, the DBA approves in DMS, a refresh turns the check
// green. Then the same for a PR touching two databases (examples/two-databases).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FakeCheckRun } from '../src/testing/fake-github.js'
import { examplePull, prepareDist, PROJECT_ROOT, readTreeDir, startScenario, type ActionRun, type Scenario } from '../src/testing/run-action.js'

const bold = (s: string) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s)
const dim = (s: string) => (process.stdout.isTTY ? `\x1b[2m${s}\x1b[0m` : s)
let stepNo = 0

function step(title: string): void {
  console.log(`\n${bold(`── Step ${++stepNo}: ${title}`)}`)
}

function indent(text: string, prefix = '    '): string {
  return text.replace(/\n+$/, '').split('\n').map(l => prefix + l).join('\n')
}

/** The Action's log as a runner shows it: no debug lines, workflow commands shown as annotations. */
function showRun(run: ActionRun): void {
  const lines = run.stdout
    .split('\n')
    .filter(l => l !== '' && !l.startsWith('::debug::') && !l.startsWith('::add-mask::'))
    .map(l => l.replace(/^::(error|warning|notice)[^:]*::/, (_m, k: string) => `${k.toUpperCase()}: `))
  console.log(dim('  Action log:'))
  console.log(dim(indent(lines.join('\n'))))
  console.log(`  exit code ${run.exitCode}; outputs: ${JSON.stringify({ state: run.outputs['state'], 'order-id': run.outputs['order-id'], 'ticket-url': run.outputs['ticket-url'] })}`)
}

function showCheck(check: FakeCheckRun | undefined): void {
  if (!check) {
    console.log('  (no check run)')
    return
  }
  const badge = check.status === 'completed' ? (check.conclusion === 'success' ? '✅ success' : `❌ ${check.conclusion}`) : '🟡 in progress (blocks merging)'
  console.log(`  Check "${check.name}" on ${check.head_sha.slice(0, 7)}: ${badge}`)
  console.log(`    ${check.output.title}`)
}

function showComment(s: Scenario, n: number): void {
  const cs = s.comments(n)
  console.log(`  PR #${n} has ${cs.length} comment(s) from the Action. The sticky comment as GitHub renders it from:`)
  if (cs.length > 0) console.log(indent(cs[0]!.body.replace(/<!--.*?-->\n?/g, '').slice(0, 4000)))
}

function counters(s: Scenario): string {
  const c = s.github.counters()
  return `${c.calls} GitHub API calls, ${c.writes} writes`
}

async function singleDatabase(entry: string): Promise<void> {
  const { base, changes } = examplePull('pr-1')
  const s = await startScenario({ entry, baseFiles: base, inputs: { database: 'demo' } })
  try {
    step('A developer opens PR #1 (examples/pr-1: routines added, modified, removed, moved, reformatted)')
    s.openPull({ number: 1, changes, title: 'Archive cancelled orders, add customer_label()' })
    s.github.resetCounters()
    const opened = await s.pullRequest('opened', 1)
    showRun(opened)
    console.log(`  ${counters(s)}`)
    showCheck(s.check(1))
    showComment(s, 1)

    step('DMS holds the ticket (emulator control API: GET /__emulator/orders)')
    const orders = await s.orders()
    for (const o of orders) console.log(`  ticket ${o.orderId}: status ${o.status}, workflow ${o.workflowInstanceId}, ${o.execSql.split('\n').length} lines of deploy SQL`)

    step('A scheduled refresh while nobody has approved yet: nothing changed, so nothing is written')
    s.github.resetCounters()
    showRun(await s.schedule())
    console.log(`  ${counters(s)}`)
    showCheck(s.check(1))

    step('The DBA approves the ticket in DMS (as dba_alice, through the emulator control API)')
    for (const o of orders) await s.decide(o.orderId, 'approve', 'Looks good — rollback reviewed')
    console.log(`  approved ticket(s) ${orders.map(o => o.orderId).join(', ')}`)

    step('The next scheduled refresh reads DMS and turns the check green')
    s.github.resetCounters()
    showRun(await s.schedule())
    console.log(`  ${counters(s)}`)
    showCheck(s.check(1))
    showComment(s, 1)
  } finally {
    await s.close()
  }
}

async function twoDatabases(entry: string): Promise<void> {
  const ex = join(PROJECT_ROOT, 'examples', 'two-databases')
  const base = { ...readTreeDir(join(ex, 'base')), ...readTreeDir(join(ex, '.github'), '.github/') }
  const head = readTreeDir(join(ex, 'head'))
  const s = await startScenario({ entry, baseFiles: base, databases: [{ schema: 'shop' }, { schema: 'billing' }] })
  try {
    step('Two databases: a permission ticket the config names (perm-orders: [1001]) is filed in DMS first')
    const res = await fetch(`${s.emulator.url}/__emulator/perm-orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ applyType: 'TAB', comment: 'reporting: SELECT on shop.orders', resources: [{ DatabaseInfo: { DbId: 1, SearchName: 'shop' }, TableInfo: { TableName: 'orders' } }] }),
      signal: AbortSignal.timeout(10_000)
    })
    console.log(`  permission ticket: ${JSON.stringify(await res.json())}`)

    step('PR #2 changes routines of both shop and billing (examples/two-databases)')
    s.openPull({ number: 2, changes: head, title: 'Invoices: close_invoice() and invoice_total()' })
    const run = await s.pullRequest('opened', 2)
    showRun(run)
    showCheck(s.check(2))
    const orders = (await s.orders()).filter(o => o.dbIds.length > 0)
    for (const o of orders) console.log(`  ticket ${o.orderId} on DbId ${o.dbIds.join(',')}: ${o.status}`)

    step('The DBA approves the shop ticket only: the gate stays pending')
    await s.decide(orders[0]!.orderId, 'approve')
    showRun(await s.schedule())
    showCheck(s.check(2))

    step('The billing ticket and the permission ticket are approved: the gate turns green')
    for (const o of orders.slice(1)) await s.decide(o.orderId, 'approve')
    await s.decide(1001, 'approve')
    showRun(await s.schedule())
    showCheck(s.check(2))
    showComment(s, 2)
  } finally {
    await s.close()
  }
}

async function main(): Promise<void> {
  console.log(bold('dms-proc-gate demo — the built Action against a local DMS emulator and a fake GitHub API'))
  console.log(dim('Building dist/ if it is missing or older than src/ …'))
  const entry = prepareDist({ build: 'if-stale', quiet: false })
  await singleDatabase(entry)
  await twoDatabases(entry)
  console.log(`\n${bold('Done.')} Everything ran on 127.0.0.1; the same dist/index.js runs on GitHub with your DMS endpoint and credentials.`)
}

// Everything the demo writes to the temp directory (the dist copy, workspaces, runner files, also in the Action's
// processes, which inherit TMPDIR) goes under one directory, removed at the end whatever happens.
const demoTmp = mkdtempSync(join(tmpdir(), 'dpg-demo-'))
process.env.TMPDIR = demoTmp
main().then(
  () => rmSync(demoTmp, { recursive: true, force: true }),
  e => {
    console.error(e)
    rmSync(demoTmp, { recursive: true, force: true })
    process.exit(1)
  }
)
