import { fork } from 'node:child_process'
import { loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { follow, openStore, openViews, type AppendItem, type EventStore } from '@hoi/adapters'
import { Association, Member } from '@hoi/domain'
import { freshDb, removeDb } from './env.js'
import type { Options } from './options.js'
import { freshPgDb, pgBaseUrl, pgReachable } from './pg.js'
import { associationFounded } from './province.js'
import { counterId, dayOf, memberAdmitted, metadataOf, rng } from './gen.js'
import { Latencies, RssPeak, type Row } from './stats.js'

/** Events per second the other writer appends, in one transaction every TICK_MS. */
const RATE = 1000
const TICK_MS = 50
const ASSOCIATION = 'w6-nct'
/** How long the follower may take to reach the last commit once the writer stops. */
const DRAIN_MS = 30_000
/** How often the measuring probe asks the follower's views how far they are. */
const PROBE_MS = 10

/** A commit of the writer: the position it reached, when (ms, this machine's clock) and how many events. */
type Commit = { readonly position: number; readonly at: number; readonly events: number }
type FromWriter = { kind: 'commit'; commit: Commit } | { kind: 'done'; seconds: number } | { kind: 'failed'; message: string }

const clock = (): number => performance.timeOrigin + performance.now()

/** The other writer, in a process of its own: admissions at RATE events/s for `seconds`, each commit reported. */
const writer = async (url: string, seconds: number): Promise<void> => {
  const send = (m: FromWriter): Promise<void> => new Promise((resolve) => (process.send === undefined ? resolve() : process.send(m, undefined, {}, () => resolve())))
  const store = await openStore(url)
  try {
    const r = rng(6)
    const perTick = Math.max(1, Math.round((RATE * TICK_MS) / 1000))
    const t0 = performance.now()
    let n = 0
    for (let tick = 0; performance.now() - t0 < seconds * 1000; tick++) {
      const wait = t0 + tick * TICK_MS - performance.now()
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
      const items: AppendItem[] = []
      for (let i = 0; i < perTick; i++) {
        const id = `w6-${process.pid}-${++n}`
        const on = dayOf(5500 + (n % 300))
        items.push({
          streamId: Member.streamId(id),
          expected: 'no-stream',
          events: [{ eventId: counterId(n + 1e9), type: 'MemberAdmitted', schemaVersion: 1, data: memberAdmitted(r, id, ASSOCIATION, on), metadata: metadataOf(`w6-${id}`, on) }],
        })
      }
      const done = await store.appendMany(items)
      const at = clock()
      if (done._tag === 'Left') throw new Error(`append failed: ${JSON.stringify(done.left)}`)
      void send({ kind: 'commit', commit: { position: done.right[done.right.length - 1]!.position, at, events: perTick } })
    }
    await send({ kind: 'done', seconds: (performance.now() - t0) / 1000 })
  } catch (e) {
    await send({ kind: 'failed', message: e instanceof Error ? e.message : String(e) })
  } finally {
    await store.close()
  }
}

/** The founding the admissions need, written before the follower opens its views. */
const seed = async (store: EventStore): Promise<void> => {
  const founded = associationFounded(ASSOCIATION, 'commune', '12.105.03', dayOf(5000))
  const r = await store.append(
    Association.streamId(ASSOCIATION),
    [{ eventId: counterId(1), type: founded.type, schemaVersion: 1, data: founded.data, metadata: metadataOf('w6-seed', dayOf(5000)) }],
    'no-stream',
  )
  if (r._tag === 'Left') throw new Error(`seeding failed: ${JSON.stringify(r.left)}`)
}

/**
 * One case: this process follows the store with its view engine while another process appends;
 * each commit's lag is from the writer's commit to the end of the catch-up transaction that made
 * it visible in this process's views.
 */
const measure = async (url: string, label: string, pollMs: number, o: Options): Promise<Row> => {
  const store = await openStore(url)
  await seed(store)
  const views = await openViews(store)
  await views.catchUp()
  const rss = new RssPeak()
  // visible: at or below the views' snapshot position (the lowest checkpoint), as a reader sees it;
  // a catch-up commits page by page and returns only at the head, so the probe looks every PROBE_MS
  const reached: Array<{ position: number; at: number }> = []
  const seen = (position: number): void => {
    const at = clock()
    if (position > (reached[reached.length - 1]?.position ?? 0)) reached.push({ position, at })
  }
  let reports = 0
  const f = await follow(store, views, {
    pollMs,
    onReached: (position) => {
      reports++
      seen(position)
      rss.sample()
    },
    onError: (e) => o.log(`w6 ${label}: ${e.message}`),
  })
  let probing = false
  const probe = setInterval(() => {
    if (probing) return
    probing = true
    views
      .status()
      .then(
        (s) => seen(s.position),
        () => undefined,
      )
      .finally(() => {
        probing = false
      })
  }, PROBE_MS)
  const commits: Commit[] = []
  const seconds = o.durationSec
  try {
    const wrote = await new Promise<number>((resolve, reject) => {
      const proc = fork(fileURLToPath(import.meta.url), ['--w6-writer', url, String(seconds)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
      let failed: string | undefined
      let done: number | undefined
      proc.on('message', (m: FromWriter) => {
        if (m.kind === 'commit') commits.push(m.commit)
        else if (m.kind === 'done') done = m.seconds
        else failed = m.message
      })
      proc.on('exit', (code) => (done !== undefined && failed === undefined ? resolve(done) : reject(new Error(`the writer process failed: ${failed ?? `code ${code}`}`))))
    })
    const last = commits[commits.length - 1]?.position ?? 0
    const deadline = performance.now() + DRAIN_MS
    while ((reached[reached.length - 1]?.position ?? 0) < last) {
      if (performance.now() > deadline) throw new Error(`w6 ${label}: the follower did not reach position ${last} within ${DRAIN_MS} ms`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    // each commit is visible from the first catch-up that reached its position
    const lags = new Latencies(Math.max(1, commits.length))
    let j = 0
    for (const c of commits) {
      while (reached[j]!.position < c.position) j++
      lags.add(Math.max(0, reached[j]!.at - c.at))
    }
    const events = commits.reduce((s, c) => s + c.events, 0)
    const [load1] = loadavg()
    return {
      workload: 'W6',
      case: label,
      unit: 'events/s',
      hoi: { ops: events, seconds: wrote, rate: events / wrote, p50Ms: lags.percentile(50), p99Ms: lags.percentile(99), peakRssMb: rss.mb },
      note: `rate: events appended by the other process; p50/p99: commit-to-visible lag over ${commits.length.toLocaleString('en-US')} commits of ${Math.round((RATE * TICK_MS) / 1000)} events, ${reports.toLocaleString('en-US')} position reports of the follower (pages and catch-ups), visibility probed every ${PROBE_MS} ms; load average ${load1!.toFixed(1)}`,
    }
  } finally {
    clearInterval(probe)
    await f.stop()
    await views.close()
    await store.close()
  }
}

/** W6: commit-to-visible lag of a follower while another process appends ~1k events/s: SQLite polled, PostgreSQL notified. */
export const runW6 = async (o: Options): Promise<Row[]> => {
  const rows: Row[] = []
  const run = async (url: string, label: string, pollMs: number): Promise<void> => {
    const row = await measure(url, label, pollMs, o)
    o.emit(row)
    rows.push(row)
  }
  for (const pollMs of [500, 50]) {
    const file = freshDb('w6')
    try {
      await run(`sqlite:${file}`, `SQLite, polling every ${pollMs} ms`, pollMs)
    } finally {
      removeDb(file)
    }
  }
  const base = pgBaseUrl()
  if (!(await pgReachable(base))) {
    o.log(`w6: PostgreSQL rows skipped: ${base} does not answer (set HOI_BENCH_PG_URL)`)
    return rows
  }
  await run(await freshPgDb(base, 'hoi_bench_w6'), 'PostgreSQL, LISTEN/NOTIFY (safety poll 30 s)', 500)
  return rows
}

if (process.argv[2] === '--w6-writer') {
  writer(process.argv[3]!, Number(process.argv[4])).then(
    () => process.disconnect?.(),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`)
      process.exitCode = 1
    },
  )
}
