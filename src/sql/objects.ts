// Statement → what it means for the planner: a routine definition (with its parsed header), a paired
// `DROP … IF EXISTS`, a harmless session `SET`, or something that does not belong in a routine file.
import { tokenize, type Token } from './lexer.js'
import { canonicalTokens } from './canonical.js'
import { KEYWORDS } from './keywords.js'
import { excerpt } from './printable.js'
import type { ObjectType, Statement } from './types.js'

export const OBJECT_TYPES: readonly ObjectType[] = ['PROCEDURE', 'FUNCTION', 'TRIGGER', 'EVENT', 'VIEW']

export interface QualifiedName {
  schema?: string
  name: string
}

/** A CREATE of one of our object types, parsed. Offsets are into the statement text. */
export interface RoutineDef extends QualifiedName {
  type: ObjectType
  /** Identity: (type, schema, name) with the server's case rules. */
  key: string
  line: number
  orReplace: boolean
  ifNotExists: boolean
  aggregate: boolean
  /** `DEFINER = …` as written (quotes kept) when it names an account, with its line. */
  definer?: { text: string; line: number }
  /** Line of an explicit `SQL SECURITY DEFINER`. */
  securityDefinerLine?: number
  /** Whitespace/comment/keyword-case-insensitive form used for base↔head comparison. */
  canonical: string
  /** Runnable definition: leading/trailing comments trimmed, executable-comment markers unwrapped. */
  sql: string
  /** Views only: lower-cased words and identifiers after the name (to order views after views they read). */
  references: ReadonlySet<string>
  /** Set when a BEGIN … END / CASE … END block is not closed (usually a missing DELIMITER). */
  unterminatedBlock?: boolean
  /** Line of the first `;` inside the body when the statement itself ended at `;` (no DELIMITER). */
  innerSemicolonLine?: number
}

export type Classified =
  | { kind: 'create'; def: RoutineDef }
  | { kind: 'drop'; type: ObjectType; ifExists: boolean; names: QualifiedName[]; line: number }
  | { kind: 'session' }
  | { kind: 'empty' }
  | { kind: 'forbidden'; line: number; message: string }
  | { kind: 'invalid'; line: number; message: string }

/** Not significant for what a statement is (its meaning is decided by the rest). */
const SKIP = new Set<Token['kind']>(['ws', 'comment', 'exec-open', 'exec-close', 'command', 'inert'])

const isWord = (t: Token | undefined, ...values: string[]): boolean =>
  t !== undefined && t.kind === 'word' && values.includes(t.value)

const isOp = (t: Token | undefined, text: string): boolean => t !== undefined && t.kind === 'op' && t.text === text

/** Name part as the server sees it: backticks removed, unquoted words as written. */
function namePart(t: Token | undefined): string | undefined {
  if (!t) return undefined
  if (t.kind === 'ident') return t.value
  if (t.kind === 'word') return t.text
  return undefined
}

/** Reads `name` or `schema.name` at sig[i]; returns the name and the index after it. */
export function readQualifiedName(sig: Token[], i: number): { name?: QualifiedName; next: number } {
  const first = sig[i]
  // A lexer may keep `shop.p` as one word; split it the way the server would.
  if (first?.kind === 'word' && first.text.includes('.')) {
    const parts = first.text.split('.')
    if (parts.length === 2 && parts[0] && parts[1]) return { name: { schema: parts[0], name: parts[1] }, next: i + 1 }
    return { next: i }
  }
  const a = namePart(first)
  if (a === undefined) return { next: i }
  if (isOp(sig[i + 1], '.')) {
    const b = namePart(sig[i + 2])
    if (b === undefined) return { next: i }
    return { name: { schema: a, name: b }, next: i + 3 }
  }
  // `schema`.name may also come through as ident + word starting with '.'
  const nxt = sig[i + 1]
  if (nxt && nxt.kind === 'word' && nxt.text.startsWith('.') && nxt.start === first!.end) {
    return { name: { schema: a, name: nxt.text.slice(1) }, next: i + 2 }
  }
  return { name: { name: a }, next: i + 1 }
}

/** Identity of an object: routine and event names are case-insensitive, trigger/view names are not (Linux). */
export function objectKey(type: ObjectType, n: QualifiedName): string {
  const name = type === 'PROCEDURE' || type === 'FUNCTION' || type === 'EVENT' ? n.name.toLowerCase() : n.name
  return `${type}\u0000${n.schema ?? ''}\u0000${name}`
}

const FORBIDDEN_HINT = 'only CREATE/DROP of procedures, functions, triggers, events and views belong in a routine file'

/** `INSERT INTO`, `ALTER TABLE`, `CALL`: the statement's leading keywords, for messages. */
function describe(sig: Token[]): string {
  const first = sig[0]!
  if (first.kind !== 'word') return `'${excerpt(first.text)}'`
  const second = sig[1]
  return excerpt(second?.kind === 'word' && KEYWORDS.has(second.value) ? `${first.value} ${second.value}` : first.value)
}

/** The delimiter in force for the statement (one ended by `\g` or at the end of input: the default). */
function clientDelimiter(stmt: Statement): string {
  return stmt.delimiter === '' || stmt.delimiter.startsWith('\\') ? ';' : stmt.delimiter
}

/** Classifies one statement. `baseLine` is the line of the statement text's first character. */
export function classify(stmt: Statement, baseLine: number): Classified {
  const tokens = tokenize(stmt.text, baseLine, clientDelimiter(stmt))
  const sig = tokens.filter((t) => !SKIP.has(t.kind))
  const head = sig[0]
  if (!head) return { kind: 'empty' }
  if (isWord(head, 'CREATE')) {
    const c = classifyCreate(stmt.text, tokens, sig)
    if (c.kind === 'create' && stmt.delimiter === ';') {
      const semi = sig.find((t) => isOp(t, ';'))
      if (semi) c.def.innerSemicolonLine = semi.line
    }
    return c
  }
  if (isWord(head, 'DROP')) return classifyDrop(sig)
  if (isWord(head, 'SET')) {
    const scope = sig[1]
    if (isWord(scope, 'GLOBAL', 'PERSIST', 'PERSIST_ONLY', 'PASSWORD', 'ROLE', 'DEFAULT') ||
        sig.some((t) => t.kind === 'variable' && /^@@(global|persist)\./i.test(t.text))) {
      return { kind: 'forbidden', line: head.line, message: `${describe(sig)} changes server state: ${FORBIDDEN_HINT}` }
    }
    return { kind: 'session' }
  }
  if (isWord(head, 'USE')) {
    return { kind: 'forbidden', line: head.line,
      message: 'USE switches the database, but the DMS ticket runs on its target database: qualify names instead' }
  }
  return { kind: 'forbidden', line: head.line, message: `${describe(sig)} statement: ${FORBIDDEN_HINT}` }
}

function typeOf(t: Token | undefined): ObjectType | undefined {
  return t && t.kind === 'word' ? OBJECT_TYPES.find((o) => o === t.value) : undefined
}

function classifyDrop(sig: Token[]): Classified {
  const line = sig[0]!.line
  let i = 1
  if (isWord(sig[i], 'TEMPORARY')) i++
  const type = typeOf(sig[i])
  if (!type) return { kind: 'forbidden', line, message: `${describe(sig)} statement: ${FORBIDDEN_HINT}` }
  i++
  let ifExists = false
  if (isWord(sig[i], 'IF') && isWord(sig[i + 1], 'EXISTS')) { ifExists = true; i += 2 }
  const names: QualifiedName[] = []
  for (;;) {
    const r = readQualifiedName(sig, i)
    if (!r.name) return { kind: 'invalid', line, message: `DROP ${type}: expected a name` }
    names.push(r.name)
    i = r.next
    if (!isOp(sig[i], ',')) break
    i++
  }
  // DROP VIEW … RESTRICT|CASCADE is accepted (and ignored) by the server
  if (type === 'VIEW' && isWord(sig[i], 'RESTRICT', 'CASCADE')) i++
  if (i < sig.length) return { kind: 'invalid', line, message: `DROP ${type}: unexpected '${excerpt(sig[i]!.text)}' after the name` }
  return { kind: 'drop', type, ifExists, names, line }
}

const HEADER_STOP = new Set(['SQL', 'PROCEDURE', 'FUNCTION', 'TRIGGER', 'EVENT', 'VIEW', 'AGGREGATE', 'ALGORITHM'])

/** What the CREATE header says, up to and including the name. */
interface CreateHeader {
  kind: 'header'
  type: ObjectType
  name: QualifiedName
  line: number
  orReplace: boolean
  ifNotExists: boolean
  aggregate: boolean
  /** ALGORITHM, definer account and SQL SECURITY, normalized: part of the comparison form. */
  canon: string
  definer?: RoutineDef['definer']
  securityDefinerLine?: number
  /** Index in sig just after the name. */
  next: number
}

function parseCreateHeader(text: string, sig: Token[]): CreateHeader | Classified {
  const line = sig[0]!.line
  let i = 1
  let orReplace = false
  let aggregate = false
  let algorithm = ''
  let definer: RoutineDef['definer']
  let definerCanon = ''
  let security = ''
  let securityDefinerLine: number | undefined
  if (isWord(sig[i], 'OR') && isWord(sig[i + 1], 'REPLACE')) { orReplace = true; i += 2 }
  for (;;) {
    const t = sig[i]
    if (isWord(t, 'ALGORITHM') && isOp(sig[i + 1], '=')) {
      if (!sig[i + 2] || sig[i + 2]!.kind !== 'word') return { kind: 'invalid', line, message: 'CREATE: ALGORITHM needs a value' }
      algorithm = sig[i + 2]!.value
      i += 3
    } else if (isWord(t, 'DEFINER') && isOp(sig[i + 1], '=')) {
      let j = i + 2
      while (j < sig.length && !(sig[j]!.kind === 'word' && HEADER_STOP.has(sig[j]!.value))) j++
      const parts = sig.slice(i + 2, j)
      if (parts.length === 0) return { kind: 'invalid', line, message: 'CREATE: DEFINER needs an account' }
      const written = text.slice(parts[0]!.start, parts[parts.length - 1]!.end)
      definerCanon = parts.map((p) => p.text.replace(/[`'"]/g, '')).join('').toLowerCase()
      const currentUser = isWord(parts[0], 'CURRENT_USER')
      if (!currentUser) definer = { text: written, line: t!.line }
      i = j
    } else if (isWord(t, 'SQL') && isWord(sig[i + 1], 'SECURITY') && isWord(sig[i + 2], 'DEFINER', 'INVOKER')) {
      security = sig[i + 2]!.value
      if (security === 'DEFINER') securityDefinerLine = t!.line
      i += 3
    } else if (isWord(t, 'AGGREGATE')) {
      aggregate = true
      i++
    } else break
  }
  const typeTok = sig[i]
  const type = typeOf(typeTok)
  if (!type) {
    const what = excerpt(typeTok?.kind === 'word' ? typeTok.value : (typeTok?.text ?? 'end of statement'))
    const known = ['TABLE', 'INDEX', 'DATABASE', 'SCHEMA', 'USER', 'ROLE', 'SEQUENCE', 'TEMPORARY', 'UNIQUE', 'SERVER',
      'TABLESPACE', 'PACKAGE', 'FULLTEXT', 'SPATIAL', 'LOGFILE']
    if (typeTok?.kind === 'word' && known.includes(typeTok.value)) {
      return { kind: 'forbidden', line, message: `CREATE ${what} statement: ${FORBIDDEN_HINT}` }
    }
    return { kind: 'invalid', line, message: `unparseable CREATE header: expected PROCEDURE, FUNCTION, TRIGGER, EVENT or VIEW, found '${what}'` }
  }
  if (aggregate && type !== 'FUNCTION') return { kind: 'invalid', line, message: 'unparseable CREATE header: AGGREGATE applies only to FUNCTION' }
  i++
  let ifNotExists = false
  if (isWord(sig[i], 'IF') && isWord(sig[i + 1], 'NOT') && isWord(sig[i + 2], 'EXISTS')) { ifNotExists = true; i += 3 }
  const r = readQualifiedName(sig, i)
  if (!r.name) {
    return { kind: 'invalid', line, message: `unparseable CREATE ${type} header: expected a name, found '${excerpt(sig[i]?.text ?? 'end of statement')}'` }
  }
  const h: CreateHeader = { kind: 'header', type, name: r.name, line, orReplace, ifNotExists, aggregate, next: r.next,
    canon: [type, aggregate ? 'AGGREGATE' : '', algorithm, definerCanon, security].join('|') }
  if (definer) h.definer = definer
  if (securityDefinerLine !== undefined) h.securityDefinerLine = securityDefinerLine
  return h
}

/** Identity of a CREATE (lines relative to the statement text's first line being 1). */
export interface ObjectHeader extends QualifiedName {
  type: ObjectType
  key: string
  line: number
  orReplace: boolean
}

export type QuickClassified = { kind: 'create'; header: ObjectHeader } | Exclude<Classified, { kind: 'create' }>

/**
 * Identity only: a CREATE's header is read from a prefix of the text, so the bodies of objects that did not
 * change are never tokenized. Other statements are short (or errors) and get the full classification.
 */
export function classifyQuick(stmt: Statement): QuickClassified {
  const text = stmt.text
  for (let len = 160; ; len *= 4) {
    const whole = len >= text.length
    const sig = tokenize(whole ? text : text.slice(0, len), 1, clientDelimiter(stmt)).filter((t) => !SKIP.has(t.kind))
    const head = sig[0]
    if (!head && !whole) continue
    if (!head || !isWord(head, 'CREATE')) {
      const c = classify(stmt, 1)
      if (c.kind !== 'create') return c
      return { kind: 'create', header: headerOf(c.def) }
    }
    const h = parseCreateHeader(text, sig)
    // A header cut by the prefix (or a name that may continue past it) needs a longer look.
    if (!whole && (h.kind !== 'header' || h.next >= sig.length)) continue
    if (h.kind !== 'header') return h.kind === 'create' ? { kind: 'create', header: headerOf(h.def) } : h
    return { kind: 'create', header: { type: h.type, ...h.name, key: objectKey(h.type, h.name), line: h.line, orReplace: h.orReplace } }
  }
}

function headerOf(d: RoutineDef): ObjectHeader {
  const h: ObjectHeader = { type: d.type, name: d.name, key: d.key, line: d.line, orReplace: d.orReplace }
  if (d.schema !== undefined) h.schema = d.schema
  return h
}

function classifyCreate(text: string, tokens: Token[], sig: Token[]): Classified {
  const h = parseCreateHeader(text, sig)
  if (h.kind !== 'header') return h
  const { type, line, orReplace, ifNotExists, aggregate, definer } = h
  let securityDefinerLine = h.securityDefinerLine
  const r = { name: h.name, next: h.next }
  const rest = sig.slice(r.next)
  const shapeError = checkShape(type, rest)
  if (shapeError) return { kind: 'invalid', line, message: `unparseable CREATE ${type} ${excerpt(r.name.name)}: ${shapeError}` }
  // SQL SECURITY may also be a characteristic after the parameter list (procedures, functions).
  for (let k = 0; k + 2 < rest.length; k++) {
    if (isWord(rest[k], 'SQL') && isWord(rest[k + 1], 'SECURITY') && isWord(rest[k + 2], 'DEFINER')) {
      securityDefinerLine ??= rest[k]!.line
      break
    }
  }
  const header = `${h.canon}\u0000${headerMarkers(tokens, sig, r.next)}`
  // Only views are ordered by what they read (CREATE VIEW checks that its tables and functions exist).
  const references = new Set<string>()
  if (type === 'VIEW') for (const t of rest) if (t.kind === 'word' || t.kind === 'ident') references.add((t.kind === 'ident' ? t.value : t.text).toLowerCase())
  const def: RoutineDef = {
    type, ...r.name, key: objectKey(type, r.name), line, orReplace, ifNotExists, aggregate,
    canonical: `${header}\u0000${canonicalTokens(tokens.slice(tokens.indexOf(sig[r.next - 1]!) + 1))}`,
    sql: renderDefinition(text, tokens, sig, type === 'VIEW'),
    references
  }
  if (definer) def.definer = definer
  if (securityDefinerLine !== undefined) def.securityDefinerLine = securityDefinerLine
  if (type !== 'VIEW' && !blocksBalanced(rest)) def.unterminatedBlock = true
  return { kind: 'create', def }
}

/**
 * The executable-comment markers in a CREATE header up to its name, each with how many significant tokens
 * precede it: `/*!50003 CREATE*\/ PROCEDURE` and `CREATE PROCEDURE` are compared as different (version-gated).
 * An inert comment before the statement proper (mariadb-dump's sandbox line) is not part of the definition.
 */
function headerMarkers(tokens: Token[], sig: Token[], next: number): string {
  const nameEnd = tokens.indexOf(sig[next - 1]!)
  const marks: string[] = []
  let before = 0
  for (let k = 0; k <= nameEnd; k++) {
    const t = tokens[k]!
    if (!SKIP.has(t.kind)) before++
    else if (t.kind === 'exec-open' || t.kind === 'exec-close' || (t.kind === 'inert' && before > 0)) marks.push(`${before}${canonicalTokens([t])}`)
  }
  return marks.join(' ')
}

/** Minimal shape checks that catch a broken header before the server would. */
function checkShape(type: ObjectType, rest: Token[]): string | undefined {
  const first = rest[0]
  switch (type) {
    case 'PROCEDURE':
    case 'FUNCTION':
      if (!isOp(first, '(')) return `expected '(' after the name, found '${excerpt(first?.text ?? 'end of statement')}'`
      return undefined
    case 'TRIGGER':
      if (!isWord(first, 'BEFORE', 'AFTER')) return `expected BEFORE or AFTER, found '${excerpt(first?.text ?? 'end of statement')}'`
      if (!isWord(rest[1], 'INSERT', 'UPDATE', 'DELETE')) return `expected INSERT, UPDATE or DELETE, found '${excerpt(rest[1]?.text ?? 'end of statement')}'`
      if (!isWord(rest[2], 'ON')) return `expected ON <table>, found '${excerpt(rest[2]?.text ?? 'end of statement')}'`
      return undefined
    case 'EVENT':
      if (!isWord(first, 'ON') || !isWord(rest[1], 'SCHEDULE')) return `expected ON SCHEDULE, found '${excerpt(first?.text ?? 'end of statement')}'`
      if (!rest.some((t) => isWord(t, 'DO'))) return 'expected DO <body>'
      return undefined
    case 'VIEW':
      if (!rest.some((t) => isWord(t, 'AS'))) return 'expected AS <select>'
      return undefined
  }
}

/**
 * BEGIN/CASE open a block that a plain END (or END CASE) closes; END IF/LOOP/WHILE/REPEAT close their own
 * statements, whose openers we need not count. A routine cut at an inner `;` (no DELIMITER) is left open.
 */
function blocksBalanced(sig: Token[]): boolean {
  let depth = 0
  for (let k = 0; k < sig.length; k++) {
    const t = sig[k]!
    if (t.kind !== 'word') continue
    if (t.value === 'BEGIN' || (t.value === 'CASE' && !isWord(sig[k - 1], 'END'))) depth++
    else if (t.value === 'END' && !isWord(sig[k + 1], 'IF', 'LOOP', 'WHILE', 'REPEAT', 'FOR')) {
      if (isOp(sig[k - 1], '.')) continue // a column called `end`: t.end
      depth--
      if (depth < 0) return false
    }
  }
  return depth === 0
}

/**
 * The definition as the server should receive it: from the first to the last significant token (so a
 * trailing `-- comment` cannot swallow the delimiter we append), executable-comment markers replaced by a
 * space (mysqldump's `/*!50003 CREATE*\/ … *\/`), client backslash commands removed (as the client does), and
 * for views `OR REPLACE` in place of `IF NOT EXISTS`.
 */
function renderDefinition(text: string, tokens: Token[], sig: Token[], view: boolean): string {
  const from = sig[0]!.start
  const to = sig[sig.length - 1]!.end
  let out = ''
  let pos = from
  const push = (upTo: number, replacement: string): void => { out += text.slice(pos, upTo) + replacement }
  let orReplaceDone = !view || (isWord(sig[1], 'OR') && isWord(sig[2], 'REPLACE'))
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!
    if (t.start < from || t.end > to) continue
    if (t.kind === 'exec-open' || t.kind === 'exec-close' || t.kind === 'command') {
      // a space only where removing the marker would glue two tokens together
      const glue = !/\s/.test(text[t.start - 1] ?? ' ') && !/\s/.test(text[t.end] ?? ' ')
      push(t.start, glue ? ' ' : '')
      pos = t.end
    } else if (!orReplaceDone && t === sig[0]) {
      push(t.end, ' OR REPLACE')
      pos = t.end
      orReplaceDone = true
    } else if (view && isWord(t, 'IF')) {
      // `VIEW IF NOT EXISTS name` cannot be combined with OR REPLACE
      const idx = sig.indexOf(t)
      if (typeOf(sig[idx - 1]) === 'VIEW' && isWord(sig[idx + 1], 'NOT') && isWord(sig[idx + 2], 'EXISTS')) {
        push(t.start, '')
        pos = sig[idx + 2]!.end
        k = tokens.indexOf(sig[idx + 2]!)
      }
    }
  }
  out += text.slice(pos, to)
  return out
}

/** The same classification for a statement that starts `delta` lines further down (for cached results). */
export function shiftLines(c: Classified, delta: number): Classified {
  if (delta === 0) return c
  switch (c.kind) {
    case 'create': {
      const d = c.def
      const def: RoutineDef = { ...d, line: d.line + delta }
      if (d.definer) def.definer = { text: d.definer.text, line: d.definer.line + delta }
      if (d.securityDefinerLine !== undefined) def.securityDefinerLine = d.securityDefinerLine + delta
      if (d.innerSemicolonLine !== undefined) def.innerSemicolonLine = d.innerSemicolonLine + delta
      return { kind: 'create', def }
    }
    case 'drop':
    case 'forbidden':
    case 'invalid':
      return { ...c, line: c.line + delta }
    case 'session':
    case 'empty':
      return c
  }
}
