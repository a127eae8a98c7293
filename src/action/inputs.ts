// Every Action input, read once, defaulted in code (harnesses don't apply action.yml defaults) and validated up
// front: a bad value throws an Error naming the input and what is allowed. Secrets are masked before anything else.
import * as core from '@actions/core'
import { globProblem } from '../config/globs.js'
import type { DatabaseSpec } from '../config/types.js'
import { resolveEndpoint, type DmsEndpoint } from '../dms/endpoint.js'
import type { ExecMode } from '../dms/types.js'
import { parseVerifyUrl, passwordForms, VerifyUrlError, type VerifyDatabase } from '../verify/url.js'

export type { DatabaseSpec, DmsEndpoint, ExecMode, VerifyDatabase }
export const EXEC_MODES: readonly ExecMode[] = ['COMMITOR', 'AUTO', 'LAST_AUDITOR']

export type Credentials =
  | { kind: 'access-key'; accessKeyId: string; accessKeySecret: string; securityToken?: string }
  | { kind: 'oidc'; roleArn: string; oidcProviderArn: string }
  /** neither given: the @alicloud/credentials default chain (env, profile, instance role…) */
  | { kind: 'default-chain' }

export interface Inputs {
  githubToken: string
  dmsEndpoint: DmsEndpoint
  region?: string
  credentials: Credentials
  tid?: number
  database?: DatabaseSpec
  config: string
  /** the config path was set to something other than the default: then it must exist */
  configExplicit: boolean
  include: string[]
  execMode: ExecMode
  classify?: string
  relatedUsers: string[]
  waitMinutes: number
  checkName: string
  comment: boolean
  executeOnMerge: boolean
  /** how far back the gate lists its own DMS tickets (ListOrders CreateTime window) */
  ticketWindowDays: number
  /** `verify-database`: prove each plan on this server before any ticket is created (docs/verify.md). */
  verifyDatabase?: VerifyDatabase
}

/** The defaults, mirrored in action.yml (a test keeps the two in step). */
export const INPUT_DEFAULTS = {
  config: '.github/dms-proc-gate.yml',
  include: '**/*.sql',
  'exec-mode': 'COMMITOR',
  'wait-minutes': '0',
  'check-name': 'DMS approval',
  comment: 'true',
  'execute-on-merge': 'false',
  'ticket-window-days': '90'
} as const

export const MAX_WAIT_MINUTES = 360

/** Reads the value of an input as the runner passes it (INPUT_<NAME>, hyphens kept). */
export type InputReader = (name: string) => string

const fromCore: InputReader = name => core.getInput(name)

function fail(name: string, value: string, allowed: string): never {
  throw new Error(`Input '${name}' is invalid (got ${JSON.stringify(value)}): ${allowed}`)
}

function failSecret(name: string, allowed: string): never {
  throw new Error(`Input '${name}' is invalid: ${allowed}`)
}

export function parseBoolean(name: string, raw: string, dflt: boolean): boolean {
  if (raw === '') return dflt
  if (['true', 'True', 'TRUE'].includes(raw)) return true
  if (['false', 'False', 'FALSE'].includes(raw)) return false
  return fail(name, raw, 'allowed: true or false')
}

export function parseExecMode(raw: string): ExecMode {
  const v = raw === '' ? INPUT_DEFAULTS['exec-mode'] : raw.toUpperCase()
  if ((EXEC_MODES as readonly string[]).includes(v)) return v as ExecMode
  return fail('exec-mode', raw, `allowed: ${EXEC_MODES.join(', ')}`)
}

export function parseWaitMinutes(raw: string): number {
  const v = raw === '' ? INPUT_DEFAULTS['wait-minutes'] : raw
  const n = /^\d+(\.\d+)?$/.test(v) ? Number(v) : NaN
  if (!Number.isFinite(n) || n < 0 || n > MAX_WAIT_MINUTES) {
    return fail('wait-minutes', raw, `allowed: a number of minutes from 0 to ${MAX_WAIT_MINUTES}`)
  }
  return n
}

export function parseTid(raw: string): number | undefined {
  if (raw === '') return undefined
  if (!/^\d{1,15}$/.test(raw) || Number(raw) <= 0) return fail('tid', raw, 'allowed: a positive integer tenant id')
  return Number(raw)
}

/** Comma- or newline-separated list of numeric DMS user ids (kept as strings: DMS types UserIds as strings). */
export function parseRelatedUsers(raw: string): string[] {
  const items = raw
    .split(/[,\n]/)
    .map(s => s.trim())
    .filter(s => s !== '')
  for (const it of items) {
    if (!/^\d{1,20}$/.test(it)) fail('related-users', it, 'allowed: numeric DMS user ids separated by commas or newlines')
  }
  return [...new Set(items)]
}

/** One glob per line (commas are part of brace globs, so lines only). */
export function parseInclude(raw: string): string[] {
  const v = raw.trim() === '' ? INPUT_DEFAULTS.include : raw
  const globs = v
    .split('\n')
    .map(s => s.trim())
    .filter(s => s !== '' && !s.startsWith('#'))
  if (globs.length === 0) fail('include', raw, 'allowed: one or more globs, one per line, e.g. **/*.sql')
  for (const g of globs) {
    const problem = globProblem(g)
    if (problem !== null) fail('include', g, `each glob ${problem}`)
  }
  return globs
}

/** Validated by the DMS client's own endpoint resolution, so the input and `--endpoint` accept the same forms. */
export function parseEndpoint(raw: string, region: string | undefined): DmsEndpoint {
  try {
    return resolveEndpoint(raw, region)
  } catch (e) {
    const why = (e as Error).message.replace(/^dms-endpoint: /, '')
    return fail('dms-endpoint', raw, 'allowed: a host such as dms-enterprise.cn-hangzhou.aliyuncs.com, or an ' +
      `http(s)://host[:port] URL (no path, query or credentials); ${why}`)
  }
}

const REGION_RE = /^[a-z]{2,4}(-[a-z0-9]+){1,4}$/

export function parseRegion(raw: string): string | undefined {
  if (raw === '') return undefined
  if (!REGION_RE.test(raw)) fail('region', raw, 'allowed: an Alibaba Cloud region id such as cn-hangzhou or ap-southeast-1')
  return raw
}

const ROLE_ARN_RE = /^acs:ram::\d{1,20}:role\/[A-Za-z0-9._-]{1,64}$/
const OIDC_PROVIDER_ARN_RE = /^acs:ram::\d{1,20}:oidc-provider\/[A-Za-z0-9._-]{1,128}$/

export interface CredentialFields {
  accessKeyId: string
  accessKeySecret: string
  securityToken: string
  roleArn: string
  oidcProviderArn: string
}

export function parseCredentials(f: CredentialFields): Credentials {
  const hasKeys = f.accessKeyId !== '' || f.accessKeySecret !== ''
  const hasOidc = f.roleArn !== '' || f.oidcProviderArn !== ''
  if (hasKeys && hasOidc) {
    failSecret('access-key-id', 'give either access-key-id + access-key-secret, or role-arn + oidc-provider-arn, not both')
  }
  if (hasKeys) {
    if (f.accessKeyId === '') failSecret('access-key-id', 'required when access-key-secret is given')
    if (f.accessKeySecret === '') failSecret('access-key-secret', 'required when access-key-id is given')
    if (!/^[A-Za-z0-9._-]{1,128}$/.test(f.accessKeyId)) failSecret('access-key-id', 'allowed: letters, digits, dot, dash, underscore')
    if (/\s/.test(f.accessKeySecret)) failSecret('access-key-secret', 'must not contain whitespace')
    return f.securityToken === ''
      ? { kind: 'access-key', accessKeyId: f.accessKeyId, accessKeySecret: f.accessKeySecret }
      : { kind: 'access-key', accessKeyId: f.accessKeyId, accessKeySecret: f.accessKeySecret, securityToken: f.securityToken }
  }
  if (f.securityToken !== '') failSecret('security-token', 'only allowed together with access-key-id and access-key-secret')
  if (hasOidc) {
    if (f.roleArn === '') failSecret('role-arn', 'required when oidc-provider-arn is given')
    if (f.oidcProviderArn === '') failSecret('oidc-provider-arn', 'required when role-arn is given')
    if (!ROLE_ARN_RE.test(f.roleArn)) fail('role-arn', f.roleArn, 'allowed form: acs:ram::<account id>:role/<role name>')
    if (!OIDC_PROVIDER_ARN_RE.test(f.oidcProviderArn)) {
      fail('oidc-provider-arn', f.oidcProviderArn, 'allowed form: acs:ram::<account id>:oidc-provider/<provider name>')
    }
    return { kind: 'oidc', roleArn: f.roleArn, oidcProviderArn: f.oidcProviderArn }
  }
  return { kind: 'default-chain' }
}

export function parseDatabase(raw: string): DatabaseSpec | undefined {
  if (raw === '') return undefined
  if (/^\d{1,15}$/.test(raw)) {
    if (Number(raw) <= 0) fail('database', raw, 'a DbId must be a positive integer')
    return { kind: 'db-id', dbId: Number(raw) }
  }
  if (!/^[^\s`'"]{1,128}$/.test(raw)) fail('database', raw, 'allowed: a DMS DbId (number) or a schema name (no spaces or quotes)')
  return { kind: 'schema', schema: raw }
}

export const MAX_TICKET_WINDOW_DAYS = 365

export function parseTicketWindowDays(raw: string): number {
  const v = raw === '' ? INPUT_DEFAULTS['ticket-window-days'] : raw
  const n = /^\d{1,3}$/.test(v) ? Number(v) : NaN
  if (!Number.isInteger(n) || n < 1 || n > MAX_TICKET_WINDOW_DAYS) {
    return fail('ticket-window-days', raw, `allowed: a whole number of days from 1 to ${MAX_TICKET_WINDOW_DAYS}`)
  }
  return n
}

/** `mysql://user[:password]@host[:port]` or `…@localhost?socket=/path`; the message never repeats the URL. */
export function parseVerifyDatabase(raw: string): VerifyDatabase | undefined {
  if (raw === '') return undefined
  try {
    return parseVerifyUrl(raw)
  } catch (e) {
    if (e instanceof VerifyUrlError) failSecret('verify-database', e.message)
    throw e
  }
}

export function parseCheckName(raw: string): string {
  const v = raw === '' ? INPUT_DEFAULTS['check-name'] : raw
  if (v.length > 100 || /[\r\n]/.test(v)) fail('check-name', raw, 'allowed: one line of at most 100 characters')
  return v
}

export function parseConfigPath(raw: string): string {
  const v = raw === '' ? INPUT_DEFAULTS.config : raw
  if (v.startsWith('/') || v.includes('\\') || v.split('/').includes('..')) {
    fail('config', raw, 'allowed: a repository-relative path with forward slashes (no leading /, no ..)')
  }
  return v
}

/**
 * Reads and validates every input. `read` defaults to @actions/core (INPUT_* env); tests pass their own.
 * Secrets are registered with core.setSecret before any validation can print anything.
 */
export function getInputs(read: InputReader = fromCore, env: NodeJS.ProcessEnv = process.env): Inputs {
  const raw = (name: string): string => read(name).trim()
  const githubToken = raw('github-token') || env['GITHUB_TOKEN']?.trim() || ''
  const accessKeySecret = raw('access-key-secret')
  const securityToken = raw('security-token')
  const verifyDatabase = raw('verify-database')
  for (const s of [githubToken, accessKeySecret, securityToken, ...passwordForms(verifyDatabase)]) if (s !== '') core.setSecret(s)

  if (githubToken === '') failSecret('github-token', 'required (default: the workflow token, ${{ github.token }})')
  const region = parseRegion(raw('region'))
  const classify = raw('classify')
  if (classify.length > 200) fail('classify', classify.slice(0, 40) + '…', 'allowed: at most 200 characters')

  const inputs: Inputs = {
    githubToken,
    dmsEndpoint: parseEndpoint(raw('dms-endpoint'), region),
    credentials: parseCredentials({
      accessKeyId: raw('access-key-id'),
      accessKeySecret,
      securityToken,
      roleArn: raw('role-arn'),
      oidcProviderArn: raw('oidc-provider-arn')
    }),
    config: parseConfigPath(raw('config')),
    configExplicit: raw('config') !== '' && raw('config') !== INPUT_DEFAULTS.config,
    include: parseInclude(read('include')),
    execMode: parseExecMode(raw('exec-mode')),
    relatedUsers: parseRelatedUsers(read('related-users')),
    waitMinutes: parseWaitMinutes(raw('wait-minutes')),
    checkName: parseCheckName(raw('check-name')),
    comment: parseBoolean('comment', raw('comment'), true),
    executeOnMerge: parseBoolean('execute-on-merge', raw('execute-on-merge'), false),
    ticketWindowDays: parseTicketWindowDays(raw('ticket-window-days'))
  }
  if (region !== undefined) inputs.region = region
  const tid = parseTid(raw('tid'))
  if (tid !== undefined) inputs.tid = tid
  const database = parseDatabase(raw('database'))
  if (database !== undefined) inputs.database = database
  const verify = parseVerifyDatabase(verifyDatabase)
  if (verify !== undefined) inputs.verifyDatabase = verify
  if (classify !== '') inputs.classify = classify
  return inputs
}

/** `https://host[:port]` form of the endpoint: what createDmsClient({ endpoint }) takes, and for logs. */
export function endpointUrl(e: DmsEndpoint): string {
  return `${e.protocol}://${e.host}`
}
