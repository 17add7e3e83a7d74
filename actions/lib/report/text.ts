// Plain-text gate output for terminals (`sgw gate --output text`).
import { SEVERITIES } from '../findings/model.js'
import type { GateOutcome } from '../gate/run-gate.js'
import { countByTool, type Policy } from '../policy/policy.js'
import { mostSevere, whereOf } from './rank.js'

export function gateText(outcome: GateOutcome, policy: Policy, top = 10): string {
  const lines: string[] = [`Security gate: ${outcome.result.toUpperCase()}`, '']
  const tools = outcome.tools
  const perTool = countByTool(outcome.counted, tools)
  const header = ['severity', ...tools, 'total', 'allowed']
  const rows = SEVERITIES.filter((s) => s !== 'unknown' || outcome.counts.unknown > 0).map((s) => {
    const max = s === 'info' ? null : policy.thresholds[s]
    return [s, ...tools.map((t) => String(perTool.get(t)![s])), String(outcome.counts[s]), max === null ? '-' : String(max)]
  })
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const fmt = (cells: string[]) => `  ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')}`
  lines.push(fmt(header), ...rows.map(fmt), '')
  if (outcome.baselineFile) lines.push(`Baseline ${outcome.baselineFile}: ${outcome.new} new, ${outcome.known.length} known.`)
  if (outcome.excepted.length) lines.push(`Exceptions: ${outcome.excepted.length} finding(s) excepted by ${outcome.exceptionsFile}.`)
  const expired = outcome.exceptionUses.filter((u) => u.expired)
  for (const u of expired) lines.push(`Expired exception: ${u.entry.ruleId} (expired ${u.entry.expires}) no longer suppresses ${u.matched} finding(s).`)
  if (outcome.unmapped.length) lines.push(`Checkov checks rated default-severity (unmapped): ${outcome.unmapped.join(', ')}`)
  for (const n of outcome.notes) lines.push(`Note: ${n}`)
  for (const n of outcome.incomplete) lines.push(`Incomplete scan: ${n}`)
  if (outcome.failedIncomplete) lines.push('Breach: the scan is incomplete; fix what the scanner could not read, or pass --allow-incomplete-scan true to judge the findings alone.')
  else if (outcome.incomplete.length) lines.push('The scan is incomplete; allow-incomplete-scan is set, so the verdict judges the findings alone.')
  for (const b of outcome.breaches) lines.push(`Breach: ${b.count} ${b.severity} found, at most ${b.max} allowed.`)
  for (const a of outcome.approvals) if (outcome.result === 'needs-approval') lines.push(`Needs approval: ${a.count} ${a.severity} finding(s).`)
  for (const c of outcome.suppressionChanges) lines.push(`Needs approval: ${c.file}${c.line ? `:${c.line}` : ''}: ${c.what} (added by ${outcome.reviewBase?.describe ?? 'this change'}).`)
  for (const u of outcome.exceptionUses) if (u.expiringSoon) lines.push(`Exception expiring soon: ${u.entry.ruleId} (owner ${u.entry.owner}) ends ${u.entry.expires}.`)
  const inline = Object.entries(outcome.inlineSuppressions)
  if (inline.length) lines.push(`Inline suppressions in the code: ${inline.map(([t, n]) => `${t} ${n}`).join(', ')}.`)
  const shown = mostSevere(outcome.counted, top)
  if (shown.length) {
    lines.push('', `Top findings${outcome.counted.length > shown.length ? ` (${shown.length} of ${outcome.counted.length})` : ''}:`)
    for (const f of shown) lines.push(`  ${f.severity.toUpperCase().padEnd(8)} ${f.tool.padEnd(8)} ${f.ruleId}  ${f.title}  [${whereOf(f)}]`)
  }
  return `${lines.join('\n')}\n`
}
