import { describe, expect, test } from '@jest/globals'
import { checkContent } from '../../src/tickets/content.js'
import { identityHeader, normalSql, ofPull, parseIdentity, planHashOf, sameIdentity, samePlan, type TicketIdentity } from '../../src/tickets/identity.js'
import type { DataCorrectOrderDetail } from '../../src/dms/types.js'

const ID: TicketIdentity = { repo: 'octo-org/shop-db', pull: 7, target: 'shop', planHash: 'ab'.repeat(32) }

describe('ticket identity', () => {
  test('a header at the start of the comment round-trips; repository names compare case-insensitively', () => {
    const h = identityHeader({ ...ID, repo: 'Octo-Org/Shop-DB' })
    expect(h).toBe(`[dms-proc-gate/v2 repo=octo-org/shop-db pr=7 target=shop plan=${'ab'.repeat(32)}]`)
    expect(parseIdentity(`${h}\nGitHub PR octo-org/shop-db#7: title`)).toEqual(ID)
    expect(sameIdentity(ID, { ...ID, repo: 'OCTO-ORG/SHOP-DB' })).toBe(true)
  })

  test('text a PR author controls is never an identity: only the very start of the comment counts, exactly', () => {
    const h = identityHeader(ID)
    expect(parseIdentity(`GitHub PR title ${h}`)).toBeNull() // a title carrying a header
    expect(parseIdentity(` ${h}`)).toBeNull()
    expect(parseIdentity(`\n${h}`)).toBeNull()
    expect(parseIdentity(h.replace('pr=7', 'pr=07'))).toBeNull()
    expect(parseIdentity(h.replace(']', ' extra=1]'))).toBeNull()
    expect(parseIdentity(h.replace(/plan=[0-9a-f]+/, 'plan=abcdef0123456789'))).toBeNull() // the short v1 hash
    expect(parseIdentity('dms-proc-gate:octo-org/shop-db#7:abcdef0123456789')).toBeNull() // the v1 fingerprint
    expect(parseIdentity(h.replace('target=shop', 'target=sh op'))).toBeNull()
    // the first `]` ends the header: a title after it cannot extend it
    expect(parseIdentity(`${h}] pr=8`)).toEqual(ID)
  })

  test('the header refuses what it cannot write unambiguously', () => {
    expect(() => identityHeader({ ...ID, target: 'a b' })).toThrow(/target name/)
    expect(() => identityHeader({ ...ID, target: 'x]' })).toThrow(/target name/)
    expect(() => identityHeader({ ...ID, pull: 0 })).toThrow(/PR number/)
    expect(() => identityHeader({ ...ID, planHash: 'abc' })).toThrow(/64 hex/)
    expect(() => identityHeader({ ...ID, repo: 'no-slash' })).toThrow(/repository name/)
  })

  test('same plan across PRs, same PR across plans', () => {
    expect(samePlan(ID, { ...ID, pull: 9 })).toBe(true)
    expect(samePlan(ID, { ...ID, target: 'other' })).toBe(false)
    expect(ofPull(ID, 'Octo-Org/Shop-DB', 7)).toBe(true)
    expect(ofPull(ID, 'octo-org/shop-db', 70)).toBe(false)
  })

  test('the plan hash covers both SQL texts and the databases (DbId and Logic), not their order or line endings', () => {
    const h = planHashOf('exec', 'rb', [{ dbId: 2, logic: false }, { dbId: 1, logic: false }])
    expect(h).toMatch(/^[0-9a-f]{64}$/)
    expect(planHashOf('exec', 'rb', [{ dbId: 1, logic: false }, { dbId: 2, logic: false }])).toBe(h)
    expect(planHashOf('exec\r\n', ' rb\n', [{ dbId: 1, logic: false }, { dbId: 2, logic: false }])).toBe(h)
    expect(planHashOf('exec', 'rb2', [{ dbId: 1, logic: false }, { dbId: 2, logic: false }])).not.toBe(h)
    expect(planHashOf('exec2', 'rb', [{ dbId: 1, logic: false }, { dbId: 2, logic: false }])).not.toBe(h)
    expect(planHashOf('exec', 'rb', [{ dbId: 1, logic: true }, { dbId: 2, logic: false }])).not.toBe(h)
    expect(planHashOf('exec', 'rb', [{ dbId: 3, logic: false }])).not.toBe(h)
    // SQL that differs only inside a comment or in case is a different plan: nothing but line endings is normalised
    expect(planHashOf('SELECT 1 /* a */', 'rb', [])).not.toBe(planHashOf('SELECT 1 /* b */', 'rb', []))
    expect(normalSql('a\r\nb\r')).toBe('a\nb')
  })
})

function detail(extra: Partial<DataCorrectOrderDetail> = {}): DataCorrectOrderDetail {
  return {
    status: 'toaudit', statusCode: 'toaudit', execMode: 'COMMITOR', execSql: 'DROP PROCEDURE IF EXISTS p;\nCREATE PROCEDURE p() SELECT 1;\n',
    rollbackSql: 'DROP PROCEDURE IF EXISTS p;', rollbackSqlType: 'TEXT', rollbackAttachmentName: '', attachmentName: '', classify: '', sqlType: '', estimateAffectRows: null,
    actualAffectRows: null, precheck: [],
    databases: [{ dbId: 1, schemaName: 'shop', host: 'h', port: 3306, envType: 'dev', dbType: 'mysql', searchName: 'shop@h:3306', logic: false }],
    ...extra
  }
}
const PLAN = { execSql: 'DROP PROCEDURE IF EXISTS p;\nCREATE PROCEDURE p() SELECT 1;', rollbackSql: 'DROP PROCEDURE IF EXISTS p;', dbItems: [{ dbId: 1, logic: false }] }

describe('checkContent: the ticket as DMS holds it must be the plan', () => {
  test('equal SQL (up to line endings and outer whitespace) and databases → trusted', () => {
    expect(checkContent(detail({ execSql: PLAN.execSql.replace(/\n/g, '\r\n') + '\n' }), PLAN)).toEqual({ ok: true })
  })

  test('any other difference names what differs', () => {
    expect(checkContent(detail({ execSql: 'DROP PROCEDURE IF EXISTS p;\nCREATE PROCEDURE p() SELECT 2;' }), PLAN)).toEqual({
      ok: false, detail: 'its deploy SQL in DMS differs (line 2: DMS has "CREATE PROCEDURE p() SELECT 2;", the plan has "CREATE PROCEDURE p() SELECT 1;")'
    })
    expect(checkContent(detail({ rollbackSql: '' }), PLAN)).toMatchObject({ ok: false, detail: expect.stringMatching(/^its rollback SQL in DMS differs \(line 1: DMS has "", the plan has/) })
    expect(checkContent(detail({ rollbackSqlType: 'ATTACHMENT' }), PLAN)).toEqual({ ok: false, detail: 'its rollback is a ATTACHMENT (the gate only sends rollback SQL as text)' })
    expect(checkContent(detail({ databases: [] }), PLAN)).toEqual({ ok: false, detail: 'it targets databases (none) in DMS, the plan 1' })
    expect(checkContent(detail(), { ...PLAN, dbItems: [{ dbId: 1, logic: true }] })).toEqual({ ok: false, detail: 'it targets databases 1 in DMS, the plan 1 (logical)' })
    expect(checkContent(detail({ execSql: PLAN.execSql + '\nDROP TABLE orders;' }), PLAN)).toMatchObject({ ok: false, detail: expect.stringContaining('line 3: DMS has "DROP TABLE orders;", the plan has (end of text)') })
  })
})
