// Creating DMS authority (permission) templates, one at a time or declaratively from the config.
// DMS has no "list templates" call in our client, so `apply` learns that a template exists from
// CreateAuthorityTemplate refusing a duplicate name (recognised by its message, see isDuplicateName).
import type { DmsClient } from '../dms/client.js'
import { DmsError } from '../dms/errors.js'
import type { AuthorityTemplate } from '../dms/types.js'
import { templateDescriptionProblem, templateNameProblem } from './template-name.js'

export type TemplateClient = Pick<DmsClient, 'createAuthorityTemplate'>

export type TemplateOutcome =
  | { kind: 'created'; name: string; template: AuthorityTemplate }
  | { kind: 'exists'; name: string; detail: string }
  | { kind: 'invalid'; name: string; reason: string }
  | { kind: 'not-allowed'; name: string; reason: string }
  | { kind: 'failed'; name: string; reason: string; retryable: boolean }
  /** Not attempted: an earlier template showed the caller may not create templates. */
  | { kind: 'skipped'; name: string; reason: string }

function bareMessage(e: DmsError): string {
  return e.message.replace(/^DMS \S+ failed: \S+: /, '')
}

/** DMS reports a duplicate name as a business error; the code is not documented, so match the wording too. */
export function isDuplicateName(e: DmsError): boolean {
  if (e.kind !== 'business' || /NotExist/i.test(e.code)) return false
  return /Duplicat|AlreadyExist/i.test(e.code) || /already exists?|duplicat|已存在|重复/i.test(bareMessage(e))
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
  if (e.kind !== 'business') return { kind: 'failed', reason: `DMS could not be reached or failed (${e.code}); nothing may have been created — run it again ${said}`, retryable: true }
  if (/^(NoPermission|Forbidden)/i.test(e.code) || /permission|not allowed|forbidden|权限/i.test(bareMessage(e))) {
    return { kind: 'not-allowed', reason: `your DMS account is not a DBA or DMS administrator; only they can create authority templates — ask one to run this, or to grant you the DBA role ${said}`, retryable: false }
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

/** Validates, then creates one template. Never throws. */
export async function createTemplate(client: TemplateClient, spec: { name: string; description?: string }, tid?: number): Promise<TemplateOutcome> {
  const problem = templateSpecProblem(spec)
  if (problem) return { kind: 'invalid', name: spec.name, reason: problem }
  try {
    const template = await client.createAuthorityTemplate(spec.description ? { name: spec.name, description: spec.description } : { name: spec.name })
    return { kind: 'created', name: spec.name, template }
  } catch (e) {
    if (e instanceof DmsError && isDuplicateName(e)) return { kind: 'exists', name: spec.name, detail: bareMessage(e) }
    const { kind, reason, retryable } = explainTemplateError(e, tid)
    return kind === 'not-allowed' ? { kind, name: spec.name, reason } : { kind: 'failed', name: spec.name, reason, retryable }
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
