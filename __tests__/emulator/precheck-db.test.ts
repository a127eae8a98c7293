// The independent precheck (`--precheck-db`): statements split by dbgate-query-splitter, run on the private MariaDB
// in a scratch schema, failures reported with DMS's step names and the server's own error text.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { createPrecheckDb, parsePrecheckDbUrl, splitForServer } from '../../src/emulator/precheck-db.js'
import { startEmulator } from '../../src/emulator/index.js'
import { mariadb, sharedMariaDb } from '../helpers/mariadb-server.js'
import { signedCall } from './http.js'

let url = ''
const SCHEMA = 'pc_shop'

beforeAll(() => {
  url = `mysql://root@localhost?socket=${encodeURIComponent(sharedMariaDb().socket)}`
  mariadb(`DROP DATABASE IF EXISTS ${SCHEMA}; CREATE DATABASE ${SCHEMA}; CREATE TABLE ${SCHEMA}.orders (id INT PRIMARY KEY, status VARCHAR(20));`)
})
afterAll(() => {
  mariadb(`DROP DATABASE IF EXISTS ${SCHEMA}; DROP USER IF EXISTS 'pc_limited'@'localhost';`)
})

const PROC = (body: string) => `DROP PROCEDURE IF EXISTS p_pc;\nDELIMITER $$\nCREATE PROCEDURE p_pc(IN d INT)\nBEGIN\n  ${body}\nEND$$\nDELIMITER ;\n`
const ROLLBACK = 'DROP PROCEDURE IF EXISTS p_pc;\n'

function scratchSchemas(): string[] {
  return mariadb("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'dpg\\_precheck\\_%'").split('\n').filter(Boolean)
}

describe('parsePrecheckDbUrl', () => {
  test('host:port, socket, password; errors name the flag', () => {
    expect(parsePrecheckDbUrl('mysql://root:p%40ss@127.0.0.1:3307')).toEqual({ user: 'root', password: 'p@ss', host: '127.0.0.1', port: 3307 })
    expect(parsePrecheckDbUrl('mysql://root@localhost?socket=/tmp/x.sock')).toEqual({ user: 'root', socketPath: '/tmp/x.sock' })
    expect(() => parsePrecheckDbUrl('postgres://u@h')).toThrow('--precheck-db: must start with mysql:// (got postgres://)')
    expect(() => parsePrecheckDbUrl('mysql://h:3306')).toThrow('--precheck-db: names no user')
    expect(() => parsePrecheckDbUrl('mysql://u@h/shop')).toThrow('--precheck-db: must not name a database: the precheck creates and drops its own scratch schemas')
    expect(() => parsePrecheckDbUrl('mysql://u@h?ssl=1')).toThrow("--precheck-db: has an unknown parameter 'ssl'")
    expect(() => parsePrecheckDbUrl('not a url')).toThrow('--precheck-db: is not a URL')
  })
})

describe('splitForServer (dbgate-query-splitter, not our lexer)', () => {
  test('DELIMITER blocks are one statement; lines are 1-based', () => {
    expect(splitForServer(PROC('SELECT d;'))).toEqual([
      { text: 'DROP PROCEDURE IF EXISTS p_pc', line: 1 },
      { text: 'CREATE PROCEDURE p_pc(IN d INT)\nBEGIN\n  SELECT d;\nEND', line: 3 }
    ])
  })
})

describe('createPrecheckDb().check on MariaDB', () => {
  const check = (execSql: string, rollbackSql = ROLLBACK, schemas: string[] = [SCHEMA]) => createPrecheckDb(parsePrecheckDbUrl(url)).check({ execSql, rollbackSql, schemas })

  test('a valid change passes every step, and the scratch schema is gone afterwards', async () => {
    const r = await check(PROC("UPDATE orders SET status = 'old' WHERE id < d;"))
    expect(r).toEqual({ ok: true, tasks: [
      { step: 'SQL_PARSE', status: 'SUCCESS', userTip: '3 statement(s) parsed and run on the precheck server.' },
      { step: 'SQL_TYPE_CHECK', status: 'SUCCESS', userTip: 'passed' },
      { step: 'PERMISSION_CHECK', status: 'SUCCESS', userTip: 'passed' },
      { step: 'ROW_CHECK', status: 'SUCCESS', userTip: 'not applicable to programmable objects' }
    ] })
    expect(scratchSchemas()).toEqual([])
  })

  test("a body the server cannot parse fails SQL_PARSE with the server's text and the line", async () => {
    const r = await check(PROC('SELEC d;'))
    expect(r.ok).toBe(false)
    expect(r.tasks[0]).toEqual({
      step: 'SQL_PARSE', status: 'FAIL',
      // The server's line is counted within the statement; ours says where the statement starts in ExecSQL.
      userTip: expect.stringMatching(/^ExecSQL statement at line 3: ERROR 1064 \(42000\): You have an error in your SQL syntax; .*near 'd;\nEND' at line 3$/)
    })
    expect(r.tasks.slice(1).map((t) => t.status)).toEqual(['WAITING', 'WAITING', 'WAITING'])
  })

  test('the rollback is checked too, after the change', async () => {
    const r = await check(PROC('SELECT d;'), 'DROP PROCEDURE IF EXISTS p_pc;\nDROP PROCEDURE p_never_created;\n')
    expect(r.tasks[0]!.userTip).toMatch(/^RollbackSQL statement at line 2: ERROR 1305 \(42000\): PROCEDURE dpg_precheck_[0-9a-f]+\.p_never_created does not exist$/)
  })

  test("a trigger finds the ticket schema's tables in the scratch copy; without them the server says which is missing", async () => {
    const trigger = 'DROP TRIGGER IF EXISTS t_pc;\nCREATE TRIGGER t_pc BEFORE INSERT ON orders FOR EACH ROW SET NEW.status = LOWER(NEW.status);\n'
    expect((await check(trigger, 'DROP TRIGGER IF EXISTS t_pc;\n')).ok).toBe(true)
    const alone = await check(trigger, 'DROP TRIGGER IF EXISTS t_pc;\n', [])
    expect(alone.tasks[0]!.userTip).toMatch(/^ExecSQL statement at line 2: ERROR 1146 \(42S02\): Table 'dpg_precheck_[0-9a-f]+\.orders' doesn't exist$/)
  })

  test('a statement that is not a programmable-object definition fails SQL_TYPE_CHECK before anything runs', async () => {
    const r = await check('UPDATE orders SET status = 1;')
    expect(r.tasks.map((t) => [t.step, t.status])).toEqual([['SQL_PARSE', 'SUCCESS'], ['SQL_TYPE_CHECK', 'FAIL'], ['PERMISSION_CHECK', 'WAITING'], ['ROW_CHECK', 'WAITING']])
    expect(r.tasks[1]!.userTip).toBe("ExecSQL: Statement at line 1 ('UPDATE orders SET…') is not a programmable-object definition.")
  })

  test('an account without routine privileges fails PERMISSION_CHECK with the server text', async () => {
    mariadb("DROP USER IF EXISTS 'pc_limited'@'localhost'; CREATE USER 'pc_limited'@'localhost' IDENTIFIED BY 'pc-pass';" +
      " GRANT CREATE, DROP, SELECT ON `dpg\\_precheck\\_%`.* TO 'pc_limited'@'localhost';")
    const limited = `mysql://pc_limited:pc-pass@localhost?socket=${encodeURIComponent(sharedMariaDb().socket)}`
    const r = await createPrecheckDb(parsePrecheckDbUrl(limited)).check({ execSql: PROC('SELECT d;'), rollbackSql: ROLLBACK, schemas: [] })
    expect(r.tasks.map((t) => t.status)).toEqual(['SUCCESS', 'SUCCESS', 'FAIL', 'WAITING'])
    expect(r.tasks[2]).toMatchObject({ step: 'PERMISSION_CHECK', userTip: expect.stringMatching(/^ExecSQL statement at line 1: ERROR 1370 \(42000\): alter routine command denied to user 'pc_limited'@'localhost' for routine 'dpg_precheck_[0-9a-f]+\.p_pc'$/) })
    expect(scratchSchemas()).toEqual([])
  })

  test('an unreachable server fails the precheck with the reason', async () => {
    const r = await createPrecheckDb(parsePrecheckDbUrl('mysql://root@localhost?socket=/nonexistent/dpg.sock')).check({ execSql: PROC('SELECT 1;'), rollbackSql: '', schemas: [] })
    expect(r.tasks[0]!.userTip).toMatch(/^The precheck database could not be reached: .*ENOENT/)
  })
})

describe('the emulator with precheckDb', () => {
  test('a ticket stays in precheck until the server has answered, then precheckFailed with the reason', async () => {
    const key = { id: 'AK-pc', secret: 'pc-secret' }
    const emu = await startEmulator({ precheckDelayMs: 0, precheckDb: url, accessKeys: [key], databases: [{ schema: SCHEMA }] })
    try {
      const call = async (action: string, params: Record<string, string | number>) =>
        (await signedCall(emu.port, action, params, { accessKeyId: key.id, secret: key.secret })).json()
      const param = (execSql: string) => JSON.stringify({ DbItemList: [{ DbId: 1, Logic: false }], ExecSQL: execSql, RollbackSQL: ROLLBACK, RollbackSqlType: 'TEXT' })
      const bad = (await call('CreateProcCorrectOrder', { Comment: 'bad', Param: param(PROC('SELEC d;')) })).CreateOrderResult[0]
      const good = (await call('CreateProcCorrectOrder', { Comment: 'good', Param: param(PROC('SELECT d;')) })).CreateOrderResult[0]
      await emu.state.whenIdle()
      const detail = async (id: number) => (await call('GetDataCorrectOrderDetail', { OrderId: id })).DataCorrectOrderDetail
      const failed = await detail(bad)
      expect(failed.Status).toBe('precheckFailed')
      expect(failed.PreCheckDetail.TaskCheckDO[0]).toMatchObject({ CheckStep: 'SQL_PARSE', CheckStatus: 'FAIL', UserTip: expect.stringContaining('ERROR 1064 (42000)') })
      expect(await call('SubmitOrderApproval', { OrderId: bad })).toMatchObject({ Success: false, ErrorCode: 'InvalidStatus' })
      expect((await detail(good)).Status).toBe('precheck_success')
    } finally {
      await emu.close()
    }
  })
})
