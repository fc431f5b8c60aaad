import { openMemoryViews } from './memory-views.js'
import type { SqliteStore } from './sqlite.js'
import type { EventStore } from './store.js'
import type { ViewEngine } from './views.js'
import type { SqlViewsOptions } from './projector/engine.js'

/**
 * The view engine of a store: the one place that chooses it. SQLite (and PostgreSQL) keep view
 * tables in the store's own database; the memory store is served by the reference fold.
 */
export const openViews = async (store: EventStore, opts: SqlViewsOptions = {}): Promise<ViewEngine> => {
  switch (store.kind) {
    case 'sqlite': {
      const { openSqliteViews } = await import('./projector/sqlite.js')
      return openSqliteViews(store as SqliteStore, opts)
    }
    case 'postgres': {
      // the PostgreSQL store keeps its pool public for adapters that share its database
      const pool = (store as { pool?: unknown }).pool
      if (pool === undefined) throw new Error('this PostgreSQL store exposes no pool to keep its views in')
      const { openPostgresViews } = await import('./projector/postgres.js')
      return openPostgresViews(store, pool as import('pg').Pool, opts)
    }
    default:
      return openMemoryViews(store)
  }
}
