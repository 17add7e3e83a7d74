import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { CHECKOV_PINNED_VERSION, CHECKOV_REQUIREMENTS } from '../../actions/checkov/checkov-requirements.js'
import { REPO_ROOT } from '../helpers/tools.js'

describe('checkov lock', () => {
  const text = readFileSync(join(REPO_ROOT, 'actions', 'lib', 'scanner', 'checkov-requirements.txt'), 'utf8')

  it('the action embeds the committed lock (node scripts/embed-checkov-requirements.mjs)', () => {
    expect(CHECKOV_REQUIREMENTS).toBe(text)
  })

  it('pins checkov at the default version, every requirement exactly and with sha256 digests', () => {
    const action = readFileSync(join(REPO_ROOT, 'actions', 'checkov', 'action.yml'), 'utf8')
    expect(action).toContain(`default: '${CHECKOV_PINNED_VERSION}'`)
    const requirements = text.split('\n').filter((l) => /^[A-Za-z0-9]/.test(l))
    expect(requirements.length).toBeGreaterThan(50)
    for (const r of requirements) expect(r).toMatch(/^[A-Za-z0-9._-]+==[^\s;]+( ;[^\\]+)? \\$/)
    const blocks = text.split(/\n(?=[A-Za-z0-9])/).filter((b) => /^[A-Za-z0-9]/.test(b))
    for (const b of blocks) expect(b).toMatch(/--hash=sha256:[0-9a-f]{64}/)
  })
})
