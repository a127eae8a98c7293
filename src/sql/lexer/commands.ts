// The mysql/mariadb client's own commands (client/mysql.cc `commands[]`), in their two forms:
// - by name: a line whose first word is one of them is run by the client, not sent to the server, when it comes
//   while no statement is pending, e.g. a stray `GO` line or `use db`. DELIMITER is handled by the splitter itself.
// - by backslash: `\x` anywhere outside quotes and plain comments (also inside `/*! … */`), e.g. the
//   `/*M!999999\- enable the sandbox mode */` line that mariadb-dump writes first. The client removes the two chars;
//   a command that takes an argument also consumes the rest of the line.

/** Command name → whether it takes arguments (those that do not are only recognised alone on their line). */
const COMMANDS: ReadonlyMap<string, boolean> = new Map([
  ['?', true], ['clear', false], ['connect', true], ['edit', false], ['ego', false], ['exit', false], ['go', false],
  ['help', true], ['nopager', false], ['notee', false], ['pager', true], ['print', false], ['prompt', true],
  ['quit', false], ['rehash', false], ['sandbox', false], ['source', true], ['status', false], ['system', true],
  ['tee', true], ['use', true], ['charset', true], ['warnings', false], ['nowarning', false]
])

export interface BackslashCommand {
  /** Name as in the client's `help` (e.g. 'sandbox' for `\-`). */
  name: string
  /** Reads an argument: the client consumes the rest of the line. */
  takesParams: boolean
}

/** Backslash command char → command (client/mysql.cc `commands[]`, MariaDB 10.11). Other chars are not commands. */
const BACKSLASH_COMMANDS: ReadonlyMap<string, BackslashCommand> = new Map(([
  ['?', 'help', true], ['h', 'help', true], ['c', 'clear', false], ['r', 'connect', true], ['d', 'delimiter', true],
  ['e', 'edit', false], ['G', 'ego', false], ['q', 'quit', false], ['g', 'go', false], ['n', 'nopager', false],
  ['t', 'notee', false], ['P', 'pager', true], ['p', 'print', false], ['R', 'prompt', true], ['#', 'rehash', false],
  ['-', 'sandbox', false], ['.', 'source', true], ['s', 'status', false], ['!', 'system', true], ['T', 'tee', true],
  ['u', 'use', true], ['C', 'charset', true], ['W', 'warnings', false], ['w', 'nowarning', false]
] as const).map(([c, name, takesParams]) => [c, { name, takesParams }]))

/** The backslash command `\c` names, or undefined (the client then reports "Unknown command" and sends the text). */
export function backslashCommand(c: string): BackslashCommand | undefined {
  return BACKSLASH_COMMANDS.get(c)
}

/**
 * Where the client stops removing the argument of a backslash command whose argument starts at j (add_line):
 * inside a `/*!` comment opened on the same line at its `*\/`; elsewhere after the next `delimiter` on the line
 * (the statement goes on after it), or at the end of the line.
 */
export function backslashParamsEnd(s: string, j: number, inExecComment: boolean, delimiter: string): number {
  let eol = s.indexOf('\n', j)
  if (eol < 0) eol = s.length
  if (inExecComment) {
    const close = s.indexOf('*/', j)
    return close >= 0 && close < eol ? close : eol
  }
  const k = s.indexOf(delimiter, j)
  return k >= 0 && k < eol ? k + delimiter.length : eol
}

export interface ClientCommand {
  /** Lower-case command name. */
  name: string
  /** Offset of the end of its line (the `\n`, or the end of input). */
  eol: number
}

/**
 * The client command on the line whose first non-blank char is at i, if the client would run it (find_command):
 * the first word names a command, followed by blanks/end, or by arguments when the command takes some; and the
 * line contains neither the current delimiter nor `\g` (such lines go through the statement parser instead).
 */
export function clientCommandAt(s: string, i: number, delimiter: string): ClientCommand | undefined {
  let j = i
  for (;;) {
    const c = s.charCodeAt(j)
    if (c === 63 /* ? */ ? j === i : (c >= 97 && c <= 122) || (c >= 65 && c <= 90)) j++
    else break
  }
  if (j === i || j - i > 9) return undefined
  const takesParams = COMMANDS.get(s.slice(i, j).toLowerCase())
  if (takesParams === undefined) return undefined
  const after = s.charCodeAt(j)
  if (!(after === 32 || after === 9 || after === 10 || after === 13 || Number.isNaN(after))) return undefined
  let eol = s.indexOf('\n', j)
  if (eol < 0) eol = s.length
  const line = s.slice(i, eol)
  if (line.includes(delimiter) || line.includes('\\g')) return undefined
  if (!takesParams && line.slice(j - i).trim() !== '') return undefined
  return { name: s.slice(i, j).toLowerCase(), eol }
}
