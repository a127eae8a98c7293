// The comparison form of SQL: whitespace, plain comments and keyword letter case do not count; everything a
// server may read differently stays as written — strings, numbers, non-keyword words, quoted identifiers
// (`` `total` `` and `total` differ: one of them may be a keyword on another server), executable-comment
// markers with their version (`/*!50003`, `/*M!100108`: moving code into `/*!99999 … */` disables it) and
// optimizer hints (`/*+ … */`). When in doubt a difference counts: a spurious change costs one ticket, a
// missed one deploys unreviewed SQL.
import { tokenize, type Token } from './lexer.js'
import { KEYWORDS } from './keywords.js'

/** Canonical text of already-lexed tokens (insignificant kinds are skipped). */
export function canonicalTokens(tokens: readonly Token[]): string {
  const parts: string[] = []
  for (const t of tokens) {
    switch (t.kind) {
      case 'ws':
      case 'command': // a client command (mariadb-dump's `\-`): the client removes it before sending
        continue
      case 'comment':
        if (t.text.startsWith('/*+')) parts.push(t.text)
        continue
      case 'inert':
        // an executable comment no server runs: its marker and content count, its layout does not
        parts.push(`${t.value} ${canonicalSql(t.text.slice(t.value.length, t.text.endsWith('*/') ? -2 : undefined))} */`)
        continue
      case 'word':
        parts.push(KEYWORDS.has(t.value) ? t.value : t.text)
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
