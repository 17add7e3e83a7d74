// SARIF 2.1.0 as the OASIS standard defines it: the schema (oasis-tcs/sarif-spec
// sarif-2.1/schema/sarif-schema-2.1.0.json, "#/definitions/<name>" below) for names, types,
// required properties, enumerations, minimums and defaults; the prose (sarif-v2.1.0, "§" below)
// where it says more than the schema (null runs and results, null suppressions).
// Written here as data rather than read from a copy of the schema at test time: no package that
// ships the schema is light enough to depend on, a fetched copy may not be committed, and building
// documents needs this typed form anyway. Every property of each object the readers look into is
// listed with its type; objects they never look into (code flows, graphs, web requests...) are
// opaque, checked for their JSON type only. Default values the schema gives for "not set" (-1 for an
// index, [] for a list) are the placeholders a producer may write.
import { arr, bool, int, may, must, num, obj, oneOfStr, opaque, refusing, str } from './shape.js'
import type { ArrayShape, Field, ObjectShape, Shape, WriterShape } from './shape.js'

const LEVEL = oneOfStr(['warning', 'error', 'note', 'none'])
/** An optional list; the schema's minItems 0 lets a producer write it empty. */
const list = (items: Shape, o: Omit<ArrayShape, 'type' | 'items'> = {}): Field => may(arr(items, o), [])
/** An index into a list of the log: -1 is the schema's default, "not given". */
const index = (): Field => may(int({ min: -1, example: 0 }), -1)
const opaqueObject = (example?: unknown): Shape => opaque('object', example)

/** #/definitions/propertyBag: open; `tags` is the one property SARIF defines. `security-severity`
 * (a CVSS score as a string) is GitHub code scanning's convention that trivy and others follow;
 * trivy writes "0.0" for a finding it could not rate. */
const propertyBag = obj(
  { tags: list(str({ example: 'security' })), 'security-severity': may(str({ example: '7.5' }), '0.0') },
  { rest: opaque() }
)
const properties = may(propertyBag)

/** #/definitions/message: text or id (§3.11.7: a message has one of them). */
const message = obj(
  {
    text: may(str({ example: 'A problem was found.' })),
    markdown: may(str()),
    id: may(str({ example: 'default' })),
    arguments: list(str()),
    properties
  },
  { derive: (m) => void (!('text' in m) && !('id' in m) && (m.text = 'A problem was found.')) }
)
/** #/definitions/multiformatMessageString */
const multiformat = obj({ text: must(str({ example: 'Describes the rule.' })), markdown: may(str()), properties })

/** #/definitions/artifactLocation */
const artifactLocation = obj({
  uri: may(str({ example: 'src/app.js' })),
  uriBaseId: may(str({ example: 'ROOTPATH' })),
  index: index(),
  description: may(message),
  properties
})

/** #/definitions/region: lines and columns start at 1 (§3.30.5). */
const region = obj({
  startLine: may(int({ min: 1, example: 4 })),
  startColumn: may(int({ min: 1 })),
  endLine: may(int({ min: 1, example: 6 })),
  endColumn: may(int({ min: 1 })),
  charOffset: may(int({ min: -1 }), -1),
  charLength: may(int({ min: 0 })),
  byteOffset: may(int({ min: -1 }), -1),
  byteLength: may(int({ min: 0 })),
  snippet: may(opaqueObject({ text: 'let x = 1' })),
  message: may(message),
  sourceLanguage: may(str()),
  properties
})

/** #/definitions/location (and physicalLocation) */
const location = obj({
  id: index(),
  physicalLocation: may(
    obj({
      address: may(opaqueObject()),
      artifactLocation: may(artifactLocation),
      region: may(region),
      contextRegion: may(region),
      properties
    })
  ),
  logicalLocations: list(opaqueObject()),
  message: may(message),
  annotations: list(region),
  relationships: list(opaqueObject()),
  properties
})

/** #/definitions/reportingConfiguration */
const reportingConfiguration = obj({
  enabled: may(bool()),
  level: may(LEVEL),
  rank: may(num(50), -1),
  parameters: may(propertyBag),
  properties
})

/** #/definitions/reportingDescriptor: a rule (or notification, or taxon). */
const reportingDescriptor = obj({
  id: must(str({ example: (k) => `R${k}` })),
  deprecatedIds: list(str()),
  guid: may(str()),
  deprecatedGuids: list(str()),
  name: may(str({ example: 'RuleName' })),
  deprecatedNames: list(str()),
  shortDescription: may(multiformat),
  fullDescription: may(multiformat),
  messageStrings: may(obj({}, { rest: multiformat, example: { default: { text: 'A problem was found.' } } })),
  defaultConfiguration: may(reportingConfiguration),
  helpUri: may(str({ example: 'https://example.test/rules/R0' })),
  help: may(multiformat),
  relationships: list(opaqueObject()),
  properties
})

/** #/definitions/toolComponentReference and #/definitions/reportingDescriptorReference */
const toolComponentReference = obj({ name: may(str({ example: 'extension' })), index: index(), guid: may(str()), properties })
const reportingDescriptorReference = obj({
  id: may(str({ example: 'R0' })),
  index: index(),
  guid: may(str()),
  toolComponent: may(toolComponentReference),
  properties
})

/** #/definitions/toolComponent: the driver, or an extension. */
const toolComponent = obj({
  guid: may(str()),
  name: must(str({ example: 'Scanner' })),
  organization: may(str()),
  product: may(str()),
  productSuite: may(str()),
  shortDescription: may(multiformat),
  fullDescription: may(multiformat),
  fullName: may(str()),
  version: may(str({ example: '1.0.0' })),
  semanticVersion: may(str({ example: '1.0.0' })),
  dottedQuadFileVersion: may(str({ example: '1.0.0.0' })),
  releaseDateUtc: may(str()),
  downloadUri: may(str()),
  informationUri: may(str({ example: 'https://example.test' })),
  globalMessageStrings: may(obj({}, { rest: multiformat })),
  notifications: list(reportingDescriptor),
  rules: list(reportingDescriptor),
  taxa: list(reportingDescriptor),
  locations: list(artifactLocation),
  language: may(str({ example: 'en-US' })),
  contents: may(arr(oneOfStr(['localizedData', 'nonLocalizedData']))),
  isComprehensive: may(bool()),
  localizedDataSemanticVersion: may(str()),
  minimumRequiredLocalizedDataSemanticVersion: may(str()),
  associatedComponent: may(toolComponentReference),
  translationMetadata: may(opaqueObject()),
  supportedTaxonomies: list(toolComponentReference),
  properties
})

/** #/definitions/notification: level defaults to "warning" (§3.58.6). */
const notification = obj({
  locations: list(location),
  message: must(message),
  level: may(LEVEL),
  threadId: may(int()),
  timeUtc: may(str()),
  exception: may(opaqueObject()),
  descriptor: may(reportingDescriptorReference),
  associatedRule: may(reportingDescriptorReference),
  properties
})

const configurationOverride = obj({
  configuration: must(reportingConfiguration),
  descriptor: must(reportingDescriptorReference),
  properties
})

/** #/definitions/invocation: executionSuccessful is required. */
const invocation = obj({
  commandLine: may(str()),
  arguments: list(str()),
  responseFiles: list(artifactLocation),
  startTimeUtc: may(str()),
  endTimeUtc: may(str()),
  exitCode: may(int({ example: 0 })),
  ruleConfigurationOverrides: list(configurationOverride),
  notificationConfigurationOverrides: list(configurationOverride),
  toolExecutionNotifications: list(notification),
  toolConfigurationNotifications: list(notification),
  exitCodeDescription: may(str()),
  exitSignalName: may(str()),
  exitSignalNumber: may(int()),
  processStartFailureMessage: may(str()),
  executionSuccessful: must(bool()),
  machine: may(str()),
  account: may(str()),
  processId: may(int()),
  executableLocation: may(artifactLocation),
  workingDirectory: may(artifactLocation),
  environmentVariables: may(obj({}, { rest: str() })),
  stdin: may(artifactLocation),
  stdout: may(artifactLocation),
  stderr: may(artifactLocation),
  stdoutStderr: may(artifactLocation),
  properties
})

/** #/definitions/artifact */
const artifact = obj({
  description: may(message),
  location: may(artifactLocation),
  parentIndex: index(),
  offset: may(int({ min: 0 })),
  length: may(int({ min: -1 }), -1),
  roles: list(str({ example: 'analysisTarget' })),
  mimeType: may(str()),
  contents: may(opaqueObject()),
  encoding: may(str()),
  sourceLanguage: may(str()),
  hashes: may(obj({}, { rest: str() })),
  lastModifiedTimeUtc: may(str()),
  properties
})

/** #/definitions/suppression: a suppression is in effect unless its status says rejected or under
 * review (§3.35.3); no status is read as in effect. */
const suppression = obj({
  guid: may(str()),
  kind: must(oneOfStr(['inSource', 'external'])),
  status: may(oneOfStr(['accepted', 'underReview', 'rejected'])),
  justification: may(str()),
  location: may(location),
  properties
})

/** #/definitions/fix: artifactChanges has at least one entry. */
const fix = obj({
  description: may(message),
  artifactChanges: must(arr(opaqueObject({ artifactLocation: { uri: 'src/app.js' }, replacements: [] }), { minItems: 1 })),
  properties
})

/**
 * Whether a result is a problem the gate counts: kind "fail" (the default, §3.27.9) or "open" (the
 * tool could not tell; counted, as a gate fails closed), not "absent" from this run
 * (baselineState, §3.27.24), and not suppressed (§3.27.23: no list, null or an empty list means not
 * suppressed; otherwise a suppression whose status is not rejected or underReview is in effect).
 */
function isProblem(r: Record<string, unknown>): boolean {
  const kind = r.kind ?? 'fail'
  if (kind !== 'fail' && kind !== 'open') return false
  if (r.baselineState === 'absent') return false
  const s = r.suppressions
  const inEffect = (x: unknown) => !['rejected', 'underReview'].includes((x as Record<string, unknown>).status as string)
  return !(Array.isArray(s) && s.some(inEffect))
}

/** #/definitions/result: message is required; kind defaults to "fail", level to "warning". */
const result = obj({
  ruleId: may(str({ example: 'R0' })),
  ruleIndex: index(),
  rule: may(reportingDescriptorReference),
  kind: may(oneOfStr(['fail', 'open', 'pass', 'notApplicable', 'informational', 'review'])),
  level: may(LEVEL),
  message: must(message),
  analysisTarget: may(artifactLocation),
  locations: list(location),
  guid: may(str()),
  correlationGuid: may(str()),
  occurrenceCount: may(int({ min: 1 })),
  partialFingerprints: may(obj({}, { rest: str(), example: { primaryLocationLineHash: 'abc123:1' } })),
  fingerprints: may(obj({}, { rest: str(), example: { 'matchHash/v1': 'def456' } })),
  stacks: list(opaqueObject()),
  codeFlows: list(opaqueObject()),
  graphs: list(opaqueObject()),
  graphTraversals: list(opaqueObject()),
  relatedLocations: list(location),
  // The schema says array; the prose (§3.27.23) also allows null, "no suppression information".
  suppressions: may(arr(suppression), [], null),
  baselineState: may(oneOfStr(['new', 'unchanged', 'updated', 'absent'])),
  rank: may(num(50), -1),
  attachments: list(opaqueObject()),
  hostedViewerUri: may(str()),
  workItemUris: list(str()),
  provenance: may(opaqueObject()),
  fixes: list(fix),
  taxa: list(reportingDescriptorReference),
  webRequest: may(opaqueObject()),
  webResponse: may(opaqueObject()),
  properties
})

/** #/definitions/run */
const run: ObjectShape = obj({
  tool: must(obj({ driver: must(toolComponent), extensions: list(toolComponent), properties })),
  invocations: list(invocation),
  conversion: may(opaqueObject()),
  language: may(str({ example: 'en-US' })),
  versionControlProvenance: list(opaqueObject()),
  originalUriBaseIds: may(obj({}, { rest: artifactLocation, example: { ROOTPATH: { uri: 'file:///work/app/' } } })),
  artifacts: list(artifact),
  logicalLocations: list(opaqueObject()),
  graphs: list(opaqueObject()),
  // §3.14.23: absent or null, the tool did not compute results (it failed to start or to begin);
  // present and empty, it found nothing.
  results: refusing(may(arr(result, { finding: isProblem }), [], null), {
    absent: 'a run without results did not analyse anything (§3.14.23)',
    null: 'results null: the tool failed before it analysed anything (§3.14.23)'
  }),
  automationDetails: may(opaqueObject()),
  runAggregates: list(opaqueObject()),
  baselineGuid: may(str()),
  redactionTokens: list(str()),
  defaultEncoding: may(str()),
  defaultSourceLanguage: may(str()),
  newlineSequences: may(arr(str({ example: '\n' }), { minItems: 1 })),
  columnKind: may(oneOfStr(['utf16CodeUnits', 'unicodeCodePoints'])),
  externalPropertyFileReferences: may(opaqueObject()),
  threadFlowLocations: list(opaqueObject()),
  taxonomies: list(opaqueObject()),
  addresses: list(opaqueObject()),
  translations: list(opaqueObject()),
  policies: list(opaqueObject()),
  webRequests: list(opaqueObject()),
  webResponses: list(opaqueObject()),
  specialLocations: may(opaqueObject()),
  properties
})

/** #/definitions (the root): sarifLog. */
const sarifLog = obj({
  $schema: may(str({ example: 'https://json.schemastore.org/sarif-2.1.0.json' })),
  version: must(oneOfStr(['2.1.0'])),
  // §3.13.4: [] when there was nothing to analyse; null when producing the runs failed.
  runs: refusing(must(arr(run), [], null), { null: 'runs null: the producer failed (§3.13.4)' }),
  inlineExternalProperties: may(arr(opaqueObject())),
  properties
})

export const sarifShapes: WriterShape[] = [
  {
    format: 'sarif',
    version: '2.1.0',
    source: 'oasis-tcs/sarif-spec sarif-2.1/schema/sarif-schema-2.1.0.json and sarif-v2.1.0 prose',
    document: sarifLog,
    // A result that names no rule (valid: ruleId, ruleIndex and rule are all optional, and gitleaks
    // 7 writes such results), written by a producer that spells out the schema's defaults.
    cases: () => [
      {
        label: 'a result naming no rule, with ruleIndex and rule.index at their default -1',
        doc: {
          version: '2.1.0',
          runs: [
            {
              tool: { driver: { name: 'Scanner', rules: [] } },
              results: [{ ruleIndex: -1, rule: { index: -1 }, message: { text: 'A problem was found.' } }]
            }
          ]
        }
      }
    ]
  }
]
