// Shared by the e2e suites: the built Action (built once if stale, then copied privately) and routine files.
import { afterEach, beforeAll } from '@jest/globals'
import { prepareDist, startScenario, type Scenario, type ScenarioOptions } from '../../src/testing/run-action.js'

let entry: string | undefined

/** dist/index.js, built under the shared lock when src/ is newer, copied so a concurrent build cannot touch it. */
export function builtAction(): string {
  // DPG_ACTION_ENTRY runs the suites against another build (e.g. an older release, for a before/after comparison)
  entry ??= process.env['DPG_ACTION_ENTRY'] || prepareDist({ build: 'if-stale' })
  return entry
}

export function procFile(name: string, body: string): string {
  return `DELIMITER $$\nDROP PROCEDURE IF EXISTS ${name}$$\nCREATE PROCEDURE ${name}(IN p_days INT)\nBEGIN\n  ${body}\nEND$$\nDELIMITER ;\n`
}

export function functionFile(name: string, expr: string): string {
  return `DELIMITER $$\nDROP FUNCTION IF EXISTS ${name}$$\nCREATE FUNCTION ${name}(p INT) RETURNS INT\n  DETERMINISTIC\n  RETURN ${expr}$$\nDELIMITER ;\n`
}

export const BASE_FILES: Record<string, string> = {
  'db/routines/archive_orders.sql': procFile('archive_orders', 'DELETE FROM orders WHERE created_at < NOW() - INTERVAL p_days DAY;'),
  'db/routines/order_count.sql': functionFile('order_count', 'p + 1')
}

/** A PR change that modifies one procedure. */
export const CHANGE_ARCHIVE: Record<string, string> = {
  'db/routines/archive_orders.sql': procFile('archive_orders', "DELETE FROM orders WHERE status = 'delivered' AND created_at < NOW() - INTERVAL p_days DAY;")
}

export async function scenario(o: Partial<ScenarioOptions> = {}): Promise<Scenario> {
  return startScenario({ entry: builtAction(), baseFiles: BASE_FILES, inputs: { database: 'demo', ...(o.inputs ?? {}) }, ...o, ...(o.inputs ? { inputs: { database: 'demo', ...o.inputs } } : {}) })
}

/** stdout lines of a run without debug noise (for failure messages). */
export function log(run: { stdout: string; stderr: string }): string {
  return run.stdout.split('\n').filter(l => !l.startsWith('::debug::')).join('\n') + run.stderr
}

/** A suite's scenario hooks: the built Action before all tests, each test's scenario closed after it. */
export function scenarioPerTest(): { start: (o?: Partial<ScenarioOptions>) => Promise<Scenario> } {
  let current: Scenario | undefined
  beforeAll(() => {
    builtAction()
  }, 600_000)
  afterEach(async () => {
    await current?.close()
    current = undefined
  })
  return {
    async start(o = {}) {
      current = await scenario(o)
      return current
    }
  }
}
