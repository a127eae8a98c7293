// One routine file → its object definitions, its DROP statements and the problems a reviewer must fix.
import { splitStatements } from './lexer.js'
import { classify, objectKey, type RoutineDef } from './objects.js'
import type { ObjectType } from './types.js'

export interface FileDef extends RoutineDef {
  file: string
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
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/** 1-based line of each offset, by binary search over line starts. */
function lineLocator(source: string): (offset: number) => number {
  const starts = [0]
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1)
  return (offset) => {
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid]! <= offset) lo = mid
      else hi = mid - 1
    }
    return lo + 1
  }
}

export function parseFile(path: string, text: string): ParsedFile {
  const source = stripBom(text)
  const { statements, problems } = splitStatements(source)
  const out: ParsedFile = { path, defs: [], drops: [], problems: problems.map((p) => ({ ...p, severity: 'error' as const })) }
  const lineAt = lineLocator(source)
  for (const stmt of statements) {
    const c = classify(stmt, lineAt(stmt.start))
    switch (c.kind) {
      case 'create': {
        out.defs.push({ ...c.def, file: path })
        // A lexer problem inside the statement (say an unterminated string) already explains an open block.
        const first = lineAt(stmt.start)
        const last = lineAt(stmt.end)
        const explained = problems.some((p) => p.line >= first && p.line <= last)
        if (c.def.unterminatedBlock && !explained) {
          out.problems.push({ line: c.def.line, severity: 'error', message:
            `CREATE ${c.def.type} ${c.def.name}: a BEGIN … END (or CASE … END) block is still open where the ` +
            `statement ends at line ${last}: check its END and the DELIMITER around the routine` })
        }
        if (c.def.innerSemicolonLine !== undefined) {
          out.problems.push({ line: c.def.line, severity: 'warning', message:
            `CREATE ${c.def.type} ${c.def.name}: the body contains ';' (line ${c.def.innerSemicolonLine}) but the ` +
            `statement is not wrapped in DELIMITER, so the mysql client would cut it there (the plan's SQL is unaffected)` })
        }
        break
      }
      case 'drop':
        for (const n of c.names) out.drops.push({ type: c.type, key: objectKey(c.type, n), name: n.name, ifExists: c.ifExists, line: c.line })
        break
      case 'forbidden':
      case 'invalid':
        out.problems.push({ line: c.line, message: c.message, severity: 'error' })
        break
      case 'session':
      case 'empty':
        break
    }
  }
  for (const d of out.drops) {
    if (!out.defs.some((def) => def.key === d.key)) {
      out.problems.push({ line: d.line, severity: 'warning', message:
        `DROP ${d.type} ${d.name} has no CREATE in this file and is not deployed: delete the object's definition to remove it` })
    }
  }
  out.problems.sort((a, b) => a.line - b.line)
  return out
}
