// Unit behaviour of the planner's parts that the corpus exercises only indirectly.
import { describe, expect, test } from '@jest/globals'
import { canonicalSql } from '../../src/sql/canonical.js'
import { plan, rollbackPathFor } from '../../src/sql/plan.js'
import { chooseDelimiter, dropSql, toScript } from '../../src/sql/render.js'
import { DirSourceError, readDirTree } from '../../src/sources/dir.js'

const tree = (files: Record<string, string>): Map<string, string> => new Map(Object.entries(files))

describe('canonical form', () => {
  test('ignores whitespace, plain comments and keyword case', () => {
    expect(canonicalSql("select a  from t -- x\nwhere b = 'X' /* y */")).toBe(canonicalSql("SELECT a FROM t WHERE b = 'X'"))
    expect(canonicalSql('SELECT a # note\n FROM t')).toBe('SELECT a FROM t')
  })
  test('keeps strings, table-name case and every quoted identifier as written', () => {
    expect(canonicalSql("SELECT 'a'")).not.toBe(canonicalSql("SELECT 'A'"))
    expect(canonicalSql('SELECT * FROM Orders')).not.toBe(canonicalSql('SELECT * FROM orders'))
    expect(canonicalSql('SELECT `a b` FROM t')).not.toBe(canonicalSql('SELECT `a  b` FROM t'))
    // `total` and total may differ on another server (a keyword there): a change in quoting is a change
    expect(canonicalSql('SELECT `total` FROM t')).toBe('SELECT `total` FROM t')
    expect(canonicalSql('SELECT `total` FROM t')).not.toBe(canonicalSql('SELECT total FROM t'))
    expect(canonicalSql('SELECT `select` FROM t')).not.toBe(canonicalSql('SELECT `SELECT` FROM t'))
  })
  test('keeps executable-comment markers with their version, verbatim', () => {
    expect(canonicalSql('/*!50003 CREATE*/ /*!50003 PROCEDURE p() SELECT 1 */')).toBe('/*!50003 CREATE */ /*!50003 PROCEDURE p ( ) SELECT 1 */')
    expect(canonicalSql('/*!50003 SELECT 1 */')).not.toBe(canonicalSql('SELECT 1'))
    expect(canonicalSql('/*!50003 SELECT 1 */')).not.toBe(canonicalSql('/*!50700 SELECT 1 */'))
    expect(canonicalSql('/*M!100108 SELECT 1 */')).not.toBe(canonicalSql('/*!100108 SELECT 1 */'))
  })
  test('an inert comment (/*!99999 …) counts, content and marker; only its layout does not', () => {
    const guard = 'IF v < 0 THEN SIGNAL SQLSTATE \'45000\'; END IF;'
    expect(canonicalSql(`BEGIN ${guard} END`)).not.toBe(canonicalSql(`BEGIN /*!99999 ${guard} */ END`))
    expect(canonicalSql(`BEGIN /*!99999 ${guard} */ END`)).toBe(canonicalSql(`begin /*!99999   ${guard.toLowerCase()}\n*/ end`))
    expect(canonicalSql('SELECT 1 /*!99999 , 2 */')).not.toBe(canonicalSql('SELECT 1 /*M!999999 , 2 */'))
  })
  test('optimizer hints count; client backslash commands do not (the client removes them)', () => {
    expect(canonicalSql('SELECT /*+ NO_INDEX(t) */ a FROM t')).not.toBe(canonicalSql('SELECT a FROM t'))
    expect(canonicalSql('SELECT 1 \\- , 2')).toBe(canonicalSql('SELECT 1 , 2'))
  })
})

describe('plan: executable comments and quoting are changes', () => {
  const file = (body: string): Map<string, string> => tree({ 'db/p.sql':
    `DROP PROCEDURE IF EXISTS p;\nDELIMITER $$\nCREATE PROCEDURE p(v INT)\nBEGIN\n${body}\n  SELECT v;\nEND$$\nDELIMITER ;\n` })
  const GUARD = "  IF v < 0 THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'negative'; END IF;"
  test('moving a guard into /*!99999 … */ (which no server runs) is a modified object', () => {
    const p = plan(file(GUARD), file(`  /*!99999 ${GUARD.trim()} */`))
    expect(p.objects).toEqual([{ type: 'PROCEDURE', name: 'p', change: 'modified', file: 'db/p.sql', line: 3 }])
    expect(p.execSql).toContain(`/*!99999 ${GUARD.trim()} */`) // shipped as a comment, as the server reads it
    expect(p.rollbackSql).toContain(GUARD)
  })
  test('so is a version marker change, and quoting an identifier in the body', () => {
    expect(plan(file(`  /*!50003 ${GUARD.trim()} */`), file(`  /*!80000 ${GUARD.trim()} */`)).objects.map((o) => o.change)).toEqual(['modified'])
    expect(plan(file('  SELECT total FROM orders;'), file('  SELECT `total` FROM orders;')).objects.map((o) => o.change)).toEqual(['modified'])
  })
  test('reformatting is still no change', () => {
    expect(plan(file(GUARD), file(GUARD.replace(/ +/g, '   ').toLowerCase())).objects).toEqual([])
  })
})

describe('findings a reviewer must not miss', () => {
  const P = (n: string): string => `DROP PROCEDURE IF EXISTS ${n};\nCREATE PROCEDURE ${n}() SELECT 1;\n`
  test('a routine removed because its file was deleted or emptied is a warning at its base definition', () => {
    const base = tree({ 'db/a.sql': P('a'), 'db/b.sql': P('b1') + P('b2'), 'db/c.sql': P('c1') + P('c2'), 'db/d.sql': P('d') })
    const head = tree({ 'db/b.sql': '-- nothing left here\n', 'db/c.sql': P('c1'), 'db/moved.sql': P('d') })
    const p = plan(base, head)
    expect(p.objects.map((o) => `${o.change} ${o.name}`)).toEqual(['removed a', 'removed b1', 'removed b2', 'removed c2'])
    expect(p.warnings).toEqual([
      { file: 'db/a.sql', line: 2, message: 'PROCEDURE a is removed because its file was deleted: execSql drops it from the database' },
      { file: 'db/b.sql', line: 2, message: 'PROCEDURE b1 is removed because its file no longer defines any routine: execSql drops it from the database' },
      { file: 'db/b.sql', line: 4, message: 'PROCEDURE b2 is removed because its file no longer defines any routine: execSql drops it from the database' }
    ]) // c2 was deleted from a file that still has routines (a visible edit); d only moved
  })
  test('text quoted from a file is printable and short: control and bidi characters escaped, long pieces cut', () => {
    const p = plan(tree({}), tree({ 'a.sql': '\'a\u0001\u001b[2Jb\' SELECT 1;\nDROP PROCEDURE p \'' + 'x'.repeat(100) + '\';\nCREATE TRIGGER t \u202eBEFORE INSERT ON x FOR EACH ROW SET @a = 1;\n' }))
    expect(p.errors.map((e) => `${e.line}: ${e.message}`)).toEqual([
      "1: ''a\\x01\\x1b[2Jb'' statement: only CREATE/DROP of procedures, functions, triggers, events and views belong in a routine file",
      `2: DROP PROCEDURE: unexpected '${"'" + 'x'.repeat(38)}…' after the name`,
      "3: unparseable CREATE TRIGGER t: expected BEFORE or AFTER, found '\\u202eBEFORE'"
    ])
  })
  test('a routine defined three times says so, at each extra definition', () => {
    const p = plan(tree({}), tree({ 'a.sql': 'CREATE PROCEDURE p() SELECT 1;\nCREATE PROCEDURE p() SELECT 2;\n', 'b.sql': 'CREATE PROCEDURE P() SELECT 3;\n' }))
    expect(p.errors).toEqual([
      { file: 'a.sql', line: 2, message: 'PROCEDURE p is defined 3 times: here, at a.sql:1 and at b.sql:1; keep one definition' },
      { file: 'b.sql', line: 1, message: 'PROCEDURE P is defined 3 times: here, at a.sql:1 and at a.sql:2; keep one definition' }
    ])
    expect(plan(tree({}), tree({ 'a.sql': 'CREATE VIEW v AS SELECT 1;\nCREATE VIEW v AS SELECT 2;\n' })).errors.map((e) => e.message))
      .toEqual(['VIEW v is defined twice: here and at a.sql:1; keep one definition'])
  })
})

describe('rendering', () => {
  test('quotes names for DROP, doubling backticks', () => {
    expect(dropSql({ type: 'PROCEDURE', schema: 'my db', name: 'a`b' })).toBe('DROP PROCEDURE IF EXISTS `my db`.`a``b`')
  })
  test('the delimiter never occurs in the statements', () => {
    expect(chooseDelimiter(['SELECT 1'])).toBe('$$')
    expect(chooseDelimiter(["SELECT '$$'"])).toBe('//')
    expect(chooseDelimiter(["SELECT '$$ // ;; $$$ %% ~~ @@@'"])).toBe('$$1$$')
    expect(toScript([])).toBe('')
    expect(toScript(["SELECT '$$'"])).toBe("DELIMITER //\nSELECT '$$'//\nDELIMITER ;\n")
  })
  test('a trailing comment in a definition cannot swallow the delimiter', () => {
    const p = plan(tree({}), tree({ 'a.sql': 'DELIMITER //\nCREATE PROCEDURE p() SELECT 1 -- trailing\n//\nDELIMITER ;\n' }))
    expect(p.execSql).toBe('DELIMITER $$\nDROP PROCEDURE IF EXISTS `p`$$\nCREATE PROCEDURE p() SELECT 1$$\nDELIMITER ;\n')
  })
})

describe('rollback files', () => {
  test('default and custom patterns', () => {
    expect(rollbackPathFor('db/r/a.sql')).toBe('db/r/a.rollback.sql')
    expect(rollbackPathFor('a.sql')).toBe('a.rollback.sql')
    expect(rollbackPathFor('db/r/a.sql', 'rollback/{dir}/{file}')).toBe('rollback/db/r/a.sql')
  })
  test('an override file replaces the generated rollback only for its routine file', () => {
    const base = tree({ 'a.sql': 'CREATE PROCEDURE a() SELECT 1;\n', 'b.sql': 'CREATE PROCEDURE b() SELECT 1;\n' })
    const head = tree({ 'a.sql': 'CREATE PROCEDURE a() SELECT 2;\n', 'b.sql': 'CREATE PROCEDURE b() SELECT 2;\n',
      'a.rollback.sql': '-- by hand\nDROP PROCEDURE IF EXISTS a;\nCREATE PROCEDURE a() SELECT 1\n' })
    const p = plan(base, head)
    expect(p.rollbackSql).toBe('DELIMITER $$\nDROP PROCEDURE IF EXISTS `b`$$\nCREATE PROCEDURE b() SELECT 1$$\n' +
      'DROP PROCEDURE IF EXISTS a$$\nCREATE PROCEDURE a() SELECT 1$$\nDELIMITER ;\n')
  })
})

describe('sources', () => {
  test('a missing directory is an error, not an empty tree', () => {
    expect(() => readDirTree('/nonexistent/dir/for/dpg')).toThrow(new DirSourceError("directory '/nonexistent/dir/for/dpg' does not exist"))
  })
})

describe('identity', () => {
  test('a header longer than the quick look still yields the right object', () => {
    const comment = '/* ' + 'x'.repeat(2000) + ' */ '
    const p = plan(tree({}), tree({ 'a.sql': `CREATE ${comment} DEFINER = CURRENT_USER ${comment} PROCEDURE \`${'n'.repeat(300)}\`() SELECT 1;\n` }))
    expect(p.objects).toEqual([{ type: 'PROCEDURE', name: 'n'.repeat(300), change: 'added', file: 'a.sql', line: 1 }])
  })
  test('schema.name written as one word or with backticks is the same object', () => {
    const p = plan(tree({ 'a.sql': 'CREATE PROCEDURE shop.p() SELECT 1;\n' }), tree({ 'a.sql': 'CREATE PROCEDURE `shop` . `p`() SELECT 1;\n' }))
    expect(p.objects).toEqual([])
  })
})
