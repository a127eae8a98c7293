// `dms-proc-gate emulator`: runs the local DMS endpoint until SIGINT/SIGTERM. Prints the URL as its only
// stdout line once listening (scripts read it), a short human note on stderr.
import { parseArgs } from 'node:util'
import { DEFAULT_ACCESS_KEY, startEmulator, type EmulatorDatabase, type EmulatorOptions } from '../emulator/index.js'

const USAGE = `usage: dms-proc-gate emulator [--port <p>] [--host 127.0.0.1]
         [--access-key-id <id> --access-key-secret <secret> [--security-token <t>]]
         [--database <schema>[@<host>[:<port>]]]... [--state-file <file>] [--tid <n>]
         [--precheck-delay-ms <n>] [--execute-delay-ms <n>] [--clock-skew-seconds <n>]
         [--max-url-bytes <n>] [--business-errors always-200|documented]

Serves the DMS (dms-enterprise 2018-11-01) wire protocol on http://<host>:<port>, verifying V3 and V1
signatures. Always holds the MySQL schema 'demo'; --database adds more. Control API: GET <url>/__emulator/orders,
POST <url>/__emulator/orders/<id>/approve|reject|cancel, POST|DELETE <url>/__emulator/faults, GET <url>/__emulator/stats.
exit status: 0 stopped (SIGINT/SIGTERM), 1 could not start (e.g. the port is taken), 2 usage error
`

class UsageError extends Error {}

function intFlag(name: string, v: string | undefined, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (v === undefined) return undefined
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) throw new UsageError(`--${name} must be an integer from ${min} to ${max}, got '${v}'`)
  return Number(v)
}

/** `schema`, `schema@host` or `schema@host:port`. */
export function parseDatabaseFlag(v: string): EmulatorDatabase {
  const m = /^([^@\s]+)(?:@([^:\s]+)(?::(\d+))?)?$/.exec(v)
  if (!m) throw new UsageError(`--database must look like schema[@host[:port]], got '${v}'`)
  return { schema: m[1], ...(m[2] ? { host: m[2] } : {}), ...(m[3] ? { port: Number(m[3]) } : {}) }
}

export function parseEmulatorArgs(argv: string[]): EmulatorOptions {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string' }, host: { type: 'string' },
      'access-key-id': { type: 'string' }, 'access-key-secret': { type: 'string' }, 'security-token': { type: 'string' },
      database: { type: 'string', multiple: true }, 'state-file': { type: 'string' }, tid: { type: 'string' },
      'precheck-delay-ms': { type: 'string' }, 'execute-delay-ms': { type: 'string' }, 'clock-skew-seconds': { type: 'string' },
      'max-url-bytes': { type: 'string' }, 'business-errors': { type: 'string' }, help: { type: 'boolean', short: 'h' }
    }
  })
  if (values.help) throw new UsageError('')
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`)
  const id = values['access-key-id']
  const secret = values['access-key-secret']
  if ((id === undefined) !== (secret === undefined)) throw new UsageError('--access-key-id and --access-key-secret go together')
  const host = values.host ?? '127.0.0.1'
  const businessErrors = values['business-errors']
  if (businessErrors !== undefined && businessErrors !== 'always-200' && businessErrors !== 'documented') {
    throw new UsageError(`--business-errors must be always-200 or documented, got '${businessErrors}'`)
  }
  const extra = (values.database ?? []).map(parseDatabaseFlag)
  const databases: EmulatorDatabase[] = [{ schema: 'demo' }]
  for (const d of extra) {
    const same = databases.some((x) => x.schema === d.schema && (x.host ?? '') === (d.host ?? '') && (x.port ?? 3306) === (d.port ?? 3306))
    if (!same) databases.push(d)
  }
  return {
    port: intFlag('port', values.port, 0, 65535) ?? 0,
    host,
    accessKeys: [id !== undefined && secret !== undefined
      ? { id, secret, role: 'admin', ...(values['security-token'] ? { stsToken: values['security-token'] } : {}) }
      : { ...DEFAULT_ACCESS_KEY, role: 'admin' }],
    databases,
    stateFile: values['state-file'],
    tid: intFlag('tid', values.tid, 1),
    precheckDelayMs: intFlag('precheck-delay-ms', values['precheck-delay-ms'], 0),
    executeDelayMs: intFlag('execute-delay-ms', values['execute-delay-ms'], 0),
    clockSkewSeconds: intFlag('clock-skew-seconds', values['clock-skew-seconds'], 1),
    maxUrlBytes: intFlag('max-url-bytes', values['max-url-bytes'], 1024),
    businessErrorStatus: businessErrors as EmulatorOptions['businessErrorStatus']
  }
}

export async function run(argv: string[]): Promise<number> {
  let options: EmulatorOptions
  try {
    options = parseEmulatorArgs(argv)
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      if (!(e as Error).message) {
        process.stdout.write(USAGE) // --help
        return 0
      }
      process.stderr.write(`dms-proc-gate emulator: ${(e as Error).message}\n\n${USAGE}`)
      return 2
    }
    throw e
  }
  let emulator
  try {
    emulator = await startEmulator(options)
  } catch (e) {
    process.stderr.write(`dms-proc-gate emulator: ${(e as Error).message}\n`)
    return 1
  }
  const key = options.accessKeys?.[0]
  process.stdout.write(`${emulator.url}\n`)
  process.stderr.write(`DMS emulator: access key ${key?.id}${argv.includes('--access-key-id') ? '' : ` (secret ${DEFAULT_ACCESS_KEY.secret})`}, ` +
    `tenant ${emulator.state.config.tid}, databases ${emulator.state.config.databases.map((d) => d.schema).join(', ')}; ` +
    `control API ${emulator.url}/__emulator/orders; Ctrl-C stops it.\n`)
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
  await emulator.close()
  return 0
}
