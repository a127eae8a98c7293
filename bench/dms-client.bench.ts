// The DMS client's added cost per call against the emulator on loopback, vs a raw signed HTTP request
// (node http + keep-alive, signed with the emulator's own signV3), plus the URL-size table behind the
// query → form-body switch for large SQL.
import { request as httpRequest, Agent } from 'node:http'
import { createDmsClient } from '../src/dms/client.js'
import { createProcCorrectOrderParams, DEFAULT_BODY_THRESHOLD, requestTargetLength } from '../src/dms/params.js'
import { startEmulator, DEFAULT_ACCESS_KEY, signV3 } from '../src/emulator/index.js'

const N = 1000
const WARMUP = 300

function rawCall(host: string, port: number, agent: Agent, action: string, query: Array<[string, string]>): Promise<number> {
  const { path, headers } = signV3({ host, action, version: '2018-11-01', accessKeyId: DEFAULT_ACCESS_KEY.id, secret: DEFAULT_ACCESS_KEY.secret, query })
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path, headers: { ...headers, 'content-length': '0' }, agent, timeout: 5000 }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { Success?: boolean }
        if (body.Success !== true) reject(new Error(`raw ${action}: ${JSON.stringify(body)}`))
        else resolve(res.statusCode ?? 0)
      })
    })
    req.on('timeout', () => req.destroy(new Error('timeout')))
    req.on('error', reject)
    req.end()
  })
}

/** Alternate raw and client calls one by one (so load from anything else on the machine hits both
 *  alike) and return per-call latencies in ms. */
async function samples(n: number, raw: () => Promise<unknown>, typed: () => Promise<unknown>): Promise<{ raw: number[]; typed: number[] }> {
  for (let i = 0; i < WARMUP; i++) { await raw(); await typed() }
  const out = { raw: [] as number[], typed: [] as number[] }
  for (let i = 0; i < n; i++) {
    for (const [f, into] of (i % 2 === 0 ? [[raw, out.raw], [typed, out.typed]] : [[typed, out.typed], [raw, out.raw]]) as Array<[() => Promise<unknown>, number[]]>) {
      const t0 = process.hrtime.bigint()
      await f()
      into.push(Number(process.hrtime.bigint() - t0) / 1e6)
    }
  }
  return out
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]
}

function routine(bytes: number, line: string): string {
  let b = 'DELIMITER $$\nCREATE PROCEDURE p_big(IN a INT)\nBEGIN\n'
  while (Buffer.byteLength(b) < bytes) b += line
  return `${b}END$$\nDELIMITER ;`
}

export default async function bench(): Promise<void> {
  const emu = await startEmulator({ precheckDelayMs: 0, executeDelayMs: 0 })
  try {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    const client = createDmsClient({ endpoint: emu.url, tid: 3, credentials: { accessKeyId: DEFAULT_ACCESS_KEY.id, accessKeySecret: DEFAULT_ACCESS_KEY.secret } })
    const v1 = createDmsClient({ endpoint: emu.url, tid: 3, signature: 'v1', credentials: { accessKeyId: DEFAULT_ACCESS_KEY.id, accessKeySecret: DEFAULT_ACCESS_KEY.secret } })
    const orderId = await client.createProcCorrectOrder({
      comment: 'bench', dbItems: [{ dbId: 1, logic: false }], execSql: 'CREATE PROCEDURE p() SELECT 1', rollbackSql: 'DROP PROCEDURE IF EXISTS p', execMode: 'AUTO'
    })

    const rows: string[] = []
    const pairs: Array<[string, () => Promise<unknown>, () => Promise<unknown>]> = [
      ['GetUserActiveTenant', () => rawCall(emu.endpoint, emu.port, agent, 'GetUserActiveTenant', [['Tid', '3']]), () => client.getUserActiveTenant()],
      ['GetOrderBaseInfo', () => rawCall(emu.endpoint, emu.port, agent, 'GetOrderBaseInfo', [['OrderId', String(orderId)], ['Tid', '3']]), () => client.getOrderBaseInfo(orderId)],
      ['GetOrderBaseInfo (client V1 signing)', () => rawCall(emu.endpoint, emu.port, agent, 'GetOrderBaseInfo', [['OrderId', String(orderId)], ['Tid', '3']]), () => v1.getOrderBaseInfo(orderId)]
    ]
    for (const [name, raw, typed] of pairs) {
      const s = await samples(N, raw, typed)
      const [r50, c50] = [pct(s.raw, 50), pct(s.typed, 50)]
      rows.push(`| ${name} | ${r50.toFixed(3)} | ${c50.toFixed(3)} | ${(c50 - r50).toFixed(3)} | ${pct(s.raw, 90).toFixed(3)} | ${pct(s.typed, 90).toFixed(3)} |`)
    }
    agent.destroy()

    console.log(`DMS client overhead vs a raw V3-signed node:http request, emulator on loopback, ${N} calls each, alternating (ms/call)`)
    console.log('| call | raw p50 | client p50 | added p50 | raw p90 | client p90 |')
    console.log('|---|---:|---:|---:|---:|---:|')
    for (const r of rows) console.log(r)

    console.log(`\nExecSQL size vs request-target length (JSON-escaped, then percent-encoded; body path above ${DEFAULT_BODY_THRESHOLD} B)`)
    console.log('| SQL kind | SQL bytes | request target bytes | ratio | path |')
    console.log('|---|---:|---:|---:|---|')
    const kinds: Array<[string, string]> = [
      ['ASCII routine', "  UPDATE orders SET status = 'archived' WHERE id = a AND note <> 'x';\n"],
      ['CJK comments', '  -- 更新订单状态为已归档\n  SELECT \'订单\';\n']
    ]
    for (const [kind, line] of kinds) {
      for (const bytes of [1024, 3584, 4096, 8192, 16384, 204800]) {
        const sql = routine(bytes, line)
        const p = createProcCorrectOrderParams({ comment: 'c', dbItems: [{ dbId: 1, logic: false }], execSql: sql, rollbackSql: 'DROP PROCEDURE IF EXISTS p_big;', execMode: 'AUTO' })
        const target = requestTargetLength(p)
        console.log(`| ${kind} | ${Buffer.byteLength(sql)} | ${target} | ${(target / Buffer.byteLength(sql)).toFixed(2)} | ${target > DEFAULT_BODY_THRESHOLD ? 'form body' : 'query'} |`)
      }
    }
  } finally {
    await emu.close()
  }
}
