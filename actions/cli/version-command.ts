// `sgw version`: what semver-tag computes, on a local checkout. The branch, event and pull request
// come from flags (or GITHUB_* when run in CI), so a developer can ask "what would main get?".
import { UserError } from '../lib/errors/user-error.js'
import { parseChoice, parseWholeNumber } from '../lib/inputs/parse.js'
import { planJson, planRelease, readPlanSettings, runnerContext, VersionInput } from '../lib/release/plan.js'
import { parseArgs } from './args.js'

export const VERSION_HELP = `Usage: sgw version [options]

Computes the version of HEAD as actions/semver-tag does: the latest semver tag reachable from
HEAD, the Conventional Commits since it (reverted ones left out), a plain version on a release
branch and a prerelease elsewhere, checked against every tag; the image tags and labels (latest
and the major and minor tags only for the newest release of their line); the changelog.

  --path DIR                 the git checkout (default .)
  --branch NAME              treat HEAD as a push to this branch (default: GITHUB_REF, else the current branch)
  --pr N                     treat HEAD as pull request N
  --tag-prefix P             default v; none for tags without a prefix
  --bump B                   auto (default), major, minor, patch, none
  --default-bump B           bump of other commit types (default patch; none)
  --major-on-zero true|false default false
  --initial-version V        default 0.1.0
  --release-branches L       default main (globs allowed)
  --images L                 image names for full tag references
  --tags RULES               tag rules, one per line (default: metadata-action style defaults)
  --latest auto|true|false   default auto
  --title T / --description D  OCI labels
  --output text|json|changelog  what to print (default text)

Exit status: 0 done, 2 usage or input error (e.g. a shallow clone: fetch the whole history; a
version that a tag on another commit already names).
`

const VALUE_FLAGS = ['branch', 'pr', 'output', ...Object.values(VersionInput)] as const

/** Takes the arguments after `version`, a writer and the environment; prints the computation, gives the exit status. */
export async function versionCommand(
  argv: readonly string[],
  out: (text: string) => void,
  env: NodeJS.ProcessEnv = process.env
): Promise<number> {
  const args = parseArgs(argv, { values: VALUE_FLAGS, switches: ['help'] }, 'version')
  if (args.switches.has('help')) {
    out(VERSION_HELP)
    return 0
  }
  if (args.positional.length) throw new UserError(`sgw version: unexpected argument "${args.positional[0]}".`)
  const one = (name: string): string | undefined => args.values.get(name)?.[0]
  const settings = readPlanSettings(one)
  const output = parseChoice('output', one('output'), ['text', 'json', 'changelog'] as const, 'text')
  const context = runnerContext(env, undefined)
  const branch = one('branch')
  const pr = one('pr')
  if (branch && pr) throw new UserError('sgw version: give --branch or --pr, not both.')
  if (branch) Object.assign(context, { eventName: 'push', ref: `refs/heads/${branch}`, prNumber: undefined })
  if (pr) {
    const ref = `refs/pull/${parseWholeNumber('--pr', pr, 0, 1)}/merge`
    Object.assign(context, { eventName: 'pull_request', ref, prNumber: Number(pr) })
  }
  const plan = await planRelease(settings, context)
  if (output === 'json') out(`${JSON.stringify(planJson(plan), null, 2)}\n`)
  else if (output === 'changelog') out(plan.changelog)
  else {
    const r = plan.result
    out(`version   ${r.version}${r.prerelease ? ' (prerelease)' : ''}\n`)
    out(`previous  ${r.previousVersion || '(none)'}\n`)
    const reverted = r.cancelled.length ? `, ${r.cancelled.length} cancelled by reverts` : ''
    out(`bump      ${r.bump} (${r.commits.length} commit(s) since${reverted})\n`)
    out(`tag       ${r.tag}${r.release ? '' : ' (not created: not a release)'}\n`)
    if (plan.tags.length) out(`tags      ${plan.tags.join('\n          ')}\n`)
    for (const n of r.notes) out(`note      ${n}\n`)
    for (const w of r.warnings) out(`warning   ${w}\n`)
  }
  return 0
}
