// Shared for the perm/template tests: a running emulator and clients for it (loopback only).
import { execFile, execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createDmsClient, type DmsClient } from '../../src/dms/client.js'
import { DEFAULT_ACCESS_KEY, startEmulator, type RunningEmulator } from '../../src/emulator/index.js'

export { DEFAULT_ACCESS_KEY }

/** The key of dba_alice (61): templates need a DBA or admin; the default key is a plain user. */
export const DBA_KEY = { id: 'LTAI5tDbaAliceKey01', secret: 'dba-alice-secret-01' }

export async function emulator(options: Parameters<typeof startEmulator>[0] = {}): Promise<RunningEmulator> {
  return startEmulator({ precheckDelayMs: 0, executeDelayMs: 0, users: [{ id: 61, nick: 'dba_alice', role: 'dba', keys: [DBA_KEY] }], ...options })
}

export function clientFor(emu: RunningEmulator, o: { id?: string; secret?: string; tid?: number } = {}): DmsClient {
  return createDmsClient({
    endpoint: emu.url,
    credentials: { accessKeyId: o.id ?? DEFAULT_ACCESS_KEY.id, accessKeySecret: o.secret ?? DEFAULT_ACCESS_KEY.secret },
    ...(o.tid !== undefined ? { tid: o.tid } : {}),
    readTimeoutMs: 5000,
    retry: { maxAttempts: 1 }
  })
}

/** POST a JSON body to the emulator's control API. */
export async function control(emu: RunningEmulator, path: string, body: unknown = {}): Promise<Record<string, unknown>> {
  const res = await fetch(`${emu.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(5000)
  })
  const json = (await res.json()) as Record<string, unknown>
  if (res.status >= 300) throw new Error(`control ${path}: HTTP ${res.status} ${JSON.stringify(json)}`)
  return json
}

export const SELECT_ON_ORDERS = {
  applyType: 'TAB',
  permType: 1,
  seconds: 86400 * 7,
  comment: 'svc-reporting needs SELECT on shop.orders',
  resources: [
    {
      InstanceInfo: { InstanceId: 'rm-shop01', Host: 'rm-shop01.mysql.rds.aliyuncs.com', Port: 3306 },
      DatabaseInfo: { DbId: 1, SchemaName: 'shop', SearchName: 'shop@rm-shop01.mysql.rds.aliyuncs.com:3306' },
      TableInfo: { TableName: 'orders' }
    }
  ]
}

export async function createPermOrder(emu: RunningEmulator, body: Record<string, unknown> = SELECT_ON_ORDERS): Promise<number> {
  return (await control(emu, '/__emulator/perm-orders', body)).orderId as number
}

/** A submitted DC_PROC ticket on the emulator's first database. */
export async function createProcOrder(client: DmsClient): Promise<number> {
  const orderId = await client.createProcCorrectOrder({
    comment: 'routine change',
    dbItems: [{ dbId: 1, logic: false }],
    execSql: 'DROP PROCEDURE IF EXISTS p;\nDELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; END$$\nDELIMITER ;\n',
    rollbackSql: 'DROP PROCEDURE IF EXISTS p;\n',
    execMode: 'COMMITOR'
  })
  await client.submitOrderApproval(orderId)
  return orderId
}

// ---- the built CLI ----

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
/** The CLI under test (jest's globalSetup rebuilds dist/ when src/ is newer). */
export const CLI = join(ROOT, 'dist', 'cli.js')

export interface CliResult {
  status: number
  stdout: string
  stderr: string
}

/** Runs `node dist/cli.js …` without blocking this process (the emulator under test lives here). */
export function runCli(args: string[], env: Record<string, string | undefined> = {}, cwd: string = ROOT): Promise<CliResult> {
  const childEnv: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, ...env }
  for (const k of Object.keys(childEnv)) if (childEnv[k] === undefined) delete childEnv[k]
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd, env: childEnv, encoding: 'utf8', timeout: 60_000 }, (err, stdout, stderr) => {
      const status = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : -1) : 0
      resolve({ status, stdout, stderr })
    })
  })
}

/** Env for the CLI to reach the emulator as dba_alice. */
export function dbaEnv(): Record<string, string> {
  return { ALIBABA_CLOUD_ACCESS_KEY_ID: DBA_KEY.id, ALIBABA_CLOUD_ACCESS_KEY_SECRET: DBA_KEY.secret }
}

/** Env for the CLI to reach the emulator with its default key (a plain user). */
export function userEnv(): Record<string, string> {
  return { ALIBABA_CLOUD_ACCESS_KEY_ID: DEFAULT_ACCESS_KEY.id, ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEFAULT_ACCESS_KEY.secret }
}
