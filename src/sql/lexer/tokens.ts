// Token vocabulary of the MySQL lexer (see ../lexer.ts for the public entry points).

export type TokenKind =
  | 'word' | 'ident' | 'string' | 'number' | 'variable' | 'op' | 'comment' | 'ws' | 'exec-open' | 'exec-close'

export interface Token {
  kind: TokenKind
  /** Raw source text of the token. */
  text: string
  /**
   * 'word': upper-cased text; 'ident': unquoted backtick name (`` `a``b` `` → a`b); 'string': unescaped
   * content; every other kind: same as text.
   */
  value: string
  /** Offsets into the tokenized text. */
  start: number
  end: number
  /** 1-based line, counted from baseLine. */
  line: number
}

export interface SplitProblem {
  line: number
  message: string
}
