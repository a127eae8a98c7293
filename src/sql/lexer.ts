// MySQL lexer and statement splitter: the foundation of the planner. Implementation lives in ./lexer/.
export type { Token, TokenKind, SplitProblem } from './lexer/tokens.js'
export { tokenize, unquote } from './lexer/tokenize.js'
export { splitStatements, type SplitResult } from './lexer/split.js'
