import { describe, expect, test } from '@jest/globals'
import * as openApiUtilModule from '@alicloud/openapi-util'
import { defaultExport } from '../../src/dms/cjs-interop.js'
import { createProcCorrectOrderParams, formatDmsTime, wire } from '../../src/dms/params.js'

const OpenApiUtil = defaultExport<{ arrayToStringWithSpecifiedStyle(x: unknown, prefix: string, style: string): string }>(openApiUtilModule)

describe('CreateProcCorrectOrder params', () => {
  const input = {
    comment: 'c', dbItems: [{ dbId: 7, logic: true }], execSql: 'CREATE PROCEDURE p() SELECT "é\\n"', rollbackSql: 'DROP PROCEDURE IF EXISTS p',
    execMode: 'LAST_AUDITOR' as const, classify: 'why', relatedUserIds: ['12345678901234567890', 51], attachmentKey: 'att.sql'
  }
  test('Param is byte-identical to the SDK shrink (arrayToStringWithSpecifiedStyle json) of the model map', () => {
    const p = createProcCorrectOrderParams(input, 9)
    const sdkMap = {
      Classify: 'why', DbItemList: [{ DbId: 7, Logic: true }], ExecMode: 'LAST_AUDITOR', ExecSQL: input.execSql,
      RollbackSQL: input.rollbackSql, RollbackSqlType: 'TEXT'
    }
    expect(p.Param).toBe(OpenApiUtil.arrayToStringWithSpecifiedStyle(sdkMap, 'Param', 'json'))
    expect(p).toMatchObject({ AttachmentKey: 'att.sql', Comment: 'c', Tid: '9' })
  })
  test('RelatedUserList is a JSON number array, exact beyond 2^53', () => {
    expect(createProcCorrectOrderParams(input).RelatedUserList).toBe('[12345678901234567890,51]')
    expect(() => createProcCorrectOrderParams({ ...input, relatedUserIds: ['bob'] })).toThrow(/relatedUserIds\[0\]/)
    expect(createProcCorrectOrderParams({ ...input, relatedUserIds: [] }).RelatedUserList).toBeUndefined()
  })
  test('scalars stringify, absent values are omitted', () => {
    expect(wire({ A: 1, B: true, C: undefined, D: null, E: '' })).toEqual({ A: '1', B: 'true', E: '' })
  })
  test('DMS time format', () => {
    expect(formatDmsTime(new Date(Date.UTC(2026, 0, 2, 3, 4, 5)))).toBe('2026-01-02 03:04:05')
  })
})
