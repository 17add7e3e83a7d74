// The generated pages under action-docs/ are fresh, and what they promise holds: every reusable
// workflow's header has a "What to create" checklist whose permissions are exactly those its jobs
// ask for (GitHub refuses to start a call that grants less), and the examples carry real values.
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { REPO_ROOT } from '../helpers/tools.js'

interface DocsModule {
  workflowHeader(text: string): { summary: string; checklist: string[] }
  callerPermissions(wf: unknown): Record<string, string>
  pages(): Map<string, string>
}
const docs = (await import(join(REPO_ROOT, 'scripts', 'docs.mjs'))) as DocsModule

const WORKFLOWS = join(REPO_ROOT, '.github', 'workflows')
const reusable = readdirSync(WORKFLOWS)
  .filter((f) => f.endsWith('.yml'))
  .map((file) => ({ file, text: readFileSync(join(WORKFLOWS, file), 'utf8') }))
  .filter(({ text }) => 'workflow_call' in ((parse(text) as { on?: object }).on ?? {}))

describe('action-docs', () => {
  it('the committed pages match the action and workflow files (npm run docs)', () => {
    expect(() => execFileSync(process.execPath, ['scripts/docs.mjs', '--check'], { cwd: REPO_ROOT, stdio: 'pipe' })).not.toThrow()
  })

  it.each(reusable.map((w) => [w.file, w.text]))('%s: the header checklist names every permission its jobs ask for', (file, text) => {
    const { checklist } = docs.workflowHeader(text)
    expect(checklist.length).toBeGreaterThan(2)
    const item = checklist.find((i) => /^Permissions/.test(i))
    expect(item).toBeDefined()
    const perms = docs.callerPermissions(parse(text))
    expect(Object.keys(perms).length).toBeGreaterThan(0)
    for (const [scope, level] of Object.entries(perms)) expect(item).toContain(`\`${scope}: ${level}\``)
    // No scope the jobs do not ask for (a caller granting more than needed is told so nowhere).
    const named = [...item!.matchAll(/`([a-z-]+): (read|write)`/g)].map((m) => m[1])
    expect(named.sort()).toEqual(Object.keys(perms).sort())
    // The header's own one-line example grants the same.
    const example = /permissions: \{ ([^}]*) \}/.exec(text)
    expect(example).not.toBeNull()
    const granted = Object.fromEntries(example![1].split(',').map((p) => p.trim().split(/:\s*/)))
    expect(granted).toEqual(perms)
    expect(file).toMatch(/\.yml$/)
  })

  it('pages show example values, never "..." placeholders, and a checklist for each reusable workflow', () => {
    const pages = docs.pages()
    for (const [name, text] of pages) {
      const yaml = [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]).join('\n')
      expect({ name, placeholder: /:\s*\.\.\.\s*$/m.test(yaml) }).toEqual({ name, placeholder: false })
    }
    for (const { file } of reusable) expect(pages.get(`workflow-${file.replace(/\.yml$/, '')}.md`)).toContain('## What to create')
    expect(pages.get('workflow-org-required-security.md')).toContain('## What to create')
  })
})
