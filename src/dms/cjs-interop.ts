// The @alicloud packages are CommonJS with `exports.default = Class` + `__esModule`. Node's ESM loader
// (tests, tsx) hands us module.exports as the default import, while ncc/webpack honours __esModule and
// hands us exports.default. Unwrap either shape to the class.
export function defaultExport<T>(mod: unknown): T {
  let x = (mod as { default?: unknown }).default ?? mod
  if (typeof x !== 'function' && x !== null && typeof x === 'object' && 'default' in x) {
    x = (x as { default: unknown }).default
  }
  if (typeof x !== 'function') throw new Error('cannot load the default export of an @alicloud module')
  return x as T
}

/** A named export, looking through the default wrapper when the loader put it there. */
export function namedExport<T>(mod: unknown, name: string): T {
  const m = mod as Record<string, unknown>
  const direct = m[name]
  if (direct !== undefined) return direct as T
  const inner = m.default as Record<string, unknown> | undefined
  if (inner && inner[name] !== undefined) return inner[name] as T
  throw new Error(`cannot load ${name} from an @alicloud module`)
}
