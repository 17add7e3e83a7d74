// gitleaks v8's JSON report (`--report-format json`): a list of report.Finding as encoding/json
// writes it. gitleaks publishes no JSON schema; report/finding.go and report/json.go at each
// version tag of gitleaks/gitleaks are the source of truth. Untagged Go fields are always written.
//   v8.0.0   Description, StartLine..EndColumn, Context, Secret, File, Commit, Entropy, Author,
//            Email, Date, Message, Tags, RuleID; report/report.go writes no file at all when
//            nothing is found (until 8.3), so there is no empty 8.0 report to read
//   v8.12.0  Match in place of Context (since 8.1), Fingerprint (since 8.10); `[]` when empty
//            (report/json.go, since 8.3)
//   v8.30.1  RuleID first, SymlinkFile (since 8.15), Link (omitempty, since 8.23.2); Fragment is
//            omitempty and never set on a reported finding (detect/detect.go); `[]` when empty, as
//            the detector's list starts empty (detect/detect.go NewDetectorContext)
// Placeholders (detect/detect.go): a directory scan leaves Commit, Author, Email, Date and Message
// ""; a path-only rule leaves StartLine..EndColumn 0 and Secret ""; a rule without tags writes
// Tags null; `gitleaks stdin` (since 8.15) leaves File "".
import { arr, int, may, must, num, obj, str, type Field, type WriterShape } from './shape.js'

type Version = '8.0' | '8.12' | '8.30.1'

function finding(v: Version) {
  const line = must(int({ min: 0, example: 4 }), 0)
  const fields: Record<string, Field> = {
    ...(v === '8.30.1' ? { RuleID: must(str({ example: (k) => ['aws-access-token', 'github-pat', 'private-key'][k % 3] })) } : {}),
    Description: must(str({ example: 'AWS Access Key' }), ''),
    StartLine: line,
    EndLine: line,
    StartColumn: line,
    EndColumn: line,
    ...(v === '8.0' ? { Context: must(str({ example: 'key=REDACTED' })) } : { Match: must(str({ example: 'key=REDACTED' })) }),
    Secret: must(str({ example: 'REDACTED' }), ''),
    File: v === '8.30.1' ? must(str({ example: (k) => `config/app-${k}.env` }), '') : must(str({ example: (k) => `config/app-${k}.env` })),
    ...(v === '8.30.1' ? { SymlinkFile: must(str(), '') } : {}),
    Commit: must(str({ example: '3f1e2d4c5b6a79808f1e2d4c5b6a79808f1e2d4c' }), ''),
    ...(v === '8.30.1' ? { Link: may(str({ example: 'https://example.test/org/repo/blob/3f1e2d4/config/app.env#L4' })) } : {}),
    Entropy: must(num(4.1), 0),
    Author: must(str({ example: 'A Developer' }), ''),
    Email: must(str({ example: 'dev@example.test' }), ''),
    Date: must(str({ example: '2026-11-01T10:00:00Z' }), ''),
    Message: must(str({ example: 'Add settings' }), ''),
    Tags: must(arr(str({ example: 'key' })), null, []),
    ...(v !== '8.30.1' ? { RuleID: must(str({ example: (k) => ['aws-access-token', 'github-pat', 'private-key'][k % 3] })) } : {}),
    ...(v !== '8.0' ? { Fingerprint: must(str({ example: '3f1e2d4:config/app.env:aws-access-token:4' })) } : {})
  }
  return obj(fields)
}

const SOURCES: Record<Version, string> = {
  '8.0': 'gitleaks/gitleaks v8.0.0 report/finding.go, report/json.go, report/report.go, detect/detect.go',
  '8.12': 'gitleaks/gitleaks v8.12.0 report/finding.go, report/json.go, detect/detect.go',
  '8.30.1': 'gitleaks/gitleaks v8.30.1 report/finding.go, report/json.go, detect/detect.go, sources/file.go'
}

export const gitleaksShapes: WriterShape[] = (['8.0', '8.12', '8.30.1'] as const).map((v) => ({
  format: 'gitleaks',
  version: v,
  source: SOURCES[v],
  // Every entry is one leak; 8.0 writes no report rather than an empty one.
  document: arr(finding(v), { finding: () => true, minItems: v === '8.0' ? 1 : 0 }),
  cases: v === '8.0' ? undefined : () => [{ label: 'nothing found: []', doc: [] }]
}))
