import type { SqliteStore } from '../sqlite.js'
import type { ViewEngine } from '../views.js'
import { sqliteDriver } from './driver.js'
import { openDriverViews, withSealing, type SqlViewsOptions } from './engine.js'

/**
 * The view engine of a SQLite store: view tables and checkpoints in the store's own file. The
 * views' fast read of the log opens personal fields as every other reader of a sealed store does.
 */
export const openSqliteViews = (store: SqliteStore, opts: SqlViewsOptions = {}): Promise<ViewEngine> => openDriverViews(store, withSealing(store, sqliteDriver(store.db)), opts)
