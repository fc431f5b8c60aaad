import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { openSqlite } from '@hoi/adapters/sqlite'
import { collect, tempSqlitePath } from '@hoi/adapters/testing'
import { Tamper, writeBusyStore } from '../audit/tamper-kit.js'
import { hoi, vi } from '../support/cli.js'

const tmp = tempSqlitePath('hoi-cli-audit-')
const base = tmp.path
const url = (p: string) => `sqlite:${p}`
let n = 0
let headLine = ''
beforeAll(async () => {
  n = await writeBusyStore(base, 6, 7)
  headLine = hoi(['head', '--store', url(base)]).stdout.trim()
})
afterAll(() => tmp.remove())

const copy = (name: string): string => {
  const p = join(tmp.dir, name)
  copyFileSync(base, p)
  return p
}

describe('hoi verify and hoi head', () => {
  it('head prints POSITION HASH; verify passes with and without it, with plain progress lines off a terminal', () => {
    expect(headLine).toMatch(new RegExp(`^${n} [0-9a-f]{64}$`, 'u'))
    const r = hoi(['verify', '--store', url(base)])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(`chain verified: ${vi(n)} events, head ${headLine}`)
    expect(r.stderr).toMatch(/^verify 100 % \(.+ of .+\), .+ events\/s/mu)
    const held = hoi(['verify', '--store', url(base), '--expect', headLine.replace(' ', ':')])
    expect(held.code).toBe(0)
    expect(held.stdout).toContain(`history up to position ${n} is exactly the history`)
    expect(JSON.parse(hoi(['head', '--json', '--store', url(base)]).stdout)).toEqual({ position: n, hash: headLine.split(' ')[1] })
  })

  it('names the changed position (exit 3), a truncated tail against the held head, and refuses a malformed --expect (exit 64)', () => {
    const changed = copy('changed.sqlite')
    const t = new Tamper(changed)
    t.set(17, 'data', t.row(17).data.replace('"n":', '"n":1'))
    t.close()
    const r = hoi(['verify', '--store', url(changed)])
    expect(r.code).toBe(3)
    expect(r.stdout).toMatch(/^chain broken at position 17 \(changed\): the content of event 17/mu)
    const cut = copy('cut.sqlite')
    const c = new Tamper(cut)
    c.db.prepare('DELETE FROM events WHERE position > 30').run()
    c.close()
    expect(hoi(['verify', '--store', url(cut)]).code).toBe(0)
    const against = hoi(['verify', '--store', url(cut), '--expect', headLine])
    expect(against.code).toBe(3)
    expect(against.stdout).toContain(`chain broken at position 31 (truncated): the log ends at position 30, but the auditor's head is at ${n}`)
    const bad = hoi(['verify', '--store', url(base), '--expect', '12:xyz'])
    expect(bad.code).toBe(64)
    expect(bad.stderr).toContain('--expect: expected POSITION:HASH')
  })
})

describe('hoi export and hoi import', () => {
  it('round trip: export, import into an empty store, same head and identical events; a second import stores nothing', async () => {
    const file = join(tmp.dir, 'log.jsonl')
    const ex = hoi(['export', '--store', url(base), '--to', file])
    expect(ex.code).toBe(0)
    const lines = readFileSync(file, 'utf8').split('\n')
    expect(lines.length).toBe(n + 1)
    expect(lines[n]).toBe('')
    const manifest = JSON.parse(readFileSync(`${file}.manifest.json`, 'utf8'))
    expect(manifest).toMatchObject({ format: 'hoi-export', version: 1, events: n, firstPosition: 1, lastPosition: n, headHash: headLine.split(' ')[1] })
    expect(manifest.types.reduce((s: number, t: { events: number }) => s + t.events, 0)).toBe(n)
    const target = join(tmp.dir, 'target.sqlite')
    const im = hoi(['import', file, '--store', url(target)])
    expect(im.code).toBe(0)
    expect(im.stdout).toContain(`imported ${vi(n)} events, 0 already stored; head ${headLine}`)
    expect(hoi(['head', '--store', url(target)]).stdout.trim()).toBe(headLine)
    expect(hoi(['import', file, '--store', url(target)]).stdout).toContain(`imported 0 events, ${vi(n)} already stored`)
    const [a, b] = [openSqlite(base), openSqlite(target)]
    expect(await collect(b.readAll())).toEqual(await collect(a.readAll()))
    await a.close()
    await b.close()
    expect(hoi(['verify', '--store', url(target)]).code).toBe(0)
  })

  it('refuses a broken file naming the line and reason, and stores nothing', () => {
    const file = join(tmp.dir, 'good.jsonl')
    expect(hoi(['export', '--store', url(base), '--to', file]).code).toBe(0)
    const lines = readFileSync(file, 'utf8').split('\n')
    const cases: Array<[string, string[], RegExp]> = [
      ['changed.jsonl', lines.map((l, i) => (i === 9 ? l.replace('"n":', '"n":9') : l)), /line 10: the chain breaks at position 10 \(changed\)/u],
      ['dropped.jsonl', lines.filter((_, i) => i !== 20), /line 21: the chain breaks at position 21 \(missing\)/u],
      ['garbage.jsonl', lines.map((l, i) => (i === 4 ? '{"oops"' : l)), /line 5: not JSON/u],
    ]
    for (const [name, content, reason] of cases) {
      const f = join(tmp.dir, name)
      writeFileSync(f, content.join('\n'))
      const target = join(tmp.dir, `into-${name}.sqlite`)
      const r = hoi(['import', f, '--store', url(target)])
      expect(r.code, name).toBe(3)
      expect(r.stdout, name).toMatch(reason)
      expect(r.stdout).toContain('nothing stored')
      const db = new Database(target)
      expect(db.prepare('SELECT count(*) FROM events').pluck().get()).toBe(0)
      db.close()
    }
    // a file cut short is a consistent chain; its manifest gives it away
    const short = join(tmp.dir, 'short.jsonl')
    writeFileSync(short, `${lines.slice(0, 12).join('\n')}\n`)
    copyFileSync(`${file}.manifest.json`, `${short}.manifest.json`)
    const r = hoi(['import', short, '--store', url(join(tmp.dir, 'into-short.sqlite'))])
    expect(r.code).toBe(3)
    expect(r.stdout).toMatch(/holds 12 events .* but its manifest says \d+ .*truncated or replaced/u)
  })
})

describe('hoi chain upgrade', () => {
  it('chains a store written before the chain once, after which appends and verify work', () => {
    const old = copy('old.sqlite')
    const db = new Database(old)
    db.prepare("UPDATE events SET metadata = json_remove(metadata, '$.prevHash', '$.hash')").run()
    db.close()
    const before = hoi(['verify', '--store', url(old)])
    expect(before.code).toBe(3)
    expect(before.stdout).toContain('(unchained)')
    const up = hoi(['chain', 'upgrade', '--store', url(old)])
    expect(up.code).toBe(0)
    expect(up.stdout).toContain(`chained ${vi(n)} events written before the chain, in one transaction`)
    expect(up.stdout).toContain(`head ${headLine}`) // the same envelopes give the same hashes
    expect(hoi(['chain', 'upgrade', '--store', url(old)]).stdout).toContain('already chained: nothing changed')
    expect(hoi(['verify', '--store', url(old)]).code).toBe(0)
  })
})
