// `npm run local`: runs the Action from its TypeScript source (src/action/main.ts, whose exported run() is the
// entry point) under GitHub's @github/local-action, against the local DMS emulator and the fake GitHub API, with
// no variable to write by hand (docs/development.md, "Debugging the Action locally").
//
// It starts both servers, seeds octo-org/shop-db with PR #1 from examples/pr-1 (a real git workspace, so the
// checkout path runs), writes the event payload and a dotenv file with every variable a runner would set, and runs
// local-action for `pull_request` (opened); then the DBA approves the ticket in the emulator and local-action runs
// again for `schedule`, turning the check green. It prints the check and the comment after each run.
//
//   npm run local                 both runs
//   npm run local -- --keep       the same, then keeps the servers up and prints the command to run again by hand
//                                 (edit .local-action/*.env, set breakpoints, re-run); Ctrl-C stops them
//
// local-action needs Node.js 22 or newer: scripts/node22.sh finds one or installs node@24 from the npm registry.
import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DEFAULT_TOKEN } from '../src/testing/fake-github.js'
import { actionInputDefaults, examplePull, pullRequestPayload, PROJECT_ROOT, schedulePayload, startScenario, type Scenario } from '../src/testing/run-action.js'

const keep = process.argv.includes('--keep')
const OUT = join(PROJECT_ROOT, '.local-action')
const ENTRY = 'src/action/main.ts'

function nodeBinDir(): string {
  return execFileSync('bash', [join(PROJECT_ROOT, 'scripts', 'node22.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim()
}

/** dotenv quoting: values are single-line here; double quotes keep spaces, `#` and `$` literal enough for dotenv. */
function dotenvLine(name: string, value: string): string {
  if (value.includes('\n')) throw new Error(`${name}: multi-line values are not written to the dotenv file`)
  return `${name}=${JSON.stringify(value)}`
}

/** Writes the payload and the dotenv file of one run; returns the dotenv path. */
function writeRun(s: Scenario, name: string, eventName: string, payload: unknown, sha: string): string {
  const dir = join(OUT, name)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(join(dir, 'runner_temp'), { recursive: true })
  const eventPath = join(dir, 'event.json')
  const summary = join(dir, 'step_summary.md')
  writeFileSync(eventPath, JSON.stringify(payload, null, 2))
  writeFileSync(summary, '')
  const inputs: Record<string, string> = { ...actionInputDefaults(), ...s.inputs, 'github-token': DEFAULT_TOKEN }
  const env: Record<string, string> = {
    ACTIONS_STEP_DEBUG: 'false',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: s.repository,
    GITHUB_REPOSITORY_OWNER: s.repository.split('/')[0]!,
    GITHUB_API_URL: s.github.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_GRAPHQL_URL: `${s.github.url}/graphql`,
    GITHUB_WORKSPACE: s.ws.dir,
    GITHUB_SHA: sha,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: 'DMS proc gate',
    GITHUB_JOB: 'gate',
    GITHUB_ACTOR: 'octocat',
    GITHUB_STEP_SUMMARY: summary,
    RUNNER_TEMP: join(dir, 'runner_temp'),
    RUNNER_OS: 'Linux'
  }
  // inputs as the runner names them: INPUT_<NAME>, upper case, hyphens kept (local-action reads the same names)
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v
  const file = join(OUT, `${name}.env`)
  const header = `# ${eventName} run of npm run local (scripts/local-action.ts); servers: GitHub ${s.github.url}, DMS ${s.emulator.url}\n`
  writeFileSync(file, header + Object.entries(env).map(([k, v]) => dotenvLine(k, v)).join('\n') + '\n')
  return file
}

function localActionCommand(envFile: string): string[] {
  return [join(PROJECT_ROOT, 'node_modules', '.bin', 'local-action'), PROJECT_ROOT, ENTRY, envFile]
}

async function runLocalAction(envFile: string, nodeDir: string): Promise<number> {
  const [cmd, ...args] = localActionCommand(envFile)
  return new Promise((resolve, reject) => {
    const child = spawn(cmd!, args, { cwd: PROJECT_ROOT, stdio: 'inherit', env: { ...process.env, PATH: `${nodeDir}:${process.env['PATH'] ?? ''}` } })
    child.on('error', reject)
    child.on('close', code => resolve(code ?? 1))
  })
}

function show(s: Scenario, n: number): void {
  const check = s.check(n)
  console.log(`\n── fake GitHub: check "${check?.name}" on ${check?.head_sha.slice(0, 7)}: ${check?.status}${check?.conclusion ? ` / ${check.conclusion}` : ''} — ${check?.output.title}`)
  const comments = s.comments(n)
  console.log(`── fake GitHub: PR #${n} has ${comments.length} comment(s)${comments.length ? '; the first lines of the sticky one:' : ''}`)
  if (comments[0]) console.log(comments[0].body.replace(/<!--.*?-->\n?/g, '').split('\n').slice(0, 12).map(l => `   ${l}`).join('\n'))
}

async function main(): Promise<void> {
  const nodeDir = nodeBinDir()
  const { base, changes } = examplePull('pr-1')
  // `entry` is unused here: local-action runs the TypeScript source, not dist/
  const s = await startScenario({ entry: join(PROJECT_ROOT, 'dist', 'index.js'), baseFiles: base, inputs: { database: 'demo' } })
  const stop = async (): Promise<void> => {
    await s.close()
  }
  try {
    const { headSha } = s.openPull({ number: 1, changes, title: 'Archive cancelled orders, add customer_label()' })
    const pull = s.github.repo(s.repository).pulls.get(1)!
    const prEnv = writeRun(s, 'pull-request', 'pull_request', pullRequestPayload('opened', {
      repository: s.repository, apiUrl: s.github.url, number: 1, baseSha: s.baseSha, headSha, title: pull.title, body: pull.body,
      user: pull.user, fork: false, merged: false, mergeCommitSha: null, state: 'open'
    }), headSha)
    console.log(`\n== 1/2 pull_request (opened) under @github/local-action with ${readFileSync(prEnv, 'utf8').split('\n').length - 2} variables from ${prEnv}`)
    const first = await runLocalAction(prEnv, nodeDir)
    show(s, 1)
    if (first !== 0) throw new Error(`local-action exited with ${first}`)

    const orders = await s.orders()
    for (const o of orders) await s.decide(o.orderId, 'approve', 'approved from npm run local')
    console.log(`\n── DMS emulator: the DBA approved ticket(s) ${orders.map(o => o.orderId).join(', ')}`)
    const refreshEnv = writeRun(s, 'schedule', 'schedule', schedulePayload({ repository: s.repository, apiUrl: s.github.url }), s.baseSha)
    console.log(`\n== 2/2 schedule (refresh) under @github/local-action, ${refreshEnv}`)
    const second = await runLocalAction(refreshEnv, nodeDir)
    show(s, 1)
    if (second !== 0) throw new Error(`local-action exited with ${second}`)

    if (keep) {
      console.log(`\nServers stay up (Ctrl-C stops them). Run again by hand:\n  PATH=${nodeDir}:$PATH ${localActionCommand(prEnv).join(' ')}`)
      await new Promise<void>(resolve => process.once('SIGINT', () => resolve()))
    }
  } finally {
    await stop()
  }
}

main().catch(e => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
