export const id = 409;
export const ids = [409];
export const modules = {

/***/ 6053:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AI: () => (/* binding */ globProblem),
/* harmony export */   Fd: () => (/* binding */ normalizePath),
/* harmony export */   jN: () => (/* binding */ matcher),
/* harmony export */   z9: () => (/* binding */ pathProblem)
/* harmony export */ });
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_0__);
// Path globs (picomatch): validation with a reason, and matchers. Paths are repository-relative with '/'.

// dot: a routine under `.db/` is still a routine; strictBrackets: `[a-` is a typo, not a literal.
const OPTIONS = { dot: true, strictBrackets: true };
/** Why `glob` is not a usable repository path glob, or null when it is. */
function globProblem(glob) {
    if (glob.trim() === '')
        return 'must not be empty';
    if (glob !== glob.trim())
        return 'must not start or end with spaces';
    if (glob.startsWith('/'))
        return "must be relative to the repository root (no leading '/')";
    if (glob.startsWith('./'))
        return "must be relative to the repository root (no leading './')";
    if (glob.startsWith('!'))
        return "negation ('!') is not supported here; list the pattern under exclude";
    if (glob.includes('\\'))
        return "must use '/' as the path separator (backslash found)";
    if (glob.split('/').includes('..'))
        return "must not contain '..' segments";
    try {
        picomatch__WEBPACK_IMPORTED_MODULE_0___default().makeRe(glob, OPTIONS);
    }
    catch (err) {
        return `is not a valid glob: ${err.message}`;
    }
    return null;
}
/** Why `path` is not a usable repository-relative file path, or null when it is. */
function pathProblem(path) {
    if (path.trim() === '')
        return 'must not be empty';
    if (path !== path.trim())
        return 'must not start or end with spaces';
    if (path.startsWith('/'))
        return "must be relative to the repository root (no leading '/')";
    if (path.includes('\\'))
        return "must use '/' as the path separator (backslash found)";
    if (path.split('/').includes('..'))
        return "must not contain '..' segments";
    if (path.endsWith('/'))
        return 'must name a file, not a directory';
    return null;
}
/** A matcher for any of `globs` (none → matches nothing). Globs must have passed globProblem. */
function matcher(globs) {
    if (globs.length === 0)
        return () => false;
    return picomatch__WEBPACK_IMPORTED_MODULE_0___default()([...globs], OPTIONS);
}
/** `./a/b.sql` → `a/b.sql` (git and the GitHub API give plain relative paths; tolerate './'). */
function normalizePath(path) {
    let p = path.replace(/\\/g, '/');
    while (p.startsWith('./'))
        p = p.slice(2);
    return p;
}


/***/ }),

/***/ 7437:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I5: () => (/* binding */ resolveEncodingLabel),
/* harmony export */   VR: () => (/* binding */ encodingChoice),
/* harmony export */   Zv: () => (/* binding */ pairSides),
/* harmony export */   _6: () => (/* binding */ decodeUtf8),
/* harmony export */   az: () => (/* binding */ UTF8),
/* harmony export */   oe: () => (/* binding */ decoderFor),
/* harmony export */   qL: () => (/* binding */ decodeAll)
/* harmony export */ });
/* unused harmony exports COMMON_ENCODINGS, firstInvalidUtf8, decodeSource */
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4573);
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_buffer__WEBPACK_IMPORTED_MODULE_0__);
// File bytes → text for the planner. Pure (no I/O): every reader (a directory, git objects, the GitHub API, a
// tarball) hands its bytes to a Decoder. UTF-8 is read strictly (a BOM is allowed): a file that is not valid
// UTF-8 is an error naming the file and the line of its first bad byte, never text with U+FFFD in it, unless a
// legacy encoding is configured for the file (GBK, GB18030, Big5, Latin-1, …); then it is decoded from that,
// and the planner (hence DMS) only ever sees Unicode text, shipped as UTF-8.

const UTF8 = { kind: 'utf-8' };
// ---- encoding names ----
/** Names we document; any other WHATWG label of an ASCII-compatible encoding works too (shift_jis, euc-kr …). */
const COMMON_ENCODINGS = ['utf-8', 'gbk', 'gb18030', 'big5', 'latin1'];
/** Encodings whose bytes do not keep ASCII (newlines, quotes) as ASCII: lines and SQL cannot be found in them. */
const NOT_ASCII_COMPATIBLE = new Set(['utf-16le', 'utf-16be', 'iso-2022-jp', 'replacement']);
/** The TextDecoder name of `label`, or why it cannot be used. */
function resolveEncodingLabel(label) {
    let encoding;
    try {
        encoding = new TextDecoder(label.trim()).encoding;
    }
    catch {
        return { problem: `unknown encoding '${label}' (use one of ${COMMON_ENCODINGS.join(', ')}, or another WHATWG encoding name)` };
    }
    if (NOT_ASCII_COMPATIBLE.has(encoding)) {
        return { problem: `encoding '${label}' is not supported: SQL files must keep ASCII as ASCII (save the file as UTF-8)` };
    }
    return { encoding };
}
/** An encoding choice for `label` configured at `from`; UTF-8 labels give the strict UTF-8 choice. */
function encodingChoice(label, from) {
    const r = resolveEncodingLabel(label);
    if ('problem' in r)
        return r;
    return r.encoding === 'utf-8' ? UTF8 : { kind: 'legacy', encoding: r.encoding, label: label.trim(), from };
}
// ---- decoding ----
/**
 * windows-1252 (WHATWG's and MySQL's `latin1`): 0x80–0x9F are €, ‚, ƒ, „ … Node 20's TextDecoder decodes this
 * label as ISO-8859-1 (0x80 → U+0080), so those 32 bytes are mapped here; every other byte is its code point.
 */
const CP1252_HIGH = [0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
    0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178];
function decodeCp1252(bytes) {
    const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    return latin1.replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80]));
}
/** Decodes `bytes` as `encoding`; throws on bytes it cannot decode (cp1252 decodes every byte). */
function decodeStrict(bytes, encoding) {
    return encoding === 'windows-1252' ? decodeCp1252(bytes) : new TextDecoder(encoding, { fatal: true }).decode(bytes);
}
const hex = (b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;
/** 1-based line of byte offset `at` (LF counts; every supported encoding keeps 0x0A as a line break only). */
function lineOfByte(bytes, at) {
    let line = 1;
    for (let i = bytes.indexOf(0x0a); i !== -1 && i < at; i = bytes.indexOf(0x0a, i + 1))
        line++;
    return line;
}
/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence (Unicode table 3-7). */
function firstInvalidUtf8(bytes) {
    const n = bytes.length;
    let i = 0;
    while (i < n) {
        const b = bytes[i];
        if (b < 0x80) {
            i++;
            continue;
        }
        let need;
        let lo = 0x80;
        let hi = 0xbf;
        if (b >= 0xc2 && b <= 0xdf)
            need = 1;
        else if (b >= 0xe0 && b <= 0xef) {
            need = 2;
            if (b === 0xe0)
                lo = 0xa0;
            else if (b === 0xed)
                hi = 0x9f;
        }
        else if (b >= 0xf0 && b <= 0xf4) {
            need = 3;
            if (b === 0xf0)
                lo = 0x90;
            else if (b === 0xf4)
                hi = 0x8f;
        }
        else
            return i;
        for (let k = 1; k <= need; k++) {
            const c = bytes[i + k];
            if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf))
                return i;
        }
        i += need + 1;
    }
    return -1;
}
/** Line of the first line that `encoding` cannot decode (lines split at LF, which no supported encoding reuses). */
function firstUndecodableLine(bytes, encoding) {
    const decoder = new TextDecoder(encoding, { fatal: true });
    let start = 0;
    for (let line = 1;; line++) {
        let end = bytes.indexOf(0x0a, start);
        const last = end === -1;
        if (last)
            end = bytes.length;
        try {
            decoder.decode(bytes.subarray(start, end + (last ? 0 : 1)), { stream: !last });
        }
        catch {
            return { line, at: start };
        }
        if (last)
            return { line, at: start };
        start = end + 1;
    }
}
const CONFIGURE = 'configure its encoding (`encoding:` in .github/dms-proc-gate.yml, or plan --encoding) if it is GBK, Big5, Latin-1 …, or save it as UTF-8';
/** Binary content: a NUL byte (no SQL text has one), reported without echoing the bytes. */
function binaryError(bytes, path) {
    const nul = bytes.indexOf(0);
    if (nul === -1)
        return undefined;
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
        return { file: path, line: 1, message: 'the file is UTF-16 (it starts with a UTF-16 byte order mark): save it as UTF-8' };
    }
    return { file: path, line: lineOfByte(bytes, nul), message: `binary file, not SQL text: a NUL byte (0x00) at byte ${nul + 1}` };
}
/** Decodes one file as `choice` says; never returns replacement characters for bad bytes. */
function decodeSource(bytes, path, choice = UTF8) {
    const binary = binaryError(bytes, path);
    if (binary)
        return { ok: false, error: binary };
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    // A UTF-8 byte order mark says what the file is, whatever is configured.
    if (choice.kind === 'utf-8' || bom) {
        if ((0,node_buffer__WEBPACK_IMPORTED_MODULE_0__.isUtf8)(bytes))
            return { ok: true, text: new TextDecoder('utf-8').decode(bytes), warnings: [] };
        const at = firstInvalidUtf8(bytes);
        const line = lineOfByte(bytes, at);
        const lead = bom ? 'not valid UTF-8 although it starts with a UTF-8 byte order mark' : 'not valid UTF-8';
        return { ok: false, error: { file: path, line, message: `${lead}: byte ${hex(bytes[at])} at line ${line} cannot be decoded; ${CONFIGURE}` } };
    }
    try {
        const text = decodeStrict(bytes, choice.encoding);
        const warnings = [];
        const firstNonAscii = (0,node_buffer__WEBPACK_IMPORTED_MODULE_0__.isUtf8)(bytes) ? bytes.findIndex((b) => b >= 0x80) : -1;
        if (firstNonAscii !== -1) {
            // Plausible either way: say so, so a reviewer checks the characters (a converted file keeps its old setting).
            const line = lineOfByte(bytes, firstNonAscii);
            warnings.push({ file: path, line, message: `decoded as ${choice.label} (set by ${choice.from}), but the file is also valid UTF-8: ` +
                    'check that its non-ASCII text reads right in execSql, or drop the encoding setting for it' });
        }
        return { ok: true, text, warnings };
    }
    catch {
        const bad = firstUndecodableLine(bytes, choice.encoding);
        return { ok: false, error: { file: path, line: bad.line, message: `not valid ${choice.label} (set by ${choice.from}): ` +
                    `the bytes of line ${bad.line} cannot be decoded as ${choice.label}; check the file's encoding` } };
    }
}
/** A Decoder choosing each file's encoding with `encodingFor` (default: every file strict UTF-8). */
function decoderFor(encodingFor = () => UTF8) {
    return (bytes, path) => decodeSource(bytes, path, encodingFor(path));
}
const decodeUtf8 = decoderFor();
/** Decodes `raw` (path → bytes) with `decode`. */
function decodeAll(raw, decode) {
    const out = { files: new Map(), errors: [], warnings: [] };
    for (const [path, bytes] of raw) {
        const r = decode(bytes, path);
        if (r.ok) {
            out.files.set(path, r.text);
            out.warnings.push(...r.warnings);
        }
        else
            out.errors.push(r.error);
    }
    return out;
}
/**
 * The two sides for the planner. A file unreadable on either side is left out of both, so it shows up as its
 * error and never as every routine in it being added or removed. Base findings say so (the PR did not write
 * that version, but its rollback depends on it).
 */
function pairSides(base, head) {
    const unreadable = new Set([...base.errors, ...head.errors].map((f) => f.file));
    const keep = (files) => new Map([...files].filter(([path]) => !unreadable.has(path)));
    const inBase = (f) => ({ ...f, message: `base version: ${f.message}` });
    // A file unreadable (or ambiguous) on both sides is reported once, for its head version.
    const headFailed = new Set(head.errors.map((f) => f.file));
    const inHead = new Set([...head.files.keys(), ...headFailed]);
    return {
        base: keep(base.files),
        head: keep(head.files),
        errors: [...base.errors.filter((f) => !headFailed.has(f.file)).map(inBase), ...head.errors],
        warnings: [...base.warnings.filter((w) => !unreadable.has(w.file) && !inHead.has(w.file)).map(inBase),
            ...head.warnings.filter((w) => !unreadable.has(w.file))]
    };
}


/***/ }),

/***/ 4082:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ canonicalTokens),
/* harmony export */   Z: () => (/* binding */ canonicalSql)
/* harmony export */ });
/* harmony import */ var _lexer_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8005);
/* harmony import */ var _keywords_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9662);
// The comparison form of SQL: whitespace, plain comments and keyword letter case do not count; everything a
// server may read differently stays as written — strings, numbers, non-keyword words, quoted identifiers
// (`` `total` `` and `total` differ: one of them may be a keyword on another server), executable-comment
// markers with their version (`/*!50003`, `/*M!100108`: moving code into `/*!99999 … */` disables it) and
// optimizer hints (`/*+ … */`). When in doubt a difference counts: a spurious change costs one ticket, a
// missed one deploys unreviewed SQL.


/** Canonical text of already-lexed tokens (insignificant kinds are skipped). */
function canonicalTokens(tokens) {
    const parts = [];
    for (const t of tokens) {
        switch (t.kind) {
            case 'ws':
            case 'command': // a client command (mariadb-dump's `\-`): the client removes it before sending
                continue;
            case 'comment':
                if (t.text.startsWith('/*+'))
                    parts.push(t.text);
                continue;
            case 'inert':
                // an executable comment no server runs: its marker and content count, its layout does not
                parts.push(`${t.value} ${canonicalSql(t.text.slice(t.value.length, t.text.endsWith('*/') ? -2 : undefined))} */`);
                continue;
            case 'word':
                parts.push(_keywords_js__WEBPACK_IMPORTED_MODULE_1__/* .KEYWORDS */ .d.has(t.value) ? t.value : t.text);
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
    const duplicates = new Map();
    for (const f of files) {
        for (const d of f.defs) {
            const first = byKey.get(d.key);
            if (!first)
                byKey.set(d.key, d);
            else {
                const dup = duplicates.get(d.key);
                if (dup)
                    dup.again.push(d);
                else
                    duplicates.set(d.key, { first, again: [d] });
            }
        }
    }
    return { byKey, duplicates: [...duplicates.values()] };
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

/***/ 703:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ZX: () => (/* binding */ alterEventSql),
/* harmony export */   o8: () => (/* binding */ lostAnchor),
/* harmony export */   yS: () => (/* binding */ keepsAnchor)
/* harmony export */ });
/* unused harmony export eventClauses */
/* harmony import */ var _lexer_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8005);
/* harmony import */ var _canonical_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4082);
/* harmony import */ var _printable_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8927);
/* harmony import */ var _ident_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(802);
// Events and their schedule anchor. `ON SCHEDULE EVERY 1 DAY` without STARTS (or with a STARTS, ENDS or AT that
// reads the clock, such as CURRENT_TIMESTAMP + INTERVAL 1 HOUR) is anchored when the event is created: DROP +
// CREATE moves the anchor to "now". The server keeps the anchor only through `ALTER EVENT` without ON SCHEDULE,
// so a modified event whose schedule did not change is deployed and rolled back that way (both exact); when the
// schedule changes or the event is removed, nothing can bring the old anchor back, and the plan says so.




const SIGNIFICANT = (t) => t.kind !== 'ws' && t.kind !== 'comment' && t.kind !== 'inert' && t.kind !== 'command';
const word = (t, ...values) => t !== undefined && t.kind === 'word' && values.includes(t.value);
/** Words a clause-level expression may hold without reading the clock: literals, INTERVAL and its units. */
const UNITS = new Set(['INTERVAL', 'YEAR', 'QUARTER', 'MONTH', 'WEEK', 'DAY', 'HOUR', 'MINUTE', 'SECOND', 'MICROSECOND',
    'YEAR_MONTH', 'DAY_HOUR', 'DAY_MINUTE', 'DAY_SECOND', 'HOUR_MINUTE', 'HOUR_SECOND', 'MINUTE_SECOND', 'TIMESTAMP']);
/** A STARTS / ENDS / AT expression made of literals only (a fixed point in time). */
function fixedTime(tokens) {
    return tokens.length > 0 && tokens.some((t) => t.kind === 'string') && tokens.every((t) => t.kind === 'string' || t.kind === 'number' || (t.kind === 'op' && (t.text === '+' || t.text === '-')) ||
        (t.kind === 'word' && UNITS.has(t.value)));
}
/** The clauses of an event definition (its runnable `sql`), or undefined when they cannot be told apart. */
function eventClauses(def) {
    if (def.type !== 'EVENT')
        return undefined;
    const text = def.sql;
    const sig = (0,_lexer_js__WEBPACK_IMPORTED_MODULE_0__/* .tokenize */ .qw)(text).filter(SIGNIFICANT);
    let definer;
    const definerAt = sig.findIndex((t) => word(t, 'DEFINER'));
    const eventAt = sig.findIndex((t) => word(t, 'EVENT'));
    if (definerAt !== -1 && definerAt < eventAt)
        definer = text.slice(sig[definerAt].start, sig[eventAt - 1].end);
    const scheduleAt = sig.findIndex((t, i) => i > eventAt && word(t, 'SCHEDULE') && word(sig[i - 1], 'ON'));
    if (eventAt === -1 || scheduleAt === -1)
        return undefined;
    // The schedule runs to the first clause keyword outside parentheses.
    let i = scheduleAt + 1;
    let depth = 0;
    for (; i < sig.length; i++) {
        const t = sig[i];
        if (t.kind === 'op' && t.text === '(')
            depth++;
        else if (t.kind === 'op' && t.text === ')')
            depth--;
        else if (depth === 0 && (word(t, 'ENABLE', 'DISABLE', 'COMMENT', 'DO') || (word(t, 'ON') && word(sig[i + 1], 'COMPLETION'))))
            break;
    }
    const schedule = sig.slice(scheduleAt + 1, i);
    if (schedule.length === 0)
        return undefined;
    let completion = 'NOT PRESERVE';
    let status = 'ENABLE';
    let comment = "''";
    for (;;) {
        const t = sig[i];
        if (word(t, 'ON') && word(sig[i + 1], 'COMPLETION')) {
            const not = word(sig[i + 2], 'NOT');
            completion = not ? 'NOT PRESERVE' : 'PRESERVE';
            i += not ? 4 : 3;
        }
        else if (word(t, 'ENABLE')) {
            status = 'ENABLE';
            i++;
        }
        else if (word(t, 'DISABLE')) {
            const on = word(sig[i + 1], 'ON') && word(sig[i + 2], 'SLAVE', 'REPLICA');
            status = on ? `DISABLE ON ${sig[i + 2].value}` : 'DISABLE';
            i += on ? 3 : 1;
        }
        else if (word(t, 'COMMENT') && sig[i + 1]?.kind === 'string') {
            comment = sig[i + 1].text;
            i += 2;
        }
        else
            break;
    }
    if (!word(sig[i], 'DO'))
        return undefined;
    // What depends on the creation time: EVERY without STARTS, or any STARTS/ENDS/AT that is not a literal.
    const parts = splitSchedule(schedule);
    const anchoredAtCreation = (parts.every ? parts.starts === undefined : false) ||
        [parts.starts, parts.ends, parts.at].some((p) => p !== undefined && !fixedTime(p));
    const c = {
        schedule: (0,_canonical_js__WEBPACK_IMPORTED_MODULE_1__/* .canonicalTokens */ .F)(schedule),
        scheduleText: text.slice(schedule[0].start, schedule[schedule.length - 1].end),
        anchoredAtCreation, completion, status, comment,
        body: text.slice(sig[i].end).replace(/^\s+/, '')
    };
    if (definer !== undefined)
        c.definer = definer;
    return c;
}
function splitSchedule(tokens) {
    const out = { every: word(tokens[0], 'EVERY') };
    let current;
    for (const t of tokens) {
        if (word(t, 'AT'))
            out.at = current = [];
        else if (word(t, 'STARTS'))
            out.starts = current = [];
        else if (word(t, 'ENDS'))
            out.ends = current = [];
        else
            current?.push(t);
    }
    return out;
}
/** ALTER EVENT setting everything CREATE EVENT sets except the schedule (so its anchor stays). */
function alterEventSql(def, c) {
    const name = (0,_ident_js__WEBPACK_IMPORTED_MODULE_3__/* .qualifiedName */ .O)(def);
    return `ALTER ${c.definer !== undefined ? `${c.definer} ` : ''}EVENT ${name} ON COMPLETION ${c.completion} ${c.status} ` +
        `COMMENT ${c.comment} DO ${c.body}`;
}
/** Base and head of a modified event share a creation-anchored schedule: deploy and roll back with ALTER EVENT. */
function keepsAnchor(base, head) {
    const b = eventClauses(base);
    const h = eventClauses(head);
    if (!b || !h || !b.anchoredAtCreation || b.schedule !== h.schedule)
        return undefined;
    return { base: b, head: h };
}
/** Why a generated rollback cannot restore `base`'s schedule anchor, or undefined when it can. */
function lostAnchor(base, head, rollbackFile) {
    const b = eventClauses(base);
    if (!b?.anchoredAtCreation || (head && keepsAnchor(base, head)))
        return undefined;
    return `EVENT ${base.name}: the rollback cannot restore its schedule anchor: the base schedule '${(0,_printable_js__WEBPACK_IMPORTED_MODULE_2__/* .excerpt */ .K)(b.scheduleText, 60)}' ` +
        'counts from when the event is created, so after a rollback it counts from the rollback; to keep it, ' +
        `write ${rollbackFile} with the current STARTS (information_schema.EVENTS)`;
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
    const defined = new Set(out.defs.map((def) => def.key));
    for (const d of out.drops) {
        if (!defined.has(d.key)) {
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
/* harmony import */ var _printable_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8927);
// Statement → what it means for the planner: a routine definition (with its parsed header), a paired
// `DROP … IF EXISTS`, a harmless session `SET`, or something that does not belong in a routine file.




const OBJECT_TYPES = ['PROCEDURE', 'FUNCTION', 'TRIGGER', 'EVENT', 'VIEW'];
/** Not significant for what a statement is (its meaning is decided by the rest). */
const SKIP = new Set(['ws', 'comment', 'exec-open', 'exec-close', 'command', 'inert']);
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
        return `'${(0,_printable_js__WEBPACK_IMPORTED_MODULE_3__/* .excerpt */ .K)(first.text)}'`;
    const second = sig[1];
    return (0,_printable_js__WEBPACK_IMPORTED_MODULE_3__/* .excerpt */ .K)(second?.kind === 'word' && _keywords_js__WEBPACK_IMPORTED_MODULE_2__/* .KEYWORDS */ .d.has(second.value) ? `${first.value} ${second.value}` : first.value);
}
/** The delimiter in force for the statement (one ended by `\g` or at the end of input: the default). */
function clientDelimiter(stmt) {
    return stmt.delimiter === '' || stmt.delimiter.startsWith('\\') ? ';' : stmt.delimiter;
}
/** Classifies one statement. `baseLine` is the line of the statement text's first character. */
function classify(stmt, baseLine) {
    const tokens = (0,_lexer_js__WEBPACK_IMPORTED_MODULE_0__/* .tokenize */ .qw)(stmt.text, baseLine, clientDelimiter(stmt));
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
        return { kind: 'invalid', line, message: `DROP ${type}: unexpected '${(0,_printable_js__WEBPACK_IMPORTED_MODULE_3__/* .excerpt */ .K)(sig[i].text)}' after the name` };
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
        const what = (0,_printable_js__WEBPACK_IMPORTED_MODULE_3__/* .excerpt */ .K)(typeTok?.kind === 'word' ? typeTok.value : (typeTok?.text ?? 'end of statement'));
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
        return { kind: 'invalid', line, message: `unparseable CREATE ${type} header: expected a name, found '${(0,_printable_js__WEBPACK_IMPORTED_MODULE_3__/* .excerpt */ .K)(sig[i]?.text ?? 'end of statement')}'` };
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
        const sig = (0,_lexer_js__WEBPACK_IMPORTED_MODULE_0__/* .tokenize */ .qw)(whole ? text : text.slice(0, len), 1, clientDelimiter(stmt)).filter((t) => !SKIP.has(t.kind));
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
        return { kind: 'invalid', line, message: `unparseable CREATE ${type} ${(0,_printable_js__WEBPACK_IMPORTED_MODULE_3__/* .excerpt */ .K)(r.name.name)}: ${shapeError}` };
    // SQL SECURITY may also be a characteristic after the parameter list (procedures, functions).
    for (let k = 0; k + 2 < rest.length; k++) {
        if (isWord(rest[k], 'SQL') && isWord(rest[k + 1], 'SECURITY') && isWord(rest[k + 2], 'DEFINER')) {
            securityDefinerLine ??= rest[k].line;
            break;
        }
    }
    const header = `${h.canon}\u0000${headerMarkers(tokens, sig, r.next)}`;
    // Only views are ordered by what they read (CREATE VIEW checks that its tables and functions exist).
    const references = new Set();
    if (type === 'VIEW')
        for (const t of rest)
            if (t.kind === 'word' || t.kind === 'ident')
                references.add((t.kind === 'ident' ? t.value : t.text).toLowerCase());
    const def = {
        type, ...r.name, key: objectKey(type, r.name), line, orReplace, ifNotExists, aggregate,
        canonical: `${header}\u0000${(0,_canonical_js__WEBPACK_IMPORTED_MODULE_1__/* .canonicalTokens */ .F)(tokens.slice(tokens.indexOf(sig[r.next - 1]) + 1))}`,
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
/**
 * The executable-comment markers in a CREATE header up to its name, each with how many significant tokens
 * precede it: `/*!50003 CREATE*\/ PROCEDURE` and `CREATE PROCEDURE` are compared as different (version-gated).
 * An inert comment before the statement proper (mariadb-dump's sandbox line) is not part of the definition.
 */
function headerMarkers(tokens, sig, next) {
    const nameEnd = tokens.indexOf(sig[next - 1]);
    const marks = [];
    let before = 0;
    for (let k = 0; k <= nameEnd; k++) {
        const t = tokens[k];
        if (!SKIP.has(t.kind))
            before++;
        else if (t.kind === 'exec-open' || t.kind === 'exec-close' || (t.kind === 'inert' && before > 0))
            marks.push(`${before}${(0,_canonical_js__WEBPACK_IMPORTED_MODULE_1__/* .canonicalTokens */ .F)([t])}`);
    }
    return marks.join(' ');
}
/** Minimal shape checks that catch a broken header before the server would. */
function checkShape(type, rest) {
    const first = rest[0];
    switch (type) {
        case 'PROCEDURE':
        case 'FUNCTION':
            if (!isOp(first, '('))
                return `expected '(' after the name, found '${(0,_printable_js__WEBPACK_IMPORTED_MODULE_3__/* .excerpt */ .K)(first?.text ?? 'end of statement')}'`;
            return undefined;
        case 'TRIGGER':
            if (!isWord(first, 'BEFORE', 'AFTER'))
                return `expected BEFORE or AFTER, found '${(0,_printable_js__WEBPACK_IMPORTED_MODULE_3__/* .excerpt */ .K)(first?.text ?? 'end of statement')}'`;
            if (!isWord(rest[1], 'INSERT', 'UPDATE', 'DELETE'))
                return `expected INSERT, UPDATE or DELETE, found '${(0,_printable_js__WEBPACK_IMPORTED_MODULE_3__/* .excerpt */ .K)(rest[1]?.text ?? 'end of statement')}'`;
            if (!isWord(rest[2], 'ON'))
                return `expected ON <table>, found '${(0,_printable_js__WEBPACK_IMPORTED_MODULE_3__/* .excerpt */ .K)(rest[2]?.text ?? 'end of statement')}'`;
            return undefined;
        case 'EVENT':
            if (!isWord(first, 'ON') || !isWord(rest[1], 'SCHEDULE'))
                return `expected ON SCHEDULE, found '${(0,_printable_js__WEBPACK_IMPORTED_MODULE_3__/* .excerpt */ .K)(first?.text ?? 'end of statement')}'`;
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
 * space (mysqldump's `/*!50003 CREATE*\/ … *\/`), client backslash commands removed (as the client does), and
 * for views `OR REPLACE` in place of `IF NOT EXISTS`.
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
        if (t.kind === 'exec-open' || t.kind === 'exec-close' || t.kind === 'command') {
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
  bs: () => (/* binding */ routineFileFilter),
  $c: () => (/* binding */ withFindings)
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
// EXTERNAL MODULE: ./src/sql/events.ts
var events = __webpack_require__(703);
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
    for (const d of duplicates) {
        if (![d.first, ...d.again].some((def) => changedPaths.has(def.file)))
            continue;
        const all = [d.first, ...d.again];
        const times = all.length === 2 ? 'twice' : `${all.length} times`;
        for (const again of d.again) {
            const others = all.filter((def) => def !== again).map((def) => `at ${def.file}:${def.line}`);
            const where = others.length === 1 ? `here and ${others[0]}` : `here, ${others.slice(0, -1).join(', ')} and ${others[others.length - 1]}`;
            errors.push({ file: again.file, line: again.line, message: `${again.type} ${again.name} is defined ${times}: ${where}; keep one definition` });
        }
    }
    // Keys with a `DROP … IF EXISTS` per file, built once per file (a dump file can hold thousands of both).
    const guarded = new Map();
    const guardedKeys = (file) => {
        let keys = guarded.get(file);
        if (!keys)
            guarded.set(file, (keys = new Set((headFiles.get(file)?.drops ?? []).filter((d) => d.ifExists).map((d) => d.key))));
        return keys;
    };
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
            if (!guardedKeys(file).has(c.key)) {
                warnings.push({ file, line: h.line,
                    message: `${h.type} ${h.name} is modified but its file has no DROP ${h.type} IF EXISTS, so the file cannot be re-run as is` });
            }
        }
    }
    const order = (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line);
    return { errors: errors.sort(order), warnings: warnings.sort(order) };
}
/**
 * A routine that disappears because its whole file was deleted or emptied is easy to miss in a diff: say so at
 * the definition that goes (its base file and line), so the reviewer sees the DROP coming.
 */
function removalWarnings(changes, headFiles, head) {
    const out = [];
    for (const c of changes) {
        if (c.change !== 'removed')
            continue;
        const file = c.at.file;
        const now = headFiles.get(file);
        const why = !head.has(file) ? 'was deleted'
            : !now ? 'is no longer a routine file'
                : now.defs.length === 0 ? 'no longer defines any routine' : undefined;
        if (why)
            out.push({ file, line: c.at.line, message: `${c.type} ${c.at.name} is removed because its file ${why}: execSql drops it from the database` });
    }
    return out;
}

// EXTERNAL MODULE: ./src/sql/printable.ts
var printable = __webpack_require__(8927);
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
    warnings.push(...removalWarnings(changes, headByPath, head));
    warnings.sort(diff/* compareAt */.Ln);
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
    // What a generated rollback cannot restore: an event's schedule anchored at its creation (events.ts).
    for (const c of generated) {
        if (c.type !== 'EVENT' || c.change === 'added')
            continue;
        const lost = (0,events/* lostAnchor */.o8)(c.base, c.head, rollbackPathFor(c.at.file, pattern));
        if (lost)
            warnings.push({ file: c.at.file, line: c.at.line, message: lost });
    }
    warnings.sort(diff/* compareAt */.Ln);
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
    return sealed({
        objects: objects.map(({ type, schema, name, change, file, line }) => (schema === undefined ? { type, name, change, file, line } : { type, schema, name, change, file, line })),
        execSql: (0,render/* toScript */.bQ)((0,render/* execStatements */.OB)(changes)),
        rollbackSql: (0,render/* toScript */.bQ)([...(0,render/* rollbackStatements */.ro)(generated), ...overrideStatements]),
        errors: dedupe(errors),
        warnings: dedupe(warnings)
    });
}
/** A plan with errors ships no SQL: empty execSql and rollbackSql, so nothing can deploy it by mistake. */
function sealed(p) {
    return p.errors.length === 0 ? p : { ...p, execSql: '', rollbackSql: '' };
}
/** The plan with findings from outside the planner added (files that could not be read), sorted and sealed. */
function withFindings(p, errors, warnings = []) {
    if (errors.length === 0 && warnings.length === 0)
        return p;
    return sealed({ ...p, errors: dedupe([...p.errors, ...errors].sort(diff/* compareAt */.Ln)), warnings: dedupe([...p.warnings, ...warnings].sort(diff/* compareAt */.Ln)) });
}
/** Each finding once, its message printable (text quoted from a file may hold control characters). */
function dedupe(list) {
    const seen = new Set();
    return list.map((f) => ({ ...f, message: (0,printable/* printable */.g)(f.message) })).filter((f) => {
        const k = `${f.file}\u0000${f.line}\u0000${f.message}`;
        if (seen.has(k))
            return false;
        seen.add(k);
        return true;
    });
}


/***/ }),

/***/ 8927:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ excerpt),
/* harmony export */   g: () => (/* binding */ printable)
/* harmony export */ });
// Text from a file that goes into a message: control, bidi-override and invisible characters escaped (a finding is
// one line in a terminal or a check annotation, and must not be able to rewrite it), long pieces shortened.
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufffd]/g;
const NAMED = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
/** `s` with every character that would not show as itself written as an escape (`\x01`, `\u202e`, `\n`). */
function printable(s) {
    return s.replace(HIDDEN, (c) => {
        const code = c.charCodeAt(0);
        return NAMED[c] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
    });
}
/** A piece of SQL quoted in a message: printable, at most `max` characters. */
function excerpt(s, max = 40) {
    const p = printable(s);
    return p.length > max ? `${p.slice(0, max - 1)}…` : p;
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
/* unused harmony export chooseDelimiter */
/* harmony import */ var _events_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(703);
/* harmony import */ var _ident_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(802);
/* harmony import */ var _lexer_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8005);
// execSql / rollbackSql: ordered statements in the DELIMITER form the mariadb client and DMS both accept.



function dropSql(def) {
    const name = (0,_ident_js__WEBPACK_IMPORTED_MODULE_2__/* .qualifiedName */ .O)(def);
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
/** Modified events whose schedule (anchored at creation) did not change: altered in place both ways (events.ts). */
function anchoredEvents(changes) {
    const out = new Map();
    for (const c of changes) {
        if (c.type !== 'EVENT' || c.change !== 'modified')
            continue;
        const k = (0,_events_js__WEBPACK_IMPORTED_MODULE_0__/* .keepsAnchor */ .yS)(c.base, c.head);
        if (k)
            out.set(c, k);
    }
    return out;
}
/** Deploy: drop what was removed, then (re)create what was added or modified. */
function execStatements(changes) {
    const altered = anchoredEvents(changes);
    const removed = changes.filter((c) => c.change === 'removed').map((c) => c.base);
    const created = changes.filter((c) => c.change !== 'removed' && !altered.has(c)).map((c) => c.head);
    return [...byType(removed, DROP_ORDER).map(dropSql), ...recreate(created), ...[...altered].map(([c, k]) => (0,_events_js__WEBPACK_IMPORTED_MODULE_0__/* .alterEventSql */ .ZX)(c.head, k.head))];
}
/** Undo: drop what was added, then restore the base definition of what was modified or removed. */
function rollbackStatements(changes) {
    const altered = anchoredEvents(changes);
    const added = changes.filter((c) => c.change === 'added').map((c) => c.head);
    const restored = changes.filter((c) => c.change !== 'added' && !altered.has(c)).map((c) => c.base);
    return [...byType(added, DROP_ORDER).map(dropSql), ...recreate(restored), ...[...altered].map(([c, k]) => (0,_events_js__WEBPACK_IMPORTED_MODULE_0__/* .alterEventSql */ .ZX)(c.base, k.base))];
}
const EDGE_SKIP = new Set(['ws', 'comment', 'command', 'inert']);
/**
 * A statement without leading/trailing comments (so an appended delimiter is never inside a comment) and
 * without client commands around it (mariadb-dump's sandbox line).
 */
function trimStatement(text) {
    const sig = (0,_lexer_js__WEBPACK_IMPORTED_MODULE_1__/* .tokenize */ .qw)(text).filter((t) => !EDGE_SKIP.has(t.kind));
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
