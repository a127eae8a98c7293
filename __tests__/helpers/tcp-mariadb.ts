// A second, private MariaDB for the tests that need TCP (the shared one from global-setup.ts is socket-only):
// its own data directory, 127.0.0.1 on a free port, and a socket. Stopped by its pid, directory removed.
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface TcpMariaDb {
  port: number
  socket: string
  /** Runs SQL as root through the real client; returns stdout. */
  sql(sql: string, database?: string): string
  stop(): Promise<void>
}

function which(bin: string): string {
  for (const d of [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/usr/bin']) if (d && existsSync(join(d, bin))) return join(d, bin)
  throw new Error(`${bin} not found: apt-get install -y mariadb-server mariadb-client`)
}

/** A port nothing listens on right now (the kernel's choice). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
  })
}

/** `eventScheduler` and `logBin` as MySQL 8 ships them (both on) when asked; MariaDB's defaults otherwise. */
export async function startTcpMariaDb(options: { eventScheduler?: boolean; logBin?: boolean } = {}): Promise<TcpMariaDb> {
  const dir = mkdtempSync(join(tmpdir(), 'dpg-verify-mariadb-'))
  const socket = join(dir, 'sock')
  const client = which('mariadb')
  execFileSync(which('mariadb-install-db'), ['--no-defaults', '--user=root', `--datadir=${dir}/data`,
    '--auth-root-authentication-method=normal', '--skip-test-db'], { stdio: 'ignore' })
  const port = await freePort()
  const child = spawn(which('mariadbd'), ['--no-defaults', '--user=root', `--datadir=${dir}/data`, `--socket=${socket}`,
    `--port=${port}`, '--bind-address=127.0.0.1', `--event-scheduler=${options.eventScheduler ? 'ON' : 'OFF'}`,
    `--pid-file=${dir}/pid`, `--log-error=${dir}/err.log`, '--innodb-buffer-pool-size=32M',
    ...(options.logBin ? [`--log-bin=${dir}/binlog`, '--server-id=1'] : ['--skip-log-bin'])],
  { detached: true, stdio: 'ignore' })
  child.unref()
  const sql = (text: string, database?: string): string =>
    execFileSync(client, ['--no-defaults', '-uroot', `--socket=${socket}`, '--batch', '--skip-column-names', ...(database ? [database] : [])],
      { input: text, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] })
  const deadline = Date.now() + 30_000
  for (;;) {
    try {
      sql('SELECT 1')
      break
    } catch {
      if (Date.now() > deadline) {
        const log = existsSync(join(dir, 'err.log')) ? readFileSync(join(dir, 'err.log'), 'utf8') : ''
        throw new Error(`the TCP MariaDB did not start within 30 s:\n${log}`)
      }
      await new Promise((r) => setTimeout(r, 150))
    }
  }
  const stop = async (): Promise<void> => {
    try {
      process.kill(child.pid!, 'SIGTERM')
      const until = Date.now() + 15_000
      while (Date.now() < until) {
        process.kill(child.pid!, 0)
        await new Promise((r) => setTimeout(r, 100))
      }
    } catch {
      // gone
    }
    rmSync(dir, { recursive: true, force: true })
  }
  return { port, socket, sql, stop }
}
