// The changelog of a version: markdown grouped by type, breaking changes first.
import type { ParsedCommit } from './conventional.js'

const SECTIONS: { title: string; types: string[] }[] = [
  { title: 'Features', types: ['feat'] },
  { title: 'Bug fixes', types: ['fix'] },
  { title: 'Performance', types: ['perf'] },
  { title: 'Reverts', types: ['revert'] },
  { title: 'Documentation', types: ['docs'] },
  { title: 'Refactoring', types: ['refactor'] },
  { title: 'Build and CI', types: ['build', 'ci'] },
  { title: 'Tests', types: ['test'] },
  { title: 'Chores', types: ['chore', 'style'] }
]

export interface ChangelogContext {
  version: string
  previousTag?: string
  tag: string
  /** https://github.com/owner/repo, for commit and compare links. */
  repositoryUrl?: string
  date: string
}

function line(c: ParsedCommit, ctx: ChangelogContext, text = c.subject): string {
  const short = c.sha.slice(0, 7)
  const sha = ctx.repositoryUrl ? `[${short}](${ctx.repositoryUrl}/commit/${c.sha})` : short
  return `- ${c.scope ? `**${c.scope}:** ` : ''}${text} (${sha})`
}

export function changelog(commits: readonly ParsedCommit[], ctx: ChangelogContext): string {
  const out: string[] = []
  const compare = ctx.repositoryUrl && ctx.previousTag ? ` ([compare](${ctx.repositoryUrl}/compare/${ctx.previousTag}...${ctx.tag}))` : ''
  out.push(`## ${ctx.version} (${ctx.date})${compare}`, '')
  const breaking = commits.filter((c) => c.breaking)
  if (breaking.length) {
    out.push('### ⚠ Breaking changes', '', ...breaking.map((c) => line(c, ctx, c.breakingNote ?? c.subject)), '')
  }
  const known = new Set(SECTIONS.flatMap((s) => s.types))
  for (const section of SECTIONS) {
    const list = commits.filter((c) => section.types.includes(c.type))
    if (list.length) out.push(`### ${section.title}`, '', ...list.map((c) => line(c, ctx)), '')
  }
  const other = commits.filter((c) => !known.has(c.type))
  if (other.length) out.push('### Other changes', '', ...other.map((c) => line(c, ctx)), '')
  if (commits.length === 0) out.push('No changes since the previous version.', '')
  return out.join('\n').trimEnd() + '\n'
}
