// Why large SQL leaves the query string: the SDK's query path puts the whole routine (JSON-escaped, then
// percent-encoded, ≈1.6× for ASCII, ≈2.7× for CJK text) on the request line. A plain Node server
// (default 16 KiB header limit) already refuses ~9 KB of ASCII SQL that way; the form body has no such limit.
import { afterEach, describe, expect, test } from '@jest/globals'
import { createDmsClient } from '../../src/dms/client.js'
import { createProcCorrectOrderParams, DEFAULT_BODY_THRESHOLD, requestTargetLength } from '../../src/dms/params.js'
import { startCannedServer, ok, type CannedServer } from './helpers/canned-server.js'

function routine(bytes: number, line: string): string {
  let b = 'DELIMITER $$\nCREATE PROCEDURE p_big(IN a INT)\nBEGIN\n'
  while (Buffer.byteLength(b) < bytes) b += line
  return `${b}END$$\nDELIMITER ;`
}
const ASCII = "  UPDATE orders SET status = 'archived' WHERE id = a AND note <> 'x';\n"
const CJK = "  -- 更新订单状态为已归档\n  SELECT '订单';\n"
const input = (execSql: string) => ({ comment: 'c', dbItems: [{ dbId: 1, logic: false }], execSql, rollbackSql: 'DROP PROCEDURE IF EXISTS p_big;', execMode: 'AUTO' as const })

let server: CannedServer | undefined
afterEach(async () => { await server?.close(); server = undefined })

describe('request-target growth', () => {
  test('ASCII ≈1.6×, CJK ≈2.7× the SQL byte size', () => {
    const ratio = (sql: string) => requestTargetLength(createProcCorrectOrderParams(input(sql))) / Buffer.byteLength(sql)
    expect(ratio(routine(16384, ASCII))).toBeGreaterThan(1.55)
    expect(ratio(routine(16384, ASCII))).toBeLessThan(1.75)
    expect(ratio(routine(16384, CJK))).toBeGreaterThan(2.5)
    expect(ratio(routine(16384, CJK))).toBeLessThan(2.9)
  })
})

describe('query path vs form body against a default Node HTTP server', () => {
  test('16 KB of SQL in the query is refused (HTTP 431); the default threshold sends it in the body', async () => {
    server = await startCannedServer(() => ok({ CreateOrderResult: [1] }))
    const sql = routine(16 * 1024, ASCII)
    const creds = { accessKeyId: 'ak', accessKeySecret: 'sk-secret' }
    const forcedQuery = createDmsClient({ endpoint: server.url, credentials: creds, bodyThresholdBytes: Number.POSITIVE_INFINITY, retry: { maxAttempts: 1 } })
    await expect(forcedQuery.createProcCorrectOrder(input(sql))).rejects.toMatchObject({ code: 'InvalidResponse' })
    expect(server.requests).toHaveLength(0) // refused before it reached the handler

    const lines: string[] = []
    const c = createDmsClient({ endpoint: server.url, credentials: creds, logger: (l) => lines.push(l) })
    expect(await c.createProcCorrectOrder(input(sql))).toBe(1)
    expect(server.requests).toHaveLength(1)
    expect(JSON.parse(new URLSearchParams(server.requests[0].body).get('Param') ?? '{}').ExecSQL).toBe(sql)
    expect(lines.join('\n')).toMatch(/CreateProcCorrectOrder #1 body \d+B → ok/)
  })

  test('the default threshold keeps ordinary routines on the SDK query path', async () => {
    server = await startCannedServer(() => ok({ CreateOrderResult: [1] }))
    const sql = routine(3 * 1024, ASCII)
    expect(requestTargetLength(createProcCorrectOrderParams(input(sql)))).toBeLessThan(DEFAULT_BODY_THRESHOLD)
    await createDmsClient({ endpoint: server.url, credentials: { accessKeyId: 'ak', accessKeySecret: 'sk' } }).createProcCorrectOrder(input(sql))
    expect(server.requests[0].body).toBe('')
    expect(JSON.parse(server.requests[0].query.Param).ExecSQL).toBe(sql)
  })
})
