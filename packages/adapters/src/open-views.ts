import { openMemoryViews } from './memory-views.js'
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
      const { openSqliteViews } = await import('./projector/sqlite.js')
      return openSqliteViews(store as SqliteStore, opts)
    }
    default:
      return openMemoryViews(store)
  }
}
