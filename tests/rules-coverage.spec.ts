import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))
const RULES = Array.from({ length: 38 }, (_, i) => `R${i + 1}`)

/**
 * Rules with no test yet, each for a stated reason. The list may only shrink: a rule that gains a
 * test must leave it, and a rule whose last test goes away fails the check below.
 */
const notYetTested: ReadonlyMap<string, string> = new Map<string, string>([])

const specFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    if (d.name === 'node_modules' || d.name === 'dist' || d.name.startsWith('.')) return []
    const path = join(dir, d.name)
    return d.isDirectory() ? specFiles(path) : d.name.endsWith('.spec.ts') ? [path] : []
  })

/** The rule numbers each spec file names in the titles of its tests and suites (`it('R16: …')`, `describe('… (R20)')`). */
const rulesInTitles = (): Map<string, string[]> => {
  const title = /\b(?:it|test|describe)(?:\.each\([^)]*\))?\(\s*(['"`])((?:\\.|(?!\1).)*)\1/gu
  const found = new Map<string, string[]>()
  for (const file of [...specFiles(join(root, 'packages')), ...specFiles(join(root, 'tests'))]) {
    for (const m of readFileSync(file, 'utf8').matchAll(title)) {
      const name = relative(root, file)
      for (const r of m[2]!.match(/\bR\d{1,2}\b/gu) ?? []) {
        const files = found.get(r) ?? []
        if (!files.includes(name)) files.push(name)
        found.set(r, files)
      }
    }
  }
  return found
}

describe('every rule R1–R38 of domain-research.md §6 has a test named by its number', () => {
  const found = rulesInTitles()
  it('lists the rules without a test: exactly those known not yet tested', () => {
    expect(RULES.filter((r) => !found.has(r))).toEqual([...notYetTested.keys()])
  })
  it('names no rule outside R1–R38', () => {
    expect([...found.keys()].filter((r) => !RULES.includes(r))).toEqual([])
  })
})
