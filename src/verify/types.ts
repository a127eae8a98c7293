// Vocabulary of the verification (docs/verify.md): what the caller gives verifyPlan and the report it gets back.
import type { PlanOptions } from '../sql/plan.js'
import type { ObjectType, Plan, SourceTree } from '../sql/types.js'
import type { VerifyDatabase } from './url.js'

export interface VerifyTarget {
  /** The target's name (config `targets[].name`, or `default`): used in messages only. */
  name: string
  /** Whole trees of the target's routine files (and rollback files) before and after the change. */
  base: SourceTree
  head: SourceTree
  /** plan(base, head, planOptions): its execSql and rollbackSql are what is proven. */
  plan: Plan
  planOptions?: PlanOptions
  /** The tables the routines need (config `verify.schema`, `--verify-schema`), loaded into the scratch schema. */
  schemaSql?: { file: string; text: string }
  /**
   * The target database's schema name when known (config `schema:`): SQL qualified with it then means the
   * target's own scratch schema, as it means the target database in DMS.
   */
  schemaName?: string
}

export interface VerifyTimeouts {
  /** One connection attempt (TCP/socket connect + handshake). */
  connectMs: number
  /** One statement. */
  statementMs: number
  /** One step (all its statements and read-backs together). */
  stepMs: number
}

/** Connecting is the only thing retried: statements are never re-sent. */
export interface ConnectRetry {
  attempts: number
  initialDelayMs: number
  maxDelayMs: number
}

export interface VerifyLogger {
  info(message: string): void
  debug?(message: string): void
}

export interface VerifyOptions {
  database: VerifyDatabase
  targets: readonly VerifyTarget[]
  timeouts?: Partial<VerifyTimeouts>
  retry?: Partial<ConnectRetry>
  logger?: VerifyLogger
}

export const DEFAULT_TIMEOUTS: Readonly<VerifyTimeouts> = Object.freeze({ connectMs: 10_000, statementMs: 60_000, stepMs: 600_000 })
/** About 27 s of waiting (0.5, 1, 2, 4, then 5 s apart): long enough for a service container that is still starting. */
export const DEFAULT_RETRY: Readonly<ConnectRetry> = Object.freeze({ attempts: 9, initialDelayMs: 500, maxDelayMs: 5_000 })

/**
 * Where a verification can stop: `prepare` (our own checks of the inputs, before any connection), `connect`,
 * `privileges` (CREATE/DROP DATABASE), then the steps `schema` (1), `base` (2), `deploy` (3),
 * `rollback` (4), and `cleanup` (dropping the scratch schemas).
 */
export const VERIFY_STEPS = ['prepare', 'connect', 'privileges', 'schema', 'base', 'deploy', 'rollback', 'cleanup'] as const
export type VerifyStep = (typeof VERIFY_STEPS)[number]

export interface ServerInfo {
  product: 'MySQL' | 'MariaDB'
  /** `8.0.36`, `10.11.19` */
  version: string
  /** SELECT VERSION() as the server reports it. */
  full: string
}

export interface ObjectRef {
  type: ObjectType
  schema?: string
  name: string
}

export interface SourceAt {
  file: string
  line: number
}

export interface ServerErrorInfo {
  code: string
  errno: number
  sqlState?: string
}

/** A read-back that differs from what it must equal (one field of one object, or an object missing/extra). */
export interface Difference {
  object: ObjectRef
  /** The information_schema column (or `exists`). */
  field: string
  expected: string | null
  actual: string | null
}

export interface TargetSummary {
  name: string
  /** Changed objects deployed, compared with head, rolled back. */
  objects: number
  execStatements: number
  rollbackStatements: number
}

export type VerifyReport =
  | {
      ok: true
      server: ServerInfo
      targets: TargetSummary[]
      /**
       * Differences verification accepted, each explained: an object restored by a reviewer's rollback file whose
       * body differs from the base only in whitespace, comments or keyword case (the planner's comparison form).
       */
      notes: string[]
      /** Milliseconds spent in each step that ran. */
      timings: Partial<Record<VerifyStep, number>>
    }
  | {
      ok: false
      step: VerifyStep
      /** One line; never contains the password. Already includes file:line when `at` is set. */
      message: string
      at?: SourceAt
      object?: ObjectRef
      /** The server's error code when the server refused a statement. */
      serverError?: ServerErrorInfo
      /** The first read-back that differs (steps deploy and rollback). */
      difference?: Difference
      /** Absent when no connection was made. */
      server?: ServerInfo
      target?: string
      timings: Partial<Record<VerifyStep, number>>
    }

export type VerifyFailure = Extract<VerifyReport, { ok: false }>
