import type { NewEvent } from '@hoi/adapters'
import { Member } from '@hoi/domain'
import { openSqlite } from '@hoi/adapters/sqlite'
import { freshDb, removeDb } from './env.js'
import { dayOf, memberAdmitted, metadataOf, rng, uuid, zipf } from './gen.js'
import type { Options } from './options.js'
import { rawAppender } from './raw.js'
import { breathe, Latencies, measureOf, RssPeak, rowOf, type Measure, type Row } from './stats.js'

/** Appends decided in advance: which stream each goes to and its events, the same for hoi and raw. */
type Plan = { readonly streams: ReadonlyArray<string>; readonly order: Int32Array; readonly batches: ReadonlyArray<ReadonlyArray<NewEvent>>; readonly events: number }

const plan = (events: number, streamCount: number, batch: number, skewed: boolean, seed: number): Plan => {
  const r = rng(seed)
  const memberIds = Array.from({ length: streamCount }, () => uuid(r))
  const streams = memberIds.map(Member.streamId)
  const pickStream = skewed ? zipf(r, streamCount, 1.0) : () => r.int(0, streamCount - 1)
  const appends = Math.ceil(events / batch)
  const order = new Int32Array(appends)
  const batches: NewEvent[][] = []
  let n = 0
  for (let i = 0; i < appends; i++) {
    const s = pickStream()
    order[i] = s
    const list: NewEvent[] = []
    for (let k = 0; k < batch && n < events; k++, n++) {
      const on = dayOf(3000 + (n % 4000))
      const commandId = uuid(r)
      list.push({
        eventId: uuid(r),
        type: 'MemberAdmitted',
        schemaVersion: 1,
        data: memberAdmitted(r, memberIds[s]!, 'lc-105.03-nct', on),
        metadata: metadataOf(commandId, on),
      })
    }
    batches.push(list)
  }
  return { streams, order, batches, events }
}

type Appender = (streamId: string, events: ReadonlyArray<NewEvent>, expected: number) => Promise<number> | number

/** One implementation's way through the plan, one append at a time (concurrency 1), resumable by blocks. */
class Driver {
  private readonly revisions: Int32Array
  private readonly lat: Latencies
  private readonly rss = new RssPeak()
  private events = 0
  private ms = 0
  constructor(
    private readonly p: Plan,
    private readonly append: Appender,
  ) {
    this.revisions = new Int32Array(p.streams.length).fill(-1)
    this.lat = new Latencies(p.order.length)
  }
  async run(from: number, to: number): Promise<void> {
    const { order, batches, streams } = this.p
    const t0 = performance.now()
    for (let i = from; i < to; i++) {
      const s = order[i]!
      const batch = batches[i]!
      const a = performance.now()
      this.revisions[s] = await this.append(streams[s]!, batch, this.revisions[s]!)
      this.lat.add(performance.now() - a)
      this.events += batch.length
      if ((i & 255) === 0) this.rss.sample()
    }
    this.ms += performance.now() - t0
  }
  measure(): Measure {
    return measureOf(this.events, this.ms / 1000, this.lat, this.rss)
  }
}

type Side = { readonly driver: Driver; close(): Promise<void> }

const hoiSide = (name: string, p: Plan): Side => {
  const file = freshDb(name)
  const store = openSqlite(file)
  const pragmas = store.pragmas()
  if (pragmas.journalMode !== 'wal' || pragmas.synchronous !== 2) throw new Error(`store pragmas are ${JSON.stringify(pragmas)}, not wal/FULL`)
  const driver = new Driver(p, async (streamId, events, expected) => {
    const r = await store.append(streamId, events, expected)
    if (r._tag === 'Left') throw new Error(`append refused: ${JSON.stringify(r.left)}`)
    return r.right.revision
  })
  return {
    driver,
    close: async () => {
      const head = await store.head()
      await store.close()
      removeDb(file)
      if (head !== driver.measure().ops) throw new Error(`hoi stored ${head} events, expected ${driver.measure().ops}`)
    },
  }
}

const rawSide = (name: string, p: Plan): Side => {
  const file = freshDb(name)
  const raw = rawAppender(file)
  return {
    driver: new Driver(p, (streamId, events, expected) => raw.append(streamId, events, expected)),
    close: async () => {
      raw.close()
      removeDb(file)
    },
  }
}

/**
 * Runs raw and hoi through the same plan on two fresh databases, alternating blocks of appends (and
 * which side goes first in a block), so that a shared machine's drift hits both sides alike.
 */
const race = async (p: Plan, limit = p.order.length, block = 250): Promise<{ raw: Measure; hoi: Measure }> => {
  const raw = rawSide('w1-raw', p)
  const hoi = hoiSide('w1-hoi', p)
  try {
    for (let from = 0, b = 0; from < limit; from += block, b++) {
      const to = Math.min(limit, from + block)
      const [first, second] = b % 2 === 0 ? [raw, hoi] : [hoi, raw]
      await first.driver.run(from, to)
      await second.driver.run(from, to)
    }
    return { raw: raw.driver.measure(), hoi: hoi.driver.measure() }
  } finally {
    await raw.close()
    await hoi.close()
  }
}

export const runW1 = async (o: Options): Promise<Row[]> => {
  const events = o.quick ? 5_000 : 100_000
  const streamCount = o.quick ? 1_000 : 10_000
  const rows: Row[] = []
  const cases: ReadonlyArray<{ workload: string; batch: number; skewed: boolean }> = [
    { workload: 'W1', batch: 1, skewed: false },
    { workload: 'W1', batch: 1, skewed: true },
    { workload: 'W2', batch: 10, skewed: false },
    { workload: 'W2', batch: 100, skewed: false },
  ]
  for (const [k, c] of cases.entries()) {
    const p = plan(events, streamCount, c.batch, c.skewed, 100 + k)
    const label = `${c.skewed ? 'skewed (Zipf 1.0)' : 'uniform'} c=1, ${c.batch} event${c.batch > 1 ? 's' : ''}/append, ${events.toLocaleString('en-US')} events over ${streamCount.toLocaleString('en-US')} streams`
    o.log(`${c.workload} ${label}: warming up`)
    await race(p, Math.min(p.order.length, 2000))
    await breathe()
    const { raw, hoi } = await race(p, p.order.length, Math.max(10, Math.floor(250 / c.batch)))
    const target = c.batch === 1 ? '≥ 80 % of raw, p99 ≤ 1 ms' : c.batch === 100 ? '≥ 250k events/s' : undefined
    const row = rowOf(
      {
        workload: c.workload,
        case: `SQLite FULL ${label}`,
        unit: 'events/s',
        hoi,
        baseline: { name: 'raw', measure: raw },
        ...(target === undefined ? {} : { target }),
        note: 'raw and hoi interleaved block by block on two fresh files; p50/p99 per append call',
      },
      c.batch === 1 ? (r) => (r.ratio ?? 0) >= 0.8 && r.hoi.p99Ms <= 1 : c.batch === 100 ? (r) => r.hoi.rate >= 250_000 : undefined,
    )
    rows.push(row)
    o.emit(row)
    await breathe()
  }
  return rows
}

/** The raw driver's single-event appends (W1 uniform, FULL) at a smaller size: the reference for W9. */
export const rawAppendReference = async (events: number): Promise<Measure> => {
  const p = plan(events, Math.max(100, Math.floor(events / 10)), 1, false, 999)
  const warm = rawSide('raw-ref-warm', p)
  await warm.driver.run(0, Math.min(1000, p.order.length))
  await warm.close()
  const raw = rawSide('raw-ref', p)
  try {
    await raw.driver.run(0, p.order.length)
    return raw.driver.measure()
  } finally {
    await raw.close()
  }
}
