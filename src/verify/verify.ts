// verifyPlan: proves the plans on a real server before any ticket exists (docs/verify.md). In scratch schemas
// that are always dropped afterwards: (1) load the schema file, (2) create the base routines, (3) run execSql and
// compare every object with the head definitions (created apart in a second scratch set), (4) run rollbackSql and
// compare everything with the base snapshot, byte for byte. Any failure stops and says where.
import { canonicalSql } from '../sql/canonical.js'
import { objectKey } from '../sql/objects.js'
import type { EventIntent } from './events.js'
import { excerpt, formatAt, hint, serverLine } from './explain.js'
import { describeRef, prepareTarget, type PreparedTarget, type Sent } from './prepare.js'
import { RefusedInput } from './refused.js'
import { rewriteQualifiers } from './rewrite.js'
import { SCRATCH_PREFIX, SCRATCH_SETS, ScratchLayout, type ScratchSet } from './scratch.js'
import { formatMs } from './duration.js'
import { ConnectFailure, ConnectionLost, ServerError, Session, StatementTimeout } from './session.js'
import { snapshot } from './snapshot.js'
import { differences, expectedAfterDeploy, stateKey, type State } from './state.js'
import {
  DEFAULT_RETRY, DEFAULT_TIMEOUTS, type ConnectRetry, type Difference, type ObjectRef, type ServerErrorInfo, type ServerInfo,
  type SourceAt, type VerifyFailure, type VerifyOptions, type VerifyReport, type VerifyStep, type VerifyTimeouts
} from './types.js'
import { describeVerifyDatabase } from './url.js'

/** Routine bodies: kept by the server as written (the fields a reviewer's rollback may reformat). */
const BODY_FIELDS = new Set(['ROUTINE_DEFINITION', 'ACTION_STATEMENT', 'EVENT_DEFINITION'])

type FailureFields = Omit<VerifyFailure, 'ok' | 'server' | 'timings'>

/** Thrown inside a step; becomes the report. */
class StepFailure extends Error {
  constructor(readonly fields: FailureFields) {
    super(fields.message)
  }
}

export async function verifyPlan(options: VerifyOptions): Promise<VerifyReport> {
  const timeouts: VerifyTimeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts }
  const retry: ConnectRetry = { ...DEFAULT_RETRY, ...options.retry }
  const timings: Partial<Record<VerifyStep, number>> = {}
  const log = (m: string): void => options.logger?.info(`verify: ${m}`)

  let prepared: PreparedTarget[]
  const t0 = Date.now()
  try {
    if (options.targets.length === 0) throw new RefusedInput('no target to verify')
    prepared = options.targets.map(prepareTarget)
  } catch (e) {
    if (!(e instanceof RefusedInput)) throw e
    timings.prepare = Date.now() - t0
    return { ok: false, step: 'prepare', message: `${formatAt(e.at)}${e.message}`, ...(e.at ? { at: e.at } : {}),
      ...(e.object ? { object: e.object } : {}), timings }
  }
  timings.prepare = Date.now() - t0
  const layout = new ScratchLayout(options.targets, prepared.map((p) => p.qualifiers))

  const t1 = Date.now()
  let control: Session
  try {
    control = await Session.open(options.database, { connectMs: timeouts.connectMs, retry, log })
  } catch (e) {
    if (!(e instanceof ConnectFailure)) throw e
    timings.connect = Date.now() - t1
    return { ok: false, step: 'connect', message: e.message, ...(e.serverError ? { serverError: e.serverError } : {}), timings }
  }
  const run = new Run(options, prepared, layout, control, timeouts, retry, timings, log)
  let report: VerifyReport
  try {
    report = await run.all(t1)
  } catch (e) {
    if (!(e instanceof StepFailure)) {
      // a bug of ours: still never leave scratch schemas behind
      await run.cleanup(run.failure({ step: 'cleanup', message: String(e) })).catch(() => undefined)
      throw e
    }
    report = run.failure(e.fields)
  }
  return run.cleanup(report)
}

class Run {
  server?: ServerInfo
  private readonly created: string[] = []
  private readonly notes: string[] = []
  private readonly events = new Map<ScratchSet, Map<string, EventIntent>>(SCRATCH_SETS.map((s) => [s, new Map()]))
  private step: VerifyStep = 'connect'
  private deadline = 0

  constructor(private readonly options: VerifyOptions, private readonly targets: PreparedTarget[], private readonly layout: ScratchLayout,
    private control: Session, private readonly timeouts: VerifyTimeouts, private readonly retry: ConnectRetry,
    private readonly timings: Partial<Record<VerifyStep, number>>, private readonly log: (m: string) => void) {}

  failure(fields: FailureFields): VerifyFailure {
    return { ok: false, ...fields, ...(this.server ? { server: this.server } : {}), timings: this.timings }
  }

  /** mysql2 names errors from MySQL's list; MariaDB numbers its own errors (1900 and up) differently. */
  private errorInfo(info: ServerErrorInfo): ServerErrorInfo {
    return this.server?.product === 'MariaDB' && info.errno >= 1900 ? { ...info, code: `MARIADB_${info.errno}` } : info
  }

  private begin(step: VerifyStep): number {
    this.step = step
    this.deadline = Date.now() + this.timeouts.stepMs
    return Date.now()
  }

  private end(step: VerifyStep, started: number): void {
    this.timings[step] = Date.now() - started
  }

  /** Time a statement may take: its own limit, or what is left of the step's. */
  private statementMs(what: string): number {
    const left = this.deadline - Date.now()
    if (left <= 0) throw this.timedOut(what, this.timeouts.stepMs, true)
    return Math.min(this.timeouts.statementMs, left)
  }

  private timedOut(what: string, ms: number, wholeStep: boolean, at?: SourceAt, target?: string): StepFailure {
    const limit = wholeStep ? `the step's time limit (${formatMs(this.timeouts.stepMs)}) ran out` : `did not finish within ${formatMs(ms)}`
    return new StepFailure({ step: this.step, message: `${formatAt(at)}${what}: timed out: ${limit}`,
      ...(at ? { at } : {}), ...(target ? { target } : {}) })
  }

  private targetPrefix(p: PreparedTarget): string {
    return this.targets.length > 1 ? `target '${p.target.name}': ` : ''
  }

  async all(connectStarted: number): Promise<VerifyReport> {
    this.begin('connect')
    this.server = await this.serverInfo()
    this.end('connect', connectStarted)
    this.log(`connected to ${this.server.product} ${this.server.version} at ${describeVerifyDatabase(this.options.database)}`)

    let started = this.begin('privileges')
    await this.probePrivileges()
    this.end('privileges', started)

    started = this.begin('schema')
    for (const name of this.layout.all) {
      await this.onControl(`CREATE DATABASE \`${name}\``, `CREATE DATABASE ${name}`)
      this.created.push(name)
      this.options.logger?.debug?.(`verify: created scratch schema ${name}`)
    }
    for (const set of SCRATCH_SETS) {
      for (const [i, p] of this.targets.entries()) await this.runAll(set, i, p.schema)
    }
    this.log(`loaded ${this.targets.reduce((n, p) => n + p.schema.length, 0)} schema statement(s) into ${this.layout.all.length} scratch schemas`)
    this.end('schema', started)

    started = this.begin('base')
    for (const [i, p] of this.targets.entries()) await this.runAll('deploy', i, p.base)
    const base = await this.snapshot('deploy')
    this.log(`created ${base.size} base object(s)`)
    this.end('base', started)

    started = this.begin('deploy')
    for (const [i, p] of this.targets.entries()) await this.runAll('deploy', i, p.exec)
    const deployed = await this.snapshot('deploy')
    for (const [i, p] of this.targets.entries()) await this.runAll('head', i, p.head, 'the head definition, created apart as the reference for deploy')
    const head = await this.snapshot('head')
    const changed = this.targets.flatMap((p, i) => p.changed.map((o) => stateKey(o.type, this.layout.labelFor(i, o.schema), o.name)))
    this.compare(deployed, expectedAfterDeploy(base, head, changed), 'exec')
    this.log(`deploy ✓ (${changed.length} changed object(s) equal their head definitions)`)
    this.end('deploy', started)

    started = this.begin('rollback')
    for (const [i, p] of this.targets.entries()) await this.runAll('deploy', i, p.rollback)
    const reviewed = new Set(this.targets.flatMap((p, i) => p.rollback.flatMap((s) =>
      s.reviewer && s.effect.kind === 'create' ? [stateKey(s.effect.object.type, this.layout.labelFor(i, s.effect.object.schema), s.effect.object.name)] : [])))
    this.compare(await this.snapshot('deploy'), base, 'rollback', reviewed)
    this.log(`rollback ✓ (${base.size} object(s) equal the base snapshot)`)
    this.end('rollback', started)

    return {
      ok: true, server: this.server, notes: this.notes, timings: this.timings,
      targets: this.targets.map((p) => ({ name: p.target.name, objects: p.changed.length, execStatements: p.exec.length, rollbackStatements: p.rollback.length }))
    }
  }

  private async serverInfo(): Promise<ServerInfo> {
    const rows = await this.onControl<[string][]>('SELECT VERSION()', 'SELECT VERSION()', true)
    const full = String(rows[0]?.[0] ?? '')
    return { product: /mariadb/i.test(full) ? 'MariaDB' : 'MySQL', version: /^\d+\.\d+\.\d+/.exec(full)?.[0] ?? full, full }
  }

  private async probePrivileges(): Promise<void> {
    const { user } = this.options.database
    const where = describeVerifyDatabase(this.options.database)
    const grant = `verification creates and drops scratch schemas named ${SCRATCH_PREFIX}*: ` +
      `GRANT ALL ON \`dpg\\_verify\\_%\`.* TO '${user}'@'…' (or use a user that may CREATE and DROP DATABASE)`
    const probe = this.layout.probe
    try {
      await this.control.query(`CREATE DATABASE \`${probe}\``, this.statementMs('CREATE DATABASE'))
    } catch (e) {
      if (!(e instanceof ServerError)) throw this.controlFailure(e, 'CREATE DATABASE')
      throw new StepFailure({ step: 'privileges', serverError: this.errorInfo(e.info),
        message: `the user '${user}' may not CREATE DATABASE on ${where} (${e.serverMessage}); ${grant}` })
    }
    this.created.push(probe)
    try {
      await this.control.query(`DROP DATABASE \`${probe}\``, this.statementMs('DROP DATABASE'))
      this.created.pop()
    } catch (e) {
      if (!(e instanceof ServerError)) throw this.controlFailure(e, 'DROP DATABASE')
      throw new StepFailure({ step: 'privileges', serverError: this.errorInfo(e.info),
        message: `the user '${user}' may CREATE but not DROP DATABASE on ${where} (${e.serverMessage}); ${grant}` })
    }
  }

  private async onControl<T>(sql: string, what: string, rowsAsArray = false): Promise<T> {
    try {
      return await this.control.query<T>(sql, this.statementMs(what), undefined, rowsAsArray)
    } catch (e) {
      throw this.controlFailure(e, what)
    }
  }

  private controlFailure(e: unknown, what: string): StepFailure {
    if (e instanceof StepFailure) return e
    if (e instanceof StatementTimeout) return this.timedOut(what, e.ms, e.ms < this.timeouts.statementMs)
    if (e instanceof ServerError) return new StepFailure({ step: this.step, message: `${what}: ${e.serverMessage}`, serverError: this.errorInfo(e.info) })
    if (e instanceof ConnectionLost) return new StepFailure({ step: this.step, message: `${what}: ${e.message}` })
    throw e
  }

  private async snapshot(set: ScratchSet): Promise<State> {
    const schemas = this.layout.schemasOf(set)
    try {
      return await snapshot({ session: this.control, layout: this.layout, product: this.server!.product, events: this.events.get(set)!,
        ms: () => this.statementMs('reading information_schema') }, schemas)
    } catch (e) {
      throw this.controlFailure(e, 'reading information_schema')
    }
  }

  /** Runs statements in order on a fresh connection to the target's scratch schema, as DMS runs a ticket. */
  private async runAll(set: ScratchSet, i: number, list: readonly Sent[], source?: string): Promise<void> {
    if (list.length === 0) return
    const p = this.targets[i]!
    let session: Session
    try {
      session = await Session.open(this.options.database, { database: this.layout.defaultOf(set, i), connectMs: this.timeouts.connectMs,
        retry: this.retry, log: this.log })
    } catch (e) {
      if (!(e instanceof ConnectFailure)) throw e
      throw new StepFailure({ step: this.step, message: `${this.targetPrefix(p)}${e.message}`, target: p.target.name })
    }
    const map = this.layout.rewriteMap(set, i)
    try {
      for (const s of list) {
        try {
          await session.query(rewriteQualifiers(s.text, map), this.statementMs(s.what))
        } catch (e) {
          throw this.statementFailure(e, p, s, source)
        }
        this.track(set, i, s)
      }
    } finally {
      await session.close()
    }
  }

  private statementFailure(e: unknown, p: PreparedTarget, s: Sent, source: string | undefined): StepFailure {
    const object = s.effect.kind === 'create' || s.effect.kind === 'alter' ? s.effect.object : s.effect.kind === 'drop' ? s.effect.objects[0] : undefined
    const base = { step: this.step, target: p.target.name, ...(object ? { object } : {}) }
    if (e instanceof StepFailure) return e
    if (e instanceof StatementTimeout) return this.timedOut(s.what, e.ms, e.ms < this.timeouts.statementMs, s.at, p.target.name)
    let at = s.at
    let detail: string
    let serverError: ServerErrorInfo | undefined
    if (e instanceof ServerError) {
      at = serverLine(s.at, e.serverMessage)
      serverError = this.errorInfo(e.info)
      detail = this.layout.neutralize(e.serverMessage) + hint(serverError, p.target)
    } else if (e instanceof ConnectionLost) {
      detail = e.message
    } else {
      throw e
    }
    return new StepFailure({ ...base, ...(at ? { at } : {}), ...(serverError ? { serverError } : {}),
      message: `${this.targetPrefix(p)}${formatAt(at)}${s.what}${source ? ` (${source})` : ''}: ${detail}` })
  }

  /** Keeps each event's intent as the statements create and drop events. */
  private track(set: ScratchSet, i: number, s: Sent): void {
    const events = this.events.get(set)!
    const key = (o: ObjectRef): string => stateKey('EVENT', this.layout.labelFor(i, o.schema), o.name)
    if (s.effect.kind === 'create' && s.effect.event) {
      const k = key(s.effect.object)
      if (!(s.effect.ifNotExists && events.has(k))) events.set(k, s.effect.event)
    } else if (s.effect.kind === 'alter') {
      // the planner alters only when the schedule is unchanged: the intent keeps its schedule, takes the new status
      const k = key(s.effect.object)
      const before = events.get(k)
      if (before !== undefined) events.set(k, { ...before, status: s.effect.status })
    } else if (s.effect.kind === 'drop') {
      for (const o of s.effect.objects) if (o.type === 'EVENT') events.delete(key(o))
    }
  }

  /**
   * Byte for byte, except a body restored by a reviewer's rollback file (`reviewed` keys), which may differ from the
   * base in what the planner's comparison form ignores: that is accepted, and noted in the report.
   */
  private compare(actual: State, expected: State, against: 'exec' | 'rollback', reviewed: ReadonlySet<string> = new Set()): void {
    const diffs = differences(actual, expected).filter((d) => {
      const tolerated = reviewed.has(stateKey(d.type, d.label, d.name)) && BODY_FIELDS.has(d.field) && d.expected !== null &&
        d.actual !== null && canonicalSql(d.expected) === canonicalSql(d.actual)
      if (tolerated) {
        const o = this.refOfLabel(d.type, d.label, d.name)
        this.notes.push(`${describeRef(o)}: the rollback file restores the base definition with other whitespace, comments or keyword case (${d.field})`)
      }
      return !tolerated
    })
    if (diffs.length === 0) return
    const d = diffs[0]!
    const { target: ti } = this.layout.schemaOfLabel(d.label)
    const owner = ti ?? Math.max(0, this.targets.findIndex((p) => p.qualifiers.has(d.label)))
    const p = this.targets[owner]!
    const object = this.refOfLabel(d.type, d.label, d.name)
    const at = this.locate(p, object, against)
    const difference: Difference = { object, field: d.field, expected: d.expected, actual: d.actual }
    const what = against === 'exec'
      ? 'after execSql it does not equal its head definition'
      : 'after rollbackSql it does not equal the base'
    const detail = d.field === 'exists'
      ? (d.expected === 'yes' ? 'it is missing' : 'it should not exist')
      : `${d.field} differs: ${excerpt(d.expected, d.actual)}`
    const more = diffs.length > 1 ? ` (and ${diffs.length - 1} more difference${diffs.length > 2 ? 's' : ''})` : ''
    throw new StepFailure({ step: this.step, target: p.target.name, object, difference, ...(at ? { at } : {}),
      message: `${this.targetPrefix(p)}${formatAt(at)}${describeRef(object)}: ${what}: ${detail}${more}` })
  }

  private refOfLabel(type: ObjectRef['type'], label: string, name: string): ObjectRef {
    const { schema } = this.layout.schemaOfLabel(label)
    return schema !== undefined ? { type, schema, name } : { type, name }
  }

  /** Where to fix an object that differs: the statement of that step that last touched it, else its planned file. */
  private locate(p: PreparedTarget, o: ObjectRef, against: 'exec' | 'rollback'): SourceAt | undefined {
    const key = objectKey(o.type, o)
    const touches = (s: Sent): boolean => ((s.effect.kind === 'create' || s.effect.kind === 'alter') && objectKey(s.effect.object.type, s.effect.object) === key) ||
      (s.effect.kind === 'drop' && s.effect.objects.some((x) => objectKey(x.type, x) === key))
    const list = against === 'exec' ? p.exec : p.rollback
    const hit = [...list].reverse().find((s) => touches(s) && s.at)
    if (hit?.at) return hit.at
    const planned = p.target.plan.objects.find((x) => objectKey(x.type, x) === key)
    return planned ? { file: planned.file, line: planned.line } : undefined
  }

  /** Drops every scratch schema this run created, whatever happened before; a failure here is reported too. */
  async cleanup(report: VerifyReport): Promise<VerifyReport> {
    const started = this.begin('cleanup')
    const left: string[] = []
    let reason = ''
    for (const name of [...this.created].reverse()) {
      try {
        await this.dropSchema(name)
      } catch (e) {
        left.push(name)
        reason = e instanceof Error ? e.message : String(e)
      }
    }
    await this.control.close()
    this.end('cleanup', started)
    if (left.length === 0) return report
    const message = `could not drop the scratch schema(s) ${left.join(', ')} (${reason}): drop them by hand`
    this.log(message)
    if (!report.ok) return { ...report, message: `${report.message}; also ${message}` }
    return this.failure({ step: 'cleanup', message })
  }

  private async dropSchema(name: string): Promise<void> {
    const sql = `DROP DATABASE IF EXISTS \`${name}\``
    try {
      await this.control.query(sql, this.statementMs(sql))
    } catch (e) {
      if (!(e instanceof ConnectionLost) && !(e instanceof StatementTimeout)) throw e
      // the control connection died (or was killed with a stuck statement): one fresh connection for the rest
      await this.control.close()
      this.control = await Session.open(this.options.database, { connectMs: this.timeouts.connectMs, retry: this.retry, log: this.log })
      await this.control.query(sql, this.statementMs(sql))
    }
  }
}
