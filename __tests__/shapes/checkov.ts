// checkov's JSON output (`-o json`), per version. checkov publishes no JSON schema; its writer is
// the source of truth, read at the version tags of bridgecrewio/checkov (3.3.30 from the released
// package itself, site-packages/checkov):
//   checkov/common/output/report.py       Report.get_dict (a framework: check_type, results,
//                                         summary, url; `--quiet` keeps results.failed_checks and
//                                         summary) and get_summary
//   checkov/common/output/record.py       Record.__init__: each record is written as its __dict__,
//                                         so every attribute is a key, None written as null
//   checkov/common/output/{secrets,graph,github_actions}_record.py, checkov/sast/record.py:
//                                         the attributes subclasses add
//   checkov/common/runners/runner_registry.py  print_reports: one framework alone, several as a
//                                         list; nothing scanned prints Report("").get_summary()
//                                         (all zeros) since 2.0.511, `[]` before
//   checkov/common/util/json_utils.py     CustomJSONEncoder: a Severity is written as its name
// Versions: 2.0.1 (the first records: no bc_check_id, file_abs_path, url or resource_count;
// guideline only when set), 2.0.510 (the last to print `[]` for nothing scanned), 2.5.20 (the last
// 2.x: severity, details, SecretsRecord...), 3.3.30 (support_path, SastRecord).
import { arr, bool, int, may, must, obj, oneOf, oneOfStr, opaque, str } from './shape.js'
import type { Field, ObjectShape, Shape, WriterShape } from './shape.js'

type Version = '2.0.1' | '2.0.510' | '2.5.20' | '3.3.30'
const ORDER: Version[] = ['2.0.1', '2.0.510', '2.5.20', '3.3.30']
const since = (v: Version, first: Version): boolean => ORDER.indexOf(v) >= ORDER.indexOf(first)

/** checkov/common/bridgecrew/severities.py: the names a Severity is written as (MODERATE and
 * IMPORTANT are written as MEDIUM and HIGH). NONE is DEFAULT_SEVERITY (record.py: "equivalent to a
 * score of 0.0"), what checkov/common/sca/output.py gives a package vulnerability of unknown
 * severity. Without a platform API key checkov leaves severity null. */
const SEVERITY = oneOfStr(['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO', 'NONE'])
const FRAMEWORKS = ['terraform', 'kubernetes', 'dockerfile', 'secrets', 'github_actions', 'sca_package']

const nullable = (shape: Shape, ...empty: unknown[]): Field => must(shape, null, ...empty)
const GUIDELINE = str({ example: 'https://docs.example.test/ckv-aws-18' })
const NO_API_KEY = "Add an api key '--bc-api-key <api-key>' to see more detailed insights via https://bridgecrew.cloud"

function record(v: Version, result: 'PASSED' | 'FAILED' | 'SKIPPED'): ObjectShape {
  return obj({
    check_id: must(str({ example: (k) => `CKV_AWS_${18 + k}` })),
    ...(since(v, '2.0.510') ? { bc_check_id: nullable(str({ example: 'BC_AWS_S3_13' })) } : {}),
    check_name: must(str({ example: 'Ensure the S3 bucket has access logging enabled' })),
    // checkov/common/typing.py _CheckResult; skipped checks carry the suppression comment.
    check_result: must(
      obj({
        result: must(oneOfStr([result])),
        suppress_comment: may(str()),
        evaluated_keys: may(arr(str({ example: 'logging' }))),
        // An object for most checks, a list of instructions for Dockerfile checks.
        results_configuration: may(opaque(undefined, {}), null),
        entity: may(opaque('object', { aws_s3_bucket: { data: { __start_line__: 1, __end_line__: 9 } } }))
      })
    ),
    // A list of [line, text] pairs; --compact writes null (runner_registry.py strip_code_blocks_from_json).
    code_block: nullable(opaque('array', [[1, 'resource "aws_s3_bucket" "data" {\n']])),
    file_path: must(str({ example: '/main.tf' })),
    ...(since(v, '2.0.510') ? { file_abs_path: must(str({ example: '/work/app/main.tf' })) } : {}),
    repo_file_path: must(str({ example: '/main.tf' })),
    // [0, 0] where the framework has no lines (package and licence checks).
    file_line_range: must(arr(int({ min: 0, example: 1 })), [0, 0]),
    resource: must(str({ example: 'aws_s3_bucket.data' })),
    evaluations: nullable(opaque('object', {})),
    check_class: must(str({ example: 'checkov.terraform.checks.resource.aws.S3AccessLogs' })),
    fixed_definition: nullable(opaque(undefined, 'resource "aws_s3_bucket" "data" {}')),
    entity_tags: nullable(opaque('object', { team: 'platform' })),
    caller_file_path: nullable(str()),
    caller_file_line_range: nullable(arr(int({ min: 0 }))),
    ...(since(v, '2.5.20')
      ? {
          resource_address: nullable(str({ example: 'aws_s3_bucket.data' })),
          severity: nullable(SEVERITY),
          bc_category: nullable(str()),
          benchmarks: nullable(opaque('object', {})),
          description: nullable(str()),
          short_description: nullable(str()),
          vulnerability_details: nullable(opaque('object', { id: 'CVE-2024-1000', severity: 'high' })),
          connected_node: nullable(opaque('object', {}))
        }
      : {}),
    // 2.0.x: a class attribute, written only once set_guideline ran; 2.5.20: set in __init__.
    guideline: since(v, '2.5.20') ? nullable(GUIDELINE) : may(GUIDELINE, null),
    ...(since(v, '2.5.20')
      ? {
          details: must(arr(str()), []),
          check_len: nullable(int({ min: 0 })),
          definition_context_file_path: nullable(str({ example: '/work/app/main.tf' }))
        }
      : {}),
    // Attributes of record subclasses, on the records of their frameworks only.
    breadcrumbs: may(opaque('object', {})),
    ...(since(v, '2.5.20')
      ? {
          validation_status: may(str(), null),
          added_commit_hash: may(str(), null),
          removed_commit_hash: may(str(), null),
          added_by: may(str(), null),
          removed_date: may(str(), null),
          added_date: may(str(), null),
          // `self.triggers = triggers,`: one-element tuples, written as lists.
          triggers: may(opaque('array', [['push']])),
          job: may(opaque('array', [['build']])),
          workflow_name: may(str(), null)
        }
      : {}),
    ...(since(v, '3.3.30')
      ? {
          cwe: may(opaque(undefined, ['CWE-79']), null),
          owasp: may(opaque(undefined, 'A03:2021'), null),
          show_severity: may(bool(), null),
          metadata: may(opaque('object', {}), null)
        }
      : {})
  })
}

function summary(v: Version, empty = false): ObjectShape {
  const count = empty ? int({ values: [0] }) : int({ min: 0 })
  return obj({
    passed: must(count),
    failed: must(count),
    skipped: must(count),
    parsing_errors: must(count),
    ...(since(v, '2.0.510') ? { resource_count: must(count) } : {}),
    checkov_version: must(str({ example: v }))
  })
}

/** Report.get_dict: the full framework, or the --quiet one. */
function framework(v: Version, quiet: boolean): ObjectShape {
  const failed = arr(record(v, 'FAILED'), { finding: () => true })
  const results = quiet
    ? obj({ failed_checks: must(failed, []) })
    : obj({
        passed_checks: must(arr(record(v, 'PASSED')), []),
        failed_checks: must(failed, []),
        skipped_checks: must(arr(record(v, 'SKIPPED')), []),
        parsing_errors: must(arr(str({ example: '/work/app/broken.tf' })), [])
      })
  return obj(
    {
      check_type: must(str({ example: (k) => FRAMEWORKS[k % FRAMEWORKS.length] })),
      results: must(results),
      summary: must(summary(v)),
      ...(since(v, '2.0.510') && !quiet ? { url: must(str({ example: NO_API_KEY })) } : {}),
      ...(since(v, '3.3.30') && !quiet ? { support_path: may(str()) } : {})
    },
    {
      // get_summary counts the lists get_dict writes.
      derive: (fw) => {
        const r = fw.results as Record<string, unknown[]>
        const s = fw.summary as Record<string, number>
        s.failed = r.failed_checks?.length ?? 0
        if (quiet) return
        s.passed = r.passed_checks?.length ?? 0
        s.skipped = r.skipped_checks?.length ?? 0
        s.parsing_errors = r.parsing_errors?.length ?? 0
      }
    }
  )
}

function document(v: Version): Shape {
  return oneOf({
    'one framework': framework(v, false),
    'several frameworks': arr(framework(v, false), { minItems: 2 }),
    'one framework, --quiet': framework(v, true),
    'several frameworks, --quiet': arr(framework(v, true), { minItems: 2 }),
    // Since 2.0.511 the all-zero summary; before, the empty list of frameworks.
    'nothing scanned': since(v, '2.5.20') ? summary(v, true) : arr(framework(v, false), { maxItems: 0 })
  })
}

const WRITER = 'checkov/common/output/{report,*record}.py, checkov/common/runners/runner_registry.py'
const SOURCES: Record<Version, string> = {
  '2.0.1': `bridgecrewio/checkov 2.0.1 ${WRITER}`,
  '2.0.510': `bridgecrewio/checkov 2.0.510 ${WRITER}`,
  '2.5.20': `bridgecrewio/checkov 2.5.20 ${WRITER}`,
  '3.3.30': `checkov 3.3.30 (the PyPI release) ${WRITER}, checkov/sast/record.py`
}

export const checkovShapes: WriterShape[] = ORDER.map((v) => ({
  format: 'checkov',
  version: v,
  source: SOURCES[v],
  document: document(v)
}))
