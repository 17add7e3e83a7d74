// No stand-in packages: every dependency is a registry package installed under its own name, so
// that dependency and vulnerability scanners (ours included) read the tree that is bundled. A
// workspace, a local link or an alias (a package installed under another's name, as
// packages/undici-on-demand once stood in for undici 6.29.1) fails here.
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { lstatSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { REPO_ROOT } from '../helpers/tools.js'

interface LockEntry {
  name?: string
  version?: string
  resolved?: string
  integrity?: string
  link?: boolean
  workspaces?: unknown
}
interface LsNode {
  version?: string
  resolved?: string
  invalid?: string
  missing?: boolean
  extraneous?: boolean
  dependencies?: Record<string, LsNode>
}

const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as Record<string, unknown>
const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> }
const NODE_MODULES = join(REPO_ROOT, 'node_modules')

/** A version range from the registry: not a path, link, workspace, alias, git or tarball address. */
const NOT_FROM_THE_REGISTRY = /^(file:|link:|workspace:|npm:|git[+:]|github:|https?:|\.|\/|~\/)|^[^@\s]+\/[^\s]+$/

describe('the dependency tree holds no stand-in', () => {
  it('package.json declares no workspaces and takes every dependency from the registry under its name', () => {
    expect(manifest.workspaces).toBeUndefined()
    const specs = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'].flatMap((field) =>
      Object.entries((manifest[field] ?? {}) as Record<string, string>)
    )
    expect(specs.length).toBeGreaterThan(0)
    expect(specs.filter(([, spec]) => NOT_FROM_THE_REGISTRY.test(spec))).toEqual([])
  })

  it('every package in package-lock.json is a registry package with its integrity, in a folder of its own name', () => {
    const problems: string[] = []
    for (const [path, entry] of Object.entries(lock.packages)) {
      if (path === '') {
        if (entry.workspaces) problems.push(`the root declares workspaces: ${JSON.stringify(entry.workspaces)}`)
        continue
      }
      if (!path.startsWith('node_modules/')) problems.push(`${path}: a package in the repository (a workspace)`)
      if (entry.link) problems.push(`${path}: a link to ${entry.resolved}`)
      const folder = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)
      if (entry.name !== undefined && entry.name !== folder) problems.push(`${path}: ${entry.name} installed under another name (an alias)`)
      if (entry.resolved !== undefined && !entry.resolved.startsWith('https://registry.npmjs.org/')) {
        problems.push(`${path}: resolved from ${entry.resolved}`)
      }
      if (!entry.link && (!entry.version || !entry.integrity)) problems.push(`${path}: no version or integrity from the registry`)
    }
    expect(Object.keys(lock.packages).length).toBeGreaterThan(100)
    expect(problems).toEqual([])
  })

  it('node_modules holds packages, not links to folders elsewhere', () => {
    const links: string[] = []
    for (const entry of readdirSync(NODE_MODULES)) {
      if (entry.startsWith('.')) continue
      const names = entry.startsWith('@') ? readdirSync(join(NODE_MODULES, entry)).map((n) => `${entry}/${n}`) : [entry]
      for (const name of names) if (lstatSync(join(NODE_MODULES, name)).isSymbolicLink()) links.push(name)
    }
    expect(links).toEqual([])
  })

  it('npm ls shows a valid tree with no package from a local folder', () => {
    // npm ls exits non-zero on an invalid, missing or extraneous package; --json lists the rest.
    const listed = execFileSync('npm', ['ls', '--all', '--json'], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    const tree = JSON.parse(listed) as LsNode
    const local: string[] = []
    const walk = (node: LsNode, trail: string) => {
      for (const [name, child] of Object.entries(node.dependencies ?? {})) {
        if (child.resolved && !child.resolved.startsWith('https://registry.npmjs.org/')) local.push(`${trail}${name} (${child.resolved})`)
        walk(child, `${trail}${name} > `)
      }
    }
    walk(tree, '')
    expect(local).toEqual([])
  })

  it('undici, which @actions/http-client and @actions/github import, is the real package at the locked version', () => {
    const installed = JSON.parse(readFileSync(join(NODE_MODULES, 'undici', 'package.json'), 'utf8')) as Record<string, unknown>
    expect(installed).toMatchObject({ name: 'undici', version: lock.packages['node_modules/undici'].version, license: 'MIT' })
    expect(lock.packages['node_modules/undici'].integrity).toMatch(/^sha512-/)
  })
})
