// actions/coverage-gate: gate on the coverage reports the test step wrote. Inputs in, domain
// (actions/lib/coverage) in the middle, outputs, summary, annotations and the PR section out.
import * as core from '@actions/core'
import { runnerEvent } from '../lib/action/event.js'
import { input, runAction } from '../lib/action/run-action.js'
import { changedLines } from '../lib/coverage/changed-lines.js'
import { coverageMarkdown, uncoveredAnnotations } from '../lib/coverage/report.js'
import { formatPercent, runCoverage, type CoverageOutcome } from '../lib/coverage/run-coverage.js'
import {
  CoverageInput,
  CoverageOutput,
  readCoveragePatterns,
  readCoverageSettings,
  type CoverageSettings
} from '../lib/coverage/settings.js'
import { resolveReportPaths } from '../lib/inputs/globs.js'
import { parseBoolean } from '../lib/inputs/parse.js'
import { GitReader, reviewBaseFor, type ReviewBase } from '../lib/policy/review.js'
import { commentSectionOnPr } from '../lib/report/pr-comment.js'

/** Expand paths and globs (inputs/globs.ts); a pattern that matches no file is an error. */
export function resolveCoverageReports(patterns: readonly string[], inputName: string = CoverageInput.Reports): Promise<string[]> {
  return resolveReportPaths(patterns, inputName, 'coverage report')
}

/** The base whose changes diff coverage measures: `base` if given, else the event's, else none. */
export function diffBase(settings: CoverageSettings, event: { eventName: string; payload: unknown }): ReviewBase | undefined {
  if (settings.minDiffCoverage === undefined) return undefined
  if (settings.base) return { sha: settings.base, describe: `the change since ${settings.base}` }
  return reviewBaseFor(event.eventName, (event.payload ?? {}) as Parameters<typeof reviewBaseFor>[1])
}

export function setCoverageOutputs(outcome: CoverageOutcome | undefined): void {
  core.setOutput(CoverageOutput.Result, outcome?.result ?? 'fail')
  core.setOutput(CoverageOutput.LineCoverage, formatPercent(outcome?.lines))
  core.setOutput(CoverageOutput.BranchCoverage, formatPercent(outcome?.branches))
  core.setOutput(CoverageOutput.DiffCoverage, formatPercent(outcome?.diff))
  core.setOutput(CoverageOutput.LinesCovered, outcome ? outcome.lines.covered : '')
  core.setOutput(CoverageOutput.LinesTotal, outcome ? outcome.lines.total : '')
  core.setOutput(CoverageOutput.DiffLinesCovered, outcome ? (outcome.diff?.covered ?? 0) : '')
  core.setOutput(CoverageOutput.DiffLinesTotal, outcome ? (outcome.diff?.total ?? 0) : '')
  core.setOutput(CoverageOutput.Files, outcome ? outcome.files.length : '')
}

export async function runCoverageGate(): Promise<void> {
  await runAction(
    async () => {
      const settings = readCoverageSettings(input)
      const patterns = readCoveragePatterns(input)
      const writeSummary = parseBoolean(CoverageInput.Summary, input(CoverageInput.Summary), true)
      const comment = parseBoolean(CoverageInput.CommentOnPr, input(CoverageInput.CommentOnPr), false)
      const token = input(CoverageInput.GithubToken).trim() || undefined
      if (token) core.setSecret(token)
      const cwd = process.cwd()
      const reports = await resolveCoverageReports(patterns)
      const base = diffBase(settings, runnerEvent())
      const changes = base ? await changedLines(new GitReader(cwd), base) : undefined
      const outcome = await core.group(`Reading ${reports.length} coverage report(s)`, async () => {
        const result = runCoverage({ ...settings, reports, cwd, changes })
        for (const r of result.reports)
          core.info(
            `${r.path}: ${r.format}${r.tool ? ` (${r.tool})` : ''}, ${r.files} file(s)${r.unmapped.length ? `, ${r.unmapped.length} not in this repository` : ''}`
          )
        return result
      })
      setCoverageOutputs(outcome)

      const { server, repository, sha } = {
        server: process.env.GITHUB_SERVER_URL,
        repository: process.env.GITHUB_REPOSITORY,
        sha: process.env.GITHUB_SHA
      }
      const markdown = coverageMarkdown(outcome, {
        repoUrl: server && repository && sha ? { server, repository, sha } : undefined,
        reproduce: `sgw coverage ${reports.map((r) => `--reports ${r}`).join(' ')} --min-coverage ${settings.minCoverage}${base ? ` --base ${base.sha.slice(0, 12)}` : ''}`
      })
      if (writeSummary) await core.summary.addRaw(markdown).write()
      const notes = uncoveredAnnotations(outcome, settings.maxAnnotations)
      for (const a of notes.shown)
        core.warning(a.message, { title: 'Not covered', file: a.file, startLine: a.startLine, endLine: a.endLine })
      if (notes.more) core.info(`${notes.more} more range(s) of uncovered changed lines are listed in the job summary, not annotated.`)
      if (comment)
        await commentSectionOnPr({ gate: 'coverage-gate', key: process.env.GITHUB_WORKFLOW ?? 'workflow', body: markdown }, token)

      const figures = [`lines ${formatPercent(outcome.lines)} %`]
      if (outcome.branches?.total) figures.push(`branches ${formatPercent(outcome.branches)} %`)
      if (outcome.diff?.total) figures.push(`changed lines ${formatPercent(outcome.diff)} %`)
      const line = `Coverage gate: ${outcome.result} (${figures.join(', ')})`
      if (outcome.result === 'fail') core.setFailed(`${line}: ${outcome.breaches.join('; ')}. See the job summary.`)
      else core.info(line)
    },
    () => setCoverageOutputs(undefined)
  )
}
