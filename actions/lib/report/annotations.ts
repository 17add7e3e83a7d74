// File annotations for the most severe findings, capped so the log and the PR stay readable.
import * as core from '@actions/core'
import type { Finding } from '../findings/model.js'
import { mostSevere } from './rank.js'

export const DEFAULT_ANNOTATION_LIMIT = 10

export function annotate(findings: readonly Finding[], limit = DEFAULT_ANNOTATION_LIMIT): number {
  const top = mostSevere(findings, limit)
  for (const f of top) {
    const title = `${f.severity.toUpperCase()} ${f.ruleId} (${f.tool})`
    const fix = f.location.fixedVersion ? ` Fixed in ${f.location.fixedVersion}.` : ''
    const pkg = f.location.package ? ` ${f.location.package}${f.location.installedVersion ? `@${f.location.installedVersion}` : ''}.` : ''
    const props: core.AnnotationProperties = { title, file: f.location.file, startLine: f.location.file ? f.location.line : undefined }
    const message = `${f.title}.${pkg}${fix}`
    if (f.severity === 'critical' || f.severity === 'high') core.error(message, props)
    else if (f.severity === 'medium' || f.severity === 'unknown') core.warning(message, props)
    else core.notice(message, props)
  }
  if (findings.length > top.length) core.info(`${findings.length - top.length} more finding(s) are in the job summary and the JSON report, not annotated.`)
  return top.length
}
