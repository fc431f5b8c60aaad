import fc from 'fast-check'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { applyAll, emptyModel, insertRow, projections, type ProjectionDefinition, type Recorded } from '@hoi/projections'
import { openMemory } from '../memory.js'
import { openPostgres, type PostgresStore } from '../postgres.js'
import type { EventStore } from '../store.js'
import { openPostgresViews } from './postgres.js'
import { decodable, anyEvent, area, askAll, date, foldReader, logOf, period, recordedAtOf } from './testing.js'

const url = process.env['HOI_TEST_PG'] ?? 'postgres://postgres@127.0.0.1:5432/test'
const reachable = await (async () => {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 })
  try {
    await c.connect()
    await c.end()
    return true
  } catch (e) {
    console.log(`PostgreSQL view engine tests skipped: ${url} is not reachable (${(e as Error).message})`)
    return false
  }
})()

/** The log in a memory store, each event stamped with its own record time; the views in a PostgreSQL schema of their own. */
const storeOf = async (events: ReadonlyArray<Recorded>): Promise<EventStore> => {
  let i = 0
  const store = openMemory({ now: () => new Date(recordedAtOf(++i)) })
  for (const e of events) await store.append(e.streamId, [{ eventId: e.eventId, type: e.type, schemaVersion: 1, data: e.data, metadata: { ...e.metadata } }], 'any')
  return store
}

describe.skipIf(!reachable)('the view engine on PostgreSQL', () => {
  const admin = new pg.Pool({ connectionString: url, max: 1 })
  const pools: pg.Pool[] = []
  const schemas: string[] = []
  const fresh = async (): Promise<pg.Pool> => {
    const schema = `hoi_views_${process.pid}_${schemas.length}`
    schemas.push(schema)
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`)
    const pool = new pg.Pool({ connectionString: url, max: 2, options: `-c search_path=${schema}` })
    pools.push(pool)
    return pool
  }
  beforeAll(() => console.log(`PostgreSQL view engine tests run on ${url}`))
  afterAll(async () => {
    for (const p of pools) await p.end()
    for (const s of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`)
    await admin.end()
  })

  it('answers what the pure fold answers, now and as recorded after k events', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(anyEvent, { maxLength: 50 }),
        date,
        fc.nat(),
        fc.option(area, { nil: undefined }),
        fc.integer({ min: 2015, max: 2026 }),
        period,
        fc.integer({ min: 3, max: 40 }),
        async (raw, asOf, cut, areaCode, year, p, pageSize) => {
          const events = logOf(raw)
          const views = await openPostgresViews(await storeOf(events), await fresh(), { pageSize })
          await views.catchUp()
          const k = events.length === 0 ? 0 : cut % (events.length + 1)
          const o = { year, period: p, ...(areaCode === undefined ? {} : { areaCode }) }
          expect(await askAll(views, asOf, o)).toEqual(await askAll(foldReader(applyAll(emptyModel(), decodable(events))), asOf, o))
          const recordedAsOf = k === 0 ? '2024-12-31' : recordedAtOf(k)
          expect(await askAll(views, asOf, { ...o, recordedAsOf })).toEqual(await askAll(foldReader(applyAll(emptyModel(), decodable(events.slice(0, k)))), asOf, o))
        },
      ),
      { numRuns: 15 },
    )
  })

  it('on the store’s own database reads the log with its own SQL, not through the store, and answers the same', async () => {
    const raw = fc.sample(fc.array(anyEvent, { minLength: 80, maxLength: 80 }), { numRuns: 1, seed: 5 })[0]!
    const events = logOf(raw)
    const schema = `hoi_views_${process.pid}_${schemas.length}`
    await fresh()
    const store = await openPostgres(`${url}?options=${encodeURIComponent(`-c search_path=${schema}`)}`, { poolSize: 2 })
    try {
      for (const e of events) await store.append(e.streamId, [{ eventId: e.eventId, type: e.type, schemaVersion: 1, data: e.data, metadata: { ...e.metadata } }], 'any')
      // the store as the engine sees it, with its own page read refused
      const direct = Object.create(store) as PostgresStore
      direct.readPage = () => Promise.reject(new Error('the engine read the log through the store'))
      const views = await openPostgresViews(direct, store.pool, { pageSize: 7 })
      expect(await views.catchUp()).toBe(events.length)
      const o = { year: 2020, period: '2020' }
      expect(await askAll(views, '2021-06-30', o)).toEqual(await askAll(foldReader(applyAll(emptyModel(), decodable(events))), '2021-06-30', o))
    } finally {
      await store.close()
    }
  })

  it('parks what a definition cannot apply, rebuilds blue/green and retries it', async () => {
    // only events that decode: one that does not is parked by every projection, and this test is about 'seen'
    const sample = logOf(fc.sample(fc.array(anyEvent, { minLength: 60, maxLength: 60 }), { numRuns: 1, seed: 11 })[0]!)
    const events = logOf(decodable(sample).map((e) => [e.type, e.data] as const))
    const store = await storeOf(events)
    const pool = await fresh()
    const seen = (fail: boolean): ProjectionDefinition => ({
      name: 'seen',
      version: 1,
      handles: ['ClubLaunched'],
      tables: { seen: { columns: { club_id: 'text' }, indexes: [] } },
      changes: (e) => {
        if (fail) throw new Error('cannot take it')
        return [insertRow('seen', { club_id: (e.data as { clubId: string }).clubId })]
      },
    })
    const launched = decodable(events).filter((e) => e.type === 'ClubLaunched')
    const launches = launched.length
    const views = await openPostgresViews(store, pool, { definitions: [...projections, seen(true)], pageSize: 9 })
    await views.catchUp()
    expect((await views.parked()).filter((p) => p.projection === 'seen').map((p) => p.position)).toEqual(launched.map((e) => e.position))
    const before = await askAll(views, '2021-06-30', { year: 2020, period: '2020' })
    const fixed = await openPostgresViews(store, pool, { definitions: [...projections, seen(false)], pageSize: 9 })
    const during: Array<Promise<unknown>> = []
    await fixed.rebuild([], { onProgress: () => void during.push(askAll(fixed, '2021-06-30', { year: 2020, period: '2020' })) })
    for (const a of await Promise.all(during)) expect(a).toEqual(before)
    expect((await fixed.parked()).filter((p) => p.projection === 'seen')).toEqual([])
    const gen = (await pool.query("SELECT generation FROM hoi_projections WHERE name = 'seen'")).rows[0].generation
    expect(Number((await pool.query(`SELECT count(*) FROM hv_seen_g${gen}`)).rows[0].count)).toBe(launches)
    expect(await askAll(fixed, '2021-06-30', { year: 2020, period: '2020' })).toEqual(before)
  })
})
