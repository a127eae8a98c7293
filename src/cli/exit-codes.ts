// Exit status of every dms-proc-gate command, in one place (docs/cli.md; `dms-proc-gate --help` prints it).
export const EXIT = {
  /** Done: a plan without errors, a ticket shown, a valid config, templates created or already there. */
  OK: 0,
  /** The command ran and found a problem: plan errors, an invalid config, a DMS refusal or error. */
  FAILED: 1,
  /** Usage error: an unknown or missing option, a missing directory or git ref; nothing was done. */
  USAGE: 2
} as const

export const EXIT_HELP = `exit status (every command):
  0  done: no plan errors, ticket shown, config valid, templates created or present, emulator stopped
  1  the command ran and found a problem: plan errors, an invalid config, a DMS refusal or error
  2  usage error: unknown or missing option, missing directory or git ref; nothing was done
`
