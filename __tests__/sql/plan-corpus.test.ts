// The fixture corpus (__tests__/fixtures/plan/<case>/{base,head} + expected.json): each case's changed objects
// and findings (file, line, message substring), plus properties every plan must hold.
import { describe, expect, test } from '@jest/globals'
import { canonicalSql } from '../../src/sql/canonical.js'
import { plan } from '../../src/sql/plan.js'
import type { Finding } from '../../src/sql/types.js'
import { loadFixtures } from './plan-fixtures.js'

const fixtures = loadFixtures()

const matches = (actual: Finding[], expected: Finding[]): void => {
  expect(actual.map((f) => `${f.file}:${f.line}`)).toEqual(expected.map((f) => `${f.file}:${f.line}`))
  expected.forEach((e, i) => expect(actual[i]!.message).toContain(e.message))
}

describe(`plan fixture corpus (${fixtures.length} cases)`, () => {
  test('has at least 40 cases', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(40)
  })

  for (const f of fixtures) {
    test(f.name, () => {
      const p = plan(f.base, f.head, f.expected.options)
      expect(p.objects).toEqual(f.expected.objects)
      matches(p.errors, f.expected.errors)
      matches(p.warnings, f.expected.warnings)

      // Errors or nothing changed → nothing to run; else both scripts in the DELIMITER form.
      if (p.objects.length === 0 || p.errors.length > 0) {
        expect(p.execSql).toBe('')
        expect(p.rollbackSql).toBe('')
      } else {
        for (const sql of [p.execSql, p.rollbackSql]) {
          expect(sql).toMatch(/^DELIMITER (\S+)\n[\s\S]*\1\nDELIMITER ;\n$/)
        }
      }
      // Deterministic: same input, same plan; swapping base and head swaps the change kinds.
      expect(plan(f.base, f.head, f.expected.options)).toEqual(p)
      if (p.errors.length === 0) {
        const back = plan(f.head, f.base, f.expected.options)
        const flip = { added: 'removed', removed: 'added', modified: 'modified' } as const
        expect(back.objects.map((o) => `${o.type} ${o.schema ?? ''}.${o.name} ${flip[o.change]}`).sort())
          .toEqual(p.objects.map((o) => `${o.type} ${o.schema ?? ''}.${o.name} ${o.change}`).sort())
      }
      // No object changes → the two sides are the same objects, canonically.
      if (f.expected.objects.length === 0 && p.errors.length === 0) {
        expect(canonicalSql(p.execSql)).toBe('')
      }
    })
  }
})

describe('corpus coverage', () => {
  const all = fixtures.flatMap((f) => f.expected.objects)
  test.each(['PROCEDURE', 'FUNCTION', 'TRIGGER', 'EVENT', 'VIEW'])('%s is added, modified and removed somewhere', (type) => {
    const kinds = new Set(all.filter((o) => o.type === type).map((o) => o.change))
    expect([...kinds].sort()).toEqual(['added', 'modified', 'removed'])
  })
})
