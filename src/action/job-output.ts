// The job's own outputs: the job summary file and the step outputs (through @actions/core).
import * as core from '@actions/core'
import { renderJobSummary, type ActionOutputs, type ReportInput } from '../report/render.js'
import { retitle } from '../report/publish.js'

export async function writeJobSummary(report: ReportInput, title?: string): Promise<void> {
  if (!process.env['GITHUB_STEP_SUMMARY']) return // not on a runner (local run): nothing to write to
  const text = renderJobSummary(report)
  await core.summary.addRaw(title !== undefined ? retitle(text, report, title) : text).write()
}

export function setOutputs(outputs: ActionOutputs): void {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value)
}
