// LCOV tracefiles (geninfo's format; written by lcov, c8/nyc/istanbul, coverage.py, cargo-llvm-cov,
// gcovr...): SF starts a file, DA:<line>,<hits>[,<checksum>] a line, BRDA:<line>,<block>,<branch>,<taken|->
// a branch outcome, end_of_record ends the file. Other records (TN, FN, FNDA, LF, LH...) are not
// needed: the totals are counted from DA and BRDA, as genhtml does.
//
// Read with indexOf and charCodeAt rather than split and regular expressions: a 50 MB report has
// five million records, and the gate must cost little more than reading the file.
import { addSite, MalformedReport, newSites, normaliseLines, type FileCoverage, type ParsedCoverage } from './model.js'

const C_0 = 48
const C_9 = 57

/** The whole number at text[from..to), or -1 when it is not one. */
function int(text: string, from: number, to: number): number {
  if (from >= to) return -1
  let n = 0
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    if (c < C_0 || c > C_9) return -1
    n = n * 10 + (c - C_0)
  }
  return n
}

export function looksLikeLcov(head: string): boolean {
  return /^(TN:|SF:)/m.test(head.slice(0, 4096))
}

export function readLcov(text: string): ParsedCoverage {
  const files: FileCoverage[] = []
  let file: FileCoverage | undefined
  let nums: number[] = []
  let hits: number[] = []
  let hasBranches = false
  let lineNo = 0
  const bad = (what: string) => new MalformedReport(`line ${lineNo}: ${what}`)
  const end = () => {
    file!.lines = normaliseLines({ nums, hits })
    files.push(file!)
    file = undefined
  }
  let at = 0
  const length = text.length
  while (at < length) {
    let eol = text.indexOf('\n', at)
    if (eol === -1) eol = length
    let stop = eol
    if (stop > at && text.charCodeAt(stop - 1) === 13) stop-- // CRLF
    lineNo++
    const c0 = text.charCodeAt(at)
    if (c0 === 68 && text.startsWith('DA:', at)) {
      // DA:<line>,<hits>[,<checksum>]
      if (!file) throw bad('DA record outside a file (no SF before it)')
      const comma = text.indexOf(',', at + 3)
      if (comma === -1 || comma > stop) throw bad('DA record without hit count')
      let hitsEnd = text.indexOf(',', comma + 1)
      if (hitsEnd === -1 || hitsEnd > stop) hitsEnd = stop
      const line = int(text, at + 3, comma)
      let count = int(text, comma + 1, hitsEnd)
      if (count < 0) {
        // Some writers (gcov of old) print counts as floats or with a sign; anything else is damage.
        const raw = text.slice(comma + 1, hitsEnd)
        const n = Number(raw)
        if (raw === '' || !Number.isFinite(n)) throw bad(`DA hit count "${raw}" is not a number`)
        count = Math.max(0, Math.round(n))
      }
      if (line <= 0) throw bad(`DA line number "${text.slice(at + 3, comma)}" is not a line number`)
      nums.push(line)
      hits.push(count)
    } else if (c0 === 66 && text.startsWith('BRDA:', at)) {
      // BRDA:<line>,<block>,<branch>,<taken> where taken is a count or "-" (never reached).
      if (!file) throw bad('BRDA record outside a file (no SF before it)')
      const last = text.lastIndexOf(',', stop - 1)
      if (last <= at + 5) throw bad('BRDA record with too few fields')
      const taken = text.charCodeAt(last + 1) === 45 && last + 2 === stop ? 0 : int(text, last + 1, stop)
      if (taken < 0) throw bad(`BRDA taken "${text.slice(last + 1, stop)}" is neither a count nor "-"`)
      const comma = text.indexOf(',', at + 5)
      if (int(text, at + 5, comma) <= 0) throw bad('BRDA line number is not a line number')
      if (!file.branches) file.branches = newSites()
      addSite(file.branches, text.slice(at + 5, last), taken > 0 ? 1 : 0, 1)
      hasBranches = true
    } else if (c0 === 83 && text.startsWith('SF:', at)) {
      if (file) throw bad(`SF record before the end_of_record of ${file.path}`)
      const path = text.slice(at + 3, stop).trim()
      if (!path) throw bad('SF record without a path')
      file = { path }
      nums = []
      hits = []
    } else if (c0 === 101 && text.startsWith('end_of_record', at)) {
      if (!file) throw bad('end_of_record without a file')
      end()
    } else if (stop > at && !isRecord(text, at, stop)) {
      throw bad(`"${text.slice(at, Math.min(stop, at + 40))}" is not an LCOV record`)
    }
    at = eol + 1
  }
  if (file) throw new MalformedReport(`ends inside the record of ${file.path} (no end_of_record): the file is truncated`)
  return { format: 'lcov', files, sourceRoots: [], hasBranches }
}

/** Any other LCOV record: an upper-case tag and a colon (TN:, FN:, FNDA:, LF:, BRF:, VER:...). */
function isRecord(text: string, at: number, stop: number): boolean {
  let i = at
  while (i < stop) {
    const c = text.charCodeAt(i)
    if (c === 58) return i > at
    if (!((c >= 65 && c <= 90) || c === 95)) return false
    i++
  }
  return false
}
