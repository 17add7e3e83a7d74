// Go cover profiles (`go test -coverprofile`): a `mode:` line, then one block a line,
// `<import path>/<file>.go:<startLine>.<startCol>,<endLine>.<endCol> <statements> <count>`.
// `go tool cover` counts statements, so the totals are statements; a line counts as covered when a
// block that ran touches it (for diff coverage). The same block listed twice (profiles of several
// packages concatenated, -coverpkg) is one block, covered when either run covered it.
import { addSite, MalformedReport, newSites, type FileCoverage, type ParsedCoverage } from './model.js'

const MODES = ['set', 'count', 'atomic']

export function looksLikeGoProfile(head: string): boolean {
  return /^mode: *\S+/.test(head)
}

export function readGoProfile(text: string): ParsedCoverage {
  const blocks = new Map<string, Map<string, { statements: number; hits: number; start: number; end: number }>>()
  let lineNo = 0
  let mode: string | undefined
  for (const raw of text.split('\n')) {
    lineNo++
    const line = raw.trimEnd()
    if (line === '') continue
    if (line.startsWith('mode:')) {
      const m = line.slice(5).trim()
      if (!MODES.includes(m)) throw new MalformedReport(`line ${lineNo}: unknown mode "${m}" (set, count or atomic)`)
      if (mode && m !== mode)
        throw new MalformedReport(`line ${lineNo}: mode ${m} after mode ${mode}; profiles of different modes cannot be read as one`)
      mode = m
      continue
    }
    if (!mode) throw new MalformedReport(`line ${lineNo}: a block before the "mode:" line`)
    // Split from the right: the path may itself hold colons or spaces.
    const m = /^(.+):(\d+)\.(\d+),(\d+)\.(\d+) (\d+) (\d+)$/.exec(line)
    if (!m)
      throw new MalformedReport(`line ${lineNo}: "${line.slice(0, 80)}" is not "<file>:<line>.<col>,<line>.<col> <statements> <count>"`)
    const [, path, sl, sc, el, ec, n, count] = m
    const start = Number(sl)
    const end = Number(el)
    if (end < start) throw new MalformedReport(`line ${lineNo}: the block ends (line ${end}) before it starts (line ${start})`)
    let perFile = blocks.get(path)
    if (!perFile) blocks.set(path, (perFile = new Map()))
    const key = `${sl}.${sc},${el}.${ec}`
    const had = perFile.get(key)
    const hits = Number(count)
    if (had) had.hits = mode === 'set' ? Math.max(had.hits, hits) : had.hits + hits
    else perFile.set(key, { statements: Number(n), hits, start, end })
  }
  if (!mode) throw new MalformedReport('no "mode:" line')
  const files: FileCoverage[] = []
  for (const [path, perFile] of blocks) {
    const statements = newSites()
    const byLine = new Map<number, number>()
    for (const [key, b] of perFile) {
      addSite(statements, key, b.hits > 0 ? b.statements : 0, b.statements)
      if (b.statements === 0) continue
      for (let l = b.start; l <= b.end; l++) byLine.set(l, Math.max(byLine.get(l) ?? 0, b.hits))
    }
    const nums = [...byLine.keys()].sort((a, b) => a - b)
    files.push({ path, statements, lines: { nums, hits: nums.map((n) => byLine.get(n)!) } })
  }
  return { format: 'go', tool: `go test (mode ${mode})`, files, sourceRoots: [], hasBranches: false }
}
