// `dms-proc-gate` CLI: dispatches to one module per subcommand (src/cli/<command>.ts).
// Static imports on purpose: ncc turns dynamic imports into numbered chunk files, which would collide
// between the two bundles sharing dist/.
import * as plan from './plan.js'
import * as emulator from './emulator.js'
import * as status from './status.js'
import * as template from './template.js'
import * as validateConfig from './validate-config.js'

export type Command = (argv: string[]) => Promise<number>

const commands: Record<string, Command> = {
  plan: plan.run,
  emulator: emulator.run,
  status: status.run,
  template: template.run,
  'validate-config': validateConfig.run
}

export const USAGE = `usage: dms-proc-gate <command> [options]

commands:
  plan             plan the routine changes between two trees (JSON with --json)
  emulator         run a local DMS endpoint (wire-compatible) for demos, tests and dry runs
  status           print a DMS ticket's state and approval progress
  template         create or apply DMS permission templates
  validate-config  check a .github/dms-proc-gate.yml file
`

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE)
    return name ? 0 : 2
  }
  const command = commands[name]
  if (!command) {
    process.stderr.write(`dms-proc-gate: unknown command '${name}'\n\n${USAGE}`)
    return 2
  }
  return command(rest)
}
