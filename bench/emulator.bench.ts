// Emulator throughput: 50 concurrent keep-alive clients for 10 s on loopback, each request freshly V3-signed
// (the same bytes @alicloud/openapi-client sends), against the emulator running in its own process.
// Prints signed requests/s, p50/p99 latency, and the same for a 5 s run through @alicloud/openapi-client itself.
import OpenApi, * as $OpenApi from '@alicloud/openapi-client'
import { spawn, type ChildProcess } from 'node:child_process'
import { Agent, request } from 'node:http'
import { cpus, loadavg } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { signV3 } from '../src/emulator/signature.js'

const KEY = { id: 'LTAI5tBench', secret: 'bench-secret' }
const CONCURRENCY = 50
const SECONDS = 10

function startChild(): Promise<{ child: ChildProcess; port: number }> {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..')
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src', 'cli.ts'), 'emulator', '--port', '0',
    '--access-key-id', KEY.id, '--access-key-secret', KEY.secret, '--precheck-delay-ms', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] })
  return new Promise((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error('emulator did not start within 30 s')), 30_000)
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString()
      const line = out.split('\n')[0]
      if (out.includes('\n')) {
        clearTimeout(timer)
        resolve({ child, port: Number(new URL(line).port) })
      }
    })
    child.on('exit', (code) => reject(new Error(`emulator exited with ${code}`)))
  })
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]
}

async function loop(seconds: number, concurrency: number, one: () => Promise<boolean>): Promise<{ ok: number; failed: number; latencies: number[]; elapsed: number }> {
  const latencies: number[] = []
  let ok = 0
  let failed = 0
  const start = process.hrtime.bigint()
  const deadline = start + BigInt(seconds * 1e9)
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (process.hrtime.bigint() < deadline) {
      const t = process.hrtime.bigint()
      const good = await one().catch(() => false)
      latencies.push(Number(process.hrtime.bigint() - t) / 1e6)
      if (good) ok++
      else failed++
    }
  }))
  return { ok, failed, latencies: latencies.sort((a, b) => a - b), elapsed: Number(process.hrtime.bigint() - start) / 1e9 }
}

function report(label: string, r: { ok: number; failed: number; latencies: number[]; elapsed: number }): void {
  console.log(`${label.padEnd(44)} ${(r.ok / r.elapsed).toFixed(0).padStart(7)} req/s   p50 ${percentile(r.latencies, 0.5).toFixed(2)} ms` +
    `   p99 ${percentile(r.latencies, 0.99).toFixed(2)} ms   (${r.ok} ok, ${r.failed} failed)`)
}

export default async function bench(): Promise<void> {
  const { child, port } = await startChild()
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY })
  const host = `127.0.0.1:${port}`
  const send = (action: string, query: [string, string][]): Promise<any> => new Promise((resolve, reject) => {
    const { path, headers } = signV3({ host, action, version: '2018-11-01', accessKeyId: KEY.id, secret: KEY.secret, query })
    const req = request({ host: '127.0.0.1', port, method: 'POST', path, headers: { ...headers, 'content-length': '0' }, agent, timeout: 10_000 }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))))
    })
    req.on('timeout', () => req.destroy(new Error('timeout')))
    req.on('error', reject)
    req.end()
  })
  try {
    const created = await send('CreateProcCorrectOrder', [['Comment', 'bench'], ['Param', JSON.stringify({
      DbItemList: [{ DbId: 1, Logic: false }], ExecSQL: 'DELIMITER $$\nCREATE PROCEDURE demo.p() BEGIN SELECT 1; END $$\nDELIMITER ;'
    })]])
    const orderId = String(created.CreateOrderResult[0])
    await send('SubmitOrderApproval', [['OrderId', orderId]])

    // Warm-up (JIT, socket pool), not reported.
    await loop(2, CONCURRENCY, async () => (await send('GetOrderBaseInfo', [['OrderId', orderId]])).Success === true)
    console.log(`emulator in its own process, ${CONCURRENCY} concurrent keep-alive clients on loopback ` +
      `(${cpus().length} CPUs, load average ${loadavg()[0].toFixed(1)} at start)`)
    report(`GetOrderBaseInfo, own V3 signer, ${SECONDS} s`,
      await loop(SECONDS, CONCURRENCY, async () => (await send('GetOrderBaseInfo', [['OrderId', orderId]])).Success === true))
    report(`ListOrders (keyword), own V3 signer, ${SECONDS} s`,
      await loop(SECONDS, CONCURRENCY, async () => (await send('ListOrders', [['SearchContent', 'bench']])).Success === true))

    const sdk = new OpenApi.default(new $OpenApi.Config({ accessKeyId: KEY.id, accessKeySecret: KEY.secret, endpoint: host, protocol: 'http' }))
    const params = new $OpenApi.Params({ action: 'GetOrderBaseInfo', version: '2018-11-01', protocol: 'HTTP', pathname: '/', method: 'POST',
      authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'json' })
    const runtime = {} as Parameters<InstanceType<typeof OpenApi.default>['callApi']>[2]
    report('GetOrderBaseInfo via @alicloud/openapi-client, 5 s',
      await loop(5, CONCURRENCY, async () => (await sdk.callApi(params, new $OpenApi.OpenApiRequest({ query: { OrderId: orderId } }), runtime)).body.Success === true))
  } finally {
    agent.destroy()
    child.kill('SIGTERM')
  }
}
