// The report as people read it: one line for the check, the PR comment and the DMS ticket, and a block for the
// CLI. Pure.
import { formatMs } from './duration.js'
import { VERIFY_STEPS, type ServerInfo, type VerifyReport } from './types.js'

const on = (s: ServerInfo | undefined): string => (s ? ` on ${s.product} ${s.version}` : '')

/** `verified on MariaDB 10.11.19: deploy ✓ rollback ✓`, or `verification failed on MySQL 8.0.36 at deploy: …`. */
export function verifySummary(r: VerifyReport): string {
  if (r.ok) return `verified${on(r.server)}: deploy ✓ rollback ✓`
  return `verification failed${on(r.server)} at ${r.step}: ${r.message}`
}

/** Several lines: the summary, then what ran (or what differs), the server and the time per step. */
export function formatVerifyReport(r: VerifyReport): string {
  const lines = [verifySummary(r)]
  if (r.ok) {
    for (const t of r.targets) {
      lines.push(`  ${t.name}: ${t.objects} changed object(s); ${t.execStatements} execSql and ${t.rollbackStatements} rollbackSql statement(s) ran`)
    }
  } else {
    if (r.serverError) lines.push(`  server error: ${r.serverError.code} (${r.serverError.errno}${r.serverError.sqlState ? `, SQLSTATE ${r.serverError.sqlState}` : ''})`)
    if (r.difference) {
      lines.push(`  ${r.difference.field} expected:`, indent(r.difference.expected), `  ${r.difference.field} actual:`, indent(r.difference.actual))
    }
  }
  if (r.server) lines.push(`  server: ${r.server.full}`)
  const steps = VERIFY_STEPS.filter((s) => r.timings[s] !== undefined).map((s) => `${s} ${formatMs(r.timings[s]!)}`)
  if (steps.length > 0) lines.push(`  time: ${steps.join(', ')}`)
  return lines.join('\n') + '\n'
}

function indent(text: string | null): string {
  if (text === null) return '    NULL'
  const shown = text.length > 2000 ? text.slice(0, 2000) + '…' : text
  return shown.split('\n').map((l) => `    ${l}`).join('\n')
}
