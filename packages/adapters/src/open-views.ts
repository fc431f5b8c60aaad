import { openMemoryViews } from './memory-views.js'
import type { PostgresStore } from './postgres.js'
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
      const { openSqliteViews } = await import('./projector/sqlite.js')
      return openSqliteViews(store as SqliteStore, opts)
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
