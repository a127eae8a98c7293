// The pure half of verification: schema qualifiers into scratch schemas, events made DISABLED, the schema file's
// statements vetted, and every statement sent traced back to its file and line.
import { describe, expect, test } from '@jest/globals'
import { plan } from '../../src/sql/plan.js'
import { disableAlterEvent, disableEvent } from '../../src/verify/events.js'
import { prepareTarget } from '../../src/verify/prepare.js'
import { RefusedInput } from '../../src/verify/refused.js'
import { rewriteQualifiers } from '../../src/verify/rewrite.js'
import { ScratchLayout } from '../../src/verify/scratch.js'
import { parseSchemaFile } from '../../src/verify/schema-file.js'

const map = new Map([['shop', 'dpg_verify_x_d1']])

describe('rewriteQualifiers', () => {
  test('every spelling of a mapped qualifier, and nothing else', () => {
    expect(rewriteQualifiers('CREATE PROCEDURE shop.p() SELECT * FROM `shop`.orders o JOIN shop . t ON o.id = t.id', map))
      .toBe('CREATE PROCEDURE `dpg_verify_x_d1`.p() SELECT * FROM `dpg_verify_x_d1`.orders o JOIN `dpg_verify_x_d1` . t ON o.id = t.id')
    expect(rewriteQualifiers("SELECT shop.t.col, 'shop.t', `shop.t`, Shop.t /* shop.t */ FROM x.shop.t", map))
      .toBe("SELECT `dpg_verify_x_d1`.t.col, 'shop.t', `shop.t`, Shop.t /* shop.t */ FROM x.shop.t")
    expect(rewriteQualifiers('/*!50003 CREATE TRIGGER shop.trg BEFORE INSERT ON shop.t FOR EACH ROW SET NEW.a = 1 */', map))
      .toBe('/*!50003 CREATE TRIGGER `dpg_verify_x_d1`.trg BEFORE INSERT ON `dpg_verify_x_d1`.t FOR EACH ROW SET NEW.a = 1 */')
  })

  test('lines never move', () => {
    const sql = 'CREATE VIEW shop.v AS\nSELECT *\n  FROM shop.t'
    expect(rewriteQualifiers(sql, map).split('\n')).toHaveLength(3)
  })
})

describe('disableEvent', () => {
  test('adds DISABLE when the event has no status clause, keeping the schedule as written', () => {
    const r = disableEvent("CREATE EVENT e ON SCHEDULE EVERY 1 HOUR STARTS NOW() + INTERVAL 1 DAY COMMENT 'c' DO SELECT 1")!
    expect(r.text).toBe("CREATE EVENT e ON SCHEDULE EVERY 1 HOUR STARTS NOW() + INTERVAL 1 DAY DISABLE COMMENT 'c' DO SELECT 1")
    expect(r.intent).toEqual({ status: 'ENABLE', schedule: 'EVERY 1 HOUR STARTS NOW ( ) + INTERVAL 1 DAY' })
  })

  test('replaces ENABLE / DISABLE ON SLAVE on the same lines, after ON COMPLETION', () => {
    const r = disableEvent('CREATE EVENT e\n  ON SCHEDULE AT CURRENT_TIMESTAMP\n  ON COMPLETION NOT PRESERVE\n  ENABLE\n  DO\n  SELECT 1')!
    expect(r.text).toBe('CREATE EVENT e\n  ON SCHEDULE AT CURRENT_TIMESTAMP\n  ON COMPLETION NOT PRESERVE\n  DISABLE\n  DO\n  SELECT 1')
    expect(r.intent.status).toBe('ENABLE')
    const s = disableEvent('CREATE EVENT e ON SCHEDULE EVERY 1 DAY DISABLE\nON SLAVE DO SELECT 1')!
    expect(s.text).toBe('CREATE EVENT e ON SCHEDULE EVERY 1 DAY DISABLE\n DO SELECT 1')
    expect(s.intent.status).toBe('DISABLE ON SLAVE')
  })

  test('an unrecognized shape is reported, not sent enabled', () => {
    expect(disableEvent('CREATE EVENT e DO SELECT 1')).toBeUndefined()
  })
})

describe('disableAlterEvent: the ALTER EVENT the planner ships to keep an event\'s schedule anchor', () => {
  test('its status becomes DISABLE on the same lines; the name (qualified or quoted) and the status as written are kept', () => {
    const r = disableAlterEvent("ALTER DEFINER=`ops`@`%` EVENT `shop`.`purge` ON COMPLETION NOT PRESERVE ENABLE COMMENT 'daily' DO DELETE FROM t")!
    expect(r.text).toBe("ALTER DEFINER=`ops`@`%` EVENT `shop`.`purge` ON COMPLETION NOT PRESERVE DISABLE COMMENT 'daily' DO DELETE FROM t")
    expect(r).toMatchObject({ name: { schema: 'shop', name: 'purge' }, status: 'ENABLE' })
    const s = disableAlterEvent("ALTER EVENT e ON COMPLETION PRESERVE DISABLE\nON SLAVE COMMENT '' DO SELECT 1")!
    expect(s.text).toBe("ALTER EVENT e ON COMPLETION PRESERVE DISABLE\n COMMENT '' DO SELECT 1")
    expect(s).toMatchObject({ name: { name: 'e' }, status: 'DISABLE ON SLAVE' })
  })

  test('any other ALTER is not this shape (and is refused by the caller)', () => {
    expect(disableAlterEvent('ALTER EVENT e ON SCHEDULE EVERY 1 DAY ENABLE DO SELECT 1')).toBeUndefined()
    expect(disableAlterEvent('ALTER EVENT e RENAME TO f')).toBeUndefined()
    expect(disableAlterEvent('ALTER TABLE t ENABLE KEYS')).toBeUndefined()
    expect(disableAlterEvent("ALTER EVENT e ON COMPLETION PRESERVE ENABLE COMMENT 'x'")).toBeUndefined()
  })
})

describe('parseSchemaFile', () => {
  test('knows the table of each statement it runs (mysqldump shapes included)', () => {
    const text = '/*!40101 SET NAMES utf8mb4 */;\nDROP TABLE IF EXISTS `orders`, shop.items;\nCREATE TABLE `orders` (id INT);\n' +
      'LOCK TABLES `orders` WRITE, shop.x AS y READ;\nINSERT INTO `orders` VALUES (1);\nUNLOCK TABLES;\nCREATE UNIQUE INDEX i ON shop.items (id);\n' +
      'ALTER TABLE orders ADD COLUMN x INT;\nCREATE OR REPLACE VIEW shop.v AS SELECT 1;\nREPLACE INTO t2 VALUES (1);\nTRUNCATE TABLE t3;\n'
    const names = parseSchemaFile('db/schema.sql', text).map((s) => [s.at.line, s.tables.map((t) => (t.schema ? `${t.schema}.` : '') + t.name).join(',')])
    expect(names).toEqual([[1, ''], [2, 'orders,shop.items'], [3, 'orders'], [4, 'orders,shop.x'], [5, 'orders'], [6, ''],
      [7, 'shop.items'], [8, 'orders'], [9, 'shop.v'], [10, 't2'], [11, 't3']])
  })

  test.each([
    ['USE shop;', 'USE would leave the scratch schema'],
    ['CREATE DATABASE shop;', 'CREATE DATABASE is not allowed'],
    ['DROP SCHEMA shop;', 'DROP SCHEMA is not allowed'],
    ['CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW SET @a = 1;', 'CREATE TRIGGER belongs in a routine file'],
    ['SET GLOBAL event_scheduler = ON;', 'SET changes server state'],
    ['GRANT ALL ON *.* TO x;', 'GRANT statements are not run'],
    ["LOAD DATA LOCAL INFILE '/etc/passwd' INTO TABLE t;", 'LOAD statements are not run'],
    ['UPDATE shop.t SET a = 1;', 'UPDATE statements are not run']
  ])('refuses %j with its file and line', (stmt, why) => {
    try {
      parseSchemaFile('db/schema.sql', `CREATE TABLE a (id INT);\n\n${stmt}\n`)
      throw new Error('accepted')
    } catch (e) {
      expect(e).toBeInstanceOf(RefusedInput)
      expect((e as RefusedInput).message).toContain(why)
      expect((e as RefusedInput).at).toEqual({ file: 'db/schema.sql', line: 3 })
    }
  })
})

describe('prepareTarget', () => {
  const base = new Map([
    ['db/p.sql', '-- the procedure\nDELIMITER ;;\nCREATE PROCEDURE shop.p()\nBEGIN\n  SELECT 1;\nEND;;\nDELIMITER ;\n'],
    ['db/e.sql', 'CREATE EVENT ev ON SCHEDULE EVERY 1 DAY DO SELECT 1;\n']
  ])
  const head = new Map([
    ['db/p.sql', '-- the procedure\nDELIMITER ;;\nCREATE PROCEDURE shop.p()\nBEGIN\n  SELECT 2;\nEND;;\nDELIMITER ;\n'],
    ['db/p.rollback.sql', '-- back\nDROP PROCEDURE IF EXISTS shop.p;\n\nCREATE PROCEDURE shop.p() SELECT 1;\n'],
    ['db/v.sql', 'CREATE VIEW v AS SELECT 1 AS a;\n']
  ])
  const p = plan(base, head)

  test('each statement keeps the file:line it is written at', () => {
    const t = prepareTarget({ name: 'default', base, head, plan: p })
    const where = (list: typeof t.exec) => list.map((s) => `${s.what} @ ${s.at ? `${s.at.file}:${s.at.line}` : '-'}`)
    expect(where(t.base)).toEqual(['CREATE PROCEDURE shop.p @ db/p.sql:3', 'CREATE EVENT ev @ db/e.sql:1'])
    expect(where(t.exec)).toEqual(['DROP EVENT ev @ db/e.sql:1', 'DROP PROCEDURE shop.p @ db/p.sql:3', 'CREATE PROCEDURE shop.p @ db/p.sql:3',
      'DROP VIEW v @ db/v.sql:1', 'CREATE VIEW v @ db/v.sql:1'])
    expect(where(t.rollback)).toEqual(['DROP VIEW v @ db/v.sql:1', 'DROP EVENT ev @ db/e.sql:1', 'CREATE EVENT ev @ db/e.sql:1',
      'DROP PROCEDURE shop.p @ db/p.rollback.sql:2', 'CREATE PROCEDURE shop.p @ db/p.rollback.sql:4'])
    expect([...t.qualifiers]).toEqual(['shop'])
    expect(t.rollback.find((s) => s.what === 'CREATE EVENT ev')!.text).toContain('DISABLE DO')
  })

  test('a rollback file that writes data is refused with its line', () => {
    const h = new Map([...head, ['db/p.rollback.sql', 'CREATE PROCEDURE shop.p() SELECT 1;\nDELETE FROM shop.orders;\n']])
    expect(() => prepareTarget({ name: 'default', base, head: h, plan: plan(base, h) }))
      .toThrow("rollback file db/p.rollback.sql: 'DELETE FROM …' cannot be verified")
  })

  test('a plan with errors is not verified', () => {
    const h = new Map([['db/x.sql', 'INSERT INTO t VALUES (1);\n']])
    expect(() => prepareTarget({ name: 'shop', base: new Map(), head: h, plan: plan(new Map(), h) })).toThrow("the plan of target 'shop' has 1 error(s)")
  })
})

describe('ScratchLayout', () => {
  test('two sets; a target\'s own schema name maps to its own scratch schema; names map back in messages', () => {
    const l = new ScratchLayout([{ name: 'a', schemaName: 'shop' }, { name: 'b' }], [new Set(['shop', 'crm']), new Set(['shop'])], 'ab12')
    expect(l.all).toEqual(['dpg_verify_ab12_d0', 'dpg_verify_ab12_d1', 'dpg_verify_ab12_d2', 'dpg_verify_ab12_d3',
      'dpg_verify_ab12_h0', 'dpg_verify_ab12_h1', 'dpg_verify_ab12_h2', 'dpg_verify_ab12_h3'])
    expect([...l.rewriteMap('deploy', 0)]).toEqual([['crm', 'dpg_verify_ab12_d2'], ['shop', 'dpg_verify_ab12_d0']])
    expect([...l.rewriteMap('head', 1)]).toEqual([['crm', 'dpg_verify_ab12_h2'], ['shop', 'dpg_verify_ab12_h3']])
    expect(l.labelOf('dpg_verify_ab12_d3')).toBe(l.labelOf('dpg_verify_ab12_h3'))
    expect(l.neutralize("Table 'dpg_verify_ab12_d1.orders' doesn't exist in `dpg_verify_ab12_h2`.`t` or dpg_verify_ab12_d0"))
      .toBe("Table 'orders' doesn't exist in `crm`.`t` or shop")
  })
})
