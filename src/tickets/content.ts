// Pure: does a ticket, as DMS holds it (GetDataCorrectOrderDetail), carry exactly this plan? The comparison is what
// binds an approval to content: a ticket whose identity header names the plan but whose SQL or databases differ is
// never trusted (docs/security.md).
import type { DataCorrectOrderDetail, DbItem } from '../dms/types.js'
import { normalSql } from './identity.js'

export interface PlanContent {
  execSql: string
  rollbackSql: string
  dbItems: readonly DbItem[]
}

export type ContentCheck = { ok: true } | { ok: false; detail: string }

/** 1-based line and a short excerpt of the first difference, for the explanation. */
function firstDifference(a: string, b: string): string {
  const la = a.split('\n')
  const lb = b.split('\n')
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) {
      const show = (s: string | undefined) => (s === undefined ? '(end of text)' : JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s))
      return `line ${i + 1}: DMS has ${show(lb[i])}, the plan has ${show(la[i])}`
    }
  }
  return 'the texts differ'
}

export function checkContent(detail: DataCorrectOrderDetail, plan: PlanContent): ContentCheck {
  const exec = normalSql(plan.execSql)
  const dmsExec = normalSql(detail.execSql)
  if (dmsExec !== exec) return { ok: false, detail: `its deploy SQL in DMS differs (${firstDifference(exec, dmsExec)})` }
  if (detail.rollbackSqlType !== '' && detail.rollbackSqlType.toUpperCase() !== 'TEXT') {
    return { ok: false, detail: `its rollback is a ${detail.rollbackSqlType} (the gate only sends rollback SQL as text)` }
  }
  const rb = normalSql(plan.rollbackSql)
  const dmsRb = normalSql(detail.rollbackSql)
  if (dmsRb !== rb) return { ok: false, detail: `its rollback SQL in DMS differs (${firstDifference(rb, dmsRb)})` }
  const want = [...plan.dbItems].map(d => `${d.dbId}${d.logic ? ' (logical)' : ''}`).sort()
  const got = detail.databases.map(d => `${d.dbId}${d.logic ? ' (logical)' : ''}`).sort()
  if (want.join(',') !== got.join(',')) return { ok: false, detail: `it targets databases ${got.join(', ') || '(none)'} in DMS, the plan ${want.join(', ')}` }
  return { ok: true }
}
