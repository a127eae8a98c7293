// Bridge from the config's database spec to the DMS resolver's selector (src/dms/resolve-database.ts).
import type { DatabaseSelector } from '../dms/resolve-database.js'
import type { DatabaseSpec } from './types.js'

export function databaseSelector(spec: DatabaseSpec): DatabaseSelector {
  if (spec.kind === 'db-id') return { dbId: spec.dbId, logic: spec.logic === true }
  return {
    schemaName: spec.schema,
    ...(spec.host !== undefined ? { host: spec.host } : {}),
    ...(spec.port !== undefined ? { port: spec.port } : {}),
    ...(spec.env !== undefined ? { envType: spec.env } : {})
  }
}

/** `db-id 12` / `schema billing (host h, port 3306, env product)` for messages. */
export function describeDatabaseSpec(db: DatabaseSpec): string {
  if (db.kind === 'db-id') return `db-id ${db.dbId}${db.logic ? ' (logical)' : ''}`
  const where = [db.host !== undefined ? `host ${db.host}` : '', db.port !== undefined ? `port ${db.port}` : '', db.env ? `env ${db.env}` : '']
    .filter(Boolean)
    .join(', ')
  return `schema ${db.schema}${where ? ` (${where})` : ''}`
}
