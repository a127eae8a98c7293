// `dms-proc-gate plan`: plans two trees (directories, or refs of a git repository) and prints the plan
// as JSON (--json, the contract in docs/cli.md) or as a human-readable summary. Exit 0 / 1 (plan errors, or a failed
// --verify) / 2 (usage).
import { readFileSync } from 'node:fs'
import { DEFAULT_INCLUDE, plan } from '../sql/plan.js'
import type { Plan, SourceTree } from '../sql/types.js'
import { readDirTree } from '../sources/dir.js'
import { GitSourceError, readGitTree } from '../sources/git.js'
import { parseVerifyUrl, Secret, VerifyUrlError, type VerifyDatabase } from '../verify/url.js'

export const PLAN_USAGE = `usage: dms-proc-gate plan --base <dir> --head <dir> [--include <glob>]... [--json] [--verify <url> …]
       dms-proc-gate plan --repo <path> --base-ref <ref> --head-ref <ref> [--include <glob>]... [--json] [--verify <url> …]

  --base <dir>        the tree before the change (a missing directory means no files)
  --head <dir>        the tree after the change (a missing directory means no files)
  --repo <path>       read both trees from this git repository instead, at --base-ref and --head-ref
  --include <glob>    routine files to plan (picomatch, repeatable; default ${DEFAULT_INCLUDE.join(' ')})
  --rollback-pattern <pattern>
                      reviewer rollback file of a routine file, with {dir} {name} {file}
                      (default {dir}/{name}.rollback.sql)
  --json              print the plan as JSON
  --verify <url>      prove the plan on a MySQL/MariaDB server in scratch schemas it drops afterwards:
                      mysql://user[:password]@host[:port] or mysql://user@localhost?socket=/path
                      (password also from DMS_PROC_GATE_VERIFY_PASSWORD; see docs/verify.md)
  --verify-schema <file>
                      SQL file with the tables the routines need, loaded before the base routines
  --verify-wait <seconds>
                      how long to keep retrying to connect (default 30; 0 = one attempt)
`

interface PlanArgs {
  base?: string
  head?: string
  repo?: string
  baseRef?: string
  headRef?: string
  include: string[]
  rollbackPattern?: string
  verify?: VerifyDatabase
  verifySchema?: string
  verifyWait?: string
  json: boolean
  help: boolean
}

class UsageError extends Error {}

const VALUE_FLAGS = {
  '--base': 'base', '--head': 'head', '--repo': 'repo', '--base-ref': 'baseRef', '--head-ref': 'headRef',
  '--rollback-pattern': 'rollbackPattern', '--verify-schema': 'verifySchema',
  '--verify-wait': 'verifyWait'
} as const

export function parsePlanArgs(argv: readonly string[]): PlanArgs {
  const args: PlanArgs = { include: [], json: false, help: false }
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1
    const flag = eq === -1 ? raw : raw.slice(0, eq)
    const takeValue = (): string => {
      const v = eq === -1 ? argv[++i] : raw.slice(eq + 1)
      if (v === undefined || (eq === -1 && v.startsWith('--')) || v === '') throw new UsageError(`${flag} needs a value`)
      return v
    }
    if (flag === '--json' || flag === '--help' || flag === '-h') {
      if (eq !== -1) throw new UsageError(`${flag} takes no value`)
      if (flag === '--json') args.json = true
      else args.help = true
    } else if (flag === '--include') {
      args.include.push(takeValue())
    } else if (flag === '--verify') {
      if (args.verify !== undefined) throw new UsageError('--verify given twice')
      args.verify = verifyUrl(takeValue())
    } else if (flag in VALUE_FLAGS) {
      const key = VALUE_FLAGS[flag as keyof typeof VALUE_FLAGS]
      if (args[key] !== undefined) throw new UsageError(`${flag} given twice`)
      args[key] = takeValue()
    } else {
      throw new UsageError(raw.startsWith('-') ? `unknown option '${raw}'` : `unexpected argument '${raw}'`)
    }
  }
  if (args.help) return args
  for (const [flag, value] of [['--verify-schema', args.verifySchema], ['--verify-wait', args.verifyWait]] as const) {
    if (value !== undefined && args.verify === undefined) throw new UsageError(`${flag} needs --verify <url>`)
  }
  if (args.verifyWait !== undefined && !(/^\d+(\.\d+)?$/.test(args.verifyWait) && Number(args.verifyWait) <= 3600)) {
    throw new UsageError(`--verify-wait: expected seconds from 0 to 3600, got '${args.verifyWait}'`)
  }
  const gitMode = args.repo !== undefined || args.baseRef !== undefined || args.headRef !== undefined
  if (gitMode) {
    if (args.base !== undefined || args.head !== undefined) throw new UsageError('use either --base/--head or --repo/--base-ref/--head-ref, not both')
    if (args.repo === undefined) throw new UsageError('--base-ref/--head-ref need --repo <path>')
    if (args.baseRef === undefined || args.headRef === undefined) throw new UsageError('--repo needs both --base-ref and --head-ref')
  } else if (args.base === undefined && args.head === undefined) {
    throw new UsageError('give --base <dir> and --head <dir> (or --repo with --base-ref and --head-ref)')
  }
  return args
}

export const VERIFY_PASSWORD_ENV = 'DMS_PROC_GATE_VERIFY_PASSWORD'

/** The URL, with the password from DMS_PROC_GATE_VERIFY_PASSWORD when it has none (argv is visible in ps). */
function verifyUrl(raw: string): VerifyDatabase {
  try {
    const db = parseVerifyUrl(raw)
    const fromEnv = process.env[VERIFY_PASSWORD_ENV]
    return db.password === undefined && fromEnv ? { ...db, password: new Secret(fromEnv) } : db
  } catch (e) {
    if (e instanceof VerifyUrlError) throw new UsageError(`--verify: ${e.message}`)
    throw e
  }
}

function readTrees(args: PlanArgs): { base: SourceTree; head: SourceTree } {
  // Read only what can be planned (routine files and their rollback files).
  const include = args.include.length > 0 ? args.include : DEFAULT_INCLUDE
  const filter = [...include, '**/*.rollback.sql']
  if (args.repo !== undefined) {
    return { base: readGitTree(args.repo, args.baseRef!, args.rollbackPattern ? undefined : filter),
      head: readGitTree(args.repo, args.headRef!, args.rollbackPattern ? undefined : filter) }
  }
  const empty: SourceTree = new Map()
  return {
    base: args.base !== undefined ? readDirTree(args.base, args.rollbackPattern ? undefined : filter) : empty,
    head: args.head !== undefined ? readDirTree(args.head, args.rollbackPattern ? undefined : filter) : empty
  }
}

export async function run(argv: string[]): Promise<number> {
  let args: PlanArgs
  try {
    args = parsePlanArgs(argv)
  } catch (e) {
    if (!(e instanceof UsageError)) throw e
    process.stderr.write(`dms-proc-gate plan: ${e.message}\n\n${PLAN_USAGE}`)
    return 2
  }
  if (args.help) {
    process.stdout.write(PLAN_USAGE)
    return 0
  }
  let trees: { base: SourceTree; head: SourceTree }
  try {
    trees = readTrees(args)
  } catch (e) {
    const what = e instanceof GitSourceError ? e.message : `cannot read the trees: ${(e as Error).message}`
    process.stderr.write(`dms-proc-gate plan: ${what}\n`)
    return 2
  }
  const options = { include: args.include.length > 0 ? args.include : undefined,
    rollbackPattern: args.rollbackPattern }
  let schemaSql: { file: string; text: string } | undefined
  if (args.verifySchema !== undefined) {
    try {
      schemaSql = { file: args.verifySchema, text: readFileSync(args.verifySchema, 'utf8') }
    } catch (e) {
      process.stderr.write(`dms-proc-gate plan: --verify-schema: cannot read ${args.verifySchema}: ${(e as Error).message}\n`)
      return 2
    }
  }
  const result = plan(trees.base, trees.head, options)
  if (args.verify === undefined) {
    process.stdout.write(args.json ? JSON.stringify(result, null, 2) + '\n' : formatPlan(result))
    return result.errors.length > 0 ? 1 : 0
  }
  const { verifyForCli } = await import('./plan-verify.js')
  return verifyForCli({ database: args.verify, trees, plan: result, planOptions: options, json: args.json,
    waitMs: Number(args.verifyWait ?? 30) * 1000, ...(schemaSql ? { schemaSql } : {}) }, formatPlan)
}

/** The human-readable summary: objects table, findings, then the SQL. */
export function formatPlan(p: Plan): string {
  const lines: string[] = []
  const count = (k: string): number => p.objects.filter((o) => o.change === k).length
  lines.push(p.objects.length === 0
    ? 'No routine object changed.'
    : `${p.objects.length} changed object${p.objects.length === 1 ? '' : 's'}: ${count('added')} added, ${count('modified')} modified, ${count('removed')} removed`)
  if (p.objects.length > 0) {
    const rows = p.objects.map((o) => [o.change, o.type, (o.schema !== undefined ? `${o.schema}.` : '') + o.name, `${o.file}:${o.line}`])
    const header = ['CHANGE', 'TYPE', 'OBJECT', 'WHERE']
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
    const fmt = (r: string[]): string => '  ' + r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ')
    lines.push('', fmt(header), ...rows.map(fmt))
  }
  for (const [title, list] of [['errors', p.errors], ['warnings', p.warnings]] as const) {
    if (list.length === 0) continue
    lines.push('', `${title} (${list.length}):`, ...list.map((f) => `  ${f.file}:${f.line}: ${f.message}`))
  }
  if (p.execSql) lines.push('', '-- execSql ' + '-'.repeat(60), p.execSql.trimEnd())
  if (p.rollbackSql) lines.push('', '-- rollbackSql ' + '-'.repeat(56), p.rollbackSql.trimEnd())
  if (p.errors.length > 0) lines.push('', `plan has ${p.errors.length} error${p.errors.length === 1 ? '' : 's'}: fix them before a ticket can be created`)
  return lines.join('\n') + '\n'
}
