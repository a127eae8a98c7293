// Stops the MariaDB started by global-setup.ts and removes its directory.
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// One state file per jest run, so parallel runs never stop each other's server.
const STATE_FILE = process.env.DPG_MARIADB_STATE ?? join(tmpdir(), `dpg-jest-mariadb-${process.pid}.json`)

export default async function globalTeardown(): Promise<void> {
  if (!existsSync(STATE_FILE)) return
  const s = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as { pid?: number; dir?: string; runTmp?: string }
  rmSync(STATE_FILE, { force: true })
  if (s.pid && s.dir) {
    let running = true
    try { process.kill(s.pid, 'SIGTERM') } catch { running = false }
    const deadline = Date.now() + 15_000
    while (running && Date.now() < deadline) {
      try { process.kill(s.pid, 0) } catch { break }
      await new Promise((r) => setTimeout(r, 100))
    }
    rmSync(s.dir, { recursive: true, force: true })
  }
  // the run's private temp root (global-setup.ts): every dpg-* directory a test or a child process made
  if (s.runTmp && /\/dpg-test-run-[^/]+$/.test(s.runTmp)) rmSync(s.runTmp, { recursive: true, force: true })
}
