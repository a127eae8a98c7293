// The MariaDB server that globalSetup started for this test run (see global-setup.ts, docs/testing.md).
// Test files create their own databases on it and feed SQL through the real `mariadb` client.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'

/** Written by global-setup.ts, which exports its path to the workers as DPG_MARIADB_STATE. */
const STATE_FILE = process.env.DPG_MARIADB_STATE ?? ''

export interface MariaDbHandle {
  dir: string
  socket: string
  pid: number
  client: string
}

/** The shared server; throws with the install hint when MariaDB is not installed. */
export function sharedMariaDb(): MariaDbHandle {
  if (!STATE_FILE || !existsSync(STATE_FILE)) throw new Error('MariaDB test server not started (jest globalSetup did not run)')
  const s = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as MariaDbHandle | { unavailable: string }
  if (!('socket' in s)) throw new Error(`MariaDB unavailable (${s.unavailable}): apt-get install -y mariadb-server mariadb-client`)
  return s
}

/**
 * Runs SQL through the real client exactly as a user would (`mariadb db < file`), returning stdout. Bytes are sent
 * as they are (a GBK file with `--default-character-set=gbk`); a string is sent as UTF-8.
 */
export function mariadb(sql: string | Uint8Array, database?: string, extraArgs: string[] = []): string {
  const h = sharedMariaDb()
  const args = ['--no-defaults', '-uroot', `--socket=${h.socket}`, '--batch', '--skip-column-names', ...extraArgs]
  if (database) args.push(database)
  return execFileSync(h.client, args, { input: sql, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] })
}
