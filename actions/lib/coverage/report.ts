// What the coverage gate shows: the job summary and PR comment section (markdown), the CLI's text,
// the JSON document, and the few annotations worth a place in the diff view.
import { esc } from '../report/markdown.js'
import { FORMAT_NAMES, ranges, type Counter } from './model.js'
import { formatPercent, type CoverageOutcome, type DiffFile } from './run-coverage.js'

export const TABLE_ROWS = 25
const DIFF_ROWS = 25

const pct = (c: Counter | undefined) => (c && c.total ? `${formatPercent(c)} %` : 'n/a')
const cell = (c: Counter | undefined) => (c && c.total ? `${formatPercent(c)} % (${c.covered}/${c.total})` : '–')

function status(c: Counter | undefined, min: number | undefined): string {
  if (min === undefined || !c || c.total === 0) return ''
  return (100 * c.covered) / c.total + 1e-9 >= min ? '✓' : '❌ under'
}

export interface CoverageSummaryContext {
  /** For links to files: server URL, owner/repo, commit. */
  repoUrl?: { server: string; repository: string; sha: string }
  /** The command that reproduces the gate locally. */
  reproduce?: string
  title?: string
}

function link(path: string, line: number | undefined, ctx: CoverageSummaryContext): string {
  const shown = esc(path)
  if (!ctx.repoUrl) return `\`${shown}\``
  const url = `${ctx.repoUrl.server}/${ctx.repoUrl.repository}/blob/${ctx.repoUrl.sha}/${path.split('/').map(encodeURIComponent).join('/')}${line ? `#L${line}` : ''}`
  return `[${shown}](${url})`
}

export function coverageMarkdown(outcome: CoverageOutcome, ctx: CoverageSummaryContext = {}): string {
  const title = ctx.title ?? 'Coverage gate'
  const lines: string[] = []
  const t = outcome.thresholds
  lines.push(
    `## ${outcome.result === 'pass' ? '✅' : '❌'} ${title} ${outcome.result === 'pass' ? 'passed' : 'failed'}: \`${outcome.result}\``
  )
  lines.push('')
  const what = outcome.reports.map((r) => `${esc(r.path)} (${FORMAT_NAMES[r.format]}${r.tool ? `, ${esc(r.tool)}` : ''})`).join(', ')
  lines.push(`${outcome.files.length} file(s) from ${outcome.reports.length} report(s): ${what}.`)
  lines.push('')
  lines.push('| Measure | Coverage | Minimum | Status |')
  lines.push('|---|---:|---:|---|')
  lines.push(`| Lines | ${cell(outcome.lines)} | ${t.line} % | ${status(outcome.lines, t.line)} |`)
  if (outcome.branches)
    lines.push(
      `| Branches | ${cell(outcome.branches)} | ${t.branch === undefined ? '–' : `${t.branch} %`} | ${status(outcome.branches, t.branch)} |`
    )
  else if (t.branch !== undefined) lines.push(`| Branches | not measured | ${t.branch} % | ❌ under |`)
  if (outcome.diff) {
    const d = outcome.diff
    lines.push(
      `| Changed lines (${esc(d.base.describe)}) | ${d.total ? cell(d) : 'none to cover'} | ${t.diff === undefined ? '–' : `${t.diff} %`} | ${status(d, t.diff)} |`
    )
  }
  lines.push('')
  if (outcome.breaches.length) {
    lines.push('### Why it failed')
    for (const b of outcome.breaches) lines.push(`- ${esc(b)}`)
    lines.push('')
  }
  if (outcome.diff && outcome.diff.files.some((f) => f.uncovered.length)) {
    const d = outcome.diff
    const missing = d.files.filter((f) => f.uncovered.length)
    lines.push(`### Changed lines not covered (${d.total - d.covered} in ${missing.length} file(s))`)
    lines.push('')
    lines.push('| File | Not covered | Lines |')
    lines.push('|---|---:|---|')
    for (const f of missing.slice(0, DIFF_ROWS))
      lines.push(`| ${link(f.path, f.uncovered[0], ctx)} | ${f.uncovered.length} | ${diffCell(f)} |`)
    if (missing.length > DIFF_ROWS) lines.push(`| … ${missing.length - DIFF_ROWS} more file(s) | | |`)
    lines.push('')
  }
  lines.push(`### Files, most uncovered lines first`)
  lines.push('')
  lines.push('| File | Lines | Branches | Not covered |')
  lines.push('|---|---:|---:|---|')
  for (const f of outcome.files.slice(0, TABLE_ROWS)) {
    const where = f.mapped ? link(f.path, f.uncovered[0], ctx) : `${esc(f.path)} (not in this repository)`
    lines.push(`| ${where} | ${cell(f.lines)} | ${cell(f.branches)} | ${esc(ranges(f.uncovered, 8))} |`)
  }
  if (outcome.files.length > TABLE_ROWS) lines.push(`| … ${outcome.files.length - TABLE_ROWS} more file(s), better covered | | | |`)
  lines.push('')
  const notes = [...outcome.notes]
  if (outcome.excluded.files) notes.push(`${outcome.excluded.files} file(s) (${outcome.excluded.lines} line(s)) left out by \`exclude\`.`)
  if (outcome.diff?.excluded) notes.push(`${outcome.diff.excluded} changed file(s) left out of diff coverage by \`exclude\`.`)
  for (const r of outcome.reports)
    if (r.unmapped.length)
      notes.push(`${esc(r.path)}: ${r.unmapped.length} path(s) not found in the repository, e.g. \`${esc(r.unmapped[0])}\`.`)
  if (notes.length) {
    lines.push('### Notes')
    for (const n of notes) lines.push(`- ${n}`)
    lines.push('')
  }
  if (outcome.result === 'fail') {
    lines.push('### What to do next')
    lines.push('- Add tests for the lines listed above, or lower the minimum in the workflow (a change a reviewer sees).')
    if (outcome.diff?.files.some((f) => f.reason))
      lines.push('- A changed file no report mentions counts as not covered: add its report, or `exclude` it if it is not code under test.')
    if (ctx.reproduce) lines.push(`- Reproduce locally: \`${ctx.reproduce}\``)
    lines.push('')
  }
  return lines.join('\n')
}

function diffCell(f: DiffFile): string {
  return f.reason ? `all ${f.uncovered.length} changed line(s): ${f.reason}` : esc(ranges(f.uncovered, 10))
}

export function coverageText(outcome: CoverageOutcome): string {
  const out: string[] = []
  out.push(`Coverage gate: ${outcome.result.toUpperCase()}`)
  out.push(
    `  lines     ${pct(outcome.lines).padStart(9)}  (${outcome.lines.covered}/${outcome.lines.total}, minimum ${outcome.thresholds.line} %)`
  )
  if (outcome.branches)
    out.push(
      `  branches  ${pct(outcome.branches).padStart(9)}  (${outcome.branches.covered}/${outcome.branches.total}${outcome.thresholds.branch === undefined ? '' : `, minimum ${outcome.thresholds.branch} %`})`
    )
  if (outcome.diff)
    out.push(
      `  changed   ${pct(outcome.diff).padStart(9)}  (${outcome.diff.covered}/${outcome.diff.total} lines of ${outcome.diff.base.describe}${outcome.thresholds.diff === undefined ? '' : `, minimum ${outcome.thresholds.diff} %`})`
    )
  for (const b of outcome.breaches) out.push(`  breach: ${b}`)
  for (const f of outcome.diff?.files.filter((x) => x.uncovered.length).slice(0, DIFF_ROWS) ?? [])
    out.push(`  not covered: ${f.path} ${f.reason ? `(${f.reason})` : ranges(f.uncovered, 10)}`)
  for (const n of outcome.notes) out.push(`  note: ${n}`)
  return `${out.join('\n')}\n`
}

export function coverageJson(outcome: CoverageOutcome): Record<string, unknown> {
  const rate = (c: Counter | undefined) => (c && c.total ? Number(((100 * c.covered) / c.total).toFixed(4)) : null)
  return {
    result: outcome.result,
    lines: { ...outcome.lines, percent: rate(outcome.lines) },
    branches: outcome.branches ? { ...outcome.branches, percent: rate(outcome.branches) } : null,
    diff: outcome.diff
      ? {
          base: outcome.diff.base.sha,
          mergeBase: outcome.diff.mergeBase,
          covered: outcome.diff.covered,
          total: outcome.diff.total,
          percent: rate(outcome.diff),
          files: outcome.diff.files.map((f) => ({ path: f.path, covered: f.covered, uncovered: f.uncovered, reason: f.reason ?? null }))
        }
      : null,
    thresholds: { line: outcome.thresholds.line, branch: outcome.thresholds.branch ?? null, diff: outcome.thresholds.diff ?? null },
    breaches: outcome.breaches,
    reports: outcome.reports.map((r) => ({
      path: r.path,
      format: r.format,
      tool: r.tool ?? null,
      files: r.files,
      unmapped: r.unmapped.length
    })),
    files: outcome.files.map((f) => ({ path: f.path, inRepository: f.mapped, lines: f.lines, branches: f.branches ?? null })),
    excluded: outcome.excluded,
    notes: outcome.notes
  }
}

export interface LineAnnotation {
  file: string
  startLine: number
  endLine: number
  message: string
}

/** Uncovered changed lines as ranges, most uncovered files first, at most `limit` of them. */
export function uncoveredAnnotations(outcome: CoverageOutcome, limit: number): { shown: LineAnnotation[]; more: number } {
  const all: LineAnnotation[] = []
  for (const f of outcome.diff?.files ?? []) {
    if (f.reason) {
      all.push({
        file: f.path,
        startLine: f.uncovered[0],
        endLine: f.uncovered[0],
        message: `${f.uncovered.length} changed line(s) count as not covered: ${f.reason}.`
      })
      continue
    }
    for (let i = 0; i < f.uncovered.length;) {
      let j = i
      while (j + 1 < f.uncovered.length && f.uncovered[j + 1] === f.uncovered[j] + 1) j++
      const n = j - i + 1
      all.push({
        file: f.path,
        startLine: f.uncovered[i],
        endLine: f.uncovered[j],
        message: n === 1 ? 'This changed line is not covered by tests.' : `These ${n} changed lines are not covered by tests.`
      })
      i = j + 1
    }
  }
  return { shown: all.slice(0, limit), more: Math.max(0, all.length - limit) }
}
