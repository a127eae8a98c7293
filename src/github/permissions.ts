// Who may trigger `/dms-refresh`: users with write, maintain or admin on the repository, asked through the
// permission API (author_association is unreliable). The API reports maintain as write and triage as read.
import { httpStatusOf, type GitHubClient, type RepoRef } from './octokit.js'

export type LegacyPermission = 'admin' | 'write' | 'read' | 'none'

export type RefreshPermission =
  | { allowed: true; login: string; permission: 'admin' | 'write'; roleName: string }
  | { allowed: false; login: string; permission: LegacyPermission; roleName: string; reason: string }

function legacy(p: unknown): LegacyPermission {
  return p === 'admin' || p === 'write' || p === 'read' ? p : 'none'
}

/** Pure decision, for the API answer (or a 404 = not a collaborator). */
export function decideRefresh(login: string, permission: LegacyPermission, roleName: string): RefreshPermission {
  if (permission === 'admin' || permission === 'write') return { allowed: true, login, permission, roleName }
  return {
    allowed: false,
    login,
    permission,
    roleName,
    reason: `@${login} has ${roleName || permission} access; /dms-refresh needs write, maintain or admin`
  }
}

export async function canTriggerRefresh(octokit: GitHubClient, repo: RepoRef, login: string): Promise<RefreshPermission> {
  try {
    const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: login })
    const roleName = (data as { role_name?: string }).role_name ?? data.permission
    return decideRefresh(login, legacy(data.permission), roleName)
  } catch (e) {
    if (httpStatusOf(e) === 404) return decideRefresh(login, 'none', 'none')
    throw e
  }
}
