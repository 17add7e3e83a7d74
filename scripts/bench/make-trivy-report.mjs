// Writes a large, realistic trivy SchemaVersion 2 report: many lockfile targets, each with
// vulnerabilities carrying the fields trivy prints (titles, descriptions, CVSS, references).
// Deterministic for a given count, so runs compare.
import { createWriteStream } from 'node:fs'

const SEVERITIES = ['CRITICAL', 'HIGH', 'HIGH', 'MEDIUM', 'MEDIUM', 'MEDIUM', 'LOW', 'LOW', 'UNKNOWN']
const WORDS = 'prototype pollution denial of service regular expression remote code execution path traversal improper input validation cross site scripting server side request forgery heap overflow'.split(' ')

function rng(seed) {
  let s = seed >>> 0
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32)
}

export async function makeTrivyReport(path, findings = 100_000, perTarget = 500) {
  const rand = rng(42)
  const out = createWriteStream(path)
  const write = (s) => (out.write(s) ? Promise.resolve() : new Promise((r) => out.once('drain', r)))
  const pick = (list) => list[Math.floor(rand() * list.length)]
  const sentence = (n) => Array.from({ length: n }, () => pick(WORDS)).join(' ')
  await write('{"SchemaVersion":2,"CreatedAt":"2026-11-23T10:00:00Z","ArtifactName":".","ArtifactType":"filesystem","Metadata":{"ImageConfig":{"architecture":"","created":"0001-01-01T00:00:00Z","os":"","rootfs":{"type":"","diff_ids":null},"config":{}}},"Results":[')
  let written = 0
  for (let t = 0; written < findings; t++) {
    const n = Math.min(perTarget, findings - written)
    await write(`${t ? ',' : ''}{"Target":"services/svc-${t}/package-lock.json","Class":"lang-pkgs","Type":"npm","Vulnerabilities":[`)
    for (let i = 0; i < n; i++) {
      const id = `CVE-${2015 + Math.floor(rand() * 11)}-${10000 + Math.floor(rand() * 89999)}`
      const pkg = `pkg-${Math.floor(rand() * 3000)}`
      const sev = pick(SEVERITIES)
      const fixed = rand() < 0.7 ? `"FixedVersion":"${1 + Math.floor(rand() * 9)}.${Math.floor(rand() * 20)}.${Math.floor(rand() * 30)}",` : ''
      const v = `{"VulnerabilityID":"${id}","PkgID":"${pkg}@1.0.${i % 50}","PkgName":"${pkg}","InstalledVersion":"1.0.${i % 50}",${fixed}"Status":"${fixed ? 'fixed' : 'affected'}","Layer":{},"SeveritySource":"ghsa","PrimaryURL":"https://avd.aquasec.com/nvd/${id.toLowerCase()}","DataSource":{"ID":"ghsa","Name":"GitHub Security Advisory npm","URL":"https://github.com/advisories"},"Title":"${pkg}: ${sentence(6)}","Description":"${sentence(4)}","Severity":"${sev}","CweIDs":["CWE-${100 + Math.floor(rand() * 900)}"],"VendorSeverity":{"ghsa":${1 + Math.floor(rand() * 4)},"nvd":${1 + Math.floor(rand() * 4)}},"CVSS":{"nvd":{"V3Vector":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H","V3Score":${(rand() * 10).toFixed(1)}}},"References":["https://github.com/advisories/GHSA-${Math.floor(rand() * 1e8).toString(36)}","https://nvd.nist.gov/vuln/detail/${id}"],"PublishedDate":"2021-03-17T13:15:00Z","LastModifiedDate":"2024-11-21T05:40:00Z"}`
      await write(`${i ? ',' : ''}${v}`)
    }
    await write(']}')
    written += n
  }
  await write(']}\n')
  await new Promise((resolve, reject) => out.end((err) => (err ? reject(err) : resolve())))
}
