// The publishing inputs and outputs of a gate, apart from the code that publishes: an action reads
// (and checks) them at start, before the report and summary modules are loaded.
import * as core from '@actions/core'
import { parseBoolean } from '../inputs/parse.js'
import type { InputReader } from './settings.js'

export const PublishInput = {
  Summary: 'summary',
  Annotations: 'annotations',
  SarifOutput: 'sarif-output',
  JsonOutput: 'json-output',
  CommentOnPr: 'comment-on-pr',
  GithubToken: 'github-token',
  ApprovalEnvironment: 'approval-environment',
  CommentKey: 'comment-key'
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
  /** The environment whose required reviewers approve needs-approval (checked before relying on it). */
  approvalEnvironment?: string
  /** Names this gate's section of the suite's PR comment (a service, when one run gates several). */
  commentKey?: string
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
    githubToken: token,
    approvalEnvironment: get(PublishInput.ApprovalEnvironment)?.trim() || undefined,
    commentKey: get(PublishInput.CommentKey)?.trim() || undefined
  }
}

