// verify-database (docs/verify.md): before any ticket exists, each target's plan is deployed on a real MySQL or
// MariaDB in scratch schemas, compared with head, rolled back and compared with base. The driver is loaded only
// here, with import(), so runs without verification never load it.
import { repoAccessOf, type GateContext } from '../action/context.js'
import { resolveTargets } from '../config/index.js'
import { readWholeTrees } from '../sources/whole-tree.js'
import { decoderFor, decodeUtf8 } from '../sources/encoding.js'
import { configEncodingFor } from '../config/index.js'
import type { SourceTree } from '../sql/types.js'
import { hasChanges } from '../tickets/evaluate.js'
import { inputDefaultsOf, readAt, type PlannedChange } from './plan-pull.js'

/** What verification said, as the gate keeps it. */
export type Verification =
  | { ok: true; summary: string }
  | { ok: false; summary: string; step: string; message: string; at?: { file: string; line: number }; server?: string }

function subTree(tree: SourceTree, keep: ReadonlySet<string>): Map<string, string> {
  const out = new Map<string, string>()
  for (const [p, text] of tree) if (keep.has(p)) out.set(p, text)
  return out
}

/** Verifies every changed target of a plan without errors; undefined when verification is off or has nothing to do. */
export async function verifyChange(ctx: GateContext, planned: PlannedChange): Promise<Verification | undefined> {
  const database = ctx.inputs.verifyDatabase
  const changed = planned.targets.filter(hasChanges)
  if (database === undefined || changed.length === 0 || planned.errors.length > 0 || planned.incomplete !== null) return undefined
  const include = [...new Set(changed.flatMap(t => t.target.include))]
  const trees = await readWholeTrees({
    ...repoAccessOf(ctx),
    baseSha: planned.baseSha,
    headSha: planned.headSha,
    include,
    decode: decoderFor(configEncodingFor(planned.config, inputDefaultsOf(ctx)))
  })
  // every routine file of each changed target, on both sides (the whole base set is created, not only what changed)
  const groups = resolveTargets(planned.config, inputDefaultsOf(ctx), [...new Set([...trees.base.keys(), ...trees.head.keys()])]).groups
  const targets = []
  for (const t of changed) {
    const g = groups.find(x => x.target.name === t.target.name)
    const keep = new Set([...(g?.files ?? []), ...(g?.rollbackFiles ?? [])])
    const schemaFile = t.target.verify?.schema
    // the tables the routines need, as they are after the change (a PR may add the table its trigger needs)
    const schemaBytes = schemaFile !== undefined ? (await readAt(ctx, planned.headSha, [schemaFile])).get(schemaFile) : undefined
    const schemaDecoded = schemaFile !== undefined && schemaBytes !== undefined ? decodeUtf8(schemaBytes, schemaFile) : undefined
    if (schemaDecoded !== undefined && !schemaDecoded.ok) {
      return { ok: false, summary: `verification failed at schema: ${schemaDecoded.error.message}`, step: 'schema', message: `${schemaFile}:${schemaDecoded.error.line}: ${schemaDecoded.error.message}` }
    }
    const schemaText = schemaDecoded?.ok === true ? schemaDecoded.text : undefined
    if (schemaFile !== undefined && schemaText === undefined) {
      return { ok: false, summary: `verification failed at schema: ${schemaFile} (verify.schema of target ${t.target.name}) does not exist`, step: 'schema', message: `${schemaFile} (verify.schema of target ${t.target.name}) does not exist at ${planned.headSha.slice(0, 12)}` }
    }
    targets.push({
      name: t.target.name,
      base: subTree(trees.base, keep),
      head: subTree(trees.head, keep),
      plan: t.plan,
      planOptions: { include: t.target.include, rollbackPattern: t.target.rollbackPattern },
      ...(schemaFile !== undefined ? { schemaSql: { file: schemaFile, text: schemaText! } } : {}),
      ...(t.target.database.kind === 'schema' ? { schemaName: t.target.database.schema } : {})
    })
  }
  const v = await import('../verify/index.js')
  const report = await v.verifyPlan({ database, targets, logger: { info: m => ctx.log.info(m), debug: m => ctx.log.debug(m) } })
  const summary = v.verifySummary(report)
  ctx.log.info(summary)
  if (report.ok) {
    for (const n of report.notes) ctx.log.info(`verification note: ${n}`)
    return { ok: true, summary: `${summary[0]!.toUpperCase()}${summary.slice(1)}` }
  }
  return {
    ok: false,
    summary,
    step: report.step,
    message: report.message,
    ...(report.at !== undefined ? { at: report.at } : {}),
    ...(report.server !== undefined ? { server: report.server.full } : {})
  }
}
