// One mysqldump-style file against the same routines split in 40 files: plan() must cost about the same
// (goal: the one-file plan within 1.5× of the 40-file plan at every size up to 50 MB). Each side of the PR
// holds the given size of routines (`DROP … IF EXISTS` + CREATE pairs); 10 % of them are modified in head.
// Sizes default to 1, 5, 20 and 50 MB; DPG_BENCH_SIZES=1,5 picks others.
import { createHash } from 'node:crypto'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { plan } from '../src/sql/plan.js'
import type { Plan } from '../src/sql/types.js'
import { prRoutine } from './corpus.js'

const MB = 1024 * 1024
const FILES = 40

interface Pr {
  routines: number
  modified: number
  oneFile: { base: Map<string, string>; head: Map<string, string> }
  split: { base: Map<string, string>; head: Map<string, string> }
}

/** Routines until base reaches `bytes`; the same sequence as one file and as 40 files of consecutive routines. */
function generate(bytes: number): Pr {
  const base: string[] = []
  const head: string[] = []
  let size = 0
  let modified = 0
  for (let id = 0; size < bytes; id++) {
    const b = prRoutine(id, id, 0)
    const changed = id % 100 < 10 // every kind
    if (changed) modified++
    base.push(b)
    head.push(changed ? prRoutine(id, id, 1) : b)
    size += b.length
  }
  const chunk = Math.ceil(base.length / FILES)
  const split = (list: string[]): Map<string, string> => {
    const m = new Map<string, string>()
    for (let f = 0; f < FILES; f++) m.set(`db/routines/part${String(f).padStart(2, '0')}.sql`, list.slice(f * chunk, (f + 1) * chunk).join('\n'))
    return m
  }
  return {
    routines: base.length,
    modified,
    oneFile: { base: new Map([['db/dump.sql', base.join('\n')]]), head: new Map([['db/dump.sql', head.join('\n')]]) },
    split: { base: split(base), head: split(head) }
  }
}

/** A full GC between measurements, so one layout's garbage is not collected on the other's time. */
const gc: () => void = (() => {
  setFlagsFromString('--expose-gc')
  return runInNewContext('gc') as () => void
})()

/** What the plans must agree on (a summary, so no plan is kept alive across the next measurement). */
const summary = (p: Plan): string =>
  JSON.stringify([p.objects.length, p.errors.length, createHash('sha1').update(p.execSql).update(p.rollbackSql).digest('hex')])

function timed(fn: () => Plan): { ms: number; summary: string; objects: number; errors: number } {
  gc()
  const c0 = process.cpuUsage()
  const p = fn()
  const c = process.cpuUsage(c0)
  // CPU time, not wall time: on a shared machine the wall clock mostly measures the neighbours.
  return { ms: (c.user + c.system) / 1000, summary: summary(p), objects: p.objects.length, errors: p.errors.length }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

export default async function bench(): Promise<void> {
  const sizes = (process.env.DPG_BENCH_SIZES ?? '1,5,20,50').split(',').map(Number).filter((n) => n > 0)
  const rows: string[][] = [['size', 'routines', 'modified', '40 files', '1 file', 'ratio']]
  for (const mb of sizes) {
    const pr = generate(mb * MB)
    const runs = 3
    const splitRuns: number[] = []
    const oneRuns: number[] = []
    const results = new Set<string>()
    for (let r = 0; r < runs; r++) {
      // alternate the order, so neither layout always runs on the warmer (or fuller) heap
      const order = r % 2 === 0 ? ['split', 'one'] as const : ['one', 'split'] as const
      for (const layout of order) {
        const t = layout === 'split' ? timed(() => plan(pr.split.base, pr.split.head)) : timed(() => plan(pr.oneFile.base, pr.oneFile.head))
        if (t.objects !== pr.modified || t.errors > 0) {
          throw new Error(`${layout} at ${mb} MB: ${t.objects} objects (expected ${pr.modified}), ${t.errors} errors`)
        }
        results.add(t.summary)
        ;(layout === 'split' ? splitRuns : oneRuns).push(t.ms)
      }
    }
    // Same routines, same result: only the file layout differs.
    if (results.size !== 1) throw new Error(`at ${mb} MB the one-file plan differs from the 40-file plan`)
    const split = median(splitRuns)
    const one = median(oneRuns)
    rows.push([`${mb} MB`, String(pr.routines), String(pr.modified), `${split.toFixed(0)} ms`, `${one.toFixed(0)} ms`,
      `${(one / split).toFixed(2)}×`])
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)))
  for (const r of rows) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '))
  console.log('(plan() in memory, base and head of that size each; CPU time, median of 3 runs in alternating order; goal: ratio ≤ 1.5×)')
}
