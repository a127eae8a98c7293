// Legacy encodings through the Action's readers: real GBK bytes in a git checkout, the GitHub API path, and
// planPull building the decoder from the config's `encoding` (read at the PR's base commit).
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { GateContext } from '../../src/action/context.js'
import type { GitHubApi } from '../../src/github/octokit.js'
import type { PullInfo } from '../../src/github/pull-requests.js'
import { planPull } from '../../src/plan/plan-pull.js'
import { readChangedSources } from '../../src/sources/changed-files.js'
import { decoderFor, encodingChoice, type EncodingChoice } from '../../src/sources/encoding.js'
import type { FakeGitHub } from '../../src/testing/fake-github.js'
import { FULL, REPO, setup, sha } from '../github/helpers.js'

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'encoding', 'gbk')
const FILE = 'db/legacy/order_report.sql'
const CONFIG = '.github/dms-proc-gate.yml'
const NOT_UTF8 = 'not valid UTF-8: byte 0xB6 at line 1 cannot be decoded; configure its encoding (`encoding:` in ' +
  '.github/dms-proc-gate.yml, or plan --encoding) if it is GBK, Big5, Latin-1 …, or save it as UTF-8'

let gh: FakeGitHub
let api: GitHubApi
let tmp: string
const shas: Record<string, { base: string; head: string }> = {}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'init.defaultBranch=main', ...args],
    { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim()
}

/** A checkout whose base and head commits hold the GBK fixture (and `config` at base, when given). */
function checkout(name: string, pull: number, config?: string): string {
  const ws = join(tmp, name)
  mkdirSync(join(ws, 'db', 'legacy'), { recursive: true })
  git(ws, 'init', '-q')
  cpSync(join(FIXTURES, 'base', 'db', 'order_report.sql'), join(ws, FILE))
  if (config !== undefined) {
    mkdirSync(join(ws, '.github'))
    writeFileSync(join(ws, CONFIG), config)
  }
  git(ws, 'add', '-A')
  git(ws, 'commit', '-q', '-m', 'base')
  const base = git(ws, 'rev-parse', 'HEAD')
  cpSync(join(FIXTURES, 'head', 'db', 'order_report.sql'), join(ws, FILE))
  git(ws, 'commit', '-q', '-am', 'head')
  const head = git(ws, 'rev-parse', 'HEAD')
  // The fake GitHub only lists the changed path here: the text comes from the checkout's git objects.
  gh.addCommit(FULL, base, { [FILE]: 'placeholder v1' })
  gh.addCommit(FULL, head, { [FILE]: 'placeholder v2' }, base)
  gh.addPull(FULL, { number: pull, baseSha: base, headSha: head })
  shas[name] = { base, head }
  return ws
}

const gbk = encodingChoice('gbk', `${CONFIG}:3`) as EncodingChoice

beforeAll(async () => {
  ;({ gh, api } = await setup())
  tmp = mkdtempSync(join(tmpdir(), 'dpg-encoding-'))
})
afterAll(async () => {
  await gh.close()
  rmSync(tmp, { recursive: true, force: true })
})

describe('readChangedSources decodes with the decoder it is given', () => {
  test('from a checkout: GBK bytes are an error by default, and text with the GBK decoder', async () => {
    const ws = checkout('plain', 31)
    const req = { octokit: api.octokit, repo: REPO, pullNumber: 31, baseSha: shas.plain!.base, headSha: shas.plain!.head, include: ['db/**/*.sql'], workspace: ws }
    const strict = await readChangedSources(req)
    expect(strict.contentSource).toBe('git')
    expect(strict.errors).toEqual([{ file: FILE, line: 1, message: NOT_UTF8 }])
    expect([...strict.base.keys(), ...strict.head.keys()]).toEqual([])

    const decoded = await readChangedSources({ ...req, decode: decoderFor(() => gbk) })
    expect(decoded.errors).toEqual([])
    expect(decoded.head.get(FILE)).toContain("'已发货；待结算' AS 状态")
    expect(decoded.base.get(FILE)).toContain("'已发货' AS 状态")
  })

  test('from the API: the bytes reach the decoder too (UTF-8 text read as latin1 is flagged)', async () => {
    gh.addCommit(FULL, sha('e0'), { 'db/x.sql': 'SELECT 1;\n' })
    gh.addCommit(FULL, sha('e1'), { 'db/x.sql': 'SELECT 1;\n-- é\n' }, sha('e0'))
    gh.addPull(FULL, { number: 32, baseSha: sha('e0'), headSha: sha('e1') })
    const latin1 = encodingChoice('latin1', '--encoding') as EncodingChoice
    const r = await readChangedSources({ octokit: api.octokit, repo: REPO, pullNumber: 32, baseSha: sha('e0'), headSha: sha('e1'),
      include: ['db/**/*.sql'], decode: decoderFor(() => latin1) })
    expect(r.contentSource).toBe('api')
    expect(r.head.get('db/x.sql')).toBe('SELECT 1;\n-- Ã©\n')
    expect(r.warnings).toEqual([{ file: 'db/x.sql', line: 2, message: 'decoded as latin1 (set by --encoding), but the file is also valid UTF-8: ' +
      'check that its non-ASCII text reads right in execSql, or drop the encoding setting for it' }])
  })
})

describe('planPull: the config at the base commit sets the encoding', () => {
  const context = (ws: string): GateContext => ({
    inputs: { config: CONFIG, include: ['**/*.sql'], execMode: 'COMMITOR', relatedUsers: [] },
    repo: REPO,
    repoFullName: FULL,
    github: api,
    workspace: ws,
    log: { info: () => undefined, debug: () => undefined, warning: () => undefined }
  }) as unknown as GateContext // planPull reads only these fields (no DMS)
  const pull = (name: string, number: number): PullInfo => ({ number, baseSha: shas[name]!.base, headSha: shas[name]!.head } as PullInfo)
  const TARGET = 'targets:\n  - name: legacy\n    paths: ["db/legacy/**"]\n    schema: legacy\n'

  test('with `encoding: gbk` on the target the plan holds the Chinese text, as UTF-8, and no error', async () => {
    const ws = checkout('configured', 33, `${TARGET}    encoding: gbk\n`)
    const planned = await planPull(context(ws), pull('configured', 33), '')
    expect(planned.errors).toEqual([])
    const p = planned.targets[0]!.plan
    expect(p.objects).toEqual([{ type: 'PROCEDURE', name: 'order_report', change: 'modified', file: FILE, line: 4 }])
    expect(p.execSql).toContain("COMMENT '订单报表（新版）'")
    expect(p.rollbackSql).toContain("'已发货' AS 状态")
    expect(Buffer.from(p.execSql, 'utf8').toString('utf8')).toBe(p.execSql) // plain Unicode: shipped as UTF-8
  })

  test('without it the file is an error of its target (file and line): no SQL, so no ticket', async () => {
    const ws = checkout('unconfigured', 34, TARGET)
    const planned = await planPull(context(ws), pull('unconfigured', 34), '')
    expect(planned.errors).toEqual([{ file: FILE, line: 1, message: NOT_UTF8 }])
    const p = planned.targets[0]!.plan
    expect(p.errors).toEqual([{ file: FILE, line: 1, message: NOT_UTF8 }])
    expect([p.execSql, p.rollbackSql]).toEqual(['', ''])
    expect(readFileSync(join(ws, FILE)).includes(0xb6)).toBe(true) // really GBK bytes
  })
})
