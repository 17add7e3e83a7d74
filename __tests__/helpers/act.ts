// Runs this repository's reusable workflows with nektos/act in host mode (no Docker): a throwaway
// git repository holds the project under test, the workflows, and a copy of our actions with
// their dist bundles. The harness does three things act cannot:
//   - `uses: $/actions/<name>` becomes `./.sgw/actions/<name>` (act does not know GitHub's
//     self-repository syntax); `$/.github/workflows/<file>` becomes `./.github/workflows/<file>`;
//   - each pinned third-party action is replaced, through act's --local-repository, by a small
//     local stand-in (checkout: act already copied the repository; artifacts: a shared folder;
//     code-scanning upload: the SARIF is checked and recorded);
//   - `node` on PATH is Node 24, as on GitHub's runners (act runs node actions with the host's node).
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { node24, REPO_ROOT, tool } from './tools.js'

export interface ActRun {
  exitCode: number
  log: string
  /** The folder the upload-artifact stand-in copied into (one sub-folder per artifact name). */
  artifacts: string
  /** What the upload-sarif stand-in received: one line per upload, "<category> <file>". */
  sarifUploads: string[]
  ms: number
  /** Per job (act's "[caller/job]" prefix): ms from the run's start to its first and last log line. */
  jobTimes: Record<string, { first: number; last: number }>
}

const STAND_INS: Record<string, string> = {
  'actions/checkout': `name: checkout stand-in
description: act host mode has already copied the repository into the workspace.
inputs:
  persist-credentials: { description: unused, default: 'false' }
  fetch-depth: { description: unused, default: '1' }
runs:
  using: composite
  steps:
    - shell: bash
      run: test -d .git && echo "workspace $PWD"
`,
  'actions/upload-artifact': `name: upload-artifact stand-in
description: copies the files into a folder shared by the jobs of the run (a folder's contents, as the real action stores a directory path).
inputs:
  name: { description: artifact name, required: true }
  path: { description: files, one per line, required: true }
  retention-days: { description: unused, default: '' }
  if-no-files-found: { description: warn or ignore, default: warn }
runs:
  using: composite
  steps:
    - shell: bash
      env: { NAME: "\${{ inputs.name }}", PATHS: "\${{ inputs.path }}" }
      run: |
        dest="$SGW_ARTIFACTS/$NAME"; mkdir -p "$dest"
        while IFS= read -r p; do
          if [ -n "$p" ] && [ -d "$p" ]; then cp -r "$p"/. "$dest/"; elif [ -n "$p" ] && [ -e "$p" ]; then cp "$p" "$dest/"; fi
        done <<<"$PATHS"
`,
  'actions/download-artifact': `name: download-artifact stand-in
description: copies artifacts back from the shared folder; a missing one fails, as on GitHub.
inputs:
  name: { description: one artifact, default: '' }
  pattern: { description: artifacts by glob, default: '' }
  path: { description: destination, default: '.' }
  merge-multiple: { description: unused (always merged), default: 'false' }
runs:
  using: composite
  steps:
    - shell: bash
      env: { NAME: "\${{ inputs.name }}", PATTERN: "\${{ inputs.pattern }}", DEST: "\${{ inputs.path }}" }
      run: |
        mkdir -p "$DEST"; found=0
        for d in "$SGW_ARTIFACTS"/\${NAME:-$PATTERN}; do if [ -d "$d" ]; then cp -r "$d"/. "$DEST/"; found=1; fi; done
        test "$found" = 1 || { echo "::error::Artifact not found: \${NAME:-$PATTERN}"; exit 1; }
`,
  // The docker actions below are stand-ins that call the real docker CLI (Debian's 20.10 with the
  // buildx plugin) with the same inputs. The engine, the BuildKit daemon and the registry are real
  // processes the test starts (__tests__/helpers/container-engine.ts) and names in DOCKER_HOST,
  // DOCKER_CONFIG and SGW_BUILDKIT_HOST.
  'docker/setup-buildx-action': `name: setup-buildx stand-in
description: creates and selects a buildx builder, as docker/setup-buildx-action does; the BuildKit daemon is a process the test started (GitHub's action starts it in a container), reached with buildx's remote driver.
inputs:
  driver: { description: unused (remote here), default: docker-container }
  install: { description: unused, default: 'false' }
  use: { description: select the builder, default: 'true' }
outputs:
  name: { description: the builder, value: "\${{ steps.create.outputs.name }}" }
runs:
  using: composite
  steps:
    - id: create
      shell: bash
      run: |
        test -n "$SGW_BUILDKIT_HOST" || { echo "::error::SGW_BUILDKIT_HOST is not set (the test starts buildkitd)"; exit 1; }
        name="builder-$RANDOM$RANDOM"
        docker buildx create --name "$name" --driver remote "$SGW_BUILDKIT_HOST" --use
        docker buildx inspect --bootstrap "$name"
        echo "name=$name" >> "$GITHUB_OUTPUT"
`,
  'docker/build-push-action': `name: build-push stand-in
description: docker buildx build with the inputs of docker/build-push-action; outputs digest, imageid and metadata from buildx's metadata file. The GitHub Actions cache backend (type=gha) is not served under act, so cache-from/cache-to are reported and not passed; sbom true uses the SBOM generator the test names.
inputs:
  context: { description: build context, default: '.' }
  file: { description: Dockerfile, default: '' }
  tags: { description: tags (newline or comma separated), default: '' }
  labels: { description: labels (newline separated), default: '' }
  build-args: { description: build arguments (newline separated), default: '' }
  outputs: { description: outputs (newline separated), default: '' }
  push: { description: push, default: 'false' }
  load: { description: load, default: 'false' }
  provenance: { description: provenance attestation, default: '' }
  sbom: { description: SBOM attestation, default: '' }
  platforms: { description: platforms, default: '' }
  cache-from: { description: cache import, default: '' }
  cache-to: { description: cache export, default: '' }
outputs:
  digest: { description: image digest, value: "\${{ steps.build.outputs.digest }}" }
  imageid: { description: image config digest, value: "\${{ steps.build.outputs.imageid }}" }
  metadata: { description: build metadata, value: "\${{ steps.build.outputs.metadata }}" }
runs:
  using: composite
  steps:
    - id: build
      shell: bash
      env:
        CONTEXT: "\${{ inputs.context }}"
        FILE: "\${{ inputs.file }}"
        TAGS: "\${{ inputs.tags }}"
        LABELS: "\${{ inputs.labels }}"
        BUILD_ARGS: "\${{ inputs.build-args }}"
        OUTPUTS: "\${{ inputs.outputs }}"
        PUSH: "\${{ inputs.push }}"
        LOAD: "\${{ inputs.load }}"
        PROVENANCE: "\${{ inputs.provenance }}"
        SBOM: "\${{ inputs.sbom }}"
        PLATFORMS: "\${{ inputs.platforms }}"
        CACHE: "\${{ inputs.cache-from }}\${{ inputs.cache-to }}"
      run: |
        meta="$RUNNER_TEMP/build-push-metadata-$RANDOM.json"
        args=(buildx build --metadata-file "$meta")
        if [ -n "$FILE" ]; then args+=(--file "$FILE"); fi
        while IFS= read -r t; do if [ -n "$t" ]; then args+=(--tag "$t"); fi; done < <(printf '%s\\n' "$TAGS" | tr ',' '\\n')
        while IFS= read -r l; do if [ -n "$l" ]; then args+=(--label "$l"); fi; done <<< "$LABELS"
        while IFS= read -r a; do if [ -n "$a" ]; then args+=(--build-arg "$a"); fi; done <<< "$BUILD_ARGS"
        while IFS= read -r o; do if [ -n "$o" ]; then args+=(--output "$o"); fi; done <<< "$OUTPUTS"
        if [ "$PUSH" = true ]; then args+=(--push); fi
        if [ "$LOAD" = true ]; then args+=(--load); fi
        if [ -n "$PROVENANCE" ]; then args+=(--provenance "$PROVENANCE"); fi
        # BuildKit's default SBOM generator is pulled from Docker Hub, out of reach here: the test
        # names its own (scripts/sbom-generator, trivy inside) in SGW_SBOM_GENERATOR.
        if [ "$SBOM" = true ] && [ -n "\${SGW_SBOM_GENERATOR:-}" ]; then args+=(--attest "type=sbom,generator=$SGW_SBOM_GENERATOR");
        elif [ -n "$SBOM" ]; then args+=(--sbom "$SBOM"); fi
        if [ -n "$PLATFORMS" ]; then args+=(--platform "$PLATFORMS"); fi
        if [ -n "$CACHE" ]; then echo "stand-in: the Actions cache backend is not served under act; cache-from/cache-to not passed"; fi
        docker "\${args[@]}" "$CONTEXT"
        node -e 'const m=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")); const f=process.env.GITHUB_OUTPUT; const w=(k,v)=>require("fs").appendFileSync(f, k+"<<SGW_EOF\\n"+v+"\\nSGW_EOF\\n"); w("digest", m["containerimage.digest"]||""); w("imageid", m["containerimage.config.digest"]||""); w("metadata", JSON.stringify(m))' "$meta"
`,
  'docker/login-action': `name: login stand-in
description: docker login with the inputs of docker/login-action (the engine checks the credentials against the registry).
inputs:
  registry: { description: registry, default: '' }
  username: { description: user, default: '' }
  password: { description: password, default: '' }
  logout: { description: unused, default: 'true' }
runs:
  using: composite
  steps:
    - shell: bash
      env: { REGISTRY: "\${{ inputs.registry }}", USERNAME: "\${{ inputs.username }}", PASSWORD: "\${{ inputs.password }}" }
      run: printf '%s' "$PASSWORD" | docker login "$REGISTRY" --username "$USERNAME" --password-stdin
`,
  'github/codeql-action': `name: upload-sarif stand-in
description: checks the file is SARIF 2.1.0 with runs, and records the category.
inputs:
  sarif_file: { description: the SARIF file, required: true }
  category: { description: the category, default: '' }
runs:
  using: composite
  steps:
    - shell: bash
      env: { FILE: "\${{ inputs.sarif_file }}", CATEGORY: "\${{ inputs.category }}" }
      run: |
        node -e 'const s=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")); if (s.version!=="2.1.0"||!Array.isArray(s.runs)||!s.runs.length) { console.error("not SARIF 2.1.0"); process.exit(1) }' "$FILE"
        echo "$CATEGORY $(basename "$FILE")" >> "$SGW_ARTIFACTS/sarif-uploads.txt"
`
}

/** The `owner/repo@sha` references of third-party actions in caller.yml and the workflows it calls. */
function pinnedActions(workflowDir: string): string[] {
  const refs = new Set<string>()
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    const text = readFileSync(join(workflowDir, file), 'utf8')
    for (const m of text.matchAll(/uses:\s*([\w.-]+\/[\w.-]+)(?:\/[\w./-]+)?@([0-9a-f]{40})/g)) refs.add(`${m[1]}@${m[2]}`)
    for (const m of text.matchAll(/uses:\s*\.\/\.github\/workflows\/([\w.-]+)/g)) visit(m[1])
  }
  visit('caller.yml')
  return [...refs]
}

export interface ActRepo {
  dir: string
  root: string
}

/** A git repository with `project` (a folder of this repository) under app/, our workflows and actions. */
export function actRepo(project: string, caller: string): ActRepo {
  const root = mkdtempSync(join(tmpdir(), 'sgw-act-'))
  const dir = join(root, 'repo')
  mkdirSync(join(dir, '.github', 'workflows'), { recursive: true })
  cpSync(join(REPO_ROOT, project), join(dir, 'app'), { recursive: true })
  const wfSource = join(REPO_ROOT, '.github', 'workflows')
  for (const file of readdirSync(wfSource)) {
    const text = readFileSync(join(wfSource, file), 'utf8')
      .replace(/uses: \$\/actions\//g, 'uses: ./.sgw/actions/')
      .replace(/uses: \$\/\.github\/workflows\//g, 'uses: ./.github/workflows/')
    writeFileSync(join(dir, '.github', 'workflows', file), text)
  }
  writeFileSync(join(dir, '.github', 'workflows', 'caller.yml'), caller)
  for (const name of readdirSync(join(REPO_ROOT, 'actions'))) {
    try {
      const meta = readFileSync(join(REPO_ROOT, 'actions', name, 'action.yml'), 'utf8')
      mkdirSync(join(dir, '.sgw', 'actions', name), { recursive: true })
      writeFileSync(join(dir, '.sgw', 'actions', name, 'action.yml'), meta)
    } catch {
      // not an action (lib, cli)
    }
  }
  cpSync(join(REPO_ROOT, 'dist'), join(dir, '.sgw', 'dist'), { recursive: true })
  // The organisation policy ships beside the actions (org-policy: shipped finds it from dist/).
  cpSync(join(REPO_ROOT, 'policy'), join(dir, '.sgw', 'policy'), { recursive: true })
  const git = (...args: string[]) => spawnSyncChecked('git', args, dir)
  git('init', '-q', '-b', 'main')
  git('add', '-A')
  git('-c', 'user.email=ci@example.com', '-c', 'user.name=ci', 'commit', '-qm', 'the project under test')
  return { dir, root }
}

function spawnSyncChecked(cmd: string, args: string[], cwd: string): void {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`)
}

/** Run `act <event>` on the caller workflow; resolves when act exits (bounded by timeoutMs). */
export async function runAct(
  repo: ActRepo,
  options: { event?: string; env?: Record<string, string>; secrets?: Record<string, string>; timeoutMs?: number; workflow?: string; eventFile?: string; vars?: Record<string, string> } = {}
): Promise<ActRun> {
  const artifacts = join(repo.root, 'artifacts')
  const standIns = join(repo.root, 'stand-ins')
  const bin = join(repo.root, 'bin')
  mkdirSync(artifacts, { recursive: true })
  mkdirSync(bin, { recursive: true })
  // A second run in the same repository (a re-run) finds the link in place.
  if (!existsSync(join(bin, 'node'))) symlinkSync(node24(), join(bin, 'node'))
  const args = ['-P', 'ubuntu-latest=-self-hosted', '--action-offline-mode', '-W', `.github/workflows/${options.workflow ?? 'caller.yml'}`, '--env', `SGW_ARTIFACTS=${artifacts}`]
  if (options.eventFile) args.push('-e', options.eventFile)
  for (const [k, v] of Object.entries(options.vars ?? {})) args.push('--var', `${k}=${v}`)
  for (const ref of pinnedActions(join(repo.dir, '.github', 'workflows'))) {
    const name = ref.split('@')[0]
    const text = STAND_INS[name]
    if (!text) throw new Error(`no stand-in for ${ref}: add one to __tests__/helpers/act.ts`)
    const folder = join(standIns, name.replace('/', '+'))
    // codeql-action is used by a sub-path (upload-sarif): the stand-in lives at that path too.
    const actionDir = name === 'github/codeql-action' ? join(folder, 'upload-sarif') : folder
    mkdirSync(actionDir, { recursive: true })
    writeFileSync(join(actionDir, 'action.yml'), text)
    args.push('--local-repository', `${ref}=${folder}`)
  }
  for (const [k, v] of Object.entries(options.env ?? {})) args.push('--env', `${k}=${v}`)
  // Secrets go through act's environment (--secret NAME without a value), never its command line.
  const secretEnv: Record<string, string> = {}
  for (const [k, v] of Object.entries(options.secrets ?? {})) {
    args.push('--secret', k)
    secretEnv[k] = v
  }
  const started = Date.now()
  const child = spawn(tool('act'), [options.event ?? 'push', ...args], {
    cwd: repo.dir,
    env: { ...process.env, ...secretEnv, PATH: `${bin}:${join(REPO_ROOT, '.tools', 'bin')}:${process.env.PATH}`, SGW_ARTIFACTS: artifacts, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let log = ''
  let pending = ''
  const jobTimes: Record<string, { first: number; last: number }> = {}
  const take = (d: Buffer) => {
    const text = d.toString()
    log += text
    pending += text
    const at = Date.now() - started
    let nl
    while ((nl = pending.indexOf('\n')) >= 0) {
      const job = /^\[([\w-]+(?:\/[\w-]+)+)\s*\]/.exec(pending.slice(0, nl))?.[1]
      pending = pending.slice(nl + 1)
      if (job) {
        jobTimes[job] ??= { first: at, last: at }
        jobTimes[job].last = at
      }
    }
  }
  child.stdout.on('data', take)
  child.stderr.on('data', take)
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 300_000)
  const exitCode: number = await new Promise((resolve) => child.on('close', (code) => resolve(code ?? -1)))
  clearTimeout(timer)
  let sarifUploads: string[] = []
  try {
    sarifUploads = readFileSync(join(artifacts, 'sarif-uploads.txt'), 'utf8').trim().split('\n').sort()
  } catch {
    sarifUploads = []
  }
  return { exitCode, log, artifacts, sarifUploads, ms: Date.now() - started, jobTimes }
}

/** `::set-output:: name=value` lines act printed for one job of the run. */
export function jobOutputs(log: string, job: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const m of log.matchAll(/^\[([^\]]+)\]\s+⚙\s+::set-output:: ([\w-]+)=(.*)$/gm)) if (m[1].trim().endsWith(`/${job}`) || m[1].trim() === job) out[m[2]] = m[3]
  return out
}
