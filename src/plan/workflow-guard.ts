// Runs whose workflow file comes from the change itself (pull_request: the PR's copy; merge_group: the merge
// group commit) let the change choose the gate's inputs. A change that edits a workflow running this Action cannot
// be gated by that workflow: the gate blocks it (docs/security.md). Both sides of each changed workflow are read,
// as data.
import type { GateContext } from '../action/context.js'
import type { ChangedFile } from '../sources/changed-files.js'
import { changedWorkflowPaths, usesAction } from '../sources/workflows.js'
import { readAt } from './plan-pull.js'

export async function editedGateWorkflows(ctx: GateContext, files: readonly ChangedFile[], baseSha: string, headSha: string): Promise<string[]> {
  const paths = changedWorkflowPaths(files)
  if (paths.length === 0) return []
  const [base, head] = await Promise.all([readAt(ctx, baseSha, paths), readAt(ctx, headSha, paths)])
  // read leniently: a workflow that is not UTF-8 still runs, and only its `uses:` lines (ASCII) matter here
  return paths.filter(p => [base.get(p), head.get(p)].some(bytes => bytes !== undefined && usesAction(bytes.toString('utf8'), ctx.actionRepository)))
}
