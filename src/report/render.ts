// Pure rendering of the gate's report: the sticky PR comment, the check-run output and annotations, the job summary
// and the Action outputs, from {plan, DMS approval detail, GateState, context}. Deterministic (no clock, no env).
// Everything that comes from a PR (paths, names, SQL, messages) or from DMS (nick names, reasons) is escaped: it is
// untrusted text, and must not ping users, break tables or close a code fence.
import { blockDetail, checkStatusOf, orderIdOf, stateOutputOf, titleOf, type GateState } from '../state/gate-state.js'
import type { ApprovalDetail, ApprovalNode } from '../dms/types.js'
import type { Finding, Plan, PlannedObject } from '../sql/types.js'
import { STATE_MARKER_PREFIX, STICKY_MARKER } from './markers.js'
import type { CheckAnnotation, CheckOutput } from '../github/check-run.js'
import { CHECK_TEXT_MAX_BYTES, COMMENT_MAX_CHARS, truncateBytes, truncateChars, utf8Bytes } from './truncate.js'

export const DEFAULT_CONSOLE_BASE = 'https://dms.aliyun.com'
/** GitHub's per-step job summary limit is 1 MiB; stay under it. */
export const JOB_SUMMARY_MAX_BYTES = 1000 * 1000

/** Link to a ticket in the DMS console (`consoleBase` lets the emulator or a private console be linked instead). */
export function ticketUrl(orderId: number, consoleBase: string = DEFAULT_CONSOLE_BASE): string {
  return `${consoleBase.replace(/\/+$/, '')}/?orderId=${orderId}`
}

export interface TicketView {
  orderId: number
  workflowInstanceId: number | null
  url: string
  /** the target database the ticket deploys to (several tickets: one per target) */
  target?: string
  /** the gate state of this ticket alone */
  state?: GateState
  /** DMS status code as sent (GetOrderBaseInfo.StatusCode), for display */
  statusCode?: string
  approval?: ApprovalDetail
}

export interface ReportContext {
  /** owner/name */
  repo: string
  pullNumber?: number
  headSha: string
  planHash: string
  checkName: string
  /** link to the workflow run */
  runUrl?: string
  /** extra lines shown as notes (fork explanation, listFiles cap, skipped files…) — plain text, escaped here */
  notes?: string[]
}

export interface ReportInput {
  plan: Plan
  gate: GateState
  /** the ticket whose state is the gate's (the one holding it back) */
  ticket?: TicketView
  /** every ticket of the report, in target order (absent: just `ticket`) */
  tickets?: TicketView[]
  context: ReportContext
}

function allTickets(input: ReportInput): TicketView[] {
  return input.tickets ?? (input.ticket !== undefined ? [input.ticket] : [])
}

/** Machine-readable state in the comment, so a refresh run finds the ticket. Never used for approval. */
export interface StateMarker {
  v: 1
  state: GateState['kind']
  orderIds: number[]
  workflowInstanceId: number | null
  planHash: string
  headSha: string
}

// ---- escaping ----

/** Inline text from untrusted sources: no HTML, no mentions, no markdown structure, one line. */
export function escapeText(s: string): string {
  return s
    .replace(/\r?\n|\r/g, ' ')
    .replace(/([\\`*_[\]|~#])/g, '\\$1') // markdown first, so the entities below stay intact
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@/g, '&#64;')
}

/** A code span that survives backticks and pipes inside a table cell. */
export function codeSpan(s: string): string {
  const one = s.replace(/\r?\n|\r/g, ' ')
  const longest = Math.max(0, ...(one.match(/`+/g) ?? []).map(r => r.length))
  const fence = '`'.repeat(longest + 1)
  const pad = one.startsWith('`') || one.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${one}${pad}${fence}`.replace(/\|/g, '\\|')
}

/** A fenced block whose fence is longer than any backtick run inside. */
export function fencedBlock(code: string, lang = 'sql'): string {
  const longest = Math.max(0, ...(code.match(/`{3,}/g) ?? []).map(r => r.length))
  const fence = '`'.repeat(Math.max(3, longest + 1))
  const body = code.endsWith('\n') ? code : code + '\n'
  return `${fence}${lang}\n${body}${fence}`
}

function details(summary: string, inner: string): string {
  return `<details><summary>${summary}</summary>\n\n${inner}\n\n</details>`
}

// ---- pieces ----

function icon(gate: GateState): string {
  const s = checkStatusOf(gate)
  if (s.status !== 'completed') return '⏳'
  return s.conclusion === 'success' ? '✅' : '❌'
}

function objectName(o: PlannedObject): string {
  return o.schema !== undefined ? `${o.schema}.${o.name}` : o.name
}

export function objectsTable(objects: readonly PlannedObject[], limit = Infinity): string {
  if (objects.length === 0) return '_No routine changes._'
  const rows = objects.slice(0, limit).map(o => `| ${o.type} | ${codeSpan(objectName(o))} | ${o.change} | ${codeSpan(`${o.file}:${o.line}`)} |`)
  const more = objects.length > limit ? `\n\n…and ${objects.length - limit} more (see the job summary).` : ''
  return ['| Type | Name | Change | File |', '|---|---|---|---|', ...rows].join('\n') + more
}

function findingsList(title: string, list: readonly Finding[], limit = Infinity): string {
  if (list.length === 0) return ''
  const items = list.slice(0, limit).map(f => `- ${codeSpan(`${f.file}:${f.line}`)} — ${escapeText(f.message)}`)
  const more = list.length > limit ? [`- …and ${list.length - limit} more`] : []
  return [`#### ${title} (${list.length})`, '', ...items, ...more].join('\n')
}

function nodeStatus(n: ApprovalNode): string {
  switch (n.status) {
    case 'approved':
      return '✅ approved'
    case 'reject':
      return '❌ rejected'
    case 'cancel':
      return '🚫 cancelled'
    case 'auditing':
      return '⏳ waiting'
    case 'start':
      return 'submitted'
    case 'error':
      return '⚠️ error'
    default:
      return escapeText(n.statusCode || 'unknown')
  }
}

/** Text inside a quoted Mermaid label: entity codes for everything Mermaid, Markdown or HTML would read. */
export function mermaidText(s: string, max = 60): string {
  const one = s.replace(/\s+/g, ' ').trim()
  const cut = [...one].length > max ? [...one].slice(0, max - 1).join('') + '…' : one
  return cut
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/&/g, '#amp;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/`/g, '#96;')
    .replace(/[[\]{}()|]/g, c => `#${c.charCodeAt(0)};`)
}

const NODE_CLASS: Record<ApprovalNode['status'], string> = {
  approved: 'ok', auditing: 'wait', reject: 'no', cancel: 'no', start: 'done', error: 'no', unknown: 'done'
}

function nodeWord(n: ApprovalNode): string {
  switch (n.status) {
    case 'approved':
      return 'approved'
    case 'reject':
      return 'rejected'
    case 'cancel':
      return 'cancelled'
    case 'auditing':
      return 'waiting'
    case 'start':
      return 'submitted'
    case 'error':
      return 'error'
    default:
      return n.statusCode || 'unknown'
  }
}

/** The DMS workflow drawn as a Mermaid flow, each node coloured by its state (GitHub renders it in comments). */
export function approvalFlow(a: ApprovalDetail): string {
  if (a.nodes.length === 0) return ''
  const lines = ['```mermaid', 'flowchart LR']
  a.nodes.forEach((n, i) => {
    // who must act: the current handlers by name when DMS gives them, else the node's auditors
    const names = n.status === 'auditing' ? (a.currentHandlers.length > 0 ? a.currentHandlers.map(h => h.nickName) : n.auditors) : []
    const who = names.length > 0 ? `<br/>${mermaidText(names.join(', '), 40)}` : ''
    lines.push(`  n${i}["${mermaidText(n.name || 'node')}<br/>${mermaidText(nodeWord(n), 20)}${who}"]:::${NODE_CLASS[n.status]}`)
  })
  if (a.nodes.length > 1) lines.push(`  ${a.nodes.map((_, i) => `n${i}`).join(' --> ')}`)
  lines.push(
    '  classDef ok fill:#dafbe1,stroke:#1a7f37,color:#1f2328',
    '  classDef wait fill:#fff8c5,stroke:#9a6700,color:#1f2328',
    '  classDef no fill:#ffebe9,stroke:#cf222e,color:#1f2328',
    '  classDef done fill:#f6f8fa,stroke:#59636e,color:#1f2328',
    '```'
  )
  return lines.join('\n')
}

function approvalTable(a: ApprovalDetail): string[] {
  const lines: string[] = []
  if (a.nodes.length > 0) {
    lines.push('| Node | Status | Auditors | Comment |', '|---|---|---|---|')
    for (const n of a.nodes) {
      const who = n.auditors.length > 0 ? n.auditors.map(escapeText).join(', ') : '—'
      lines.push(`| ${escapeText(n.name) || '—'} | ${nodeStatus(n)} | ${who} | ${escapeText(n.comment) || ''} |`)
    }
    lines.push('')
  }
  if (a.currentHandlers.length > 0) lines.push(`Waiting for: ${a.currentHandlers.map(h => escapeText(h.nickName)).join(', ')}`, '')
  if (a.reasons.length > 0) lines.push(`Reasons: ${a.reasons.map(escapeText).join('; ')}`, '')
  return lines
}

/** Approval progress of every ticket: the drawn flow (optional), then the table, which screen readers read. */
function approvalSection(tickets: readonly TicketView[], flow: boolean): string {
  const withApproval = tickets.filter(t => t.approval !== undefined)
  if (withApproval.length === 0) return ''
  const parts: string[] = []
  for (const t of withApproval) {
    const a = t.approval!
    const title = tickets.length > 1 ? `#### Approval progress — DMS ticket ${t.orderId}${t.target !== undefined ? ` (target ${escapeText(t.target)})` : ''}` : '#### Approval progress'
    const lines = [title, '']
    if (flow) {
      const f = approvalFlow(a)
      if (f !== '') lines.push(f, '')
    }
    lines.push(...approvalTable(a))
    parts.push(lines.join('\n').trimEnd())
  }
  return parts.join('\n\n')
}

function ticketLine(tickets: readonly TicketView[]): string {
  const one = (t: TicketView): string[] => {
    const parts: string[] = []
    if (t.statusCode) parts.push(`status ${codeSpan(t.statusCode)}`)
    if (t.workflowInstanceId !== null) parts.push(`workflow ${t.workflowInstanceId}`)
    return parts
  }
  if (tickets.length === 0) return ''
  if (tickets.length === 1) return [`**DMS ticket:** [${tickets[0]!.orderId}](${tickets[0]!.url})`, ...one(tickets[0]!)].join(' · ')
  const rows = tickets.map(t => {
    const state = t.state !== undefined ? ` — ${escapeText(titleOf(t.state))}` : ''
    return `- [${t.orderId}](${t.url})${t.target !== undefined ? ` target ${codeSpan(t.target)}` : ''} · ${one(t).join(' · ')}${state}`
  })
  return [`**DMS tickets (${tickets.length}):**`, '', ...rows].join('\n')
}

function gateDetail(gate: GateState): string {
  switch (gate.kind) {
    case 'precheck-failed':
    case 'rejected':
      return gate.reasons.length > 0 ? `Reasons: ${gate.reasons.map(escapeText).join('; ')}` : ''
    case 'closed':
      return gate.reason ? `Reason: ${escapeText(gate.reason)}` : ''
    case 'execution-failed':
    case 'error':
      return `Error: ${escapeText(gate.message)}`
    case 'awaiting-maintainer':
      return 'This PR comes from a fork, so no DMS ticket is opened on its own: anyone can open a PR. A maintainer (write access) who has ' +
        `reviewed commit ${codeSpan(gate.headSha)} comments ${codeSpan(`/dms-refresh ${gate.headSha}`)}; the gate then opens the ticket for exactly that commit ` +
        '(its SQL is read as data, no PR code runs).'
    case 'blocked':
      return escapeText(blockDetail(gate.block))
    case 'verify-failed':
      return `Verification failed at step ${codeSpan(gate.step)}: ${escapeText(gate.message)}${gate.server !== undefined ? ` (server ${escapeText(gate.server)})` : ''}`
    default:
      return ''
  }
}

function notesSection(notes: readonly string[] | undefined): string {
  if (!notes || notes.length === 0) return ''
  return ['#### Notes', '', ...notes.map(n => `- ${escapeText(n)}`)].join('\n')
}

function sqlBlocks(plan: Plan): { deploy: string; rollback: string } {
  const lines = (s: string) => {
    const n = s.replace(/\n$/, '').split('\n').length
    return `${n} line${n === 1 ? '' : 's'}`
  }
  return {
    deploy: plan.execSql === '' ? '' : details(`Deploy SQL (${lines(plan.execSql)})`, fencedBlock(plan.execSql)),
    rollback: plan.rollbackSql === '' ? '' : details(`Rollback SQL (${lines(plan.rollbackSql)})`, fencedBlock(plan.rollbackSql))
  }
}

function footer(ctx: ReportContext): string {
  const run = ctx.runUrl ? ` · [workflow run](${ctx.runUrl})` : ''
  return `<sub>Check ${codeSpan(ctx.checkName)} on ${codeSpan(ctx.headSha.slice(0, 12))} · plan ${codeSpan(ctx.planHash.slice(0, 12))}${run} · approval is read from DMS, never from this comment.</sub>`
}

// ---- fitting sections into a limit ----

interface Section {
  full: string
  /** shorter replacements, tried in order when the whole does not fit */
  fallbacks?: string[]
}

function fit(sections: Section[], limit: number, measure: (s: string) => number, cut: (s: string) => string): string {
  const chosen = sections.map(s => s.full)
  const join = () => chosen.filter(s => s !== '').join('\n\n')
  let text = join()
  // shrink the biggest shrinkable section first, one fallback step at a time
  const steps = sections.map(() => 0)
  while (measure(text) > limit) {
    let best = -1
    for (let i = 0; i < sections.length; i++) {
      const fb = sections[i].fallbacks ?? []
      if (steps[i] < fb.length && (best < 0 || measure(chosen[i]) > measure(chosen[best]))) best = i
    }
    if (best < 0) return cut(text)
    chosen[best] = sections[best].fallbacks![steps[best]++]
    text = join()
  }
  return text
}

function bodySections(input: ReportInput, heading: string, flow: boolean): Section[] {
  const { plan, gate, context } = input
  const tickets = allTickets(input)
  const sql = sqlBlocks(plan)
  const sqlNote = (what: string, sqlText: string) =>
    sqlText === '' ? '' : `_${what} (${utf8Bytes(sqlText)} bytes) is too large to show here; see the job summary or the DMS ticket._`
  const objects = plan.objects
  return [
    { full: heading },
    { full: ticketLine(tickets) },
    { full: gateDetail(gate) },
    { full: objects.length > 0 ? `#### Routine changes (${objects.length})\n\n${objectsTable(objects)}` : '', fallbacks: objects.length > 50 ? [`#### Routine changes (${objects.length})\n\n${objectsTable(objects, 50)}`, `#### Routine changes (${objects.length})\n\n_Too many to list here; see the job summary._`] : [] },
    { full: approvalSection(tickets, flow), fallbacks: flow ? [approvalSection(tickets, false)] : [] },
    { full: findingsList('Errors', plan.errors), fallbacks: plan.errors.length > 50 ? [findingsList('Errors', plan.errors, 50)] : [] },
    { full: findingsList('Warnings', plan.warnings), fallbacks: plan.warnings.length > 50 ? [findingsList('Warnings', plan.warnings, 50)] : [] },
    { full: notesSection(context.notes) },
    { full: sql.deploy, fallbacks: [sqlNote('The deploy SQL', plan.execSql)] },
    { full: sql.rollback, fallbacks: [sqlNote('The rollback SQL', plan.rollbackSql)] },
    { full: footer(context) }
  ]
}

// ---- public renderers ----

export function renderStateMarker(m: StateMarker): string {
  // `>` cannot appear outside JSON strings; escaping it keeps `-->` out of the comment
  return `${STATE_MARKER_PREFIX}${JSON.stringify(m).replace(/>/g, '\\u003e')} -->`
}

export function stateMarkerOf(input: ReportInput): StateMarker {
  const id = input.ticket?.orderId ?? orderIdOf(input.gate)
  return {
    v: 1,
    state: stateOutputOf(input.gate),
    orderIds: id === undefined ? [] : [id],
    workflowInstanceId: input.ticket?.workflowInstanceId ?? null,
    planHash: input.context.planHash,
    headSha: input.context.headSha
  }
}

/** Reads the state marker back from a comment body; undefined when absent or malformed. */
export function parseStateMarker(body: string): StateMarker | undefined {
  const start = body.indexOf(STATE_MARKER_PREFIX)
  if (start < 0) return undefined
  const end = body.indexOf(' -->', start)
  if (end < 0) return undefined
  try {
    const v = JSON.parse(body.slice(start + STATE_MARKER_PREFIX.length, end)) as Record<string, unknown>
    const ids = v.orderIds
    if (
      v.v !== 1 ||
      typeof v.state !== 'string' ||
      !Array.isArray(ids) ||
      !ids.every(i => Number.isSafeInteger(i) && (i as number) > 0) ||
      typeof v.planHash !== 'string' ||
      typeof v.headSha !== 'string' ||
      !(v.workflowInstanceId === null || Number.isSafeInteger(v.workflowInstanceId))
    ) {
      return undefined
    }
    return v as unknown as StateMarker
  } catch {
    return undefined
  }
}

/** The sticky PR comment (markers first), within GitHub's 65,536-character limit. */
export function renderComment(input: ReportInput): string {
  const heading = `### ${icon(input.gate)} ${escapeText(input.context.checkName)}: ${escapeText(titleOf(input.gate))}`
  const head = `${STICKY_MARKER}\n${renderStateMarker(stateMarkerOf(input))}`
  const limit = COMMENT_MAX_CHARS - head.length - 2
  const body = fit(bodySections(input, heading, true), limit, s => s.length, s => truncateChars(s, limit, '\n\n…truncated (see the job summary)'))
  return `${head}\n${body}\n`
}

/** The job summary: the same report, without the comment's markers, up to the 1 MiB step-summary limit. */
export function renderJobSummary(input: ReportInput): string {
  const heading = `### ${icon(input.gate)} ${escapeText(input.context.checkName)}: ${escapeText(titleOf(input.gate))}`
  return fit(bodySections(input, heading, true), JOB_SUMMARY_MAX_BYTES, utf8Bytes, s => truncateBytes(s, JOB_SUMMARY_MAX_BYTES)) + '\n'
}

/** Check-run output: title, summary (status, ticket, objects, approval, findings), text (the SQL). */
export function renderCheckOutput(input: ReportInput): CheckOutput {
  // check output does not render Mermaid: the table alone
  const sections = bodySections(input, '', false)
  const sqlStart = sections.length - 3 // deploy, rollback, footer
  const summarySections = [...sections.slice(1, sqlStart), sections[sections.length - 1]]
  const summary = fit(summarySections, CHECK_TEXT_MAX_BYTES, utf8Bytes, s => truncateBytes(s, CHECK_TEXT_MAX_BYTES))
  const text = fit(sections.slice(sqlStart, sqlStart + 2), CHECK_TEXT_MAX_BYTES, utf8Bytes, s => truncateBytes(s, CHECK_TEXT_MAX_BYTES))
  const out: CheckOutput = { title: titleOf(input.gate), summary: summary === '' ? titleOf(input.gate) : summary }
  if (text !== '') out.text = text
  return out
}

/** Plan findings as check-run annotations (errors → failure, warnings → warning), at file:line. */
export function annotationsOf(plan: Plan): CheckAnnotation[] {
  const one = (f: Finding, level: 'failure' | 'warning'): CheckAnnotation => ({
    path: f.file,
    start_line: Math.max(1, f.line),
    end_line: Math.max(1, f.line),
    annotation_level: level,
    message: f.message,
    title: level === 'failure' ? 'dms-proc-gate: plan error' : 'dms-proc-gate: warning'
  })
  return [...plan.errors.map(f => one(f, 'failure')), ...plan.warnings.map(f => one(f, 'warning'))]
}

export interface ActionOutputs {
  state: string
  'order-id': string
  'workflow-instance-id': string
  'ticket-url': string
  tickets: string
  objects: string
}

/**
 * The Action's outputs (action.yml `outputs`). Several tickets (one per target): `order-id`, `workflow-instance-id`
 * and `ticket-url` list them comma-separated in target order, and `tickets` holds them as a JSON array.
 */
export function outputsOf(input: ReportInput): ActionOutputs {
  const tickets = allTickets(input)
  const fallbackId = tickets.length === 0 ? orderIdOf(input.gate) : undefined
  return {
    state: stateOutputOf(input.gate),
    'order-id': fallbackId !== undefined ? String(fallbackId) : tickets.map(t => t.orderId).join(','),
    'workflow-instance-id': tickets.map(t => (t.workflowInstanceId !== null ? String(t.workflowInstanceId) : '')).join(','),
    'ticket-url': tickets.map(t => t.url).join(','),
    tickets: JSON.stringify(tickets.map(t => ({
      target: t.target ?? null,
      orderId: t.orderId,
      workflowInstanceId: t.workflowInstanceId,
      url: t.url,
      state: t.state !== undefined ? stateOutputOf(t.state) : null
    }))),
    objects: JSON.stringify(input.plan.objects)
  }
}
