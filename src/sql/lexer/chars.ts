// Character codes and a lookup table, so the scanners test one array slot per char instead of running regexes.

export const NL = 10
export const CR = 13
export const TAB = 9
export const SPACE = 32
export const BANG = 33 // !
export const DQUOTE = 34 // "
export const HASH = 35 // #
export const DOLLAR = 36
export const SQUOTE = 39 // '
export const LPAREN = 40
export const RPAREN = 41
export const STAR = 42
export const COMMA = 44
export const DASH = 45
export const DOT = 46
export const SLASH = 47
export const DIGIT0 = 48
export const DIGIT9 = 57
export const COLON = 58
export const SEMI = 59
export const LT = 60
export const EQ = 61
export const GT = 62
export const AT = 64
export const UPPER_M = 77
export const BACKSLASH = 92
export const BACKTICK = 96
export const BOM = 0xfeff

/** Bit flags per ASCII code. */
export const C_WORD = 1 // may continue an unquoted word: letters, digits, _ and $ (non-ASCII handled by callers)
export const C_WS = 2 // whitespace for token purposes (space, tab, CR, LF, VT, FF)
export const C_DIGIT = 4

export const CHAR_CLASS: Uint8Array = (() => {
  const t = new Uint8Array(128)
  for (let c = 48; c <= 57; c++) t[c] = C_WORD | C_DIGIT
  for (let c = 65; c <= 90; c++) t[c] = C_WORD
  for (let c = 97; c <= 122; c++) t[c] = C_WORD
  t[95] = C_WORD // _
  t[DOLLAR] = C_WORD
  for (const c of [SPACE, TAB, NL, CR, 11, 12]) t[c] = C_WS
  return t
})()

/** True for chars that continue an unquoted identifier/keyword (any non-ASCII char does, as in MySQL). */
export function isWordChar(c: number): boolean {
  return c >= 128 ? c !== BOM : (CHAR_CLASS[c]! & C_WORD) !== 0
}
