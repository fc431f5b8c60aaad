import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { commandTypes } from '@hoi/domain'
import { hoi, root } from '../support/cli.js'

describe('docs/commands.md', () => {
  const generated = hoi(['docs', 'commands'])
  it('is exactly what the codecs generate (regenerate with `pnpm hoi docs commands > docs/commands.md`)', () => {
    expect(generated.code).toBe(0)
    expect(readFileSync(join(root, 'docs/commands.md'), 'utf8')).toBe(generated.stdout)
  })
  it('documents every command type with its fields', () => {
    for (const type of commandTypes) expect(generated.stdout).toContain(`### ${type}\n`)
    expect(generated.stdout).toContain('| `roster.homeCareVolunteers` | integer 0…2^53−1 | yes |')
    expect(generated.stdout).toContain('| `birthDate` | string (date)')
  })
})
