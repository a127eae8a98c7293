// execSql / rollbackSql: ordered statements in the DELIMITER form the mariadb client and DMS both accept.
import { alterEventSql, keepsAnchor } from './events.js'
import { qualifiedName } from './ident.js'
import { tokenize } from './lexer.js'
import type { RoutineDef } from './objects.js'
import type { ChangeKind, ObjectType } from './types.js'

export interface Change {
  type: ObjectType
  key: string
  change: ChangeKind
  base?: RoutineDef
  head?: RoutineDef
}

export function dropSql(def: Pick<RoutineDef, 'type' | 'schema' | 'name'>): string {
  const name = qualifiedName(def)
  return `DROP ${def.type} IF EXISTS ${name}`
}

// Drops go dependents-first, creates dependencies-first: views read functions (checked at CREATE VIEW),
// triggers and events call procedures and functions.
const DROP_ORDER: readonly ObjectType[] = ['VIEW', 'TRIGGER', 'EVENT', 'PROCEDURE', 'FUNCTION']
const CREATE_ORDER: readonly ObjectType[] = ['FUNCTION', 'PROCEDURE', 'VIEW', 'TRIGGER', 'EVENT']

function byType(defs: RoutineDef[], order: readonly ObjectType[]): RoutineDef[] {
  return order.flatMap((type) => {
    const ofType = defs.filter((d) => d.type === type)
    return type === 'VIEW' ? viewsInDependencyOrder(ofType) : ofType
  })
}

/** Stable topological order: a view comes after the views (in the same set) whose names it mentions. */
function viewsInDependencyOrder(views: RoutineDef[]): RoutineDef[] {
  const out: RoutineDef[] = []
  const state = new Map<RoutineDef, 'visiting' | 'done'>()
  const visit = (v: RoutineDef): void => {
    if (state.get(v)) return // done, or a cycle (the server will report it)
    state.set(v, 'visiting')
    for (const w of views) if (w !== v && v.references.has(w.name.toLowerCase())) visit(w)
    state.set(v, 'done')
    out.push(v)
  }
  views.forEach(visit)
  return out
}

function recreate(defs: RoutineDef[]): string[] {
  return byType(defs, CREATE_ORDER).flatMap((d) => [dropSql(d), d.sql])
}

/** Modified events whose schedule (anchored at creation) did not change: altered in place both ways (events.ts). */
function anchoredEvents(changes: readonly Change[]): Map<Change, NonNullable<ReturnType<typeof keepsAnchor>>> {
  const out = new Map<Change, NonNullable<ReturnType<typeof keepsAnchor>>>()
  for (const c of changes) {
    if (c.type !== 'EVENT' || c.change !== 'modified') continue
    const k = keepsAnchor(c.base!, c.head!)
    if (k) out.set(c, k)
  }
  return out
}

/** Deploy: drop what was removed, then (re)create what was added or modified. */
export function execStatements(changes: readonly Change[]): string[] {
  const altered = anchoredEvents(changes)
  const removed = changes.filter((c) => c.change === 'removed').map((c) => c.base!)
  const created = changes.filter((c) => c.change !== 'removed' && !altered.has(c)).map((c) => c.head!)
  return [...byType(removed, DROP_ORDER).map(dropSql), ...recreate(created), ...[...altered].map(([c, k]) => alterEventSql(c.head!, k.head))]
}

/** Undo: drop what was added, then restore the base definition of what was modified or removed. */
export function rollbackStatements(changes: readonly Change[]): string[] {
  const altered = anchoredEvents(changes)
  const added = changes.filter((c) => c.change === 'added').map((c) => c.head!)
  const restored = changes.filter((c) => c.change !== 'added' && !altered.has(c)).map((c) => c.base!)
  return [...byType(added, DROP_ORDER).map(dropSql), ...recreate(restored), ...[...altered].map(([c, k]) => alterEventSql(c.base!, k.base))]
}

const EDGE_SKIP = new Set(['ws', 'comment', 'command', 'inert'])

/**
 * A statement without leading/trailing comments (so an appended delimiter is never inside a comment) and
 * without client commands around it (mariadb-dump's sandbox line).
 */
export function trimStatement(text: string): string {
  const sig = tokenize(text).filter((t) => !EDGE_SKIP.has(t.kind))
  if (sig.length === 0) return ''
  return text.slice(sig[0]!.start, sig[sig.length - 1]!.end)
}

const DELIMITERS = ['$$', '//', ';;', '$$$', '%%', '~~', '@@@']

/** Picks a delimiter that occurs nowhere in the statements (so also never in their code). */
export function chooseDelimiter(statements: readonly string[]): string {
  for (const d of DELIMITERS) if (!statements.some((s) => s.includes(d))) return d
  for (let n = 1; ; n++) {
    const d = `$$${n}$$`
    if (!statements.some((s) => s.includes(d))) return d
  }
}

/** `DELIMITER $$` … `DELIMITER ;`, or '' when there is nothing to run. */
export function toScript(statements: readonly string[]): string {
  const list = statements.filter((s) => s.length > 0)
  if (list.length === 0) return ''
  const d = chooseDelimiter(list)
  return `DELIMITER ${d}\n${list.map((s) => `${s}${d}\n`).join('')}DELIMITER ;\n`
}
