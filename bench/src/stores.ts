import type { NewEvent } from '@hoi/adapters'
import { freshDb, removeDb } from './env.js'
import { dayOf, memberAdmitted, metadataOf, rng, uuid, type Admission } from './gen.js'
import { Conflict, minimalPostgres, minimalSqlite, type Appender } from './minimal.js'
import type { Options } from './options.js'
import { emmettPostgres, emmettSqlite, hoiStore } from './peers.js'
import { freshPgDb, pgBaseUrl, pgReachable } from './pg.js'
import { rawAppender, rawStreamReader } from './raw.js'
import { breathe, Latencies, measureOf, RssPeak, rowOf, type Measure, type Row } from './stats.js'

/**
 * W1–W4 for the SQLite and PostgreSQL stores against, in the same run: the raw driver on the
 * minimal schema (the limit), the raw driver on hoi's own tables (SQLite; what the schema costs),
 * and the emmett 0.42 stores (the peers). The contenders take turns in time slices, in a rotating
 * order, each on its own fresh database, so that a shared disk's drift hits all of them alike.
 */
type Contender = {
  readonly appender: Appender
  readonly revisions: Map<string, number>
  readonly lat: Latencies
  readonly rss: RssPeak
  events: number
  ms: number
  conflicts: number
  nextId: number
  readonly tag: number
  /** a peer that failed: why (its figures are left out of the row, and the note says so) */
  failed?: string
}

type Case = {
  readonly workload: string
  readonly label: string
  readonly batch: number
  readonly writers: number
  readonly streams: number
  /** W3: every writer on the same few streams, retrying on conflict */
  readonly hot: boolean
}

const PAYLOADS = 1024
const payloads: ReadonlyArray<{ data: Admission; on: string }> = (() => {
  const r = rng(7)
  return Array.from({ length: PAYLOADS }, (_, i) => {
    const on = dayOf(3000 + i)
    return { data: memberAdmitted(r, uuid(r), 'lc-105.03-nct', on), on }
  })
})()

/** A unique, UUID-shaped id per contender and event, without a random generator in the timed loop. */
const idOf = (tag: number, n: number): string => {
  const h = n.toString(16).padStart(12, '0')
  return `${tag.toString(16).padStart(8, '0')}-0000-4000-a000-${h}`
}

const eventsFor = (c: Contender, count: number): NewEvent[] => {
  const out: NewEvent[] = new Array<NewEvent>(count)
  for (let i = 0; i < count; i++) {
    const n = c.nextId++
    const p = payloads[n % PAYLOADS]!
    const id = idOf(c.tag, n)
    out[i] = { eventId: id, type: 'MemberAdmitted', schemaVersion: 1, data: p.data, metadata: metadataOf(id, p.on) }
  }
  return out
}

const contender = (appender: Appender, tag: number): Contender => ({
  appender,
  revisions: new Map(),
  lat: new Latencies(4096),
  rss: new RssPeak(),
  events: 0,
  ms: 0,
  conflicts: 0,
  nextId: 0,
  tag,
})

/** One writer's loop for one slice: appends until the slice ends. */
const writer = async (c: Contender, k: Case, w: number, until: number, pick: () => number): Promise<void> => {
  while (performance.now() < until && c.failed === undefined) {
    const s = k.hot ? pick() % k.streams : w + k.writers * (pick() % Math.max(1, Math.floor(k.streams / k.writers)))
    const streamId = `member-${k.workload}-${s}`
    const expected = c.revisions.get(streamId) ?? -1
    const events = eventsFor(c, k.batch)
    const t0 = performance.now()
    try {
      c.revisions.set(streamId, await c.appender.append(streamId, events, expected))
      c.lat.add(performance.now() - t0)
      c.events += events.length
    } catch (e) {
      if (!(e instanceof Conflict)) {
        if (!c.appender.name.startsWith('emmett')) throw e
        c.failed = `${e instanceof Error ? e.message : String(e)} (after ${c.events} events)`
        return
      }
      c.conflicts++
      c.revisions.set(streamId, await c.appender.revision(streamId))
    }
    if ((c.events & 1023) < k.batch) c.rss.sample()
  }
}

const race = async (k: Case, cs: ReadonlyArray<Contender>, rounds: number, sliceMs: number): Promise<void> => {
  for (let round = 0; round < rounds; round++) {
    for (let j = 0; j < cs.length; j++) {
      const c = cs[(round + j) % cs.length]!
      const r = rng(1000 * round + c.tag)
      const pick = (): number => r.int(0, 1 << 30)
      const t0 = performance.now()
      await Promise.all(Array.from({ length: k.writers }, (_, w) => writer(c, k, w, t0 + sliceMs, pick)))
      c.ms += performance.now() - t0
      await breathe()
    }
  }
}

const measure = (c: Contender): Measure => measureOf(c.events, c.ms / 1000, c.lat, c.rss)

const rowFor = (k: Case, backend: string, cs: ReadonlyArray<Contender>, note: string): Row => {
  const [hoi, minimal, ...rest] = cs
  const others = rest.filter((c) => c.failed === undefined)
  const failures = rest
    .filter((c) => c.failed !== undefined)
    .map((c) => `${c.appender.name} failed: ${c.failed!}`)
    .join('; ')
  const conflicts = cs
    .filter((c) => c.conflicts > 0)
    .map((c) => `${c.appender.name} ${c.conflicts}`)
    .join(', ')
  const peer = others.filter((c) => c.appender.name.startsWith('emmett'))
  return rowOf(
    {
      workload: k.workload,
      case: `${backend} ${k.label}`,
      unit: 'events/s',
      hoi: measure(hoi!),
      baseline: { name: 'raw minimal', measure: measure(minimal!) },
      others: others.map((c) => ({ name: c.appender.name, measure: measure(c), ratio: measure(hoi!).rate / Math.max(1e-9, measure(c).rate) })),
      target: '≥ 0.9 of raw minimal; ≥ 3× the peer',
      note: `${note}${conflicts === '' ? '' : `; conflicts retried: ${conflicts}`}${failures === '' ? '' : `; ${failures}`}`,
    },
    (r) => (r.ratio ?? 0) >= 0.9 && peer.every((c) => measure(hoi!).rate >= 3 * measure(c).rate),
  )
}

/** The hoi-schema raw appender of w1, behind the same interface (SQLite only). */
const rawHoiSchema = (file: string): Appender => {
  const raw = rawAppender(file)
  let reader: ReturnType<typeof rawStreamReader> | undefined
  return {
    name: 'raw hoi-schema',
    append: (s, events, expected) => {
      try {
        return raw.append(s, events, expected)
      } catch (e) {
        if (/raw: .* is at/u.test((e as Error).message)) throw new Conflict(s)
        throw e
      }
    },
    read: (s) => (reader ??= rawStreamReader(file)).read(s).length,
    revision: () => {
      throw new Error('the hoi-schema baseline takes no part in conflict cases')
    },
    close: () => {
      reader?.close()
      raw.close()
    },
  }
}

type Backend = { readonly name: string; open(): Promise<{ contenders: Contender[]; cleanup: () => Promise<void> }>; readonly cases: ReadonlyArray<Case>; readonly note: string }

type Opener = readonly [tag: number, open: (place: string) => Appender | Promise<Appender>]

/**
 * A backend's contenders, each opened on its own fresh place (file or database) with its tag:
 * hoi (1), the minimal raw schema (2), raw on hoi's schema (3), the emmett peer (4).
 */
const opened = async (
  places: ReadonlyArray<string>,
  openers: ReadonlyArray<Opener>,
  cleanup: (places: ReadonlyArray<string>) => Promise<void>,
): Promise<{ contenders: Contender[]; cleanup(): Promise<void> }> => {
  const contenders: Contender[] = []
  for (const [i, [tag, open]] of openers.entries()) contenders.push(contender(await open(places[i]!), tag))
  return { contenders, cleanup: () => cleanup(places) }
}

const sqliteBackend = (): Backend => ({
  name: 'SQLite',
  note: 'WAL + synchronous=FULL for hoi and both raw baselines; emmett-sqlite with its own settings (node-sqlite3, WAL, its default connection per call: its shared-connection mode failed here with SQLITE_BUSY)',
  cases: [
    { workload: 'W1', label: 'c=1, 1 event/append, 10,000 streams', batch: 1, writers: 1, streams: 10_000, hot: false },
    { workload: 'W2', label: 'c=1, 10 events/append', batch: 10, writers: 1, streams: 10_000, hot: false },
    { workload: 'W2', label: 'c=1, 100 events/append', batch: 100, writers: 1, streams: 10_000, hot: false },
  ],
  open: () =>
    opened(
      ['st-hoi', 'st-min', 'st-hoischema', 'st-emmett'].map(freshDb),
      [
        [1, (f) => hoiStore(`sqlite:${f}`)],
        [2, minimalSqlite],
        [3, rawHoiSchema],
        [4, emmettSqlite],
      ],
      async (files) => files.forEach(removeDb),
    ),
})

const postgresBackend = (base: string): Backend => ({
  name: 'PostgreSQL',
  note: 'PostgreSQL 15 on this machine, synchronous_commit on; each contender in its own fresh database',
  cases: [
    { workload: 'W1', label: 'c=1, 1 event/append, 10,000 streams', batch: 1, writers: 1, streams: 10_000, hot: false },
    { workload: 'W1', label: 'c=8, 1 event/append, 10,000 streams', batch: 1, writers: 8, streams: 10_000, hot: false },
    { workload: 'W2', label: 'c=8, 10 events/append', batch: 10, writers: 8, streams: 10_000, hot: false },
    { workload: 'W2', label: 'c=1, 100 events/append', batch: 100, writers: 1, streams: 10_000, hot: false },
    { workload: 'W3', label: 'hot: 8 writers on 10 streams, retry on conflict', batch: 1, writers: 8, streams: 10, hot: true },
  ],
  open: async () =>
    opened(
      await Promise.all(['hoi', 'min', 'emmett'].map((n) => freshPgDb(base, `hoi_bench_${n}`))),
      [
        [1, hoiStore],
        [2, (url) => minimalPostgres(url, 8)],
        [4, emmettPostgres],
      ],
      async () => undefined,
    ),
})

/** W4: one 10,000-event stream read whole (cold: a fresh read each time), contenders interleaved. */
const readRow = async (backend: Backend, all: ReadonlyArray<Contender>, quick: boolean, o: Options): Promise<Row> => {
  const length = quick ? 1_000 : 10_000
  const streamId = 'club-w4-long'
  let cs = all
  for (const c of cs) {
    let rev = -1
    try {
      for (let i = 0; i < length; i += 500) rev = await c.appender.append(streamId, eventsFor(c, Math.min(500, length - i)), rev)
    } catch (e) {
      if (!c.appender.name.startsWith('emmett')) throw e
      c.failed = e instanceof Error ? e.message : String(e)
    }
  }
  cs = cs.filter((c) => c.failed === undefined)
  o.log(`${backend.name} W4: ${length}-event stream written by every contender`)
  const loads = quick ? 5 : 30
  const lat = new Map(cs.map((c) => [c, new Latencies(loads)]))
  for (let i = 0; i < loads; i++) {
    for (const c of cs) {
      const t0 = performance.now()
      const n = await c.appender.read(streamId)
      lat.get(c)!.add(performance.now() - t0)
      if (n !== length) throw new Error(`${c.appender.name} read ${n} events, expected ${length}`)
    }
  }
  // a read's rate is events per second over the median load
  const m = (c: Contender): Measure => {
    const l = lat.get(c)!
    return { ops: length * loads, seconds: (l.percentile(50) * loads) / 1000, rate: length / (l.percentile(50) / 1000), p50Ms: l.percentile(50), p99Ms: l.percentile(99), peakRssMb: c.rss.mb }
  }
  const [hoi, minimal, ...others] = cs
  return rowOf(
    {
      workload: 'W4',
      case: `${backend.name} read one ${length.toLocaleString('en-US')}-event stream (readStream; raw: SELECT + JSON.parse of data and metadata)`,
      unit: 'events/s',
      hoi: m(hoi!),
      baseline: { name: 'raw minimal', measure: m(minimal!) },
      others: others.map((c) => ({ name: c.appender.name, measure: m(c), ratio: m(hoi!).rate / m(c).rate })),
      target: '≥ 0.9 of raw SELECT + JSON.parse',
    },
    (r) => (r.ratio ?? 0) >= 0.9,
  )
}

/** true, or why the PostgreSQL rows cannot run here */
const hoiPostgresAvailable = async (base: string): Promise<true | string> => {
  if (!(await pgReachable(base))) return 'did not answer'
  try {
    const hoi = await hoiStore(await freshPgDb(base, 'hoi_bench_probe'))
    await hoi.close()
    return true
  } catch (e) {
    return `answered, but hoi's store could not open it (${e instanceof Error ? e.message : String(e)})`
  }
}

export const runStores = async (o: Options): Promise<Row[]> => {
  const rounds = o.quick ? 1 : 4
  const sliceMs = o.quick ? 400 : 2500
  const rows: Row[] = []
  const backends: Backend[] = [sqliteBackend()]
  const base = pgBaseUrl()
  const pgStore = await hoiPostgresAvailable(base)
  if (pgStore === true) backends.push(postgresBackend(base))
  else o.log(`PostgreSQL at ${base.replace(/\/\/[^@]*@/u, '//…@')} ${pgStore}: its rows are skipped (set HOI_BENCH_PG_URL)`)
  for (const b of backends) {
    for (const k of b.cases) {
      o.log(`${b.name} ${k.workload} ${k.label}: ${rounds} rounds of ${sliceMs} ms per contender`)
      const { contenders, cleanup } = await b.open()
      const cs = k.hot ? contenders.filter((c) => c.appender.name !== 'raw hoi-schema') : contenders
      try {
        await race(k, cs, rounds, sliceMs)
      } finally {
        await Promise.all(contenders.map(async (c) => c.appender.close()))
        await cleanup()
      }
      const row = rowFor(k, b.name, cs, b.note)
      rows.push(row)
      o.emit(row)
    }
    const { contenders, cleanup } = await b.open()
    try {
      const row = await readRow(b, contenders, o.quick, o)
      rows.push(row)
      o.emit(row)
    } finally {
      await Promise.all(contenders.map(async (c) => c.appender.close()))
      await cleanup()
    }
  }
  return rows
}
