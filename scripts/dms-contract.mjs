#!/usr/bin/env node
// Regenerates __tests__/fixtures/dms-contract.json from Alibaba's generated TypeScript SDK for DMS Enterprise
// (github.com/aliyun/alibabacloud-typescript-sdk, folder dms-enterprise-20181101): for every DMS action this project
// calls or emulates, the request parameter names (where the SDK puts them: query or body; object parameters sent
// as one JSON string, with the JSON's own shape) and the response body's field tree (names and types).
//
//   node scripts/dms-contract.mjs --repo <git dir or checkout of alibabacloud-typescript-sdk> [--ref HEAD] [--out <file>]
//
// Reads the files with `git show <ref>:<path>`, so a bare mirror works. Writes the file only when it changed and
// prints what changed, so a rename on Alibaba's side shows up as a diff and then as failing contract tests.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const FOLDER = 'dms-enterprise-20181101'
/** Every action the client sends or the emulator answers. */
export const ACTIONS = [
  'CreateProcCorrectOrder', 'SubmitOrderApproval', 'GetOrderBaseInfo', 'GetApprovalDetail', 'GetDataCorrectOrderDetail',
  'ListOrders', 'CloseOrder', 'ExecuteDataCorrect', 'SearchDatabase', 'GetDatabase', 'GetPermApplyOrderDetail',
  'CreateAuthorityTemplate', 'ListAuthorityTemplate', 'GetUserActiveTenant', 'CreateUploadFileJob', 'GetUserUploadFileJob'
]

function args(argv) {
  const o = { ref: 'HEAD', out: join(dirname(fileURLToPath(import.meta.url)), '..', '__tests__', 'fixtures', 'dms-contract.json') }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--repo' || a === '--ref' || a === '--out') {
      if (argv[i + 1] === undefined) throw new Error(`${a} needs a value`)
      o[a.slice(2)] = argv[++i]
    } else {
      throw new Error(`unknown argument ${a}; usage: node scripts/dms-contract.mjs --repo <sdk git dir> [--ref HEAD] [--out file]`)
    }
  }
  if (!o.repo) throw new Error('--repo <git dir or checkout of aliyun/alibabacloud-typescript-sdk> is required')
  return o
}

function gitShow(repo, ref, path) {
  try {
    return execFileSync('git', ['-C', repo, 'show', `${ref}:${path}`], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] })
  } catch {
    return null
  }
}

/** Every `class X extends $dara.Model` in a model file: its wire names and its field types. */
export function parseModels(source) {
  const classes = {}
  const re = /export class (\w+) extends \$dara\.Model \{([\s\S]*?)\n\}\n/g
  for (const m of source.matchAll(re)) {
    const body = m[2]
    const names = /static names\(\)[^\n]*\{\s*return \{([\s\S]*?)\};/.exec(body)?.[1] ?? ''
    const types = /static types\(\)[^\n]*\{\s*return \{([\s\S]*?)\};/.exec(body)?.[1] ?? ''
    const fields = {}
    for (const n of names.matchAll(/^\s*(\w+): '([^']+)',?$/gm)) fields[n[1]] = { wire: n[2] }
    for (const t of types.matchAll(/^\s*(\w+): (.+?),?$/gm)) if (fields[t[1]]) fields[t[1]].type = t[2].trim()
    classes[m[1]] = fields
  }
  return classes
}

/** A field type (`'string'`, `ClassName`, `{ 'type': 'array', 'itemType': X }`) → the contract's type node. */
function typeNode(type, classes, seen = []) {
  if (/^'(string|Readable)'$/.test(type)) return 'string'
  if (type === "'number'") return 'number'
  if (type === "'boolean'") return 'boolean'
  if (type === "'any'") return 'any'
  const arr = /^\{ 'type': 'array', 'itemType': (.+) \}$/.exec(type)
  if (arr) return { array: typeNode(arr[1].trim(), classes, seen) }
  const map = /^\{ 'type': 'map', 'keyType': 'string', 'valueType': (.+) \}$/.exec(type)
  if (map) return { map: typeNode(map[1].trim(), classes, seen) }
  const cls = classes[type]
  if (!cls) throw new Error(`unknown model type ${type}`)
  if (seen.includes(type)) throw new Error(`recursive model ${type}`)
  return { object: objectNode(cls, classes, [...seen, type]) }
}

function objectNode(cls, classes, seen = []) {
  const out = {}
  for (const f of Object.values(cls).sort((a, b) => (a.wire < b.wire ? -1 : 1))) out[f.wire] = typeNode(f.type, classes, seen)
  return out
}

const lowerFirst = (s) => s[0].toLowerCase() + s.slice(1)

/** Where `<action>WithOptions` puts each parameter, and which it sends as a JSON string. */
export function parsePlacement(clientSource, action) {
  const start = clientSource.indexOf(`async ${lowerFirst(action)}WithOptions(`)
  if (start < 0) throw new Error(`client.ts has no ${lowerFirst(action)}WithOptions`)
  const end = clientSource.indexOf('\n  async ', start + 10)
  const fn = clientSource.slice(start, end < 0 ? undefined : end)
  const placement = {}
  for (const m of fn.matchAll(/(query|body)\["(\w+)"\] = request\.(\w+);/g)) placement[m[2]] = { in: m[1], field: m[3] }
  const shrunk = {}
  for (const m of fn.matchAll(/request\.(\w+)Shrink = OpenApiUtil\.arrayToStringWithSpecifiedStyle\(tmpReq\.(\w+), "(\w+)", "json"\)/g)) shrunk[m[3]] = m[2]
  const meta = /action: "(\w+)",\s*version: "([^"]+)"[\s\S]*?method: "(\w+)"[\s\S]*?style: "(\w+)"/.exec(fn)
  return { placement, shrunk, action: meta?.[1], version: meta?.[2], method: meta?.[3], style: meta?.[4] }
}

export function buildContract(read, commit) {
  const client = read(`${FOLDER}/src/client.ts`)
  if (client === null) throw new Error(`${FOLDER}/src/client.ts not found at that ref`)
  const actions = {}
  for (const action of ACTIONS) {
    const reqSrc = read(`${FOLDER}/src/models/${action}Request.ts`)
    const bodySrc = read(`${FOLDER}/src/models/${action}ResponseBody.ts`)
    if (reqSrc === null || bodySrc === null) throw new Error(`models of ${action} not found`)
    const reqClasses = parseModels(reqSrc)
    const bodyClasses = parseModels(bodySrc)
    const p = parsePlacement(client, action)
    if (p.action !== action) throw new Error(`${action}WithOptions calls ${p.action}`)
    const reqModel = reqClasses[`${action}Request`]
    const request = {}
    for (const [wire, where] of Object.entries(p.placement)) {
      const field = Object.entries(reqModel).find(([, f]) => f.wire === wire)
      if (!field) throw new Error(`${action}: ${wire} is sent but not in ${action}Request`)
      const node = typeNode(field[1].type, reqClasses)
      request[wire] = p.shrunk[wire] !== undefined ? { in: where.in, type: 'json', shape: node } : { in: where.in, type: node }
    }
    actions[action] = {
      version: p.version, method: p.method, style: p.style,
      request: Object.fromEntries(Object.entries(request).sort(([a], [b]) => (a < b ? -1 : 1))),
      response: objectNode(bodyClasses[`${action}ResponseBody`], bodyClasses)
    }
  }
  return {
    source: { repository: 'aliyun/alibabacloud-typescript-sdk', folder: FOLDER, commit, generatedBy: 'scripts/dms-contract.mjs' },
    actions
  }
}

function main() {
  const o = args(process.argv.slice(2))
  const commit = execFileSync('git', ['-C', o.repo, 'rev-parse', o.ref], { encoding: 'utf8' }).trim()
  const contract = buildContract((path) => gitShow(o.repo, commit, path), commit)
  const text = JSON.stringify(contract, null, 1) + '\n'
  const before = existsSync(o.out) ? readFileSync(o.out, 'utf8') : ''
  if (before === text) {
    process.stdout.write(`${o.out}: unchanged (SDK ${commit.slice(0, 12)})\n`)
    return
  }
  writeFileSync(o.out, text)
  const old = before ? JSON.parse(before).actions : {}
  for (const a of ACTIONS) {
    if (JSON.stringify(old[a]) !== JSON.stringify(contract.actions[a])) process.stdout.write(`changed: ${a}\n`)
  }
  process.stdout.write(`${o.out}: written from SDK ${commit.slice(0, 12)}\n`)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    main()
  } catch (e) {
    process.stderr.write(`dms-contract: ${e.message}\n`)
    process.exit(1)
  }
}
