export const id = 781;
export const ids = [781];
export const modules = {

/***/ 781:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  PLAN_USAGE: () => (/* binding */ PLAN_USAGE),
  VERIFY_PASSWORD_ENV: () => (/* binding */ VERIFY_PASSWORD_ENV),
  formatPlan: () => (/* binding */ formatPlan),
  parsePlanArgs: () => (/* binding */ parsePlanArgs),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/sql/plan.ts + 1 modules
var plan = __webpack_require__(4961);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/sources/dir.ts
// A directory on disk → SourceTree (repository-relative paths with forward slashes).



const SKIP_DIRS = new Set(['.git', 'node_modules']);
/**
 * Reads every file under `root` whose relative path matches `include` (all files when omitted).
 * A directory that does not exist is an empty tree: "no files on that side".
 */
function readDirTree(root, include) {
    const tree = new Map();
    try {
        if (!(0,external_node_fs_.statSync)(root).isDirectory())
            throw new Error(`${root} is not a directory`);
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return tree;
        throw e;
    }
    const match = include && include.length > 0 ? picomatch_default()([...include], { dot: true }) : () => true;
    const walk = (dir, prefix) => {
        for (const entry of (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true })) {
            const rel = prefix + entry.name;
            if (entry.isDirectory()) {
                if (!SKIP_DIRS.has(entry.name))
                    walk((0,external_node_path_.join)(dir, entry.name), rel + '/');
            }
            else if (entry.isFile() && match(rel)) {
                tree.set(rel, (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(dir, entry.name), 'utf8'));
            }
        }
    };
    walk(root, '');
    return tree;
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/sources/git.ts
// A git commit-ish → SourceTree, read with one `git ls-tree` and one `git cat-file --batch` (no checkout).


class GitSourceError extends Error {
}
const MAX_BUFFER = 1 << 30;
/** Files of `ref` in the repository at `repo` whose paths match `include` (all files when omitted). */
function readGitTree(repo, ref, include) {
    let listing;
    try {
        listing = (0,external_node_child_process_.execFileSync)('git', ['-C', repo, 'ls-tree', '-r', '-z', '--full-tree', `${ref}^{tree}`], { maxBuffer: MAX_BUFFER, stdio: ['ignore', 'pipe', 'pipe'] });
    }
    catch (e) {
        const stderr = String(e.stderr ?? '').trim();
        throw new GitSourceError(`cannot read ref '${ref}' in git repository '${repo}'${stderr ? `: ${stderr}` : ''}`);
    }
    const match = include && include.length > 0 ? picomatch_default()([...include], { dot: true }) : () => true;
    const wanted = [];
    for (const entry of listing.toString('utf8').split('\0')) {
        if (!entry)
            continue;
        // "<mode> SP <type> SP <oid> TAB <path>"
        const tab = entry.indexOf('\t');
        const [mode, type, oid] = entry.slice(0, tab).split(' ');
        const path = entry.slice(tab + 1);
        if (type === 'blob' && mode !== '120000' && oid && match(path))
            wanted.push({ oid, path });
    }
    const tree = new Map();
    if (wanted.length === 0)
        return tree;
    const res = (0,external_node_child_process_.spawnSync)('git', ['-C', repo, 'cat-file', '--batch'], { input: wanted.map((w) => w.oid).join('\n') + '\n', maxBuffer: MAX_BUFFER });
    if (res.status !== 0 || !res.stdout) {
        throw new GitSourceError(`git cat-file failed in '${repo}': ${String(res.stderr ?? res.error ?? '').trim()}`);
    }
    // Output per object: "<oid> <type> <size>\n<content>\n"
    const out = res.stdout;
    let pos = 0;
    for (const w of wanted) {
        const nl = out.indexOf(10, pos);
        const header = out.toString('utf8', pos, nl);
        const size = Number(header.split(' ')[2]);
        if (!Number.isFinite(size))
            throw new GitSourceError(`git cat-file: unexpected answer '${header}' for ${w.path}`);
        tree.set(w.path, out.toString('utf8', nl + 1, nl + 1 + size));
        pos = nl + 1 + size + 1;
    }
    return tree;
}

// EXTERNAL MODULE: ./src/verify/url.ts
var url = __webpack_require__(9436);
;// CONCATENATED MODULE: ./src/cli/plan.ts
// `dms-proc-gate plan`: plans two trees (directories, or refs of a git repository) and prints the plan
// as JSON (--json, the contract in docs/cli.md) or as a human-readable summary. Exit 0 / 1 (plan errors, or a failed
// --verify) / 2 (usage).





const PLAN_USAGE = `usage: dms-proc-gate plan --base <dir> --head <dir> [--include <glob>]... [--json] [--verify <url> …]
       dms-proc-gate plan --repo <path> --base-ref <ref> --head-ref <ref> [--include <glob>]... [--json] [--verify <url> …]

  --base <dir>        the tree before the change (a missing directory means no files)
  --head <dir>        the tree after the change (a missing directory means no files)
  --repo <path>       read both trees from this git repository instead, at --base-ref and --head-ref
  --include <glob>    routine files to plan (picomatch, repeatable; default ${plan/* DEFAULT_INCLUDE */.Zy.join(' ')})
  --rollback-pattern <pattern>
                      reviewer rollback file of a routine file, with {dir} {name} {file}
                      (default {dir}/{name}.rollback.sql)
  --json              print the plan as JSON
  --verify <url>      prove the plan on a MySQL/MariaDB server in scratch schemas it drops afterwards:
                      mysql://user[:password]@host[:port] or mysql://user@localhost?socket=/path
                      (password also from DMS_PROC_GATE_VERIFY_PASSWORD; see docs/verify.md)
  --verify-schema <file>
                      SQL file with the tables the routines need, loaded before the base routines
  --verify-wait <seconds>
                      how long to keep retrying to connect (default 30; 0 = one attempt)
`;
class UsageError extends Error {
}
const VALUE_FLAGS = {
    '--base': 'base', '--head': 'head', '--repo': 'repo', '--base-ref': 'baseRef', '--head-ref': 'headRef',
    '--rollback-pattern': 'rollbackPattern', '--verify-schema': 'verifySchema',
    '--verify-wait': 'verifyWait'
};
function parsePlanArgs(argv) {
    const args = { include: [], json: false, help: false };
    for (let i = 0; i < argv.length; i++) {
        const raw = argv[i];
        const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
        const flag = eq === -1 ? raw : raw.slice(0, eq);
        const takeValue = () => {
            const v = eq === -1 ? argv[++i] : raw.slice(eq + 1);
            if (v === undefined || (eq === -1 && v.startsWith('--')) || v === '')
                throw new UsageError(`${flag} needs a value`);
            return v;
        };
        if (flag === '--json' || flag === '--help' || flag === '-h') {
            if (eq !== -1)
                throw new UsageError(`${flag} takes no value`);
            if (flag === '--json')
                args.json = true;
            else
                args.help = true;
        }
        else if (flag === '--include') {
            args.include.push(takeValue());
        }
        else if (flag === '--verify') {
            if (args.verify !== undefined)
                throw new UsageError('--verify given twice');
            args.verify = verifyUrl(takeValue());
        }
        else if (flag in VALUE_FLAGS) {
            const key = VALUE_FLAGS[flag];
            if (args[key] !== undefined)
                throw new UsageError(`${flag} given twice`);
            args[key] = takeValue();
        }
        else {
            throw new UsageError(raw.startsWith('-') ? `unknown option '${raw}'` : `unexpected argument '${raw}'`);
        }
    }
    if (args.help)
        return args;
    for (const [flag, value] of [['--verify-schema', args.verifySchema], ['--verify-wait', args.verifyWait]]) {
        if (value !== undefined && args.verify === undefined)
            throw new UsageError(`${flag} needs --verify <url>`);
    }
    if (args.verifyWait !== undefined && !(/^\d+(\.\d+)?$/.test(args.verifyWait) && Number(args.verifyWait) <= 3600)) {
        throw new UsageError(`--verify-wait: expected seconds from 0 to 3600, got '${args.verifyWait}'`);
    }
    const gitMode = args.repo !== undefined || args.baseRef !== undefined || args.headRef !== undefined;
    if (gitMode) {
        if (args.base !== undefined || args.head !== undefined)
            throw new UsageError('use either --base/--head or --repo/--base-ref/--head-ref, not both');
        if (args.repo === undefined)
            throw new UsageError('--base-ref/--head-ref need --repo <path>');
        if (args.baseRef === undefined || args.headRef === undefined)
            throw new UsageError('--repo needs both --base-ref and --head-ref');
    }
    else if (args.base === undefined && args.head === undefined) {
        throw new UsageError('give --base <dir> and --head <dir> (or --repo with --base-ref and --head-ref)');
    }
    return args;
}
const VERIFY_PASSWORD_ENV = 'DMS_PROC_GATE_VERIFY_PASSWORD';
/** The URL, with the password from DMS_PROC_GATE_VERIFY_PASSWORD when it has none (argv is visible in ps). */
function verifyUrl(raw) {
    try {
        const db = (0,url/* parseVerifyUrl */.UK)(raw);
        const fromEnv = process.env[VERIFY_PASSWORD_ENV];
        return db.password === undefined && fromEnv ? { ...db, password: new url/* Secret */.zh(fromEnv) } : db;
    }
    catch (e) {
        if (e instanceof url/* VerifyUrlError */.JK)
            throw new UsageError(`--verify: ${e.message}`);
        throw e;
    }
}
function readTrees(args) {
    // Read only what can be planned (routine files and their rollback files).
    const include = args.include.length > 0 ? args.include : plan/* DEFAULT_INCLUDE */.Zy;
    const filter = [...include, '**/*.rollback.sql'];
    if (args.repo !== undefined) {
        return { base: readGitTree(args.repo, args.baseRef, args.rollbackPattern ? undefined : filter),
            head: readGitTree(args.repo, args.headRef, args.rollbackPattern ? undefined : filter) };
    }
    const empty = new Map();
    return {
        base: args.base !== undefined ? readDirTree(args.base, args.rollbackPattern ? undefined : filter) : empty,
        head: args.head !== undefined ? readDirTree(args.head, args.rollbackPattern ? undefined : filter) : empty
    };
}
async function run(argv) {
    let args;
    try {
        args = parsePlanArgs(argv);
    }
    catch (e) {
        if (!(e instanceof UsageError))
            throw e;
        process.stderr.write(`dms-proc-gate plan: ${e.message}\n\n${PLAN_USAGE}`);
        return 2;
    }
    if (args.help) {
        process.stdout.write(PLAN_USAGE);
        return 0;
    }
    let trees;
    try {
        trees = readTrees(args);
    }
    catch (e) {
        const what = e instanceof GitSourceError ? e.message : `cannot read the trees: ${e.message}`;
        process.stderr.write(`dms-proc-gate plan: ${what}\n`);
        return 2;
    }
    const options = { include: args.include.length > 0 ? args.include : undefined,
        rollbackPattern: args.rollbackPattern };
    let schemaSql;
    if (args.verifySchema !== undefined) {
        try {
            schemaSql = { file: args.verifySchema, text: (0,external_node_fs_.readFileSync)(args.verifySchema, 'utf8') };
        }
        catch (e) {
            process.stderr.write(`dms-proc-gate plan: --verify-schema: cannot read ${args.verifySchema}: ${e.message}\n`);
            return 2;
        }
    }
    const result = (0,plan/* plan */.et)(trees.base, trees.head, options);
    if (args.verify === undefined) {
        process.stdout.write(args.json ? JSON.stringify(result, null, 2) + '\n' : formatPlan(result));
        return result.errors.length > 0 ? 1 : 0;
    }
    const { verifyForCli } = await __webpack_require__.e(/* import() */ 745).then(__webpack_require__.bind(__webpack_require__, 8745));
    return verifyForCli({ database: args.verify, trees, plan: result, planOptions: options, json: args.json,
        waitMs: Number(args.verifyWait ?? 30) * 1000, ...(schemaSql ? { schemaSql } : {}) }, formatPlan);
}
/** The human-readable summary: objects table, findings, then the SQL. */
function formatPlan(p) {
    const lines = [];
    const count = (k) => p.objects.filter((o) => o.change === k).length;
    lines.push(p.objects.length === 0
        ? 'No routine object changed.'
        : `${p.objects.length} changed object${p.objects.length === 1 ? '' : 's'}: ${count('added')} added, ${count('modified')} modified, ${count('removed')} removed`);
    if (p.objects.length > 0) {
        const rows = p.objects.map((o) => [o.change, o.type, (o.schema !== undefined ? `${o.schema}.` : '') + o.name, `${o.file}:${o.line}`]);
        const header = ['CHANGE', 'TYPE', 'OBJECT', 'WHERE'];
        const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
        const fmt = (r) => '  ' + r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
        lines.push('', fmt(header), ...rows.map(fmt));
    }
    for (const [title, list] of [['errors', p.errors], ['warnings', p.warnings]]) {
        if (list.length === 0)
            continue;
        lines.push('', `${title} (${list.length}):`, ...list.map((f) => `  ${f.file}:${f.line}: ${f.message}`));
    }
    if (p.execSql)
        lines.push('', '-- execSql ' + '-'.repeat(60), p.execSql.trimEnd());
    if (p.rollbackSql)
        lines.push('', '-- rollbackSql ' + '-'.repeat(56), p.rollbackSql.trimEnd());
    if (p.errors.length > 0)
        lines.push('', `plan has ${p.errors.length} error${p.errors.length === 1 ? '' : 's'}: fix them before a ticket can be created`);
    return lines.join('\n') + '\n';
}


/***/ }),

/***/ 9436:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IX: () => (/* binding */ describeVerifyDatabase),
/* harmony export */   JK: () => (/* binding */ VerifyUrlError),
/* harmony export */   UK: () => (/* binding */ parseVerifyUrl),
/* harmony export */   zh: () => (/* binding */ Secret)
/* harmony export */ });
/* unused harmony exports DEFAULT_MYSQL_PORT, passwordForms */
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
// The verify-database URL: `mysql://user[:password]@host[:port]`, or `mysql://user@localhost?socket=/path`.
// Pure. Errors describe the problem without ever repeating the URL (it may hold the password); the caller
// names the input (`--verify`, `verify-database`).

/** A password that prints as *** however it is logged (String(), JSON, util.inspect). */
class Secret {
    #value;
    constructor(value) {
        this.#value = value;
    }
    reveal() {
        return this.#value;
    }
    toString() {
        return '***';
    }
    toJSON() {
        return '***';
    }
    [node_util__WEBPACK_IMPORTED_MODULE_0__.inspect.custom]() {
        return 'Secret(***)';
    }
}
const DEFAULT_MYSQL_PORT = 3306;
class VerifyUrlError extends Error {
}
const FORM = 'expected mysql://user[:password]@host[:port] or mysql://user@localhost?socket=/path';
function fail(message) {
    throw new VerifyUrlError(message);
}
function decode(part, what) {
    try {
        return decodeURIComponent(part);
    }
    catch {
        return fail(`the ${what} has an invalid %-escape`);
    }
}
/** Parses and validates; throws VerifyUrlError with a message that never contains the password. */
function parseVerifyUrl(raw) {
    const text = raw.trim();
    if (text === '')
        fail(`is empty (${FORM})`);
    const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(text);
    if (!scheme)
        fail(`is not a URL (${FORM})`);
    if (!['mysql', 'mariadb'].includes(scheme[1].toLowerCase()))
        fail(`must start with mysql:// (got ${scheme[1]}://)`);
    let url;
    try {
        url = new URL(text);
    }
    catch {
        return fail(`is not a valid URL (${FORM}; %-encode special characters in the user and password)`);
    }
    if (url.username === '')
        fail(`names no user (${FORM})`);
    if (url.hash !== '')
        fail('must not have a #fragment');
    if (url.pathname !== '' && url.pathname !== '/') {
        fail('must not name a database: verification creates and drops its own scratch schemas');
    }
    const params = [...url.searchParams.keys()];
    for (const p of params)
        if (p !== 'socket')
            fail(`has an unknown parameter '${p}' (only ?socket=/path is supported)`);
    if (url.searchParams.getAll('socket').length > 1)
        fail('gives ?socket= twice');
    const user = decode(url.username, 'user');
    const db = { user, endpoint: { kind: 'tcp', host: '', port: DEFAULT_MYSQL_PORT } };
    // `user:@host` is an explicit empty password; `user@host` is none. Both connect without one.
    if (url.password !== '')
        db.password = new Secret(decode(url.password, 'password'));
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const socket = url.searchParams.get('socket');
    if (socket !== null) {
        if (!socket.startsWith('/'))
            fail('?socket= must be an absolute path to the server\'s Unix socket');
        if (url.port !== '')
            fail('give either a port or ?socket=, not both');
        if (host !== 'localhost')
            fail(`with ?socket= the host must be localhost (got ${host === '' ? 'none' : host})`);
        db.endpoint = { kind: 'socket', path: socket };
        return db;
    }
    if (host === '')
        fail(`names no host (${FORM})`);
    let port = DEFAULT_MYSQL_PORT;
    if (url.port !== '') {
        port = Number(url.port);
        if (!Number.isInteger(port) || port < 1 || port > 65535)
            fail(`has an invalid port (${url.port}): use 1–65535`);
    }
    db.endpoint = { kind: 'tcp', host, port };
    return db;
}
/** The URL with the password replaced by `***`: safe for logs, messages and reports. */
function describeVerifyDatabase(db) {
    const user = encodeURIComponent(db.user) + (db.password !== undefined ? ':***' : '');
    if (db.endpoint.kind === 'socket')
        return `mysql://${user}@localhost?socket=${db.endpoint.path}`;
    const host = db.endpoint.host.includes(':') ? `[${db.endpoint.host}]` : db.endpoint.host;
    return `mysql://${user}@${host}:${db.endpoint.port}`;
}
/**
 * Every form in which the password of a (possibly invalid) URL could be printed, so a caller can mask them
 * before parsing: as written (%-encoded) and decoded. Empty when the text has no `user:password@`.
 */
function passwordForms(raw) {
    const m = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)@/.exec(raw.trim());
    if (!m)
        return [];
    const userinfo = m[1];
    const colon = userinfo.indexOf(':');
    if (colon === -1)
        return [];
    const written = userinfo.slice(colon + 1);
    if (written === '')
        return [];
    const forms = new Set([written]);
    try {
        forms.add(decodeURIComponent(written));
    }
    catch {
        // an invalid escape: the written form is all there is
    }
    return [...forms];
}


/***/ })

};
