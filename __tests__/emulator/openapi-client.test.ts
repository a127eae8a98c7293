// Alibaba's own generic client (@alicloud/openapi-client) against the emulator: both signature schemes, right
// and wrong secrets, STS, thousands of random parameter sets, and how the SDK surfaces the emulator's faults.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import OpenApi, * as $OpenApi from '@alicloud/openapi-client'
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js'
import { control } from './http.js'

// A CommonJS module seen from ESM: the default import is module.exports, the client class is its `default`.
const Client = OpenApi.default

const KEY = { id: 'LTAI5tOpenApiTest', secret: 'openapi-test-secret', role: 'admin' as const }
const STS = { id: 'STS.NTempKey', secret: 'sts-secret', stsToken: 'CAIS-sts-token' }

type Scheme = 'v3' | 'v1'

function client(emu: RunningEmulator, scheme: Scheme, over: Partial<{ accessKeyId: string; accessKeySecret: string; securityToken: string; readTimeout: number }> = {}) {
  return new Client(new $OpenApi.Config({
    accessKeyId: KEY.id, accessKeySecret: KEY.secret, endpoint: emu.endpoint, protocol: 'http',
    ...(scheme === 'v1' ? { signatureAlgorithm: 'v2' } : {}), ...over
  }))
}

function call(c: InstanceType<typeof Client>, action: string, query: Record<string, string>, body?: Record<string, string>) {
  const params = new $OpenApi.Params({
    action, version: '2018-11-01', protocol: 'HTTP', pathname: '/', method: 'POST', authType: 'AK', style: 'RPC',
    reqBodyType: 'formData', bodyType: 'json'
  })
  const runtime = {} as Parameters<InstanceType<typeof Client>['callApi']>[2]
  return c.callApi(params, new $OpenApi.OpenApiRequest({ query, ...(body ? { body } : {}) }), runtime) as Promise<{ statusCode: number; body: any }>
}

async function failure(p: Promise<unknown>): Promise<any> {
  try {
    await p
  } catch (e) {
    return e
  }
  throw new Error('expected the call to fail')
}

/** mulberry32, so a failing random case can be replayed from its index. */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), a | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const POOLS = [
  'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  " !'()*~-._",
  '+&=%#?/\\:;,@$[]{}|^`<>"',
  '\n\t\r',
  '中文字符数据库存储过程审批工单',
  'éüßøåçñ€£¥',
  '😀🚀🎉𝄞'
]

const POOL_CHARS = POOLS.map((p) => Array.from(p))

function randomText(r: () => number, length: number): string {
  const out: string[] = []
  let n = 0
  while (n < length) {
    const chars = POOL_CHARS[Math.floor(r() * POOL_CHARS.length)]
    const run = 1 + Math.floor(r() * 8)
    for (let i = 0; i < run; i++) {
      const c = chars[Math.floor(r() * chars.length)]
      out.push(c)
      n += c.length
    }
  }
  return out.join('')
}

describe('@alicloud/openapi-client against the emulator', () => {
  let emu: RunningEmulator

  beforeAll(async () => {
    emu = await startEmulator({ accessKeys: [KEY, STS], precheckDelayMs: 0 })
  })
  afterAll(async () => {
    await emu.close()
  })

  for (const scheme of ['v3', 'v1'] as const) {
    test(`${scheme}: right secret succeeds, wrong secret and unknown key are refused with the gateway codes`, async () => {
      const ok = await call(client(emu, scheme), 'GetUserActiveTenant', { Tid: '3' })
      expect(ok.statusCode).toBe(200)
      expect(ok.body).toMatchObject({ Success: true, Tenant: { Tid: 3 } })

      const wrong = await failure(call(client(emu, scheme, { accessKeySecret: 'not-the-secret' }), 'GetUserActiveTenant', {}))
      expect(wrong.code).toBe('SignatureDoesNotMatch')
      expect(wrong.data.statusCode).toBe(400)
      expect(wrong.message).toContain('request id:')

      const unknown = await failure(call(client(emu, scheme, { accessKeyId: 'LTAI-nobody' }), 'GetUserActiveTenant', {}))
      expect(unknown.code).toBe('InvalidAccessKeyId.NotFound')
      expect(unknown.data.statusCode).toBe(404)
    })

    test(`${scheme}: STS credentials carry the security token`, async () => {
      const sts = client(emu, scheme, { accessKeyId: STS.id, accessKeySecret: STS.secret, securityToken: STS.stsToken })
      expect((await call(sts, 'GetUserActiveTenant', {})).body.Success).toBe(true)
      const bad = client(emu, scheme, { accessKeyId: STS.id, accessKeySecret: STS.secret, securityToken: 'stale' })
      expect((await failure(call(bad, 'GetUserActiveTenant', {}))).code).toBe('InvalidSecurityToken.MismatchWithAccessKey')
    })
  }

  test('2,000 random parameter sets (unicode, !\'()*, spaces, long SQL, form-body params) are all accepted and decoded exactly', async () => {
    const clients = { v3: client(emu, 'v3'), v1: client(emu, 'v1') }
    const r = rng(20261126)
    const N = 2000
    interface Case { scheme: Scheme; inBody: boolean; comment: string; execSql: string; params: Record<string, string> }
    const makeCase = (_: unknown, k: number): Case => {
      const scheme: Scheme = r() < 0.6 ? 'v3' : 'v1'
      const first = cases.length + k < 2 // one 100 KB SQL per scheme, in the form body
      const inBody = first || r() < 0.3
      const long = inBody && r() < 0.03
      const sqlLength = first ? 100_000 : long ? 10_000 + Math.floor(r() * 90_000) : Math.floor(r() * (inBody ? 4000 : 1500))
      const comment = randomText(r, 1 + Math.floor(r() * 120))
      const execSql = randomText(r, Math.max(1, sqlLength))
      const params: Record<string, string> = {
        Comment: comment,
        Param: JSON.stringify({ DbItemList: [{ DbId: 1, Logic: false }], ExecSQL: execSql, ExecMode: 'AUTO' })
      }
      const extras = Math.floor(r() * 4)
      for (let k = 0; k < extras; k++) params[`X${Math.floor(r() * 1e6).toString(36)}`] = r() < 0.1 ? '' : randomText(r, 1 + Math.floor(r() * 40))
      return { scheme: first ? (k === 0 ? 'v3' : 'v1') : scheme, inBody, comment, execSql, params }
    }
    const run = async (c: Case, i: number): Promise<void> => {
      const res = c.inBody
        ? await call(clients[c.scheme], 'CreateProcCorrectOrder', { Tid: '3' }, c.params)
        : await call(clients[c.scheme], 'CreateProcCorrectOrder', c.params)
      if (res.body.Success !== true) throw new Error(`case ${i} (${c.scheme}, body=${c.inBody}) refused: ${JSON.stringify(res.body)}`)
      const order = emu.state.data().orders.find((o) => o.id === res.body.CreateOrderResult[0])
      if (order?.comment !== c.comment || order.proc?.execSql !== c.execSql) throw new Error(`case ${i}: parameters were not decoded exactly`)
    }
    // Cases are made batch by batch: building them all first would block the event loop for seconds.
    const cases: Case[] = []
    for (let i = 0; i < N; i += 10) {
      const batch = Array.from({ length: 10 }, makeCase)
      cases.push(...batch)
      await Promise.all(batch.map((c, j) => run(c, i + j)))
    }
    const bodyCount = cases.filter((c) => c.inBody).length
    const longest = Math.max(...cases.map((c) => c.execSql.length))
    const stats = emu.state.stats()
    expect(stats.succeededByAction.CreateProcCorrectOrder).toBe(N)
    expect(bodyCount).toBeGreaterThan(400)
    expect(longest).toBeGreaterThanOrEqual(100_000)
  })

  test('how the SDK surfaces the emulator\'s faults', async () => {
    const c = client(emu, 'v3', { readTimeout: 300 })
    await control(emu.url, 'POST', '/__emulator/faults', { type: 'throttle', count: 1 })
    const throttled = await failure(call(c, 'GetUserActiveTenant', {}))
    expect([throttled.code, throttled.data.statusCode]).toEqual(['Throttling.User', 400])

    await control(emu.url, 'POST', '/__emulator/faults', { type: '5xx', count: 1 })
    const unavailable = await failure(call(c, 'GetUserActiveTenant', {}))
    expect([unavailable.code, unavailable.data.statusCode]).toEqual(['ServiceUnavailable', 503])

    await control(emu.url, 'POST', '/__emulator/faults', { type: '502-html', count: 1 })
    const html = await failure(call(c, 'GetUserActiveTenant', {}))
    expect(html.name).toBe('SyntaxError') // the SDK tries to parse the HTML page as JSON

    await control(emu.url, 'POST', '/__emulator/faults', { type: 'success-false', count: 1 })
    const soft = await call(c, 'GetUserActiveTenant', {})
    expect([soft.statusCode, soft.body.Success, soft.body.ErrorCode]).toEqual([200, false, 'UnknownError'])

    await control(emu.url, 'POST', '/__emulator/faults', { type: 'reset', count: 1 })
    const reset = await failure(call(c, 'GetUserActiveTenant', {}))
    expect(String(reset.code ?? reset.message)).toMatch(/ECONNRESET|socket hang up/)

    expect((await call(c, 'GetUserActiveTenant', {})).body.Success).toBe(true)
  })

  test('slow: a fresh connection times out (the action still ran); a reused keep-alive socket does NOT (httpx 2.3.3)', async () => {
    // A separate emulator = a separate port, so the SDK's global keep-alive agent has no idle socket for it yet.
    const fresh = await startEmulator({ accessKeys: [KEY] })
    try {
      const c = client(fresh, 'v3', { readTimeout: 300 })
      await control(fresh.url, 'POST', '/__emulator/faults', { type: 'slow', count: 1, delayMs: 1500 })
      const slow = await failure(call(c, 'CreateAuthorityTemplate', { Name: 'slow-one' }))
      expect(slow.name).toBe('RequestTimeoutError')
      expect(fresh.state.data().templates.map((t) => t.name)).toEqual(['slow-one'])

      // The socket of a completed call goes back to the agent; on it the SDK's read timer never fires, so a
      // client must enforce its own deadline around callApi.
      expect((await call(c, 'GetUserActiveTenant', {})).body.Success).toBe(true)
      await control(fresh.url, 'POST', '/__emulator/faults', { type: 'slow', count: 1, delayMs: 1000 })
      const late = await call(c, 'GetUserActiveTenant', {}) // answered after 1000 ms despite readTimeout 300
      expect(late.body.Success).toBe(true)
      expect(fresh.state.stats().faultsInjected.slow).toBe(2)
    } finally {
      await fresh.close()
    }
  })

  test('business errors: HTTP 200 + Success:false by default; in documented mode the SDK throws with code "undefined"', async () => {
    const c = client(emu, 'v3')
    const missing = await call(c, 'GetApprovalDetail', {})
    expect(missing.statusCode).toBe(200)
    expect(missing.body).toMatchObject({ Success: false, ErrorCode: 'MissingWorkflowInstanceId', ErrorMessage: 'WorkflowInstanceId is mandatory for this action.' })

    const strict = await startEmulator({ accessKeys: [KEY], businessErrorStatus: 'documented' })
    try {
      const e = await failure(call(client(strict, 'v3'), 'GetUserActiveTenant', { Tid: '99' }))
      expect([e.code, e.data.statusCode, e.data.ErrorCode]).toEqual(['undefined', 404, 'TenantNotExist'])
    } finally {
      await strict.close()
    }
  })
})
