// Property tests over real reports: truncated, mutated or shuffled, a report that fails the gate
// never passes it, and reading never crashes with anything but a clear user error.
import { describe, expect, it } from '@jest/globals'
import { readFileSync, readdirSync } from 'node:fs'
import fc from 'fast-check'
import { isUserError } from '../../actions/lib/errors/user-error.js'
import { plainFinding } from '../../actions/lib/findings/model.js'
import { parseReportBytes, parseReportDocument } from '../../actions/lib/findings/read-report.js'
import { countBySeverity, DEFAULT_THRESHOLDS, evaluate } from '../../actions/lib/policy/policy.js'
import { fixture } from '../helpers/tools.js'

const options = { secretSeverity: 'critical' as const, defaultSeverity: 'medium' as const }
const policy = { thresholds: DEFAULT_THRESHOLDS, approvalSeverities: ['high' as const] }
const verdict = (doc: unknown) => evaluate(countBySeverity(parseReportDocument(doc, 'r.json', 'auto', options).findings), policy).result

/** Real reports that fail the default policy: the starting points of every property. */
const failing = readdirSync(fixture('reports'))
  .filter((f) => /\.(json|sarif)$/.test(f))
  .map((f) => ({ name: f, text: readFileSync(fixture('reports', f), 'utf8') }))
  .filter((r) => {
    try {
      return verdict(JSON.parse(r.text)) === 'fail'
    } catch {
      return false
    }
  })

type Path = (string | number)[]
function paths(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  if (at.length) out.push(at)
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], out))
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out)
  return out
}
function setAt(doc: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(doc) as Record<string | number, unknown>
  let node = copy
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>
  node[path[path.length - 1]] = value
  return copy
}
const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v)

function neverPassesNeverCrashes(run: () => unknown): void {
  try {
    expect(run()).not.toBe('pass')
  } catch (error) {
    if (!isUserError(error)) throw error
  }
}

describe('properties over real reports', () => {
  it('has failing real reports of every format to start from', () => {
    const formats = new Set(failing.map((r) => parseReportDocument(JSON.parse(r.text), r.name, 'auto', options).format))
    expect(failing.length).toBeGreaterThanOrEqual(3)
    expect(formats.has('trivy')).toBe(true)
    expect(formats.has('sarif')).toBe(true)
  })

  it.each(failing.map((r) => [r.name, r.text]))('%s truncated anywhere is refused', (_name, text) => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: text.length - 1 }), (cut) => {
        // Cutting only trailing whitespace leaves a whole document; anything shorter must fail.
        fc.pre(text.slice(0, cut).trim().length < text.trim().length)
        expect(() => parseReportBytes(Buffer.from(text.slice(0, cut)), 'r.json', 'auto', options)).toThrow(/r\.json: /)
      }),
      { numRuns: 150 }
    )
  })

  it.each(failing.map((r) => [r.name, r.text]))('%s with one value replaced by another type never passes and never crashes', (_name, text) => {
    const doc = JSON.parse(text)
    const all = paths(doc)
    fc.assert(
      fc.property(fc.integer({ min: 0, max: all.length - 1 }), fc.jsonValue(), (i, value) => {
        const at = all[i]
        const current = at.reduce<unknown>((n, k) => (n as Record<string | number, unknown>)[k], doc)
        fc.pre(typeOf(value) !== typeOf(current))
        neverPassesNeverCrashes(() => verdict(setAt(doc, at, value)))
      }),
      { numRuns: 300 }
    )
  })

  // Values whose conversion to text throws (an object with its own "toString", a list holding one),
  // and values of the right type but the wrong range. JSON.parse builds each as plain data, as a
  // hostile or broken report would. Every field of every real report gets each of them in turn, at
  // the first place each field occurs: a crash there would end a run with "Unexpected error".
  const HOSTILE = ['{"toString":""}', '[[{"toString":1}]]', '{"__proto__":{"Severity":"LOW"}}', '-1', '1e308', '""', 'null']
  const reports = readdirSync(fixture('reports'))
    .filter((f) => /\.(json|sarif)$/.test(f))
    .map((f) => ({ name: f, text: readFileSync(fixture('reports', f), 'utf8'), fails: failing.some((r) => r.name === f) }))
    .filter((r) => paths(JSON.parse(r.text)).length > 0) // `[]` has no field to change

  it.each(reports.map((r) => [r.name, r.text, r.fails] as const))('%s with any field made hostile is read or refused, never crashes', (_name, text, fails) => {
    const doc = JSON.parse(text)
    const shapes = new Set<string>()
    let tried = 0
    for (const at of paths(doc)) {
      const shape = at.map((k) => (typeof k === 'number' ? '*' : k)).join('.')
      if (shapes.has(shape)) continue
      shapes.add(shape)
      for (const hostile of HOSTILE) {
        const changed = setAt(doc, at, JSON.parse(hostile))
        tried++
        try {
          const report = parseReportDocument(changed, 'r.json', 'auto', options)
          const result = evaluate(countBySeverity(report.findings), policy).result
          if (fails) expect([shape, hostile, result]).not.toEqual([shape, hostile, 'pass'])
          // Every field, lazy ones too, as the gate's JSON report and SARIF output read them.
          for (const f of report.findings) expect(typeof JSON.stringify(plainFinding(f))).toBe('string')
        } catch (error) {
          if (!isUserError(error)) throw new Error(`${shape} = ${hostile}: ${(error as Error).stack}`)
        }
      }
    }
    expect(tried).toBeGreaterThanOrEqual(HOSTILE.length)
  }, 60_000)

  // Lists whose order carries no meaning; SARIF `rules` and `tags` do (ruleIndex points into rules).
  const FINDING_LISTS = new Set(['', 'Results', 'Vulnerabilities', 'Misconfigurations', 'Secrets', 'runs', 'results', 'failed_checks'])

  it.each(failing.map((r) => [r.name, r.text]))('%s with every list of findings shuffled gives the same counts', (_name, text) => {
    const doc = JSON.parse(text)
    const expected = countBySeverity(parseReportDocument(doc, 'r.json', 'auto', options).findings)
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        let s = seed >>> 0
        const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32)
        const shuffle = (v: unknown, key = ''): unknown => {
          if (Array.isArray(v)) {
            const copy = v.map((x) => shuffle(x))
            if (!FINDING_LISTS.has(key)) return copy
            for (let i = copy.length - 1; i > 0; i--) {
              const j = Math.floor(rand() * (i + 1))
              ;[copy[i], copy[j]] = [copy[j], copy[i]]
            }
            return copy
          }
          if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shuffle(x, k)]))
          return v
        }
        const shuffled = shuffle(doc)
        expect(countBySeverity(parseReportDocument(shuffled, 'r.json', 'auto', options).findings)).toEqual(expected)
      }),
      { numRuns: 50 }
    )
  })

  it('random bytes are refused, never read as no findings', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 200 }), (bytes) => {
        try {
          const report = parseReportBytes(Buffer.from(bytes), 'r.json', 'auto', options)
          // The only byte strings that may parse are real (empty) reports, e.g. "[]".
          expect(report.findings).toEqual([])
          expect(['gitleaks', 'trivy', 'checkov', 'sarif']).toContain(report.format)
        } catch (error) {
          if (!isUserError(error)) throw error
        }
      }),
      { numRuns: 300 }
    )
  })
})
