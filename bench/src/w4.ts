import { decodeRecorded, loadStream, readRecorded, type NewEvent } from '@hoi/adapters'
import { openSqlite } from '@hoi/adapters/sqlite'
import { aggregates } from '@hoi/domain'
import { freshDb, removeDb } from './env.js'
import { metadataOf, rng, uuid } from './gen.js'
import type { Options } from './options.js'
import { associationStream, clubStream, type Dated } from './province.js'
import { rawStreamReader } from './raw.js'
import { breathe, Latencies, RssPeak, rowOf, type Measure, type Row } from './stats.js'

type Case = { readonly aggregate: 'club' | 'association'; readonly length: number; readonly streamId: string; readonly events: ReadonlyArray<Dated> }

const cases = (): Case[] =>
  (
    [
      ['club', 100],
      ['club', 10_000],
      ['association', 100],
      ['association', 10_000],
    ] as const
  ).map(([aggregate, length]) => {
    const id = `bench-${length}`
    return { aggregate, length, streamId: `${aggregate}-${id}`, events: aggregate === 'club' ? clubStream(id, length) : associationStream(id, length) }
  })

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

/** The same reader as loadStream's default, but not the same function: loadStream caches folds only for its default, so this measures a cold load. */
const cold = (r: Parameters<typeof readRecorded>[0]) => readRecorded(r)

/**
 * W4: loading an aggregate is what every command pays before deciding. hoi's path is handleCommand's
 * `loadStream`: readStream (pages) → readRecorded (upcast, type checked, data trusted) → the decider's
 * evolve. The limit is one SELECT of the rows and JSON.parse of data and metadata.
 */
export const runW4 = async (o: Options): Promise<Row[]> => {
  const file = freshDb('w4')
  const store = openSqlite(file)
  const rows: Row[] = []
  try {
    const r = rng(4)
    const all = cases()
    for (const c of all) {
      for (let i = 0; i < c.events.length; i += 500) {
        const batch: NewEvent[] = c.events.slice(i, i + 500).map((d) => ({ eventId: uuid(r), type: d.event.type, schemaVersion: 1, data: d.event.data, metadata: metadataOf(uuid(r), d.on) }))
        const res = await store.append(c.streamId, batch, i - 1)
        if (res._tag === 'Left') throw new Error(`seeding ${c.streamId}: ${JSON.stringify(res.left)}`)
      }
    }
    o.log(`W4: seeded ${(await store.head()).toLocaleString('en-US')} events in ${all.length} streams`)
    const raw = rawStreamReader(file)
    try {
      for (const c of all) {
        const module = aggregates[c.aggregate]
        const check = await loadStream(store, module, c.streamId)
        if (check._tag === 'Left') throw new Error(`W4 cannot load ${c.streamId}: ${JSON.stringify(check.left)}`)
        if (check.right.revision !== c.length - 1) throw new Error(`W4 loaded ${c.streamId} at revision ${check.right.revision}`)
        const reps = c.length >= 10_000 ? (o.quick ? 10 : 40) : o.quick ? 200 : 1000
        const hoiLat = new Latencies(reps)
        const rawLat = new Latencies(reps)
        const hoiRss = new RssPeak()
        const rawRss = new RssPeak()
        let hoiMs = 0
        let rawMs = 0
        for (let i = 0; i < Math.min(20, reps); i++) {
          raw.read(c.streamId)
          await loadStream(store, module, c.streamId, cold)
        }
        // alternate raw and hoi rep by rep so that both see the same machine
        for (let i = 0; i < reps; i++) {
          let t = performance.now()
          if (raw.read(c.streamId).length !== c.length) throw new Error('raw read short')
          const rawTook = performance.now() - t
          rawLat.add(rawTook)
          rawMs += rawTook
          rawRss.sample()
          t = performance.now()
          const loaded = await loadStream(store, module, c.streamId, cold)
          const took = performance.now() - t
          if (loaded._tag === 'Left') throw new Error(JSON.stringify(loaded.left))
          hoiLat.add(took)
          hoiMs += took
          hoiRss.sample()
        }
        const measure = (lat: Latencies, totalMs: number, rss: RssPeak): Measure => ({
          ops: c.length * reps,
          seconds: totalMs / 1000,
          rate: (c.length * reps) / (totalMs / 1000),
          p50Ms: lat.percentile(50),
          p99Ms: lat.percentile(99),
          peakRssMb: rss.mb,
        })
        // what a command on this stream pays when the process has folded it before: the events after the cached fold only
        const warm: number[] = []
        for (let i = 0; i < 50; i++) {
          const t = performance.now()
          await loadStream(store, module, c.streamId)
          warm.push(performance.now() - t)
        }
        const cached = `cold loads (no cached fold); with the fold cached by an earlier command, p50 ${median(warm).toFixed(3)} ms`
        const note = `${cached}; ${c.length >= 10_000 ? await breakdown(o, store, c) : `p50/p99 per load of the whole stream, ${reps} loads`}`
        const row = rowOf(
          {
            workload: 'W4',
            case: `SQLite load ${c.aggregate} stream of ${c.length.toLocaleString('en-US')} events (loadStream)`,
            unit: 'events/s',
            hoi: measure(hoiLat, hoiMs, hoiRss),
            baseline: { name: 'raw', measure: measure(rawLat, rawMs, rawRss) },
            ...(c.length >= 10_000 ? { target: 'p50 ≤ 25 ms' } : {}),
            note,
          },
          c.length >= 10_000 ? (x) => x.hoi.p50Ms <= 25 : undefined,
        )
        rows.push(row)
        o.emit(row)
        await breathe()
      }
    } finally {
      raw.close()
    }
  } finally {
    await store.close()
    removeDb(file)
  }
  return rows
}

/** Where the time of a long load goes: reading envelopes, reading them as domain events, folding them. */
const breakdown = async (o: Options, store: ReturnType<typeof openSqlite>, c: Case): Promise<string> => {
  const reps = o.quick ? 5 : 15
  const read: number[] = []
  const asEvents: number[] = []
  const ioTs: number[] = []
  const evolve: number[] = []
  const { evolve: step, initialState } = aggregates[c.aggregate].decider
  for (let i = 0; i < reps; i++) {
    let t = performance.now()
    const envelopes = []
    for await (const e of store.readStream(c.streamId)) envelopes.push(e)
    read.push(performance.now() - t)
    t = performance.now()
    const events = envelopes.map((e) => {
      const d = readRecorded(e)
      if (d._tag === 'Left') throw new Error('unreadable')
      return d.right
    })
    asEvents.push(performance.now() - t)
    t = performance.now()
    for (const e of envelopes) if (decodeRecorded(e)._tag === 'Left') throw new Error('undecodable')
    ioTs.push(performance.now() - t)
    t = performance.now()
    let s: unknown = initialState
    for (const e of events) s = step(s, e)
    evolve.push(performance.now() - t)
  }
  return `p50/p99 per load of the whole stream; median split: readStream ${median(read).toFixed(1)} ms, readRecorded ${median(asEvents).toFixed(1)} ms, evolve ${median(evolve).toFixed(1)} ms (a full io-ts decodeRecorded instead of readRecorded: ${median(ioTs).toFixed(1)} ms)`
}
