// What a scanner's log says it could not scan, read from the log real trivy wrote
// (scripts/make-fixtures.sh keeps its stderr for examples/edge-cases/unparsable-iac).
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { trivyUnscanned } from '../../actions/lib/scanner/unscanned.js'
import { fixture } from '../helpers/tools.js'

describe('trivyUnscanned', () => {
  it('names each file trivy could not parse once, and nothing about its DB or checks', () => {
    const log = readFileSync(fixture('reports', 'trivy-config-parse-errors.stderr'), 'utf8')
    expect(trivyUnscanned(log)).toEqual([
      'trivy dockerfile scanner: Failed to parse file docker/Dockerfile: parse dockerfile instruction: parse instruction "from": FROM requires either one or three arguments; it was not scanned.',
      expect.stringMatching(/^trivy terraform parser: Error parsing file terraform\/network\/main\.tf: terraform\/network\/main\.tf:1,21-2,1: Invalid block definition;/)
    ])
  })

  it.each([
    ['the embedded checks fallback', '2026-11-29T10:15:06Z\tERROR\t[misconfig] Falling back to embedded checks\terr="failed to check cache"'],
    ['an INFO line', '2026-11-29T10:15:08Z\tINFO\t[terraform scanner] Scanning root module\tfile_path="terraform/storage"'],
    ['a parse failure that names no file', '2026-11-29T10:15:08Z\tERROR\t[misconfig] Failed to parse\terr="x"'],
    ['not a log line', 'Failed to parse file file_path=x']
  ])('ignores %s', (_n, line) => {
    expect(trivyUnscanned(line)).toEqual([])
  })

  it('reads a WARN of an analyser that failed on a file, with an unquoted path', () => {
    expect(trivyUnscanned('2026-11-29T10:15:08Z\tWARN\t[npm] Failed to analyze file\tfile_path=app/package-lock.json\terr="unexpected EOF"')).toEqual([
      'trivy npm: Failed to analyze file app/package-lock.json: unexpected EOF; it was not scanned.'
    ])
  })
})
