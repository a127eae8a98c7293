// Allocation-free recognition of the few keywords the splitter needs: compares char codes case-insensitively
// instead of slicing and upper-casing every word.

export enum Kw {
  None, CREATE, ALTER, OR, REPLACE, DEFINER, AGGREGATE, PROCEDURE, FUNCTION, TRIGGER, EVENT, BEGIN, END, IF, CASE,
  LOOP, WHILE, REPEAT, NOT, ATOMIC, EXISTS, THEN, ELSE, DO, ROW, DETERMINISTIC, HANDLER, OTHER_OBJECT
}

const TABLE: ReadonlyArray<readonly [string, Kw]> = [
  ['CREATE', Kw.CREATE], ['ALTER', Kw.ALTER], ['OR', Kw.OR], ['REPLACE', Kw.REPLACE], ['DEFINER', Kw.DEFINER],
  ['AGGREGATE', Kw.AGGREGATE], ['PROCEDURE', Kw.PROCEDURE], ['FUNCTION', Kw.FUNCTION], ['TRIGGER', Kw.TRIGGER],
  ['EVENT', Kw.EVENT], ['BEGIN', Kw.BEGIN], ['END', Kw.END], ['IF', Kw.IF], ['CASE', Kw.CASE], ['LOOP', Kw.LOOP],
  ['WHILE', Kw.WHILE], ['REPEAT', Kw.REPEAT], ['NOT', Kw.NOT], ['ATOMIC', Kw.ATOMIC], ['EXISTS', Kw.EXISTS],
  ['THEN', Kw.THEN], ['ELSE', Kw.ELSE], ['DO', Kw.DO], ['ROW', Kw.ROW], ['DETERMINISTIC', Kw.DETERMINISTIC], ['HANDLER', Kw.HANDLER],
  // CREATE <these> is never a stored program: stop looking for PROCEDURE/FUNCTION/TRIGGER/EVENT
  ...['TABLE', 'VIEW', 'INDEX', 'DATABASE', 'SCHEMA', 'USER', 'ROLE', 'SERVER', 'SEQUENCE', 'TABLESPACE',
    'TEMPORARY', 'UNIQUE', 'FULLTEXT', 'SPATIAL', 'PACKAGE', 'LOGFILE', 'SYNONYM', 'RESOURCE', 'SPFILE']
    .map((w) => [w, Kw.OTHER_OBJECT] as const)
]

/** Buckets by length, then candidates compared char by char. */
const BY_LEN: Array<Array<readonly [Uint16Array, Kw]>> = []
for (const [w, k] of TABLE) {
  const codes = new Uint16Array(w.length)
  for (let i = 0; i < w.length; i++) codes[i] = w.charCodeAt(i)
  ;(BY_LEN[w.length] ??= []).push([codes, k])
}
const MAX_LEN = BY_LEN.length - 1

/** Keyword id of the word s[start, end), or Kw.None. */
export function keywordOf(s: string, start: number, end: number): Kw {
  const len = end - start
  if (len > MAX_LEN) return Kw.None
  const bucket = BY_LEN[len]
  if (bucket === undefined) return Kw.None
  const c0 = s.charCodeAt(start)
  if (c0 > 127) return Kw.None
  const first = c0 & 0xdf // ASCII upper-case (keywords start with a letter)
  outer: for (let b = 0; b < bucket.length; b++) {
    const [codes, kw] = bucket[b]!
    if (codes[0] !== first) continue
    for (let i = 1; i < len; i++) {
      const c = s.charCodeAt(start + i)
      if (c > 127 || (c & 0xdf) !== codes[i]) {
        // digits/underscore/$ have no case: compare them directly
        if (c !== codes[i]) continue outer
      }
    }
    return kw
  }
  return Kw.None
}
