// The client's DMS semantics against the emulator: paging to TotalCount whatever the page size the server grants,
// its own tickets only (AS_COMMITTER) whatever SearchContent does, rollback SQL as an uploaded attachment, and the
// size limit checked before anything is sent.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { readTicketBook } from '../../src/tickets/book.js'
import { identityHeader } from '../../src/tickets/identity.js'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createDmsClient, type DmsClient } from '../../src/dms/client.js'
import { DmsError } from '../../src/dms/errors.js'
import { DEFAULT_ACCESS_KEY, DEFAULT_USER, startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/emulator/index.js'

const OTHER = { id: 'LTAI-other-ram-user', secret: 'other-secret' }
const PROC = 'DROP PROCEDURE IF EXISTS p;\nDELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; END$$\nDELIMITER ;\n'

function clientOf(emu: RunningEmulator, key: { id: string; secret: string } = DEFAULT_ACCESS_KEY, extra: Parameters<typeof createDmsClient>[0] extends infer O ? Partial<O> : never = {}): DmsClient {
  return createDmsClient({
    endpoint: emu.url, credentials: { accessKeyId: key.id, accessKeySecret: key.secret }, readTimeoutMs: 5000,
    retry: { maxAttempts: 1 }, retryDeps: { sleep: async () => {} }, ...extra
  })
}

async function withEmulator(o: EmulatorOptions, body: (emu: RunningEmulator) => Promise<void>): Promise<void> {
  const emu = await startEmulator({ precheckDelayMs: 0, executeDelayMs: 0, users: [{ id: 4_000_000_000_002, nick: 'other_ram_user', keys: [OTHER] }], ...o })
  try {
    await body(emu)
  } finally {
    await emu.close()
  }
}

const ticket = (comment: string) => ({ comment, dbItems: [{ dbId: 1, logic: false }], execSql: PROC, rollbackSql: 'DROP PROCEDURE IF EXISTS p;', execMode: 'COMMITOR' as const })

describe('listOrdersAll', () => {
  test('pages until TotalCount even when the server grants smaller pages than asked', async () => {
    await withEmulator({ listOrdersMaxPageSize: 4 }, async (emu) => {
      const c = clientOf(emu)
      const ids: number[] = []
      for (let i = 0; i < 11; i++) ids.push(await c.createProcCorrectOrder(ticket(`t${i}`)))
      const all = await c.listOrdersAll({ pluginType: 'DC_PROC', orderResultType: 'AS_COMMITTER', startTime: new Date(Date.now() - 3_600_000), endTime: new Date(Date.now() + 3_600_000) })
      expect(all.totalCount).toBe(11)
      expect(all.orders.map((o) => o.orderId).sort()).toEqual(ids.sort())
      // Three pages of 4 were needed, each asked with PageSize 100.
      expect(emu.state.stats().byAction.ListOrders).toBe(3)
      await expect(c.listOrdersAll({}, { maxPages: 2 })).rejects.toThrow(
        'DMS ListOrders failed: TooManyResults: 11 items match but only 8 were read in 2 pages; narrow the query (a shorter time window) or allow more pages')
    })
  })

  test('the time window is sent as UTC+8 wall-clock time and honoured by the emulator', async () => {
    await withEmulator({}, async (emu) => {
      const c = clientOf(emu)
      const id = await c.createProcCorrectOrder(ticket('now'))
      const now = Date.now()
      expect((await c.listOrdersAll({ startTime: new Date(now - 60_000), endTime: new Date(now + 60_000) })).orders.map((o) => o.orderId)).toEqual([id])
      // Had the client sent UTC, this window (8 h ago) would be read as "now" by DMS.
      expect((await c.listOrdersAll({ startTime: new Date(now - 8 * 3_600_000 - 60_000), endTime: new Date(now - 8 * 3_600_000 + 60_000) })).orders).toEqual([])
    })
  })
})

describe('the gate\'s own tickets (tickets/book.ts): AS_COMMITTER listing, identity matched by the gate', () => {
  for (const searchContent of ['comment', 'none'] as const) {
    test(`searchContent ${searchContent}: finds its own ticket, never another user's with the same identity`, async () => {
      await withEmulator({ searchContent }, async (emu) => {
        const mine = clientOf(emu)
        const theirs = clientOf(emu, OTHER)
        const id = { repo: 'octo/shop', pull: 7, target: 'default', planHash: 'ab'.repeat(32) }
        await theirs.createProcCorrectOrder(ticket(identityHeader(id)))
        const own = await mine.createProcCorrectOrder(ticket(`${identityHeader(id)}\ngate`))
        await mine.createProcCorrectOrder(ticket(identityHeader({ ...id, pull: 8 })))
        const book = await readTicketBook(mine, { windowDays: 1, now: new Date() })
        expect(book.withIdentity(id).map((o) => [o.orderId, o.committerId])).toEqual([[own, DEFAULT_USER.id]])
        expect(book.all()).toHaveLength(2)
      })
    })
  }
})

describe('rollback SQL as an uploaded attachment (RollbackSqlType ATTACHMENT)', () => {
  let files: Server
  let base = ''
  const served = new Map<string, string>()
  beforeAll(async () => {
    files = createServer((req, res) => {
      const body = served.get(req.url ?? '')
      res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'text/plain' }).end(body ?? 'not found')
    })
    await new Promise<void>((r) => files.listen(0, '127.0.0.1', r))
    base = `http://127.0.0.1:${(files.address() as AddressInfo).port}`
  })
  afterAll(async () => { await new Promise((r) => files.close(r)) })

  test('upload, then create with the AttachmentKey; the detail reads ATTACHMENT with its name', async () => {
    await withEmulator({}, async (emu) => {
      const c = clientOf(emu)
      const rollback = 'DROP PROCEDURE IF EXISTS p;\n' + '-- padding\n'.repeat(2000)
      served.set('/rb-1.sql', rollback)
      const key = await c.uploadAttachment({ fileName: 'rb-1.sql', uploadUrl: `${base}/rb-1.sql` }, { pollMs: 10 })
      expect(key).toMatch(/^upload_[0-9a-f]+_rb-1\.sql$/)
      const id = await c.createProcCorrectOrder({ ...ticket('big rollback'), rollbackSql: rollback, rollbackAttachmentKey: key })
      const detail = await c.getDataCorrectOrderDetail(id)
      expect(detail).toMatchObject({ rollbackSqlType: 'ATTACHMENT', rollbackAttachmentName: key, rollbackSql: '', execSql: PROC })
      expect(emu.state.data().attachments[key]).toBe(rollback)
    })
  })

  test('a URL DMS cannot fetch: UploadFailed with the reason; a bad scheme: the documented InvalidParameterValid', async () => {
    await withEmulator({}, async (emu) => {
      const c = clientOf(emu)
      const err = await c.uploadAttachment({ fileName: 'missing.sql', uploadUrl: `${base}/missing.sql` }, { pollMs: 10 }).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(DmsError)
      expect((err as DmsError).message).toBe('DMS GetUserUploadFileJob failed: UploadFailed: DMS could not fetch missing.sql from the upload URL: download failed: HTTP 404 from the upload URL')
      const raw = await c.call('CreateUploadFileJob', { FileName: 'x.sql', FileSource: 'datacorrect', UploadURL: 'oss://bucket/x.sql' }).catch((e: unknown) => e)
      expect((raw as DmsError).message).toMatch(/^DMS CreateUploadFileJob failed: InvalidParameterValid: Unsupported url scheme : oss, scheme must be https or http/)
      expect(await c.createProcCorrectOrder({ ...ticket('x'), rollbackAttachmentKey: 'upload_nope_rb.sql' }).catch((e: DmsError) => e.code)).toBe('InvalidParam')
    })
  })
})

describe('size limit', () => {
  test('ExecSQL above the limit is refused before any request, naming the limit', async () => {
    await withEmulator({}, async (emu) => {
      const c = clientOf(emu, DEFAULT_ACCESS_KEY, { maxSqlBytes: 1000 })
      const before = emu.state.stats().total
      await expect(c.createProcCorrectOrder({ ...ticket('big'), execSql: 'x'.repeat(1001) })).rejects.toThrow(
        'DMS CreateProcCorrectOrder failed: SqlTooLarge: ExecSQL is 1001 bytes (0.00 MiB); one DMS ticket carries at most 1000 bytes (0.00 MiB) of ExecSQL — split the change into smaller pull requests or targets')
      await expect(c.createProcOrderOnce({ ...ticket('big'), rollbackSql: 'é'.repeat(501) }, async () => undefined)).rejects.toThrow(
        'SqlTooLarge: RollbackSQL is 1002 bytes (0.00 MiB); as text a ticket carries at most 1000 bytes (0.00 MiB) — upload it (uploadAttachment) and send it as RollbackSqlType ATTACHMENT')
      expect(emu.state.stats().total).toBe(before)
      // With the rollback as an attachment only ExecSQL counts: this one reaches DMS (which knows no attachment 'k').
      expect(await c.createProcCorrectOrder({ ...ticket('ok'), rollbackSql: 'é'.repeat(501), rollbackAttachmentKey: 'k' }).catch((e: DmsError) => e.code)).toBe('InvalidParam')
    })
  })
})
