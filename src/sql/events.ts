// Events and their schedule anchor. `ON SCHEDULE EVERY 1 DAY` without STARTS (or with a STARTS, ENDS or AT that
// reads the clock, such as CURRENT_TIMESTAMP + INTERVAL 1 HOUR) is anchored when the event is created: DROP +
// CREATE moves the anchor to "now". The server keeps the anchor only through `ALTER EVENT` without ON SCHEDULE,
// so a modified event whose schedule did not change is deployed and rolled back that way (both exact); when the
// schedule changes or the event is removed, nothing can bring the old anchor back, and the plan says so.
import { tokenize, type Token } from './lexer.js'
import { canonicalTokens } from './canonical.js'
import { excerpt } from './printable.js'
import { qualifiedName } from './ident.js'
import type { RoutineDef } from './objects.js'

/** The clauses of a CREATE EVENT, as ALTER EVENT needs them. */
export interface EventClauses {
  /** Comparison form of the ON SCHEDULE clause. */
  schedule: string
  /** The schedule as written (for messages). */
  scheduleText: string
  /** The schedule's anchor is the creation time (see the file comment). */
  anchoredAtCreation: boolean
  /** `DEFINER = …` as written, if any. */
  definer?: string
  completion: 'PRESERVE' | 'NOT PRESERVE'
  /** ENABLE, DISABLE, DISABLE ON SLAVE or DISABLE ON REPLICA. */
  status: string
  /** The COMMENT string literal as written, or `''`. */
  comment: string
  /** Everything after DO. */
  body: string
}

const SIGNIFICANT = (t: Token): boolean => t.kind !== 'ws' && t.kind !== 'comment' && t.kind !== 'inert' && t.kind !== 'command'
const word = (t: Token | undefined, ...values: string[]): boolean => t !== undefined && t.kind === 'word' && values.includes(t.value)

/** Words a clause-level expression may hold without reading the clock: literals, INTERVAL and its units. */
const UNITS = new Set(['INTERVAL', 'YEAR', 'QUARTER', 'MONTH', 'WEEK', 'DAY', 'HOUR', 'MINUTE', 'SECOND', 'MICROSECOND',
  'YEAR_MONTH', 'DAY_HOUR', 'DAY_MINUTE', 'DAY_SECOND', 'HOUR_MINUTE', 'HOUR_SECOND', 'MINUTE_SECOND', 'TIMESTAMP'])

/** A STARTS / ENDS / AT expression made of literals only (a fixed point in time). */
function fixedTime(tokens: Token[]): boolean {
  return tokens.length > 0 && tokens.some((t) => t.kind === 'string') && tokens.every((t) =>
    t.kind === 'string' || t.kind === 'number' || (t.kind === 'op' && (t.text === '+' || t.text === '-')) ||
    (t.kind === 'word' && UNITS.has(t.value)))
}

/** The clauses of an event definition (its runnable `sql`), or undefined when they cannot be told apart. */
export function eventClauses(def: RoutineDef): EventClauses | undefined {
  if (def.type !== 'EVENT') return undefined
  const text = def.sql
  const sig = tokenize(text).filter(SIGNIFICANT)
  let definer: string | undefined
  const definerAt = sig.findIndex((t) => word(t, 'DEFINER'))
  const eventAt = sig.findIndex((t) => word(t, 'EVENT'))
  if (definerAt !== -1 && definerAt < eventAt) definer = text.slice(sig[definerAt]!.start, sig[eventAt - 1]!.end)
  const scheduleAt = sig.findIndex((t, i) => i > eventAt && word(t, 'SCHEDULE') && word(sig[i - 1], 'ON'))
  if (eventAt === -1 || scheduleAt === -1) return undefined
  // The schedule runs to the first clause keyword outside parentheses.
  let i = scheduleAt + 1
  let depth = 0
  for (; i < sig.length; i++) {
    const t = sig[i]!
    if (t.kind === 'op' && t.text === '(') depth++
    else if (t.kind === 'op' && t.text === ')') depth--
    else if (depth === 0 && (word(t, 'ENABLE', 'DISABLE', 'COMMENT', 'DO') || (word(t, 'ON') && word(sig[i + 1], 'COMPLETION')))) break
  }
  const schedule = sig.slice(scheduleAt + 1, i)
  if (schedule.length === 0) return undefined
  let completion: EventClauses['completion'] = 'NOT PRESERVE'
  let status = 'ENABLE'
  let comment = "''"
  for (;;) {
    const t = sig[i]
    if (word(t, 'ON') && word(sig[i + 1], 'COMPLETION')) {
      const not = word(sig[i + 2], 'NOT')
      completion = not ? 'NOT PRESERVE' : 'PRESERVE'
      i += not ? 4 : 3
    } else if (word(t, 'ENABLE')) {
      status = 'ENABLE'
      i++
    } else if (word(t, 'DISABLE')) {
      const on = word(sig[i + 1], 'ON') && word(sig[i + 2], 'SLAVE', 'REPLICA')
      status = on ? `DISABLE ON ${sig[i + 2]!.value}` : 'DISABLE'
      i += on ? 3 : 1
    } else if (word(t, 'COMMENT') && sig[i + 1]?.kind === 'string') {
      comment = sig[i + 1]!.text
      i += 2
    } else break
  }
  if (!word(sig[i], 'DO')) return undefined
  // What depends on the creation time: EVERY without STARTS, or any STARTS/ENDS/AT that is not a literal.
  const parts = splitSchedule(schedule)
  const anchoredAtCreation = (parts.every ? parts.starts === undefined : false) ||
    [parts.starts, parts.ends, parts.at].some((p) => p !== undefined && !fixedTime(p))
  const c: EventClauses = {
    schedule: canonicalTokens(schedule),
    scheduleText: text.slice(schedule[0]!.start, schedule[schedule.length - 1]!.end),
    anchoredAtCreation, completion, status, comment,
    body: text.slice(sig[i]!.end).replace(/^\s+/, '')
  }
  if (definer !== undefined) c.definer = definer
  return c
}

function splitSchedule(tokens: Token[]): { every: boolean; at?: Token[]; starts?: Token[]; ends?: Token[] } {
  const out: { every: boolean; at?: Token[]; starts?: Token[]; ends?: Token[] } = { every: word(tokens[0], 'EVERY') }
  let current: Token[] | undefined
  for (const t of tokens) {
    if (word(t, 'AT')) out.at = current = []
    else if (word(t, 'STARTS')) out.starts = current = []
    else if (word(t, 'ENDS')) out.ends = current = []
    else current?.push(t)
  }
  return out
}

/** ALTER EVENT setting everything CREATE EVENT sets except the schedule (so its anchor stays). */
export function alterEventSql(def: RoutineDef, c: EventClauses): string {
  const name = qualifiedName(def)
  return `ALTER ${c.definer !== undefined ? `${c.definer} ` : ''}EVENT ${name} ON COMPLETION ${c.completion} ${c.status} ` +
    `COMMENT ${c.comment} DO ${c.body}`
}

/** Base and head of a modified event share a creation-anchored schedule: deploy and roll back with ALTER EVENT. */
export function keepsAnchor(base: RoutineDef, head: RoutineDef): { base: EventClauses; head: EventClauses } | undefined {
  const b = eventClauses(base)
  const h = eventClauses(head)
  if (!b || !h || !b.anchoredAtCreation || b.schedule !== h.schedule) return undefined
  return { base: b, head: h }
}

/** Why a generated rollback cannot restore `base`'s schedule anchor, or undefined when it can. */
export function lostAnchor(base: RoutineDef, head: RoutineDef | undefined, rollbackFile: string): string | undefined {
  const b = eventClauses(base)
  if (!b?.anchoredAtCreation || (head && keepsAnchor(base, head))) return undefined
  return `EVENT ${base.name}: the rollback cannot restore its schedule anchor: the base schedule '${excerpt(b.scheduleText, 60)}' ` +
    'counts from when the event is created, so after a rollback it counts from the rollback; to keep it, ' +
    `write ${rollbackFile} with the current STARTS (information_schema.EVENTS)`
}
