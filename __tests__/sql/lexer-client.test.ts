// Proof that splitStatements agrees with the real mariadb command-line client. Each input is fed to the client
// (`mariadb --force db < file`, exactly as a user runs a file); the server's general query log then holds
// every statement the client actually sent, in order. Our statements must match them one for one. Text is
// compared as significant tokens, because the client strips comments (and client-side backslash commands such
// as mariadb-dump's `\-` sandbox marker) before sending.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { canonicalTokens } from '../../src/sql/canonical.js'
import { splitStatements, tokenize } from '../../src/sql/lexer.js'
import { generateCorpus, prng, randomSqlFile } from '../../bench/corpus.js'
import { mariadb, sharedMariaDb } from '../helpers/mariadb-server.js'

const DB = 'dpg_lexer_client'

/** Runs `sql` through the real client (errors ignored, as with --force) and returns what it sent the server. */
function clientSent(sql: string, db = DB): string[] {
  const h = sharedMariaDb()
  const marker = `dpg-lexer-${randomUUID()}`
  const r = spawnSync(h.client, ['--no-defaults', '-uroot', `--socket=${h.socket}`, '--force', '--batch',
    `--init-command=SELECT '${marker}'`, db], { input: sql, encoding: 'utf8', timeout: 60_000 })
  if (r.error) throw r.error
  const hex = mariadb(
    `SELECT HEX(argument) FROM mysql.general_log WHERE command_type = 'Query' AND thread_id = ` +
    `(SELECT thread_id FROM mysql.general_log WHERE argument = 'SELECT ''${marker}''' LIMIT 1)`)
  const sent = hex.split('\n').filter((x) => x !== '').map((x) => Buffer.from(x, 'hex').toString('utf8'))
  expect(sent[0]).toBe(`SELECT '${marker}'`)
  return sent.slice(1)
}

/**
 * Significant tokens only: no whitespace, comments or client backslash commands; CRLF as LF; trailing `;`s
 * dropped (the server strips them from every query, comments already gone, before logging it); 4-byte UTF-8 chars
 * written as the general log's utf8mb3 column shows them (\xF0\x9F…).
 */
function norm(text: string): string {
  const logForm = text.replace(/\r\n/g, '\n').replace(/[\s;]+$/, '')
    .replace(/[\u{10000}-\u{10FFFF}]/gu, (ch) => [...Buffer.from(ch)].map((b) => `\\x${b.toString(16).toUpperCase()}`).join(''))
  const sig = tokenize(logForm)
    .filter((t) => t.kind !== 'ws' && t.kind !== 'comment' && t.kind !== 'command')
    // the client removes backslash commands inside an inert comment too (`/*M!999999\- …` arrives without `\-`)
    .map((t) => (t.kind === 'inert' ? canonicalTokens([t]) : t.text))
  while (sig.length > 0 && sig[sig.length - 1] === ';') sig.pop()
  return sig.join(' ')
}

function expectAgreement(sql: string): void {
  const ours = splitStatements(sql).statements.map((s) => norm(s.text))
  const theirs = clientSent(sql).map(norm)
  expect(ours).toEqual(theirs)
}

beforeAll(() => {
  mariadb(`SET GLOBAL log_output = 'TABLE'; SET GLOBAL general_log = ON;
    DROP DATABASE IF EXISTS ${DB}; CREATE DATABASE ${DB}; CREATE TABLE ${DB}.t (a INT, note VARCHAR(100));
    CREATE TABLE ${DB}.orders (id INT, qty INT, note VARCHAR(100), updated_at DATETIME);
    CREATE TABLE ${DB}.audit_log (msg VARCHAR(500), created_at DATETIME);`)
})
afterAll(() => {
  mariadb(`SET GLOBAL general_log = OFF; DROP DATABASE IF EXISTS ${DB}`)
})

/** Inputs where the client's own rules apply (no `;`-delimited stored programs: see the last describe). */
const CASES: Array<[string, string]> = [
  ['DELIMITER $$ with routines, END$$ and END $$',
    "DROP PROCEDURE IF EXISTS p1;\nDELIMITER $$\nCREATE PROCEDURE p1() BEGIN SELECT ';'; SELECT 2; END$$\nCREATE FUNCTION f1() RETURNS INT BEGIN RETURN 1; END $$\nDELIMITER ;\nSELECT 1;"],
  ['//, ;; and /// delimiters, lower case, leading blanks, tab separator',
    'delimiter //\nSELECT 1//\n  DELIMITER ;;\nSELECT 2; SELECT 3;;\n\tDeLiMiTeR\t///\nSELECT 4///\ndelimiter ;\nSELECT 5;'],
  ['word delimiter GO matches inside words, case-sensitively',
    "DELIMITER GO\nSELECT 'GO' go\nSELECT 2 GO\nSELECT 1 AS ALGOx GO\nDELIMITER ;\nSELECT 3;"],
  ['directive value: comment after it, text after it, quoted values, tab inside',
    "DELIMITER $$ -- switch\nSELECT 1$$\nDELIMITER // SELECT 'ignored'\nSELECT 2//\nDELIMITER '@@'\nSELECT 3@@\nDELIMITER \"a b\"\nSELECT 4 a b\nDELIMITER $$\t-- tab\nSELECT 5$$\nSELECT 6$$\t--\nDELIMITER ;\nSELECT 7;"],
  ['DELIMITER without value or with a backslash is rejected',
    'DELIMITER\nSELECT 1;\nDELIMITER a\\\\b\nSELECT 2;\nDELIMITER  \nSELECT 3;\nDELIMITER a\\b\nSELECT 4ab\nDELIMITER "x\\"y"\nSELECT 5x"y'],
  ['DELIMITER inside strings, comments, identifiers is text',
    "SELECT 'a\nDELIMITER $$\n' AS x;\n/*\nDELIMITER $$\n*/\nSELECT `x\nDELIMITER $$\n` FROM t;\n-- DELIMITER $$\n# DELIMITER $$\nSELECT 2;"],
  ['DELIMITER mid-line is SQL', 'SELECT 1; DELIMITER //\nSELECT 2//\n'],
  ['DELIMITER after a comment on its line is SQL', 'SELECT 1;\n/* c */ DELIMITER //\nSELECT 2//\n'],
  ['DELIMITER inside an unfinished statement is SQL',
    'SELECT 1\nDELIMITER //\nSELECT 2//;\nSELECT 3;'],
  ['DELIMITER after comment-only lines is a directive',
    'SELECT 0;\n/* c */\n-- d\n# e\nDELIMITER //\nSELECT 1//\nDELIMITER ;'],
  ['quotes: backslash and doubled escapes, backticks',
    "SELECT 'a\\';b', 'it''s;', \"x\\\";y\", \"q\"\";r\", 'end\\\\';SELECT `t``;u` FROM (SELECT 1 AS `t``;u`) z;SELECT 'x\\\\';"],
  ['comments: -- forms, #, /* */',
    'SELECT 1 -- c;\n;SELECT 1 --\tc;\n;SELECT 1 --1;\nSELECT 2 --\n, 3;\nSELECT 4 # x; y\n, 5;\nSELECT /* a;\n b; */ 6;'],
  ['client quirks of nested comment openers',
    '/* a /*!x */ b */ SELECT 1;\n/* a /*/ b */ SELECT 2;\n/*+ a; b */ SELECT 3;\n/* x\n /*!y\n */ SELECT 4;\nSELECT /*!50000 5 /* c */ */;\nSELECT 55;\n/* a /*M!x */ b */ SELECT 6;\n/*!50000 SELECT 9 -- */\n */;'],
  ['client command lines and -- at the start of a statement',
    'SELECT 0;\nGO\nSELECT 1;\n  go  \nSELECT 2;\nGO 1;\nSELECT 3;\nprint\nclear\nSELECT 4;\n---x;\nSELECT 5;\n --y;\nSELECT 6; --z\n, 7;\nx --w;\n/* c */ --v;\nSELECT 8;\nSELECT 9\ngo\n;\nquit 1\nSELECT 10;\nexit\nSELECT 11;'],
  ['empty statements',
    ';;\n ; SELECT 1;;; /* c */ ; -- x\n;'],
  ['executable comments, including one cut by the delimiter',
    "/*!40101 SET NAMES utf8mb4 */;\n/*!50003 SELECT ';' */ ;\n/*M!100108 SET @a = 1 */;\nSELECT /*!50000 1; */ 2;\nSELECT 3;"],
  ['mysqldump-style trigger in executable comments under ;;',
    "DELIMITER ;;\n/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER t_bi BEFORE INSERT ON t FOR EACH ROW\nBEGIN\n  SET NEW.note = CONCAT(NEW.note, ';x');\nEND \n*/;;\nDELIMITER ;\nDROP TRIGGER t_bi;"],
  ['CRLF line endings and a UTF-8 BOM',
    "\ufeffSELECT 1;\r\n-- c\r\nDELIMITER $$\r\nCREATE PROCEDURE p_crlf()\r\nBEGIN\r\n  SELECT 'a;b';\r\nEND$$\r\nSELECT 1$$ SELECT 2$$\r\nDELIMITER ;\r\nSELECT 2;\r\n"],
  ['mariadb-dump sandbox line and the other backslash commands',
    "/*M!999999\\- enable the sandbox mode */ \n-- MariaDB dump 10.19\n/*!40101 SET NAMES utf8mb4 */;\nSELECT 1 \\g SELECT 2\\G\n" +
    "SELECT 3 \\- , 4;\n\\- SELECT 5;\nSELECT 6 \\R dpg> SELECT 7;\nSELECT 8;\nSELECT 9 \\c SELECT 10;\n" +
    "SELECT 11 \\d $$ SELECT 12$$ SELECT 13$$\n\\d ;\nSELECT '\\\\-' AS s, `a\\-b`, 14 FROM (SELECT 1 AS `a\\-b`) t;\n" +
    "SELECT 15 /*!40101 , 16 \\p */;\nSELECT 17, /* \\c */ 18 -- \\c\n;\nSELECT \\N, 19;\nSELECT 20 /*!40101 , 21 \\g */;\nSELECT 22;"],
  ['final statement without delimiter', 'SELECT 1;\nSELECT 2\n'],
  ['unterminated string at end of file', "SELECT 1;\nSELECT 'abc;\nSELECT 2;\n"],
  ['unterminated comment at end of file', 'SELECT 1;\nSELECT 2 /* abc;\nSELECT 3;\n'],
  ['non-ASCII delimiter never matches', "DELIMITER €€\nSELECT 'ü' €€\nDELIMITER ;\nSELECT 1;"],
  ['non-ASCII text', "SELECT 'héllo; wörld' AS `naïve;col`;\nSELECT 'ü€;' AS ä;\nDELIMITER $€\nSELECT 1 $€\nSELECT 2$€"]
]

describe('splitStatements agrees with the mariadb client', () => {
  test.each(CASES)('%s', (_name, sql) => expectAgreement(sql))

  test('on a live mariadb-dump of routines, triggers and events', () => {
    const h = sharedMariaDb()
    const dumpBin = [join(dirname(h.client), 'mariadb-dump'), join(dirname(h.client), 'mysqldump')].find(existsSync)
    expect(dumpBin).toBeDefined()
    const src = `${DB}_src`
    mariadb(`DROP DATABASE IF EXISTS ${src}; CREATE DATABASE ${src};`)
    mariadb(`CREATE TABLE t1 (a INT, note VARCHAR(50));
DELIMITER $$
CREATE PROCEDURE p1(IN x INT) COMMENT 'semi; colon'
BEGIN
  DECLARE s VARCHAR(20) DEFAULT 'a;b';
  IF x > 0 THEN SELECT s; ELSE SELECT 'it''s; "q"'; END IF;
END$$
CREATE FUNCTION f1(x INT) RETURNS INT DETERMINISTIC
BEGIN
  RETURN CASE WHEN x > 0 THEN 1 ELSE 0 END; -- trailing; comment
END$$
CREATE TRIGGER t1_bi BEFORE INSERT ON t1 FOR EACH ROW
BEGIN
  SET NEW.note = CONCAT(NEW.note, ';x /* not a comment */');
END$$
CREATE EVENT ev1 ON SCHEDULE EVERY 1 DAY DO BEGIN DELETE FROM t1 WHERE note = ';'; END$$
DELIMITER ;
CREATE VIEW v1 AS SELECT a, ';' AS s FROM t1;`, src)
    const dump = spawnSync(dumpBin!, ['--no-defaults', '-uroot', `--socket=${h.socket}`, '--routines', '--triggers',
      '--events', '--skip-dump-date', src], { encoding: 'utf8', timeout: 60_000 })
    expect(dump.status).toBe(0)
    expect(dump.stdout).toContain('DELIMITER ;;')
    const r = splitStatements(dump.stdout)
    expect(r.problems).toEqual([])
    mariadb(`DROP DATABASE IF EXISTS ${DB}_restore; CREATE DATABASE ${DB}_restore;`)
    const theirs = clientSent(dump.stdout, `${DB}_restore`).map(norm)
    expect(r.statements.map((s) => norm(s.text))).toEqual(theirs)
    expect(theirs.length).toBeGreaterThan(40)
    // and the restore through the client really recreated every object
    expect(mariadb(`SELECT COUNT(*) FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = '${DB}_restore'`).trim()).toBe('2')
    expect(mariadb(`SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = '${DB}_restore'`).trim()).toBe('1')
    mariadb(`DROP DATABASE ${src}; DROP DATABASE ${DB}_restore;`)
  })

  test('on 30 random files of the fuzz generator (strings, comments, DELIMITER changes, CRLF, BOM)', () => {
    const rand = prng(2024)
    for (let k = 0; k < 30; k++) {
      const f = randomSqlFile(rand, { crlf: k % 3 === 0, statements: 15 })
      const ours = splitStatements(f.sql).statements.map((s) => norm(s.text))
      const theirs = clientSent(f.sql).map(norm)
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) expect({ k, sql: f.sql, ours }).toEqual({ k, sql: f.sql, ours: theirs })
    }
  })

  test('on 60 random inputs made of quotes, comment openers, delimiters and DELIMITER lines (differential)', () => {
    // Compared as significant tokens joined without spaces or dashes: the client strips comments and may
    // leave `--` right before a line break (which then reads as a comment), or glue a DELIMITER-looking line
    // to the next one. Inputs with `*/*` are skipped: after an executable comment the client reuses the `/`
    // of `*/` to open a plain comment, a quirk we do not follow. So are inputs with `-\` (a dash right before a
    // backslash command): the client removes the command from the text it sends, which can glue `--` to a
    // following blank, and the server then reads the rest of that line as a comment.
    const ALPHA = ["'", '"', '`', ';', ';', '/', '*', '-', '-', ' ', ' ', '#', '\n', '\n', '\r\n', '$$', '!', 'M', '5',
      'x', 'SELECT 1', 'é', '\nDELIMITER $$\n', '\ndelimiter ;\n', '\nDELIMITER ;;\n', '/*!', '/*M!', '*/', '/*', '--',
      '-- ', '\t', '@', '(', ')', 'GO', '\nGO\n', '\\-', '\\g', '\\c', '\\p', '\\d $$ ']
    const flat = (t: string): string => norm(t).replace(/ /g, '').replace(/-/g, '')
    const rand = prng(77)
    let compared = 0
    for (let k = 0; compared < 60; k++) {
      let src = 'SELECT 0;\n'
      const n = 5 + Math.floor(rand() * 30)
      for (let i = 0; i < n; i++) src += ALPHA[Math.floor(rand() * ALPHA.length)]
      if (src.includes('*/*') || src.includes('-\\')) continue
      compared++
      const ours = splitStatements(src).statements.map((s) => flat(s.text)).filter((x) => x !== '')
      const theirs = clientSent(src).map(flat).filter((x) => x !== '')
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) expect({ k, src, ours }).toEqual({ k, src, ours: theirs })
    }
  })

  test('on 300 KB of the generated bench corpus', () => {
    const { sql, statements } = generateCorpus(300 * 1024, 7)
    const ours = splitStatements(sql).statements.map((s) => norm(s.text))
    expect(ours).toHaveLength(statements)
    expect(ours).toEqual(clientSent(sql).map(norm))
  })
})

describe('the ; delimiter extension: a stored program stays one statement', () => {
  const FILE = `DROP PROCEDURE IF EXISTS p_semi;
CREATE PROCEDURE p_semi(IN n INT)
BEGIN
  DECLARE i INT DEFAULT 0;
  DECLARE acc VARCHAR(200) DEFAULT '';
  lbl: LOOP
    SET i = i + 1;
    IF i > n THEN LEAVE lbl; END IF;
    SET acc = CONCAT(acc, CASE WHEN i % 2 = 0 THEN 'e;' ELSE IF(i = 1, 'first;', 'o;') END);
  END LOOP lbl;
  SELECT acc;
END;
CREATE FUNCTION f_semi(x INT) RETURNS INT DETERMINISTIC
BEGIN
  DECLARE r INT DEFAULT 0;
  WHILE x > 0 DO SET r = r + x; SET x = x - 1; END WHILE;
  RETURN r;
END;
CREATE TRIGGER t_semi BEFORE INSERT ON t FOR EACH ROW
BEGIN
  IF NEW.a IS NULL THEN SET NEW.a = 0; END IF;
  SET NEW.note = 'set; by trigger';
END;
SELECT 'done';`

  test('each program, sent alone, creates the object with its whole body, and it runs', () => {
    const r = splitStatements(FILE)
    expect(r.problems).toEqual([])
    expect(r.statements.map((s) => s.text.split(/\s+/).slice(0, 3).join(' ')))
      .toEqual(['DROP PROCEDURE IF', 'CREATE PROCEDURE p_semi(IN', 'CREATE FUNCTION f_semi(x', 'CREATE TRIGGER t_semi', "SELECT 'done'"])
    for (const s of r.statements) mariadb(`DELIMITER $$\n${s.text}$$\n`, DB)
    const body = (text: string): string => text.slice(text.indexOf('BEGIN'))
    const [, p, f, t] = r.statements
    expect(mariadb(`SELECT HEX(ROUTINE_DEFINITION) FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = '${DB}' AND ROUTINE_NAME = 'p_semi'`).trim())
      .toBe(Buffer.from(body(p!.text)).toString('hex').toUpperCase())
    expect(mariadb(`SELECT HEX(ROUTINE_DEFINITION) FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = '${DB}' AND ROUTINE_NAME = 'f_semi'`).trim())
      .toBe(Buffer.from(body(f!.text)).toString('hex').toUpperCase())
    expect(mariadb(`SELECT HEX(ACTION_STATEMENT) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = '${DB}' AND TRIGGER_NAME = 't_semi'`).trim())
      .toBe(Buffer.from(body(t!.text)).toString('hex').toUpperCase())
    expect(mariadb('CALL p_semi(4)', DB).trim()).toBe('first;e;o;e;')
    expect(mariadb('SELECT f_semi(4)', DB).trim()).toBe('10')
    expect(mariadb("INSERT INTO t (a) VALUES (NULL); SELECT a, note FROM t WHERE note LIKE 'set;%'", DB).trim()).toBe('0\tset; by trigger')
  })

  test('whereas the client itself would cut the bodies at the first inner ;', () => {
    const sent = clientSent(FILE)
    expect(sent.length).toBeGreaterThan(splitStatements(FILE).statements.length)
    expect(sent[1]).toMatch(/^CREATE PROCEDURE p_semi\(IN n INT\)\s+BEGIN\s+DECLARE i INT DEFAULT 0$/)
  })
})
