// What `verify-database` / `plan --verify` adds to a run, for 10, 100 and 1,000 changed routines, on a private
// MariaDB started here (TCP on 127.0.0.1, as a CI service container is reached). Each routine file holds one object
// of plan.bench.ts's mix (bench/corpus.ts prRoutine) (per 10: 1 function, 1 trigger, 1 view, 1 event, 6 procedures), all modified by the PR;
// a schema file gives the tables. The time is verifyPlan's wall clock (connect to cleanup), with its split per
// step; the server's start-up is not counted.
import { startTcpMariaDb } from '../__tests__/helpers/tcp-mariadb.js'
import { plan } from '../src/sql/plan.js'
import { prRoutine as routine } from './corpus.js'
import type { SourceTree } from '../src/sql/types.js'
import { parseVerifyUrl, verifyPlan, verifySummary, VERIFY_STEPS, type VerifyReport } from '../src/verify/index.js'

const SIZES = [10, 100, 1000]
const RUNS = 3
// The tables plan.bench.ts's routines use (triggers hang on orders_0 … orders_49).
const SCHEMA = `CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT, total DECIMAL(12,2), status VARCHAR(20), created_at DATETIME);
CREATE TABLE order_items (id INT PRIMARY KEY, order_id INT, sku VARCHAR(40), qty INT, price DECIMAL(10,2));
CREATE TABLE audit_log (id INT PRIMARY KEY, changed_at DATETIME);
${Array.from({ length: 50 }, (_, i) => `CREATE TABLE orders_${i} (id INT PRIMARY KEY, total DECIMAL(12,2));`).join('\n')}
`

function trees(n: number): { base: SourceTree; head: SourceTree } {
  const base = new Map<string, string>()
  const head = new Map<string, string>()
  for (let i = 0; i < n; i++) {
    base.set(`db/routines/${i}.sql`, routine(i, i, 0))
    head.set(`db/routines/${i}.sql`, routine(i, i, 1))
  }
  return { base, head }
}

const ms = (x: number | undefined): string => (x === undefined ? '-' : `${Math.round(x)}`).padStart(7)

export default async function bench(): Promise<void> {
  const server = await startTcpMariaDb()
  try {
    const database = parseVerifyUrl(`mysql://root@127.0.0.1:${server.port}`)
    console.log(`server: MariaDB on 127.0.0.1 (TCP); median of ${RUNS} runs per size after a warm-up; times in ms`)
    console.log(`${'routines'.padStart(8)} ${'total'.padStart(7)} ${'per rtn'.padStart(7)} ${VERIFY_STEPS.map((s) => s.padStart(7)).join(' ')}`)
    let warm = false
    for (const n of SIZES) {
      const { base, head } = trees(n)
      const p = plan(base, head)
      if (p.objects.length !== n) throw new Error(`expected ${n} changed routines, the plan has ${p.objects.length}`)
      const run = (): Promise<VerifyReport> => verifyPlan({ database, targets: [{ name: 'bench', base, head, plan: p, schemaSql: { file: 'schema.sql', text: SCHEMA } }] })
      if (!warm) {
        await run()
        warm = true
      }
      const runs: { total: number; r: VerifyReport }[] = []
      for (let k = 0; k < RUNS; k++) {
        const t0 = performance.now()
        const r = await run()
        if (!r.ok) throw new Error(verifySummary(r))
        runs.push({ total: performance.now() - t0, r })
      }
      const { total, r } = runs.sort((a, b) => a.total - b.total)[RUNS >> 1]!
      console.log(`${String(n).padStart(8)} ${ms(total)} ${(total / n).toFixed(1).padStart(7)} ${VERIFY_STEPS.map((s) => ms(r.timings[s])).join(' ')}`)
    }
  } finally {
    await server.stop()
  }
}
