// Findings a reviewer must see, each with file and line. Only what the PR touches is linted: problems in
// files it did not change, or on objects it does not ship, are not this PR's to fix.
import type { DiffEntry, Duplicate } from './diff.js'
import { deepProblems, type ParsedFile } from './file.js'
import type { Finding } from './types.js'

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
  for (const { first, again } of duplicates) {
    if (!changedPaths.has(first.file) && !changedPaths.has(again.file)) continue
    errors.push({ file: again.file, line: again.line,
      message: `${again.type} ${again.name} is defined twice (first at ${first.file}:${first.line})` })
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
