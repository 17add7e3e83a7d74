// The GitHub side of a gate: outputs, job summary, annotations, SARIF and JSON files, PR comment.
// Shared by actions/severity-gate and the scanner actions.
import { writeFileSync } from 'node:fs'
import * as core from '@actions/core'
import { SEVERITIES } from '../findings/model.js'
import { parseBoolean } from '../inputs/parse.js'
import { annotate } from '../report/annotations.js'
import { securitySummaryJson } from '../report/json-report.js'
import { summaryMarkdown } from '../report/markdown.js'
import { upsertComment } from '../report/pr-comment.js'
import { buildSarif } from '../report/sarif-writer.js'
import type { InputReader, GateSettings } from './settings.js'
import type { GateOutcome } from './run-gate.js'

export const PublishInput = {
  Summary: 'summary',
  Annotations: 'annotations',
  SarifOutput: 'sarif-output',
  JsonOutput: 'json-output',
  CommentOnPr: 'comment-on-pr',
  GithubToken: 'github-token'
} as const

export const GateOutput = {
  Result: 'result',
  Total: 'total',
  New: 'new',
  SummaryJson: 'summary-json',
  Sarif: 'sarif'
} as const

export interface PublishSettings {
  summary: boolean
  annotations: boolean
  sarifOutput?: string
  jsonOutput?: string
  commentOnPr: boolean
  githubToken?: string
}

export function readPublishSettings(get: InputReader): PublishSettings {
  const token = get(PublishInput.GithubToken)?.trim() || undefined
  if (token) core.setSecret(token)
  return {
    summary: parseBoolean(PublishInput.Summary, get(PublishInput.Summary), true),
    annotations: parseBoolean(PublishInput.Annotations, get(PublishInput.Annotations), true),
    sarifOutput: get(PublishInput.SarifOutput)?.trim() || undefined,
    jsonOutput: get(PublishInput.JsonOutput)?.trim() || undefined,
    commentOnPr: parseBoolean(PublishInput.CommentOnPr, get(PublishInput.CommentOnPr), false),
    githubToken: token
  }
}

export interface PublishContext {
  settings: GateSettings
  publish: PublishSettings
  /** Inputs as given, for the JSON report. */
  inputs: Record<string, string | number | boolean | null>
  scanners?: string[]
  versions?: Record<string, string>
  title?: string
  /** Distinguishes this gate's PR comment from others in the same workflow. */
  commentKey?: string
  /** Warn about exceptions that matched no finding (the gate over every report). */
  warnUnusedExceptions?: boolean
  now: Date
}

/** Set every output the gate has; called on success and on the fail path alike. */
export function setGateOutputs(outcome: GateOutcome): void {
  core.setOutput(GateOutput.Result, outcome.result)
  for (const s of SEVERITIES) core.setOutput(s, outcome.counts[s])
  core.setOutput(GateOutput.Total, outcome.total)
  core.setOutput(GateOutput.New, outcome.new)
}

export async function publishGate(outcome: GateOutcome, ctx: PublishContext): Promise<void> {
  setGateOutputs(outcome)
  const sarifNotes: string[] = []
  if (ctx.publish.sarifOutput) {
    const sarif = buildSarif(outcome.all, outcome.tools, { versions: ctx.versions })
    writeFileSync(ctx.publish.sarifOutput, sarif.json)
    sarifNotes.push(...sarif.notes)
    core.setOutput(GateOutput.Sarif, ctx.publish.sarifOutput)
    core.info(`SARIF: ${sarif.resultCount} result(s) in ${ctx.publish.sarifOutput}`)
  }
  if (ctx.publish.jsonOutput) {
    writeFileSync(ctx.publish.jsonOutput, securitySummaryJson(outcome, { policy: ctx.settings.policy, inputs: ctx.inputs, now: ctx.now }))
    core.setOutput(GateOutput.SummaryJson, ctx.publish.jsonOutput)
  }
  const server = process.env.GITHUB_SERVER_URL
  const repository = process.env.GITHUB_REPOSITORY
  const sha = process.env.GITHUB_SHA
  const markdown = summaryMarkdown(
    outcome,
    {
      policy: ctx.settings.policy,
      scanners: ctx.scanners,
      repoUrl: server && repository && sha ? { server, repository, sha } : undefined,
      sarifNotes,
      reproduce: reproduceCommand(outcome, ctx.settings)
    },
    ctx.title
  )
  if (ctx.publish.summary) await core.summary.addRaw(markdown).write()
  if (outcome.incomplete.length && !outcome.failedIncomplete) {
    core.warning(`Incomplete scan accepted (allow-incomplete-scan: true): ${outcome.incomplete.length} part(s) of the input were not scanned; the job summary lists them.`)
  }
  // Exceptions that matched nothing are named where every tool's findings meet (the gate over all
  // reports); a scanner action sees one tool's findings and would flag the others' exceptions.
  if (ctx.warnUnusedExceptions) for (const n of outcome.notes) if (/^Exception .* matched no finding/.test(n)) core.warning(n)
  if (ctx.publish.annotations) annotate(outcome.counted)
  if (ctx.publish.commentOnPr) await commentOnPr(markdown, ctx)
}

function reproduceCommand(outcome: GateOutcome, settings: GateSettings): string {
  const reports = outcome.reports.map((r) => `--reports ${r.path}`).join(' ')
  const t = settings.policy.thresholds
  const flags = (['critical', 'high', 'medium', 'low'] as const).map((s) => `--max-${s} ${t[s] ?? 'none'}`).join(' ')
  return `npx sgw gate ${reports} ${flags}`
}

async function commentOnPr(markdown: string, ctx: PublishContext): Promise<void> {
  // Loaded here, not at start: the Octokit stack costs every gate's start-up, and only a comment
  // needs it.
  const github = await import('@actions/github')
  const pr = github.context.payload.pull_request
  if (!pr) {
    core.info('comment-on-pr: not a pull request event; no comment written.')
    return
  }
  if (!ctx.publish.githubToken) {
    core.warning('comment-on-pr is true but github-token is empty; no PR comment written.')
    return
  }
  const body = markdown.length > 60_000 ? `${markdown.slice(0, 60_000)}\n\n… cut to fit a comment; the job summary has the rest.\n` : markdown
  try {
    const octokit = github.getOctokit(ctx.publish.githubToken)
    const { owner, repo } = github.context.repo
    const key = ctx.commentKey ?? github.context.workflow
    const done = await upsertComment(octokit, { owner, repo, issueNumber: pr.number, key }, body)
    core.info(`PR comment ${done.action} (#${pr.number}, comment ${done.id}).`)
  } catch (error) {
    // A comment is a convenience; a token without pull-requests: write must not hide the verdict.
    const status = (error as { status?: number }).status
    core.warning(`Could not write the PR comment${status ? ` (HTTP ${status})` : ''}: give the job \`pull-requests: write\` permission, or set comment-on-pr: false.`)
  }
}
