// `npm run screenshots`: the pictures of what a PR shows, for the README (docs/images/*.png). Runs the demo's first
// scenario (examples/pr-1: the built dist/index.js against the DMS emulator and the fake GitHub API), takes the
// sticky comment and the check run exactly as the Action wrote them, renders them the way GitHub does (Markdown with
// GitHub's stylesheet, ```mermaid blocks drawn by Mermaid) and screenshots the pages with headless Chromium.
// Run it again after changing what the comment or the check says, and commit the PNGs.
//
// Needs Debian's chromium (apt-get install chromium fonts-noto-color-emoji fonts-noto-cjk) or CHROMIUM=<path>.
// Mermaid (only when the comment has a ```mermaid block) comes from the npm registry with `npm pack` into
// .screenshots/, since its 200 MB of dependencies are not needed for its self-contained browser build.
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import MarkdownIt from 'markdown-it'
import { chromium } from 'playwright-core'
import type { FakeCheckRun } from '../src/testing/fake-github.js'
import { examplePull, prepareDist, PROJECT_ROOT, startScenario } from '../src/testing/run-action.js'

const MERMAID_VERSION = '12.3.0'
const WORK = join(PROJECT_ROOT, '.screenshots')
const IMAGES = join(PROJECT_ROOT, 'docs', 'images')
const require = createRequire(import.meta.url)

const md = new MarkdownIt({ html: true, linkify: true })
const defaultFence = md.renderer.rules.fence!
md.renderer.rules.fence = (tokens, idx, options, env, self) => {
  const t = tokens[idx]!
  if (t.info.trim() === 'mermaid') return `<pre class="mermaid">${md.utils.escapeHtml(t.content)}</pre>\n`
  return defaultFence(tokens, idx, options, env, self)
}

function chromiumPath(): string {
  const p = process.env['CHROMIUM'] ?? '/usr/bin/chromium'
  if (!existsSync(p)) throw new Error(`no Chromium at ${p}: apt-get install chromium fonts-noto-color-emoji fonts-noto-cjk (or set CHROMIUM)`)
  return p
}

/** The self-contained browser build of Mermaid, fetched once with npm pack. */
function mermaidScript(): string {
  const file = join(WORK, `mermaid-${MERMAID_VERSION}.min.js`)
  if (!existsSync(file)) {
    const dir = join(WORK, 'mermaid-pack')
    mkdirSync(dir, { recursive: true })
    const tgz = execFileSync('npm', ['pack', `mermaid@${MERMAID_VERSION}`, '--silent', '--pack-destination', dir], { encoding: 'utf8' }).trim().split('\n').pop()!
    execFileSync('tar', ['-xzf', join(dir, tgz), '-C', dir, 'package/dist/mermaid.min.js'])
    copyFileSync(join(dir, 'package', 'dist', 'mermaid.min.js'), file)
  }
  return file
}

const STYLE = `
body { margin: 0; background: #fff; font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif, "Noto Color Emoji"; }
.frame { width: 860px; padding: 16px 20px; }
.caption { color: #59636e; font-size: 12px; margin-bottom: 10px; }
.box { border: 1px solid #d1d9e0; border-radius: 6px; margin-bottom: 16px; overflow: hidden; }
.box-header { background: #f6f8fa; border-bottom: 1px solid #d1d9e0; padding: 8px 16px; font-size: 14px; color: #59636e; }
.box-header b { color: #1f2328; }
.label { border: 1px solid #d1d9e0; border-radius: 2em; padding: 0 7px; font-size: 12px; margin-left: 4px; }
.markdown-body { padding: 16px; font-size: 14px; }
.check { display: flex; align-items: center; gap: 10px; padding: 10px 16px; font-size: 14px; border-top: 1px solid #d1d9e0; }
.check:first-child { border-top: 0; }
.dot { width: 14px; height: 14px; border-radius: 50%; flex: none; display: inline-flex; align-items: center; justify-content: center; color: #fff; font-size: 10px; font-weight: bold; }
.dot.in_progress { background: #bf8700; } .dot.success { background: #1a7f37; } .dot.failure { background: #d1242f; }
.check .name { font-weight: 600; color: #1f2328; } .check .desc { color: #59636e; }
.merge { padding: 12px 16px; font-size: 14px; border-top: 1px solid #d1d9e0; font-weight: 600; }
.merge.blocked { color: #d1242f; } .merge.ok { color: #1a7f37; }
.check-page h2 { margin: 0 0 4px; font-size: 20px; }
.check-page .status { color: #59636e; font-size: 13px; padding: 0 16px 8px; }
pre.mermaid { background: #fff !important; text-align: center; }
`

function statusOf(c: FakeCheckRun): 'in_progress' | 'success' | 'failure' {
  if (c.status !== 'completed') return 'in_progress'
  return c.conclusion === 'success' ? 'success' : 'failure'
}

const statusWord = { in_progress: 'In progress', success: 'Successful', failure: 'Failing' } as const
const statusIcon = { in_progress: '', success: '✓', failure: '✕' } as const

function page(caption: string, body: string, hasMermaid: boolean): string {
  const css = readFileSync(require.resolve('github-markdown-css/github-markdown-light.css'), 'utf8')
  const mermaid = hasMermaid
    ? `<script src="mermaid.min.js"></script><script type="module">mermaid.initialize({ startOnLoad: false, theme: 'default' }); await mermaid.run(); window.__rendered = true</script>`
    : '<script>window.__rendered = true</script>'
  return `<!doctype html><html><head><meta charset="utf-8"><style>${css}${STYLE}</style></head><body><div class="frame"><div class="caption">${caption}</div>${body}</div>${mermaid}</body></html>`
}

/** The PR's conversation: the sticky comment, then the merge box with the check as GitHub lists it. */
function conversation(comment: string, check: FakeCheckRun): string {
  const s = statusOf(check)
  const merge = s === 'success' ? '<div class="merge ok">All checks have passed — this branch can be merged</div>' : '<div class="merge blocked">Merging is blocked: the required check "' + md.utils.escapeHtml(check.name) + '" has not succeeded</div>'
  return `<div class="box"><div class="box-header"><b>github-actions</b><span class="label">bot</span> commented</div><div class="markdown-body">${md.render(comment)}</div></div>
<div class="box"><div class="check"><span class="dot ${s}">${statusIcon[s]}</span><span class="name">${md.utils.escapeHtml(check.name)}</span><span class="label">Required</span><span class="desc">${statusWord[s]} — ${md.utils.escapeHtml(check.output.title ?? '')}</span></div>${merge}</div>`
}

/** The check run's own page (Checks tab): title, summary and text. */
function checkPage(check: FakeCheckRun): string {
  const s = statusOf(check)
  const text = [check.output.summary ?? '', check.output.text ?? ''].filter(x => x !== '').join('\n\n')
  return `<div class="box check-page"><div class="box-header"><span class="dot ${s}" style="display:inline-flex;vertical-align:middle">${statusIcon[s]}</span> <b>${md.utils.escapeHtml(check.name)}</b> · ${statusWord[s]}</div>
<div class="markdown-body"><h2>${md.utils.escapeHtml(check.output.title ?? '')}</h2>${md.render(text)}</div></div>`
}

async function main(): Promise<void> {
  mkdirSync(WORK, { recursive: true })
  mkdirSync(IMAGES, { recursive: true })
  const entry = prepareDist({ build: 'if-stale', quiet: false })
  const { base, changes } = examplePull('pr-1')
  const s = await startScenario({ entry, baseFiles: base, inputs: { database: 'demo' } })
  const pages: Array<{ name: string; html: string }> = []
  try {
    s.openPull({ number: 1, changes, title: 'Archive cancelled orders, add customer_label()' })
    const opened = await s.pullRequest('opened', 1)
    if (opened.exitCode !== 0) throw new Error(`the Action failed:\n${opened.stdout}`)
    const pending = { comment: s.comments(1)[0]!.body, check: structuredClone(s.check(1)!) } // the fake updates check runs in place
    for (const o of await s.orders()) await s.decide(o.orderId, 'approve', 'Looks good — rollback reviewed')
    const refreshed = await s.schedule()
    if (refreshed.exitCode !== 0) throw new Error(`the refresh failed:\n${refreshed.stdout}`)
    const approved = { comment: s.comments(1)[0]!.body, check: structuredClone(s.check(1)!) }
    const from = 'Rendered by npm run screenshots from what the Action wrote in npm run demo (examples/pr-1)'
    pages.push({ name: 'pr-awaiting-approval', html: page(`${from}: the PR after it was opened`, conversation(pending.comment, pending.check), pending.comment.includes('```mermaid')) })
    pages.push({ name: 'pr-approved', html: page(`${from}: after the DBA approved the ticket in DMS and a refresh ran`, conversation(approved.comment, approved.check), approved.comment.includes('```mermaid')) })
    pages.push({ name: 'check-run', html: page(`${from}: the check run's page while the ticket awaits approval`, checkPage(pending.check), `${pending.check.output.summary}${pending.check.output.text}`.includes('```mermaid')) })
  } finally {
    await s.close()
  }

  if (pages.some(p => p.html.includes('mermaid.min.js'))) copyFileSync(mermaidScript(), join(WORK, 'mermaid.min.js'))
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
  })
  try {
    const ctx = await browser.newContext({ viewport: { width: 900, height: 600 }, deviceScaleFactor: 1 })
    for (const p of pages) {
      const file = join(WORK, `${p.name}.html`)
      writeFileSync(file, p.html)
      const tab = await ctx.newPage()
      await tab.goto(`file://${file}`)
      await tab.waitForFunction(() => (globalThis as unknown as { __rendered?: boolean }).__rendered === true, undefined, { timeout: 30_000 })
      const out = join(IMAGES, `${p.name}.png`)
      await tab.locator('.frame').screenshot({ path: out })
      console.log(`docs/images/${p.name}.png`)
      await tab.close()
    }
  } finally {
    await browser.close()
  }
}

main().catch(e => {
  console.error(e)
  process.exit(1)
})
