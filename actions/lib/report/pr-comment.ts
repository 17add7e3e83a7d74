// One PR comment per workflow, found again by a hidden marker and updated in place.
import type { getOctokit } from '@actions/github'

type Octokit = ReturnType<typeof getOctokit>

export function commentMarker(key: string): string {
  return `<!-- sgw:security-gate:${key} -->`
}

export interface CommentTarget {
  owner: string
  repo: string
  issueNumber: number
  /** Distinguishes comments of different workflows on the same PR. */
  key: string
}

export async function upsertComment(octokit: Octokit, target: CommentTarget, body: string): Promise<{ id: number; action: 'created' | 'updated' }> {
  const marker = commentMarker(target.key)
  const full = `${marker}\n${body}`
  const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner: target.owner, repo: target.repo, issue_number: target.issueNumber, per_page: 100 })
  const existing = comments.find((c) => typeof c.body === 'string' && c.body.includes(marker))
  if (existing) {
    await octokit.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: existing.id, body: full })
    return { id: existing.id, action: 'updated' }
  }
  const created = await octokit.rest.issues.createComment({ owner: target.owner, repo: target.repo, issue_number: target.issueNumber, body: full })
  return { id: created.data.id, action: 'created' }
}
