// Builds the two ncc bundles (docs/architecture.md, "The bundle"):
//   dist/index.js + dist/<n>.index.js         the Action (action.yml `main`) and the chunks only some modes load
//   dist/cli/index.js + dist/cli/<n>.index.js the CLI and its lazily loaded subcommand chunks
//   dist/cli.js                               the CLI's entry (package.json `bin`), importing ./cli/index.js
// ncc names every chunk `<n>.index.js` and loads it from the bundle's own folder, so each bundle gets its own folder.
// The output depends only on the sources and the lock file: CI rebuilds it and fails on any difference (check-dist).
import { execFileSync } from 'node:child_process'
import { chmodSync, cpSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const bundles = [
  { name: 'index', entry: 'src/index.ts', dir: '.' },
  { name: 'cli', entry: 'src/cli.ts', dir: 'cli' }
]
rmSync('.build/dist', { recursive: true, force: true })
mkdirSync('.build/dist', { recursive: true })
for (const b of bundles) {
  const out = join('.build', 'ncc', b.name)
  rmSync(out, { recursive: true, force: true })
  execFileSync('npx', ['ncc', 'build', b.entry, '-o', out, '--target', 'es2022', '--quiet'], { stdio: 'inherit' })
  const dest = join('.build/dist', b.dir)
  mkdirSync(dest, { recursive: true })
  for (const f of readdirSync(out)) {
    if (f === 'package.json') continue
    if (!/^(\d+\.)?index\.js$/.test(f)) throw new Error(`ncc emitted an unexpected file ${f} for ${b.entry} (an asset? keep dist/ to code)`)
    cpSync(join(out, f), join(dest, f))
  }
}
writeFileSync(
  '.build/dist/cli.js',
  "#!/usr/bin/env node\n// The dms-proc-gate CLI (package.json \"bin\"). The bundle and its lazily loaded chunks are in ./cli/.\nimport './cli/index.js'\n"
)
chmodSync('.build/dist/cli.js', 0o755)
writeFileSync('.build/dist/package.json', JSON.stringify({ type: 'module' }, null, 2) + '\n')
// Swap in the finished tree at once, so a concurrent reader never sees a half-written dist/.
rmSync('dist', { recursive: true, force: true })
cpSync('.build/dist', 'dist', { recursive: true })
const kb = p => `${(statSync(p).size / 1e6).toFixed(2)} MB`
const chunks = dir => readdirSync(dir).filter(f => /^\d+\.index\.js$/.test(f)).map(f => statSync(join(dir, f)).size).reduce((a, n) => a + n, 0)
console.error(`dist/index.js ${kb('dist/index.js')} (+ ${(chunks('dist') / 1e6).toFixed(2)} MB of chunks); dist/cli/index.js ${kb('dist/cli/index.js')} (+ ${(chunks('dist/cli') / 1e6).toFixed(2)} MB of chunks)`)
