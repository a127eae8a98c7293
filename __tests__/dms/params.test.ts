import { describe, expect, test } from '@jest/globals'
import * as openApiUtilModule from '@alicloud/openapi-util'
import { defaultExport } from '../../src/dms/cjs-interop.js'
import { createProcCorrectOrderParams, createUploadFileJobParams, formatDmsTime, listOrdersParams, parseDmsTime, wire } from '../../src/dms/params.js'

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
  test('DMS time format: UTC+8 wall clock, no zone (ListOrders StartTime/EndTime)', () => {
    expect(formatDmsTime(new Date(Date.UTC(2026, 0, 2, 3, 4, 5)))).toBe('2026-01-02 11:04:05')
    // Across midnight and a year end.
    expect(formatDmsTime(new Date(Date.UTC(2026, 11, 31, 20, 0, 0)))).toBe('2027-01-01 04:00:00')
    expect(parseDmsTime('2027-01-01 04:00:00')?.toISOString()).toBe('2026-12-31T20:00:00.000Z')
    expect(parseDmsTime('2027-01-01T04:00:00')).toBeNull()
    expect(listOrdersParams({ startTime: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)), endTime: '2026-01-03 00:00:00' })).toEqual({
      StartTime: '2026-01-02 11:04:05', EndTime: '2026-01-03 00:00:00'
    })
    expect(() => listOrdersParams({ startTime: new Date(NaN) })).toThrow('startTime is not a valid date')
  })
  test('rollback as an attachment: RollbackSqlType ATTACHMENT + RollbackAttachmentName, no RollbackSQL', () => {
    const p = JSON.parse(createProcCorrectOrderParams({ comment: 'c', dbItems: [{ dbId: 2, logic: true }], execSql: 'x', rollbackSql: 'ignored', execMode: 'AUTO', rollbackAttachmentKey: 'upload_k_rb.sql' }).Param!)
    expect(p).toEqual({ DbItemList: [{ DbId: 2, Logic: true }], ExecMode: 'AUTO', ExecSQL: 'x', RollbackAttachmentName: 'upload_k_rb.sql', RollbackSqlType: 'ATTACHMENT' })
  })
  test('CreateUploadFileJob: .sql/.txt names and http(s) URLs only', () => {
    expect(createUploadFileJobParams({ fileName: 'rb.sql', uploadUrl: 'https://b.oss/rb.sql' }, 3)).toEqual({ FileName: 'rb.sql', FileSource: 'datacorrect', Tid: '3', UploadURL: 'https://b.oss/rb.sql' })
    expect(() => createUploadFileJobParams({ fileName: 'rb.zip', uploadUrl: 'https://x' })).toThrow('fileName must end in .sql or .txt, got "rb.zip"')
    expect(() => createUploadFileJobParams({ fileName: 'rb.sql', uploadUrl: 'ftp://x' })).toThrow('uploadUrl must be an http or https URL')
  })
})
