// Pure parts of the permission gate: the PR-body syntax and the verdict rules.
import { describe, expect, test } from '@jest/globals'
import { collectPermOrders, MAX_PERM_ORDERS, notPermApplyReason, overallVerdict, parsePermOrderLines, permVerdict } from '../../src/perm/index.js'
import type { OrderStatus, WorkflowStatus } from '../../src/dms/types.js'

describe('parsePermOrderLines', () => {
  test('reads one id per line, case-insensitive key, duplicates once', () => {
    const body = 'Adds the report.\r\n\r\nDMS-Perm-Order: 1201\ndms-perm-order:1202  \nDMS-Perm-Order: 1201\n'
    expect(parsePermOrderLines(body)).toEqual({
      refs: [
        { orderId: 1201, source: { kind: 'pr-body', line: 3 } },
        { orderId: 1202, source: { kind: 'pr-body', line: 4 } }
      ],
      errors: []
    })
  })

  test('malformed values are errors, never ignored', () => {
    const body = 'DMS-Perm-Order: abc\nDMS-Perm-Order: 12, 13\nDMS-Perm-Order:\nDMS-Perm-Order: 0\nDMS-Perm-Order: #12\nDMS-Perm-Order: 99999999999999999\n'
    const r = parsePermOrderLines(body)
    expect(r.refs).toEqual([])
    expect(r.errors).toEqual([
      'PR description line 1: DMS-Perm-Order needs one DMS ticket id (a positive integer), got "abc"',
      'PR description line 2: DMS-Perm-Order needs one DMS ticket id (a positive integer), got "12, 13"',
      'PR description line 3: DMS-Perm-Order needs one DMS ticket id (a positive integer), got ""',
      'PR description line 4: DMS-Perm-Order needs one DMS ticket id (a positive integer), got "0"',
      'PR description line 5: DMS-Perm-Order needs one DMS ticket id (a positive integer), got "#12"',
      'PR description line 6: DMS-Perm-Order needs one DMS ticket id (a positive integer), got "99999999999999999"'
    ])
  })

  test('only lines that start with the key count; code blocks and HTML comments are not read', () => {
    const body = [
      'See DMS-Perm-Order: 5 in the text',
      '> DMS-Perm-Order: 6',
      '```',
      'DMS-Perm-Order: <id>',
      '```',
      '<!--',
      'Template help: DMS-Perm-Order: <id>',
      'DMS-Perm-Order: <id>',
      '-->',
      '<!-- DMS-Perm-Order: 8 -->',
      '~~~md',
      'DMS-Perm-Order: 9',
      '~~~',
      'DMS-Perm-Order: 7'
    ].join('\n')
    expect(parsePermOrderLines(body)).toEqual({ refs: [{ orderId: 7, source: { kind: 'pr-body', line: 14 } }], errors: [] })
    expect(parsePermOrderLines(null)).toEqual({ refs: [], errors: [] })
  })

  test('too many tickets is an error', () => {
    const body = Array.from({ length: MAX_PERM_ORDERS + 1 }, (_, i) => `DMS-Perm-Order: ${i + 1}`).join('\n')
    expect(collectPermOrders([], 'c.yml', body).errors).toEqual([`too many permission tickets (${MAX_PERM_ORDERS + 1}); at most ${MAX_PERM_ORDERS} may gate one PR`])
  })
})

describe('verdicts', () => {
  const v = (status: OrderStatus, wf?: WorkflowStatus) => permVerdict({ status, statusCode: status }, wf ? { status: wf } : null).verdict

  test('DMS status decides; the workflow fills in while the ticket is in between', () => {
    expect(v('toaudit', 'auditing')).toBe('pending')
    expect(v('new')).toBe('pending')
    expect(v('approved')).toBe('approved')
    expect(v('success')).toBe('approved')
    expect(v('processing', 'approved')).toBe('approved')
    expect(v('toaudit', 'reject')).toBe('rejected')
    for (const s of ['reject', 'cancel', 'closed', 'fail'] as const) expect(v(s, 'approved')).toBe('rejected')
  })

  test('only PERM_APPLY tickets qualify', () => {
    expect(notPermApplyReason(5, { pluginType: 'PERM_APPLY' }, { orderType: 'PERM_APPLY' })).toBeNull()
    expect(notPermApplyReason(5, { pluginType: 'perm_apply' })).toBeNull()
    expect(notPermApplyReason(5, { pluginType: 'DC_PROC' })).toBe('ticket 5 is a DC_PROC ticket, not a permission application (PERM_APPLY)')
    expect(notPermApplyReason(5, { pluginType: '' }, { orderType: 'DATA_EXPORT' })).toMatch(/DATA_EXPORT ticket/)
    expect(notPermApplyReason(5, { pluginType: '' }, null)).toMatch(/did not say what kind/)
  })

  test('overall: any refusal or rejection beats unavailable, which beats pending', () => {
    expect(overallVerdict([])).toBe('approved')
    expect(overallVerdict(['approved', 'pending'])).toBe('pending')
    expect(overallVerdict(['pending', 'unavailable'])).toBe('unavailable')
    expect(overallVerdict(['unavailable', 'rejected', 'approved'])).toBe('rejected')
    expect(overallVerdict(['rejected', 'refused'])).toBe('refused')
  })
})
