// A tiny real HTTP server on 127.0.0.1 for client tests: records every request and answers with
// whatever the test's handler returns (status, headers, body), or lets the handler misbehave
// (hang, reset the socket).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RecordedRequest {
  method: string
  url: string
  path: string
  query: Record<string, string>
  headers: Record<string, string | string[] | undefined>
  body: string
  action: string
}

export type Reply =
  | { status?: number; headers?: Record<string, string>; body: unknown }
  | { raw: string; status: number; contentType: string }
  | { hang: number; then?: Reply } // wait this long before answering (or never, if no `then`)
  | { reset: true }

export interface CannedServer {
  url: string
  port: number
  requests: RecordedRequest[]
  close(): Promise<void>
}

export async function startCannedServer(handler: (req: RecordedRequest, n: number) => Reply | Promise<Reply>): Promise<CannedServer> {
  const requests: RecordedRequest[] = []
  const sockets = new Set<import('node:net').Socket>()
  const timers = new Set<NodeJS.Timeout>()
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', async () => {
      const u = new URL(req.url ?? '/', 'http://127.0.0.1')
      const rec: RecordedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        path: u.pathname,
        query: Object.fromEntries(u.searchParams),
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        action: String(req.headers['x-acs-action'] ?? u.searchParams.get('Action') ?? '')
      }
      requests.push(rec)
      const send = (r: Reply): void => {
        if ('reset' in r) { req.socket.destroy(); return }
        if ('hang' in r) {
          const t = setTimeout(() => { timers.delete(t); if (r.then) send(r.then) }, r.hang)
          timers.add(t)
          return
        }
        if ('raw' in r) {
          res.writeHead(r.status, { 'content-type': r.contentType })
          res.end(r.raw)
          return
        }
        const text = JSON.stringify(r.body)
        res.writeHead(r.status ?? 200, { 'content-type': 'application/json;charset=utf-8', ...(r.headers ?? {}) })
        res.end(text)
      }
      send(await handler(rec, requests.length))
    })
  })
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)) })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () => new Promise<void>((resolve) => {
      for (const t of timers) clearTimeout(t)
      for (const s of sockets) s.destroy()
      server.close(() => resolve())
    })
  }
}

export function ok(extra: Record<string, unknown> = {}): Reply {
  return { body: { RequestId: 'req-1', Success: true, ...extra } }
}
