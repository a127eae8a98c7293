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
  encodingFlags: () => (/* binding */ encodingFlags),
  formatPlan: () => (/* binding */ formatPlan),
  parsePlanArgs: () => (/* binding */ parsePlanArgs),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/config/globs.ts
var globs = __webpack_require__(6053);
// EXTERNAL MODULE: ./src/sql/plan.ts + 1 modules
var plan = __webpack_require__(4961);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./src/sources/encoding.ts
var encoding = __webpack_require__(7437);
;// CONCATENATED MODULE: ./src/sources/dir.ts
// A directory on disk → the decoded files of one plan side (repository-relative paths with forward slashes).




const SKIP_DIRS = new Set(['.git', 'node_modules']);
/** The directory is missing or is not a directory (a usage error: an empty side must be said explicitly). */
class DirSourceError extends Error {
}
/**
 * Reads every file under `root` whose relative path matches `include` (all files when omitted), decoding each with
 * `decode` (strict UTF-8 by default). `root` must be an existing directory.
 */
function readDirTree(root, include, decode = encoding/* decodeUtf8 */._6) {
    let isDir;
    try {
        isDir = (0,external_node_fs_.statSync)(root).isDirectory();
    }
    catch (e) {
        if (e.code === 'ENOENT')
            throw new DirSourceError(`directory '${root}' does not exist`);
        throw new DirSourceError(`cannot read '${root}': ${e.message}`);
    }
    if (!isDir)
        throw new DirSourceError(`'${root}' is not a directory`);
    const match = include && include.length > 0 ? picomatch_default()([...include], { dot: true }) : () => true;
    const raw = [];
    const walk = (dir, prefix) => {
        for (const entry of (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true })) {
            const rel = prefix + entry.name;
            if (entry.isDirectory()) {
                if (!SKIP_DIRS.has(entry.name))
                    walk((0,external_node_path_.join)(dir, entry.name), rel + '/');
            }
            else if (entry.isFile() && match(rel)) {
                raw.push([rel, (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(dir, entry.name))]);
            }
        }
    };
    walk(root, '');
    return (0,encoding/* decodeAll */.qL)(raw, decode);
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/sources/git.ts
// A git commit-ish → the decoded files of one plan side, read with one `git ls-tree` and one
// `git cat-file --batch` (no checkout).



class GitSourceError extends Error {
}
const MAX_BUFFER = 1 << 30;
/**
 * Files of `ref` in the repository at `repo` whose paths match `include` (all files when omitted), decoded with
 * `decode` (strict UTF-8 by default).
 */
function readGitTree(repo, ref, include, decode = encoding/* decodeUtf8 */._6) {
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
    const raw = [];
    if (wanted.length === 0)
        return (0,encoding/* decodeAll */.qL)(raw, decode);
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
        raw.push([w.path, out.subarray(nl + 1, nl + 1 + size)]);
        pos = nl + 1 + size + 1;
    }
    return (0,encoding/* decodeAll */.qL)(raw, decode);
}

// EXTERNAL MODULE: ./src/verify/url.ts
var url = __webpack_require__(9436);
// EXTERNAL MODULE: ./src/cli/exit-codes.ts
var exit_codes = __webpack_require__(8551);
;// CONCATENATED MODULE: ./src/cli/plan.ts
// `dms-proc-gate plan`: plans two trees (directories, or refs of a git repository) and prints the plan
// as JSON (--json, the plan contract in docs/cli.md) or as a human-readable summary; --verify proves it on a real
// server (docs/verify.md). Exit codes: docs/cli.md.








const PLAN_USAGE = `usage: dms-proc-gate plan (--base <dir> | --empty-base) (--head <dir> | --empty-head) [options]
       dms-proc-gate plan --repo <path> (--base-ref <ref> | --empty-base) (--head-ref <ref> | --empty-head) [options]

  --base <dir>          the tree before the change: an existing directory
  --head <dir>          the tree after the change: an existing directory
  --repo <path>         read both trees from this git repository instead, at --base-ref and --head-ref
  --empty-base          there is no tree before the change: every head routine is added
  --empty-head          there is no tree after the change: every base routine is removed
  --include <glob>      routine files to plan (picomatch, repeatable; default ${plan/* DEFAULT_INCLUDE */.Zy.join(' ')})
  --rollback-pattern <pattern>
                        reviewer rollback file of a routine file, with {dir} {name} {file}
                        (default {dir}/{name}.rollback.sql)
  --encoding <enc>      read the files as <enc> instead of UTF-8: gbk, gb18030, big5, latin1, …
  --encoding <glob>=<enc>
                        only the files matching <glob> (repeatable; the first matching glob decides)
  --json                print the plan as JSON
  --verify <url>        prove the plan on a MySQL/MariaDB server in scratch schemas it drops afterwards:
                        mysql://user[:password]@host[:port] or mysql://user@localhost?socket=/path
                        (password also from DMS_PROC_GATE_VERIFY_PASSWORD; see docs/verify.md)
  --verify-schema <file>
                        SQL file with the tables the routines need, loaded before the base routines
  --verify-wait <seconds>
                        how long to keep retrying to connect (default 30; 0 = one attempt)
  -h, --help            print this help

Files are read as strict UTF-8 (a BOM is allowed) unless --encoding says otherwise; a file that cannot be
decoded is a plan error naming its line. A missing directory is a usage error: an empty side is an existing
empty directory or --empty-base / --empty-head.
exit status: 0 planned, 1 the plan has errors (printed, without SQL) or --verify failed, 2 usage error
`;
class UsageError extends Error {
}
const VALUE_FLAGS = {
    '--base': 'base', '--head': 'head', '--repo': 'repo', '--base-ref': 'baseRef', '--head-ref': 'headRef',
    '--rollback-pattern': 'rollbackPattern', '--verify': 'verify', '--verify-schema': 'verifySchema', '--verify-wait': 'verifyWait'
};
const LIST_FLAGS = { '--include': 'include', '--encoding': 'encoding' };
const SWITCHES = { '--json': 'json', '--help': 'help', '-h': 'help', '--empty-base': 'emptyBase', '--empty-head': 'emptyHead' };
function readArgs(argv) {
    const raw = { help: false, json: false, emptyBase: false, emptyHead: false, include: [], encoding: [] };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
        const flag = eq === -1 ? arg : arg.slice(0, eq);
        const takeValue = () => {
            const v = eq === -1 ? argv[++i] : arg.slice(eq + 1);
            if (v === undefined || (eq === -1 && v.startsWith('--')) || v === '')
                throw new UsageError(`${flag} needs a value`);
            return v;
        };
        if (flag in SWITCHES) {
            if (eq !== -1)
                throw new UsageError(`${flag} takes no value`);
            raw[SWITCHES[flag]] = true;
        }
        else if (flag in LIST_FLAGS) {
            raw[LIST_FLAGS[flag]].push(takeValue());
        }
        else if (flag in VALUE_FLAGS) {
            const key = VALUE_FLAGS[flag];
            if (raw[key] !== undefined)
                throw new UsageError(`${flag} given twice`);
            raw[key] = takeValue();
        }
        else {
            throw new UsageError(arg.startsWith('-') ? `unknown option '${arg}'` : `unexpected argument '${arg}'`);
        }
    }
    return raw;
}
/** `--encoding gbk` (every file) and `--encoding 'db/legacy/**=gbk'` (first matching glob) → each path's encoding. */
function encodingFlags(values) {
    const FROM = '--encoding';
    let fallback;
    const rules = [];
    for (const v of values) {
        const eq = v.lastIndexOf('=');
        const label = eq === -1 ? v : v.slice(eq + 1);
        const choice = (0,encoding/* encodingChoice */.VR)(label, FROM);
        if ('problem' in choice)
            throw new UsageError(`--encoding ${v}: ${choice.problem}`);
        if (eq === -1) {
            if (fallback)
                throw new UsageError(`--encoding ${v}: an encoding for every file was already given; add <glob>= to the others`);
            fallback = choice;
            continue;
        }
        const glob = v.slice(0, eq);
        const problem = (0,globs/* globProblem */.AI)(glob);
        if (problem)
            throw new UsageError(`--encoding ${v}: the glob ${problem}`);
        rules.push({ matches: (0,globs/* matcher */.jN)([glob]), choice });
    }
    return (path) => rules.find((r) => r.matches(path))?.choice ?? fallback ?? encoding/* UTF8 */.az;
}
function side(name, path, ref, empty, git) {
    const dirFlag = `--${name}`;
    const refFlag = `--${name}-ref`;
    const emptyFlag = `--empty-${name}`;
    const given = [path !== undefined && dirFlag, ref !== undefined && refFlag, empty && emptyFlag].filter(Boolean);
    if (given.length > 1)
        throw new UsageError(`give one of ${given.join(' and ')}, not both`);
    if (empty)
        return { kind: 'empty' };
    if (git) {
        if (path !== undefined)
            throw new UsageError(`use either ${dirFlag} or --repo with ${refFlag}, not both`);
        if (ref === undefined)
            throw new UsageError(`--repo needs ${refFlag} <ref> (or ${emptyFlag})`);
        return { kind: 'ref', ref };
    }
    if (ref !== undefined)
        throw new UsageError(`${refFlag} needs --repo <path>`);
    if (path === undefined)
        throw new UsageError(`give ${dirFlag} <dir> (or ${emptyFlag} when that side has no files)`);
    return { kind: 'dir', path };
}
function parsePlanArgs(argv) {
    const raw = readArgs(argv);
    const args = { help: raw.help, json: raw.json, include: raw.include, base: { kind: 'empty' }, head: { kind: 'empty' },
        encodingFor: () => encoding/* UTF8 */.az };
    if (raw.help)
        return args;
    if ([raw.base, raw.head, raw.repo, raw.baseRef, raw.headRef].every((v) => v === undefined) && !raw.emptyBase && !raw.emptyHead) {
        throw new UsageError('give --base <dir> and --head <dir> (or --repo with --base-ref and --head-ref)');
    }
    const git = raw.repo !== undefined;
    args.base = side('base', raw.base, raw.baseRef, raw.emptyBase, git);
    args.head = side('head', raw.head, raw.headRef, raw.emptyHead, git);
    if (args.base.kind === 'empty' && args.head.kind === 'empty')
        throw new UsageError('--empty-base and --empty-head together leave nothing to plan');
    if (raw.repo !== undefined)
        args.repo = raw.repo;
    if (raw.rollbackPattern !== undefined)
        args.rollbackPattern = raw.rollbackPattern;
    args.encodingFor = encodingFlags(raw.encoding);
    for (const [flag, value] of [['--verify-schema', raw.verifySchema], ['--verify-wait', raw.verifyWait]]) {
        if (value !== undefined && raw.verify === undefined)
            throw new UsageError(`${flag} needs --verify <url>`);
    }
    if (raw.verifyWait !== undefined && !(/^\d+(\.\d+)?$/.test(raw.verifyWait) && Number(raw.verifyWait) <= 3600)) {
        throw new UsageError(`--verify-wait: expected seconds from 0 to 3600, got '${raw.verifyWait}'`);
    }
    if (raw.verify !== undefined)
        args.verify = verifyUrl(raw.verify);
    if (raw.verifySchema !== undefined)
        args.verifySchema = raw.verifySchema;
    if (raw.verifyWait !== undefined)
        args.verifyWait = raw.verifyWait;
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
/** One side's files, or a usage error naming the flag (a missing directory, an unknown ref). */
function readSide(args, name, decode) {
    const s = args[name];
    // Read only what can be planned (routine files and their rollback files).
    const include = args.include.length > 0 ? args.include : plan/* DEFAULT_INCLUDE */.Zy;
    const filter = args.rollbackPattern ? undefined : [...include, '**/*.rollback.sql'];
    switch (s.kind) {
        case 'empty':
            return { files: new Map(), errors: [], warnings: [] };
        case 'ref':
            return readGitTree(args.repo, s.ref, filter, decode);
        case 'dir':
            try {
                return readDirTree(s.path, filter, decode);
            }
            catch (e) {
                if (!(e instanceof DirSourceError))
                    throw e;
                throw new UsageError(`--${name}: ${e.message}${/does not exist/.test(e.message) ? ` (for a side without files use an existing empty directory or --empty-${name})` : ''}`);
            }
    }
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
        return exit_codes/* EXIT */.d.USAGE;
    }
    if (args.help) {
        process.stdout.write(PLAN_USAGE);
        return exit_codes/* EXIT */.d.OK;
    }
    let sides;
    try {
        const decode = (0,encoding/* decoderFor */.oe)(args.encodingFor);
        sides = (0,encoding/* pairSides */.Zv)(readSide(args, 'base', decode), readSide(args, 'head', decode));
    }
    catch (e) {
        if (!(e instanceof UsageError) && !(e instanceof GitSourceError))
            throw e;
        process.stderr.write(`dms-proc-gate plan: ${e.message}\n`);
        return exit_codes/* EXIT */.d.USAGE;
    }
    const options = { include: args.include.length > 0 ? args.include : undefined, rollbackPattern: args.rollbackPattern };
    let schemaSql;
    if (args.verifySchema !== undefined) {
        try {
            schemaSql = { file: args.verifySchema, text: (0,external_node_fs_.readFileSync)(args.verifySchema, 'utf8') };
        }
        catch (e) {
            process.stderr.write(`dms-proc-gate plan: --verify-schema: cannot read ${args.verifySchema}: ${e.message}\n`);
            return exit_codes/* EXIT */.d.USAGE;
        }
    }
    const result = (0,plan/* withFindings */.$c)((0,plan/* plan */.et)(sides.base, sides.head, options), sides.errors, sides.warnings);
    if (args.verify !== undefined) {
        const { verifyForCli } = await __webpack_require__.e(/* import() */ 745).then(__webpack_require__.bind(__webpack_require__, 8745));
        return verifyForCli({ database: args.verify, trees: { base: sides.base, head: sides.head }, plan: result, planOptions: options, json: args.json,
            waitMs: Number(args.verifyWait ?? 30) * 1000, ...(schemaSql ? { schemaSql } : {}) }, formatPlan);
    }
    if (args.json) {
        process.stdout.write(JSON.stringify(result, null, 2) + '\n');
        if (result.errors.length > 0)
            process.stderr.write(`dms-proc-gate plan: ${noSqlReason(result)}\n`);
    }
    else {
        process.stdout.write(formatPlan(result));
    }
    return result.errors.length > 0 ? exit_codes/* EXIT */.d.FAILED : exit_codes/* EXIT */.d.OK;
}
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
function noSqlReason(p) {
    return `the plan has ${plural(p.errors.length, 'error')}; execSql and rollbackSql stay empty until they are fixed`;
}
/** The human-readable summary: objects table, findings, then the SQL (none when the plan has errors). */
function formatPlan(p) {
    const lines = [];
    const count = (k) => p.objects.filter((o) => o.change === k).length;
    lines.push(p.objects.length === 0
        ? 'No routine object changed.'
        : `${plural(p.objects.length, 'changed object')}: ${count('added')} added, ${count('modified')} modified, ${count('removed')} removed`);
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
    if (p.errors.length > 0) {
        lines.push('', `No SQL shown: ${noSqlReason(p)}.`);
        return lines.join('\n') + '\n';
    }
    if (p.execSql)
        lines.push('', '-- execSql ' + '-'.repeat(60), p.execSql.trimEnd());
    if (p.rollbackSql)
        lines.push('', '-- rollbackSql ' + '-'.repeat(56), p.rollbackSql.trimEnd());
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
