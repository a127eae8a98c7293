// A repository bootstrapped with the real `mariadb-dump --routines --triggers --events --no-create-info --no-data`
// (which starts every file with `/*M!999999\- enable the sandbox mode */`): load a schema, dump it, plan the dump,
// then run execSql and rollbackSql on MariaDB through the client and compare the objects with the source.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { plan } from '../../src/sql/plan.js'
import { apply, canonical, objectCount, quote, snapshot, withoutSchema } from '../helpers/db-state.js'
import { mariadb, sharedMariaDb } from '../helpers/mariadb-server.js'
import { SHARED_SCHEMA } from './plan-fixtures.js'

const SRC = 'dpg_dump_src'
const RT = 'dpg_dump_rt'

const ROUTINES = `DELIMITER $$
CREATE PROCEDURE archive_orders(IN p_days INT)
COMMENT 'moves delivered orders; keeps the rest'
BEGIN
  INSERT INTO orders_archive (id, customer_id, total, status, created_at)
    SELECT id, customer_id, total, status, created_at FROM orders
     WHERE status = 'delivered;archived' AND created_at < NOW() - INTERVAL p_days DAY;
  DELETE FROM orders WHERE status = 'delivered;archived' AND created_at < NOW() - INTERVAL p_days DAY;
END$$
CREATE FUNCTION order_total(p_id INT) RETURNS DECIMAL(12,2) READS SQL DATA
BEGIN
  DECLARE v DECIMAL(12,2);
  SELECT COALESCE(SUM(qty * price), 0) INTO v FROM order_items WHERE order_id = p_id;
  RETURN v;
END$$
CREATE TRIGGER orders_bu BEFORE UPDATE ON orders FOR EACH ROW
BEGIN
  IF NEW.total < 0 THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'negative total; rejected';
  END IF;
  SET NEW.updated_at = NOW();
END$$
CREATE EVENT purge_audit ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 03:00:00' DISABLE
  DO DELETE FROM audit_log WHERE changed_at < NOW() - INTERVAL 30 DAY$$
DELIMITER ;
`

function dump(db: string): string {
  const h = sharedMariaDb()
  const bin = [join(dirname(h.client), 'mariadb-dump'), join(dirname(h.client), 'mysqldump')].find(existsSync)
  if (!bin) throw new Error('mariadb-dump not found next to the mariadb client')
  const r = spawnSync(bin, ['--no-defaults', '-uroot', `--socket=${h.socket}`, '--routines', '--triggers', '--events',
    '--no-create-info', '--no-data', '--skip-dump-date', db], { encoding: 'utf8', timeout: 60_000 })
  if (r.status !== 0) throw new Error(`mariadb-dump failed: ${r.stderr}`)
  return r.stdout
}

/** A fresh database with the fixture tables only (what the routines read and the trigger hangs on). */
function tablesOnly(db: string): void {
  mariadb(`DROP DATABASE IF EXISTS ${quote(db)}; CREATE DATABASE ${quote(db)}; USE ${quote(db)};\n` +
    `SET SESSION default_storage_engine = Aria;\n${SHARED_SCHEMA()}`)
}

const state = (db: string) => withoutSchema(snapshot([db]))

let baseDump = ''

beforeAll(() => {
  tablesOnly(SRC)
  mariadb(ROUTINES, SRC)
  baseDump = dump(SRC)
})
afterAll(() => {
  mariadb(`DROP DATABASE IF EXISTS ${SRC}; DROP DATABASE IF EXISTS ${RT};`)
})

describe('a live mariadb-dump file', () => {
  test('starts with the sandbox line and plans without errors: every object added', () => {
    expect(baseDump.startsWith('/*M!999999\\- enable the sandbox mode */')).toBe(true)
    const p = plan(new Map(), new Map([['db/shop.sql', baseDump]]))
    expect(p.errors).toEqual([])
    expect(p.objects.map((o) => `${o.change} ${o.type} ${o.name}`).sort()).toEqual([
      'added EVENT purge_audit', 'added FUNCTION order_total', 'added PROCEDURE archive_orders', 'added TRIGGER orders_bu'])
    // the dump's DEFINER clauses are the only findings
    expect(p.warnings.map((w) => w.message.replace(/:.*/, ''))).toEqual(
      ['TRIGGER orders_bu', 'EVENT purge_audit', 'FUNCTION order_total', 'PROCEDURE archive_orders'])
    expect(p.warnings.every((w) => w.message.endsWith('DEFINER = `root`@`localhost` (DMS runs the ticket as its own account; drop the clause)'))).toBe(true)
    expect(p.execSql).not.toContain('sandbox')
  })

  test('execSql recreates the source objects exactly; rollbackSql removes them', () => {
    const p = plan(new Map(), new Map([['db/shop.sql', baseDump]]))
    tablesOnly(RT)
    apply(p.execSql, RT, 'execSql')
    const deployed = state(RT)
    expect(objectCount(deployed)).toBe(4)
    expect(deployed).toEqual(state(SRC)) // bodies as the server stores them, not just canonically
    apply(p.rollbackSql, RT, 'rollbackSql')
    expect(objectCount(state(RT))).toBe(0)
  })

  test('two dumps, one routine changed in between: exactly that object is modified; the roundtrip is exact', () => {
    const baseState = state(SRC)
    mariadb(`DROP FUNCTION order_total;
DELIMITER $$
CREATE FUNCTION order_total(p_id INT) RETURNS DECIMAL(12,2) READS SQL DATA
BEGIN
  DECLARE v DECIMAL(12,2);
  SELECT COALESCE(SUM(qty * price), 0) INTO v FROM order_items WHERE order_id = p_id AND qty > 0;
  RETURN v;
END$$
DELIMITER ;`, SRC)
    const headDump = dump(SRC)
    const headState = state(SRC)
    const p = plan(new Map([['db/shop.sql', baseDump]]), new Map([['db/shop.sql', headDump]]))
    expect(p.errors).toEqual([])
    expect(p.objects).toEqual([{ type: 'FUNCTION', name: 'order_total', change: 'modified', file: 'db/shop.sql', line: expect.any(Number) }])

    // the database as the base dump left it, loaded through the client as a DBA would
    tablesOnly(RT)
    mariadb(baseDump, RT)
    expect(state(RT)).toEqual(baseState)
    apply(p.execSql, RT, 'execSql')
    expect(canonical(state(RT))).toEqual(canonical(headState))
    apply(p.rollbackSql, RT, 'rollbackSql')
    expect(state(RT)).toEqual(baseState)
  })
})
