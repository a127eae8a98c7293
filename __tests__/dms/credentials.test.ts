// Credentials: access keys, and GitHub OIDC → RAM role up to (and including a local stand-in for) STS.
// STS itself is unreachable here, so the OIDC provider's transport is pointed at a real local HTTP server
// by rewriting only the destination of the request @alicloud/credentials builds; everything else
// (token file reading, request fields, response parsing, provider chain order) is the library's own code.
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDmsClient } from '../../src/dms/client.js'
import { defaultChain, resolveCredentials, type CredentialProvider } from '../../src/dms/credentials.js'
import { startCannedServer, ok, type CannedServer } from './helpers/canned-server.js'

const ROLE = 'acs:ram::1234567890123456:role/github-dms'
const PROVIDER = 'acs:ram::1234567890123456:oidc-provider/github'
const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOmFjbWUvc2hvcCJ9.c2lnbmF0dXJlLXNlY3JldA'

const KEYS = ['ALIBABA_CLOUD_ACCESS_KEY_ID', 'ALIBABA_CLOUD_ACCESS_KEY_SECRET', 'ALIBABA_CLOUD_SECURITY_TOKEN', 'ALIBABA_CLOUD_ROLE_ARN',
  'ALIBABA_CLOUD_OIDC_PROVIDER_ARN', 'ALIBABA_CLOUD_OIDC_TOKEN_FILE', 'ALIBABA_CLOUD_ROLE_SESSION_NAME', 'ALIBABA_CLOUD_STS_REGION',
  'ALIBABA_CLOUD_CREDENTIALS_URI', 'ALIBABA_CLOUD_ECS_METADATA', 'ALIBABA_CLOUD_PROFILE', 'ALIBABA_CLOUD_CONFIG_FILE', 'GITHUB_RUN_ID']
let saved: Record<string, string | undefined> = {}
let dir = ''
const servers: CannedServer[] = []

beforeEach(async () => {
  saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]))
  for (const k of KEYS) delete process.env[k]
  process.env.GITHUB_RUN_ID = '4242'
  dir = await mkdtemp(join(tmpdir(), 'dpg-cred-test-'))
})
afterEach(async () => {
  for (const k of KEYS) { if (saved[k] === undefined) delete process.env[k]; else process.env[k] = saved[k] }
  await rm(dir, { recursive: true, force: true })
  while (servers.length) await servers.pop()!.close()
})

interface ProviderInternals {
  getProviderName(): string
  roleArn?: string
  oidcProviderArn?: string
  oidcTokenFilePath?: string
  roleSessionName?: string
  stsEndpoint?: string
  doRequest: (req: { protocol: string; host: string }) => Promise<unknown>
}

/** The provider objects behind a Credential (library internals, read-only except the transport). */
function providersOf(cred: CredentialProvider): ProviderInternals[] {
  const inner = (cred as unknown as { credential: { provider: ProviderInternals & { providers?: ProviderInternals[] } } }).credential.provider
  return inner.providers ?? [inner]
}

async function fakeSts() {
  const s = await startCannedServer(() => ({ body: { RequestId: 'sts-1', Credentials: {
    AccessKeyId: 'STS.fake-ak', AccessKeySecret: 'sts-fake-secret', SecurityToken: 'sts-fake-token', Expiration: new Date(Date.now() + 3600_000).toISOString().replace(/\.\d+Z$/, 'Z')
  } } }))
  servers.push(s)
  return s
}

/** Send the provider's STS request to the local server instead of https://sts…, recording where it was going. */
function redirectSts(p: ProviderInternals, sts: CannedServer, seen: string[]) {
  const original = p.doRequest
  p.doRequest = (req) => {
    seen.push(`${req.protocol}://${req.host}`)
    req.protocol = 'http'
    req.host = `127.0.0.1:${sts.port}`
    return original(req)
  }
}

describe('access keys', () => {
  test('explicit AK (+ STS token) are passed through and listed as secrets', async () => {
    const r = await resolveCredentials({ kind: 'access-key', accessKeyId: ' ak ', accessKeySecret: 'sk', securityToken: 'tok' })
    expect(r.credentials).toEqual({ accessKeyId: 'ak', accessKeySecret: 'sk', securityToken: 'tok' })
    expect(r.secrets).toEqual(['sk', 'tok'])
    expect(r.source).toBe('sts-token')
    await expect(resolveCredentials({ kind: 'access-key', accessKeyId: 'ak', accessKeySecret: '' })).rejects.toThrow(/access-key-secret is required/)
  })

  test('default chain reads ALIBABA_CLOUD_ACCESS_KEY_* and the client signs with it', async () => {
    process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = 'env-ak'
    process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = 'env-sk'
    const r = await resolveCredentials({ kind: 'default-chain' })
    const s = await startCannedServer(() => ok({ Tenant: { Tid: 3, TenantName: 't', Status: 'ACTIVE' } }))
    servers.push(s)
    await createDmsClient({ endpoint: s.url, credentials: r.credentials }).getUserActiveTenant()
    expect(String(s.requests[0].headers.authorization)).toContain('Credential=env-ak,')
    expect(s.requests[0].headers['x-acs-credentials-provider']).toBe('default/env')
  })
})

describe('GitHub OIDC → RAM role', () => {
  test('writes the token file 0600, sets the env, and validates inputs', async () => {
    const r = await resolveCredentials({ kind: 'oidc', roleArn: ROLE, oidcProviderArn: PROVIDER, getIdToken: async () => JWT, tokenDir: dir })
    expect(r.source).toBe('oidc')
    expect(r.secrets).toEqual([JWT])
    const file = r.tokenFile!
    expect(file.startsWith(dir)).toBe(true)
    expect(await readFile(file, 'utf8')).toBe(JWT)
    expect((await stat(file)).mode & 0o777).toBe(0o600)
    expect(process.env.ALIBABA_CLOUD_ROLE_ARN).toBe(ROLE)
    expect(process.env.ALIBABA_CLOUD_OIDC_PROVIDER_ARN).toBe(PROVIDER)
    expect(process.env.ALIBABA_CLOUD_OIDC_TOKEN_FILE).toBe(file)
    expect(process.env.ALIBABA_CLOUD_ROLE_SESSION_NAME).toBe('dms-proc-gate-4242')
    await r.cleanup()
    await expect(stat(file)).rejects.toThrow()

    const base = { kind: 'oidc' as const, roleArn: ROLE, oidcProviderArn: PROVIDER, getIdToken: async () => JWT, tokenDir: dir }
    await expect(resolveCredentials({ ...base, roleArn: 'arn:aws:iam::1:role/x' })).rejects.toThrow(/role-arn/)
    await expect(resolveCredentials({ ...base, oidcProviderArn: ROLE })).rejects.toThrow(/oidc-provider-arn/)
    await expect(resolveCredentials({ ...base, roleSessionName: 'a b' })).rejects.toThrow(/role-session-name/)
    await expect(resolveCredentials({ ...base, getIdToken: async () => 'not-a-jwt' })).rejects.toThrow(/not a JWT/)
  })

  test('the @alicloud/credentials default chain picks the OIDC provider from that env and exchanges the token', async () => {
    await resolveCredentials({ kind: 'oidc', roleArn: ROLE, oidcProviderArn: PROVIDER, getIdToken: async () => JWT, tokenDir: dir, stsRegion: 'cn-hangzhou' })
    const chain = defaultChain()
    const providers = providersOf(chain)
    const names = providers.map((p) => p.getProviderName())
    expect(names.slice(0, 2)).toEqual(['env', 'oidc_role_arn'])
    const oidc = providers[1]
    expect(oidc).toMatchObject({ roleArn: ROLE, oidcProviderArn: PROVIDER, oidcTokenFilePath: process.env.ALIBABA_CLOUD_OIDC_TOKEN_FILE, roleSessionName: 'dms-proc-gate-4242', stsEndpoint: 'sts.cn-hangzhou.aliyuncs.com' })

    const sts = await fakeSts()
    const seen: string[] = []
    redirectSts(oidc, sts, seen)
    const cred = await chain.getCredential()
    expect(seen).toEqual(['https://sts.cn-hangzhou.aliyuncs.com'])
    expect(cred).toMatchObject({ accessKeyId: 'STS.fake-ak', securityToken: 'sts-fake-token', providerName: 'default/oidc_role_arn' })
    const q = sts.requests[0].query
    expect(q).toMatchObject({ Action: 'AssumeRoleWithOIDC', Version: '2015-04-01' })
    expect(Object.fromEntries(new URLSearchParams(sts.requests[0].body))).toMatchObject({
      OIDCProviderArn: PROVIDER, OIDCToken: JWT, RoleArn: ROLE, RoleSessionName: 'dms-proc-gate-4242', DurationSeconds: '3600'
    })
  })

  test('the resolved OIDC credential wins over stray AK env vars and signs DMS calls with the STS token', async () => {
    process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = 'stray-ak'
    process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = 'stray-sk'
    const r = await resolveCredentials({ kind: 'oidc', roleArn: ROLE, oidcProviderArn: PROVIDER, getIdToken: async () => JWT, tokenDir: dir })
    const [provider] = providersOf(r.credentials as CredentialProvider)
    expect(provider.getProviderName()).toBe('oidc_role_arn')
    const sts = await fakeSts()
    const seen: string[] = []
    redirectSts(provider, sts, seen)
    const dms = await startCannedServer(() => ok({ Tenant: { Tid: 3, TenantName: 't', Status: 'ACTIVE' } }))
    servers.push(dms)
    await createDmsClient({ endpoint: dms.url, credentials: r.credentials }).getUserActiveTenant()
    expect(seen).toEqual(['https://sts.aliyuncs.com'])
    const h = dms.requests[0].headers
    expect(String(h.authorization)).toContain('Credential=STS.fake-ak,')
    expect(h['x-acs-security-token']).toBe('sts-fake-token')
    expect(h['x-acs-credentials-provider']).toBe('oidc_role_arn')
    await r.cleanup()
  })
})
