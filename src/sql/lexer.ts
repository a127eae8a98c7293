// MySQL lexer and statement splitter: the foundation of the planner. The mysql/mariadb command-line client is
// the reference (see __tests__/sql/lexer-client.test.ts); implementation in ./lexer/.
//
//   tokenize(text, baseLine?)  Tokenizes ONE statement's text (no DELIMITER handling). Executable comments
//                              `/*! … */`, `/*!50003 … */` and MariaDB `/*M! … */` are transparent: an
//                              'exec-open' token, the content lexed as normal SQL tokens, then 'exec-close';
//                              one no server runs (`/*!99999 … */`) is a single 'inert' token. Client backslash
//                              commands (mariadb-dump's `\-`) are 'command' tokens.
//   splitStatements(source)    Splits a whole .sql file as the client would (DELIMITER directives, quotes,
//                              comments, client commands), keeping a `;`-delimited stored program's
//                              BEGIN … END body whole.
export type { Token, TokenKind, SplitProblem } from './lexer/tokens.js'
export { tokenize, unquote } from './lexer/tokenize.js'
export { splitStatements, type SplitResult } from './lexer/split.js'
