// Authority templates against the emulator: validation first, idempotent apply, errors in plain words.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import type { RunningEmulator } from '../../src/emulator/index.js'
import { applyTemplates, createTemplate, templateNameProblem } from '../../src/perm/index.js'
import { clientFor, control, DBA_KEY, emulator } from './helpers.js'

let emu: RunningEmulator
const USER_KEY = { id: 'LTAI5tPlainUserKey01', secret: 'plain-user-secret-01' }

beforeAll(async () => {
  emu = await emulator()
  await control(emu, '/__emulator/access-keys', { ...USER_KEY, role: 'user', userId: 3001 })
})
afterAll(async () => {
  await emu?.close()
})

describe('template names', () => {
  test('checked locally before any call', () => {
    expect(templateNameProblem('Read-only analysts (shop)')).toBeNull()
    expect(templateNameProblem('只读分析')).toBeNull()
    expect(templateNameProblem('')).toBe('must not be empty')
    expect(templateNameProblem(' x')).toBe('must not start or end with spaces')
    expect(templateNameProblem('x'.repeat(65))).toBe('must be at most 64 characters')
    expect(templateNameProblem('a;drop')).toBe("contains ';': use letters, digits, spaces and _ - . ( ) : only")
  })

  test('an invalid name never reaches DMS', async () => {
    let calls = 0
    const refuse = async (): Promise<never> => { calls++; throw new Error('called') }
    const outcome = await createTemplate({ createAuthorityTemplate: refuse, findAuthorityTemplates: refuse }, { name: 'bad/name' })
    expect(outcome).toEqual({ kind: 'invalid', name: 'bad/name', reason: "name contains '/': use letters, digits, spaces and _ - . ( ) : only" })
    expect(calls).toBe(0)
  })
})

describe('createTemplate / applyTemplates', () => {
  test('create, then the same name again is found by ListAuthorityTemplate and not created', async () => {
    const admin = clientFor(emu, DBA_KEY)
    const first = await createTemplate(admin, { name: 'Analysts', description: 'SELECT on shop' })
    expect(first).toMatchObject({ kind: 'created', name: 'Analysts', template: { name: 'Analysts', description: 'SELECT on shop' } })
    const id = first.kind === 'created' ? first.template.templateId : 0
    expect(id).toBeGreaterThan(0)
    const creates = emu.state.stats().byAction.CreateAuthorityTemplate
    const again = await createTemplate(admin, { name: 'Analysts' })
    expect(again).toMatchObject({ kind: 'exists', name: 'Analysts', template: { templateId: id } })
    // Found by the list call: no second create was even attempted.
    expect(emu.state.stats().byAction.CreateAuthorityTemplate).toBe(creates)
  })

  test('an exact name match only: a keyword hit on a longer name is not the template', async () => {
    const admin = clientFor(emu, DBA_KEY)
    expect(await createTemplate(admin, { name: 'Analysts (EU)' })).toMatchObject({ kind: 'created' })
    expect(await createTemplate(admin, { name: 'Analyst' })).toMatchObject({ kind: 'created' })
  })

  test('a create whose answer is lost is found on the rerun, never created twice', async () => {
    const admin = clientFor(emu, DBA_KEY)
    await control(emu, '/__emulator/faults', { type: 'reset', actions: ['CreateAuthorityTemplate'] })
    expect(await createTemplate(admin, { name: 'Lost answer' })).toMatchObject({ kind: 'exists', name: 'Lost answer' })
    expect(await createTemplate(admin, { name: 'Lost answer' })).toMatchObject({ kind: 'exists' })
    expect(emu.state.data().templates.filter((t) => t.name === 'Lost answer')).toHaveLength(1)
  })

  test('more templates than one page (20): still found', async () => {
    const admin = clientFor(emu, DBA_KEY)
    const specs = Array.from({ length: 23 }, (_, i) => ({ name: `Paged ${String(i).padStart(2, '0')}`, description: '' }))
    expect((await applyTemplates(admin, specs)).every((o) => o.kind === 'created')).toBe(true)
    expect((await applyTemplates(admin, specs)).every((o) => o.kind === 'exists')).toBe(true)
    expect(emu.state.data().templates.filter((t) => t.name.startsWith('Paged'))).toHaveLength(23)
  })

  test('apply is idempotent: the second run creates nothing', async () => {
    const admin = clientFor(emu, DBA_KEY)
    const specs = [{ name: 'Ops readers', description: '' }, { name: 'Finance', description: 'billing' }]
    const first = await applyTemplates(admin, specs)
    expect(first.map((o) => o.kind)).toEqual(['created', 'created'])
    const before = emu.state.data().templates.length
    const second = await applyTemplates(admin, specs)
    expect(second.map((o) => o.kind)).toEqual(['exists', 'exists'])
    expect(emu.state.data().templates.length).toBe(before)
  })

  test("a 'user' role key is told it is not a DBA/admin, and the rest are skipped", async () => {
    const user = clientFor(emu, USER_KEY)
    const outcomes = await applyTemplates(user, [{ name: 'Nope one', description: '' }, { name: 'Nope two', description: '' }])
    expect(outcomes[0]).toMatchObject({ kind: 'not-allowed', name: 'Nope one' })
    expect(outcomes[0]!.kind === 'not-allowed' && outcomes[0]!.reason).toBe('your DMS account is not a DBA or DMS administrator; only they can list and create authority ' +
      'templates — ask one to run this, or to grant you the DBA role (DMS said NoPermission: You have no permission to list authority templates (DBA or DMS admin only).)')
    expect(outcomes[1]).toEqual({ kind: 'skipped', name: 'Nope two', reason: 'not attempted: the account may not create templates (see above)' })
    expect(emu.state.data().templates.some((t) => t.name.startsWith('Nope'))).toBe(false)
  })

  test('a wrong tenant is explained', async () => {
    const outcome = await createTemplate(clientFor(emu, { ...DBA_KEY, tid: 77 }), { name: 'Other tenant' }, 77)
    expect(outcome).toMatchObject({ kind: 'not-allowed' })
    expect(outcome.kind === 'not-allowed' && outcome.reason).toMatch(/^the DMS tenant 77 does not exist or your account is not in it/)
  })
})
