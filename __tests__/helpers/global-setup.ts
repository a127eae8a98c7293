// Starts one throwaway MariaDB on a private socket for the whole jest run, and gives the run a private temp
// directory (TMPDIR, inherited by every test worker and the CLI/Action processes they start) that globalTeardown
// removes whole, so no test leaves dpg-* directories behind. Self-contained on purpose: jest loads globalSetup
// outside its module mapper.
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// One state file per jest run, so parallel runs never stop each other's server.
const STATE_FILE = process.env.DPG_MARIADB_STATE ?? join(tmpdir(), `dpg-jest-mariadb-${process.pid}.json`)

function which(...bins: string[]): string | undefined {
  const dirs = (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/usr/bin'])
  for (const b of bins) for (const d of dirs) if (d && existsSync(join(d, b))) return join(d, b)
  return undefined
}

const BUILD_LOCK = '/tmp/dpg-build.lock'

/**
 * Runs `script` with sh under the build lock that `npm run build` users on a shared machine take with flock(1);
 * where there is no flock (macOS) it runs unlocked: a single developer's machine has no concurrent builds.
 */
export function underBuildLock(script: string, options: { cwd?: string; path?: string } = {}): void {
  const path = options.path ?? process.env.PATH ?? ''
  const flock = path.split(':').map((d) => join(d, 'flock')).find((f) => f !== 'flock' && existsSync(f))
  const [file, args] = flock ? [flock, [BUILD_LOCK, '/bin/sh', '-c', script]] : ['/bin/sh', ['-c', script]]
  execFileSync(file, args, { cwd: options.cwd, stdio: 'inherit', timeout: 600_000, env: { ...process.env, PATH: path } })
}

/** Rebuilds dist/ once when src/ is newer, so the CLI and e2e tests run the code under test (CI checks
 *  freshness before testing, so there this is a no-op). */
function ensureFreshDist(): void {
  underBuildLock('if [ ! -f dist/cli.js ] || [ ! -f dist/index.js ] || ' +
    '[ -n "$(find src scripts package.json -newer dist/index.js -print -quit)" ]; then npm run -s build; fi')
}

export default async function globalSetup(): Promise<void> {
  ensureFreshDist()
  process.env.DPG_MARIADB_STATE = STATE_FILE // inherited by the test workers and globalTeardown
  // Everything the run puts in the temp directory goes under one root that globalTeardown removes.
  const runTmp = mkdtempSync(join(tmpdir(), 'dpg-test-run-'))
  process.env.DPG_TEST_TMPDIR = runTmp
  process.env.TMPDIR = runTmp
  const server = which('mariadbd', 'mysqld')
  const client = which('mariadb', 'mysql')
  const installDb = which('mariadb-install-db', 'mysql_install_db')
  if (!server || !client || !installDb) {
    if (process.env.CI) throw new Error('MariaDB is required in CI: apt-get install -y mariadb-server mariadb-client')
    console.warn('\n[dms-proc-gate] MariaDB is not installed: the real-database tests will fail. ' +
      'Install it with: apt-get install -y mariadb-server mariadb-client\n')
    writeFileSync(STATE_FILE, JSON.stringify({ unavailable: 'not installed', runTmp }))
    return
  }
  const dir = mkdtempSync(join(tmpdir(), 'dpg-mariadb-'))
  const socket = join(dir, 'sock')
  execFileSync(installDb, ['--no-defaults', '--user=root', `--datadir=${dir}/data`,
    '--auth-root-authentication-method=normal', '--skip-test-db'], { stdio: 'ignore' })
  const child = spawn(server, ['--no-defaults', '--user=root', `--datadir=${dir}/data`, `--socket=${socket}`,
    '--skip-networking', '--event-scheduler=OFF', `--pid-file=${dir}/pid`, `--log-error=${dir}/err.log`,
    '--innodb-buffer-pool-size=64M', '--skip-log-bin'], { detached: true, stdio: 'ignore' })
  child.unref()
  const deadline = Date.now() + 30_000
  for (;;) {
    try {
      execFileSync(client, ['--no-defaults', '-uroot', `--socket=${socket}`, '-e', 'SELECT 1'], { stdio: 'ignore' })
      break
    } catch {
      if (Date.now() > deadline) {
        const log = existsSync(join(dir, 'err.log')) ? readFileSync(join(dir, 'err.log'), 'utf8') : ''
        throw new Error(`MariaDB did not start within 30 s:\n${log}`)
      }
      await new Promise((r) => setTimeout(r, 150))
    }
  }
  writeFileSync(STATE_FILE, JSON.stringify({ dir, socket, pid: child.pid, client, runTmp }))
}
