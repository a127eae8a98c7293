// The client against tiny real HTTP servers with canned answers: what goes on the wire, how every
// failure shape becomes a DmsError, which ones are retried, and that secrets never leak.
import { afterEach, describe, expect, test } from '@jest/globals'
import { createHash } from 'node:crypto'
import { createServer } from 'node:net'
import { createDmsClient, type DmsClientOptions } from '../../src/dms/client.js'
import { DmsError } from '../../src/dms/errors.js'
import { resolveEndpoint } from '../../src/dms/endpoint.js'
import { startCannedServer, ok, type CannedServer, type Reply } from './helpers/canned-server.js'

const SECRET = 'sk-Very-Secret-Value-123'
const TOKEN = 'sts-Token-Value-456789'
let server: CannedServer | undefined
afterEach(async () => { await server?.close(); server = undefined })

const noWait = { sleep: async () => {}, random: () => 0.5 }

async function serve(handler: (r: import('./helpers/canned-server.js').RecordedRequest, n: number) => Reply | Promise<Reply>) {
  server = await startCannedServer(handler)
  return server
}

function client(s: CannedServer, extra: Partial<DmsClientOptions> = {}) {
  return createDmsClient({
    endpoint: s.url,
    credentials: { accessKeyId: 'test-ak', accessKeySecret: SECRET },
    retryDeps: noWait,
    readTimeoutMs: 300,
    connectTimeoutMs: 300,
    ...extra
  })
}

const createInput = {
  comment: 'PR #7 routines',
  dbItems: [{ dbId: 11, logic: false }],
  execSql: "DELIMITER $$\nCREATE PROCEDURE `p x`() BEGIN SELECT '!*()'; END$$\nDELIMITER ;",
  rollbackSql: 'DROP PROCEDURE IF EXISTS `p x`;',
  execMode: 'AUTO' as const,
  classify: 'routine change',
  relatedUserIds: [51, '52']
}

describe('endpoint', () => {
  test('default, region, host, URL', () => {
    expect(resolveEndpoint()).toEqual({ protocol: 'https', host: 'dms-enterprise.aliyuncs.com' })
    expect(resolveEndpoint(undefined, 'cn-hangzhou')).toEqual({ protocol: 'https', host: 'dms-enterprise.cn-hangzhou.aliyuncs.com' })
    expect(resolveEndpoint('dms-enterprise-vpc.cn-shanghai.aliyuncs.com', 'cn-hangzhou').host).toBe('dms-enterprise-vpc.cn-shanghai.aliyuncs.com')
    expect(resolveEndpoint('http://127.0.0.1:8123')).toEqual({ protocol: 'http', host: '127.0.0.1:8123' })
    expect(resolveEndpoint('https://127.0.0.1:8123/')).toEqual({ protocol: 'https', host: '127.0.0.1:8123' })
    expect(() => resolveEndpoint('ftp://x')).toThrow(/dms-endpoint/)
    expect(() => resolveEndpoint('http://h/path')).toThrow(/path/)
    expect(() => resolveEndpoint('not a host')).toThrow(/dms-endpoint/)
    expect(() => resolveEndpoint(undefined, 'Hangzhou!')).toThrow(/dms-region/)
  })
})

describe('wire format', () => {
  test('RPC POST /, params in the query, Param/RelatedUserList as one JSON string, V3 Authorization', async () => {
    const s = await serve(() => ok({ CreateOrderResult: [1001] }))
    const id = await client(s, { tid: 3 }).createProcCorrectOrder(createInput)
    expect(id).toBe(1001)
    const r = s.requests[0]
    expect(r.method).toBe('POST')
    expect(r.path).toBe('/')
    expect(r.body).toBe('')
    expect(r.headers['x-acs-action']).toBe('CreateProcCorrectOrder')
    expect(r.headers['x-acs-version']).toBe('2018-11-01')
    expect(r.headers['x-acs-content-sha256']).toBe(createHash('sha256').update('').digest('hex'))
    expect(String(r.headers.authorization)).toMatch(/^ACS3-HMAC-SHA256 Credential=test-ak,SignedHeaders=host;x-acs-action;x-acs-content-sha256;[a-z0-9;-]+,Signature=[0-9a-f]{64}$/)
    expect(Object.keys(r.query).sort()).toEqual(['Comment', 'Param', 'RelatedUserList', 'Tid'])
    expect(r.query.Tid).toBe('3')
    expect(r.query.RelatedUserList).toBe('[51,52]')
    expect(JSON.parse(r.query.Param)).toEqual({
      Classify: 'routine change',
      DbItemList: [{ DbId: 11, Logic: false }],
      ExecMode: 'AUTO',
      ExecSQL: createInput.execSql,
      RollbackSQL: createInput.rollbackSql,
      RollbackSqlType: 'TEXT'
    })
    // Key order as in the SDK model.
    expect(r.query.Param.startsWith('{"Classify":"routine change","DbItemList":[{"DbId":11,"Logic":false}],"ExecMode":"AUTO","ExecSQL":')).toBe(true)
  })

  test('every action sends its documented params', async () => {
    const s = await serve((r) => {
      switch (r.action) {
        case 'GetOrderBaseInfo': return ok({ OrderBaseInfo: { OrderId: 1, StatusCode: 'new' } })
        case 'GetApprovalDetail': return ok({ ApprovalDetail: { WorkflowInstanceId: 9 } })
        case 'GetDataCorrectOrderDetail': return ok({ DataCorrectOrderDetail: { Status: 'precheck' } })
        case 'ListOrders': return ok({ TotalCount: 0, Orders: { Order: [] } })
        case 'SearchDatabase': return ok({ TotalCount: 0, SearchDatabaseList: { SearchDatabase: [] } })
        case 'GetPermApplyOrderDetail': return ok({ PermApplyOrderDetail: { ApplyType: 'DB', Resources: [] } })
        case 'CreateAuthorityTemplate': return ok({ Tid: 3, AuthorityTemplateView: { TemplateId: 8, Name: 'n' } })
        case 'GetUserActiveTenant': return ok({ Tenant: { Tid: 3, TenantName: 't', Status: 'ACTIVE' } })
        default: return ok()
      }
    })
    const c = client(s, { tid: 3 })
    await c.submitOrderApproval(1, '1234')
    await c.getOrderBaseInfo(1)
    await c.getApprovalDetail(9)
    await c.getDataCorrectOrderDetail(1)
    await c.listOrders({ pluginType: 'DC_PROC', searchContent: 'fp', pageNumber: 2, pageSize: 50, orderStatus: 'ALL' })
    await c.closeOrder(1, 'superseded')
    await c.executeDataCorrect({ orderId: 1, actionDetail: { transaction: false, backupData: true } })
    await c.searchDatabase({ searchKey: 'shop', envType: 'product', pageNumber: 1, pageSize: 100 })
    await c.getPermApplyOrderDetail(1)
    await c.createAuthorityTemplate({ name: 'n', description: 'd' })
    await c.getUserActiveTenant()
    expect(s.requests.map((r) => [r.action, r.query])).toEqual([
      ['SubmitOrderApproval', { OrderId: '1', RealLoginUserUid: '1234', Tid: '3' }],
      ['GetOrderBaseInfo', { OrderId: '1', Tid: '3' }],
      ['GetApprovalDetail', { Tid: '3', WorkflowInstanceId: '9' }],
      ['GetDataCorrectOrderDetail', { OrderId: '1', Tid: '3' }],
      ['ListOrders', { OrderStatus: 'ALL', PageNumber: '2', PageSize: '50', PluginType: 'DC_PROC', SearchContent: 'fp', Tid: '3' }],
      ['CloseOrder', { CloseReason: 'superseded', OrderId: '1', Tid: '3' }],
      ['ExecuteDataCorrect', { ActionDetail: '{"transaction":false,"backupData":true}', OrderId: '1', Tid: '3' }],
      ['SearchDatabase', { EnvType: 'product', PageNumber: '1', PageSize: '100', SearchKey: 'shop', Tid: '3' }],
      ['GetPermApplyOrderDetail', { OrderId: '1', Tid: '3' }],
      ['CreateAuthorityTemplate', { Description: 'd', Name: 'n', Tid: '3' }],
      ['GetUserActiveTenant', { Tid: '3' }]
    ])
  })

  test('bad inputs are rejected before any request, naming the input', async () => {
    const s = await serve(() => ok())
    const c = client(s)
    await expect(c.getOrderBaseInfo(0)).rejects.toThrow(/orderId/)
    await expect(c.closeOrder(1, ' ')).rejects.toThrow(/closeReason/)
    await expect(c.createProcCorrectOrder({ ...createInput, dbItems: [] })).rejects.toThrow(/dbItems/)
    await expect(c.createProcCorrectOrder({ ...createInput, dbItems: [{ dbId: 1.5, logic: false }] })).rejects.toThrow(/dbItems\[0\]\.dbId/)
    expect(s.requests).toHaveLength(0)
  })

  test('V1 (HMAC-SHA1) signing puts Signature in the query', async () => {
    const s = await serve(() => ok({ OrderBaseInfo: { OrderId: 1 } }))
    await client(s, { signature: 'v1' }).getOrderBaseInfo(1)
    const q = s.requests[0].query
    expect(q).toMatchObject({ Action: 'GetOrderBaseInfo', Version: '2018-11-01', SignatureMethod: 'HMAC-SHA1', SignatureVersion: '1.0', AccessKeyId: 'test-ak', OrderId: '1', Format: 'json' })
    expect(q.Signature).toMatch(/^[A-Za-z0-9+/]{27}=$/)
  })

  test('large params move to the form body; content hash covers the exact body', async () => {
    const s = await serve(() => ok({ CreateOrderResult: [1002] }))
    const big = 'DELIMITER $$\nCREATE PROCEDURE big() BEGIN\n' + "  SELECT 'x y z !*()';\n".repeat(300) + 'END$$'
    await client(s).createProcCorrectOrder({ ...createInput, execSql: big })
    const r = s.requests[0]
    expect(r.query).toEqual({})
    expect(r.headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(r.headers['x-acs-content-sha256']).toBe(createHash('sha256').update(r.body).digest('hex'))
    expect(String(r.headers.authorization)).toContain('content-type')
    const form = new URLSearchParams(r.body)
    expect(JSON.parse(form.get('Param') ?? '{}').ExecSQL).toBe(big)
    expect(form.get('Comment')).toBe(createInput.comment)
  })
})

describe('errors and retries', () => {
  const fastClient = (s: CannedServer, extra: Partial<DmsClientOptions> = {}) => client(s, { retry: { maxAttempts: 3 }, ...extra })

  async function failure(p: Promise<unknown>): Promise<DmsError> {
    try {
      await p
    } catch (e) {
      expect(e).toBeInstanceOf(DmsError)
      return e as DmsError
    }
    throw new Error('expected a failure')
  }

  test('HTTP 200 Success:false is a business error and is not retried', async () => {
    const s = await serve(() => ({ body: { RequestId: 'rq-9', Success: false, ErrorCode: 'UnknownOrder', ErrorMessage: 'order 5 does not exist' } }))
    const e = await failure(fastClient(s).getOrderBaseInfo(5))
    expect(e).toMatchObject({ code: 'UnknownOrder', httpStatus: 200, requestId: 'rq-9', action: 'GetOrderBaseInfo', retryable: false, kind: 'business' })
    expect(e.message).toContain('order 5 does not exist')
    expect(s.requests).toHaveLength(1)
  })

  test('4xx with ErrorCode/ErrorMessage (openapi-client code "undefined") reads the body', async () => {
    const s = await serve(() => ({ status: 400, body: { RequestId: 'rq-1', Success: false, ErrorCode: 'MissingWorkflowInstanceId', ErrorMessage: 'WorkflowInstanceId is mandatory for this action.' } }))
    const e = await failure(fastClient(s).getApprovalDetail(1))
    expect(e).toMatchObject({ code: 'MissingWorkflowInstanceId', httpStatus: 400, requestId: 'rq-1', retryable: false })
    expect(e.message).not.toContain('undefined')
    expect(s.requests).toHaveLength(1)
  })

  test('gateway 4xx with Code/Message (signature) is not retried', async () => {
    const s = await serve(() => ({ status: 400, body: { RequestId: 'rq-2', Code: 'SignatureDoesNotMatch', Message: 'The request signature does not conform to Aliyun standards.' } }))
    const e = await failure(fastClient(s).getOrderBaseInfo(1))
    expect(e).toMatchObject({ code: 'SignatureDoesNotMatch', httpStatus: 400, retryable: false })
    expect(s.requests).toHaveLength(1)
  })

  const transient: Array<[string, Reply, Partial<DmsError>]> = [
    ['Throttling.User on HTTP 400', { status: 400, body: { Code: 'Throttling.User', Message: 'Request was denied due to user flow control.', RequestId: 'r' } }, { code: 'Throttling.User', kind: 'throttle', httpStatus: 400 }],
    ['HTTP 429', { status: 429, body: { Code: 'Throttling', Message: 'slow down' } }, { code: 'Throttling', kind: 'throttle', httpStatus: 429 }],
    ['HTTP 503 JSON', { status: 503, body: { Code: 'ServiceUnavailable', Message: 'busy' } }, { code: 'ServiceUnavailable', kind: 'server', httpStatus: 503 }],
    ['HTTP 500 ErrorCode body', { status: 500, body: { ErrorCode: 'InternalError', ErrorMessage: 'oops' } }, { code: 'InternalError', kind: 'server', httpStatus: 500 }],
    ['HTML 502 page', { status: 502, raw: '<html><body><h1>502 Bad Gateway</h1></body></html>', contentType: 'text/html' }, { code: 'InvalidResponse', kind: 'invalid_response' }],
    ['slow beyond the read timeout', { hang: 2000, then: ok({ OrderBaseInfo: { OrderId: 1 } }) }, { code: 'RequestTimeout', kind: 'timeout' }],
    ['connection reset', { reset: true }, { kind: 'network' }]
  ]
  test.each(transient)('%s → retried up to maxAttempts, then one DmsError', async (_name, reply, want) => {
    const s = await serve(() => reply)
    const e = await failure(fastClient(s).getOrderBaseInfo(1))
    expect(e).toMatchObject({ ...want, retryable: true, action: 'GetOrderBaseInfo' })
    expect(s.requests).toHaveLength(3)
  })

  test('a transient failure then success returns the result', async () => {
    const s = await serve((_r, n) => (n === 1 ? { status: 503, body: { Code: 'ServiceUnavailable' } } : ok({ OrderBaseInfo: { OrderId: 1, StatusCode: 'toaudit' } })))
    const o = await fastClient(s).getOrderBaseInfo(1)
    expect(o.status).toBe('toaudit')
    expect(s.requests).toHaveLength(2)
  })

  test('a success body we cannot read is a DmsError InvalidResponse, not a TypeError', async () => {
    const s = await serve(() => ok({ OrderBaseInfo: null }))
    const e = await failure(fastClient(s).getOrderBaseInfo(1))
    expect(e).toMatchObject({ code: 'InvalidResponse', action: 'GetOrderBaseInfo', requestId: 'req-1' })
    expect(e.message).toContain('OrderBaseInfo.OrderId')
  })

  test('connection refused is a retryable network error', async () => {
    const port = await new Promise<number>((resolve) => {
      const srv = createServer()
      srv.listen(0, '127.0.0.1', () => { const p = (srv.address() as { port: number }).port; srv.close(() => resolve(p)) })
    })
    const c = createDmsClient({ endpoint: `http://127.0.0.1:${port}`, credentials: { accessKeyId: 'a', accessKeySecret: SECRET }, retryDeps: noWait, retry: { maxAttempts: 2 } })
    const e = await failure(c.getOrderBaseInfo(1))
    expect(e).toMatchObject({ code: 'ECONNREFUSED', kind: 'network', retryable: true })
  })

  test('plain create is resent only when it surely did not arrive', async () => {
    let s = await serve(() => ({ status: 503, body: { Code: 'ServiceUnavailable' } }))
    await failure(fastClient(s).createProcCorrectOrder(createInput))
    expect(s.requests).toHaveLength(1)
    await s.close()
    s = await serve((_r, n) => (n === 1 ? { status: 429, body: { Code: 'Throttling.User' } } : ok({ CreateOrderResult: [7] })))
    expect(await fastClient(s).createProcCorrectOrder(createInput)).toBe(7)
    expect(s.requests).toHaveLength(2)
  })
})

describe('secrets never reach errors or logs', () => {
  test('V1 + STS token: timeout and HTML errors carry no secret, token or signature', async () => {
    const lines: string[] = []
    const s = await serve((_r, n) => (n % 2 === 1 ? { hang: 2000 } : { status: 502, raw: `<html>${SECRET}</html>`, contentType: 'text/html' }))
    const c = createDmsClient({
      endpoint: s.url,
      credentials: { accessKeyId: 'test-ak', accessKeySecret: SECRET, securityToken: TOKEN },
      signature: 'v1',
      readTimeoutMs: 200,
      retryDeps: noWait,
      retry: { maxAttempts: 2 },
      logger: (l) => lines.push(l)
    })
    let err: unknown
    try { await c.getOrderBaseInfo(1) } catch (e) { err = e }
    // The V1 URL carries SecurityToken and Signature: prove the request really had them, then that nothing leaked.
    expect(s.requests[0].query.SecurityToken).toBe(TOKEN)
    const text = [String(err), (err as Error).stack ?? '', JSON.stringify(err), ...lines].join('\n')
    expect(lines.length).toBeGreaterThan(0)
    for (const bad of [SECRET, TOKEN, s.requests[0].query.Signature]) expect(text).not.toContain(bad)
  })

  test('a server echoing the secret in its error message is redacted', async () => {
    const s = await serve(() => ({ status: 400, body: { Code: 'InvalidAccessKeyId.NotFound', Message: `key ${SECRET} unknown`, RequestId: 'r' } }))
    let err: unknown
    try { await client(s).getOrderBaseInfo(1) } catch (e) { err = e }
    expect(String(err)).not.toContain(SECRET)
    expect(String(err)).toContain('InvalidAccessKeyId.NotFound')
  })
})
