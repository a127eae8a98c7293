// Reading __tests__/fixtures/dms-contract.json (generated from Alibaba's SDK models by scripts/dms-contract.mjs):
// check request parameters and response bodies against it, and build sample bodies from it.
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export type TypeNode = 'string' | 'number' | 'boolean' | 'any' | { object: Record<string, TypeNode> } | { array: TypeNode } | { map: TypeNode }
export interface RequestParam {
  in: 'query' | 'body'
  type: TypeNode | 'json'
  shape?: TypeNode
}
export interface ActionContract {
  version: string
  method: string
  style: string
  request: Record<string, RequestParam>
  response: Record<string, TypeNode>
}
export interface Contract {
  source: { repository: string; folder: string; commit: string }
  actions: Record<string, ActionContract>
}

const FILE = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'dms-contract.json')
export const contract: Contract = JSON.parse(readFileSync(FILE, 'utf8'))

function describeType(t: TypeNode): string {
  return typeof t === 'string' ? t : 'object' in t ? 'object' : 'array' in t ? 'array' : 'map'
}

/** Problems of a JSON value against a type node (unknown names, wrong types), each with its path. */
export function valueProblems(value: unknown, type: TypeNode, path: string): string[] {
  if (value === null || value === undefined || type === 'any') return []
  if (type === 'string') return typeof value === 'string' ? [] : [`${path}: expected string, got ${JSON.stringify(value)}`]
  if (type === 'number') return typeof value === 'number' ? [] : [`${path}: expected number, got ${JSON.stringify(value)}`]
  if (type === 'boolean') return typeof value === 'boolean' ? [] : [`${path}: expected boolean, got ${JSON.stringify(value)}`]
  if ('array' in type) {
    if (!Array.isArray(value)) return [`${path}: expected array, got ${JSON.stringify(value).slice(0, 60)}`]
    return value.flatMap((v, i) => valueProblems(v, type.array, `${path}[${i}]`))
  }
  if (typeof value !== 'object' || Array.isArray(value)) return [`${path}: expected ${describeType(type)}, got ${JSON.stringify(value).slice(0, 60)}`]
  if ('map' in type) return Object.entries(value).flatMap(([k, v]) => valueProblems(v, type.map, `${path}.${k}`))
  return objectProblems(value as Record<string, unknown>, type.object, path)
}

export function objectProblems(value: Record<string, unknown>, fields: Record<string, TypeNode>, path: string): string[] {
  return Object.entries(value).flatMap(([k, v]) => {
    const t = fields[k]
    const at = path ? `${path}.${k}` : k
    return t === undefined ? [`${at}: not a field of the SDK model (known: ${Object.keys(fields).join(', ')})`] : valueProblems(v, t, at)
  })
}

/** Problems of one request's wire parameters (all strings) against the action's SDK request. */
export function requestProblems(action: string, query: Record<string, string>, body: Record<string, string>): string[] {
  const c = contract.actions[action]
  if (!c) return [`${action}: not an action of the contract`]
  const problems: string[] = []
  for (const [where, params] of [['query', query], ['body', body]] as const) {
    for (const [name, raw] of Object.entries(params)) {
      const p = c.request[name]
      if (!p) {
        problems.push(`${action}.${name}: not a parameter of ${action}Request (known: ${Object.keys(c.request).join(', ')})`)
        continue
      }
      if (p.in !== where) problems.push(`${action}.${name}: sent in the ${where}, the SDK sends it in the ${p.in}`)
      if (p.type === 'json') {
        let parsed: unknown
        try {
          parsed = JSON.parse(raw)
        } catch {
          problems.push(`${action}.${name}: not a JSON string`)
          continue
        }
        problems.push(...valueProblems(parsed, p.shape!, `${action}.${name}`))
      } else if (p.type === 'number' && !/^-?\d+(\.\d+)?$/.test(raw)) {
        problems.push(`${action}.${name}: expected a number, got ${JSON.stringify(raw)}`)
      } else if (p.type === 'boolean' && raw !== 'true' && raw !== 'false') {
        problems.push(`${action}.${name}: expected true or false, got ${JSON.stringify(raw)}`)
      }
    }
  }
  return problems
}

/** Problems of a response body against the action's SDK ResponseBody (names the SDK does not know, wrong types). */
export function responseProblems(action: string, body: unknown): string[] {
  const c = contract.actions[action]
  if (!c) return [`${action}: not an action of the contract`]
  if (typeof body !== 'object' || body === null) return [`${action}: body is not an object`]
  return objectProblems(body as Record<string, unknown>, c.response, action)
}

/** A stable positive integer for a path (distinct values make a misread field visible). */
export function sampleNumber(path: string): number {
  let h = 7
  for (const ch of path) h = (h * 31 + ch.charCodeAt(0)) % 1_000_003
  return h + 1
}

/** A body with every field of the SDK model filled: strings are their own path, numbers sampleNumber(path),
 *  booleans true, arrays one element. `overrides` sets a path (as `A.B[].C`) to a chosen value. */
export function sampleBody(action: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const c = contract.actions[action]
  if (!c) throw new Error(`${action}: not an action of the contract`)
  const sample = (t: TypeNode, path: string): unknown => {
    if (path in overrides) return overrides[path]
    if (t === 'string') return path
    if (t === 'number') return sampleNumber(path)
    if (t === 'boolean') return true
    if (t === 'any') return null
    if ('array' in t) return [sample(t.array, `${path}[]`)]
    if ('map' in t) return { key: sample(t.map, `${path}.key`) }
    return Object.fromEntries(Object.entries(t.object).map(([k, v]) => [k, sample(v, path ? `${path}.${k}` : k)]))
  }
  return sample({ object: c.response }, '') as Record<string, unknown>
}
