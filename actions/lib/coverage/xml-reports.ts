// Cobertura XML (coverage.py, istanbul/c8/nyc, cobertura, gcovr, coverlet...) and JaCoCo XML,
// read with sax in strict mode: a streaming parser, so a large report costs no document tree, and
// a strict one, so a truncated or malformed file is an error rather than a smaller report. The
// root element says which of the two a file is. sax never fetches a DTD or an external entity
// (JaCoCo's DOCTYPE names report.dtd; it is not read).
import sax from 'sax'
import { addSite, MalformedReport, newSites, normaliseLines, type FileCoverage, type ParsedCoverage } from './model.js'

type Attrs = Record<string, string>

function count(attrs: Attrs, name: string, where: string): number {
  const raw = attrs[name]
  if (raw === undefined || !/^\d+$/.test(raw)) throw new MalformedReport(`${where}: attribute ${name}="${raw ?? ''}" is not a whole number`)
  return Number(raw)
}

/** Cobertura's condition-coverage="50% (1/2)": the outcomes taken and possible. */
function conditions(raw: string, where: string): [number, number] {
  const open = raw.lastIndexOf('(')
  const slash = raw.indexOf('/', open)
  const close = raw.indexOf(')', slash)
  const covered = Number(raw.slice(open + 1, slash))
  const total = Number(raw.slice(slash + 1, close))
  if (open === -1 || slash === -1 || close === -1 || !Number.isInteger(covered) || !Number.isInteger(total) || covered > total) {
    throw new MalformedReport(`${where}: condition-coverage="${raw}" is not "<percent>% (<taken>/<possible>)"`)
  }
  return [covered, total]
}

interface Reader {
  open(name: string, attrs: Attrs): void
  close(name: string): void
  text(text: string): void
  finish(): ParsedCoverage
}

function coberturaReader(): Reader {
  const byPath = new Map<string, { file: FileCoverage; nums: number[]; hits: number[] }>()
  const sourceRoots: string[] = []
  let current: { file: FileCoverage; nums: number[]; hits: number[] } | undefined
  let inMethod = 0
  let inSource = false
  let sourceText = ''
  let hasBranches = false
  let tool: string | undefined
  return {
    open(name, attrs) {
      if (name === 'coverage') {
        if (attrs.version && /^\d/.test(attrs.version)) tool = `version ${attrs.version}`
        if (attrs['branches-valid'] !== undefined && attrs['branches-valid'] !== '0') hasBranches = true
      } else if (name === 'source') {
        inSource = true
        sourceText = ''
      } else if (name === 'class') {
        const path = attrs.filename
        if (!path) throw new MalformedReport('<class> without a filename attribute')
        current = byPath.get(path)
        if (!current) {
          current = { file: { path }, nums: [], hits: [] }
          byPath.set(path, current)
        }
      } else if (name === 'method') {
        // A method's <lines> repeat lines its class lists already.
        inMethod++
      } else if (name === 'line' && inMethod === 0) {
        if (!current) throw new MalformedReport('<line> outside a <class>')
        const where = `${current.file.path} <line number="${attrs.number ?? ''}">`
        const line = count(attrs, 'number', where)
        // Cobertura writers print hits as whole numbers; some (gcovr) may exceed 2^53 in theory only.
        current.nums.push(line)
        current.hits.push(count(attrs, 'hits', where))
        if (attrs.branch === 'true' && attrs['condition-coverage'] !== undefined) {
          const [covered, total] = conditions(attrs['condition-coverage'], where)
          if (total > 0) {
            if (!current.file.branches) current.file.branches = newSites()
            addSite(current.file.branches, String(line), covered, total)
            hasBranches = true
          }
        }
      }
    },
    close(name) {
      if (name === 'method') inMethod--
      else if (name === 'class') current = undefined
      else if (name === 'source') {
        inSource = false
        if (sourceText.trim()) sourceRoots.push(sourceText.trim())
      }
    },
    text(text) {
      if (inSource) sourceText += text
    },
    finish() {
      const files = [...byPath.values()].map(({ file, nums, hits }) => ({ ...file, lines: normaliseLines({ nums, hits }) }))
      return { format: 'cobertura', tool, files, sourceRoots, hasBranches }
    }
  }
}

function jacocoReader(): Reader {
  const files: FileCoverage[] = []
  let pkg: string | undefined
  let current: { file: FileCoverage; nums: number[]; hits: number[] } | undefined
  let hasBranches = false
  return {
    open(name, attrs) {
      if (name === 'package') pkg = attrs.name ?? ''
      else if (name === 'sourcefile') {
        if (pkg === undefined) throw new MalformedReport('<sourcefile> outside a <package>')
        if (!attrs.name) throw new MalformedReport('<sourcefile> without a name')
        current = { file: { path: pkg ? `${pkg}/${attrs.name}` : attrs.name }, nums: [], hits: [] }
      } else if (name === 'line' && current) {
        const where = `${current.file.path} <line nr="${attrs.nr ?? ''}">`
        const nr = count(attrs, 'nr', where)
        const mi = count(attrs, 'mi', where)
        const ci = count(attrs, 'ci', where)
        const mb = count(attrs, 'mb', where)
        const cb = count(attrs, 'cb', where)
        // JaCoCo's LINE counter: a line with instructions, covered when one of them ran.
        if (mi + ci > 0) {
          current.nums.push(nr)
          current.hits.push(ci)
        }
        if (mb + cb > 0) {
          if (!current.file.branches) current.file.branches = newSites()
          addSite(current.file.branches, String(nr), cb, mb + cb)
        }
      }
    },
    close(name) {
      if (name === 'sourcefile' && current) {
        files.push({ ...current.file, lines: normaliseLines({ nums: current.nums, hits: current.hits }) })
        current = undefined
      } else if (name === 'package') pkg = undefined
    },
    text() {},
    finish() {
      // JaCoCo always measures branches (bytecode), so a report without any has none to take.
      hasBranches = true
      return { format: 'jacoco', files, sourceRoots: [], hasBranches }
    }
  }
}

/** Read a Cobertura or JaCoCo XML report; the root element decides which. */
export function readCoverageXml(text: string): ParsedCoverage {
  const parser = sax.parser(true, { trim: false, normalize: false, position: true })
  let reader: Reader | undefined
  let failure: Error | undefined
  parser.onerror = (error) => {
    failure ??= new MalformedReport(`not well-formed XML (${error.message.split('\n')[0]} at line ${parser.line + 1})`)
    // Stop reading: sax would go on and report the same damage again.
    throw failure
  }
  parser.onopentag = (node) => {
    const attrs = node.attributes as Attrs
    if (!reader) {
      if (node.name === 'coverage') reader = coberturaReader()
      else if (node.name === 'report') reader = jacocoReader()
      else throw new MalformedReport(`XML with root <${node.name}> is neither Cobertura (<coverage>) nor JaCoCo (<report>)`)
    }
    reader.open(node.name, attrs)
  }
  parser.onclosetag = (name) => reader?.close(name)
  parser.ontext = (t) => reader?.text(t)
  try {
    parser.write(text).close()
  } catch (error) {
    if (error instanceof MalformedReport) throw error
    throw failure ?? error
  }
  if (!reader) throw new MalformedReport('XML without a root element')
  return reader.finish()
}
