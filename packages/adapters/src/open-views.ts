import { openMemoryViews } from './memory-views.js'
import { sealingOf } from './personal/sealed.js'
import type { SqliteStore } from './sqlite.js'
import type { EventStore } from './store.js'
import type { ViewEngine } from './views.js'
import type { SqlViewsOptions } from './projector/engine.js'

/**
 * The view engine of a store: the one place that chooses it. SQLite keeps view tables in the
 * store's own database; the others are served by the reference fold for now (the table engine
 * runs on PostgreSQL through openPostgresViews with the store's pool, not yet wired to its store).
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
    default:
      return openMemoryViews(store)
  }
}
