// The planner: two source trees → the changed routine objects, their deploy and rollback SQL, and findings.
// Pure: no I/O (sources are read by src/sources).
import picomatch from 'picomatch'
import { splitStatements } from './lexer.js'
import { compareAt, diffObjects, indexObjects } from './diff.js'
import { newParseCache, parseFile, stripBom, type ParsedFile } from './file.js'
import { lostAnchor } from './events.js'
import { lint, removalWarnings } from './lint.js'
import { printable } from './printable.js'
import { execStatements, rollbackStatements, toScript, trimStatement } from './render.js'
import type { Finding, Plan, PlannedObject, SourceTree } from './types.js'

export interface PlanOptions {
  /** picomatch globs of routine files (repository-relative, forward slashes). Default `['**\/*.sql']`. */
  include?: string[]
  /**
   * Where a reviewer-written rollback for a routine file lives: `{dir}` (its directory), `{name}` (its file
   * name without `.sql`) and `{file}` (its file name). Default `{dir}/{name}.rollback.sql`.
   */
  rollbackPattern?: string
}

export const DEFAULT_INCLUDE = ['**/*.sql']
export const DEFAULT_ROLLBACK_PATTERN = '{dir}/{name}.rollback.sql'

export function rollbackPathFor(file: string, pattern = DEFAULT_ROLLBACK_PATTERN): string {
  const slash = file.lastIndexOf('/')
  const dir = slash === -1 ? '' : file.slice(0, slash)
  const base = file.slice(slash + 1)
  const name = base.replace(/\.sql$/i, '')
  return pattern.replace(/\{dir\}/g, dir).replace(/\{name\}/g, name).replace(/\{file\}/g, base)
    .replace(/\/{2,}/g, '/').replace(/^\.?\//, '')
}

/**
 * Which of the given paths are routine files: included by the globs and not a rollback file (`*.rollback.sql`,
 * or the rollback path of another candidate under a custom pattern).
 */
export function routineFileFilter(paths: Iterable<string>, options: PlanOptions = {}): (path: string) => boolean {
  const included = picomatch(options.include?.length ? options.include : DEFAULT_INCLUDE, { dot: true })
  const pattern = options.rollbackPattern ?? DEFAULT_ROLLBACK_PATTERN
  const candidates = new Set([...paths].filter((p) => included(p)))
  const rollbackFiles = new Set<string>()
  for (const p of candidates) {
    if (p.toLowerCase().endsWith('.rollback.sql')) rollbackFiles.add(p)
    else rollbackFiles.add(rollbackPathFor(p, pattern))
  }
  return (p) => candidates.has(p) && !rollbackFiles.has(p)
}

export function plan(base: SourceTree, head: SourceTree, options: PlanOptions = {}): Plan {
  const pattern = options.rollbackPattern ?? DEFAULT_ROLLBACK_PATTERN
  const isRoutineFile = routineFileFilter([...base.keys(), ...head.keys()], options)

  const cache = newParseCache()
  const parseTree = (tree: SourceTree): ParsedFile[] =>
    [...tree.keys()].filter(isRoutineFile).sort().map((p) => parseFile(p, tree.get(p)!, cache))
  const baseFiles = parseTree(base)
  const headFiles = parseTree(head)
  const baseIndex = indexObjects(baseFiles)
  const headIndex = indexObjects(headFiles)
  const changes = diffObjects(baseIndex, headIndex)

  const changedHeadFiles = headFiles.filter((f) => base.get(f.path) !== head.get(f.path))
  const headByPath = new Map(headFiles.map((f) => [f.path, f]))
  const baseTexts = new Set(baseFiles.flatMap((f) => f.defs.map((d) => d.text)))
  const { errors, warnings } = lint(changedHeadFiles, headIndex.duplicates, changes, headByPath, baseTexts)
  warnings.push(...removalWarnings(changes, headByPath, head))
  warnings.sort(compareAt)

  // A reviewer's rollback file replaces the generated rollback of every changed object of its routine file.
  const overrides = new Map<string, string>()
  const generated = changes.filter((c) => {
    const rb = rollbackPathFor(c.at.file, pattern)
    const text = head.get(rb)
    if (text === undefined) return true
    overrides.set(rb, text)
    return false
  })
  // What a generated rollback cannot restore: an event's schedule anchored at its creation (events.ts).
  for (const c of generated) {
    if (c.type !== 'EVENT' || c.change === 'added') continue
    const lost = lostAnchor(c.base!, c.head, rollbackPathFor(c.at.file, pattern))
    if (lost) warnings.push({ file: c.at.file, line: c.at.line, message: lost })
  }
  warnings.sort(compareAt)
  const overrideStatements: string[] = []
  for (const rb of [...overrides.keys()].sort()) {
    const { statements, problems } = splitStatements(stripBom(overrides.get(rb)!))
    for (const p of problems) errors.push({ file: rb, line: p.line, message: `rollback file: ${p.message}` })
    for (const s of statements) overrideStatements.push(trimStatement(s.text))
  }
  errors.sort(compareAt)

  const objects: PlannedObject[] = changes.map((c) => {
    const o: PlannedObject = { type: c.type, name: c.at.name, change: c.change, file: c.at.file, line: c.at.line }
    if (c.at.schema !== undefined) o.schema = c.at.schema
    return o
  })
  return sealed({
    objects: objects.map(({ type, schema, name, change, file, line }) =>
      (schema === undefined ? { type, name, change, file, line } : { type, schema, name, change, file, line })),
    execSql: toScript(execStatements(changes)),
    rollbackSql: toScript([...rollbackStatements(generated), ...overrideStatements]),
    errors: dedupe(errors),
    warnings: dedupe(warnings)
  })
}

/** A plan with errors ships no SQL: empty execSql and rollbackSql, so nothing can deploy it by mistake. */
function sealed(p: Plan): Plan {
  return p.errors.length === 0 ? p : { ...p, execSql: '', rollbackSql: '' }
}

/** The plan with findings from outside the planner added (files that could not be read), sorted and sealed. */
export function withFindings(p: Plan, errors: readonly Finding[], warnings: readonly Finding[] = []): Plan {
  if (errors.length === 0 && warnings.length === 0) return p
  return sealed({ ...p, errors: dedupe([...p.errors, ...errors].sort(compareAt)), warnings: dedupe([...p.warnings, ...warnings].sort(compareAt)) })
}

/** Each finding once, its message printable (text quoted from a file may hold control characters). */
function dedupe(list: Finding[]): Finding[] {
  const seen = new Set<string>()
  return list.map((f) => ({ ...f, message: printable(f.message) })).filter((f) => {
    const k = `${f.file}\u0000${f.line}\u0000${f.message}`
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}
