// Idempotent create against a small stateful DMS stand-in (real HTTP): the server commits the ticket and
// then fails the response (timeout, reset, 5xx, HTML 502) — the client must find it, not create a twin.
import { afterEach, describe, expect, test } from '@jest/globals'
import { createDmsClient } from '../../src/dms/client.js'
import { DmsError } from '../../src/dms/errors.js'
import { startCannedServer, ok, type CannedServer, type RecordedRequest, type Reply } from './helpers/canned-server.js'
import { readTicketBook } from '../../src/tickets/book.js'
import { identityHeader, type TicketIdentity } from '../../src/tickets/identity.js'
import type { DmsClient } from '../../src/dms/client.js'

let server: CannedServer | undefined
afterEach(async () => { await server?.close(); server = undefined })

interface Ticket { OrderId: number; Comment: string; StatusCode: string; PluginType: string; CreateTime: string }

/** A stateful fake: CreateProcCorrectOrder commits a ticket, then `afterCommit(n)` decides the reply. */
async function fakeDms(afterCommit: (createNumber: number) => Reply | null, listFails = 0) {
  const tickets: Ticket[] = []
  let creates = 0
  let listCalls = 0
  const params = (r: RecordedRequest) => (r.body ? Object.fromEntries(new URLSearchParams(r.body)) : r.query)
  server = await startCannedServer((r) => {
    const p = params(r)
    if (r.action === 'CreateProcCorrectOrder') {
      creates++
      const t: Ticket = { OrderId: 1000 + tickets.length + 1, Comment: p.Comment, StatusCode: 'new', PluginType: 'DC_PROC', CreateTime: '2026-11-26 18:00:00' }
      tickets.push(t)
      return afterCommit(creates) ?? ok({ CreateOrderResult: [t.OrderId] })
    }
    if (r.action === 'ListOrders') {
      listCalls++
      if (listCalls <= listFails) return { status: 503, body: { Code: 'ServiceUnavailable' } }
      const hits = tickets.filter((t) => !p.PluginType || t.PluginType === p.PluginType)
      return ok({ TotalCount: hits.length, Orders: { Order: hits } })
    }
    return { body: { Success: false, ErrorCode: 'UnsupportedAction', ErrorMessage: r.action } }
  })
  return { tickets, server, counts: () => ({ creates, listCalls }) }
}

const IDENT: TicketIdentity = { repo: 'acme/shop', pull: 7, target: 'default', planHash: '3f2a9c1b'.repeat(8) }
const input = {
  comment: `${identityHeader(IDENT)}\nGitHub PR acme/shop#7`,
  dbItems: [{ dbId: 1, logic: false }],
  execSql: 'CREATE PROCEDURE p() SELECT 1',
  rollbackSql: 'DROP PROCEDURE IF EXISTS p',
  execMode: 'AUTO' as const
}
/** How the gate recognises its ticket after a lost answer: its own recent tickets with this exact identity. */
const lookup = (c: DmsClient) => async () => (await readTicketBook(c, { windowDays: 1, now: new Date() })).withIdentity(IDENT)[0]?.orderId

function clientFor(s: CannedServer) {
  return createDmsClient({
    endpoint: s.url,
    credentials: { accessKeyId: 'ak', accessKeySecret: 'secret-secret' },
    readTimeoutMs: 250,
    retryDeps: { sleep: async () => {}, random: () => 0.5 },
    retry: { maxAttempts: 4 }
  })
}

describe('createProcOrderOnce', () => {
  const committedThenFailed: Array<[string, Reply]> = [
    ['response slower than the client timeout', { hang: 1500, then: ok({ CreateOrderResult: [1001] }) }],
    ['connection reset after commit', { reset: true }],
    ['HTTP 503 after commit', { status: 503, body: { Code: 'ServiceUnavailable', Message: 'busy' } }],
    ['HTML 502 after commit', { status: 502, raw: '<html>Bad Gateway</html>', contentType: 'text/html' }]
  ]
  test.each(committedThenFailed)('%s → finds the committed ticket, creates no second one', async (_n, reply) => {
    const fake = await fakeDms((n) => (n === 1 ? reply : null))
    const slept: number[] = []
    const c = createDmsClient({
      endpoint: fake.server.url, credentials: { accessKeyId: 'ak', accessKeySecret: 'secret-secret' }, readTimeoutMs: 250,
      retryDeps: { sleep: async (ms) => { slept.push(ms) }, random: () => 0.5 }, retry: { maxAttempts: 4, baseDelayMs: 100 }
    })
    const res = await c.createProcOrderOnce(input, lookup(c))
    expect(res).toEqual({ orderId: 1001, created: false, attempts: 1 })
    // backoff, plus (after a timeout only) a settle wait of readTimeoutMs before the lookup
    expect(slept).toEqual('hang' in reply ? [75, 250] : [75])
    expect(fake.tickets).toHaveLength(1)
    expect(fake.counts().creates).toBe(1)
    expect(fake.tickets[0].Comment).toBe(input.comment)
    const list = fake.server.requests.find((r) => r.action === 'ListOrders')
    // Own tickets, every status, no SearchContent (undocumented): the identity is matched by the gate.
    expect(list?.query).toMatchObject({ OrderResultType: 'AS_COMMITTER', PluginType: 'DC_PROC', OrderStatus: 'ALL', SearchDateType: 'CREATE_TIME', PageSize: '100', PageNumber: '1' })
    expect(list?.query.SearchContent).toBeUndefined()
    expect(list?.query.StartTime).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/)
  })

  test('failure before commit (nothing found) → resends and creates exactly one', async () => {
    // The first create fails before DMS commits anything.
    let first = true
    const tickets: Ticket[] = []
    server = await startCannedServer((r) => {
      if (r.action === 'CreateProcCorrectOrder') {
        if (first) { first = false; return { status: 500, body: { Code: 'InternalError' } } }
        tickets.push({ OrderId: 2001, Comment: r.query.Comment, StatusCode: 'new', PluginType: 'DC_PROC', CreateTime: '' })
        return ok({ CreateOrderResult: [2001] })
      }
      return ok({ TotalCount: 0, Orders: { Order: [] } })
    })
    const c = clientFor(server)
    const res = await c.createProcOrderOnce(input, lookup(c))
    expect(res).toEqual({ orderId: 2001, created: true, attempts: 2 })
    expect(tickets).toHaveLength(1)
    expect(server.requests.map((r) => r.action)).toEqual(['CreateProcCorrectOrder', 'ListOrders', 'CreateProcCorrectOrder'])
  })

  test('throttled create is resent without a lookup (it never reached DMS)', async () => {
    let n = 0
    server = await startCannedServer((r) => (r.action === 'CreateProcCorrectOrder' && ++n === 1
      ? { status: 400, body: { Code: 'Throttling.User', Message: 'flow control' } }
      : ok({ CreateOrderResult: [3001] })))
    const c = clientFor(server)
    const res = await c.createProcOrderOnce(input, lookup(c))
    expect(res).toMatchObject({ orderId: 3001, created: true })
    expect(server.requests.map((r) => r.action)).toEqual(['CreateProcCorrectOrder', 'CreateProcCorrectOrder'])
  })

  test('a business error is final: no lookup, no resend', async () => {
    server = await startCannedServer(() => ({ body: { Success: false, ErrorCode: 'NotSupportYet', ErrorMessage: 'instance not in security collaboration mode' } }))
    const c = clientFor(server)
    await expect(c.createProcOrderOnce(input, lookup(c))).rejects.toMatchObject({ code: 'NotSupportYet', retryable: false })
    expect(server.requests).toHaveLength(1)
  })

  test('when the lookup itself keeps failing, the create is NOT resent blindly', async () => {
    const fake = await fakeDms((n) => (n === 1 ? { status: 503, body: { Code: 'ServiceUnavailable' } } : null), 100)
    const c = clientFor(fake.server)
    const err = await c.createProcOrderOnce(input, lookup(c)).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(DmsError)
    expect((err as DmsError).action).toBe('ListOrders')
    expect(fake.counts().creates).toBe(1)
  })

  test('the lookup counts only an exact identity header at the start of the comment', async () => {
    const other = identityHeader({ ...IDENT, planHash: 'e'.repeat(64) })
    server = await startCannedServer(() => ok({ TotalCount: 4, Orders: { Order: [
      { OrderId: 6, Comment: `PR title ${identityHeader(IDENT)}`, StatusCode: 'toaudit', CommitterId: 9 },
      { OrderId: 5, Comment: other, StatusCode: 'toaudit', CommitterId: 9 },
      { OrderId: 4, Comment: `${identityHeader(IDENT)}\nold`, StatusCode: 'Closed', CommitterId: 9 },
      { OrderId: 3, Comment: identityHeader(IDENT).replace(']', ' x]'), StatusCode: 'toaudit', CommitterId: 9 }
    ] } }))
    const c = clientFor(server)
    expect(await lookup(c)()).toBe(4)
  })
})
