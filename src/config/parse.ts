// Pure parsing of .github/dms-proc-gate.yml text: YAML (with positions) → zod validation → Config, or errors that
// each name file, line and key path.
import { LineCounter, parseAllDocuments } from 'yaml'
import type { z } from 'zod'
import { configSchema, type RawConfig, type RawSettings } from './schema.js'
import { LineFinder, formatPath, type KeyPath } from './positions.js'
import type { Config, ConfigError, ConfigTarget, DatabaseSpec, EncodingSetting, TargetSettings } from './types.js'

export const DEFAULT_CONFIG_PATH = '.github/dms-proc-gate.yml'

export type ParseResult = { ok: true; config: Config } | { ok: false; errors: ConfigError[] }

export function parseConfig(text: string, file: string = DEFAULT_CONFIG_PATH): ParseResult {
  const lines = new LineCounter()
  const docs = parseAllDocuments(text, { lineCounter: lines, intAsBigInt: true, prettyErrors: false, uniqueKeys: true })
  const errors: ConfigError[] = []
  const at = (line: number, path: KeyPath, message: string) =>
    errors.push({ file, line, path: formatPath(path), message })

  if (!Array.isArray(docs) || docs.length === 0) {
    // An empty file (or only comments) is a valid config that sets nothing.
    return { ok: true, config: { file, defaults: {}, targets: [], permOrders: [], templates: [] } }
  }
  if (docs.length > 1) {
    const second = docs[1]!
    at(lines.linePos(second.range[0]).line, [], 'must hold a single YAML document (found a second one)')
    return { ok: false, errors }
  }
  const doc = docs[0]!
  for (const problem of [...doc.errors, ...doc.warnings]) {
    at(lines.linePos(problem.pos[0]).line, [], `YAML ${problem.code === 'DUPLICATE_KEY' ? 'duplicate key' : 'syntax error'}: ${firstLine(problem.message)}`)
  }
  if (errors.length > 0) return { ok: false, errors }

  const where = new LineFinder(doc, lines)
  let data: unknown
  try {
    data = doc.toJS({ maxAliasCount: 100 }) ?? {}
  } catch (err) {
    // Unresolved or excessive aliases surface only here.
    at(1, [], `YAML error: ${firstLine((err as Error).message)}`)
    return { ok: false, errors }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    at(where.valueLine([]), [], 'must be a mapping of keys (defaults, targets, perm-orders, templates)')
    return { ok: false, errors }
  }
  const result = configSchema.safeParse(data, { reportInput: true })
  // Duplicates are judged on the raw data, so they are reported together with every other mistake.
  errors.push(...duplicateErrors(data as Record<string, unknown>, where, file))
  if (!result.success) {
    for (const issue of result.error.issues) errors.push(...issueToErrors(issue, where, file))
    return { ok: false, errors: sortErrors(errors) }
  }
  return errors.length > 0 ? { ok: false, errors: sortErrors(errors) } : { ok: true, config: toConfig(result.data, where, file) }
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
}

function sortErrors(errors: ConfigError[]): ConfigError[] {
  return errors.sort((a, b) => a.line - b.line || a.path.localeCompare(b.path))
}

const TYPE_NAMES: Record<string, string> = {
  bigint: 'an integer',
  number: 'a number',
  string: 'a string',
  array: 'a list',
  object: 'a mapping',
  boolean: 'true or false'
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'an empty value'
  if (typeof value === 'bigint') return `the integer ${value}`
  if (typeof value === 'number') return `the number ${value}`
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`
  if (typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) return 'a list'
  return 'a mapping'
}

// Every key the schema knows, for "did you mean" hints.
const KNOWN_KEYS = [
  'version', 'defaults', 'targets', 'perm-orders', 'templates', 'name', 'paths', 'db-id', 'schema', 'host', 'port',
  'env', 'exec-mode', 'classify', 'related-users', 'include', 'exclude', 'rollback-pattern', 'description', 'verify', 'encoding'
]

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1))
      prev = tmp
    }
  }
  return row[b.length]!
}

function suggestion(key: string): string {
  const normalized = key.toLowerCase().replace(/_/g, '-')
  let best: string | null = null
  let bestScore = 3
  for (const known of KNOWN_KEYS) {
    const score = distance(normalized, known)
    if (score < bestScore) {
      best = known
      bestScore = score
    }
  }
  return best ? ` (did you mean '${best}'?)` : ''
}

function issueToErrors(issue: z.core.$ZodIssue, where: LineFinder, file: string): ConfigError[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol')
  const error = (line: number, p: KeyPath, message: string): ConfigError => ({ file, line, path: formatPath(p), message })
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => error(where.keyLine(path, key), [...path, key], `unknown key${suggestion(key)}`))
    case 'invalid_type': {
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected
      if (issue.input === undefined) return [error(where.valueLine(path), path, `is required (${expected})`)]
      return [error(where.valueLine(path), path, `expected ${expected}, got ${describe(issue.input)}`)]
    }
    case 'invalid_value':
      if (issue.values.length === 1) {
        return [error(where.valueLine(path), path, issue.message)]
      }
      return [error(where.valueLine(path), path, `must be one of ${issue.values.map(String).join(', ')} (got ${describe(issue.input)})`)]
    case 'too_small':
      return [error(where.valueLine(path), path, issue.message)]
    case 'invalid_union': {
      // The alternative the value got furthest in explains the mistake; else say what each one expects.
      const deeper = issue.errors.find((alternative) => alternative.some((i) => i.path.length > 0))
      if (deeper) return deeper.flatMap((i) => issueToErrors({ ...i, path: [...issue.path, ...i.path] } as z.core.$ZodIssue, where, file))
      const expected = [...new Set(issue.errors.flat().map((i) => (i.code === 'invalid_type' ? TYPE_NAMES[i.expected] ?? i.expected : i.message)))]
      return [error(where.valueLine(path), path, `expected ${expected.join(' or ')}, got ${describe(issue.input)}`)]
    }
    default:
      return [error(where.valueLine(path), path, issue.message)]
  }
}

function settingsOf(raw: RawSettings): Partial<TargetSettings> {
  const out: Partial<TargetSettings> = {}
  if (raw['exec-mode'] !== undefined) out.execMode = raw['exec-mode']
  if (raw.classify !== undefined) out.classify = raw.classify
  if (raw['related-users'] !== undefined) out.relatedUsers = raw['related-users']
  if (raw.include !== undefined) out.include = raw.include
  if (raw.exclude !== undefined) out.exclude = raw.exclude
  if (raw['rollback-pattern'] !== undefined) out.rollbackPattern = raw['rollback-pattern']
  return out
}

/** The `encoding` setting with the lines its values are on (messages name where an encoding was set). */
function encodingOf(raw: RawSettings['encoding'], path: KeyPath, where: LineFinder): { encoding?: EncodingSetting } {
  if (raw === undefined) return {}
  if (typeof raw === 'string') return { encoding: { kind: 'all', label: raw, line: where.valueLine(path) } }
  return { encoding: { kind: 'globs', rules: raw.map((r, i) => ({ paths: r.paths, label: r.encoding, line: where.valueLine([...path, i, 'encoding']) })) } }
}

function toConfig(raw: RawConfig, where: LineFinder, file: string): Config {
  const targets: ConfigTarget[] = (raw.targets ?? []).map((t, i) => {
    const database: DatabaseSpec =
      t['db-id'] !== undefined
        ? { kind: 'db-id', dbId: t['db-id'], ...(t.logic === true ? { logic: true } : {}) }
        : {
            kind: 'schema',
            schema: t.schema!,
            ...(t.host !== undefined ? { host: t.host } : {}),
            ...(t.port !== undefined ? { port: t.port } : {}),
            ...(t.env !== undefined ? { env: t.env } : {})
          }
    return { name: t.name, paths: t.paths, database, line: where.itemLine(['targets', i]), ...settingsOf(t),
      ...(t.verify !== undefined ? { verify: { schema: t.verify.schema } } : {}),
      ...encodingOf(t.encoding, ['targets', i, 'encoding'], where) }
  })
  return {
    file,
    defaults: { ...settingsOf(raw.defaults ?? {}), ...encodingOf(raw.defaults?.encoding, ['defaults', 'encoding'], where) },
    targets,
    permOrders: (raw['perm-orders'] ?? []).map((orderId, i) => ({ orderId, line: where.valueLine(['perm-orders', i]) })),
    templates: (raw.templates ?? []).map((t, i) => ({
      name: t.name,
      description: t.description ?? '',
      line: where.itemLine(['templates', i])
    }))
  }
}

/**
 * Names must be unique: targets name tickets and checks (compared case-insensitively: DMS and check names do),
 * templates are keyed by name in DMS. Items of the wrong shape are left to the schema's messages.
 */
function duplicateErrors(data: Record<string, unknown>, where: LineFinder, file: string): ConfigError[] {
  const errors: ConfigError[] = []
  const seen = (list: unknown, key: (item: unknown) => string | undefined, path: (i: number) => KeyPath, line: (i: number) => KeyPath, what: string) => {
    if (!Array.isArray(list)) return
    const first = new Map<string, number>()
    list.forEach((item, i) => {
      const k = key(item)
      if (k === undefined) return
      const prior = first.get(k)
      if (prior === undefined) first.set(k, i)
      else errors.push({ file, line: where.valueLine(line(i)), path: formatPath(path(i)), message: `duplicate ${what} (first at line ${where.valueLine(line(prior))})` })
    })
  }
  const nameOf = (item: unknown): string | undefined => {
    const name = (item as { name?: unknown } | null)?.name
    return typeof name === 'string' ? name : undefined
  }
  seen(data.targets, (t) => nameOf(t)?.toLowerCase(), (i) => ['targets', i, 'name'], (i) => ['targets', i], 'target name')
  seen(data.templates, nameOf, (i) => ['templates', i, 'name'], (i) => ['templates', i], 'template name')
  seen(data['perm-orders'], (p) => (typeof p === 'bigint' ? String(p) : undefined), (i) => ['perm-orders', i], (i) => ['perm-orders', i], 'perm order id')
  return errors
}
