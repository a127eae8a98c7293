// The contract with the planner: trees read from a PR must make a move between files diff as "no change" while a
// real edit still shows. Runs the real planner on trees read through the fake GitHub.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { readChangedSources } from '../../src/sources/changed-files.js'
import type { GitHubApi } from '../../src/github/octokit.js'
import { plan } from '../../src/sql/plan.js'
import type { FakeGitHub } from '../../src/testing/fake-github.js'
import { FULL, REPO, setup, sha } from '../github/helpers.js'

const proc = (name: string, v: number) => `DELIMITER $$\nCREATE PROCEDURE ${name}()\nBEGIN\n  SELECT ${v};\nEND$$\nDELIMITER ;\n`

let gh: FakeGitHub
let api: GitHubApi
beforeAll(async () => {
  ;({ gh, api } = await setup())
  gh.addCommit(FULL, sha('b'), {
    'db/a.sql': proc('p1', 1) + proc('p2', 2),
    'db/c.sql': proc('p3', 3),
    'db/e.sql': proc('p4', 4)
  })
  gh.addCommit(FULL, sha('h'), {
    'db/a.sql': proc('p1', 1), // p2 moves out …
    'db/b.sql': proc('p2', 2), // … into a new file
    'db/c.sql': null, // p3's file renamed as is
    'db/d.sql': proc('p3', 3),
    'db/e.sql': proc('p4', 40) // a real change
  }, sha('b'))
  gh.addPull(FULL, { number: 3, baseSha: sha('b'), headSha: sha('h') })
})
afterAll(() => gh.close())

describe('changed files → plan', () => {
  test('moves and renames are no change; the edit is the only object', async () => {
    const src = await readChangedSources({ octokit: api.octokit, repo: REPO, pullNumber: 3, baseSha: sha('b'), headSha: sha('h'), include: ['db/**/*.sql'] })
    expect(src.changedPaths).toEqual(['db/a.sql', 'db/b.sql', 'db/c.sql', 'db/d.sql', 'db/e.sql'])
    const p = plan(src.base, src.head, { include: ['db/**/*.sql'] })
    expect(p.errors).toEqual([])
    expect(p.objects.map(o => [o.type, o.name, o.change, o.file])).toEqual([['PROCEDURE', 'p4', 'modified', 'db/e.sql']])
  })
})
