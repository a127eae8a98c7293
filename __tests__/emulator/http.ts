// Test helpers: raw HTTP to the emulator (so tests control every header byte) and a V3-signed DMS call.
import { request } from 'node:http'
import { acsTimestamp, signV3, percentEncode, type Param } from '../../src/emulator/signature.js'

export interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
  json: () => any
}

export interface RawRequest {
  method?: string
  path: string
  headers?: Record<string, string>
  body?: string | Buffer
  timeoutMs?: number
}

/** One HTTP request to 127.0.0.1:port with exactly these headers (Host included). */
export function raw(port: number, r: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1', port, method: r.method ?? 'POST', path: r.path, headers: r.headers ?? {}, agent: false,
      timeout: r.timeoutMs ?? 10_000, setHost: !(r.headers && Object.keys(r.headers).some((h) => h.toLowerCase() === 'host'))
    }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) })
      })
      res.on('error', reject)
    })
    req.on('timeout', () => req.destroy(Object.assign(new Error('client timeout'), { code: 'TIMEOUT' })))
    req.on('error', reject)
    if (r.body !== undefined) req.write(r.body)
    req.end()
  })
}

export interface CallOptions {
  accessKeyId: string
  secret: string
  securityToken?: string
  /** Send the params as a form body instead of the query. */
  inBody?: boolean
  /** Time to sign with (ms epoch); default now. */
  at?: number
  nonce?: string
  timeoutMs?: number
}

/** A V3-signed DMS RPC call built by our signer (the same bytes as openapi-client's). */
export function signedCall(port: number, action: string, params: Record<string, string | number | boolean>, o: CallOptions): Promise<RawResponse> {
  const pairs: Param[] = Object.entries(params).map(([k, v]) => [k, String(v)])
  const body = o.inBody ? pairs.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&') : undefined
  const { path, headers } = signV3({
    host: `127.0.0.1:${port}`, action, version: '2018-11-01', accessKeyId: o.accessKeyId, secret: o.secret,
    securityToken: o.securityToken, query: o.inBody ? [] : pairs, body, date: o.at === undefined ? undefined : acsTimestamp(o.at),
    nonce: o.nonce
  })
  return raw(port, { path, headers, body, timeoutMs: o.timeoutMs })
}

/** JSON body of a control-API call. */
export async function control(url: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const port = Number(new URL(url).port)
  const r = await raw(port, {
    method, path, body: body === undefined ? undefined : JSON.stringify(body),
    headers: body === undefined ? {} : { 'content-type': 'application/json' }
  })
  return { status: r.status, body: r.text ? r.json() : undefined }
}
