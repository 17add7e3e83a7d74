// Where the real tools live (scripts/install-test-tools.sh links them into .tools/bin). A missing
// tool is a test failure with the command that installs it, never a skip.
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const TOOLS_BIN = join(REPO_ROOT, '.tools', 'bin')

export function tool(name: string): string {
  const path = join(TOOLS_BIN, name)
  if (!existsSync(path)) throw new Error(`${name} is not installed: run scripts/install-test-tools.sh (expected ${path}).`)
  return path
}

/** Node 24, the runtime GitHub uses for `runs.using: node24`. */
export function node24(): string {
  return tool('node24')
}

export function fixture(...parts: string[]): string {
  return join(REPO_ROOT, '__tests__', 'fixtures', ...parts)
}
