import { defaultPolicy, type Policy } from '@hoi/domain'
import { projections, type ProjectionDefinition } from '@hoi/projections'
import { sealingOf } from '../personal/sealed.js'
import type { EventStore } from '../store.js'
import type { EngineStatus, ParkedEvent, Progress, ViewEngine } from '../views.js'
import type { SqlDriver } from './driver.js'
import { sqlReader } from './reader.js'
import { Runner } from './runner.js'
import { PARKED_TABLE, PROJECTIONS_TABLE } from './schema.js'

export type SqlViewsOptions = {
  /** the definitions to run (default: every projection of @hoi/projections) */
  readonly definitions?: ReadonlyArray<ProjectionDefinition>
  /** events per page and transaction (default 5,000) */
  readonly pageSize?: number
  /** the clock that stamps parked events */
  readonly now?: () => Date
  /** progress of a rebuild that opening starts (a definition whose version changed) */
  readonly onProgress?: Progress
  /** the policy the domain decides by: the levels it abolished are not in the units tree from their date (R37; default: defaultPolicy) */
  readonly policy?: Policy
}

/**
 * The driver of a store's views, with the personal fields of the log it reads straight from the
 * store's table opened as every other reader of a sealed store sees them.
 */
export const withSealing = (store: EventStore, driver: SqlDriver): SqlDriver => {
  const sealing = sealingOf(store)
  const read = driver.readLog
  return sealing === undefined || read === undefined ? driver : { ...driver, readLog: async (after, limit) => sealing.open(await read(after, limit)) }
}

/**
 * The table-backed view engine over any SQL driver: views and checkpoints live in the store's
 * own database. Opening creates what is missing and rebuilds the projections whose definition
 * version changed; it does not catch up (call `catchUp`).
 */
export const openDriverViews = async (store: EventStore, driver: SqlDriver, opts: SqlViewsOptions = {}): Promise<ViewEngine> => {
  const defs = opts.definitions ?? projections
  const names = new Set<string>()
  const tables = new Set<string>()
  for (const d of defs) {
    if (names.has(d.name)) throw new Error(`two projections are named ${d.name}`)
    names.add(d.name)
    for (const t of Object.keys(d.tables)) {
      if (tables.has(t)) throw new Error(`table ${t} of projection ${d.name} is declared twice`)
      tables.add(t)
    }
  }
  const runner = new Runner(driver, store, defs, opts.now, opts.pageSize)
  await runner.init(opts.onProgress)
  const reader = sqlReader(runner, store, opts.policy ?? defaultPolicy)
  let closed = false
  const open = (): void => {
    if (closed) throw new Error('the view engine is closed')
  }
  return {
    ...reader,
    catchUp: async (o = {}) => (open(), runner.catchUp(o.onProgress)),
    // this process's own events are in the log already: applying them is a catch-up of a few rows
    committed: async (events) => {
      open()
      if (events.length > 0) await runner.catchUp()
    },
    async status(): Promise<EngineStatus> {
      open()
      const states = await runner.states()
      const [parked] = await driver.all<{ n: number }>(`SELECT count(*) AS n FROM ${PARKED_TABLE} p JOIN ${PROJECTIONS_TABLE} j ON j.name = p.projection AND j.generation = p.generation`)
      const list = defs.map((d) => {
        const s = states.get(d.name)!
        return { name: d.name, version: s.version, position: s.position, state: s.state }
      })
      return { position: Math.min(...list.map((s) => s.position)), head: await store.head(), parked: Number(parked?.n ?? 0), projections: list }
    },
    async parked(limit = 100): Promise<ReadonlyArray<ParkedEvent>> {
      open()
      const rows = await driver.all<Record<string, unknown>>(
        `SELECT p.position, p.projection, p.stream_id, p.type, p.reason, p.parked_at FROM ${PARKED_TABLE} p
         JOIN ${PROJECTIONS_TABLE} j ON j.name = p.projection AND j.generation = p.generation ORDER BY p.position, p.projection LIMIT ?`,
        [Math.max(0, Math.floor(limit))],
      )
      return rows.map((r) => ({
        position: Number(r['position']),
        projection: String(r['projection']),
        streamId: String(r['stream_id']),
        type: String(r['type']),
        reason: String(r['reason']),
        parkedAt: String(r['parked_at']),
      }))
    },
    rebuild: async (which = [], o = {}) => (open(), runner.rebuild(which, o.onProgress)),
    async close() {
      // the store owns the connection; the engine only stops answering
      closed = true
    },
  }
}
