// The Alibaba Cloud SDK under the DMS client (@alicloud/tea-typescript, httpx) calls url.parse(), which Node 24 —
// the Action's runtime — reports on stderr as DEP0169 on the first DMS call of every run, in every user's job log.
// The SDK only parses URLs it builds itself from the endpoint, and we cannot change its code, so that one warning
// is dropped; every other warning still prints.

let installed = false

/** Drops Node's DEP0169 (`url.parse()`) warning for the rest of the process; idempotent. */
export function silenceSdkUrlParseWarning(): void {
  if (installed) return
  installed = true
  const emit = process.emitWarning.bind(process) as (...args: unknown[]) => void
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const options = rest[0]
    const code = typeof options === 'object' && options !== null ? (options as { code?: unknown }).code : rest[1]
    if (code === 'DEP0169') return
    emit(warning, ...rest)
  }) as typeof process.emitWarning
}
