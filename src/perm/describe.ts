// Pure: plain-text descriptions of what a permission ticket requests (CLI and PR comment).
import type { PermApplyOrderDetail, PermResource } from '../dms/types.js'
import type { PermGate, PermOrderState } from './gate.js'
import { describeDuration, describePermType } from './verdict.js'

function pickText(rec: Record<string, unknown> | null, keys: string[]): string {
  if (!rec) return ''
  for (const k of keys) {
    const v = rec[k]
    if (typeof v === 'string' && v !== '') return v
    if (typeof v === 'number') return String(v)
  }
  return ''
}

function part(label: string, rec: Record<string, unknown> | null, keys: string[]): string | null {
  if (!rec || Object.keys(rec).length === 0) return null
  const named = pickText(rec, keys)
  return `${label} ${named || JSON.stringify(rec)}`
}

/** RowInfo (row-level permission): `rows of shop.orders where customer_id (EXACT, row group 7)`. */
function rowPart(row: Record<string, unknown> | null): string | null {
  if (!row || Object.keys(row).length === 0) return null
  const table = [pickText(row, ['SchemaName']), pickText(row, ['TableName'])].filter(Boolean).join('.')
  const column = pickText(row, ['ColumnName'])
  const extra = [pickText(row, ['MatchMode']), pickText(row, ['RowGroupId']) && `row group ${pickText(row, ['RowGroupId'])}`].filter(Boolean).join(', ')
  if (!table && !column) return `rows ${JSON.stringify(row)}`
  return `rows of ${table || '?'}${column ? ` by ${column}` : ''}${extra ? ` (${extra})` : ''}`
}

/** `instance rm-x (rm-x.mysql…:3306) / database shop / table orders / column email` */
export function describeResource(r: PermResource): string {
  const host = pickText(r.instance, ['Host'])
  const port = pickText(r.instance, ['Port'])
  const instanceName = pickText(r.instance, ['InstanceId', 'InstanceAlias', 'InstanceName'])
  const instance =
    r.instance && Object.keys(r.instance).length
      ? `instance ${instanceName || host || JSON.stringify(r.instance)}${instanceName && host ? ` (${host}${port ? `:${port}` : ''})` : ''}`
      : null
  const parts = [
    instance,
    part('database', r.database, ['SearchName', 'SchemaName', 'DbName', 'DbId', 'DatabaseId']),
    part('table', r.table, ['TableName', 'Name']),
    part('column', r.column, ['ColumnName', 'Name']),
    rowPart(r.row),
    part('row value', r.rowValue, ['RowValue'])
  ].filter((p): p is string => p !== null)
  return parts.length ? parts.join(' / ') : '(no resource details)'
}

export function describePermRequest(d: PermApplyOrderDetail): string[] {
  const lines = [`apply type ${d.applyType}, permission type ${describePermType(d.permType)}, duration ${describeDuration(d.seconds)}`]
  if (d.resources.length === 0) lines.push('no resources listed')
  for (const r of d.resources) lines.push(`- ${describeResource(r)}`)
  return lines
}

const VERDICT_LABEL: Record<PermOrderState['verdict'], string> = {
  approved: '✅ approved',
  pending: '⏳ pending',
  rejected: '❌ rejected',
  refused: '⛔ refused',
  unavailable: '⚠️ unavailable'
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
}

function sourceText(s: PermOrderState['source']): string {
  if (!s) return ''
  return s.kind === 'config' ? `${s.file}:${s.line}` : `PR description line ${s.line}`
}

/** A Markdown table of the permission tickets for the PR comment / job summary ('' when there are none). */
export function permGateMarkdown(gate: PermGate): string {
  if (gate.orders.length === 0) return ''
  const rows = gate.orders.map((o) => {
    const handlers = o.verdict === 'pending' && o.approval?.currentHandlers.length
      ? ` — waiting for ${o.approval.currentHandlers.map((h) => h.nickName || String(h.id)).join(', ')}`
      : ''
    const requested = o.request ? describePermRequest(o.request).map((l) => l.replace(/^- /, '')).join('; ') : '—'
    return `| ${o.orderId} | ${VERDICT_LABEL[o.verdict]}: ${cell(o.reason)}${cell(handlers)} | ${cell(requested)} | ${cell(sourceText(o.source))} |`
  })
  return ['| Permission ticket | State | Requested | Named in |', '|---|---|---|---|', ...rows].join('\n') + '\n'
}
