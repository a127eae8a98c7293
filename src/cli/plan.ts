// `dms-proc-gate plan`: plans two trees (directories, or refs of a git repository) and prints the plan
// as JSON (--json, the plan contract in docs/cli.md) or as a human-readable summary; --verify proves it on a real
// server (docs/verify.md). Exit codes: docs/cli.md.
import { readFileSync } from 'node:fs'
import { globProblem, matcher } from '../config/globs.js'
import { DEFAULT_INCLUDE, plan, withFindings } from '../sql/plan.js'
import type { Plan } from '../sql/types.js'
import { DirSourceError, readDirTree } from '../sources/dir.js'
import { decoderFor, encodingChoice, pairSides, UTF8, type DecodedFiles, type Decoder, type EncodingChoice, type EncodingFor } from '../sources/encoding.js'
import { GitSourceError, readGitTree } from '../sources/git.js'
import { parseVerifyUrl, Secret, VerifyUrlError, type VerifyDatabase } from '../verify/url.js'
import { EXIT } from './exit-codes.js'

export const PLAN_USAGE = `usage: dms-proc-gate plan (--base <dir> | --empty-base) (--head <dir> | --empty-head) [options]
       dms-proc-gate plan --repo <path> (--base-ref <ref> | --empty-base) (--head-ref <ref> | --empty-head) [options]

  --base <dir>          the tree before the change: an existing directory
  --head <dir>          the tree after the change: an existing directory
  --repo <path>         read both trees from this git repository instead, at --base-ref and --head-ref
  --empty-base          there is no tree before the change: every head routine is added
  --empty-head          there is no tree after the change: every base routine is removed
  --include <glob>      routine files to plan (picomatch, repeatable; default ${DEFAULT_INCLUDE.join(' ')})
  --rollback-pattern <pattern>
                        reviewer rollback file of a routine file, with {dir} {name} {file}
                        (default {dir}/{name}.rollback.sql)
  --encoding <enc>      read the files as <enc> instead of UTF-8: gbk, gb18030, big5, latin1, …
  --encoding <glob>=<enc>
                        only the files matching <glob> (repeatable; the first matching glob decides)
  --json                print the plan as JSON
  --verify <url>        prove the plan on a MySQL/MariaDB server in scratch schemas it drops afterwards:
                        mysql://user[:password]@host[:port] or mysql://user@localhost?socket=/path
                        (password also from DMS_PROC_GATE_VERIFY_PASSWORD; see docs/verify.md)
  --verify-schema <file>
                        SQL file with the tables the routines need, loaded before the base routines
  --verify-wait <seconds>
                        how long to keep retrying to connect (default 30; 0 = one attempt)
  -h, --help            print this help

Files are read as strict UTF-8 (a BOM is allowed) unless --encoding says otherwise; a file that cannot be
decoded is a plan error naming its line. A missing directory is a usage error: an empty side is an existing
empty directory or --empty-base / --empty-head.
exit status: 0 planned, 1 the plan has errors (printed, without SQL) or --verify failed, 2 usage error
`

type Side = { kind: 'dir'; path: string } | { kind: 'ref'; ref: string } | { kind: 'empty' }

interface PlanArgs {
  help: boolean
  json: boolean
  repo?: string
  base: Side
  head: Side
  include: string[]
  rollbackPattern?: string
  encodingFor: EncodingFor
  verify?: VerifyDatabase
  verifySchema?: string
  verifyWait?: string
}

class UsageError extends Error {}

/** What the command line says, before it is checked as a whole. */
interface RawArgs {
  help: boolean
  json: boolean
  emptyBase: boolean
  emptyHead: boolean
  include: string[]
  encoding: string[]
  base?: string
  head?: string
  repo?: string
  baseRef?: string
  headRef?: string
  rollbackPattern?: string
  verify?: string
  verifySchema?: string
  verifyWait?: string
}

const VALUE_FLAGS = {
  '--base': 'base', '--head': 'head', '--repo': 'repo', '--base-ref': 'baseRef', '--head-ref': 'headRef',
  '--rollback-pattern': 'rollbackPattern', '--verify': 'verify', '--verify-schema': 'verifySchema', '--verify-wait': 'verifyWait'
} as const
const LIST_FLAGS = { '--include': 'include', '--encoding': 'encoding' } as const
const SWITCHES = { '--json': 'json', '--help': 'help', '-h': 'help', '--empty-base': 'emptyBase', '--empty-head': 'emptyHead' } as const

function readArgs(argv: readonly string[]): RawArgs {
  const raw: RawArgs = { help: false, json: false, emptyBase: false, emptyHead: false, include: [], encoding: [] }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1
    const flag = eq === -1 ? arg : arg.slice(0, eq)
    const takeValue = (): string => {
      const v = eq === -1 ? argv[++i] : arg.slice(eq + 1)
      if (v === undefined || (eq === -1 && v.startsWith('--')) || v === '') throw new UsageError(`${flag} needs a value`)
      return v
    }
    if (flag in SWITCHES) {
      if (eq !== -1) throw new UsageError(`${flag} takes no value`)
      raw[SWITCHES[flag as keyof typeof SWITCHES]] = true
    } else if (flag in LIST_FLAGS) {
      raw[LIST_FLAGS[flag as keyof typeof LIST_FLAGS]].push(takeValue())
    } else if (flag in VALUE_FLAGS) {
      const key = VALUE_FLAGS[flag as keyof typeof VALUE_FLAGS]
      if (raw[key] !== undefined) throw new UsageError(`${flag} given twice`)
      raw[key] = takeValue()
    } else {
      throw new UsageError(arg.startsWith('-') ? `unknown option '${arg}'` : `unexpected argument '${arg}'`)
    }
  }
  return raw
}

/** `--encoding gbk` (every file) and `--encoding 'db/legacy/**=gbk'` (first matching glob) → each path's encoding. */
export function encodingFlags(values: readonly string[]): EncodingFor {
  const FROM = '--encoding'
  let fallback: EncodingChoice | undefined
  const rules: Array<{ matches: (p: string) => boolean; choice: EncodingChoice }> = []
  for (const v of values) {
    const eq = v.lastIndexOf('=')
    const label = eq === -1 ? v : v.slice(eq + 1)
    const choice = encodingChoice(label, FROM)
    if ('problem' in choice) throw new UsageError(`--encoding ${v}: ${choice.problem}`)
    if (eq === -1) {
      if (fallback) throw new UsageError(`--encoding ${v}: an encoding for every file was already given; add <glob>= to the others`)
      fallback = choice
      continue
    }
    const glob = v.slice(0, eq)
    const problem = globProblem(glob)
    if (problem) throw new UsageError(`--encoding ${v}: the glob ${problem}`)
    rules.push({ matches: matcher([glob]), choice })
  }
  return (path) => rules.find((r) => r.matches(path))?.choice ?? fallback ?? UTF8
}

function side(name: 'base' | 'head', path: string | undefined, ref: string | undefined, empty: boolean, git: boolean): Side {
  const dirFlag = `--${name}`
  const refFlag = `--${name}-ref`
  const emptyFlag = `--empty-${name}`
  const given = [path !== undefined && dirFlag, ref !== undefined && refFlag, empty && emptyFlag].filter(Boolean)
  if (given.length > 1) throw new UsageError(`give one of ${given.join(' and ')}, not both`)
  if (empty) return { kind: 'empty' }
  if (git) {
    if (path !== undefined) throw new UsageError(`use either ${dirFlag} or --repo with ${refFlag}, not both`)
    if (ref === undefined) throw new UsageError(`--repo needs ${refFlag} <ref> (or ${emptyFlag})`)
    return { kind: 'ref', ref }
  }
  if (ref !== undefined) throw new UsageError(`${refFlag} needs --repo <path>`)
  if (path === undefined) throw new UsageError(`give ${dirFlag} <dir> (or ${emptyFlag} when that side has no files)`)
  return { kind: 'dir', path }
}

export function parsePlanArgs(argv: readonly string[]): PlanArgs {
  const raw = readArgs(argv)
  const args: PlanArgs = { help: raw.help, json: raw.json, include: raw.include, base: { kind: 'empty' }, head: { kind: 'empty' },
    encodingFor: () => UTF8 }
  if (raw.help) return args
  if ([raw.base, raw.head, raw.repo, raw.baseRef, raw.headRef].every((v) => v === undefined) && !raw.emptyBase && !raw.emptyHead) {
    throw new UsageError('give --base <dir> and --head <dir> (or --repo with --base-ref and --head-ref)')
  }
  const git = raw.repo !== undefined
  args.base = side('base', raw.base, raw.baseRef, raw.emptyBase, git)
  args.head = side('head', raw.head, raw.headRef, raw.emptyHead, git)
  if (args.base.kind === 'empty' && args.head.kind === 'empty') throw new UsageError('--empty-base and --empty-head together leave nothing to plan')
  if (raw.repo !== undefined) args.repo = raw.repo
  if (raw.rollbackPattern !== undefined) args.rollbackPattern = raw.rollbackPattern
  args.encodingFor = encodingFlags(raw.encoding)
  for (const [flag, value] of [['--verify-schema', raw.verifySchema], ['--verify-wait', raw.verifyWait]] as const) {
    if (value !== undefined && raw.verify === undefined) throw new UsageError(`${flag} needs --verify <url>`)
  }
  if (raw.verifyWait !== undefined && !(/^\d+(\.\d+)?$/.test(raw.verifyWait) && Number(raw.verifyWait) <= 3600)) {
    throw new UsageError(`--verify-wait: expected seconds from 0 to 3600, got '${raw.verifyWait}'`)
  }
  if (raw.verify !== undefined) args.verify = verifyUrl(raw.verify)
  if (raw.verifySchema !== undefined) args.verifySchema = raw.verifySchema
  if (raw.verifyWait !== undefined) args.verifyWait = raw.verifyWait
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

/** One side's files, or a usage error naming the flag (a missing directory, an unknown ref). */
function readSide(args: PlanArgs, name: 'base' | 'head', decode: Decoder): DecodedFiles {
  const s = args[name]
  // Read only what can be planned (routine files and their rollback files).
  const include = args.include.length > 0 ? args.include : DEFAULT_INCLUDE
  const filter = args.rollbackPattern ? undefined : [...include, '**/*.rollback.sql']
  switch (s.kind) {
    case 'empty':
      return { files: new Map(), errors: [], warnings: [] }
    case 'ref':
      return readGitTree(args.repo!, s.ref, filter, decode)
    case 'dir':
      try {
        return readDirTree(s.path, filter, decode)
      } catch (e) {
        if (!(e instanceof DirSourceError)) throw e
        throw new UsageError(`--${name}: ${e.message}${/does not exist/.test(e.message) ? ` (for a side without files use an existing empty directory or --empty-${name})` : ''}`)
      }
  }
}

export async function run(argv: string[]): Promise<number> {
  let args: PlanArgs
  try {
    args = parsePlanArgs(argv)
  } catch (e) {
    if (!(e instanceof UsageError)) throw e
    process.stderr.write(`dms-proc-gate plan: ${e.message}\n\n${PLAN_USAGE}`)
    return EXIT.USAGE
  }
  if (args.help) {
    process.stdout.write(PLAN_USAGE)
    return EXIT.OK
  }
  let sides
  try {
    const decode = decoderFor(args.encodingFor)
    sides = pairSides(readSide(args, 'base', decode), readSide(args, 'head', decode))
  } catch (e) {
    if (!(e instanceof UsageError) && !(e instanceof GitSourceError)) throw e
    process.stderr.write(`dms-proc-gate plan: ${e.message}\n`)
    return EXIT.USAGE
  }
  const options = { include: args.include.length > 0 ? args.include : undefined, rollbackPattern: args.rollbackPattern }
  let schemaSql: { file: string; text: string } | undefined
  if (args.verifySchema !== undefined) {
    try {
      schemaSql = { file: args.verifySchema, text: readFileSync(args.verifySchema, 'utf8') }
    } catch (e) {
      process.stderr.write(`dms-proc-gate plan: --verify-schema: cannot read ${args.verifySchema}: ${(e as Error).message}\n`)
      return EXIT.USAGE
    }
  }
  const result = withFindings(plan(sides.base, sides.head, options), sides.errors, sides.warnings)
  if (args.verify !== undefined) {
    const { verifyForCli } = await import('./plan-verify.js')
    return verifyForCli({ database: args.verify, trees: { base: sides.base, head: sides.head }, plan: result, planOptions: options, json: args.json,
      waitMs: Number(args.verifyWait ?? 30) * 1000, ...(schemaSql ? { schemaSql } : {}) }, formatPlan)
  }
  if (args.json) {
    process.stdout.write(JSON.stringify(result, null, 2) + '\n')
    if (result.errors.length > 0) process.stderr.write(`dms-proc-gate plan: ${noSqlReason(result)}\n`)
  } else {
    process.stdout.write(formatPlan(result))
  }
  return result.errors.length > 0 ? EXIT.FAILED : EXIT.OK
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

function noSqlReason(p: Plan): string {
  return `the plan has ${plural(p.errors.length, 'error')}; execSql and rollbackSql stay empty until they are fixed`
}

/** The human-readable summary: objects table, findings, then the SQL (none when the plan has errors). */
export function formatPlan(p: Plan): string {
  const lines: string[] = []
  const count = (k: string): number => p.objects.filter((o) => o.change === k).length
  lines.push(p.objects.length === 0
    ? 'No routine object changed.'
    : `${plural(p.objects.length, 'changed object')}: ${count('added')} added, ${count('modified')} modified, ${count('removed')} removed`)
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
  if (p.errors.length > 0) {
    lines.push('', `No SQL shown: ${noSqlReason(p)}.`)
    return lines.join('\n') + '\n'
  }
  if (p.execSql) lines.push('', '-- execSql ' + '-'.repeat(60), p.execSql.trimEnd())
  if (p.rollbackSql) lines.push('', '-- rollbackSql ' + '-'.repeat(56), p.rollbackSql.trimEnd())
  return lines.join('\n') + '\n'
}
