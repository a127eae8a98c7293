// Our splitter against dbgate-query-splitter on the same ≥50 MB generated routine corpus: both must agree on
// every statement boundary (trimmed texts), then MB/s and statements/s of each and the ratio.
import { mysqlSplitterOptions, splitQuery } from 'dbgate-query-splitter'
import { splitStatements } from '../src/sql/lexer.js'
import { generateCorpus } from './corpus.js'

const MB = 1024 * 1024

function best(runs: number, fn: () => number): { ms: number; count: number } {
  let ms = Infinity
  let count = 0
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now()
    count = fn()
    ms = Math.min(ms, performance.now() - t0)
  }
  return { ms, count }
}

export default async function bench(): Promise<void> {
  const t0 = performance.now()
  const corpus = generateCorpus(50 * MB)
  const genMs = performance.now() - t0
  const bytes = Buffer.byteLength(corpus.sql)
  console.log(`corpus: ${(bytes / MB).toFixed(1)} MB, ${corpus.routines} routines, ${corpus.statements} statements ` +
    `(generated in ${genMs.toFixed(0)} ms)`)

  // Agreement first (fails loudly): identical trimmed statement texts, in order.
  const ours = splitStatements(corpus.sql)
  if (ours.problems.length > 0) throw new Error(`our splitter reported problems: ${JSON.stringify(ours.problems.slice(0, 3))}`)
  const theirs = splitQuery(corpus.sql, mysqlSplitterOptions).map((x) => (typeof x === 'string' ? x : x.text).trim())
    .filter((x) => x !== '')
  const mine = ours.statements.map((x) => x.text.trim())
  if (mine.length !== corpus.statements) throw new Error(`expected ${corpus.statements} statements, ours gave ${mine.length}`)
  if (theirs.length !== mine.length) throw new Error(`statement counts differ: ours ${mine.length}, dbgate ${theirs.length}`)
  for (let i = 0; i < mine.length; i++) {
    if (mine[i] !== theirs[i]) {
      throw new Error(`statement ${i} differs:\n--- ours ---\n${mine[i]!.slice(0, 400)}\n--- dbgate ---\n${theirs[i]!.slice(0, 400)}`)
    }
  }
  console.log(`agreement: ${mine.length} statements identical`)

  const runs = 3
  const a = best(runs, () => splitStatements(corpus.sql).statements.length)
  const b = best(runs, () => splitQuery(corpus.sql, mysqlSplitterOptions).length)
  const row = (name: string, r: { ms: number; count: number }): string =>
    `${name.padEnd(22)} ${r.ms.toFixed(0).padStart(7)} ms ${(bytes / MB / (r.ms / 1000)).toFixed(1).padStart(8)} MB/s ` +
    `${Math.round(r.count / (r.ms / 1000)).toLocaleString('en-US').padStart(12)} statements/s`
  console.log(`best of ${runs}:`)
  console.log(row('ours (splitStatements)', a))
  console.log(row('dbgate-query-splitter', b))
  console.log(`ratio: ours is ${(b.ms / a.ms).toFixed(2)}× dbgate-query-splitter`)
}
