// Hidden markers (HTML comments: not rendered, visible in the raw text). They find our own comment and check runs
// again; they are never authoritative: approval is always re-read from DMS (docs/security.md).
export const STICKY_MARKER = '<!-- dms-proc-gate:sticky -->'
export const STATE_MARKER_PREFIX = '<!-- dms-proc-gate:state '
/** At the top of every check-run summary the gate writes: a run without it was not written by the gate. */
export const CHECK_MARKER_PREFIX = '<!-- dms-proc-gate:check '
