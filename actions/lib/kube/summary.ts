// The deploy's job summary: the verdict first, then what went where, the checks and what they
// measured, and on a rollback what failed, which pods said what and what was restored.
import { esc } from '../report/markdown.js'
import type { DeployOutcome } from './deploy.js'

const HEADLINE: Record<DeployOutcome['result'], string> = {
  deployed: '✅ Deployed',
  'rolled-back': '↩️ Rolled back',
  failed: '❌ Deploy failed',
  'dry-run': '🧪 Dry run passed'
}

export interface SummaryTarget {
  server: string
  context: string
  environment?: string
}

/** Image references as inline code, one per line of the cell. */
function codes(images: readonly string[]): string {
  return images.map((i) => `\`${esc(i)}\``).join('<br>')
}

function rolloutLine(rollout: NonNullable<DeployOutcome['rollout']>): string {
  if (rollout.state === 'failed') return `❌ ${esc(rollout.reason)} (after ${rollout.seconds}s)`
  return rollout.notReplaced.length
    ? `✅ applied in ${rollout.seconds}s; pods not replaced, by the workloads' update rules:`
    : `✅ rolled out in ${rollout.seconds}s`
}

/** The job summary of a deploy: verdict, target, revisions, workloads, checks, what the pods said, the rollback. */
export function deploySummary(outcome: DeployOutcome, target: SummaryTarget, title = 'kube-deploy'): string {
  const lines: string[] = []
  lines.push(`## ${HEADLINE[outcome.result]}: ${esc(title)}`, '')
  lines.push(`**${esc(outcome.reason)}**`, '')
  if (outcome.result === 'failed' && !outcome.changed) lines.push('Nothing was changed in the cluster.', '')
  if (outcome.result === 'failed' && outcome.rollback && !outcome.rollback.ok) {
    lines.push(
      `> [!CAUTION]`,
      `> **The rollback failed: ${esc(outcome.rollback.detail)}.** ` +
        'The cluster may be running a broken revision. Roll back by hand (kube-rollback) or fix forward now.',
      ''
    )
  }
  lines.push('| | |', '|---|---|')
  lines.push(`| Cluster | \`${esc(target.server)}\` (context \`${esc(target.context)}\`) |`)
  lines.push(`| Namespace | \`${esc(outcome.namespace)}\` |`)
  lines.push(`| Source | ${esc(outcome.source)} |`)
  if (outcome.images.length) lines.push(`| Images | ${outcome.images.map((i) => `\`${esc(i)}\``).join('<br>')} |`)
  if (outcome.blueGreen) {
    const bg = outcome.blueGreen
    const switched = bg.switched ? `, Service switched to ${bg.idle}` : ', Service not switched'
    const back = bg.switchedBack ? `, switched back to ${bg.live}` : ''
    lines.push(`| Blue-green | ${bg.live ? `${bg.live} was live; ` : ''}${bg.idle} deployed${switched}${back} |`)
  }
  lines.push(`| Revision | ${esc(outcome.previousRevision || '(none)')} → ${esc(outcome.revision || '(none)')} |`)
  lines.push(
    `| Duration | ${outcome.durationSeconds}s${outcome.rollbackSeconds !== undefined ? ` (rollback ${outcome.rollbackSeconds}s)` : ''} |`
  )
  lines.push('')

  if (outcome.workloads.length) {
    const restored = outcome.workloads.some((w) => w.restored !== undefined)
    lines.push(
      '### Workloads',
      '',
      `| Workload | Revision before | Revision deployed | Images before | Images deployed |${restored ? ' Revision now (restored) |' : ''}`,
      `|---|---|---|---|---|${restored ? '---|' : ''}`
    )
    for (const w of outcome.workloads) {
      lines.push(
        `| \`${esc(w.workload)}\` | ${esc(w.before ?? 'new')} | ${esc(w.after ?? '')} | ` +
          `${codes(w.imagesBefore)} | ${codes(w.imagesAfter)} |` +
          (restored ? ` ${esc(w.restored ?? '')} |` : '')
      )
    }
    lines.push('')
  }

  lines.push('### Checks', '')
  if (outcome.rollout) lines.push(`- Rollout: ${rolloutLine(outcome.rollout)}`)
  for (const n of outcome.rollout?.state === 'ready' ? outcome.rollout.notReplaced : [])
    lines.push(`  - \`${esc(n.workload)}\`: pods not replaced: ${esc(n.detail)}`)
  for (const h of outcome.health) {
    lines.push(`- Health (${esc(h.phase)}): ${h.result.ok ? '✅' : '❌'} ${esc(h.result.reason)}`)
    const shown = h.result.measurements.slice(-10)
    if (shown.length) {
      lines.push('', '  | Round | Check | Result | At |', '  |---|---|---|---|')
      for (const m of shown) lines.push(`  | ${m.round} | ${m.check} | ${m.ok ? '✅' : '❌'} ${esc(m.detail)} | ${m.atSeconds}s |`)
      lines.push('')
    }
  }
  if (!outcome.rollout && outcome.health.length === 0) lines.push('- No workload to watch and no health check configured.')
  lines.push('')

  const problems = outcome.rollout?.problems ?? []
  if (problems.length) {
    lines.push('### What the pods said', '', '| Pod | Container | Reason | Restarts | Last exit | Message |', '|---|---|---|---|---|---|')
    for (const p of problems.slice(0, 20))
      lines.push(
        `| \`${esc(p.pod)}\` | ${esc(p.container ?? '')} | **${esc(p.reason)}** | ${p.restarts ?? ''} | ` +
          `${esc(p.lastExit ?? '')} | ${esc(p.message ?? '')} |`
      )
    if (problems.length > 20) lines.push('', `${problems.length - 20} more not shown.`)
    lines.push('')
    const events = [...outcome.podEvents].filter(([, e]) => e.length)
    if (events.length) {
      lines.push('<details><summary>Warning events</summary>', '')
      for (const [pod, list] of events) for (const e of list) lines.push(`- \`${esc(pod)}\`: ${esc(e)}`)
      lines.push('', '</details>', '')
    }
  }

  if (outcome.rollback) {
    lines.push(`### Rollback ${outcome.rollback.ok ? '✅' : '❌'}`, '')
    for (const r of outcome.rollback.restored) lines.push(`- ${esc(r)}`)
    lines.push(`- ${esc(outcome.rollback.detail)}`, '')
  }
  return lines.join('\n') + '\n'
}
