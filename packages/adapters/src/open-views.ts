import { createHash } from 'node:crypto'
import { resolve } from 'node:path'
import { openMemoryViews } from './memory-views.js'
import type { PostgresStore } from './postgres.js'
import type { SqliteStore } from './sqlite.js'
import type { EventStore } from './store.js'
import type { ViewEngine } from './views.js'
import type { SqlDriver } from './projector/driver.js'
import type { SqlViewsOptions } from './projector/engine.js'

export type OpenViewsOptions = SqlViewsOptions & {
  /**
   * Where the view tables of a store that cannot hold them (KurrentDB) live: `sqlite:PATH` or a
   * `postgres://` URL. Without it such a store is served by the reference fold in memory, which
   * folds the whole log at every start. SQLite and PostgreSQL stores keep their views in their own
   * database and ignore it.
   */
  readonly viewsAt?: string
}

/**
 * The view engine of a store: the one place that chooses it. SQLite and PostgreSQL keep view
 * tables in the store's own database (PostgreSQL through the store's pool); a KurrentDB store
 * keeps them in the database `viewsAt` names; the memory store is served by the reference fold.
 */
export const openViews = async (store: EventStore, opts: OpenViewsOptions = {}): Promise<ViewEngine> => {
  const { viewsAt, ...sql } = opts
  switch (store.kind) {
    case 'sqlite': {
      const { openSqliteViews } = await import('./projector/sqlite.js')
      return openSqliteViews(store as SqliteStore, sql)
    }
    case 'postgres': {
      const { openPostgresViews } = await import('./projector/postgres.js')
      const pgStore = store as PostgresStore
      return openPostgresViews(pgStore, pgStore.pool, sql)
    }
    default:
      return viewsAt === undefined ? openMemoryViews(store, sql.policy === undefined ? {} : { policy: sql.policy }) : openViewsApart(store, viewsAt, sql)
  }
}

/** The views of one store only: a views database records the store it was built from and refuses another. */
const ORIGIN_TABLE = 'hoi_views_origin'
const originOf = (store: EventStore): string => createHash('sha256').update(store.url).digest('hex')

const claimFor = async (driver: SqlDriver, store: EventStore, where: string): Promise<void> => {
  await driver.exec(`CREATE TABLE IF NOT EXISTS ${ORIGIN_TABLE} (store_hash TEXT NOT NULL)`)
  const [row] = await driver.all<{ store_hash: string }>(`SELECT store_hash FROM ${ORIGIN_TABLE}`)
  if (row === undefined) await driver.transaction([[{ sql: `INSERT INTO ${ORIGIN_TABLE} (store_hash) VALUES (?)`, params: [originOf(store)] }]])
  else if (row.store_hash !== originOf(store)) throw new Error(`The views in ${where} were built from another store than ${store.url}: give this store a views database of its own (HOI_VIEWS)`)
}

/** View tables in a database of their own, the runner reading the log through the store. */
const openViewsApart = async (store: EventStore, viewsAt: string, opts: SqlViewsOptions): Promise<ViewEngine> => {
  const { openDriverViews } = await import('./projector/engine.js')
  if (viewsAt.startsWith('sqlite:')) {
    const file = resolve(viewsAt.slice('sqlite:'.length).replace(/^\/\/(?=\/|\.)/u, ''))
    const { createPrivately, refuseKernelFiles } = await import('./files.js')
    const { sqliteDriver } = await import('./projector/driver.js')
    const { default: Database } = await import('better-sqlite3')
    refuseKernelFiles(file)
    createPrivately(file)
    const db = new Database(file, { timeout: 5000 })
    try {
      db.pragma('journal_mode = WAL')
      // the views are derived: a page lost to a power cut is applied again from the checkpoint
      db.pragma('synchronous = NORMAL')
      const driver = sqliteDriver(db, { log: false })
      await claimFor(driver, store, file)
      const engine = await openDriverViews(store, driver, opts)
      return {
        ...engine,
        close: async () => {
          await engine.close()
          db.close()
        },
      }
    } catch (e) {
      db.close()
      throw new Error(`Cannot open the views database ${file}: ${e instanceof Error ? e.message : String(e)}`, { cause: e })
    }
  }
  if (/^postgres(ql)?:\/\//iu.test(viewsAt)) {
    const { default: pg } = await import('pg')
    const { openPostgresViews, postgresDriver } = await import('./projector/postgres.js')
    const pool = new pg.Pool({ connectionString: viewsAt, max: 4 })
    pool.on('error', () => undefined)
    try {
      await claimFor(postgresDriver(pool), store, 'the PostgreSQL views database')
      const engine = await openPostgresViews(store, pool, opts)
      return {
        ...engine,
        close: async () => {
          await engine.close()
          await pool.end()
        },
      }
    } catch (e) {
      await pool.end().catch(() => undefined)
      throw e
    }
  }
  throw new Error(`Unsupported views URL ${JSON.stringify(viewsAt)}: use sqlite:PATH or postgres://user@host:port/database`)
}
