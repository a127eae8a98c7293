// Creating DMS authority (permission) templates, one at a time or declaratively from the config. Existence is read
// with ListAuthorityTemplate (SearchKey, then an exact name match) before any create and again after a failed one,
// so a rerun never creates a copy and nothing depends on how DMS words a duplicate-name refusal.
import type { DmsClient } from '../dms/client.js'
import { DmsError } from '../dms/errors.js'
import type { AuthorityTemplate } from '../dms/types.js'
import { templateDescriptionProblem, templateNameProblem } from './template-name.js'

export type TemplateClient = Pick<DmsClient, 'createAuthorityTemplate' | 'findAuthorityTemplates'>

export type TemplateOutcome =
  | { kind: 'created'; name: string; template: AuthorityTemplate }
  | { kind: 'exists'; name: string; template: AuthorityTemplate }
  | { kind: 'invalid'; name: string; reason: string }
  | { kind: 'not-allowed'; name: string; reason: string }
  | { kind: 'failed'; name: string; reason: string; retryable: boolean }
  /** Not attempted: an earlier template showed the caller may not create templates. */
  | { kind: 'skipped'; name: string; reason: string }

function bareMessage(e: DmsError): string {
  return e.message.replace(/^DMS \S+ failed: \S+: /, '').replace(/ \((HTTP \d+|request id)[^)]*\)$/, '')
}

/** The template named exactly `name` (SearchKey is a keyword match, so the list is filtered here), or null. */
export async function findTemplate(client: Pick<DmsClient, 'findAuthorityTemplates'>, name: string): Promise<AuthorityTemplate | null> {
  return (await client.findAuthorityTemplates(name)).find((t) => t.name === name) ?? null
}

/** Plain-words explanation of a CreateAuthorityTemplate failure. */
export interface TemplateErrorExplanation {
  kind: 'not-allowed' | 'failed'
  reason: string
  retryable: boolean
}

export function explainTemplateError(e: unknown, tid?: number): TemplateErrorExplanation {
  if (!(e instanceof DmsError)) return { kind: 'failed', reason: `unexpected error: ${(e as Error)?.message ?? String(e)}`, retryable: false }
  const said = `(DMS said ${e.code}: ${bareMessage(e)})`
  if (e.kind !== 'business') return { kind: 'failed', reason: `DMS could not be reached or failed (${e.code}); run it again — existing templates are found first, so nothing is created twice ${said}`, retryable: true }
  if (/^(NoPermission|Forbidden)/i.test(e.code) || /permission|not allowed|forbidden|权限/i.test(bareMessage(e))) {
    return { kind: 'not-allowed', reason: `your DMS account is not a DBA or DMS administrator; only they can list and create authority templates — ask one to run this, or to grant you the DBA role ${said}`, retryable: false }
  }
  if (/^Tenant/i.test(e.code)) {
    return { kind: 'not-allowed', reason: `the DMS tenant${tid !== undefined ? ` ${tid}` : ''} does not exist or your account is not in it — check --tid ${said}`, retryable: false }
  }
  if (/^User(NotExist|StatusIllegal)/i.test(e.code)) {
    return { kind: 'not-allowed', reason: `your Alibaba Cloud account is not an active DMS user — ask the DMS admin to add your UID ${said}`, retryable: false }
  }
  return { kind: 'failed', reason: `DMS refused the template ${said}`, retryable: false }
}

/** Pure: why the name or description is unacceptable (checked before any call), or null. */
export function templateSpecProblem(spec: { name: string; description?: string }): string | null {
  const nameProblem = templateNameProblem(spec.name)
  if (nameProblem) return `name ${nameProblem}`
  const descriptionProblem = spec.description !== undefined ? templateDescriptionProblem(spec.description) : null
  return descriptionProblem ? `description ${descriptionProblem}` : null
}

/** Validates, looks the name up, and creates the template only when DMS has none of that name. Never throws. */
export async function createTemplate(client: TemplateClient, spec: { name: string; description?: string }, tid?: number): Promise<TemplateOutcome> {
  const problem = templateSpecProblem(spec)
  if (problem) return { kind: 'invalid', name: spec.name, reason: problem }
  const explain = (e: unknown): TemplateOutcome => {
    const { kind, reason, retryable } = explainTemplateError(e, tid)
    return kind === 'not-allowed' ? { kind, name: spec.name, reason } : { kind: 'failed', name: spec.name, reason, retryable }
  }
  try {
    const existing = await findTemplate(client, spec.name)
    if (existing) return { kind: 'exists', name: spec.name, template: existing }
  } catch (e) {
    return explain(e)
  }
  try {
    const template = await client.createAuthorityTemplate(spec.description ? { name: spec.name, description: spec.description } : { name: spec.name })
    return { kind: 'created', name: spec.name, template }
  } catch (e) {
    // Whatever DMS said (a duplicate made by a concurrent run, a lost answer to our own create): look again.
    try {
      const now = await findTemplate(client, spec.name)
      if (now) return { kind: 'exists', name: spec.name, template: now }
    } catch {
      // keep the create's error: it is the one to explain
    }
    return explain(e)
  }
}

/**
 * Creates each template that does not exist yet. Idempotent: a name DMS already has is reported as `exists`.
 * After a `not-allowed` outcome the rest are `skipped` (every call would fail the same way).
 */
export async function applyTemplates(client: TemplateClient, specs: ReadonlyArray<{ name: string; description: string }>, tid?: number): Promise<TemplateOutcome[]> {
  const out: TemplateOutcome[] = []
  let stop: string | null = null
  for (const spec of specs) {
    if (stop) {
      out.push({ kind: 'skipped', name: spec.name, reason: stop })
      continue
    }
    const outcome = await createTemplate(client, spec.description ? spec : { name: spec.name }, tid)
    out.push(outcome)
    if (outcome.kind === 'not-allowed') stop = 'not attempted: the account may not create templates (see above)'
  }
  return out
}
