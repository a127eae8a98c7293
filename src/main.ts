import * as core from '@actions/core'

export async function run(): Promise<void> {
  core.setFailed('dms-proc-gate: the Action is not built yet')
}
