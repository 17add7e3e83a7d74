// What a scanner's own log says it could not scan, for scanners whose JSON report does not say
// so. trivy writes a clean Result for a Terraform module whose file it could not parse (or none
// at all for a Dockerfile it could not parse) and logs the failure, at ERROR, on stderr only.

/**
 * Files trivy logged it could not parse or analyse, from its stderr.
 *
 * Takes trivy's console log (stderr), whose lines are `<time>\t<LEVEL>\t[<component>] <message>`
 * followed by a tab and space-separated `key=value` fields (as trivy 0.69.3 writes it); gives one line
 * per file and failure, in order, without repeats (trivy logs a Terraform parse error once per
 * module walk). Lines about anything else (the DB, the checks bundle) are ignored: they do not
 * leave part of the input unscanned.
 */
export function trivyUnscanned(stderr: string): string[] {
  const out = new Set<string>()
  for (const line of stderr.split('\n')) {
    const m = /^\S+\t(ERROR|WARN)\t\[([^\]]+)\] ([^\t]+)(.*)$/.exec(line.trimEnd())
    if (!m || !/\b(fail(ed)? to (parse|analy[sz]e|scan|read)|error (parsing|analy[sz]ing|scanning|reading))\b/i.test(m[3])) continue
    const fields = m[4]
    const file = field(fields, 'file_path') ?? field(fields, 'path') ?? field(fields, 'file')
    if (!file) continue
    const cause = field(fields, 'err')
    out.add(`trivy ${m[2]}: ${m[3].trim()} ${file}${cause ? `: ${firstLine(cause)}` : ''}; it was not scanned.`)
  }
  return [...out]
}

/** A `key=value` or `key="quoted value"` field of a trivy log line. */
function field(fields: string, key: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${key}=("(?:[^"\\\\]|\\\\.)*"|\\S*)`).exec(fields)
  if (!m) return undefined
  const raw = m[1]
  if (!raw.startsWith('"')) return raw
  try {
    return JSON.parse(raw) as string
  } catch {
    return raw.slice(1, -1)
  }
}

function firstLine(text: string): string {
  const line = text.split('\n')[0]
  return line.length > 200 ? `${line.slice(0, 199)}…` : line
}
