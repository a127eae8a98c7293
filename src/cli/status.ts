// `dms-proc-gate status <orderId> [--json] [connection flags]`: any DMS ticket's state, its approval nodes and
// handlers, and for permission tickets (PERM_APPLY) what they request. Exit 0 shown, 1 DMS error, 2 usage.
import { parseArgs } from 'node:util'
import type { DmsClient } from '../dms/client.js'
import { DmsError } from '../dms/errors.js'
import type { ApprovalDetail, OrderBaseInfo, PermApplyOrderDetail } from '../dms/types.js'
import { CONNECTION_OPTIONS, CONNECTION_USAGE, connect } from '../perm/dms-connection.js'
import { describePermRequest } from '../perm/describe.js'
import { PERM_APPLY } from '../perm/verdict.js'

const USAGE = `usage: dms-proc-gate status <orderId> [--json] [connection options]

Prints a DMS ticket's state, its approval nodes and current handlers, and for permission tickets
(PERM_APPLY) the requested resources. --json prints {order, approval, permApply} for scripts.
exit status: 0 shown, 1 DMS error, 2 usage error

${CONNECTION_USAGE}`

export interface TicketStatus {
  order: OrderBaseInfo
  approval: ApprovalDetail | null
  permApply: PermApplyOrderDetail | null
}

export async function readTicketStatus(client: Pick<DmsClient, 'getOrderBaseInfo' | 'getApprovalDetail' | 'getPermApplyOrderDetail'>, orderId: number): Promise<TicketStatus> {
  const order = await client.getOrderBaseInfo(orderId)
  const approval = order.workflowInstanceId !== null ? await client.getApprovalDetail(order.workflowInstanceId) : null
  const isPerm = order.pluginType.toUpperCase() === PERM_APPLY || approval?.orderType.toUpperCase() === PERM_APPLY
  const permApply = isPerm ? await client.getPermApplyOrderDetail(orderId) : null
  return { order, approval, permApply }
}

function userLabel(name: string, id: number | string | null): string {
  if (name && id !== null) return `${name} (${id})`
  return name || (id !== null ? String(id) : 'unknown')
}

export function formatTicketStatus(s: TicketStatus): string {
  const o = s.order
  const out = [
    `Ticket ${o.orderId}${o.pluginType ? ` (${o.pluginType})` : ''}`,
    `  status:     ${o.statusCode || 'unknown'}${o.statusDesc ? ` — ${o.statusDesc}` : ''}`,
    `  committer:  ${userLabel(o.committer, o.committerId)}`,
    `  created:    ${o.createTime || '-'}   last change: ${o.lastModifyTime || '-'}`
  ]
  if (o.comment) out.push(`  comment:    ${o.comment.split('\n')[0]}`)
  if (o.relatedUserIds.length) out.push(`  related:    ${o.relatedUserIds.map((id, i) => userLabel(o.relatedUserNicks[i] ?? '', id)).join(', ')}`)
  if (!s.approval) {
    out.push('Approval: not submitted for approval yet')
  } else {
    const a = s.approval
    out.push(`Approval (workflow ${a.workflowInstanceId ?? o.workflowInstanceId}): ${a.statusCode || a.status}${a.orderType ? `, order type ${a.orderType}` : ''}`)
    a.nodes.forEach((n, i) => {
      const who = n.operatorId !== null ? `, by ${n.operatorId}${n.time ? ` at ${n.time}` : ''}` : ''
      const auditors = n.auditors.length ? `, approvers ${n.auditors.join(', ')}` : ''
      out.push(`  ${i + 1}. ${n.name || '(unnamed node)'}: ${n.statusCode || n.status}${who}${auditors}${n.comment ? ` — "${n.comment}"` : ''}`)
    })
    out.push(`  current handlers: ${a.currentHandlers.length ? a.currentHandlers.map((h) => userLabel(h.nickName, h.id)).join(', ') : 'none'}`)
    if (a.reasons.length) out.push(`  reasons: ${a.reasons.join('; ')}`)
  }
  if (s.permApply) {
    out.push('Permission request:')
    for (const line of describePermRequest(s.permApply)) out.push(`  ${line}`)
  }
  return out.join('\n') + '\n'
}

export async function run(argv: string[]): Promise<number> {
  let values: Record<string, string | boolean | undefined>
  let positionals: string[]
  try {
    ;({ values, positionals } = parseArgs({
      args: argv,
      options: { ...CONNECTION_OPTIONS, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true
    }))
  } catch (err) {
    process.stderr.write(`dms-proc-gate status: ${(err as Error).message}\n\n${USAGE}`)
    return 2
  }
  if (values.help) {
    process.stdout.write(USAGE)
    return 0
  }
  if (positionals.length !== 1 || !/^[1-9][0-9]{0,15}$/.test(positionals[0]!) || !Number.isSafeInteger(Number(positionals[0]))) {
    process.stderr.write(`dms-proc-gate status: give exactly one ticket id (a positive integer)${positionals.length ? `, got ${positionals.map((p) => JSON.stringify(p)).join(' ')}` : ''}\n\n${USAGE}`)
    return 2
  }
  const conn = connect(values as Record<string, string | undefined>)
  if (!conn.ok) {
    process.stderr.write(`dms-proc-gate status: ${conn.message}\n`)
    return 2
  }
  const orderId = Number(positionals[0])
  try {
    const status = await readTicketStatus(conn.client, orderId)
    process.stdout.write(values.json ? JSON.stringify(status, null, 2) + '\n' : formatTicketStatus(status))
    return 0
  } catch (e) {
    const message = e instanceof DmsError ? e.message : `unexpected error: ${(e as Error)?.message ?? String(e)}`
    if (values.json) process.stdout.write(JSON.stringify({ error: { message, ...(e instanceof DmsError ? { code: e.code, requestId: e.requestId } : {}) } }, null, 2) + '\n')
    process.stderr.write(`dms-proc-gate status: ${message}\n`)
    return 1
  }
}
