// What a mode hands back to main.ts: the report for the job summary and the outputs, and whether the job fails.
import type { ActionOutputs, ReportInput } from '../report/render.js'

export interface ModeResult {
  /** report for the job summary (absent: nothing to summarise, e.g. an ignored event) */
  report?: ReportInput
  outputs?: ActionOutputs
  /** heading title of the job summary when it differs from the single-ticket title (several tickets) */
  title?: string
  /** set: core.setFailed with this message (real errors only; a pending or rejected gate is the check's job) */
  failure?: string
}
