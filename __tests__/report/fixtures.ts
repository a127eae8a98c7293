import type { ApprovalDetail } from '../../src/dms/types.js'
import type { ReportInput } from '../../src/report/render.js'
import type { Plan } from '../../src/sql/types.js'

export const PLAN: Plan = {
  objects: [
    { type: 'PROCEDURE', schema: 'shop', name: 'archive orders', change: 'modified', file: 'db/routines/archive.sql', line: 3 },
    { type: 'VIEW', name: 'v|pipe`tick', change: 'added', file: 'db/views/v.sql', line: 1 }
  ],
  execSql: 'DROP PROCEDURE IF EXISTS `shop`.`archive orders`;\nDELIMITER $$\nCREATE PROCEDURE `shop`.`archive orders`()\nBEGIN\n  -- ``` not a fence\n  SELECT 1;\nEND$$\nDELIMITER ;\n',
  rollbackSql: 'DROP VIEW IF EXISTS `v|pipe``tick`;\n',
  errors: [],
  warnings: [{ file: 'db/routines/archive.sql', line: 3, message: 'DEFINER clause <script> @here' }]
}

export const APPROVAL: ApprovalDetail = {
  workflowInstanceId: 5001,
  orderId: 1001,
  orderType: 'DC_PROC',
  title: 't',
  description: '',
  createTime: '2026-11-26 10:00:00',
  status: 'auditing',
  statusCode: 'AUDITING',
  auditId: 1,
  templateId: 1,
  nodes: [
    { name: 'Submit', status: 'start', statusCode: 'START', auditors: [], operatorId: 7, comment: '', time: '2026-11-26 10:00:00' },
    { name: 'DBA review', status: 'auditing', statusCode: 'AUDITING', auditors: ['alice', 'bob'], operatorId: null, comment: '', time: '' }
  ],
  currentHandlers: [
    { id: 11, nickName: 'alice' },
    { id: 12, nickName: 'bob' }
  ],
  reasons: [],
  thirdpartyWorkflowUrl: '',
  thirdpartyWorkflowComment: ''
}

export const INPUT: ReportInput = {
  plan: PLAN,
  gate: { kind: 'awaiting-approval', orderId: 1001, node: 'DBA review', handlers: ['alice', 'bob'] },
  ticket: { orderId: 1001, workflowInstanceId: 5001, url: 'https://dms.aliyun.com/?orderId=1001', statusCode: 'toaudit', approval: APPROVAL },
  context: { repo: 'acme/shop', pullNumber: 7, headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821', planHash: '9f86d081884c7d659a2feaa0c55ad015', checkName: 'DMS approval', runUrl: 'https://github.com/acme/shop/actions/runs/1' }
}
