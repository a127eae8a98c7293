// Legacy-encoded routine files on the real MariaDB: the GBK and Latin-1 fixtures are loaded through the client in
// their own character set (as a DBA does), planned with the encoding configured, and execSql / rollbackSql (UTF-8,
// as DMS receives them) must reach the head state and restore the base state, characters included.
import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { plan } from '../../src/sql/plan.js'
import { readDirTree } from '../../src/sources/dir.js'
import { decoderFor, encodingChoice, type EncodingChoice } from '../../src/sources/encoding.js'
import { apply, canonical, quote, snapshot } from '../helpers/db-state.js'
import { mariadb } from '../helpers/mariadb-server.js'
import { SHARED_SCHEMA } from './plan-fixtures.js'

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'encoding')

const CASES = [
  // fixture, encoding label, the client's name for it, the routine file, text that must survive the roundtrip
  { name: 'gbk', label: 'gbk', charset: 'gbk', file: 'db/order_report.sql', base: ["'已发货' AS 状态", '订单报表'], head: ['已发货；待结算', '订单报表（新版）'] },
  { name: 'latin1', label: 'latin1', charset: 'latin1', file: 'db/client_label.sql', base: ['trés spécial', 'Préfixe « Client » ajouté'], head: ['ça coûte 5 €', '– très'] }
] as const

function fresh(db: string): void {
  mariadb(`DROP DATABASE IF EXISTS ${quote(db)}; CREATE DATABASE ${quote(db)} CHARACTER SET utf8mb4; USE ${quote(db)};\n` +
    `SET SESSION default_storage_engine = Aria;\n${SHARED_SCHEMA()}`)
}

describe.each(CASES)('$name fixture', (c) => {
  const db = `dpg_enc_${c.name}`
  const choice = encodingChoice(c.label, '--encoding') as EncodingChoice
  const side = (s: 'base' | 'head') => readDirTree(join(FIXTURES, c.name, s), undefined, decoderFor(() => choice))
  const bytes = (s: 'base' | 'head') => readFileSync(join(FIXTURES, c.name, s, c.file))
  const definitions = (): string => mariadb(`SELECT CONCAT(ROUTINE_DEFINITION, ' | ', ROUTINE_COMMENT) FROM information_schema.ROUTINES ` +
    `WHERE ROUTINE_SCHEMA = '${db}'`, undefined, ['--batch', '--raw', '--default-character-set=utf8mb4'])

  test('decoded with the configured encoding, the plan is the one modified routine, in Unicode', () => {
    const base = side('base')
    const head = side('head')
    expect([base.errors, head.errors]).toEqual([[], []])
    const p = plan(base.files, head.files)
    expect(p.errors).toEqual([])
    expect(p.objects.map((o) => `${o.change} ${o.type} ${o.file}`)).toEqual([`modified ${c.name === 'gbk' ? 'PROCEDURE' : 'FUNCTION'} ${c.file}`])
    for (const t of c.head) expect(p.execSql).toContain(t)
    for (const t of c.base) expect(p.rollbackSql).toContain(t)
    expect(p.execSql).not.toContain('\ufffd')
  })

  test('on MariaDB: execSql reaches the head state, rollbackSql restores the base characters exactly', () => {
    const p = plan(side('base').files, side('head').files)
    try {
      fresh(db)
      mariadb(bytes('head'), db, [`--default-character-set=${c.charset}`])
      const headState = snapshot([db])
      for (const t of c.head) expect(definitions()).toContain(t)

      fresh(db)
      mariadb(bytes('base'), db, [`--default-character-set=${c.charset}`])
      const baseState = snapshot([db])
      for (const t of c.base) expect(definitions()).toContain(t)

      apply(p.execSql, db, 'execSql')
      expect(canonical(snapshot([db]))).toEqual(canonical(headState))
      for (const t of c.head) expect(definitions()).toContain(t)

      apply(p.rollbackSql, db, 'rollbackSql')
      expect(snapshot([db])).toEqual(baseState)
      for (const t of c.base) expect(definitions()).toContain(t)
    } finally {
      mariadb(`DROP DATABASE IF EXISTS ${quote(db)}`)
    }
  })
})
