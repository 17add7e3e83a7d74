// kube-deploy's inputs, parsed once into the typed settings the deploy runs on.
import { UserError } from '../lib/errors/user-error.js'
import { parseBoolean, parseChoice, parseDuration, parseList, parseNumber, parseWholeNumber } from '../lib/inputs/parse.js'
import type { DeploySettings } from '../lib/kube/deploy.js'
import type { HealthSettings } from '../lib/kube/health.js'
import { parseImageOverrides, readManifestFiles, resolveManifestFiles, parseManifests } from '../lib/kube/manifests.js'
import type { Kubectl } from '../lib/kube/kubectl.js'
import { readWatchOptions } from '../lib/kube/session.js'

export const DeployInput = {
  Manifests: 'manifests',
  Kustomize: 'kustomize',
  HelmChart: 'helm-chart',
  HelmRelease: 'helm-release',
  HelmValues: 'helm-values',
  HelmSet: 'helm-set',
  Images: 'images',
  DryRun: 'dry-run',
  Strategy: 'strategy',
  ColorLabel: 'color-label',
  KeepPrevious: 'keep-previous',
  PreviewUrl: 'preview-url',
  HealthUrl: 'health-url',
  HealthStatus: 'health-status',
  HealthJsonPath: 'health-json-path',
  HealthJsonValue: 'health-json-value',
  HealthChecks: 'health-checks',
  HealthInterval: 'health-interval',
  HealthTimeout: 'health-timeout',
  FailureLimit: 'failure-limit',
  PrometheusUrl: 'prometheus-url',
  PrometheusQuery: 'prometheus-query',
  PrometheusMax: 'prometheus-max',
  PrometheusToken: 'prometheus-token',
  RollbackOnFailure: 'rollback-on-failure',
  Environment: 'environment'
} as const

type Get = (name: string) => string

export type SourceInput =
  | { type: 'manifests'; patterns: string[] }
  | { type: 'kustomize'; dir: string }
  | { type: 'helm'; chart: string; release: string; values: string[]; set: string[] }

export function readSourceInput(get: Get): SourceInput {
  const manifests = parseList(get(DeployInput.Manifests))
  const kustomize = get(DeployInput.Kustomize).trim()
  const chart = get(DeployInput.HelmChart).trim()
  const given = [
    manifests.length ? DeployInput.Manifests : '',
    kustomize ? DeployInput.Kustomize : '',
    chart ? DeployInput.HelmChart : ''
  ].filter(Boolean)
  if (given.length !== 1)
    throw new UserError(
      given.length === 0
        ? `Nothing to deploy: set one of "manifests" (files, folders, globs), "kustomize" (a folder) or "helm-chart".`
        : `Set only one of "manifests", "kustomize" and "helm-chart"; got ${given.join(', ')}.`
    )
  if (manifests.length) return { type: 'manifests', patterns: manifests }
  if (kustomize) return { type: 'kustomize', dir: kustomize }
  const release = get(DeployInput.HelmRelease).trim()
  if (!release) throw new UserError(`Input "${DeployInput.HelmRelease}" is required with "${DeployInput.HelmChart}".`)
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(release) || release.length > 53)
    throw new UserError(
      `Input "${DeployInput.HelmRelease}" must be a helm release name ` +
        `(lower-case letters, digits and '-', at most 53 characters), got "${release}".`
    )
  return {
    type: 'helm',
    chart,
    release,
    values: parseList(get(DeployInput.HelmValues)),
    set: get(DeployInput.HelmSet)
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean)
  }
}

export function readHealth(get: Get, urlInput: string): HealthSettings {
  const url = get(urlInput).trim()
  const statuses = parseList(get(DeployInput.HealthStatus) || '200').map((s) => {
    if (!/^[1-5]\d\d$/.test(s))
      throw new UserError(`Input "${DeployInput.HealthStatus}" must list HTTP status codes (e.g. 200 or 200,204), got "${s}".`)
    return Number(s)
  })
  const jsonPath = get(DeployInput.HealthJsonPath).trim() || undefined
  const jsonValue = get(DeployInput.HealthJsonValue).trim() || undefined
  if (jsonValue !== undefined && jsonPath === undefined)
    throw new UserError(`Input "${DeployInput.HealthJsonValue}" needs "${DeployInput.HealthJsonPath}" to say where the value is.`)
  const promUrl = get(DeployInput.PrometheusUrl).trim()
  const promQuery = get(DeployInput.PrometheusQuery).trim()
  const promMax = parseNumber(DeployInput.PrometheusMax, get(DeployInput.PrometheusMax), undefined)
  const promGiven = [promUrl, promQuery, promMax === undefined ? '' : 'x'].filter(Boolean).length
  if (promGiven > 0 && promGiven < 3)
    throw new UserError(
      `A Prometheus check needs all of "${DeployInput.PrometheusUrl}", "${DeployInput.PrometheusQuery}" and "${DeployInput.PrometheusMax}".`
    )
  for (const [name, value] of [
    [urlInput, url],
    [DeployInput.PrometheusUrl, promUrl]
  ]) {
    if (value && !/^https?:\/\/[^\s]+$/.test(value)) throw new UserError(`Input "${name}" must be an http(s) URL, got "${value}".`)
  }
  return {
    http: url ? { url, expectedStatus: statuses, jsonPath, jsonValue } : undefined,
    prometheus:
      promGiven === 3 && urlInput === DeployInput.HealthUrl
        ? { url: promUrl, query: promQuery, max: promMax as number, token: get(DeployInput.PrometheusToken).trim() || undefined }
        : undefined,
    checks: parseWholeNumber(DeployInput.HealthChecks, get(DeployInput.HealthChecks), 3, 1),
    intervalSeconds: parseDuration(DeployInput.HealthInterval, get(DeployInput.HealthInterval), 5),
    failureLimit: parseWholeNumber(DeployInput.FailureLimit, get(DeployInput.FailureLimit), 1),
    requestTimeoutSeconds: parseDuration(DeployInput.HealthTimeout, get(DeployInput.HealthTimeout), 10)
  }
}

export async function readDeploySettings(
  get: Get,
  kubectl: Kubectl,
  namespace: string,
  postRenderer: (images: ReadonlyMap<string, string>) => { command: string; args: string[] } | undefined
): Promise<DeploySettings> {
  const source = readSourceInput(get)
  const images = parseImageOverrides(get(DeployInput.Images), DeployInput.Images)
  const strategy = parseChoice(DeployInput.Strategy, get(DeployInput.Strategy), ['rolling', 'blue-green'] as const, 'rolling')
  const colorLabel = get(DeployInput.ColorLabel).trim() || 'sgw.dev/color'
  if (!/^([a-z0-9.-]+\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/.test(colorLabel))
    throw new UserError(`Input "${DeployInput.ColorLabel}" must be a label key, got "${colorLabel}".`)
  const common = {
    namespace,
    images,
    dryRun: parseBoolean(DeployInput.DryRun, get(DeployInput.DryRun), false),
    strategy,
    colorLabel,
    keepPrevious: parseBoolean(DeployInput.KeepPrevious, get(DeployInput.KeepPrevious), true),
    preview: readHealth(get, DeployInput.PreviewUrl),
    watch: readWatchOptions(get),
    health: readHealth(get, DeployInput.HealthUrl),
    rollbackOnFailure: parseBoolean(DeployInput.RollbackOnFailure, get(DeployInput.RollbackOnFailure), true)
  }
  if (common.preview.http && strategy !== 'blue-green')
    throw new UserError(
      `Input "${DeployInput.PreviewUrl}" checks the idle colour before a blue-green switch; ` +
        `it needs strategy blue-green (use "${DeployInput.HealthUrl}" for a rolling deploy).`
    )
  if (source.type === 'helm') return { ...common, source: { ...source, postRenderer: images.size ? postRenderer(images) : undefined } }
  if (source.type === 'kustomize') {
    const text = await kubectl.run(['kustomize', source.dir], { what: `kubectl kustomize ${source.dir}` })
    return {
      ...common,
      source: { type: 'manifests', objects: parseManifests(text, `kustomize ${source.dir}`), description: `kustomize ${source.dir}` }
    }
  }
  const files = await resolveManifestFiles(source.patterns, DeployInput.Manifests)
  return {
    ...common,
    source: {
      type: 'manifests',
      objects: readManifestFiles(files),
      description: `${files.length} manifest file(s): ${source.patterns.join(', ')}`
    }
  }
}
