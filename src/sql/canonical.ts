// The comparison form of SQL: whitespace, comments, executable-comment markers and keyword letter case do
// not count; strings, quoted identifiers, numbers and non-keyword words stay exactly as written.
import { tokenize, type Token } from './lexer.js'
import { KEYWORDS } from './keywords.js'

/** Canonical text of already-lexed tokens (insignificant kinds are skipped). */
export function canonicalTokens(tokens: readonly Token[]): string {
  const parts: string[] = []
  for (const t of tokens) {
    switch (t.kind) {
      case 'ws':
      case 'comment':
      case 'exec-open':
      case 'exec-close':
        continue
      case 'word':
        parts.push(KEYWORDS.has(t.value) ? t.value : t.text)
        break
      case 'ident':
        // `name` and name are the same identifier when the unquoted spelling is a plain word
        if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(t.value)) {
          const upper = t.value.toUpperCase()
          parts.push(KEYWORDS.has(upper) ? upper : t.value)
        } else parts.push(t.text)
        break
      default:
        parts.push(t.text)
    }
  }
  return parts.join(' ')
}

/** Canonical text of a SQL fragment (used to compare server-reported definitions in tests and tools). */
export function canonicalSql(sql: string): string {
  return canonicalTokens(tokenize(sql))
}
