import { afterEach, describe, expect, it, test } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml'
import { collectSecrets, readKubeconfig, removeKubeconfig, writeKubeconfig, type KubeconfigDocument } from '../../actions/lib/kube/kubeconfig.js'
import { UserError } from '../../actions/lib/errors/user-error.js'
import { thrown } from '../helpers/unit.js'

const INPUT = 'cluster-kubeconfig'

// Fake credentials are assembled at run time so that no secret-shaped literal sits in the repository.
const fresh = (bytes: number): string => randomBytes(bytes).toString('base64').replace(/[+/=]/g, 'x')
const pemBlock = (label: string, lines: number): { base64: string; bodyLines: string[] } => {
  const dashes = '-'.repeat(5)
  const bodyLines = Array.from({ length: lines }, () => randomBytes(48).toString('base64'))
  const pem = [`${dashes}BEGIN ${label}${dashes}`, ...bodyLines, `${dashes}END ${label}${dashes}`, ''].join('\n')
  return { base64: Buffer.from(pem).toString('base64'), bodyLines }
}

interface Credentials {
  token: string
  password: string
  username: string
  cert: { base64: string; bodyLines: string[] }
  key: { base64: string; bodyLines: string[] }
  providerAccess: string
  providerRefresh: string
  execEnv: string
  execArg: string
}

function credentials(): Credentials {
  return {
    token: ['eyJ', fresh(30), '.', fresh(60)].join(''),
    password: ['pw-', fresh(18)].join(''),
    username: ['deployer-', fresh(6)].join(''),
    cert: pemBlock('CERTIFICATE', 4),
    key: pemBlock(['EC', 'PRIVATE', 'KEY'].join(' '), 3),
    providerAccess: ['ya29.', fresh(40)].join(''),
    providerRefresh: ['1//', fresh(40)].join(''),
    execEnv: ['env-', fresh(24)].join(''),
    execArg: ['arg-', fresh(24)].join('')
  }
}

function kubeconfigDocument(c: Credentials, overrides: Partial<KubeconfigDocument> = {}): KubeconfigDocument {
  return {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      { name: 'prod', cluster: { server: 'https://10.0.0.1:6443', 'certificate-authority-data': Buffer.from('ca').toString('base64') } },
      { name: 'staging', cluster: { server: 'https://staging.example.test:6443' } },
      { name: 'serverless', cluster: { 'insecure-skip-tls-verify': true } }
    ],
    contexts: [
      { name: 'prod-admin', context: { cluster: 'prod', user: 'admin', namespace: 'web' } },
      { name: 'staging-ci', context: { cluster: 'staging', user: 'ci' } },
      { name: 'broken', context: { cluster: 'serverless', user: 'ci' } }
    ],
    'current-context': 'prod-admin',
    users: [
      { name: 'admin', user: { 'client-certificate-data': c.cert.base64, 'client-key-data': c.key.base64 } },
      { name: 'ci', user: { token: c.token } },
      { name: 'basic', user: { username: c.username, password: c.password } },
      { name: 'oidc', user: { 'auth-provider': { name: 'oidc', config: { 'access-token': c.providerAccess, 'refresh-token': c.providerRefresh } } } },
      {
        name: 'exec',
        user: {
          exec: {
            apiVersion: 'client.authentication.k8s.io/v1beta1',
            command: 'aws',
            args: ['eks', 'get-token', '--cluster-name', 'prod', `--token=${c.execArg}`],
            env: [{ name: 'AWS_SECRET_ACCESS_KEY', value: c.execEnv }]
          }
        }
      }
    ],
    ...overrides
  }
}

/** Every value the masker must have seen for these credentials. */
function expectedSecrets(c: Credentials): string[] {
  // Not the username: a user name is not a credential, and masking it blanks that word everywhere.
  return [c.token, c.password, c.cert.base64, ...c.cert.bodyLines, c.key.base64, ...c.key.bodyLines, c.providerAccess, c.providerRefresh, c.execEnv, c.execArg]
}

function recorder(): { mask: (s: string) => void; masked: string[] } {
  const masked: string[] = []
  return { mask: (s) => masked.push(s), masked }
}

/** base64 as `base64` prints it by default: wrapped at 76 columns. */
const wrappedBase64 = (text: string): string => Buffer.from(text).toString('base64').replace(/.{76}/g, '$&\n')


describe('readKubeconfig', () => {
  it.each([
    ['plain YAML', (yaml: string) => yaml],
    ['plain YAML with surrounding blank lines', (yaml: string) => `\n\n${yaml}\n\n`],
    ['base64 on one line (base64 -w0)', (yaml: string) => Buffer.from(yaml).toString('base64')],
    ['base64 wrapped at 76 columns', wrappedBase64]
  ])('reads %s', (_name, encode) => {
    const c = credentials()
    const document = kubeconfigDocument(c)
    const { mask, masked } = recorder()
    const config = readKubeconfig(encode(stringifyYaml(document)), INPUT, '', mask)
    expect(config.context).toBe('prod-admin')
    expect(config.server).toBe('https://10.0.0.1:6443')
    expect(config.document.users).toEqual(document.users)
    expect(config.document['current-context']).toBe('prod-admin')
    expect(config.secrets).toEqual(expect.arrayContaining(expectedSecrets(c)))
    expect(config.secrets).not.toContain('https://10.0.0.1:6443')
    for (const secret of config.secrets) expect(masked).toContain(secret)
  })

  it('a requested context overrides current-context and is written into the document', () => {
    const config = readKubeconfig(stringifyYaml(kubeconfigDocument(credentials())), INPUT, 'staging-ci', () => undefined)
    expect(config.context).toBe('staging-ci')
    expect(config.server).toBe('https://staging.example.test:6443')
    expect(config.document['current-context']).toBe('staging-ci')
  })

  it('a JSON kubeconfig (which kubectl reads too) is accepted, plain or base64', () => {
    const json = JSON.stringify(kubeconfigDocument(credentials()))
    for (const raw of [json, Buffer.from(json).toString('base64')]) {
      const masked: string[] = []
      const config = readKubeconfig(raw, INPUT, 'staging-ci', (s) => masked.push(s))
      expect(config.server).toBe('https://staging.example.test:6443')
      for (const secret of config.secrets) expect(masked).toContain(secret)
    }
  })

  it('masks the raw input and the decoded text before decoding can fail', () => {
    const c = credentials()
    const yaml = stringifyYaml(kubeconfigDocument(c))
    const raw = Buffer.from(yaml).toString('base64')
    const { mask, masked } = recorder()
    readKubeconfig(`  ${raw}\n`, INPUT, '', mask)
    expect(masked[0]).toBe(raw)
    expect(masked[1]).toBe(yaml)
  })

  it.each([
    ['a requested context that does not exist', {}, 'nope', /^Context "nope" \(input "context" or the current-context\) is not in the kubeconfig of input "cluster-kubeconfig"; it defines: prod-admin, staging-ci, broken\.$/],
    ['no current-context and none requested', { 'current-context': undefined }, '', new RegExp(`Input "${INPUT}" names no current-context; set the "context" input to one of: prod-admin, staging-ci, broken\\.`)],
    ['a context whose cluster has no server', {}, 'broken', /Context "broken" points at cluster "serverless", which has no server in the kubeconfig\./],
    ['a context whose cluster is not defined', { clusters: [] }, '', /Context "prod-admin" points at cluster "prod", which has no server/]
  ] as [string, Partial<KubeconfigDocument>, string, RegExp][])('%s: one-line UserError, every credential masked before the throw', (_name, overrides, context, message) => {
    const c = credentials()
    const { mask, masked } = recorder()
    const error = thrown(() => readKubeconfig(stringifyYaml(kubeconfigDocument(c, overrides)), INPUT, context, (s) => mask(s)))
    expect(error).toBeInstanceOf(UserError)
    expect(error.message).toMatch(message)
    expect(error.message).not.toContain('\n')
    const maskedAtThrow = [...masked]
    for (const secret of expectedSecrets(c)) {
      expect(maskedAtThrow).toContain(secret)
      expect(error.message).not.toContain(secret)
    }
  })

  it.each([
    ['empty', '   \n', /^Input "cluster-kubeconfig" is empty: pass the kubeconfig secret, base64-encoded or as plain YAML, or a kubeconfig file's path\.$/],
    ['neither YAML nor base64', 'this is not: a kubeconfig!', /^Input "cluster-kubeconfig" is neither a YAML kubeconfig nor base64 \(try: base64 -w0 < kubeconfig\)\.$/],
    ['base64 of something else', Buffer.from('hello, this is a README file\n').toString('base64'), /^Input "cluster-kubeconfig" decodes from base64 but is not a kubeconfig/],
    ['base64 of binary garbage', randomBytes(64).toString('base64'), /^Input "cluster-kubeconfig" decodes from base64 but is not a kubeconfig/],
    ['YAML that does not parse', 'apiVersion: v1\nclusters:\n  - name: a\n   cluster: {server: x}\n', /^Input "cluster-kubeconfig" is not a valid kubeconfig: the YAML does not parse \(line 4\)\.$/],
    ['base64 of YAML that does not parse', Buffer.from('apiVersion: v1\nusers: [unclosed\n').toString('base64'), /^Input "cluster-kubeconfig" is not a valid kubeconfig: the YAML does not parse \(line \d+\)\.$/]
  ])('%s: a one-line UserError naming the input', (_name, raw, message) => {
    const error = thrown(() => readKubeconfig(raw, INPUT, '', () => undefined))
    expect(error).toBeInstanceOf(UserError)
    expect(error.message).toMatch(message)
    expect(error.message).not.toContain('\n')
  })

  it('a kubeconfig whose YAML breaks below a token: the text was masked before the parse error, which shows no secret', () => {
    const token = ['tok', fresh(30)].join('')
    const raw = ['apiVersion: v1', 'kind: Config', 'users:', '- name: ci', '  user:', `    token: ${token}`, '   broken: [', ''].join('\n')
    const { mask, masked } = recorder()
    const error = thrown(() => readKubeconfig(raw, INPUT, '', mask))
    expect(error).toBeInstanceOf(UserError)
    expect(error.message).not.toContain(token)
    expect(masked).toContain(raw.trim())
  })

  // `users`, `contexts` or `clusters` given as a mapping instead of a list (a common hand-editing
  // slip) is a one-line UserError naming the input, not a TypeError printed as a bug.
  test.each([
    ['users as a mapping', { users: { name: 'ci', user: { token: 'x' } } }],
    ['contexts as a mapping', { contexts: { name: 'prod-admin' } }],
    ['clusters as a mapping', { clusters: { name: 'prod' } }]
  ] as [string, unknown][])('%s is a UserError naming the input, not a TypeError', (_name, overrides) => {
    const error = thrown(() => readKubeconfig(stringifyYaml(kubeconfigDocument(credentials(), overrides as Partial<KubeconfigDocument>)), INPUT, '', () => undefined))
    expect(error).toBeInstanceOf(UserError)
    expect(error.message).toContain(`"${INPUT}"`)
  })
})

describe('collectSecrets', () => {
  it.each([
    ['token', (c: Credentials) => ({ token: c.token }), (c: Credentials) => [c.token]],
    ['client-key-data and each decoded PEM body line', (c: Credentials) => ({ 'client-key-data': c.key.base64 }), (c: Credentials) => [c.key.base64, ...c.key.bodyLines]],
    ['client-certificate-data and each decoded PEM body line', (c: Credentials) => ({ 'client-certificate-data': c.cert.base64 }), (c: Credentials) => [c.cert.base64, ...c.cert.bodyLines]],
    ['password, not a plain username', (c: Credentials) => ({ username: 'deployer', password: c.password }), (c: Credentials) => [c.password]],
    ['a username shaped like a token', (c: Credentials) => ({ username: c.token, password: c.password }), (c: Credentials) => [c.token, c.password]],
    ['auth-provider config values', (c: Credentials) => ({ 'auth-provider': { name: 'gcp', config: { 'access-token': c.providerAccess, 'refresh-token': c.providerRefresh } } }), (c: Credentials) => [c.providerAccess, c.providerRefresh]],
    ['exec env values', (c: Credentials) => ({ exec: { command: 'get-token', env: [{ name: 'API_KEY', value: c.execEnv }] } }), (c: Credentials) => [c.execEnv]],
    ['exec --token= arguments (the value only)', (c: Credentials) => ({ exec: { command: 'get-token', args: ['--region', 'eu', `--token=${c.execArg}`] } }), (c: Credentials) => [c.execArg]],
    ['nothing from a tokenFile user', () => ({ tokenFile: '/var/run/secrets/token' }), () => []],
    ['nothing from empty values', () => ({ token: '', password: '   ' }), () => []]
  ] as [string, (c: Credentials) => Record<string, unknown>, (c: Credentials) => string[]][])('%s', (_name, user, expected) => {
    const c = credentials()
    expect(new Set(collectSecrets({ users: [{ name: 'u', user: user(c) }] }))).toEqual(new Set(expected(c)))
  })

  // A mask blanks its string in every later log line: common words must never be masked.
  it.each([
    ['a plain username beside a password', (c: Credentials) => ({ username: 'admin', password: c.password }), (c: Credentials) => [c.password]],
    ['an EKS exec plugin: get-token, the cluster name, the profile and region', () => ({
      exec: { command: 'aws', args: ['eks', 'get-token', '--cluster-name', 'prod'], env: [{ name: 'AWS_PROFILE', value: 'default' }, { name: 'AWS_REGION', value: 'us-east-1' }] }
    }), () => []],
    ['an exec env variable named as a secret, whatever its value', () => ({ exec: { command: 'x', env: [{ name: 'AWS_SECRET_ACCESS_KEY', value: 'short' }] } }), () => ['short']],
    ['auth-provider config: cmd-path and JSONPath keys are not secret', (c: Credentials) => ({
      'auth-provider': { name: 'gcp', config: { 'cmd-path': 'gcloud', 'token-key': '{.credential.access_token}', 'access-token': c.providerAccess } }
    }), (c: Credentials) => [c.providerAccess]]
  ] as [string, (c: Credentials) => Record<string, unknown>, (c: Credentials) => string[]][])('masks only what is secret: %s', (_name, user, expected) => {
    const c = credentials()
    expect(new Set(collectSecrets({ users: [{ name: 'u', user: user(c) }] }))).toEqual(new Set(expected(c)))
  })

  it('base64 data that is not a PEM is masked as it is, not line by line', () => {
    const data = Buffer.from(fresh(60)).toString('base64')
    expect(collectSecrets({ users: [{ name: 'u', user: { 'client-key-data': data } }] })).toEqual([data])
  })

  it('leaves clusters and contexts alone (server URLs are shown in the summary)', () => {
    const secrets = collectSecrets(kubeconfigDocument(credentials()))
    expect(secrets).not.toContain('https://10.0.0.1:6443')
    expect(secrets).not.toContain('prod-admin')
  })
})

describe('writeKubeconfig / removeKubeconfig', () => {
  let dir = ''
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
    dir = ''
  })

  it('writes a 0600 file in a fresh 0700 folder, and removes both', () => {
    dir = mkdtempSync(join(tmpdir(), 'kubeconfig-test-'))
    const config = readKubeconfig(stringifyYaml(kubeconfigDocument(credentials())), INPUT, 'staging-ci', () => undefined)
    const file = writeKubeconfig(config, dir)
    const folder = dirname(file)
    expect(dirname(folder)).toBe(dir)
    expect(folder).toMatch(/\/sgw-kubeconfig-[0-9a-f]{12}$/)
    expect(file).toBe(join(folder, 'config'))
    expect(statSync(folder).mode & 0o777).toBe(0o700)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    const written = parseYaml(readFileSync(file, 'utf8')) as KubeconfigDocument
    expect(written['current-context']).toBe('staging-ci')
    expect(written.users).toEqual(config.document.users)

    const second = writeKubeconfig(config, dir)
    expect(dirname(second)).not.toBe(folder)

    removeKubeconfig(file)
    expect(existsSync(file)).toBe(false)
    expect(existsSync(folder)).toBe(false)
    expect(existsSync(second)).toBe(true)
    removeKubeconfig(file) // twice (post step after a failed main step) is harmless
    removeKubeconfig('')
    removeKubeconfig(second)
    expect(existsSync(dirname(second))).toBe(false)
    expect(existsSync(dir)).toBe(true)
  })

  it('creates the parent folder when missing', () => {
    dir = mkdtempSync(join(tmpdir(), 'kubeconfig-test-'))
    const file = writeKubeconfig(readKubeconfig(stringifyYaml(kubeconfigDocument(credentials())), INPUT, '', () => undefined), join(dir, 'runner', 'temp'))
    expect(readFileSync(file, 'utf8')).toContain('current-context: prod-admin')
  })

  it('removeKubeconfig deletes only the file when it is not in a folder of its own', () => {
    dir = mkdtempSync(join(tmpdir(), 'kubeconfig-test-'))
    const folder = join(dir, 'home', '.kube')
    mkdirSync(folder, { recursive: true })
    writeFileSync(join(folder, 'config'), 'apiVersion: v1\n')
    writeFileSync(join(folder, 'cache'), 'keep me\n')
    removeKubeconfig(join(folder, 'config'))
    expect(existsSync(join(folder, 'config'))).toBe(false)
    expect(existsSync(join(folder, 'cache'))).toBe(true)
  })
})
