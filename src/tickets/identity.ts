// Pure: how a DMS ticket names the plan it carries. The identity is a bracketed header at the very start of the
// ticket's Comment; everything after it (the PR title, the head sha) is free text for people and is never parsed.
// Matching is exact on the parsed fields, never a substring search, so no title or body can pose as an identity.
// The identity is only a hint: a ticket is trusted when it is the gate's own (ListOrders AS_COMMITTER) and its SQL
// and databases, read back from DMS, equal the plan (content.ts). See docs/security.md.
import { createHash } from 'node:crypto'
import type { DbItem } from '../dms/types.js'

export const IDENTITY_TAG = 'dms-proc-gate/v2'

export interface TicketIdentity {
  /** owner/name, lower case (GitHub names are case-insensitive) */
  repo: string
  pull: number
  target: string
  /** sha256 (hex) of the SQL both ways and the databases: see planHashOf */
  planHash: string
}

const REPO = '[a-z0-9._-]{1,100}/[a-z0-9._-]{1,100}'
const TARGET = '[A-Za-z0-9._-]{1,64}'
const HEADER = new RegExp(`^\\[${IDENTITY_TAG.replace(/[./]/g, m => `\\${m}`)} repo=(${REPO}) pr=([1-9][0-9]{0,9}) target=(${TARGET}) plan=([0-9a-f]{64})\\]`)

export function isTargetName(name: string): boolean {
  return new RegExp(`^${TARGET}$`).test(name)
}

/** The comment header for an identity: `[dms-proc-gate/v2 repo=o/r pr=7 target=shop plan=<64 hex>]`. */
export function identityHeader(id: TicketIdentity): string {
  const repo = id.repo.toLowerCase()
  if (!new RegExp(`^${REPO}$`).test(repo)) throw new TypeError(`repository name ${JSON.stringify(id.repo)} cannot be written into a ticket identity`)
  if (!Number.isSafeInteger(id.pull) || id.pull <= 0) throw new TypeError(`PR number ${id.pull} is not a positive integer`)
  if (!isTargetName(id.target)) throw new TypeError(`target name ${JSON.stringify(id.target)} must match ${TARGET}`)
  if (!/^[0-9a-f]{64}$/.test(id.planHash)) throw new TypeError('planHash must be 64 hex characters')
  return `[${IDENTITY_TAG} repo=${repo} pr=${id.pull} target=${id.target} plan=${id.planHash}]`
}

/** The identity at the start of a ticket comment, or null (free text, another tool's ticket, an older format). */
export function parseIdentity(comment: string): TicketIdentity | null {
  const m = HEADER.exec(comment)
  if (m === null) return null
  return { repo: m[1]!, pull: Number(m[2]), target: m[3]!, planHash: m[4]! }
}

export function sameIdentity(a: TicketIdentity, b: TicketIdentity): boolean {
  return a.repo === b.repo.toLowerCase() && a.pull === b.pull && a.target === b.target && a.planHash === b.planHash
}

/** Same repository, target and plan, whichever PR opened it (a merge group may hold another PR's change). */
export function samePlan(a: TicketIdentity, b: TicketIdentity): boolean {
  return a.repo === b.repo.toLowerCase() && a.target === b.target && a.planHash === b.planHash
}

export function ofPull(id: TicketIdentity, repo: string, pull: number): boolean {
  return id.repo === repo.toLowerCase() && id.pull === pull
}

/**
 * What a ticket deploys, hashed: the exec SQL, the rollback SQL and the databases (DbId + Logic). The SQL is
 * hashed in the normal form the read-back comparison uses (content.ts), so the hash and the check agree.
 */
export function planHashOf(execSql: string, rollbackSql: string, dbItems: readonly DbItem[]): string {
  const dbs = [...dbItems].map(d => `${d.dbId}:${d.logic ? 'L' : 'P'}`).sort()
  return createHash('sha256').update(JSON.stringify([normalSql(execSql), normalSql(rollbackSql), dbs])).digest('hex')
}

/**
 * SQL as compared with DMS's copy: line endings unified and the whole text trimmed. Nothing else is normalised —
 * a changed character anywhere inside is a different plan. (DMS may store the text with \r\n or a trailing newline
 * dropped; the docs do not say. Anything more lenient could accept SQL a DBA never saw.)
 */
export function normalSql(sql: string): string {
  return sql.replace(/\r\n?/g, '\n').trim()
}

/** Short form for titles and logs. */
export function shortHash(planHash: string): string {
  return planHash.slice(0, 12)
}
