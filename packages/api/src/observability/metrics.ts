import type { EventStore } from '@hoi/adapters'
import { Gauge, Histogram, Registry } from 'prom-client'

/** Seconds, from well under a millisecond (a cached read) to a slow fsync under load. */
const BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]

export type ViewState = {
  /** events in the log not yet applied to the views, or null when the store's positions are not dense (only "caught up" is known) */
  readonly lag: () => Promise<number | null>
  readonly parked: () => Promise<number>
}

/**
 * The server's Prometheus metrics, in a registry of its own (several apps may share a process):
 * command latency by type and outcome, store append and read latency, view lag, parked events.
 */
export class Metrics {
  readonly registry = new Registry()
  readonly commands = new Histogram({
    name: 'hoi_command_duration_seconds',
    help: 'Commands over HTTP, from decoding to the answer, by command type and outcome',
    labelNames: ['command', 'outcome'] as const,
    buckets: BUCKETS,
    registers: [this.registry],
  })
  readonly store = new Histogram({
    name: 'hoi_store_operation_duration_seconds',
    help: 'Event store calls by operation (append, appendMany, readStream, readPage, eventsOfCommand, streamRevision, head)',
    labelNames: ['operation', 'kind'] as const,
    buckets: BUCKETS,
    registers: [this.registry],
  })

  constructor(views: ViewState) {
    new Gauge({
      name: 'hoi_view_lag_events',
      help: 'Events in the log not yet in the views (positions behind the log head); absent when the store cannot count them',
      registers: [this.registry],
      async collect() {
        this.reset()
        const lag = await views.lag()
        if (lag !== null) this.set(lag)
      },
    })
    new Gauge({
      name: 'hoi_parked_events',
      help: 'Events the projections could not apply and set aside (see `hoi parked`)',
      registers: [this.registry],
      async collect() {
        this.set(await views.parked())
      },
    })
  }
}

/** How a command ended, as a metric label: its HTTP status class or the problem it was refused with. */
export const outcomeOf = (status: number): string => (status < 300 ? 'stored' : status === 422 ? 'refused' : status === 409 ? 'conflict' : status < 500 ? 'invalid' : 'error')

/** The store with every call timed into `hoi_store_operation_duration_seconds`; behaviour unchanged. */
export const timedStore = (store: EventStore, h: Histogram<'operation' | 'kind'>): EventStore => {
  const time = async <T>(operation: string, run: () => Promise<T>): Promise<T> => {
    const end = h.startTimer({ operation, kind: store.kind })
    try {
      return await run()
    } finally {
      end()
    }
  }
  // an iterable is timed from the first request to the last event (or the error)
  async function* timedIterable<T>(operation: string, source: () => AsyncIterable<T>): AsyncIterable<T> {
    const end = h.startTimer({ operation, kind: store.kind })
    try {
      yield* source()
    } finally {
      end()
    }
  }
  const restore = store.restoreEvents?.bind(store)
  return {
    kind: store.kind,
    url: store.url,
    capabilities: store.capabilities,
    append: (streamId, events, expected) => time('append', () => store.append(streamId, events, expected)),
    appendMany: (items) => time('appendMany', () => store.appendMany(items)),
    importEvents: (items) => time('importEvents', () => store.importEvents(items)),
    readStream: (streamId, opts) => timedIterable('readStream', () => store.readStream(streamId, opts)),
    readAll: (opts) => timedIterable('readAll', () => store.readAll(opts)),
    readPage: (after, limit) => time('readPage', () => store.readPage(after, limit)),
    eventsOfCommand: (commandId) => time('eventsOfCommand', () => store.eventsOfCommand(commandId)),
    streamRevision: (streamId) => time('streamRevision', () => store.streamRevision(streamId)),
    head: () => time('head', () => store.head()),
    close: () => store.close(),
    ...(restore === undefined ? {} : { restoreEvents: (events) => time('restoreEvents', () => restore(events)) }),
  }
}
