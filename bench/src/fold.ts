import { aggregates, type AggregateName, type DomainEvent, type RecordedEvent } from '@hoi/domain'
import { applyAll, emptyModel } from '@hoi/projections'
import { associationStream, clubStream, provinceLog } from './province.js'
import { breathe, collect, Latencies, RssPeak, rowOf, type Measure, type Row } from './stats.js'
import type { Options } from './options.js'

type Recorded = RecordedEvent<DomainEvent>
const CHUNK = 10_000

/**
 * The limit of folding: a hand-written loop that keeps what the registry and roster need of a
 * member (association, admission, leaving) in Maps, with a switch on the type — no envelopes
 * checks, no dated histories.
 */
const rawFold = (chunks: ReadonlyArray<ReadonlyArray<Recorded>>, lat: Latencies, rss: RssPeak): number => {
  type M = { associationId: string; admittedOn: string; category: string; leftOn: string | undefined }
  const members = new Map<string, M>()
  const perAssociation = new Map<string, number>()
  let other = 0
  for (const chunk of chunks) {
    const t0 = performance.now()
    for (const e of chunk) {
      const d = e.data as Record<string, string>
      switch (e.type) {
        case 'MemberAdmitted': {
          const a = d['associationId']!
          members.set(d['memberId']!, { associationId: a, admittedOn: d['admittedOn']!, category: d['category']!, leftOn: undefined })
          perAssociation.set(a, (perAssociation.get(a) ?? 0) + 1)
          break
        }
        case 'MemberResigned':
        case 'MemberDeceased':
        case 'MemberStruckOff': {
          const m = members.get(d['memberId']!)
          if (m !== undefined && m.leftOn === undefined) m.leftOn = d['resignedOn'] ?? d['diedOn'] ?? d['struckOffOn']
          break
        }
        case 'MemberCategoryChanged': {
          const m = members.get(d['memberId']!)
          if (m !== undefined) m.category = d['category']!
          break
        }
        default:
          other++
      }
    }
    lat.add(performance.now() - t0)
    rss.sample()
  }
  return members.size + perAssociation.size + other
}

const projectionFold = (chunks: ReadonlyArray<ReadonlyArray<Recorded>>, lat: Latencies, rss: RssPeak): number => {
  const model = emptyModel()
  for (const chunk of chunks) {
    const t0 = performance.now()
    applyAll(model, chunk)
    lat.add(performance.now() - t0)
    rss.sample()
  }
  return model.members.size
}

type Stream = { readonly evolve: (s: unknown, e: DomainEvent) => unknown; readonly initial: unknown; readonly events: DomainEvent[] }

/** The log cut into streams, each with its aggregate's decider: what loading every aggregate folds. */
const streamsOf = (events: ReadonlyArray<Recorded>): Stream[] => {
  const byStream = new Map<string, Stream>()
  for (const e of events) {
    let s = byStream.get(e.streamId)
    if (s === undefined) {
      const decider = aggregates[e.streamId.slice(0, e.streamId.indexOf('-')) as AggregateName].decider
      byStream.set(e.streamId, (s = { evolve: decider.evolve, initial: decider.initialState, events: [] }))
    }
    s.events.push({ type: e.type, data: e.data } as DomainEvent)
  }
  return [...byStream.values()]
}

const deciderFold = (streams: ReadonlyArray<Stream>, lat: Latencies, rss: RssPeak): number => {
  let live = 0
  let inChunk = 0
  let t0 = performance.now()
  for (const s of streams) {
    let state = s.initial
    for (const e of s.events) state = s.evolve(state, e)
    if ((state as { status: string }).status !== 'none') live++
    inChunk += s.events.length
    if (inChunk >= CHUNK) {
      lat.add(performance.now() - t0)
      rss.sample()
      inChunk = 0
      t0 = performance.now()
    }
  }
  return live
}

/** Runs `f` `reps` times (after one warm-up); the rate is the median run's. */
const timed = (ops: number, reps: number, f: (lat: Latencies, rss: RssPeak) => number): Measure => {
  f(new Latencies(), new RssPeak())
  const lat = new Latencies()
  const rss = new RssPeak()
  const secs: number[] = []
  for (let i = 0; i < reps; i++) {
    collect()
    const t0 = performance.now()
    f(lat, rss)
    secs.push((performance.now() - t0) / 1000)
  }
  secs.sort((a, b) => a - b)
  const median = secs[Math.floor(secs.length / 2)]!
  return { ops, seconds: median, rate: ops / median, p50Ms: lat.percentile(50), p99Ms: lat.percentile(99), peakRssMb: rss.mb }
}

/** The province log: raw loop, applyAll, and every stream's evolve. Its arrays die with this call. */
const logRows = async (o: Options, total: number, reps: number): Promise<{ rows: Row[]; baseline: { name: string; measure: Measure } }> => {
  const t0 = performance.now()
  const { events } = provinceLog(total)
  const chunks: Recorded[][] = []
  for (let i = 0; i < events.length; i += CHUNK) chunks.push(events.slice(i, i + CHUNK))
  const admitted = events.reduce((n, e) => n + (e.type === 'MemberAdmitted' ? 1 : 0), 0)
  o.log(`fold: built ${events.length.toLocaleString('en-US')} events (${((100 * admitted) / events.length).toFixed(1)} % MemberAdmitted) in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  await breathe()
  const baseline = { name: 'raw Map', measure: timed(events.length, reps, (lat, rss) => rawFold(chunks, lat, rss)) }
  const note = `p50/p99 are per ${CHUNK.toLocaleString('en-US')}-event chunk; rate from the median of ${reps} runs`
  const rows: Row[] = []
  await breathe()
  rows.push(
    rowOf(
      {
        workload: 'fold',
        case: `projections applyAll (mutable), ${events.length.toLocaleString('en-US')} events`,
        unit: 'events/s',
        hoi: timed(events.length, reps, (lat, rss) => projectionFold(chunks, lat, rss)),
        baseline,
        target: '≥ 10M events/s',
        note,
      },
      (r) => r.hoi.rate >= 10e6,
    ),
  )
  o.emit(rows[rows.length - 1]!)
  await breathe()
  const streams = streamsOf(events)
  rows.push(
    rowOf(
      {
        workload: 'fold',
        case: `decider evolve (immutable), every stream of the log (${streams.length.toLocaleString('en-US')} streams)`,
        unit: 'events/s',
        hoi: timed(events.length, reps, (lat, rss) => deciderFold(streams, lat, rss)),
        baseline,
        target: '≥ 3M events/s',
        note,
      },
      (r) => r.hoi.rate >= 3e6,
    ),
  )
  o.emit(rows[rows.length - 1]!)
  return { rows, baseline }
}

export const runFold = async (o: Options): Promise<Row[]> => {
  const reps = o.quick ? 3 : 5
  const { rows, baseline } = await logRows(o, o.quick ? 200_000 : 1_000_000, reps)
  // the long streams run on a small heap: with the log still alive, GC would dominate their figures
  for (const [name, build, aggregate] of [
    ['association', associationStream, 'association'],
    ['club', clubStream, 'club'],
  ] as const) {
    const length = 10_000
    const long: Stream[] = [{ evolve: aggregates[aggregate].decider.evolve, initial: aggregates[aggregate].decider.initialState, events: build(`${name}-long`, length).map((d) => d.event) }]
    await breathe()
    const hoi = timed(length, reps, (lat, rss) => {
      const t = performance.now()
      const n = deciderFold(long, new Latencies(), rss)
      lat.add(performance.now() - t)
      return n
    })
    rows.push(
      rowOf(
        {
          workload: 'fold',
          case: `decider evolve (immutable), one ${name} stream of ${length.toLocaleString('en-US')} events`,
          unit: 'events/s',
          hoi,
          baseline,
          target: '≥ 3M events/s',
          note: 'p50/p99 per whole-stream fold; baseline as above',
        },
        (r) => r.hoi.rate >= 3e6,
      ),
    )
    o.emit(rows[rows.length - 1]!)
  }
  return rows
}
