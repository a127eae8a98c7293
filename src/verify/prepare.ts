// A target's inputs → the statements each verification step sends, each with the file:line and object it comes
// from (so a server error can be mapped back), events turned DISABLED, and anything that cannot be kept inside
// the scratch schemas refused up front. Pure: uses the planner's own parsing (src/sql), never a second parser.
import { indexObjects } from '../sql/diff.js'
import { fullDef, newParseCache, parseFile, type ParsedFile } from '../sql/file.js'
import { classify, objectKey, type QualifiedName } from '../sql/objects.js'
import { DEFAULT_ROLLBACK_PATTERN, rollbackPathFor, routineFileFilter } from '../sql/plan.js'
import { dropSql, execStatements, type Change } from '../sql/render.js'
import type { SourceTree } from '../sql/types.js'
import { disableAlterEvent, disableEvent, type EventIntent } from './events.js'
import { RefusedInput } from './refused.js'
import { parseSchemaFile } from './schema-file.js'
import { statementsWithLines } from './split.js'
import type { ObjectRef, SourceAt, VerifyTarget } from './types.js'

/** What a sent statement does to routine objects (the event ledger follows it). */
export type Effect =
  | { kind: 'create'; object: ObjectRef; ifNotExists: boolean; event?: EventIntent }
  /** ALTER EVENT without a schedule: replaces the event's definition in place; its schedule intent stays */
  | { kind: 'alter'; object: ObjectRef; status: string }
  | { kind: 'drop'; objects: ObjectRef[] }
  | { kind: 'other' }

export interface Sent {
  /** As sent, except that schema qualifiers are rewritten per scratch set (rewrite.ts) just before sending. */
  text: string
  at?: SourceAt
  /** `CREATE PROCEDURE shop.p`, `DROP TRIGGER t`, `SET`, `CREATE TABLE orders`: for messages. */
  what: string
  effect: Effect
  /** Written by a reviewer (a rollback file), not generated from a definition. */
  reviewer?: boolean
}

export interface PreparedTarget {
  target: VerifyTarget
  schema: Sent[]
  base: Sent[]
  head: Sent[]
  exec: Sent[]
  rollback: Sent[]
  changed: ObjectRef[]
  /** Every schema name this target's SQL qualifies an object or a schema-file table with. */
  qualifiers: Set<string>
}

export const refOf = (type: ObjectRef['type'], n: QualifiedName): ObjectRef =>
  (n.schema !== undefined ? { type, schema: n.schema, name: n.name } : { type, name: n.name })

export const describeRef = (o: ObjectRef): string => `${o.type} ${o.schema !== undefined ? `${o.schema}.` : ''}${o.name}`

const classifyText = (text: string) => classify({ text, delimiter: '$$', line: 1, start: 0, end: text.length }, 1)

/** Turns one routine statement into what verification sends; `at` is where it is written, if known. */
function routineStatement(text: string, at: SourceAt | undefined, where: string): Sent {
  const altered = disableAlterEvent(text)
  if (altered !== undefined) {
    const object = refOf('EVENT', altered.name)
    return { text: altered.text, at, what: `ALTER ${describeRef(object)}`, effect: { kind: 'alter', object, status: altered.status } }
  }
  const c = classifyText(text)
  switch (c.kind) {
    case 'create': {
      const object = refOf(c.def.type, c.def)
      const what = `CREATE ${describeRef(object)}`
      if (c.def.type !== 'EVENT') return { text, at, what, effect: { kind: 'create', object, ifNotExists: c.def.ifNotExists } }
      const disabled = disableEvent(text)
      if (!disabled) throw new RefusedInput(`${where}: ${what}: its ON SCHEDULE … DO shape was not recognized, so it cannot be created disabled`, at, object)
      return { text: disabled.text, at, what, effect: { kind: 'create', object, ifNotExists: c.def.ifNotExists, event: disabled.intent } }
    }
    case 'drop': {
      const objects = c.names.map((n) => refOf(c.type, n))
      return { text, at, what: `DROP ${objects.map(describeRef).join(', ')}`, effect: { kind: 'drop', objects } }
    }
    case 'session':
      return { text, at, what: 'SET', effect: { kind: 'other' } }
    case 'empty':
      return { text, at, what: 'empty statement', effect: { kind: 'other' } }
    case 'forbidden':
    case 'invalid': {
      const lead = text.trim().split(/\s+/).slice(0, 2).join(' ')
      throw new RefusedInput(`${where}: '${lead} …' cannot be verified: verification runs only CREATE/DROP of routines, ` +
        'triggers, events and views and session SET (other statements could write outside its scratch schemas)', at)
    }
  }
}

/** A tree's routine files, parsed once (the planner's parser and cache). */
function parseTree(tree: SourceTree, isRoutineFile: (p: string) => boolean): ParsedFile[] {
  const cache = newParseCache()
  return [...tree.keys()].filter(isRoutineFile).sort().map((p) => parseFile(p, tree.get(p)!, cache))
}

/** Where each definition's runnable text is written (first occurrence wins, as in the plan). */
function sourceIndex(files: readonly ParsedFile[]): Map<string, SourceAt> {
  const out = new Map<string, SourceAt>()
  for (const d of files.flatMap((f) => f.defs)) {
    const sql = fullDef(d).sql
    if (!out.has(sql)) out.set(sql, { file: d.file, line: d.line })
  }
  return out
}

/** Every definition of a tree, in the order the planner creates objects (functions … events, views by dependency). */
function definitions(files: readonly ParsedFile[], index: ReadonlyMap<string, SourceAt>, where: string): Sent[] {
  const defs = [...indexObjects(files).byKey.values()]
  const changes: Change[] = defs.map((d) => ({ type: d.type, key: d.key, change: 'added', head: fullDef(d) }))
  const drops = new Set(changes.map((c) => dropSql(c.head!)))
  return execStatements(changes).filter((s) => !drops.has(s)).map((s) => routineStatement(s, index.get(s), where))
}

/** Where each statement of a reviewer's rollback file is written (keyed by the text the plan ships). */
function rollbackFileIndex(t: VerifyTarget): Map<string, SourceAt> {
  const pattern = t.planOptions?.rollbackPattern ?? DEFAULT_ROLLBACK_PATTERN
  const index = new Map<string, SourceAt>()
  for (const file of new Set(t.plan.objects.map((o) => rollbackPathFor(o.file, pattern)))) {
    const text = t.head.get(file)
    if (text === undefined) continue
    for (const s of statementsWithLines(text).statements) if (!index.has(s.text)) index.set(s.text, { file, line: s.line })
  }
  return index
}

export function prepareTarget(t: VerifyTarget): PreparedTarget {
  if (t.plan.errors.length > 0) {
    const e = t.plan.errors[0]!
    throw new RefusedInput(`the plan of target '${t.name}' has ${t.plan.errors.length} error(s); fix them first (${e.file}:${e.line}: ${e.message})`,
      { file: e.file, line: e.line })
  }
  const isRoutineFile = routineFileFilter([...t.base.keys(), ...t.head.keys()], t.planOptions)
  const byKey = new Map(t.plan.objects.map((o) => [objectKey(o.type, o), o]))
  const planned = (o: ObjectRef): SourceAt | undefined => {
    const p = byKey.get(objectKey(o.type, o))
    return p ? { file: p.file, line: p.line } : undefined
  }
  const located = (s: Sent, index: ReadonlyMap<string, SourceAt>): Sent => {
    if (s.at) return s
    const at = index.get(s.text) ?? (s.effect.kind === 'create' || s.effect.kind === 'alter' ? planned(s.effect.object)
      : s.effect.kind === 'drop' ? planned(s.effect.objects[0]!) : undefined)
    return at ? { ...s, at } : s
  }

  const schemaFile = t.schemaSql ? parseSchemaFile(t.schemaSql.file, t.schemaSql.text) : []
  const schema: Sent[] = schemaFile.map((s) => ({ text: s.text, at: s.at, what: firstWords(s.text), effect: { kind: 'other' } }))

  const baseFiles = parseTree(t.base, isRoutineFile)
  const headFiles = parseTree(t.head, isRoutineFile)
  const baseIndex = sourceIndex(baseFiles)
  const headIndex = sourceIndex(headFiles)
  const base = definitions(baseFiles, baseIndex, 'base')
  const head = definitions(headFiles, headIndex, 'head')
  const exec = statementsWithLines(t.plan.execSql).statements
    .map((s) => located(routineStatement(s.text, undefined, 'execSql'), headIndex))
  const rollbackFiles = rollbackFileIndex(t)
  const rollback = statementsWithLines(t.plan.rollbackSql).statements.map((s) => {
    const at = rollbackFiles.get(s.text)
    const sent = located(routineStatement(s.text, at, at ? `rollback file ${at.file}` : 'rollbackSql'), baseIndex)
    return at ? { ...sent, reviewer: true } : sent
  })

  const qualifiers = new Set<string>()
  for (const s of [...base, ...head, ...exec, ...rollback]) {
    const objects = s.effect.kind === 'create' || s.effect.kind === 'alter' ? [s.effect.object] : s.effect.kind === 'drop' ? s.effect.objects : []
    for (const o of objects) if (o.schema !== undefined) qualifiers.add(o.schema)
  }
  for (const n of schemaFile.flatMap((s) => s.tables)) if (n.schema !== undefined) qualifiers.add(n.schema)
  return { target: t, schema, base, head, exec, rollback, changed: t.plan.objects.map((o) => refOf(o.type, o)), qualifiers }
}

function firstWords(text: string): string {
  return text.replace(/\s+/g, ' ').split(' ').slice(0, 3).join(' ')
}
