export const id = 961;
export const ids = [961];
export const modules = {

/***/ 4082:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ canonicalTokens),
/* harmony export */   Z: () => (/* binding */ canonicalSql)
/* harmony export */ });
/* harmony import */ var _lexer_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8005);
/* harmony import */ var _keywords_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9662);
// The comparison form of SQL: whitespace, comments, executable-comment markers and keyword letter case do
// not count; strings, quoted identifiers, numbers and non-keyword words stay exactly as written.


/** Canonical text of already-lexed tokens (insignificant kinds are skipped). */
function canonicalTokens(tokens) {
    const parts = [];
    for (const t of tokens) {
        switch (t.kind) {
            case 'ws':
            case 'comment':
            case 'exec-open':
            case 'exec-close':
                continue;
            case 'word':
                parts.push(_keywords_js__WEBPACK_IMPORTED_MODULE_1__/* .KEYWORDS */ .d.has(t.value) ? t.value : t.text);
                break;
            case 'ident':
                // `name` and name are the same identifier when the unquoted spelling is a plain word
                if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(t.value)) {
                    const upper = t.value.toUpperCase();
                    parts.push(_keywords_js__WEBPACK_IMPORTED_MODULE_1__/* .KEYWORDS */ .d.has(upper) ? upper : t.value);
                }
                else
                    parts.push(t.text);
                break;
            default:
                parts.push(t.text);
        }
    }
    return parts.join(' ');
}
/** Canonical text of a SQL fragment (used to compare server-reported definitions in tests and tools). */
function canonicalSql(sql) {
    return canonicalTokens((0,_lexer_js__WEBPACK_IMPORTED_MODULE_0__/* .tokenize */ .qw)(sql));
}


/***/ }),

/***/ 8481:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Je: () => (/* binding */ indexObjects),
/* harmony export */   Ln: () => (/* binding */ compareAt),
/* harmony export */   wc: () => (/* binding */ diffObjects)
/* harmony export */ });
/* harmony import */ var _file_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3732);
// Base ↔ head by object identity (type, schema, name), never by file: renames, moves and reformatting
// leave the canonical definition unchanged and so produce no change.

/** First definition of each object in file order (paths sorted), plus every later redefinition. */
function indexObjects(files) {
    const byKey = new Map();
    const duplicates = [];
    for (const f of files) {
        for (const d of f.defs) {
            const first = byKey.get(d.key);
            if (first)
                duplicates.push({ first, again: d });
            else
                byKey.set(d.key, d);
        }
    }
    return { byKey, duplicates };
}
/** Same text is the same definition; otherwise the comparison forms decide (computed only then). */
function sameDefinition(b, h) {
    return b.text === h.text || b.analysis.full === h.analysis.full || (0,_file_js__WEBPACK_IMPORTED_MODULE_0__/* .fullDef */ .ZX)(b).canonical === (0,_file_js__WEBPACK_IMPORTED_MODULE_0__/* .fullDef */ .ZX)(h).canonical;
}
function diffObjects(base, head) {
    const out = [];
    for (const [key, h] of head.byKey) {
        const b = base.byKey.get(key);
        if (!b)
            out.push({ type: h.type, key, change: 'added', head: (0,_file_js__WEBPACK_IMPORTED_MODULE_0__/* .fullDef */ .ZX)(h), at: h });
        else if (!sameDefinition(b, h))
            out.push({ type: h.type, key, change: 'modified', base: (0,_file_js__WEBPACK_IMPORTED_MODULE_0__/* .fullDef */ .ZX)(b), head: (0,_file_js__WEBPACK_IMPORTED_MODULE_0__/* .fullDef */ .ZX)(h), at: h });
    }
    for (const [key, b] of base.byKey) {
        if (!head.byKey.has(key))
            out.push({ type: b.type, key, change: 'removed', base: (0,_file_js__WEBPACK_IMPORTED_MODULE_0__/* .fullDef */ .ZX)(b), at: b });
    }
    return out.sort((x, y) => compareAt(x.at, y.at));
}
function compareAt(a, b) {
    return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line;
}


/***/ }),

/***/ 3732:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CJ: () => (/* binding */ parseFile),
/* harmony export */   F8: () => (/* binding */ stripBom),
/* harmony export */   KJ: () => (/* binding */ newParseCache),
/* harmony export */   ZX: () => (/* binding */ fullDef),
/* harmony export */   ll: () => (/* binding */ deepProblems)
/* harmony export */ });
/* unused harmony exports Analysis, details */
/* harmony import */ var _lexer_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8005);
/* harmony import */ var _objects_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(296);
// One routine file → its object definitions, its DROP statements and the problems a reviewer must fix.
// Parsing is two-level: every statement's identity (cheap, from the header), and the full analysis
// (comparison form, runnable SQL, body checks) only for the statements that need it, once per distinct text.


/** Full analysis of one statement text, computed on first use and shared by every place the text occurs. */
class Analysis {
    stmt;
    result;
    constructor(stmt) {
        this.stmt = stmt;
    }
    /** Lines relative to the statement text starting on line 1. */
    get full() {
        return (this.result ??= (0,_objects_js__WEBPACK_IMPORTED_MODULE_1__/* .classify */ .L8)(this.stmt, 1));
    }
}
/** The full analysis of a definition with its file's line numbers. */
function details(d) {
    return (0,_objects_js__WEBPACK_IMPORTED_MODULE_1__/* .shiftLines */ .Gz)(d.analysis.full, d.startLine - 1);
}
/** The runnable, comparable definition (falls back to the text as written if the deep parse rejects it). */
function fullDef(d) {
    const c = details(d);
    if (c.kind === 'create')
        return c.def;
    const def = { type: d.type, name: d.name, key: d.key, line: d.line, orReplace: d.orReplace, ifNotExists: false,
        aggregate: false, canonical: d.text, sql: d.text.trim(), references: new Set() };
    if (d.schema !== undefined)
        def.schema = d.schema;
    return def;
}
function stripBom(text) {
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
/** 1-based line of each offset; offsets must not decrease between calls (statements come in order). */
function lineCounter(source) {
    let line = 1;
    let pos = 0;
    return (offset) => {
        for (let i = source.indexOf('\n', pos); i !== -1 && i < offset; i = source.indexOf('\n', i + 1))
            line++;
        if (offset > pos)
            pos = offset;
        return line;
    };
}
function newParseCache() {
    return { files: new Map(), statements: new Map() };
}
function parseFile(path, text, cache = newParseCache()) {
    const hit = cache.files.get(text);
    if (hit)
        return hit.path === path ? hit : { ...hit, path, defs: hit.defs.map((d) => ({ ...d, file: path })) };
    const parsed = parseText(path, text, cache.statements);
    cache.files.set(text, parsed);
    return parsed;
}
function classifyCached(stmt, cache) {
    // keyed by delimiter, then text: the delimiter decides the missing-DELIMITER warning
    let byText = cache.get(stmt.delimiter);
    if (!byText)
        cache.set(stmt.delimiter, (byText = new Map()));
    let c = byText.get(stmt.text);
    if (!c) {
        c = { quick: (0,_objects_js__WEBPACK_IMPORTED_MODULE_1__/* .classifyQuick */ ["in"])(stmt), analysis: new Analysis(stmt) };
        byText.set(stmt.text, c);
    }
    return c;
}
function parseText(path, text, statementCache) {
    const source = stripBom(text);
    const { statements, problems } = (0,_lexer_js__WEBPACK_IMPORTED_MODULE_0__/* .splitStatements */ .Xd)(source);
    const out = { path, defs: [], drops: [], problems: problems.map((p) => ({ ...p, severity: 'error' })),
        lexerProblemLines: problems.map((p) => p.line) };
    const lineAt = lineCounter(source);
    for (const stmt of statements) {
        const startLine = lineAt(stmt.start);
        const { quick, analysis } = classifyCached(stmt, statementCache);
        const delta = startLine - 1;
        switch (quick.kind) {
            case 'create':
                out.defs.push({ ...quick.header, line: quick.header.line + delta, file: path, text: stmt.text, startLine,
                    endLine: lineAt(stmt.end), analysis });
                break;
            case 'drop':
                for (const n of quick.names) {
                    out.drops.push({ type: quick.type, key: (0,_objects_js__WEBPACK_IMPORTED_MODULE_1__/* .objectKey */ .T5)(quick.type, n), name: n.name, ifExists: quick.ifExists, line: quick.line + delta });
                }
                break;
            case 'forbidden':
            case 'invalid':
                out.problems.push({ line: quick.line + delta, message: quick.message, severity: 'error' });
                break;
            case 'session':
            case 'empty':
                break;
        }
    }
    for (const d of out.drops) {
        if (!out.defs.some((def) => def.key === d.key)) {
            out.problems.push({ line: d.line, severity: 'warning', message: `DROP ${d.type} ${d.name} has no CREATE in this file and is not deployed: delete the object's definition to remove it` });
        }
    }
    out.problems.sort((a, b) => a.line - b.line);
    return out;
}
/**
 * Body checks of a definition whose text is new in head (text that already ran in base is not re-judged):
 * a rejected header shape, a block left open, a body that relies on a tool keeping `;` inside BEGIN … END.
 */
function deepProblems(d, file) {
    const c = details(d);
    if (c.kind === 'invalid' || c.kind === 'forbidden')
        return [{ line: c.line, message: c.message, severity: 'error' }];
    if (c.kind !== 'create')
        return [];
    const out = [];
    const def = c.def;
    // A lexer problem inside the statement (say an unterminated string) already explains an open block.
    const explained = file.lexerProblemLines.some((l) => l >= d.startLine && l <= d.endLine);
    if (def.unterminatedBlock && !explained) {
        out.push({ line: def.line, severity: 'error', message: `CREATE ${def.type} ${def.name}: a BEGIN … END (or CASE … END) block is still open where the ` +
                `statement ends at line ${d.endLine}: check its END and the DELIMITER around the routine` });
    }
    if (def.innerSemicolonLine !== undefined) {
        out.push({ line: def.line, severity: 'warning', message: `CREATE ${def.type} ${def.name}: the body contains ';' (line ${def.innerSemicolonLine}) but the ` +
                `statement is not wrapped in DELIMITER, so the mysql client would cut it there (the plan's SQL is unaffected)` });
    }
    return out;
}


/***/ }),

/***/ 9662:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ KEYWORDS)
/* harmony export */ });
// MySQL/MariaDB keywords whose letter case carries no meaning. Canonical comparison upper-cases these and
// keeps every other unquoted word as written, because table and view names are case-sensitive on Linux.
const LIST = `
ACCESSIBLE ACTION ADD AFTER AGAINST AGGREGATE ALGORITHM ALL ALTER ALWAYS ANALYZE AND ANY AS ASC ASCII ASENSITIVE AT
ATOMIC AUTO_INCREMENT AVG BEFORE BEGIN BETWEEN BIGINT BINARY BIT BLOB BOOL BOOLEAN BOTH BY CALL CASCADE CASCADED CASE
CAST CHAIN CHANGE CHAR CHARACTER CHARSET CHECK CLOSE COALESCE COLLATE COLLATION COLUMN COLUMNS COMMENT COMMIT
COMMITTED COMPLETION CONCAT CONCAT_WS CONDITION CONSTRAINT CONTAINS CONTINUE CONVERT COUNT CREATE CROSS CUME_DIST
CURDATE CURRENT CURRENT_DATE CURRENT_TIME CURRENT_TIMESTAMP CURRENT_USER CURSOR CURTIME DATA DATABASE DATABASES DATE
DATETIME DATE_ADD DATE_FORMAT DATE_SUB DAY DAY_HOUR DAY_MINUTE DAY_SECOND DEALLOCATE DEC DECIMAL DECLARE DEFAULT
DEFINER DELAYED DELETE DENSE_RANK DESC DESCRIBE DETERMINISTIC DISABLE DISTINCT DISTINCTROW DIV DO DOUBLE DROP DUAL
DUPLICATE EACH ELSE ELSEIF ENABLE ENCLOSED END ENDS ENUM ERRORS ESCAPE ESCAPED EVENT EVERY EXCEPTION EXECUTE EXISTS
EXIT EXPLAIN FALSE FETCH FIELDS FIRST FLOAT FLOAT4 FLOAT8 FLOOR FOLLOWS FOR FORCE FOREIGN FOUND FROM FULL FULLTEXT
FUNCTION GET GLOBAL GRANT GREATEST GROUP GROUP_CONCAT HANDLER HAVING HIGH_PRIORITY HOUR HOUR_MINUTE HOUR_SECOND IF
IFNULL IGNORE IN INDEX INFILE INNER INOUT INSENSITIVE INSERT INT INT1 INT2 INT3 INT4 INT8 INTEGER INTERVAL INTO INVOKER
IS ISNULL ITERATE JOIN JSON JSON_ARRAYAGG JSON_EXTRACT JSON_OBJECT JSON_UNQUOTE KEY KEYS KILL LAG LANGUAGE LAST
LAST_INSERT_ID LEAD LEADING LEAST LEAVE LEFT LENGTH LEVEL LIKE LIMIT LINES LOCAL LOCALTIME LOCALTIMESTAMP LOCK LONG
LONGBLOB LONGTEXT LOOP LOWER LOW_PRIORITY LTRIM MATCH MAX MEDIUMBLOB MEDIUMINT MEDIUMTEXT MERGE MESSAGE_TEXT MIN
MINUTE MINUTE_SECOND MOD MODIFIES MONTH MYSQL_ERRNO NAMES NATIONAL NATURAL NCHAR NEW NEXT NO NONE NOT NOW NULL NULLIF
NUMERIC OFFSET OLD ON ONLY OPEN OPTIMIZE OPTION OPTIONALLY OR ORDER OUT OUTER OUTFILE OVER PARTITION PERCENT_RANK
PRECEDES PRECISION PREPARE PRESERVE PRIMARY PROCEDURE PURGE QUARTER QUERY RANGE RANK READ READS REAL RECURSIVE
REFERENCES REGEXP RELEASE RENAME REPEAT REPEATABLE REPLACE REQUIRE RESIGNAL RESTRICT RETURN RETURNING RETURNS REVOKE
RIGHT RLIKE ROLLBACK ROUND ROW ROWS ROW_COUNT ROW_NUMBER RTRIM SAVEPOINT SCHEDULE SCHEMA SCHEMAS SECOND SECURITY
SELECT SENSITIVE SEPARATOR SERIALIZABLE SESSION SET SHARE SHOW SIGNAL SIGNED SMALLINT SOME SPATIAL SPECIFIC SQL
SQLEXCEPTION SQLSTATE SQLWARNING SQL_BIG_RESULT SQL_CALC_FOUND_ROWS SQL_SMALL_RESULT SSL START STARTING STARTS STATUS
STRAIGHT_JOIN SUBSTR SUBSTRING SUM SYSDATE TABLE TEMPORARY TEMPTABLE TERMINATED TEXT THEN TIME TIMESTAMP TIMESTAMPDIFF
TINYBLOB TINYINT TINYTEXT TO TRAILING TRANSACTION TRIGGER TRIM TRUE TRUNCATE UNCOMMITTED UNDEFINED UNDO UNION UNIQUE
UNLOCK UNSIGNED UNTIL UPDATE UPPER USAGE USE USING UTC_DATE UTC_TIME UTC_TIMESTAMP VALUE VALUES VARBINARY VARCHAR
VARCHARACTER VARYING VIEW WEEK WHEN WHERE WHILE WINDOW WITH WORK WRITE XOR YEAR YEAR_MONTH ZEROFILL
`;
const KEYWORDS = new Set(LIST.split(/\s+/).filter(Boolean));


/***/ }),

/***/ 296:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gz: () => (/* binding */ shiftLines),
/* harmony export */   L8: () => (/* binding */ classify),
/* harmony export */   Sp: () => (/* binding */ readQualifiedName),
/* harmony export */   T5: () => (/* binding */ objectKey),
/* harmony export */   "in": () => (/* binding */ classifyQuick)
/* harmony export */ });
/* unused harmony export OBJECT_TYPES */
/* harmony import */ var _lexer_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8005);
/* harmony import */ var _canonical_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4082);
/* harmony import */ var _keywords_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9662);
// Statement → what it means for the planner: a routine definition (with its parsed header), a paired
// `DROP … IF EXISTS`, a harmless session `SET`, or something that does not belong in a routine file.



const OBJECT_TYPES = ['PROCEDURE', 'FUNCTION', 'TRIGGER', 'EVENT', 'VIEW'];
const SKIP = new Set(['ws', 'comment', 'exec-open', 'exec-close']);
const isWord = (t, ...values) => t !== undefined && t.kind === 'word' && values.includes(t.value);
const isOp = (t, text) => t !== undefined && t.kind === 'op' && t.text === text;
/** Name part as the server sees it: backticks removed, unquoted words as written. */
function namePart(t) {
    if (!t)
        return undefined;
    if (t.kind === 'ident')
        return t.value;
    if (t.kind === 'word')
        return t.text;
    return undefined;
}
/** Reads `name` or `schema.name` at sig[i]; returns the name and the index after it. */
function readQualifiedName(sig, i) {
    const first = sig[i];
    // A lexer may keep `shop.p` as one word; split it the way the server would.
    if (first?.kind === 'word' && first.text.includes('.')) {
        const parts = first.text.split('.');
        if (parts.length === 2 && parts[0] && parts[1])
            return { name: { schema: parts[0], name: parts[1] }, next: i + 1 };
        return { next: i };
    }
    const a = namePart(first);
    if (a === undefined)
        return { next: i };
    if (isOp(sig[i + 1], '.')) {
        const b = namePart(sig[i + 2]);
        if (b === undefined)
            return { next: i };
        return { name: { schema: a, name: b }, next: i + 3 };
    }
    // `schema`.name may also come through as ident + word starting with '.'
    const nxt = sig[i + 1];
    if (nxt && nxt.kind === 'word' && nxt.text.startsWith('.') && nxt.start === first.end) {
        return { name: { schema: a, name: nxt.text.slice(1) }, next: i + 2 };
    }
    return { name: { name: a }, next: i + 1 };
}
/** Identity of an object: routine and event names are case-insensitive, trigger/view names are not (Linux). */
function objectKey(type, n) {
    const name = type === 'PROCEDURE' || type === 'FUNCTION' || type === 'EVENT' ? n.name.toLowerCase() : n.name;
    return `${type}\u0000${n.schema ?? ''}\u0000${name}`;
}
const FORBIDDEN_HINT = 'only CREATE/DROP of procedures, functions, triggers, events and views belong in a routine file';
/** `INSERT INTO`, `ALTER TABLE`, `CALL`: the statement's leading keywords, for messages. */
function describe(sig) {
    const first = sig[0];
    if (first.kind !== 'word')
        return first.text;
    const second = sig[1];
    return second?.kind === 'word' && _keywords_js__WEBPACK_IMPORTED_MODULE_2__/* .KEYWORDS */ .d.has(second.value) ? `${first.value} ${second.value}` : first.value;
}
/** Classifies one statement. `baseLine` is the line of the statement text's first character. */
function classify(stmt, baseLine) {
    const tokens = (0,_lexer_js__WEBPACK_IMPORTED_MODULE_0__/* .tokenize */ .qw)(stmt.text, baseLine);
    const sig = tokens.filter((t) => !SKIP.has(t.kind));
    const head = sig[0];
    if (!head)
        return { kind: 'empty' };
    if (isWord(head, 'CREATE')) {
        const c = classifyCreate(stmt.text, tokens, sig);
        if (c.kind === 'create' && stmt.delimiter === ';') {
            const semi = sig.find((t) => isOp(t, ';'));
            if (semi)
                c.def.innerSemicolonLine = semi.line;
        }
        return c;
    }
    if (isWord(head, 'DROP'))
        return classifyDrop(sig);
    if (isWord(head, 'SET')) {
        const scope = sig[1];
        if (isWord(scope, 'GLOBAL', 'PERSIST', 'PERSIST_ONLY', 'PASSWORD', 'ROLE', 'DEFAULT') ||
            sig.some((t) => t.kind === 'variable' && /^@@(global|persist)\./i.test(t.text))) {
            return { kind: 'forbidden', line: head.line, message: `${describe(sig)} changes server state: ${FORBIDDEN_HINT}` };
        }
        return { kind: 'session' };
    }
    if (isWord(head, 'USE')) {
        return { kind: 'forbidden', line: head.line,
            message: 'USE switches the database, but the DMS ticket runs on its target database: qualify names instead' };
    }
    return { kind: 'forbidden', line: head.line, message: `${describe(sig)} statement: ${FORBIDDEN_HINT}` };
}
function typeOf(t) {
    return t && t.kind === 'word' ? OBJECT_TYPES.find((o) => o === t.value) : undefined;
}
function classifyDrop(sig) {
    const line = sig[0].line;
    let i = 1;
    if (isWord(sig[i], 'TEMPORARY'))
        i++;
    const type = typeOf(sig[i]);
    if (!type)
        return { kind: 'forbidden', line, message: `${describe(sig)} statement: ${FORBIDDEN_HINT}` };
    i++;
    let ifExists = false;
    if (isWord(sig[i], 'IF') && isWord(sig[i + 1], 'EXISTS')) {
        ifExists = true;
        i += 2;
    }
    const names = [];
    for (;;) {
        const r = readQualifiedName(sig, i);
        if (!r.name)
            return { kind: 'invalid', line, message: `DROP ${type}: expected a name` };
        names.push(r.name);
        i = r.next;
        if (!isOp(sig[i], ','))
            break;
        i++;
    }
    // DROP VIEW … RESTRICT|CASCADE is accepted (and ignored) by the server
    if (type === 'VIEW' && isWord(sig[i], 'RESTRICT', 'CASCADE'))
        i++;
    if (i < sig.length)
        return { kind: 'invalid', line, message: `DROP ${type}: unexpected '${sig[i].text}' after the name` };
    return { kind: 'drop', type, ifExists, names, line };
}
const HEADER_STOP = new Set(['SQL', 'PROCEDURE', 'FUNCTION', 'TRIGGER', 'EVENT', 'VIEW', 'AGGREGATE', 'ALGORITHM']);
function parseCreateHeader(text, sig) {
    const line = sig[0].line;
    let i = 1;
    let orReplace = false;
    let aggregate = false;
    let algorithm = '';
    let definer;
    let definerCanon = '';
    let security = '';
    let securityDefinerLine;
    if (isWord(sig[i], 'OR') && isWord(sig[i + 1], 'REPLACE')) {
        orReplace = true;
        i += 2;
    }
    for (;;) {
        const t = sig[i];
        if (isWord(t, 'ALGORITHM') && isOp(sig[i + 1], '=')) {
            if (!sig[i + 2] || sig[i + 2].kind !== 'word')
                return { kind: 'invalid', line, message: 'CREATE: ALGORITHM needs a value' };
            algorithm = sig[i + 2].value;
            i += 3;
        }
        else if (isWord(t, 'DEFINER') && isOp(sig[i + 1], '=')) {
            let j = i + 2;
            while (j < sig.length && !(sig[j].kind === 'word' && HEADER_STOP.has(sig[j].value)))
                j++;
            const parts = sig.slice(i + 2, j);
            if (parts.length === 0)
                return { kind: 'invalid', line, message: 'CREATE: DEFINER needs an account' };
            const written = text.slice(parts[0].start, parts[parts.length - 1].end);
            definerCanon = parts.map((p) => p.text.replace(/[`'"]/g, '')).join('').toLowerCase();
            const currentUser = isWord(parts[0], 'CURRENT_USER');
            if (!currentUser)
                definer = { text: written, line: t.line };
            i = j;
        }
        else if (isWord(t, 'SQL') && isWord(sig[i + 1], 'SECURITY') && isWord(sig[i + 2], 'DEFINER', 'INVOKER')) {
            security = sig[i + 2].value;
            if (security === 'DEFINER')
                securityDefinerLine = t.line;
            i += 3;
        }
        else if (isWord(t, 'AGGREGATE')) {
            aggregate = true;
            i++;
        }
        else
            break;
    }
    const typeTok = sig[i];
    const type = typeOf(typeTok);
    if (!type) {
        const what = typeTok?.kind === 'word' ? typeTok.value : (typeTok?.text ?? 'end of statement');
        const known = ['TABLE', 'INDEX', 'DATABASE', 'SCHEMA', 'USER', 'ROLE', 'SEQUENCE', 'TEMPORARY', 'UNIQUE', 'SERVER',
            'TABLESPACE', 'PACKAGE', 'FULLTEXT', 'SPATIAL', 'LOGFILE'];
        if (typeTok?.kind === 'word' && known.includes(typeTok.value)) {
            return { kind: 'forbidden', line, message: `CREATE ${what} statement: ${FORBIDDEN_HINT}` };
        }
        return { kind: 'invalid', line, message: `unparseable CREATE header: expected PROCEDURE, FUNCTION, TRIGGER, EVENT or VIEW, found '${what}'` };
    }
    if (aggregate && type !== 'FUNCTION')
        return { kind: 'invalid', line, message: 'unparseable CREATE header: AGGREGATE applies only to FUNCTION' };
    i++;
    let ifNotExists = false;
    if (isWord(sig[i], 'IF') && isWord(sig[i + 1], 'NOT') && isWord(sig[i + 2], 'EXISTS')) {
        ifNotExists = true;
        i += 3;
    }
    const r = readQualifiedName(sig, i);
    if (!r.name) {
        return { kind: 'invalid', line, message: `unparseable CREATE ${type} header: expected a name, found '${sig[i]?.text ?? 'end of statement'}'` };
    }
    const h = { kind: 'header', type, name: r.name, line, orReplace, ifNotExists, aggregate, next: r.next,
        canon: [type, aggregate ? 'AGGREGATE' : '', algorithm, definerCanon, security].join('|') };
    if (definer)
        h.definer = definer;
    if (securityDefinerLine !== undefined)
        h.securityDefinerLine = securityDefinerLine;
    return h;
}
/**
 * Identity only: a CREATE's header is read from a prefix of the text, so the bodies of objects that did not
 * change are never tokenized. Other statements are short (or errors) and get the full classification.
 */
function classifyQuick(stmt) {
    const text = stmt.text;
    for (let len = 160;; len *= 4) {
        const whole = len >= text.length;
        const sig = (0,_lexer_js__WEBPACK_IMPORTED_MODULE_0__/* .tokenize */ .qw)(whole ? text : text.slice(0, len), 1).filter((t) => !SKIP.has(t.kind));
        const head = sig[0];
        if (!head && !whole)
            continue;
        if (!head || !isWord(head, 'CREATE')) {
            const c = classify(stmt, 1);
            if (c.kind !== 'create')
                return c;
            return { kind: 'create', header: headerOf(c.def) };
        }
        const h = parseCreateHeader(text, sig);
        // A header cut by the prefix (or a name that may continue past it) needs a longer look.
        if (!whole && (h.kind !== 'header' || h.next >= sig.length))
            continue;
        if (h.kind !== 'header')
            return h.kind === 'create' ? { kind: 'create', header: headerOf(h.def) } : h;
        return { kind: 'create', header: { type: h.type, ...h.name, key: objectKey(h.type, h.name), line: h.line, orReplace: h.orReplace } };
    }
}
function headerOf(d) {
    const h = { type: d.type, name: d.name, key: d.key, line: d.line, orReplace: d.orReplace };
    if (d.schema !== undefined)
        h.schema = d.schema;
    return h;
}
function classifyCreate(text, tokens, sig) {
    const h = parseCreateHeader(text, sig);
    if (h.kind !== 'header')
        return h;
    const { type, line, orReplace, ifNotExists, aggregate, definer } = h;
    let securityDefinerLine = h.securityDefinerLine;
    const r = { name: h.name, next: h.next };
    const rest = sig.slice(r.next);
    const shapeError = checkShape(type, rest);
    if (shapeError)
        return { kind: 'invalid', line, message: `unparseable CREATE ${type} ${r.name.name}: ${shapeError}` };
    // SQL SECURITY may also be a characteristic after the parameter list (procedures, functions).
    for (let k = 0; k + 2 < rest.length; k++) {
        if (isWord(rest[k], 'SQL') && isWord(rest[k + 1], 'SECURITY') && isWord(rest[k + 2], 'DEFINER')) {
            securityDefinerLine ??= rest[k].line;
            break;
        }
    }
    const header = h.canon;
    // Only views are ordered by what they read (CREATE VIEW checks that its tables and functions exist).
    const references = new Set();
    if (type === 'VIEW')
        for (const t of rest)
            if (t.kind === 'word' || t.kind === 'ident')
                references.add((t.kind === 'ident' ? t.value : t.text).toLowerCase());
    const def = {
        type, ...r.name, key: objectKey(type, r.name), line, orReplace, ifNotExists, aggregate,
        canonical: `${header}\u0000${(0,_canonical_js__WEBPACK_IMPORTED_MODULE_1__/* .canonicalTokens */ .F)(rest)}`,
        sql: renderDefinition(text, tokens, sig, type === 'VIEW'),
        references
    };
    if (definer)
        def.definer = definer;
    if (securityDefinerLine !== undefined)
        def.securityDefinerLine = securityDefinerLine;
    if (type !== 'VIEW' && !blocksBalanced(rest))
        def.unterminatedBlock = true;
    return { kind: 'create', def };
}
/** Minimal shape checks that catch a broken header before the server would. */
function checkShape(type, rest) {
    const first = rest[0];
    switch (type) {
        case 'PROCEDURE':
        case 'FUNCTION':
            if (!isOp(first, '('))
                return `expected '(' after the name, found '${first?.text ?? 'end of statement'}'`;
            return undefined;
        case 'TRIGGER':
            if (!isWord(first, 'BEFORE', 'AFTER'))
                return `expected BEFORE or AFTER, found '${first?.text ?? 'end of statement'}'`;
            if (!isWord(rest[1], 'INSERT', 'UPDATE', 'DELETE'))
                return `expected INSERT, UPDATE or DELETE, found '${rest[1]?.text ?? 'end of statement'}'`;
            if (!isWord(rest[2], 'ON'))
                return `expected ON <table>, found '${rest[2]?.text ?? 'end of statement'}'`;
            return undefined;
        case 'EVENT':
            if (!isWord(first, 'ON') || !isWord(rest[1], 'SCHEDULE'))
                return `expected ON SCHEDULE, found '${first?.text ?? 'end of statement'}'`;
            if (!rest.some((t) => isWord(t, 'DO')))
                return 'expected DO <body>';
            return undefined;
        case 'VIEW':
            if (!rest.some((t) => isWord(t, 'AS')))
                return 'expected AS <select>';
            return undefined;
    }
}
/**
 * BEGIN/CASE open a block that a plain END (or END CASE) closes; END IF/LOOP/WHILE/REPEAT close their own
 * statements, whose openers we need not count. A routine cut at an inner `;` (no DELIMITER) is left open.
 */
function blocksBalanced(sig) {
    let depth = 0;
    for (let k = 0; k < sig.length; k++) {
        const t = sig[k];
        if (t.kind !== 'word')
            continue;
        if (t.value === 'BEGIN' || (t.value === 'CASE' && !isWord(sig[k - 1], 'END')))
            depth++;
        else if (t.value === 'END' && !isWord(sig[k + 1], 'IF', 'LOOP', 'WHILE', 'REPEAT', 'FOR')) {
            if (isOp(sig[k - 1], '.'))
                continue; // a column called `end`: t.end
            depth--;
            if (depth < 0)
                return false;
        }
    }
    return depth === 0;
}
/**
 * The definition as the server should receive it: from the first to the last significant token (so a
 * trailing `-- comment` cannot swallow the delimiter we append), executable-comment markers replaced by a
 * space (mysqldump's `/*!50003 CREATE*\/ … *\/`), and for views `OR REPLACE` in place of `IF NOT EXISTS`.
 */
function renderDefinition(text, tokens, sig, view) {
    const from = sig[0].start;
    const to = sig[sig.length - 1].end;
    let out = '';
    let pos = from;
    const push = (upTo, replacement) => { out += text.slice(pos, upTo) + replacement; };
    let orReplaceDone = !view || (isWord(sig[1], 'OR') && isWord(sig[2], 'REPLACE'));
    for (let k = 0; k < tokens.length; k++) {
        const t = tokens[k];
        if (t.start < from || t.end > to)
            continue;
        if (t.kind === 'exec-open' || t.kind === 'exec-close') {
            // a space only where removing the marker would glue two tokens together
            const glue = !/\s/.test(text[t.start - 1] ?? ' ') && !/\s/.test(text[t.end] ?? ' ');
            push(t.start, glue ? ' ' : '');
            pos = t.end;
        }
        else if (!orReplaceDone && t === sig[0]) {
            push(t.end, ' OR REPLACE');
            pos = t.end;
            orReplaceDone = true;
        }
        else if (view && isWord(t, 'IF')) {
            // `VIEW IF NOT EXISTS name` cannot be combined with OR REPLACE
            const idx = sig.indexOf(t);
            if (typeOf(sig[idx - 1]) === 'VIEW' && isWord(sig[idx + 1], 'NOT') && isWord(sig[idx + 2], 'EXISTS')) {
                push(t.start, '');
                pos = sig[idx + 2].end;
                k = tokens.indexOf(sig[idx + 2]);
            }
        }
    }
    out += text.slice(pos, to);
    return out;
}
/** The same classification for a statement that starts `delta` lines further down (for cached results). */
function shiftLines(c, delta) {
    if (delta === 0)
        return c;
    switch (c.kind) {
        case 'create': {
            const d = c.def;
            const def = { ...d, line: d.line + delta };
            if (d.definer)
                def.definer = { text: d.definer.text, line: d.definer.line + delta };
            if (d.securityDefinerLine !== undefined)
                def.securityDefinerLine = d.securityDefinerLine + delta;
            if (d.innerSemicolonLine !== undefined)
                def.innerSemicolonLine = d.innerSemicolonLine + delta;
            return { kind: 'create', def };
        }
        case 'drop':
        case 'forbidden':
        case 'invalid':
            return { ...c, line: c.line + delta };
        case 'session':
        case 'empty':
            return c;
    }
}


/***/ }),

/***/ 4961:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Zy: () => (/* binding */ DEFAULT_INCLUDE),
  el: () => (/* binding */ DEFAULT_ROLLBACK_PATTERN),
  et: () => (/* binding */ plan),
  jr: () => (/* binding */ rollbackPathFor),
  bs: () => (/* binding */ routineFileFilter)
});

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./src/sql/lexer.ts + 9 modules
var lexer = __webpack_require__(8005);
// EXTERNAL MODULE: ./src/sql/diff.ts
var diff = __webpack_require__(8481);
// EXTERNAL MODULE: ./src/sql/file.ts
var file = __webpack_require__(3732);
;// CONCATENATED MODULE: ./src/sql/lint.ts

/** `baseTexts`: statement texts of every base definition (those already ran; their bodies are not re-judged). */
function lint(changedHeadFiles, duplicates, changes, headFiles, baseTexts) {
    const errors = [];
    const warnings = [];
    const changedPaths = new Set(changedHeadFiles.map((f) => f.path));
    for (const f of changedHeadFiles) {
        const problems = [...f.problems, ...f.defs.filter((d) => !baseTexts.has(d.text)).flatMap((d) => (0,file/* deepProblems */.ll)(d, f))];
        for (const p of problems)
            (p.severity === 'error' ? errors : warnings).push({ file: f.path, line: p.line, message: p.message });
    }
    for (const { first, again } of duplicates) {
        if (!changedPaths.has(first.file) && !changedPaths.has(again.file))
            continue;
        errors.push({ file: again.file, line: again.line,
            message: `${again.type} ${again.name} is defined twice (first at ${first.file}:${first.line})` });
    }
    for (const c of changes) {
        const h = c.head;
        if (!h)
            continue;
        const file = c.at.file;
        if (h.definer) {
            warnings.push({ file, line: h.definer.line,
                message: `${h.type} ${h.name}: DEFINER = ${h.definer.text} (DMS runs the ticket as its own account; drop the clause)` });
        }
        if (h.securityDefinerLine !== undefined) {
            warnings.push({ file, line: h.securityDefinerLine,
                message: `${h.type} ${h.name}: SQL SECURITY DEFINER runs with the definer's privileges; prefer SQL SECURITY INVOKER` });
        }
        if (c.change === 'modified' && !h.orReplace) {
            const drops = headFiles.get(file)?.drops ?? [];
            if (!drops.some((d) => d.key === c.key && d.ifExists)) {
                warnings.push({ file, line: h.line,
                    message: `${h.type} ${h.name} is modified but its file has no DROP ${h.type} IF EXISTS, so the file cannot be re-run as is` });
            }
        }
    }
    const order = (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line);
    return { errors: errors.sort(order), warnings: warnings.sort(order) };
}

// EXTERNAL MODULE: ./src/sql/render.ts
var render = __webpack_require__(1374);
;// CONCATENATED MODULE: ./src/sql/plan.ts
// The planner: two source trees → the changed routine objects, their deploy and rollback SQL, and findings.
// Pure: no I/O (sources are read by src/sources).






const DEFAULT_INCLUDE = ['**/*.sql'];
const DEFAULT_ROLLBACK_PATTERN = '{dir}/{name}.rollback.sql';
function rollbackPathFor(file, pattern = DEFAULT_ROLLBACK_PATTERN) {
    const slash = file.lastIndexOf('/');
    const dir = slash === -1 ? '' : file.slice(0, slash);
    const base = file.slice(slash + 1);
    const name = base.replace(/\.sql$/i, '');
    return pattern.replace(/\{dir\}/g, dir).replace(/\{name\}/g, name).replace(/\{file\}/g, base)
        .replace(/\/{2,}/g, '/').replace(/^\.?\//, '');
}
/**
 * Which of the given paths are routine files: included by the globs and not a rollback file (`*.rollback.sql`,
 * or the rollback path of another candidate under a custom pattern).
 */
function routineFileFilter(paths, options = {}) {
    const included = picomatch_default()(options.include?.length ? options.include : DEFAULT_INCLUDE, { dot: true });
    const pattern = options.rollbackPattern ?? DEFAULT_ROLLBACK_PATTERN;
    const candidates = new Set([...paths].filter((p) => included(p)));
    const rollbackFiles = new Set();
    for (const p of candidates) {
        if (p.toLowerCase().endsWith('.rollback.sql'))
            rollbackFiles.add(p);
        else
            rollbackFiles.add(rollbackPathFor(p, pattern));
    }
    return (p) => candidates.has(p) && !rollbackFiles.has(p);
}
function plan(base, head, options = {}) {
    const pattern = options.rollbackPattern ?? DEFAULT_ROLLBACK_PATTERN;
    const isRoutineFile = routineFileFilter([...base.keys(), ...head.keys()], options);
    const cache = (0,file/* newParseCache */.KJ)();
    const parseTree = (tree) => [...tree.keys()].filter(isRoutineFile).sort().map((p) => (0,file/* parseFile */.CJ)(p, tree.get(p), cache));
    const baseFiles = parseTree(base);
    const headFiles = parseTree(head);
    const baseIndex = (0,diff/* indexObjects */.Je)(baseFiles);
    const headIndex = (0,diff/* indexObjects */.Je)(headFiles);
    const changes = (0,diff/* diffObjects */.wc)(baseIndex, headIndex);
    const changedHeadFiles = headFiles.filter((f) => base.get(f.path) !== head.get(f.path));
    const headByPath = new Map(headFiles.map((f) => [f.path, f]));
    const baseTexts = new Set(baseFiles.flatMap((f) => f.defs.map((d) => d.text)));
    const { errors, warnings } = lint(changedHeadFiles, headIndex.duplicates, changes, headByPath, baseTexts);
    // A reviewer's rollback file replaces the generated rollback of every changed object of its routine file.
    const overrides = new Map();
    const generated = changes.filter((c) => {
        const rb = rollbackPathFor(c.at.file, pattern);
        const text = head.get(rb);
        if (text === undefined)
            return true;
        overrides.set(rb, text);
        return false;
    });
    const overrideStatements = [];
    for (const rb of [...overrides.keys()].sort()) {
        const { statements, problems } = (0,lexer/* splitStatements */.Xd)((0,file/* stripBom */.F8)(overrides.get(rb)));
        for (const p of problems)
            errors.push({ file: rb, line: p.line, message: `rollback file: ${p.message}` });
        for (const s of statements)
            overrideStatements.push((0,render/* trimStatement */.y5)(s.text));
    }
    errors.sort(diff/* compareAt */.Ln);
    const objects = changes.map((c) => {
        const o = { type: c.type, name: c.at.name, change: c.change, file: c.at.file, line: c.at.line };
        if (c.at.schema !== undefined)
            o.schema = c.at.schema;
        return o;
    });
    return {
        objects: objects.map(({ type, schema, name, change, file, line }) => (schema === undefined ? { type, name, change, file, line } : { type, schema, name, change, file, line })),
        execSql: (0,render/* toScript */.bQ)((0,render/* execStatements */.OB)(changes)),
        rollbackSql: (0,render/* toScript */.bQ)([...(0,render/* rollbackStatements */.ro)(generated), ...overrideStatements]),
        errors: dedupe(errors),
        warnings: dedupe(warnings)
    };
}
function dedupe(list) {
    const seen = new Set();
    return list.filter((f) => {
        const k = `${f.file}\u0000${f.line}\u0000${f.message}`;
        if (seen.has(k))
            return false;
        seen.add(k);
        return true;
    });
}


/***/ }),

/***/ 1374:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OB: () => (/* binding */ execStatements),
/* harmony export */   SA: () => (/* binding */ dropSql),
/* harmony export */   bQ: () => (/* binding */ toScript),
/* harmony export */   ro: () => (/* binding */ rollbackStatements),
/* harmony export */   y5: () => (/* binding */ trimStatement)
/* harmony export */ });
/* unused harmony exports quoteIdent, chooseDelimiter */
/* harmony import */ var _lexer_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8005);
// execSql / rollbackSql: ordered statements in the DELIMITER form the mariadb client and DMS both accept.

function quoteIdent(name) {
    return '`' + name.replace(/`/g, '``') + '`';
}
function dropSql(def) {
    const name = (def.schema !== undefined ? quoteIdent(def.schema) + '.' : '') + quoteIdent(def.name);
    return `DROP ${def.type} IF EXISTS ${name}`;
}
// Drops go dependents-first, creates dependencies-first: views read functions (checked at CREATE VIEW),
// triggers and events call procedures and functions.
const DROP_ORDER = ['VIEW', 'TRIGGER', 'EVENT', 'PROCEDURE', 'FUNCTION'];
const CREATE_ORDER = ['FUNCTION', 'PROCEDURE', 'VIEW', 'TRIGGER', 'EVENT'];
function byType(defs, order) {
    return order.flatMap((type) => {
        const ofType = defs.filter((d) => d.type === type);
        return type === 'VIEW' ? viewsInDependencyOrder(ofType) : ofType;
    });
}
/** Stable topological order: a view comes after the views (in the same set) whose names it mentions. */
function viewsInDependencyOrder(views) {
    const out = [];
    const state = new Map();
    const visit = (v) => {
        if (state.get(v))
            return; // done, or a cycle (the server will report it)
        state.set(v, 'visiting');
        for (const w of views)
            if (w !== v && v.references.has(w.name.toLowerCase()))
                visit(w);
        state.set(v, 'done');
        out.push(v);
    };
    views.forEach(visit);
    return out;
}
function recreate(defs) {
    return byType(defs, CREATE_ORDER).flatMap((d) => [dropSql(d), d.sql]);
}
/** Deploy: drop what was removed, then (re)create what was added or modified. */
function execStatements(changes) {
    const removed = changes.filter((c) => c.change === 'removed').map((c) => c.base);
    const created = changes.filter((c) => c.change !== 'removed').map((c) => c.head);
    return [...byType(removed, DROP_ORDER).map(dropSql), ...recreate(created)];
}
/** Undo: drop what was added, then restore the base definition of what was modified or removed. */
function rollbackStatements(changes) {
    const added = changes.filter((c) => c.change === 'added').map((c) => c.head);
    const restored = changes.filter((c) => c.change !== 'added').map((c) => c.base);
    return [...byType(added, DROP_ORDER).map(dropSql), ...recreate(restored)];
}
/** A statement without leading/trailing comments, so an appended delimiter is never inside a comment. */
function trimStatement(text) {
    const sig = (0,_lexer_js__WEBPACK_IMPORTED_MODULE_0__/* .tokenize */ .qw)(text).filter((t) => t.kind !== 'ws' && t.kind !== 'comment');
    if (sig.length === 0)
        return '';
    return text.slice(sig[0].start, sig[sig.length - 1].end);
}
const DELIMITERS = ['$$', '//', ';;', '$$$', '%%', '~~', '@@@'];
/** Picks a delimiter that occurs nowhere in the statements (so also never in their code). */
function chooseDelimiter(statements) {
    for (const d of DELIMITERS)
        if (!statements.some((s) => s.includes(d)))
            return d;
    for (let n = 1;; n++) {
        const d = `$$${n}$$`;
        if (!statements.some((s) => s.includes(d)))
            return d;
    }
}
/** `DELIMITER $$` … `DELIMITER ;`, or '' when there is nothing to run. */
function toScript(statements) {
    const list = statements.filter((s) => s.length > 0);
    if (list.length === 0)
        return '';
    const d = chooseDelimiter(list);
    return `DELIMITER ${d}\n${list.map((s) => `${s}${d}\n`).join('')}DELIMITER ;\n`;
}


/***/ })

};
