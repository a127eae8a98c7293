// The verify-database URL: accepted forms, refusals that explain themselves, and a password that never prints.
import { describe, expect, test } from '@jest/globals'
import { inspect } from 'node:util'
import { describeVerifyDatabase, parseVerifyUrl, passwordForms, VerifyUrlError } from '../../src/verify/url.js'
import { retryWithin } from '../../src/verify/retry.js'
import { DEFAULT_RETRY } from '../../src/verify/types.js'

const refusal = (raw: string): string => {
  try {
    parseVerifyUrl(raw)
  } catch (e) {
    expect(e).toBeInstanceOf(VerifyUrlError)
    return (e as Error).message
  }
  throw new Error(`accepted ${raw}`)
}

describe('parseVerifyUrl', () => {
  test('TCP with and without port and password; %-escapes decoded', () => {
    const a = parseVerifyUrl('mysql://root:p%40ss%2Fw@db.internal:3307')
    expect(a.user).toBe('root')
    expect(a.password?.reveal()).toBe('p@ss/w')
    expect(a.endpoint).toEqual({ kind: 'tcp', host: 'db.internal', port: 3307 })
    const b = parseVerifyUrl('mysql://ci@127.0.0.1')
    expect(b.password).toBeUndefined()
    expect(b.endpoint).toEqual({ kind: 'tcp', host: '127.0.0.1', port: 3306 })
    expect(parseVerifyUrl('mysql://u@[::1]:3306/').endpoint).toEqual({ kind: 'tcp', host: '::1', port: 3306 })
    expect(parseVerifyUrl('mariadb://u:@h').password).toBeUndefined()
  })

  test('?socket= selects a Unix socket', () => {
    const db = parseVerifyUrl('mysql://root:pw@localhost?socket=/run/mysqld/mysqld.sock')
    expect(db.endpoint).toEqual({ kind: 'socket', path: '/run/mysqld/mysqld.sock' })
    expect(describeVerifyDatabase(db)).toBe('mysql://root:***@localhost?socket=/run/mysqld/mysqld.sock')
  })

  test.each([
    ['', 'is empty'],
    ['root@localhost', 'is not a URL'],
    ['postgres://u@h', 'must start with mysql:// (got postgres://)'],
    ['mysql://h:3306', 'names no user'],
    ['mysql://u@h/shop', 'must not name a database'],
    ['mysql://u@h:99999', 'is not a valid URL'],
    ['mysql://u@h:0', 'has an invalid port (0)'],
    ['mysql://u@h?ssl=true', "unknown parameter 'ssl'"],
    ['mysql://u@localhost?socket=run/x.sock', 'must be an absolute path'],
    ['mysql://u@localhost:3306?socket=/x.sock', 'either a port or ?socket='],
    ['mysql://u@db?socket=/x.sock', 'the host must be localhost (got db)'],
    ['mysql://u@localhost?socket=/a&socket=/b', 'twice'],
    ['mysql://u@h#frag', 'fragment'],
    ['mysql://u%zz@h', 'user has an invalid %-escape']
  ])('refuses %j: %s', (raw, why) => {
    expect(refusal(raw)).toContain(why)
  })

  test('no refusal repeats the password', () => {
    for (const raw of ['mysql://u:Sup3rS3cret@h/db', 'mysql://u:Sup3rS3cret@h:0', 'mysql://u:Sup3rS3cret@h?x=1',
      'http://u:Sup3rS3cret@h', 'mysql://u:Sup3rS3cret%zz@h']) {
      expect(refusal(raw)).not.toContain('Sup3rS3cret')
    }
  })

  test('the password prints as *** whichever way it is logged', () => {
    const db = parseVerifyUrl('mysql://root:Sup3rS3cret@h')
    for (const shown of [JSON.stringify(db), String(db.password), inspect(db, { depth: 5 }), describeVerifyDatabase(db)]) {
      expect(shown).not.toContain('Sup3rS3cret')
    }
    expect(JSON.stringify(db)).toContain('"password":"***"')
  })
})

describe('passwordForms (what the Action masks before parsing)', () => {
  test('written and decoded forms, also of a URL that does not parse', () => {
    expect(passwordForms('mysql://u:p%40ss@h')).toEqual(['p%40ss', 'p@ss'])
    expect(passwordForms('mysql://u:pa@ss@h:99999/x')).toEqual(['pa@ss'])
    expect(passwordForms('mysql://u:%zz@h')).toEqual(['%zz'])
    expect(passwordForms('mysql://u@h')).toEqual([])
    expect(passwordForms('mysql://u:@h')).toEqual([])
    expect(passwordForms('not a url')).toEqual([])
  })
})

describe('retryWithin (the CLI\'s --verify-wait)', () => {
  test('as many attempts as the backoff fits in the wait', () => {
    expect(retryWithin(0).attempts).toBe(1)
    expect(retryWithin(1500).attempts).toBe(3) // 0.5 + 1 s
    expect(retryWithin(30_000)).toEqual(DEFAULT_RETRY) // 0.5 + 1 + 2 + 4 + 5 + 5 + 5 + 5 s
  })
})
