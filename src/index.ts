// The Action entry point: everything lives in main.ts so tests can import it without side effects.
import { run } from './action/main.js'

await run()
