import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import * as E from 'fp-ts/lib/Either.js'
import { canonicalEvent, migrate, MigrationError, openMemory, openStore, runBatch, verify, type EventStore } from '@hoi/adapters'
import { openSqlite } from '@hoi/adapters/sqlite'
import { collect, newEvent, steppingClock, tempSqlitePath } from '@hoi/adapters/testing'
import { cliPath, hoi, root, vi } from './support/cli.js'
import { demoPrefix } from './support/history.js'
import { PerStreamStore } from './support/per-stream-store.js'
import { freshDatabase, postgresUnreachable } from './support/postgres.js'

const temps: Array<() => void> = []
afterAll(() => temps.forEach((remove) => remove()))
const tempPath = (): string => {
  const t = tempSqlitePath('hoi-migrate-')
  temps.push(t.remove)
  return t.path
}

/** How many events a source holds (a dense log: the head is the count); the demo's commands decide it. */
const sizeOf = async (path: string): Promise<number> => {
  const peek = openSqlite(path, { readonly: true })
  const n = await peek.head()
  await peek.close()
  return n
}

/** A history like the demo's (its first commands) plus events with a reason, unicode and several per stream, stamped by a moving clock. */
const makeSource = async (commands: number): Promise<string> => {
  const path = tempPath()
  const store = openSqlite(path, { now: steppingClock('2021-02-03T04:05:06.007Z', 1234) })
  const results = await runBatch(store, await demoPrefix(commands), { maxEventsPerTransaction: 250 })
  expect(results.every(E.isRight)).toBe(true)
  for (let i = 0; i < 5; i++) {
    const e = newEvent({ type: 'NoteAdded', data: { text: `Nguyễn Thị Hằng ${'\u0110'}ỗ 👵🏽 #${i}` }, commandId: `note-${i}` })
    const r = await store.append('notes-1', [{ ...e, metadata: { ...e.metadata, reason: 'correction' } }], i === 0 ? 'no-stream' : i - 1)
    expect(E.isRight(r)).toBe(true)
  }
  await store.close()
  return path
}

describe('migrate (library)', () => {
  let source: string
  let n: number
  beforeAll(async () => {
    source = await makeSource(2000)
    n = await sizeOf(source)
  })

  it('SQLite → SQLite → memory: every event equal on all three sides, record times kept, the digests equal', async () => {
    const a = openSqlite(source, { readonly: true })
    const b = openSqlite(tempPath())
    const c = openMemory()
    expect(await migrate(a, b, { pageSize: 300 })).toEqual({ copied: n, alreadyThere: 0 })
    expect(await migrate(b, c, { pageSize: 300 })).toEqual({ copied: n, alreadyThere: 0 })
    const [la, lb, lc] = await Promise.all([a, b, c].map((s) => collect(s.readAll())))
    expect(lb).toEqual(la)
    expect(lc).toEqual(la) // dense stores number the copy the same way, so even positions agree
    expect(new Set(la!.map((e) => e.metadata.recordedAt)).size).toBeGreaterThan(5)
    const ab = await verify(a, b)
    const bc = await verify(b, c)
    expect(ab).toMatchObject({ equal: true, sourceEvents: n, targetEvents: n })
    expect(bc.equal).toBe(true)
    expect(ab.sourceDigest).toBe(ab.targetDigest)
    expect(bc.targetDigest).toBe(ab.sourceDigest)
    expect(ab.sourceDigest).toMatch(/^[0-9a-f]{64}$/u)
    await Promise.all([a, b, c].map((s) => s.close()))
  })

  it('killed half-way, run again: the same copy, nothing twice; a third run copies nothing', async () => {
    const a = openSqlite(source, { readonly: true })
    const path = tempPath()
    const target = openSqlite(path)
    await expect(migrate(a, new PerStreamStore(target, 700), { pageSize: 100 })).rejects.toThrow(/crashed after/u)
    const left = (await collect(target.readAll())).length
    expect(left).toBeGreaterThan(0)
    expect(left).toBeLessThan(n)
    expect(await migrate(a, target, { pageSize: 100 })).toEqual({ copied: n - left, alreadyThere: left })
    expect(await collect(target.readAll())).toEqual(await collect(a.readAll()))
    expect(await migrate(a, target)).toEqual({ copied: 0, alreadyThere: n })
    expect((await verify(a, target)).equal).toBe(true)
    await a.close()
    await target.close()
  })

  it('refuses a target that holds other events, before writing anything; verify reports any difference', async () => {
    const a = openSqlite(source, { readonly: true })
    const other: EventStore = openMemory()
    expect(E.isRight(await other.append('elsewhere', [newEvent()], 'no-stream'))).toBe(true)
    await expect(migrate(a, other)).rejects.toBeInstanceOf(MigrationError)
    expect((await collect(other.readAll())).length).toBe(1)

    const copy = openMemory()
    await migrate(a, copy)
    expect(E.isRight(await copy.append('extra', [newEvent()], 'no-stream'))).toBe(true)
    const longer = await verify(a, copy)
    expect(longer).toMatchObject({ equal: false, sourceEvents: n, targetEvents: n + 1 })
    expect(longer.sourceDigest).not.toBe(longer.targetDigest)
    expect(longer.firstDifference).toMatch(new RegExp(`^event ${n + 1}: source \\(none\\)`, 'u'))
    await expect(migrate(a, copy)).rejects.toThrow(/more events than the source/u)
    await a.close()
  })

  it('the canonical form ignores key order and positions, and nothing else', async () => {
    const base = {
      eventId: 'x',
      streamId: 's',
      revision: 0,
      position: 1,
      type: 'T',
      schemaVersion: 1,
      data: { a: 1, b: [1, { c: 2, d: 3 }] },
      metadata: { occurredOn: '2020-01-01', recordedAt: '2020-01-02T00:00:00.000Z', actor: 'a', commandId: 'c', correlationId: 'c', causationId: 'c' },
    }
    const shuffled = { ...base, position: 99, data: { b: [1, { d: 3, c: 2 }], a: 1 } }
    expect(canonicalEvent(shuffled)).toBe(canonicalEvent(base))
    expect(canonicalEvent({ ...base, data: { a: 1, b: [1, { c: 2, d: 4 }] } })).not.toBe(canonicalEvent(base))
    expect(canonicalEvent({ ...base, metadata: { ...base.metadata, recordedAt: '2020-01-02T00:00:00.001Z' } })).not.toBe(canonicalEvent(base))
  })
})

describe('hoi migrate (CLI)', () => {
  it('SIGKILLed half-way and run again: exit 0, both digests printed and equal, nothing duplicated', async () => {
    const source = await makeSource(6000)
    const n = await sizeOf(source)
    const target = tempPath()
    const args = ['migrate', '--from', `sqlite:${source}`, '--to', `sqlite:${target}`, '--page-size', '50']
    const child = spawn(process.execPath, [cliPath, ...args], { cwd: root, stdio: 'ignore' })
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)))
    // kill it as soon as part of the history is in the target
    let copiedWhenKilled = 0
    for (let i = 0; i < 2000 && child.exitCode === null; i++) {
      await new Promise((r) => setTimeout(r, 20))
      try {
        const peek = openSqlite(target, { readonly: true })
        copiedWhenKilled = await peek.head() // a dense log: the head is the count
        await peek.close()
      } catch {
        continue // not created yet
      }
      if (copiedWhenKilled > 0) {
        child.kill('SIGKILL')
        break
      }
    }
    expect(await exited).toBe('SIGKILL')
    const peek = openSqlite(target, { readonly: true })
    const left = await peek.head()
    await peek.close()
    expect(left).toBeGreaterThan(0)
    expect(left).toBeLessThan(n)

    const again = hoi(args)
    expect(again.code, again.stderr).toBe(0)
    expect(again.stdout).toMatch(new RegExp(`identical \\(${vi(n - left)} copied now, ${vi(left)} already there\\)`, 'u'))
    const digests = [...again.stdout.matchAll(new RegExp(`(source|target): ${vi(n)} events, sha256 ([0-9a-f]{64})`, 'gu'))].map((m) => m[2])
    expect(digests.length).toBe(2)
    expect(digests[0]).toBe(digests[1])
    expect(again.stderr).toMatch(/copy \d+ % .*events\/s, ETA/u) // plain progress lines off a terminal

    const b = openSqlite(target, { readonly: true })
    const a = openSqlite(source, { readonly: true })
    expect(await collect(b.readAll())).toEqual(await collect(a.readAll()))
    await a.close()
    await b.close()
  })

  it('refuses a target holding other events (exit 1, nothing written) and usage mistakes (exit 64)', async () => {
    const source = await makeSource(50)
    const target = tempPath()
    expect(hoi(['migrate', '--from', `sqlite:${source}`, '--to', `sqlite:${target}`]).code).toBe(0)
    const t = openSqlite(target)
    expect(E.isRight(await t.append('only-in-target', [newEvent()], 'no-stream'))).toBe(true)
    await t.close()
    const r = hoi(['migrate', '--from', `sqlite:${source}`, '--to', `sqlite:${target}`])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/holds more events than the source/u)
    expect(hoi(['migrate', '--from', `sqlite:${source}`]).code).toBe(64)
    expect(hoi(['migrate', '--from', 'memory:', '--to', 'memory:']).code).toBe(64)
  })
})

// the PostgreSQL leg needs the server: without one it is a printed skip
const pgSkip = await postgresUnreachable()
if (pgSkip !== undefined) console.log(`migrate SQLite → PostgreSQL → SQLite skipped: ${pgSkip}`)

describe.skipIf(pgSkip !== undefined)(`migrate through PostgreSQL${pgSkip === undefined ? '' : ` (skipped: ${pgSkip})`}`, () => {
  it('SQLite → PostgreSQL → SQLite gives identical events; a half-finished migration into PostgreSQL resumed gives the same', async () => {
    const source = openSqlite(await makeSource(1500), { readonly: true })
    const n = await source.head() // a dense log: the head is the count of events
    const db = await freshDatabase('hoi_migrate')
    try {
      const pg = await openStore(db.url)
      await expect(migrate(source, new PerStreamStore(pg, 4), { pageSize: 100 })).rejects.toThrow(/crashed after/u)
      const left = (await collect(pg.readAll())).length
      expect(left).toBeGreaterThan(0)
      expect(await migrate(source, pg, { pageSize: 100 })).toEqual({ copied: n - left, alreadyThere: left })
      const back = openSqlite(tempPath())
      expect(await migrate(pg, back)).toEqual({ copied: n, alreadyThere: 0 })
      const there = await verify(source, pg)
      const home = await verify(source, back)
      expect(there.equal && home.equal).toBe(true)
      expect(there.targetDigest).toBe(home.targetDigest)
      expect(await collect(back.readAll())).toEqual(await collect(source.readAll()))
      await pg.close()
      await back.close()
    } finally {
      await source.close()
      await db.drop()
    }
  })

  it('hoi migrate SQLite → PostgreSQL → SQLite: exit 0 both ways, one digest throughout, the same chain head, hoi verify passes on every side', async () => {
    const source = await makeSource(800)
    const peek = openSqlite(source, { readonly: true })
    const n = await peek.head() // a dense log: the head is the count of events
    await peek.close()
    const back = tempPath()
    const db = await freshDatabase('hoi_migrate_cli')
    try {
      const digests: string[] = []
      for (const [from, to] of [
        [`sqlite:${source}`, db.url],
        [db.url, `sqlite:${back}`],
      ] as const) {
        const r = hoi(['migrate', '--from', from, '--to', to, '--page-size', '200'])
        expect(r.code, r.stdout + r.stderr).toBe(0)
        expect(r.stdout).toContain(`migrate: identical (${vi(n)} copied now, 0 already there)`)
        digests.push(...[...r.stdout.matchAll(new RegExp(`(?:source|target): ${vi(n)} events, sha256 ([0-9a-f]{64})`, 'gu'))].map((m) => m[1]!))
      }
      expect(digests.length).toBe(4)
      expect(new Set(digests).size).toBe(1)
      // dense stores number and chain the copy alike, so the three heads are the same position and hash
      const heads = [`sqlite:${source}`, db.url, `sqlite:${back}`].map((url) => {
        expect(hoi(['verify', '--store', url]).code).toBe(0)
        const h = hoi(['head', '--store', url])
        expect(h.code, h.stderr).toBe(0)
        return h.stdout.trim()
      })
      expect(heads[0]).toMatch(new RegExp(`^${n} [0-9a-f]{64}$`, 'u'))
      expect(new Set(heads).size).toBe(1)
    } finally {
      await db.drop()
    }
  })
})
