import { openSqliteViews } from '@hoi/adapters'
import { openSqlite } from '@hoi/adapters/sqlite'
import { freshDb, removeDb } from './env.js'
import type { Options } from './options.js'
import { provinceLog } from './province.js'
import { openRawDb } from './raw.js'
import { breathe, collect, Latencies, RssPeak, rowOf, type Measure, type Row } from './stats.js'

const PAGE = 5000

/** The log written as the store writes it, in big transactions (building the input is not what is measured). */
export const writeLog = (file: string, total: number, o: Options, label = 'w5'): number => {
  const { events } = provinceLog(total)
  const db = openRawDb(file)
  const ins = db.prepare('INSERT INTO events (position, event_id, stream_id, revision, type, schema_version, data, metadata, command_id, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
  const tx = db.transaction((from: number) => {
    for (let i = from; i < Math.min(events.length, from + 50_000); i++) {
      const e = events[i]!
      ins.run(e.position, e.eventId, e.streamId, e.revision, e.type, 1, JSON.stringify(e.data), JSON.stringify(e.metadata), e.metadata.commandId, e.metadata.recordedAt)
    }
  })
  for (let i = 0; i < events.length; i += 50_000) tx(i)
  db.close()
  o.log(`${label}: wrote ${events.length.toLocaleString('en-US')} events`)
  return events.length
}

/** The floor: every row of the log read in pages and its data JSON-parsed, nothing kept. */
const readAndParse = (file: string, n: number): Measure => {
  const db = openRawDb(file, true)
  const sel = db.prepare('SELECT position, data FROM events WHERE position > ? ORDER BY position LIMIT ?').raw()
  const lat = new Latencies()
  const rss = new RssPeak()
  collect()
  const t0 = performance.now()
  let after = 0
  let sum = 0
  for (;;) {
    const t = performance.now()
    const rows = sel.all(after, PAGE) as Array<[number, string]>
    if (rows.length === 0) break
    for (const r of rows) sum += (JSON.parse(r[1]) as object) === null ? 0 : 1
    after = rows[rows.length - 1]![0]
    lat.add(performance.now() - t)
    rss.sample()
  }
  const seconds = (performance.now() - t0) / 1000
  db.close()
  if (sum !== n) throw new Error(`read ${sum} of ${n} events`)
  return { ops: n, seconds, rate: n / seconds, p50Ms: lat.percentile(50), p99Ms: lat.percentile(99), peakRssMb: rss.mb }
}

/** W5: every projection built into its tables from the whole log (what opening a store without views does, and `rebuild`). */
export const runW5 = async (o: Options): Promise<Row[]> => {
  const total = o.quick ? 200_000 : 1_000_000
  const file = freshDb('w5')
  try {
    const n = writeLog(file, total, o)
    await breathe()
    const baseline = { name: 'read+parse', measure: readAndParse(file, n) }
    await breathe()
    const store = openSqlite(file)
    const lat = new Latencies()
    const rss = new RssPeak()
    let last = performance.now()
    const t0 = performance.now()
    await openSqliteViews(store, {
      onProgress: () => {
        const now = performance.now()
        lat.add(now - last)
        last = now
        rss.sample()
      },
    })
    const seconds = (performance.now() - t0) / 1000
    await store.close()
    const hoi: Measure = { ops: n, seconds, rate: n / seconds, p50Ms: lat.percentile(50), p99Ms: lat.percentile(99), peakRssMb: rss.mb }
    const row = rowOf(
      {
        workload: 'w5',
        case: `build every view's tables from ${n.toLocaleString('en-US')} events (SQLite, same file)`,
        unit: 'events/s',
        hoi,
        baseline,
        target: '≥ 0.5 × read+parse, peak RSS ≤ 512 MiB',
        note: `p50/p99 per ${PAGE.toLocaleString('en-US')}-event page (one transaction each); the readers' indexes are built at the end`,
      },
      (r) => (r.ratio ?? 0) >= 0.5 && r.hoi.peakRssMb <= 512,
    )
    o.emit(row)
    return [row]
  } finally {
    removeDb(file)
  }
}
