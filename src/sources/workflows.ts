// On `pull_request` the workflow that runs the gate is the PR's own copy, so a PR that edits it chooses the gate's
// inputs (include globs, config path, database, endpoint, check name). Pure: which changed files are workflows
// that run this Action, judged on both their base and head text. See docs/security.md.
import type { ChangedFile } from './changed-files.js'

/** Workflow files and local composite actions: GitHub runs `.github/workflows/*.yml|yaml`. */
export function isWorkflowPath(path: string): boolean {
  return /^\.github\/workflows\/[^/]+\.ya?ml$/i.test(path) || /^\.github\/actions\/.+\.ya?ml$/i.test(path)
}

export function changedWorkflowPaths(files: readonly ChangedFile[]): string[] {
  const out = new Set<string>()
  for (const f of files) {
    if (isWorkflowPath(f.path)) out.add(f.path)
    if (f.previousPath !== undefined && isWorkflowPath(f.previousPath)) out.add(f.previousPath)
  }
  return [...out].sort()
}

/**
 * True when the YAML text runs this Action: a `uses:` of the action repository (GITHUB_ACTION_REPOSITORY, e.g.
 * `your-org/dms-proc-gate`), of any `…/dms-proc-gate` repository, or of the local action `./` (how a repository
 * uses its own copy). Matching is textual on purpose: a workflow does not need to parse to be run by GitHub.
 */
export function usesAction(yamlText: string, actionRepository: string | undefined): boolean {
  const names = ['[A-Za-z0-9_.-]+/dms-proc-gate']
  if (actionRepository !== undefined && actionRepository !== '') names.push(actionRepository.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  const remote = new RegExp(`^\\s*(?:-\\s*)?uses:\\s*['"]?(?:${names.join('|')})(?:/[^@'"\\s]*)?@`, 'im')
  const local = /^\s*(?:-\s*)?uses:\s*['"]?\.\/?['"]?\s*(?:#.*)?$/im
  return remote.test(yamlText) || local.test(yamlText)
}
