// Report paths and globs as the gates take them (severity, coverage): the files in order, without
// repeats, and a pattern that matches nothing is an error, never "nothing found".
import { UserError } from '../errors/user-error.js'

const GLOB_MAGIC = /[*?[\]{}]/

/**
 * Expand paths and globs (`*`, `**`, `?`, `[...]`, `{a,b}`); a pattern that matches no file is an
 * error, never "no findings". Gives the files in order, without repeats. Node's own glob (22 and
 * later; the actions run on 24) prints nothing, so the CLI's standard output stays the document.
 */
export async function resolveReportPaths(patterns: readonly string[], inputName = 'reports', what = 'report file'): Promise<string[]> {
  if (patterns.length === 0) throw new UserError(`Input "${inputName}" is empty: give one or more report paths or globs.`)
  const out: string[] = []
  for (const pattern of patterns) {
    if (!GLOB_MAGIC.test(pattern)) {
      out.push(pattern)
      continue
    }
    const found = await expandGlob(pattern, inputName)
    if (found.length === 0) throw new UserError(`No ${what} matches "${pattern}" (input "${inputName}"); check that the step that writes it ran.`)
    out.push(...found)
  }
  return [...new Set(out)]
}

async function expandGlob(pattern: string, inputName: string): Promise<string[]> {
  const fs = await import('node:fs/promises')
  if (typeof fs.glob !== 'function') throw new UserError(`Input "${inputName}": "${pattern}" is a glob, which needs Node 22 or later (this is ${process.version}); name the files instead.`)
  const files: string[] = []
  for await (const entry of fs.glob(pattern)) if ((await fs.stat(entry)).isFile()) files.push(entry)
  return files.sort()
}

