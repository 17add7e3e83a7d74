// The coverage gate's inputs, parsed once. Action inputs and `sgw coverage` flags share the names.
import { UserError } from '../errors/user-error.js'
import { parseChoice, parseList, parseWholeNumber } from '../inputs/parse.js'
import { COVERAGE_FORMATS, type CoverageFormat } from './model.js'

export const CoverageInput = {
  Reports: 'reports',
  Format: 'format',
  MinCoverage: 'min-coverage',
  MinBranchCoverage: 'min-branch-coverage',
  MinDiffCoverage: 'min-diff-coverage',
  Exclude: 'exclude',
  Base: 'base',
  MaxAnnotations: 'max-annotations',
  Summary: 'summary',
  CommentOnPr: 'comment-on-pr',
  GithubToken: 'github-token'
} as const

export const CoverageOutput = {
  Result: 'result',
  LineCoverage: 'line-coverage',
  BranchCoverage: 'branch-coverage',
  DiffCoverage: 'diff-coverage',
  LinesCovered: 'lines-covered',
  LinesTotal: 'lines-total',
  DiffLinesCovered: 'diff-lines-covered',
  DiffLinesTotal: 'diff-lines-total',
  Files: 'files'
} as const

export const DEFAULT_MIN_COVERAGE = 70
/**
 * New code is held to more than the whole: 80 is SonarQube's "Sonar way" condition on new code,
 * above the 70 overall so that the total rises as code is touched, and short of 100, which makes
 * people test logging and impossible branches for the number's sake.
 */
export const DEFAULT_MIN_DIFF_COVERAGE = 80

/** Tests, fixtures and generated code: not what the gate measures, nor counted when a change touches them. */
export const DEFAULT_EXCLUDE = [
  '**/test/**',
  '**/tests/**',
  '**/__tests__/**',
  '**/__mocks__/**',
  '**/testdata/**',
  '**/src/test/**',
  '**/*_test.go',
  '**/*.test.*',
  '**/*.spec.*',
  '**/test_*.py',
  '**/*_test.py',
  '**/conftest.py',
  '**/*.d.ts',
  '**/generated/**',
  '**/*.generated.*',
  '**/*.pb.go',
  '**/*_pb2.py',
  '**/*_pb2_grpc.py',
  '**/vendor/**',
  '**/node_modules/**'
]

/**
 * What counts as a source file when a change touches one that no report mentions: the languages
 * the formats above come from. Anything else (docs, YAML, lockfiles, shell) is not measured.
 */
export const SOURCE_EXTENSIONS = [
  '.py',
  '.go',
  '.js',
  '.jsx',
  '.mjs',
  '.cjs',
  '.ts',
  '.tsx',
  '.mts',
  '.cts',
  '.vue',
  '.svelte',
  '.java',
  '.kt',
  '.kts',
  '.scala',
  '.groovy',
  '.cs',
  '.fs',
  '.vb',
  '.c',
  '.cc',
  '.cpp',
  '.cxx',
  '.h',
  '.hh',
  '.hpp',
  '.rs',
  '.swift',
  '.rb',
  '.php',
  '.dart',
  '.ex',
  '.exs'
]

export interface CoverageSettings {
  format: CoverageFormat | 'auto'
  minCoverage: number
  minBranchCoverage?: number
  /** undefined: diff coverage is not measured. */
  minDiffCoverage?: number
  exclude: string[]
  /** Compare against this ref whatever the event (`sgw coverage --base origin/main`). */
  base?: string
  maxAnnotations: number
}

export type InputReader = (name: string) => string | undefined

/** A percentage 0..100 (decimals allowed); `none` only where allowed. */
export function parsePercent(name: string, raw: string | undefined, fallback: number | undefined, allowNone: boolean): number | undefined {
  const value = (raw ?? '').trim()
  if (value === '') return fallback
  if (allowNone && value.toLowerCase() === 'none') return undefined
  const n = Number(value.replace(/%$/, ''))
  if (!/^\d+(\.\d+)?%?$/.test(value) || n > 100) {
    throw new UserError(`Input "${name}" must be a percentage from 0 to 100${allowNone ? ' or "none"' : ''}, got "${value}".`)
  }
  return n
}

export function readCoverageSettings(get: InputReader): CoverageSettings {
  const excludeRaw = get(CoverageInput.Exclude)
  return {
    format: parseChoice(CoverageInput.Format, get(CoverageInput.Format), ['auto', ...COVERAGE_FORMATS] as const, 'auto'),
    minCoverage: parsePercent(CoverageInput.MinCoverage, get(CoverageInput.MinCoverage), DEFAULT_MIN_COVERAGE, false)!,
    minBranchCoverage: parsePercent(CoverageInput.MinBranchCoverage, get(CoverageInput.MinBranchCoverage), undefined, true),
    minDiffCoverage: parsePercent(CoverageInput.MinDiffCoverage, get(CoverageInput.MinDiffCoverage), DEFAULT_MIN_DIFF_COVERAGE, true),
    // An empty input is the default list; "none" excludes nothing.
    exclude: excludeRaw?.trim().toLowerCase() === 'none' ? [] : excludeRaw?.trim() ? parseList(excludeRaw) : DEFAULT_EXCLUDE,
    base: get(CoverageInput.Base)?.trim() || undefined,
    maxAnnotations: parseWholeNumber(CoverageInput.MaxAnnotations, get(CoverageInput.MaxAnnotations), 10)
  }
}

export function readCoveragePatterns(get: InputReader): string[] {
  const patterns = parseList(get(CoverageInput.Reports))
  if (patterns.length === 0)
    throw new UserError(
      `Input "${CoverageInput.Reports}" is required: one or more coverage report paths or globs (newline- or comma-separated).`
    )
  return patterns
}
