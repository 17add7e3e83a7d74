// The job summary of the code-quality gate (also what `sgw sonar --output markdown` prints):
// verdict first, then the conditions of the quality gate as a table, the failing ones first,
// then the analysis task and its warnings. Values are shown as SonarQube shows them: ratings as
// A-E, percentages with % (metrics.ts).
import { esc } from '../report/markdown.js'
import type { GateCondition } from './api.js'
import { formatDuration, type SonarOutcome } from './gate.js'
import { formatValue } from './metrics.js'
import type { ReportTask } from './report-task.js'
import type { SonarServer } from './server.js'

const COMPARATOR_SIGN: Record<string, string> = { GT: '>', LT: '<', EQ: '=', NE: '≠' }
const ICON: Record<string, string> = { OK: '✅', WARN: '⚠️', ERROR: '❌' }
const ORDER: Record<string, number> = { ERROR: 0, WARN: 1, OK: 2 }

export function conditionsTable(conditions: readonly GateCondition[]): string[] {
  if (conditions.length === 0) return []
  const rows = [...conditions]
    .sort((a, b) => ORDER[a.status] - ORDER[b.status])
    .map((c) => {
      const threshold = c.errorThreshold || c.warningThreshold
      const comparator = c.comparator ? `${c.comparator} (fails when ${COMPARATOR_SIGN[c.comparator]})` : ''
      return (
        `| \`${esc(c.metricKey)}\` | ${comparator} | ${esc(formatValue(c.metricKey, threshold))} | ` +
        `${esc(formatValue(c.metricKey, c.actualValue))} | ${ICON[c.status]} ${c.status} |`
      )
    })
  return ['| Metric | Comparator | Threshold | Actual value | Status |', '|---|---|---|---|---|', ...rows]
}

function headline(o: SonarOutcome): string {
  if (o.timedOut) return `⏱️ Code-quality gate timed out`
  if (o.result === 'pass') return o.warnings.length ? '⚠️ Code-quality gate passed with warnings' : '✅ Code-quality gate passed'
  return '❌ Code-quality gate failed'
}

export function sonarSummaryMarkdown(o: SonarOutcome, report: ReportTask, server: SonarServer): string {
  const product = server.kind === 'cloud' ? 'SonarQube Cloud' : `SonarQube${server.version ? ` ${server.version}` : ''}`
  const lines = [
    `### ${headline(o)}`,
    '',
    `> ${esc(o.reason)}.`,
    '',
    `- Project \`${esc(report.projectKey)}\`${report.branch ? `, branch \`${esc(report.branch)}\`` : ''} on ${esc(product)}: ` +
      `[dashboard](${o.dashboardUrl.replace(/[()<>\s]/g, encodeURIComponent)})`,
    `- Analysis task \`${esc(o.taskId)}\`: ${o.taskStatus || 'not read'} after ${o.polls} check(s), ${formatDuration(o.waitedMs)}` +
      (o.analysisId ? `; analysis \`${esc(o.analysisId)}\`` : ''),
    ...(o.gateStatus ? [`- Quality gate status: **${o.gateStatus}**`] : []),
    ...(o.ignoredConditions ? ['- Some conditions on new code were ignored by SonarQube (too few new lines to judge them)'] : []),
    ''
  ]
  if (o.conditions.length) lines.push(...conditionsTable(o.conditions), '')
  const analysisWarnings = o.task?.warnings ?? []
  if (analysisWarnings.length) {
    lines.push(`<details><summary>${analysisWarnings.length} analysis warning(s) from SonarQube</summary>`, '')
    // SonarQube's warnings may carry HTML links; show them as text.
    for (const w of analysisWarnings.slice(0, 20)) lines.push(`- ${esc(w.replace(/<[^>]*>/g, ''))}`)
    lines.push('', '</details>', '')
  }
  return lines.join('\n')
}
