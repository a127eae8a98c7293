import { afterEach, describe, expect, test } from '@jest/globals'
import { createDmsClient } from '../../src/dms/client.js'
import { parseDatabaseSpec, pickDatabase, resolveDatabase } from '../../src/dms/resolve-database.js'
import type { DatabaseRef } from '../../src/dms/types.js'
import { startCannedServer, ok, type CannedServer } from './helpers/canned-server.js'

const db = (dbId: number, schemaName: string, host = 'rm-a.mysql.rds.aliyuncs.com', port = 3306, envType = 'product'): DatabaseRef =>
  ({ dbId, schemaName, host, port, envType, dbType: 'mysql', searchName: `${schemaName}@${host}:${port}`, logic: false })

describe('parseDatabaseSpec', () => {
  test('forms', () => {
    expect(parseDatabaseSpec(12)).toEqual({ dbId: 12 })
    expect(parseDatabaseSpec(' 12 ')).toEqual({ dbId: 12 })
    expect(parseDatabaseSpec('shop')).toEqual({ schemaName: 'shop', host: undefined, port: undefined })
    expect(parseDatabaseSpec('shop@h.example:3307')).toEqual({ schemaName: 'shop', host: 'h.example', port: 3307 })
    expect(() => parseDatabaseSpec('shop@h:x', 'dms-database')).toThrow(/^dms-database: /)
    expect(() => parseDatabaseSpec(0)).toThrow(/positive/)
  })
})

describe('pickDatabase', () => {
  const all = [db(1, 'shop'), db(2, 'shop', 'rm-b', 3306, 'dev'), db(3, 'shop_archive'), db(4, 'Shop', 'rm-c')]
  test('exact name; filters narrow an ambiguous name', () => {
    expect(pickDatabase(all, { schemaName: 'shop', envType: 'DEV' }).dbId).toBe(2)
    expect(pickDatabase(all, { schemaName: 'shop', host: 'RM-A.mysql.rds.aliyuncs.com' }).dbId).toBe(1)
    expect(pickDatabase(all, { schemaName: 'Shop' }).dbId).toBe(4)
  })
  test('ambiguous lists candidates as name@host:port (env)', () => {
    expect(() => pickDatabase(all, { schemaName: 'shop' }, 'dms-database')).toThrow(
      'dms-database: 2 DMS databases match schema "shop": shop@rm-a.mysql.rds.aliyuncs.com:3306 (product, DbId 1); shop@rm-b:3306 (dev, DbId 2). Add host, port or env (schema@host:port, or the DbId) to choose one.')
  })
  test('case-insensitive fallback only when no exact match, and only if unique', () => {
    expect(pickDatabase([db(4, 'Shop')], { schemaName: 'shop' }).dbId).toBe(4)
    expect(() => pickDatabase([db(4, 'Shop'), db(5, 'SHOP')], { schemaName: 'shop' })).toThrow(/2 DMS databases match/)
  })
  test('none: shows what the keyword search did find', () => {
    expect(() => pickDatabase(all, { schemaName: 'shop', port: 3310 })).toThrow(/no DMS database matches schema "shop", port 3310; SearchDatabase found: shop@rm-a/)
    expect(() => pickDatabase([], { schemaName: 'x' })).toThrow(/found nothing/)
  })
})

describe('resolveDatabase through SearchDatabase', () => {
  let server: CannedServer | undefined
  afterEach(async () => { await server?.close() })

  test('pages through results and matches client-side', async () => {
    // 150 keyword hits across two pages; the one we want is on page 2.
    const rows = Array.from({ length: 150 }, (_, i) => ({
      DatabaseId: String(100 + i), SchemaName: i === 140 ? 'shop' : `shop_${i}`, Host: 'h', Port: 3306, EnvType: 'product', DbType: 'mysql', Logic: false
    }))
    server = await startCannedServer((r) => {
      const page = Number(r.query.PageNumber), size = Number(r.query.PageSize)
      return ok({ TotalCount: rows.length, SearchDatabaseList: { SearchDatabase: rows.slice((page - 1) * size, page * size) } })
    })
    const c = createDmsClient({ endpoint: server.url, credentials: { accessKeyId: 'a', accessKeySecret: 'b' } })
    const res = await resolveDatabase(c, parseDatabaseSpec('shop'))
    expect(res).toMatchObject({ dbId: 240, logic: false, ref: { schemaName: 'shop', host: 'h', port: 3306 } })
    expect(server.requests.map((r) => [r.query.SearchKey, r.query.PageNumber])).toEqual([['shop', '1'], ['shop', '2']])
  })

  test('a DbId needs no lookup', async () => {
    server = await startCannedServer(() => ok())
    const c = createDmsClient({ endpoint: server.url, credentials: { accessKeyId: 'a', accessKeySecret: 'b' } })
    expect(await resolveDatabase(c, { dbId: 7 })).toEqual({ dbId: 7, logic: false, ref: null })
    expect(server.requests).toHaveLength(0)
  })
})
