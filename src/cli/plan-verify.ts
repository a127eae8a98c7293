// `plan --verify`: the plan proven on a real server (src/verify), printed after the plan. Loaded only with
// --verify, and loads the driver only then. Exit 1 when the plan has errors (nothing to verify) or the
// verification fails, with the one-line reason on stderr.
import type { PlanOptions } from '../sql/plan.js'
import type { Plan, SourceTree } from '../sql/types.js'
import type { VerifyDatabase } from '../verify/url.js'

export interface CliVerification {
  database: VerifyDatabase
  trees: { base: SourceTree; head: SourceTree }
  plan: Plan
  planOptions: PlanOptions
  schemaSql?: { file: string; text: string }
  json: boolean
  /** How long to keep retrying the connection. */
  waitMs: number
}

export async function verifyForCli(v: CliVerification, formatPlan: (p: Plan) => string): Promise<number> {
  if (v.plan.errors.length > 0) {
    process.stdout.write(v.json ? JSON.stringify({ ...v.plan, verify: null }, null, 2) + '\n' : formatPlan(v.plan))
    process.stderr.write('dms-proc-gate plan: verification skipped: the plan has errors\n')
    return 1
  }
  const { verifyPlan, verifySummary, formatVerifyReport, retryWithin } = await import('../verify/index.js')
  const report = await verifyPlan({
    database: v.database,
    retry: retryWithin(v.waitMs),
    targets: [{ name: 'default', base: v.trees.base, head: v.trees.head, plan: v.plan, planOptions: v.planOptions,
      ...(v.schemaSql ? { schemaSql: v.schemaSql } : {}) }],
    logger: { info: (m) => process.stderr.write(`${m}\n`) }
  })
  if (v.json) process.stdout.write(JSON.stringify({ ...v.plan, verify: report }, null, 2) + '\n')
  else process.stdout.write(`${formatPlan(v.plan)}\n-- verification ${'-'.repeat(55)}\n${formatVerifyReport(report)}`)
  if (report.ok) return 0
  process.stderr.write(`dms-proc-gate plan: ${verifySummary(report)}\n`)
  return 1
}
