// The DMS client of a run, built on first use: credentials (access key, OIDC → RAM role, or the default chain),
// every secret masked before anything can print it. The client and the Alibaba Cloud SDK behind it are loaded with
// import(), so they are a separate chunk of the bundle that runs without a DMS call (fork PRs, PRs with no routine
// change or with plan errors, ignored events) never load (docs/architecture.md, "The bundle").
import * as core from '@actions/core'
import type { DmsClient } from '../dms/client.js'
import type { CredentialsInput, ResolvedCredentials } from '../dms/credentials.js'
import { silenceSdkUrlParseWarning } from '../dms/sdk-warnings.js'
import { endpointUrl, type Inputs } from './inputs.js'

/** Audience of the GitHub OIDC token exchanged with Alibaba Cloud STS. */
export const OIDC_AUDIENCE = 'sts.aliyuncs.com'

function credentialsInputOf(inputs: Inputs): CredentialsInput {
  const c = inputs.credentials
  switch (c.kind) {
    case 'access-key':
      return c.securityToken !== undefined
        ? { kind: 'access-key', accessKeyId: c.accessKeyId, accessKeySecret: c.accessKeySecret, securityToken: c.securityToken }
        : { kind: 'access-key', accessKeyId: c.accessKeyId, accessKeySecret: c.accessKeySecret }
    case 'oidc':
      return {
        kind: 'oidc',
        roleArn: c.roleArn,
        oidcProviderArn: c.oidcProviderArn,
        getIdToken: () => core.getIDToken(OIDC_AUDIENCE),
        ...(inputs.region !== undefined ? { stsRegion: inputs.region } : {})
      }
    case 'default-chain':
      return { kind: 'default-chain' }
  }
}

export interface DmsFactory {
  get: () => Promise<DmsClient>
  cleanup: () => Promise<void>
}

export function dmsFactory(inputs: Inputs): DmsFactory {
  let client: Promise<DmsClient> | undefined
  let resolved: ResolvedCredentials | undefined
  return {
    get() {
      client ??= (async () => {
        silenceSdkUrlParseWarning()
        const [{ createDmsClient }, { resolveCredentials }] = await Promise.all([import('../dms/client.js'), import('../dms/credentials.js')])
        resolved = await resolveCredentials(credentialsInputOf(inputs))
        for (const s of resolved.secrets) if (s !== '') core.setSecret(s)
        core.info(`DMS: ${endpointUrl(inputs.dmsEndpoint)} with ${resolved.source} credentials`)
        return createDmsClient({
          endpoint: endpointUrl(inputs.dmsEndpoint),
          ...(inputs.region !== undefined ? { region: inputs.region } : {}),
          ...(inputs.tid !== undefined ? { tid: inputs.tid } : {}),
          credentials: resolved.credentials,
          logger: line => core.debug(line),
          secrets: resolved.secrets
        })
      })()
      return client
    },
    async cleanup() {
      await resolved?.cleanup()
    }
  }
}
