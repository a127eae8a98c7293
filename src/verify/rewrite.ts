// Schema qualifiers → scratch schemas: `shop.p` becomes `dpg_verify_…_d1`.p in every statement verification
// sends, so a qualified object is created in a scratch schema and never in the real `shop`. Token-based (strings,
// comments and quoted text stay as written) and in place, so line numbers never move. Pure.
import { tokenize, type Token } from '../sql/lexer.js'

const SKIP = new Set<Token['kind']>(['ws', 'comment', 'exec-open', 'exec-close'])

const isName = (t: Token | undefined): t is Token => t !== undefined && (t.kind === 'word' || t.kind === 'ident')
const isDot = (t: Token | undefined): boolean => t !== undefined && t.kind === 'op' && t.text === '.'

/** The identifier a name token stands for: backticks removed, unquoted words as written (case kept). */
export function nameOf(t: Token): string {
  return t.kind === 'ident' ? t.value : t.text
}

/**
 * Rewrites the first part of every dotted name whose first part is a key of `map` (`shop.p`, `` `shop`.`p` ``,
 * `shop.t.col`). A two-part name is ambiguous in SQL (schema.object or table.column): a table or alias spelled
 * exactly like a mapped schema is rewritten too (docs/verify.md, "Qualified names").
 */
export function rewriteQualifiers(text: string, map: ReadonlyMap<string, string>): string {
  if (map.size === 0) return text
  const sig = tokenize(text).filter((t) => !SKIP.has(t.kind))
  const edits: { start: number; end: number; text: string }[] = []
  for (let i = 0; i < sig.length; i++) {
    const t = sig[i]!
    if (!isName(t) || !isDot(sig[i + 1]) || !isName(sig[i + 2]) || isDot(sig[i - 1])) continue
    const to = map.get(nameOf(t))
    if (to !== undefined) edits.push({ start: t.start, end: t.end, text: '`' + to + '`' })
  }
  let out = ''
  let pos = 0
  for (const e of edits) {
    out += text.slice(pos, e.start) + e.text
    pos = e.end
  }
  return out + text.slice(pos)
}
