// The one model every coverage format is read into: per file, the lines the tool could cover with
// their hit counts, the branch sites, and (for Go) the statement blocks the tool counts in.
// Plain data, no GitHub: the readers fill it, the gate merges and judges it.

export const COVERAGE_FORMATS = ['lcov', 'cobertura', 'jacoco', 'coveragepy', 'go', 'istanbul', 'istanbul-summary'] as const
export type CoverageFormat = (typeof COVERAGE_FORMATS)[number]

export const FORMAT_NAMES: Record<CoverageFormat, string> = {
  lcov: 'LCOV',
  cobertura: 'Cobertura XML',
  jacoco: 'JaCoCo XML',
  coveragepy: 'coverage.py JSON',
  go: 'Go cover profile',
  istanbul: 'Istanbul coverage-final.json',
  'istanbul-summary': 'Istanbul coverage-summary.json'
}

export interface Counter {
  covered: number
  total: number
}

/**
 * Sites with a weight and a covered part: branch outcomes (weight 1, or a line's conditions in
 * Cobertura and JaCoCo) and Go statement blocks (weight = statements). Parallel arrays: a 50 MB
 * report has millions of them, and arrays cost a fraction of a Map per site.
 */
export interface Sites {
  keys: string[]
  covered: number[]
  total: number[]
}

export function newSites(): Sites {
  return { keys: [], covered: [], total: [] }
}

export function addSite(sites: Sites, key: string, covered: number, total: number): void {
  sites.keys.push(key)
  sites.covered.push(covered)
  sites.total.push(total)
}

/** Coverable lines, ascending and unique once normalised, with their hit counts. */
export interface Lines {
  nums: number[]
  hits: number[]
}

export interface FileCoverage {
  /** The path exactly as the report writes it. */
  path: string
  /** Undefined for formats that give totals only (coverage-summary.json). */
  lines?: Lines
  branches?: Sites
  /** Go: statement blocks (key "startLine.startCol,endLine.endCol"), the unit `go tool cover` counts. */
  statements?: Sites
  /** Totals-only formats: the tool's own per-file totals. */
  summary?: { lines: Counter; branches?: Counter }
}

export interface ParsedCoverage {
  format: CoverageFormat
  /** e.g. "coverage.py 7.17.3", when the report says. */
  tool?: string
  files: FileCoverage[]
  /** Cobertura `<source>` roots, in order. */
  sourceRoots: string[]
  /** True when the report measured branches (so zero branches means none, not unmeasured). */
  hasBranches: boolean
}

/** Sorts and de-duplicates (summing hits) unless already strictly ascending, the usual case. */
export function normaliseLines(lines: Lines): Lines {
  const { nums } = lines
  let sorted = true
  for (let i = 1; i < nums.length; i++) {
    if (nums[i] <= nums[i - 1]) {
      sorted = false
      break
    }
  }
  if (sorted) return lines
  const merged = new Map<number, number>()
  for (let i = 0; i < nums.length; i++) merged.set(nums[i], (merged.get(nums[i]) ?? 0) + lines.hits[i])
  const keys = [...merged.keys()].sort((a, b) => a - b)
  return { nums: keys, hits: keys.map((k) => merged.get(k)!) }
}

/** Hits of a line, or undefined when the tool could not cover it (blank, comment, declaration). */
export function hitsAt(lines: Lines, line: number): number | undefined {
  let lo = 0
  let hi = lines.nums.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const n = lines.nums[mid]
    if (n === line) return lines.hits[mid]
    if (n < line) lo = mid + 1
    else hi = mid - 1
  }
  return undefined
}

export function sumSites(sites: Sites | undefined): Counter | undefined {
  if (!sites) return undefined
  let covered = 0
  let total = 0
  for (let i = 0; i < sites.keys.length; i++) {
    covered += sites.covered[i]
    total += sites.total[i]
  }
  return { covered, total }
}

/** The file's line counter in the tool's own unit: statements for Go, lines elsewhere. */
export function lineCounter(file: FileCoverage): Counter {
  if (file.statements) return sumSites(file.statements)!
  if (file.lines) {
    let covered = 0
    for (const h of file.lines.hits) if (h > 0) covered++
    return { covered, total: file.lines.nums.length }
  }
  return file.summary?.lines ?? { covered: 0, total: 0 }
}

export function branchCounter(file: FileCoverage): Counter | undefined {
  return file.branches ? sumSites(file.branches) : file.summary?.branches
}

function mergeSites(a: Sites | undefined, b: Sites | undefined): Sites | undefined {
  if (!a || !b) return a ?? b
  const byKey = new Map<string, [number, number]>()
  for (const s of [a, b]) {
    for (let i = 0; i < s.keys.length; i++) {
      const had = byKey.get(s.keys[i])
      byKey.set(s.keys[i], had ? [Math.max(had[0], s.covered[i]), Math.max(had[1], s.total[i])] : [s.covered[i], s.total[i]])
    }
  }
  const out = newSites()
  for (const [key, [covered, total]] of byKey) addSite(out, key, covered, total)
  return out
}

/**
 * One file's coverage from two reports (two test runs, or the same run in two formats): a line is
 * covered when either covers it, a branch outcome or a statement block likewise.
 */
export function mergeFiles(a: FileCoverage, b: FileCoverage): FileCoverage {
  const lines =
    a.lines && b.lines
      ? normaliseLines({ nums: [...a.lines.nums, ...b.lines.nums], hits: [...a.lines.hits, ...b.lines.hits] })
      : (a.lines ?? b.lines)
  // Per-line detail wins over totals; two totals-only entries keep the better (they measure the same code).
  const summary = lines
    ? undefined
    : a.summary && b.summary
      ? a.summary.lines.covered >= b.summary.lines.covered
        ? a.summary
        : b.summary
      : (a.summary ?? b.summary)
  return {
    path: a.path,
    lines,
    branches: mergeSites(a.branches, b.branches),
    statements: mergeSites(a.statements, b.statements),
    summary
  }
}

/** Percent with the exactness of the counts; undefined for nothing to cover. */
export function percent(c: Counter | undefined): number | undefined {
  return c && c.total > 0 ? (100 * c.covered) / c.total : undefined
}

/** Below a minimum percent, decided on the integers (no floating-point edge at exactly the limit). */
export function below(c: Counter, minPercent: number): boolean {
  return c.covered * 100 < minPercent * c.total - 1e-9 * c.total
}

/** Lines as compact ranges: "3-5, 9, 12-14", at most `limit` ranges (then "…"). */
export function ranges(lines: readonly number[], limit = Infinity): string {
  const out: string[] = []
  let i = 0
  while (i < lines.length && out.length < limit) {
    let j = i
    while (j + 1 < lines.length && lines[j + 1] === lines[j] + 1) j++
    out.push(i === j ? String(lines[i]) : `${lines[i]}-${lines[j]}`)
    i = j + 1
  }
  return i < lines.length ? `${out.join(', ')}, …` : out.join(', ')
}

/** A report that is not what its format says (truncated, a field of the wrong type). */
export class MalformedReport extends Error {
  override readonly name = 'MalformedReport'
}
