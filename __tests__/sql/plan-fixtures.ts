// Loads the fixture corpus under __tests__/fixtures/plan (shared by the fixture and roundtrip tests).
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readDirTree } from '../../src/sources/dir.js'
import type { PlanOptions } from '../../src/sql/plan.js'
import type { Finding, PlannedObject, SourceTree } from '../../src/sql/types.js'

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'plan')

export interface Expected {
  description?: string
  options?: PlanOptions
  /** Schemas the fixture's qualified names use (created for the roundtrip). */
  schemas?: string[]
  /** false for a valid fixture the mariadb client cannot load as written (with the reason). */
  roundtrip?: boolean
  roundtripSkipReason?: string
  /** Load base/head with `mariadb --force` (a file whose bare DROP fails on a fresh database). */
  loadWithForce?: boolean
  objects: PlannedObject[]
  /** `message` is matched as a substring of the actual message. */
  errors: Finding[]
  warnings: Finding[]
}

export interface Fixture {
  name: string
  dir: string
  base: SourceTree
  head: SourceTree
  expected: Expected
}

/** A fixture side; a fixture without one of the directories has no files on that side. */
function readSide(dir: string): SourceTree {
  if (!existsSync(dir)) return new Map()
  const r = readDirTree(dir)
  if (r.errors.length > 0) throw new Error(`fixture ${dir}: ${r.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('; ')}`)
  return r.files
}

export function loadFixtures(): Fixture[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(FIXTURES, e.name, 'expected.json')))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const dir = join(FIXTURES, name)
      return {
        name, dir,
        base: readSide(join(dir, 'base')),
        head: readSide(join(dir, 'head')),
        expected: JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected
      }
    })
}

export const SHARED_SCHEMA = (): string => readFileSync(join(FIXTURES, 'schema.sql'), 'utf8')
