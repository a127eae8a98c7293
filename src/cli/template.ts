// `dms-proc-gate template create --name <n> [--description <d>]` and `template apply [--config <path>]`.
import { parseArgs } from 'node:util'
import { DEFAULT_CONFIG_PATH, formatConfigError, loadConfig } from '../config/index.js'
import { CONNECTION_OPTIONS, CONNECTION_USAGE, connect } from '../perm/dms-connection.js'
import { TEMPLATE_DESCRIPTION_MAX, TEMPLATE_NAME_MAX } from '../perm/template-name.js'
import { applyTemplates, createTemplate, templateSpecProblem, type TemplateOutcome } from '../perm/templates.js'

const USAGE = `usage: dms-proc-gate template create --name <name> [--description <text>] [--json] [connection options]
       dms-proc-gate template apply [--config <path>] [--json] [connection options]

create  creates one DMS authority (permission) template and prints its TemplateId. The name is checked
        first: 1–${TEMPLATE_NAME_MAX} characters of letters, digits, spaces and _ - . ( ) :, no leading or trailing
        space; the description at most ${TEMPLATE_DESCRIPTION_MAX} characters. Only DBAs and DMS admins may create templates.
apply   creates the config's \`templates:\` that do not exist yet (default config ${DEFAULT_CONFIG_PATH}).
        Idempotent: each name is looked up first (ListAuthorityTemplate); one DMS already has is shown as
        "exists" and not created again.
exit status: 0 done (created or already there), 1 DMS refused or the config is invalid, 2 usage error

${CONNECTION_USAGE}`

function fail(message: string): number {
  process.stderr.write(`dms-proc-gate template: ${message}\n\n${USAGE}`)
  return 2
}

function line(o: TemplateOutcome): string {
  switch (o.kind) {
    case 'created':
      return `created  ${o.name}: TemplateId ${o.template.templateId}`
    case 'exists':
      return `exists   ${o.name}: already in DMS (TemplateId ${o.template.templateId}), not created again`
    case 'invalid':
      return `invalid  ${o.name}: ${o.reason}`
    case 'not-allowed':
      return `refused  ${o.name}: ${o.reason}`
    case 'failed':
      return `failed   ${o.name}: ${o.reason}`
    case 'skipped':
      return `skipped  ${o.name}: ${o.reason}`
  }
}

function jsonOf(o: TemplateOutcome): Record<string, unknown> {
  if (o.kind === 'created') return { name: o.name, result: 'created', templateId: o.template.templateId, template: o.template }
  if (o.kind === 'exists') return { name: o.name, result: 'exists', templateId: o.template.templateId, template: o.template }
  return { name: o.name, result: o.kind, reason: o.reason }
}

const ok = (o: TemplateOutcome) => o.kind === 'created' || o.kind === 'exists'

export async function run(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv
  if (sub === '--help' || sub === '-h' || sub === 'help' || rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(USAGE)
    return 0
  }
  if (sub !== 'create' && sub !== 'apply') return fail(sub ? `unknown subcommand '${sub}' (create or apply)` : 'missing subcommand (create or apply)')
  let values: Record<string, string | boolean | undefined>
  try {
    ;({ values } = parseArgs({
      args: rest,
      options: {
        ...CONNECTION_OPTIONS,
        json: { type: 'boolean' },
        name: { type: 'string' },
        description: { type: 'string' },
        config: { type: 'string' }
      },
      allowPositionals: false,
      strict: true
    }))
  } catch (err) {
    return fail((err as Error).message)
  }
  const json = values.json === true
  const misplaced = sub === 'create' ? ['config'] : ['name', 'description']
  for (const flag of misplaced) if (values[flag] !== undefined) return fail(`--${flag} does not apply to 'template ${sub}'`)

  if (sub === 'create') {
    if (values.name === undefined) return fail('create needs --name <name>')
    const spec = { name: values.name as string, ...(values.description !== undefined ? { description: values.description as string } : {}) }
    // Name checks happen before connecting, so a bad name never costs a call (or needs credentials).
    const problem = templateSpecProblem(spec)
    if (problem) return fail(`--${problem}`)
    const conn = connect(values as Record<string, string | undefined>)
    if (!conn.ok) return fail(conn.message)
    const outcome = await createTemplate(conn.client, spec, conn.tid)
    if (json) process.stdout.write(JSON.stringify(jsonOf(outcome), null, 2) + '\n')
    else if (outcome.kind === 'created') process.stdout.write(`${outcome.template.templateId}\n`)
    if (outcome.kind !== 'created') {
      const reason = outcome.kind === 'exists'
        ? `a template named '${outcome.name}' already exists in DMS (TemplateId ${outcome.template.templateId}); pick another name, or use \`template apply\` to treat existing names as done`
        : line(outcome)
      process.stderr.write(`dms-proc-gate template create: ${reason}\n`)
      return 1
    }
    process.stderr.write(`created authority template '${outcome.name}' (TemplateId ${outcome.template.templateId})\n`)
    return 0
  }

  const file = (values.config as string | undefined) ?? DEFAULT_CONFIG_PATH
  const loaded = await loadConfig(file)
  if (loaded.ok === 'missing') {
    process.stderr.write(`${file}:1: config file not found\n`)
    return 1
  }
  if (!loaded.ok) {
    for (const e of loaded.errors) process.stderr.write(formatConfigError(e) + '\n')
    return 1
  }
  const specs = loaded.config.templates
  if (specs.length === 0) {
    if (json) process.stdout.write(JSON.stringify({ file, templates: [] }, null, 2) + '\n')
    else process.stdout.write(`${file}: no templates listed; nothing to do\n`)
    return 0
  }
  const conn = connect(values as Record<string, string | undefined>)
  if (!conn.ok) return fail(conn.message)
  const outcomes = await applyTemplates(conn.client, specs, conn.tid)
  if (json) process.stdout.write(JSON.stringify({ file, templates: outcomes.map(jsonOf) }, null, 2) + '\n')
  else {
    for (const o of outcomes) process.stdout.write(line(o) + '\n')
    const created = outcomes.filter((o) => o.kind === 'created').length
    const existing = outcomes.filter((o) => o.kind === 'exists').length
    process.stdout.write(`${created} created, ${existing} already existed, ${outcomes.length - created - existing} not done\n`)
  }
  return outcomes.every(ok) ? 0 : 1
}
