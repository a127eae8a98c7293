import type { ConfigError, FileError } from './types.js'

/** `.github/dms-proc-gate.yml:12: targets[1].exec-mode: must be one of COMMITOR, AUTO, LAST_AUDITOR` */
export function formatConfigError(e: ConfigError): string {
  return `${e.file}:${e.line}: ${e.path === '' ? '' : `${e.path}: `}${e.message}`
}

export function formatFileError(e: FileError): string {
  return `${e.file}:${e.line}: ${e.message}`
}
