// `node dist/cli.js status <orderId>` against the emulator: a DC_PROC and a PERM_APPLY ticket, text and --json.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RunningEmulator } from '../src/emulator/index.js'
import { userEnv, clientFor, control, createPermOrder, createProcOrder, emulator, runCli } from './perm/helpers.js'

let emu: RunningEmulator

beforeAll(async () => {
  emu = await emulator()
}, 600_000)
afterAll(async () => {
  await emu?.close()
})

describe('status', () => {
  test('a DC_PROC ticket: state, approval node, handlers', async () => {
    const orderId = await createProcOrder(clientFor(emu))
    const r = await runCli(['status', String(orderId), '--endpoint', emu.url], userEnv())
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    const lines = r.stdout.split('\n')
    expect(lines[0]).toBe(`Ticket ${orderId} (DC_PROC)`)
    expect(lines[1]).toMatch(/^ {2}status: +toaudit/)
    expect(r.stdout).toMatch(/\nApproval \(workflow \d+\): AUDITING, order type DATA_CORRECT\n/)
    expect(r.stdout).toMatch(/\n {2}\d\. DBA review: AUDITING, approvers 61, 62\n/)
    expect(r.stdout).toContain('  current handlers: dba_alice (61), dba_bob (62)')
    expect(r.stdout).not.toContain('Permission request')
  })

  test('a PERM_APPLY ticket also shows the requested resources; --json for scripts', async () => {
    const orderId = await createPermOrder(emu)
    const text = await runCli(['status', String(orderId), '--endpoint', emu.url], userEnv())
    expect(text.status).toBe(0)
    expect(text.stdout).toContain(`Ticket ${orderId} (PERM_APPLY)`)
    expect(text.stdout).toContain('Permission request:\n  apply type TAB, permission type query (1), duration 7 days\n  - instance rm-shop01 (rm-shop01.mysql.rds.aliyuncs.com:3306) / database shop@rm-shop01.mysql.rds.aliyuncs.com:3306 / table orders\n')

    await control(emu, `/__emulator/orders/${orderId}/approve`, { comment: 'fine' })
    const json = await runCli(['status', String(orderId), '--json', '--endpoint', emu.url], userEnv())
    expect(json.status).toBe(0)
    const s = JSON.parse(json.stdout)
    expect(Object.keys(s)).toEqual(['order', 'approval', 'permApply'])
    expect(s.order).toMatchObject({ orderId, pluginType: 'PERM_APPLY' })
    expect(['approved', 'success']).toContain(s.order.status)
    expect(s.approval).toMatchObject({ orderType: 'PERM_APPLY', status: 'approved' })
    expect(s.approval.nodes.find((n: { name: string }) => n.name === 'DBA review')).toMatchObject({ status: 'approved', comment: 'fine' })
    expect(s.permApply).toMatchObject({ applyType: 'TAB', permType: 1, seconds: 604800 })
    expect(s.permApply.resources[0].table).toEqual({ TableName: 'orders' })
  })

  test('DMS errors exit 1 with the DMS reason; the secret never appears', async () => {
    const r = await runCli(['status', '424242', '--endpoint', emu.url], userEnv())
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/^dms-proc-gate status: DMS GetOrderBaseInfo failed: /)
    const wrongTenant = await runCli(['status', '1001', '--endpoint', emu.url, '--tid', '99', '--json'], userEnv())
    expect(wrongTenant.status).toBe(1)
    expect(JSON.parse(wrongTenant.stdout).error.code).toBe('TenantNotExist')
    const badKey = await runCli(['status', '1001', '--endpoint', emu.url], { ...userEnv(), ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'wrong-secret-value' })
    expect(badKey.status).toBe(1)
    expect(badKey.stderr).toMatch(/SignatureDoesNotMatch/)
    for (const out of [r, wrongTenant, badKey]) expect(out.stdout + out.stderr).not.toMatch(/emulator-access-key-secret|wrong-secret-value/)
  })

  test('usage errors exit 2: no id, a bad id, a secret on argv, a key id without a secret', async () => {
    expect((await runCli(['status'], userEnv())).status).toBe(2)
    expect((await runCli(['status', 'abc'], userEnv())).status).toBe(2)
    expect((await runCli(['status', '1', '2'], userEnv())).status).toBe(2)
    const argvSecret = await runCli(['status', '1', '--endpoint', emu.url, '--access-key-id', 'x', '--access-key-secret', 'leaky'])
    expect(argvSecret.status).toBe(2)
    expect(argvSecret.stderr).toContain('--access-key-secret is not accepted')
    const noSecret = await runCli(['status', '1', '--endpoint', emu.url, '--access-key-id', 'x'])
    expect(noSecret.status).toBe(2)
    expect(noSecret.stderr).toContain('ALIBABA_CLOUD_ACCESS_KEY_SECRET is not set')
    expect((await runCli(['status', '1', '--tid', 'x'], userEnv())).status).toBe(2)
  })
})

describe('connection problems are one line: what is wrong and what to do', () => {
  test('no credentials at all', async () => {
    const home = mkdtempSync(join(tmpdir(), 'dpg-nocreds-'))
    const r = await runCli(['status', '1', '--endpoint', emu.url], { HOME: home, ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true' })
    expect(r.status).toBe(1)
    expect(r.stderr).toBe('dms-proc-gate status: DMS GetOrderBaseInfo failed: InvalidCredentials: no Alibaba Cloud credentials found — set ' +
      'ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (Action: inputs access-key-id/access-key-secret, or role-arn + ' +
      'oidc-provider-arn), or configure a credentials profile or an instance RAM role\n')
  })

  test('nothing listening at the endpoint', async () => {
    const closed = await freePort()
    const r = await runCli(['status', '1', '--endpoint', `http://127.0.0.1:${closed}`], userEnv())
    expect(r.status).toBe(1)
    expect(r.stderr).toBe(`dms-proc-gate status: DMS GetOrderBaseInfo failed: ECONNREFUSED: cannot connect to http://127.0.0.1:${closed}: connection ` +
      'refused — check the DMS endpoint (CLI --endpoint, Action input dms-endpoint) and that the service is running\n')
  }, 60_000)

  test('a plain-HTTP server given without a scheme (so https:// was used)', async () => {
    const r = await runCli(['status', '1', '--endpoint', emu.endpoint], userEnv())
    expect(r.status).toBe(1)
    expect(r.stderr).toBe(`dms-proc-gate status: DMS GetOrderBaseInfo failed: EndpointNotHttps: https://${emu.endpoint} answered in plain HTTP, not ` +
      `HTTPS — an endpoint without a scheme means https://; for a plain-HTTP endpoint (the emulator) write http://${emu.endpoint}\n`)
  })

  test('a host name that does not resolve', async () => {
    const r = await runCli(['status', '1', '--endpoint', 'dms.nonexistent.invalid'], userEnv())
    expect(r.status).toBe(1)
    expect(r.stderr).toBe('dms-proc-gate status: DMS GetOrderBaseInfo failed: ENOTFOUND: cannot resolve the host of https://dms.nonexistent.invalid — ' +
      'check the DMS endpoint (CLI --endpoint, Action input dms-endpoint) or the region (CLI --region, Action input region)\n')
  })
})

/** A port nothing listens on (bound, then released). */
async function freePort(): Promise<number> {
  const srv = createServer()
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r))
  const port = (srv.address() as AddressInfo).port
  await new Promise((r) => srv.close(r))
  return port
}
