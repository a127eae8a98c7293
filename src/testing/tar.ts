// A minimal `git archive`-like tar.gz writer for the fake GitHub's tarball endpoint (ustar + pax path records).
import { gzipSync } from 'node:zlib'

function header(name: string, size: number, type: string): Buffer {
  const h = Buffer.alloc(512, 0)
  h.write(name.slice(0, 100), 0, 'utf8')
  h.write('0000644\0', 100, 'ascii')
  h.write('0000000\0', 108, 'ascii')
  h.write('0000000\0', 116, 'ascii')
  h.write(size.toString(8).padStart(11, '0') + '\0', 124, 'ascii')
  h.write('00000000000\0', 136, 'ascii')
  h.write('        ', 148, 'ascii') // checksum placeholder
  h.write(type, 156, 'ascii')
  h.write('ustar\0', 257, 'ascii')
  h.write('00', 263, 'ascii')
  let sum = 0
  for (const b of h) sum += b
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'ascii')
  return h
}

function padded(data: Buffer): Buffer[] {
  const pad = (512 - (data.length % 512)) % 512
  return [data, Buffer.alloc(pad, 0)]
}

function paxRecord(key: string, value: string): Buffer {
  const body = ` ${key}=${value}\n`
  let len = Buffer.byteLength(body) + 1
  while (String(len).length + Buffer.byteLength(body) !== len) len = String(len).length + Buffer.byteLength(body)
  return Buffer.from(`${len}${body}`, 'utf8')
}

/** tar.gz of `files` under `top/`, with a global pax header carrying `comment` (the commit id), like git archive. */
export function makeTarball(top: string, files: ReadonlyMap<string, string>, comment: string): Buffer {
  const parts: Buffer[] = []
  const g = paxRecord('comment', comment)
  parts.push(header('pax_global_header', g.length, 'g'), ...padded(g))
  for (const [path, content] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const name = `${top}/${path}`
    const data = Buffer.from(content, 'utf8')
    if (Buffer.byteLength(name) > 100) {
      const x = paxRecord('path', name)
      parts.push(header('PaxHeader', x.length, 'x'), ...padded(x))
    }
    parts.push(header(name, data.length, '0'), ...padded(data))
  }
  parts.push(Buffer.alloc(1024, 0))
  return gzipSync(Buffer.concat(parts))
}
