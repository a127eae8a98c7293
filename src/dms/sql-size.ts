// How much SQL one CreateProcCorrectOrder may carry. DMS documents no limit for ExecSQL or RollbackSQL, so this is
// our own bound, checked before anything is sent so a too-large change fails with a message instead of an opaque
// gateway refusal. A large rollback has a documented route: RollbackSqlType ATTACHMENT with a file uploaded by
// CreateUploadFileJob (CreateProcCorrectOrder doc; DmsClient.uploadAttachment). ExecSQL has none.
import { DmsError } from './errors.js'
import type { CreateProcCorrectOrderInput } from './types.js'

/** 1 MiB: far above any routine file, well below what a form body may carry through proxies. */
export const DEFAULT_MAX_SQL_BYTES = 1024 * 1024

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(2)} MiB`
}

/** Throws DmsError SqlTooLarge naming the limit when ExecSQL, or a text RollbackSQL, exceeds it. */
export function checkSqlSizes(input: Pick<CreateProcCorrectOrderInput, 'execSql' | 'rollbackSql' | 'rollbackAttachmentKey'>, maxBytes: number): void {
  const exec = Buffer.byteLength(input.execSql, 'utf8')
  if (exec > maxBytes) {
    throw new DmsError({
      code: 'SqlTooLarge', action: 'CreateProcCorrectOrder', kind: 'business',
      message: `ExecSQL is ${exec} bytes (${mib(exec)}); one DMS ticket carries at most ${maxBytes} bytes (${mib(maxBytes)}) of ExecSQL — split the change into smaller pull requests or targets`
    })
  }
  if (input.rollbackAttachmentKey !== undefined) return
  const rollback = Buffer.byteLength(input.rollbackSql, 'utf8')
  if (rollback > maxBytes) {
    throw new DmsError({
      code: 'SqlTooLarge', action: 'CreateProcCorrectOrder', kind: 'business',
      message: `RollbackSQL is ${rollback} bytes (${mib(rollback)}); as text a ticket carries at most ${maxBytes} bytes (${mib(maxBytes)}) — upload it (uploadAttachment) and send it as RollbackSqlType ATTACHMENT`
    })
  }
}
