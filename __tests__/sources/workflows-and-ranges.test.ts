import { describe, expect, test } from '@jest/globals'
import { changedWorkflowPaths, isWorkflowPath, usesAction } from '../../src/sources/workflows.js'
import { diffTrees, parseNameStatus } from '../../src/sources/commit-range.js'

describe('workflows that run the gate', () => {
  test('workflow and local action files', () => {
    expect(isWorkflowPath('.github/workflows/gate.yml')).toBe(true)
    expect(isWorkflowPath('.github/workflows/gate.YAML')).toBe(true)
    expect(isWorkflowPath('.github/workflows/sub/gate.yml')).toBe(false) // GitHub does not run subdirectories
    expect(isWorkflowPath('.github/actions/setup/action.yml')).toBe(true)
    expect(isWorkflowPath('db/workflows/gate.yml')).toBe(false)
    expect(changedWorkflowPaths([
      { path: 'db/a.sql', status: 'modified' },
      { path: '.github/workflows/new.yml', status: 'renamed', previousPath: '.github/workflows/old.yml' }
    ])).toEqual(['.github/workflows/new.yml', '.github/workflows/old.yml'])
  })

  test('a `uses:` of this action, of any */dms-proc-gate, or of the local action', () => {
    expect(usesAction('steps:\n  - uses: acme/dms-proc-gate@v1\n', undefined)).toBe(true)
    expect(usesAction("      - name: gate\n        uses: 'acme/dms-proc-gate@0123abc'\n", undefined)).toBe(true)
    expect(usesAction('      - uses: acme/renamed-gate@v2\n', 'acme/renamed-gate')).toBe(true)
    expect(usesAction('      - uses: ./\n', undefined)).toBe(true)
    expect(usesAction('      - uses: ./ # self-test\n', undefined)).toBe(true)
    expect(usesAction('      - uses: actions/checkout@v5\n      - run: echo dms-proc-gate\n', undefined)).toBe(false)
    expect(usesAction('      - uses: ./.github/actions/setup\n', undefined)).toBe(false)
    expect(usesAction('      - uses: acme/renamed-gate@v2\n', undefined)).toBe(false)
  })
})

describe('files between two commits', () => {
  test('git diff --name-status -z', () => {
    expect(parseNameStatus('M\0db/a.sql\0A\0db/b.sql\0D\0db/c sql.sql\0')).toEqual([
      { path: 'db/a.sql', status: 'modified' },
      { path: 'db/b.sql', status: 'added' },
      { path: 'db/c sql.sql', status: 'removed' }
    ])
    expect(parseNameStatus('')).toEqual([])
  })

  test('two trees compared by blob sha: exact, renames as removal + addition', () => {
    const base = new Map([['a.sql', '1'], ['b.sql', '2'], ['moved.sql', '3']])
    const head = new Map([['a.sql', '1'], ['b.sql', '9'], ['new/moved.sql', '3'], ['c.sql', '4']])
    expect(diffTrees(base, head)).toEqual([
      { path: 'b.sql', status: 'modified', headBlobSha: '9' },
      { path: 'c.sql', status: 'added', headBlobSha: '4' },
      { path: 'moved.sql', status: 'removed' },
      { path: 'new/moved.sql', status: 'added', headBlobSha: '3' }
    ])
  })
})
