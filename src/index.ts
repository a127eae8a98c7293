// The Action entry point: everything lives in main.ts so tests can import it without side effects.
import { run } from './main.js'

await run()
