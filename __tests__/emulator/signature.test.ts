import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js'
import {
  EMPTY_SHA256, acsTimestamp, authorizationV3, canonicalQuery, canonicalRequestV3, parseAuthorizationV3, parseParams,
  percentEncode, sha256Hex, signV3, signatureV1, signatureV3, stringToSignV1, stringToSignV3
} from '../../src/emulator/signature.js'
import { raw, signedCall } from './http.js'

describe('published vectors (docs/dms-api.md, Signing)', () => {
  test('V3 ACS3-HMAC-SHA256: canonical request hash, string to sign and Authorization header, byte for byte', () => {
    const headers = {
      host: 'ecs.cn-shanghai.aliyuncs.com',
      'x-acs-action': 'RunInstances',
      'x-acs-version': '2014-05-26',
      'x-acs-date': '2023-10-26T10:22:32Z',
      'x-acs-signature-nonce': '3156853299f313e23d1673dc12e1703d',
      'x-acs-content-sha256': EMPTY_SHA256
    }
    const canonical = canonicalRequestV3({
      method: 'POST', canonicalUri: '/',
      query: parseParams('ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai'),
      headers, signedHeaders: Object.keys(headers), hashedPayload: EMPTY_SHA256
    })
    expect(canonical).toBe('POST\n/\nImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai\n' +
      'host:ecs.cn-shanghai.aliyuncs.com\nx-acs-action:RunInstances\n' +
      `x-acs-content-sha256:${EMPTY_SHA256}\nx-acs-date:2023-10-26T10:22:32Z\n` +
      'x-acs-signature-nonce:3156853299f313e23d1673dc12e1703d\nx-acs-version:2014-05-26\n\n' +
      `host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version\n${EMPTY_SHA256}`)
    expect(sha256Hex(canonical)).toBe('7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259')
    const toSign = stringToSignV3(canonical)
    expect(toSign).toBe('ACS3-HMAC-SHA256\n7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259')
    expect(authorizationV3('YourAccessKeyId', Object.keys(headers), signatureV3('YourAccessKeySecret', toSign))).toBe(
      'ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;' +
      'x-acs-signature-nonce;x-acs-version,Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0')
  })

  test('V1 HMAC-SHA1: string to sign and signature, byte for byte', () => {
    const params = parseParams('AccessKeyId=testid&Action=DescribeRegions&Format=XML&SignatureMethod=HMAC-SHA1' +
      '&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf&SignatureVersion=1.0&Timestamp=2016-02-23T12%3A46%3A24Z&Version=2014-05-26')
    const toSign = stringToSignV1('GET', params)
    expect(toSign).toBe('GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1' +
      '%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z' +
      '%26Version%3D2014-05-26')
    expect(signatureV1('testsecret', toSign)).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=')
    // The Signature parameter itself is never part of what is signed.
    expect(stringToSignV1('GET', [...params, ['Signature', 'OLeaidS1JvxuMvnyHOwuJ+uX5qY=']])).toBe(toSign)
  })
})

describe('canonical encoding', () => {
  test("RFC 3986: !'()* encoded, space %20, unreserved kept, UTF-8 bytes", () => {
    expect(percentEncode("a b!'()*~-._")).toBe('a%20b%21%27%28%29%2A~-._')
    expect(percentEncode('中+/=&%')).toBe('%E4%B8%AD%2B%2F%3D%26%25')
    expect(percentEncode('😀')).toBe('%F0%9F%98%80')
  })

  test('parameters are decoded before canonicalizing (+ is a space, Node querystring leaves !()* raw)', () => {
    const fromNode = parseParams("A=x!y*(z)&B=it's+a%20b&C=%2B")
    expect(fromNode).toEqual([['A', 'x!y*(z)'], ['B', "it's a b"], ['C', '+']])
    expect(canonicalQuery(fromNode)).toBe('A=x%21y%2A%28z%29&B=it%27s%20a%20b&C=%2B')
    expect(canonicalQuery([['b', '2'], ['a', '1'], ['B', '0']])).toBe('B=0&a=1&b=2')
    expect(() => parseParams('A=%E4%B8')).toThrow(URIError)
  })

  test('Authorization header parsing names what is incomplete', () => {
    expect(parseAuthorizationV3('ACS3-HMAC-SHA256 Credential=k,SignedHeaders=host;x-acs-date,Signature=ab')).toEqual({
      algorithm: 'ACS3-HMAC-SHA256', credential: 'k', signedHeaders: ['host', 'x-acs-date'], signature: 'ab'
    })
    expect(parseAuthorizationV3('ACS3-HMAC-SHA256 Credential=k,Signature=ab')).toEqual({ error: 'Authorization header lacks SignedHeaders' })
    expect(parseAuthorizationV3('garbage')).toHaveProperty('error')
  })
})

describe('the emulator rejects bad signatures the way the gateway does', () => {
  let emu: RunningEmulator
  const key = { id: 'AKtest', secret: 'right-secret' }
  const sts = { id: 'STS.AKtemp', secret: 'temp-secret', stsToken: 'token-123' }
  const ok = { accessKeyId: key.id, secret: key.secret }

  beforeAll(async () => {
    emu = await startEmulator({ accessKeys: [key, sts], precheckDelayMs: 0 })
  })
  afterAll(async () => {
    await emu.close()
  })

  const code = (r: { status: number; json: () => any }): [number, string] => [r.status, r.json().Code]

  test('a correctly signed V3 request succeeds (query and form body)', async () => {
    const a = await signedCall(emu.port, 'GetUserActiveTenant', { Tid: 3 }, ok)
    expect(a.status).toBe(200)
    expect(a.json()).toMatchObject({ Success: true, Tenant: { Tid: 3, Status: 'ACTIVE' } })
    const b = await signedCall(emu.port, 'GetUserActiveTenant', { Tid: 3 }, { ...ok, inBody: true })
    expect(b.json()).toMatchObject({ Success: true })
    expect(a.headers['x-acs-request-id']).toBe(a.json().RequestId)
  })

  test('tampered parameter → 400 SignatureDoesNotMatch, with the server string to sign', async () => {
    const { path, headers } = signV3({ host: `127.0.0.1:${emu.port}`, action: 'GetUserActiveTenant', version: '2018-11-01',
      accessKeyId: key.id, secret: key.secret, query: [['Tid', '3']] })
    const r = await raw(emu.port, { path: path.replace('Tid=3', 'Tid=4'), headers })
    expect(code(r)).toEqual([400, 'SignatureDoesNotMatch'])
    expect(r.json().Message).toContain('server string to sign is:ACS3-HMAC-SHA256\n')
    expect(r.json()).toEqual(expect.objectContaining({ RequestId: expect.any(String), HostId: `127.0.0.1:${emu.port}`, Recommend: expect.any(String) }))
  })

  test('tampered form body → content hash mismatch → 400 SignatureDoesNotMatch', async () => {
    const body = 'Tid=3'
    const { path, headers } = signV3({ host: `127.0.0.1:${emu.port}`, action: 'GetUserActiveTenant', version: '2018-11-01',
      accessKeyId: key.id, secret: key.secret, body })
    expect(code(await raw(emu.port, { path, headers, body: 'Tid=4' }))).toEqual([400, 'SignatureDoesNotMatch'])
  })

  test('Host is signed as sent', async () => {
    const { path, headers } = signV3({ host: 'dms-enterprise.aliyuncs.com', action: 'GetUserActiveTenant', version: '2018-11-01',
      accessKeyId: key.id, secret: key.secret })
    expect((await raw(emu.port, { path, headers })).json().Success).toBe(true)
    expect(code(await raw(emu.port, { path, headers: { ...headers, host: `127.0.0.1:${emu.port}` } }))).toEqual([400, 'SignatureDoesNotMatch'])
  })

  test('wrong secret → 400 SignatureDoesNotMatch; unknown key → 404 InvalidAccessKeyId.NotFound', async () => {
    expect(code(await signedCall(emu.port, 'GetUserActiveTenant', {}, { ...ok, secret: 'wrong' }))).toEqual([400, 'SignatureDoesNotMatch'])
    expect(code(await signedCall(emu.port, 'GetUserActiveTenant', {}, { ...ok, accessKeyId: 'nobody' }))).toEqual([404, 'InvalidAccessKeyId.NotFound'])
  })

  test('replayed nonce → 400 SignatureNonceUsed', async () => {
    const { path, headers } = signV3({ host: `127.0.0.1:${emu.port}`, action: 'GetUserActiveTenant', version: '2018-11-01',
      accessKeyId: key.id, secret: key.secret })
    expect((await raw(emu.port, { path, headers })).status).toBe(200)
    expect(code(await raw(emu.port, { path, headers }))).toEqual([400, 'SignatureNonceUsed'])
  })

  test('date outside 15 minutes → 400 InvalidTimeStamp.Expired; inside is fine; malformed → InvalidTimeStamp.Format', async () => {
    const at = (minutes: number) => Date.now() + minutes * 60_000
    expect(code(await signedCall(emu.port, 'GetUserActiveTenant', {}, { ...ok, at: at(-16) }))).toEqual([400, 'InvalidTimeStamp.Expired'])
    expect(code(await signedCall(emu.port, 'GetUserActiveTenant', {}, { ...ok, at: at(16) }))).toEqual([400, 'InvalidTimeStamp.Expired'])
    expect((await signedCall(emu.port, 'GetUserActiveTenant', {}, { ...ok, at: at(-14) })).status).toBe(200)
    const { path, headers } = signV3({ host: `127.0.0.1:${emu.port}`, action: 'GetUserActiveTenant', version: '2018-11-01',
      accessKeyId: key.id, secret: key.secret, date: '2026-01-01 00:00:00' })
    expect(code(await raw(emu.port, { path, headers }))).toEqual([400, 'InvalidTimeStamp.Format'])
  })

  test('missing or unsigned headers → MissingParameter / IncompleteSignature', async () => {
    const signed = () => signV3({ host: `127.0.0.1:${emu.port}`, action: 'GetUserActiveTenant', version: '2018-11-01',
      accessKeyId: key.id, secret: key.secret })
    const noDate = signed()
    delete noDate.headers['x-acs-date']
    expect(code(await raw(emu.port, noDate))).toEqual([400, 'MissingParameter'])
    const noNonce = signed()
    delete noNonce.headers['x-acs-signature-nonce']
    expect(code(await raw(emu.port, noNonce))).toEqual([400, 'MissingParameter'])
    const noAuth = signed()
    delete noAuth.headers.authorization
    expect(code(await raw(emu.port, noAuth))).toEqual([400, 'IncompleteSignature'])
    const extra = signed()
    expect(code(await raw(emu.port, { ...extra, headers: { ...extra.headers, 'x-acs-extra': '1' } }))).toEqual([400, 'IncompleteSignature'])
    const badAuth = signed()
    expect(code(await raw(emu.port, { ...badAuth, headers: { ...badAuth.headers, authorization: 'ACS3-HMAC-SHA256 Credential=AKtest' } })))
      .toEqual([400, 'IncompleteSignature'])
    const otherAlg = signed()
    const h = { ...otherAlg.headers, authorization: otherAlg.headers.authorization.replace('ACS3-HMAC-SHA256', 'ACS3-HMAC-SM3') }
    expect(code(await raw(emu.port, { path: otherAlg.path, headers: h }))).toEqual([400, 'IncompleteSignature'])
  })

  test('STS: the security token must match the key', async () => {
    const base = { accessKeyId: sts.id, secret: sts.secret }
    expect((await signedCall(emu.port, 'GetUserActiveTenant', {}, { ...base, securityToken: 'token-123' })).json().Success).toBe(true)
    expect(code(await signedCall(emu.port, 'GetUserActiveTenant', {}, { ...base, securityToken: 'other' })))
      .toEqual([400, 'InvalidSecurityToken.MismatchWithAccessKey'])
    expect(code(await signedCall(emu.port, 'GetUserActiveTenant', {}, base))).toEqual([400, 'InvalidSecurityToken.Malformed'])
    expect(code(await signedCall(emu.port, 'GetUserActiveTenant', {}, { ...ok, securityToken: 'x' })))
      .toEqual([400, 'InvalidSecurityToken.MismatchWithAccessKey'])
  })

  test('only GET and POST: PUT → 400 UnsupportedHTTPMethod; undecodable %-escapes → 400 InvalidParameter.Encoding', async () => {
    const { path, headers } = signV3({ host: `127.0.0.1:${emu.port}`, action: 'GetUserActiveTenant', version: '2018-11-01',
      accessKeyId: key.id, secret: key.secret, method: 'PUT' })
    expect(code(await raw(emu.port, { method: 'PUT', path, headers }))).toEqual([400, 'UnsupportedHTTPMethod'])
    const bad = signV3({ host: `127.0.0.1:${emu.port}`, action: 'GetUserActiveTenant', version: '2018-11-01', accessKeyId: key.id, secret: key.secret })
    expect(code(await raw(emu.port, { path: '/?Tid=%E4%B8', headers: bad.headers }))).toEqual([400, 'InvalidParameter.Encoding'])
  })

  test('unknown action → 404 InvalidAction.NotFound; wrong version → 400 InvalidVersion', async () => {
    expect(code(await signedCall(emu.port, 'DeleteEverything', {}, ok))).toEqual([404, 'InvalidAction.NotFound'])
    const { path, headers } = signV3({ host: `127.0.0.1:${emu.port}`, action: 'GetUserActiveTenant', version: '2014-05-26',
      accessKeyId: key.id, secret: key.secret })
    expect(code(await raw(emu.port, { path, headers }))).toEqual([400, 'InvalidVersion'])
  })

  describe('V1 (Signature query parameter)', () => {
    const v1 = (params: Record<string, string>, secret = key.secret, method = 'POST') => {
      const all: [string, string][] = Object.entries({
        AccessKeyId: key.id, Action: 'GetUserActiveTenant', Format: 'json', Version: '2018-11-01',
        SignatureMethod: 'HMAC-SHA1', SignatureVersion: '1.0', SignatureNonce: sha256Hex(String(Math.random())).slice(0, 32),
        Timestamp: acsTimestamp(Date.now()), ...params
      })
      const signature = signatureV1(secret, stringToSignV1(method, all))
      const qs = [...all, ['Signature', signature]].map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&')
      return { method, path: `/?${qs}`, headers: {} }
    }

    test('right secret → 200; GET works too', async () => {
      expect((await raw(emu.port, v1({ Tid: '3' }))).json()).toMatchObject({ Success: true, Tenant: { Tid: 3 } })
      expect((await raw(emu.port, v1({ Tid: '3' }, key.secret, 'GET'))).json()).toMatchObject({ Success: true })
    })

    test('wrong secret, tampered value, replay, stale Timestamp, unknown key, missing nonce', async () => {
      expect(code(await raw(emu.port, v1({}, 'wrong')))).toEqual([400, 'SignatureDoesNotMatch'])
      const good = v1({ Tid: '3' })
      expect(code(await raw(emu.port, { ...good, path: good.path.replace('Tid=3', 'Tid=4') }))).toEqual([400, 'SignatureDoesNotMatch'])
      expect((await raw(emu.port, good)).status).toBe(200)
      expect(code(await raw(emu.port, good))).toEqual([400, 'SignatureNonceUsed'])
      expect(code(await raw(emu.port, v1({ Timestamp: acsTimestamp(Date.now() - 20 * 60_000) })))).toEqual([400, 'InvalidTimeStamp.Expired'])
      expect(code(await raw(emu.port, v1({ AccessKeyId: 'nobody' })))).toEqual([404, 'InvalidAccessKeyId.NotFound'])
      expect(code(await raw(emu.port, v1({ SignatureNonce: '' })))).toEqual([400, 'MissingParameter'])
      expect(code(await raw(emu.port, v1({ SignatureMethod: 'HMAC-SHA256' })))).toEqual([400, 'UnsupportedSignatureMethod'])
    })

    test('form-body parameters are part of the V1 string to sign', async () => {
      const all: [string, string][] = Object.entries({
        AccessKeyId: key.id, Action: 'GetUserActiveTenant', Format: 'json', Version: '2018-11-01', SignatureMethod: 'HMAC-SHA1',
        SignatureVersion: '1.0', SignatureNonce: 'nonce-form-1', Timestamp: acsTimestamp(Date.now())
      })
      const form: [string, string][] = [['Tid', '3'], ['Comment', "a b!'()*中"]]
      const signature = signatureV1(key.secret, stringToSignV1('POST', [...all, ...form]))
      const qs = [...all, ['Signature', signature]].map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&')
      const body = form.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v).replace(/%20/g, '+')}`).join('&')
      const headers = { 'content-type': 'application/x-www-form-urlencoded' }
      expect((await raw(emu.port, { path: `/?${qs}`, headers, body })).json()).toMatchObject({ Success: true })
      const tampered = body.replace('Tid=3', 'Tid=4')
      const r = await raw(emu.port, { path: `/?${qs.replace('nonce-form-1', 'nonce-form-2')}`, headers, body: tampered })
      expect(code(r)).toEqual([400, 'SignatureDoesNotMatch'])
    })
  })

  test('stats count rejected signatures', async () => {
    const s = emu.state.stats()
    expect(s.rejectedSignatures).toBeGreaterThanOrEqual(10)
    expect(s.errorsByCode.SignatureDoesNotMatch).toBeGreaterThanOrEqual(3)
  })
})
