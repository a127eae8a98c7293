// Pure: which PERM_APPLY tickets gate a PR. The config's `perm-orders` and `DMS-Perm-Order: <id>` lines in the
// PR body only *name* tickets; their state and contents always come from DMS.

/** At most this many permission tickets gate one PR (each costs 3 DMS calls per refresh). */
export const MAX_PERM_ORDERS = 20

export interface PermOrderRef {
  orderId: number
  /** Where the id came from, for messages: the config (with its line) or the PR body (with its line). */
  source: { kind: 'config'; file: string; line: number } | { kind: 'pr-body'; line: number }
}

export interface PrBodyParse {
  refs: PermOrderRef[]
  /** Malformed `DMS-Perm-Order` lines: never ignored, they fail the gate with this message. */
  errors: string[]
}

const KEY = /^dms-perm-order\s*:(.*)$/i

/**
 * Reads `DMS-Perm-Order: <id>` lines. Strict: the key starts the line (case-insensitive, like a git trailer),
 * one positive integer per line, nothing else after it. Lines inside fenced code blocks and HTML comments
 * (PR templates explain the syntax there) are not read. Repeated ids are kept once.
 */
export function parsePermOrderLines(body: string | null | undefined): PrBodyParse {
  const refs: PermOrderRef[] = []
  const errors: string[] = []
  if (!body) return { refs, errors }
  let fence: string | null = null
  let inComment = false
  const lines = body.split(/\r?\n/)
  lines.forEach((raw, index) => {
    const lineNo = index + 1
    const trimmed = raw.trim()
    if (inComment) {
      if (trimmed.includes('-->')) inComment = false
      return
    }
    const fenceMatch = /^(`{3,}|~{3,})/.exec(trimmed)
    if (fence) {
      if (fenceMatch && fenceMatch[1]!.startsWith(fence)) fence = null
      return
    }
    if (fenceMatch) {
      fence = fenceMatch[1]!
      return
    }
    if (trimmed.startsWith('<!--')) {
      if (!trimmed.includes('-->')) inComment = true
      return
    }
    const m = KEY.exec(raw.replace(/\s+$/, ''))
    if (!m) return
    const value = m[1]!.trim()
    if (!/^[1-9][0-9]{0,15}$/.test(value) || !Number.isSafeInteger(Number(value))) {
      errors.push(`PR description line ${lineNo}: DMS-Perm-Order needs one DMS ticket id (a positive integer), got ${JSON.stringify(value.slice(0, 40))}`)
      return
    }
    const orderId = Number(value)
    if (!refs.some((r) => r.orderId === orderId)) refs.push({ orderId, source: { kind: 'pr-body', line: lineNo } })
  })
  return { refs, errors }
}

/** Config refs first, then PR-body refs not already named; errors when there are too many. */
export function collectPermOrders(
  fromConfig: ReadonlyArray<{ orderId: number; line: number }>,
  configFile: string,
  prBody: string | null | undefined
): PrBodyParse {
  const parsed = parsePermOrderLines(prBody)
  const refs: PermOrderRef[] = fromConfig.map((p) => ({ orderId: p.orderId, source: { kind: 'config', file: configFile, line: p.line } }))
  for (const r of parsed.refs) if (!refs.some((x) => x.orderId === r.orderId)) refs.push(r)
  const errors = [...parsed.errors]
  if (refs.length > MAX_PERM_ORDERS) errors.push(`too many permission tickets (${refs.length}); at most ${MAX_PERM_ORDERS} may gate one PR`)
  return { refs, errors }
}
