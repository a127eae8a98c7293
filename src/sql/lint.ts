// Findings a reviewer must see, each with file and line. Only what the PR touches is linted: problems in
// files it did not change, or on objects it does not ship, are not this PR's to fix.
import type { DiffEntry, Duplicate } from './diff.js'
import { deepProblems, type ParsedFile } from './file.js'
import type { Finding, SourceTree } from './types.js'

export interface Findings {
  errors: Finding[]
  warnings: Finding[]
}

/** `baseTexts`: statement texts of every base definition (those already ran; their bodies are not re-judged). */
export function lint(changedHeadFiles: readonly ParsedFile[], duplicates: readonly Duplicate[],
  changes: readonly DiffEntry[], headFiles: ReadonlyMap<string, ParsedFile>, baseTexts: ReadonlySet<string>): Findings {
  const errors: Finding[] = []
  const warnings: Finding[] = []
  const changedPaths = new Set(changedHeadFiles.map((f) => f.path))
  for (const f of changedHeadFiles) {
    const problems = [...f.problems, ...f.defs.filter((d) => !baseTexts.has(d.text)).flatMap((d) => deepProblems(d, f))]
    for (const p of problems) (p.severity === 'error' ? errors : warnings).push({ file: f.path, line: p.line, message: p.message })
  }
  for (const d of duplicates) {
    if (![d.first, ...d.again].some((def) => changedPaths.has(def.file))) continue
    const all = [d.first, ...d.again]
    const times = all.length === 2 ? 'twice' : `${all.length} times`
    for (const again of d.again) {
      const others = all.filter((def) => def !== again).map((def) => `at ${def.file}:${def.line}`)
      const where = others.length === 1 ? `here and ${others[0]}` : `here, ${others.slice(0, -1).join(', ')} and ${others[others.length - 1]}`
      errors.push({ file: again.file, line: again.line, message: `${again.type} ${again.name} is defined ${times}: ${where}; keep one definition` })
    }
  }
  // Keys with a `DROP … IF EXISTS` per file, built once per file (a dump file can hold thousands of both).
  const guarded = new Map<string, Set<string>>()
  const guardedKeys = (file: string): Set<string> => {
    let keys = guarded.get(file)
    if (!keys) guarded.set(file, (keys = new Set((headFiles.get(file)?.drops ?? []).filter((d) => d.ifExists).map((d) => d.key))))
    return keys
  }
  for (const c of changes) {
    const h = c.head
    if (!h) continue
    const file = c.at.file
    if (h.definer) {
      warnings.push({ file, line: h.definer.line,
        message: `${h.type} ${h.name}: DEFINER = ${h.definer.text} (DMS runs the ticket as its own account; drop the clause)` })
    }
    if (h.securityDefinerLine !== undefined) {
      warnings.push({ file, line: h.securityDefinerLine,
        message: `${h.type} ${h.name}: SQL SECURITY DEFINER runs with the definer's privileges; prefer SQL SECURITY INVOKER` })
    }
    if (c.change === 'modified' && !h.orReplace) {
      if (!guardedKeys(file).has(c.key)) {
        warnings.push({ file, line: h.line,
          message: `${h.type} ${h.name} is modified but its file has no DROP ${h.type} IF EXISTS, so the file cannot be re-run as is` })
      }
    }
  }
  const order = (a: Finding, b: Finding): number => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line)
  return { errors: errors.sort(order), warnings: warnings.sort(order) }
}

/**
 * A routine that disappears because its whole file was deleted or emptied is easy to miss in a diff: say so at
 * the definition that goes (its base file and line), so the reviewer sees the DROP coming.
 */
export function removalWarnings(changes: readonly DiffEntry[], headFiles: ReadonlyMap<string, ParsedFile>, head: SourceTree): Finding[] {
  const out: Finding[] = []
  for (const c of changes) {
    if (c.change !== 'removed') continue
    const file = c.at.file
    const now = headFiles.get(file)
    const why = !head.has(file) ? 'was deleted'
      : !now ? 'is no longer a routine file'
        : now.defs.length === 0 ? 'no longer defines any routine' : undefined
    if (why) out.push({ file, line: c.at.line, message: `${c.type} ${c.at.name} is removed because its file ${why}: execSql drops it from the database` })
  }
  return out
}
