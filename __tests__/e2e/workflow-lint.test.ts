// actionlint and zizmor on the reusable workflows and the caller examples: zero findings, and a
// planted mistake of each kind is found, so the zero means something.
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { REPO_ROOT, tool } from '../helpers/tools.js'

const workflowFiles = (root: string) =>
  ['.github/workflows', 'workflows'].flatMap((dir) => spawnSync('ls', [join(root, dir)], { encoding: 'utf8' }).stdout.split('\n').filter((f) => /\.ya?ml$/.test(f)).map((f) => join(dir, f)))

function actionlint(root: string) {
  return spawnSync(tool('actionlint'), ['-no-color', ...workflowFiles(root)], { cwd: root, encoding: 'utf8' })
}
function zizmor(root: string) {
  return spawnSync(tool('zizmor'), ['--offline', '--no-progress', '--format', 'plain', '.github/workflows', 'workflows'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
}

/** A copy of the repository's workflows in a fresh git repository, to plant mistakes in. */
function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sgw-wf-lint-'))
  cpSync(join(REPO_ROOT, '.github'), join(dir, '.github'), { recursive: true })
  cpSync(join(REPO_ROOT, 'workflows'), join(dir, 'workflows'), { recursive: true })
  cpSync(join(REPO_ROOT, 'actions'), join(dir, 'actions'), { recursive: true, filter: (src) => !src.endsWith('.ts') })
  spawnSync('git', ['init', '-q'], { cwd: dir })
  return dir
}

describe('workflow linters on .github/workflows and workflows/', () => {
  it('actionlint: no findings', () => {
    const r = actionlint(REPO_ROOT)
    expect(r.stdout + r.stderr).toBe('')
    expect(r.status).toBe(0)
  })

  it('zizmor: no findings', () => {
    const r = zizmor(REPO_ROOT)
    expect(r.stdout + r.stderr).toMatch(/No findings to report/)
    expect(r.status).toBe(0)
  })

  it('actionlint finds a planted mistake, and its $/ allowance does not hide one in the same step', () => {
    const dir = copy()
    const file = join(dir, '.github/workflows/deploy.yml')
    writeFileSync(file, readFileSync(file, 'utf8').replace('timeout-minutes: 30', 'timeout-minutes: 30\n    if: ${{ inputs.no-such-input }}').replace('uses: $/actions/kube-deploy', 'uses: $/actions/kube-deploy\n        if: steps.nope.outputs.x'))
    const r = actionlint(dir)
    expect(r.status).toBe(1)
    expect(r.stdout).toContain('property "no-such-input" is not defined')
    expect(r.stdout).toContain('property "nope" is not defined')
  })

  it('zizmor finds a planted template injection and an unpinned action', () => {
    const dir = copy()
    const file = join(dir, '.github/workflows/release.yml')
    writeFileSync(file, readFileSync(file, 'utf8').replace('      - id: version\n', '      - run: echo "${{ github.event.head_commit.message }}"\n      - uses: actions/setup-node@v4\n      - id: version\n'))
    const r = zizmor(dir)
    expect(r.status).not.toBe(0)
    expect(r.stdout + r.stderr).toMatch(/template-injection/)
    expect(r.stdout + r.stderr).toMatch(/unpinned-uses/)
  })
})
