export const id = 918;
export const ids = [918];
export const modules = {

/***/ 6918:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Bi: () => (/* reexport */ DEFAULT_CONFIG_PATH),
  I0: () => (/* reexport */ describeDatabaseSpec),
  CE: () => (/* reexport */ resolve_effectiveTargets),
  YQ: () => (/* reexport */ formatConfigError),
  uZ: () => (/* reexport */ formatFileError),
  Z9: () => (/* reexport */ loadConfig),
  h5: () => (/* reexport */ resolveTargets)
});

// UNUSED EXPORTS: BUILT_IN_DEFAULTS, DEFAULT_ROLLBACK_PATTERN, ENV_TYPES, EXEC_MODES, IMPLICIT_TARGET_NAME, configEncodingFor, databaseSelector, globProblem, matcher, normalizePath, parseConfig, rollbackPathFor, rollbackPatternProblem, routineForRollback

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core = __webpack_require__(8532);
;// CONCATENATED MODULE: ./src/config/types.ts
const EXEC_MODES = ['COMMITOR', 'AUTO', 'LAST_AUDITOR'];
/** DMS environment types (GetDatabase.EnvType). */
const ENV_TYPES = ['product', 'dev', 'pre', 'test', 'sit', 'uat', 'pet', 'stag'];

// EXTERNAL MODULE: ./src/config/globs.ts
var globs = __webpack_require__(6053);
// EXTERNAL MODULE: ./src/sql/plan.ts + 1 modules
var plan = __webpack_require__(4961);
;// CONCATENATED MODULE: ./src/config/rollback-pattern.ts
// Rollback-file patterns: `{dir}/{name}.rollback.sql` names the reviewer-written rollback of `{dir}/{name}.sql`.
//   {dir}  the routine file's directory ('' at the repository root; the '/' after it then disappears)
//   {name} the routine file's name without its `.sql` extension
// The forward direction (routine file → rollback path) is the planner's, so the Action and `plan` always agree.


const PLACEHOLDER = /\{([^{}]*)\}/g;
/** Why `pattern` is unusable, or null. */
function rollbackPatternProblem(pattern) {
    if (pattern.trim() === '')
        return 'must not be empty';
    if (pattern.startsWith('/'))
        return "must be relative to the repository root (no leading '/')";
    for (const m of pattern.matchAll(PLACEHOLDER)) {
        if (m[1] !== 'dir' && m[1] !== 'name')
            return `unknown placeholder '{${m[1]}}' (use {dir} and {name})`;
    }
    const count = (p) => pattern.split(`{${p}}`).length - 1;
    if (count('name') !== 1)
        return 'must contain {name} exactly once';
    if (count('dir') > 1)
        return 'must contain {dir} at most once';
    if (/[{}]/.test(pattern.replace(PLACEHOLDER, '')))
        return "has an unbalanced '{' or '}'";
    if (pattern.includes('\\'))
        return "must use '/' as the path separator";
    if ((0,plan/* rollbackPathFor */.jr)('a/b.sql', pattern) === 'a/b.sql')
        return 'must not name the routine file itself';
    return null;
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/**
 * If `path` is a rollback file under `pattern`, the routine file it belongs to (`dir/name.sql`), or `''` when the
 * pattern has no {dir} (the routine's directory cannot be known); null when `path` is not a rollback file.
 */
function routineForRollback(pattern, path) {
    const parts = pattern.split(/(\{dir\}\/?|\{name\})/);
    let source = '^';
    for (const part of parts) {
        if (part === '{dir}/')
            source += '(?:(?<dir>.+)/)?';
        else if (part === '{dir}')
            source += '(?<dir>.*)';
        else if (part === '{name}')
            source += '(?<name>[^/]+)';
        else
            source += escapeRegExp(part);
    }
    const m = new RegExp(source + '$').exec(path);
    if (!m?.groups)
        return null;
    if (!pattern.includes('{dir}'))
        return '';
    const dir = m.groups.dir ?? '';
    return (dir === '' ? '' : dir + '/') + m.groups.name + '.sql';
}

// EXTERNAL MODULE: ./src/sources/encoding.ts
var encoding = __webpack_require__(7437);
// EXTERNAL MODULE: ./src/perm/template-name.ts
var template_name = __webpack_require__(6932);
;// CONCATENATED MODULE: ./src/config/schema.ts
// The zod schema of .github/dms-proc-gate.yml (kebab-case keys, every object strict so typos fail).
// Input is YAML parsed with intAsBigInt, so integers arrive as bigint and floats as number.






/** A refinement turning a `problem(value)` function into an issue with its message. */
function checked(schema, problem) {
    return schema.superRefine((value, ctx) => {
        const message = problem(value);
        if (message)
            ctx.addIssue({ code: 'custom', message });
    });
}
function integer(min, max, what) {
    return schemas/* bigint */.oad().transform((value, ctx) => {
        if (value < BigInt(min) || value > BigInt(max)) {
            ctx.addIssue({ code: 'custom', message: `must be ${what} (${min}–${max})` });
            return core/* NEVER */.tm;
        }
        return Number(value);
    });
}
const positiveId = (what) => integer(1, Number.MAX_SAFE_INTEGER, what);
/** DMS user ids may exceed 2^53: accept an integer or a quoted digit string, keep it as a string. */
const userId = schemas/* unknown */.L5J().transform((value, ctx) => {
    // Up to 20 digits, like the `related-users` input.
    if (typeof value === 'bigint' && value > 0n && value.toString().length <= 20)
        return value.toString();
    if (typeof value === 'string' && /^[1-9][0-9]{0,19}$/.test(value))
        return value;
    ctx.addIssue({ code: 'custom', message: 'must be a DMS user id (a positive integer)' });
    return core/* NEVER */.tm;
});
const glob = checked(schemas/* string */.YjP(), globs/* globProblem */.AI);
const globList = schemas/* array */.YOg(glob).min(1, 'must list at least one glob');
const TARGET_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;
const encodingName = checked(schemas/* string */.YjP(), (v) => {
    const r = (0,encoding/* resolveEncodingLabel */.I5)(v);
    return 'problem' in r ? r.problem : null;
});
/** `encoding: gbk`, or a list of `{ paths: [globs], encoding: name }` (the first matching entry decides). */
const schema_encoding = schemas/* union */.KCZ([encodingName, schemas/* array */.YOg(schemas/* strictObject */.rej({ paths: globList, encoding: encodingName })).min(1, 'must list at least one entry')]);
const settings = {
    'exec-mode': schemas/* enum */.k5n(EXEC_MODES).optional(),
    // Same limit as the `classify` input.
    classify: checked(schemas/* string */.YjP(), (v) => (v.length > 200 ? 'must be at most 200 characters' : null)).optional(),
    'related-users': schemas/* array */.YOg(userId).optional(),
    include: globList.optional(),
    exclude: schemas/* array */.YOg(glob).optional(),
    'rollback-pattern': checked(schemas/* string */.YjP(), rollbackPatternProblem).optional(),
    encoding: schema_encoding.optional()
};
const target = schemas/* strictObject */.rej({
    name: checked(schemas/* string */.YjP(), (v) => TARGET_NAME.test(v) ? null : 'must be 1–63 characters: letters, digits, . _ - (starting with a letter or digit)'),
    paths: globList,
    'db-id': positiveId('a DMS database id').optional(),
    schema: checked(schemas/* string */.YjP(), (v) => (v.trim() === '' || /\s/.test(v) ? 'must be a schema name without spaces' : null)).optional(),
    host: checked(schemas/* string */.YjP(), (v) => (v.trim() === '' ? 'must not be empty' : null)).optional(),
    port: integer(1, 65535, 'a TCP port').optional(),
    env: schemas/* enum */.k5n(ENV_TYPES).optional(),
    // per target only: each database has its own tables
    verify: schemas/* strictObject */.rej({ schema: checked(schemas/* string */.YjP(), globs/* pathProblem */.z9) }).optional(),
    // CreateProcCorrectOrder DbItemList[].Logic: a DbId names either a physical or a logical database.
    logic: schemas/* boolean */.zMY().optional(),
    ...settings
})
    .superRefine((t, ctx) => {
    const has = (key) => t[key] !== undefined;
    if (has('db-id') && has('schema')) {
        ctx.addIssue({ code: 'custom', path: ['schema'], message: 'give either db-id or schema, not both' });
    }
    else if (!has('db-id') && !has('schema')) {
        ctx.addIssue({ code: 'custom', path: [], message: 'needs a database: db-id: <DMS DbId> or schema: <name>' });
    }
    if (has('db-id')) {
        for (const key of ['host', 'port', 'env']) {
            if (has(key))
                ctx.addIssue({ code: 'custom', path: [key], message: 'only applies with schema (db-id already names one database)' });
        }
    }
    else if (has('logic')) {
        ctx.addIssue({ code: 'custom', path: ['logic'], message: 'only applies with db-id (SearchDatabase says whether a schema is logical)' });
    }
}, 
// Run even when a field is invalid, so every mistake in a target is reported at once.
{ when: (payload) => typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value) });
const template = schemas/* strictObject */.rej({
    name: checked(schemas/* string */.YjP(), template_name/* templateNameProblem */.Jl),
    description: checked(schemas/* string */.YjP(), template_name/* templateDescriptionProblem */.kC).optional()
});
const configSchema = schemas/* strictObject */.rej({
    version: schemas/* literal */.euz(1n, { error: 'must be 1' }).optional(),
    defaults: schemas/* strictObject */.rej({
        ...settings,
        verify: schemas/* unknown */.L5J().superRefine((_, ctx) => ctx.addIssue({ code: 'custom', message: 'set verify per target: each database has its own tables' })).optional()
    }).optional(),
    targets: schemas/* array */.YOg(target).optional(),
    'perm-orders': schemas/* array */.YOg(positiveId('a DMS order id')).optional(),
    templates: schemas/* array */.YOg(template).optional()
});

;// CONCATENATED MODULE: ./src/config/positions.ts
// Lines of YAML nodes by key path, so that every config error can name the line the user must edit.

/** `['targets', 1, 'exec-mode']` → `targets[1].exec-mode`. */
function formatPath(path) {
    let out = '';
    for (const seg of path)
        out += typeof seg === 'number' ? `[${seg}]` : out === '' ? seg : `.${seg}`;
    return out;
}
function keyText(pair) {
    return (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : String(pair.key);
}
function walk(doc, path) {
    let node = doc.contents ?? null;
    let pair = null;
    for (const seg of path) {
        if ((0,dist/* isMap */.jh)(node)) {
            const hit = node.items.find((p) => (0,dist/* isPair */.tO)(p) && keyText(p) === String(seg));
            if (!hit)
                return { node, pair: null, complete: false };
            pair = hit;
            node = hit.value ?? hit.key;
        }
        else if ((0,dist/* isSeq */.oP)(node) && typeof seg === 'number' && node.items[seg]) {
            pair = null;
            node = node.items[seg];
        }
        else {
            return { node, pair: null, complete: false };
        }
    }
    return { node, pair, complete: true };
}
class LineFinder {
    doc;
    lines;
    constructor(doc, lines) {
        this.doc = doc;
        this.lines = lines;
    }
    lineOf(node) {
        const offset = node?.range?.[0];
        return offset === undefined ? 1 : this.lines.linePos(offset).line;
    }
    /** Line of the value at `path` (or of the nearest existing parent when the key is missing). */
    valueLine(path) {
        const found = walk(this.doc, path);
        return this.lineOf(found.node);
    }
    /** Line of the key `key` inside the map at `parent` (for unknown keys). */
    keyLine(parent, key) {
        const found = walk(this.doc, [...parent, key]);
        if (found.complete && found.pair)
            return this.lineOf(found.pair.key);
        return this.lineOf(found.node);
    }
    /** Line where the item at `path` starts (a target's `- name:` line). */
    itemLine(path) {
        return this.valueLine(path);
    }
}

;// CONCATENATED MODULE: ./src/config/parse.ts
// Pure parsing of .github/dms-proc-gate.yml text: YAML (with positions) → zod validation → Config, or errors that
// each name file, line and key path.



const DEFAULT_CONFIG_PATH = '.github/dms-proc-gate.yml';
function parseConfig(text, file = DEFAULT_CONFIG_PATH) {
    const lines = new dist/* LineCounter */.HN();
    const docs = (0,dist/* parseAllDocuments */.hR)(text, { lineCounter: lines, intAsBigInt: true, prettyErrors: false, uniqueKeys: true });
    const errors = [];
    const at = (line, path, message) => errors.push({ file, line, path: formatPath(path), message });
    if (!Array.isArray(docs) || docs.length === 0) {
        // An empty file (or only comments) is a valid config that sets nothing.
        return { ok: true, config: { file, defaults: {}, targets: [], permOrders: [], templates: [] } };
    }
    if (docs.length > 1) {
        const second = docs[1];
        at(lines.linePos(second.range[0]).line, [], 'must hold a single YAML document (found a second one)');
        return { ok: false, errors };
    }
    const doc = docs[0];
    for (const problem of [...doc.errors, ...doc.warnings]) {
        at(lines.linePos(problem.pos[0]).line, [], `YAML ${problem.code === 'DUPLICATE_KEY' ? 'duplicate key' : 'syntax error'}: ${firstLine(problem.message)}`);
    }
    if (errors.length > 0)
        return { ok: false, errors };
    const where = new LineFinder(doc, lines);
    let data;
    try {
        data = doc.toJS({ maxAliasCount: 100 }) ?? {};
    }
    catch (err) {
        // Unresolved or excessive aliases surface only here.
        at(1, [], `YAML error: ${firstLine(err.message)}`);
        return { ok: false, errors };
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
        at(where.valueLine([]), [], 'must be a mapping of keys (defaults, targets, perm-orders, templates)');
        return { ok: false, errors };
    }
    const result = configSchema.safeParse(data, { reportInput: true });
    // Duplicates are judged on the raw data, so they are reported together with every other mistake.
    errors.push(...duplicateErrors(data, where, file));
    if (!result.success) {
        for (const issue of result.error.issues)
            errors.push(...issueToErrors(issue, where, file));
        return { ok: false, errors: sortErrors(errors) };
    }
    return errors.length > 0 ? { ok: false, errors: sortErrors(errors) } : { ok: true, config: toConfig(result.data, where, file) };
}
function firstLine(text) {
    return text.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
function sortErrors(errors) {
    return errors.sort((a, b) => a.line - b.line || a.path.localeCompare(b.path));
}
const TYPE_NAMES = {
    bigint: 'an integer',
    number: 'a number',
    string: 'a string',
    array: 'a list',
    object: 'a mapping',
    boolean: 'true or false'
};
function describe(value) {
    if (value === undefined)
        return 'nothing';
    if (value === null)
        return 'an empty value';
    if (typeof value === 'bigint')
        return `the integer ${value}`;
    if (typeof value === 'number')
        return `the number ${value}`;
    if (typeof value === 'string')
        return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
    if (typeof value === 'boolean')
        return String(value);
    if (Array.isArray(value))
        return 'a list';
    return 'a mapping';
}
// Every key the schema knows, for "did you mean" hints.
const KNOWN_KEYS = [
    'version', 'defaults', 'targets', 'perm-orders', 'templates', 'name', 'paths', 'db-id', 'schema', 'host', 'port',
    'env', 'exec-mode', 'classify', 'related-users', 'include', 'exclude', 'rollback-pattern', 'description', 'verify', 'encoding'
];
function distance(a, b) {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let prev = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const tmp = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
            prev = tmp;
        }
    }
    return row[b.length];
}
function suggestion(key) {
    const normalized = key.toLowerCase().replace(/_/g, '-');
    let best = null;
    let bestScore = 3;
    for (const known of KNOWN_KEYS) {
        const score = distance(normalized, known);
        if (score < bestScore) {
            best = known;
            bestScore = score;
        }
    }
    return best ? ` (did you mean '${best}'?)` : '';
}
function issueToErrors(issue, where, file) {
    const path = issue.path.filter((p) => typeof p !== 'symbol');
    const error = (line, p, message) => ({ file, line, path: formatPath(p), message });
    switch (issue.code) {
        case 'unrecognized_keys':
            return issue.keys.map((key) => error(where.keyLine(path, key), [...path, key], `unknown key${suggestion(key)}`));
        case 'invalid_type': {
            const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
            if (issue.input === undefined)
                return [error(where.valueLine(path), path, `is required (${expected})`)];
            return [error(where.valueLine(path), path, `expected ${expected}, got ${describe(issue.input)}`)];
        }
        case 'invalid_value':
            if (issue.values.length === 1) {
                return [error(where.valueLine(path), path, issue.message)];
            }
            return [error(where.valueLine(path), path, `must be one of ${issue.values.map(String).join(', ')} (got ${describe(issue.input)})`)];
        case 'too_small':
            return [error(where.valueLine(path), path, issue.message)];
        case 'invalid_union': {
            // The alternative the value got furthest in explains the mistake; else say what each one expects.
            const deeper = issue.errors.find((alternative) => alternative.some((i) => i.path.length > 0));
            if (deeper)
                return deeper.flatMap((i) => issueToErrors({ ...i, path: [...issue.path, ...i.path] }, where, file));
            const expected = [...new Set(issue.errors.flat().map((i) => (i.code === 'invalid_type' ? TYPE_NAMES[i.expected] ?? i.expected : i.message)))];
            return [error(where.valueLine(path), path, `expected ${expected.join(' or ')}, got ${describe(issue.input)}`)];
        }
        default:
            return [error(where.valueLine(path), path, issue.message)];
    }
}
function settingsOf(raw) {
    const out = {};
    if (raw['exec-mode'] !== undefined)
        out.execMode = raw['exec-mode'];
    if (raw.classify !== undefined)
        out.classify = raw.classify;
    if (raw['related-users'] !== undefined)
        out.relatedUsers = raw['related-users'];
    if (raw.include !== undefined)
        out.include = raw.include;
    if (raw.exclude !== undefined)
        out.exclude = raw.exclude;
    if (raw['rollback-pattern'] !== undefined)
        out.rollbackPattern = raw['rollback-pattern'];
    return out;
}
/** The `encoding` setting with the lines its values are on (messages name where an encoding was set). */
function encodingOf(raw, path, where) {
    if (raw === undefined)
        return {};
    if (typeof raw === 'string')
        return { encoding: { kind: 'all', label: raw, line: where.valueLine(path) } };
    return { encoding: { kind: 'globs', rules: raw.map((r, i) => ({ paths: r.paths, label: r.encoding, line: where.valueLine([...path, i, 'encoding']) })) } };
}
function toConfig(raw, where, file) {
    const targets = (raw.targets ?? []).map((t, i) => {
        const database = t['db-id'] !== undefined
            ? { kind: 'db-id', dbId: t['db-id'], ...(t.logic === true ? { logic: true } : {}) }
            : {
                kind: 'schema',
                schema: t.schema,
                ...(t.host !== undefined ? { host: t.host } : {}),
                ...(t.port !== undefined ? { port: t.port } : {}),
                ...(t.env !== undefined ? { env: t.env } : {})
            };
        return { name: t.name, paths: t.paths, database, line: where.itemLine(['targets', i]), ...settingsOf(t),
            ...(t.verify !== undefined ? { verify: { schema: t.verify.schema } } : {}),
            ...encodingOf(t.encoding, ['targets', i, 'encoding'], where) };
    });
    return {
        file,
        defaults: { ...settingsOf(raw.defaults ?? {}), ...encodingOf(raw.defaults?.encoding, ['defaults', 'encoding'], where) },
        targets,
        permOrders: (raw['perm-orders'] ?? []).map((orderId, i) => ({ orderId, line: where.valueLine(['perm-orders', i]) })),
        templates: (raw.templates ?? []).map((t, i) => ({
            name: t.name,
            description: t.description ?? '',
            line: where.itemLine(['templates', i])
        }))
    };
}
/**
 * Names must be unique: targets name tickets and checks (compared case-insensitively: DMS and check names do),
 * templates are keyed by name in DMS. Items of the wrong shape are left to the schema's messages.
 */
function duplicateErrors(data, where, file) {
    const errors = [];
    const seen = (list, key, path, line, what) => {
        if (!Array.isArray(list))
            return;
        const first = new Map();
        list.forEach((item, i) => {
            const k = key(item);
            if (k === undefined)
                return;
            const prior = first.get(k);
            if (prior === undefined)
                first.set(k, i);
            else
                errors.push({ file, line: where.valueLine(line(i)), path: formatPath(path(i)), message: `duplicate ${what} (first at line ${where.valueLine(line(prior))})` });
        });
    };
    const nameOf = (item) => {
        const name = item?.name;
        return typeof name === 'string' ? name : undefined;
    };
    seen(data.targets, (t) => nameOf(t)?.toLowerCase(), (i) => ['targets', i, 'name'], (i) => ['targets', i], 'target name');
    seen(data.templates, nameOf, (i) => ['templates', i, 'name'], (i) => ['templates', i], 'template name');
    seen(data['perm-orders'], (p) => (typeof p === 'bigint' ? String(p) : undefined), (i) => ['perm-orders', i], (i) => ['perm-orders', i], 'perm order id');
    return errors;
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./src/config/load.ts
// Reading the config file from disk. A missing file is not an error (the Action then uses one implicit target).



async function loadConfig(path, displayName = path) {
    let bytes;
    try {
        bytes = await (0,promises_.readFile)(path);
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return { ok: 'missing', file: displayName };
        return { ok: false, errors: [{ file: displayName, line: 1, path: '', message: `cannot read: ${err.message}` }] };
    }
    // The config file itself is always UTF-8 (a BOM is allowed).
    const decoded = (0,encoding/* decodeUtf8 */._6)(bytes, displayName);
    if (!decoded.ok)
        return { ok: false, errors: [{ ...decoded.error, path: '' }] };
    return parseConfig(decoded.text, displayName);
}

;// CONCATENATED MODULE: ./src/config/resolve.ts
// Pure: which target deploys each changed file. Precedence of settings (lowest first):
//   built-in defaults < Action inputs < config `defaults:` < the matching target.


const BUILT_IN_DEFAULTS = Object.freeze({
    execMode: 'COMMITOR',
    classify: '',
    relatedUsers: [],
    include: ['**/*.sql'],
    exclude: [],
    rollbackPattern: plan/* DEFAULT_ROLLBACK_PATTERN */.el
});
/** The name of the single target used without a config file (or with one that has no targets). */
const IMPLICIT_TARGET_NAME = 'default';
function pick(key, ...levels) {
    let value = BUILT_IN_DEFAULTS[key];
    for (const level of levels)
        if (level[key] !== undefined)
            value = level[key];
    return value;
}
function merge(...levels) {
    const encoding = levels.reduce((value, level) => level.encoding ?? value, undefined);
    return {
        execMode: pick('execMode', ...levels),
        classify: pick('classify', ...levels),
        relatedUsers: pick('relatedUsers', ...levels),
        include: pick('include', ...levels),
        exclude: pick('exclude', ...levels),
        rollbackPattern: pick('rollbackPattern', ...levels),
        ...(encoding ? { encoding } : {})
    };
}
function settingsOnly(inputs) {
    const { database: _database, ...settings } = inputs;
    return settings;
}
/**
 * Every target with its settings decided. With no config (or a config without targets) this is one implicit
 * target covering every path, deploying to the `database` input — or none when that input is missing too.
 */
function resolve_effectiveTargets(config, inputs) {
    const fromInputs = settingsOnly(inputs);
    const fileDefaults = config?.defaults ?? {};
    if (config && config.targets.length > 0) {
        return config.targets.map((t) => {
            const { name, paths, database, line, verify, ...own } = t;
            return { name, paths, database, ...merge(fromInputs, fileDefaults, own), ...(verify ? { verify } : {}),
                source: { kind: 'config', file: config.file, line } };
        });
    }
    if (!inputs.database)
        return [];
    return [{ name: IMPLICIT_TARGET_NAME, paths: ['**'], database: inputs.database, ...merge(fromInputs, fileDefaults), source: { kind: 'inputs' } }];
}
function compile(target) {
    return { target, inPaths: (0,globs/* matcher */.jN)(target.paths), included: (0,globs/* matcher */.jN)(target.include), excluded: (0,globs/* matcher */.jN)(target.exclude) };
}
function describeTarget(t) {
    return t.source.kind === 'config' ? `'${t.name}' (line ${t.source.line})` : `'${t.name}'`;
}
/**
 * Groups the changed paths by target. A target maps a file when the file matches its `paths` and its
 * include, and not its exclude. Outcomes per changed file:
 * - a reviewer-written rollback file of a routine a target maps → that target's `rollbackFiles`;
 * - mapped by exactly one target → that target's `files`;
 * - mapped by two or more → error naming them (ambiguity would deploy to the wrong database);
 * - inside some target's paths but excluded there → `skipped` with the reason;
 * - in no target's paths: an error when the defaults would include it (a routine nobody deploys),
 *   else `skipped` when it is a .sql file (non-.sql files are simply not routines).
 */
function resolveTargets(config, inputs, changedPaths) {
    const targets = resolve_effectiveTargets(config, inputs).map(compile);
    const fallback = merge(settingsOnly(inputs), config?.defaults ?? {});
    const defaultIncluded = (0,globs/* matcher */.jN)(fallback.include);
    const defaultExcluded = (0,globs/* matcher */.jN)(fallback.exclude);
    const configName = config?.file ?? null;
    const groups = new Map(targets.map((c) => [c.target.name, { target: c.target, files: [], rollbackFiles: [] }]));
    const errors = [];
    const skipped = [];
    const isSql = (p) => /\.sql$/i.test(p);
    const maps = (c, p) => c.inPaths(p) && c.included(p) && !c.excluded(p);
    for (const raw of [...new Set(changedPaths.map(globs/* normalizePath */.Fd))].sort()) {
        const rollbackOwners = targets.filter((c) => {
            const routine = routineForRollback(c.target.rollbackPattern, raw);
            if (routine === null)
                return false;
            return routine === '' ? c.inPaths(raw) : maps(c, routine);
        });
        if (rollbackOwners.length > 0) {
            for (const c of rollbackOwners)
                groups.get(c.target.name).rollbackFiles.push(raw);
            continue;
        }
        const mapping = targets.filter((c) => maps(c, raw));
        if (mapping.length === 1) {
            groups.get(mapping[0].target.name).files.push(raw);
            continue;
        }
        if (mapping.length > 1) {
            errors.push({
                file: raw,
                line: 1,
                message: `mapped by ${mapping.length} targets: ${mapping.map((c) => describeTarget(c.target)).join(' and ')}` +
                    `${configName ? ` in ${configName}` : ''}; a file must belong to exactly one database target — narrow their paths or use exclude`
            });
            continue;
        }
        const within = targets.filter((c) => c.inPaths(raw));
        if (within.length > 0) {
            if (isSql(raw))
                skipped.push({ file: raw, reason: `excluded by the include/exclude of target ${within.map((c) => describeTarget(c.target)).join(', ')}` });
            continue;
        }
        if (defaultIncluded(raw) && !defaultExcluded(raw)) {
            errors.push({
                file: raw,
                line: 1,
                message: targets.length === 0
                    ? 'no database to deploy this routine file to: set the `database` input or add targets to the config file'
                    : `no target in ${configName ?? 'the config'} maps this file; add it to a target's paths, or to exclude if it is not a routine`
            });
        }
        else if (isSql(raw)) {
            skipped.push({ file: raw, reason: defaultExcluded(raw) ? 'matches the default exclude' : 'not matched by the default include' });
        }
    }
    return { groups: [...groups.values()].filter((g) => g.files.length + g.rollbackFiles.length > 0), errors, skipped };
}

;// CONCATENATED MODULE: ./src/config/format.ts
/** `.github/dms-proc-gate.yml:12: targets[1].exec-mode: must be one of COMMITOR, AUTO, LAST_AUDITOR` */
function formatConfigError(e) {
    return `${e.file}:${e.line}: ${e.path === '' ? '' : `${e.path}: `}${e.message}`;
}
function formatFileError(e) {
    return `${e.file}:${e.line}: ${e.message}`;
}

;// CONCATENATED MODULE: ./src/config/database.ts
function databaseSelector(spec) {
    if (spec.kind === 'db-id')
        return { dbId: spec.dbId, logic: spec.logic === true };
    return {
        schemaName: spec.schema,
        ...(spec.host !== undefined ? { host: spec.host } : {}),
        ...(spec.port !== undefined ? { port: spec.port } : {}),
        ...(spec.env !== undefined ? { envType: spec.env } : {})
    };
}
/** `db-id 12` / `schema billing (host h, port 3306, env product)` for messages. */
function describeDatabaseSpec(db) {
    if (db.kind === 'db-id')
        return `db-id ${db.dbId}${db.logic ? ' (logical)' : ''}`;
    const where = [db.host !== undefined ? `host ${db.host}` : '', db.port !== undefined ? `port ${db.port}` : '', db.env ? `env ${db.env}` : '']
        .filter(Boolean)
        .join(', ');
    return `schema ${db.schema}${where ? ` (${where})` : ''}`;
}

;// CONCATENATED MODULE: ./src/config/encoding.ts
// Which encoding each repository path is read in, from the config's `encoding` settings: the target whose
// `paths` match the file decides (its own setting, else the file's `defaults:`); without one, `defaults:`.



/** The EncodingFor of a validated config (no config: every file UTF-8). */
function configEncodingFor(config, inputs = {}) {
    if (!config)
        return () => UTF8;
    const targets = effectiveTargets(config, inputs).map((t) => ({ inPaths: matcher(t.paths), choose: chooser(t.encoding, config.file) }));
    const fallback = chooser(config.defaults.encoding, config.file);
    return (path) => (targets.find((t) => t.inPaths(path))?.choose ?? fallback)(path);
}
function chooser(setting, file) {
    if (!setting)
        return () => UTF8;
    const choice = (label, line) => {
        const c = encodingChoice(label, `${file}:${line}`);
        if ('problem' in c)
            throw new Error(`${file}:${line}: ${c.problem}`); // the schema validated every label
        return c;
    };
    if (setting.kind === 'all') {
        const c = choice(setting.label, setting.line);
        return () => c;
    }
    const rules = setting.rules.map((r) => ({ matches: matcher(r.paths), choice: choice(r.label, r.line) }));
    return (path) => rules.find((r) => r.matches(path))?.choice ?? UTF8;
}

;// CONCATENATED MODULE: ./src/config/index.ts
// Public surface of the organisation config (.github/dms-proc-gate.yml).











/***/ }),

/***/ 6932:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jl: () => (/* binding */ templateNameProblem),
/* harmony export */   OF: () => (/* binding */ TEMPLATE_NAME_MAX),
/* harmony export */   dP: () => (/* binding */ TEMPLATE_DESCRIPTION_MAX),
/* harmony export */   kC: () => (/* binding */ templateDescriptionProblem)
/* harmony export */ });
// Names and descriptions of DMS authority (permission) templates, checked before any CreateAuthorityTemplate call.
// DMS documents no limits; we pick conservative ones so a typo fails locally with a clear message.
const TEMPLATE_NAME_MAX = 64;
const TEMPLATE_DESCRIPTION_MAX = 256;
// Letters (any script: DMS tenants name things in Chinese too), digits, space, and _ - . ( ) :
const NAME_CHARS = /^[\p{L}\p{N} _\-.():]+$/u;
/** Why `name` is not an acceptable template name, or null. */
function templateNameProblem(name) {
    if (name.trim() === '')
        return 'must not be empty';
    if (name !== name.trim())
        return 'must not start or end with spaces';
    if ([...name].length > TEMPLATE_NAME_MAX)
        return `must be at most ${TEMPLATE_NAME_MAX} characters`;
    if (!NAME_CHARS.test(name)) {
        const bad = [...name].find((c) => !NAME_CHARS.test(c)) ?? '';
        return `contains '${bad}': use letters, digits, spaces and _ - . ( ) : only`;
    }
    return null;
}
function templateDescriptionProblem(description) {
    if ([...description].length > TEMPLATE_DESCRIPTION_MAX)
        return `must be at most ${TEMPLATE_DESCRIPTION_MAX} characters`;
    if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(description))
        return 'must not contain control characters';
    return null;
}


/***/ })

};
