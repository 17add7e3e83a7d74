// This repository's own history stays clean under gitleaks: test credentials are assembled at run
// time, and .gitleaks.toml allows exactly the known false positives.
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { REPO_ROOT, tool } from '../helpers/tools.js'

describe('self-scan', () => {
  it('gitleaks finds no secret in this repository\'s history', () => {
    const report = join(mkdtempSync(join(tmpdir(), 'sgw-self-')), 'leaks.json')
    execFileSync(tool('gitleaks'), ['git', REPO_ROOT, '--config', join(REPO_ROOT, '.gitleaks.toml'), '--redact', '--no-banner', '--log-level', 'error', '--exit-code', '0', '--report-format', 'json', '--report-path', report], { stdio: 'pipe', timeout: 300_000 })
    const leaks = JSON.parse(readFileSync(report, 'utf8')) as { RuleID: string; File: string; Commit: string }[]
    expect(leaks.map((l) => `${l.RuleID} ${l.File} ${l.Commit.slice(0, 8)}`)).toEqual([])
  }, 300_000)
})
