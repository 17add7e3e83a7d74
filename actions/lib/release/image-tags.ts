// Container image tags and OCI labels for a computed version: the tag rules (metadata-action's
// `type=...,key=value` line format), the tags they produce for one build, and `image:tag` refs.
// Pure functions over plain data; the action entry supplies the context.
import semver from 'semver'
import { UserError } from '../errors/user-error.js'
import type { Floating } from './repo-tags.js'

export interface TagContext {
  eventName: string
  /** GITHUB_REF: refs/heads/main, refs/tags/v1.2.3, refs/pull/12/merge. */
  ref: string
  sha: string
  prNumber?: number
  /** The computed version without prefix: 1.3.0, 1.3.0-develop.4, 1.3.0-pr-12.3. */
  version: string
  prerelease: boolean
  releaseBranch: boolean
  /** The floating names this version may take: `latest`, `{{major}}`, `{{major}}.{{minor}}` never move backwards. */
  floating: Floating
  /** The version is an existing tag's on another commit (nothing released since): no tag names this build by it. */
  taggedElsewhere: boolean
}

interface RuleBase {
  /** 1-based line in the input, for messages. */
  line: number
  enable: boolean
  prefix: string
  suffix: string
  priority: number
}

export type RefEvent = 'branch' | 'tag' | 'pr'

export type TagRule =
  | (RuleBase & { type: 'ref'; event: RefEvent })
  | (RuleBase & { type: 'semver'; pattern: string; value?: string })
  | (RuleBase & { type: 'sha'; format: 'short' | 'long' })
  | (RuleBase & { type: 'raw'; value: string })

export type TagRuleType = TagRule['type']

export const DEFAULT_TAG_RULES = [
  'type=ref,event=branch',
  'type=semver,pattern={{version}}',
  'type=semver,pattern={{major}}.{{minor}}',
  'type=semver,pattern={{major}}',
  'type=sha',
  'type=ref,event=pr'
].join('\n')

// Same order as metadata-action, so mixed configurations sort the way its users expect.
const DEFAULT_PRIORITY: Record<TagRuleType, number> = { semver: 900, ref: 600, raw: 200, sha: 100 }
const LATEST_PRIORITY = 1000
const COMMON_KEYS = ['enable', 'prefix', 'suffix', 'priority'] as const
const TYPE_KEYS: Record<TagRuleType, readonly string[]> = {
  ref: ['event'],
  semver: ['pattern', 'value'],
  sha: ['format'],
  raw: ['value']
}
const TYPES = Object.keys(TYPE_KEYS) as TagRuleType[]
const EVENTS: readonly RefEvent[] = ['branch', 'tag', 'pr']
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g
const PLACEHOLDERS = ['version', 'major', 'minor', 'patch'] as const
const PR_EVENTS = new Set(['pull_request', 'pull_request_target'])
const TAG_MAX = 128
const BRANCH_LABEL_MAX = 64

/** One rule per line; blank lines and `#` comments are skipped. */
export function parseTagRules(text: string, inputName: string): TagRule[] {
  const rules: TagRule[] = []
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) return
    rules.push(parseRule(line, index + 1, (message) => new UserError(`Input "${inputName}", line ${index + 1}: ${message}`)))
  })
  return rules
}

type Fail = (message: string) => UserError

function parseRule(line: string, lineNumber: number, fail: Fail): TagRule {
  const attrs = new Map<string, string>()
  for (const [key, value] of splitFields(line, fail)) {
    if (attrs.has(key)) throw fail(`key "${key}" is given twice.`)
    attrs.set(key, value)
  }
  const type = attrs.get('type')
  if (type === undefined) throw fail(`missing key "type" (known types: ${TYPES.join(', ')}).`)
  if (!(TYPES as string[]).includes(type)) throw fail(`unknown type "${type}" (known: ${TYPES.join(', ')}).`)
  const ruleType = type as TagRuleType
  const known = [...TYPE_KEYS[ruleType], ...COMMON_KEYS]
  for (const key of attrs.keys()) {
    if (key !== 'type' && !known.includes(key)) throw fail(`unknown key "${key}" for type=${ruleType} (known: ${known.join(', ')}).`)
  }

  const enableRaw = attrs.get('enable') ?? 'true'
  if (enableRaw !== 'true' && enableRaw !== 'false') throw fail(`enable="${enableRaw}" is not valid (expected true or false).`)
  const priorityRaw = attrs.get('priority')
  if (priorityRaw !== undefined && !/^-?\d+$/.test(priorityRaw)) {
    throw fail(`priority="${priorityRaw}" is not valid (expected a whole number).`)
  }
  const base: RuleBase = {
    line: lineNumber,
    enable: enableRaw === 'true',
    prefix: attrs.get('prefix') ?? '',
    suffix: attrs.get('suffix') ?? '',
    priority: priorityRaw === undefined ? DEFAULT_PRIORITY[ruleType] : Number(priorityRaw)
  }
  const required = (key: string, example: string): string => {
    const value = attrs.get(key)
    if (value === undefined) throw fail(`missing key "${key}" for type=${ruleType} (e.g. ${key}=${example}).`)
    if (value === '') throw fail(`key "${key}" of type=${ruleType} is empty (e.g. ${key}=${example}).`)
    return value
  }

  switch (ruleType) {
    case 'ref': {
      const event = required('event', 'branch')
      if (!(EVENTS as readonly string[]).includes(event)) throw fail(`unknown event "${event}" for type=ref (known: ${EVENTS.join(', ')}).`)
      return { ...base, type: 'ref', event: event as RefEvent, prefix: attrs.get('prefix') ?? (event === 'pr' ? 'pr-' : '') }
    }
    case 'semver': {
      const pattern = required('pattern', '{{version}}')
      const names = [...pattern.matchAll(PLACEHOLDER)].map((m) => m[1])
      const unknown = names.find((n) => !(PLACEHOLDERS as readonly string[]).includes(n))
      const known = PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')
      if (unknown !== undefined) throw fail(`unknown placeholder "{{${unknown}}}" in pattern (known: ${known}).`)
      if (names.length === 0) {
        throw fail(`pattern "${pattern}" has no placeholder (known: ${known}); a fixed tag is written type=raw,value=${pattern}.`)
      }
      const value = attrs.get('value')
      if (value !== undefined && semver.parse(value) === null) {
        throw fail(`value="${value}" is not a semantic version (e.g. 1.2.3 or v1.2.3-rc.1).`)
      }
      return value === undefined ? { ...base, type: 'semver', pattern } : { ...base, type: 'semver', pattern, value }
    }
    case 'sha': {
      const format = attrs.get('format') ?? 'short'
      if (format !== 'short' && format !== 'long') throw fail(`format="${format}" is not valid for type=sha (expected short or long).`)
      return { ...base, type: 'sha', format, prefix: attrs.get('prefix') ?? 'sha-' }
    }
    case 'raw':
      return { ...base, type: 'raw', value: required('value', 'stable') }
  }
}

interface Segment {
  text: string
  quoted: boolean
}

/**
 * `key=value` fields separated by commas. Double quotes protect commas and spaces (`value="a,b"`
 * or `"value=a,b"`); a doubled quote inside quotes is a literal quote. Unquoted whitespace around
 * keys and values is dropped.
 */
function splitFields(line: string, fail: Fail): [string, string][] {
  const fields: Segment[][] = [[]]
  let segment: Segment = { text: '', quoted: false }
  const close = (next: Segment): void => {
    if (segment.text !== '' || segment.quoted) fields[fields.length - 1].push(segment)
    segment = next
  }
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (segment.quoted && c === '"' && line[i + 1] === '"') {
      segment.text += '"'
      i++
    } else if (c === '"') {
      close({ text: '', quoted: !segment.quoted })
    } else if (c === ',' && !segment.quoted) {
      close({ text: '', quoted: false })
      fields.push([])
    } else {
      segment.text += c
    }
  }
  if (segment.quoted) throw fail(`a double quote is not closed in "${line}".`)
  close(segment)
  return fields.filter((f) => f.some((s) => s.quoted || s.text.trim() !== '')).map((f) => splitKeyValue(f, fail))
}

function splitKeyValue(segments: Segment[], fail: Fail): [string, string] {
  const join = (parts: Segment[]): string =>
    parts
      .map((s, i) => {
        if (s.quoted) return s.text
        const text = i === 0 ? s.text.trimStart() : s.text
        return i === parts.length - 1 ? text.trimEnd() : text
      })
      .join('')
  const whole = join(segments).trim()
  const at = segments.findIndex((s) => s.text.includes('='))
  if (at < 0) throw fail(`"${whole}" is not key=value (a fixed tag is written type=raw,value=${whole}).`)
  const eq = segments[at].text.indexOf('=')
  const before = [...segments.slice(0, at), { ...segments[at], text: segments[at].text.slice(0, eq) }]
  const after = [{ ...segments[at], text: segments[at].text.slice(eq + 1) }, ...segments.slice(at + 1)]
  const key = join(before).trim()
  if (key === '') throw fail(`"${whole}" has no key before "=".`)
  return [key, join(after.filter((s) => s.quoted || s.text !== ''))]
}

/** Docker's tag grammar: `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`. May return '' when nothing is left. */
export function sanitizeTag(tag: string): string {
  return stripDiacritics(tag)
    .replace(/[^A-Za-z0-9_.-]+/gu, '-')
    .replace(/^[.-]+/, '')
    .slice(0, TAG_MAX)
}

/** One semver prerelease identifier from a branch name: `feature/Login_Page` -> `feature-login-page`. */
export function sanitizeBranchForSemver(branch: string): string {
  let label = stripDiacritics(branch)
    .toLowerCase()
    .replace(/[^0-9a-z-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, BRANCH_LABEL_MAX)
    .replace(/-+$/, '')
  // An all-digit identifier would be numeric (and invalid with a leading zero): keep it textual.
  if (/^\d+$/.test(label)) label = `branch-${label}`.slice(0, BRANCH_LABEL_MAX)
  return label === '' ? 'branch' : label
}

function stripDiacritics(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '')
}

/**
 * Takes the parsed rules, the build and the `latest` input; gives the tag names for the build,
 * de-duplicated, highest priority first, then in rule order. `latest: auto` and the major and
 * minor patterns follow `context.floating`; `true` and `false` are the user's word.
 */
export function computeTags(rules: TagRule[], context: TagContext, latest: 'auto' | 'true' | 'false'): string[] {
  const version = parseVersion(context.version)
  const prerelease = context.prerelease || version.prerelease.length > 0
  const candidates: { tag: string; priority: number; order: number }[] = []
  rules.forEach((rule, order) => {
    if (!rule.enable) return
    for (const core of ruleValues(rule, context, version, prerelease)) {
      candidates.push({ tag: sanitizeTag(rule.prefix + core + rule.suffix), priority: rule.priority, order })
    }
  })
  const newest = context.floating.latest && !context.taggedElsewhere
  if (latest === 'true' || (latest === 'auto' && isStableRelease(context, prerelease) && newest)) {
    candidates.push({ tag: 'latest', priority: LATEST_PRIORITY, order: rules.length })
  }
  candidates.sort((a, b) => b.priority - a.priority || a.order - b.order)
  return [...new Set(candidates.map((c) => c.tag).filter((t) => t !== ''))]
}

function isStableRelease(context: TagContext, prerelease: boolean): boolean {
  if (prerelease || isPullRequest(context)) return false
  return context.releaseBranch || context.ref.startsWith('refs/tags/')
}

function isPullRequest(context: TagContext): boolean {
  return PR_EVENTS.has(context.eventName) || context.ref.startsWith('refs/pull/')
}

function ruleValues(rule: TagRule, context: TagContext, version: semver.SemVer, prerelease: boolean): string[] {
  switch (rule.type) {
    case 'ref':
      return refValue(rule.event, context)
    case 'semver': {
      if (rule.value === undefined) return context.taggedElsewhere ? [] : renderPattern(rule.pattern, version, prerelease, context.floating)
      // An explicit value is the user's own version: it names what they say, whatever else is tagged.
      const own = parseVersion(rule.value)
      return renderPattern(rule.pattern, own, own.prerelease.length > 0, { latest: true, major: true, minor: true })
    }
    case 'sha': {
      if (context.sha === '') return []
      return [rule.format === 'long' ? context.sha : context.sha.slice(0, 7)]
    }
    case 'raw':
      return [rule.value]
  }
}

function refValue(event: RefEvent, context: TagContext): string[] {
  const pr = isPullRequest(context)
  if (event === 'pr') {
    if (!pr) return []
    const number = context.prNumber ?? Number(/^refs\/pull\/(\d+)\//.exec(context.ref)?.[1] ?? NaN)
    return Number.isInteger(number) ? [String(number)] : []
  }
  // pull_request_target runs on the base branch's ref: never tag the PR's image as that branch.
  if (event === 'branch') return !pr && context.ref.startsWith('refs/heads/') ? [context.ref.slice('refs/heads/'.length)] : []
  return context.ref.startsWith('refs/tags/') ? [context.ref.slice('refs/tags/'.length)] : []
}

/**
 * A prerelease never moves a major or major.minor tag, and a 0.x version no major tag; neither
 * moves back to a version older than one that holds it. On a prerelease `{{patch}}` carries the
 * prerelease part, so no pattern can name a stable release.
 */
function renderPattern(pattern: string, version: semver.SemVer, prerelease: boolean, floating: Floating): string[] {
  const used = new Set([...pattern.matchAll(PLACEHOLDER)].map((m) => m[1]))
  const exact = used.has('version') || used.has('patch')
  if (!exact && prerelease) return []
  if (!exact && !used.has('minor') && version.major === 0) return []
  if (!exact && !(used.has('minor') ? floating.minor : floating.major)) return []
  const pre = version.prerelease.length > 0 ? `-${version.prerelease.join('.')}` : ''
  const values: Record<string, string> = {
    version: version.version,
    major: String(version.major),
    minor: String(version.minor),
    patch: `${version.patch}${pre}`
  }
  return [pattern.replace(PLACEHOLDER, (_, name: string) => values[name])]
}

function parseVersion(text: string): semver.SemVer {
  const version = semver.parse(text)
  if (version === null) throw new UserError(`Version "${text}" is not a semantic version (MAJOR.MINOR.PATCH[-PRERELEASE]).`)
  return version
}

// Docker reference grammar: [host[:port]/]path, path components lower-case separated by `.`, `_`, `__` or dashes.
const HOST_COMPONENT = '(?:[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9])'
const HOST = new RegExp(`^(?:${HOST_COMPONENT}(?:\\.${HOST_COMPONENT})*|\\[[0-9A-Fa-f:]+\\])(?::\\d+)?$`)
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/
const NAME_MAX = 255

/** `image:tag` for every image and tag, images in the given order. */
export function imageRefs(images: string[], tags: string[]): string[] {
  const names = [...new Set(images.map((i) => i.trim()).filter((i) => i !== ''))]
  names.forEach(checkImageName)
  return [...new Set(names.flatMap((image) => tags.map((tag) => `${image}:${tag}`)))]
}

function checkImageName(image: string): void {
  const parts = image.split('/')
  // Like Docker: the first part is a registry when it has a dot or a port, or is localhost.
  const hasHost = parts.length > 1 && (/[.:]/.test(parts[0]) || parts[0] === 'localhost' || /[A-Z]/.test(parts[0]))
  const host = hasHost ? parts[0] : undefined
  const path = hasHost ? parts.slice(1) : parts
  const bad = (why: string): UserError =>
    new UserError(
      `Input "images": "${image}" is not a valid image name: ${why} (expected [registry[:port]/]lower-case/path, e.g. ghcr.io/acme/web).`
    )
  if (image.length > NAME_MAX) throw bad(`longer than ${NAME_MAX} characters`)
  if (image.includes('@')) throw bad('a digest does not belong here')
  if (host !== undefined && !HOST.test(host)) throw bad(`registry "${host}" is not host[:port]`)
  const last = path[path.length - 1]
  if (last.includes(':')) throw bad(`"${last.slice(last.indexOf(':'))}" looks like a tag, and tags come from the tag rules`)
  const wrong = path.find((c) => !PATH_COMPONENT.test(c))
  if (wrong === undefined) return
  if (PATH_COMPONENT.test(wrong.toLowerCase())) throw bad(`the repository path must be lower-case ("${path.join('/').toLowerCase()}")`)
  throw bad(`path component "${wrong}" is not allowed`)
}

export interface LabelContext {
  version: string
  sha: string
  repositoryUrl: string
  created: string
  title: string
  description?: string
  licenses?: string
}

/** OCI annotation labels (`key=value`), sorted by key; empty optional values are left out. */
export function ociLabels(ctx: LabelContext): string[] {
  const labels: Record<string, string | undefined> = {
    title: ctx.title,
    description: ctx.description,
    url: ctx.repositoryUrl,
    source: ctx.repositoryUrl,
    version: ctx.version,
    created: ctx.created,
    revision: ctx.sha,
    licenses: ctx.licenses
  }
  return Object.entries(labels)
    // Outputs are one label per line: a newline inside a value would split it.
    .map(([key, value]) => [`org.opencontainers.image.${key}`, (value ?? '').replace(/\s*[\r\n]+\s*/g, ' ').trim()] as const)
    .filter(([key, value]) => value !== '' || !/\.(description|licenses)$/.test(key))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
}
