// Optional state file: read once on start, rewritten after every change with write-to-temp + rename, so a
// reader (or a crash) never sees half a file and a demo or refresh run continues across processes.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { EmulatorData } from './state.js'

export function loadState(file: string): EmulatorData | undefined {
  if (!existsSync(file)) return undefined
  const text = readFileSync(file, 'utf8')
  if (text.trim() === '') return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message})`)
  }
  const d = parsed as Partial<EmulatorData>
  if (d.version !== 1 || !Array.isArray(d.orders) || !Array.isArray(d.templates) || typeof d.nextOrderId !== 'number') {
    throw new Error(`${file}: not an emulator state file (version 1)`)
  }
  // Files written before uploads existed have neither list.
  return { ...d, uploadJobs: d.uploadJobs ?? [], attachments: d.attachments ?? {} } as EmulatorData
}

let seq = 0

export function saveState(file: string, data: EmulatorData): void {
  mkdirSync(dirname(file), { recursive: true })
  const tmp = `${file}.${process.pid}.${++seq}.tmp`
  writeFileSync(tmp, JSON.stringify(data, null, 1))
  renameSync(tmp, file)
}
