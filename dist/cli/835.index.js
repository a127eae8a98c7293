export const id = 835;
export const ids = [835];
export const modules = {

/***/ 5835:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/config/index.ts + 10 modules
var config = __webpack_require__(6918);
// EXTERNAL MODULE: ./src/perm/dms-connection.ts + 9 modules
var dms_connection = __webpack_require__(8249);
// EXTERNAL MODULE: ./src/perm/template-name.ts
var template_name = __webpack_require__(6932);
// EXTERNAL MODULE: ./src/dms/errors.ts
var errors = __webpack_require__(389);
;// CONCATENATED MODULE: ./src/perm/templates.ts


function bareMessage(e) {
    return e.message.replace(/^DMS \S+ failed: \S+: /, '').replace(/ \((HTTP \d+|request id)[^)]*\)$/, '');
}
/** The template named exactly `name` (SearchKey is a keyword match, so the list is filtered here), or null. */
async function findTemplate(client, name) {
    return (await client.findAuthorityTemplates(name)).find((t) => t.name === name) ?? null;
}
function explainTemplateError(e, tid) {
    if (!(e instanceof errors/* DmsError */.xJ))
        return { kind: 'failed', reason: `unexpected error: ${e?.message ?? String(e)}`, retryable: false };
    const said = `(DMS said ${e.code}: ${bareMessage(e)})`;
    if (e.kind !== 'business')
        return { kind: 'failed', reason: `DMS could not be reached or failed (${e.code}); run it again — existing templates are found first, so nothing is created twice ${said}`, retryable: true };
    if (/^(NoPermission|Forbidden)/i.test(e.code) || /permission|not allowed|forbidden|权限/i.test(bareMessage(e))) {
        return { kind: 'not-allowed', reason: `your DMS account is not a DBA or DMS administrator; only they can list and create authority templates — ask one to run this, or to grant you the DBA role ${said}`, retryable: false };
    }
    if (/^Tenant/i.test(e.code)) {
        return { kind: 'not-allowed', reason: `the DMS tenant${tid !== undefined ? ` ${tid}` : ''} does not exist or your account is not in it — check --tid ${said}`, retryable: false };
    }
    if (/^User(NotExist|StatusIllegal)/i.test(e.code)) {
        return { kind: 'not-allowed', reason: `your Alibaba Cloud account is not an active DMS user — ask the DMS admin to add your UID ${said}`, retryable: false };
    }
    return { kind: 'failed', reason: `DMS refused the template ${said}`, retryable: false };
}
/** Pure: why the name or description is unacceptable (checked before any call), or null. */
function templateSpecProblem(spec) {
    const nameProblem = (0,template_name/* templateNameProblem */.Jl)(spec.name);
    if (nameProblem)
        return `name ${nameProblem}`;
    const descriptionProblem = spec.description !== undefined ? (0,template_name/* templateDescriptionProblem */.kC)(spec.description) : null;
    return descriptionProblem ? `description ${descriptionProblem}` : null;
}
/** Validates, looks the name up, and creates the template only when DMS has none of that name. Never throws. */
async function createTemplate(client, spec, tid) {
    const problem = templateSpecProblem(spec);
    if (problem)
        return { kind: 'invalid', name: spec.name, reason: problem };
    const explain = (e) => {
        const { kind, reason, retryable } = explainTemplateError(e, tid);
        return kind === 'not-allowed' ? { kind, name: spec.name, reason } : { kind: 'failed', name: spec.name, reason, retryable };
    };
    try {
        const existing = await findTemplate(client, spec.name);
        if (existing)
            return { kind: 'exists', name: spec.name, template: existing };
    }
    catch (e) {
        return explain(e);
    }
    try {
        const template = await client.createAuthorityTemplate(spec.description ? { name: spec.name, description: spec.description } : { name: spec.name });
        return { kind: 'created', name: spec.name, template };
    }
    catch (e) {
        // Whatever DMS said (a duplicate made by a concurrent run, a lost answer to our own create): look again.
        try {
            const now = await findTemplate(client, spec.name);
            if (now)
                return { kind: 'exists', name: spec.name, template: now };
        }
        catch {
            // keep the create's error: it is the one to explain
        }
        return explain(e);
    }
}
/**
 * Creates each template that does not exist yet. Idempotent: a name DMS already has is reported as `exists`.
 * After a `not-allowed` outcome the rest are `skipped` (every call would fail the same way).
 */
async function applyTemplates(client, specs, tid) {
    const out = [];
    let stop = null;
    for (const spec of specs) {
        if (stop) {
            out.push({ kind: 'skipped', name: spec.name, reason: stop });
            continue;
        }
        const outcome = await createTemplate(client, spec.description ? spec : { name: spec.name }, tid);
        out.push(outcome);
        if (outcome.kind === 'not-allowed')
            stop = 'not attempted: the account may not create templates (see above)';
    }
    return out;
}

;// CONCATENATED MODULE: ./src/cli/template.ts
// `dms-proc-gate template create --name <n> [--description <d>]` and `template apply [--config <path>]`.





const USAGE = `usage: dms-proc-gate template create --name <name> [--description <text>] [--json] [connection options]
       dms-proc-gate template apply [--config <path>] [--json] [connection options]

create  creates one DMS authority (permission) template and prints its TemplateId. The name is checked
        first: 1–${template_name/* TEMPLATE_NAME_MAX */.OF} characters of letters, digits, spaces and _ - . ( ) :, no leading or trailing
        space; the description at most ${template_name/* TEMPLATE_DESCRIPTION_MAX */.dP} characters. Only DBAs and DMS admins may create templates.
apply   creates the config's \`templates:\` that do not exist yet (default config ${config/* DEFAULT_CONFIG_PATH */.Bi}).
        Idempotent: each name is looked up first (ListAuthorityTemplate); one DMS already has is shown as
        "exists" and not created again.
exit status: 0 done (created or already there), 1 DMS refused or the config is invalid, 2 usage error

${dms_connection/* CONNECTION_USAGE */.T3}`;
function fail(message) {
    process.stderr.write(`dms-proc-gate template: ${message}\n\n${USAGE}`);
    return 2;
}
function line(o) {
    switch (o.kind) {
        case 'created':
            return `created  ${o.name}: TemplateId ${o.template.templateId}`;
        case 'exists':
            return `exists   ${o.name}: already in DMS (TemplateId ${o.template.templateId}), not created again`;
        case 'invalid':
            return `invalid  ${o.name}: ${o.reason}`;
        case 'not-allowed':
            return `refused  ${o.name}: ${o.reason}`;
        case 'failed':
            return `failed   ${o.name}: ${o.reason}`;
        case 'skipped':
            return `skipped  ${o.name}: ${o.reason}`;
    }
}
function jsonOf(o) {
    if (o.kind === 'created')
        return { name: o.name, result: 'created', templateId: o.template.templateId, template: o.template };
    if (o.kind === 'exists')
        return { name: o.name, result: 'exists', templateId: o.template.templateId, template: o.template };
    return { name: o.name, result: o.kind, reason: o.reason };
}
const ok = (o) => o.kind === 'created' || o.kind === 'exists';
async function run(argv) {
    const [sub, ...rest] = argv;
    if (sub === '--help' || sub === '-h' || sub === 'help' || rest.includes('--help') || rest.includes('-h')) {
        process.stdout.write(USAGE);
        return 0;
    }
    if (sub !== 'create' && sub !== 'apply')
        return fail(sub ? `unknown subcommand '${sub}' (create or apply)` : 'missing subcommand (create or apply)');
    let values;
    try {
        ;
        ({ values } = (0,external_node_util_.parseArgs)({
            args: rest,
            options: {
                ...dms_connection/* CONNECTION_OPTIONS */.Ur,
                json: { type: 'boolean' },
                name: { type: 'string' },
                description: { type: 'string' },
                config: { type: 'string' }
            },
            allowPositionals: false,
            strict: true
        }));
    }
    catch (err) {
        return fail(err.message);
    }
    const json = values.json === true;
    const misplaced = sub === 'create' ? ['config'] : ['name', 'description'];
    for (const flag of misplaced)
        if (values[flag] !== undefined)
            return fail(`--${flag} does not apply to 'template ${sub}'`);
    if (sub === 'create') {
        if (values.name === undefined)
            return fail('create needs --name <name>');
        const spec = { name: values.name, ...(values.description !== undefined ? { description: values.description } : {}) };
        // Name checks happen before connecting, so a bad name never costs a call (or needs credentials).
        const problem = templateSpecProblem(spec);
        if (problem)
            return fail(`--${problem}`);
        const conn = (0,dms_connection/* connect */.Ng)(values);
        if (!conn.ok)
            return fail(conn.message);
        const outcome = await createTemplate(conn.client, spec, conn.tid);
        if (json)
            process.stdout.write(JSON.stringify(jsonOf(outcome), null, 2) + '\n');
        else if (outcome.kind === 'created')
            process.stdout.write(`${outcome.template.templateId}\n`);
        if (outcome.kind !== 'created') {
            const reason = outcome.kind === 'exists'
                ? `a template named '${outcome.name}' already exists in DMS (TemplateId ${outcome.template.templateId}); pick another name, or use \`template apply\` to treat existing names as done`
                : line(outcome);
            process.stderr.write(`dms-proc-gate template create: ${reason}\n`);
            return 1;
        }
        process.stderr.write(`created authority template '${outcome.name}' (TemplateId ${outcome.template.templateId})\n`);
        return 0;
    }
    const file = values.config ?? config/* DEFAULT_CONFIG_PATH */.Bi;
    const loaded = await (0,config/* loadConfig */.Z9)(file);
    if (loaded.ok === 'missing') {
        process.stderr.write(`${file}:1: config file not found\n`);
        return 1;
    }
    if (!loaded.ok) {
        for (const e of loaded.errors)
            process.stderr.write((0,config/* formatConfigError */.YQ)(e) + '\n');
        return 1;
    }
    const specs = loaded.config.templates;
    if (specs.length === 0) {
        if (json)
            process.stdout.write(JSON.stringify({ file, templates: [] }, null, 2) + '\n');
        else
            process.stdout.write(`${file}: no templates listed; nothing to do\n`);
        return 0;
    }
    const conn = (0,dms_connection/* connect */.Ng)(values);
    if (!conn.ok)
        return fail(conn.message);
    const outcomes = await applyTemplates(conn.client, specs, conn.tid);
    if (json)
        process.stdout.write(JSON.stringify({ file, templates: outcomes.map(jsonOf) }, null, 2) + '\n');
    else {
        for (const o of outcomes)
            process.stdout.write(line(o) + '\n');
        const created = outcomes.filter((o) => o.kind === 'created').length;
        const existing = outcomes.filter((o) => o.kind === 'exists').length;
        process.stdout.write(`${created} created, ${existing} already existed, ${outcomes.length - created - existing} not done\n`);
    }
    return outcomes.every(ok) ? 0 : 1;
}


/***/ })

};
