// The coverage gate, shared by actions/coverage-gate and `sgw coverage`: read every report, map
// its paths to the repository's files, merge them into one view (several reports, languages or
// packages of a monorepo make one verdict), and judge line, branch and diff coverage.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Minimatch } from 'minimatch'
import { UserError } from '../errors/user-error.js'
import type { ReviewBase } from '../policy/review.js'
import type { ChangedLines } from './changed-lines.js'
import {
  below,
  branchCounter,
  FORMAT_NAMES,
  hitsAt,
  lineCounter,
  mergeFiles,
  type Counter,
  type CoverageFormat,
  type FileCoverage
} from './model.js'
import { readCoverageFile } from './read-report.js'
import { mapReportPath, RepoIndex } from './repo-paths.js'
import { SOURCE_EXTENSIONS, type CoverageSettings } from './settings.js'

export interface CoverageConfig extends CoverageSettings {
  /** Report files (already expanded). */
  reports: string[]
  /** The repository root the tests ran in. */
  cwd: string
  /** The pull request's changed lines, when diff coverage is measured. */
  changes?: ChangedLines
}

export interface ReportRow {
  path: string
  format: CoverageFormat
  tool?: string
  files: number
  /** Report paths that name no repository file (counted in the totals, not in diff coverage). */
  unmapped: string[]
}

export interface FileRow {
  /** The repository path, or the report's path when it names no repository file. */
  path: string
  mapped: boolean
  lines: Counter
  branches?: Counter
  /** Lines with no hits (empty for totals-only reports). */
  uncovered: number[]
}

export interface DiffFile {
  path: string
  covered: number
  /** Changed lines the tests did not run. */
  uncovered: number[]
  /** Why every changed line counts as uncovered, when no report gives this file's lines. */
  reason?: 'no report mentions it' | 'its report has totals only'
}

export interface DiffOutcome {
  base: ReviewBase
  mergeBase: string
  covered: number
  total: number
  /** Changed source files with at least one coverable changed line, most uncovered first. */
  files: DiffFile[]
  /** Changed files left out by `exclude`. */
  excluded: number
}

export interface CoverageOutcome {
  result: 'pass' | 'fail'
  reports: ReportRow[]
  /** Included files, most uncovered lines first. */
  files: FileRow[]
  lines: Counter
  /** Undefined when no report measured branches. */
  branches?: Counter
  diff?: DiffOutcome
  thresholds: { line: number; branch?: number; diff?: number }
  /** One clause per failed condition: "line coverage 63.89 % < 70 %". */
  breaches: string[]
  excluded: { files: number; lines: number }
  notes: string[]
}

interface Merged {
  file: FileCoverage
  path: string
  mapped: boolean
}

export function formatPercent(c: Counter | undefined): string {
  if (!c || c.total === 0) return ''
  return ((100 * c.covered) / c.total).toFixed(2)
}

/** Compiled once: a large report asks for every file, and minimatch compiles per call otherwise. */
function excluder(patterns: readonly string[]): (path: string) => boolean {
  const compiled = patterns.map((p) => new Minimatch(p, { dot: true }))
  return (path) => compiled.some((m) => m.match(path))
}

export function runCoverage(config: CoverageConfig, index: RepoIndex = RepoIndex.load(config.cwd)): CoverageOutcome {
  const reports: ReportRow[] = []
  const merged = new Map<string, Merged>()
  const notes: string[] = []
  let measuresBranches = false
  for (const reportPath of config.reports) {
    const parsed = readCoverageFile(reportPath, config.format)
    const unmapped: string[] = []
    let mappedCount = 0
    for (const file of parsed.files) {
      const repoPath = mapReportPath(file.path, { format: parsed.format, reportPath, sourceRoots: parsed.sourceRoots }, index)
      if (repoPath) mappedCount++
      else unmapped.push(file.path)
      const key = repoPath ?? `\0${file.path}`
      const had = merged.get(key)
      merged.set(
        key,
        had ? { ...had, file: mergeFiles(had.file, file) } : { file, path: repoPath ?? file.path, mapped: repoPath !== undefined }
      )
    }
    if (mappedCount === 0) {
      throw new UserError(
        `${reportPath}: the ${FORMAT_NAMES[parsed.format]} report covers none of this repository's files (it names ${parsed.files[0].path}${parsed.files.length > 1 ? ` and ${parsed.files.length - 1} more` : ''}); run the gate in the checkout the tests ran in.`
      )
    }
    measuresBranches ||= parsed.hasBranches
    reports.push({ path: reportPath, format: parsed.format, tool: parsed.tool, files: parsed.files.length, unmapped })
  }

  const files: FileRow[] = []
  const isExcluded = excluder(config.exclude)
  const excluded = { files: 0, lines: 0 }
  const lines: Counter = { covered: 0, total: 0 }
  let branches: Counter | undefined
  for (const m of merged.values()) {
    const lc = lineCounter(m.file)
    if (isExcluded(m.path)) {
      excluded.files++
      excluded.lines += lc.total
      continue
    }
    const bc = branchCounter(m.file)
    lines.covered += lc.covered
    lines.total += lc.total
    if (bc) {
      branches ??= { covered: 0, total: 0 }
      branches.covered += bc.covered
      branches.total += bc.total
    }
    const uncovered: number[] = []
    if (m.file.lines)
      for (let i = 0; i < m.file.lines.nums.length; i++) if (m.file.lines.hits[i] === 0) uncovered.push(m.file.lines.nums[i])
    files.push({ path: m.path, mapped: m.mapped, lines: lc, branches: bc, uncovered })
  }
  if (lines.total === 0) {
    throw new UserError(
      `The coverage reports hold no coverable line${excluded.files ? ` once "exclude" leaves out ${excluded.files} file(s)` : ''}; the tests measured nothing, or exclude is too wide.`
    )
  }
  if (!branches && measuresBranches) branches = { covered: 0, total: 0 }
  files.sort((a, b) => b.lines.total - b.lines.covered - (a.lines.total - a.lines.covered) || a.path.localeCompare(b.path))
  const unmappedCount = reports.reduce((n, r) => n + r.unmapped.length, 0)
  if (unmappedCount)
    notes.push(
      `${unmappedCount} report path(s) name no file of this repository; they count in the totals as the tool measured them, but not in diff coverage.`
    )

  const diff = config.changes ? diffCoverage(config.changes, merged, config, isExcluded) : undefined

  const breaches: string[] = []
  if (below(lines, config.minCoverage)) breaches.push(`line coverage ${formatPercent(lines)} % < ${config.minCoverage} %`)
  if (config.minBranchCoverage !== undefined) {
    if (!branches || branches.total === 0) {
      breaches.push(
        `min-branch-coverage is ${config.minBranchCoverage} %, but no report measures branches (Go cover profiles never do; coverage.py needs --branch)`
      )
    } else if (below(branches, config.minBranchCoverage))
      breaches.push(`branch coverage ${formatPercent(branches)} % < ${config.minBranchCoverage} %`)
  }
  if (diff && config.minDiffCoverage !== undefined && diff.total > 0 && below(diff, config.minDiffCoverage)) {
    breaches.push(
      `diff coverage ${formatPercent(diff)} % < ${config.minDiffCoverage} % (${diff.total - diff.covered} of ${diff.total} changed lines not covered)`
    )
  }
  if (diff && diff.total === 0)
    notes.push(`${diff.base.describe} changes no coverable line of source code, so diff coverage does not apply.`)
  return {
    result: breaches.length ? 'fail' : 'pass',
    reports,
    files,
    lines,
    branches,
    diff,
    thresholds: { line: config.minCoverage, branch: config.minBranchCoverage, diff: diff ? config.minDiffCoverage : undefined },
    breaches,
    excluded,
    notes
  }
}

function diffCoverage(
  changes: ChangedLines,
  merged: Map<string, Merged>,
  config: CoverageConfig,
  isExcluded: (path: string) => boolean
): DiffOutcome {
  const out: DiffFile[] = []
  let excluded = 0
  for (const [path, changed] of changes.files) {
    const dot = path.lastIndexOf('.')
    if (dot === -1 || !SOURCE_EXTENSIONS.includes(path.slice(dot).toLowerCase())) continue
    if (isExcluded(path)) {
      excluded++
      continue
    }
    const entry = merged.get(path)
    if (entry?.file.lines) {
      const lines = entry.file.lines
      const uncovered: number[] = []
      let covered = 0
      for (const l of changed) {
        const h = hitsAt(lines, l)
        if (h === undefined) continue
        if (h > 0) covered++
        else uncovered.push(l)
      }
      if (covered + uncovered.length) out.push({ path, covered, uncovered })
      continue
    }
    // No line data: every changed line with code on it counts as not covered (fail closed).
    let text: string[] | undefined
    try {
      text = readFileSync(join(config.cwd, path), 'utf8').split('\n')
    } catch {
      text = undefined
    }
    const uncovered = changed.filter((l) => (text ? (text[l - 1] ?? '').trim() !== '' : true))
    if (uncovered.length) out.push({ path, covered: 0, uncovered, reason: entry ? 'its report has totals only' : 'no report mentions it' })
  }
  out.sort((a, b) => b.uncovered.length - a.uncovered.length || a.path.localeCompare(b.path))
  const covered = out.reduce((n, f) => n + f.covered, 0)
  const total = out.reduce((n, f) => n + f.covered + f.uncovered.length, 0)
  return { base: changes.base, mergeBase: changes.mergeBase, covered, total, files: out, excluded }
}
