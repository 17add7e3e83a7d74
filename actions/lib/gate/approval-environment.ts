// A needs-approval result is only as good as the environment it waits in: GitHub creates a
// missing environment on first use with no protection rules, and an environment without required
// reviewers lets the job through at once. So before a workflow relies on one, its settings are
// read from the REST API (GET /repos/{owner}/{repo}/environments/{name}) and judged here.

/** What GitHub answered for the environment: the HTTP status and, on 200, the body. */
export interface EnvironmentAnswer {
  status: number
  body?: unknown
}

/**
 * The problem with an approval environment, or undefined when it exists and has required
 * reviewers. Takes the environment's name, the API's answer (shape: GitHub's `environment` object,
 * whose `protection_rules` hold `{ type: 'required_reviewers', reviewers: [...] }`), and the
 * repository (`owner/name`) for the advice; gives one line saying what is wrong and what to do.
 */
export function approvalEnvironmentProblem(name: string, answer: EnvironmentAnswer, repository: string): string | undefined {
  const create = `create it with required reviewers: ${repository} > Settings > Environments > New environment "${name}" > Required reviewers`
  if (answer.status === 404) return `The approval environment "${name}" does not exist, so GitHub would create it without reviewers and this needs-approval result would pass unreviewed; ${create}.`
  if (answer.status === 401 || answer.status === 403) {
    return `Could not read the approval environment "${name}" (HTTP ${answer.status}), so nobody can be shown to approve; give the job \`actions: read\` permission and the github-token input.`
  }
  if (answer.status !== 200) return `Could not read the approval environment "${name}" (HTTP ${answer.status}); the result is not approved until it can be checked.`
  const rules = typeof answer.body === 'object' && answer.body !== null ? (answer.body as { protection_rules?: unknown }).protection_rules : undefined
  const reviewers = Array.isArray(rules)
    ? rules.filter((r) => typeof r === 'object' && r !== null && (r as { type?: unknown }).type === 'required_reviewers').flatMap((r) => {
        const list = (r as { reviewers?: unknown }).reviewers
        return Array.isArray(list) ? list : []
      })
    : []
  if (reviewers.length === 0) return `The approval environment "${name}" has no required reviewers, so this needs-approval result would pass unreviewed; add them: ${repository} > Settings > Environments > "${name}" > Required reviewers.`
  return undefined
}
