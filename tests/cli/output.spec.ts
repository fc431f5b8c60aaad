import { createServer, type Server } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hoi } from '../support/cli.js'
import { demoDatabase } from '../support/demo.js'

/** issue 11: one number format (vi-VN), dd/mm/yyyy in Vietnamese text, errors printed once, no colour off a terminal. */
const ESC = '\u001b'
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/u
const SECRET = 'a-deployment-secret-of-more-than-32-bytes'

describe('errors are printed once, without colour codes off a terminal', () => {
  let taken: Server
  let port = 0
  beforeAll(async () => {
    taken = createServer()
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve))
    port = (taken.address() as { port: number }).port
  })
  afterAll(() => new Promise<void>((resolve) => taken.close(() => resolve())))

  it('serve on a port already taken: one line naming the port, exit 1', () => {
    const r = hoi(['serve', '--port', String(port), '--store', 'memory:'], { HOI_JWT_SECRET: SECRET }, 120_000)
    expect(r.code).toBe(1)
    expect(r.stderr).toBe(`hoi: listen EADDRINUSE: address already in use 127.0.0.1:${port}\n`)
    expect(r.stderr + r.stdout).not.toContain(ESC)
  })

  it.each([
    [['exec', '/nonexistent/commands.jsonl', '--store', 'memory:'], /^hoi: .*ENOENT.*\/nonexistent\/commands\.jsonl/u],
    [['query', 'association', 'no-such-association', '--store', 'memory:'], /^hoi: nothing found for association no-such-association$/u],
    [['history', '--store', 'memory:'], /^hoi: history needs a stream id/u],
    [['verify', '--expect', 'nonsense', '--store', 'memory:'], /^hoi: --expect: /u],
    [['import', '/nonexistent/export.jsonl', '--store', 'memory:'], /^hoi: no such file: \/nonexistent\/export\.jsonl$/u],
    [['migrate', '--from', 'memory:'], /^hoi: migrate needs both stores/u],
    [['chain', 'sideways', '--store', 'memory:'], /^hoi: chain needs a subcommand/u],
  ])('%j: one line on stderr, nothing on stdout', (args, message) => {
    const r = hoi(args)
    expect(r.code).not.toBe(0)
    expect(r.stdout).toBe('')
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(r.stderr.trimEnd()).toMatch(message)
    expect(r.stderr).not.toContain(ESC)
  })
})

describe('numbers and dates in the reporting views, in Vietnamese', () => {
  let store = ''
  beforeAll(async () => {
    store = await demoDatabase()
  }, 1_800_000)
  const text = (...args: string[]) => {
    const r = hoi(['query', ...args, '--store', store])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    return r.stdout
  }

  it('the roll-up prints its dates dd/mm/yyyy and its totals grouped 29.774', () => {
    const out = text('rollup', 'lc-mttq', '2023Q3', '--as-of', '2023-12-31')
    expect(out).toContain('(đến ngày 31/12/2023)')
    expect(out).toMatch(/\s29\.774\n/u)
    expect(out).not.toMatch(ISO_DATE)
  })

  it('targets and completeness print no ISO date either', () => {
    const targets = text('targets', '--owner-association-id', 'lc-nct', '--as-of', '2026-12-02')
    expect(targets).toMatch(/hạn \d{2}\/\d{2}\/\d{4}/u)
    expect(targets).toContain('dự kiến đến 02/12/2026')
    expect(targets).not.toMatch(ISO_DATE)
    expect(text('completeness', '2023Q3', '--root-id', 'lc-mttq', '--as-of', '2023-12-31')).not.toMatch(ISO_DATE)
  })

  it('the English tables group counts the same way (180.455), so no output mixes 180,455 and 180.455', () => {
    const out = text('statistics', '--year', '2020')
    expect(out).toContain('180.455')
    expect(out).not.toMatch(/\d,\d{3}\b/u)
  })
})
