// The routine objects of a set of schemas as the server reports them, and how two such states compare. Pure:
// snapshot.ts reads them. Object identity follows the server (and the planner): procedure, function and event
// names are case-insensitive, trigger and view names are not; the stored spelling is still a compared field.
import type { ObjectType } from '../sql/types.js'

export interface ObjectState {
  type: ObjectType
  /** Schema label (scratch.ts): equal for the same logical schema in either scratch set. */
  label: string
  name: string
  /** information_schema columns (and our additions: PARAMETERS, STATUS/SCHEDULE as written), in report order. */
  fields: ReadonlyArray<readonly [string, string | null]>
}

export type State = ReadonlyMap<string, ObjectState>

const CASE_INSENSITIVE: ReadonlySet<ObjectType> = new Set(['PROCEDURE', 'FUNCTION', 'EVENT'])

export function stateKey(type: ObjectType, label: string, name: string): string {
  return `${type}\u0000${label}\u0000${CASE_INSENSITIVE.has(type) ? name.toLowerCase() : name}`
}

export interface StateDifference {
  type: ObjectType
  label: string
  name: string
  field: string
  expected: string | null
  actual: string | null
}

/** What deploy must leave: the base, with every changed object as the head defines it (or gone). */
export function expectedAfterDeploy(base: State, head: State, changedKeys: Iterable<string>): State {
  const out = new Map(base)
  for (const k of changedKeys) {
    const h = head.get(k)
    if (h) out.set(k, h)
    else out.delete(k)
  }
  return out
}

/** Every difference, in a stable order (type, schema, name, then column order), exact string comparison. */
export function differences(actual: State, expected: State): StateDifference[] {
  const out: StateDifference[] = []
  for (const key of [...new Set([...expected.keys(), ...actual.keys()])].sort()) {
    const e = expected.get(key)
    const a = actual.get(key)
    const o = (e ?? a)!
    const at = { type: o.type, label: o.label, name: o.name }
    if (!a) out.push({ ...at, field: 'exists', expected: 'yes', actual: 'no' })
    else if (!e) out.push({ ...at, field: 'exists', expected: 'no', actual: 'yes' })
    else {
      const actualFields = new Map(a.fields)
      for (const [field, value] of e.fields) {
        const got = actualFields.has(field) ? actualFields.get(field)! : null
        if (got !== value) out.push({ ...at, field, expected: value, actual: got })
      }
    }
  }
  return out
}
