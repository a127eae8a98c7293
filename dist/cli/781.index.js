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
  formatPlan: () => (/* binding */ formatPlan),
  parsePlanArgs: () => (/* binding */ parsePlanArgs),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./src/sql/plan.ts + 7 modules
var plan = __webpack_require__(2317);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
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

;// CONCATENATED MODULE: ./src/cli/plan.ts
// `dms-proc-gate plan`: plans two trees (directories, or refs of a git repository) and prints the plan
// as JSON (--json, the contract in docs/cli.md) or as a human-readable summary. Exit 0 / 1 (plan errors) / 2 (usage).



const PLAN_USAGE = `usage: dms-proc-gate plan --base <dir> --head <dir> [--include <glob>]... [--json]
       dms-proc-gate plan --repo <path> --base-ref <ref> --head-ref <ref> [--include <glob>]... [--json]

  --base <dir>        the tree before the change (a missing directory means no files)
  --head <dir>        the tree after the change (a missing directory means no files)
  --repo <path>       read both trees from this git repository instead, at --base-ref and --head-ref
  --include <glob>    routine files to plan (picomatch, repeatable; default ${plan/* DEFAULT_INCLUDE */.Zy.join(' ')})
  --rollback-pattern <pattern>
                      reviewer rollback file of a routine file, with {dir} {name} {file}
                      (default {dir}/{name}.rollback.sql)
  --json              print the plan as JSON
`;
class UsageError extends Error {
}
const VALUE_FLAGS = {
    '--base': 'base', '--head': 'head', '--repo': 'repo', '--base-ref': 'baseRef', '--head-ref': 'headRef',
    '--rollback-pattern': 'rollbackPattern'
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
    const result = (0,plan/* plan */.et)(trees.base, trees.head, options);
    process.stdout.write(args.json ? JSON.stringify(result, null, 2) + '\n' : formatPlan(result));
    return result.errors.length > 0 ? 1 : 0;
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


/***/ })

};
