// `dms-proc-gate` CLI: dispatches to one module per subcommand (src/cli/<command>.ts), loaded lazily so
// `plan` starts without parsing the DMS SDK and the emulator. ncc emits each lazy module as a numbered
// chunk next to dist/cli.js; scripts/build.mjs keeps the Action bundle chunk-free so names never collide.
// Reference: docs/cli.md.
import { EXIT, EXIT_HELP } from './exit-codes.js'
import { VERSION } from './version.js'

export type Command = (argv: string[]) => Promise<number>

const commands: Record<string, () => Promise<{ run: Command }>> = {
  plan: () => import('./plan.js'),
  emulator: () => import('./emulator.js'),
  status: () => import('./status.js'),
  template: () => import('./template.js'),
  'validate-config': () => import('./validate-config.js')
}

export const USAGE = `usage: dms-proc-gate <command> [options]
       dms-proc-gate --version | --help

commands:
  plan             plan the routine changes between two trees (JSON with --json)
  emulator         run a local DMS endpoint (wire-compatible) for demos, tests and dry runs
  status           print a DMS ticket's state and approval progress
  template         create or apply DMS permission templates
  validate-config  check a .github/dms-proc-gate.yml file

Run 'dms-proc-gate <command> --help' for a command's options.
${EXIT_HELP}`

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (!name) {
    process.stderr.write(USAGE)
    return EXIT.USAGE
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    // `help <command>` is `<command> --help`
    if (name === 'help' && rest.length > 0 && rest[0]! in commands) return (await commands[rest[0]!]!()).run(['--help'])
    process.stdout.write(USAGE)
    return EXIT.OK
  }
  if (name === '--version' || name === '-V' || name === 'version') {
    process.stdout.write(`dms-proc-gate ${VERSION}\n`)
    return EXIT.OK
  }
  const load = commands[name]
  if (!load) {
    process.stderr.write(`dms-proc-gate: unknown command '${name}'\n\n${USAGE}`)
    return EXIT.USAGE
  }
  return (await load()).run(rest)
}
