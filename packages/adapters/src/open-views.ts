import { openMemoryViews } from './memory-views.js'
import type { PostgresStore } from './postgres.js'
import { sealingOf } from './personal/sealed.js'
import type { SqliteStore } from './sqlite.js'
import type { EventStore } from './store.js'
import type { ViewEngine } from './views.js'
import type { SqlViewsOptions } from './projector/engine.js'

/**
 * The view engine of a store: the one place that chooses it. SQLite and PostgreSQL keep view
 * tables in the store's own database (PostgreSQL through the store's pool); the memory store and
 * KurrentDB are served by the reference fold.
 */
export const openViews = async (store: EventStore, opts: SqlViewsOptions = {}): Promise<ViewEngine> => {
  switch (store.kind) {
    case 'sqlite': {
      const { openDriverViews } = await import('./projector/engine.js')
      const { sqliteDriver } = await import('./projector/driver.js')
      const driver = sqliteDriver((store as SqliteStore).db)
      const sealing = sealingOf(store)
      const read = driver.readLog
      // the views' fast read of the log opens personal fields like every other reader
      return openDriverViews(store, sealing === undefined || read === undefined ? driver : { ...driver, readLog: async (after, limit) => sealing.open(await read(after, limit)) }, opts)
    }
    case 'postgres': {
      const { openPostgresViews } = await import('./projector/postgres.js')
      const pgStore = store as PostgresStore
      return openPostgresViews(pgStore, pgStore.pool, opts)
    }
    default:
      return openMemoryViews(store)
  }
}
