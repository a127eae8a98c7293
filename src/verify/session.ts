// Connections to the verify server (mysql2). Connecting is retried with backoff on errors that can pass
// (refused, reset, timed out, server starting); nothing else is ever retried. Every statement has a timeout:
// on expiry the connection is destroyed and the server-side thread killed from a second connection, so a
// stuck statement cannot keep running after we gave up. The password only ever goes to mysql2.
import { createConnection, type Connection } from 'mysql2/promise'
import { describeVerifyDatabase, type VerifyDatabase } from './url.js'
import type { ConnectRetry, ServerErrorInfo } from './types.js'
import { formatMs } from './duration.js'

/** The server refused a statement (or the connection): its code and message, never retried. */
export class ServerError extends Error {
  constructor(readonly info: ServerErrorInfo, readonly serverMessage: string) {
    super(serverMessage)
  }
}

export class StatementTimeout extends Error {
  constructor(readonly ms: number) {
    super(`did not finish within ${formatMs(ms)}`)
  }
}

export class ConnectionLost extends Error {}

export class ConnectFailure extends Error {
  constructor(message: string, readonly serverError?: ServerErrorInfo) {
    super(message)
  }
}

// Network errors and server states that a later attempt can get past (a service container still starting).
const RETRYABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOENT',
  'EPIPE', 'PROTOCOL_CONNECTION_LOST', 'PROTOCOL_SEQUENCE_TIMEOUT', 'ER_CON_COUNT_ERROR', 'ER_SERVER_SHUTDOWN'])

interface DriverError {
  code?: string
  errno?: number
  sqlState?: string
  sqlMessage?: string
  message?: string
}

function serverInfoOf(e: DriverError): ServerErrorInfo | undefined {
  if (typeof e.errno !== 'number' || e.sqlMessage === undefined) return undefined
  const info: ServerErrorInfo = { code: e.code ?? 'UNKNOWN', errno: e.errno }
  if (e.sqlState) info.sqlState = e.sqlState
  return info
}

export interface ConnectOptions {
  /** Default database of the connection (a scratch schema), if any. */
  database?: string
  connectMs: number
  retry: ConnectRetry
  log?: (message: string) => void
  /** For tests of the backoff; defaults to setTimeout. */
  sleep?: (ms: number) => Promise<void>
}

const defaultSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

async function connectOnce(db: VerifyDatabase, database: string | undefined, connectMs: number): Promise<Connection> {
  const where = db.endpoint.kind === 'tcp' ? { host: db.endpoint.host, port: db.endpoint.port } : { socketPath: db.endpoint.path }
  return createConnection({
    ...where,
    user: db.user,
    password: db.password?.reveal() ?? '',
    ...(database !== undefined ? { database } : {}),
    connectTimeout: connectMs,
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: true,
    multipleStatements: false,
    // no LOAD DATA LOCAL: a statement must never read files from the machine running verification
    flags: ['-LOCAL_FILES'],
    charset: 'utf8mb4_general_ci'
  })
}

export class Session {
  private dead = false
  private constructor(private readonly conn: Connection, private readonly db: VerifyDatabase, private readonly connectMs: number) {}

  static async open(db: VerifyDatabase, o: ConnectOptions): Promise<Session> {
    const sleep = o.sleep ?? defaultSleep
    const started = Date.now()
    for (let attempt = 1; ; attempt++) {
      try {
        return new Session(await connectOnce(db, o.database, o.connectMs), db, o.connectMs)
      } catch (err) {
        const e = err as DriverError
        const reason = (e.sqlMessage ?? e.message ?? String(err)).replace(/\s+/g, ' ')
        const retryable = RETRYABLE.has(e.code ?? '')
        if (!retryable || attempt >= o.retry.attempts) {
          const tries = attempt === 1 ? '' : ` (${attempt} attempts over ${formatMs(Date.now() - started)})`
          throw new ConnectFailure(`cannot connect to ${describeVerifyDatabase(db)}: ${reason}${tries}`, serverInfoOf(e))
        }
        const delay = Math.min(o.retry.maxDelayMs, o.retry.initialDelayMs * 2 ** (attempt - 1))
        o.log?.(`cannot connect to ${describeVerifyDatabase(db)} (${reason}); attempt ${attempt + 1} of ${o.retry.attempts} in ${formatMs(delay)}`)
        await sleep(delay)
      }
    }
  }

  get threadId(): number {
    return this.conn.threadId
  }

  /** One statement (or one read with `values` for its placeholders), given at most `ms` to finish. */
  async query<T>(sql: string, ms: number, values?: unknown[], rowsAsArray = false): Promise<T> {
    if (this.dead) throw new ConnectionLost('the connection was already closed after an earlier failure')
    let timer: NodeJS.Timeout | undefined
    const expired = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new StatementTimeout(ms)), Math.max(1, ms)) })
    try {
      const [rows] = await Promise.race([this.conn.query({ sql, values, rowsAsArray }), expired])
      return rows as T
    } catch (err) {
      if (err instanceof StatementTimeout) {
        this.dead = true
        this.conn.destroy()
        await this.killServerThread()
        throw err
      }
      const e = err as DriverError
      const info = serverInfoOf(e)
      if (info && !(e.code ?? '').startsWith('PROTOCOL_')) throw new ServerError(info, e.sqlMessage!.replace(/\s+/g, ' '))
      this.dead = true
      this.conn.destroy()
      throw new ConnectionLost(`the connection to the server was lost (${(e.message ?? String(err)).replace(/\s+/g, ' ')})`)
    } finally {
      clearTimeout(timer)
    }
  }

  /** Best effort: a destroyed connection's statement may still be running on the server. */
  private async killServerThread(): Promise<void> {
    let killer: Session | undefined
    try {
      killer = await Session.open(this.db, { connectMs: this.connectMs, retry: { attempts: 1, initialDelayMs: 0, maxDelayMs: 0 } })
      await killer.query(`KILL ${Number(this.threadId)}`, this.connectMs)
    } catch {
      // the thread may have ended by itself; nothing else to do
    } finally {
      await killer?.close()
    }
  }

  async close(): Promise<void> {
    if (this.dead) return
    this.dead = true
    let timer: NodeJS.Timeout | undefined
    try {
      await Promise.race([this.conn.end(), new Promise((r) => { timer = setTimeout(r, this.connectMs) })])
    } catch {
      // closing a broken connection: destroy below
    } finally {
      clearTimeout(timer)
      this.conn.destroy()
    }
  }
}
