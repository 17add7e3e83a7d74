// The coverage domain: every reader on the reports the real tools wrote (kept fixtures) against
// each tool's own totals, the shapes the formats allow, fail-closed reading, path mapping, the
// diff parser, merging and the verdict.
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseUnifiedDiff, type ChangedLines } from '../../actions/lib/coverage/changed-lines.js'
import { below, hitsAt, lineCounter, branchCounter, ranges, type ParsedCoverage } from '../../actions/lib/coverage/model.js'
import { parseCoverage, readCoverageFile } from '../../actions/lib/coverage/read-report.js'
import { mapReportPath, RepoIndex } from '../../actions/lib/coverage/repo-paths.js'
import { coverageMarkdown, uncoveredAnnotations } from '../../actions/lib/coverage/report.js'
import { runCoverage, type CoverageConfig } from '../../actions/lib/coverage/run-coverage.js'
import { CoverageInput, CoverageOutput, DEFAULT_EXCLUDE, readCoverageSettings } from '../../actions/lib/coverage/settings.js'
import { COMMENT_LIMIT, isSuiteComment, parseSections, renderComment, sectionStart } from '../../actions/lib/report/pr-comment.js'
import { parse as parseYaml } from 'yaml'
import { COVERAGE_LANGS, REPORTS, toolTotals } from '../helpers/coverage-tools.js'
import { fixture, REPO_ROOT } from '../helpers/tools.js'
import { thrown } from '../helpers/unit.js'

function totals(parsed: ParsedCoverage) {
  const lines = { covered: 0, total: 0 }
  const branches = { covered: 0, total: 0 }
  for (const f of parsed.files) {
    const l = lineCounter(f)
    lines.covered += l.covered
    lines.total += l.total
    const b = branchCounter(f)
    if (b) {
      branches.covered += b.covered
      branches.total += b.total
    }
  }
  return { lines, branches, percent: (100 * lines.covered) / lines.total }
}

const config = (reports: string[], extra: Partial<CoverageConfig> = {}): CoverageConfig => ({
  ...readCoverageSettings(() => undefined),
  reports,
  cwd: REPO_ROOT,
  ...extra
})

describe('reports the real tools wrote (__tests__/fixtures/coverage) against the tools\' own totals', () => {
  it.each(COVERAGE_LANGS.flatMap((lang) => REPORTS[lang].map((r) => [lang, r] as const)))('%s %s', (lang, report) => {
    const dir = fixture('coverage', lang)
    const own = toolTotals(lang, dir)
    const parsed = readCoverageFile(join(dir, report))
    const ours = totals(parsed)
    // coverage.py's branch run: its statements, its branches and its percent_covered of both.
    const expected = lang === 'python' && report !== 'coverage.json' ? own.branchRun! : own
    expect(Math.abs(ours.percent - expected.linePercent)).toBeLessThanOrEqual(Math.max(expected.precision, 1e-9))
    if (expected.lines) expect(ours.lines).toEqual(expected.lines)
    if (expected.branches) expect(ours.branches).toEqual(expected.branches)
    if (expected.combinedPercent !== undefined) {
      const combined = (100 * (ours.lines.covered + ours.branches.covered)) / (ours.lines.total + ours.branches.total)
      expect(Math.abs(combined - expected.combinedPercent)).toBeLessThan(1e-9)
    }
  })

  it('the whole gate from the repository root maps every fixture path to examples/coverage (foreign absolute paths, relative paths, import paths, packages)', () => {
    for (const lang of COVERAGE_LANGS) {
      for (const report of REPORTS[lang]) {
        const outcome = runCoverage(config([join(fixture('coverage', lang), report)], { minDiffCoverage: undefined }))
        expect([lang, report, outcome.reports[0].unmapped]).toEqual([lang, report, []])
        for (const f of outcome.files) expect(f.path).toMatch(new RegExp(`^examples/coverage/${lang}/`))
      }
    }
  })

  it('the Cobertura and JSON writings of one run agree file by file and line by line', () => {
    const dir = fixture('coverage', 'python')
    const files = (r: string) => runCoverage(config([join(dir, r)])).files.map((f) => [f.path, f.lines, f.branches?.total ? f.branches : undefined, f.uncovered])
    expect(files('coverage.xml')).toEqual(files('coverage-branch.json'))
    expect(files('coverage.lcov')).toEqual(files('coverage-branch.json'))
  })
})

describe('reading fails closed with one line naming the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sgw-cov-unit-'))
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text)
    return join(dir, name)
  }
  const lcov = 'TN:\nSF:src/a.js\nDA:1,1\nDA:2,0\nBRDA:2,0,0,-\nBRDA:2,0,1,3\nLF:2\nLH:1\nend_of_record\n'
  it.each([
    ['missing', join(dir, 'nope.info'), /nope\.info: coverage report not found/],
    ['empty', file('empty.info', '  \n'), /empty\.info: the file is empty/],
    ['binary', file('bin.info', 'SF:\u0000\u0001'), /a binary file/],
    ['unknown text', file('x.txt', 'hello world\n'), /not a coverage report this gate reads/],
    ['truncated LCOV', file('t.info', lcov.slice(0, lcov.indexOf('LF:'))), /ends inside the record of src\/a\.js .*truncated/],
    ['LCOV with a bad count', file('c.info', 'SF:a.js\nDA:1,x\nend_of_record\n'), /line 2: DA hit count "x" is not a number/],
    ['LCOV record outside a file', file('o.info', 'TN:\nDA:1,1\n'), /DA record outside a file/],
    ['truncated XML', file('t.xml', '<?xml version="1.0"?><coverage><packages><package><classes><class filename="a.py"><lines><line number="1" hits="1"/>'), /not well-formed XML/],
    ['XML of another kind', file('o.xml', '<testsuites><testsuite/></testsuites>'), /root <testsuites> is neither Cobertura/],
    ['Cobertura line without hits', file('h.xml', '<coverage><packages><package><classes><class filename="a.py"><lines><line number="1"/></lines></class></classes></package></packages></coverage>'), /a\.py <line number="1">: attribute hits="" is not a whole number/],
    ['truncated JSON', file('t.json', '{"meta": {"format": 3}, "files": {'), /not valid JSON .*truncated\?/],
    ['an empty JSON object', file('e.json', '{}'), /an empty JSON object/],
    ['JSON of an unknown shape', file('u.json', '{"results": []}'), /JSON of an unknown shape \(keys results\)/],
    ['coverage.py lines of the wrong type', file('p.json', '{"meta":{"format":3},"files":{"a.py":{"executed_lines":"1,2","missing_lines":[]}}}'), /files\["a\.py"\]\.executed_lines is not a list of line numbers/],
    ['coverage.py measuring nothing', file('n.json', '{"meta":{"format":3,"branch_coverage":false},"files":{},"totals":{}}'), /covers no file at all/],
    ['Istanbul count of the wrong type', file('i.json', '{"/a.js":{"path":"/a.js","statementMap":{"0":{"start":{"line":1,"column":0},"end":{"line":1,"column":1}}},"s":{"0":"1"}}}'), /"\/a\.js"\.s\["0"\] is not a count/],
    ['Go block of another shape', file('g.out', 'mode: set\nexample.com/m/a.go:1.1,2.2 1\n'), /line 2: .* is not "<file>:<line>\.<col>,<line>\.<col> <statements> <count>"/],
    ['Go profiles of two modes', file('m.out', 'mode: set\na/b.go:1.1,2.2 1 1\nmode: count\n'), /mode count after mode set/]
  ])('%s', (_name, path, message) => {
    const error = thrown(() => readCoverageFile(path))
    expect(error.name).toBe('UserError')
    expect(error.message).toMatch(message)
    expect(error.message.split('\n')).toHaveLength(1)
  })

  it('a given format that the content contradicts is refused', () => {
    expect(thrown(() => parseCoverage('{"meta":{"format":3},"files":{"a.py":{"executed_lines":[1],"missing_lines":[]}}}', 'istanbul')).message).toMatch(/format is istanbul, but the file is coverage.py JSON/)
  })
})

describe('formats, as their writers allow', () => {
  it('LCOV: CRLF, checksums, "-" for branches never reached, duplicate lines summed, records in any order', () => {
    const p = parseCoverage('TN:t\r\nSF:/abs/a.c\r\nFN:1,f\r\nDA:3,0,abc\r\nDA:1,2\r\nDA:3,4\r\nBRDA:3,0,0,-\r\nBRDA:3,0,1,0\r\nBRDA:3,0,2,7\r\nend_of_record\r\n')
    expect(p.files[0].lines).toEqual({ nums: [1, 3], hits: [2, 4] })
    expect(branchCounter(p.files[0])).toEqual({ covered: 1, total: 3 })
  })

  it('Go: the same block from two packages is one block, statements are the unit, lines come from blocks that ran', () => {
    const p = parseCoverage('mode: count\nm/a.go:3.10,5.2 2 0\nm/a.go:6.2,8.3 1 1\nm/a.go:3.10,5.2 2 3\nm/a.go:9.1,9.5 0 0\n')
    expect(lineCounter(p.files[0])).toEqual({ covered: 3, total: 3 })
    expect(hitsAt(p.files[0].lines!, 4)).toBe(3)
    expect(hitsAt(p.files[0].lines!, 9)).toBeUndefined()
  })

  it('Cobertura: method lines are not counted twice; classes of one file merge; sources are kept', () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE coverage SYSTEM "http://cobertura.sourceforge.net/xml/coverage-04.dtd">
<coverage line-rate="0.5" branches-valid="2"><sources><source>/build/app</source><source>src</source></sources><packages><package name="p"><classes>
<class filename="p/A.java"><methods><method name="m"><lines><line number="1" hits="1"/></lines></method></methods>
<lines><line number="1" hits="1" branch="true" condition-coverage="50% (1/2)"/><line number="2" hits="0"/></lines></class>
<class filename="p/A.java"><lines><line number="5" hits="3"/></lines></class></classes></package></packages></coverage>`
    const p = parseCoverage(xml)
    expect(p.sourceRoots).toEqual(['/build/app', 'src'])
    expect(p.files).toHaveLength(1)
    expect(lineCounter(p.files[0])).toEqual({ covered: 2, total: 3 })
    expect(branchCounter(p.files[0])).toEqual({ covered: 1, total: 2 })
  })

  it('JaCoCo: the default package, groups, and lines without instructions', () => {
    const xml = '<report name="r"><group name="g"><package name=""><sourcefile name="A.java"><line nr="1" mi="0" ci="2" mb="1" cb="1"/><line nr="2" mi="3" ci="0" mb="0" cb="0"/></sourcefile></package></group></report>'
    const p = parseCoverage(xml)
    expect(p.files.map((f) => f.path)).toEqual(['A.java'])
    expect(lineCounter(p.files[0])).toEqual({ covered: 1, total: 2 })
    expect(branchCounter(p.files[0])).toEqual({ covered: 1, total: 2 })
  })
})

describe('report paths to repository paths', () => {
  const index = new RepoIndex('/work/repo', ['src/app/a.py', 'services/web/src/cart.js', 'svc/go/pkg/x.go', 'svc/go/go.mod', 'java/src/main/java/com/acme/Cart.java', 'a/util.js', 'b/util.js'])
  // go.mod is read from disk; give the index the module without a file.
  Object.assign(index, { modules: [{ module: 'example.com/acme/svc', dir: 'svc/go' }] })
  const ctx = (format: Parameters<typeof mapReportPath>[1]['format'], reportPath = 'coverage.out', sourceRoots: string[] = []) => ({ format, reportPath, sourceRoots })
  it.each([
    ['an absolute path under the root', '/work/repo/src/app/a.py', ctx('lcov'), 'src/app/a.py'],
    ['a Windows path', 'C:\\ci\\repo\\src\\app\\a.py', ctx('lcov'), 'src/app/a.py'],
    ['a path relative to the report\'s package folder', 'src/cart.js', ctx('lcov', 'services/web/coverage/lcov.info'), 'services/web/src/cart.js'],
    ['a Cobertura source root', 'app/a.py', ctx('cobertura', 'coverage.xml', ['/work/repo/src']), 'src/app/a.py'],
    ['a Go import path in a nested module', 'example.com/acme/svc/pkg/x.go', ctx('go'), 'svc/go/pkg/x.go'],
    ['a JaCoCo package path', 'com/acme/Cart.java', ctx('jacoco'), 'java/src/main/java/com/acme/Cart.java'],
    ['another machine\'s absolute path', '/home/ci/build/services/web/src/cart.js', ctx('istanbul'), 'services/web/src/cart.js'],
    ['an ambiguous file name', '/elsewhere/util.js', ctx('lcov'), undefined],
    ['a file of no repository', '/usr/lib/python3/os.py', ctx('coveragepy'), undefined]
  ])('%s', (_name, path, c, expected) => {
    expect(mapReportPath(path, c, index)).toBe(expected)
  })
})

describe('changed lines from git diff -U0', () => {
  it('added and changed lines per new path; deletions, removed files and renames without change add nothing', () => {
    const diff = [
      'diff --git a/src/a.py b/src/a.py',
      '--- a/src/a.py',
      '+++ b/src/a.py',
      '@@ -3,0 +4,2 @@ def f():',
      '+    x = 1',
      '+    y = 2',
      '@@ -10 +12 @@',
      '-old',
      '+new',
      '@@ -20,3 +22,0 @@',
      'diff --git a/gone.py b/gone.py',
      '--- a/gone.py',
      '+++ /dev/null',
      '@@ -1,2 +0,0 @@',
      'diff --git a/old.py b/moved.py',
      'similarity index 100%',
      'rename from old.py',
      'rename to moved.py',
      'diff --git "a/caf\\303\\251.py" "b/caf\\303\\251.py"',
      '--- "a/caf\\303\\251.py"',
      '+++ "b/caf\\303\\251.py"',
      '@@ -0,0 +1 @@',
      '+print(1)'
    ].join('\n')
    expect(Object.fromEntries(parseUnifiedDiff(diff))).toEqual({ 'src/a.py': [4, 5, 12], 'café.py': [1] })
  })
})

describe('the verdict', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sgw-cov-verdict-'))
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text)
    return join(dir, name)
  }
  const index = new RepoIndex(dir, ['src/a.js', 'src/b.js', 'src/new.js', 'test/a.test.js', 'README.md'])
  const unit = write('unit.info', 'SF:src/a.js\nDA:1,1\nDA:2,0\nDA:3,0\nDA:4,0\nend_of_record\nSF:test/a.test.js\nDA:1,0\nend_of_record\n')
  const integration = write('it.info', 'SF:src/a.js\nDA:2,5\nDA:3,0\nDA:4,0\nDA:1,0\nend_of_record\nSF:src/b.js\nDA:1,1\nBRDA:1,0,0,1\nBRDA:1,0,1,0\nend_of_record\n')

  it('several reports merge: a line covered by either run is covered; tests are excluded by default', () => {
    const o = runCoverage(config([unit, integration], { cwd: dir, minCoverage: 50 }), index)
    expect(o.lines).toEqual({ covered: 3, total: 5 })
    expect(o.excluded).toEqual({ files: 1, lines: 1 })
    expect(o.files.map((f) => [f.path, f.uncovered])).toEqual([['src/a.js', [3, 4]], ['src/b.js', []]])
    expect(o.result).toBe('pass')
    expect(runCoverage(config([unit, integration], { cwd: dir, minCoverage: 60.01 }), index).breaches).toEqual(['line coverage 60.00 % < 60.01 %'])
    expect(runCoverage(config([unit, integration], { cwd: dir, minCoverage: 60 }), index).result).toBe('pass')
  })

  it('branch minimum: judged where measured, a failure where no report measures branches', () => {
    expect(runCoverage(config([integration], { cwd: dir, minCoverage: 0, minBranchCoverage: 60 }), index).breaches).toEqual(['branch coverage 50.00 % < 60 %'])
    expect(runCoverage(config([unit], { cwd: dir, minCoverage: 0, minBranchCoverage: 10 }), index).breaches[0]).toMatch(/no report measures branches/)
  })

  it('a report that names none of the repository\'s files fails closed', () => {
    const foreign = write('foreign.info', 'SF:/somewhere/else/lib.js\nDA:1,1\nend_of_record\n')
    expect(thrown(() => runCoverage(config([unit, foreign], { cwd: dir }), index)).message).toMatch(/foreign\.info: the LCOV report covers none of this repository's files \(it names \/somewhere\/else\/lib\.js\)/)
  })

  it('exclude that leaves nothing fails closed', () => {
    expect(thrown(() => runCoverage(config([unit], { cwd: dir, exclude: ['**'] }), index)).message).toMatch(/hold no coverable line once "exclude" leaves out 2 file\(s\)/)
  })

  it('diff coverage: changed coverable lines; a changed source file no report mentions counts as uncovered; tests, docs and blank lines do not count', () => {
    const changes: ChangedLines = {
      base: { sha: 'abc', describe: 'pull request #5' },
      mergeBase: 'abc',
      files: new Map([
        ['src/a.js', [1, 2, 3, 7]],
        ['src/b.js', [1]],
        ['test/a.test.js', [1]],
        ['README.md', [1, 2]],
        ['src/new.js', [1, 2, 3]]
      ])
    }
    const o = runCoverage(config([unit, integration], { cwd: dir, minCoverage: 0, changes }), index)
    // a.js: 1 and 2 covered, 3 not, 7 not coverable; b.js: 1 covered; new.js (not on disk): 3 lines
    expect(o.diff).toMatchObject({ covered: 3, total: 7, excluded: 1 })
    expect(o.diff!.files).toEqual([
      { path: 'src/new.js', covered: 0, uncovered: [1, 2, 3], reason: 'no report mentions it' },
      { path: 'src/a.js', covered: 2, uncovered: [3] },
      { path: 'src/b.js', covered: 1, uncovered: [] }
    ])
    expect(o.breaches).toEqual(['diff coverage 42.86 % < 80 % (4 of 7 changed lines not covered)'])
    const notes = uncoveredAnnotations(o, 1)
    expect(notes).toEqual({ shown: [{ file: 'src/new.js', startLine: 1, endLine: 1, message: '3 changed line(s) count as not covered: no report mentions it.' }], more: 1 })
    const md = coverageMarkdown(o)
    expect(md.split('\n')[0]).toBe('## ❌ Coverage gate failed: `fail`')
    expect(md).toContain('| Changed lines (pull request #5) | 42.86 % (3/7) | 80 % | ❌ under |')
    expect(md).toContain('| `src/new.js` | 3 | all 3 changed line(s): no report mentions it |')
  })

  it('the per-file table is bounded and most uncovered first', () => {
    const many = Array.from({ length: 40 }, (_, i) => `SF:src/f${i}.js\n${Array.from({ length: i + 1 }, (_, l) => `DA:${l + 1},0`).join('\n')}\nend_of_record`).join('\n')
    const big = new RepoIndex(dir, Array.from({ length: 40 }, (_, i) => `src/f${i}.js`))
    const o = runCoverage(config([write('many.info', `${many}\n`)], { cwd: dir }), big)
    const md = coverageMarkdown(o)
    expect(md).toContain('| `src/f39.js` | 0.00 % (0/40) | – | 1-40 |')
    expect(md.indexOf('src/f39.js')).toBeLessThan(md.indexOf('src/f38.js'))
    expect(md).not.toContain('src/f14.js`')
    expect(md).toContain('| … 15 more file(s), better covered | | | |')
  })
})

describe('inputs', () => {
  it('defaults: 70 % lines, 80 % changed lines, no branch minimum, the default excludes', () => {
    expect(readCoverageSettings(() => undefined)).toMatchObject({ minCoverage: 70, minDiffCoverage: 80, minBranchCoverage: undefined, exclude: DEFAULT_EXCLUDE, format: 'auto' })
  })
  it.each([
    ['min-coverage', '101', /Input "min-coverage" must be a percentage from 0 to 100, got "101"/],
    ['min-coverage', 'none', /must be a percentage from 0 to 100, got "none"/],
    ['min-diff-coverage', 'lots', /Input "min-diff-coverage" must be a percentage from 0 to 100 or "none"/],
    ['format', 'clover', /Input "format" must be one of auto, lcov/]
  ])('%s: %s', (name, value, message) => {
    expect(thrown(() => readCoverageSettings((n) => (n === name ? value : undefined))).message).toMatch(message)
  })
  it('"none" turns diff coverage and exclusion off; 82.5% is a percentage', () => {
    const s = readCoverageSettings((n) => ({ 'min-diff-coverage': 'none', exclude: 'none', 'min-coverage': '82.5%' })[n])
    expect(s).toMatchObject({ minDiffCoverage: undefined, exclude: [], minCoverage: 82.5 })
  })
})

describe('small helpers', () => {
  it('ranges and below', () => {
    expect(ranges([1, 2, 3, 5, 7, 8])).toBe('1-3, 5, 7-8')
    expect(ranges([1, 3, 5], 2)).toBe('1, 3, …')
    expect(ranges([1, 3], 2)).toBe('1, 3')
    expect(below({ covered: 7, total: 10 }, 70)).toBe(false)
    expect(below({ covered: 699, total: 1000 }, 70)).toBe(true)
  })
})

describe('action.yml of coverage-gate', () => {
  const meta = parseYaml(readFileSync(join(REPO_ROOT, 'actions', 'coverage-gate', 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>
    outputs: Record<string, unknown>
  }
  it('declares exactly the inputs and outputs the code reads and writes', () => {
    expect(Object.keys(meta.inputs).sort()).toEqual([...Object.values(CoverageInput)].sort())
    expect(Object.keys(meta.outputs).sort()).toEqual([...Object.values(CoverageOutput)].sort())
  })
  it('documents the defaults the code applies', () => {
    expect(readCoverageSettings((n) => meta.inputs[n]?.default)).toEqual(readCoverageSettings(() => undefined))
  })
})

describe('the suite\'s one PR comment', () => {
  const sec = { gate: 'security-gate', key: 'ci', body: '## 🟡 Security gate\ntable' }
  const cov = { gate: 'coverage-gate', key: 'ci', body: '## ✅ Coverage gate\nfiles' }
  it('sections in the gates\' order whoever writes first; a section replaced in place; others kept', () => {
    const first = renderComment([], cov)
    const both = renderComment(parseSections(first), sec)
    expect(both).toBe(
      '<!-- sgw:security-gate:ci -->\n## 🟡 Security gate\ntable\n<!-- /sgw:security-gate:ci -->\n\n<!-- sgw:coverage-gate:ci -->\n## ✅ Coverage gate\nfiles\n<!-- /sgw:coverage-gate:ci -->\n\n<!-- sgw:pr-comment -->'
    )
    const updated = renderComment(parseSections(both), { ...cov, body: '## ❌ Coverage gate\nless' })
    expect(parseSections(updated)).toEqual([sec, { ...cov, body: '## ❌ Coverage gate\nless' }])
  })
  it('reads a comment of the one-comment-per-gate era (a start marker, no end marker)', () => {
    expect(parseSections('<!-- sgw:security-gate:security -->\n## Security gate\nbody\n')).toEqual([{ gate: 'security-gate', key: 'security', body: '## Security gate\nbody' }])
    expect(isSuiteComment('<!-- sgw:security-gate:security -->\nx')).toBe(true)
    expect(isSuiteComment('LGTM <!-- not ours -->')).toBe(false)
  })
  it('a key cannot close the hidden comment early', () => {
    expect(sectionStart('coverage-gate', 'CI --> <b>')).toBe('<!-- sgw:coverage-gate:CI -- b -->')
  })
  it('sections are cut, longest first, so that the comment fits GitHub\'s limit', () => {
    const body = renderComment([{ ...sec, body: 'x'.repeat(50_000) }], { ...cov, body: 'y'.repeat(40_000) })
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    const [s, c] = parseSections(body)
    expect(s.body).toMatch(/^x+\n\n… cut to fit a comment; the job summary has the rest\.$/)
    expect(c.body).toBe('y'.repeat(40_000))
  })
})
