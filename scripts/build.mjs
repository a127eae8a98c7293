// Builds the two ncc bundles: dist/index.js (the Action) and dist/cli.js (the CLI).
// ncc writes one folder per entry; we keep a flat dist/ as action.yml and package.json expect.
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const entries = { index: 'src/index.ts', cli: 'src/cli.ts' }
rmSync('dist', { recursive: true, force: true })
mkdirSync('dist')
for (const [name, entry] of Object.entries(entries)) {
  const out = join('.build', 'ncc', name)
  rmSync(out, { recursive: true, force: true })
  execFileSync('npx', ['ncc', 'build', entry, '-o', out, '--target', 'es2022', '--quiet'], { stdio: 'inherit' })
  for (const f of readdirSync(out)) {
    if (f === 'package.json') continue
    const target = f === 'index.js' ? `${name}.js` : f
    cpSync(join(out, f), join('dist', target), { recursive: true })
  }
}
writeFileSync('dist/package.json', JSON.stringify({ type: 'module' }, null, 2) + '\n')
