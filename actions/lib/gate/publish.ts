// The GitHub side of a gate: outputs, job summary, annotations, SARIF and JSON files, PR comment.
// Shared by actions/severity-gate and the scanner actions.
import { writeFileSync } from 'node:fs'
import * as core from '@actions/core'
import { UserError } from '../errors/user-error.js'
import { approvalEnvironmentProblem, type EnvironmentAnswer } from './approval-environment.js'
import { SEVERITIES } from '../findings/model.js'
import { annotate } from '../report/annotations.js'
import { securitySummaryJson } from '../report/json-report.js'
import { summaryMarkdown } from '../report/markdown.js'
import { commentSectionOnPr } from '../report/pr-comment.js'
import { buildSarif } from '../report/sarif-writer.js'
import { GateOutput, PublishInput, readPublishSettings, type PublishSettings } from './publish-settings.js'
import type { GateSettings } from './settings.js'
import type { GateOutcome } from './run-gate.js'

export { GateOutput, PublishInput, readPublishSettings, type PublishSettings }

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
  // sgw as installed from this repository (README, "The sgw CLI on your machine").
  return `sgw gate ${reports} ${flags}`
}

async function commentOnPr(markdown: string, ctx: PublishContext): Promise<void> {
  // github.context.workflow is GITHUB_WORKFLOW; read here so that only a comment loads Octokit.
  const base = ctx.commentKey ?? process.env.GITHUB_WORKFLOW ?? 'workflow'
  const key = ctx.publish.commentKey ? `${base}/${ctx.publish.commentKey}` : base
  await commentSectionOnPr({ gate: 'security-gate', key, body: markdown }, ctx.publish.githubToken)
}

/**
 * Fail unless the approval environment exists with required reviewers (approval-environment.ts);
 * nothing to do without one. Reads GET /repos/{owner}/{repo}/environments/{name} at GITHUB_API_URL
 * with the github-token; any answer but an environment with reviewers is a UserError saying what
 * to create.
 */
export async function requireApprovalEnvironment(publish: PublishSettings): Promise<void> {
  const name = publish.approvalEnvironment
  if (!name) return
  const repository = process.env.GITHUB_REPOSITORY ?? ''
  const api = (process.env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, '')
  const token = publish.githubToken
  let answer: EnvironmentAnswer
  try {
    const response = await fetch(`${api}/repos/${repository}/environments/${encodeURIComponent(name)}`, {
      headers: { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      signal: AbortSignal.timeout(30_000)
    })
    // The body is read whatever the status: an unread body keeps the connection, and the step, open.
    const text = await response.text()
    answer = { status: response.status, body: response.ok ? JSON.parse(text) : undefined }
  } catch (error) {
    answer = { status: 0 }
    core.info(`GitHub's API did not answer: ${error instanceof Error ? error.message : String(error)}`)
  }
  const problem = approvalEnvironmentProblem(name, answer, repository)
  if (problem) throw new UserError(problem)
  core.info(`Approval environment "${name}" has required reviewers: the result waits for them.`)
}
