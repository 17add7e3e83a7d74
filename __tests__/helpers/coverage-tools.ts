// The real coverage tools on the examples/coverage projects, and each tool's own totals read from
// its own output, for the tests that compare the gate with the tool.
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { REPO_ROOT } from './tools.js'

export const COVERAGE_LANGS = ['python', 'go', 'node', 'java'] as const
export type CoverageLang = (typeof COVERAGE_LANGS)[number]

/** Copy examples/coverage/<lang> to <dest>/examples/coverage/<lang>; returns the copy's folder. */
export function copyExample(lang: CoverageLang, dest = mkdtempSync(join(tmpdir(), 'sgw-cov-'))): string {
  const dir = join(dest, 'examples', 'coverage', lang)
  mkdirSync(join(dest, 'examples', 'coverage'), { recursive: true })
  cpSync(join(REPO_ROOT, 'examples', 'coverage', lang), dir, { recursive: true })
  return dir
}

/** Run the real tool (scripts/coverage-reports.sh) on a project; the reports land in `out`. A
 * missing tool fails with the script's message (install-test-tools.sh coverage), never a skip. */
export function runCoverageTool(lang: CoverageLang, project: string, out: string): void {
  execFileSync('bash', [join(REPO_ROOT, 'scripts', 'coverage-reports.sh'), lang, project, out], {
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 180_000
  })
}

export interface ToolTotals {
  /** The tool's own figure for lines (statements for Go), in percent, and its precision. */
  linePercent: number
  precision: number
  lines?: { covered: number; total: number }
  branches?: { covered: number; total: number }
  /** coverage.py with --branch: its percent_covered over statements and branches together. */
  combinedPercent?: number
}

/** Each tool's own totals from its own output in `dir` (for python: the branch run's numbers too). */
export function toolTotals(lang: CoverageLang, dir: string): ToolTotals & { branchRun?: ToolTotals } {
  const json = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8'))
  switch (lang) {
    case 'python': {
      const plain = json('coverage.json').totals
      const branch = json('coverage-branch.json').totals
      return {
        linePercent: plain.percent_covered,
        precision: 1e-9,
        lines: { covered: plain.covered_lines, total: plain.num_statements },
        branchRun: {
          linePercent: (100 * branch.covered_lines) / branch.num_statements,
          precision: 1e-9,
          lines: { covered: branch.covered_lines, total: branch.num_statements },
          branches: { covered: branch.covered_branches, total: branch.num_branches },
          combinedPercent: branch.percent_covered
        }
      }
    }
    case 'go': {
      // go tool cover -func prints one decimal: "total:  (statements)  54.2%".
      const m = /^total:\s+\(statements\)\s+([\d.]+)%$/m.exec(readFileSync(join(dir, 'cover-func.txt'), 'utf8'))
      if (!m) throw new Error('no total line in cover-func.txt')
      return { linePercent: Number(m[1]), precision: 0.05 }
    }
    case 'node': {
      const t = json('coverage-summary.json').total
      return {
        linePercent: t.lines.pct,
        precision: 0.01,
        lines: { covered: t.lines.covered, total: t.lines.total },
        branches: { covered: t.branches.covered, total: t.branches.total }
      }
    }
    case 'java': {
      const rows = readFileSync(join(dir, 'jacoco.csv'), 'utf8').trim().split('\n')
      const head = rows[0].split(',')
      const sum = (col: string) => rows.slice(1).reduce((n, r) => n + Number(r.split(',')[head.indexOf(col)]), 0)
      const lines = { covered: sum('LINE_COVERED'), total: sum('LINE_COVERED') + sum('LINE_MISSED') }
      const branches = { covered: sum('BRANCH_COVERED'), total: sum('BRANCH_COVERED') + sum('BRANCH_MISSED') }
      return { linePercent: (100 * lines.covered) / lines.total, precision: 1e-9, lines, branches }
    }
  }
}

/** The reports each tool wrote, by the name coverage-reports.sh gives them. */
export const REPORTS: Record<CoverageLang, string[]> = {
  python: ['coverage.json', 'coverage-branch.json', 'coverage.xml', 'coverage.lcov'],
  go: ['cover.out'],
  node: ['coverage-final.json', 'coverage-summary.json', 'lcov.info', 'cobertura-coverage.xml'],
  java: ['jacoco.xml']
}
