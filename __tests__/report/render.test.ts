import { describe, expect, test } from '@jest/globals'
import {
  annotationsOf,
  approvalFlow,
  codeSpan,
  escapeText,
  fencedBlock,
  outputsOf,
  parseStateMarker,
  renderCheckOutput,
  renderComment,
  renderJobSummary,
  renderStateMarker,
  mermaidText,
  ticketUrl,
  type ReportInput,
  type TicketView
} from '../../src/report/render.js'
import { STICKY_MARKER } from '../../src/report/markers.js'
import type { Plan, PlannedObject } from '../../src/sql/types.js'
import { APPROVAL, INPUT, PLAN } from './fixtures.js'
import type { ApprovalDetail } from '../../src/dms/types.js'

const EXPECTED_COMMENT = `<!-- dms-proc-gate:sticky -->
<!-- dms-proc-gate:state {"v":1,"state":"awaiting-approval","orderIds":[1001],"workflowInstanceId":5001,"planHash":"9f86d081884c7d659a2feaa0c55ad015","headSha":"ec26c3e57ca3a959ca5aad62de7213c562f8c821"} -->
### ⏳ DMS approval: Awaiting DBA approval: node 'DBA review' — alice, bob

**DMS ticket:** [1001](https://dms.aliyun.com/?orderId=1001) · status \`toaudit\` · workflow 5001

#### Routine changes (2)

| Type | Name | Change | File |
|---|---|---|---|
| PROCEDURE | \`shop.archive orders\` | modified | \`db/routines/archive.sql:3\` |
| VIEW | \`\`v\\|pipe\`tick\`\` | added | \`db/views/v.sql:1\` |

#### Approval progress

\`\`\`mermaid
flowchart LR
  n0["Submit<br/>submitted"]:::done
  n1["DBA review<br/>waiting<br/>alice, bob"]:::wait
  n0 --> n1
  classDef ok fill:#dafbe1,stroke:#1a7f37,color:#1f2328
  classDef wait fill:#fff8c5,stroke:#9a6700,color:#1f2328
  classDef no fill:#ffebe9,stroke:#cf222e,color:#1f2328
  classDef done fill:#f6f8fa,stroke:#59636e,color:#1f2328
\`\`\`

| Node | Status | Auditors | Comment |
|---|---|---|---|
| Submit | submitted | — |  |
| DBA review | ⏳ waiting | alice, bob |  |

Waiting for: alice, bob

#### Warnings (1)

- \`db/routines/archive.sql:3\` — DEFINER clause &lt;script&gt; &#64;here

<details><summary>Deploy SQL (8 lines)</summary>

\`\`\`\`sql
DROP PROCEDURE IF EXISTS \`shop\`.\`archive orders\`;
DELIMITER $$
CREATE PROCEDURE \`shop\`.\`archive orders\`()
BEGIN
  -- \`\`\` not a fence
  SELECT 1;
END$$
DELIMITER ;
\`\`\`\`

</details>

<details><summary>Rollback SQL (1 line)</summary>

\`\`\`sql
DROP VIEW IF EXISTS \`v|pipe\`\`tick\`;
\`\`\`

</details>

<sub>Check \`DMS approval\` on \`ec26c3e57ca3\` · plan \`9f86d081884c\` · [workflow run](https://github.com/acme/shop/actions/runs/1) · approval is read from DMS, never from this comment.</sub>
`

function manyObjects(n: number): PlannedObject[] {
  return Array.from({ length: n }, (_, i) => ({ type: 'PROCEDURE' as const, schema: 'shop', name: `proc_${i}_处理`, change: 'modified' as const, file: `db/routines/p${i}.sql`, line: 1 }))
}

describe('renderComment', () => {
  test('the full comment: markers, status, objects table, ticket link, approval, warnings, SQL blocks', () => {
    expect(renderComment(INPUT)).toBe(EXPECTED_COMMENT)
  })

  test('is deterministic', () => {
    expect(renderComment(INPUT)).toBe(renderComment(structuredClone(INPUT)))
  })

  test('plan errors: failure heading, error list at file:line, no ticket', () => {
    const plan: Plan = { ...PLAN, objects: [], execSql: '', rollbackSql: '', errors: [{ file: 'db/broken.sql', line: 12, message: 'unterminated BEGIN block' }], warnings: [] }
    const c = renderComment({ plan, gate: { kind: 'plan-failed', findings: plan.errors }, context: INPUT.context })
    expect(c).toContain('### ❌ DMS approval: Plan failed: 1 error in the SQL')
    expect(c).toContain('#### Errors (1)\n\n- `db/broken.sql:12` — unterminated BEGIN block')
    expect(c).not.toContain('DMS ticket')
    expect(c).not.toContain('<details>')
    expect(parseStateMarker(c)).toEqual({ v: 1, state: 'plan-failed', orderIds: [], workflowInstanceId: null, planHash: INPUT.context.planHash, headSha: INPUT.context.headSha })
  })

  test('rejected with DMS reasons; approved; fork explanation; notes escaped', () => {
    const rejected = renderComment({ ...INPUT, gate: { kind: 'rejected', orderId: 1001, reasons: ['missing index on `orders`'] } })
    expect(rejected).toContain('### ❌ DMS approval: Rejected in DMS (ticket 1001)')
    expect(rejected).toContain('Reasons: missing index on \\`orders\\`')
    expect(renderComment({ ...INPUT, gate: { kind: 'approved', orderId: 1001 } })).toContain('### ✅ DMS approval: Approved in DMS (ticket 1001)')
    const fork = renderComment({ plan: PLAN, gate: { kind: 'awaiting-maintainer', objectCount: 2, headSha: 'b'.repeat(40) }, context: { ...INPUT.context, notes: ['a <b>note</b> for @team'] } })
    expect(fork).toContain(`comments \`/dms-refresh ${'b'.repeat(40)}\``)
    expect(fork).toContain('- a &lt;b&gt;note&lt;/b&gt; for &#64;team')
  })

  test('a huge plan stays under 65,536 characters: SQL replaced by a note, table shortened, markers kept', () => {
    const big: Plan = { ...PLAN, objects: manyObjects(3000), execSql: 'SELECT 1;\n'.repeat(20000), rollbackSql: 'SELECT 2;\n'.repeat(20000) }
    const c = renderComment({ ...INPUT, plan: big })
    expect(c.length).toBeLessThanOrEqual(65536)
    expect(c.startsWith(STICKY_MARKER)).toBe(true)
    expect(parseStateMarker(c)?.orderIds).toEqual([1001])
    expect(c).toContain('_The deploy SQL (200000 bytes) is too large to show here; see the job summary or the DMS ticket._')
    expect(c).toContain('#### Routine changes (3000)')
    expect(c).toContain('| PROCEDURE | `shop.proc_0_处理` | modified | `db/routines/p0.sql:1` |')
    expect(c).toContain('…and 2950 more (see the job summary).')
    expect(c).toContain('<sub>Check `DMS approval`') // footer survives
  })

  test('a plan too big even without SQL is cut on a character boundary', () => {
    const msg = '😀'.repeat(40000)
    const big: Plan = { ...PLAN, errors: [{ file: 'a.sql', line: 1, message: msg }], warnings: [] }
    const c = renderComment({ ...INPUT, plan: big, gate: { kind: 'plan-failed', findings: big.errors } })
    expect(c.length).toBeLessThanOrEqual(65536)
    expect(c).toMatch(/…truncated \(see the job summary\)\n$/)
    expect(c).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/)
  })
})

describe('renderCheckOutput', () => {
  test('title = state title, summary = report without SQL, text = SQL blocks', () => {
    const o = renderCheckOutput(INPUT)
    expect(o.title).toBe("Awaiting DBA approval: node 'DBA review' — alice, bob")
    expect(o.summary).toContain('**DMS ticket:** [1001](https://dms.aliyun.com/?orderId=1001)')
    expect(o.summary).toContain('| DBA review | ⏳ waiting | alice, bob |  |')
    expect(o.summary).not.toContain('```')
    expect(o.text).toContain('<details><summary>Deploy SQL (8 lines)</summary>')
    expect(o.text).toContain('DROP VIEW IF EXISTS `v|pipe``tick`;')
    expect(o.summary).not.toContain(STICKY_MARKER)
  })

  test('CJK/emoji-heavy output fits 65,535 bytes in summary and text', () => {
    const big: Plan = { ...PLAN, objects: manyObjects(2000), execSql: '-- 审批😀\n'.repeat(20000), rollbackSql: '' }
    const o = renderCheckOutput({ ...INPUT, plan: big })
    expect(Buffer.byteLength(o.summary)).toBeLessThanOrEqual(65535)
    expect(Buffer.byteLength(o.text!)).toBeLessThanOrEqual(65535)
    expect(o.text).toMatch(/^_The deploy SQL \(\d+ bytes\) is too large to show here/)
  })

  test('no changes: a short success summary and no text', () => {
    const none: Plan = { objects: [], execSql: '', rollbackSql: '', errors: [], warnings: [] }
    const o = renderCheckOutput({ plan: none, gate: { kind: 'no-changes' }, context: INPUT.context })
    expect(o.title).toBe('No routine changes to deploy')
    expect(o.text).toBeUndefined()
    expect(o.summary).toContain('<sub>Check `DMS approval`')
  })
})

describe('job summary, annotations, outputs, state marker', () => {
  test('the job summary is the comment without markers', () => {
    const s = renderJobSummary(INPUT)
    expect(s).not.toContain('<!--')
    expect(EXPECTED_COMMENT.endsWith(s)).toBe(true)
  })

  test('annotations: errors are failures, warnings are warnings, at file:line', () => {
    const plan: Plan = { ...PLAN, errors: [{ file: 'b.sql', line: 0, message: 'bad' }] }
    expect(annotationsOf(plan)).toEqual([
      { path: 'b.sql', start_line: 1, end_line: 1, annotation_level: 'failure', message: 'bad', title: 'dms-proc-gate: plan error' },
      { path: 'db/routines/archive.sql', start_line: 3, end_line: 3, annotation_level: 'warning', message: 'DEFINER clause <script> @here', title: 'dms-proc-gate: warning' }
    ])
  })

  test('outputs', () => {
    expect(outputsOf(INPUT)).toEqual({
      state: 'awaiting-approval',
      'order-id': '1001',
      'workflow-instance-id': '5001',
      'ticket-url': 'https://dms.aliyun.com/?orderId=1001',
      tickets: JSON.stringify([{ target: null, orderId: 1001, workflowInstanceId: 5001, url: 'https://dms.aliyun.com/?orderId=1001', state: null }]),
      objects: JSON.stringify(PLAN.objects)
    })
    expect(outputsOf({ plan: PLAN, gate: { kind: 'error', message: 'x' }, context: INPUT.context })).toMatchObject({ state: 'error', 'order-id': '', 'ticket-url': '' })
  })

  test('several tickets: every one in the header and the approval section; outputs comma-separated in target order plus JSON', () => {
    const second: TicketView = {
      orderId: 1002, workflowInstanceId: null, url: 'https://dms.aliyun.com/?orderId=1002', statusCode: 'new', target: 'billing',
      state: { kind: 'awaiting-precheck', orderId: 1002 }
    }
    const first: TicketView = { ...INPUT.ticket!, target: 'shop', state: INPUT.gate }
    const multi: ReportInput = { ...INPUT, ticket: first, tickets: [first, second] }
    const c = renderComment(multi)
    expect(c).toContain([
      '**DMS tickets (2):**',
      '',
      "- [1001](https://dms.aliyun.com/?orderId=1001) target `shop` · status `toaudit` · workflow 5001 — Awaiting DBA approval: node 'DBA review' — alice, bob",
      '- [1002](https://dms.aliyun.com/?orderId=1002) target `billing` · status `new` — DMS ticket 1002: waiting for the precheck'
    ].join('\n'))
    expect(c).toContain('#### Approval progress — DMS ticket 1001 (target shop)')
    expect(outputsOf(multi)).toMatchObject({
      'order-id': '1001,1002',
      'workflow-instance-id': '5001,',
      'ticket-url': 'https://dms.aliyun.com/?orderId=1001,https://dms.aliyun.com/?orderId=1002'
    })
    expect(JSON.parse(outputsOf(multi).tickets)).toEqual([
      { target: 'shop', orderId: 1001, workflowInstanceId: 5001, url: 'https://dms.aliyun.com/?orderId=1001', state: 'awaiting-approval' },
      { target: 'billing', orderId: 1002, workflowInstanceId: null, url: 'https://dms.aliyun.com/?orderId=1002', state: 'awaiting-precheck' }
    ])
  })

  test('the approval flow is drawn with hostile DMS text neutralised; the check output keeps only the table', () => {
    const hostile: ApprovalDetail = {
      ...APPROVAL,
      status: 'reject',
      nodes: [
        { ...APPROVAL.nodes[0]!, name: 'Submit"]:::ok\n  click n0 "https://evil"' },
        { ...APPROVAL.nodes[1]!, name: 'DBA ```` <img src=x> #1 @here', status: 'reject', statusCode: 'REJECT', auditors: [] }
      ]
    }
    const flow = approvalFlow(hostile)
    expect(flow.split('\n').slice(2, 4)).toEqual([
      '  n0["Submit#quot;#93;:::ok click n0 #quot;https://evil#quot;<br/>submitted"]:::done',
      '  n1["DBA #96;#96;#96;#96; #lt;img src=x#gt; #35;1 @here<br/>rejected"]:::no'
    ])
    expect(flow.match(/```/g)).toHaveLength(2) // nothing inside closes the fence
    expect(mermaidText('x'.repeat(100))).toHaveLength(60)
    const input: ReportInput = { ...INPUT, ticket: { ...INPUT.ticket!, approval: hostile } }
    expect(renderComment(input)).toContain('```mermaid')
    const check = renderCheckOutput(input)
    expect(check.summary).not.toContain('mermaid')
    expect(check.summary).toContain('| DBA \\`\\`\\`\\` &lt;img src=x&gt; \\#1 &#64;here | ❌ rejected |')
  })

  test('a comment over the limit drops the drawing before the table', () => {
    const nodes = Array.from({ length: 400 }, (_, i) => ({ ...APPROVAL.nodes[1]!, name: `node ${i} ${'n'.repeat(50)}` }))
    const c = renderComment({ ...INPUT, plan: { ...PLAN, execSql: 'x'.repeat(20000) }, ticket: { ...INPUT.ticket!, approval: { ...APPROVAL, nodes } } })
    expect(c.length).toBeLessThanOrEqual(65536)
    expect(c).not.toContain('```mermaid')
    expect(c).toContain('| node 399 ')
  })

  test('state marker round-trips and rejects tampering', () => {
    const m = { v: 1 as const, state: 'approved' as const, orderIds: [7], workflowInstanceId: null, planHash: 'a-->b', headSha: 'c' }
    const text = renderStateMarker(m)
    expect(text).not.toMatch(/-->.*-->/s) // the value cannot close the HTML comment early
    expect(parseStateMarker(`hello\n${text}\n`)).toEqual(m)
    expect(parseStateMarker('<!-- dms-proc-gate:state {"v":1,"state":"approved","orderIds":["1; DROP"],"workflowInstanceId":null,"planHash":"","headSha":""} -->')).toBeUndefined()
    expect(parseStateMarker('<!-- dms-proc-gate:state {oops} -->')).toBeUndefined()
    expect(parseStateMarker('no marker')).toBeUndefined()
  })

  test('escaping helpers', () => {
    expect(codeSpan('a`b')).toBe('``a`b``')
    expect(codeSpan('`x`')).toBe('`` `x` ``')
    expect(codeSpan('a|b')).toBe('`a\\|b`')
    expect(fencedBlock('x ```` y')).toBe('`````sql\nx ```` y\n`````')
    expect(escapeText('*bold* [link](x) @me <b>')).toBe('\\*bold\\* \\[link\\](x) &#64;me &lt;b&gt;')
    expect(ticketUrl(42, 'http://127.0.0.1:9000/')).toBe('http://127.0.0.1:9000/?orderId=42')
  })
})
