// The node `http` front of the emulator: reads the request bytes, hands them to EmulatorCore or the control
// API, and writes (or delays, or drops) the answer.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import type { SignedRequest } from './auth.js'
import { handleControl } from './control.js'
import { gateway } from './errors.js'
import type { EmulatorCore, Reply } from './core.js'
import { parseParams, type Param } from './signature.js'

const MAX_BODY_BYTES = 10 * 1024 * 1024

export interface ServerOptions {
  host: string
  port: number
  /** Longest request target (path + query) accepted; longer gets 414 like a reverse proxy answers. */
  maxUrlBytes: number
}

export interface HttpFront {
  server: Server
  port: number
  close: () => Promise<void>
}

function htmlPage(status: number, title: string): string {
  return `<html>\r\n<head><title>${status} ${title}</title></head>\r\n<body>\r\n<center><h1>${status} ${title}</h1></center>\r\n</body>\r\n</html>\r\n`
}

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY_BYTES) {
        resolve('too-large')
        req.resume()
        return
      }
      chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function headerMap(req: IncomingMessage): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  const raw = req.rawHeaders
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i].toLowerCase()
    ;(out[name] ??= []).push(raw[i + 1])
  }
  return out
}

export async function startHttpFront(core: EmulatorCore, o: ServerOptions): Promise<HttpFront> {
  const sockets = new Set<Socket>()
  const timers = new Set<NodeJS.Timeout>()

  const send = (res: ServerResponse, status: number, contentType: string, body: string, requestId?: string): void => {
    if (res.destroyed) return
    const headers: Record<string, string | number> = { 'content-type': contentType, 'content-length': Buffer.byteLength(body) }
    if (requestId) headers['x-acs-request-id'] = requestId
    res.writeHead(status, headers)
    res.end(body)
  }

  const deliver = (req: IncomingMessage, res: ServerResponse, r: Reply): void => {
    if (r.destroy) {
      req.socket.destroy()
      return
    }
    if (r.delayMs) {
      const t = setTimeout(() => {
        timers.delete(t)
        send(res, r.status, r.contentType, r.body, r.requestId)
      }, r.delayMs)
      timers.add(t)
      return
    }
    send(res, r.status, r.contentType, r.body, r.requestId)
  }

  const onRequest = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const target = req.url ?? '/'
    if (Buffer.byteLength(target) > o.maxUrlBytes) {
      req.resume()
      send(res, 414, 'text/html', htmlPage(414, 'Request-URI Too Large'))
      return
    }
    const body = await readBody(req)
    if (body === 'too-large') {
      send(res, 413, 'text/html', htmlPage(413, 'Request Entity Too Large'))
      return
    }
    const q = target.indexOf('?')
    const path = q < 0 ? target : target.slice(0, q)
    const rawQuery = q < 0 ? '' : target.slice(q + 1)
    const method = req.method ?? 'GET'

    if (path.startsWith('/__emulator/')) {
      let parsed: unknown
      if (body.length > 0) {
        try {
          parsed = JSON.parse(body.toString('utf8'))
        } catch {
          send(res, 400, 'application/json', JSON.stringify({ error: 'body is not valid JSON' }))
          return
        }
      }
      const r = handleControl(core, method, path, parsed)
      send(res, r.status, 'application/json', JSON.stringify(r.body))
      return
    }

    const headers = headerMap(req)
    const host = headers.host?.[0] ?? ''
    let query: Param[]
    let form: Param[] = []
    try {
      query = parseParams(rawQuery)
      const ct = (headers['content-type']?.[0] ?? '').toLowerCase()
      if (ct.startsWith('application/x-www-form-urlencoded')) form = parseParams(body.toString('utf8'))
    } catch {
      // Undecodable %-escapes: the gateway cannot even read the parameters.
      deliver(req, res, core.refuse(gateway.badEncoding(), headers['x-acs-action']?.[0] ?? '(none)', host))
      return
    }
    const signed: SignedRequest = { method, path, query, form, body, headers }
    deliver(req, res, core.handle(signed, host))
  }

  const server = createServer({ maxHeaderSize: o.maxUrlBytes + 16 * 1024, keepAliveTimeout: 15_000 }, (req, res) => {
    onRequest(req, res).catch((e: unknown) => {
      // A bug in the emulator: answer like a gateway whose backend failed, keep serving.
      process.stderr.write(`dms emulator: internal error: ${(e as Error).stack ?? String(e)}\n`)
      send(res, 500, 'application/json', JSON.stringify({ Code: 'InternalError', Message: 'The request processing has failed due to some unknown error.' }))
    })
  })
  server.on('connection', (s: Socket) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return
    // Headers beyond maxHeaderSize: in practice an enormous query string, so answer as a proxy does for the URL.
    const [status, title] = err.code === 'HPE_HEADER_OVERFLOW' ? [414, 'Request-URI Too Large'] : [400, 'Bad Request']
    const page = htmlPage(status, title)
    socket.end(`HTTP/1.1 ${status} ${title}\r\nContent-Type: text/html\r\nContent-Length: ${Buffer.byteLength(page)}\r\nConnection: close\r\n\r\n${page}`)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(o.port, o.host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port
  return {
    server,
    port,
    close: () => new Promise<void>((resolve) => {
      for (const t of timers) clearTimeout(t)
      timers.clear()
      server.close(() => resolve())
      for (const s of sockets) s.destroy()
    })
  }
}
