// Reads the routine objects of a scratch set from information_schema (the columns __tests__/sql/roundtrip.test.ts
// proved on MariaDB): ROUTINES + PARAMETERS, TRIGGERS, EVENTS, VIEWS. Left out: DEFINER (DMS sets its own),
// creation/alteration times, and the event fields computed from the clock at creation (STARTS, ENDS,
// EXECUTE_AT, and STATUS, which verification forces to DISABLED): those are replaced by the event's intent
// as written (events.ts). Server text is kept byte for byte; only scratch schema names are neutralized.
import type { ObjectType } from '../sql/types.js'
import type { EventIntent } from './events.js'
import type { ScratchLayout } from './scratch.js'
import type { Session } from './session.js'
import { stateKey, type ObjectState, type State } from './state.js'
import type { ServerInfo } from './types.js'
import { quoteIdent } from '../sql/ident.js'

type Cell = string | number | null | Buffer
type Row = Cell[]

interface Source {
  type: ObjectType | 'PARAMETERS'
  table: string
  schemaColumn: string
  /** Identity columns (after the schema): the name, and for routines/parameters the routine type. */
  nameColumn: string
  fields: string[]
  order: string
}

const ROUTINES: Source = { type: 'PROCEDURE', table: 'ROUTINES', schemaColumn: 'ROUTINE_SCHEMA', nameColumn: 'ROUTINE_NAME',
  fields: ['ROUTINE_TYPE', 'ROUTINE_NAME', 'DATA_TYPE', 'DTD_IDENTIFIER', 'ROUTINE_BODY', 'ROUTINE_DEFINITION', 'IS_DETERMINISTIC',
    'SQL_DATA_ACCESS', 'SECURITY_TYPE', 'ROUTINE_COMMENT', 'SQL_MODE', 'CHARACTER_SET_CLIENT', 'COLLATION_CONNECTION'],
  order: 'ROUTINE_SCHEMA, ROUTINE_TYPE, ROUTINE_NAME' }
const PARAMETERS: Source = { type: 'PARAMETERS', table: 'PARAMETERS', schemaColumn: 'SPECIFIC_SCHEMA', nameColumn: 'SPECIFIC_NAME',
  fields: ['ROUTINE_TYPE', 'ORDINAL_POSITION', 'PARAMETER_MODE', 'PARAMETER_NAME', 'DTD_IDENTIFIER'],
  order: 'SPECIFIC_SCHEMA, ROUTINE_TYPE, SPECIFIC_NAME, ORDINAL_POSITION' }
const TRIGGERS: Source = { type: 'TRIGGER', table: 'TRIGGERS', schemaColumn: 'TRIGGER_SCHEMA', nameColumn: 'TRIGGER_NAME',
  fields: ['TRIGGER_NAME', 'EVENT_MANIPULATION', 'EVENT_OBJECT_SCHEMA', 'EVENT_OBJECT_TABLE', 'ACTION_ORDER', 'ACTION_STATEMENT',
    'ACTION_ORIENTATION', 'ACTION_TIMING', 'SQL_MODE', 'CHARACTER_SET_CLIENT', 'COLLATION_CONNECTION'],
  order: 'TRIGGER_SCHEMA, TRIGGER_NAME' }
const EVENTS: Source = { type: 'EVENT', table: 'EVENTS', schemaColumn: 'EVENT_SCHEMA', nameColumn: 'EVENT_NAME',
  fields: ['EVENT_NAME', 'EVENT_BODY', 'EVENT_DEFINITION', 'EVENT_TYPE', 'INTERVAL_VALUE', 'INTERVAL_FIELD', 'ON_COMPLETION',
    'EVENT_COMMENT', 'SQL_MODE', 'TIME_ZONE', 'CHARACTER_SET_CLIENT', 'COLLATION_CONNECTION'],
  order: 'EVENT_SCHEMA, EVENT_NAME' }
// ALGORITHM is a VIEWS column on MariaDB only; MySQL shows it in SHOW CREATE VIEW alone (see viewAlgorithms).
const viewsOf = (product: ServerInfo['product']): Source => ({ type: 'VIEW', table: 'VIEWS', schemaColumn: 'TABLE_SCHEMA', nameColumn: 'TABLE_NAME',
  fields: ['TABLE_NAME', 'VIEW_DEFINITION', 'CHECK_OPTION', 'IS_UPDATABLE', 'SECURITY_TYPE', 'CHARACTER_SET_CLIENT',
    'COLLATION_CONNECTION', ...(product === 'MariaDB' ? ['ALGORITHM'] : [])],
  order: 'TABLE_SCHEMA, TABLE_NAME' })

function text(c: Cell | undefined): string | null {
  if (c === null || c === undefined) return null
  return Buffer.isBuffer(c) ? c.toString('utf8') : String(c)
}

async function read(session: Session, s: Source, schemas: readonly string[], ms: number): Promise<Row[]> {
  const sql = `SELECT ${s.schemaColumn}, ${s.nameColumn}, ${s.fields.join(', ')} FROM information_schema.${s.table} ` +
    `WHERE ${s.schemaColumn} IN (?) ORDER BY ${s.order}`
  return session.query<Row[]>(sql, ms, [schemas], true)
}

/** MySQL only: ALGORITHM from SHOW CREATE VIEW, one view at a time. */
async function viewAlgorithms(session: Session, rows: Row[], ms: number): Promise<string[]> {
  const out: string[] = []
  for (const r of rows) {
    const [row] = await session.query<Row[]>(`SHOW CREATE VIEW ${quoteIdent(text(r[0])!)}.${quoteIdent(text(r[1])!)}`, ms, undefined, true)
    out.push(/\bALGORITHM=(\w+)/.exec(text(row?.[1]) ?? '')?.[1] ?? 'UNDEFINED')
  }
  return out
}

export interface SnapshotContext {
  session: Session
  layout: ScratchLayout
  product: ServerInfo['product']
  /** Event intents by state key, kept by the runner as it creates and drops events. */
  events: ReadonlyMap<string, EventIntent>
  /** Time left for the reads. */
  ms: () => number
}

export async function snapshot(ctx: SnapshotContext, schemas: readonly string[]): Promise<State> {
  const { session, layout } = ctx
  const out = new Map<string, ObjectState>()
  const neutral = (c: Cell | undefined): string | null => {
    const t = text(c)
    return t === null ? null : layout.neutralize(t)
  }
  const params = new Map<string, string[]>()
  for (const r of await read(session, PARAMETERS, schemas, ctx.ms())) {
    const key = stateKey(text(r[2]) === 'FUNCTION' ? 'FUNCTION' : 'PROCEDURE', layout.labelOf(text(r[0])!)!, text(r[1])!)
    const list = params.get(key) ?? []
    list.push(r.slice(3).map((c) => neutral(c) ?? '').join(' '))
    params.set(key, list)
  }
  const views = viewsOf(ctx.product)
  for (const source of [ROUTINES, TRIGGERS, EVENTS, views]) {
    const rows = await read(session, source, schemas, ctx.ms())
    const algorithms = source === views && ctx.product === 'MySQL' ? await viewAlgorithms(session, rows, ctx.ms()) : undefined
    rows.forEach((r, i) => {
      const type = source === ROUTINES ? (text(r[2]) as ObjectType) : (source.type as ObjectType)
      const label = layout.labelOf(text(r[0])!)!
      const name = text(r[1])!
      const key = stateKey(type, label, name)
      const fields: [string, string | null][] = source.fields.map((f, k) => [f, neutral(r[k + 2])])
      if (type === 'PROCEDURE' || type === 'FUNCTION') fields.push(['PARAMETERS', (params.get(key) ?? []).join('\n')])
      if (algorithms) fields.push(['ALGORITHM', algorithms[i]!])
      if (type === 'EVENT') {
        const intent = ctx.events.get(key)
        fields.push(['STATUS (as written)', intent?.status ?? null], ['SCHEDULE (as written)', intent?.schedule ?? null])
      }
      out.set(key, { type, label, name, fields })
    })
  }
  return out
}
