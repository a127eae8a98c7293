// `npm run bench`: runs every bench/*.bench.ts in name order (or those named on the command line)
// and prints their figures. Each bench file default-exports an async function that prints its own table.
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const only = process.argv.slice(2)
const files = readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort()
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
for (const f of files) {
  console.log(`\n## ${f.replace(/\.bench\.ts$/, '')}`)
  const mod = (await import(pathToFileURL(join(here, f)).href)) as { default: () => Promise<void> }
  await mod.default()
}
