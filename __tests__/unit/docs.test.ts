import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { REPO_ROOT } from '../helpers/tools.js'

describe('action-docs', () => {
  it('the committed pages match the action and workflow files (npm run docs)', () => {
    expect(() => execFileSync(process.execPath, ['scripts/docs.mjs', '--check'], { cwd: REPO_ROOT, stdio: 'pipe' })).not.toThrow()
  })
})
