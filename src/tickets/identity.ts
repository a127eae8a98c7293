// Pure: how a ticket is tied to a PR and a plan. The fingerprint goes in the ticket's Comment and is found again
// with ListOrders (SearchContent), so a rerun reuses the ticket and a changed plan supersedes it.
import { createHash } from 'node:crypto'

export const FINGERPRINT_PREFIX = 'dms-proc-gate:'

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

/** Short hash of what a ticket deploys: the SQL both ways and the databases it runs on. */
export function planHashOf(execSql: string, rollbackSql: string, dbIds: readonly number[]): string {
  return sha256([execSql, rollbackSql, [...dbIds].sort((a, b) => a - b).join(',')].join('\u0000')).slice(0, 16)
}

/** Hash over several targets' plan hashes (the PR-level plan hash in the comment marker). */
export function combinedHashOf(hashes: readonly string[]): string {
  return hashes.length === 1 ? hashes[0]! : sha256([...hashes].sort().join(',')).slice(0, 16)
}

/** `owner/repo`, shortened to a hash when it would push the fingerprint past DMS-safe length (100 chars). */
function repoKey(repo: string): string {
  return repo.length <= 60 ? repo : `r-${sha256(repo.toLowerCase()).slice(0, 16)}`
}

/** Every ticket of this PR carries this prefix (the trailing ':' keeps #1 from matching #12). */
export function pullPrefixOf(repo: string, pullNumber: number): string {
  return `${FINGERPRINT_PREFIX}${repoKey(repo)}#${pullNumber}:`
}

export function fingerprintOf(repo: string, pullNumber: number, planHash: string): string {
  return `${pullPrefixOf(repo, pullNumber)}${planHash}`
}

/** The plan hash in a ticket comment that carries this PR's prefix, or undefined. */
export function planHashInComment(comment: string, prefix: string): string | undefined {
  const at = comment.indexOf(prefix)
  if (at < 0) return undefined
  const m = /^[0-9a-f]{6,64}/.exec(comment.slice(at + prefix.length))
  return m ? m[0] : undefined
}
