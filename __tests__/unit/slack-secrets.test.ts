// Masking only what is secret: a mask blanks its string in every later line of the job log, so
// masking the webhook URL's path segment "services" turned every "services" into ***. The URL,
// its secret and a credential inside api-url are masked; a common word never is.
import { afterEach, describe, expect, it, jest } from '@jest/globals'
import { urlSecrets } from '../../actions/lib/inputs/url-secrets.js'
import { maskSecrets } from '../../actions/slack-notify/settings.js'

// Assembled at run time, so that no credential-shaped literal sits in the repository.
const secret = ['abcdEFGH', 'ijkl1234', 'MNOPqrst'].join('')
const webhook = `https://hooks.slack.com/services/T0123ABCD/B0456EFGH/${secret}`

describe('urlSecrets', () => {
  it('a Slack webhook: the URL, its path and its secret; never "services", "hooks" or the IDs', () => {
    expect(urlSecrets(webhook, true)).toEqual([webhook, secret, `/services/T0123ABCD/B0456EFGH/${secret}`])
  })

  it.each([
    ['GovSlack', `https://hooks.slack-gov.com/services/T0123ABCD/B0456EFGH/${secret}`],
    ['a workflow trigger', `https://hooks.slack.com/triggers/T0123ABCD/1234567890123/${secret}`],
    ['a relay with the secret in the query', `https://relay.example/hooks/slack?token=${secret}&channel=deploys`]
  ])('%s: the secret is masked, the common words are not', (_, url) => {
    const masked = urlSecrets(url, true)
    expect(masked).toContain(url)
    expect(masked).toContain(secret)
    for (const word of ['services', 'triggers', 'hooks', 'slack', 'deploys', 'channel', 'token']) expect(masked).not.toContain(word)
    expect(masked.every((m: string) => m.length >= 16)).toBe(true)
  })

  it('a mirror with a token in the username position (https://TOKEN:x-oauth-basic@...): the token, not the host', () => {
    const url = `https://${secret}:x-oauth-basic@mirror.example/releases`
    expect(urlSecrets(url, false)).toEqual(['x-oauth-basic', secret])
    expect(urlSecrets('https://mirror.example/releases', false)).toEqual([])
    expect(urlSecrets('https://ci:hunter2@mirror.example/releases', false)).toEqual(['hunter2'])
  })

  it('a short path is masked only as part of the whole URL', () => {
    expect(urlSecrets('https://relay.example/services', true)).toEqual(['https://relay.example/services'])
  })

  it('api-url: public unless it carries a credential; then only the credential', () => {
    expect(urlSecrets('https://slack.com/api', false)).toEqual([])
    expect(urlSecrets(`https://bot:${secret}@proxy.example/api`, false)).toEqual([secret])
    expect(urlSecrets(`https://proxy.example/api?key=${secret}`, false)).toEqual([secret])
  })

  it('not a URL: the whole value only', () => {
    expect(urlSecrets('not a url secretvalue', true)).toEqual(['not a url secretvalue'])
  })
})

describe('maskSecrets', () => {
  afterEach(() => {
    jest.restoreAllMocks()
  })

  it('asks the runner to mask the webhook URL and its secret, the token whole, and nothing else', () => {
    const lines: string[] = []
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk))
      return true
    })
    const token = ['xoxb', '1111111111', '2222222222', 'tokenValue000000001'].join('-')
    const inputs: Record<string, string> = { 'webhook-url': `${webhook}\n`, 'bot-token': token, 'api-url': 'https://slack.com/api' }
    maskSecrets((name) => inputs[name] ?? '')
    const masked = lines
      .join('')
      .split(/\r?\n/)
      .filter((l) => l.startsWith('::add-mask::'))
      .map((l) => l.slice('::add-mask::'.length))
    expect(masked).toEqual([webhook, secret, `/services/T0123ABCD/B0456EFGH/${secret}`, token])
  })
})
