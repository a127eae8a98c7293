// Where DMS lives: the central endpoint by default (what Alibaba's generated SDK uses: endpointRule
// "central"), a regional one from a region id, or an explicit host / URL (the emulator: http://127.0.0.1:PORT).

export interface DmsEndpoint {
  protocol: 'http' | 'https'
  /** host[:port], sent verbatim as the `host` header (and signed). */
  host: string
}

export const DEFAULT_DMS_HOST = 'dms-enterprise.aliyuncs.com'

const REGION_RE = /^[a-z]{2,}(-[a-z0-9]+)+$/
/** A DNS name (RFC 1123 labels) or a bracketed IPv6 address, with an optional port. */
const HOST_RE = /^(?=.{1,253}(:\d{1,5})?$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*(:\d{1,5})?$|^\[[0-9a-fA-F:.]+\](:\d{1,5})?$/

function checkPort(host: string, e: string): void {
  const m = /:(\d+)$/.exec(host)
  if (m && (Number(m[1]) < 1 || Number(m[1]) > 65535)) throw new Error(`dms-endpoint: port out of range: ${JSON.stringify(e)}`)
}

/** Resolve `endpoint` (host, host:port, or http(s) URL) or `region`; throws naming the bad input. */
export function resolveEndpoint(endpoint?: string, region?: string): DmsEndpoint {
  const e = endpoint?.trim()
  if (e) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(e)) {
      let url: URL
      try {
        url = new URL(e)
      } catch {
        throw new Error(`dms-endpoint: not a valid URL: ${JSON.stringify(e)}`)
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`dms-endpoint: protocol must be http or https, got ${url.protocol}`)
      if (url.pathname !== '/' && url.pathname !== '') throw new Error(`dms-endpoint: must not have a path (got ${url.pathname})`)
      if (url.search || url.hash || url.username || url.password) throw new Error('dms-endpoint: must not have a query, fragment or credentials')
      return { protocol: url.protocol === 'http:' ? 'http' : 'https', host: url.host }
    }
    if (!HOST_RE.test(e)) throw new Error(`dms-endpoint: not a host name or URL: ${JSON.stringify(e)}`)
    checkPort(e, e)
    return { protocol: 'https', host: e }
  }
  const r = region?.trim()
  if (r) {
    if (!REGION_RE.test(r)) throw new Error(`dms-region: not a region id (like cn-hangzhou): ${JSON.stringify(r)}`)
    return { protocol: 'https', host: `dms-enterprise.${r}.aliyuncs.com` }
  }
  return { protocol: 'https', host: DEFAULT_DMS_HOST }
}
