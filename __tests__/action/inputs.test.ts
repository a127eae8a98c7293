import { describe, expect, jest, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'

// Only core's I/O is mocked: getInput reads our table, setSecret is observed.
const secrets: string[] = []
jest.unstable_mockModule('@actions/core', () => ({
  getInput: (name: string) => process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`]?.trim() ?? '',
  setSecret: (s: string) => void secrets.push(s)
}))
const { getInputs, INPUT_DEFAULTS } = await import('../../src/action/inputs.js')

type Table = Record<string, string>
const read = (t: Table) => (name: string) => t[name] ?? ''
const base: Table = { 'github-token': 'ghs_token' }
const get = (t: Table) => getInputs(read({ ...base, ...t }), {})
const bad = (t: Table) => {
  try {
    get(t)
  } catch (e) {
    return (e as Error).message
  }
  throw new Error(`accepted: ${JSON.stringify(t)}`)
}

describe('getInputs defaults', () => {
  test('with only a token, every default applies (the runner is not there to apply action.yml)', () => {
    expect(get({})).toEqual({
      githubToken: 'ghs_token',
      dmsEndpoint: { protocol: 'https', host: 'dms-enterprise.aliyuncs.com' },
      credentials: { kind: 'default-chain' },
      config: '.github/dms-proc-gate.yml',
      include: ['**/*.sql'],
      execMode: 'COMMITOR',
      relatedUsers: [],
      waitMinutes: 0,
      checkName: 'DMS approval',
      comment: true,
      executeOnMerge: false,
      configExplicit: false,
      ticketWindowDays: 90
    })
  })

  test('action.yml declares every input with the same defaults, and the outputs', () => {
    const yml = parse(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, { default?: string }>; outputs: Record<string, unknown>; runs: Record<string, string> }
    expect(Object.keys(yml.inputs).sort()).toEqual(
      ['github-token', 'dms-endpoint', 'region', 'access-key-id', 'access-key-secret', 'security-token', 'role-arn', 'oidc-provider-arn', 'tid', 'database', 'config', 'include', 'exec-mode', 'classify', 'related-users', 'wait-minutes', 'check-name', 'comment', 'execute-on-merge', 'ticket-window-days', 'verify-database'].sort()
    )
    for (const [k, v] of Object.entries(INPUT_DEFAULTS)) expect([k, yml.inputs[k].default]).toEqual([k, v])
    expect(yml.inputs['github-token'].default).toBe('${{ github.token }}')
    expect(Object.keys(yml.outputs).sort()).toEqual(['objects', 'order-id', 'state', 'ticket-url', 'tickets', 'workflow-instance-id'])
    expect(yml.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })

  test('the token falls back to GITHUB_TOKEN; a missing token names the input', () => {
    expect(getInputs(read({}), { GITHUB_TOKEN: 'ghs_env' }).githubToken).toBe('ghs_env')
    expect(() => getInputs(read({}), {})).toThrow("Input 'github-token' is invalid: required")
  })

  test('reads INPUT_* through @actions/core by default', () => {
    process.env['INPUT_GITHUB-TOKEN'] = 'ghs_from_env'
    process.env['INPUT_EXEC-MODE'] = 'auto'
    try {
      expect(getInputs()).toMatchObject({ githubToken: 'ghs_from_env', execMode: 'AUTO' })
    } finally {
      delete process.env['INPUT_GITHUB-TOKEN']
      delete process.env['INPUT_EXEC-MODE']
    }
  })
})

describe('getInputs values', () => {
  test('everything given', () => {
    expect(
      get({
        region: 'cn-hangzhou',
        'access-key-id': 'LTAI5tExample',
        'access-key-secret': 's3cret',
        'security-token': 'sts-token',
        tid: '3000',
        database: '1234',
        config: 'ci/gate.yml',
        include: 'db/**/*.sql\n\n# comment\nroutines/*.sql',
        'exec-mode': 'LAST_AUDITOR',
        classify: 'release 42',
        'related-users': '101, 202\n303,101',
        'wait-minutes': '2.5',
        'check-name': 'DB gate',
        comment: 'false',
        'execute-on-merge': 'TRUE',
        'ticket-window-days': '30'
      })
    ).toEqual({
      githubToken: 'ghs_token',
      dmsEndpoint: { protocol: 'https', host: 'dms-enterprise.cn-hangzhou.aliyuncs.com' },
      region: 'cn-hangzhou',
      credentials: { kind: 'access-key', accessKeyId: 'LTAI5tExample', accessKeySecret: 's3cret', securityToken: 'sts-token' },
      tid: 3000,
      database: { kind: 'db-id', dbId: 1234 },
      config: 'ci/gate.yml',
      include: ['db/**/*.sql', 'routines/*.sql'],
      execMode: 'LAST_AUDITOR',
      classify: 'release 42',
      relatedUsers: ['101', '202', '303'],
      waitMinutes: 2.5,
      checkName: 'DB gate',
      comment: false,
      executeOnMerge: true,
      configExplicit: true,
      ticketWindowDays: 30
    })
  })

  test('OIDC role, schema-name database and endpoint forms', () => {
    const i = get({ 'role-arn': 'acs:ram::1234567890:role/github-dms', 'oidc-provider-arn': 'acs:ram::1234567890:oidc-provider/github', database: 'shop' })
    expect(i.credentials).toEqual({ kind: 'oidc', roleArn: 'acs:ram::1234567890:role/github-dms', oidcProviderArn: 'acs:ram::1234567890:oidc-provider/github' })
    expect(i.database).toEqual({ kind: 'schema', schema: 'shop' })
    expect(get({ 'dms-endpoint': 'http://127.0.0.1:8123' }).dmsEndpoint).toEqual({ protocol: 'http', host: '127.0.0.1:8123' })
    expect(get({ 'dms-endpoint': 'https://dms-enterprise.ap-southeast-1.aliyuncs.com/' }).dmsEndpoint).toEqual({ protocol: 'https', host: 'dms-enterprise.ap-southeast-1.aliyuncs.com' })
    expect(get({ 'dms-endpoint': 'dms-enterprise-vpc.cn-shanghai.aliyuncs.com' }).dmsEndpoint).toEqual({ protocol: 'https', host: 'dms-enterprise-vpc.cn-shanghai.aliyuncs.com' })
  })

  test('secrets are masked before validation can fail', () => {
    secrets.length = 0
    expect(() => get({ 'access-key-secret': 'only-the-secret', 'security-token': 'tok' })).toThrow("Input 'access-key-id' is invalid: required when access-key-secret is given")
    expect(secrets).toEqual(['ghs_token', 'only-the-secret', 'tok'])
  })
})

describe('getInputs rejects bad values, naming the input and what is allowed', () => {
  test.each<[string, Table, string]>([
    ['exec-mode', { 'exec-mode': 'NOW' }, "Input 'exec-mode' is invalid (got \"NOW\"): allowed: COMMITOR, AUTO, LAST_AUDITOR"],
    ['wait-minutes negative', { 'wait-minutes': '-1' }, "Input 'wait-minutes' is invalid (got \"-1\"): allowed: a number of minutes from 0 to 360"],
    ['wait-minutes too big', { 'wait-minutes': '361' }, "Input 'wait-minutes'"],
    ['wait-minutes not a number', { 'wait-minutes': '5m' }, "Input 'wait-minutes'"],
    ['comment', { comment: 'yes' }, "Input 'comment' is invalid (got \"yes\"): allowed: true or false"],
    ['execute-on-merge', { 'execute-on-merge': '1' }, "Input 'execute-on-merge' is invalid (got \"1\"): allowed: true or false"],
    ['ticket-window-days zero', { 'ticket-window-days': '0' }, "Input 'ticket-window-days' is invalid (got \"0\"): allowed: a whole number of days from 1 to 365"],
    ['ticket-window-days fraction', { 'ticket-window-days': '1.5' }, "Input 'ticket-window-days' is invalid (got \"1.5\")"],
    ['tid', { tid: '12a' }, "Input 'tid' is invalid (got \"12a\"): allowed: a positive integer tenant id"],
    ['tid zero', { tid: '0' }, "Input 'tid'"],
    ['related-users', { 'related-users': '101, bob' }, "Input 'related-users' is invalid (got \"bob\"): allowed: numeric DMS user ids"],
    ['include absolute', { include: '/etc/*.sql' }, "Input 'include' is invalid (got \"/etc/*.sql\"): each glob must be relative to the repository root"],
    ['include dotdot', { include: 'db/../*.sql' }, "Input 'include' is invalid (got \"db/../*.sql\"): each glob must not contain '..' segments"],
    ['dms-endpoint scheme', { 'dms-endpoint': 'ftp://x.example.com' }, "Input 'dms-endpoint' is invalid (got \"ftp://x.example.com\"): allowed: a host"],
    ['dms-endpoint path', { 'dms-endpoint': 'https://x.example.com/api' }, "Input 'dms-endpoint' is invalid (got \"https://x.example.com/api\"): allowed: a host such as dms-enterprise.cn-hangzhou.aliyuncs.com, or an http(s)://host[:port] URL (no path"],
    ['dms-endpoint host', { 'dms-endpoint': 'not a host' }, "Input 'dms-endpoint' is invalid"],
    ['region', { region: 'Hangzhou' }, "Input 'region' is invalid (got \"Hangzhou\"): allowed: an Alibaba Cloud region id such as cn-hangzhou"],
    ['role-arn form', { 'role-arn': 'arn:aws:iam::1:role/x', 'oidc-provider-arn': 'acs:ram::1:oidc-provider/gh' }, "Input 'role-arn' is invalid (got \"arn:aws:iam::1:role/x\"): allowed form: acs:ram::<account id>:role/<role name>"],
    ['oidc-provider-arn form', { 'role-arn': 'acs:ram::1:role/x', 'oidc-provider-arn': 'acs:ram::1:role/x' }, "Input 'oidc-provider-arn' is invalid (got \"acs:ram::1:role/x\"): allowed form: acs:ram::<account id>:oidc-provider/<provider name>"],
    ['role-arn alone', { 'role-arn': 'acs:ram::1:role/x' }, "Input 'oidc-provider-arn' is invalid: required when role-arn is given"],
    ['oidc-provider-arn alone', { 'oidc-provider-arn': 'acs:ram::1:oidc-provider/gh' }, "Input 'role-arn' is invalid: required when oidc-provider-arn is given"],
    ['access-key-id alone', { 'access-key-id': 'LTAI' }, "Input 'access-key-secret' is invalid: required when access-key-id is given"],
    ['keys and oidc', { 'access-key-id': 'LTAI', 'access-key-secret': 's', 'role-arn': 'acs:ram::1:role/x' }, "Input 'access-key-id' is invalid: give either access-key-id + access-key-secret, or role-arn + oidc-provider-arn, not both"],
    ['security-token alone', { 'security-token': 'tok' }, "Input 'security-token' is invalid: only allowed together with access-key-id and access-key-secret"],
    ['database', { database: 'my db' }, "Input 'database' is invalid (got \"my db\"): allowed: a DMS DbId (number) or a schema name"],
    ['check-name', { 'check-name': 'x'.repeat(101) }, "Input 'check-name' is invalid"],
    ['config', { config: '../secrets.yml' }, "Input 'config' is invalid (got \"../secrets.yml\"): allowed: a repository-relative path"],
    ['classify', { classify: 'x'.repeat(201) }, "Input 'classify' is invalid"]
  ])('%s', (_name, table, message) => {
    expect(bad(table)).toContain(message)
  })

  test('a secret never appears in an error message', () => {
    const msg = bad({ 'access-key-id': 'LTAI', 'access-key-secret': 'has space', })
    expect(msg).toBe("Input 'access-key-secret' is invalid: must not contain whitespace")
    expect(bad({ 'security-token': 'sts-secret' })).not.toContain('sts-secret')
  })
})
