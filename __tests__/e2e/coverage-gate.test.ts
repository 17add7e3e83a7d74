// actions/coverage-gate and `sgw coverage`, run from dist/ under Node 24, on reports the real tools
// write at test time (coverage.py, go test, c8, JaCoCo; scripts/coverage-reports.sh), on a real git
// repository for diff coverage, and against the GitHub API stand-in for the suite's one PR comment.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { COVERAGE_LANGS, copyExample, REPORTS, runCoverageTool, toolTotals } from '../helpers/coverage-tools.js'
import { issueCommentStore, startGitHubApi, type GitHubApi } from '../helpers/github-api.js'
import { maskedValues, runAction, runCli, visibleText } from '../helpers/run-action.js'
import { fixture, REPO_ROOT } from '../helpers/tools.js'

const GIT_ENV = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'Dev', GIT_AUTHOR_EMAIL: 'dev@example.test', GIT_COMMITTER_NAME: 'Dev', GIT_COMMITTER_EMAIL: 'dev@example.test' }
const git = (dir: string, ...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, ...GIT_ENV }, stdio: ['ignore', 'pipe', 'pipe'] }).trim()
const temp = (name: string) => mkdtempSync(join(tmpdir(), `sgw-${name}-`))
const ALL_OUTPUTS = ['result', 'line-coverage', 'branch-coverage', 'diff-coverage', 'lines-covered', 'lines-total', 'diff-lines-covered', 'diff-lines-total', 'files']

describe('each real tool\'s own total equals the gate\'s (reports written now, read by the dist CLI)', () => {
  it.each(COVERAGE_LANGS)('%s', async (lang) => {
    const root = temp(`cov-${lang}`)
    const project = copyExample(lang, root)
    const out = join(root, 'reports')
    runCoverageTool(lang, project, out)
    const own = toolTotals(lang, out)
    for (const report of REPORTS[lang]) {
      const run = await runCli(['coverage', '--report', join(out, report), '--output', 'json', '--min-coverage', '0'], { cwd: root })
      expect([report, run.stderr, run.exitCode]).toEqual([report, '', 0])
      const json = JSON.parse(run.stdout)
      const expected = lang === 'python' && report !== 'coverage.json' ? own.branchRun! : own
      const ours = (100 * json.lines.covered) / json.lines.total
      process.stderr.write(`[coverage] ${lang} ${report}: tool ${expected.linePercent} %, ours ${ours} % (${json.lines.covered}/${json.lines.total})\n`)
      // Within 0.01 % (go tool cover prints one decimal: within its rounding).
      expect(Math.abs(ours - expected.linePercent)).toBeLessThanOrEqual(Math.max(expected.precision, 1e-9))
      expect(Math.abs(ours - expected.linePercent)).toBeLessThanOrEqual(lang === 'go' ? 0.05 : 0.01)
      if (expected.lines) expect(json.lines).toMatchObject(expected.lines)
      if (expected.branches) expect(json.branches).toMatchObject(expected.branches)
      if (expected.combinedPercent !== undefined) {
        const combined = (100 * (json.lines.covered + json.branches.covered)) / (json.lines.total + json.branches.total)
        expect(Math.abs(combined - expected.combinedPercent)).toBeLessThanOrEqual(0.01)
      }
      for (const f of json.files) expect(f.path).toMatch(new RegExp(`^examples/coverage/${lang}/`))
    }
  })

  it('every language\'s reports together make one verdict, in a monorepo layout', async () => {
    const reports: string[] = []
    let covered = 0
    let total = 0
    for (const lang of COVERAGE_LANGS) {
      const dir = fixture('coverage', lang)
      const report = { python: 'coverage.json', go: 'cover.out', node: 'lcov.info', java: 'jacoco.xml' }[lang]
      reports.push('--report', join(dir, report))
      const t = JSON.parse((await runCli(['coverage', '--report', join(dir, report), '--output', 'json', '--min-coverage', '0'], { cwd: REPO_ROOT })).stdout)
      covered += t.lines.covered
      total += t.lines.total
    }
    const run = await runCli(['coverage', ...reports, '--output', 'json'], { cwd: REPO_ROOT })
    const json = JSON.parse(run.stdout)
    expect(json.lines).toMatchObject({ covered, total })
    expect(json.reports.map((r: { format: string }) => r.format)).toEqual(['coveragepy', 'go', 'lcov', 'jacoco'])
    expect(run.exitCode).toBe(json.result === 'fail' ? 1 : 0)
  })
})

describe('coverage-gate action (dist, Node 24)', () => {
  it('on a push: line and branch coverage from several reports, every output, the per-file summary, no diff coverage', async () => {
    const run = await runAction('coverage-gate', { cwd: REPO_ROOT, inputs: { reports: `${fixture('coverage', 'node', 'lcov.info')}\n${fixture('coverage', 'java', 'jacoco.xml')}` } })
    // node 36/48 + java 16/25; branches 9/13 + 7/15.
    expect(run.outputs).toMatchObject({ result: 'pass', 'line-coverage': '71.23', 'branch-coverage': '57.14', 'diff-coverage': '', 'lines-covered': '52', 'lines-total': '73', 'diff-lines-covered': '0', 'diff-lines-total': '0', files: '4' })
    expect(run.exitCode).toBe(0)
    expect(run.summary.split('\n')[0]).toBe('## ✅ Coverage gate passed: `pass`')
    expect(run.summary).toContain('| Lines | 71.23 % (52/73) | 70 % | ✓ |')
    expect(run.summary).toMatch(/\| \[examples\/coverage\/java\/src\/main\/java\/com\/acme\/shop\/Cart\.java\]\(https:\/\/github\.com\/acme\/web\/blob\/0123456789abcdef0123456789abcdef01234567\/examples\/coverage\/java\/src\/main\/java\/com\/acme\/shop\/Cart\.java#L15\) \| 64\.29 % \(9\/14\) \| 50\.00 % \(2\/4\) \| 15-17, 19-20 \|/)
    expect(run.summary).toContain('(JaCoCo XML)')
  })

  it('fails below min-coverage and min-branch-coverage with one line naming both', async () => {
    const run = await runAction('coverage-gate', { cwd: REPO_ROOT, inputs: { reports: fixture('coverage', 'python', 'coverage-branch.json'), 'min-branch-coverage': '40' } })
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({ result: 'fail', 'line-coverage': '63.89', 'branch-coverage': '37.50' })
    const errors = run.annotations.filter((a) => a.level === 'error').map((a) => a.message)
    expect(errors).toEqual(['Coverage gate: fail (lines 63.89 %, branches 37.50 %): line coverage 63.89 % < 70 %; branch coverage 37.50 % < 40 %. See the job summary.'])
  })

  it.each([
    ['a report that does not exist', { reports: 'missing/lcov.info' }, /missing\/lcov\.info: coverage report not found/],
    ['a glob that matches nothing', { reports: 'nothing/**/lcov.info' }, /No coverage report matches "nothing\/\*\*\/lcov\.info"/],
    ['an empty report', { reports: 'empty.info' }, /empty\.info: the file is empty/],
    ['an unreadable report', { reports: 'garbage.xml' }, /garbage\.xml: not well-formed XML/],
    ['a report of another repository', { reports: 'foreign.info' }, /foreign\.info: the LCOV report covers none of this repository's files \(it names \/srv\/other\/app\.js\)/],
    ['a bad minimum', { reports: 'foreign.info', 'min-coverage': 'high' }, /Input "min-coverage" must be a percentage from 0 to 100, got "high"/]
  ])('%s fails closed with one clear line, every output set', async (_name, inputs, message) => {
    const cwd = temp('cov-bad')
    writeFileSync(join(cwd, 'empty.info'), '')
    writeFileSync(join(cwd, 'garbage.xml'), '<coverage><packages>')
    writeFileSync(join(cwd, 'foreign.info'), 'SF:/srv/other/app.js\nDA:1,1\nend_of_record\n')
    const run = await runAction('coverage-gate', { cwd, inputs })
    expect(run.exitCode).toBe(1)
    expect(Object.keys(run.outputs).sort()).toEqual([...ALL_OUTPUTS].sort())
    expect(run.outputs.result).toBe('fail')
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(message)
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/)
  })

  describe('a pull request on a real git repository, checked out as GitHub\'s merge commit', () => {
    let repo: string
    let reports: string
    let baseSha: string
    let shippingLine: number
    const event = () => ({ number: 5, pull_request: { number: 5, base: { sha: baseSha, ref: 'main' }, head: { sha: git(repo, 'rev-parse', 'feature'), ref: 'feature' } }, repository: { name: 'web', owner: { login: 'acme' } } })

    beforeAll(() => {
      repo = temp('cov-pr')
      const example = join(REPO_ROOT, 'examples', 'coverage', 'python')
      execFileSync('cp', ['-R', `${example}/.`, repo])
      writeFileSync(join(repo, 'README.md'), '# shop\n')
      git(repo, 'init', '-q', '-b', 'main')
      git(repo, 'add', '-A')
      git(repo, 'commit', '-q', '-m', 'shop')
      git(repo, 'checkout', '-q', '-b', 'feature')
      // The change: a function half tested, a script no report measures, a test, the README.
      appendFileSync(join(repo, 'shop', 'pricing.py'), '\n\ndef shipping(weight):\n    if weight > 20:\n        return 15\n    return 5\n')
      appendFileSync(join(repo, 'tests', 'test_shop.py'), '\n\nclass ShippingTest(unittest.TestCase):\n    def test_light(self):\n        from shop.pricing import shipping\n        self.assertEqual(shipping(1), 5)\n')
      mkdirSync(join(repo, 'tools'))
      writeFileSync(join(repo, 'tools', 'report.py'), 'import sys\n\nprint(sys.argv)\n')
      appendFileSync(join(repo, 'README.md'), 'Shipping costs.\n')
      git(repo, 'add', '-A')
      git(repo, 'commit', '-q', '-m', 'feat: shipping')
      // main moves on: three lines at the top of pricing.py shift every line the change added.
      git(repo, 'checkout', '-q', 'main')
      const pricing = join(repo, 'shop', 'pricing.py')
      writeFileSync(pricing, `# Prices.\n# Owned by the shop team.\n# Keep it small.\n${readFileSync(pricing, 'utf8')}`)
      git(repo, 'commit', '-q', '-am', 'docs: header')
      baseSha = git(repo, 'rev-parse', 'HEAD')
      // What actions/checkout gives a pull_request: refs/pull/5/merge, detached.
      git(repo, 'checkout', '-q', '--detach')
      git(repo, 'merge', '-q', '--no-ff', '-m', 'Merge feature into main', 'feature')
      shippingLine = readFileSync(pricing, 'utf8').split('\n').indexOf('        return 15') + 1
      reports = temp('cov-pr-reports')
      runCoverageTool('python', repo, reports)
    })

    it('measures the changed lines, annotates the uncovered ones, lists them in the summary and fails under 80 %', async () => {
      const run = await runAction('coverage-gate', { cwd: repo, eventName: 'pull_request', event: event(), inputs: { reports: join(reports, 'coverage-branch.json'), 'min-coverage': '50' } })
      // shipping(): def, if and return 5 ran, return 15 did not; tools/report.py: 2 lines, no report.
      expect(run.outputs).toMatchObject({ result: 'fail', 'diff-coverage': '50.00', 'diff-lines-covered': '3', 'diff-lines-total': '6' })
      expect(run.exitCode).toBe(1)
      expect(shippingLine).toBeGreaterThan(20)
      const notes = run.annotations.filter((a) => a.level === 'warning')
      expect(notes.map((a) => [a.props.file, a.props.line, a.props.endLine])).toEqual([
        ['tools/report.py', '1', '1'],
        ['shop/pricing.py', String(shippingLine), String(shippingLine)]
      ])
      expect(notes[1].message).toBe('This changed line is not covered by tests.')
      expect(run.summary).toContain('| Changed lines (pull request #5) | 50.00 % (3/6) | 80 % | ❌ under |')
      expect(run.summary).toContain(`| 1 | ${shippingLine} |`)
      expect(run.summary).toContain('all 2 changed line(s): no report mentions it')
      expect(run.summary).toContain('1 changed file(s) left out of diff coverage by `exclude`.')
      // The totals include the change: 26 of 40 statements, 7 of 18 branches.
      expect(run.annotations.filter((a) => a.level === 'error').map((a) => a.message)).toEqual([
        'Coverage gate: fail (lines 65.00 %, branches 38.89 %, changed lines 50.00 %): diff coverage 50.00 % < 80 % (3 of 6 changed lines not covered). See the job summary.'
      ])
    })

    it('passes once the script is excluded and the minimum is met; min-diff-coverage: none measures nothing', async () => {
      const passing = await runAction('coverage-gate', { cwd: repo, eventName: 'pull_request', event: event(), inputs: { reports: join(reports, 'coverage.xml'), 'min-coverage': '50', 'min-diff-coverage': '75', exclude: 'tools/**,tests/**' } })
      expect(passing.outputs).toMatchObject({ result: 'pass', 'diff-coverage': '75.00', 'diff-lines-total': '4' })
      const off = await runAction('coverage-gate', { cwd: repo, eventName: 'pull_request', event: event(), inputs: { reports: join(reports, 'coverage.lcov'), 'min-coverage': '50', 'min-diff-coverage': 'none' } })
      expect(off.outputs).toMatchObject({ result: 'pass', 'diff-coverage': '', 'diff-lines-total': '0' })
    })

    it('sgw coverage --base main measures the same change locally', async () => {
      const run = await runCli(['coverage', '--report', join(reports, 'coverage.lcov'), '--base', 'main', '--min-coverage', '50', '--output', 'json'], { cwd: repo })
      const json = JSON.parse(run.stdout)
      expect(json.diff).toMatchObject({ covered: 3, total: 6, mergeBase: baseSha })
      expect(run.exitCode).toBe(1)
    })

    it('a shallow clone without the base commit fails with a line that says what to do', async () => {
      const shallow = temp('cov-shallow')
      execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo}`, shallow], { env: { ...process.env, ...GIT_ENV } })
      const run = await runAction('coverage-gate', { cwd: shallow, eventName: 'pull_request', event: { pull_request: { number: 5, base: { sha: '1'.repeat(40) } } }, inputs: { reports: join(reports, 'coverage.json') } })
      expect(run.exitCode).toBe(1)
      expect(run.stdout).toMatch(/::error::The base commit 111111111111 of pull request #5 is not in the checkout, so diff coverage cannot be measured; set fetch-depth: 0/)
      expect(run.outputs.result).toBe('fail')
    })

    describe('one PR comment for the suite', () => {
      let api: GitHubApi
      const store = issueCommentStore()
      const deleted: number[] = []
      beforeAll(async () => {
        const handlers = {
          ...store.handlers,
          'issues/delete-comment': (r: { params: Record<string, string> }) => {
            const id = Number(r.params.comment_id)
            deleted.push(id)
            store.comments.splice(store.comments.findIndex((c) => c.id === id), 1)
            return { status: 204 }
          }
        }
        api = await startGitHubApi(handlers, 'ghs_test-token-value')
      })
      afterAll(async () => api.close())

      it('the security gate and the coverage gate each keep their own section of one comment, updated in place', async () => {
        const env = { GITHUB_API_URL: api.url }
        const common = { 'comment-on-pr': 'true', 'github-token': 'ghs_test-token-value' }
        const security = () =>
          runAction('severity-gate', { cwd: repo, env, eventName: 'pull_request', event: event(), inputs: { ...common, reports: fixture('reports', 'trivy-fs-vulns.json'), 'max-critical': 'none', 'max-high': 'none', 'suppression-review': 'off' } })
        const coverage = (min: string) => runAction('coverage-gate', { cwd: repo, env, eventName: 'pull_request', event: event(), inputs: { ...common, reports: join(reports, 'coverage.json'), 'min-coverage': min } })

        const first = await coverage('50')
        expect(first.stdout).toContain('PR comment created (#5')
        expect(store.comments).toHaveLength(1)
        expect(store.comments[0].body).toMatch(/^<!-- sgw:coverage-gate:security -->\n## ❌ Coverage gate failed/)
        const sec = await security()
        expect(sec.stdout).toContain('PR comment updated (#5')
        await coverage('0')
        expect(store.comments).toHaveLength(1)
        const body = store.comments[0].body
        // Security first whichever ran first; each section once; the coverage section the latest.
        expect(body).toMatch(/^<!-- sgw:security-gate:security -->\n## 🟡 Security gate[\s\S]*<!-- \/sgw:security-gate:security -->\n\n<!-- sgw:coverage-gate:security -->\n## ❌ Coverage gate failed[\s\S]*<!-- \/sgw:coverage-gate:security -->\n\n<!-- sgw:pr-comment -->$/)
        expect(body.match(/## .* Coverage gate/g)).toHaveLength(1)
        expect(body).toContain('| Lines | 65.00 % (26/40) | 0 % | ✓ |')
        expect(api.requests.map((r) => r.operationId)).toEqual(['issues/list-comments', 'issues/create-comment', 'issues/list-comments', 'issues/update-comment', 'issues/list-comments', 'issues/update-comment'])
        expect(api.violations).toEqual([])
        expect(maskedValues(first)).toContain('ghs_test-token-value')
        expect(visibleText(first)).not.toContain('ghs_test-token-value')
      })

      it('comments an earlier version wrote one per gate are folded into the oldest', async () => {
        store.comments.splice(0)
        store.comments.push({ id: 10, issue: 5, body: '<!-- sgw:security-gate:security/gitleaks -->\n## ✅ Security gate passed (gitleaks)' })
        store.comments.push({ id: 11, issue: 5, body: 'A reviewer\'s own comment.' })
        store.comments.push({ id: 12, issue: 5, body: '<!-- sgw:security-gate:security/trivy -->\n## ❌ Security gate failed (trivy)' })
        const run = await runAction('coverage-gate', { cwd: repo, env: { GITHUB_API_URL: api.url }, eventName: 'pull_request', event: event(), inputs: { reports: join(reports, 'coverage.json'), 'min-coverage': '0', 'min-diff-coverage': 'none', 'comment-on-pr': 'true', 'github-token': 'ghs_test-token-value' } })
        expect(run.stdout).toContain('PR comment updated (#5, comment 10)')
        expect(deleted).toEqual([12])
        expect(store.comments.map((c) => c.id)).toEqual([10, 11])
        const sections = [...store.comments[0].body.matchAll(/<!-- sgw:([a-z-]+):(\S+) -->/g)].map((m) => `${m[1]}:${m[2]}`)
        expect(sections).toEqual(['security-gate:security/gitleaks', 'security-gate:security/trivy', 'coverage-gate:security'])
        expect(store.comments[0].body).toContain('## ❌ Security gate failed (trivy)\n<!-- /sgw:security-gate:security/trivy -->')
        expect(api.violations).toEqual([])
      })
    })
  })
})
