// Events are created DISABLED during verification, so no scheduler (MySQL 8 runs one by default) ever runs an
// event body. What the SQL asked for is kept as the event's *intent* and compared in place of the server's
// STATUS and of its schedule timestamps (which the server computes from the clock at creation). Pure.
import { tokenize, type Token } from '../sql/lexer.js'
import { canonicalTokens } from '../sql/canonical.js'

export interface EventIntent {
  /** The status clause as written, normalized (`ENABLE` when absent, the server's default). */
  status: string
  /** The ON SCHEDULE clause in comparison form (keyword case, spaces and comments do not count). */
  schedule: string
}

const SKIP = new Set<Token['kind']>(['ws', 'comment', 'exec-open', 'exec-close'])
const isWord = (t: Token | undefined, ...values: string[]): boolean => t !== undefined && t.kind === 'word' && values.includes(t.value)

/**
 * `CREATE EVENT … ON SCHEDULE … [ON COMPLETION …] [ENABLE|DISABLE [ON SLAVE|REPLICA]] [COMMENT …] DO …` with the
 * status clause replaced by (or given) `DISABLE`, on the same lines. Undefined when the statement does not have
 * that shape (the caller refuses to run it rather than risk an enabled event).
 */
export function disableEvent(text: string): { text: string; intent: EventIntent } | undefined {
  const sig = tokenize(text).filter((t) => !SKIP.has(t.kind))
  const at = sig.findIndex((t, i) => isWord(t, 'SCHEDULE') && isWord(sig[i - 1], 'ON'))
  if (at === -1) return undefined
  let j = at + 1
  let depth = 0
  for (; j < sig.length; j++) {
    const t = sig[j]!
    if (t.kind === 'op' && t.text === '(') depth++
    else if (t.kind === 'op' && t.text === ')') depth--
    else if (depth === 0 && (isWord(t, 'ENABLE', 'DISABLE', 'COMMENT', 'DO') || (isWord(t, 'ON') && isWord(sig[j + 1], 'COMPLETION')))) break
  }
  const schedule = canonicalTokens(sig.slice(at + 1, j))
  if (isWord(sig[j], 'ON')) j += isWord(sig[j + 2], 'NOT') ? 4 : 3
  let status = 'ENABLE'
  let edit: { start: number; end: number; text: string }
  const t = sig[j]
  if (isWord(t, 'ENABLE') || isWord(t, 'DISABLE')) {
    let last = j
    if (isWord(t, 'DISABLE') && isWord(sig[j + 1], 'ON') && isWord(sig[j + 2], 'SLAVE', 'REPLICA')) last = j + 2
    status = sig.slice(j, last + 1).map((x) => x.value).join(' ')
    const removed = text.slice(t!.start, sig[last]!.end)
    edit = { start: t!.start, end: sig[last]!.end, text: 'DISABLE' + removed.replace(/[^\n]/g, '') }
  } else if (isWord(t, 'COMMENT', 'DO')) {
    edit = { start: t!.start, end: t!.start, text: 'DISABLE ' }
  } else {
    return undefined
  }
  if (!sig.slice(j).some((x) => isWord(x, 'DO'))) return undefined
  return { text: text.slice(0, edit.start) + edit.text + text.slice(edit.end), intent: { status, schedule } }
}

/**
 * The `ALTER [DEFINER = …] EVENT name ON COMPLETION … ENABLE|DISABLE … COMMENT … DO …` the planner ships to change an
 * event without moving its schedule anchor (src/sql/events.ts), with its status clause turned into `DISABLE` on
 * the same lines. It sets no schedule, so the event keeps the schedule intent of its CREATE. Undefined for any other
 * shape (the caller refuses it).
 */
export function disableAlterEvent(text: string): { text: string; name: { schema?: string; name: string }; status: string } | undefined {
  const sig = tokenize(text).filter((t) => !SKIP.has(t.kind))
  if (!isWord(sig[0], 'ALTER')) return undefined
  const ev = sig.findIndex((t) => isWord(t, 'EVENT'))
  if (ev < 1 || sig.slice(1, ev).some((t) => isWord(t, 'SCHEDULE', 'DO'))) return undefined
  const nameOf = (t: Token | undefined): string | undefined => (t === undefined ? undefined : t.kind === 'ident' ? t.value : t.kind === 'word' ? t.text : undefined)
  const first = nameOf(sig[ev + 1])
  if (first === undefined) return undefined
  let j = ev + 2
  let name: { schema?: string; name: string } = { name: first }
  if (sig[j]?.kind === 'op' && sig[j]!.text === '.') {
    const second = nameOf(sig[j + 1])
    if (second === undefined) return undefined
    name = { schema: first, name: second }
    j += 2
  }
  if (sig.slice(j).some((t, i) => isWord(t, 'SCHEDULE') && isWord(sig[j + i - 1], 'ON'))) return undefined // a schedule change: not ours
  if (isWord(sig[j], 'ON') && isWord(sig[j + 1], 'COMPLETION')) j += isWord(sig[j + 2], 'NOT') ? 4 : 3
  const t = sig[j]
  if (!isWord(t, 'ENABLE', 'DISABLE')) return undefined
  let last = j
  if (isWord(t, 'DISABLE') && isWord(sig[j + 1], 'ON') && isWord(sig[j + 2], 'SLAVE', 'REPLICA')) last = j + 2
  if (!sig.slice(last + 1).some((x) => isWord(x, 'DO'))) return undefined
  const status = sig.slice(j, last + 1).map((x) => x.value).join(' ')
  const removed = text.slice(t!.start, sig[last]!.end)
  return { text: text.slice(0, t!.start) + 'DISABLE' + removed.replace(/[^\n]/g, '') + text.slice(sig[last]!.end), name, status }
}
