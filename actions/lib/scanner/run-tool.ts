// Run a scanner with an argument list (never a shell), its output in a log group, and tell
// findings from failures: a non-zero exit (the scanners run with their own failing turned off)
// or a missing report fails the step with the tail of stderr.
import { existsSync, statSync } from 'node:fs'
import * as core from '@actions/core'
import * as exec from '@actions/exec'
import { UserError } from '../errors/user-error.js'

export interface ToolRun {
  exitCode: number
  stdout: string
  stderr: string
  seconds: number
}

export async function runTool(tool: string, path: string, args: readonly string[], options: { cwd?: string; env?: Record<string, string>; okExitCodes?: number[] } = {}): Promise<ToolRun> {
  const started = Date.now()
  const result = await core.group(`${tool} ${args.join(' ')}`, () =>
    exec.getExecOutput(path, [...args], {
      cwd: options.cwd,
      env: options.env ? ({ ...process.env, ...options.env } as Record<string, string>) : undefined,
      ignoreReturnCode: true
    })
  )
  const run = { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr, seconds: (Date.now() - started) / 1000 }
  if (!(options.okExitCodes ?? [0]).includes(run.exitCode)) {
    throw new UserError(`${tool} failed (exit code ${run.exitCode}); its report cannot be trusted, so nothing was gated:\n${tail(run.stderr || run.stdout)}`)
  }
  return run
}

export function requireReport(tool: string, file: string, run: ToolRun): void {
  if (!existsSync(file) || statSync(file).size === 0) {
    throw new UserError(`${tool} exited ${run.exitCode} but wrote no report to ${file}:\n${tail(run.stderr || run.stdout)}`)
  }
}

/** The last lines of a tool's output, for an error message. */
export function tail(text: string, lines = 8): string {
  const all = text.trimEnd().split('\n')
  return all.slice(-lines).map((l) => `  ${l}`).join('\n') || '  (no output)'
}
