// The verify schema file (config `verify.schema`, `--verify-schema`): the tables the routines need, loaded into
// the scratch schema. Only statements that build tables are run, and each one's table is known, so a
// qualified table lands in a scratch schema too and nothing outside the scratch schemas is written. Pure.
import { tokenize, type Token } from '../sql/lexer.js'
import { classify, readQualifiedName, type QualifiedName } from '../sql/objects.js'
import { statementsWithLines } from './split.js'
import { RefusedInput } from './refused.js'
import type { SourceAt } from './types.js'

export interface SchemaStatement {
  text: string
  at: SourceAt
  /** The tables (or views, sequences) the statement creates or writes. */
  tables: QualifiedName[]
}

const SKIP = new Set<Token['kind']>(['ws', 'comment', 'exec-open', 'exec-close'])
const isWord = (t: Token | undefined, ...values: string[]): boolean => t !== undefined && t.kind === 'word' && values.includes(t.value)
const isOp = (t: Token | undefined, text: string): boolean => t !== undefined && t.kind === 'op' && t.text === text

const KINDS = 'CREATE TABLE, ALTER TABLE, CREATE INDEX, CREATE VIEW, CREATE SEQUENCE, DROP TABLE, INSERT, REPLACE, LOCK/UNLOCK TABLES, session SET'

export function parseSchemaFile(file: string, text: string): SchemaStatement[] {
  const { statements, problems } = statementsWithLines(text)
  if (problems.length > 0) throw new RefusedInput(`schema file: ${problems[0]!.message}`, { file, line: problems[0]!.line })
  return statements.map((s) => {
    const at = { file, line: s.line }
    const tables = tablesOf(s.text, at)
    return { text: s.text, at, tables }
  })
}

function refuse(at: SourceAt, what: string, why: string): never {
  throw new RefusedInput(`schema file: ${what} ${why}`, at)
}

/** The tables a schema-file statement creates or writes; refuses every other kind of statement. */
function tablesOf(text: string, at: SourceAt): QualifiedName[] {
  const sig = tokenize(text).filter((t) => !SKIP.has(t.kind))
  const kw = (i: number): string => (sig[i]?.kind === 'word' ? sig[i]!.value : sig[i]?.text ?? '')
  const name = (i: number, what: string): { name: QualifiedName; next: number } => {
    const r = readQualifiedName(sig, i)
    if (!r.name) refuse(at, what, `: expected a table name, found '${sig[i]?.text ?? 'end of statement'}'`)
    return { name: r.name, next: r.next }
  }
  const unsupported = (what: string): never =>
    refuse(at, `${what} statements`, `are not run in verification: the schema file holds the tables the routines need (${KINDS})`)
  let i = 1
  const optional = (...words: string[]): boolean => {
    if (!isWord(sig[i], ...words)) return false
    i++
    return true
  }
  switch (kw(0)) {
    case 'SET': {
      const c = classify({ text, delimiter: ';', line: 1, start: 0, end: text.length }, 1)
      if (c.kind !== 'session') refuse(at, 'SET', 'changes server state: only session settings may be set')
      return []
    }
    case 'USE':
      return refuse(at, 'USE', 'would leave the scratch schema: remove it (qualify a table with a schema name to place it there)')
    case 'CREATE': {
      if (isWord(sig[1], 'OR') && isWord(sig[2], 'REPLACE')) i = 3
      optional('TEMPORARY')
      if (optional('TABLE')) {
        if (isWord(sig[i], 'IF') && isWord(sig[i + 1], 'NOT') && isWord(sig[i + 2], 'EXISTS')) i += 3
        return [name(i, 'CREATE TABLE').name]
      }
      if (optional('UNIQUE', 'FULLTEXT', 'SPATIAL') || isWord(sig[i], 'INDEX')) {
        const on = sig.findIndex((t, k) => k > i && isWord(t, 'ON'))
        if (!isWord(sig[i], 'INDEX') || on === -1) return unsupported(`CREATE ${kw(i)}`)
        return [name(on + 1, 'CREATE INDEX').name]
      }
      if (optional('SEQUENCE')) {
        if (isWord(sig[i], 'IF') && isWord(sig[i + 1], 'NOT') && isWord(sig[i + 2], 'EXISTS')) i += 3
        return [name(i, 'CREATE SEQUENCE').name]
      }
      const c = classify({ text, delimiter: ';', line: 1, start: 0, end: text.length }, 1)
      if (c.kind === 'create' && c.def.type === 'VIEW') return [{ ...(c.def.schema !== undefined ? { schema: c.def.schema } : {}), name: c.def.name }]
      if (c.kind === 'create') {
        return refuse(at, `CREATE ${c.def.type}`, 'belongs in a routine file (the schema file holds tables: routines there could run during the load)')
      }
      if (isWord(sig[i], 'DATABASE', 'SCHEMA')) return refuse(at, `CREATE ${kw(i)}`, 'is not allowed: verification creates its own scratch schemas')
      return unsupported(`CREATE ${kw(i)}`)
    }
    case 'ALTER': {
      optional('ONLINE')
      optional('IGNORE')
      if (!optional('TABLE')) return unsupported(`ALTER ${kw(i)}`)
      return [name(i, 'ALTER TABLE').name]
    }
    case 'DROP': {
      optional('TEMPORARY')
      if (isWord(sig[i], 'TABLE', 'VIEW', 'SEQUENCE')) {
        const what = `DROP ${kw(i)}`
        i++
        if (isWord(sig[i], 'IF') && isWord(sig[i + 1], 'EXISTS')) i += 2
        const names: QualifiedName[] = []
        for (;;) {
          const r = name(i, what)
          names.push(r.name)
          i = r.next
          if (!isOp(sig[i], ',')) break
          i++
        }
        return names
      }
      if (isWord(sig[i], 'INDEX')) {
        const on = sig.findIndex((t, k) => k > i && isWord(t, 'ON'))
        if (on === -1) return unsupported('DROP INDEX')
        return [name(on + 1, 'DROP INDEX').name]
      }
      if (isWord(sig[i], 'DATABASE', 'SCHEMA')) return refuse(at, `DROP ${kw(i)}`, 'is not allowed: verification drops only its own scratch schemas')
      return unsupported(`DROP ${kw(i)}`)
    }
    case 'INSERT':
    case 'REPLACE': {
      const what = kw(0)
      optional('LOW_PRIORITY', 'DELAYED', 'HIGH_PRIORITY')
      optional('IGNORE')
      optional('INTO')
      return [name(i, what).name]
    }
    case 'LOCK': {
      if (!optional('TABLES', 'TABLE')) return unsupported(`LOCK ${kw(i)}`)
      const names: QualifiedName[] = []
      for (;;) {
        const r = name(i, 'LOCK TABLES')
        names.push(r.name)
        let depth = 0
        let k = r.next
        for (; k < sig.length; k++) {
          if (isOp(sig[k], '(')) depth++
          else if (isOp(sig[k], ')')) depth--
          else if (depth === 0 && isOp(sig[k], ',')) break
        }
        if (k >= sig.length) return names
        i = k + 1
      }
    }
    case 'UNLOCK':
      if (isWord(sig[1], 'TABLES', 'TABLE') && sig.length === 2) return []
      return unsupported('UNLOCK')
    case 'TRUNCATE':
      optional('TABLE')
      return [name(i, 'TRUNCATE').name]
    default:
      return unsupported(kw(0) || 'empty')
  }
}
