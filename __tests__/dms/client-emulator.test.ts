// The client against the DMS emulator (src/emulator): every action round trip, every fault type with call
// counts from GET /__emulator/stats, the never-twice create, large SQL through the form body, and secrets.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import { createDmsClient, type DmsClient, type DmsClientOptions } from '../../src/dms/client.js'
import { DmsError } from '../../src/dms/errors.js'
import { resolveDatabase, parseDatabaseSpec } from '../../src/dms/resolve-database.js'
import { startEmulator, DEFAULT_ACCESS_KEY, type RunningEmulator } from '../../src/emulator/index.js'
import type { CreateProcCorrectOrderInput, OrderStatus } from '../../src/dms/types.js'
import { createHash } from 'node:crypto'
import { readTicketBook } from '../../src/tickets/book.js'
import { identityHeader, type TicketIdentity } from '../../src/tickets/identity.js'

const STS = { id: 'STS.emulator-sts-ak', secret: 'sts-secret-Value-987654', stsToken: 'sts-token-Value-abcdef' }
let emu: RunningEmulator

beforeAll(async () => {
  emu = await startEmulator({
    precheckDelayMs: 0,
    executeDelayMs: 0,
    databases: [{ schema: 'demo' }, { schema: 'shop', envType: 'product', host: 'rm-prod' }, { schema: 'shop', envType: 'dev', host: 'rm-dev' }],
    accessKeys: [DEFAULT_ACCESS_KEY, { id: STS.id, secret: STS.secret, stsToken: STS.stsToken, role: 'admin' }]
  })
})
afterAll(async () => { await emu.close() })

async function control(method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${emu.url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(5000)
  })
  const json = await res.json()
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`)
  return json
}
const stats = () => control('GET', '/__emulator/stats')
const calls = async (action: string): Promise<number> => (await stats()).byAction[action] ?? 0

function client(extra: Partial<DmsClientOptions> = {}): DmsClient {
  return createDmsClient({
    endpoint: emu.url,
    tid: 3,
    credentials: { accessKeyId: DEFAULT_ACCESS_KEY.id, accessKeySecret: DEFAULT_ACCESS_KEY.secret },
    retryDeps: { sleep: async () => {}, random: () => 0.5 },
    retry: { maxAttempts: 4 },
    readTimeoutMs: 600,
    ...extra
  })
}

const proc = (name: string): CreateProcCorrectOrderInput => ({
  comment: `routine ${name}`,
  dbItems: [{ dbId: 1, logic: false }],
  execSql: `DELIMITER $$\nDROP PROCEDURE IF EXISTS ${name}$$\nCREATE PROCEDURE ${name}() BEGIN SELECT 1; END$$\nDELIMITER ;`,
  rollbackSql: `DROP PROCEDURE IF EXISTS ${name};`,
  execMode: 'AUTO'
})

async function waitStatus(c: DmsClient, orderId: number, want: OrderStatus[]): Promise<OrderStatus> {
  for (let i = 0; i < 100; i++) {
    const s = (await c.getOrderBaseInfo(orderId)).status
    if (want.includes(s)) return s
    await new Promise((r) => setTimeout(r, 20))
  }
  throw new Error(`order ${orderId} never reached ${want.join('/')}`)
}

beforeEach(async () => {
  await control('DELETE', '/__emulator/faults')
  await control('DELETE', '/__emulator/stats')
})

describe('round trip of every action', () => {
  test('tenant, databases, create → precheck → submit → approve → success (AUTO)', async () => {
    const c = client()
    expect(await c.getUserActiveTenant()).toMatchObject({ tid: 3, status: 'ACTIVE' })

    const demo = await resolveDatabase(c, parseDatabaseSpec('demo'))
    expect(demo).toMatchObject({ dbId: 1, logic: false, ref: { schemaName: 'demo' } })
    await expect(resolveDatabase(c, parseDatabaseSpec('shop'))).rejects.toThrow(/2 DMS databases match schema "shop": shop@rm-prod:3306 \(product, DbId 2\); shop@rm-dev:3306 \(dev, DbId 3\)/)
    expect((await resolveDatabase(c, { schemaName: 'shop', envType: 'dev' })).dbId).toBe(3)

    const orderId = await c.createProcCorrectOrder({ ...proc('p_round'), classify: 'feature', dbItems: [{ dbId: demo.dbId, logic: demo.logic }] })
    const info = await c.getOrderBaseInfo(orderId)
    expect(info).toMatchObject({ orderId, pluginType: 'DC_PROC', comment: 'routine p_round', workflowInstanceId: null })

    const detail = await c.getDataCorrectOrderDetail(orderId)
    expect(detail.status).toBe('precheck_success')
    expect(detail.execMode).toBe('AUTO')
    expect(detail.execSql).toBe(proc('p_round').execSql)
    expect(detail.rollbackSql).toBe(proc('p_round').rollbackSql)
    expect(detail.precheck.map((s) => s.status)).toEqual(['SUCCESS', 'SUCCESS', 'SUCCESS', 'SUCCESS'])
    expect(detail.databases[0]).toMatchObject({ dbId: 1, schemaName: 'demo' })

    await c.submitOrderApproval(orderId)
    const submitted = await c.getOrderBaseInfo(orderId)
    expect(submitted.status).toBe('toaudit')
    expect(submitted.workflowInstanceId).toBeGreaterThan(0)

    const approval = await c.getApprovalDetail(submitted.workflowInstanceId!)
    expect(approval).toMatchObject({ orderId, status: 'auditing', workflowInstanceId: submitted.workflowInstanceId })
    expect(approval.nodes.length).toBeGreaterThanOrEqual(2)
    expect(approval.currentHandlers.map((h) => h.nickName)).toEqual(['dba_alice', 'dba_bob'])

    const listed = await c.listOrders({ pluginType: 'DC_PROC', searchContent: 'p_round', orderStatus: 'ALL' })
    expect(listed.orders.map((o) => [o.orderId, o.status])).toEqual([[orderId, 'toaudit']])

    await control('POST', `/__emulator/orders/${orderId}/approve`, { comment: 'LGTM' })
    expect(await waitStatus(c, orderId, ['success'])).toBe('success')
    const after = await c.getApprovalDetail(submitted.workflowInstanceId!)
    expect(after.status).toBe('approved')
    expect(after.nodes.at(-1)).toMatchObject({ status: 'approved', comment: 'LGTM' })
  })

  test('COMMITOR waits for ExecuteDataCorrect; reject; CloseOrder', async () => {
    const c = client()
    const a = await c.createProcCorrectOrder({ ...proc('p_commitor'), execMode: 'COMMITOR' })
    await c.submitOrderApproval(a)
    await control('POST', `/__emulator/orders/${a}/approve`)
    expect(await waitStatus(c, a, ['approved'])).toBe('approved')
    await c.executeDataCorrect({ orderId: a, actionDetail: { transaction: false, backupData: true } })
    expect(await waitStatus(c, a, ['success'])).toBe('success')

    const b = await c.createProcCorrectOrder(proc('p_rejected'))
    await c.submitOrderApproval(b)
    await control('POST', `/__emulator/orders/${b}/reject`, { comment: 'no' })
    expect(await waitStatus(c, b, ['reject'])).toBe('reject')

    const d = await c.createProcCorrectOrder(proc('p_closed'))
    await c.closeOrder(d, 'superseded by a new push')
    expect(await waitStatus(c, d, ['closed'])).toBe('closed')
  })

  test('GetPermApplyOrderDetail and CreateAuthorityTemplate', async () => {
    const c = client()
    const perm = await control('POST', '/__emulator/perm-orders', { applyType: 'DB', permType: 1, seconds: 3600, resources: [{ DatabaseInfo: { DbId: 1, SchemaName: 'demo' } }] })
    const d = await c.getPermApplyOrderDetail(perm.orderId)
    expect(d).toMatchObject({ applyType: 'DB', permType: 1, seconds: 3600 })
    expect(d.resources[0].database).toMatchObject({ SchemaName: 'demo' })
    // Templates need a DBA or admin (CreateAuthorityTemplate doc); the STS key here is an admin's.
    const admin = client({ credentials: { accessKeyId: STS.id, accessKeySecret: STS.secret, securityToken: STS.stsToken } })
    const t = await admin.createAuthorityTemplate({ name: 'routine-readers', description: 'read routines' })
    expect(t).toMatchObject({ name: 'routine-readers', description: 'read routines' })
    expect(t.templateId).toBeGreaterThan(0)
    expect(await admin.findAuthorityTemplates('routine')).toEqual([t])
    expect(await admin.listAuthorityTemplates({ searchKey: 'nothing', pageSize: 5 })).toEqual({ totalCount: 0, templates: [] })
  })

  test('V1 signing and an STS key work too', async () => {
    const v1 = client({ signature: 'v1' })
    expect((await v1.getUserActiveTenant()).tid).toBe(3)
    const sts = client({ credentials: { accessKeyId: STS.id, accessKeySecret: STS.secret, securityToken: STS.stsToken } })
    expect((await sts.getUserActiveTenant()).tid).toBe(3)
    const stsV1 = client({ signature: 'v1', credentials: { accessKeyId: STS.id, accessKeySecret: STS.secret, securityToken: STS.stsToken } })
    expect((await stsV1.searchDatabase({ searchKey: 'demo' })).databases[0].dbId).toBe(1)
  })
})

describe('errors from the emulator are final', () => {
  test('unknown order (Success:false) — one call', async () => {
    const err = await client().getOrderBaseInfo(987654).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(DmsError)
    expect(err).toMatchObject({ kind: 'business', retryable: false, action: 'GetOrderBaseInfo' })
    expect((err as DmsError).requestId).toBeTruthy()
    expect(await calls('GetOrderBaseInfo')).toBe(1)
  })
  test('wrong secret — SignatureDoesNotMatch, one call', async () => {
    const err = await client({ credentials: { accessKeyId: DEFAULT_ACCESS_KEY.id, accessKeySecret: 'wrong-secret-value' } }).getUserActiveTenant().catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'SignatureDoesNotMatch', httpStatus: 400, retryable: false })
    expect(String(err)).not.toContain('wrong-secret-value')
    expect(await calls('GetUserActiveTenant')).toBe(1)
  })
  test('unknown key — InvalidAccessKeyId.NotFound', async () => {
    const err = await client({ credentials: { accessKeyId: 'LTAI-nobody', accessKeySecret: 'x-secret-x' } }).getUserActiveTenant().catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'InvalidAccessKeyId.NotFound', httpStatus: 404, retryable: false })
  })
})

describe('faults via POST /__emulator/faults: retried only where they should be', () => {
  const retried: Array<[string, Record<string, unknown>, string]> = [
    ['throttle (400 Throttling.User)', { type: 'throttle' }, 'throttle'],
    ['throttle (429)', { type: 'throttle', status: 429 }, 'throttle'],
    ['5xx', { type: '5xx' }, 'server'],
    ['502-html', { type: '502-html' }, 'invalid_response'],
    ['slow beyond the client timeout', { type: 'slow', delayMs: 2000 }, 'timeout'],
    ['reset', { type: 'reset' }, 'network']
  ]
  test.each(retried)('%s: two faults, third call succeeds (3 calls)', async (_n, rule, kind) => {
    await control('POST', '/__emulator/faults', { ...rule, count: 2, actions: ['GetOrderBaseInfo'] })
    const c = client()
    const id = await c.createProcCorrectOrder(proc('p_fault'))
    const lines: string[] = []
    const o = await client({ logger: (l) => lines.push(l) }).getOrderBaseInfo(id)
    expect(o.orderId).toBe(id)
    expect(await calls('GetOrderBaseInfo')).toBe(3)
    expect(lines.filter((l) => l.includes('retry after'))).toHaveLength(2)
    // and with attempts exhausted, the error says what happened
    await control('POST', '/__emulator/faults', { ...rule, count: 2, actions: ['GetOrderBaseInfo'] })
    const err = await client({ retry: { maxAttempts: 2 } }).getOrderBaseInfo(id).catch((e: unknown) => e)
    expect(err).toMatchObject({ kind, retryable: true, action: 'GetOrderBaseInfo' })
  })

  test('success-false: not retried (1 call)', async () => {
    await control('POST', '/__emulator/faults', { type: 'success-false', count: 3, actions: ['GetUserActiveTenant'], errorCode: 'UnknownError' })
    const err = await client().getUserActiveTenant().catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'UnknownError', kind: 'business', httpStatus: 200, retryable: false })
    expect(await calls('GetUserActiveTenant')).toBe(1)
  })
})

/** A fresh identity per test (the emulator is shared by the file's tests). */
function identityOf(tag: string): TicketIdentity {
  return { repo: 'acme/shop', pull: 7, target: 'default', planHash: createHash('sha256').update(`${tag}:${Date.now()}:${Math.random()}`).digest('hex') }
}

function lookupOf(c: DmsClient, id: TicketIdentity): () => Promise<number | undefined> {
  return async () => (await readTicketBook(c, { windowDays: 1, now: new Date() })).withIdentity(id)[0]?.orderId
}

describe('a create never yields two tickets', () => {
  const cases: Array<[string, Record<string, unknown>, boolean]> = [
    // [fault on the create, did the emulator run the action before failing the answer?]
    ['slow answer after the ticket was created (client times out)', { type: 'slow', delayMs: 2000 }, true],
    ['reset after the ticket was created', { type: 'reset' }, true],
    ['5xx (no side effect)', { type: '5xx' }, false],
    ['502-html (no side effect)', { type: '502-html' }, false],
    ['throttle (no side effect)', { type: 'throttle' }, false]
  ]
  test.each(cases)('%s', async (_n, rule, actionRan) => {
    const id = identityOf(`once-${String(rule.type)}`)
    const before = (await control('GET', '/__emulator/orders')).orders.length
    await control('POST', '/__emulator/faults', { ...rule, count: 1, actions: ['CreateProcCorrectOrder'] })
    const c = client()
    const res = await c.createProcOrderOnce({ ...proc('p_once'), comment: identityHeader(id) }, lookupOf(c, id))
    const orders = (await control('GET', '/__emulator/orders')).orders as Array<{ orderId: number; comment: string }>
    const mine = orders.filter((o) => o.comment.startsWith(identityHeader(id)))
    expect(orders.length - before).toBe(1)
    expect(mine.map((o) => o.orderId)).toEqual([res.orderId])
    expect(res.created).toBe(!actionRan)
    const s = await stats()
    expect(s.byAction.CreateProcCorrectOrder).toBe(actionRan ? 1 : 2)
    // The lookup happened for every failure that might have reached DMS (not for throttling).
    expect(s.byAction.ListOrders ?? 0).toBe(rule.type === 'throttle' ? 0 : 1)
  })

  test('a rerun finds the existing ticket by its identity, through the gate\'s own ticket listing', async () => {
    const id = identityOf('rerun')
    const c = client()
    const first = await c.createProcOrderOnce({ ...proc('p_rerun'), comment: identityHeader(id) }, lookupOf(c, id))
    expect(await lookupOf(client(), id)()).toBe(first.orderId)
  })
})

describe('large SQL', () => {
  test('≥200 KB of ExecSQL goes through the form body, signed (V3 and V1), and arrives intact', async () => {
    let body = ''
    for (let i = 0; body.length < 220 * 1024; i++) body += `  INSERT INTO audit_log(msg) VALUES ('line ${i}: "quoted" ¡unicode ✓ 中文! (*)');\n`
    const sql = `DELIMITER $$\nDROP PROCEDURE IF EXISTS p_big$$\nCREATE PROCEDURE p_big()\nBEGIN\n${body}END$$\nDELIMITER ;`
    expect(Buffer.byteLength(sql)).toBeGreaterThan(200 * 1024)
    for (const signature of ['v3', 'v1'] as const) {
      const lines: string[] = []
      const c = client({ signature, logger: (l) => lines.push(l) })
      const id = await c.createProcCorrectOrder({ ...proc('p_big'), execSql: sql })
      expect(lines.some((l) => /CreateProcCorrectOrder #1 body \d+B → ok/.test(l))).toBe(true)
      const order = ((await control('GET', '/__emulator/orders')).orders as Array<{ orderId: number; execSql: string }>).find((o) => o.orderId === id)
      expect(order?.execSql).toBe(sql)
      expect((await c.getDataCorrectOrderDetail(id)).execSql).toBe(sql)
    }
    expect((await stats()).rejectedSignatures).toBe(0)
  })
})

describe('secrets', () => {
  test('no secret, STS token or signature in any error or log line, across faults and V1', async () => {
    const lines: string[] = []
    const errors: string[] = []
    const creds = { accessKeyId: STS.id, accessKeySecret: STS.secret, securityToken: STS.stsToken }
    for (const signature of ['v3', 'v1'] as const) {
      for (const type of ['slow', 'reset', '502-html', '5xx', 'throttle', 'success-false']) {
        await control('POST', '/__emulator/faults', { type, count: 5, delayMs: 1500, actions: ['GetUserActiveTenant'] })
        const err = await client({ signature, credentials: creds, retry: { maxAttempts: 2 }, logger: (l) => lines.push(l) })
          .getUserActiveTenant().catch((e: unknown) => e)
        expect(err).toBeInstanceOf(DmsError)
        errors.push(String(err), (err as Error).stack ?? '', JSON.stringify(err))
        await control('DELETE', '/__emulator/faults')
      }
      const bad = await client({ signature, credentials: { ...creds, accessKeySecret: 'another-Wrong-secret' }, logger: (l) => lines.push(l) })
        .getUserActiveTenant().catch((e: unknown) => e)
      errors.push(String(bad), (bad as Error).stack ?? '')
    }
    const all = [...errors, ...lines].join('\n')
    expect(lines.length).toBeGreaterThan(10)
    for (const secret of [STS.secret, STS.stsToken, 'another-Wrong-secret']) expect(all).not.toContain(secret)
    expect(all).not.toMatch(/Signature=[A-Za-z0-9%+/]{10,}/)
  })
})
