// Hidden markers in our PR comment (HTML comments: not rendered, visible in the raw body — never authoritative).
export const STICKY_MARKER = '<!-- dms-proc-gate:sticky -->'
export const STATE_MARKER_PREFIX = '<!-- dms-proc-gate:state '
