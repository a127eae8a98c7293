// Token vocabulary of the MySQL lexer (see ../lexer.ts for the public entry points).

export type TokenKind =
  | 'word' | 'ident' | 'string' | 'number' | 'variable' | 'op' | 'comment' | 'ws' | 'exec-open' | 'exec-close'
  /** A client backslash command such as mariadb-dump's `\-` (the client removes it; the server never sees it). */
  | 'command'
  /** A whole executable comment that no server runs (`/*!99999 … *\/`, `/*M!999999 … *\/`). */
  | 'inert'

export interface Token {
  kind: TokenKind
  /** Raw source text of the token. */
  text: string
  /**
   * 'word': upper-cased text; 'ident': unquoted backtick name (`` `a``b` `` → a`b); 'string': unescaped
   * content; 'inert': its opening marker (`/*!99999`); every other kind: same as text.
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
