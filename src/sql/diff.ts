// Base ↔ head by object identity (type, schema, name), never by file: renames, moves and reformatting
// leave the canonical definition unchanged and so produce no change.
import { fullDef, type FileDef, type ParsedFile } from './file.js'
import type { Change } from './render.js'

/** An object defined more than once: its first definition and every later one. */
export interface Duplicate {
  first: FileDef
  again: FileDef[]
}

export interface ObjectIndex {
  byKey: Map<string, FileDef>
  duplicates: Duplicate[]
}

/** First definition of each object in file order (paths sorted), plus every later redefinition. */
export function indexObjects(files: readonly ParsedFile[]): ObjectIndex {
  const byKey = new Map<string, FileDef>()
  const duplicates = new Map<string, Duplicate>()
  for (const f of files) {
    for (const d of f.defs) {
      const first = byKey.get(d.key)
      if (!first) byKey.set(d.key, d)
      else {
        const dup = duplicates.get(d.key)
        if (dup) dup.again.push(d)
        else duplicates.set(d.key, { first, again: [d] })
      }
    }
  }
  return { byKey, duplicates: [...duplicates.values()] }
}

export interface DiffEntry extends Change {
  /** Where a reviewer finds it: the head definition, or the base one for a removed object. */
  at: FileDef
}

/** Same text is the same definition; otherwise the comparison forms decide (computed only then). */
function sameDefinition(b: FileDef, h: FileDef): boolean {
  return b.text === h.text || b.analysis.full === h.analysis.full || fullDef(b).canonical === fullDef(h).canonical
}

export function diffObjects(base: ObjectIndex, head: ObjectIndex): DiffEntry[] {
  const out: DiffEntry[] = []
  for (const [key, h] of head.byKey) {
    const b = base.byKey.get(key)
    if (!b) out.push({ type: h.type, key, change: 'added', head: fullDef(h), at: h })
    else if (!sameDefinition(b, h)) out.push({ type: h.type, key, change: 'modified', base: fullDef(b), head: fullDef(h), at: h })
  }
  for (const [key, b] of base.byKey) {
    if (!head.byKey.has(key)) out.push({ type: b.type, key, change: 'removed', base: fullDef(b), at: b })
  }
  return out.sort((x, y) => compareAt(x.at, y.at))
}

export function compareAt(a: { file: string; line: number }, b: { file: string; line: number }): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line
}
