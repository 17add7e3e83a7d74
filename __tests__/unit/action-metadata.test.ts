// Every action.yml: node24, the dist bundle, every input and output described, defaults stated,
// branding set; and the code's defaults agree with the documented ones.
import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { REPO_ROOT } from '../helpers/tools.js'
import { readGateSettings } from '../../actions/lib/gate/settings.js'
import { KubeInput, KubeOutput, readWatchOptions } from '../../actions/lib/kube/session.js'
import { DeployInput, readHealth } from '../../actions/kube-deploy/settings.js'
import { RollbackInput } from '../../actions/kube-rollback/main.js'
import { PublishInput, VersionOutput } from '../../actions/semver-tag/main.js'
import { readPlanSettings, VersionInput } from '../../actions/lib/release/plan.js'
import { NotifyInput, NotifyOutput, readNotifySettings } from '../../actions/slack-notify/settings.js'

interface Meta {
  name: string
  description: string
  branding?: { icon?: string; color?: string }
  inputs?: Record<string, { description?: string; required?: boolean; default?: string }>
  outputs?: Record<string, { description?: string }>
  runs: { using: string; main: string; post?: string }
}

const actions = readdirSync(join(REPO_ROOT, 'actions')).filter((d) => existsSync(join(REPO_ROOT, 'actions', d, 'action.yml')))
const meta = (name: string) => parse(readFileSync(join(REPO_ROOT, 'actions', name, 'action.yml'), 'utf8')) as Meta

describe('action metadata', () => {
  it('finds the actions', () => {
    expect(actions).toContain('severity-gate')
  })

  it.each(actions)('%s: node24, its own dist bundle, branding, described inputs and outputs', (name) => {
    const m = meta(name)
    expect(m.runs.using).toBe('node24')
    expect(m.runs.main).toBe(`../../dist/${name}/index.js`)
    expect(existsSync(join(REPO_ROOT, 'dist', name, 'index.js'))).toBe(true)
    expect(m.branding?.icon).toBeTruthy()
    expect(m.branding?.color).toBeTruthy()
    expect(m.description.length).toBeGreaterThan(20)
    for (const [key, input] of Object.entries(m.inputs ?? {})) {
      expect([key, input.description?.length ?? 0]).toEqual([key, expect.any(Number)])
      expect(input.description!.length).toBeGreaterThan(10)
      if (!input.required) expect([key, typeof input.default]).toEqual([key, 'string'])
    }
    for (const [key, output] of Object.entries(m.outputs ?? {})) expect([key, (output.description ?? '').length > 5]).toEqual([key, true])
  })

  it.each(['gitleaks', 'checkov', 'trivy'])('%s takes every policy input of severity-gate, documented alike, and outputs all it outputs', (name) => {
    const gate = meta('severity-gate')
    const scanner = meta(name)
    for (const [key, spec] of Object.entries(gate.inputs!)) {
      if (key === 'reports' || key === 'format') continue
      if (key === 'sarif-output' || key === 'json-output') {
        expect(scanner.inputs![key]).toBeDefined()
        continue
      }
      expect([key, scanner.inputs![key]]).toEqual([key, spec])
    }
    for (const key of Object.keys(gate.outputs!)) expect([key, scanner.outputs![key] !== undefined]).toEqual([key, true])
    for (const key of ['path', 'version', 'install', 'download-url', 'args', 'report']) expect([key, (scanner.inputs![key] ?? scanner.outputs![key]) !== undefined]).toEqual([key, true])
  })

  it('severity-gate documents the defaults the code applies', () => {
    const inputs = meta('severity-gate').inputs!
    const fromYaml = readGateSettings((n) => inputs[n]?.default)
    const fromCode = readGateSettings(() => undefined)
    expect(fromYaml).toEqual(fromCode)
  })
})

describe('kube actions: the inputs and outputs the code reads and writes are the ones action.yml declares', () => {
  it.each([
    ['kube-deploy', [...Object.values(KubeInput), ...Object.values(DeployInput)], Object.values(KubeOutput)],
    ['kube-rollback', [...Object.values(KubeInput), ...Object.values(RollbackInput)], Object.values(KubeOutput)]
  ])('%s', (name, inputs, outputs) => {
    const m = meta(name)
    expect(Object.keys(m.inputs ?? {}).sort()).toEqual([...new Set(inputs as string[])].sort())
    expect(Object.keys(m.outputs ?? {}).sort()).toEqual([...(outputs as string[])].sort())
    expect(m.runs.post).toBe(`../../dist/${name}/index.js`)
  })

  it('the defaults in action.yml are the code defaults', () => {
    const m = meta('kube-deploy')
    const watch = readWatchOptions(() => '')
    const fromYml = readWatchOptions((n) => m.inputs?.[n]?.default ?? '')
    expect(fromYml).toEqual(watch)
    const health = readHealth(() => '', DeployInput.HealthUrl)
    expect(readHealth((n) => m.inputs?.[n]?.default ?? '', DeployInput.HealthUrl)).toEqual(health)
  })
})

describe('semver-tag: the inputs and outputs the code reads and writes are the ones action.yml declares', () => {
  it('inputs, outputs and defaults', () => {
    const m = meta('semver-tag')
    expect(Object.keys(m.inputs ?? {}).sort()).toEqual([...Object.values(VersionInput), ...Object.values(PublishInput)].sort())
    expect(Object.keys(m.outputs ?? {}).sort()).toEqual([...Object.values(VersionOutput)].sort())
    expect(readPlanSettings((n) => m.inputs?.[n]?.default ?? '')).toEqual(readPlanSettings(() => ''))
  })
})

describe('slack-notify: the inputs and outputs the code reads and writes are the ones action.yml declares', () => {
  it('inputs, outputs and defaults', () => {
    const m = meta('slack-notify')
    expect(Object.keys(m.inputs ?? {}).sort()).toEqual([...Object.values(NotifyInput)].sort())
    expect(Object.keys(m.outputs ?? {}).sort()).toEqual([...Object.values(NotifyOutput)].sort())
    const webhook = { 'webhook-url': 'https://hooks.slack.com/services/T0/B0/x' } as Record<string, string>
    const fromYml = readNotifySettings((n) => webhook[n] ?? m.inputs?.[n]?.default ?? '', {}, undefined)
    const fromCode = readNotifySettings((n) => webhook[n] ?? '', {}, undefined)
    expect(fromYml).toEqual(fromCode)
    expect(fromCode.send).toEqual({ retries: 3, timeoutMs: 10_000, maxWaitMs: 60_000 })
  })
})
