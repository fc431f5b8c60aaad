import type { SqliteStore } from '../sqlite.js'
import type { ViewEngine } from '../views.js'
import { sqliteDriver } from './driver.js'
import { openDriverViews, type SqlViewsOptions } from './engine.js'

/** The view engine of a SQLite store: view tables and checkpoints in the store's own file. */
export const openSqliteViews = (store: SqliteStore, opts: SqlViewsOptions = {}): Promise<ViewEngine> => openDriverViews(store, sqliteDriver(store.db), opts)
