// File bytes → text: strict UTF-8 (BOM allowed), configured legacy encodings, exact messages with file and line.
import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  decodeAll, decodeSource, decodeUtf8, decoderFor, encodingChoice, firstInvalidUtf8, pairSides, resolveEncodingLabel, UTF8,
  type EncodingChoice
} from '../../src/sources/encoding.js'

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'encoding')
const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))))
const gbk = (label = 'gbk'): EncodingChoice => encodingChoice(label, '.github/dms-proc-gate.yml:4') as EncodingChoice
const CONFIGURE = 'configure its encoding (`encoding:` in .github/dms-proc-gate.yml, or plan --encoding) if it is GBK, Big5, Latin-1 …, or save it as UTF-8'

describe('strict UTF-8 (the default)', () => {
  test('valid UTF-8 decodes, with or without a BOM (the BOM is dropped)', () => {
    expect(decodeSource(bytes('SELECT 1 -- 中文\n'), 'a.sql')).toEqual({ ok: true, text: 'SELECT 1 -- 中文\n', warnings: [] })
    expect(decodeSource(bytes([0xef, 0xbb, 0xbf], 'SELECT 1'), 'a.sql')).toEqual({ ok: true, text: 'SELECT 1', warnings: [] })
  })
  test('GBK bytes are an error naming the file and the line of the first bad byte', () => {
    const gbkFile = readFileSync(join(FIXTURES, 'gbk', 'head', 'db', 'order_report.sql'))
    expect(decodeSource(gbkFile, 'db/order_report.sql')).toEqual({ ok: false, error: { file: 'db/order_report.sql', line: 1,
      message: `not valid UTF-8: byte 0xB6 at line 1 cannot be decoded; ${CONFIGURE}` } })
    expect(decodeSource(bytes('SELECT 1;\n\nSELECT ', [0xd6, 0xd0], ';\n'), 'x.sql')).toEqual({ ok: false, error: { file: 'x.sql', line: 3,
      message: `not valid UTF-8: byte 0xD6 at line 3 cannot be decoded; ${CONFIGURE}` } })
  })
  test('Latin-1 bytes too; a BOM does not excuse bad bytes', () => {
    const l1 = readFileSync(join(FIXTURES, 'latin1', 'head', 'db', 'client_label.sql'))
    expect(decodeSource(l1, 'db/client_label.sql')).toMatchObject({ ok: false, error: { line: 2, message: expect.stringMatching(/^not valid UTF-8: byte 0xE9 at line 2/) } })
    expect(decodeSource(bytes([0xef, 0xbb, 0xbf], 'a\n', [0xe9]), 'b.sql')).toEqual({ ok: false, error: { file: 'b.sql', line: 2,
      message: `not valid UTF-8 although it starts with a UTF-8 byte order mark: byte 0xE9 at line 2 cannot be decoded; ${CONFIGURE}` } })
  })
  test('the first invalid byte: truncated, overlong, surrogate and out-of-range sequences', () => {
    expect(firstInvalidUtf8(bytes('aé中😀'))).toBe(-1)
    expect(firstInvalidUtf8(bytes('ab', [0xe4, 0xb8]))).toBe(2) // truncated at the end
    expect(firstInvalidUtf8(bytes('a', [0xc0, 0xaf]))).toBe(1) // overlong '/'
    expect(firstInvalidUtf8(bytes('a', [0xed, 0xa0, 0x80]))).toBe(1) // a UTF-16 surrogate
    expect(firstInvalidUtf8(bytes('a', [0xf4, 0x90, 0x80, 0x80]))).toBe(1) // above U+10FFFF
    expect(firstInvalidUtf8(bytes('é', [0x80]))).toBe(2) // a stray continuation byte
  })
  test('binary files are reported without their bytes; UTF-16 is named', () => {
    expect(decodeSource(bytes('SELECT 1;\n', [0x00, 0x01, 0xff, 0x7f]), 'img.sql')).toEqual({ ok: false, error: { file: 'img.sql', line: 2,
      message: 'binary file, not SQL text: a NUL byte (0x00) at byte 11' } })
    expect(decodeSource(Buffer.from('\ufeffSELECT 1', 'utf16le'), 'u16.sql')).toEqual({ ok: false, error: { file: 'u16.sql', line: 1,
      message: 'the file is UTF-16 (it starts with a UTF-16 byte order mark): save it as UTF-8' } })
  })
})

describe('configured legacy encodings', () => {
  test('GBK, GB18030, Big5 and Latin-1 decode to the right characters', () => {
    expect(decodeSource(Buffer.from([0xd6, 0xd0, 0xce, 0xc4]), 'a.sql', gbk())).toEqual({ ok: true, text: '中文', warnings: [] })
    expect(decodeSource(Buffer.from([0x81, 0x30, 0x81, 0x30]), 'a.sql', gbk('gb18030'))).toMatchObject({ ok: true, text: '\u0080' })
    expect(decodeSource(Buffer.from([0xa4, 0xa4, 0xa4, 0xe5]), 'a.sql', gbk('big5'))).toMatchObject({ ok: true, text: '中文' })
    // MySQL's latin1 is cp1252, as is WHATWG's: 0x80 is € and 0x96 an en dash
    expect(decodeSource(Buffer.from([0xe9, 0x80, 0x96]), 'a.sql', gbk('latin1'))).toMatchObject({ ok: true, text: 'é€–' })
    const fixture = readFileSync(join(FIXTURES, 'gbk', 'base', 'db', 'order_report.sql'))
    const r = decodeSource(fixture, 'db/order_report.sql', gbk())
    expect(r.ok && r.text.startsWith('-- 订单报表：按客户统计（GBK 编码的文件）\n')).toBe(true)
  })
  test('bytes the configured encoding cannot decode: an error naming the line and where the encoding was set', () => {
    expect(decodeSource(bytes('SELECT 1;\n', [0xd6, 0x7f], '\n'), 'x.sql', gbk())).toEqual({ ok: false, error: { file: 'x.sql', line: 2,
      message: 'not valid gbk (set by .github/dms-proc-gate.yml:4): the bytes of line 2 cannot be decoded as gbk; check the file\'s encoding' } })
  })
  test('a file that is also valid UTF-8 decodes as configured, with a warning at its first non-ASCII line', () => {
    expect(decodeSource(bytes('SELECT 1;\n-- é\n'), 'u.sql', gbk('latin1'))).toEqual({ ok: true, text: 'SELECT 1;\n-- Ã©\n', warnings: [{
      file: 'u.sql', line: 2, message: 'decoded as latin1 (set by .github/dms-proc-gate.yml:4), but the file is also valid UTF-8: ' +
        'check that its non-ASCII text reads right in execSql, or drop the encoding setting for it' }] })
    expect(decodeSource(bytes('SELECT 1;\n'), 'ascii.sql', gbk())).toEqual({ ok: true, text: 'SELECT 1;\n', warnings: [] })
  })
  test('a UTF-8 BOM wins over the configured encoding', () => {
    expect(decodeSource(bytes([0xef, 0xbb, 0xbf], '中文'), 'a.sql', gbk())).toEqual({ ok: true, text: '中文', warnings: [] })
  })
  test('encoding names: WHATWG labels, ASCII-compatible only', () => {
    expect(resolveEncodingLabel('GBK')).toEqual({ encoding: 'gbk' })
    expect(resolveEncodingLabel('gb2312')).toEqual({ encoding: 'gbk' })
    expect(resolveEncodingLabel('latin1')).toEqual({ encoding: 'windows-1252' })
    expect(resolveEncodingLabel('shift_jis')).toEqual({ encoding: 'shift_jis' })
    expect(resolveEncodingLabel('gbkk')).toEqual({ problem: "unknown encoding 'gbkk' (use one of utf-8, gbk, gb18030, big5, latin1, or another WHATWG encoding name)" })
    expect(resolveEncodingLabel('utf-16le')).toEqual({ problem: "encoding 'utf-16le' is not supported: SQL files must keep ASCII as ASCII (save the file as UTF-8)" })
    expect(encodingChoice('UTF8', 'x')).toEqual(UTF8)
  })
})

describe('decoders and the two sides of a plan', () => {
  const bad = Buffer.from([0x53, 0xd6, 0xd0, 0x0a])
  test('decoderFor picks the encoding per path', () => {
    const decode = decoderFor((p) => (p.startsWith('legacy/') ? gbk() : UTF8))
    expect(decode(bad, 'legacy/a.sql')).toMatchObject({ ok: true, text: 'S中\n' })
    expect(decode(bad, 'new/a.sql')).toMatchObject({ ok: false })
    expect(decodeUtf8(bad, 'a.sql')).toMatchObject({ ok: false })
  })
  test('a file unreadable on either side is left out of both; base findings say so, once per file', () => {
    const good = Buffer.from('SELECT 1;\n')
    const base = decodeAll([['a.sql', bad], ['b.sql', good], ['c.sql', bad]], decodeUtf8)
    const head = decodeAll([['a.sql', good], ['b.sql', bad], ['c.sql', bad]], decodeUtf8)
    const sides = pairSides(base, head)
    expect([...sides.base.keys(), ...sides.head.keys()]).toEqual([])
    const message = `not valid UTF-8: byte 0xD6 at line 1 cannot be decoded; ${CONFIGURE}`
    expect(sides.errors).toEqual([
      { file: 'a.sql', line: 1, message: `base version: ${message}` },
      { file: 'b.sql', line: 1, message },
      { file: 'c.sql', line: 1, message }
    ])
  })
})
