// A script split as the mysql client splits it (our lexer), each statement trimmed of the comments around it,
// with the line of its first character: the text verification sends and where it came from. Pure.
import { splitStatements, type SplitProblem } from '../sql/lexer.js'
import { stripBom } from '../sql/file.js'
import { trimStatement } from '../sql/render.js'

export interface LinedStatement {
  text: string
  line: number
}

/** Each statement's text (comments around it trimmed) with the file line of its first character. */
export function statementsWithLines(text: string): { statements: LinedStatement[]; problems: SplitProblem[] } {
  const source = stripBom(text)
  const { statements, problems } = splitStatements(source)
  const lineStarts: number[] = [0]
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) lineStarts.push(i + 1)
  const lineAt = (offset: number): number => {
    let lo = 0
    let hi = lineStarts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (lineStarts[mid]! <= offset) lo = mid
      else hi = mid - 1
    }
    return lo + 1
  }
  const out: LinedStatement[] = []
  for (const s of statements) {
    const trimmed = trimStatement(s.text)
    if (trimmed === '') continue
    out.push({ text: trimmed, line: lineAt(s.start + s.text.indexOf(trimmed)) })
  }
  return { statements: out, problems }
}

