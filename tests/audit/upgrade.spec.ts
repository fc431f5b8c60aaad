import { afterAll, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import * as E from 'fp-ts/lib/Either.js'
import { verifyStore } from '@hoi/adapters'
import { openSqlite, upgradeSqliteChain } from '@hoi/adapters/sqlite'
import { newEvents, tempSqlitePath } from '@hoi/adapters/testing'

const temps: Array<() => void> = []
afterAll(() => temps.forEach((r) => r()))

/** A store as written before the chain: the same rows without prevHash/hash in their metadata. */
const oldStore = async (events: number): Promise<string> => {
  const t = tempSqlitePath('hoi-upgrade-')
  temps.push(t.remove)
  const store = openSqlite(t.path)
  for (let i = 0; i < events; i += 5) await store.append(`s-${i % 3}`, newEvents(5), 'any')
  await store.close()
  const db = new Database(t.path)
  db.prepare("UPDATE events SET metadata = json_remove(metadata, '$.prevHash', '$.hash')").run()
  db.close()
  return t.path
}

describe('chain upgrade of a store written before the chain', () => {
  it('an unchained store refuses appends, naming the command; verify names position 1; the upgrade chains all of it once', async () => {
    const path = await oldStore(25)
    const store = openSqlite(path)
    const refused = await store.append('s-0', newEvents(1), 'any')
    expect(refused).toMatchObject({ left: { _tag: 'StoreFailure', message: expect.stringContaining('hoi chain upgrade') } })
    expect(await store.head()).toBe(25)
    expect(await verifyStore(store)).toMatchObject({ ok: false, break: { position: 1, kind: 'unchained' } })
    const progress: number[] = []
    const up = upgradeSqliteChain(store.db, (done) => progress.push(done))
    expect(up).toMatchObject({ _tag: 'Upgraded', events: 25, head: 25 })
    expect(progress[progress.length - 1]).toBe(25)
    const report = await verifyStore(store)
    expect(report).toMatchObject({ ok: true, events: 25 })
    expect(report.ok && report.head?.hash).toBe(up._tag === 'Upgraded' && up.hash)
    expect(E.isRight(await store.append('s-0', newEvents(1), 'any'))).toBe(true)
    expect(await verifyStore(store)).toMatchObject({ ok: true, events: 26 })
    expect(upgradeSqliteChain(store.db)).toMatchObject({ _tag: 'AlreadyChained', head: 26 })
    await store.close()
  })

  it('a half-chained store is refused as damaged and left exactly as it was; an empty one needs nothing', async () => {
    const path = await oldStore(10)
    const db = new Database(path)
    const before = db.prepare('SELECT metadata FROM events ORDER BY position').pluck().all()
    db.prepare("UPDATE events SET metadata = json_set(metadata, '$.hash', 'x') WHERE position = 4").run()
    const damaged = db.prepare('SELECT metadata FROM events ORDER BY position').pluck().all()
    expect(() => upgradeSqliteChain(db)).toThrow(/1 of 10 events carry a hash.*damaged/u)
    expect(db.prepare('SELECT metadata FROM events ORDER BY position').pluck().all()).toEqual(damaged)
    expect(damaged).not.toEqual(before)
    db.close()
    const empty = tempSqlitePath('hoi-upgrade-')
    temps.push(empty.remove)
    const store = openSqlite(empty.path)
    expect(upgradeSqliteChain(store.db)).toEqual({ _tag: 'Empty' })
    await store.close()
  })
})
