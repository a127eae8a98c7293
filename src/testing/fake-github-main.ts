// Runs the fake GitHub as a process (for `npm run demo` and child-process tests):
//   tsx src/testing/fake-github-main.ts [--seed <file.json>]
// Prints one JSON line {"url": "http://127.0.0.1:<port>", "token": "<workflow token>"} and serves until SIGTERM/SIGINT.
// Seed, faults, counters and state are reachable over HTTP: POST /__fake/seed, POST /__fake/faults,
// POST /__fake/reset-counters, GET /__fake/counters, GET /__fake/state.
import { readFileSync } from 'node:fs'
import { DEFAULT_TOKEN, startFakeGitHub, type FakeSeed } from './fake-github.js'

const args = process.argv.slice(2)
const seedAt = args.indexOf('--seed')
const seed = seedAt >= 0 && args[seedAt + 1] ? (JSON.parse(readFileSync(args[seedAt + 1], 'utf8')) as FakeSeed) : undefined
const gh = await startFakeGitHub(seed)
process.stdout.write(JSON.stringify({ url: gh.url, token: DEFAULT_TOKEN }) + '\n')
const stop = (): void => {
  gh.close().then(() => process.exit(0), () => process.exit(1))
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
