import { sealingOf } from '../personal/sealed.js'
import type { SqliteStore } from '../sqlite.js'
import type { ViewEngine } from '../views.js'
import { sqliteDriver } from './driver.js'
import { openDriverViews, type SqlViewsOptions } from './engine.js'

/**
 * The view engine of a SQLite store: view tables and checkpoints in the store's own file. The
 * views' fast read of the log opens personal fields as every other reader of a sealed store does.
 */
export const openSqliteViews = (store: SqliteStore, opts: SqlViewsOptions = {}): Promise<ViewEngine> => {
  const driver = sqliteDriver(store.db)
  const sealing = sealingOf(store)
  const read = driver.readLog
  return openDriverViews(store, sealing === undefined || read === undefined ? driver : { ...driver, readLog: async (after, limit) => sealing.open(await read(after, limit)) }, opts)
}
