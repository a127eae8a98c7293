// The zod schema of .github/dms-proc-gate.yml (kebab-case keys, every object strict so typos fail).
// Input is YAML parsed with intAsBigInt, so integers arrive as bigint and floats as number.
import { z } from 'zod'
import { ENV_TYPES, EXEC_MODES } from './types.js'
import { globProblem, pathProblem } from './globs.js'
import { rollbackPatternProblem } from './rollback-pattern.js'
import { resolveEncodingLabel } from '../sources/encoding.js'
import { templateDescriptionProblem, templateNameProblem } from '../perm/template-name.js'

/** A refinement turning a `problem(value)` function into an issue with its message. */
function checked(schema: z.ZodString, problem: (v: string) => string | null) {
  return schema.superRefine((value, ctx) => {
    const message = problem(value)
    if (message) ctx.addIssue({ code: 'custom', message })
  })
}

function integer(min: number, max: number, what: string) {
  return z.bigint().transform((value, ctx) => {
    if (value < BigInt(min) || value > BigInt(max)) {
      ctx.addIssue({ code: 'custom', message: `must be ${what} (${min}–${max})` })
      return z.NEVER
    }
    return Number(value)
  })
}

const positiveId = (what: string) => integer(1, Number.MAX_SAFE_INTEGER, what)

/** DMS user ids may exceed 2^53: accept an integer or a quoted digit string, keep it as a string. */
const userId = z.unknown().transform((value, ctx) => {
  // Up to 20 digits, like the `related-users` input.
  if (typeof value === 'bigint' && value > 0n && value.toString().length <= 20) return value.toString()
  if (typeof value === 'string' && /^[1-9][0-9]{0,19}$/.test(value)) return value
  ctx.addIssue({ code: 'custom', message: 'must be a DMS user id (a positive integer)' })
  return z.NEVER
})

const glob = checked(z.string(), globProblem)
const globList = z.array(glob).min(1, 'must list at least one glob')

export const TARGET_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/

const encodingName = checked(z.string(), (v) => {
  const r = resolveEncodingLabel(v)
  return 'problem' in r ? r.problem : null
})
/** `encoding: gbk`, or a list of `{ paths: [globs], encoding: name }` (the first matching entry decides). */
const encoding = z.union([encodingName, z.array(z.strictObject({ paths: globList, encoding: encodingName })).min(1, 'must list at least one entry')])

const settings = {
  'exec-mode': z.enum(EXEC_MODES).optional(),
  // Same limit as the `classify` input.
  classify: checked(z.string(), (v) => (v.length > 200 ? 'must be at most 200 characters' : null)).optional(),
  'related-users': z.array(userId).optional(),
  include: globList.optional(),
  exclude: z.array(glob).optional(),
  'rollback-pattern': checked(z.string(), rollbackPatternProblem).optional(),
  encoding: encoding.optional()
}

const target = z
  .strictObject({
    name: checked(z.string(), (v) =>
      TARGET_NAME.test(v) ? null : 'must be 1–63 characters: letters, digits, . _ - (starting with a letter or digit)'
    ),
    paths: globList,
    'db-id': positiveId('a DMS database id').optional(),
    schema: checked(z.string(), (v) => (v.trim() === '' || /\s/.test(v) ? 'must be a schema name without spaces' : null)).optional(),
    host: checked(z.string(), (v) => (v.trim() === '' ? 'must not be empty' : null)).optional(),
    port: integer(1, 65535, 'a TCP port').optional(),
    env: z.enum(ENV_TYPES).optional(),
    // per target only: each database has its own tables
    verify: z.strictObject({ schema: checked(z.string(), pathProblem) }).optional(),
    // CreateProcCorrectOrder DbItemList[].Logic: a DbId names either a physical or a logical database.
    logic: z.boolean().optional(),
    ...settings
  })
  .superRefine(
    (t, ctx) => {
      const has = (key: string) => (t as Record<string, unknown>)[key] !== undefined
      if (has('db-id') && has('schema')) {
        ctx.addIssue({ code: 'custom', path: ['schema'], message: 'give either db-id or schema, not both' })
      } else if (!has('db-id') && !has('schema')) {
        ctx.addIssue({ code: 'custom', path: [], message: 'needs a database: db-id: <DMS DbId> or schema: <name>' })
      }
      if (has('db-id')) {
        for (const key of ['host', 'port', 'env']) {
          if (has(key)) ctx.addIssue({ code: 'custom', path: [key], message: 'only applies with schema (db-id already names one database)' })
        }
      } else if (has('logic')) {
        ctx.addIssue({ code: 'custom', path: ['logic'], message: 'only applies with db-id (SearchDatabase says whether a schema is logical)' })
      }
    },
    // Run even when a field is invalid, so every mistake in a target is reported at once.
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value) }
  )

const template = z.strictObject({
  name: checked(z.string(), templateNameProblem),
  description: checked(z.string(), templateDescriptionProblem).optional()
})

export const configSchema = z.strictObject({
  version: z.literal(1n, { error: 'must be 1' }).optional(),
  defaults: z.strictObject({
    ...settings,
    verify: z.unknown().superRefine((_, ctx) => ctx.addIssue({ code: 'custom', message: 'set verify per target: each database has its own tables' })).optional()
  }).optional(),
  targets: z.array(target).optional(),
  'perm-orders': z.array(positiveId('a DMS order id')).optional(),
  templates: z.array(template).optional()
})

export type RawConfig = z.output<typeof configSchema>
export type RawSettings = z.output<z.ZodObject<typeof settings>>
