import { createWriteStream } from 'node:fs'
import { openStore, runBatch, type EventStore } from '@hoi/adapters'
import { demoAuth, startServer, type DemoAuth } from '@hoi/api'
import { freshDb, removeDb } from './env.js'
import { seedCommands } from './seed.js'
import { load, type Job, type LoadResult } from './loadgen.js'
import { breathe, type Measure } from './stats.js'

export const SECRET = 'hoi-bench-secret-of-at-least-32-bytes'

export type Running = {
  readonly store: EventStore
  readonly address: string
  readonly auth: DemoAuth
  readonly events: number
  stop(): Promise<void>
}

/**
 * The API on the embedded SQLite store (WAL, FULL), seeded through the command handler with a
 * modest province (177 associations, `members` members), rate limit off.
 */
export const startHoi = async (name: string, members: number, log: (s: string) => void): Promise<Running> => {
  const file = freshDb(name)
  const store = await openStore(`sqlite:${file}`)
  const items = seedCommands(members)
  const t0 = performance.now()
  const results = await runBatch(store, items)
  const refused = results.filter((r) => r._tag === 'Left')
  if (refused.length > 0) throw new Error(`seeding refused ${refused.length} demo commands; first: ${JSON.stringify(refused[0])}`)
  const events = await store.head()
  log(`${name}: seeded ${items.length.toLocaleString('en-US')} commands → ${events.toLocaleString('en-US')} events in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  const auth = demoAuth(SECRET)
  // HOI_BENCH_LOG=1: with a JSON line per request (to /dev/null), as `hoi serve` logs
  const logger = process.env['HOI_BENCH_LOG'] === '1' ? { logger: { level: 'info' as const, destination: createWriteStream('/dev/null') } } : {}
  if (process.env['HOI_BENCH_LOG'] === '1') log(`${name}: request log lines on (to /dev/null)`)
  const server = await startServer({ store, auth: auth.auth, host: '127.0.0.1', port: 0, rateLimit: false, ...logger })
  return {
    store,
    address: server.address,
    auth,
    events,
    stop: async () => {
      await server.close()
      await store.close()
      removeDb(file)
    },
  }
}

/** Runs a load job from a separate process while sampling this (the server's) process's RSS. */
export const loadWithRss = async (job: Job): Promise<{ result: LoadResult; measure: Measure }> => {
  let peak = process.memoryUsage.rss()
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss())
  }, 100)
  try {
    const result = await load(job)
    return {
      result,
      measure: { ops: result.requests, seconds: result.seconds, rate: result.rate, p50Ms: result.p50Ms, p99Ms: result.p99Ms, peakRssMb: Math.max(peak, process.memoryUsage.rss()) / 1048576 },
    }
  } finally {
    clearInterval(timer)
    await breathe()
  }
}

/** Non-2xx answers, errors or timeouts make a throughput figure meaningless: say so on the row. */
export const problemsOf = (who: string, r: LoadResult): string | undefined => {
  const bad = r.non2xx + r.errors + r.timeouts
  return bad === 0 ? undefined : `${who}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts (status codes ${JSON.stringify(r.statusCodes)})`
}
