// The report formats of the further scanners (issue 16), one shape per writer version, each from
// the writer's source at that version:
//   bandit 1.9.4     bandit/formatters/json.py (report: errors, generated_at, metrics, results) and
//                    bandit/core/issue.py Issue.as_dict (the keys of a result; issue_cwe since 1.7.3)
//   semgrep 1.185.0  semgrep-interfaces semgrep_output_v1.atd: cli_output, cli_match,
//                    cli_match_extra, cli_error (optional fields are omitted when unset)
//   pip-audit 2.10.1 pip_audit/_format/json.py JsonFormat: dependencies (audited: name, version,
//                    vulns; skipped: name, skip_reason), fixes
//   npm 11 (audit report version 2)  @npmcli/arborist lib/audit-report.js toJSON and npm's
//                    lib/commands/audit.js; the error npm prints as JSON when the audit endpoint
//                    fails is npm-registry-fetch's HttpErrorGeneral (message, method, uri, headers,
//                    statusCode, body, error)
import { arr, bool, int, map, may, must, num, obj, oneOf, oneOfStr, opaque, str, type WriterShape } from './shape.js'

const bandit: WriterShape = {
  format: 'bandit',
  version: '1.9.4',
  source: 'PyCQA/bandit 1.9.4 bandit/formatters/json.py, bandit/core/issue.py',
  document: obj({
    errors: must(arr(obj({ filename: must(str({ example: './broken.py' })), reason: must(str({ example: 'syntax error while parsing AST from file' })) }))),
    generated_at: must(str({ example: '2026-11-29T11:16:13Z' })),
    metrics: must(map(map(num(1)), { _totals: { loc: 14, nosec: 0, skipped_tests: 0 } })),
    results: must(
      arr(
        obj({
          code: must(str({ example: '9     return subprocess.call(command, shell=True)\n' })),
          col_offset: must(int({ min: 0, example: 11 })),
          end_col_offset: must(int({ min: 0, example: 47 })),
          filename: must(str({ example: (k) => `./app-${k}.py` })),
          issue_confidence: must(oneOfStr(['HIGH', 'MEDIUM', 'LOW', 'UNDEFINED'])),
          issue_cwe: must(obj({ id: must(int({ example: 78 })), link: must(str({ example: 'https://cwe.mitre.org/data/definitions/78.html' })) })),
          issue_severity: must(oneOfStr(['HIGH', 'MEDIUM', 'LOW', 'UNDEFINED'])),
          issue_text: must(str({ example: 'subprocess call with shell=True identified, security issue.' })),
          line_number: must(int({ min: 1, example: 9 })),
          line_range: must(arr(int({ min: 1, example: 9 }), { minItems: 1 })),
          more_info: must(str({ example: 'https://bandit.readthedocs.io/en/1.9.4/plugins/b602.html' })),
          test_id: must(str({ example: (k) => `B60${k}` })),
          test_name: must(str({ example: 'subprocess_popen_with_shell_equals_true' }))
        }),
        { finding: () => true }
      )
    )
  })
}

const position = obj({ line: must(int({ min: 1, example: 9 })), col: must(int({ min: 1, example: 12 })), offset: must(int({ min: 0, example: 168 })) })

const semgrep: WriterShape = {
  format: 'semgrep',
  version: '1.185.0',
  source: 'semgrep/semgrep-interfaces semgrep_output_v1.atd (cli_output, cli_match, cli_error) as semgrep 1.185.0 writes it',
  document: obj({
    version: must(str({ example: '1.185.0' })),
    results: must(
      arr(
        obj({
          check_id: must(str({ example: (k) => `rules.check-${k}` })),
          path: must(str({ example: (k) => `src/app-${k}.py` })),
          start: must(position),
          end: must(position),
          extra: must(
            obj({
              message: must(str({ example: 'subprocess called with shell=True' })),
              metadata: must(map(opaque())),
              severity: must(oneOfStr(['ERROR', 'WARNING', 'INFO', 'CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'EXPERIMENT', 'INVENTORY'])),
              fingerprint: must(str({ example: 'requires login' })),
              lines: must(str({ example: 'requires login' })),
              fix: may(str({ example: 'subprocess.call(command)' })),
              is_ignored: may(bool()),
              validation_state: may(oneOfStr(['NO_VALIDATOR', 'CONFIRMED_VALID', 'CONFIRMED_INVALID', 'VALIDATION_ERROR'])),
              engine_kind: may(oneOfStr(['OSS', 'PRO'])),
              metavars: may(map(opaque('object', {})))
            })
          )
        }),
        { finding: () => true }
      )
    ),
    // An error of level "error" naming a path is a file semgrep did not analyse (incomplete).
    errors: must(
      arr(
        obj({
          code: must(int({ example: 3 })),
          level: must(oneOfStr(['error', 'warn', 'info'])),
          type: must(opaque()),
          message: may(str({ example: 'Syntax error' })),
          path: may(str({ example: 'src/broken.py' })),
          spans: may(opaque('array', []))
        })
      )
    ),
    paths: must(obj({ scanned: must(arr(str({ example: 'app.py' }))), skipped: may(opaque('array', [])) })),
    time: may(opaque('object', {})),
    engine_requested: may(oneOfStr(['OSS', 'PRO'])),
    skipped_rules: may(opaque('array', [])),
    profiling_results: may(opaque('array', [])),
    interfile_languages_used: may(opaque('array', []))
  })
}

const pipAudit: WriterShape = {
  format: 'pip-audit',
  version: '2.10.1',
  source: 'pypa/pip-audit v2.10.1 pip_audit/_format/json.py',
  document: obj({
    dependencies: must(
      arr(
        oneOf({
          audited: obj({
            name: must(str({ example: (k) => `package-${k}` })),
            version: must(str({ example: '1.2.5' })),
            vulns: must(
              arr(
                obj({
                  id: must(str({ example: (k) => `PYSEC-2021-${100 + k}` })),
                  fix_versions: must(arr(str({ example: '5.4' }))),
                  aliases: may(arr(str({ example: 'CVE-2020-14343' }))),
                  description: may(str({ example: 'A vulnerability.' }))
                }),
                { finding: () => true }
              )
            )
          }),
          skipped: obj({ name: must(str({ example: 'pyyaml' })), skip_reason: must(str({ example: 'Dependency not found on PyPI and could not be audited' })) })
        }),
        { entries: 2 }
      )
    ),
    fixes: must(arr(opaque('object', { name: 'pyyaml', old_version: '5.3.1', new_version: '5.4' })))
  })
}

const advisory = obj({
  source: must(int({ example: 1096727 })),
  name: must(str({ example: 'minimist' })),
  dependency: must(str({ example: 'minimist' })),
  title: must(str({ example: 'Prototype Pollution in minimist' })),
  url: must(str({ example: (k) => `https://github.com/advisories/GHSA-xvch-5gv4-98${k}${k}` })),
  severity: must(oneOfStr(['critical', 'high', 'moderate', 'low', 'info'])),
  cwe: must(arr(str({ example: 'CWE-1321' }))),
  cvss: must(obj({ score: must(num(9.8)), vectorString: must(str({ example: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }), null) })),
  range: must(str({ example: '<1.2.6' }))
})

const PACKAGE = obj({
          name: must(str({ example: 'minimist' })),
          severity: must(oneOfStr(['critical', 'high', 'moderate', 'low', 'info'])),
          isDirect: must(bool()),
          // An advisory object is a finding; a package name is "vulnerable through that package".
          via: must(arr(oneOf({ advisory, dependency: str({ example: 'minimist' }) }), { entries: 2, finding: () => true })),
          effects: must(arr(str({ example: 'mkdirp' }))),
          range: must(str({ example: '<1.2.6' })),
          nodes: must(arr(str({ example: 'node_modules/minimist' }))),
          fixAvailable: must(oneOf({ boolean: bool(), fix: obj({ name: must(str({ example: 'minimist' })), version: must(str({ example: '1.2.8' })), isSemVerMajor: must(bool()) }) }))
        })

const npmAudit: WriterShape = {
  format: 'npm-audit',
  version: '2',
  source: 'npm/cli workspaces/arborist/lib/audit-report.js (toJSON, auditReportVersion 2) and lib/commands/audit.js',
  document: obj({
    auditReportVersion: must(int({ values: [2] })),
    // Keyed by package name; two packages, so that counting across keys is tried.
    vulnerabilities: must(obj({ minimist: may(PACKAGE), mkdirp: may(PACKAGE) }, { rest: PACKAGE })),
    metadata: must(
      obj({
        vulnerabilities: must(map(int({ min: 0, example: 1 }))),
        dependencies: must(map(int({ min: 0, example: 4 })))
      })
    )
  })
}

/** What npm prints as JSON when the registry's audit endpoint fails: refused, never "clean". */
export const npmAuditFailure = obj({
  message: must(str({ example: '405 Method Not Allowed - POST https://registry.example.test/-/npm/v1/security/advisories/bulk' })),
  method: must(str({ example: 'POST' })),
  uri: must(str({ example: 'https://registry.example.test/-/npm/v1/security/advisories/bulk' })),
  headers: must(map(arr(str()))),
  statusCode: must(int({ example: 405 })),
  body: must(opaque()),
  error: must(obj({ summary: must(str(), ''), detail: must(str(), '') }))
})

export const moreScannerShapes: WriterShape[] = [bandit, semgrep, pipAudit, npmAudit]
