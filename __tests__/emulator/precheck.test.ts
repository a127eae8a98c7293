// The emulator's precheck over our real lexer (pure: no server).
import { describe, expect, test } from '@jest/globals'
import { splitStatements, tokenize } from '../../src/sql/lexer.js'
import { precheckProcSql, stripLeadingComments } from '../../src/emulator/precheck.js'

const check = (sql: string) => precheckProcSql(sql, { splitStatements, tokenize })
const failedStep = (sql: string) => check(sql).tasks.find((t) => t.status === 'FAIL')?.step

describe('precheckProcSql', () => {
  test.each([
    ['DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; END $$\nDELIMITER ;'],
    ['DELIMITER //\nCREATE DEFINER=`app`@`%` PROCEDURE `shop`.`archive orders`(IN d INT)\nSQL SECURITY INVOKER\nBEGIN\n  DELETE FROM o WHERE age > d;\nEND //\nDELIMITER ;'],
    ['DROP PROCEDURE IF EXISTS p;\nDROP FUNCTION IF EXISTS f;\nDROP TRIGGER IF EXISTS t;\nDROP EVENT IF EXISTS e;\nDROP VIEW IF EXISTS v;'],
    ['CREATE FUNCTION f(x INT) RETURNS INT DETERMINISTIC RETURN x * 2;'],
    ['CREATE TRIGGER t BEFORE INSERT ON o FOR EACH ROW SET NEW.a = 1;'],
    ['CREATE OR REPLACE ALGORITHM=MERGE DEFINER=CURRENT_USER SQL SECURITY INVOKER VIEW v AS SELECT 1;'],
    ['-- header comment\n# another\n/* block */\nCREATE AGGREGATE FUNCTION a RETURNS INT SONAME "x.so";'],
    ['SET NAMES utf8mb4;\nUSE shop;\nDELIMITER ;;\nCREATE EVENT e ON SCHEDULE EVERY 1 HOUR DO BEGIN DELETE FROM log; END ;;\nDELIMITER ;']
  ])('passes: %s', (sql) => {
    const r = check(sql)
    expect(r.ok).toBe(true)
    expect(r.tasks.map((t) => t.status)).toEqual(['SUCCESS', 'SUCCESS', 'SUCCESS', 'SUCCESS'])
  })

  test.each([
    ['', 'SQL_PARSE'],
    ['-- only a comment', 'SQL_PARSE'],
    ["CREATE PROCEDURE p() SELECT 'unterminated;", 'SQL_PARSE'],
    ['CREATE PROCEDURE p() BEGIN SELECT 1; END;', 'SQL_PARSE'],
    ['CREATE PROCEDURE p() BEGIN SELECT 1; END', 'SQL_PARSE'],
    ['DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1;\n', 'SQL_PARSE'],
    ['UPDATE t SET a = 1;', 'SQL_TYPE_CHECK'],
    ['CREATE TABLE t (a INT);', 'SQL_TYPE_CHECK'],
    ['GRANT ALL ON *.* TO x;', 'SQL_TYPE_CHECK']
  ])('fails: %j at %s', (sql, step) => {
    const r = check(sql)
    expect(r.ok).toBe(false)
    expect(failedStep(sql)).toBe(step)
    const i = r.tasks.findIndex((t) => t.status === 'FAIL')
    expect(r.tasks.slice(0, i).every((t) => t.status === 'SUCCESS')).toBe(true)
    expect(r.tasks.slice(i + 1).every((t) => t.status === 'WAITING')).toBe(true)
  })

  test('the failing tip names the line', () => {
    const tip = check('DROP PROCEDURE IF EXISTS p;\n\nCREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\nEND;').tasks[0].userTip
    expect(tip).toContain('line 3')
    expect(tip).toContain('DELIMITER')
  })

  test('stripLeadingComments', () => {
    expect(stripLeadingComments('  -- a\n#b\n/* c */ CREATE')).toBe('CREATE')
    expect(stripLeadingComments('/* open')).toBe('')
    expect(stripLeadingComments('--x')).toBe('--x') // `--` needs a space to be a comment
  })
})
