// trivy's JSON report (`--format json`, SchemaVersion 2), per version, as encoding/json writes
// types.Report. trivy publishes no JSON schema: its Go structs and their json tags are the source of
// truth, read at the version tags of aquasecurity/trivy (and the trivy-db and fanal commits their
// go.mod pins):
//   v0.20.0  pkg/report/writer.go (Report, Result, MisconfSummary), pkg/types/vulnerability.go,
//            pkg/types/misconfiguration.go; trivy-db 726b7b72a47b pkg/types/types.go
//            (Vulnerability); fanal 69527b46560c types/artifact.go (Layer)
//   v0.35.0  pkg/types/report.go, pkg/types/{vulnerability,misconfiguration,license}.go,
//            pkg/fanal/types/{artifact,misconf,secret,license}.go; trivy-db 930461748b63
//   v0.50.0  the same files and pkg/types/{secret,finding}.go; trivy-db 4fc651f7ac8d
//   v0.69.3  the same files and pkg/fanal/types/package.go; trivy-db a833f47f8f0d
// How encoding/json decides what may be absent: `omitempty` leaves out "", 0, false, nil and empty
// lists and maps but never a struct (a struct field tagged omitempty is always written, `{}` at
// least); `omitzero` (Go 1.24, trivy 0.6x) leaves out a zero struct; an untagged field is always
// written, a nil list as null.
// Values: every Severity written is one of trivy-db's SeverityNames, because pkg/result/filter.go
// keeps only findings whose severity is one of --severity (after turning a vulnerability's "" into
// UNKNOWN); misconfiguration Status is PASS, FAIL or EXCEPTION (pkg/types/misconfiguration.go).
import { arr, bool, int, map, may, must, num, obj, oneOfStr, opaque, str } from './shape.js'
import type { Field, ObjectShape, Shape, WriterShape } from './shape.js'

const SEVERITY = oneOfStr(['UNKNOWN', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'])
const LICENCE_CATEGORY = oneOfStr(['forbidden', 'restricted', 'reciprocal', 'notice', 'permissive', 'unencumbered', 'unknown'])
/** trivy-db pkg/types/status.go Statuses; "unknown" is the int 0, which omitempty leaves out. */
const VULN_STATUS = oneOfStr(['not_affected', 'affected', 'fixed', 'under_investigation', 'will_not_fix', 'fix_deferred', 'end_of_life'])

type Version = '0.20' | '0.35' | '0.50' | '0.69.3'
const VERSIONS: Version[] = ['0.20', '0.35', '0.50', '0.69.3']
const since = (v: Version, first: Version): boolean => VERSIONS.indexOf(v) >= VERSIONS.indexOf(first)
/** A struct field: always written before omitzero (trivy 0.6x), optional after. */
const struct = (v: Version, shape: Shape): Field => (since(v, '0.69.3') ? may(shape) : must(shape))

/** fanal Layer: Digest and DiffID (v0.20); CreatedBy (v0.35); Size (v0.69.3). All omitempty. */
function layer(v: Version): ObjectShape {
  return obj({
    ...(since(v, '0.69.3') ? { Size: may(int({ min: 0 })) } : {}),
    Digest: may(str({ example: 'sha256:0123' })),
    DiffID: may(str({ example: 'sha256:4567' })),
    ...(since(v, '0.35') ? { CreatedBy: may(str()) } : {})
  })
}

/** fanal Code and Line (pkg/fanal/types/misconf.go): Lines is untagged, so a nil list is null. */
const code = obj({
  Lines: must(
    arr(
      obj({
        Number: must(int()),
        Content: must(str()),
        IsCause: must(bool()),
        Annotation: must(str()),
        Truncated: must(bool()),
        Highlighted: may(str()),
        FirstCause: must(bool()),
        LastCause: must(bool())
      })
    ),
    null
  )
})

/** trivy-db Vulnerability, embedded in DetectedVulnerability; every field omitempty. */
function vulnerabilityDetail(v: Version): Record<string, Field> {
  const cvss = obj({
    V2Vector: may(str()),
    V3Vector: may(str()),
    ...(since(v, '0.69.3') ? { V40Vector: may(str()) } : {}),
    V2Score: may(num(5)),
    V3Score: may(num(7.5)),
    ...(since(v, '0.69.3') ? { V40Score: may(num(8.1)) } : {})
  })
  return {
    Title: may(str()),
    Description: may(str()),
    Severity: must(SEVERITY),
    CweIDs: may(arr(str({ example: 'CWE-79' }))),
    // v0.20's FillVulnerabilityInfo (pkg/result/result.go) sets VendorSeverity to nil: never written.
    ...(since(v, '0.35') ? { VendorSeverity: may(map(int({ values: [0, 1, 2, 3, 4] }), { nvd: 3 })) } : {}),
    CVSS: may(map(cvss, { nvd: {} })),
    References: may(arr(str({ example: 'https://example.test/advisory' }))),
    PublishedDate: may(str({ example: '2021-03-17T00:15:00Z' })),
    LastModifiedDate: may(str({ example: '2023-11-07T03:31:00Z' })),
    Custom: may(opaque())
  }
}

function detectedVulnerability(v: Version): ObjectShape {
  return obj({
    // omitempty, but every detected vulnerability carries its id (pkg/detector/...).
    VulnerabilityID: must(str({ example: (k) => `CVE-2024-${1000 + k}` })),
    VendorIDs: may(arr(str())),
    ...(since(v, '0.35') ? { PkgID: may(str()) } : {}),
    PkgName: may(str({ example: 'minimist' })),
    PkgPath: may(str()),
    ...(since(v, '0.50')
      ? {
          PkgIdentifier: struct(
            v,
            obj({
              PURL: may(str({ example: 'pkg:npm/minimist@1.2.5' })),
              ...(since(v, '0.69.3') ? { UID: may(str()) } : {}),
              BOMRef: may(str())
            })
          )
        }
      : {}),
    InstalledVersion: may(str({ example: '1.2.5' })),
    FixedVersion: may(str({ example: '1.2.6' })),
    ...(since(v, '0.50') ? { Status: may(VULN_STATUS) } : {}),
    Layer: struct(v, layer(v)),
    SeveritySource: may(str({ example: 'nvd' })),
    PrimaryURL: may(str({ example: 'https://avd.aquasec.com/nvd/cve-2024-1000' })),
    ...(v === '0.35' ? { Ref: may(str()) } : {}),
    ...(since(v, '0.35')
      ? {
          DataSource: may(obj({ ID: may(str()), Name: may(str()), URL: may(str()), ...(since(v, '0.69.3') ? { BaseID: may(str()) } : {}) }))
        }
      : {}),
    ...(since(v, '0.69.3') ? { Fingerprint: may(str()) } : {}),
    ...vulnerabilityDetail(v)
  })
}

/** fanal CauseMetadata (v0.35: Resource..Code; v0.50: Occurrences; v0.69.3: RenderedCause, omitzero). */
function causeMetadata(v: Version): ObjectShape {
  return obj({
    Resource: may(str({ example: 'aws_s3_bucket.data' })),
    Provider: may(str()),
    Service: may(str()),
    StartLine: may(int()),
    EndLine: may(int()),
    Code: struct(v, code),
    ...(since(v, '0.50')
      ? {
          Occurrences: may(
            arr(obj({ Resource: may(str()), Filename: may(str()), Location: must(obj({ StartLine: may(int()), EndLine: may(int()) })) }))
          )
        }
      : {}),
    ...(since(v, '0.69.3') ? { RenderedCause: may(obj({ Raw: may(str()), Highlighted: may(str()) })) } : {})
  })
}

function detectedMisconfiguration(v: Version): ObjectShape {
  return obj({
    Type: may(str({ example: 'Terraform Security Check' })),
    // omitempty, but every check has an id (pkg/scan/local/service.go toDetectedMisconfiguration).
    ID: must(str({ example: (k) => `AWS-${String(86 + k).padStart(4, '0')}` })),
    ...(since(v, '0.35') ? { AVDID: may(str()) } : {}),
    Title: may(str()),
    Description: may(str()),
    Message: may(str()),
    Namespace: may(str()),
    Query: may(str()),
    Resolution: may(str()),
    Severity: must(SEVERITY),
    PrimaryURL: may(str()),
    References: may(arr(str())),
    Status: must(oneOfStr(['PASS', 'FAIL', 'EXCEPTION'])),
    Layer: struct(v, layer(v)),
    ...(since(v, '0.35') ? { CauseMetadata: struct(v, causeMetadata(v)) } : {}),
    Traces: may(arr(str()))
  })
}

/** fanal SecretFinding (DetectedSecret from v0.50): untagged fields are always written. */
function detectedSecret(v: Version): ObjectShape {
  return obj({
    RuleID: must(str({ example: (k) => `aws-access-key-id-${k}` })),
    // Custom rules (trivy-secret.yaml) may leave category and title out.
    Category: must(str({ example: 'AWS' }), ''),
    Severity: must(SEVERITY),
    Title: must(str({ example: 'AWS Access Key ID' }), ''),
    StartLine: must(int({ example: 3 })),
    EndLine: must(int({ example: 3 })),
    Code: must(code),
    Match: must(str({ example: 'AWS_ACCESS_KEY_ID=********' })),
    Layer: struct(v, layer(v)),
    ...(since(v, '0.69.3') ? { Offset: may(int({ min: 0 })) } : {})
  })
}

/** types.DetectedLicense: untagged, all written; PkgName is "" for a licence found in a file,
 * FilePath "" for an OS package, Link and Text "" unless known (pkg/scan/local/service.go). */
function detectedLicense(v: Version): ObjectShape {
  return obj({
    Severity: must(SEVERITY),
    Category: must(LICENCE_CATEGORY),
    PkgName: must(str({ example: 'left-pad' }), ''),
    FilePath: must(str({ example: 'package-lock.json' }), ''),
    Name: must(str({ example: (k) => ['WTFPL', 'GPL-3.0-only', 'MIT', 'Apache-2.0'][k % 4] })),
    ...(since(v, '0.69.3') ? { Text: must(str(), '') } : {}),
    Confidence: must(num(1)),
    Link: must(str(), '')
  })
}

/** types.ResultClass values (pkg/report/writer.go in v0.20, pkg/types/report.go after). */
function classes(v: Version): string[] {
  const secretsAndLicences = since(v, '0.35') ? ['secret', 'license', 'license-file', 'custom'] : []
  return ['os-pkgs', 'lang-pkgs', 'config', ...secretsAndLicences, ...(since(v, '0.50') ? ['unknown'] : [])]
}

function result(v: Version): ObjectShape {
  return obj(
    {
      Target: must(str({ example: (k) => `target-${k}` })),
      Class: may(oneOfStr(classes(v))),
      Type: may(str({ example: 'npm' })),
      // Inventory (--list-all-pkgs, SBOM): not findings.
      Packages: may(arr(opaque('object', { Name: 'minimist', Version: '1.2.5' }))),
      Vulnerabilities: may(arr(detectedVulnerability(v), { finding: () => true })),
      // Exceptions until 0.56 (pkg/types/report.go).
      MisconfSummary: may(
        obj({
          Successes: must(int({ min: 0 })),
          Failures: must(int({ min: 0 })),
          ...(since(v, '0.69.3') ? {} : { Exceptions: must(int({ min: 0 })) })
        })
      ),
      // Only FAIL entries are findings; PASS and EXCEPTION appear under --include-non-failures.
      Misconfigurations: may(arr(detectedMisconfiguration(v), { finding: (m) => m.Status === 'FAIL' })),
      ...(since(v, '0.35')
        ? {
            Secrets: may(arr(detectedSecret(v), { finding: () => true })),
            Licenses: may(arr(detectedLicense(v), { finding: () => true })),
            CustomResources: may(
              arr(obj({ Type: must(str()), FilePath: must(str()), Layer: must(layer(v)), Data: must(opaque(undefined, { any: 'data' })) }))
            )
          }
        : {}),
      // v0.50 keeps ModifiedFindings out of JSON (json:"-"); v0.69.3 writes trivy's own suppressed
      // findings under this name (pkg/types/finding.go ModifiedFinding): not findings.
      ...(since(v, '0.69.3')
        ? {
            ExperimentalModifiedFindings: may(
              arr(
                obj({
                  Type: must(oneOfStr(['vulnerability', 'misconfiguration', 'secret', 'license'])),
                  Status: must(oneOfStr(['ignored', 'unknown', 'not_affected', 'affected', 'fixed', 'under_investigation'])),
                  Statement: must(str(), ''),
                  Source: must(str({ example: '.trivyignore.yaml' })),
                  Finding: must(opaque('object', { VulnerabilityID: 'CVE-2024-9999', Severity: 'HIGH' }))
                })
              )
            )
          }
        : {})
    },
    {
      // pkg/result/filter.go counts a Result's checks in MisconfSummary as it keeps them: Failures is
      // the number of FAIL entries the Result lists.
      derive: (r) => {
        const summary = r.MisconfSummary as Record<string, unknown> | undefined
        const listed = Array.isArray(r.Misconfigurations) ? (r.Misconfigurations as Record<string, unknown>[]) : []
        if (summary) summary.Failures = listed.filter((m) => m.Status === 'FAIL').length
      }
    }
  )
}

function report(v: Version): ObjectShape {
  return obj({
    SchemaVersion: must(int({ values: [2] })),
    ...(since(v, '0.69.3') ? { Trivy: may(obj({ Version: may(str({ example: '0.69.3' })) })), ReportID: may(str()) } : {}),
    // time.Time is a struct: omitempty (v0.50) still writes it; omitzero (v0.69.3) does not.
    ...(since(v, '0.50') ? { CreatedAt: struct(v, str({ example: '2026-11-29T10:00:00Z' })) } : {}),
    ...(since(v, '0.69.3') ? { ArtifactID: may(str()) } : {}),
    // omitempty, but every artifact has a name (the path, image or repository scanned).
    ArtifactName: must(str({ example: '.' })),
    ArtifactType: may(str({ example: 'filesystem' })),
    Metadata: struct(v, opaque('object', {})),
    // One Result of each class.
    Results: may(arr(result(v), { entries: classes(v).length }))
  })
}

const SOURCES: Record<Version, string> = {
  '0.20': 'aquasecurity/trivy v0.20.0 pkg/report/writer.go, pkg/types/*.go; trivy-db 726b7b72a47b; fanal 69527b46560c',
  '0.35': 'aquasecurity/trivy v0.35.0 pkg/types/*.go, pkg/fanal/types/*.go; trivy-db 930461748b63',
  '0.50': 'aquasecurity/trivy v0.50.0 pkg/types/*.go, pkg/fanal/types/*.go; trivy-db 4fc651f7ac8d',
  '0.69.3': 'aquasecurity/trivy v0.69.3 pkg/types/*.go, pkg/fanal/types/*.go; trivy-db a833f47f8f0d'
}

/**
 * trivy 0.20 to 0.49 apply `--ignore-policy` after counting MisconfSummary and never lower its
 * Failures (pkg/result/result.go and pkg/result/filter.go applyPolicy, until v0.50.0 decrements
 * it): a Result whose FAIL check the user's policy dropped counts one more failure than it lists.
 */
function ignorePolicyCase(v: Version): WriterShape['cases'] {
  if (since(v, '0.50')) return undefined
  return (full) => {
    const doc = structuredClone(full) as { Results: Record<string, Record<string, number>>[] }
    for (const r of doc.Results) if (r.MisconfSummary) r.MisconfSummary.Failures += 1
    return [{ label: 'a FAIL check dropped by --ignore-policy, still counted in MisconfSummary.Failures', doc }]
  }
}

export const trivyShapes: WriterShape[] = (['0.20', '0.35', '0.50', '0.69.3'] as const).map((v) => ({
  format: 'trivy',
  version: v,
  source: SOURCES[v],
  document: report(v),
  cases: ignorePolicyCase(v)
}))
