// Lines of YAML nodes by key path, so that every config error can name the line the user must edit.
import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from 'yaml'

export type KeyPath = ReadonlyArray<string | number>

/** `['targets', 1, 'exec-mode']` → `targets[1].exec-mode`. */
export function formatPath(path: KeyPath): string {
  let out = ''
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out === '' ? seg : `.${seg}`
  return out
}

function keyText(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key)
}

interface Found {
  /** The deepest node reached along the path. */
  node: Node | null
  /** The map pair holding the last key, when the path ends on a map key. */
  pair: Pair<Node, Node | null> | null
  complete: boolean
}

function walk(doc: Document, path: KeyPath): Found {
  let node: Node | null = (doc.contents as Node | null) ?? null
  let pair: Found['pair'] = null
  for (const seg of path) {
    if (isMap(node)) {
      const hit = node.items.find((p) => isPair(p) && keyText(p as Pair) === String(seg)) as Found['pair'] | undefined
      if (!hit) return { node, pair: null, complete: false }
      pair = hit
      node = hit.value ?? (hit.key as Node)
    } else if (isSeq(node) && typeof seg === 'number' && node.items[seg]) {
      pair = null
      node = node.items[seg] as Node
    } else {
      return { node, pair: null, complete: false }
    }
  }
  return { node, pair, complete: true }
}

export class LineFinder {
  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter
  ) {}

  private lineOf(node: Node | null | undefined): number {
    const offset = node?.range?.[0]
    return offset === undefined ? 1 : this.lines.linePos(offset).line
  }

  /** Line of the value at `path` (or of the nearest existing parent when the key is missing). */
  valueLine(path: KeyPath): number {
    const found = walk(this.doc, path)
    return this.lineOf(found.node)
  }

  /** Line of the key `key` inside the map at `parent` (for unknown keys). */
  keyLine(parent: KeyPath, key: string): number {
    const found = walk(this.doc, [...parent, key])
    if (found.complete && found.pair) return this.lineOf(found.pair.key as Node)
    return this.lineOf(found.node)
  }

  /** Line where the item at `path` starts (a target's `- name:` line). */
  itemLine(path: KeyPath): number {
    return this.valueLine(path)
  }
}
