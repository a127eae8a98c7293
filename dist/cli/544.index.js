export const id = 544;
export const ids = [544];
export const modules = {

/***/ 802:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ qualifiedName),
/* harmony export */   v: () => (/* binding */ quoteIdent)
/* harmony export */ });
// MySQL identifier quoting: backticks, with a backtick inside doubled (the only character that needs escaping).
function quoteIdent(name) {
    return '`' + name.replace(/`/g, '``') + '`';
}
/** `schema`.`name`, or `name` when the object is unqualified. */
function qualifiedName(o) {
    return (o.schema !== undefined ? quoteIdent(o.schema) + '.' : '') + quoteIdent(o.name);
}


/***/ }),

/***/ 8005:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Xd: () => (/* reexport */ splitStatements),
  qw: () => (/* reexport */ tokenize)
});

// UNUSED EXPORTS: unquote

// NAMESPACE OBJECT: ./src/sql/lexer/chars.ts
var chars_namespaceObject = {};
__webpack_require__.r(chars_namespaceObject);
__webpack_require__.d(chars_namespaceObject, {
  AT: () => (AT),
  r_: () => (BACKSLASH),
  rw: () => (BACKTICK),
  Nl: () => (BANG),
  bh: () => (BOM),
  Yi: () => (CHAR_CLASS),
  oH: () => (COLON),
  KE: () => (COMMA),
  CR: () => (CR),
  EJ: () => (C_DIGIT),
  ZT: () => (C_WORD),
  VI: () => (C_WS),
  jr: () => (DASH),
  Em: () => (DIGIT0),
  x: () => (DIGIT9),
  y0: () => (DOT),
  TB: () => (DQUOTE),
  EQ: () => (EQ),
  v9: () => (HASH),
  Dl: () => (LPAREN),
  NL: () => (NL),
  tf: () => (RPAREN),
  v_: () => (SEMI),
  o: () => (SLASH),
  t6: () => (SPACE),
  y7: () => (SQUOTE),
  Vw: () => (STAR),
  wn: () => (TAB),
  pL: () => (UPPER_M),
  x8: () => (isWordChar)
});

// NAMESPACE OBJECT: ./src/sql/lexer/scan.ts
var scan_namespaceObject = {};
__webpack_require__.r(scan_namespaceObject);
__webpack_require__.d(scan_namespaceObject, {
  iY: () => (blockCommentEnd),
  Dn: () => (countNewlines),
  Wi: () => (execOpenLength),
  IC: () => (isDashComment),
  wd: () => (isInertOpener),
  kd: () => (lineEnd),
  YX: () => (scanQuoted)
});

// NAMESPACE OBJECT: ./src/sql/lexer/directive.ts
var directive_namespaceObject = {};
__webpack_require__.r(directive_namespaceObject);
__webpack_require__.d(directive_namespaceObject, {
  ep: () => (atLineStart),
  ax: () => (isDelimiterWord),
  cA: () => (readDirective)
});

// NAMESPACE OBJECT: ./src/sql/lexer/keywords.ts
var keywords_namespaceObject = {};
__webpack_require__.r(keywords_namespaceObject);
__webpack_require__.d(keywords_namespaceObject, {
  Kw: () => (Kw),
  X: () => (keywordOf)
});

// NAMESPACE OBJECT: ./src/sql/lexer/blocks.ts
var blocks_namespaceObject = {};
__webpack_require__.r(blocks_namespaceObject);
__webpack_require__.d(blocks_namespaceObject, {
  yX: () => (BlockTracker),
  z6: () => (PHASE_PLAIN),
  Nx: () => (PHASE_PROGRAM)
});

;// CONCATENATED MODULE: ./src/sql/lexer/chars.ts
// Character codes and a lookup table, so the scanners test one array slot per char instead of running regexes.
const NL = 10;
const CR = 13;
const TAB = 9;
const SPACE = 32;
const BANG = 33; // !
const DQUOTE = 34; // "
const HASH = 35; // #
const DOLLAR = 36;
const SQUOTE = 39; // '
const LPAREN = 40;
const RPAREN = 41;
const STAR = 42;
const COMMA = 44;
const DASH = 45;
const DOT = 46;
const SLASH = 47;
const DIGIT0 = 48;
const DIGIT9 = 57;
const COLON = 58;
const SEMI = 59;
const LT = 60;
const EQ = 61;
const GT = 62;
const AT = 64;
const UPPER_M = 77;
const BACKSLASH = 92;
const BACKTICK = 96;
const BOM = 0xfeff;
/** Bit flags per ASCII code. */
const C_WORD = 1; // may continue an unquoted word: letters, digits, _ and $ (non-ASCII handled by callers)
const C_WS = 2; // whitespace for token purposes (space, tab, CR, LF, VT, FF)
const C_DIGIT = 4;
const CHAR_CLASS = (() => {
    const t = new Uint8Array(128);
    for (let c = 48; c <= 57; c++)
        t[c] = C_WORD | C_DIGIT;
    for (let c = 65; c <= 90; c++)
        t[c] = C_WORD;
    for (let c = 97; c <= 122; c++)
        t[c] = C_WORD;
    t[95] = C_WORD; // _
    t[DOLLAR] = C_WORD;
    for (const c of [SPACE, TAB, NL, CR, 11, 12])
        t[c] = C_WS;
    return t;
})();
/** True for chars that continue an unquoted identifier/keyword (any non-ASCII char does, as in MySQL). */
function isWordChar(c) {
    return c >= 128 ? c !== BOM : (CHAR_CLASS[c] & C_WORD) !== 0;
}

;// CONCATENATED MODULE: ./src/sql/lexer/commands.ts
// The mysql/mariadb client's own commands (client/mysql.cc `commands[]`), in their two forms:
// - by name: a line whose first word is one of them is run by the client, not sent to the server, when it comes
//   while no statement is pending, e.g. a stray `GO` line or `use db`. DELIMITER is handled by the splitter itself.
// - by backslash: `\x` anywhere outside quotes and plain comments (also inside `/*! … */`), e.g. the
//   `/*M!999999\- enable the sandbox mode */` line that mariadb-dump writes first. The client removes the two chars;
//   a command that takes an argument also consumes the rest of the line.
/** Command name → whether it takes arguments (those that do not are only recognised alone on their line). */
const COMMANDS = new Map([
    ['?', true], ['clear', false], ['connect', true], ['edit', false], ['ego', false], ['exit', false], ['go', false],
    ['help', true], ['nopager', false], ['notee', false], ['pager', true], ['print', false], ['prompt', true],
    ['quit', false], ['rehash', false], ['sandbox', false], ['source', true], ['status', false], ['system', true],
    ['tee', true], ['use', true], ['charset', true], ['warnings', false], ['nowarning', false]
]);
/** Backslash command char → command (client/mysql.cc `commands[]`, MariaDB 10.11). Other chars are not commands. */
const BACKSLASH_COMMANDS = new Map([
    ['?', 'help', true], ['h', 'help', true], ['c', 'clear', false], ['r', 'connect', true], ['d', 'delimiter', true],
    ['e', 'edit', false], ['G', 'ego', false], ['q', 'quit', false], ['g', 'go', false], ['n', 'nopager', false],
    ['t', 'notee', false], ['P', 'pager', true], ['p', 'print', false], ['R', 'prompt', true], ['#', 'rehash', false],
    ['-', 'sandbox', false], ['.', 'source', true], ['s', 'status', false], ['!', 'system', true], ['T', 'tee', true],
    ['u', 'use', true], ['C', 'charset', true], ['W', 'warnings', false], ['w', 'nowarning', false]
].map(([c, name, takesParams]) => [c, { name, takesParams }]));
/** The backslash command `\c` names, or undefined (the client then reports "Unknown command" and sends the text). */
function backslashCommand(c) {
    return BACKSLASH_COMMANDS.get(c);
}
/**
 * Where the client stops removing the argument of a backslash command whose argument starts at j (add_line):
 * inside a `/*!` comment opened on the same line at its `*\/`; elsewhere after the next `delimiter` on the line
 * (the statement goes on after it), or at the end of the line.
 */
function backslashParamsEnd(s, j, inExecComment, delimiter) {
    let eol = s.indexOf('\n', j);
    if (eol < 0)
        eol = s.length;
    if (inExecComment) {
        const close = s.indexOf('*/', j);
        return close >= 0 && close < eol ? close : eol;
    }
    const k = s.indexOf(delimiter, j);
    return k >= 0 && k < eol ? k + delimiter.length : eol;
}
/**
 * The client command on the line whose first non-blank char is at i, if the client would run it (find_command):
 * the first word names a command, followed by blanks/end, or by arguments when the command takes some; and the
 * line contains neither the current delimiter nor `\g` (such lines go through the statement parser instead).
 */
function clientCommandAt(s, i, delimiter) {
    let j = i;
    for (;;) {
        const c = s.charCodeAt(j);
        if (c === 63 /* ? */ ? j === i : (c >= 97 && c <= 122) || (c >= 65 && c <= 90))
            j++;
        else
            break;
    }
    if (j === i || j - i > 9)
        return undefined;
    const takesParams = COMMANDS.get(s.slice(i, j).toLowerCase());
    if (takesParams === undefined)
        return undefined;
    const after = s.charCodeAt(j);
    if (!(after === 32 || after === 9 || after === 10 || after === 13 || Number.isNaN(after)))
        return undefined;
    let eol = s.indexOf('\n', j);
    if (eol < 0)
        eol = s.length;
    const line = s.slice(i, eol);
    if (line.includes(delimiter) || line.includes('\\g'))
        return undefined;
    if (!takesParams && line.slice(j - i).trim() !== '')
        return undefined;
    return { name: s.slice(i, j).toLowerCase(), eol };
}

;// CONCATENATED MODULE: ./src/sql/lexer/scan.ts
// Scanners shared by the tokenizer and the splitter. Each takes the source and a start offset and returns the
// offset just past the construct (or -1 when it runs off the end), looking at char codes only.

// Local copies: loaders and bundlers turn named imports into getter calls, too slow in a per-char loop.
const { /* BACKSLASH */ "r_": scan_BACKSLASH, /* BACKTICK */ "rw": scan_BACKTICK, /* BANG */ "Nl": scan_BANG, /* DASH */ "jr": scan_DASH, /* DIGIT0 */ "Em": scan_DIGIT0, /* DIGIT9 */ "x": scan_DIGIT9, NL: scan_NL, /* SLASH */ "o": scan_SLASH, /* SPACE */ "t6": scan_SPACE, /* STAR */ "Vw": scan_STAR, /* UPPER_M */ "pL": scan_UPPER_M } = chars_namespaceObject;
/**
 * End of a quoted string/identifier whose opening quote is at `i`: backslash escapes apply inside ' and "
 * (not inside backticks); a doubled quote is an escaped quote. Returns -1 when unterminated.
 */
function scanQuoted(s, i, quote) {
    const n = s.length;
    let j = i + 1;
    if (quote === scan_BACKTICK) {
        for (;;) {
            const k = s.indexOf('`', j);
            if (k < 0)
                return -1;
            if (s.charCodeAt(k + 1) === scan_BACKTICK) {
                j = k + 2;
                continue;
            }
            return k + 1;
        }
    }
    while (j < n) {
        const c = s.charCodeAt(j);
        if (c === scan_BACKSLASH) {
            j += 2;
            continue;
        }
        if (c === quote) {
            if (s.charCodeAt(j + 1) === quote) {
                j += 2;
                continue;
            }
            return j + 1;
        }
        j++;
    }
    return -1;
}
/**
 * Offset after the `*` `/` that closes the plain block comment opened at i (s[i..i+1] = `/*`), as the mysql
 * client reads it; -1 when unterminated. Usually the first `*` `/`, but the client has two quirks we follow
 * because it decides what reaches the server: inside the comment a nested `/*` swallows its `*` (so `/*` `/`
 * does not close), and after a `/*!` on the same line the next `*` `/` only ends that "executable comment"
 * and not the outer one. `ss` says whether a `/*!` opened earlier on the same line is still open.
 */
function blockCommentEnd(s, i, ss) {
    const e = s.indexOf('*/', i + 2);
    if (e < 0)
        return -1;
    if (!ss) {
        const o = s.indexOf('/*', i + 2);
        if (o < 0 || o > e)
            return e + 2; // common case: no nesting to think about
    }
    const n = s.length;
    let j = i + 2;
    while (j < n) {
        const c = s.charCodeAt(j);
        if (c === scan_NL) {
            ss = false;
            j++;
            continue;
        }
        if (c === scan_SLASH && s.charCodeAt(j + 1) === scan_STAR) {
            if (s.charCodeAt(j + 2) === scan_BANG) {
                ss = true;
                j++;
                continue;
            }
            j += 2; // a nested comment start consumes its star
            continue;
        }
        if (c === scan_STAR && s.charCodeAt(j + 1) === scan_SLASH) {
            if (!ss)
                return j + 2;
            ss = false;
        }
        j++;
    }
    return -1;
}
/** Offset of the end of the line starting the search at `i` (the `\n`, or the source length). */
function lineEnd(s, i) {
    const k = s.indexOf('\n', i);
    return k < 0 ? s.length : k;
}
/** `--` starts a comment only when followed by whitespace, a control char or the end of input. */
function isDashComment(s, i) {
    if (s.charCodeAt(i + 1) !== scan_DASH)
        return false;
    if (i + 2 >= s.length)
        return true;
    return s.charCodeAt(i + 2) <= scan_SPACE;
}
/**
 * Length of an executable-comment opener at i (`/*!`, `/*!50003`, `/*M!`, `/*M!100108`), or 0 if the
 * block comment at i is an ordinary one. Version digits: up to 5 after `!` (6 when followed by a space, as newer
 * MySQL accepts), up to 6 after `M!`.
 */
function execOpenLength(s, i) {
    // caller guarantees s[i] = '/' and s[i+1] = '*'
    let j = i + 2;
    const c = s.charCodeAt(j);
    let maxDigits = 5;
    if (c === scan_UPPER_M && s.charCodeAt(j + 1) === scan_BANG) {
        j += 2;
        maxDigits = 6;
    }
    else if (c === scan_BANG)
        j += 1;
    else
        return 0;
    let d = 0;
    while (d < 6) {
        const k = s.charCodeAt(j + d);
        if (k < scan_DIGIT0 || k > scan_DIGIT9)
            break;
        d++;
    }
    if (d === 6 && maxDigits === 5) {
        const after = s.charCodeAt(j + 6);
        if (!(after <= scan_SPACE))
            d = 5;
    }
    return j + Math.min(d, maxDigits) - i;
}
/**
 * Whether the executable-comment opener s[i, i+len) asks for a version no server has: all nines (`/*!99999`,
 * `/*M!999999`). Tools use it to hide text from every server (mariadb-dump's sandbox line); the server reads
 * such a comment as a comment.
 */
function isInertOpener(s, i, len) {
    let j = i + 2;
    if (s.charCodeAt(j) === scan_UPPER_M)
        j++;
    j++; // the '!'
    const digits = i + len - j;
    if (digits < 5)
        return false;
    for (let k = j; k < i + len; k++)
        if (s.charCodeAt(k) !== 57 /* 9 */)
            return false;
    return true;
}
/** Counts `\n` in s[from, to). */
function countNewlines(s, from, to) {
    let n = 0;
    let k = s.indexOf('\n', from);
    while (k >= 0 && k < to) {
        n++;
        k = s.indexOf('\n', k + 1);
    }
    return n;
}

;// CONCATENATED MODULE: ./src/sql/lexer/directive.ts
// The client's DELIMITER command: where it is recognised and how its value is read (client/mysql.cc
// find_command, com_delimiter, get_arg).


const { /* BACKSLASH */ "r_": directive_BACKSLASH, /* BACKTICK */ "rw": directive_BACKTICK, CR: directive_CR, /* DQUOTE */ "TB": directive_DQUOTE, NL: directive_NL, /* SPACE */ "t6": directive_SPACE, /* SQUOTE */ "y7": directive_SQUOTE, /* TAB */ "wn": directive_TAB } = chars_namespaceObject;
const DELIMITER_LOWER = 'delimiter';
/** Whether s[i..] reads `DELIMITER` (any case) followed by a space, tab, line end or end of input. */
function isDelimiterWord(s, i) {
    for (let k = 0; k < 9; k++) {
        if ((s.charCodeAt(i + k) | 0x20) !== DELIMITER_LOWER.charCodeAt(k))
            return false;
    }
    const c = s.charCodeAt(i + 9);
    return c === directive_SPACE || c === directive_TAB || c === directive_NL || c === directive_CR || Number.isNaN(c);
}
/** Only spaces/tabs between the previous line break (or the start) and i. */
function atLineStart(s, i) {
    for (let k = i - 1; k >= 0; k--) {
        const c = s.charCodeAt(k);
        if (c === directive_NL)
            return true;
        if (c !== directive_SPACE && c !== directive_TAB)
            return false;
    }
    return true;
}
/** Blank, or only a comment. */
function isBlankOrComment(rest) {
    const t = rest.trim();
    return t === '' || t.startsWith('#') || t.startsWith('/*') || (t.startsWith('--') && (t.length === 2 || t.charCodeAt(2) <= directive_SPACE));
}
/**
 * Reads a `DELIMITER x` line at i as the client's get_arg does: the value is quoted ('…', "…", `…`) or runs to
 * the first space (a tab is part of it, as in the client); the rest of the line is ignored. `nameLength` is 2
 * for the short form `\d x`.
 */
function readDirective(s, i, current, nameLength = 9) {
    const eol = lineEnd(s, i);
    const stop = eol > i && s.charCodeAt(eol - 1) === directive_CR ? eol - 1 : eol;
    let j = i + nameLength;
    while (j < stop && (s.charCodeAt(j) === directive_SPACE || s.charCodeAt(j) === directive_TAB || s.charCodeAt(j) === 11 || s.charCodeAt(j) === 12))
        j++;
    const none = `DELIMITER without a value: the client reports an error and keeps the delimiter '${current}'`;
    if (j >= stop)
        return { problem: none, eol };
    // get_arg: an optional quote; a backslash escapes the next char (not inside backticks), a doubled quote is
    // a quote; an unquoted value ends at a space (a tab is part of it).
    const q = s.charCodeAt(j);
    const qtype = q === directive_SQUOTE || q === directive_DQUOTE || q === directive_BACKTICK ? q : 0;
    let k = qtype ? j + 1 : j;
    let seg = k;
    let value = '';
    let closed = qtype === 0;
    while (k < stop) {
        const c = s.charCodeAt(k);
        if ((c === directive_BACKSLASH && k + 1 < stop && qtype !== directive_BACKTICK) || (qtype !== 0 && c === qtype && s.charCodeAt(k + 1) === qtype)) {
            value += s.slice(seg, k) + s[k + 1];
            k += 2;
            seg = k;
            continue;
        }
        if (c === (qtype || directive_SPACE)) {
            closed = true;
            break;
        }
        k++;
    }
    value += s.slice(seg, k);
    if (!closed || value === '')
        return { problem: none, eol };
    const after = qtype ? k + 1 : k;
    if (value.includes('\\')) {
        return { problem: `DELIMITER '${value}' contains a backslash: the client rejects it and keeps '${current}'`, eol };
    }
    if (value.charCodeAt(0) >= 128) {
        return { value, eol, problem: `DELIMITER '${value}' starts with a non-ASCII character, which the client never ` +
                'matches (it skips multi-byte characters when looking for the delimiter): everything after it is one statement' };
    }
    const rest = s.slice(after, stop);
    if (!isBlankOrComment(rest)) {
        return { value, eol, problem: `text after 'DELIMITER ${value}' is ignored by the client: '${rest.trim()}'` };
    }
    return { value, eol };
}

;// CONCATENATED MODULE: ./src/sql/lexer/tokenize.ts
// Full tokenizer for ONE statement's text (the splitter has already handled DELIMITER). Executable comments
// are transparent: an 'exec-open' token, their content as ordinary tokens, then 'exec-close' — except one that
// no server runs (`/*!99999 … */`), which is one 'inert' token. A client backslash command (`\-`) is a 'command'.




// Local copies: loaders and bundlers turn named imports into getter calls, too slow in a per-char loop.
const { /* blockCommentEnd */ "iY": tokenize_blockCommentEnd, /* execOpenLength */ "Wi": tokenize_execOpenLength, /* isDashComment */ "IC": tokenize_isDashComment, /* isInertOpener */ "wd": tokenize_isInertOpener, /* lineEnd */ "kd": tokenize_lineEnd, /* scanQuoted */ "YX": tokenize_scanQuoted } = scan_namespaceObject;
const { AT: tokenize_AT, /* BACKSLASH */ "r_": tokenize_BACKSLASH, /* BACKTICK */ "rw": tokenize_BACKTICK, /* C_DIGIT */ "EJ": tokenize_C_DIGIT, /* C_WORD */ "ZT": tokenize_C_WORD, /* C_WS */ "VI": tokenize_C_WS, /* CHAR_CLASS */ "Yi": tokenize_CHAR_CLASS, /* DASH */ "jr": tokenize_DASH, /* DOT */ "y0": tokenize_DOT, /* DQUOTE */ "TB": tokenize_DQUOTE, /* SQUOTE */ "y7": tokenize_SQUOTE, /* STAR */ "Vw": tokenize_STAR, /* SLASH */ "o": tokenize_SLASH, /* isWordChar */ "x8": tokenize_isWordChar } = chars_namespaceObject;
/** Multi-char operators, longest first within each leading char. */
const OPS3 = new Set(['<=>', '->>']);
const OPS2 = new Set([':=', '<=', '>=', '<>', '!=', '||', '&&', '<<', '>>', '->']);
/** First chars of multi-char operators (so single-char operators skip the set lookups). */
const MULTI_OP_FIRST = new Uint8Array(128);
for (const op of [...OPS3, ...OPS2])
    MULTI_OP_FIRST[op.charCodeAt(0)] = 1;
const ESCAPES = { '0': '\0', b: '\b', n: '\n', r: '\r', t: '\t', Z: '\x1a' };
/** Content of a quoted string/identifier with its escapes resolved (as the server reads it). */
function unquote(raw) {
    const q = raw.charCodeAt(0);
    const closed = raw.length >= 2 && raw.charCodeAt(raw.length - 1) === q;
    const body = raw.slice(1, closed ? raw.length - 1 : raw.length);
    const qs = raw[0];
    if (q === tokenize_BACKTICK)
        return body.includes('``') ? body.split('``').join('`') : body;
    if (!body.includes('\\') && !body.includes(qs + qs))
        return body;
    let out = '';
    for (let i = 0; i < body.length; i++) {
        const ch = body[i];
        if (ch === '\\' && i + 1 < body.length) {
            const nx = body[++i];
            // \% and \_ keep their backslash (they are LIKE escapes)
            out += ESCAPES[nx] ?? (nx === '%' || nx === '_' ? '\\' + nx : nx);
        }
        else if (ch === qs && body[i + 1] === qs) {
            out += qs;
            i++;
        }
        else
            out += ch;
    }
    return out;
}
/**
 * Tokenizes ONE statement's text (no DELIMITER handling); `line` counts from baseLine. Unterminated strings and
 * comments run to the end of the text (the splitter reports them). The tokens' texts concatenate to the input.
 * `delimiter` (the statement's) decides how much argument a client command such as `\u db;` consumes.
 */
function tokenize(text, baseLine = 1, delimiter = ';') {
    const s = text;
    const n = s.length;
    const out = [];
    let line = baseLine;
    let execDepth = 0;
    // Where the open inert comment's tokens begin in `out`, and the exec depth it opened (-1: none open).
    let inertFrom = -1;
    let inertDepth = -1;
    let ssLine = false; // same client quirk as the splitter (see blockCommentEnd)
    let i = 0;
    let significant = false;
    const push = (kind, start, end, value) => {
        if (kind !== 'ws' && kind !== 'comment' && kind !== 'command')
            significant = true;
        const raw = s.slice(start, end);
        out.push({ kind, text: raw, value: value ?? raw, start, end, line });
        // count newlines inside the token for the next one
        if (kind === 'ws' || kind === 'comment' || kind === 'string' || kind === 'ident') {
            let k = raw.indexOf('\n');
            while (k >= 0) {
                line++;
                k = raw.indexOf('\n', k + 1);
            }
        }
    };
    while (i < n) {
        const c = s.charCodeAt(i);
        const cls = c < 128 ? tokenize_CHAR_CLASS[c] : tokenize_C_WORD;
        if (cls & tokenize_C_WS) {
            let j = i + 1;
            while (j < n) {
                const d = s.charCodeAt(j);
                if (d >= 128 || !(tokenize_CHAR_CLASS[d] & tokenize_C_WS))
                    break;
                j++;
            }
            push('ws', i, j);
            if (ssLine && s.lastIndexOf('\n', j - 1) >= i)
                ssLine = false;
            i = j;
            continue;
        }
        if (cls & tokenize_C_DIGIT || (c === tokenize_DOT && (tokenize_CHAR_CLASS[s.charCodeAt(i + 1)] ?? 0) & tokenize_C_DIGIT)) {
            const j = scanNumberOrWord(s, i);
            if (j.word)
                push('word', i, j.end, s.slice(i, j.end).toUpperCase());
            else
                push('number', i, j.end);
            i = j.end;
            continue;
        }
        if (cls & tokenize_C_WORD && c !== 0xfeff) {
            let j = i + 1;
            while (j < n && tokenize_isWordChar(s.charCodeAt(j)))
                j++;
            push('word', i, j, s.slice(i, j).toUpperCase());
            i = j;
            continue;
        }
        if (c === tokenize_SQUOTE || c === tokenize_DQUOTE || c === tokenize_BACKTICK) {
            let j = tokenize_scanQuoted(s, i, c);
            if (j < 0)
                j = n;
            if (ssLine && s.lastIndexOf('\n', j - 1) >= i)
                ssLine = false;
            const raw = s.slice(i, j);
            push(c === tokenize_BACKTICK ? 'ident' : 'string', i, j, unquote(raw));
            i = j;
            continue;
        }
        // at the start of a statement (no significant token yet) the client takes any `--` as a comment
        if (c === 35 /* # */ || (c === tokenize_DASH && (tokenize_isDashComment(s, i) || (!significant && s.charCodeAt(i + 1) === tokenize_DASH)))) {
            const j = tokenize_lineEnd(s, i);
            push('comment', i, j);
            i = j;
            continue;
        }
        if (c === tokenize_SLASH && s.charCodeAt(i + 1) === tokenize_STAR) {
            const open = tokenize_execOpenLength(s, i);
            if (open > 0) {
                if (inertFrom < 0 && tokenize_isInertOpener(s, i, open)) {
                    inertFrom = out.length;
                    inertDepth = execDepth + 1;
                }
                push('exec-open', i, i + open);
                ssLine = s.charCodeAt(i + 2) === 33;
                execDepth++;
                i += open;
                continue;
            }
            let j = tokenize_blockCommentEnd(s, i, ssLine);
            if (j < 0)
                j = n;
            ssLine = false;
            push('comment', i, j);
            i = j;
            continue;
        }
        if (c === tokenize_STAR && execDepth > 0 && s.charCodeAt(i + 1) === tokenize_SLASH) {
            push('exec-close', i, i + 2);
            ssLine = false;
            if (execDepth === inertDepth) {
                collapseInert(out, inertFrom);
                inertFrom = inertDepth = -1;
            }
            execDepth--;
            i += 2;
            continue;
        }
        if (c === tokenize_AT) {
            i = scanVariable(s, i, push);
            continue;
        }
        if (c === tokenize_BACKSLASH && i + 1 < n) {
            // outside quotes and plain comments the client runs `\x` itself, removing its argument too (unknown
            // commands are sent as they are)
            const cmd = backslashCommand(s[i + 1]);
            let j = i + 2;
            if (cmd?.takesParams) {
                const newDelimiter = cmd.name === 'delimiter' ? readDirective(s, i, delimiter, 2).value : undefined;
                j = backslashParamsEnd(s, j, ssLine, newDelimiter ?? delimiter);
            }
            push(cmd ? 'command' : 'op', i, j);
            i = j;
            continue;
        }
        if (MULTI_OP_FIRST[c] === 1) {
            if (OPS3.has(s.slice(i, i + 3))) {
                push('op', i, i + 3);
                i += 3;
                continue;
            }
            if (OPS2.has(s.slice(i, i + 2))) {
                push('op', i, i + 2);
                i += 2;
                continue;
            }
        }
        // one char (a lone surrogate pair stays together)
        const w = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
        push('op', i, i + w);
        i += w;
    }
    if (inertFrom >= 0)
        collapseInert(out, inertFrom); // unterminated: runs to the end (the splitter reports it)
    return out;
}
/** Replaces out[from…] (an inert comment's opener, content and closer) by one 'inert' token. */
function collapseInert(out, from) {
    const first = out[from];
    const last = out[out.length - 1];
    const text = out.slice(from).map((t) => t.text).join('');
    out.splice(from, out.length - from, { kind: 'inert', text, value: first.text, start: first.start, end: last.end, line: first.line });
}
/** Digits, decimals, exponents and 0x/0b literals; `1abc` and `1e` followed by letters are words (MySQL rule). */
function scanNumberOrWord(s, i) {
    const n = s.length;
    let j = i;
    const c1 = s.charCodeAt(i + 1) | 0x20;
    if (s.charCodeAt(i) === 48 && (c1 === 0x78 || c1 === 0x62)) {
        // 0x1F / 0b101: a word if more word chars follow that are not hex/bin digits
        let k = i + 2;
        while (k < n && tokenize_isWordChar(s.charCodeAt(k)))
            k++;
        const body = s.slice(i + 2, k);
        const ok = body.length > 0 && (c1 === 0x78 ? /^[0-9a-fA-F]+$/ : /^[01]+$/).test(body);
        return { end: k, word: !ok };
    }
    while (j < n && (tokenize_CHAR_CLASS[s.charCodeAt(j)] ?? 0) & tokenize_C_DIGIT)
        j++;
    if (s.charCodeAt(j) === tokenize_DOT) {
        j++;
        while (j < n && (tokenize_CHAR_CLASS[s.charCodeAt(j)] ?? 0) & tokenize_C_DIGIT)
            j++;
    }
    const e = s.charCodeAt(j) | 0x20;
    if (e === 0x65 /* e */) {
        let k = j + 1;
        const sign = s.charCodeAt(k);
        if (sign === 43 || sign === tokenize_DASH)
            k++;
        if ((tokenize_CHAR_CLASS[s.charCodeAt(k)] ?? 0) & tokenize_C_DIGIT) {
            while (k < n && (tokenize_CHAR_CLASS[s.charCodeAt(k)] ?? 0) & tokenize_C_DIGIT)
                k++;
            j = k;
        }
    }
    // digits immediately followed by word chars form an identifier (e.g. 1abc, 2nd_table)
    if (j < n && tokenize_isWordChar(s.charCodeAt(j)) && s.charCodeAt(i) !== tokenize_DOT) {
        let k = j;
        while (k < n && tokenize_isWordChar(s.charCodeAt(k)))
            k++;
        if (!s.slice(i, j).includes('.'))
            return { end: k, word: true };
    }
    return { end: j, word: false };
}
/** `@name`, `@'quoted'`, `@@global.name`, `@@session.name`; a lone `@` is an op. */
function scanVariable(s, i, push) {
    const n = s.length;
    let j = i + 1;
    if (s.charCodeAt(j) === tokenize_AT)
        j++;
    const q = s.charCodeAt(j);
    if (j === i + 1 && (q === tokenize_SQUOTE || q === tokenize_DQUOTE || q === tokenize_BACKTICK)) {
        let k = tokenize_scanQuoted(s, j, q);
        if (k < 0)
            k = n;
        push('variable', i, k);
        return k;
    }
    const start = j;
    while (j < n) {
        const d = s.charCodeAt(j);
        if (tokenize_isWordChar(d) || d === tokenize_DOT)
            j++;
        else
            break;
    }
    if (j === start) {
        push('op', i, start);
        return start;
    }
    push('variable', i, j);
    return j;
}

;// CONCATENATED MODULE: ./src/sql/lexer/keywords.ts
// Allocation-free recognition of the few keywords the splitter needs: compares char codes case-insensitively
// instead of slicing and upper-casing every word.
var Kw;
(function (Kw) {
    Kw[Kw["None"] = 0] = "None";
    Kw[Kw["CREATE"] = 1] = "CREATE";
    Kw[Kw["ALTER"] = 2] = "ALTER";
    Kw[Kw["OR"] = 3] = "OR";
    Kw[Kw["REPLACE"] = 4] = "REPLACE";
    Kw[Kw["DEFINER"] = 5] = "DEFINER";
    Kw[Kw["AGGREGATE"] = 6] = "AGGREGATE";
    Kw[Kw["PROCEDURE"] = 7] = "PROCEDURE";
    Kw[Kw["FUNCTION"] = 8] = "FUNCTION";
    Kw[Kw["TRIGGER"] = 9] = "TRIGGER";
    Kw[Kw["EVENT"] = 10] = "EVENT";
    Kw[Kw["BEGIN"] = 11] = "BEGIN";
    Kw[Kw["END"] = 12] = "END";
    Kw[Kw["IF"] = 13] = "IF";
    Kw[Kw["CASE"] = 14] = "CASE";
    Kw[Kw["LOOP"] = 15] = "LOOP";
    Kw[Kw["WHILE"] = 16] = "WHILE";
    Kw[Kw["REPEAT"] = 17] = "REPEAT";
    Kw[Kw["NOT"] = 18] = "NOT";
    Kw[Kw["ATOMIC"] = 19] = "ATOMIC";
    Kw[Kw["EXISTS"] = 20] = "EXISTS";
    Kw[Kw["THEN"] = 21] = "THEN";
    Kw[Kw["ELSE"] = 22] = "ELSE";
    Kw[Kw["DO"] = 23] = "DO";
    Kw[Kw["ROW"] = 24] = "ROW";
    Kw[Kw["DETERMINISTIC"] = 25] = "DETERMINISTIC";
    Kw[Kw["HANDLER"] = 26] = "HANDLER";
    Kw[Kw["OTHER_OBJECT"] = 27] = "OTHER_OBJECT";
})(Kw || (Kw = {}));
const TABLE = [
    ['CREATE', Kw.CREATE], ['ALTER', Kw.ALTER], ['OR', Kw.OR], ['REPLACE', Kw.REPLACE], ['DEFINER', Kw.DEFINER],
    ['AGGREGATE', Kw.AGGREGATE], ['PROCEDURE', Kw.PROCEDURE], ['FUNCTION', Kw.FUNCTION], ['TRIGGER', Kw.TRIGGER],
    ['EVENT', Kw.EVENT], ['BEGIN', Kw.BEGIN], ['END', Kw.END], ['IF', Kw.IF], ['CASE', Kw.CASE], ['LOOP', Kw.LOOP],
    ['WHILE', Kw.WHILE], ['REPEAT', Kw.REPEAT], ['NOT', Kw.NOT], ['ATOMIC', Kw.ATOMIC], ['EXISTS', Kw.EXISTS],
    ['THEN', Kw.THEN], ['ELSE', Kw.ELSE], ['DO', Kw.DO], ['ROW', Kw.ROW], ['DETERMINISTIC', Kw.DETERMINISTIC], ['HANDLER', Kw.HANDLER],
    // CREATE <these> is never a stored program: stop looking for PROCEDURE/FUNCTION/TRIGGER/EVENT
    ...['TABLE', 'VIEW', 'INDEX', 'DATABASE', 'SCHEMA', 'USER', 'ROLE', 'SERVER', 'SEQUENCE', 'TABLESPACE',
        'TEMPORARY', 'UNIQUE', 'FULLTEXT', 'SPATIAL', 'PACKAGE', 'LOGFILE', 'SYNONYM', 'RESOURCE', 'SPFILE']
        .map((w) => [w, Kw.OTHER_OBJECT])
];
/** Buckets by length, then candidates compared char by char. */
const BY_LEN = [];
for (const [w, k] of TABLE) {
    const codes = new Uint16Array(w.length);
    for (let i = 0; i < w.length; i++)
        codes[i] = w.charCodeAt(i);
    (BY_LEN[w.length] ??= []).push([codes, k]);
}
const MAX_LEN = BY_LEN.length - 1;
/** Keyword id of the word s[start, end), or Kw.None. */
function keywordOf(s, start, end) {
    const len = end - start;
    if (len > MAX_LEN)
        return Kw.None;
    const bucket = BY_LEN[len];
    if (bucket === undefined)
        return Kw.None;
    const c0 = s.charCodeAt(start);
    if (c0 > 127)
        return Kw.None;
    const first = c0 & 0xdf; // ASCII upper-case (keywords start with a letter)
    outer: for (let b = 0; b < bucket.length; b++) {
        const [codes, kw] = bucket[b];
        if (codes[0] !== first)
            continue;
        for (let i = 1; i < len; i++) {
            const c = s.charCodeAt(start + i);
            if (c > 127 || (c & 0xdf) !== codes[i]) {
                // digits/underscore/$ have no case: compare them directly
                if (c !== codes[i])
                    continue outer;
            }
        }
        return kw;
    }
    return Kw.None;
}

;// CONCATENATED MODULE: ./src/sql/lexer/blocks.ts
// Keeps a stored program's BEGIN … END body together when the active delimiter is `;` (the real client would
// cut it at the first inner `;`, but users write it this way and other tools keep it whole). Fed by the splitter
// with the words and punctuation of one statement; decides whether a `;` is inside a compound block.


// Local copies: loaders and bundlers turn named imports into getter calls, too slow in a per-char loop.
const { Kw: blocks_Kw, /* keywordOf */ "X": blocks_keywordOf } = keywords_namespaceObject;
const { /* COLON */ "oH": blocks_COLON, /* COMMA */ "KE": blocks_COMMA, /* DOT */ "y0": blocks_DOT, EQ: blocks_EQ, /* LPAREN */ "Dl": blocks_LPAREN, /* RPAREN */ "tf": blocks_RPAREN, AT: blocks_AT, /* SEMI */ "v_": blocks_SEMI, /* SPACE */ "t6": blocks_SPACE } = chars_namespaceObject;
/** Block kinds, for messages and for THEN/ELSE handling. */
const B_BEGIN = 1;
const B_IF = 2;
const B_CASE_STMT = 3;
const B_CASE_EXPR = 4;
const B_LOOP = 5;
const B_WHILE = 6;
const B_REPEAT = 7;
const BLOCK_NAMES = {
    [B_BEGIN]: 'BEGIN … END', [B_IF]: 'IF … END IF', [B_CASE_STMT]: 'CASE … END CASE', [B_CASE_EXPR]: 'CASE … END',
    [B_LOOP]: 'LOOP … END LOOP', [B_WHILE]: 'WHILE … END WHILE', [B_REPEAT]: 'REPEAT … END REPEAT'
};
/** Where the statement stands: still reading its first word, in a CREATE header, in a program, or plain SQL. */
const PHASE_FIRST = 0;
const PHASE_HEADER = 1;
const PHASE_PROGRAM = 2;
const PHASE_PLAIN = 3;
const BLOCK_KEYWORDS = {
    [B_BEGIN]: 'BEGIN', [B_IF]: 'IF', [B_CASE_STMT]: 'CASE', [B_CASE_EXPR]: 'CASE', [B_LOOP]: 'LOOP', [B_WHILE]: 'WHILE',
    [B_REPEAT]: 'REPEAT'
};
/** First significant char code at or after i, skipping whitespace only (NaN at the end). */
function nextSig(s, i) {
    let c = s.charCodeAt(i);
    while (c <= blocks_SPACE)
        c = s.charCodeAt(++i);
    return c;
}
/** End offset of the ASCII-letter word starting at i. */
function wordEndAt(s, i) {
    let j = i;
    for (;;) {
        const c = s.charCodeAt(j);
        if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95)
            j++;
        else
            return j;
    }
}
class BlockTracker {
    phase = PHASE_FIRST;
    depth = 0;
    kinds = [];
    opens = [];
    stmtStart = false;
    prevEnd = false;
    afterBegin = false;
    /** `HANDLER` seen in the current inner statement: its body may be a BEGIN … END block. */
    handler = false;
    headerWords = 0;
    /** 2: DEFINER seen, expecting `=`; 1: expecting the account; 0: none. */
    skipUser = 0;
    afterAt = false;
    parens = 0;
    /** Code of the previous significant char (a letter for words), for identifier-vs-keyword guesses. */
    prev = 0;
    reset() {
        this.phase = PHASE_FIRST;
        this.depth = 0;
        this.kinds.length = 0;
        this.opens.length = 0;
        this.stmtStart = false;
        this.prevEnd = false;
        this.afterBegin = false;
        this.handler = false;
        this.headerWords = 0;
        this.skipUser = 0;
        this.afterAt = false;
        this.parens = 0;
        this.prev = 0;
    }
    /** Innermost block still open, if any. */
    openBlock() {
        if (this.depth === 0)
            return undefined;
        const kind = this.kinds[this.depth - 1];
        return { name: BLOCK_NAMES[kind], keyword: BLOCK_KEYWORDS[kind], at: this.opens[this.depth - 1] };
    }
    /** True when a `;` at this point belongs to a program body (must not end the statement). */
    semicolon() {
        this.prev = blocks_SEMI;
        this.prevEnd = false;
        this.afterBegin = false;
        this.handler = false;
        if (this.phase !== PHASE_PROGRAM || this.depth === 0)
            return false;
        this.stmtStart = true;
        return true;
    }
    /** A word s[start, end). */
    word(s, start, end) {
        const kw = blocks_keywordOf(s, start, end);
        const prev = this.prev;
        this.prev = 65;
        switch (this.phase) {
            case PHASE_FIRST:
                this.phase = kw === blocks_Kw.CREATE || kw === blocks_Kw.ALTER ? PHASE_HEADER : PHASE_PLAIN;
                return;
            case PHASE_HEADER:
                this.headerWord(kw);
                return;
            case PHASE_PROGRAM:
                this.programWord(s, start, end, kw, prev);
                return;
            default:
        }
    }
    /** Any other significant token (string, quoted identifier, number, variable, operator char). */
    other(c) {
        const prev = this.prev;
        this.prev = c;
        switch (this.phase) {
            case PHASE_FIRST:
                this.phase = PHASE_PLAIN;
                return;
            case PHASE_HEADER:
                if (c === blocks_EQ && this.skipUser === 2)
                    this.skipUser = 1;
                else if (c === blocks_AT)
                    this.afterAt = true;
                else if (this.skipUser === 1 || this.afterAt) {
                    this.skipUser = 0;
                    this.afterAt = false;
                }
                return;
            case PHASE_PROGRAM:
                this.prevEnd = false;
                this.afterBegin = false;
                if (c === blocks_LPAREN) {
                    this.parens++;
                    this.stmtStart = false;
                }
                else if (c === blocks_RPAREN) {
                    if (this.parens > 0)
                        this.parens--;
                    // after a parameter list / type length: a body may start here (`CREATE PROCEDURE p() IF …`)
                    this.stmtStart = this.parens === 0;
                }
                else if (c === blocks_COLON) {
                    // `label:` starts a statement; `:=` does not (the `=` comes next and clears the flag)
                    this.stmtStart = prev !== blocks_COLON;
                }
                else
                    this.stmtStart = false;
                return;
            default:
        }
    }
    headerWord(kw) {
        if (this.skipUser === 1 || this.afterAt) {
            this.skipUser = 0;
            this.afterAt = false;
            return;
        }
        switch (kw) {
            case blocks_Kw.PROCEDURE:
            case blocks_Kw.FUNCTION:
            case blocks_Kw.TRIGGER:
            case blocks_Kw.EVENT:
                this.phase = PHASE_PROGRAM;
                this.stmtStart = false;
                return;
            case blocks_Kw.OTHER_OBJECT:
                this.phase = PHASE_PLAIN;
                return;
            case blocks_Kw.DEFINER:
                this.skipUser = 2;
                return;
            default:
                if (++this.headerWords > 12)
                    this.phase = PHASE_PLAIN;
        }
    }
    push(kind, at) {
        this.handler = false;
        this.kinds[this.depth] = kind;
        this.opens[this.depth] = at;
        this.depth++;
    }
    programWord(s, start, end, kw, prev) {
        const prevEnd = this.prevEnd;
        const afterBegin = this.afterBegin;
        this.prevEnd = false;
        this.afterBegin = false;
        switch (kw) {
            case blocks_Kw.BEGIN: {
                const nx = nextSig(s, end);
                if (prev === blocks_COMMA || prev === blocks_DOT || prev === blocks_LPAREN || prev === blocks_EQ || prev === blocks_AT ||
                    nx === blocks_COMMA || nx === blocks_DOT || nx === blocks_RPAREN || nx === blocks_EQ)
                    break; // an identifier named begin
                // A block starts a statement: the body itself (depth 0), after `;`/THEN/ELSE/DO/label:…, or a handler
                // body (DECLARE … HANDLER FOR … BEGIN). Elsewhere (`SELECT begin FROM t`) it is a column name.
                if (this.depth > 0 && !this.stmtStart && !this.handler)
                    break;
                this.push(B_BEGIN, start);
                this.stmtStart = true;
                this.afterBegin = true;
                return;
            }
            case blocks_Kw.HANDLER:
                this.handler = true;
                break;
            case blocks_Kw.NOT:
            case blocks_Kw.ATOMIC:
                if (afterBegin) {
                    this.afterBegin = true;
                    return;
                } // BEGIN NOT ATOMIC (MariaDB)
                break;
            case blocks_Kw.END: {
                if (this.depth === 0)
                    break;
                const nx = nextSig(s, end);
                if (prev === blocks_COMMA || prev === blocks_DOT || prev === blocks_LPAREN || prev === blocks_AT || nx === blocks_DOT)
                    break;
                const top = this.kinds[this.depth - 1];
                // Statement blocks end right after a `;` (or an empty BEGIN … END); CASE expressions and
                // REPEAT … UNTIL cond END REPEAT end after an expression. Anything else is a column named end.
                if (top !== B_CASE_EXPR && top !== B_REPEAT && prev !== blocks_SEMI && !afterBegin)
                    break;
                if (nx === blocks_EQ && top !== B_CASE_EXPR && top !== B_CASE_STMT)
                    break; // `SET end = …`
                this.depth--;
                this.prevEnd = true;
                this.stmtStart = false;
                return;
            }
            case blocks_Kw.IF: {
                if (prevEnd)
                    break; // END IF
                if (!this.stmtStart) {
                    const nx = nextSig(s, end);
                    if (nx === blocks_LPAREN)
                        break; // IF(cond, a, b) function
                    if ((nx | 0x20) === 0x65 /* e */ || (nx | 0x20) === 0x6e /* n */) {
                        const k = skipWs(s, end);
                        const w = blocks_keywordOf(s, k, wordEndAt(s, k));
                        if (w === blocks_Kw.EXISTS || w === blocks_Kw.NOT)
                            break; // IF [NOT] EXISTS clause
                    }
                }
                this.push(B_IF, start);
                this.stmtStart = false;
                return;
            }
            case blocks_Kw.CASE:
                if (prevEnd)
                    break; // END CASE
                this.push(this.stmtStart ? B_CASE_STMT : B_CASE_EXPR, start);
                this.stmtStart = false;
                return;
            case blocks_Kw.LOOP:
                if (prevEnd)
                    break;
                this.push(B_LOOP, start);
                this.stmtStart = true;
                return;
            case blocks_Kw.WHILE:
                if (prevEnd)
                    break;
                this.push(B_WHILE, start);
                this.stmtStart = false;
                return;
            case blocks_Kw.REPEAT:
                if (prevEnd)
                    break;
                if (!this.stmtStart && nextSig(s, end) === blocks_LPAREN)
                    break; // REPEAT(str, n) function
                this.push(B_REPEAT, start);
                this.stmtStart = true;
                return;
            case blocks_Kw.THEN:
            case blocks_Kw.ELSE: {
                const top = this.depth > 0 ? this.kinds[this.depth - 1] : 0;
                this.stmtStart = top === B_IF || top === B_CASE_STMT;
                return;
            }
            case blocks_Kw.DO:
            case blocks_Kw.ROW:
            case blocks_Kw.DETERMINISTIC:
                this.stmtStart = true;
                return;
            default:
        }
        this.stmtStart = false;
    }
}
function skipWs(s, i) {
    while (s.charCodeAt(i) <= blocks_SPACE)
        i++;
    return i;
}

;// CONCATENATED MODULE: ./src/sql/lexer/lines.ts
// Line numbers on demand: callers ask for offsets in (mostly) increasing order, so a cursor that counts
// newlines with indexOf/lastIndexOf costs about one native pass over the text in total.
class LineCounter {
    s;
    pos = 0;
    line = 1;
    constructor(s) {
        this.s = s;
    }
    /** 1-based line of offset. */
    lineAt(offset) {
        const s = this.s;
        if (offset >= this.pos) {
            let k = s.indexOf('\n', this.pos);
            while (k >= 0 && k < offset) {
                this.line++;
                k = s.indexOf('\n', k + 1);
            }
        }
        else {
            let k = s.lastIndexOf('\n', this.pos - 1);
            while (k >= offset) {
                this.line--;
                k = k > 0 ? s.lastIndexOf('\n', k - 1) : -1;
            }
        }
        this.pos = offset;
        return this.line;
    }
}

;// CONCATENATED MODULE: ./src/sql/lexer/split.ts






// Local copies: loaders and bundlers turn named imports into getter calls, too slow in a per-char loop.
const { /* blockCommentEnd */ "iY": split_blockCommentEnd, /* countNewlines */ "Dn": split_countNewlines, /* execOpenLength */ "Wi": split_execOpenLength, /* isDashComment */ "IC": split_isDashComment, /* lineEnd */ "kd": split_lineEnd, /* scanQuoted */ "YX": split_scanQuoted } = scan_namespaceObject;
const { /* BlockTracker */ "yX": split_BlockTracker, /* PHASE_PLAIN */ "z6": split_PHASE_PLAIN, /* PHASE_PROGRAM */ "Nx": split_PHASE_PROGRAM } = blocks_namespaceObject;
const { /* atLineStart */ "ep": split_atLineStart, /* isDelimiterWord */ "ax": split_isDelimiterWord, /* readDirective */ "cA": split_readDirective } = directive_namespaceObject;
const { /* BACKSLASH */ "r_": split_BACKSLASH, /* BACKTICK */ "rw": split_BACKTICK, /* BANG */ "Nl": split_BANG, /* BOM */ "bh": split_BOM, CR: split_CR, /* DASH */ "jr": split_DASH, /* DQUOTE */ "TB": split_DQUOTE, /* HASH */ "v9": split_HASH, NL: split_NL, /* SEMI */ "v_": split_SEMI, /* SLASH */ "o": split_SLASH, /* SPACE */ "t6": split_SPACE, /* SQUOTE */ "y7": split_SQUOTE, /* STAR */ "Vw": split_STAR, /* TAB */ "wn": split_TAB, /* isWordChar */ "x8": split_isWordChar } = chars_namespaceObject;
const QUOTE_NAMES = {
    [split_SQUOTE]: "single-quoted string '…'", [split_DQUOTE]: 'double-quoted string "…"', [split_BACKTICK]: 'quoted identifier `…`'
};
/** Chars the plain-run loop must stop at, per first char of the delimiter (cached: files switch often). */
const STOP_TABLES = [];
function stopTable(d0) {
    const key = d0 >= 0 && d0 < 128 ? d0 : 128;
    let t = STOP_TABLES[key];
    if (t === undefined) {
        t = new Uint8Array(128);
        for (const c of [split_SQUOTE, split_DQUOTE, split_BACKTICK, split_HASH, split_DASH, split_SLASH, split_STAR, split_NL, split_BACKSLASH])
            t[c] = 1;
        if (key < 128)
            t[key] = 1;
        STOP_TABLES[key] = t;
    }
    return t;
}
/**
 * Splits a whole .sql file as the mysql/mariadb client would. A UTF-8 BOM is stripped; offsets and lines refer
 * to the stripped source. Empty statements (only blanks/comments) are dropped; a final statement without a
 * delimiter gets `delimiter: ''` (not a problem: the client runs it). Problems: unterminated quotes, comments
 * and blocks, DELIMITER lines the client would not apply, delimiters cutting executable comments.
 */
function splitStatements(source) {
    const s = source.charCodeAt(0) === split_BOM ? source.slice(1) : source;
    const n = s.length;
    const statements = [];
    const problems = [];
    const lines = new LineCounter(s);
    const tracker = new split_BlockTracker();
    let delim = ';';
    let dlen = 1;
    let d0 = split_SEMI;
    let semi = true;
    let stop = stopTable(d0);
    let textStart = -1; // first non-blank char of the statement (may be a comment)
    let firstSig = -1; // first char that is neither blank nor comment
    let firstLine = 0; // its line
    let line = 1; // line of offset i (counted in the loop; LineCounter only serves rare problem messages)
    let execOpen = -1; // offset of an open `/*!` executable comment
    let ssLine = false; // a `/*!` opened on the current line and not closed on it (client quirk, see blockCommentEnd)
    // Comments on the rest of a delimiter's line belong to the statement it ended, not to the next one.
    let afterDelimLine = false;
    const problem = (at, message, atLine) => {
        problems.push({ line: atLine ?? lines.lineAt(at), message });
    };
    const endStatement = (end, delimiter) => {
        if (firstSig >= 0) {
            let e = end;
            while (e > textStart && s.charCodeAt(e - 1) <= split_SPACE)
                e--;
            statements.push({ text: s.slice(textStart, e), delimiter, line: firstLine, start: textStart, end: e });
        }
        textStart = -1;
        firstSig = -1;
        execOpen = -1;
        tracker.reset();
    };
    const setDelimiter = (value) => {
        delim = value;
        dlen = delim.length;
        d0 = delim.charCodeAt(0) < 128 ? delim.charCodeAt(0) : -1; // see readDirective: never matched
        semi = delim === ';';
        stop = stopTable(d0);
    };
    /** Forgets the pending statement (the client's `\c`, `\q`). */
    const discardStatement = () => {
        textStart = -1;
        firstSig = -1;
        execOpen = -1;
        tracker.reset();
    };
    // the client cuts an argument short at `*/` only in a `/*!` comment opened on the same line (its ss_comment)
    const paramsEnd = (j) => backslashParamsEnd(s, j, ssLine, delim);
    /** Runs the client's backslash command at i (`\x`); returns the offset after what the client consumed. */
    const backslash = (i, cmd) => {
        const written = s.slice(i, i + 2);
        // Between statements, comments before a command are not part of the next statement.
        if (firstSig < 0)
            textStart = -1;
        switch (cmd.name) {
            case 'sandbox':
                return i + 2;
            case 'go':
            case 'ego':
                if (execOpen >= 0) {
                    problem(i, `'${written}' ends the statement inside the executable comment opened at line ` +
                        `${lines.lineAt(execOpen)}: the client sends the two halves as separate statements`, line);
                }
                endStatement(i, written);
                afterDelimLine = true;
                return i + 2;
            case 'delimiter': {
                const d = split_readDirective(s, i, delim, 2);
                if (d.value === undefined) {
                    problem(i, d.problem.replace(/^DELIMITER/, written), line);
                    return paramsEnd(i + 2);
                }
                if (firstSig >= 0) {
                    problem(i, `'${written} ${d.value}' changes the delimiter inside the statement that began at line ${firstLine}: ` +
                        'put DELIMITER on its own line between statements', line);
                }
                else
                    textStart = -1;
                setDelimiter(d.value);
                return paramsEnd(i + 2);
            }
            default: {
                const what = cmd.name === 'quit' ? 'and stops reading the file here'
                    : cmd.name === 'clear' ? 'and discards the statement typed so far' : 'itself instead of sending it to the server';
                problem(i, `'${written}' is a mysql client command (${cmd.name}), not SQL: the client runs it ${what}; remove it from the file`, line);
                if (cmd.name === 'quit') {
                    discardStatement();
                    return n;
                }
                if (cmd.name === 'clear')
                    discardStatement();
                return cmd.takesParams ? paramsEnd(i + 2) : i + 2;
            }
        }
    };
    /** A line (first non-blank at k) inside an unfinished statement that looks like a directive: it is SQL. */
    const checkPendingDirective = (k) => {
        if (!split_isDelimiterWord(s, k))
            return;
        const d = split_readDirective(s, k, delim);
        if (d.value === undefined || d.problem)
            return;
        problem(k, `'DELIMITER ${d.value}' is not a directive here: the statement that began at line ` +
            `${firstLine} has no '${delim}' yet, so the client sends this line as SQL (missing delimiter?)`, line);
    };
    let i = 0;
    while (i < n) {
        let c = s.charCodeAt(i);
        if (firstSig < 0) {
            // Between statements: blanks, comments and DELIMITER directives.
            if (c <= split_SPACE) {
                if (c === split_NL) {
                    line++;
                    afterDelimLine = false;
                    ssLine = false;
                }
                i++;
                continue;
            }
            if ((c | 0x20) === 0x64 && split_isDelimiterWord(s, i) && split_atLineStart(s, i)) {
                const d = split_readDirective(s, i, delim);
                if (d.problem)
                    problem(i, d.problem, line);
                if (d.value !== undefined)
                    setDelimiter(d.value);
                textStart = -1;
                i = d.eol;
                continue;
            }
            if ((c === 63 || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a)) && split_atLineStart(s, i)) {
                const cmd = clientCommandAt(s, i, delim);
                if (cmd) {
                    const stops = cmd.name === 'exit' || cmd.name === 'quit';
                    problem(i, `'${s.slice(i, cmd.eol).trim()}' is a mysql client command, not SQL: the client runs it ` +
                        (stops ? 'and stops reading the file here' : 'itself instead of sending it to the server') +
                        '; remove it from the file', line);
                    textStart = -1;
                    i = stops ? n : cmd.eol;
                    continue;
                }
            }
            if ((c | 0x20) === 0x64 && split_isDelimiterWord(s, i)) {
                problem(i, 'DELIMITER is a directive only at the start of a line (after a completed statement): here the ' +
                    `client does not apply it, but sends or garbles the text up to the next '${delim}'; put it on its own line`, line);
            }
        }
        if (c === d0 && (dlen === 1 || s.startsWith(delim, i))) {
            if (semi && tracker.semicolon()) {
                i++;
                continue;
            }
            if (execOpen >= 0) {
                problem(i, `the delimiter '${delim}' cuts the executable comment opened at line ${lines.lineAt(execOpen)}: ` +
                    'the client sends the two halves as separate statements', line);
            }
            endStatement(i, delim);
            afterDelimLine = true;
            i += dlen;
            continue;
        }
        switch (c) {
            case split_SQUOTE:
            case split_DQUOTE:
            case split_BACKTICK: {
                if (firstSig < 0) {
                    firstSig = i;
                    firstLine = line;
                    if (textStart < 0)
                        textStart = i;
                }
                if (semi)
                    tracker.other(c);
                const j = split_scanQuoted(s, i, c);
                const qLine = line;
                line += split_countNewlines(s, i, j < 0 ? n : j);
                if (ssLine && j > 0 && s.lastIndexOf('\n', j) > i)
                    ssLine = false;
                if (j < 0) {
                    problem(i, `unterminated ${QUOTE_NAMES[c]} starting at line ${qLine}: it runs to the end of the file`, qLine);
                    i = n;
                }
                else
                    i = j;
                continue;
            }
            case split_HASH:
                if (textStart < 0 && !afterDelimLine)
                    textStart = i;
                i = split_lineEnd(s, i);
                continue;
            case split_DASH:
                // At the start of a statement the client takes any `--` as a comment (elsewhere `--x` is SQL).
                if (split_isDashComment(s, i) || (firstSig < 0 && s.charCodeAt(i + 1) === split_DASH)) {
                    if (textStart < 0 && !afterDelimLine)
                        textStart = i;
                    i = split_lineEnd(s, i);
                    continue;
                }
                break;
            case split_SLASH:
                if (s.charCodeAt(i + 1) === split_STAR) {
                    const open = split_execOpenLength(s, i);
                    if (open > 0) {
                        // executable comment: its content is SQL (a nested opener is just text, as for the client)
                        if (firstSig < 0) {
                            firstSig = i;
                            firstLine = line;
                            if (textStart < 0)
                                textStart = i;
                        }
                        if (execOpen < 0)
                            execOpen = i;
                        ssLine = s.charCodeAt(i + 2) === split_BANG;
                        i += open;
                        continue;
                    }
                    if (textStart < 0 && !afterDelimLine)
                        textStart = i;
                    const j = split_blockCommentEnd(s, i, ssLine);
                    ssLine = false;
                    const cLine = line;
                    line += split_countNewlines(s, i, j < 0 ? n : j);
                    if (j < 0) {
                        problem(i, `unterminated comment /* … */ starting at line ${cLine}: it runs to the end of the file`, cLine);
                        i = n;
                    }
                    else
                        i = j;
                    continue;
                }
                break;
            case split_BACKSLASH: {
                const next = s.charCodeAt(i + 1);
                if (Number.isNaN(next) || next === split_NL || next === split_CR)
                    break;
                const cmd = backslashCommand(s[i + 1]);
                if (cmd) {
                    i = backslash(i, cmd);
                    continue;
                }
                if (next !== 78 /* \N is NULL */) {
                    problem(i, `'${s.slice(i, i + 2)}' outside a string is not SQL: the mysql client rejects it as an unknown command`, line);
                }
                break;
            }
            case split_STAR:
                if (execOpen >= 0 && s.charCodeAt(i + 1) === split_SLASH) {
                    execOpen = -1;
                    ssLine = false;
                    i += 2;
                    continue;
                }
                break;
            case split_NL: {
                line++;
                ssLine = false;
                i++;
                if (firstSig >= 0) {
                    // indentation is insignificant: skip it here, and look for a DELIMITER line inside the statement
                    c = s.charCodeAt(i);
                    while (c === split_SPACE || c === split_TAB)
                        c = s.charCodeAt(++i);
                    if ((c | 0x20) === 0x64)
                        checkPendingDirective(i);
                }
                continue;
            }
            default:
                if (c <= split_SPACE) {
                    i++;
                    continue;
                }
        }
        // Significant SQL text.
        if (firstSig < 0) {
            firstSig = i;
            firstLine = line;
            if (textStart < 0)
                textStart = i;
        }
        if (semi && tracker.phase !== split_PHASE_PLAIN) {
            if (split_isWordChar(c)) {
                let j = i + 1;
                while (j < n && split_isWordChar(s.charCodeAt(j)))
                    j++;
                tracker.word(s, i, j);
                i = j;
            }
            else {
                tracker.other(c);
                i++;
            }
            continue;
        }
        // Plain run: skip to the next char that can matter.
        i++;
        while (i < n) {
            c = s.charCodeAt(i);
            if (c < 128 && stop[c] === 1)
                break;
            i++;
        }
    }
    if (execOpen >= 0) {
        problem(execOpen, `unterminated executable comment /*! … */ starting at line ${lines.lineAt(execOpen)}`);
    }
    if (tracker.phase === split_PHASE_PROGRAM) {
        const open = tracker.openBlock();
        if (open) {
            problem(open.at, `unterminated ${open.name} block: ${open.keyword} ` +
                `at line ${lines.lineAt(open.at)} is not closed before the end of the file ` +
                `(statement starting at line ${firstLine})`);
        }
    }
    endStatement(n, '');
    return { statements, problems };
}

;// CONCATENATED MODULE: ./src/sql/lexer.ts




/***/ })

};
