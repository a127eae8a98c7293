// `plan` on a generated 500-file, 5,000-routine PR (≈10 % of the routines modified, some files renamed, some
// reformatted): in memory, read from disk, the CLI end to end on directories, and the CLI on git refs.
// Target: under 1 s for the 500-file plan.
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readDirTree } from '../src/sources/dir.js'
import { readGitTree } from '../src/sources/git.js'
import { plan } from '../src/sql/plan.js'
import type { SourceTree } from '../src/sql/types.js'
import { prRoutine as routine, reformat } from './corpus.js'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const FILES = 500
const PER_FILE = 10

export function generatePr(): { base: Map<string, string>; head: Map<string, string>; expectedChanges: number } {
  const base = new Map<string, string>()
  const head = new Map<string, string>()
  let expectedChanges = 0
  for (let f = 0; f < FILES; f++) {
    const dir = `db/routines/area${f % 20}`
    const parts: string[] = []
    const headParts: string[] = []
    for (let r = 0; r < PER_FILE; r++) {
      const id = f * PER_FILE + r
      parts.push(routine(id, id, 0))
      const modified = id % 10 === 7 // 10 % of the routines
      if (modified) expectedChanges++
      headParts.push(routine(id, id, modified ? 1 : 0))
    }
    const path = `${dir}/file${f}.sql`
    base.set(path, parts.join('\n'))
    let headText = headParts.join('\n')
    let headPath = path
    if (f % 20 === 3) headPath = `db/routines/moved/file${f}.sql` // renamed files
    if (f % 20 === 5) headText = reformat(headText) // reformat-only (apart from the 10 % edits)
    head.set(headPath, headText)
  }
  return { base, head, expectedChanges }
}

function writeTree(root: string, tree: SourceTree): void {
  for (const [p, text] of tree) {
    mkdirSync(dirname(join(root, p)), { recursive: true })
    writeFileSync(join(root, p), text)
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

/** Wall time and this process's CPU time (all threads, GC included). */
function time<T>(fn: () => T): { ms: number; cpu: number; value: T } {
  const c0 = process.cpuUsage()
  const t0 = process.hrtime.bigint()
  const value = fn()
  const c = process.cpuUsage(c0)
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, cpu: (c.user + c.system) / 1000, value }
}

const TIME_BIN = '/usr/bin/time'

/** Runs the CLI; with /usr/bin/time also its CPU time (wall time on a busy machine includes waiting). */
function runCli(args: string[]): { ms: number; cpu?: number; stdout: string } {
  const withTime = existsSync(TIME_BIN)
  const cmd = withTime ? TIME_BIN : process.execPath
  const argv = withTime ? ['-f', 'DPG_CPU %U %S', process.execPath, ...args] : args
  const r = time(() => spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 28 }))
  const m = /DPG_CPU ([\d.]+) ([\d.]+)/.exec(r.value.stderr ?? '')
  return { ms: r.ms, stdout: r.value.stdout, ...(m ? { cpu: (Number(m[1]) + Number(m[2])) * 1000 } : {}) }
}

const fmt = (runs: { ms: number; cpu?: number }[]): string => {
  const cpu = runs.every((r) => r.cpu !== undefined) ? `, CPU ${median(runs.map((r) => r.cpu!)).toFixed(0)} ms` : ''
  return `wall ${median(runs.map((r) => r.ms)).toFixed(0)} ms${cpu}`
}

/** A private copy of dist/cli.js (under the build lock where flock exists, since other builds rewrite dist/). */
function cliCopy(dir: string): string | undefined {
  const copy = ['sh', '-c', 'test -f dist/cli.js && cp -r dist/. "$0"', dir]
  const hasFlock = spawnSync('flock', ['--version'], { stdio: 'ignore' }).status === 0
  try {
    if (hasFlock) execFileSync('flock', ['/tmp/dpg-build.lock', ...copy], { cwd: ROOT, stdio: 'ignore', timeout: 600_000 })
    else execFileSync(copy[0]!, copy.slice(1), { cwd: ROOT, stdio: 'ignore', timeout: 600_000 })
    return existsSync(join(dir, 'cli.js')) ? join(dir, 'cli.js') : undefined
  } catch {
    return undefined
  }
}

export default async function bench(): Promise<void> {
  const { base, head, expectedChanges } = generatePr()
  const bytes = [...base.values(), ...head.values()].reduce((n, s) => n + s.length, 0)
  console.log(`generated PR: ${base.size} files / ${base.size * PER_FILE} routines per side, ` +
    `${(bytes / 1e6).toFixed(1)} MB, ${expectedChanges} routines modified, 25 files renamed, 25 reformatted`)

  const first = time(() => plan(base, head))
  const p = first.value
  if (p.objects.length !== expectedChanges || p.errors.length > 0) {
    throw new Error(`bench plan is wrong: ${p.objects.length} objects (expected ${expectedChanges}), ${p.errors.length} errors`)
  }
  const runs = Array.from({ length: 5 }, () => time(() => plan(base, head)))
  console.log(`plan() in memory:           first run wall ${first.ms.toFixed(0)} ms, CPU ${first.cpu.toFixed(0)} ms; ` +
    `warm median of 5: ${fmt(runs)}`)

  const dir = mkdtempSync(join(tmpdir(), 'dpg-plan-bench-'))
  try {
    writeTree(join(dir, 'base'), base)
    writeTree(join(dir, 'head'), head)
    const disk = time(() => plan(readDirTree(join(dir, 'base'), ['**/*.sql']).files, readDirTree(join(dir, 'head'), ['**/*.sql']).files))
    console.log(`read dirs + plan():         ${fmt([disk])}`)

    const cli = cliCopy(dir)
    if (!cli) {
      console.log('CLI end to end:             skipped (no dist/cli.js: run npm run build)')
      return
    }
    const startup = Array.from({ length: 3 }, () => runCli([cli, 'plan', '--help']))
    console.log(`CLI start only (--help):    median of 3: ${fmt(startup)} (process start + loading the plan chunk)`)
    const cliRuns = Array.from({ length: 3 }, () => runCli([cli, 'plan', '--base', join(dir, 'base'), '--head', join(dir, 'head'), '--json']))
    const out = JSON.parse(cliRuns[0]!.stdout) as { objects: unknown[] }
    if (out.objects.length !== expectedChanges) throw new Error('CLI plan differs from plan()')
    console.log(`CLI plan --base --head:     median of 3: ${fmt(cliRuns)} (start, read 1,000 files, plan, JSON out)`)

    // The same PR as two commits of a git repository.
    const repo = join(dir, 'repo')
    const git = (...args: string[]): void => {
      execFileSync('git', ['-C', repo, '-c', 'user.name=b', '-c', 'user.email=b@example.com', ...args], { stdio: 'ignore' })
    }
    mkdirSync(repo)
    git('init', '-q', '-b', 'main')
    cpSync(join(dir, 'base'), repo, { recursive: true })
    git('add', '-A')
    git('commit', '-q', '-m', 'base')
    rmSync(join(repo, 'db'), { recursive: true })
    cpSync(join(dir, 'head'), repo, { recursive: true })
    git('add', '-A')
    git('commit', '-q', '-m', 'head')
    const readGit = time(() => [readGitTree(repo, 'HEAD~1', ['**/*.sql']), readGitTree(repo, 'HEAD', ['**/*.sql'])])
    console.log(`read 2 git refs:            wall ${readGit.ms.toFixed(0)} ms (ls-tree + cat-file --batch; git's CPU not counted)`)
    const gitRuns = Array.from({ length: 3 }, () => runCli([cli, 'plan', '--repo', repo, '--base-ref', 'HEAD~1', '--head-ref', 'HEAD', '--json']))
    const gout = JSON.parse(gitRuns[0]!.stdout) as { objects: unknown[] }
    if (gout.objects.length !== expectedChanges) throw new Error('CLI --repo plan differs from plan()')
    console.log(`CLI plan --repo refs:       median of 3: ${fmt(gitRuns)}`)
    const { loadavg, cpus } = await import('node:os')
    console.log(`(machine: ${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(1)}: wall times include waiting for a CPU)`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
