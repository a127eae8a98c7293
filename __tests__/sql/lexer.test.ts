// Unit tests of the MySQL splitter and tokenizer. The expected behaviour is the mariadb/mysql command-line
// client's (verified by hand with MariaDB 10.11 and, for the DELIMITER rules, by lexer-client.test.ts), plus
// the one deliberate extension: a stored program's BEGIN … END body stays whole under the `;` delimiter.
import { describe, expect, test } from '@jest/globals'
import { splitStatements, tokenize, type Token } from '../../src/sql/lexer.js'

const texts = (sql: string): string[] => splitStatements(sql).statements.map((s) => s.text)
const delims = (sql: string): string[] => splitStatements(sql).statements.map((s) => s.delimiter)
const problems = (sql: string): string[] => splitStatements(sql).problems.map((p) => `${p.line}: ${p.message}`)
const sig = (sql: string): string[] =>
  tokenize(sql).filter((t) => t.kind !== 'ws' && t.kind !== 'comment').map((t) => `${t.kind}:${t.value}`)

describe('splitStatements: basics', () => {
  test('splits on ; and keeps text without the delimiter', () => {
    const r = splitStatements('SELECT 1;\nSELECT 2 ;\n')
    expect(r.statements).toEqual([
      { text: 'SELECT 1', delimiter: ';', line: 1, start: 0, end: 8 },
      { text: 'SELECT 2', delimiter: ';', line: 2, start: 10, end: 18 }
    ])
    expect(r.problems).toEqual([])
  })
  test('empty statements (just ; or only comments) are dropped', () => {
    expect(texts(';;\n ; SELECT 1;;; /* c */ ; -- x\n;')).toEqual(['SELECT 1'])
    expect(texts('')).toEqual([])
    expect(texts('-- only\n/* comments */\n# here\n')).toEqual([])
  })
  test('a final statement without delimiter is kept with delimiter "" and no problem', () => {
    const r = splitStatements('SELECT 1;\nSELECT 2\n\n')
    expect(r.statements.map((s) => [s.text, s.delimiter])).toEqual([['SELECT 1', ';'], ['SELECT 2', '']])
    expect(r.problems).toEqual([])
  })
  test('line is the first non-blank non-comment char; text keeps leading comments and inner comments', () => {
    const sql = 'SELECT 1;\n\n-- about p\n/* more */\n  CREATE /* x */ TABLE t (a INT);'
    const [, st] = splitStatements(sql).statements
    expect(st!.line).toBe(5)
    expect(st!.text).toBe('-- about p\n/* more */\n  CREATE /* x */ TABLE t (a INT)')
    expect(sql.slice(st!.start, st!.end)).toBe(st!.text)
  })
  test('a comment on the rest of a delimiter line is not part of the next statement', () => {
    expect(texts('SELECT 1; -- one\nSELECT 2; /* two */\n# three\nSELECT 3;'))
      .toEqual(['SELECT 1', 'SELECT 2', '# three\nSELECT 3'])
  })
})

describe('DELIMITER directive', () => {
  test.each([['$$'], ['//'], [';;'], ['///'], ['GO'], ['@@'], ['!']])('any delimiter: %s', (d) => {
    const sql = `DELIMITER ${d}\nCREATE PROCEDURE p() BEGIN SELECT 1; SELECT ';'; END${d}\nSELECT 2 ${d}\nDELIMITER ;\nSELECT 3;`
    const r = splitStatements(sql)
    expect(r.statements.map((s) => [s.text, s.delimiter, s.line])).toEqual([
      ["CREATE PROCEDURE p() BEGIN SELECT 1; SELECT ';'; END", d, 2], ['SELECT 2', d, 3], ['SELECT 3', ';', 5]
    ])
    expect(r.problems).toEqual([])
  })
  test('case-insensitive, leading whitespace allowed, tab separator, the directive line is not a statement', () => {
    expect(texts('  delimiter //\nSELECT 1//\n\tDeLiMiTeR\t$$\nSELECT 2$$')).toEqual(['SELECT 1', 'SELECT 2'])
  })
  test('`delimiter ;;` is not cut by its own ;', () => {
    expect(texts('SELECT 0;\ndelimiter ;;\nSELECT 1;;\nSELECT 2; SELECT 3;;\ndelimiter ;\nSELECT 4;'))
      .toEqual(['SELECT 0', 'SELECT 1', 'SELECT 2; SELECT 3', 'SELECT 4'])
  })
  test('value ends at the first space; a comment after it is fine', () => {
    const r = splitStatements('DELIMITER $$ -- switch\nSELECT 1$$\nDELIMITER ; /* back */\nSELECT 2;')
    expect(r.statements.map((s) => [s.text, s.delimiter])).toEqual([['SELECT 1', '$$'], ['SELECT 2', ';']])
    expect(r.problems).toEqual([])
  })
  test('a tab after the value is part of it (as in the client, which ends the value at a space only)', () => {
    const r = splitStatements('DELIMITER $$\t-- x\nSELECT 1$$\nSELECT 2$$\t--')
    expect(r.statements.map((s) => [s.text, s.delimiter])).toEqual([['SELECT 1$$\nSELECT 2', '$$\t--']])
  })
  test('text after the value is ignored by the client: dropped, reported', () => {
    const r = splitStatements('DELIMITER // SELECT 1\nSELECT 2//')
    expect(r.statements.map((s) => s.text)).toEqual(['SELECT 2'])
    expect(r.problems).toEqual([{ line: 1, message: "text after 'DELIMITER //' is ignored by the client: 'SELECT 1'" }])
  })
  test('quoted value', () => {
    expect(texts("DELIMITER '$$'\nSELECT 1$$\nDELIMITER \"a b\"\nSELECT 2 a b\nDELIMITER `;`\nSELECT 3;"))
      .toEqual(['SELECT 1', 'SELECT 2', 'SELECT 3'])
  })
  test('DELIMITER without value / with a backslash: reported, line consumed, delimiter unchanged', () => {
    const r = splitStatements('DELIMITER\nSELECT 1;\nDELIMITER a\\\\b\nSELECT 2;\ndelimiter   \nSELECT 3;')
    expect(r.statements.map((s) => s.text)).toEqual(['SELECT 1', 'SELECT 2', 'SELECT 3'])
    expect(r.problems.map((p) => p.line)).toEqual([1, 3, 5])
    expect(r.problems[0]!.message).toMatch(/DELIMITER without a value.*keeps the delimiter ';'/)
    expect(r.problems[1]!.message).toBe("DELIMITER 'a\\b' contains a backslash: the client rejects it and keeps ';'")
  })
  test('a backslash escapes the next char of the value (client get_arg): a\\b is ab', () => {
    expect(splitStatements('DELIMITER a\\b\nSELECT 1ab').statements.map((s) => [s.text, s.delimiter])).toEqual([['SELECT 1', 'ab']])
  })
  test('a delimiter starting with a non-ASCII char never matches (the client skips multi-byte chars): reported', () => {
    const r = splitStatements("DELIMITER €€\nSELECT 'ü' €€\nDELIMITER ;\nSELECT 1;")
    expect(r.statements.map((s) => s.text)).toEqual(["SELECT 'ü' €€\nDELIMITER ;\nSELECT 1;"])
    expect(r.problems[0]).toEqual({ line: 1, message: expect.stringMatching(/^DELIMITER '€€' starts with a non-ASCII character/) as unknown as string })
  })
  test('DELIMITERX or delimiter_x is not a directive', () => {
    expect(texts('DELIMITERX 1;\ndelimiter_x = 2;')).toEqual(['DELIMITERX 1', 'delimiter_x = 2'])
  })
  test('not a directive inside a string, comment or identifier', () => {
    const sql = "SELECT 'a\nDELIMITER $$\n';\n/*\nDELIMITER $$\n*/\nSELECT `x\nDELIMITER $$\n` FROM t;\n-- DELIMITER $$\nSELECT 2;"
    expect(texts(sql)).toEqual(["SELECT 'a\nDELIMITER $$\n'", '/*\nDELIMITER $$\n*/\nSELECT `x\nDELIMITER $$\n` FROM t', '-- DELIMITER $$\nSELECT 2'])
  })
  test('not a directive mid-line, not even after a comment on the same line (client rule); reported', () => {
    const r = splitStatements('SELECT 1; DELIMITER //\nSELECT 2//;\n/* c */ DELIMITER //\nSELECT 3//')
    expect(r.statements.map((s) => s.text)).toEqual(['SELECT 1', 'DELIMITER //\nSELECT 2//', '/* c */ DELIMITER //\nSELECT 3//'])
    expect(r.problems.map((p) => p.line)).toEqual([1, 3])
    expect(r.problems[0]!.message).toMatch(/^DELIMITER is a directive only at the start of a line/)
  })
  test('after comment-only lines it is a directive', () => {
    expect(texts('SELECT 0;\n/* c */\n-- d\n# e\nDELIMITER //\nSELECT 1//')).toEqual(['SELECT 0', 'SELECT 1'])
  })
  test('inside an unfinished statement it is SQL text (client rule), reported as a likely missing delimiter', () => {
    const r = splitStatements('DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; END\nDELIMITER ;\nSELECT 2;')
    expect(r.statements.map((s) => [s.text, s.delimiter]))
      .toEqual([['CREATE PROCEDURE p() BEGIN SELECT 1; END\nDELIMITER ;\nSELECT 2;', '']])
    expect(r.problems).toEqual([{ line: 3, message: expect.stringMatching(/'DELIMITER ;' is not a directive here: the statement that began at line 2 has no '\$\$' yet/) as unknown as string }])
  })
  test('a word delimiter matches anywhere outside strings and comments, case-sensitively (client rule)', () => {
    expect(texts("DELIMITER GO\nSELECT 'GO' go\nSELECT 2 GO\nSELECT 1 AS ALGOx GO")).toEqual(["SELECT 'GO' go\nSELECT 2", 'SELECT 1 AS AL', 'x'])
  })
})

describe('client commands and comment lines between statements', () => {
  test('a client command line (GO, use, print, …) is run by the client, not SQL: dropped and reported', () => {
    const r = splitStatements('SELECT 0;\nGO\nSELECT 1;\n  go  \nuse shop\nprint\nSELECT 2;\nGO 1;\nuse shop;\nSELECT go FROM t;')
    expect(r.statements.map((x) => x.text)).toEqual(['SELECT 0', 'SELECT 1', 'SELECT 2', 'GO 1', 'use shop', 'SELECT go FROM t'])
    expect(r.problems.map((p) => p.line)).toEqual([2, 4, 5, 6])
    expect(r.problems[0]!.message).toBe("'GO' is a mysql client command, not SQL: the client runs it itself instead of sending it to the server; remove it from the file")
  })
  test('inside a pending statement such a line is SQL text', () => {
    expect(texts('SELECT 1\ngo\n;')).toEqual(['SELECT 1\ngo'])
  })
  test('exit / quit stop the client: the rest of the file is not run', () => {
    const r = splitStatements('SELECT 1;\nexit\nSELECT 2;')
    expect(r.statements.map((x) => x.text)).toEqual(['SELECT 1'])
    expect(r.problems[0]!.message).toMatch(/'exit' is a mysql client command, not SQL: the client runs it and stops reading the file here/)
    expect(texts('SELECT 1;\nquit 1;')).toEqual(['SELECT 1', 'quit 1']) // quit takes no argument: not the command
  })
  test('at the start of a statement any -- begins a comment (client rule); elsewhere --x is SQL', () => {
    expect(texts('SELECT 0;\n---x;\nSELECT 1; --y;\nSELECT 2; --z\n, 3;\nx --w;')).toEqual(['SELECT 0', '---x;\nSELECT 1', 'SELECT 2', ', 3', 'x --w'])
  })
  test('tokenize agrees: a leading --x is a comment', () => {
    expect(tokenize('--x\nSELECT 1 --1').map((t) => t.kind)).toEqual(['comment', 'ws', 'word', 'ws', 'number', 'ws', 'op', 'op', 'number'])
  })
})

describe('backslash commands (the client runs them; verified against the client in lexer-client.test.ts)', () => {
  const DUMP_HEAD = '/*M!999999\\- enable the sandbox mode */ \n-- MariaDB dump 10.19  Distrib 10.11.19-MariaDB\n' +
    '/*!40101 SET NAMES utf8mb4 */;\nDELIMITER ;;\nCREATE PROCEDURE p() SELECT 1 ;;\nDELIMITER ;\n'
  test("mariadb-dump's sandbox line is accepted: no problem, and it is no statement of its own", () => {
    const r = splitStatements(DUMP_HEAD)
    expect(r.problems).toEqual([])
    expect(r.statements.map((x) => [x.line, x.text.slice(-29)])).toEqual([[1, '/*!40101 SET NAMES utf8mb4 */'], [5, 'CREATE PROCEDURE p() SELECT 1']])
  })
  test('\\- and \\g anywhere outside quotes; \\g and \\G end the statement', () => {
    expect(delims('SELECT 1 \\g SELECT 2\\G\nSELECT 3 \\- , 4;')).toEqual(['\\g', '\\G', ';'])
    expect(problems("\\- SELECT 1;\nSELECT '\\c', `a\\q`, \\N;")).toEqual([])
  })
  test('\\d sets the delimiter (its argument and the next delimiter are consumed)', () => {
    const r = splitStatements('\\d $$\nSELECT 1; SELECT 2$$\n\\d ;\nSELECT 3;')
    expect(r.statements.map((x) => [x.text, x.delimiter])).toEqual([['SELECT 1; SELECT 2', '$$'], ['SELECT 3', ';']])
    expect(r.problems).toEqual([])
    expect(problems('SELECT 1 \\d $$ SELECT 2$$')).toEqual([
      "1: '\\d $$' changes the delimiter inside the statement that began at line 1: put DELIMITER on its own line between statements"])
  })
  test('the other commands are reported; \\c discards the statement, \\q stops, \\u consumes its argument', () => {
    const r = splitStatements('SELECT 1 \\c SELECT 2;\nSELECT 3 \\u shop; , 4;\n\\q\nSELECT 5;')
    expect(r.statements.map((x) => x.text)).toEqual(['SELECT 2', 'SELECT 3 \\u shop; , 4'])
    expect(r.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      "1: '\\c' is a mysql client command (clear), not SQL: the client runs it and discards the statement typed so far; remove it from the file",
      "2: '\\u' is a mysql client command (use), not SQL: the client runs it itself instead of sending it to the server; remove it from the file",
      "3: '\\q' is a mysql client command (quit), not SQL: the client runs it and stops reading the file here; remove it from the file"
    ])
  })
  test('an unknown command is text the client rejects; \\g inside /*! … */ cuts it', () => {
    expect(problems('SELECT 1 \\x;')).toEqual(["1: '\\x' outside a string is not SQL: the mysql client rejects it as an unknown command"])
    expect(problems('SELECT 1 /*!40101 , 2 \\g */;')).toEqual([
      "1: '\\g' ends the statement inside the executable comment opened at line 1: the client sends the two halves as separate statements"])
  })
  test('tokenize: a command (with the argument the client consumes) is one insignificant token', () => {
    expect(tokenize('SELECT 1 \\u shop; , 2 \\- , 3').filter((t) => t.kind === 'command').map((t) => t.text)).toEqual(['\\u shop;', '\\-'])
    expect(tokenize('/*!40101 SELECT 1 \\C utf8 */').filter((t) => t.kind === 'command').map((t) => t.text)).toEqual(['\\C utf8 '])
    expect(sig("SELECT '\\-', \\N")).toEqual(['word:SELECT', 'string:-', 'op:,', 'op:\\N'])
  })
})

describe('inert executable comments (a version no server has: /*!99999, /*M!999999)', () => {
  test('are one token whose value is the marker; other versions stay transparent', () => {
    expect(tokenize('/*M!999999\\- enable the sandbox mode */ SELECT 1').map((t) => [t.kind, t.value]).slice(0, 2))
      .toEqual([['inert', '/*M!999999'], ['ws', ' ']])
    expect(tokenize('SELECT /*!99999 1, */ 2').filter((t) => t.kind === 'inert').map((t) => t.text)).toEqual(['/*!99999 1, */'])
    expect(tokenize('/*!99998 SELECT 1 */').map((t) => t.kind)).toEqual(['exec-open', 'ws', 'word', 'ws', 'number', 'ws', 'exec-close'])
    expect(tokenize('/*!9999 SELECT 1 */')[0]!.kind).toBe('exec-open') // 4 digits: version 9.99 (old servers run it)
  })
  test('an unterminated one runs to the end of the text', () => {
    expect(tokenize('SELECT 1 /*!99999 x').map((t) => t.kind)).toEqual(['word', 'ws', 'number', 'ws', 'inert'])
  })
})

describe('quotes', () => {
  test('delimiters inside strings and quoted identifiers never split', () => {
    expect(texts("SELECT 'a;b', \"c;d\", `e;f` FROM t; SELECT 2;")).toEqual(["SELECT 'a;b', \"c;d\", `e;f` FROM t", 'SELECT 2'])
  })
  test('backslash and doubled-quote escapes', () => {
    const sql = "SELECT 'a\\';b', 'it''s;', \"x\\\";y\", \"q\"\";r\", `t``;u`, 'end\\\\';SELECT 2;"
    expect(texts(sql)).toEqual([sql.slice(0, sql.indexOf('SELECT 2') - 1), 'SELECT 2'])
  })
  test('no backslash escape in backticks', () => {
    expect(texts('SELECT `a\\`;SELECT 2;')).toEqual(['SELECT `a\\`', 'SELECT 2'])
  })
  test.each([
    ["SELECT 1;\nSELECT 'abc;\n", 2, /unterminated single-quoted string '…' starting at line 2/],
    ['SELECT "abc;', 1, /unterminated double-quoted string "…" starting at line 1/],
    ['SELECT 1;\n\nSELECT `abc;', 3, /unterminated quoted identifier `…` starting at line 3/]
  ])('unterminated quote is reported: %j', (sql, line, msg) => {
    const r = splitStatements(sql)
    expect(r.problems).toHaveLength(1)
    expect(r.problems[0]!.line).toBe(line)
    expect(r.problems[0]!.message).toMatch(msg)
    expect(r.statements.at(-1)!.delimiter).toBe('')
  })
})

describe('comments', () => {
  test('-- needs a space/tab/control char/end after it; --x is not a comment', () => {
    expect(texts('SELECT 1 -- c;\n;SELECT 1 --\tc;\n;SELECT 1 --1;\nSELECT 2 --')).toEqual(['SELECT 1 -- c;', 'SELECT 1 --\tc;', 'SELECT 1 --1', 'SELECT 2 --'])
    expect(texts('SELECT 1 --\n;')).toEqual(['SELECT 1 --'])
  })
  test('# to end of line (dbgate splits inside it; the client does not)', () => {
    expect(texts('SELECT 1 # note; here\n, 2;')).toEqual(['SELECT 1 # note; here\n, 2'])
  })
  test('/* … */ with ; inside, over lines', () => {
    expect(texts('SELECT /* a;\n b; */ 1; SELECT 2;')).toEqual(['SELECT /* a;\n b; */ 1', 'SELECT 2'])
  })
  test('client quirks in plain comments: a /*!…*/ inside on one line, and /*/, do not close the comment', () => {
    expect(texts('/* a /*!x */ b */ SELECT 1;\n/* a /*/ b */ SELECT 2;\n/* x\n /*!y\n */ SELECT 4;'))
      .toEqual(['/* a /*!x */ b */ SELECT 1', '/* a /*/ b */ SELECT 2', '/* x\n /*!y\n */ SELECT 4'])
    // a plain comment inside an executable comment on the same line swallows the executable comment's end
    const r = splitStatements('SELECT /*!50000 5 /* c */ */;\nSELECT 55;')
    expect(r.statements.map((x) => x.text)).toEqual(['SELECT /*!50000 5 /* c */ */', 'SELECT 55'])
    expect(r.problems[0]!.message).toMatch(/cuts the executable comment opened at line 1/)
    expect(tokenize('/* a /*!x */ b */ c').map((t) => t.kind)).toEqual(['comment', 'ws', 'word'])
    expect(tokenize('/* a /*M!x */ b').map((t) => t.kind)).toEqual(['comment', 'ws', 'word'])
  })
  test('unterminated comment is reported with its line', () => {
    const r = splitStatements('SELECT 1;\nSELECT 2 /* oops;\nSELECT 3;')
    expect(r.problems).toEqual([{ line: 2, message: expect.stringMatching(/unterminated comment \/\* … \*\/ starting at line 2/) as unknown as string }])
    expect(r.statements.map((s) => s.delimiter)).toEqual([';', ''])
  })
})

describe('executable comments', () => {
  test('content is SQL: strings and comments inside are tracked, and the statement is significant', () => {
    expect(texts("/*!40101 SET NAMES utf8mb4 */;\n/*!50003 SELECT ';' */ ;\n/*M!100108 SET @a = 1 */;"))
      .toEqual(['/*!40101 SET NAMES utf8mb4 */', "/*!50003 SELECT ';' */", '/*M!100108 SET @a = 1 */'])
  })
  test('the delimiter inside one cuts it, as the client does; reported', () => {
    const r = splitStatements('SELECT /*!50000 1; */ 2;\nSELECT 3;')
    expect(r.statements.map((s) => s.text)).toEqual(['SELECT /*!50000 1', '*/ 2', 'SELECT 3'])
    expect(r.problems).toEqual([{ line: 1, message: expect.stringMatching(/the delimiter ';' cuts the executable comment opened at line 1/) as unknown as string }])
  })
  test('unterminated executable comment is reported', () => {
    expect(problems('SELECT 1 /*! , 2\n')).toEqual(['1: unterminated executable comment /*! … */ starting at line 1'])
  })
  test('mysqldump trigger/event form with ;; and bodies with ; inside', () => {
    const sql = [
      'DELIMITER ;;',
      "/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER t1_bi BEFORE INSERT ON t1 FOR EACH ROW",
      'BEGIN',
      "  SET NEW.note = CONCAT(NEW.note, ';x');",
      'END ',
      '*/;;',
      "/*!50106 CREATE*/ /*!50117 DEFINER=`root`@`localhost`*/ /*!50106 EVENT `ev1` ON SCHEDULE EVERY 1 DAY DO BEGIN DELETE FROM t1 WHERE note = ';'; END ",
      '*/ ;;',
      'DELIMITER ;',
      '/*!50003 SET sql_mode = @saved_sql_mode */ ;'
    ].join('\n')
    const r = splitStatements(sql)
    expect(r.problems).toEqual([])
    expect(r.statements.map((s) => [s.line, s.delimiter])).toEqual([[2, ';;'], [7, ';;'], [10, ';']])
    expect(r.statements[0]!.text).toMatch(/^\/\*!50003 CREATE\*\/.*END \n\*\/$/s)
  })
  test('with the ; delimiter a program inside executable comments stays whole', () => {
    const sql = '/*!50003 CREATE*/ /*!50003 TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET NEW.a = 1; SET NEW.b = 2; END */;\nSELECT 1;'
    expect(texts(sql)).toEqual([sql.slice(0, sql.indexOf(';\nSELECT')), 'SELECT 1'])
    expect(problems(sql)).toEqual([])
  })
})

describe('CRLF and BOM', () => {
  const src = '\ufeffSELECT 1;\r\n-- c\r\nDELIMITER $$\r\nCREATE PROCEDURE p()\r\nBEGIN\r\n  SELECT \'a;b\';\r\nEND$$\r\nDELIMITER ;\r\nSELECT 2;\r\n'
  test('BOM stripped, offsets into the stripped source, lines right, CR not in delimiter', () => {
    const r = splitStatements(src)
    const stripped = src.slice(1)
    expect(r.problems).toEqual([])
    expect(r.statements.map((s) => [s.text, s.delimiter, s.line])).toEqual([
      ['SELECT 1', ';', 1],
      ["CREATE PROCEDURE p()\r\nBEGIN\r\n  SELECT 'a;b';\r\nEND", '$$', 4],
      ['SELECT 2', ';', 9]
    ])
    for (const s of r.statements) expect(stripped.slice(s.start, s.end)).toBe(s.text)
  })
  test('CRLF with the ; delimiter and a stored program', () => {
    expect(texts('CREATE PROCEDURE p()\r\nBEGIN\r\n  SELECT 1;\r\nEND;\r\nSELECT 2;\r\n'))
      .toEqual(['CREATE PROCEDURE p()\r\nBEGIN\r\n  SELECT 1;\r\nEND', 'SELECT 2'])
  })
})

describe('stored programs under the ; delimiter stay whole', () => {
  const keep = (body: string): void => {
    const sql = `${body};\nSELECT 'after';`
    const r = splitStatements(sql)
    expect(r.problems).toEqual([])
    expect(r.statements.map((s) => s.text)).toEqual([body, "SELECT 'after'"])
  }
  test('procedure with nested IF / CASE / LOOP / WHILE / REPEAT and labels', () => keep(
`CREATE DEFINER=\`admin\`@\`%\` PROCEDURE shop.p(IN a INT)
BEGIN
  DECLARE i INT DEFAULT 0;
  outer_loop: LOOP
    SET i = i + 1;
    IF i > 10 THEN LEAVE outer_loop; ELSEIF i = 5 THEN ITERATE outer_loop; ELSE SELECT i; END IF;
  END LOOP outer_loop;
  WHILE i > 0 DO SET i = i - 1; END WHILE;
  rep: REPEAT SET i = i + 1; UNTIL i > 3 END REPEAT rep;
  CASE a WHEN 1 THEN SELECT 'one;'; WHEN 2 THEN BEGIN SELECT 2; END; ELSE SELECT 'other'; END CASE;
  inner_block: BEGIN
    SELECT CASE WHEN a > 0 THEN 'pos' ELSE 'neg' END AS sign;
  END inner_block;
END`))
  test('IF( function, IF EXISTS / IF NOT EXISTS clauses, IF NOT EXISTS (…) THEN statement', () => keep(
`CREATE PROCEDURE p()
BEGIN
  SELECT IF(1 > 0, 'y', 'n'), IF (2 > 1, 1, 0);
  DROP TEMPORARY TABLE IF EXISTS tmp;
  CREATE TEMPORARY TABLE IF NOT EXISTS tmp (a INT);
  IF NOT EXISTS (SELECT 1 FROM tmp) THEN INSERT INTO tmp VALUES (1); END IF;
  IF (SELECT COUNT(*) FROM tmp) > 0 THEN SELECT REPEAT('x;', 2); END IF;
END`))
  test('CASE expressions inside IF and IF( inside CASE expressions', () => keep(
`CREATE FUNCTION f(a INT) RETURNS INT DETERMINISTIC
BEGIN
  IF a > 0 THEN RETURN (CASE WHEN a > 9 THEN IF(a > 99, 3, 2) ELSE 1 END); END IF;
  RETURN CASE a WHEN 0 THEN 0 ELSE -1 END;
END`))
  test('END and BEGIN used as identifiers', () => keep(
`CREATE PROCEDURE p()
BEGIN
  SELECT t.begin, t.end, (CASE WHEN t.x THEN 1 END) AS c FROM t;
  SELECT begin, end FROM t2;
  SELECT end FROM t3 WHERE begin > 0;
  UPDATE t4 SET end = 1, begin = 2;
END`))
  test('handler bodies, empty blocks, labelled blocks, REPEAT … UNTIL … END REPEAT', () => keep(
`CREATE PROCEDURE p()
BEGIN
  DECLARE done INT DEFAULT 0;
  DECLARE CONTINUE HANDLER FOR NOT FOUND SET done = 1;
  DECLARE EXIT HANDLER FOR SQLEXCEPTION, SQLSTATE '23000'
  BEGIN
    ROLLBACK;
    RESIGNAL;
  END;
  BEGIN END;
  lbl: BEGIN END lbl;
  REPEAT SET done = done + 1; UNTIL done > 3 END REPEAT;
  \`quoted label\`: LOOP LEAVE \`quoted label\`; END LOOP;
END`))
  test('MariaDB BEGIN NOT ATOMIC inside a routine, AGGREGATE FUNCTION, CREATE OR REPLACE, IF NOT EXISTS', () => keep(
`CREATE OR REPLACE DEFINER = CURRENT_USER AGGREGATE FUNCTION IF NOT EXISTS agg(x INT) RETURNS INT
BEGIN
  DECLARE s INT DEFAULT 0;
  DECLARE CONTINUE HANDLER FOR NOT FOUND RETURN s;
  LOOP FETCH GROUP NEXT ROW; SET s = s + x; END LOOP;
END`))
  test('trigger and event', () => {
    keep('CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW\nBEGIN\n  SET NEW.a = 1;\n  SET NEW.b = \';\';\nEND')
    keep("CREATE EVENT IF NOT EXISTS ev ON SCHEDULE EVERY 1 DAY DO BEGIN DELETE FROM t WHERE x = ';'; END")
    keep('CREATE TRIGGER trg2 AFTER UPDATE ON t FOR EACH ROW IF NEW.a > 1 THEN INSERT INTO log VALUES (1); END IF')
    keep("CREATE DEFINER='root'@'localhost' TRIGGER trg3 BEFORE DELETE ON t FOR EACH ROW FOLLOWS trg BEGIN SET @x = 1; END")
  })
  test('a body without BEGIN ends at the first ;', () => {
    expect(texts('CREATE PROCEDURE p() SELECT 1;\nCREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW SET NEW.a = 1; SELECT 2;'))
      .toEqual(['CREATE PROCEDURE p() SELECT 1', 'CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW SET NEW.a = 1', 'SELECT 2'])
  })
  test('other statements still split at every ;', () => {
    expect(texts('BEGIN; INSERT INTO t VALUES (1); COMMIT;\nCREATE TABLE t2 (begin INT, end INT);\nCREATE VIEW v AS SELECT CASE WHEN 1 THEN 2 END;'))
      .toEqual(['BEGIN', 'INSERT INTO t VALUES (1)', 'COMMIT', 'CREATE TABLE t2 (begin INT, end INT)', 'CREATE VIEW v AS SELECT CASE WHEN 1 THEN 2 END'])
  })
  test('BEGIN NOT ATOMIC anonymous block is not a CREATE: the client rule applies', () => {
    expect(texts('BEGIN NOT ATOMIC SELECT 1; END;')).toEqual(['BEGIN NOT ATOMIC SELECT 1', 'END'])
  })
  test('several programs in a row', () => {
    expect(texts('CREATE PROCEDURE a() BEGIN SELECT 1; END;\nCREATE PROCEDURE b() BEGIN SELECT 2; END;'))
      .toEqual(['CREATE PROCEDURE a() BEGIN SELECT 1; END', 'CREATE PROCEDURE b() BEGIN SELECT 2; END'])
  })
  test('BEGIN without END at end of file is an unterminated block', () => {
    const r = splitStatements('SELECT 0;\nCREATE PROCEDURE p()\nBEGIN\n  IF 1 THEN\n    SELECT 1;\n  END IF;\n')
    expect(r.statements.map((s) => s.delimiter)).toEqual([';', ''])
    expect(r.problems).toEqual([{ line: 3, message: 'unterminated BEGIN … END block: BEGIN at line 3 is not closed before the end of the file (statement starting at line 2)' }])
    expect(problems('CREATE PROCEDURE p() BEGIN WHILE 1 DO SELECT 1;')[0]).toMatch(/^1: unterminated WHILE … END WHILE block: WHILE at line 1/)
  })
})

describe('dbgate-query-splitter probe table (docs/planner.md): client behaviour', () => {
  test('routine with BEGIN…;…END; and no DELIMITER: one statement (dbgate: 4 pieces)', () => {
    expect(texts('CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND;')).toHaveLength(1)
  })
  test("DELIMITER $$ … END$$ … DELIMITER ; with ';' in a string and -- c; in a comment", () => {
    expect(texts("DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT ';'; -- c;\nEND$$\nDELIMITER ;\nSELECT 1;"))
      .toEqual(["CREATE PROCEDURE p() BEGIN SELECT ';'; -- c;\nEND", 'SELECT 1'])
  })
  test('SELECT 1 # note; here: # is a comment (dbgate splits inside it)', () => {
    expect(texts('SELECT 1 # note; here\n;')).toEqual(['SELECT 1 # note; here'])
  })
  test('DELIMITER $$ -- switch: the delimiter is $$ (dbgate takes "$$ -- switch")', () => {
    expect(splitStatements('DELIMITER $$ -- switch\nSELECT 1$$').statements).toEqual([{ text: 'SELECT 1', delimiter: '$$', line: 2, start: 23, end: 31 }])
  })
  test('DELIMITER // inside a multi-line string', () => {
    expect(texts("SELECT 'x\nDELIMITER //\n';\nSELECT 2;")).toEqual(["SELECT 'x\nDELIMITER //\n'", 'SELECT 2'])
  })
  test("'a\\';b', /* a; b */, DELIMITER ;;, /*!50003 … */;;", () => {
    expect(texts("SELECT 'a\\';b';\nSELECT /* a; b */ 1;\nDELIMITER ;;\n/*!50003 CREATE PROCEDURE p() BEGIN SELECT 1; END */;;"))
      .toEqual(["SELECT 'a\\';b'", 'SELECT /* a; b */ 1', '/*!50003 CREATE PROCEDURE p() BEGIN SELECT 1; END */'])
  })
  test('delimiter $$ after other SQL on the same line: not a command, sent as SQL', () => {
    expect(texts('SELECT 1; delimiter $$\nSELECT 2$$;')).toEqual(['SELECT 1', 'delimiter $$\nSELECT 2$$'])
  })
})

describe('tokenize', () => {
  test('kinds, values and offsets', () => {
    const t = tokenize("SELECT `a``b`, 'x\\'y''z', \"q\\n\" FROM t1 WHERE @v := @@global.max_connections >= 1.5e3;")
    expect(t.filter((x) => x.kind !== 'ws').map((x) => [x.kind, x.value])).toEqual([
      ['word', 'SELECT'], ['ident', 'a`b'], ['op', ','], ['string', "x'y'z"], ['op', ','], ['string', 'q\n'],
      ['word', 'FROM'], ['word', 'T1'], ['word', 'WHERE'], ['variable', '@v'], ['op', ':='],
      ['variable', '@@global.max_connections'], ['op', '>='], ['number', '1.5e3'], ['op', ';']
    ])
    for (const x of t) expect(x.text).toBe("SELECT `a``b`, 'x\\'y''z', \"q\\n\" FROM t1 WHERE @v := @@global.max_connections >= 1.5e3;".slice(x.start, x.end))
  })
  test('word text keeps case, value is upper-cased; qualified names are word . word', () => {
    const t = tokenize('shop.My_Proc$1')
    expect(t.map((x) => [x.kind, x.text, x.value])).toEqual([['word', 'shop', 'SHOP'], ['op', '.', '.'], ['word', 'My_Proc$1', 'MY_PROC$1']])
    expect(sig('`my db`.`p q`')).toEqual(['ident:my db', 'op:.', 'ident:p q'])
  })
  test('comments, --x is not a comment, # comment', () => {
    expect(tokenize('a -- c\nb --x # h\n/* m */').map((x) => x.kind))
      .toEqual(['word', 'ws', 'comment', 'ws', 'word', 'ws', 'op', 'op', 'word', 'ws', 'comment', 'ws', 'comment'])
  })
  test('executable comments are transparent', () => {
    const t = tokenize('/*!50003 CREATE*/ /*M!100108 OR REPLACE */ /*!PROCEDURE*/ /* plain */')
    expect(t.filter((x) => x.kind !== 'ws').map((x) => [x.kind, x.text])).toEqual([
      ['exec-open', '/*!50003'], ['word', 'CREATE'], ['exec-close', '*/'], ['exec-open', '/*M!100108'], ['word', 'OR'],
      ['word', 'REPLACE'], ['exec-close', '*/'], ['exec-open', '/*!'], ['word', 'PROCEDURE'], ['exec-close', '*/'],
      ['comment', '/* plain */']
    ])
  })
  test('lines counted from baseLine, across multi-line strings, comments and CRLF', () => {
    const t = tokenize("a\r\n'x\ny' /* 1\n2 */ b\n-- c\nd", 10)
    expect(t.filter((x) => x.kind === 'word').map((x) => [x.value, x.line])).toEqual([['A', 10], ['B', 13], ['D', 15]])
  })
  test('numbers, hex, words starting with digits, charset introducers', () => {
    expect(sig("1 .5 0x1F 0b101 1abc 2e 3e-2 _utf8mb4'x' X'0A'")).toEqual([
      'number:1', 'number:.5', 'number:0x1F', 'number:0b101', 'word:1ABC', 'word:2E', 'number:3e-2',
      'word:_UTF8MB4', 'string:x', 'word:X', 'string:0A'
    ])
  })
  test('escapes: \\0 \\b \\n \\r \\t \\Z, \\% and \\_ keep the backslash, unknown escapes drop it', () => {
    const [t] = tokenize("'\\0\\b\\n\\r\\t\\Z\\%\\_\\q\\\\'")
    expect(t!.value).toBe('\0\b\n\r\t\x1a\\%\\_q\\')
  })
  test('unterminated string / comment run to the end without throwing', () => {
    expect(tokenize("SELECT 'abc").at(-1)).toMatchObject({ kind: 'string', value: 'abc' })
    expect(tokenize('SELECT /* abc').at(-1)).toMatchObject({ kind: 'comment', text: '/* abc' })
    expect(tokenize('SELECT `abc').at(-1)).toMatchObject({ kind: 'ident', value: 'abc' })
  })
  test('operators and variables', () => {
    expect(sig("a<=>b->>'$.x' <> != || && << >> @'q' @ @`w`")).toEqual([
      'word:A', 'op:<=>', 'word:B', 'op:->>', 'string:$.x', 'op:<>', 'op:!=', 'op:||', 'op:&&', 'op:<<', 'op:>>',
      "variable:@'q'", 'op:@', 'variable:@`w`'
    ])
  })
  test('tokens cover the text exactly', () => {
    const sql = "CREATE /*!50003 DEFINER=`u`@`%` */ PROCEDURE p(IN a INT) BEGIN SELECT 'x;', \"y\" -- z\n; END"
    const t: Token[] = tokenize(sql)
    expect(t.map((x) => x.text).join('')).toBe(sql)
    for (let k = 1; k < t.length; k++) expect(t[k]!.start).toBe(t[k - 1]!.end)
  })
})
