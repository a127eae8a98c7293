// Turn a user's database reference into a DMS DbId. A number is taken as the DbId itself; a name is looked
// up with SearchDatabase (a keyword search) and matched on SchemaName, then narrowed by host/port/env.
//
// Case: MySQL schema names are case-sensitive on Linux with lower_case_table_names=0, but Alibaba RDS
// MySQL defaults to lower_case_table_names=1. So an exact match wins; only when there is none do we
// accept a case-insensitive match, and only if it is unique after the filters.
import type { DatabaseRef, SearchDatabaseInput, DatabaseList } from './types.js'

export interface DatabaseSelector {
  /** Either dbId, or schemaName (+ optional filters). */
  dbId?: number
  schemaName?: string
  host?: string
  port?: number
  envType?: string
  /** Logic (sharded) database; only used for a DbId given directly. */
  logic?: boolean
}

export interface ResolvedDatabase {
  dbId: number
  logic: boolean
  /** The SearchDatabase entry, or null when the DbId was given directly. */
  ref: DatabaseRef | null
}

export interface DatabaseSearcher {
  searchDatabase(input: SearchDatabaseInput): Promise<DatabaseList>
}

/** Parse `123`, `shop`, `shop@host`, `shop@host:3306` (optionally the input name for errors). */
export function parseDatabaseSpec(spec: string | number, inputName = 'database'): DatabaseSelector {
  if (typeof spec === 'number') {
    if (!Number.isSafeInteger(spec) || spec <= 0) throw new Error(`${inputName}: a DbId must be a positive integer, got ${spec}`)
    return { dbId: spec }
  }
  const s = spec.trim()
  if (s === '') throw new Error(`${inputName}: empty`)
  if (/^\d+$/.test(s)) return parseDatabaseSpec(Number(s), inputName)
  const m = /^([^@\s]+)(?:@([^:\s]+)(?::(\d{1,5}))?)?$/.exec(s)
  if (!m) throw new Error(`${inputName}: expected a DbId, a schema name, or schema@host[:port], got ${JSON.stringify(spec)}`)
  return { schemaName: m[1], host: m[2], port: m[3] === undefined ? undefined : Number(m[3]) }
}

export function describeDatabase(d: DatabaseRef): string {
  return `${d.schemaName}@${d.host}:${d.port ?? '?'} (${d.envType || 'no env'}, DbId ${d.dbId})`
}

function matchesFilters(d: DatabaseRef, sel: DatabaseSelector): boolean {
  if (sel.host !== undefined && d.host.toLowerCase() !== sel.host.toLowerCase()) return false
  if (sel.port !== undefined && d.port !== sel.port) return false
  if (sel.envType !== undefined && d.envType.toLowerCase() !== sel.envType.toLowerCase()) return false
  return true
}

function selectorText(sel: DatabaseSelector): string {
  const parts = [`schema "${sel.schemaName}"`]
  if (sel.host !== undefined) parts.push(`host ${sel.host}`)
  if (sel.port !== undefined) parts.push(`port ${sel.port}`)
  if (sel.envType !== undefined) parts.push(`env ${sel.envType}`)
  return parts.join(', ')
}

/** Pure choice among SearchDatabase results; throws with the candidates listed. */
export function pickDatabase(candidates: readonly DatabaseRef[], sel: DatabaseSelector, inputName = 'database'): DatabaseRef {
  const name = sel.schemaName ?? ''
  const filtered = candidates.filter((d) => matchesFilters(d, sel))
  const exact = filtered.filter((d) => d.schemaName === name)
  const pool = exact.length > 0 ? exact : filtered.filter((d) => d.schemaName.toLowerCase() === name.toLowerCase())
  if (pool.length === 1) return pool[0]
  const list = (ds: readonly DatabaseRef[]) => ds.map(describeDatabase).join('; ')
  if (pool.length > 1) {
    throw new Error(`${inputName}: ${pool.length} DMS databases match ${selectorText(sel)}: ${list(pool)}. ` +
      'Add host, port or env (schema@host:port, or the DbId) to choose one.')
  }
  const sameName = candidates.filter((d) => d.schemaName.toLowerCase() === name.toLowerCase())
  const shown = sameName.length > 0 ? sameName : candidates
  throw new Error(`${inputName}: no DMS database matches ${selectorText(sel)}` +
    (shown.length > 0 ? `; SearchDatabase found: ${list(shown.slice(0, 20))}${shown.length > 20 ? ` and ${shown.length - 20} more` : ''}` : '; SearchDatabase found nothing (check the name and that your DMS user can see it)'))
}

export async function resolveDatabase(
  dms: DatabaseSearcher,
  sel: DatabaseSelector,
  opts: { inputName?: string; pageSize?: number; maxPages?: number } = {}
): Promise<ResolvedDatabase> {
  const inputName = opts.inputName ?? 'database'
  if (sel.dbId !== undefined) {
    if (!Number.isSafeInteger(sel.dbId) || sel.dbId <= 0) throw new Error(`${inputName}: a DbId must be a positive integer, got ${sel.dbId}`)
    return { dbId: sel.dbId, logic: sel.logic === true, ref: null }
  }
  if (!sel.schemaName) throw new Error(`${inputName}: give a DbId or a schema name`)
  const pageSize = opts.pageSize ?? 100
  const maxPages = opts.maxPages ?? 10
  const all: DatabaseRef[] = []
  for (let page = 1; page <= maxPages; page++) {
    const res = await dms.searchDatabase({ searchKey: sel.schemaName, envType: sel.envType, pageNumber: page, pageSize })
    all.push(...res.databases)
    if (res.databases.length < pageSize || all.length >= res.totalCount) break
  }
  const ref = pickDatabase(all, sel, inputName)
  return { dbId: ref.dbId, logic: ref.logic, ref }
}
