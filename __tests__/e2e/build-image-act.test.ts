// build-image.yml under act (host mode), on real parts: Debian's Docker engine, buildx driving a
// real BuildKit daemon, the real trivy scanning the exact OCI layout that was built, and skopeo
// pushing those bytes to a real registry (distribution 2.8 with basic auth). The docker actions
// are stand-ins that call the docker CLI with the same inputs (helpers/act.ts).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { actRepo, jobOutputs, runAct } from '../helpers/act.js'
import { pushSbomGenerator, startBuildkitd, startDockerEngine, startRegistry, type Buildkitd, type DockerEngine, type Registry } from '../helpers/container-engine.js'
import { serveTrivyTestDb, type OciRegistry } from '../helpers/oci-registry.js'

let engine: DockerEngine
let buildkitd: Buildkitd
let registry: Registry
let plainRegistry: Registry
let sbomGenerator: string
let dbServer: OciRegistry
let dbRepository: string

beforeAll(async () => {
  ;({ server: dbServer, repository: dbRepository } = await serveTrivyTestDb())
  // BuildKit's SBOM generator comes from a registry without auth (GitHub's runners pull the default
  // one, docker/buildkit-syft-scanner, from Docker Hub; here it is scripts/sbom-generator).
  plainRegistry = await startRegistry({ auth: false })
  sbomGenerator = pushSbomGenerator(plainRegistry)
  ;[engine, buildkitd, registry] = await Promise.all([startDockerEngine(), startBuildkitd({ httpRegistries: [plainRegistry.host] }), startRegistry()])
}, 400_000)

afterAll(async () => {
  await Promise.all([engine?.stop(), buildkitd?.stop(), registry?.stop(), plainRegistry?.stop(), dbServer?.close()])
})

const caller = (image: string, extra = '') => `name: caller
on: push
jobs:
  image:
    uses: ./.github/workflows/build-image.yml
    with:
      image: ${registry.host}/acme/${image}
      context: app
      pre-build: app/build.sh "$VERSION"
      install: never # trivy built by scripts/install-test-tools.sh, on PATH
      trivy-db-repository: ${dbRepository}
${extra}
    secrets:
      registry-username: \${{ secrets.REGISTRY_USER }}
      registry-password: \${{ secrets.REGISTRY_PASSWORD }}
  report:
    needs: image
    if: always()
    runs-on: ubuntu-latest
    timeout-minutes: 5
    permissions: {}
    steps:
      - env:
          DIGEST: \${{ needs.image.outputs.digest }}
          SCANNED: \${{ needs.image.outputs.scanned-digest }}
          RESULT: \${{ needs.image.outputs.scan-result }}
          VERSION: \${{ needs.image.outputs.version }}
          TAGS: \${{ needs.image.outputs.tags }}
        run: echo "workflow outputs digest=$DIGEST scanned=$SCANNED result=$RESULT version=$VERSION tags=$(echo $TAGS | tr ' ' ',')"
`

function workflowOutputs(log: string): Record<string, string> {
  const m = /\| workflow outputs ((?:[\w-]+=\S* ?)+)$/m.exec(log)
  if (!m) throw new Error(`no outputs line in act's log:\n${log.slice(-4000)}`)
  return Object.fromEntries(m[1].trim().split(' ').map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]))
}

const env = () => ({ ...engine.env, SGW_BUILDKIT_HOST: buildkitd.address, SGW_SBOM_GENERATOR: sbomGenerator })
const secrets = () => ({ REGISTRY_USER: registry.user, REGISTRY_PASSWORD: registry.password })
const INDEX = 'application/vnd.oci.image.index.v1+json'

interface Index {
  manifests: { digest: string; mediaType: string; platform?: { os: string; architecture: string }; annotations?: Record<string, string> }[]
}

describe('build-image.yml under act, on a real engine, BuildKit and registry', () => {
  it('builds examples/web once, scans that image, pushes the same digest with every tag, labels, provenance and SBOM attestations, and a CycloneDX SBOM', async () => {
    const repo = actRepo('examples/web', caller('web'))
    const run = await runAct(repo, { env: env(), secrets: secrets(), timeoutMs: 600_000 })
    expect({ exitCode: run.exitCode, tail: run.exitCode === 0 ? '' : run.log.slice(-6000) }).toEqual({ exitCode: 0, tail: '' })
    const out = workflowOutputs(run.log)
    expect(out.result).toBe('pass')
    expect(out.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(out.digest).toBe(out.scanned)
    const tags = out.tags.split(',').filter(Boolean)
    expect(tags).toEqual(expect.arrayContaining([`${registry.host}/acme/web:main`, `${registry.host}/acme/web:${out.version}`]))
    // Every tag in the registry is the scanned digest.
    for (const ref of tags) {
      const tag = ref.slice(ref.lastIndexOf(':') + 1)
      const res = await registry.get(`acme/web/manifests/${tag}`, INDEX)
      expect([tag, res.status, res.digest]).toEqual([tag, 200, out.digest])
    }
    const index = JSON.parse((await registry.get(`acme/web/manifests/${out.digest}`, INDEX)).body) as Index
    const image = index.manifests.find((m) => m.platform?.architecture === 'amd64')
    const attestation = index.manifests.find((m) => m.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest')
    expect(image).toBeDefined()
    expect(attestation?.annotations?.['vnd.docker.reference.digest']).toBe(image?.digest)
    // The attestation manifest carries BuildKit's provenance and the SPDX SBOM of the image.
    const attestations = JSON.parse((await registry.get(`acme/web/manifests/${attestation?.digest}`, 'application/vnd.oci.image.manifest.v1+json')).body) as { layers: { digest: string; annotations?: Record<string, string> }[] }
    const predicates = attestations.layers.map((l) => l.annotations?.['in-toto.io/predicate-type'])
    expect(predicates).toEqual(expect.arrayContaining(['https://spdx.dev/Document', 'https://slsa.dev/provenance/v1']))
    const spdxLayer = attestations.layers.find((l) => l.annotations?.['in-toto.io/predicate-type'] === 'https://spdx.dev/Document')
    const statement = JSON.parse((await registry.get(`acme/web/blobs/${spdxLayer?.digest}`)).body) as { subject: { digest: { sha256: string } }[]; predicate: { packages: { name: string }[] } }
    expect(`sha256:${statement.subject[0].digest.sha256}`).toBe(image?.digest)
    expect(statement.predicate.packages.map((p) => p.name)).toEqual(expect.arrayContaining(['stdlib', 'sgw.local/examples/web']))
    const manifest = JSON.parse((await registry.get(`acme/web/manifests/${image?.digest}`, 'application/vnd.oci.image.manifest.v1+json')).body) as { config: { digest: string } }
    const config = JSON.parse((await registry.get(`acme/web/blobs/${manifest.config.digest}`)).body) as { config: { Labels: Record<string, string>; Env: string[] } }
    expect(config.config.Labels).toMatchObject({ 'org.opencontainers.image.version': out.version })
    expect(config.config.Env).toContain(`WEB_VERSION=${out.version}`)
    // The SBOM describes the scanned image: the Go binary's module and standard library.
    const sbomFile = join(run.artifacts, 'image-image', 'sbom.cdx.json')
    expect(existsSync(sbomFile)).toBe(true)
    const sbom = JSON.parse(readFileSync(sbomFile, 'utf8')) as { bomFormat: string; components: { name: string }[] }
    expect(sbom.bomFormat).toBe('CycloneDX')
    expect(sbom.components.map((c) => c.name)).toEqual(expect.arrayContaining(['stdlib', 'sgw.local/examples/web']))
    expect(run.log).toMatch(/Image pushed/)
  }, 660_000)

  it('an image whose scan fails is never pushed', async () => {
    const repo = actRepo('examples/web', caller('leaky', '      file: app/Dockerfile.leaky'))
    // A credential baked into the image (generated here, so no scanner of this repository sees it).
    const key = `AKIA${Array.from({ length: 16 }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[Math.floor(Math.random() * 32)]).join('')}`
    writeFileSync(join(repo.dir, 'app', 'credentials'), `[default]\naws_access_key_id = ${key}\n`)
    writeFileSync(join(repo.dir, 'app', 'Dockerfile.leaky'), 'FROM scratch\nCOPY bin/web /web\nCOPY credentials /root/.aws/credentials\nENTRYPOINT ["/web"]\n')
    execFileSync('git', ['add', '-A'], { cwd: repo.dir })
    execFileSync('git', ['-c', 'user.email=ci@example.com', '-c', 'user.name=ci', 'commit', '-qm', 'leaky'], { cwd: repo.dir })
    const run = await runAct(repo, { env: env(), secrets: secrets(), timeoutMs: 600_000 })
    expect(run.exitCode).not.toBe(0)
    // act ends the run at the failed job of the called workflow (GitHub would still run `report`),
    // so the build job's own step outputs say what happened.
    const build = jobOutputs(run.log, 'build')
    expect(build.result).toBe('fail')
    expect(build.critical).toBe('1')
    expect(build.digest).toMatch(/^sha256:/)
    expect(run.log).toMatch(/aws-access-key-id/)
    expect(run.log).not.toMatch(/\[image\/build-image\/push\s*\]/)
    expect((await registry.get('acme/leaky/tags/list')).status).toBe(404)
  }, 660_000)
})
