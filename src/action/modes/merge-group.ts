// merge_group checks_requested: the merge group's head is planned against its base — the commit it will become
// on the base branch — and judged against the gate's tickets: green only when every target's plan is empty or held
// by an approved ticket whose content DMS confirms. No sticky-comment marker and no other check run is consulted.
import { getPull, type PullInfo } from '../../github/pull-requests.js'
import { planChange } from '../../plan/plan-pull.js'
import { publish } from '../../report/publish.js'
import { listRangeFiles } from '../../sources/commit-range.js'
import { judgeRange } from '../../tickets/judge.js'
import { evaluateWithoutDms } from '../../tickets/evaluate.js'
import { editedGateWorkflows } from '../../plan/workflow-guard.js'
import { repoAccessOf, type GateContext } from '../context.js'
import type { ModeResult } from '../result.js'
import { resultOf } from './pull-request.js'

export interface MergeGroup {
  headSha: string
  headRef: string
  baseSha: string
  pullNumbers: number[]
}

export async function runMergeGroup(ctx: GateContext, mg: MergeGroup): Promise<ModeResult> {
  const changedFiles = await listRangeFiles({ ...repoAccessOf(ctx), baseSha: mg.baseSha, headSha: mg.headSha })
  // the PRs in the group, for their permission-ticket lines (only ever adding gates) and the report
  const pulls: Array<{ pull: PullInfo; body: string | null }> = []
  for (const n of mg.pullNumbers) pulls.push(await getPull(ctx.github.octokit, ctx.repo, n))
  const body = pulls.map(p => p.body ?? '').join('\n')
  const planned = await planChange(ctx, {
    subject: { kind: 'range', what: 'merge-group', ...(pulls.length === 1 ? { pull: pulls[0]!.pull } : {}), body },
    baseSha: mg.baseSha,
    headSha: mg.headSha,
    changedFiles
  })
  const label = `merge group ${mg.headSha.slice(0, 12)}`
  // a merge_group run uses the workflow file of the merge group commit: the PR's copy
  const edited = await editedGateWorkflows(ctx, changedFiles.files, mg.baseSha, mg.headSha)
  const ev = edited.length > 0 ? evaluateWithoutDms(planned, { kind: 'blocked', block: { cause: 'workflow-changed', files: edited } }) : await judgeRange(ctx, planned, { label })
  const notes = [`Merge group ${mg.headRef || mg.headSha}: planned from ${mg.headSha.slice(0, 12)} against its base ${mg.baseSha.slice(0, 12)}.`]
  const shown = { ...ev, state: (await publish(ctx, ev, mg.headSha, { comment: false, extraNotes: notes })).state }
  return resultOf(ctx, shown, mg.headSha, notes)
}
