// The JSON coverage formats: coverage.py's `coverage json`, Istanbul's coverage-final.json (nyc,
// c8, jest, vitest) and coverage-summary.json. Every field is checked before use: a value of the
// wrong type is a malformed report, never a crash and never a silently smaller number.
import { addSite, MalformedReport, newSites, normaliseLines, type Counter, type FileCoverage, type ParsedCoverage } from './model.js'

type Json = Record<string, unknown>

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function lineList(v: unknown, where: string): number[] {
  if (!Array.isArray(v) || !v.every((n) => Number.isInteger(n) && n > 0))
    throw new MalformedReport(`${where} is not a list of line numbers`)
  return v as number[]
}

function arcList(v: unknown, where: string): [number, number][] {
  if (!Array.isArray(v) || !v.every((a) => Array.isArray(a) && a.length === 2 && Number.isInteger(a[0]) && Number.isInteger(a[1]))) {
    throw new MalformedReport(`${where} is not a list of [from, to] line pairs`)
  }
  return v as [number, number][]
}

/** coverage.py JSON: `meta` (format, version, branch_coverage) and `files` keyed by path. */
export function isCoveragePy(doc: Json): boolean {
  return isObject(doc.meta) && isObject(doc.files) && 'format' in doc.meta
}

export function readCoveragePy(doc: Json): ParsedCoverage {
  const meta = doc.meta as Json
  const hasBranches = meta.branch_coverage === true
  const files: FileCoverage[] = []
  for (const [path, entry] of Object.entries(doc.files as Json)) {
    if (!isObject(entry)) throw new MalformedReport(`files["${path}"] is not an object`)
    const executed = lineList(entry.executed_lines, `files["${path}"].executed_lines`)
    const missing = lineList(entry.missing_lines, `files["${path}"].missing_lines`)
    const lines = normaliseLines({ nums: [...executed, ...missing], hits: [...executed.map(() => 1), ...missing.map(() => 0)] })
    const file: FileCoverage = { path, lines }
    if (hasBranches) {
      file.branches = newSites()
      for (const [from, to] of arcList(entry.executed_branches ?? [], `files["${path}"].executed_branches`))
        addSite(file.branches, `${from}>${to}`, 1, 1)
      for (const [from, to] of arcList(entry.missing_branches ?? [], `files["${path}"].missing_branches`))
        addSite(file.branches, `${from}>${to}`, 0, 1)
    }
    files.push(file)
  }
  const version = typeof meta.version === 'string' ? meta.version : undefined
  return { format: 'coveragepy', tool: version ? `coverage.py ${version}` : 'coverage.py', files, sourceRoots: [], hasBranches }
}

function startLine(loc: unknown, where: string): number {
  const line = isObject(loc) && isObject(loc.start) ? loc.start.line : undefined
  if (!Number.isInteger(line)) throw new MalformedReport(`${where}.start.line is not a line number`)
  return line as number
}

/** Istanbul coverage-final.json: paths to { path, statementMap, s, branchMap, b, fnMap, f }. */
export function isIstanbulFinal(doc: Json): boolean {
  const first = Object.values(doc)[0]
  return isObject(first) && isObject(first.statementMap) && isObject(first.s)
}

export function readIstanbulFinal(doc: Json): ParsedCoverage {
  const files: FileCoverage[] = []
  let hasBranches = false
  for (const [key, entry] of Object.entries(doc)) {
    if (!isObject(entry) || !isObject(entry.statementMap) || !isObject(entry.s))
      throw new MalformedReport(`"${key}" has no statementMap and s`)
    const path = typeof entry.path === 'string' && entry.path ? entry.path : key
    // Istanbul's line coverage: each statement counts on its first line, a line takes the
    // highest count of the statements that start on it (FileCoverage.getLineCoverage).
    const byLine = new Map<number, number>()
    for (const [id, hits] of Object.entries(entry.s)) {
      if (typeof hits !== 'number' || hits < 0) throw new MalformedReport(`"${key}".s["${id}"] is not a count`)
      const loc = entry.statementMap[id]
      if (loc === undefined) continue
      const line = startLine(loc, `"${key}".statementMap["${id}"]`)
      const had = byLine.get(line)
      if (had === undefined || had < hits) byLine.set(line, hits)
    }
    const nums = [...byLine.keys()].sort((a, b) => a - b)
    const file: FileCoverage = { path, lines: { nums, hits: nums.map((n) => byLine.get(n)!) } }
    if (entry.b !== undefined) {
      if (!isObject(entry.b)) throw new MalformedReport(`"${key}".b is not an object`)
      file.branches = newSites()
      for (const [id, outcomes] of Object.entries(entry.b)) {
        if (!Array.isArray(outcomes) || !outcomes.every((h) => typeof h === 'number'))
          throw new MalformedReport(`"${key}".b["${id}"] is not a list of counts`)
        outcomes.forEach((h: number, i) => addSite(file.branches!, `${id}:${i}`, h > 0 ? 1 : 0, 1))
      }
      hasBranches = true
    }
    files.push(file)
  }
  return { format: 'istanbul', files, sourceRoots: [], hasBranches }
}

/** Istanbul coverage-summary.json: `total` and paths to { lines, statements, functions, branches }. */
export function isIstanbulSummary(doc: Json): boolean {
  return isObject(doc.total) && isObject(doc.total.lines) && isObject(doc.total.statements)
}

function counter(v: unknown, where: string): Counter {
  if (
    !isObject(v) ||
    !Number.isInteger(v.covered) ||
    !Number.isInteger(v.total) ||
    (v.covered as number) > (v.total as number) ||
    (v.covered as number) < 0
  ) {
    throw new MalformedReport(`${where} has no whole covered and total counts`)
  }
  return { covered: v.covered as number, total: v.total as number }
}

export function readIstanbulSummary(doc: Json): ParsedCoverage {
  const files: FileCoverage[] = []
  let hasBranches = false
  for (const [path, entry] of Object.entries(doc)) {
    if (path === 'total') continue
    if (!isObject(entry)) throw new MalformedReport(`"${path}" is not an object`)
    const branches = entry.branches === undefined ? undefined : counter(entry.branches, `"${path}".branches`)
    if (branches) hasBranches = true
    files.push({ path, summary: { lines: counter(entry.lines, `"${path}".lines`), branches } })
  }
  return { format: 'istanbul-summary', files, sourceRoots: [], hasBranches }
}
