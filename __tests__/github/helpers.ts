// Shared setup: a fake GitHub on 127.0.0.1 and our real Octokit pointed at it (no pacing, millisecond retries).
import { createGitHubClient, type GitHubApi } from '../../src/github/octokit.js'
import { DEFAULT_TOKEN, startFakeGitHub, type FakeGitHub } from '../../src/testing/fake-github.js'

export const REPO = { owner: 'acme', repo: 'shop' }
export const FULL = 'acme/shop'
export const sha = (n: number | string): string => String(n).padStart(40, '0').slice(-40)

export async function setup(token = DEFAULT_TOKEN): Promise<{ gh: FakeGitHub; api: GitHubApi }> {
  const gh = await startFakeGitHub({ repos: [{ owner: 'acme', name: 'shop' }] })
  const api = createGitHubClient({ token, baseUrl: gh.url, pacing: false, retryUnitMs: 1, timeoutMs: 5000 })
  return { gh, api }
}
