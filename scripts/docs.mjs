#!/usr/bin/env node
// npm run docs: action-docs/<name>.md for every action (inputs, outputs, usage) and every reusable
// workflow (inputs, secrets, outputs), generated from action.yml and the workflow files.
// `node scripts/docs.mjs --check` exits 1 when a committed page is stale.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const outDir = join(root, 'action-docs')
const cell = (s) => String(s ?? '').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').trim()
const code = (s) => (s === undefined || s === '' ? '' : `\`${String(s).replace(/`/g, "'")}\``)

export function actionPage(name, meta) {
  const lines = [`# ${meta.name}`, '', meta.description, '', '```yaml', `- uses: org/shared-gh-workflows/actions/${name}@v1`]
  const required = Object.entries(meta.inputs ?? {}).filter(([, i]) => i.required)
  if (required.length) {
    lines.push('  with:')
    for (const [key] of required) lines.push(`    ${key}: ...`)
  }
  lines.push('```', '', '## Inputs', '', '| Input | Required | Default | Description |', '|---|---|---|---|')
  for (const [key, input] of Object.entries(meta.inputs ?? {})) lines.push(`| \`${key}\` | ${input.required ? 'yes' : 'no'} | ${code(input.default)} | ${cell(input.description)} |`)
  lines.push('', '## Outputs', '', '| Output | Description |', '|---|---|')
  for (const [key, output] of Object.entries(meta.outputs ?? {})) lines.push(`| \`${key}\` | ${cell(output.description)} |`)
  lines.push('', `Runs on \`${meta.runs.using}\` from \`${meta.runs.main}\`${meta.runs.post ? ` (post step \`${meta.runs.post}\`)` : ''}.`, '')
  return lines.join('\n')
}

export function workflowPage(file, wf) {
  const call = wf.on?.workflow_call ?? {}
  const lines = [`# ${wf.name ?? file}`, '', `Reusable workflow \`.github/workflows/${file}\`.`, '', '```yaml', 'jobs:', '  call:', `    uses: org/shared-gh-workflows/.github/workflows/${file}@v1`, '```', '']
  lines.push('## Inputs', '', '| Input | Type | Required | Default | Description |', '|---|---|---|---|---|')
  for (const [key, i] of Object.entries(call.inputs ?? {})) lines.push(`| \`${key}\` | ${i.type} | ${i.required ? 'yes' : 'no'} | ${code(i.default)} | ${cell(i.description)} |`)
  lines.push('', '## Secrets', '', '| Secret | Required | Description |', '|---|---|---|')
  for (const [key, s] of Object.entries(call.secrets ?? {})) lines.push(`| \`${key}\` | ${s.required ? 'yes' : 'no'} | ${cell(s.description)} |`)
  lines.push('', '## Outputs', '', '| Output | Description |', '|---|---|')
  for (const [key, o] of Object.entries(call.outputs ?? {})) lines.push(`| \`${key}\` | ${cell(o.description)} |`)
  lines.push('')
  return lines.join('\n')
}

export function pages() {
  const out = new Map()
  for (const name of readdirSync(join(root, 'actions')).sort()) {
    const file = join(root, 'actions', name, 'action.yml')
    if (existsSync(file)) out.set(`${name}.md`, actionPage(name, parse(readFileSync(file, 'utf8'))))
  }
  const wfDir = join(root, '.github', 'workflows')
  if (existsSync(wfDir)) {
    for (const file of readdirSync(wfDir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
      const wf = parse(readFileSync(join(wfDir, file), 'utf8'))
      if (wf?.on && typeof wf.on === 'object' && 'workflow_call' in wf.on) out.set(`workflow-${file.replace(/\.ya?ml$/, '')}.md`, workflowPage(file, wf))
    }
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
  for (const file of readdirSync(outDir).filter((f) => f.endsWith('.md') && f !== 'README.md')) if (!expected.has(file)) stale.push(`${file} (no longer generated)`)
  if (check && stale.length) {
    console.error(`action-docs/ is stale: ${stale.join(', ')}. Run \`npm run docs\` and commit.`)
    process.exit(1)
  }
  if (!check) console.log(`action-docs/: ${expected.size} page(s)`)
}
