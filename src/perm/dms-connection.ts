// CLI → DMS client options, shared by `status` and `template`. Secrets come from the environment only:
// argv is visible to every user of the machine (ps, /proc) and lands in shell history.
import { createDmsClient, type DmsClient, type DmsClientOptions } from '../dms/client.js'
import { defaultChain } from '../dms/credentials.js'
import { silenceSdkUrlParseWarning } from '../dms/sdk-warnings.js'

/** parseArgs option definitions for the connection flags. */
export const CONNECTION_OPTIONS = {
  endpoint: { type: 'string' },
  region: { type: 'string' },
  tid: { type: 'string' },
  'access-key-id': { type: 'string' },
  // Declared only to refuse it with a clear message instead of "unknown option".
  'access-key-secret': { type: 'string' }
} as const

export const CONNECTION_USAGE = `connection:
  --endpoint <url|host>   DMS endpoint (default dms-enterprise.aliyuncs.com; the emulator: http://127.0.0.1:<port>)
  --region <id>           use dms-enterprise.<region>.aliyuncs.com
  --tid <n>               DMS tenant id
  --access-key-id <id>    access key id (default $ALIBABA_CLOUD_ACCESS_KEY_ID)
credentials: the secret is read from $ALIBABA_CLOUD_ACCESS_KEY_SECRET (never from the command line), with
  $ALIBABA_CLOUD_SECURITY_TOKEN for STS; with no access key at all the Alibaba Cloud default credential chain
  (profile, OIDC, instance role) is used.
`

export interface ConnectionFlags {
  endpoint?: string
  region?: string
  tid?: string
  'access-key-id'?: string
  'access-key-secret'?: string
}

export type ConnectionResult = { ok: true; options: DmsClientOptions } | { ok: false; message: string }

export function connectionOptions(flags: ConnectionFlags, env: NodeJS.ProcessEnv = process.env): ConnectionResult {
  if (flags['access-key-secret'] !== undefined) {
    return { ok: false, message: '--access-key-secret is not accepted: a secret on the command line leaks (ps, shell history); set ALIBABA_CLOUD_ACCESS_KEY_SECRET' }
  }
  let tid: number | undefined
  if (flags.tid !== undefined) {
    if (!/^[1-9][0-9]{0,14}$/.test(flags.tid)) return { ok: false, message: `--tid must be a positive integer, got ${JSON.stringify(flags.tid)}` }
    tid = Number(flags.tid)
  }
  const keyId = flags['access-key-id'] ?? env.ALIBABA_CLOUD_ACCESS_KEY_ID ?? ''
  const secret = env.ALIBABA_CLOUD_ACCESS_KEY_SECRET ?? ''
  const token = env.ALIBABA_CLOUD_SECURITY_TOKEN ?? ''
  if (flags['access-key-id'] === '') return { ok: false, message: '--access-key-id must not be empty' }
  if (keyId !== '' && secret === '') {
    return { ok: false, message: `an access key id is given (${flags['access-key-id'] !== undefined ? '--access-key-id' : 'ALIBABA_CLOUD_ACCESS_KEY_ID'}) but ALIBABA_CLOUD_ACCESS_KEY_SECRET is not set` }
  }
  if (keyId === '' && secret !== '') return { ok: false, message: 'ALIBABA_CLOUD_ACCESS_KEY_SECRET is set but no access key id (--access-key-id or ALIBABA_CLOUD_ACCESS_KEY_ID)' }
  const options: DmsClientOptions = {
    credentials: keyId !== '' ? { accessKeyId: keyId, accessKeySecret: secret, ...(token ? { securityToken: token } : {}) } : defaultChain()
  }
  if (flags.endpoint !== undefined) options.endpoint = flags.endpoint
  if (flags.region !== undefined) options.region = flags.region
  if (tid !== undefined) options.tid = tid
  return { ok: true, options }
}

/** Builds the client; endpoint errors (bad URL) surface as a usage message. */
export function connect(flags: ConnectionFlags, env: NodeJS.ProcessEnv = process.env): { ok: true; client: DmsClient; tid?: number } | { ok: false; message: string } {
  const r = connectionOptions(flags, env)
  if (!r.ok) return r
  try {
    silenceSdkUrlParseWarning()
    return { ok: true, client: createDmsClient(r.options), ...(r.options.tid !== undefined ? { tid: r.options.tid } : {}) }
  } catch (e) {
    return { ok: false, message: (e as Error).message }
  }
}
