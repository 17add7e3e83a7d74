#!/usr/bin/env node
// npm run docs: action-docs/<name>.md for every action (inputs, outputs, an example call) and every
// reusable workflow (inputs, secrets, outputs, the permissions a caller grants, and the "What to
// create" checklist kept in the workflow's header comment), generated from action.yml and the
// workflow files. `node scripts/docs.mjs --check` exits 1 when a committed page is stale.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const outDir = join(root, 'action-docs')
const cell = (s) => String(s ?? '').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').trim()
const code = (s) => (s === undefined || s === '' ? '' : `\`${String(s).replace(/`/g, "'")}\``)
const REF = '@v1 # or a commit SHA (README: Pinning)'

// What a page's example call sets: realistic values, not placeholders. Every required input and
// required secret needs one (the generator refuses a page without), and every name must exist.
export const ACTION_EXAMPLES = {
  checkov: { framework: 'terraform,kubernetes,dockerfile', 'skip-check': 'CKV_AWS_20' },
  'coverage-gate': { reports: 'coverage/lcov.info', 'min-coverage': 70, 'min-diff-coverage': 80, 'comment-on-pr': true },
  gitleaks: { mode: 'git' },
  'kube-deploy': {
    kubeconfig: '${{ secrets.KUBECONFIG }}',
    namespace: 'shop',
    manifests: 'deploy/',
    images: 'web=ghcr.io/acme/web:1.4.0',
    'health-url': 'https://shop.example.com/healthz'
  },
  'kube-rollback': { kubeconfig: '${{ secrets.KUBECONFIG }}', namespace: 'shop', workloads: 'deployment/web' },
  'semver-tag': { images: 'ghcr.io/acme/web', 'push-tag': true, 'move-major-tag': true, 'create-release': true },
  'severity-gate': { reports: 'reports/*.json', 'max-critical': 0, 'max-high': 5, 'comment-on-pr': true },
  'slack-notify': {
    'bot-token': '${{ secrets.SLACK_BOT_TOKEN }}',
    channel: 'C0123DEPLOYS',
    template: 'deploy',
    environment: 'production',
    version: '1.4.0'
  },
  'sonar-gate': { token: '${{ secrets.SONAR_TOKEN }}', 'host-url': '${{ vars.SONAR_HOST_URL }}', timeout: '5m' },
  trivy: { scanners: 'vuln,misconfig,secret', 'max-high': 10 }
}

// Steps an action needs before it, shown above the example (checkout with the history it reads).
const CHECKOUT = '- uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1'
const ACTION_BEFORE = {
  gitleaks: [CHECKOUT, '  with: { fetch-depth: 0, persist-credentials: false } # the commits of the event'],
  'semver-tag': [CHECKOUT, '  with: { fetch-depth: 0, persist-credentials: false } # the history and its tags'],
  'coverage-gate': [CHECKOUT, '  with: { fetch-depth: 0, persist-credentials: false } # diff coverage reads the base commit'],
  'severity-gate': [CHECKOUT, '  with: { fetch-depth: 0, persist-credentials: false } # suppressions are compared with the base']
}

export const WORKFLOW_EXAMPLES = {
  'security-gates.yml': { with: { 'max-critical': 0, 'max-high': 5 } },
  'build-image.yml': { with: { image: 'ghcr.io/acme/web', context: '.', 'max-critical': 0, 'max-high': 5 } },
  'release.yml': { with: { 'release-branches': 'main', images: 'ghcr.io/acme/web' } },
  'deploy.yml': {
    with: {
      environment: 'production',
      'environment-url': 'https://shop.example.com',
      images: 'web=ghcr.io/acme/web:1.4.0',
      manifests: 'deploy/',
      namespace: 'shop',
      'health-url': 'https://shop.example.com/healthz',
      'slack-channel': 'C0123DEPLOYS'
    },
    secrets: ['KUBECONFIG', 'SLACK_BOT_TOKEN']
  },
  'pipeline.yml': {
    with: {
      container: 'web',
      manifests: 'deploy/',
      'health-url-production': 'https://shop.example.com/healthz',
      'production-url': 'https://shop.example.com',
      'slack-channel': 'C0123DEPLOYS',
      'mention-on-failure': 'S0123SRE'
    },
    secrets: ['KUBECONFIG_DEV', 'KUBECONFIG_STAGING', 'KUBECONFIG_PRODUCTION', 'SLACK_BOT_TOKEN']
  }
}

const yamlScalar = (v) => {
  if (typeof v !== 'string') return String(v)
  return /^[\w./@:,=-]+$/.test(v) && !/^(true|false|null|~|-?\d[\d.]*)$/i.test(v) ? v : JSON.stringify(v)
}

/** The example's `with:` lines for the inputs given; refuses unknown names and missing required ones. */
function withLines(what, declared, example, indent) {
  for (const key of Object.keys(example)) {
    if (!(key in declared)) throw new Error(`${what}: the example sets ${key}, which is not an input`)
  }
  for (const [key, input] of Object.entries(declared)) {
    if (input.required && !(key in example)) throw new Error(`${what}: required input ${key} has no example value in scripts/docs.mjs`)
  }
  const keys = Object.keys(example)
  if (!keys.length) return []
  return [`${indent}with:`, ...keys.map((k) => `${indent}  ${k}: ${yamlScalar(example[k])}`)]
}

export function actionPage(name, meta) {
  const before = ACTION_BEFORE[name] ?? []
  const lines = [`# ${meta.name}`, '', meta.description, '', '```yaml', ...before]
  lines.push(`- uses: org/shared-gh-workflows/actions/${name}${REF}`)
  lines.push(...withLines(`actions/${name}`, meta.inputs ?? {}, ACTION_EXAMPLES[name] ?? {}, '  '))
  lines.push('```', '', 'Every input not in the example keeps its default (below).')
  lines.push('', '## Inputs', '', '| Input | Required | Default | Description |', '|---|---|---|---|')
  for (const [key, input] of Object.entries(meta.inputs ?? {})) {
    lines.push(`| \`${key}\` | ${input.required ? 'yes' : 'no'} | ${code(input.default)} | ${cell(input.description)} |`)
  }
  lines.push('', '## Outputs', '', '| Output | Description |', '|---|---|')
  for (const [key, output] of Object.entries(meta.outputs ?? {})) lines.push(`| \`${key}\` | ${cell(output.description)} |`)
  const post = meta.runs.post ? ` (post step \`${meta.runs.post}\`)` : ''
  lines.push('', `Runs on \`${meta.runs.using}\` from \`${meta.runs.main}\`${post}.`, '')
  return lines.join('\n')
}

/**
 * The header comment of a workflow file: its first paragraph (the summary) and the items of its
 * "What to create" block (`#   - item`, continued by `#     more`, ended by an empty `#` line).
 */
export function workflowHeader(text) {
  const comment = []
  for (const line of text.split(/\r?\n/)) {
    if (!line.startsWith('#')) break
    comment.push(line.replace(/^# ?/, ''))
  }
  const blank = comment.findIndex((l) => l.trim() === '')
  const summary = comment.slice(0, blank < 0 ? comment.length : blank).join(' ').replace(/\s+/g, ' ').trim()
  const checklist = []
  const start = comment.findIndex((l) => /^What to create\b/.test(l))
  if (start >= 0) {
    for (const line of comment.slice(start + 1)) {
      if (line.trim() === '') break
      const item = /^ {2}- (.*)$/.exec(line)
      if (item) checklist.push(item[1].trim())
      else if (checklist.length && /^ {4}\S/.test(line)) checklist[checklist.length - 1] += ` ${line.trim()}`
      else throw new Error(`"What to create" block: expected "#   - item" or "#     continued", got "# ${line}"`)
    }
  }
  return { summary, checklist }
}

const LEVEL = { none: 0, read: 1, write: 2 }

/**
 * The permissions a caller's job must grant: for each scope, the highest any job of the workflow
 * asks for (GitHub checks them when the run starts, even for jobs that will be skipped).
 */
export function callerPermissions(wf) {
  const out = {}
  for (const job of Object.values(wf.jobs ?? {})) {
    for (const [scope, level] of Object.entries(job.permissions ?? {})) {
      if ((LEVEL[level] ?? 0) > (LEVEL[out[scope]] ?? 0)) out[scope] = level
    }
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)))
}

export function workflowPage(file, wf, text = '') {
  const call = wf.on?.workflow_call
  const { summary, checklist } = workflowHeader(text)
  const lines = [`# ${wf.name ?? file}`, '']
  if (summary) lines.push(summary, '')
  if (!call) {
    const events = Object.keys(wf.on ?? {}).map((e) => `\`${e}\``).join(', ')
    lines.push(`Workflow \`.github/workflows/${file}\`, run on ${events}; not called with \`uses:\`.`, '')
  } else {
    const example = WORKFLOW_EXAMPLES[file] ?? {}
    const perms = callerPermissions(wf)
    lines.push(`Reusable workflow \`.github/workflows/${file}\`.`, '', '```yaml', 'jobs:', `  ${wf.name ?? 'call'}:`)
    lines.push(`    uses: org/shared-gh-workflows/.github/workflows/${file}${REF}`)
    if (Object.keys(perms).length) lines.push('    permissions:', ...Object.entries(perms).map(([k, v]) => `      ${k}: ${v}`))
    lines.push(...withLines(file, call.inputs ?? {}, example.with ?? {}, '    '))
    const secrets = example.secrets ?? []
    for (const key of secrets) {
      if (!(key in (call.secrets ?? {}))) throw new Error(`${file}: the example passes secret ${key}, which is not declared`)
    }
    for (const [key, s] of Object.entries(call.secrets ?? {})) {
      if (s.required && !secrets.includes(key)) throw new Error(`${file}: required secret ${key} has no example`)
    }
    if (secrets.length) lines.push('    secrets:', ...secrets.map((k) => `      ${k}: \${{ secrets.${k} }}`))
    lines.push('```', '')
    if (Object.keys(perms).length) {
      lines.push(
        'The `permissions` above are every scope a job of this workflow asks for; grant them all, even for parts you',
        'switch off: GitHub checks them when the run starts.',
        ''
      )
    }
  }
  if (checklist.length) {
    lines.push('## What to create', '', `From the header comment of \`.github/workflows/${file}\`.`, '')
    for (const item of checklist) lines.push(`- ${item}`)
    lines.push('')
  }
  if (!call) return lines.join('\n')
  lines.push('## Inputs', '', '| Input | Type | Required | Default | Description |', '|---|---|---|---|---|')
  for (const [key, i] of Object.entries(call.inputs ?? {})) {
    lines.push(`| \`${key}\` | ${i.type} | ${i.required ? 'yes' : 'no'} | ${code(i.default)} | ${cell(i.description)} |`)
  }
  lines.push('', '## Secrets', '', '| Secret | Required | Description |', '|---|---|---|')
  for (const [key, s] of Object.entries(call.secrets ?? {})) {
    lines.push(`| \`${key}\` | ${s.required ? 'yes' : 'no'} | ${cell(s.description)} |`)
  }
  lines.push('', '## Outputs', '', '| Output | Description |', '|---|---|')
  for (const [key, o] of Object.entries(call.outputs ?? {})) lines.push(`| \`${key}\` | ${cell(o.description)} |`)
  lines.push('')
  return lines.join('\n')
}

/** The workflows under .github/workflows that get a page: reusable ones, and any with a checklist. */
export function documentedWorkflows() {
  const wfDir = join(root, '.github', 'workflows')
  if (!existsSync(wfDir)) return []
  return readdirSync(wfDir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((file) => {
      const text = readFileSync(join(wfDir, file), 'utf8')
      return { file, text, wf: parse(text) }
    })
    .filter(({ wf, text }) => {
      if (!wf?.on || typeof wf.on !== 'object') return false
      return 'workflow_call' in wf.on || workflowHeader(text).checklist.length > 0
    })
}

export function pages() {
  const out = new Map()
  for (const name of readdirSync(join(root, 'actions')).sort()) {
    const file = join(root, 'actions', name, 'action.yml')
    if (existsSync(file)) out.set(`${name}.md`, actionPage(name, parse(readFileSync(file, 'utf8'))))
  }
  for (const { file, text, wf } of documentedWorkflows()) {
    out.set(`workflow-${file.replace(/\.ya?ml$/, '')}.md`, workflowPage(file, wf, text))
  }
  return out
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check')
  const stale = []
  mkdirSync(outDir, { recursive: true })
  const expected = pages()
  for (const [file, text] of expected) {
    const path = join(outDir, file)
    if (check) {
      if (!existsSync(path) || readFileSync(path, 'utf8') !== text) stale.push(file)
    } else writeFileSync(path, text)
  }
  for (const file of readdirSync(outDir).filter((f) => f.endsWith('.md') && f !== 'README.md')) {
    if (!expected.has(file)) stale.push(`${file} (no longer generated)`)
  }
  if (check && stale.length) {
    console.error(`action-docs/ is stale: ${stale.join(', ')}. Run \`npm run docs\` and commit.`)
    process.exit(1)
  }
  if (!check) console.log(`action-docs/: ${expected.size} page(s)`)
}
