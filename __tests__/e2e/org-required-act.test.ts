// org-required-security.yml under nektos/act (host mode, see helpers/act.ts) on pull_request
// events, as an organisation ruleset runs it: the limits come from the organisation policy shipped
// with the suite and the repository's policy on the base commit, never from the pull request.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { actRepo, jobOutputs, runAct, type ActRepo } from '../helpers/act.js'
import { startOciRegistry, type OciRegistry } from '../helpers/oci-registry.js'
import { REPO_ROOT } from '../helpers/tools.js'
import { TRIVY_DB_LAYER_MEDIA_TYPE, trivyDbLayer } from '../helpers/trivy-db-artifact.js'

let registry: OciRegistry
let dbRepository: string
beforeAll(async () => {
  const built = mkdtempSync(join(tmpdir(), 'sgw-act-trivy-db-'))
  execFileSync('bash', [join(REPO_ROOT, 'scripts', 'build-trivy-test-db.sh'), built], { stdio: 'pipe' })
  registry = await startOciRegistry()
  registry.addArtifact('aquasec/trivy-db', '2', TRIVY_DB_LAYER_MEDIA_TYPE, trivyDbLayer(built))
  dbRepository = `${registry.host}/aquasec/trivy-db:2`
}, 180_000)
afterAll(async () => registry?.close())

/** The caller a repository keeps for itself: security-gates.yml with its own inputs. */
const ownCaller = (maxCritical: number) => `name: caller
on: pull_request
jobs:
  security:
    uses: ./.github/workflows/security-gates.yml
    with:
      install: never
      trivy-db-repository: ${dbRepository}
      max-critical: ${maxCritical}
`

const CRITICAL_TERRAFORM = `resource "aws_security_group" "web" {
  name        = "web"
  description = "web servers"
  egress {
    description = "all out"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`

function git(repo: ActRepo, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=dev@example.com', '-c', 'user.name=dev', ...args], { cwd: repo.dir, encoding: 'utf8' }).trim()
}

/** A pull request on top of the repository's main: writes the files, commits, and the event. */
function openPullRequest(repo: ActRepo, files: Record<string, string>): string {
  const base = git(repo, 'rev-parse', 'HEAD')
  git(repo, 'checkout', '-qb', 'feature')
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(repo.dir, path, '..'), { recursive: true })
    writeFileSync(join(repo.dir, path), text)
  }
  git(repo, 'add', '-A')
  git(repo, 'commit', '-qm', 'the pull request')
  const head = git(repo, 'rev-parse', 'HEAD')
  const event = join(repo.root, 'pull_request.json')
  writeFileSync(event, JSON.stringify({ action: 'synchronize', number: 5, pull_request: { number: 5, base: { ref: 'main', sha: base }, head: { ref: 'feature', sha: head } } }))
  return event
}

function required(repo: ActRepo, eventFile: string) {
  return runAct(repo, {
    event: 'pull_request',
    workflow: 'org-required-security.yml',
    eventFile,
    vars: { SGW_SCANNER_INSTALL: 'never', SGW_TRIVY_DB_REPOSITORY: dbRepository },
    timeoutMs: 600_000
  })
}

describe('org-required-security.yml under act (pull_request)', () => {
  it('a clean change passes', async () => {
    const repo = actRepo('examples/clean-app', ownCaller(0))
    const run = await required(repo, openPullRequest(repo, { 'app/README.md': '# clean-app\n\nA documentation change.\n' }))
    expect(jobOutputs(run.log, 'gate')).toMatchObject({ result: 'pass', critical: '0' })
    expect(run.exitCode).toBe(0)
  }, 600_000)

  it('a change that adds a critical finding and raises max-critical in its own caller workflow still fails', async () => {
    const repo = actRepo('examples/clean-app', ownCaller(0))
    const event = openPullRequest(repo, { 'app/terraform/egress.tf': CRITICAL_TERRAFORM, '.github/workflows/caller.yml': ownCaller(5) })
    expect(readFileSync(join(repo.dir, '.github', 'workflows', 'caller.yml'), 'utf8')).toContain('max-critical: 5')
    const run = await required(repo, event)
    expect(run.exitCode).not.toBe(0)
    expect(jobOutputs(run.log, 'gate')).toMatchObject({ result: 'fail', critical: expect.stringMatching(/^[1-9]/) })
    expect(run.log).toMatch(/\[security\/security-gates\/gate\s*\] .*Security gate: fail \(critical [1-9]/)
    // The repository's own caller, edited by the same pull request, is refused by the shipped
    // organisation policy rather than obeyed.
    const own = await runAct(repo, { event: 'pull_request', eventFile: event, timeoutMs: 600_000 })
    expect(own.exitCode).not.toBe(0)
    expect(own.log).toContain('sets max-critical to 5, looser than 0 in policy/org-security-policy.yml (organisation)')
  }, 1_200_000)
})
