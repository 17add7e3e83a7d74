// What a change does to its own suppressions. On a pull request (or a merge group) every way to
// silence a scanner is compared with the base commit: an exception, baseline entry, ignore-file
// line, scanner configuration line, loosened policy key or inline suppression comment that the
// change adds is listed, and the gate can then only say needs-approval (or fail), never pass. What
// the change removes or narrows needs no approval. On other events the files are as committed:
// they were reviewed on the way in.
import { execFile } from 'node:child_process'
import { basename } from 'node:path'
import { promisify } from 'node:util'
import { parse as parseYaml } from 'yaml'
import { UserError } from '../errors/user-error.js'
import { covers, parseExceptions, type ExceptionEntry } from './exceptions.js'
import { DEFAULT_VALUES, describeValue, isLooser, parsePolicy, POLICY_KEYS, type PolicyLayer } from './policy-file.js'

const run = promisify(execFile)

/** The commit a change is reviewed against, from the event that started the workflow. */
export interface ReviewBase {
  sha: string
  /** "pull request #12", "the merge group". */
  describe: string
}

interface ReviewPayload {
  number?: number
  pull_request?: { number?: number; base?: { sha?: string } }
  merge_group?: { base_sha?: string }
}

/** The base to review against for pull_request, pull_request_target and merge_group; else none. */
export function reviewBaseFor(eventName: string, payload: ReviewPayload): ReviewBase | undefined {
  if (eventName === 'pull_request' || eventName === 'pull_request_target') {
    const sha = payload.pull_request?.base?.sha
    return sha ? { sha, describe: `pull request #${payload.pull_request?.number ?? payload.number ?? '?'}` } : undefined
  }
  if (eventName === 'merge_group') {
    const sha = payload.merge_group?.base_sha
    return sha ? { sha, describe: 'the merge group' } : undefined
  }
  return undefined
}

export interface SuppressionChange {
  /** The file the suppression lives in. */
  file: string
  line?: number
  /** The scanner or gate it silences (`gate`, `gitleaks`, `trivy`, `checkov`, ...). */
  tool: string
  /** One line: "new exception for CVE-2021-44906 (owner @alice, until 2027-01-31)". */
  what: string
}

export interface SuppressionReview {
  base?: ReviewBase
  /** Suppressions added or widened by the change under review (empty outside a review). */
  changes: SuppressionChange[]
  /** Inline suppression comments in the tree, per tool (those the change adds included); counted
   * during a review only. */
  inline: Record<string, number>
}

/**
 * Inline suppression comments, by the tool they silence (each scanner's documented syntax). `show`
 * captures the marker and the rule it names, and nothing else of the line: the rest of a line that
 * silences a secret scanner is the secret.
 */
export const INLINE_MARKERS: readonly { tool: string; show: RegExp; grep: string }[] = [
  { tool: 'checkov', show: /checkov:skip=[\w.-]*/i, grep: 'checkov:skip=' },
  { tool: 'trivy', show: /(?:trivy|tfsec):ignore:[\w.-]*/i, grep: '(trivy|tfsec):ignore:' },
  { tool: 'gitleaks', show: /gitleaks:allow/i, grep: 'gitleaks:allow' },
  { tool: 'semgrep', show: /\bnosemgrep\b(?::\s*[\w.-]+)?/i, grep: 'nosemgrep' },
  { tool: 'bandit', show: /#\s*nosec\b(?:\s+B\d+)?/i, grep: '#[[:space:]]*nosec' },
  { tool: 'hadolint', show: /hadolint\s+ignore=[\w,]*/i, grep: 'hadolint[[:space:]]+ignore=' },
  { tool: 'kics', show: /kics-scan\s+ignore(?:-line|-block)?/i, grep: 'kics-scan[[:space:]]+ignore' }
]

/** Ignore and configuration files of the scanners: any line a change adds can silence one. */
const SCANNER_FILES: Record<string, string> = {
  '.gitleaksignore': 'gitleaks',
  '.gitleaks.toml': 'gitleaks',
  'gitleaks.toml': 'gitleaks',
  '.trivyignore': 'trivy',
  'trivy.yaml': 'trivy',
  '.checkov.yml': 'checkov',
  '.checkov.yaml': 'checkov',
  '.semgrepignore': 'semgrep',
  '.bandit': 'bandit',
  '.hadolint.yaml': 'hadolint',
  '.hadolint.yml': 'hadolint'
}

/** Files whose lines are ids, fingerprints or paths, shown as written. Other configuration can
 * hold a literal secret (an allowlist regex), so only its line number is shown. */
const LISTS_OF_IDS = new Set(['.gitleaksignore', '.trivyignore', '.semgrepignore'])

export interface ReviewFiles {
  /** The exceptions file the gate reads (input or default), when any. */
  exceptions?: string
  baseline?: string
  /** The repository policy file. */
  policy?: string
  /** Further ignore files the scanners were given (trivy ignore-file, gitleaks-ignore-path). */
  ignoreFiles?: string[]
}

/** Reads git with argument arrays in one working tree. */
export class GitReader {
  constructor(readonly cwd: string) {}

  async git(args: string[], okCodes = [0]): Promise<{ code: number; stdout: string }> {
    try {
      const { stdout } = await run('git', args, { cwd: this.cwd, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } })
      return { code: 0, stdout }
    } catch (error) {
      const e = error as { code?: number | string; stdout?: string; stderr?: string }
      if (typeof e.code === 'number' && okCodes.includes(e.code)) return { code: e.code, stdout: e.stdout ?? '' }
      if (e.code === 'ENOENT') throw new UserError('git is not installed or not on PATH.')
      throw new UserError(`git ${args[0]} failed in ${this.cwd}: ${(e.stderr ?? String(error)).trim().split('\n')[0]}`)
    }
  }

  async hasCommit(sha: string): Promise<boolean> {
    return (await this.git(['cat-file', '-e', `${sha}^{commit}`], [0, 1, 128])).code === 0
  }

  /** A file's text at a commit, or undefined when it does not exist there. */
  async show(rev: string, path: string): Promise<string | undefined> {
    const r = await this.git(['show', `${rev}:${path.replace(/^\.\//, '')}`], [0, 128])
    return r.code === 0 ? r.stdout : undefined
  }

  /** Files the change touches (merge base of `base` and HEAD, to the working tree). */
  async changedFiles(base: string): Promise<string[]> {
    const mergeBase = (await this.git(['merge-base', base, 'HEAD'])).stdout.trim()
    const out = await this.git(['diff', '--name-only', '--no-renames', '-z', mergeBase])
    return out.stdout.split('\0').filter(Boolean)
  }

  /** Lines the change adds, with their file and line number (unified diff, no context). */
  async addedLines(base: string): Promise<{ file: string; line: number; text: string }[]> {
    const mergeBase = (await this.git(['merge-base', base, 'HEAD'])).stdout.trim()
    const diff = (await this.git(['diff', '-U0', '--no-color', '--no-ext-diff', '--no-renames', mergeBase])).stdout
    const out: { file: string; line: number; text: string }[] = []
    let file = ''
    let line = 0
    for (const raw of diff.split('\n')) {
      if (raw.startsWith('+++ ')) file = raw === '+++ /dev/null' ? '' : raw.slice(4).replace(/^b\//, '')
      else if (raw.startsWith('@@')) line = Number(/\+(\d+)/.exec(raw)?.[1] ?? 0)
      else if (raw.startsWith('+') && file) out.push({ file, line: line++, text: raw.slice(1) })
    }
    return out
  }

  /** The text of each line of the tracked files in the working tree that matches any of the
   * extended regular expressions (case-insensitive); binary files are skipped. */
  async grepLines(patterns: readonly string[]): Promise<string[]> {
    const args = ['grep', '-h', '-I', '-i', '-E']
    for (const p of patterns) args.push('-e', p)
    const r = await this.git(args, [0, 1])
    return r.stdout.split('\n').filter(Boolean)
  }
}

/**
 * Review the suppressions of the checkout in `git.cwd` against `base` (undefined: no review, only
 * the inline count). `readHead(path)` gives a file as the scanners read it (the working tree).
 * Throws a UserError when the base commit is not in the checkout.
 */
export async function reviewSuppressions(git: GitReader, base: ReviewBase | undefined, files: ReviewFiles, readHead: (path: string) => string | undefined): Promise<SuppressionReview> {
  // Outside a review there is nothing to compare; the tree-wide count of inline suppressions
  // (a pass over every tracked file) is paid for where it informs a reviewer.
  if (!base) return { changes: [], inline: {} }
  if (!(await git.hasCommit(base.sha))) {
    throw new UserError(
      `The base commit ${base.sha.slice(0, 12)} of ${base.describe} is not in the checkout, so suppressions cannot be read as they are on the base branch. ` +
        'Set `fetch-depth: 0` on actions/checkout.'
    )
  }
  const inline = await countInline(git)
  const changes: SuppressionChange[] = []
  const changed = new Set(await git.changedFiles(base.sha))
  const structured = new Set([files.exceptions, files.baseline, files.policy].filter((f): f is string => !!f).map(norm))
  if (files.exceptions && changed.has(norm(files.exceptions))) changes.push(...exceptionChanges(files.exceptions, await git.show(base.sha, files.exceptions), readHead(files.exceptions)))
  if (files.baseline && changed.has(norm(files.baseline))) changes.push(...baselineChanges(files.baseline, await git.show(base.sha, files.baseline), readHead(files.baseline)))
  if (files.policy && changed.has(norm(files.policy))) changes.push(...policyChanges(files.policy, await git.show(base.sha, files.policy), readHead(files.policy)))
  const extraIgnores = new Set((files.ignoreFiles ?? []).map(norm))
  const added = await git.addedLines(base.sha)
  for (const file of [...changed].sort()) {
    if (structured.has(file)) continue
    const name = basename(file)
    if (name === '.trivyignore.yaml' || name === '.trivyignore.yml') {
      changes.push(...trivyIgnoreYamlChanges(file, await git.show(base.sha, file), readHead(file)))
      continue
    }
    const tool = SCANNER_FILES[name] ?? (extraIgnores.has(file) ? 'scanner' : undefined)
    if (!tool) continue
    for (const a of added) {
      if (a.file !== file || !isContent(a.text)) continue
      const shown = LISTS_OF_IDS.has(name) ? `: ${clip(a.text.trim())}` : ' (content not shown: configuration can hold secrets)'
      changes.push({ file, line: a.line, tool, what: `new line in ${tool}'s ${name}${shown}` })
    }
  }
  for (const a of added) {
    if (structured.has(a.file) || SCANNER_FILES[basename(a.file)]) continue
    for (const m of INLINE_MARKERS) {
      const marker = m.show.exec(a.text)
      if (marker) changes.push({ file: a.file, line: a.line, tool: m.tool, what: `new inline ${m.tool} suppression: ${marker[0]}` })
    }
  }
  return { base, changes, inline }
}

async function countInline(git: GitReader): Promise<Record<string, number>> {
  // One pass over the tree for every marker; each hit is then told apart by tool.
  const hits = await git.grepLines(INLINE_MARKERS.map((m) => m.grep))
  const counts: Record<string, number> = {}
  for (const text of hits) {
    const marker = INLINE_MARKERS.find((m) => m.show.test(text))
    if (marker) counts[marker.tool] = (counts[marker.tool] ?? 0) + 1
  }
  return counts
}

function norm(path: string): string {
  return path.replace(/^\.\//, '')
}

function isContent(line: string): boolean {
  const t = line.trim()
  return t !== '' && !t.startsWith('#')
}

function clip(text: string): string {
  return text.length > 120 ? `${text.slice(0, 119)}…` : text
}

function scope(e: ExceptionEntry): string {
  const parts = [e.tool && `tool ${e.tool}`, e.package && `package ${e.package}`, e.path && `path ${e.path}`, e.fingerprint && `fingerprint ${e.fingerprint.slice(0, 12)}`]
  return parts.filter(Boolean).join(', ')
}

/** Exceptions in `head` that no exception in `base` covers: new, or wider, or longer-lived. */
export function exceptionChanges(file: string, base: string | undefined, head: string | undefined): SuppressionChange[] {
  const before = base === undefined ? [] : parseExceptions(base, `${file} (base)`)
  const after = head === undefined ? [] : parseExceptions(head, file)
  return newExceptions(file, before, after)
}

export function newExceptions(file: string, before: readonly ExceptionEntry[], after: readonly ExceptionEntry[]): SuppressionChange[] {
  const out: SuppressionChange[] = []
  for (const e of after) {
    if (before.some((b) => covers(b, e))) continue
    const widened = before.some((b) => b.ruleId === e.ruleId)
    const where = scope(e)
    out.push({ file, tool: 'gate', what: `${widened ? 'widened' : 'new'} exception for ${e.ruleId}${where ? ` (${where})` : ''}, owner ${e.owner}, until ${e.expires}` })
  }
  return out
}

function baselineChanges(file: string, base: string | undefined, head: string | undefined): SuppressionChange[] {
  const keys = (text: string | undefined): Map<string, { ruleId?: string; where?: string }> => {
    if (text === undefined) return new Map()
    try {
      const doc = JSON.parse(text) as { fingerprints?: Record<string, { ruleId?: string; where?: string }> }
      return new Map(Object.entries(doc.fingerprints ?? {}))
    } catch {
      throw new UserError(`${file}: the baseline is not valid JSON; recreate it with \`sgw gate --write-baseline\`.`)
    }
  }
  const before = keys(base)
  return [...keys(head)]
    .filter(([fp]) => !before.has(fp))
    .map(([fp, v]) => ({ file, tool: 'gate', what: `new baseline entry ${fp}${v.ruleId ? ` (${v.ruleId}${v.where ? ` in ${v.where}` : ''})` : ''}` }))
}

function policyChanges(file: string, base: string | undefined, head: string | undefined): SuppressionChange[] {
  // A deleted policy file is the defaults: loosening wherever the base was stricter.
  const none: PolicyLayer = { name: file, kind: 'repository', values: {}, exceptions: [], allowLoosening: new Set() }
  const after = head === undefined ? none : parsePolicy(head, file, 'repository')
  const before = base === undefined ? none : parsePolicy(base, `${file} (base)`, 'repository')
  const out: SuppressionChange[] = []
  for (const key of POLICY_KEYS) {
    const now = after.values[key] ?? DEFAULT_VALUES[key]
    // A key the base did not set was the default there; the organisation's bounds are checked
    // where the layers are resolved (an error, not an approval).
    const was = before.values[key] ?? DEFAULT_VALUES[key]
    if (isLooser(key, now, was)) out.push({ file, tool: 'gate', what: `loosened ${key} from ${describeValue(key, was)} to ${describeValue(key, now)}` })
  }
  out.push(...newExceptions(file, before.exceptions, after.exceptions))
  return out
}

/** trivy's YAML ignore file: entries under vulnerabilities, misconfigurations, secrets, licenses. */
function trivyIgnoreYamlChanges(file: string, base: string | undefined, head: string | undefined): SuppressionChange[] {
  const entries = (text: string | undefined): Set<string> => {
    if (text === undefined) return new Set()
    const doc = parseYaml(text) as Record<string, unknown> | null
    const out = new Set<string>()
    for (const [kind, list] of Object.entries(doc ?? {})) if (Array.isArray(list)) for (const item of list) out.add(`${kind}: ${JSON.stringify(item)}`)
    return out
  }
  const before = entries(base)
  return [...entries(head)].filter((e) => !before.has(e)).map((e) => ({ file, tool: 'trivy', what: `new trivy ignore entry ${clip(e)}` }))
}
