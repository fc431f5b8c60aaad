import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { hoi, root } from '../support/cli.js'

/** issue 11, "A CLI that works as people expect": --version, help, and --help for every command. */
const all = ['demo', 'exec', 'query', 'rebuild', 'parked', 'history', 'verify', 'head', 'chain', 'export', 'import', 'serve', 'migrate', 'docs', 'help']
const ESC = '\u001b'

describe('hoi --version and hoi help', () => {
  it('--version prints the version of the package', () => {
    const { version } = JSON.parse(readFileSync(join(root, 'packages/api/package.json'), 'utf8'))
    const r = hoi(['--version'])
    expect(r.code).toBe(0)
    expect(r.stdout).toBe(`${version}\n`)
    expect(r.stderr).toBe('')
  })

  it('help lists every command with one line each, and says how to get more', () => {
    const r = hoi(['help'])
    expect(r.code).toBe(0)
    for (const c of all) expect(r.stdout).toMatch(new RegExp(`^  ${c}\\b.+\\S$`, 'mu'))
    expect(r.stdout).toContain('--help')
    expect(r.stdout).not.toContain(ESC)
  })

  it('an unknown command is a usage error (64) printed once, pointing to hoi help', () => {
    const r = hoi(['frobnicate'])
    expect(r.code).toBe(64)
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe('hoi: unknown command frobnicate; `hoi help` lists the commands\n')
  })
})

describe('hoi COMMAND --help', () => {
  it.each(all)('%s --help and -h print its usage, flags with defaults and an example, and touch no store', (command) => {
    const long = hoi([command, '--help', '--store', 'sqlite:/nonexistent-dir/never.sqlite'])
    expect(long.code).toBe(0)
    expect(long.stderr).toBe('')
    expect(long.stdout).toMatch(new RegExp(`^usage: hoi ${command}\\b`, 'u'))
    expect(long.stdout).toMatch(/\nexamples?:\n {2}hoi \S+/u)
    expect(long.stdout).not.toContain(ESC)
    expect(hoi([command, '-h']).stdout).toBe(long.stdout)
  })

  it('hoi help COMMAND prints the same as COMMAND --help', () => {
    expect(hoi(['help', 'exec']).stdout).toBe(hoi(['exec', '--help']).stdout)
  })

  it('names the defaults of the flags that have one', () => {
    const serve = hoi(['serve', '--help']).stdout
    expect(serve).toMatch(/--port N\s+.+\(default: PORT, else 3000\)/u)
    expect(serve).toMatch(/--host HOST\s+.+\(default: HOST, else 127\.0\.0\.1\)/u)
    expect(serve).toMatch(/--store URL\s+.+\(default: HOI_STORE, else sqlite:\.\/data\/hoi\.sqlite\)/u)
    expect(hoi(['parked', '--help']).stdout).toMatch(/--limit N\s+.+\(default: 100\)/u)
    expect(hoi(['migrate', '--help']).stdout).toMatch(/--page-size N\s+.+\(default: 1000\)/u)
    expect(hoi(['exec', '--help']).stdout).toMatch(/--actor NAME\s+.+\(default: cli:\$USER\)/u)
  })

  it('query --help lists the views with their parameters', () => {
    const r = hoi(['query', '--help']).stdout
    expect(r).toContain('roster ASSOCIATION_ID')
    expect(r).toContain('--recorded-as-of')
  })

  it('a flag another command takes is refused, naming it', () => {
    const r = hoi(['demo', '--json', '--store', 'memory:'])
    expect(r.code).toBe(64)
    expect(r.stderr).toMatch(/^hoi: .*'--json'/u)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
  })

  it('a command without arguments refuses one', () => {
    const r = hoi(['head', 'extra', '--store', 'memory:'])
    expect(r.code).toBe(64)
    expect(r.stderr).toBe('hoi: head takes no arguments (got extra); see hoi head --help\n')
  })
})
