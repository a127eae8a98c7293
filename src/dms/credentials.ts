// Where the DMS client's keys come from: explicit access key (+ STS token), GitHub OIDC → RAM role, or
// the @alicloud/credentials default chain (env → OIDC env → CLI profile → profile file → ECS role → URI).
// For OIDC the token is fetched by the caller (the Action uses core.getIDToken) and written to a 0600
// file, because @alicloud/credentials only reads it from ALIBABA_CLOUD_OIDC_TOKEN_FILE.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as credentialsModule from '@alicloud/credentials'
import { defaultExport, namedExport } from './cjs-interop.js'

/** The part of @alicloud/credentials' Credential that openapi-client uses. */
export interface CredentialProvider {
  getCredential(): Promise<{ accessKeyId?: string; accessKeySecret?: string; securityToken?: string; providerName?: string; type?: string }>
}

export interface AccessKeyCredentials {
  accessKeyId: string
  accessKeySecret: string
  securityToken?: string
}

export interface OidcRoleCredentials {
  roleArn: string
  oidcProviderArn: string
  /** Returns a GitHub OIDC JWT (the Action: `() => core.getIDToken(audience)`). */
  getIdToken: () => Promise<string>
  /** 2–64 chars of [A-Za-z0-9._@-]; default `dms-proc-gate-<GITHUB_RUN_ID or time>`. */
  roleSessionName?: string
  /** STS region (ALIBABA_CLOUD_STS_REGION), e.g. cn-hangzhou; default the central sts.aliyuncs.com. */
  stsRegion?: string
  /** Directory for the token file; default $RUNNER_TEMP, else the OS temp dir. */
  tokenDir?: string
}

export type CredentialsInput =
  | ({ kind: 'access-key' } & AccessKeyCredentials)
  | ({ kind: 'oidc' } & OidcRoleCredentials)
  | { kind: 'default-chain' }

export interface ResolvedCredentials {
  /** Pass to createDmsClient({ credentials }). */
  credentials: AccessKeyCredentials | CredentialProvider
  /** Values to mask in logs (core.setSecret): secrets, STS token, OIDC JWT. */
  secrets: string[]
  /** For logs: which source was used, never a value. */
  source: 'access-key' | 'sts-token' | 'oidc' | 'default-chain'
  /** For OIDC: the token file written. */
  tokenFile?: string
  /** Removes the token file (if any). */
  cleanup(): Promise<void>
}

type CredentialCtor = new (config?: unknown, provider?: unknown) => CredentialProvider
interface OidcProviderBuilder {
  withRoleArn(v: string): OidcProviderBuilder
  withOIDCProviderArn(v: string): OidcProviderBuilder
  withOIDCTokenFilePath(v: string): OidcProviderBuilder
  withRoleSessionName(v: string): OidcProviderBuilder
  withStsRegionId(v: string): OidcProviderBuilder
  build(): unknown
}
const Credential = defaultExport<CredentialCtor>(credentialsModule)
const OIDCRoleArnCredentialsProvider = namedExport<{ builder(): OidcProviderBuilder }>(credentialsModule, 'OIDCRoleArnCredentialsProvider')

const ARN_RE = /^acs:ram::\d+:(role|oidc-provider)\/[\w.@+=,\/-]+$/i
const SESSION_RE = /^[A-Za-z0-9._@-]{2,64}$/

function required(v: string | undefined, name: string): string {
  if (!v || v.trim() === '') throw new Error(`${name} is required`)
  return v.trim()
}

/** The default chain, as openapi-client would need it (it has no chain of its own). */
export function defaultChain(): CredentialProvider {
  return new Credential()
}

/**
 * Resolve credentials. For `oidc`, writes the token file and sets ALIBABA_CLOUD_ROLE_ARN,
 * ALIBABA_CLOUD_OIDC_PROVIDER_ARN, ALIBABA_CLOUD_OIDC_TOKEN_FILE, ALIBABA_CLOUD_ROLE_SESSION_NAME (and
 * ALIBABA_CLOUD_STS_REGION) in `env`, then returns an explicit OIDC provider built from them, so an
 * ALIBABA_CLOUD_ACCESS_KEY_ID that happens to be set cannot win over the role the user asked for.
 */
export async function resolveCredentials(input: CredentialsInput, env: NodeJS.ProcessEnv = process.env): Promise<ResolvedCredentials> {
  const noop = async () => {}
  switch (input.kind) {
    case 'access-key': {
      const accessKeyId = required(input.accessKeyId, 'access-key-id')
      const accessKeySecret = required(input.accessKeySecret, 'access-key-secret')
      const securityToken = input.securityToken?.trim() || undefined
      return {
        credentials: { accessKeyId, accessKeySecret, securityToken },
        secrets: [accessKeySecret, ...(securityToken ? [securityToken] : [])],
        source: securityToken ? 'sts-token' : 'access-key',
        cleanup: noop
      }
    }
    case 'default-chain':
      return { credentials: defaultChain(), secrets: [], source: 'default-chain', cleanup: noop }
    case 'oidc': {
      const roleArn = required(input.roleArn, 'role-arn')
      const providerArn = required(input.oidcProviderArn, 'oidc-provider-arn')
      if (!ARN_RE.test(roleArn) || !roleArn.includes(':role/')) throw new Error(`role-arn: expected acs:ram::<account>:role/<name>, got ${JSON.stringify(roleArn)}`)
      if (!ARN_RE.test(providerArn) || !providerArn.includes(':oidc-provider/')) {
        throw new Error(`oidc-provider-arn: expected acs:ram::<account>:oidc-provider/<name>, got ${JSON.stringify(providerArn)}`)
      }
      const session = input.roleSessionName ?? `dms-proc-gate-${env.GITHUB_RUN_ID ?? Date.now()}`
      if (!SESSION_RE.test(session)) throw new Error(`role-session-name: 2–64 characters of A-Z a-z 0-9 . _ @ -, got ${JSON.stringify(session)}`)
      const token = (await input.getIdToken()).trim()
      if (token.split('.').length !== 3) throw new Error('OIDC token: the ID token provider returned something that is not a JWT')

      const dir = await mkdtemp(join(input.tokenDir ?? env.RUNNER_TEMP ?? tmpdir(), 'dms-proc-gate-oidc-'))
      const tokenFile = join(dir, 'token')
      await writeFile(tokenFile, token, { mode: 0o600, flag: 'wx' })

      env.ALIBABA_CLOUD_ROLE_ARN = roleArn
      env.ALIBABA_CLOUD_OIDC_PROVIDER_ARN = providerArn
      env.ALIBABA_CLOUD_OIDC_TOKEN_FILE = tokenFile
      env.ALIBABA_CLOUD_ROLE_SESSION_NAME = session
      if (input.stsRegion) env.ALIBABA_CLOUD_STS_REGION = input.stsRegion

      let builder = OIDCRoleArnCredentialsProvider.builder()
        .withRoleArn(roleArn)
        .withOIDCProviderArn(providerArn)
        .withOIDCTokenFilePath(tokenFile)
        .withRoleSessionName(session)
      if (input.stsRegion) builder = builder.withStsRegionId(input.stsRegion)
      return {
        credentials: new Credential(null, builder.build()),
        secrets: [token],
        source: 'oidc',
        tokenFile,
        cleanup: () => rm(dir, { recursive: true, force: true })
      }
    }
  }
}

export function isAccessKeyCredentials(c: AccessKeyCredentials | CredentialProvider): c is AccessKeyCredentials {
  return typeof (c as AccessKeyCredentials).accessKeyId === 'string'
}
