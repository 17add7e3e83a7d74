// The job summary: verdict first, then the table, the breaches, the top findings, exceptions and
// what to do next. Also the PR comment body.
import { SEVERITIES, type Finding, type Severity } from '../findings/model.js'
import type { GateOutcome } from '../gate/run-gate.js'
import { countByTool, GATED_SEVERITIES, type Policy } from '../policy/policy.js'
import { mostSevere, whereOf } from './rank.js'

export interface SummaryContext {
  policy: Policy
  /** Scanner names and versions, e.g. `trivy 0.58.1`, when the action ran them. */
  scanners?: string[]
  /** For links to files: server URL, owner/repo, commit. */
  repoUrl?: { server: string; repository: string; sha: string }
  /** Lines about the SARIF (written where, trimmed how much). */
  sarifNotes?: string[]
  approvalEnvironment?: string
  topCount?: number
  /** How to reproduce locally, shown under "What to do next". */
  reproduce?: string
}

const ICON: Record<string, string> = { pass: '✅', 'needs-approval': '🟡', fail: '❌' }
const HEADLINE: Record<string, string> = { pass: 'passed', 'needs-approval': 'passes with approval', fail: 'failed' }

export function esc(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n/g, ' ')
}

function countsLine(outcome: GateOutcome): string {
  const parts = SEVERITIES.filter((s) => outcome.counts[s] > 0).map((s) => `${outcome.counts[s]} ${s}`)
  return parts.length ? parts.join(', ') : 'none'
}

function linkFor(f: Finding, ctx: SummaryContext): string {
  const where = esc(whereOf(f))
  const file = f.location.file
  if (!ctx.repoUrl || !file || f.location.package || /^(\/|[a-z]+:)/i.test(file)) return where
  const anchor = f.location.line ? `#L${f.location.line}` : ''
  const url = `${ctx.repoUrl.server}/${ctx.repoUrl.repository}/blob/${ctx.repoUrl.sha}/${file.split('/').map(encodeURIComponent).join('/')}${anchor}`
  return `[${where}](${url})`
}

function statusCell(severity: Severity, count: number, ctx: SummaryContext): string {
  const max = severity === 'info' ? null : ctx.policy.thresholds[severity as (typeof GATED_SEVERITIES)[number]]
  if (max !== null && count > max) return '❌ over'
  if (count > 0 && ctx.policy.approvalSeverities.includes(severity)) return '🟡 approval'
  if (count > 0 && severity === 'medium') return '⚠️ warn'
  if (count > 0 && (severity === 'low' || severity === 'info')) return 'ℹ️ inform'
  return '✓'
}

export function summaryMarkdown(outcome: GateOutcome, ctx: SummaryContext, title = 'Security gate'): string {
  const lines: string[] = []
  lines.push(`## ${ICON[outcome.result]} ${title} ${HEADLINE[outcome.result]}: \`${outcome.result}\``)
  lines.push('')
  const scanned = ctx.scanners?.length ? ` Scanned with ${ctx.scanners.join(', ')}.` : ''
  const baseline = outcome.baselineFile ? ` ${outcome.new} new, ${outcome.known.length} already in the baseline${outcome.counted.length < outcome.all.length ? ' (not counted)' : ''}.` : ''
  lines.push(`**${outcome.total}** finding(s) count toward the thresholds: ${countsLine(outcome)}.${baseline}${scanned}`)
  lines.push('')

  const tools = outcome.tools
  const perTool = countByTool(outcome.counted, tools)
  lines.push(`| Severity | ${tools.map(esc).join(' | ')}${tools.length ? ' | ' : ''}Total | Allowed | Status |`)
  lines.push(`|---|${tools.map(() => '---:|').join('')}---:|---:|---|`)
  for (const s of SEVERITIES) {
    const count = outcome.counts[s]
    if (s === 'unknown' && count === 0) continue
    const max = s === 'info' ? null : ctx.policy.thresholds[s as (typeof GATED_SEVERITIES)[number]]
    const cells = tools.map((t) => String(perTool.get(t)![s]))
    lines.push(`| ${s} | ${cells.join(' | ')}${cells.length ? ' | ' : ''}**${count}** | ${max === null ? 'no limit' : max} | ${statusCell(s, count, ctx)} |`)
  }
  lines.push('')

  if (outcome.breaches.length || outcome.failedIncomplete) {
    lines.push('### Breaches')
    for (const b of outcome.breaches) lines.push(`- **${b.severity}**: ${b.count} found, at most ${b.max} allowed`)
    if (outcome.failedIncomplete) lines.push(`- **incomplete scan**: ${outcome.incomplete.length} part(s) of the input were not scanned (below)`)
    lines.push('')
  }
  if (outcome.incomplete.length) {
    lines.push('### Incomplete scan')
    const verdict = outcome.failedIncomplete ? 'What was not scanned cannot be called clean, so the gate fails' : '`allow-incomplete-scan` is set: the verdict judges the findings alone'
    lines.push(`${verdict}.`)
    lines.push('')
    for (const n of outcome.incomplete.slice(0, 50)) lines.push(`- ${esc(n)}`)
    if (outcome.incomplete.length > 50) lines.push(`- … and ${outcome.incomplete.length - 50} more (security-summary.json lists them all)`)
    lines.push('')
  }
  if (outcome.result === 'needs-approval') {
    const env = ctx.approvalEnvironment ? ` in the \`${ctx.approvalEnvironment}\` environment` : ''
    const why = [
      outcome.approvals.length ? `${outcome.approvals.map((a) => `${a.count} ${a.severity}`).join(' and ')} finding(s)` : '',
      outcome.suppressionChanges.length ? `${outcome.suppressionChanges.length} suppression(s) added by ${outcome.reviewBase?.describe ?? 'this change'}` : ''
    ].filter(Boolean)
    lines.push(`Within the thresholds, but ${why.join(' and ')} need a reviewer's approval${env}.`)
    lines.push('')
  }
  if (outcome.suppressionChanges.length) {
    lines.push(`### Suppressions added by ${esc(outcome.reviewBase?.describe ?? 'this change')}`)
    lines.push(`Read against the base commit \`${outcome.reviewBase?.sha.slice(0, 12) ?? ''}\`: the author of a change cannot approve their own exception.`)
    lines.push('')
    for (const c of outcome.suppressionChanges.slice(0, 50)) lines.push(`- \`${esc(c.file)}${c.line ? `:${c.line}` : ''}\`: ${esc(c.what)}`)
    if (outcome.suppressionChanges.length > 50) lines.push(`- … and ${outcome.suppressionChanges.length - 50} more (security-summary.json lists them all)`)
    lines.push('')
  }

  const top = mostSevere(outcome.counted, ctx.topCount ?? 15)
  if (top.length) {
    lines.push(`### Top findings${outcome.counted.length > top.length ? ` (${top.length} of ${outcome.counted.length})` : ''}`)
    lines.push('| Severity | Tool | Rule | Finding | Where | Fix |')
    lines.push('|---|---|---|---|---|---|')
    for (const f of top) {
      const rule = f.helpUri ? `[${esc(f.ruleId)}](${f.helpUri})` : esc(f.ruleId)
      const fix = f.location.fixedVersion ? esc(f.location.fixedVersion) : f.fixAvailable === true ? 'yes' : f.fixAvailable === false ? 'no' : ''
      lines.push(`| ${f.severity} | ${esc(f.tool)} | ${rule} | ${esc(truncate(f.title, 120))} | ${linkFor(f, ctx)} | ${fix} |`)
    }
    lines.push('')
  }

  const active = outcome.exceptionUses.filter((u) => !u.expired)
  const expired = outcome.exceptionUses.filter((u) => u.expired)
  if (outcome.exceptionUses.length) {
    lines.push(`### Exceptions (${outcome.exceptionsFile})`)
    lines.push(`${outcome.excepted.length} finding(s) excepted.`)
    lines.push('')
    lines.push('| Rule | Scope | Owner | Reason | Expires | Matched |')
    lines.push('|---|---|---|---|---|---:|')
    for (const u of [...expired, ...active]) {
      const e = u.entry
      const scope = [e.tool, e.package, e.path, e.fingerprint?.slice(0, 12)].filter(Boolean).join(', ') || 'all'
      const expires = u.expired ? `**expired ${e.expires}**` : u.expiringSoon ? `⏳ ${e.expires}` : e.expires
      lines.push(`| ${esc(e.ruleId)} | ${esc(scope)} | ${esc(e.owner)} | ${esc(truncate(e.reason, 100))} | ${expires} | ${u.matched} |`)
    }
    lines.push('')
    if (expired.length) lines.push(`⚠️ ${expired.length} exception(s) expired and no longer suppress anything; renew them with a new reason or fix the findings.`, '')
    const soon = active.filter((u) => u.expiringSoon)
    if (soon.length) lines.push(`⏳ ${soon.length} exception(s) expire soon: ${soon.map((u) => `${esc(u.entry.ruleId)} (${esc(u.entry.owner)}, ${u.entry.expires})`).join(', ')}.`, '')
  }
  if (outcome.unmapped.length) {
    lines.push(`### Checkov checks without a known severity`)
    lines.push(`Rated \`default-severity\`: ${outcome.unmapped.map((id) => `\`${id}\``).join(', ')}.`)
    lines.push('')
  }
  const inline = Object.entries(outcome.inlineSuppressions)
  if (inline.length) {
    lines.push('### Inline suppressions in the code')
    lines.push(inline.map(([tool, n]) => `${tool}: ${n}`).join(', ') + '.')
    lines.push('')
  }
  const sources = outcome.policySources ? Object.entries(outcome.policySources).filter(([, from]) => from !== 'default') : []
  if (sources.length) {
    lines.push('### Where the limits come from')
    for (const [key, from] of sources) lines.push(`- \`${key}\`: ${esc(from)}`)
    lines.push('')
  }
  const notes = [...outcome.notes, ...(ctx.sarifNotes ?? [])]
  if (notes.length) {
    lines.push('### Notes')
    for (const n of notes) lines.push(`- ${n}`)
    lines.push('')
  }
  lines.push('### What to do next')
  lines.push(...nextSteps(outcome, ctx))
  lines.push('')
  lines.push(`<sub>Reports: ${outcome.reports.map((r) => `\`${esc(r.path)}\` (${r.tool}, ${r.findings})`).join(', ')}</sub>`)
  return `${lines.join('\n')}\n`
}

function nextSteps(outcome: GateOutcome, ctx: SummaryContext): string[] {
  const out: string[] = []
  const repro = ctx.reproduce ? ` Reproduce locally with \`${ctx.reproduce}\`.` : ''
  if (outcome.result === 'fail') {
    if (outcome.failedIncomplete) out.push('- Make the files the scanner could not read parseable (or exclude them from the scan), or set `allow-incomplete-scan: true` to judge the findings alone.')
    if (outcome.breaches.length) {
      out.push(`- Fix the ${outcome.breaches.map((b) => b.severity).join(' and ')} findings (the table above lists the most severe first).${repro}`)
      out.push(`- Where a finding is accepted, add it to \`${outcome.exceptionsFile ?? '.security-exceptions.yml'}\` with a \`reason\` and an \`expires\` date.`)
    }
  } else if (outcome.result === 'needs-approval') {
    out.push(`- A reviewer approves the deployment of the approval environment, or the findings are fixed.${repro}`)
    if (outcome.suppressionChanges.length) out.push('- Or take the added suppressions out of this change and propose them on their own, for review.')
  } else {
    out.push('- Nothing blocks this change.' + (outcome.counts.medium + outcome.counts.low > 0 ? ' Medium and low findings are listed for information.' : ''))
  }
  return out
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}
