// The scratch schemas of one verification run, and how names map into and out of them. Two sets: `deploy` (base
// routines, then execSql, then rollbackSql) and `head` (the head definitions, the reference that deploy must
// equal). In each set every target has its own schema, and every schema name the SQL qualifies objects with
// gets one too (shared by the targets). Names carry a random run id: parallel runs never collide. Pure.
import { randomBytes } from 'node:crypto'

export const SCRATCH_PREFIX = 'dpg_verify_'
export const SCRATCH_SETS = ['deploy', 'head'] as const
export type ScratchSet = (typeof SCRATCH_SETS)[number]

export interface ScratchTarget {
  name: string
  schemaName?: string
}

export class ScratchLayout {
  readonly runId: string
  /** Every scratch schema, to create and to drop. */
  readonly all: string[] = []
  /** Created and dropped first, to learn whether the user may create and drop databases at all. */
  readonly probe: string
  private readonly sets = new Map<ScratchSet, string[]>()
  private readonly defaults = new Map<ScratchSet, string[]>()
  private readonly named = new Map<ScratchSet, Map<string, string>>()
  private readonly labels = new Map<string, string>()
  private readonly pattern: RegExp

  constructor(private readonly targets: readonly ScratchTarget[], qualifiers: readonly ReadonlySet<string>[], runId = randomBytes(4).toString('hex')) {
    this.runId = runId
    this.probe = `${SCRATCH_PREFIX}${runId}_probe`
    const names = new Set<string>()
    targets.forEach((t, i) => { for (const q of qualifiers[i] ?? []) if (q !== t.schemaName) names.add(q) })
    const sorted = [...names].sort()
    for (const set of SCRATCH_SETS) {
      const letter = set[0]
      const defaults = targets.map((_, i) => `${SCRATCH_PREFIX}${runId}_${letter}${i}`)
      const named = new Map(sorted.map((n, k) => [n, `${SCRATCH_PREFIX}${runId}_${letter}${targets.length + k}`]))
      this.defaults.set(set, defaults)
      this.named.set(set, named)
      defaults.forEach((s, i) => this.labels.set(s, defaultLabel(i)))
      for (const [n, s] of named) this.labels.set(s, n)
      this.sets.set(set, [...defaults, ...named.values()])
      this.all.push(...defaults, ...named.values())
    }
    this.pattern = new RegExp(`${SCRATCH_PREFIX}${runId}_[dh]\\d+(?!\\d)`, 'g')
  }

  /** The scratch schemas of one set. */
  schemasOf(set: ScratchSet): readonly string[] {
    return this.sets.get(set)!
  }

  /** The schema target `i` runs in (its connection's default database). */
  defaultOf(set: ScratchSet, i: number): string {
    return this.defaults.get(set)![i]!
  }

  /** Qualifier → scratch schema for target `i`'s SQL (its own schema name means its own scratch schema). */
  rewriteMap(set: ScratchSet, i: number): Map<string, string> {
    const map = new Map(this.named.get(set)!)
    const own = this.targets[i]!.schemaName
    if (own !== undefined) map.set(own, this.defaultOf(set, i))
    return map
  }

  /** Label of a scratch schema, equal across sets: `\u0001<i>` for target i's own, else the original name. */
  labelOf(scratch: string): string | undefined {
    return this.labels.get(scratch)
  }

  /** Label of the schema an object of target `i` is qualified with (none: the target's own). */
  labelFor(i: number, schema: string | undefined): string {
    return schema === undefined || schema === this.targets[i]!.schemaName ? defaultLabel(i) : schema
  }

  /** The schema to show for a label: none for a target's own schema (SQL leaves it unqualified). */
  schemaOfLabel(label: string): { target?: number; schema?: string } {
    return label.startsWith('\u0001') ? { target: Number(label.slice(1)) } : { schema: label }
  }

  /** Scratch names in server text (view definitions, error messages) → the names the SQL used. */
  neutralize(text: string): string {
    // `scratch`.x or scratch.x for a target's own schema reads as the unqualified x the SQL wrote.
    const stripped = text.replace(new RegExp(`(\`?)(${this.pattern.source})\\1\\.`, 'g'), (whole, quote: string, name: string) => {
      const label = this.labels.get(name)
      if (label === undefined) return whole
      return label.startsWith('\u0001') ? '' : `${quote}${label}${quote}.`
    })
    return stripped.replace(this.pattern, (name) => {
      const label = this.labels.get(name)
      if (label === undefined) return name
      if (!label.startsWith('\u0001')) return label
      const t = this.targets[Number(label.slice(1))]!
      return t.schemaName ?? `(the database of target ${t.name})`
    })
  }
}

const defaultLabel = (i: number): string => `\u0001${i}`

/** `LIKE` pattern matching every scratch schema of every run (for finding leftovers). */
export const SCRATCH_LIKE = 'dpg\\_verify\\_%'
