// One PR comment per pull request for the whole suite: each gate (the security gate and each
// scanner action, the coverage gate...) owns a section between hidden markers and updates it in
// place; the other gates' sections are kept as they are. Found again by its markers, also when an
// earlier version of the suite wrote one comment per gate: those are folded into one.
import * as core from '@actions/core'
import type { getOctokit } from '@actions/github'

type Octokit = ReturnType<typeof getOctokit>

/** Marks the suite's comment (at its end, after the sections). */
export const SUITE_MARKER = '<!-- sgw:pr-comment -->'
/** GitHub refuses comment bodies over 65,536 characters. */
export const COMMENT_LIMIT = 65_000
/** Sections in this order, whichever gate ran first; others after them, in the order they came. */
const GATE_ORDER = ['security-gate', 'coverage-gate']

function clean(text: string): string {
  // A name must not end the HTML comment it sits in.
  return text.replace(/[<>]/g, '')
}

export function sectionStart(gate: string, key: string): string {
  return `<!-- sgw:${clean(gate)}:${clean(key)} -->`
}

export function sectionEnd(gate: string, key: string): string {
  return `<!-- /sgw:${clean(gate)}:${clean(key)} -->`
}

/** The security gate's section marker (also the whole comment's marker before sections existed). */
export function commentMarker(key: string): string {
  return sectionStart('security-gate', key)
}

export interface Section {
  gate: string
  key: string
  body: string
}

const START = /<!-- sgw:([a-z0-9-]+):([^>]*?) -->/g

/** The sections of a comment body; a start marker without its end marker (an earlier version's
 * whole-comment marker) runs to the next section or the end. */
export function parseSections(body: string): Section[] {
  const starts = [...body.matchAll(START)]
  const out: Section[] = []
  starts.forEach((m, i) => {
    const [marker, gate, key] = m
    const from = m.index! + marker.length
    const next = i + 1 < starts.length ? starts[i + 1].index! : body.length
    const suite = body.indexOf(SUITE_MARKER, from)
    const boundary = suite !== -1 && suite < next ? suite : next
    const endAt = body.indexOf(sectionEnd(gate, key), from)
    const to = endAt !== -1 && endAt < boundary ? endAt : boundary
    out.push({ gate, key, body: body.slice(from, to).replace(/^\n/, '').replace(/\n+$/, '') })
  })
  return out
}

export function isSuiteComment(body: string): boolean {
  return body.includes(SUITE_MARKER) || new RegExp(START.source).test(body)
}

function rank(gate: string): number {
  const i = GATE_ORDER.indexOf(gate)
  return i === -1 ? GATE_ORDER.length : i
}

/** Cut sections, longest first, until the comment fits GitHub's limit. */
function fit(sections: Section[]): Section[] {
  const overhead = (s: Section) => sectionStart(s.gate, s.key).length + sectionEnd(s.gate, s.key).length + 4
  const size = (list: Section[]) => list.reduce((n, s) => n + s.body.length + overhead(s), SUITE_MARKER.length)
  const out = sections.map((s) => ({ ...s }))
  const note = '\n\n… cut to fit a comment; the job summary has the rest.'
  for (let guard = 0; size(out) > COMMENT_LIMIT && guard < 2 * out.length; guard++) {
    const longest = out.reduce((a, b) => (b.body.length > a.body.length ? b : a))
    const keep = Math.max(0, longest.body.length - (size(out) - COMMENT_LIMIT) - note.length)
    longest.body = `${longest.body.slice(0, keep)}${note}`
  }
  return out
}

/** The comment body with `section` put in place (or added), keeping every other section. */
export function renderComment(existing: readonly Section[], section: Section): string {
  const merged: Section[] = []
  for (const s of existing) {
    if (merged.some((m) => m.gate === s.gate && m.key === s.key)) continue
    merged.push(s.gate === section.gate && s.key === section.key ? section : s)
  }
  if (!merged.some((m) => m.gate === section.gate && m.key === section.key)) merged.push(section)
  const ordered = merged
    .map((s, i) => ({ s, i }))
    .sort((a, b) => rank(a.s.gate) - rank(b.s.gate) || a.i - b.i)
    .map((x) => x.s)
  return `${fit(ordered)
    .map((s) => `${sectionStart(s.gate, s.key)}\n${s.body}\n${sectionEnd(s.gate, s.key)}`)
    .join('\n\n')}\n\n${SUITE_MARKER}`
}

export interface PullRequestTarget {
  owner: string
  repo: string
  issueNumber: number
}

export interface CommentTarget extends PullRequestTarget {
  /** Distinguishes the sections of different workflows on the same PR. */
  key: string
}

/**
 * Write one gate's section of the suite's comment: update the comment in place, or create it.
 * Comments left by concurrent first runs, or one per gate by an earlier version, are folded into
 * the oldest and deleted, so the pull request keeps one.
 */
export async function upsertSection(
  octokit: Octokit,
  target: PullRequestTarget,
  section: Section
): Promise<{ id: number; action: 'created' | 'updated' }> {
  const where = { owner: target.owner, repo: target.repo }
  const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...where, issue_number: target.issueNumber, per_page: 100 })
  const ours = comments.filter((c) => typeof c.body === 'string' && isSuiteComment(c.body)).sort((a, b) => a.id - b.id)
  const sections = ours.flatMap((c) => parseSections(c.body!))
  const body = renderComment(sections, section)
  if (ours.length === 0) {
    const created = await octokit.rest.issues.createComment({ ...where, issue_number: target.issueNumber, body })
    return { id: created.data.id, action: 'created' }
  }
  await octokit.rest.issues.updateComment({ ...where, comment_id: ours[0].id, body })
  for (const extra of ours.slice(1)) await octokit.rest.issues.deleteComment({ ...where, comment_id: extra.id })
  return { id: ours[0].id, action: 'updated' }
}

/** The security gate's section (the scanner actions' too, each under its own key). */
export async function upsertComment(
  octokit: Octokit,
  target: CommentTarget,
  body: string
): Promise<{ id: number; action: 'created' | 'updated' }> {
  return upsertSection(octokit, target, { gate: 'security-gate', key: target.key, body })
}

/**
 * From an action: write `section` on the pull request of the event, if there is one. A comment is
 * a convenience: a missing token or permission is a warning, never a failed gate.
 */
export async function commentSectionOnPr(section: Section, token: string | undefined): Promise<void> {
  // Loaded here, not at start: the Octokit stack costs every gate's start-up, and only a comment
  // needs it.
  const github = await import('@actions/github')
  const pr = github.context.payload.pull_request
  if (!pr) {
    core.info('comment-on-pr: not a pull request event; no comment written.')
    return
  }
  if (!token) {
    core.warning('comment-on-pr is true but github-token is empty; no PR comment written.')
    return
  }
  try {
    const octokit = github.getOctokit(token)
    const { owner, repo } = github.context.repo
    const done = await upsertSection(octokit, { owner, repo, issueNumber: pr.number }, section)
    core.info(`PR comment ${done.action} (#${pr.number}, comment ${done.id}).`)
  } catch (error) {
    const status = (error as { status?: number }).status
    core.warning(
      `Could not write the PR comment${status ? ` (HTTP ${status})` : ''}: give the job \`pull-requests: write\` permission, or set comment-on-pr: false.`
    )
  }
}
