// One routine file → its object definitions, its DROP statements and the problems a reviewer must fix.
// Parsing is two-level: every statement's identity (cheap, from the header), and the full analysis
// (comparison form, runnable SQL, body checks) only for the statements that need it, once per distinct text.
import { splitStatements } from './lexer.js'
import { classify, classifyQuick, objectKey, shiftLines, type Classified, type ObjectHeader, type QuickClassified, type RoutineDef } from './objects.js'
import type { ObjectType, Statement } from './types.js'

/** Full analysis of one statement text, computed on first use and shared by every place the text occurs. */
export class Analysis {
  private result?: Classified
  constructor(private readonly stmt: Statement) {}
  /** Lines relative to the statement text starting on line 1. */
  get full(): Classified {
    return (this.result ??= classify(this.stmt, 1))
  }
}

export interface FileDef extends ObjectHeader {
  file: string
  /** The statement text as written, and the lines it spans. */
  text: string
  startLine: number
  endLine: number
  analysis: Analysis
}

export interface FileDrop {
  type: ObjectType
  key: string
  name: string
  ifExists: boolean
  line: number
}

export interface FileProblem {
  line: number
  message: string
  severity: 'error' | 'warning'
}

export interface ParsedFile {
  path: string
  defs: FileDef[]
  drops: FileDrop[]
  problems: FileProblem[]
  /** Lines of the lexer's problems (an unterminated string explains a block left open after it). */
  lexerProblemLines: number[]
}

/** The full analysis of a definition with its file's line numbers. */
export function details(d: FileDef): Classified {
  return shiftLines(d.analysis.full, d.startLine - 1)
}

/** The runnable, comparable definition (falls back to the text as written if the deep parse rejects it). */
export function fullDef(d: FileDef): RoutineDef {
  const c = details(d)
  if (c.kind === 'create') return c.def
  const def: RoutineDef = { type: d.type, name: d.name, key: d.key, line: d.line, orReplace: d.orReplace, ifNotExists: false,
    aggregate: false, canonical: d.text, sql: d.text.trim(), references: new Set() }
  if (d.schema !== undefined) def.schema = d.schema
  return def
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/** 1-based line of each offset; offsets must not decrease between calls (statements come in order). */
function lineCounter(source: string): (offset: number) => number {
  let line = 1
  let pos = 0
  return (offset) => {
    for (let i = source.indexOf('\n', pos); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) line++
    if (offset > pos) pos = offset
    return line
  }
}

/**
 * Base and head share most of their text (unchanged files, renamed files, untouched statements of edited
 * files), so one plan parses each distinct file text and each distinct statement text once.
 */
export interface ParseCache {
  files: Map<string, ParsedFile>
  /** delimiter → statement text → identity and analysis */
  statements: Map<string, Map<string, { quick: QuickClassified; analysis: Analysis }>>
}

export function newParseCache(): ParseCache {
  return { files: new Map(), statements: new Map() }
}

export function parseFile(path: string, text: string, cache: ParseCache = newParseCache()): ParsedFile {
  const hit = cache.files.get(text)
  if (hit) return hit.path === path ? hit : { ...hit, path, defs: hit.defs.map((d) => ({ ...d, file: path })) }
  const parsed = parseText(path, text, cache.statements)
  cache.files.set(text, parsed)
  return parsed
}

function classifyCached(stmt: Statement, cache: ParseCache['statements']): { quick: QuickClassified; analysis: Analysis } {
  // keyed by delimiter, then text: the delimiter decides the missing-DELIMITER warning
  let byText = cache.get(stmt.delimiter)
  if (!byText) cache.set(stmt.delimiter, (byText = new Map()))
  let c = byText.get(stmt.text)
  if (!c) {
    c = { quick: classifyQuick(stmt), analysis: new Analysis(stmt) }
    byText.set(stmt.text, c)
  }
  return c
}

function parseText(path: string, text: string, statementCache: ParseCache['statements']): ParsedFile {
  const source = stripBom(text)
  const { statements, problems } = splitStatements(source)
  const out: ParsedFile = { path, defs: [], drops: [], problems: problems.map((p) => ({ ...p, severity: 'error' as const })),
    lexerProblemLines: problems.map((p) => p.line) }
  const lineAt = lineCounter(source)
  for (const stmt of statements) {
    const startLine = lineAt(stmt.start)
    const { quick, analysis } = classifyCached(stmt, statementCache)
    const delta = startLine - 1
    switch (quick.kind) {
      case 'create':
        out.defs.push({ ...quick.header, line: quick.header.line + delta, file: path, text: stmt.text, startLine,
          endLine: lineAt(stmt.end), analysis })
        break
      case 'drop':
        for (const n of quick.names) {
          out.drops.push({ type: quick.type, key: objectKey(quick.type, n), name: n.name, ifExists: quick.ifExists, line: quick.line + delta })
        }
        break
      case 'forbidden':
      case 'invalid':
        out.problems.push({ line: quick.line + delta, message: quick.message, severity: 'error' })
        break
      case 'session':
      case 'empty':
        break
    }
  }
  const defined = new Set(out.defs.map((def) => def.key))
  for (const d of out.drops) {
    if (!defined.has(d.key)) {
      out.problems.push({ line: d.line, severity: 'warning', message:
        `DROP ${d.type} ${d.name} has no CREATE in this file and is not deployed: delete the object's definition to remove it` })
    }
  }
  out.problems.sort((a, b) => a.line - b.line)
  return out
}

/**
 * Body checks of a definition whose text is new in head (text that already ran in base is not re-judged):
 * a rejected header shape, a block left open, a body that relies on a tool keeping `;` inside BEGIN … END.
 */
export function deepProblems(d: FileDef, file: ParsedFile): FileProblem[] {
  const c = details(d)
  if (c.kind === 'invalid' || c.kind === 'forbidden') return [{ line: c.line, message: c.message, severity: 'error' }]
  if (c.kind !== 'create') return []
  const out: FileProblem[] = []
  const def = c.def
  // A lexer problem inside the statement (say an unterminated string) already explains an open block.
  const explained = file.lexerProblemLines.some((l) => l >= d.startLine && l <= d.endLine)
  if (def.unterminatedBlock && !explained) {
    out.push({ line: def.line, severity: 'error', message:
      `CREATE ${def.type} ${def.name}: a BEGIN … END (or CASE … END) block is still open where the ` +
      `statement ends at line ${d.endLine}: check its END and the DELIMITER around the routine` })
  }
  if (def.innerSemicolonLine !== undefined) {
    out.push({ line: def.line, severity: 'warning', message:
      `CREATE ${def.type} ${def.name}: the body contains ';' (line ${def.innerSemicolonLine}) but the ` +
      `statement is not wrapped in DELIMITER, so the mysql client would cut it there (the plan's SQL is unaffected)` })
  }
  return out
}
