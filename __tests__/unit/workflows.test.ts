// The workflows against the actions and reusable workflows they call: every `with:` key is an
// input that exists, every required input is given, every secret passed is declared; and the
// rules every workflow here keeps (permissions and a timeout on every job, third-party actions
// pinned by commit SHA with the version beside it, checkout without persisted credentials, no
// expression inside a shell script).
import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { REPO_ROOT } from '../helpers/tools.js'

interface Step {
  uses?: string
  run?: string
  with?: Record<string, unknown>
}
interface Job {
  uses?: string
  with?: Record<string, unknown>
  secrets?: Record<string, unknown> | 'inherit'
  steps?: Step[]
  permissions?: unknown
  'timeout-minutes'?: unknown
}
interface Workflow {
  on: Record<string, { inputs?: Record<string, { required?: boolean; default?: unknown }>; secrets?: Record<string, { required?: boolean }> }>
  jobs: Record<string, Job>
}

const files = ['.github/workflows', 'workflows'].flatMap((dir) =>
  existsSync(join(REPO_ROOT, dir))
    ? readdirSync(join(REPO_ROOT, dir))
        .filter((f) => /\.ya?ml$/.test(f))
        .map((f) => `${dir}/${f}`)
    : []
)
const text = (file: string) => readFileSync(join(REPO_ROOT, file), 'utf8')
const load = (file: string) => parse(text(file)) as Workflow

const actionMeta = (name: string) => parse(readFileSync(join(REPO_ROOT, 'actions', name, 'action.yml'), 'utf8')) as { inputs?: Record<string, { required?: boolean; default?: string }> }

/** actions/<name> of this suite, however it is referenced. */
function ourAction(uses: string): string | undefined {
  return /^(?:\$\/|\.\/|org\/shared-gh-workflows\/)actions\/([\w-]+)(?:@.+)?$/.exec(uses)?.[1]
}
function ourWorkflow(uses: string): string | undefined {
  return /^(?:\.\/|\$\/|org\/shared-gh-workflows\/)\.github\/workflows\/([\w.-]+\.ya?ml)(?:@.+)?$/.exec(uses)?.[1]
}

const steps = (wf: Workflow) => Object.entries(wf.jobs).flatMap(([job, j]) => (j.steps ?? []).map((s, i) => ({ job, i, step: s })))

describe('workflows', () => {
  it('finds the reusable workflows and the caller examples', () => {
    expect(files).toEqual(expect.arrayContaining(['.github/workflows/security-gates.yml', '.github/workflows/deploy.yml', '.github/workflows/release.yml']))
  })

  it.each(files)('%s: every input given to our actions exists, and every required one is given', (file) => {
    for (const { job, i, step } of steps(load(file))) {
      const name = step.uses && ourAction(step.uses)
      if (!name) continue
      expect([file, job, i, name, existsSync(join(REPO_ROOT, 'actions', name, 'action.yml'))]).toEqual([file, job, i, name, true])
      const inputs = actionMeta(name).inputs ?? {}
      for (const key of Object.keys(step.with ?? {})) expect([file, job, name, key, key in inputs]).toEqual([file, job, name, key, true])
      for (const [key, spec] of Object.entries(inputs)) if (spec.required && spec.default === undefined) expect([file, job, name, key, key in (step.with ?? {})]).toEqual([file, job, name, key, true])
    }
  })

  it.each(files)('%s: every call of a reusable workflow gives existing inputs and declared secrets, and all required ones', (file) => {
    for (const [job, j] of Object.entries(load(file).jobs)) {
      const called = j.uses && ourWorkflow(j.uses)
      if (!called) continue
      const target = load(`.github/workflows/${called}`).on.workflow_call
      expect([file, job, target !== undefined]).toEqual([file, job, true])
      for (const key of Object.keys(j.with ?? {})) expect([file, job, key, key in (target.inputs ?? {})]).toEqual([file, job, key, true])
      for (const [key, spec] of Object.entries(target.inputs ?? {})) if (spec.required) expect([file, job, key, key in (j.with ?? {})]).toEqual([file, job, key, true])
      expect([file, job, j.secrets === 'inherit']).toEqual([file, job, false])
      const secrets = (j.secrets ?? {}) as Record<string, unknown>
      for (const key of Object.keys(secrets)) expect([file, job, key, key in (target.secrets ?? {})]).toEqual([file, job, key, true])
      for (const [key, spec] of Object.entries(target.secrets ?? {})) if (spec.required) expect([file, job, key, key in secrets]).toEqual([file, job, key, true])
    }
  })

  it.each(files)('%s: permissions and a timeout on every job', (file) => {
    for (const [job, j] of Object.entries(load(file).jobs)) {
      expect([file, job, 'permissions', j.permissions !== undefined]).toEqual([file, job, 'permissions', true])
      // A job that calls a reusable workflow takes the timeouts of the jobs inside it.
      if (!j.uses) expect([file, job, 'timeout-minutes', typeof j['timeout-minutes']]).toEqual([file, job, 'timeout-minutes', 'number'])
    }
  })

  it.each(files)('%s: third-party actions pinned by full commit SHA with the version in a comment', (file) => {
    const lines = text(file).split('\n')
    for (const line of lines) {
      const m = /^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/.exec(line)
      if (!m || ourAction(m[1]) || ourWorkflow(m[1]) || m[1].startsWith('./')) continue
      expect([file, m[1], /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(m[1])]).toEqual([file, m[1], true])
      expect([file, m[1], /#\s*v\d+(\.\d+)*/.test(m[2])]).toEqual([file, m[1], true])
    }
  })

  it.each(files)('%s: checkout never persists credentials, and no expression is pasted into a script', (file) => {
    for (const { job, step } of steps(load(file))) {
      if (step.uses?.startsWith('actions/checkout@')) expect([file, job, step.with?.['persist-credentials']]).toEqual([file, job, false])
      if (step.run) expect([file, job, step.run.includes('${{')]).toEqual([file, job, false])
    }
  })

  // act ignores environment protection and concurrency, so what it cannot run is pinned down here.
  it('approvals: a needs-approval gate waits on the approval environment; deploys wait on theirs and queue, never cancel', () => {
    const gates = load('.github/workflows/security-gates.yml').jobs as Record<string, Job & { if?: string; environment?: unknown; needs?: unknown }>
    expect(gates.approval.needs).toBe('gate')
    expect(gates.approval.if).toBe("needs.gate.outputs.result == 'needs-approval'")
    expect(gates.approval.environment).toBe('${{ inputs.approval-environment }}')
    const deploy = load('.github/workflows/deploy.yml').jobs.deploy as Job & { environment?: { name?: string }; concurrency?: { group?: string; 'cancel-in-progress'?: boolean } }
    expect(deploy.environment?.name).toBe('${{ inputs.environment }}')
    // Per service too (name): two services of one repository neither wait for nor cancel each other.
    expect(deploy.concurrency).toEqual({ group: "deploy-${{ github.repository }}-${{ inputs.name || 'repo' }}-${{ inputs.environment }}", 'cancel-in-progress': false })
    const pipeline = load('.github/workflows/pipeline.yml').jobs as Record<string, Job & { needs?: string[]; if?: string }>
    expect(pipeline['deploy-production'].needs).toContain('deploy-staging')
    expect(pipeline['deploy-production'].if).toBe("needs.deploy-staging.outputs.result == 'deployed'")
    expect(pipeline['deploy-production'].with?.environment).toBe('${{ inputs.production-environment }}')
    const inputs = (load('.github/workflows/pipeline.yml').on as { workflow_call: { inputs: Record<string, { default?: unknown }> } }).workflow_call.inputs
    expect(['dev', 'staging', 'production'].map((e) => inputs[`${e}-environment`].default)).toEqual(['dev', 'staging', 'production'])
    // The gate checks the approval environment has required reviewers before relying on it.
    const gateStep = (gates.gate.steps as { id?: string; with?: Record<string, string> }[]).find((st) => st.id === 'gate')
    expect(gateStep?.with?.['approval-environment']).toBe('${{ inputs.approval-environment }}')
  })

  it('pipeline.yml passes through what users tune in the workflows it calls', () => {
    const pipeline = load('.github/workflows/pipeline.yml')
    const jobs = pipeline.jobs as Record<string, { with?: Record<string, unknown> }>
    for (const key of ['max-critical', 'max-high', 'max-medium', 'max-low', 'exceptions', 'baseline', 'policy', 'allow-incomplete-scan', 'upload-sarif', 'install', 'trivy-db-repository', 'approval-environment', 'name', 'runs-on']) {
      expect([key, jobs.gates.with?.[key]]).toEqual([key, `\${{ inputs.${key} }}`])
    }
    for (const job of ['deploy-dev', 'deploy-staging', 'deploy-production']) for (const key of ['name', 'runs-on', 'helm-chart', 'helm-release', 'helm-values']) {
      expect([job, key, jobs[job].with?.[key]]).toEqual([job, key, `\${{ inputs.${key} }}`])
    }
    expect(jobs.image.with).toMatchObject({ context: '${{ inputs.context }}', file: '${{ inputs.dockerfile }}', 'runs-on': '${{ inputs.runs-on }}' })
    expect((pipeline.jobs as Record<string, { if?: string }>)['notify-failure'].if).toBe("${{ failure() && github.event_name == 'push' }}")
  })
})
