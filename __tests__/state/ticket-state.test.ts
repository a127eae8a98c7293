import { describe, expect, test } from '@jest/globals'
import { precheckOf, ticketGateState, worstState } from '../../src/state/ticket-state.js'
import type { ApprovalDetail, DataCorrectOrderDetail, OrderBaseInfo, OrderStatus } from '../../src/dms/types.js'

function base(status: OrderStatus, extra: Partial<OrderBaseInfo> = {}): OrderBaseInfo {
  return {
    orderId: 1001, status, statusCode: status, statusDesc: '', comment: '', committer: '', committerId: null, createTime: '',
    lastModifyTime: '', pluginType: 'DC_PROC', workflowInstanceId: 5001, workflowStatusDesc: '', attachmentKey: '',
    relatedUserIds: [], relatedUserNicks: [], ...extra
  }
}

function approval(extra: Partial<ApprovalDetail> = {}): ApprovalDetail {
  return {
    workflowInstanceId: 5001, orderId: 1001, orderType: 'DC_PROC', title: '', description: '', createTime: '', status: 'auditing',
    statusCode: 'AUDITING', auditId: null, templateId: null,
    nodes: [{ name: 'DBA review', status: 'auditing', statusCode: 'AUDITING', auditors: ['61', '62'], operatorId: null, comment: '', time: '' }],
    currentHandlers: [{ id: 61, nickName: 'dba_alice' }], reasons: [], thirdpartyWorkflowUrl: '', thirdpartyWorkflowComment: '', ...extra
  }
}


describe('ticket state (from DMS only)', () => {
  test('toaudit → awaiting-approval with node and handlers', () => {
    expect(ticketGateState(base('toaudit'), approval())).toEqual({ kind: 'awaiting-approval', orderId: 1001, node: 'DBA review', handlers: ['dba_alice'] })
  })
  test('approved / waiting → approved; reject → rejected with reasons; closed / cancel', () => {
    expect(ticketGateState(base('approved'), approval({ status: 'approved' })).kind).toBe('approved')
    expect(ticketGateState(base('waiting'), null).kind).toBe('approved')
    const rejected = approval({ status: 'reject', nodes: [{ name: 'DBA review', status: 'reject', statusCode: 'REJECT', auditors: [], operatorId: 61, comment: 'no index', time: '' }] })
    expect(ticketGateState(base('reject'), rejected)).toEqual({ kind: 'rejected', orderId: 1001, reasons: ['no index'] })
    expect(ticketGateState(base('closed'), null).kind).toBe('closed')
    expect(ticketGateState(base('cancel'), null).kind).toBe('cancelled')
    expect(ticketGateState(base('unknown', { statusCode: 'WEIRD' }), null)).toMatchObject({ kind: 'error' })
  })
  test('new ticket: precheck running → awaiting-precheck; failed → precheck-failed with the step tips', () => {
    const detail = (status: OrderStatus, steps: DataCorrectOrderDetail['precheck']): DataCorrectOrderDetail => ({
      status, statusCode: status, execMode: 'COMMITOR', execSql: '', rollbackSql: '', rollbackSqlType: 'TEXT', rollbackAttachmentName: '', attachmentName: '', classify: '', sqlType: 'TEXT',
      estimateAffectRows: null, actualAffectRows: null, precheck: steps, databases: []
    })
    const running = precheckOf(detail('precheck', [{ step: 'SQL_PARSE', status: 'RUNNING', userTip: '' }]))
    expect(running).toEqual({ kind: 'running' })
    expect(ticketGateState(base('new', { workflowInstanceId: null }), null, running).kind).toBe('awaiting-precheck')
    const failed = precheckOf(detail('precheck_failed', [{ step: 'SQL_PARSE', status: 'FAIL', userTip: 'syntax error at line 3' }]))
    expect(ticketGateState(base('new', { workflowInstanceId: null }), null, failed)).toEqual({ kind: 'precheck-failed', orderId: 1001, reasons: ['SQL_PARSE: syntax error at line 3'] })
    expect(precheckOf(detail('precheck_success', [{ step: 'SQL_PARSE', status: 'SUCCESS', userTip: '' }]))).toEqual({ kind: 'passed' })
  })
  test('the whole gate is its most severe part: green only when every part is', () => {
    expect(worstState([{ kind: 'approved', orderId: 1 }, { kind: 'awaiting-approval', orderId: 2, node: 'n', handlers: [] }]).kind).toBe('awaiting-approval')
    expect(worstState([{ kind: 'approved', orderId: 1 }, { kind: 'rejected', orderId: 2, reasons: [] }]).kind).toBe('rejected')
    expect(worstState([{ kind: 'approved', orderId: 1 }, { kind: 'approved', orderId: 2 }]).kind).toBe('approved')
    expect(worstState([]).kind).toBe('no-changes')
  })
})
