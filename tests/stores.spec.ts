import { afterAll, describe, expect, it } from 'vitest'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { openMemory, openStore, StoreErrorException } from '@hoi/adapters'
import { openSqlite, type SqliteStore } from '@hoi/adapters/sqlite'
import { collect, newEvents, steppingClock, tempSqlitePath } from '@hoi/adapters/testing'
import { storeContract } from './store-contract.js'
import { freshSchema, testDatabase, type TestDatabase } from './support/pg.js'

const pgdb = await testDatabase()
if ('skip' in pgdb) console.log(`store contract on postgres skipped: ${pgdb.skip}`)

const temps: Array<() => void> = []
afterAll(async () => {
  temps.forEach((remove) => remove())
  if (!('skip' in pgdb)) await pgdb.drop()
  // the store contract ran on these here; KurrentDB's run (or its skip, with the reason) is in esdb.spec.ts
  const postgres = 'skip' in pgdb ? `postgres skipped (${pgdb.skip})` : `postgres (pg pool, ${pgdb.via})`
  console.log(`store contract exercised on: memory, sqlite (better-sqlite3, WAL, synchronous=FULL), ${postgres}; esdb: see esdb.spec.ts`)
})
const tempPath = (): string => {
  const t = tempSqlitePath('hoi-store-')
  temps.push(t.remove)
  return t.path
}

storeContract('memory', async () => openMemory())
storeContract('sqlite', async () => openSqlite(tempPath()))
storeContract('postgres', async () => openStore(await freshSchema(pgdb as TestDatabase)), 'skip' in pgdb ? { skip: pgdb.skip } : {})

describe('openStore', () => {
  it('opens memory: and sqlite:<relative path>, creating the folder', async () => {
    const mem = await openStore('memory:')
    expect(mem.kind).toBe('memory')
    const dir = mkdtempSync(join(tmpdir(), 'hoi-url-'))
    temps.push(() => rmSync(dir, { recursive: true, force: true }))
    const url = `sqlite:${relative(process.cwd(), join(dir, 'nested', 'hoi.sqlite'))}`
    const store = await openStore(url)
    expect(store).toMatchObject({ kind: 'sqlite', url })
    expect(existsSync(join(dir, 'nested', 'hoi.sqlite'))).toBe(true)
    await store.close()
  })

  it('refuses an unknown scheme naming the supported ones', async () => {
    await expect(openStore('mongodb://x')).rejects.toThrow(/mongodb.*memory:.*sqlite:/u)
    await expect(openStore('sqlite:')).rejects.toThrow(/names no file/u)
  })

  it('stamps recordedAt from the injected clock, with milliseconds', async () => {
    for (const store of [openMemory({ now: steppingClock('2024-03-05T06:07:08.009Z') }), openSqlite(tempPath(), { now: steppingClock('2024-03-05T06:07:08.009Z') })]) {
      const r = await store.append('s', newEvents(2), 'no-stream')
      expect(E.isRight(r) && r.right.events.map((e) => e.metadata.recordedAt)).toEqual(['2024-03-05T06:07:08.009Z', '2024-03-05T06:07:08.009Z'])
      expect((await collect(store.readAll()))[0]!.metadata.recordedAt).toBe('2024-03-05T06:07:08.009Z')
      await store.close()
    }
  })
})

describe('sqlite store', () => {
  it('C4: journal_mode=wal and synchronous=FULL on a fresh database and on reopening an existing WAL database', async () => {
    const path = tempPath()
    const first = openSqlite(path)
    expect(first.pragmas()).toEqual({ journalMode: 'wal', synchronous: 2 })
    await first.append('s', newEvents(1), 'no-stream')
    await first.close()
    // the trap: a plain better-sqlite3 connection to an existing WAL file gets NORMAL (1)
    type Raw = { pragma(source: string, o: { simple: boolean }): unknown; close(): void }
    const raw = new (first.db.constructor as new (path: string) => Raw)(path)
    const rawSync = raw.pragma('synchronous', { simple: true })
    raw.close()
    expect(rawSync).toBe(1)
    const again = openSqlite(path)
    expect(again.pragmas()).toEqual({ journalMode: 'wal', synchronous: 2 })
    const second = openSqlite(path)
    expect(second.pragmas()).toEqual({ journalMode: 'wal', synchronous: 2 })
    await again.close()
    await second.close()
  })

  it('a second connection to the same file sees the same data and the same revisions', async () => {
    const path = tempPath()
    const a = openSqlite(path)
    const b = openSqlite(path)
    await a.append('s', newEvents(2), 'no-stream')
    expect(await b.streamRevision('s')).toBe(1)
    expect((await collect(b.readStream('s'))).length).toBe(2)
    expect(await b.append('s', newEvents(1), 0)).toMatchObject(E.left({ _tag: 'RevisionConflict', actual: 1 }))
    expect(E.isRight(await b.append('s', newEvents(1), 1))).toBe(true)
    expect(await a.head()).toBe(3)
    await a.close()
    await b.close()
  })

  it('A1 across connections: 4 connections to one file append at the same revision, 100 rounds, one winner each', async () => {
    const path = tempPath()
    const writers = Array.from({ length: 4 }, () => openSqlite(path))
    let expected: number | 'no-stream' = 'no-stream'
    const acked: string[] = []
    for (let round = 0; round < 100; round++) {
      const results = await Promise.all(writers.map((w) => w.append('hot', newEvents(1), expected)))
      const won = results.filter(E.isRight)
      expect(won.length).toBe(1)
      expect(results.filter(E.isLeft).every((r) => r.left._tag === 'RevisionConflict')).toBe(true)
      acked.push(won[0]!.right.events[0]!.eventId)
      expected = round
    }
    const all = await collect(writers[3]!.readAll())
    expect(all.map((e) => e.eventId)).toEqual(acked)
    expect(all.map((e) => e.position)).toEqual(all.map((_, i) => i + 1))
    await Promise.all(writers.map((w) => w.close()))
  })

  it('survives close and reopen with every event, position and revision', async () => {
    const path = tempPath()
    const a = openSqlite(path)
    await a.append('s', newEvents(3), 'no-stream')
    await a.append('t', newEvents(2), 'no-stream')
    const before = await collect(a.readAll())
    await a.close()
    const b = openSqlite(path)
    expect(await collect(b.readAll())).toEqual(before)
    expect(await b.streamRevision('s')).toBe(2)
    const r = await b.append('s', newEvents(1), 2)
    expect(r).toMatchObject(E.right({ revision: 3, position: 6 }))
    expect(b.db.pragma('quick_check', { simple: true })).toBe('ok')
    await b.close()
  })

  it('a closed store answers with a typed StoreError, never a driver exception', async () => {
    const store = openSqlite(tempPath())
    await store.close()
    expect(await store.append('s', newEvents(1), 'any')).toMatchObject(E.left({ _tag: 'StoreUnavailable' }))
    expect(await store.appendMany([{ streamId: 's', events: newEvents(1), expected: 'any' }])).toMatchObject(E.left({ _tag: 'StoreUnavailable' }))
    const failed = await store.readPage(0, 10).catch((e: unknown) => e)
    expect(failed).toBeInstanceOf(StoreErrorException)
    expect((failed as StoreErrorException).error._tag).toBe('StoreUnavailable')
    await expect(collect(store.readAll())).rejects.toBeInstanceOf(StoreErrorException)
    const mem = openMemory()
    await mem.close()
    expect(await mem.append('s', newEvents(1), 'any')).toMatchObject(E.left({ _tag: 'StoreUnavailable' }))
  })

  it('C3: a full disk is a StoreFailure, stores nothing, and the store works again afterwards', async () => {
    const store: SqliteStore = openSqlite(tempPath())
    await store.append('s', newEvents(1), 'no-stream')
    const pages = Number(store.db.pragma('page_count', { simple: true }))
    store.db.pragma(`max_page_count = ${pages}`)
    const big = newEvents(50).map((e) => ({ ...e, data: { blob: 'x'.repeat(20_000) } }))
    const full = await store.append('s', big, 0)
    expect(full).toMatchObject(E.left({ _tag: 'StoreFailure' }))
    expect(E.isLeft(full) && 'message' in full.left && full.left.message).toMatch(/SQLITE_FULL/u)
    expect(await store.head()).toBe(1)
    store.db.pragma('max_page_count = 1073741823')
    expect(await store.append('s', big, 0)).toMatchObject(E.right({ revision: 50, position: 51 }))
    await store.close()
  })

  it('group commit: concurrent appends share one transaction; a conflict among them undoes none of the others', async () => {
    const store: SqliteStore = openSqlite(tempPath())
    await store.append('taken', newEvents(1), 'no-stream')
    const commits = () => Number(store.db.prepare('SELECT count(DISTINCT recorded_at) FROM events').pluck().get())
    const before = commits()
    const results = await Promise.all([
      ...Array.from({ length: 50 }, (_, i) => store.append(`s-${i}`, newEvents(2), 'no-stream')),
      store.append('taken', newEvents(1), 'no-stream'), // conflicts: the stream exists
    ])
    expect(results.slice(0, 50).every(E.isRight)).toBe(true)
    expect(results[50]).toMatchObject(E.left({ _tag: 'RevisionConflict', streamId: 'taken', actual: 0 }))
    expect(await store.head()).toBe(101)
    const positions = (await collect(store.readAll())).map((e) => e.position)
    expect(positions).toEqual(Array.from({ length: 101 }, (_, i) => i + 1))
    expect(commits() - before).toBe(1) // the 100 events were stamped by one commit
    await store.close()
  })

  it('a read-only connection refuses to append with a typed StoreFailure', async () => {
    const path = tempPath()
    const writer = openSqlite(path)
    await writer.append('s', newEvents(1), 'no-stream')
    const reader = openSqlite(path, { readonly: true })
    expect(reader.pragmas().synchronous).toBe(2)
    expect(await reader.append('s', newEvents(1), 0)).toMatchObject(E.left({ _tag: 'StoreFailure' }))
    expect(await reader.head()).toBe(1)
    await reader.close()
    await writer.close()
  })
})
