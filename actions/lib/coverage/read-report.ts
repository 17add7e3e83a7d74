// Read one coverage report, its format detected from the content (or given): the first characters
// tell XML, JSON, a Go profile or LCOV apart, and the document's own keys or root element the rest.
// Anything unreadable, unknown or empty is a UserError naming the file: never zero coverage, never
// a pass.
import { readFileSync } from 'node:fs'
import { UserError } from '../errors/user-error.js'
import { readGoProfile, looksLikeGoProfile } from './go-profile.js'
import {
  isCoveragePy,
  isIstanbulFinal,
  isIstanbulSummary,
  isObject,
  readCoveragePy,
  readIstanbulFinal,
  readIstanbulSummary
} from './json-reports.js'
import { looksLikeLcov, readLcov } from './lcov.js'
import { FORMAT_NAMES, MalformedReport, type CoverageFormat, type ParsedCoverage } from './model.js'
import { readCoverageXml } from './xml-reports.js'

const KNOWN = 'LCOV, Cobertura XML, JaCoCo XML, coverage.py JSON, a Go cover profile, Istanbul coverage-final.json or coverage-summary.json'

export function detectFormat(text: string): CoverageFormat | 'xml' | 'json' | undefined {
  const head = text.slice(0, 4096).trimStart()
  if (head.startsWith('<')) return 'xml'
  if (head.startsWith('{')) return 'json'
  if (looksLikeGoProfile(head)) return 'go'
  if (looksLikeLcov(head)) return 'lcov'
  return undefined
}

/** Parse report text; throws MalformedReport (or UserError for an unknown format). */
export function parseCoverage(text: string, format: CoverageFormat | 'auto' = 'auto'): ParsedCoverage {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (body.trim() === '') throw new MalformedReport('the file is empty')
  if (body.includes('\u0000')) throw new MalformedReport(`a binary file, not a coverage report (${KNOWN})`)
  const kind = format === 'auto' ? detectFormat(body) : format
  switch (kind) {
    case 'lcov':
      return readLcov(body)
    case 'go':
      return readGoProfile(body)
    case 'xml':
    case 'cobertura':
    case 'jacoco': {
      const parsed = readCoverageXml(body)
      if (kind !== 'xml' && parsed.format !== kind)
        throw new MalformedReport(`format is ${kind}, but the file is ${FORMAT_NAMES[parsed.format]}`)
      return parsed
    }
    case 'json':
    case 'coveragepy':
    case 'istanbul':
    case 'istanbul-summary': {
      let doc: unknown
      try {
        doc = JSON.parse(body)
      } catch (error) {
        throw new MalformedReport(`not valid JSON (${(error as Error).message}); truncated?`)
      }
      if (!isObject(doc)) throw new MalformedReport(`JSON that is not an object, so not ${KNOWN}`)
      if (Object.keys(doc).length === 0) throw new MalformedReport('an empty JSON object: the tool measured nothing')
      const detected: CoverageFormat | undefined = isCoveragePy(doc)
        ? 'coveragepy'
        : isIstanbulSummary(doc)
          ? 'istanbul-summary'
          : isIstanbulFinal(doc)
            ? 'istanbul'
            : undefined
      if (!detected)
        throw new MalformedReport(`JSON of an unknown shape (keys ${Object.keys(doc).slice(0, 5).join(', ')}); expected ${KNOWN}`)
      if (kind !== 'json' && detected !== kind) throw new MalformedReport(`format is ${kind}, but the file is ${FORMAT_NAMES[detected]}`)
      return detected === 'coveragepy' ? readCoveragePy(doc) : detected === 'istanbul' ? readIstanbulFinal(doc) : readIstanbulSummary(doc)
    }
    default:
      throw new MalformedReport(`not a coverage report this gate reads (${KNOWN})`)
  }
}

/** Read and parse a report file; every problem becomes one UserError line naming the file. */
export function readCoverageFile(path: string, format: CoverageFormat | 'auto' = 'auto'): ParsedCoverage {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new UserError(`${path}: coverage report not found; check that the test step ran and wrote it.`)
    if (code === 'EISDIR') throw new UserError(`${path}: a directory, not a coverage report file.`)
    throw new UserError(`${path}: cannot read the coverage report (${code ?? String(error)}).`)
  }
  let parsed: ParsedCoverage
  try {
    parsed = parseCoverage(text, format)
  } catch (error) {
    if (error instanceof MalformedReport) throw new UserError(`${path}: ${error.message}.`)
    throw error
  }
  if (parsed.files.length === 0)
    throw new UserError(
      `${path}: ${FORMAT_NAMES[parsed.format]} that covers no file at all; the tests measured nothing (check the tool's source or include settings).`
    )
  return parsed
}
