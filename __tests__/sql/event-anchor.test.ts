// An event without a fixed STARTS is anchored when it is created. A modified event whose schedule stays the same
// is deployed and rolled back with ALTER EVENT (the anchor survives both ways); when the schedule changes or the
// event is removed, the plan warns that the rollback re-anchors it — and on MariaDB that is exactly what happens.
// Session timestamps (SET timestamp) stand for "created yesterday, deployed today, rolled back tomorrow".
import { describe, expect, test } from '@jest/globals'
import { eventClauses } from '../../src/sql/events.js'
import { classify } from '../../src/sql/objects.js'
import { plan } from '../../src/sql/plan.js'
import { canonical, quote, snapshot } from '../helpers/db-state.js'
import { mariadb } from '../helpers/mariadb-server.js'
import { SHARED_SCHEMA } from './plan-fixtures.js'

const tree = (text: string): Map<string, string> => new Map([['db/events/purge.sql', text]])
const event = (schedule: string, rest: string): string => `DROP EVENT IF EXISTS purge_audit;\nDELIMITER $$\nCREATE EVENT purge_audit\n  ON SCHEDULE ${schedule}\n${rest}$$\nDELIMITER ;\n`
const BASE = event('EVERY 1 HOUR', "  COMMENT 'hourly purge'\n  DO DELETE FROM audit_log WHERE changed_at < NOW() - INTERVAL 30 DAY")
const HEAD_BODY = event('EVERY 1 HOUR', '  DISABLE\n  DO BEGIN\n    DELETE FROM audit_log WHERE changed_at < NOW() - INTERVAL 7 DAY;\n  END')
const HEAD_SCHEDULE = event('EVERY 2 HOUR', "  COMMENT 'hourly purge'\n  DO DELETE FROM audit_log WHERE changed_at < NOW() - INTERVAL 30 DAY")

const YESTERDAY = 1_893_456_000 // 2030-01-01 00:00:00 UTC
const TODAY = YESTERDAY + 86_400 + 1234
const TOMORROW = TODAY + 86_400 + 777
const at = (ts: number, sql: string): string => `SET timestamp = ${ts};\n${sql}`

describe('which schedules are anchored at creation', () => {
  const clauses = (sql: string) => {
    const c = classify({ text: sql, delimiter: '$$', line: 1, start: 0, end: sql.length }, 1)
    return c.kind === 'create' ? eventClauses(c.def) : undefined
  }
  test.each([
    ['EVERY 1 HOUR', true],
    ['EVERY 1 HOUR STARTS CURRENT_TIMESTAMP + INTERVAL 1 HOUR', true],
    ["EVERY 1 HOUR STARTS '2030-01-01 00:00:00' ENDS NOW() + INTERVAL 1 YEAR", true],
    ['AT CURRENT_TIMESTAMP + INTERVAL 1 DAY', true],
    ["EVERY 1 HOUR STARTS '2030-01-01 00:00:00'", false],
    ["EVERY 1 DAY STARTS TIMESTAMP '2030-01-01 03:00:00' + INTERVAL 2 HOUR ENDS '2031-01-01'", false],
    ["AT '2030-06-01 03:00:00'", false]
  ])('%s → anchored at creation: %s', (schedule, anchored) => {
    expect(clauses(`CREATE EVENT e ON SCHEDULE ${schedule} DO SELECT 1`)?.anchoredAtCreation).toBe(anchored)
  })
  test('every clause ALTER EVENT needs, defaults included', () => {
    expect(clauses("CREATE DEFINER = `a`@`%` EVENT s.e ON SCHEDULE EVERY (1 + 1) HOUR ON COMPLETION PRESERVE DISABLE ON SLAVE COMMENT 'c;' DO\n  SELECT 1"))
      .toEqual({ schedule: 'EVERY ( 1 + 1 ) HOUR', scheduleText: 'EVERY (1 + 1) HOUR', anchoredAtCreation: true, definer: 'DEFINER = `a`@`%`',
        completion: 'PRESERVE', status: 'DISABLE ON SLAVE', comment: "'c;'", body: 'SELECT 1' })
    expect(clauses('CREATE EVENT e ON SCHEDULE AT NOW() DO SELECT 1')).toMatchObject({ completion: 'NOT PRESERVE', status: 'ENABLE', comment: "''" })
  })
})

describe('plans', () => {
  test('body, status and comment change, same schedule: ALTER EVENT both ways, no warning', () => {
    const p = plan(tree(BASE), tree(HEAD_BODY))
    expect(p.objects).toEqual([{ type: 'EVENT', name: 'purge_audit', change: 'modified', file: 'db/events/purge.sql', line: 3 }])
    expect(p.warnings).toEqual([])
    expect(p.execSql).toBe('DELIMITER $$\nALTER EVENT `purge_audit` ON COMPLETION NOT PRESERVE DISABLE COMMENT \'\' DO BEGIN\n' +
      '    DELETE FROM audit_log WHERE changed_at < NOW() - INTERVAL 7 DAY;\n  END$$\nDELIMITER ;\n')
    expect(p.rollbackSql).toBe("DELIMITER $$\nALTER EVENT `purge_audit` ON COMPLETION NOT PRESERVE ENABLE COMMENT 'hourly purge' DO " +
      'DELETE FROM audit_log WHERE changed_at < NOW() - INTERVAL 30 DAY$$\nDELIMITER ;\n')
  })
  test('schedule changed, or the event removed: DROP + CREATE, and a warning that the anchor is not restored', () => {
    const message = "EVENT purge_audit: the rollback cannot restore its schedule anchor: the base schedule 'EVERY 1 HOUR' counts from " +
      'when the event is created, so after a rollback it counts from the rollback; to keep it, write ' +
      'db/events/purge.rollback.sql with the current STARTS (information_schema.EVENTS)'
    const changed = plan(tree(BASE), tree(HEAD_SCHEDULE))
    expect(changed.warnings).toEqual([{ file: 'db/events/purge.sql', line: 3, message }])
    expect(changed.execSql).toContain('CREATE EVENT purge_audit\n  ON SCHEDULE EVERY 2 HOUR')
    const removed = plan(tree(BASE), new Map([['db/events/other.sql', '-- no events\n']]))
    expect(removed.warnings).toEqual([
      { file: 'db/events/purge.sql', line: 3, message: 'EVENT purge_audit is removed because its file was deleted: execSql drops it from the database' },
      { file: 'db/events/purge.sql', line: 3, message }
    ])
    // a reviewer-written rollback replaces the generated one: nothing to warn about
    expect(plan(tree(BASE), new Map([...tree(HEAD_SCHEDULE), ['db/events/purge.rollback.sql', BASE]])).warnings).toEqual([])
  })
  test('a fixed STARTS needs neither', () => {
    const fixed = (n: number) => event("EVERY 1 HOUR STARTS '2030-01-01 00:00:00'", `  DO SELECT ${n}`)
    const p = plan(tree(fixed(1)), tree(fixed(2)))
    expect(p.warnings).toEqual([])
    expect(p.execSql).toContain('DROP EVENT IF EXISTS `purge_audit`$$\nCREATE EVENT purge_audit')
  })
})

describe('on MariaDB', () => {
  const DB = 'dpg_event_anchor'
  const reset = (): void => void mariadb(`DROP DATABASE IF EXISTS ${quote(DB)}; CREATE DATABASE ${quote(DB)}; USE ${quote(DB)};\n${SHARED_SCHEMA()}`)
  const starts = (): string => mariadb(`SELECT UNIX_TIMESTAMP(STARTS) FROM information_schema.EVENTS WHERE EVENT_SCHEMA = '${DB}'`).trim()

  test('same schedule: execSql reaches the head exactly (anchor included) and rollbackSql restores the base exactly', () => {
    try {
      reset()
      mariadb(at(YESTERDAY, HEAD_BODY), DB)
      const headState = snapshot([DB])
      reset()
      mariadb(at(YESTERDAY, BASE), DB)
      const baseState = snapshot([DB])
      expect(starts()).toBe(String(YESTERDAY))
      const p = plan(tree(BASE), tree(HEAD_BODY))
      mariadb(at(TODAY, p.execSql), DB)
      expect(canonical(snapshot([DB]))).toEqual(canonical(headState))
      expect(starts()).toBe(String(YESTERDAY))
      mariadb(at(TOMORROW, p.rollbackSql), DB)
      expect(snapshot([DB])).toEqual(baseState)
    } finally {
      mariadb(`DROP DATABASE IF EXISTS ${quote(DB)}`)
    }
  })

  test('schedule changed: the rollback restores the definition, and the anchor moves to the rollback, as warned', () => {
    try {
      reset()
      mariadb(at(YESTERDAY, BASE), DB)
      const baseState = snapshot([DB])
      const p = plan(tree(BASE), tree(HEAD_SCHEDULE))
      expect(p.warnings).toHaveLength(1)
      mariadb(at(TODAY, p.execSql), DB)
      expect(starts()).toBe(String(TODAY))
      mariadb(at(TOMORROW, p.rollbackSql), DB)
      const after = snapshot([DB])
      expect(starts()).toBe(String(TOMORROW))
      const withoutStarts = (s: typeof after) => ({ ...s, events: s.events.map(({ STARTS: _starts, ...e }) => e) })
      expect(withoutStarts(after)).toEqual(withoutStarts(baseState))
    } finally {
      mariadb(`DROP DATABASE IF EXISTS ${quote(DB)}`)
    }
  })
})
