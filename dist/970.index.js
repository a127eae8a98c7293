export const id = 970;
export const ids = [970];
export const modules = {

/***/ 1970:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_RETRY: () => (/* reexport */ DEFAULT_RETRY),
  DEFAULT_TIMEOUTS: () => (/* reexport */ DEFAULT_TIMEOUTS),
  Secret: () => (/* reexport */ url/* Secret */.zh),
  VERIFY_STEPS: () => (/* reexport */ VERIFY_STEPS),
  VerifyUrlError: () => (/* reexport */ url/* VerifyUrlError */.JK),
  describeVerifyDatabase: () => (/* reexport */ url/* describeVerifyDatabase */.IX),
  formatVerifyReport: () => (/* reexport */ formatVerifyReport),
  parseVerifyUrl: () => (/* reexport */ url/* parseVerifyUrl */.UK),
  passwordForms: () => (/* reexport */ url/* passwordForms */.pX),
  retryWithin: () => (/* reexport */ retryWithin),
  verifyPlan: () => (/* reexport */ verifyPlan),
  verifySummary: () => (/* reexport */ verifySummary)
});

// EXTERNAL MODULE: ./src/sql/canonical.ts
var canonical = __webpack_require__(4082);
// EXTERNAL MODULE: ./src/sql/objects.ts
var objects = __webpack_require__(296);
;// CONCATENATED MODULE: ./src/verify/explain.ts
// One-line explanations of what went wrong, with the file:line a reviewer edits. Pure.

/** A statement sent from `at` failed with "… at line N": N counts from the statement's first line. */
function serverLine(at, serverMessage) {
    if (!at)
        return undefined;
    const m = / at line (\d+)\s*$/.exec(serverMessage);
    return m ? { file: at.file, line: at.line + Number(m[1]) - 1 } : at;
}
const formatAt = (at) => (at ? `${at.file}:${at.line}: ` : '');
/** What the user can do about the common refusals (by the server's error name, MySQL and MariaDB alike). */
function hint(info, target) {
    switch (info.code) {
        case 'ER_NO_SUCH_TABLE':
        case 'ER_VIEW_INVALID':
        case 'ER_BAD_FIELD_ERROR':
            return target.schemaSql
                ? ` (tables come from the verify schema file ${target.schemaSql.file}: add what is missing there)`
                : ` (no verify schema file is set for target '${target.name}': give the tables the routines need with ` +
                    'verify: { schema: <file> } in the config, or --verify-schema <file>)';
        case 'ER_SP_DOES_NOT_EXIST':
            return ` (verification creates only the routine files of target '${target.name}' it was given: define it there)`;
        case 'ER_BINLOG_UNSAFE_ROUTINE':
        case 'ER_BINLOG_CREATE_ROUTINE_NEED_SUPER':
            return ' (binary logging is on: start the verify server with --log-bin-trust-function-creators=1 or --skip-log-bin)';
        case 'ER_SPECIFIC_ACCESS_DENIED_ERROR':
            return ' (a DEFINER naming another account needs SUPER or SET USER: verify as the server\'s root user, or drop the clause)';
        case 'ER_DBACCESS_DENIED_ERROR':
        case 'ER_TABLEACCESS_DENIED_ERROR':
        case 'ER_PROCACCESS_DENIED_ERROR':
            return ' (grant the verify user ALL on the scratch schemas, e.g. GRANT ALL ON `dpg\\_verify\\_%`.* TO …)';
        default:
            return '';
    }
}
const CONTEXT = 40;
function show(s, from) {
    if (s === null)
        return 'NULL';
    const part = s.slice(from, from + 2 * CONTEXT);
    return JSON.stringify((from > 0 ? '…' : '') + part + (from + 2 * CONTEXT < s.length ? '…' : ''));
}
/** `expected "…abc…", got "…abd…"` around the first differing character. */
function excerpt(expected, actual) {
    let i = 0;
    if (expected !== null && actual !== null) {
        while (i < expected.length && i < actual.length && expected[i] === actual[i])
            i++;
    }
    const from = Math.max(0, i - CONTEXT);
    let out = `expected ${show(expected, from)}, got ${show(actual, from)}`;
    if (expected !== null && actual !== null && (0,canonical/* canonicalSql */.Z)(expected) === (0,canonical/* canonicalSql */.Z)(actual)) {
        out += ' (only whitespace, comments or keyword case differ, but the server keeps this text as written)';
    }
    return out;
}

// EXTERNAL MODULE: ./src/sql/diff.ts
var diff = __webpack_require__(8481);
// EXTERNAL MODULE: ./src/sql/file.ts
var file = __webpack_require__(3732);
// EXTERNAL MODULE: ./src/sql/plan.ts + 1 modules
var plan = __webpack_require__(4961);
// EXTERNAL MODULE: ./src/sql/render.ts
var render = __webpack_require__(1374);
// EXTERNAL MODULE: ./src/sql/lexer.ts + 9 modules
var lexer = __webpack_require__(8005);
;// CONCATENATED MODULE: ./src/verify/events.ts
// Events are created DISABLED during verification, so no scheduler (MySQL 8 runs one by default) ever runs an
// event body. What the SQL asked for is kept as the event's *intent* and compared in place of the server's
// STATUS and of its schedule timestamps (which the server computes from the clock at creation). Pure.


const SKIP = new Set(['ws', 'comment', 'exec-open', 'exec-close']);
const isWord = (t, ...values) => t !== undefined && t.kind === 'word' && values.includes(t.value);
/**
 * `CREATE EVENT … ON SCHEDULE … [ON COMPLETION …] [ENABLE|DISABLE [ON SLAVE|REPLICA]] [COMMENT …] DO …` with the
 * status clause replaced by (or given) `DISABLE`, on the same lines. Undefined when the statement does not have
 * that shape (the caller refuses to run it rather than risk an enabled event).
 */
function disableEvent(text) {
    const sig = (0,lexer/* tokenize */.qw)(text).filter((t) => !SKIP.has(t.kind));
    const at = sig.findIndex((t, i) => isWord(t, 'SCHEDULE') && isWord(sig[i - 1], 'ON'));
    if (at === -1)
        return undefined;
    let j = at + 1;
    let depth = 0;
    for (; j < sig.length; j++) {
        const t = sig[j];
        if (t.kind === 'op' && t.text === '(')
            depth++;
        else if (t.kind === 'op' && t.text === ')')
            depth--;
        else if (depth === 0 && (isWord(t, 'ENABLE', 'DISABLE', 'COMMENT', 'DO') || (isWord(t, 'ON') && isWord(sig[j + 1], 'COMPLETION'))))
            break;
    }
    const schedule = (0,canonical/* canonicalTokens */.F)(sig.slice(at + 1, j));
    if (isWord(sig[j], 'ON'))
        j += isWord(sig[j + 2], 'NOT') ? 4 : 3;
    let status = 'ENABLE';
    let edit;
    const t = sig[j];
    if (isWord(t, 'ENABLE') || isWord(t, 'DISABLE')) {
        let last = j;
        if (isWord(t, 'DISABLE') && isWord(sig[j + 1], 'ON') && isWord(sig[j + 2], 'SLAVE', 'REPLICA'))
            last = j + 2;
        status = sig.slice(j, last + 1).map((x) => x.value).join(' ');
        const removed = text.slice(t.start, sig[last].end);
        edit = { start: t.start, end: sig[last].end, text: 'DISABLE' + removed.replace(/[^\n]/g, '') };
    }
    else if (isWord(t, 'COMMENT', 'DO')) {
        edit = { start: t.start, end: t.start, text: 'DISABLE ' };
    }
    else {
        return undefined;
    }
    if (!sig.slice(j).some((x) => isWord(x, 'DO')))
        return undefined;
    return { text: text.slice(0, edit.start) + edit.text + text.slice(edit.end), intent: { status, schedule } };
}
/**
 * The `ALTER [DEFINER = …] EVENT name ON COMPLETION … ENABLE|DISABLE … COMMENT … DO …` the planner ships to change an
 * event without moving its schedule anchor (src/sql/events.ts), with its status clause turned into `DISABLE` on
 * the same lines. It sets no schedule, so the event keeps the schedule intent of its CREATE. Undefined for any other
 * shape (the caller refuses it).
 */
function disableAlterEvent(text) {
    const sig = (0,lexer/* tokenize */.qw)(text).filter((t) => !SKIP.has(t.kind));
    if (!isWord(sig[0], 'ALTER'))
        return undefined;
    const ev = sig.findIndex((t) => isWord(t, 'EVENT'));
    if (ev < 1 || sig.slice(1, ev).some((t) => isWord(t, 'SCHEDULE', 'DO')))
        return undefined;
    const nameOf = (t) => (t === undefined ? undefined : t.kind === 'ident' ? t.value : t.kind === 'word' ? t.text : undefined);
    const first = nameOf(sig[ev + 1]);
    if (first === undefined)
        return undefined;
    let j = ev + 2;
    let name = { name: first };
    if (sig[j]?.kind === 'op' && sig[j].text === '.') {
        const second = nameOf(sig[j + 1]);
        if (second === undefined)
            return undefined;
        name = { schema: first, name: second };
        j += 2;
    }
    if (sig.slice(j).some((t, i) => isWord(t, 'SCHEDULE') && isWord(sig[j + i - 1], 'ON')))
        return undefined; // a schedule change: not ours
    if (isWord(sig[j], 'ON') && isWord(sig[j + 1], 'COMPLETION'))
        j += isWord(sig[j + 2], 'NOT') ? 4 : 3;
    const t = sig[j];
    if (!isWord(t, 'ENABLE', 'DISABLE'))
        return undefined;
    let last = j;
    if (isWord(t, 'DISABLE') && isWord(sig[j + 1], 'ON') && isWord(sig[j + 2], 'SLAVE', 'REPLICA'))
        last = j + 2;
    if (!sig.slice(last + 1).some((x) => isWord(x, 'DO')))
        return undefined;
    const status = sig.slice(j, last + 1).map((x) => x.value).join(' ');
    const removed = text.slice(t.start, sig[last].end);
    return { text: text.slice(0, t.start) + 'DISABLE' + removed.replace(/[^\n]/g, '') + text.slice(sig[last].end), name, status };
}

;// CONCATENATED MODULE: ./src/verify/refused.ts
class RefusedInput extends Error {
    at;
    object;
    constructor(message, at, object) {
        super(message);
        this.at = at;
        this.object = object;
    }
}

;// CONCATENATED MODULE: ./src/verify/split.ts
// A script split as the mysql client splits it (our lexer), each statement trimmed of the comments around it,
// with the line of its first character: the text verification sends and where it came from. Pure.



/** Each statement's text (comments around it trimmed) with the file line of its first character. */
function statementsWithLines(text) {
    const source = (0,file/* stripBom */.F8)(text);
    const { statements, problems } = (0,lexer/* splitStatements */.Xd)(source);
    const lineStarts = [0];
    for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1))
        lineStarts.push(i + 1);
    const lineAt = (offset) => {
        let lo = 0;
        let hi = lineStarts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (lineStarts[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return lo + 1;
    };
    const out = [];
    for (const s of statements) {
        const trimmed = (0,render/* trimStatement */.y5)(s.text);
        if (trimmed === '')
            continue;
        out.push({ text: trimmed, line: lineAt(s.start + s.text.indexOf(trimmed)) });
    }
    return { statements: out, problems };
}

;// CONCATENATED MODULE: ./src/verify/schema-file.ts
// The verify schema file (config `verify.schema`, `--verify-schema`): the tables the routines need, loaded into
// the scratch schema. Only statements that build tables are run, and each one's table is known, so a
// qualified table lands in a scratch schema too and nothing outside the scratch schemas is written. Pure.




const schema_file_SKIP = new Set(['ws', 'comment', 'exec-open', 'exec-close']);
const schema_file_isWord = (t, ...values) => t !== undefined && t.kind === 'word' && values.includes(t.value);
const isOp = (t, text) => t !== undefined && t.kind === 'op' && t.text === text;
const KINDS = 'CREATE TABLE, ALTER TABLE, CREATE INDEX, CREATE VIEW, CREATE SEQUENCE, DROP TABLE, INSERT, REPLACE, LOCK/UNLOCK TABLES, session SET';
function parseSchemaFile(file, text) {
    const { statements, problems } = statementsWithLines(text);
    if (problems.length > 0)
        throw new RefusedInput(`schema file: ${problems[0].message}`, { file, line: problems[0].line });
    return statements.map((s) => {
        const at = { file, line: s.line };
        const tables = tablesOf(s.text, at);
        return { text: s.text, at, tables };
    });
}
function refuse(at, what, why) {
    throw new RefusedInput(`schema file: ${what} ${why}`, at);
}
/** The tables a schema-file statement creates or writes; refuses every other kind of statement. */
function tablesOf(text, at) {
    const sig = (0,lexer/* tokenize */.qw)(text).filter((t) => !schema_file_SKIP.has(t.kind));
    const kw = (i) => (sig[i]?.kind === 'word' ? sig[i].value : sig[i]?.text ?? '');
    const name = (i, what) => {
        const r = (0,objects/* readQualifiedName */.Sp)(sig, i);
        if (!r.name)
            refuse(at, what, `: expected a table name, found '${sig[i]?.text ?? 'end of statement'}'`);
        return { name: r.name, next: r.next };
    };
    const unsupported = (what) => refuse(at, `${what} statements`, `are not run in verification: the schema file holds the tables the routines need (${KINDS})`);
    let i = 1;
    const optional = (...words) => {
        if (!schema_file_isWord(sig[i], ...words))
            return false;
        i++;
        return true;
    };
    switch (kw(0)) {
        case 'SET': {
            const c = (0,objects/* classify */.L8)({ text, delimiter: ';', line: 1, start: 0, end: text.length }, 1);
            if (c.kind !== 'session')
                refuse(at, 'SET', 'changes server state: only session settings may be set');
            return [];
        }
        case 'USE':
            return refuse(at, 'USE', 'would leave the scratch schema: remove it (qualify a table with a schema name to place it there)');
        case 'CREATE': {
            if (schema_file_isWord(sig[1], 'OR') && schema_file_isWord(sig[2], 'REPLACE'))
                i = 3;
            optional('TEMPORARY');
            if (optional('TABLE')) {
                if (schema_file_isWord(sig[i], 'IF') && schema_file_isWord(sig[i + 1], 'NOT') && schema_file_isWord(sig[i + 2], 'EXISTS'))
                    i += 3;
                return [name(i, 'CREATE TABLE').name];
            }
            if (optional('UNIQUE', 'FULLTEXT', 'SPATIAL') || schema_file_isWord(sig[i], 'INDEX')) {
                const on = sig.findIndex((t, k) => k > i && schema_file_isWord(t, 'ON'));
                if (!schema_file_isWord(sig[i], 'INDEX') || on === -1)
                    return unsupported(`CREATE ${kw(i)}`);
                return [name(on + 1, 'CREATE INDEX').name];
            }
            if (optional('SEQUENCE')) {
                if (schema_file_isWord(sig[i], 'IF') && schema_file_isWord(sig[i + 1], 'NOT') && schema_file_isWord(sig[i + 2], 'EXISTS'))
                    i += 3;
                return [name(i, 'CREATE SEQUENCE').name];
            }
            const c = (0,objects/* classify */.L8)({ text, delimiter: ';', line: 1, start: 0, end: text.length }, 1);
            if (c.kind === 'create' && c.def.type === 'VIEW')
                return [{ ...(c.def.schema !== undefined ? { schema: c.def.schema } : {}), name: c.def.name }];
            if (c.kind === 'create') {
                return refuse(at, `CREATE ${c.def.type}`, 'belongs in a routine file (the schema file holds tables: routines there could run during the load)');
            }
            if (schema_file_isWord(sig[i], 'DATABASE', 'SCHEMA'))
                return refuse(at, `CREATE ${kw(i)}`, 'is not allowed: verification creates its own scratch schemas');
            return unsupported(`CREATE ${kw(i)}`);
        }
        case 'ALTER': {
            optional('ONLINE');
            optional('IGNORE');
            if (!optional('TABLE'))
                return unsupported(`ALTER ${kw(i)}`);
            return [name(i, 'ALTER TABLE').name];
        }
        case 'DROP': {
            optional('TEMPORARY');
            if (schema_file_isWord(sig[i], 'TABLE', 'VIEW', 'SEQUENCE')) {
                const what = `DROP ${kw(i)}`;
                i++;
                if (schema_file_isWord(sig[i], 'IF') && schema_file_isWord(sig[i + 1], 'EXISTS'))
                    i += 2;
                const names = [];
                for (;;) {
                    const r = name(i, what);
                    names.push(r.name);
                    i = r.next;
                    if (!isOp(sig[i], ','))
                        break;
                    i++;
                }
                return names;
            }
            if (schema_file_isWord(sig[i], 'INDEX')) {
                const on = sig.findIndex((t, k) => k > i && schema_file_isWord(t, 'ON'));
                if (on === -1)
                    return unsupported('DROP INDEX');
                return [name(on + 1, 'DROP INDEX').name];
            }
            if (schema_file_isWord(sig[i], 'DATABASE', 'SCHEMA'))
                return refuse(at, `DROP ${kw(i)}`, 'is not allowed: verification drops only its own scratch schemas');
            return unsupported(`DROP ${kw(i)}`);
        }
        case 'INSERT':
        case 'REPLACE': {
            const what = kw(0);
            optional('LOW_PRIORITY', 'DELAYED', 'HIGH_PRIORITY');
            optional('IGNORE');
            optional('INTO');
            return [name(i, what).name];
        }
        case 'LOCK': {
            if (!optional('TABLES', 'TABLE'))
                return unsupported(`LOCK ${kw(i)}`);
            const names = [];
            for (;;) {
                const r = name(i, 'LOCK TABLES');
                names.push(r.name);
                let depth = 0;
                let k = r.next;
                for (; k < sig.length; k++) {
                    if (isOp(sig[k], '('))
                        depth++;
                    else if (isOp(sig[k], ')'))
                        depth--;
                    else if (depth === 0 && isOp(sig[k], ','))
                        break;
                }
                if (k >= sig.length)
                    return names;
                i = k + 1;
            }
        }
        case 'UNLOCK':
            if (schema_file_isWord(sig[1], 'TABLES', 'TABLE') && sig.length === 2)
                return [];
            return unsupported('UNLOCK');
        case 'TRUNCATE':
            optional('TABLE');
            return [name(i, 'TRUNCATE').name];
        default:
            return unsupported(kw(0) || 'empty');
    }
}

;// CONCATENATED MODULE: ./src/verify/prepare.ts
// A target's inputs → the statements each verification step sends, each with the file:line and object it comes
// from (so a server error can be mapped back), events turned DISABLED, and anything that cannot be kept inside
// the scratch schemas refused up front. Pure: uses the planner's own parsing (src/sql), never a second parser.









const refOf = (type, n) => (n.schema !== undefined ? { type, schema: n.schema, name: n.name } : { type, name: n.name });
const describeRef = (o) => `${o.type} ${o.schema !== undefined ? `${o.schema}.` : ''}${o.name}`;
const classifyText = (text) => (0,objects/* classify */.L8)({ text, delimiter: '$$', line: 1, start: 0, end: text.length }, 1);
/** Turns one routine statement into what verification sends; `at` is where it is written, if known. */
function routineStatement(text, at, where) {
    const altered = disableAlterEvent(text);
    if (altered !== undefined) {
        const object = refOf('EVENT', altered.name);
        return { text: altered.text, at, what: `ALTER ${describeRef(object)}`, effect: { kind: 'alter', object, status: altered.status } };
    }
    const c = classifyText(text);
    switch (c.kind) {
        case 'create': {
            const object = refOf(c.def.type, c.def);
            const what = `CREATE ${describeRef(object)}`;
            if (c.def.type !== 'EVENT')
                return { text, at, what, effect: { kind: 'create', object, ifNotExists: c.def.ifNotExists } };
            const disabled = disableEvent(text);
            if (!disabled)
                throw new RefusedInput(`${where}: ${what}: its ON SCHEDULE … DO shape was not recognized, so it cannot be created disabled`, at, object);
            return { text: disabled.text, at, what, effect: { kind: 'create', object, ifNotExists: c.def.ifNotExists, event: disabled.intent } };
        }
        case 'drop': {
            const objects = c.names.map((n) => refOf(c.type, n));
            return { text, at, what: `DROP ${objects.map(describeRef).join(', ')}`, effect: { kind: 'drop', objects } };
        }
        case 'session':
            return { text, at, what: 'SET', effect: { kind: 'other' } };
        case 'empty':
            return { text, at, what: 'empty statement', effect: { kind: 'other' } };
        case 'forbidden':
        case 'invalid': {
            const lead = text.trim().split(/\s+/).slice(0, 2).join(' ');
            throw new RefusedInput(`${where}: '${lead} …' cannot be verified: verification runs only CREATE/DROP of routines, ` +
                'triggers, events and views and session SET (other statements could write outside its scratch schemas)', at);
        }
    }
}
/** A tree's routine files, parsed once (the planner's parser and cache). */
function parseTree(tree, isRoutineFile) {
    const cache = (0,file/* newParseCache */.KJ)();
    return [...tree.keys()].filter(isRoutineFile).sort().map((p) => (0,file/* parseFile */.CJ)(p, tree.get(p), cache));
}
/** Where each definition's runnable text is written (first occurrence wins, as in the plan). */
function sourceIndex(files) {
    const out = new Map();
    for (const d of files.flatMap((f) => f.defs)) {
        const sql = (0,file/* fullDef */.ZX)(d).sql;
        if (!out.has(sql))
            out.set(sql, { file: d.file, line: d.line });
    }
    return out;
}
/** Every definition of a tree, in the order the planner creates objects (functions … events, views by dependency). */
function definitions(files, index, where) {
    const defs = [...(0,diff/* indexObjects */.Je)(files).byKey.values()];
    const changes = defs.map((d) => ({ type: d.type, key: d.key, change: 'added', head: (0,file/* fullDef */.ZX)(d) }));
    const drops = new Set(changes.map((c) => (0,render/* dropSql */.SA)(c.head)));
    return (0,render/* execStatements */.OB)(changes).filter((s) => !drops.has(s)).map((s) => routineStatement(s, index.get(s), where));
}
/** Where each statement of a reviewer's rollback file is written (keyed by the text the plan ships). */
function rollbackFileIndex(t) {
    const pattern = t.planOptions?.rollbackPattern ?? plan/* DEFAULT_ROLLBACK_PATTERN */.el;
    const index = new Map();
    for (const file of new Set(t.plan.objects.map((o) => (0,plan/* rollbackPathFor */.jr)(o.file, pattern)))) {
        const text = t.head.get(file);
        if (text === undefined)
            continue;
        for (const s of statementsWithLines(text).statements)
            if (!index.has(s.text))
                index.set(s.text, { file, line: s.line });
    }
    return index;
}
function prepareTarget(t) {
    if (t.plan.errors.length > 0) {
        const e = t.plan.errors[0];
        throw new RefusedInput(`the plan of target '${t.name}' has ${t.plan.errors.length} error(s); fix them first (${e.file}:${e.line}: ${e.message})`, { file: e.file, line: e.line });
    }
    const isRoutineFile = (0,plan/* routineFileFilter */.bs)([...t.base.keys(), ...t.head.keys()], t.planOptions);
    const byKey = new Map(t.plan.objects.map((o) => [(0,objects/* objectKey */.T5)(o.type, o), o]));
    const planned = (o) => {
        const p = byKey.get((0,objects/* objectKey */.T5)(o.type, o));
        return p ? { file: p.file, line: p.line } : undefined;
    };
    const located = (s, index) => {
        if (s.at)
            return s;
        const at = index.get(s.text) ?? (s.effect.kind === 'create' || s.effect.kind === 'alter' ? planned(s.effect.object)
            : s.effect.kind === 'drop' ? planned(s.effect.objects[0]) : undefined);
        return at ? { ...s, at } : s;
    };
    const schemaFile = t.schemaSql ? parseSchemaFile(t.schemaSql.file, t.schemaSql.text) : [];
    const schema = schemaFile.map((s) => ({ text: s.text, at: s.at, what: firstWords(s.text), effect: { kind: 'other' } }));
    const baseFiles = parseTree(t.base, isRoutineFile);
    const headFiles = parseTree(t.head, isRoutineFile);
    const baseIndex = sourceIndex(baseFiles);
    const headIndex = sourceIndex(headFiles);
    const base = definitions(baseFiles, baseIndex, 'base');
    const head = definitions(headFiles, headIndex, 'head');
    const exec = statementsWithLines(t.plan.execSql).statements
        .map((s) => located(routineStatement(s.text, undefined, 'execSql'), headIndex));
    const rollbackFiles = rollbackFileIndex(t);
    const rollback = statementsWithLines(t.plan.rollbackSql).statements.map((s) => {
        const at = rollbackFiles.get(s.text);
        const sent = located(routineStatement(s.text, at, at ? `rollback file ${at.file}` : 'rollbackSql'), baseIndex);
        return at ? { ...sent, reviewer: true } : sent;
    });
    const qualifiers = new Set();
    for (const s of [...base, ...head, ...exec, ...rollback]) {
        const objects = s.effect.kind === 'create' || s.effect.kind === 'alter' ? [s.effect.object] : s.effect.kind === 'drop' ? s.effect.objects : [];
        for (const o of objects)
            if (o.schema !== undefined)
                qualifiers.add(o.schema);
    }
    for (const n of schemaFile.flatMap((s) => s.tables))
        if (n.schema !== undefined)
            qualifiers.add(n.schema);
    return { target: t, schema, base, head, exec, rollback, changed: t.plan.objects.map((o) => refOf(o.type, o)), qualifiers };
}
function firstWords(text) {
    return text.replace(/\s+/g, ' ').split(' ').slice(0, 3).join(' ');
}

;// CONCATENATED MODULE: ./src/verify/rewrite.ts
// Schema qualifiers → scratch schemas: `shop.p` becomes `dpg_verify_…_d1`.p in every statement verification
// sends, so a qualified object is created in a scratch schema and never in the real `shop`. Token-based (strings,
// comments and quoted text stay as written) and in place, so line numbers never move. Pure.

const rewrite_SKIP = new Set(['ws', 'comment', 'exec-open', 'exec-close']);
const isName = (t) => t !== undefined && (t.kind === 'word' || t.kind === 'ident');
const isDot = (t) => t !== undefined && t.kind === 'op' && t.text === '.';
/** The identifier a name token stands for: backticks removed, unquoted words as written (case kept). */
function nameOf(t) {
    return t.kind === 'ident' ? t.value : t.text;
}
/**
 * Rewrites the first part of every dotted name whose first part is a key of `map` (`shop.p`, `` `shop`.`p` ``,
 * `shop.t.col`). A two-part name is ambiguous in SQL (schema.object or table.column): a table or alias spelled
 * exactly like a mapped schema is rewritten too (docs/verify.md, "Qualified names").
 */
function rewriteQualifiers(text, map) {
    if (map.size === 0)
        return text;
    const sig = (0,lexer/* tokenize */.qw)(text).filter((t) => !rewrite_SKIP.has(t.kind));
    const edits = [];
    for (let i = 0; i < sig.length; i++) {
        const t = sig[i];
        if (!isName(t) || !isDot(sig[i + 1]) || !isName(sig[i + 2]) || isDot(sig[i - 1]))
            continue;
        const to = map.get(nameOf(t));
        if (to !== undefined)
            edits.push({ start: t.start, end: t.end, text: '`' + to + '`' });
    }
    let out = '';
    let pos = 0;
    for (const e of edits) {
        out += text.slice(pos, e.start) + e.text;
        pos = e.end;
    }
    return out + text.slice(pos);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/verify/scratch.ts
// The scratch schemas of one verification run, and how names map into and out of them. Two sets: `deploy` (base
// routines, then execSql, then rollbackSql) and `head` (the head definitions, the reference that deploy must
// equal). In each set every target has its own schema, and every schema name the SQL qualifies objects with
// gets one too (shared by the targets). Names carry a random run id: parallel runs never collide. Pure.

const SCRATCH_PREFIX = 'dpg_verify_';
const SCRATCH_SETS = ['deploy', 'head'];
class ScratchLayout {
    targets;
    runId;
    /** Every scratch schema, to create and to drop. */
    all = [];
    /** Created and dropped first, to learn whether the user may create and drop databases at all. */
    probe;
    sets = new Map();
    defaults = new Map();
    named = new Map();
    labels = new Map();
    pattern;
    constructor(targets, qualifiers, runId = (0,external_node_crypto_.randomBytes)(4).toString('hex')) {
        this.targets = targets;
        this.runId = runId;
        this.probe = `${SCRATCH_PREFIX}${runId}_probe`;
        const names = new Set();
        targets.forEach((t, i) => { for (const q of qualifiers[i] ?? [])
            if (q !== t.schemaName)
                names.add(q); });
        const sorted = [...names].sort();
        for (const set of SCRATCH_SETS) {
            const letter = set[0];
            const defaults = targets.map((_, i) => `${SCRATCH_PREFIX}${runId}_${letter}${i}`);
            const named = new Map(sorted.map((n, k) => [n, `${SCRATCH_PREFIX}${runId}_${letter}${targets.length + k}`]));
            this.defaults.set(set, defaults);
            this.named.set(set, named);
            defaults.forEach((s, i) => this.labels.set(s, defaultLabel(i)));
            for (const [n, s] of named)
                this.labels.set(s, n);
            this.sets.set(set, [...defaults, ...named.values()]);
            this.all.push(...defaults, ...named.values());
        }
        this.pattern = new RegExp(`${SCRATCH_PREFIX}${runId}_[dh]\\d+(?!\\d)`, 'g');
    }
    /** The scratch schemas of one set. */
    schemasOf(set) {
        return this.sets.get(set);
    }
    /** The schema target `i` runs in (its connection's default database). */
    defaultOf(set, i) {
        return this.defaults.get(set)[i];
    }
    /** Qualifier → scratch schema for target `i`'s SQL (its own schema name means its own scratch schema). */
    rewriteMap(set, i) {
        const map = new Map(this.named.get(set));
        const own = this.targets[i].schemaName;
        if (own !== undefined)
            map.set(own, this.defaultOf(set, i));
        return map;
    }
    /** Label of a scratch schema, equal across sets: `\u0001<i>` for target i's own, else the original name. */
    labelOf(scratch) {
        return this.labels.get(scratch);
    }
    /** Label of the schema an object of target `i` is qualified with (none: the target's own). */
    labelFor(i, schema) {
        return schema === undefined || schema === this.targets[i].schemaName ? defaultLabel(i) : schema;
    }
    /** The schema to show for a label: none for a target's own schema (SQL leaves it unqualified). */
    schemaOfLabel(label) {
        return label.startsWith('\u0001') ? { target: Number(label.slice(1)) } : { schema: label };
    }
    /** Scratch names in server text (view definitions, error messages) → the names the SQL used. */
    neutralize(text) {
        // `scratch`.x or scratch.x for a target's own schema reads as the unqualified x the SQL wrote.
        const stripped = text.replace(new RegExp(`(\`?)(${this.pattern.source})\\1\\.`, 'g'), (whole, quote, name) => {
            const label = this.labels.get(name);
            if (label === undefined)
                return whole;
            return label.startsWith('\u0001') ? '' : `${quote}${label}${quote}.`;
        });
        return stripped.replace(this.pattern, (name) => {
            const label = this.labels.get(name);
            if (label === undefined)
                return name;
            if (!label.startsWith('\u0001'))
                return label;
            const t = this.targets[Number(label.slice(1))];
            return t.schemaName ?? `(the database of target ${t.name})`;
        });
    }
}
const defaultLabel = (i) => `\u0001${i}`;
/** `LIKE` pattern matching every scratch schema of every run (for finding leftovers). */
const SCRATCH_LIKE = 'dpg\\_verify\\_%';

;// CONCATENATED MODULE: ./src/verify/duration.ts
/** `850 ms`, `2.5 s`: durations in messages. */
function formatMs(ms) {
    return ms < 1000 ? `${Math.round(ms)} ms` : `${+(ms / 1000).toFixed(1)} s`;
}

// EXTERNAL MODULE: ./node_modules/mysql2/promise.js
var promise = __webpack_require__(7588);
// EXTERNAL MODULE: ./src/verify/url.ts
var url = __webpack_require__(9436);
;// CONCATENATED MODULE: ./src/verify/session.ts
// Connections to the verify server (mysql2). Connecting is retried with backoff on errors that can pass
// (refused, reset, timed out, server starting); nothing else is ever retried. Every statement has a timeout:
// on expiry the connection is destroyed and the server-side thread killed from a second connection, so a
// stuck statement cannot keep running after we gave up. The password only ever goes to mysql2.



/** The server refused a statement (or the connection): its code and message, never retried. */
class ServerError extends Error {
    info;
    serverMessage;
    constructor(info, serverMessage) {
        super(serverMessage);
        this.info = info;
        this.serverMessage = serverMessage;
    }
}
class StatementTimeout extends Error {
    ms;
    constructor(ms) {
        super(`did not finish within ${formatMs(ms)}`);
        this.ms = ms;
    }
}
class ConnectionLost extends Error {
}
class ConnectFailure extends Error {
    serverError;
    constructor(message, serverError) {
        super(message);
        this.serverError = serverError;
    }
}
// Network errors and server states that a later attempt can get past (a service container still starting).
const RETRYABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOENT',
    'EPIPE', 'PROTOCOL_CONNECTION_LOST', 'PROTOCOL_SEQUENCE_TIMEOUT', 'ER_CON_COUNT_ERROR', 'ER_SERVER_SHUTDOWN']);
function serverInfoOf(e) {
    if (typeof e.errno !== 'number' || e.sqlMessage === undefined)
        return undefined;
    const info = { code: e.code ?? 'UNKNOWN', errno: e.errno };
    if (e.sqlState)
        info.sqlState = e.sqlState;
    return info;
}
const defaultSleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function connectOnce(db, database, connectMs) {
    const where = db.endpoint.kind === 'tcp' ? { host: db.endpoint.host, port: db.endpoint.port } : { socketPath: db.endpoint.path };
    return (0,promise.createConnection)({
        ...where,
        user: db.user,
        password: db.password?.reveal() ?? '',
        ...(database !== undefined ? { database } : {}),
        connectTimeout: connectMs,
        dateStrings: true,
        supportBigNumbers: true,
        bigNumberStrings: true,
        multipleStatements: false,
        // no LOAD DATA LOCAL: a statement must never read files from the machine running verification
        flags: ['-LOCAL_FILES'],
        charset: 'utf8mb4_general_ci'
    });
}
class Session {
    conn;
    db;
    connectMs;
    dead = false;
    constructor(conn, db, connectMs) {
        this.conn = conn;
        this.db = db;
        this.connectMs = connectMs;
    }
    static async open(db, o) {
        const sleep = o.sleep ?? defaultSleep;
        const started = Date.now();
        for (let attempt = 1;; attempt++) {
            try {
                return new Session(await connectOnce(db, o.database, o.connectMs), db, o.connectMs);
            }
            catch (err) {
                const e = err;
                const reason = (e.sqlMessage ?? e.message ?? String(err)).replace(/\s+/g, ' ');
                const retryable = RETRYABLE.has(e.code ?? '');
                if (!retryable || attempt >= o.retry.attempts) {
                    const tries = attempt === 1 ? '' : ` (${attempt} attempts over ${formatMs(Date.now() - started)})`;
                    throw new ConnectFailure(`cannot connect to ${(0,url/* describeVerifyDatabase */.IX)(db)}: ${reason}${tries}`, serverInfoOf(e));
                }
                const delay = Math.min(o.retry.maxDelayMs, o.retry.initialDelayMs * 2 ** (attempt - 1));
                o.log?.(`cannot connect to ${(0,url/* describeVerifyDatabase */.IX)(db)} (${reason}); attempt ${attempt + 1} of ${o.retry.attempts} in ${formatMs(delay)}`);
                await sleep(delay);
            }
        }
    }
    get threadId() {
        return this.conn.threadId;
    }
    /** One statement (or one read with `values` for its placeholders), given at most `ms` to finish. */
    async query(sql, ms, values, rowsAsArray = false) {
        if (this.dead)
            throw new ConnectionLost('the connection was already closed after an earlier failure');
        let timer;
        const expired = new Promise((_, reject) => { timer = setTimeout(() => reject(new StatementTimeout(ms)), Math.max(1, ms)); });
        try {
            const [rows] = await Promise.race([this.conn.query({ sql, values, rowsAsArray }), expired]);
            return rows;
        }
        catch (err) {
            if (err instanceof StatementTimeout) {
                this.dead = true;
                this.conn.destroy();
                await this.killServerThread();
                throw err;
            }
            const e = err;
            const info = serverInfoOf(e);
            if (info && !(e.code ?? '').startsWith('PROTOCOL_'))
                throw new ServerError(info, e.sqlMessage.replace(/\s+/g, ' '));
            this.dead = true;
            this.conn.destroy();
            throw new ConnectionLost(`the connection to the server was lost (${(e.message ?? String(err)).replace(/\s+/g, ' ')})`);
        }
        finally {
            clearTimeout(timer);
        }
    }
    /** Best effort: a destroyed connection's statement may still be running on the server. */
    async killServerThread() {
        let killer;
        try {
            killer = await Session.open(this.db, { connectMs: this.connectMs, retry: { attempts: 1, initialDelayMs: 0, maxDelayMs: 0 } });
            await killer.query(`KILL ${Number(this.threadId)}`, this.connectMs);
        }
        catch {
            // the thread may have ended by itself; nothing else to do
        }
        finally {
            await killer?.close();
        }
    }
    async close() {
        if (this.dead)
            return;
        this.dead = true;
        let timer;
        try {
            await Promise.race([this.conn.end(), new Promise((r) => { timer = setTimeout(r, this.connectMs); })]);
        }
        catch {
            // closing a broken connection: destroy below
        }
        finally {
            clearTimeout(timer);
            this.conn.destroy();
        }
    }
}

;// CONCATENATED MODULE: ./src/verify/state.ts
const CASE_INSENSITIVE = new Set(['PROCEDURE', 'FUNCTION', 'EVENT']);
function stateKey(type, label, name) {
    return `${type}\u0000${label}\u0000${CASE_INSENSITIVE.has(type) ? name.toLowerCase() : name}`;
}
/** What deploy must leave: the base, with every changed object as the head defines it (or gone). */
function expectedAfterDeploy(base, head, changedKeys) {
    const out = new Map(base);
    for (const k of changedKeys) {
        const h = head.get(k);
        if (h)
            out.set(k, h);
        else
            out.delete(k);
    }
    return out;
}
/** Every difference, in a stable order (type, schema, name, then column order), exact string comparison. */
function differences(actual, expected) {
    const out = [];
    for (const key of [...new Set([...expected.keys(), ...actual.keys()])].sort()) {
        const e = expected.get(key);
        const a = actual.get(key);
        const o = (e ?? a);
        const at = { type: o.type, label: o.label, name: o.name };
        if (!a)
            out.push({ ...at, field: 'exists', expected: 'yes', actual: 'no' });
        else if (!e)
            out.push({ ...at, field: 'exists', expected: 'no', actual: 'yes' });
        else {
            const actualFields = new Map(a.fields);
            for (const [field, value] of e.fields) {
                const got = actualFields.has(field) ? actualFields.get(field) : null;
                if (got !== value)
                    out.push({ ...at, field, expected: value, actual: got });
            }
        }
    }
    return out;
}

// EXTERNAL MODULE: ./src/sql/ident.ts
var ident = __webpack_require__(802);
;// CONCATENATED MODULE: ./src/verify/snapshot.ts


const ROUTINES = { type: 'PROCEDURE', table: 'ROUTINES', schemaColumn: 'ROUTINE_SCHEMA', nameColumn: 'ROUTINE_NAME',
    fields: ['ROUTINE_TYPE', 'ROUTINE_NAME', 'DATA_TYPE', 'DTD_IDENTIFIER', 'ROUTINE_BODY', 'ROUTINE_DEFINITION', 'IS_DETERMINISTIC',
        'SQL_DATA_ACCESS', 'SECURITY_TYPE', 'ROUTINE_COMMENT', 'SQL_MODE', 'CHARACTER_SET_CLIENT', 'COLLATION_CONNECTION'],
    order: 'ROUTINE_SCHEMA, ROUTINE_TYPE, ROUTINE_NAME' };
const PARAMETERS = { type: 'PARAMETERS', table: 'PARAMETERS', schemaColumn: 'SPECIFIC_SCHEMA', nameColumn: 'SPECIFIC_NAME',
    fields: ['ROUTINE_TYPE', 'ORDINAL_POSITION', 'PARAMETER_MODE', 'PARAMETER_NAME', 'DTD_IDENTIFIER'],
    order: 'SPECIFIC_SCHEMA, ROUTINE_TYPE, SPECIFIC_NAME, ORDINAL_POSITION' };
const TRIGGERS = { type: 'TRIGGER', table: 'TRIGGERS', schemaColumn: 'TRIGGER_SCHEMA', nameColumn: 'TRIGGER_NAME',
    fields: ['TRIGGER_NAME', 'EVENT_MANIPULATION', 'EVENT_OBJECT_SCHEMA', 'EVENT_OBJECT_TABLE', 'ACTION_ORDER', 'ACTION_STATEMENT',
        'ACTION_ORIENTATION', 'ACTION_TIMING', 'SQL_MODE', 'CHARACTER_SET_CLIENT', 'COLLATION_CONNECTION'],
    order: 'TRIGGER_SCHEMA, TRIGGER_NAME' };
const EVENTS = { type: 'EVENT', table: 'EVENTS', schemaColumn: 'EVENT_SCHEMA', nameColumn: 'EVENT_NAME',
    fields: ['EVENT_NAME', 'EVENT_BODY', 'EVENT_DEFINITION', 'EVENT_TYPE', 'INTERVAL_VALUE', 'INTERVAL_FIELD', 'ON_COMPLETION',
        'EVENT_COMMENT', 'SQL_MODE', 'TIME_ZONE', 'CHARACTER_SET_CLIENT', 'COLLATION_CONNECTION'],
    order: 'EVENT_SCHEMA, EVENT_NAME' };
// ALGORITHM is a VIEWS column on MariaDB only; MySQL shows it in SHOW CREATE VIEW alone (see viewAlgorithms).
const viewsOf = (product) => ({ type: 'VIEW', table: 'VIEWS', schemaColumn: 'TABLE_SCHEMA', nameColumn: 'TABLE_NAME',
    fields: ['TABLE_NAME', 'VIEW_DEFINITION', 'CHECK_OPTION', 'IS_UPDATABLE', 'SECURITY_TYPE', 'CHARACTER_SET_CLIENT',
        'COLLATION_CONNECTION', ...(product === 'MariaDB' ? ['ALGORITHM'] : [])],
    order: 'TABLE_SCHEMA, TABLE_NAME' });
function snapshot_text(c) {
    if (c === null || c === undefined)
        return null;
    return Buffer.isBuffer(c) ? c.toString('utf8') : String(c);
}
async function read(session, s, schemas, ms) {
    const sql = `SELECT ${s.schemaColumn}, ${s.nameColumn}, ${s.fields.join(', ')} FROM information_schema.${s.table} ` +
        `WHERE ${s.schemaColumn} IN (?) ORDER BY ${s.order}`;
    return session.query(sql, ms, [schemas], true);
}
/** MySQL only: ALGORITHM from SHOW CREATE VIEW, one view at a time. */
async function viewAlgorithms(session, rows, ms) {
    const out = [];
    for (const r of rows) {
        const [row] = await session.query(`SHOW CREATE VIEW ${(0,ident/* quoteIdent */.v)(snapshot_text(r[0]))}.${(0,ident/* quoteIdent */.v)(snapshot_text(r[1]))}`, ms, undefined, true);
        out.push(/\bALGORITHM=(\w+)/.exec(snapshot_text(row?.[1]) ?? '')?.[1] ?? 'UNDEFINED');
    }
    return out;
}
async function snapshot(ctx, schemas) {
    const { session, layout } = ctx;
    const out = new Map();
    const neutral = (c) => {
        const t = snapshot_text(c);
        return t === null ? null : layout.neutralize(t);
    };
    const params = new Map();
    for (const r of await read(session, PARAMETERS, schemas, ctx.ms())) {
        const key = stateKey(snapshot_text(r[2]) === 'FUNCTION' ? 'FUNCTION' : 'PROCEDURE', layout.labelOf(snapshot_text(r[0])), snapshot_text(r[1]));
        const list = params.get(key) ?? [];
        list.push(r.slice(3).map((c) => neutral(c) ?? '').join(' '));
        params.set(key, list);
    }
    const views = viewsOf(ctx.product);
    for (const source of [ROUTINES, TRIGGERS, EVENTS, views]) {
        const rows = await read(session, source, schemas, ctx.ms());
        const algorithms = source === views && ctx.product === 'MySQL' ? await viewAlgorithms(session, rows, ctx.ms()) : undefined;
        rows.forEach((r, i) => {
            const type = source === ROUTINES ? snapshot_text(r[2]) : source.type;
            const label = layout.labelOf(snapshot_text(r[0]));
            const name = snapshot_text(r[1]);
            const key = stateKey(type, label, name);
            const fields = source.fields.map((f, k) => [f, neutral(r[k + 2])]);
            if (type === 'PROCEDURE' || type === 'FUNCTION')
                fields.push(['PARAMETERS', (params.get(key) ?? []).join('\n')]);
            if (algorithms)
                fields.push(['ALGORITHM', algorithms[i]]);
            if (type === 'EVENT') {
                const intent = ctx.events.get(key);
                fields.push(['STATUS (as written)', intent?.status ?? null], ['SCHEDULE (as written)', intent?.schedule ?? null]);
            }
            out.set(key, { type, label, name, fields });
        });
    }
    return out;
}

;// CONCATENATED MODULE: ./src/verify/types.ts
const DEFAULT_TIMEOUTS = Object.freeze({ connectMs: 10_000, statementMs: 60_000, stepMs: 600_000 });
/** About 27 s of waiting (0.5, 1, 2, 4, then 5 s apart): long enough for a service container that is still starting. */
const DEFAULT_RETRY = Object.freeze({ attempts: 9, initialDelayMs: 500, maxDelayMs: 5_000 });
/**
 * Where a verification can stop: `prepare` (our own checks of the inputs, before any connection), `connect`,
 * `privileges` (CREATE/DROP DATABASE), then the issue's steps `schema` (1), `base` (2), `deploy` (3),
 * `rollback` (4), and `cleanup` (dropping the scratch schemas).
 */
const VERIFY_STEPS = ['prepare', 'connect', 'privileges', 'schema', 'base', 'deploy', 'rollback', 'cleanup'];

;// CONCATENATED MODULE: ./src/verify/verify.ts
// verifyPlan: proves the plans on a real server before any ticket exists (docs/verify.md). In scratch schemas
// that are always dropped afterwards: (1) load the schema file, (2) create the base routines, (3) run execSql and
// compare every object with the head definitions (created apart in a second scratch set), (4) run rollbackSql and
// compare everything with the base snapshot, byte for byte. Any failure stops and says where.













/** Routine bodies: kept by the server as written (the fields a reviewer's rollback may reformat). */
const BODY_FIELDS = new Set(['ROUTINE_DEFINITION', 'ACTION_STATEMENT', 'EVENT_DEFINITION']);
/** Thrown inside a step; becomes the report. */
class StepFailure extends Error {
    fields;
    constructor(fields) {
        super(fields.message);
        this.fields = fields;
    }
}
async function verifyPlan(options) {
    const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
    const retry = { ...DEFAULT_RETRY, ...options.retry };
    const timings = {};
    const log = (m) => options.logger?.info(`verify: ${m}`);
    let prepared;
    const t0 = Date.now();
    try {
        if (options.targets.length === 0)
            throw new RefusedInput('no target to verify');
        prepared = options.targets.map(prepareTarget);
    }
    catch (e) {
        if (!(e instanceof RefusedInput))
            throw e;
        timings.prepare = Date.now() - t0;
        return { ok: false, step: 'prepare', message: `${formatAt(e.at)}${e.message}`, ...(e.at ? { at: e.at } : {}),
            ...(e.object ? { object: e.object } : {}), timings };
    }
    timings.prepare = Date.now() - t0;
    const layout = new ScratchLayout(options.targets, prepared.map((p) => p.qualifiers));
    const t1 = Date.now();
    let control;
    try {
        control = await Session.open(options.database, { connectMs: timeouts.connectMs, retry, log });
    }
    catch (e) {
        if (!(e instanceof ConnectFailure))
            throw e;
        timings.connect = Date.now() - t1;
        return { ok: false, step: 'connect', message: e.message, ...(e.serverError ? { serverError: e.serverError } : {}), timings };
    }
    const run = new Run(options, prepared, layout, control, timeouts, retry, timings, log);
    let report;
    try {
        report = await run.all(t1);
    }
    catch (e) {
        if (!(e instanceof StepFailure)) {
            // a bug of ours: still never leave scratch schemas behind
            await run.cleanup(run.failure({ step: 'cleanup', message: String(e) })).catch(() => undefined);
            throw e;
        }
        report = run.failure(e.fields);
    }
    return run.cleanup(report);
}
class Run {
    options;
    targets;
    layout;
    control;
    timeouts;
    retry;
    timings;
    log;
    server;
    created = [];
    notes = [];
    events = new Map(SCRATCH_SETS.map((s) => [s, new Map()]));
    step = 'connect';
    deadline = 0;
    constructor(options, targets, layout, control, timeouts, retry, timings, log) {
        this.options = options;
        this.targets = targets;
        this.layout = layout;
        this.control = control;
        this.timeouts = timeouts;
        this.retry = retry;
        this.timings = timings;
        this.log = log;
    }
    failure(fields) {
        return { ok: false, ...fields, ...(this.server ? { server: this.server } : {}), timings: this.timings };
    }
    /** mysql2 names errors from MySQL's list; MariaDB numbers its own errors (1900 and up) differently. */
    errorInfo(info) {
        return this.server?.product === 'MariaDB' && info.errno >= 1900 ? { ...info, code: `MARIADB_${info.errno}` } : info;
    }
    begin(step) {
        this.step = step;
        this.deadline = Date.now() + this.timeouts.stepMs;
        return Date.now();
    }
    end(step, started) {
        this.timings[step] = Date.now() - started;
    }
    /** Time a statement may take: its own limit, or what is left of the step's. */
    statementMs(what) {
        const left = this.deadline - Date.now();
        if (left <= 0)
            throw this.timedOut(what, this.timeouts.stepMs, true);
        return Math.min(this.timeouts.statementMs, left);
    }
    timedOut(what, ms, wholeStep, at, target) {
        const limit = wholeStep ? `the step's time limit (${formatMs(this.timeouts.stepMs)}) ran out` : `did not finish within ${formatMs(ms)}`;
        return new StepFailure({ step: this.step, message: `${formatAt(at)}${what}: timed out: ${limit}`,
            ...(at ? { at } : {}), ...(target ? { target } : {}) });
    }
    targetPrefix(p) {
        return this.targets.length > 1 ? `target '${p.target.name}': ` : '';
    }
    async all(connectStarted) {
        this.begin('connect');
        this.server = await this.serverInfo();
        this.end('connect', connectStarted);
        this.log(`connected to ${this.server.product} ${this.server.version} at ${(0,url/* describeVerifyDatabase */.IX)(this.options.database)}`);
        let started = this.begin('privileges');
        await this.probePrivileges();
        this.end('privileges', started);
        started = this.begin('schema');
        for (const name of this.layout.all) {
            await this.onControl(`CREATE DATABASE \`${name}\``, `CREATE DATABASE ${name}`);
            this.created.push(name);
            this.options.logger?.debug?.(`verify: created scratch schema ${name}`);
        }
        for (const set of SCRATCH_SETS) {
            for (const [i, p] of this.targets.entries())
                await this.runAll(set, i, p.schema);
        }
        this.log(`loaded ${this.targets.reduce((n, p) => n + p.schema.length, 0)} schema statement(s) into ${this.layout.all.length} scratch schemas`);
        this.end('schema', started);
        started = this.begin('base');
        for (const [i, p] of this.targets.entries())
            await this.runAll('deploy', i, p.base);
        const base = await this.snapshot('deploy');
        this.log(`created ${base.size} base object(s)`);
        this.end('base', started);
        started = this.begin('deploy');
        for (const [i, p] of this.targets.entries())
            await this.runAll('deploy', i, p.exec);
        const deployed = await this.snapshot('deploy');
        for (const [i, p] of this.targets.entries())
            await this.runAll('head', i, p.head, 'the head definition, created apart as the reference for deploy');
        const head = await this.snapshot('head');
        const changed = this.targets.flatMap((p, i) => p.changed.map((o) => stateKey(o.type, this.layout.labelFor(i, o.schema), o.name)));
        this.compare(deployed, expectedAfterDeploy(base, head, changed), 'exec');
        this.log(`deploy ✓ (${changed.length} changed object(s) equal their head definitions)`);
        this.end('deploy', started);
        started = this.begin('rollback');
        for (const [i, p] of this.targets.entries())
            await this.runAll('deploy', i, p.rollback);
        const reviewed = new Set(this.targets.flatMap((p, i) => p.rollback.flatMap((s) => s.reviewer && s.effect.kind === 'create' ? [stateKey(s.effect.object.type, this.layout.labelFor(i, s.effect.object.schema), s.effect.object.name)] : [])));
        this.compare(await this.snapshot('deploy'), base, 'rollback', reviewed);
        this.log(`rollback ✓ (${base.size} object(s) equal the base snapshot)`);
        this.end('rollback', started);
        return {
            ok: true, server: this.server, notes: this.notes, timings: this.timings,
            targets: this.targets.map((p) => ({ name: p.target.name, objects: p.changed.length, execStatements: p.exec.length, rollbackStatements: p.rollback.length }))
        };
    }
    async serverInfo() {
        const rows = await this.onControl('SELECT VERSION()', 'SELECT VERSION()', true);
        const full = String(rows[0]?.[0] ?? '');
        return { product: /mariadb/i.test(full) ? 'MariaDB' : 'MySQL', version: /^\d+\.\d+\.\d+/.exec(full)?.[0] ?? full, full };
    }
    async probePrivileges() {
        const { user } = this.options.database;
        const where = (0,url/* describeVerifyDatabase */.IX)(this.options.database);
        const grant = `verification creates and drops scratch schemas named ${SCRATCH_PREFIX}*: ` +
            `GRANT ALL ON \`dpg\\_verify\\_%\`.* TO '${user}'@'…' (or use a user that may CREATE and DROP DATABASE)`;
        const probe = this.layout.probe;
        try {
            await this.control.query(`CREATE DATABASE \`${probe}\``, this.statementMs('CREATE DATABASE'));
        }
        catch (e) {
            if (!(e instanceof ServerError))
                throw this.controlFailure(e, 'CREATE DATABASE');
            throw new StepFailure({ step: 'privileges', serverError: this.errorInfo(e.info),
                message: `the user '${user}' may not CREATE DATABASE on ${where} (${e.serverMessage}); ${grant}` });
        }
        this.created.push(probe);
        try {
            await this.control.query(`DROP DATABASE \`${probe}\``, this.statementMs('DROP DATABASE'));
            this.created.pop();
        }
        catch (e) {
            if (!(e instanceof ServerError))
                throw this.controlFailure(e, 'DROP DATABASE');
            throw new StepFailure({ step: 'privileges', serverError: this.errorInfo(e.info),
                message: `the user '${user}' may CREATE but not DROP DATABASE on ${where} (${e.serverMessage}); ${grant}` });
        }
    }
    async onControl(sql, what, rowsAsArray = false) {
        try {
            return await this.control.query(sql, this.statementMs(what), undefined, rowsAsArray);
        }
        catch (e) {
            throw this.controlFailure(e, what);
        }
    }
    controlFailure(e, what) {
        if (e instanceof StepFailure)
            return e;
        if (e instanceof StatementTimeout)
            return this.timedOut(what, e.ms, e.ms < this.timeouts.statementMs);
        if (e instanceof ServerError)
            return new StepFailure({ step: this.step, message: `${what}: ${e.serverMessage}`, serverError: this.errorInfo(e.info) });
        if (e instanceof ConnectionLost)
            return new StepFailure({ step: this.step, message: `${what}: ${e.message}` });
        throw e;
    }
    async snapshot(set) {
        const schemas = this.layout.schemasOf(set);
        try {
            return await snapshot({ session: this.control, layout: this.layout, product: this.server.product, events: this.events.get(set),
                ms: () => this.statementMs('reading information_schema') }, schemas);
        }
        catch (e) {
            throw this.controlFailure(e, 'reading information_schema');
        }
    }
    /** Runs statements in order on a fresh connection to the target's scratch schema, as DMS runs a ticket. */
    async runAll(set, i, list, source) {
        if (list.length === 0)
            return;
        const p = this.targets[i];
        let session;
        try {
            session = await Session.open(this.options.database, { database: this.layout.defaultOf(set, i), connectMs: this.timeouts.connectMs,
                retry: this.retry, log: this.log });
        }
        catch (e) {
            if (!(e instanceof ConnectFailure))
                throw e;
            throw new StepFailure({ step: this.step, message: `${this.targetPrefix(p)}${e.message}`, target: p.target.name });
        }
        const map = this.layout.rewriteMap(set, i);
        try {
            for (const s of list) {
                try {
                    await session.query(rewriteQualifiers(s.text, map), this.statementMs(s.what));
                }
                catch (e) {
                    throw this.statementFailure(e, p, s, source);
                }
                this.track(set, i, s);
            }
        }
        finally {
            await session.close();
        }
    }
    statementFailure(e, p, s, source) {
        const object = s.effect.kind === 'create' || s.effect.kind === 'alter' ? s.effect.object : s.effect.kind === 'drop' ? s.effect.objects[0] : undefined;
        const base = { step: this.step, target: p.target.name, ...(object ? { object } : {}) };
        if (e instanceof StepFailure)
            return e;
        if (e instanceof StatementTimeout)
            return this.timedOut(s.what, e.ms, e.ms < this.timeouts.statementMs, s.at, p.target.name);
        let at = s.at;
        let detail;
        let serverError;
        if (e instanceof ServerError) {
            at = serverLine(s.at, e.serverMessage);
            serverError = this.errorInfo(e.info);
            detail = this.layout.neutralize(e.serverMessage) + hint(serverError, p.target);
        }
        else if (e instanceof ConnectionLost) {
            detail = e.message;
        }
        else {
            throw e;
        }
        return new StepFailure({ ...base, ...(at ? { at } : {}), ...(serverError ? { serverError } : {}),
            message: `${this.targetPrefix(p)}${formatAt(at)}${s.what}${source ? ` (${source})` : ''}: ${detail}` });
    }
    /** Keeps each event's intent as the statements create and drop events. */
    track(set, i, s) {
        const events = this.events.get(set);
        const key = (o) => stateKey('EVENT', this.layout.labelFor(i, o.schema), o.name);
        if (s.effect.kind === 'create' && s.effect.event) {
            const k = key(s.effect.object);
            if (!(s.effect.ifNotExists && events.has(k)))
                events.set(k, s.effect.event);
        }
        else if (s.effect.kind === 'alter') {
            // the planner alters only when the schedule is unchanged: the intent keeps its schedule, takes the new status
            const k = key(s.effect.object);
            const before = events.get(k);
            if (before !== undefined)
                events.set(k, { ...before, status: s.effect.status });
        }
        else if (s.effect.kind === 'drop') {
            for (const o of s.effect.objects)
                if (o.type === 'EVENT')
                    events.delete(key(o));
        }
    }
    /**
     * Byte for byte, except a body restored by a reviewer's rollback file (`reviewed` keys), which may differ from the
     * base in what the planner's comparison form ignores: that is accepted, and noted in the report.
     */
    compare(actual, expected, against, reviewed = new Set()) {
        const diffs = differences(actual, expected).filter((d) => {
            const tolerated = reviewed.has(stateKey(d.type, d.label, d.name)) && BODY_FIELDS.has(d.field) && d.expected !== null &&
                d.actual !== null && (0,canonical/* canonicalSql */.Z)(d.expected) === (0,canonical/* canonicalSql */.Z)(d.actual);
            if (tolerated) {
                const o = this.refOfLabel(d.type, d.label, d.name);
                this.notes.push(`${describeRef(o)}: the rollback file restores the base definition with other whitespace, comments or keyword case (${d.field})`);
            }
            return !tolerated;
        });
        if (diffs.length === 0)
            return;
        const d = diffs[0];
        const { target: ti } = this.layout.schemaOfLabel(d.label);
        const owner = ti ?? Math.max(0, this.targets.findIndex((p) => p.qualifiers.has(d.label)));
        const p = this.targets[owner];
        const object = this.refOfLabel(d.type, d.label, d.name);
        const at = this.locate(p, object, against);
        const difference = { object, field: d.field, expected: d.expected, actual: d.actual };
        const what = against === 'exec'
            ? 'after execSql it does not equal its head definition'
            : 'after rollbackSql it does not equal the base';
        const detail = d.field === 'exists'
            ? (d.expected === 'yes' ? 'it is missing' : 'it should not exist')
            : `${d.field} differs: ${excerpt(d.expected, d.actual)}`;
        const more = diffs.length > 1 ? ` (and ${diffs.length - 1} more difference${diffs.length > 2 ? 's' : ''})` : '';
        throw new StepFailure({ step: this.step, target: p.target.name, object, difference, ...(at ? { at } : {}),
            message: `${this.targetPrefix(p)}${formatAt(at)}${describeRef(object)}: ${what}: ${detail}${more}` });
    }
    refOfLabel(type, label, name) {
        const { schema } = this.layout.schemaOfLabel(label);
        return schema !== undefined ? { type, schema, name } : { type, name };
    }
    /** Where to fix an object that differs: the statement of that step that last touched it, else its planned file. */
    locate(p, o, against) {
        const key = (0,objects/* objectKey */.T5)(o.type, o);
        const touches = (s) => ((s.effect.kind === 'create' || s.effect.kind === 'alter') && (0,objects/* objectKey */.T5)(s.effect.object.type, s.effect.object) === key) ||
            (s.effect.kind === 'drop' && s.effect.objects.some((x) => (0,objects/* objectKey */.T5)(x.type, x) === key));
        const list = against === 'exec' ? p.exec : p.rollback;
        const hit = [...list].reverse().find((s) => touches(s) && s.at);
        if (hit?.at)
            return hit.at;
        const planned = p.target.plan.objects.find((x) => (0,objects/* objectKey */.T5)(x.type, x) === key);
        return planned ? { file: planned.file, line: planned.line } : undefined;
    }
    /** Drops every scratch schema this run created, whatever happened before; a failure here is reported too. */
    async cleanup(report) {
        const started = this.begin('cleanup');
        const left = [];
        let reason = '';
        for (const name of [...this.created].reverse()) {
            try {
                await this.dropSchema(name);
            }
            catch (e) {
                left.push(name);
                reason = e instanceof Error ? e.message : String(e);
            }
        }
        await this.control.close();
        this.end('cleanup', started);
        if (left.length === 0)
            return report;
        const message = `could not drop the scratch schema(s) ${left.join(', ')} (${reason}): drop them by hand`;
        this.log(message);
        if (!report.ok)
            return { ...report, message: `${report.message}; also ${message}` };
        return this.failure({ step: 'cleanup', message });
    }
    async dropSchema(name) {
        const sql = `DROP DATABASE IF EXISTS \`${name}\``;
        try {
            await this.control.query(sql, this.statementMs(sql));
        }
        catch (e) {
            if (!(e instanceof ConnectionLost) && !(e instanceof StatementTimeout))
                throw e;
            // the control connection died (or was killed with a stuck statement): one fresh connection for the rest
            await this.control.close();
            this.control = await Session.open(this.options.database, { connectMs: this.timeouts.connectMs, retry: this.retry, log: this.log });
            await this.control.query(sql, this.statementMs(sql));
        }
    }
}

;// CONCATENATED MODULE: ./src/verify/format.ts
// The report as people read it: one line for the check, the PR comment and the DMS ticket, and a block for the
// CLI. Pure.


const on = (s) => (s ? ` on ${s.product} ${s.version}` : '');
/** `verified on MariaDB 10.11.19: deploy ✓ rollback ✓`, or `verification failed on MySQL 8.0.36 at deploy: …`. */
function verifySummary(r) {
    if (r.ok)
        return `verified${on(r.server)}: deploy ✓ rollback ✓`;
    return `verification failed${on(r.server)} at ${r.step}: ${r.message}`;
}
/** Several lines: the summary, then what ran (or what differs), the server and the time per step. */
function formatVerifyReport(r) {
    const lines = [verifySummary(r)];
    if (r.ok) {
        for (const t of r.targets) {
            lines.push(`  ${t.name}: ${t.objects} changed object(s); ${t.execStatements} execSql and ${t.rollbackStatements} rollbackSql statement(s) ran`);
        }
    }
    else {
        if (r.serverError)
            lines.push(`  server error: ${r.serverError.code} (${r.serverError.errno}${r.serverError.sqlState ? `, SQLSTATE ${r.serverError.sqlState}` : ''})`);
        if (r.difference) {
            lines.push(`  ${r.difference.field} expected:`, indent(r.difference.expected), `  ${r.difference.field} actual:`, indent(r.difference.actual));
        }
    }
    if (r.server)
        lines.push(`  server: ${r.server.full}`);
    const steps = VERIFY_STEPS.filter((s) => r.timings[s] !== undefined).map((s) => `${s} ${formatMs(r.timings[s])}`);
    if (steps.length > 0)
        lines.push(`  time: ${steps.join(', ')}`);
    return lines.join('\n') + '\n';
}
function indent(text) {
    if (text === null)
        return '    NULL';
    const shown = text.length > 2000 ? text.slice(0, 2000) + '…' : text;
    return shown.split('\n').map((l) => `    ${l}`).join('\n');
}

;// CONCATENATED MODULE: ./src/verify/retry.ts
// How many connection attempts fit in a wait: the backoff doubles from initialDelayMs up to maxDelayMs.

/** The retry policy that keeps trying for about `waitMs` (0: a single attempt). */
function retryWithin(waitMs, base = DEFAULT_RETRY) {
    let attempts = 1;
    let waited = 0;
    for (;;) {
        const delay = Math.min(base.maxDelayMs, base.initialDelayMs * 2 ** (attempts - 1));
        if (waited + delay > waitMs)
            break;
        waited += delay;
        attempts++;
    }
    return { attempts, initialDelayMs: base.initialDelayMs, maxDelayMs: base.maxDelayMs };
}

;// CONCATENATED MODULE: ./src/verify/index.ts
// Entry point of the verification (docs/verify.md), loaded with a dynamic import() so that the mysql2 driver
// stays out of the code that does not verify.







/***/ })

};
