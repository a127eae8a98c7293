import { describe, expect, test } from '@jest/globals'
import { truncateBytes, truncateChars, utf8Bytes } from '../../src/report/truncate.js'

describe('truncateBytes', () => {
  test('text that fits is returned as is, up to exactly the limit', () => {
    const s = 'a'.repeat(65535)
    expect(truncateBytes(s)).toBe(s)
    expect(truncateBytes('😀', 4)).toBe('😀')
  })

  test.each([
    ['ascii', 'a'],
    ['2-byte é', 'é'],
    ['3-byte CJK', '审'],
    ['4-byte emoji', '😀'],
    ['mixed', 'a审😀é']
  ])('%s: every limit near the edge gives valid UTF-8 within the limit', (_n, unit) => {
    const text = unit.repeat(70000)
    for (let limit = 65520; limit <= 65535; limit++) {
      const out = truncateBytes(text, limit)
      if (utf8Bytes(text) <= limit) continue
      expect(utf8Bytes(out)).toBeLessThanOrEqual(limit)
      expect(out.endsWith('\n\n…truncated')).toBe(true)
      expect(out).not.toContain('\uFFFD')
      const kept = out.slice(0, -'\n\n…truncated'.length)
      expect(text.startsWith(kept)).toBe(true)
      expect(utf8Bytes(kept) + utf8Bytes(unit) + utf8Bytes('\n\n…truncated')).toBeGreaterThan(limit) // kept as much as fits
    }
  })

  test('a note longer than the limit is itself cut', () => {
    expect(truncateBytes('abcdef', 3, 'NOTE!')).toBe('NOT')
  })
})

describe('truncateChars', () => {
  test('never leaves half a surrogate pair', () => {
    const text = '😀'.repeat(40000) // 80,000 UTF-16 units
    for (let limit = 100; limit < 104; limit++) {
      const out = truncateChars(text, limit, '…')
      expect(out.length).toBeLessThanOrEqual(limit)
      expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/)
      expect(out.endsWith('😀…')).toBe(true)
    }
    expect(truncateChars('short', 10)).toBe('short')
  })
})
