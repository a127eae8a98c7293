// Builds the two ncc bundles: dist/index.js (the Action) and dist/cli.js (the CLI, with lazily loaded
// subcommand chunks). ncc writes one folder per entry; we keep a flat dist/ as action.yml and package.json expect.
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const entries = { index: 'src/index.ts', cli: 'src/cli.ts' }
rmSync('.build/dist', { recursive: true, force: true })
mkdirSync('.build/dist', { recursive: true })
for (const [name, entry] of Object.entries(entries)) {
  const out = join('.build', 'ncc', name)
  rmSync(out, { recursive: true, force: true })
  execFileSync('npx', ['ncc', 'build', entry, '-o', out, '--target', 'es2022', '--quiet'], { stdio: 'inherit' })
  for (const f of readdirSync(out)) {
    if (f === 'package.json') continue
    // Only the CLI may have chunks: both bundles name theirs <n>.index.js, so two sets would collide.
    if (name === 'index' && f !== 'index.js') throw new Error(`the Action bundle must be one file, but ncc emitted ${f} (a dynamic import in src/index.ts's graph?)`)
    cpSync(join(out, f), join('.build/dist', f === 'index.js' ? `${name}.js` : f), { recursive: true })
  }
}
writeFileSync('.build/dist/package.json', JSON.stringify({ type: 'module' }, null, 2) + '\n')
// Swap in the finished tree at once, so a concurrent reader never sees a half-written dist/.
rmSync('dist', { recursive: true, force: true })
cpSync('.build/dist', 'dist', { recursive: true })
