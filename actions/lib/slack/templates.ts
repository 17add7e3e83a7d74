// The messages slack-notify sends: one headline people read in the channel list and on their
// phone, and a coloured card with the details, built from the other actions' outputs.
import type { SectionBlock } from '@slack/types'
import { SEVERITIES, type Severity } from '../findings/model.js'
import { context, escapeMrkdwn, fieldsSection, link, preformatted, section, type Block, type SlackMessage } from './blocks.js'
import { excerpt, markdownToMrkdwn } from './mrkdwn.js'

export const STATUSES = ['started', 'success', 'failure', 'cancelled', 'rolled-back', 'needs-approval'] as const
export type Status = (typeof STATUSES)[number]
export const TEMPLATES = ['deploy', 'security', 'release', 'custom'] as const
export type Template = (typeof TEMPLATES)[number]

/** Colour bar, emoji shortcode and the word for each status. */
export const STATUS_STYLE: Record<Status, { color: string; emoji: string; word: string }> = {
  started: { color: '#36C5F0', emoji: ':rocket:', word: 'started' },
  success: { color: '#2EB67D', emoji: ':white_check_mark:', word: 'succeeded' },
  failure: { color: '#E01E5A', emoji: ':x:', word: 'failed' },
  cancelled: { color: '#9A9A9A', emoji: ':no_entry_sign:', word: 'was cancelled' },
  'rolled-back': { color: '#E8912D', emoji: ':leftwards_arrow_with_hook:', word: 'was rolled back' },
  'needs-approval': { color: '#ECB22E', emoji: ':hourglass_flowing_sand:', word: 'needs approval' }
}

/** Where the message comes from: the runner's GITHUB_* variables and the event. */
export interface RunContext {
  repository: string
  serverUrl: string
  runId: string
  runNumber: string
  workflow: string
  ref: string
  sha: string
  actor: string
  prNumber?: number
}

export interface DeployFacts {
  environment: string
  environmentUrl: string
  version: string
  images: string[]
  result: string
  reason: string
  revision: string
  previousRevision: string
  durationSeconds: string
  rollbackSeconds: string
}

export interface SecurityFacts {
  result: string
  counts: Partial<Record<Severity, number>>
  /** The maximum per severity (null: no limit); only shown where known. */
  limits: Partial<Record<Severity, number | null>>
  /** Severities that need approval (from a gate report). */
  approvals: { severity: Severity; count: number }[]
  /** The most severe new findings, one line each (from a gate report). */
  topFindings: string[]
  newCount?: number
}

export interface ReleaseFacts {
  version: string
  changelog: string
  releaseUrl: string
  tags: string[]
}

export interface MessageSpec {
  template: Template
  status: Status
  /** The service or application named in headlines; the repository name by default. */
  service: string
  title: string
  /** mrkdwn body text, as given (users write *bold* and <url|links> on purpose). */
  text: string
  fields: { label: string; value: string }[]
  /** Formatted mentions (<@U123>, <!subteam^S123>, <!here>) added on failure and rolled-back. */
  mentions: string[]
  deploy: DeployFacts
  security: SecurityFacts
  release: ReleaseFacts
  run: RunContext
}

/** The status a template's `result` means when `status` is auto. */
export function statusFromResult(template: Template, result: string): Status {
  const r = result.trim()
  if (template === 'deploy') {
    if (r === '') return 'started'
    return (
      ({ deployed: 'success', 'dry-run': 'success', 'rolled-back': 'rolled-back', failed: 'failure' } as Record<string, Status>)[r] ??
      'failure'
    )
  }
  if (template === 'security')
    return (
      ({ pass: 'success', 'needs-approval': 'needs-approval', fail: 'failure' } as Record<string, Status>)[r] ??
      (r === '' ? 'success' : 'failure')
    )
  return 'success'
}

/** The repository's web address, and the workflow run's. */
export const repoUrl = (run: RunContext) => `${run.serverUrl}/${run.repository}`
export const runUrl = (run: RunContext) => `${repoUrl(run)}/actions/runs/${run.runId}`

function refName(ref: string): string {
  return ref.replace(/^refs\/(heads|tags)\//, '').replace(/^refs\/pull\/(\d+)\/merge$/, 'PR #$1')
}

function what(spec: MessageSpec, version: string): string {
  return [spec.service, version].filter(Boolean).join(' ')
}

/** The one line people read first (plain text, not escaped): the title, or the template's wording for the status. */
export function headline(spec: MessageSpec): string {
  if (spec.title) return spec.title
  const s = spec.status
  const where = refName(spec.run.ref) || spec.run.repository
  switch (spec.template) {
    case 'deploy': {
      const subject = what(spec, spec.deploy.version)
      const to = spec.deploy.environment ? ` to ${spec.deploy.environment}` : ''
      const inEnv = spec.deploy.environment ? ` in ${spec.deploy.environment}` : ''
      return {
        started: `Deploying ${subject}${to}`,
        success: `${spec.deploy.result === 'dry-run' ? 'Dry run of' : 'Deployed'} ${subject}${to}`,
        failure: `Deploy of ${subject}${to} failed`,
        cancelled: `Deploy of ${subject}${to} was cancelled`,
        'rolled-back': `${subject} failed${inEnv} and was rolled back`,
        'needs-approval': `${subject} waits for approval to deploy${to}`
      }[s]
    }
    case 'security':
      return {
        started: `Security gates running on ${where}`,
        success: `Security gates passed on ${where}`,
        failure: `Security gates failed on ${where}`,
        cancelled: `Security gates cancelled on ${where}`,
        'rolled-back': `Security gates on ${where}: rolled back`,
        'needs-approval': `Security gates on ${where} need approval`
      }[s]
    case 'release': {
      const subject = what(spec, spec.release.version)
      return {
        started: `Releasing ${subject}`,
        success: `Released ${subject}`,
        failure: `Release of ${subject} failed`,
        cancelled: `Release of ${subject} was cancelled`,
        'rolled-back': `Release of ${subject} was rolled back`,
        'needs-approval': `Release of ${subject} waits for approval`
      }[s]
    }
    default:
      return `${spec.run.workflow || spec.service} ${STATUS_STYLE[s].word}`
  }
}

function seconds(raw: string): string {
  const n = Number(raw)
  if (raw.trim() === '' || !Number.isFinite(n)) return ''
  return n >= 60 ? `${Math.floor(n / 60)} min ${Math.round(n % 60)} s` : `${Math.round(n * 10) / 10} s`
}

const code = (s: string) => `\`${escapeMrkdwn(s).replace(/`/g, "'")}\``

function deployBlocks(spec: MessageSpec): Block[] {
  const d = spec.deploy
  const blocks: Block[] = []
  if ((spec.status === 'failure' || spec.status === 'rolled-back') && d.reason) blocks.push(section(`*Reason*\n${preformatted(d.reason)}`))
  const fields: { label: string; value: string }[] = []
  if (d.environment)
    fields.push({ label: 'Environment', value: d.environmentUrl ? link(d.environmentUrl, d.environment) : escapeMrkdwn(d.environment) })
  if (d.version) fields.push({ label: 'Version', value: code(d.version) })
  if (d.result) fields.push({ label: 'Result', value: escapeMrkdwn(d.result) })
  if (d.revision || d.previousRevision)
    fields.push({ label: 'Revision', value: escapeMrkdwn([d.previousRevision, d.revision].filter(Boolean).join(' → ')) })
  const took = seconds(d.durationSeconds)
  if (took) fields.push({ label: 'Took', value: took })
  const rollback = seconds(d.rollbackSeconds)
  if (rollback) fields.push({ label: 'Rollback', value: `healthy again after ${rollback}` })
  if (fields.length) blocks.push(fieldsSection(fields))
  if (d.images.length) blocks.push(section(`*Images*\n${d.images.map(code).join('\n')}`))
  return blocks
}

const SEVERITY_ORDER: Severity[] = SEVERITIES.filter((s) => s !== 'info')

function securityBlocks(spec: MessageSpec): Block[] {
  const f = spec.security
  const blocks: Block[] = []
  const shown = SEVERITY_ORDER.filter((s) => f.counts[s] !== undefined || f.limits[s] !== undefined)
  if (shown.length) {
    const approval = new Set(f.approvals.map((a) => a.severity))
    const rows = shown.map((s) => {
      const count = f.counts[s] ?? 0
      const max = f.limits[s]
      const limit = max === undefined ? '' : max === null ? 'none' : String(max)
      const verdict =
        max !== undefined && max !== null && count > max ? 'over the limit' : approval.has(s) && count > 0 ? 'needs approval' : ''
      return [s, String(count), limit, verdict]
    })
    const table = [['severity', 'found', 'limit', ''], ...rows]
    const width = [0, 1, 2].map((i) => Math.max(...table.map((r) => r[i].length)))
    const text = table
      .map((r) => `${r[0].padEnd(width[0])}  ${r[1].padStart(width[1])}  ${r[2].padStart(width[2])}  ${r[3]}`.trimEnd())
      .join('\n')
    blocks.push(section(preformatted(text)))
  }
  const breaches = SEVERITY_ORDER.filter((s) => {
    const max = f.limits[s]
    return max !== undefined && max !== null && (f.counts[s] ?? 0) > max
  }).map((s) => `${f.counts[s]} ${s} (at most ${f.limits[s]} allowed)`)
  if (breaches.length) blocks.push(section(`*Over the limit:* ${escapeMrkdwn(breaches.join(', '))}`))
  if (f.approvals.length && !breaches.length)
    blocks.push(section(`*Passes with approval:* ${escapeMrkdwn(f.approvals.map((a) => `${a.count} ${a.severity}`).join(', '))}`))
  const ofNew = f.newCount !== undefined ? ` of ${f.newCount} new` : ''
  if (f.topFindings.length) blocks.push(section(`*Most severe${ofNew}*\n${f.topFindings.map((l) => `• ${l}`).join('\n')}`))
  return blocks
}

function releaseBlocks(spec: MessageSpec): Block[] {
  const r = spec.release
  const blocks: Block[] = []
  const fields: { label: string; value: string }[] = []
  if (r.version) fields.push({ label: 'Version', value: code(r.version) })
  if (r.releaseUrl) fields.push({ label: 'Release', value: link(r.releaseUrl, 'release notes') })
  if (fields.length) blocks.push(fieldsSection(fields))
  if (r.tags.length) blocks.push(section(`*Image tags*\n${r.tags.map(code).join('\n')}`))
  if (r.changelog.trim()) {
    const notes = markdownToMrkdwn(r.changelog)
    const inNotes = r.releaseUrl ? ` in the ${link(r.releaseUrl, 'release notes')}` : ''
    blocks.push(section(excerpt(notes, 25, (hidden) => `_… ${hidden} more line(s)${inNotes}_`)))
  }
  return blocks
}

/** repository · ref @ commit · actor · workflow run: the line under every message. */
export function footer(run: RunContext): Block {
  // Outside a runner (sgw notify) there is no repository or run to link to.
  if (!run.repository) return context([run.actor ? `by ${escapeMrkdwn(run.actor)}` : 'sent with sgw notify'])
  const repo = repoUrl(run)
  const parts = [link(repo, run.repository)]
  const ref = refName(run.ref)
  if (run.prNumber) parts.push(link(`${repo}/pull/${run.prNumber}`, `PR #${run.prNumber}`))
  else if (ref) parts.push(link(`${repo}/tree/${ref}`, ref))
  if (run.sha) parts.push(link(`${repo}/commit/${run.sha}`, run.sha.slice(0, 7)))
  if (run.actor) parts.push(`by ${escapeMrkdwn(run.actor)}`)
  if (run.runId) parts.push(link(runUrl(run), `${run.workflow || 'workflow'} #${run.runNumber || run.runId}`))
  return context([parts.join(' · ')])
}

/** The whole message for a template (not `custom` payloads, which the user writes). */
export function buildMessage(spec: MessageSpec): SlackMessage {
  const style = STATUS_STYLE[spec.status]
  const title = `${style.emoji} ${escapeMrkdwn(headline(spec))}`
  const mention = (spec.status === 'failure' || spec.status === 'rolled-back') && spec.mentions.length ? ` ${spec.mentions.join(' ')}` : ''
  const blocks: Block[] = []
  if (spec.text) blocks.push(section(spec.text))
  else if (spec.template === 'deploy') blocks.push(...deployBlocks(spec))
  else if (spec.template === 'security') blocks.push(...securityBlocks(spec))
  else if (spec.template === 'release') blocks.push(...releaseBlocks(spec))
  // Extra key: value lines, ten to a section (Slack's limit per section).
  for (let i = 0; i < spec.fields.length; i += 10)
    blocks.push(fieldsSection(spec.fields.slice(i, i + 10).map((f) => ({ label: f.label, value: escapeMrkdwn(f.value) }))) as SectionBlock)
  blocks.push(footer(spec.run))
  return {
    // Shown above the card and used for the notification; mentions only notify from here.
    text: `${title}${mention}`,
    attachments: [{ color: style.color, fallback: `${headline(spec)}`, blocks }]
  }
}
