import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { applyAll, emptyModel, insertRow, membersProjection, projections, type ProjectionDefinition } from '@hoi/projections'
import { openSqlite, type SqliteStore } from '../sqlite.js'
import { sqliteDriver, type SqlDriver } from './driver.js'
import { openDriverViews } from './engine.js'
import { openSqliteViews } from './sqlite.js'
import { openViews } from '../open-views.js'
import { openMemory } from '../memory.js'
import { openMemoryViews } from '../memory-views.js'
import { decodable, anyEvent, askAll, foldReader, logOf, writeLog } from './testing.js'
import { log, ev } from '../../../projections/src/testing/recorded.js'

const dirs: string[] = []
const stores: SqliteStore[] = []
const fresh = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'hoi-views-'))
  dirs.push(dir)
  return join(dir, 'hoi.sqlite')
}
const open = (file: string): SqliteStore => {
  const s = openSqlite(file)
  stores.push(s)
  return s
}
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close()
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

// long enough to hold admissions and launches that decode, among the 50 event types the generator draws from
const sample = logOf(fc.sample(fc.array(anyEvent, { minLength: 200, maxLength: 200 }), { numRuns: 1, seed: 7 })[0]!)
const q = { year: 2020, period: '2020' }
const reference = (events = sample) => askAll(foldReader(applyAll(emptyModel(), decodable(events))), '2021-06-30', q)
const count = (s: SqliteStore, table: string): number => s.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
const generationOf = (s: SqliteStore, name: string): number => s.db.prepare('SELECT generation FROM hoi_projections WHERE name = ?').pluck().get(name) as number

/** A small projection of its own, to make a definition throw or change. */
const seen = (version: number, failOn?: string): ProjectionDefinition => ({
  name: 'seen',
  version,
  handles: ['MemberAdmitted', 'ClubLaunched'],
  tables: { seen: { columns: { type: 'text', tag: 'text' }, indexes: [['type']] } },
  changes: (e) => {
    if (e.type === failOn) throw new Error(`cannot take ${e.type}`)
    return [insertRow('seen', { type: e.type, tag: `v${version}` })]
  },
})

describe('the SQLite view engine', () => {
  it('a failure mid-page rolls back that projection’s rows and checkpoint together; the others go on', async () => {
    const store = open(fresh())
    const base = sqliteDriver(store.db)
    await openDriverViews(store, base)
    writeLog(store, sample)
    let failing = true
    // a statement that fails inside the members part, after its checkpoint and some rows were written
    const faulty: SqlDriver = {
      ...base,
      transaction: (parts) =>
        base.transaction(
          parts.map((p) => (failing && p[0]?.params[1] === 'members' && p.length > 2 ? [...p.slice(0, 2), { sql: 'INSERT INTO no_such_table VALUES (1)', params: [] }, ...p.slice(2)] : p)),
        ),
    }
    const views = await openDriverViews(store, faulty, { pageSize: 25 })
    await expect(views.catchUp()).rejects.toThrow(/projection members stopped at its checkpoint/u)
    const status = await views.status()
    const byName = new Map(status.projections.map((p) => [p.name, p.position]))
    expect(byName.get('members')).toBe(0)
    expect(byName.get('associations')).toBe(sample.length)
    expect(count(store, 'hv_members_g1')).toBe(0)
    failing = false
    await views.catchUp()
    expect(await askAll(views, '2021-06-30', q)).toEqual(await reference())
  })

  it('a catch-up under constant writes ends at the head it saw when it started; the next one takes the rest', async () => {
    const store = open(fresh())
    const base = sqliteDriver(store.db)
    await openDriverViews(store, base)
    writeLog(store, sample.slice(0, 100))
    // a writer appends ten more events after every page the catch-up commits, until the sample is written
    let written = 100
    const busy: SqlDriver = {
      ...base,
      transaction: async (parts) => {
        const errors = await base.transaction(parts)
        if (written < sample.length) {
          writeLog(store, sample.slice(written, written + 10))
          written += 10
        }
        return errors
      },
    }
    const views = await openDriverViews(store, busy, { pageSize: 10 })
    expect(await views.catchUp()).toBe(100)
    const status = await views.status()
    expect(status.projections.every((p) => p.position === 100)).toBe(true)
    expect(store.db.prepare('SELECT max(position) FROM events').pluck().get()).toBe(written)
    expect(written).toBeGreaterThan(100)
    // the writer wrote the rest of the sample meanwhile: the next catch-up takes it, and the views are complete
    expect(written).toBe(sample.length)
    expect(await views.catchUp()).toBe(sample.length)
    expect(await askAll(views, '2021-06-30', q)).toEqual(await reference())
  })

  it('the reference engine’s catch-up is bounded the same way', async () => {
    const store = open(fresh())
    writeLog(store, sample.slice(0, 100))
    // the store as the engine sees it: a writer appends right after the engine reads the head
    const busy = Object.create(store) as SqliteStore
    busy.head = async () => {
      const head = await store.head()
      writeLog(store, sample.slice(head, head + 50))
      return head
    }
    const views = await openMemoryViews(busy)
    expect(await views.catchUp()).toBe(100)
    expect(store.db.prepare('SELECT max(position) FROM events').pluck().get()).toBe(150)
    expect(await views.catchUp()).toBe(150)
  })

  it('an event a definition cannot apply is parked, the projection goes on, and a rebuild retries it', async () => {
    const file = fresh()
    const store = open(file)
    const events = log(ev.founded('a0'), ev.admitted('m1', 'a0', '2020-01-01'), ev.launched('k1', '2020-02-01', { host: 'a0' }), ev.admitted('m2', 'a0', '2020-03-01'))
    writeLog(store, events)
    const views = await openSqliteViews(store, { definitions: [...projections, seen(1, 'ClubLaunched')] })
    await views.catchUp()
    const parked = await views.parked()
    expect(parked).toEqual([{ position: 3, projection: 'seen', streamId: 'club-k1', type: 'ClubLaunched', reason: 'cannot take ClubLaunched', parkedAt: expect.any(String) }])
    expect((await views.status()).parked).toBe(1)
    expect(count(store, 'hv_seen_g1')).toBe(2)
    expect((await views.status()).projections.every((p) => p.position === 4)).toBe(true)
    // the definition is fixed (same version): a rebuild tries the parked event again
    const fixed = await openSqliteViews(store, { definitions: [...projections, seen(1)] })
    await fixed.rebuild(['seen'])
    expect(await fixed.parked()).toEqual([])
    expect(count(store, `hv_seen_g${generationOf(store, 'seen')}`)).toBe(3)
  })

  it('an event whose change cannot be compiled is parked whole, while inserts into other tables wait in their batches', async () => {
    const store = open(fresh())
    const events = log(ev.founded('a0'), ev.admitted('m1', 'a0', '2020-01-01'), ev.launched('k1', '2020-02-01', { host: 'a0' }), ev.admitted('m2', 'a0', '2020-03-01'))
    writeLog(store, events)
    // each event writes a row into `a`, then into `b`; the club's second row names a column `b` lacks
    const two: ProjectionDefinition = {
      name: 'two',
      version: 1,
      handles: ['MemberAdmitted', 'ClubLaunched'],
      tables: { a: { columns: { type: 'text' }, indexes: [] }, b: { columns: { type: 'text' }, indexes: [] } },
      changes: (e) => [insertRow('a', { type: e.type }), insertRow('b', e.type === 'ClubLaunched' ? { kind: e.type } : { type: e.type })],
    }
    const views = await openSqliteViews(store, { definitions: [...projections, two] })
    await views.catchUp()
    expect((await views.parked()).map((p) => [p.projection, p.position])).toEqual([['two', 3]])
    expect(store.db.prepare('SELECT type, known_from FROM hv_a_g1 ORDER BY rowid').raw().all()).toEqual([
      ['MemberAdmitted', 2],
      ['MemberAdmitted', 4],
    ])
    expect(store.db.prepare('SELECT type, known_from FROM hv_b_g1 ORDER BY rowid').raw().all()).toEqual([
      ['MemberAdmitted', 2],
      ['MemberAdmitted', 4],
    ])
  })

  it('the live view tables carry planner statistics after a build, and a store built without them gets them on open', async () => {
    const store = open(fresh())
    writeLog(store, sample)
    await openSqliteViews(store)
    const stats = () => new Set(store.db.prepare('SELECT DISTINCT tbl FROM sqlite_stat1').pluck().all() as string[])
    // an empty table has nothing to measure (and is analysed again, at no cost, on the next open)
    const live = () => (store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'hv_%'").pluck().all() as string[]).filter((t) => count(store, t) > 0)
    expect(live().length).toBeGreaterThan(5)
    expect(live().filter((t) => !stats().has(t))).toEqual([])
    store.db.exec('DELETE FROM sqlite_stat1')
    await openSqliteViews(store)
    expect(live().filter((t) => !stats().has(t))).toEqual([])
  })

  it('a definition whose version changed is rebuilt when the engine opens', async () => {
    const file = fresh()
    const store = open(file)
    writeLog(store, sample)
    const v1 = await openSqliteViews(store, { definitions: [...projections, seen(1)] })
    await v1.catchUp()
    expect(store.db.prepare('SELECT DISTINCT tag FROM hv_seen_g1').pluck().all()).toEqual(['v1'])
    const v2 = await openSqliteViews(store, { definitions: [...projections.filter((p) => p.name !== 'members'), { ...membersProjection, version: 2 }, seen(2)] })
    const status = await v2.status()
    expect(status.projections.find((p) => p.name === 'seen')).toEqual({ name: 'seen', version: 2, position: sample.length, state: 'live' })
    expect(status.projections.find((p) => p.name === 'members')?.version).toBe(2)
    expect(generationOf(store, 'seen')).toBe(2)
    expect(store.db.prepare(`SELECT DISTINCT tag FROM hv_seen_g2`).pluck().all()).toEqual(['v2'])
    expect(store.db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'hv_seen_g1'").pluck().get()).toBe(0)
    expect(await askAll(v2, '2021-06-30', q)).toEqual(await reference())
  })

  it('rebuild is blue/green: the old tables answer while the new ones fill, then one switch', async () => {
    const store = open(fresh())
    writeLog(store, sample)
    const views = await openSqliteViews(store, { pageSize: 10 })
    await views.catchUp()
    const before = await askAll(views, '2021-06-30', q)
    const during: Array<Promise<unknown>> = []
    const states: string[] = []
    const progress: Array<[number, number]> = []
    await views.rebuild([], {
      onProgress: (done, total) => {
        progress.push([done, total])
        states.push(...(store.db.prepare('SELECT state FROM hoi_projections').pluck().all() as string[]))
        // the live generation is still the first one while the second fills
        expect(generationOf(store, 'members')).toBe(1)
        during.push(askAll(views, '2021-06-30', q))
      },
    })
    expect(new Set(states)).toEqual(new Set(['rebuilding']))
    expect(progress.length).toBeGreaterThan(3)
    expect(progress[progress.length - 1]).toEqual([sample.length, sample.length])
    for (const answer of await Promise.all(during)) expect(answer).toEqual(before)
    expect(generationOf(store, 'members')).toBe(2)
    expect(store.db.prepare("SELECT count(*) FROM sqlite_master WHERE name LIKE 'hv_%_g1'").pluck().get()).toBe(0)
    expect(await askAll(views, '2021-06-30', q)).toEqual(before)
    await expect(views.rebuild(['nope'])).rejects.toThrow(/unknown view nope/u)
  })

  it('redelivery is harmless: catching up again, committed events and a second engine on the same file change nothing', async () => {
    const file = fresh()
    const store = open(file)
    writeLog(store, sample.slice(0, 50))
    const a = await openSqliteViews(store, { pageSize: 7 })
    const other = open(file)
    const b = await openSqliteViews(other, { pageSize: 5 })
    await a.catchUp()
    writeLog(store, sample.slice(50))
    // both engines race over the same tables; the checkpoint guard lets each page in once
    await Promise.all([a.catchUp(), b.catchUp(), a.committed(sample.slice(50)), b.catchUp()])
    await a.catchUp()
    expect(await askAll(a, '2021-06-30', q)).toEqual(await reference())
    expect(await askAll(b, '2021-06-30', q)).toEqual(await reference())
  })

  it('committed events of this process are visible at once, and record time keeps what was said before a back-dated correction', async () => {
    const store = openSqlite(fresh(), { now: () => new Date('2024-04-30T10:00:00Z') })
    stores.push(store)
    const views = await openSqliteViews(store)
    const meta = (commandId: string, occurredOn: string) => ({ occurredOn, actor: 'spec', commandId, correlationId: commandId, causationId: commandId })
    const [, founded] = ev.founded('a0')
    await store.append('association-a0', [{ eventId: 'e1', type: 'AssociationFounded', schemaVersion: 1, data: founded, metadata: meta('c1', '2010-01-01') }], 'no-stream')
    const [, admitted] = ev.admitted('m1', 'a0', '2024-01-10')
    const r = await store.append('member-m1', [{ eventId: 'e2', type: 'MemberAdmitted', schemaVersion: 1, data: admitted, metadata: meta('c2', '2024-01-10') }], 'no-stream')
    if (r._tag === 'Left') throw new Error(r.left._tag)
    await views.committed(r.right.events)
    expect((await views.association('a0', { asOf: '2024-04-30' }))?.members).toBe(1)
    // entered in 2026, dated 2024-04-17: the view as recorded on 2024-04-30 still says 1
    const later = openSqlite(store.path, { now: () => new Date('2026-02-01T09:00:00Z') })
    stores.push(later)
    await later.append(
      'member-m1',
      [{ eventId: 'e3', type: 'MemberResigned', schemaVersion: 1, data: { memberId: 'm1', associationId: 'a0', resignedOn: '2024-04-17' }, metadata: meta('c3', '2024-04-17') }],
      0,
    )
    await views.catchUp()
    expect((await views.association('a0', { asOf: '2024-04-30' }))?.members).toBe(0)
    expect((await views.association('a0', { asOf: '2024-04-30', recordedAsOf: '2024-04-30' }))?.members).toBe(1)
    expect((await views.statistics({ year: 2024, asOf: '2024-04-30', recordedAsOf: '2024-04-30' })).members).toMatchObject({ total: 1, leftInYear: 0 })
    expect((await views.statistics({ year: 2024, asOf: '2024-04-30' })).members).toMatchObject({ total: 0, leftInYear: 1 })
    expect(await views.association('a0', { recordedAsOf: '2009-12-31' })).toBeUndefined()
    await expect(views.registry({ recordedAsOf: '2024-13-45' })).rejects.toThrow(/recordedAsOf/u)
  })

  it('openViews gives a SQLite store its table-backed engine and the memory store the reference fold', async () => {
    const store = open(fresh())
    writeLog(store, sample)
    const views = await openViews(store)
    expect((await views.status()).position).toBe(sample.length)
    expect(await askAll(views, '2021-06-30', q)).toEqual(await reference())
    const memory = openMemory()
    const fold = await openViews(memory)
    await fold.catchUp()
    expect(store.db.prepare("SELECT count(*) FROM sqlite_master WHERE name LIKE 'hv_%'").pluck().get()).toBeGreaterThan(0)
    expect((await fold.status()).head).toBe(0)
  })
})
