import * as E from 'fp-ts/lib/Either.js'
import pg from 'pg'
import type { RecordedEvent } from '@hoi/domain'
import { pagedAsyncIterable } from './paging-async.js'
import type { UpgradeOutcome } from './chain-upgrade.js'
import type { ImportResult } from './import-check.js'
import { restoreInto, upgradePostgresChain } from './postgres-chain.js'
import { COLUMNS, ensureSchema, rowToRecorded, safeUrl, SchemaRefused, toStoreError } from './postgres-schema.js'
import { plansOf, writeGroup, type Outcome, type Queued } from './postgres-write.js'
import {
  badRecordedAt,
  DEFAULT_PAGE_SIZE,
  StoreErrorException,
  type AppendItem,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type ImportItem,
  type NewEvent,
  type StoreError,
  type StoreOptions,
} from './store.js'

export type PostgresOptions = StoreOptions & {
  /** connections in the pool (default 10) */
  poolSize?: number
  /** how long to wait for a connection before answering StoreUnavailable, ms (default 10,000) */
  connectTimeoutMs?: number
}

/** A group stops growing at this many events; the next calls go into the next transaction. */
const MAX_GROUP_EVENTS = 20_000

type Row = [string, string, string, number, string, number, string, string]

/**
 * A connection taken from the pool. pg emits 'error' on a checked-out connection the server drops,
 * besides failing its query; without a listener that would crash the process, and the failed
 * query already carries the error.
 */
const borrow = async (pool: pg.Pool): Promise<{ client: pg.PoolClient; release: (broken?: Error) => void }> => {
  const client = await pool.connect()
  const ignore = (): void => undefined
  client.on('error', ignore)
  return {
    client,
    release: (broken?: Error) => {
      client.removeListener('error', ignore)
      client.release(broken)
    },
  }
}

const pageSizeOf = (n: number | undefined): number => (n !== undefined && Number.isInteger(n) && n > 0 ? n : DEFAULT_PAGE_SIZE)
const unavailable = (message: string): StoreError => ({ _tag: 'StoreUnavailable', message })

/**
 * The shared-server store: PostgreSQL through a `pg` pool. Positions are allocated under one
 * locked head row per write transaction (postgres-write.ts), so they are dense and in commit
 * order and a reader following the log never skips. Calls that arrive while a transaction is in
 * flight are written together by the next one (group commit); a process has one write
 * transaction at a time, since another would only wait for the head lock.
 */
export class PostgresStore implements EventStore {
  readonly kind = 'postgres' as const
  readonly capabilities = { densePositions: true, atomicMultiStream: true, hashChain: true } as const
  private readonly now: () => Date
  private queue: Queued[] = []
  private draining: Promise<void> | undefined
  private closed = false

  /** `pool`: the store's connections, shared with the view engine whose tables live in the same database */
  constructor(
    readonly url: string,
    readonly pool: pg.Pool,
    opts: StoreOptions = {},
  ) {
    this.now = opts.now ?? (() => new Date())
  }

  async append(streamId: string, events: ReadonlyArray<NewEvent>, expected: ExpectedRevision): Promise<E.Either<StoreError, AppendResult>> {
    const r = await this.appendMany([{ streamId, events, expected }])
    return E.isLeft(r) ? r : E.right(r.right[0]!)
  }

  async appendMany(items: ReadonlyArray<AppendItem>): Promise<E.Either<StoreError, ReadonlyArray<AppendResult>>> {
    return this.enqueue(items, false)
  }

  /** appendMany keeping each event's own recordedAt (hoi migrate) */
  async importEvents(items: ReadonlyArray<ImportItem>): Promise<E.Either<StoreError, ReadonlyArray<AppendResult>>> {
    const bad = badRecordedAt(items)
    return bad !== undefined ? E.left(bad) : this.enqueue(items, true)
  }

  private async enqueue(items: ReadonlyArray<AppendItem>, keepRecordedAt: boolean): Promise<E.Either<StoreError, ReadonlyArray<AppendResult>>> {
    if (this.closed) return E.left(unavailable('the store is closed'))
    if (items.length === 0) return E.right([])
    const planned = plansOf(items)
    if (E.isLeft(planned)) return planned
    const plans = keepRecordedAt ? planned.right.map((p) => ({ ...p, keepRecordedAt })) : planned.right
    return new Promise((resolve) => {
      this.queue.push({ plans, size: items.reduce((n, i) => n + i.events.length, 0), resolve })
      // appends of the same turn of the event loop start the first group together
      if (this.draining === undefined) this.draining = new Promise((done) => setImmediate(() => void this.drain().then(done)))
    })
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      let size = 0
      let n = 0
      while (n < this.queue.length && (n === 0 || size + this.queue[n]!.size <= MAX_GROUP_EVENTS)) size += this.queue[n++]!.size
      const group = this.queue.splice(0, n)
      const outcomes = await this.write(group)
      for (let i = 0; i < group.length; i++) {
        const o = outcomes[i]!
        group[i]!.resolve(o === 'alone' ? this.settled(await this.write([group[i]!])) : o)
      }
    }
    this.draining = undefined
  }

  private settled(outcomes: Outcome[]): E.Either<StoreError, ReadonlyArray<AppendResult>> {
    const o = outcomes[0]!
    return o === 'alone' ? E.left({ _tag: 'StoreFailure', message: 'append did not settle' }) : o
  }

  /** Never throws: a failed transaction answers every call of the group with the error. */
  private async write(group: ReadonlyArray<Queued>): Promise<Outcome[]> {
    let client: pg.PoolClient
    let release: (broken?: Error) => void
    try {
      ;({ client, release } = await borrow(this.pool))
    } catch (e) {
      const error = toStoreError(e)
      return group.map(() => E.left(error))
    }
    try {
      const outcomes = await writeGroup(client, group, this.now().toISOString())
      release()
      return outcomes
    } catch (e) {
      const error = toStoreError(e)
      const rolledBack =
        error._tag !== 'StoreUnavailable' &&
        (await client.query('ROLLBACK').then(
          () => true,
          () => false,
        ))
      // a connection that failed mid-transaction is dropped; the pool opens a new one on the next call
      release(rolledBack ? undefined : (e as Error))
      // a failure caused by one call's content must not fail the others: each is retried alone
      if (group.length > 1 && error._tag === 'StoreFailure') {
        const out: Outcome[] = []
        for (const q of group) out.push(this.settled(await this.write([q])))
        return out
      }
      return group.map(() => E.left(error))
    }
  }

  /** Runs `f` on one connection; if it throws, the transaction it began is rolled back (or the connection dropped). */
  private async transaction<A>(f: (client: pg.PoolClient) => Promise<A>): Promise<A> {
    if (this.closed) throw new StoreErrorException(unavailable('the store is closed'))
    const { client, release } = await borrow(this.pool)
    try {
      const a = await f(client)
      release()
      return a
    } catch (e) {
      const rolledBack = await client.query('ROLLBACK').then(
        () => true,
        () => false,
      )
      release(rolledBack ? undefined : (e as Error))
      throw e
    }
  }

  /** See EventStore.restoreEvents: one transaction under the head lock (postgres-chain.ts). */
  async restoreEvents(events: ReadonlyArray<RecordedEvent>): Promise<E.Either<StoreError, ImportResult>> {
    if (events.length === 0) return E.right({ imported: 0, skipped: 0, head: await this.head() })
    try {
      return await this.transaction((client) => restoreInto(client, events))
    } catch (e) {
      return E.left(toStoreError(e))
    }
  }

  /** `hoi chain upgrade`: chains a log written before events carried hashes, all or nothing. */
  async upgradeChain(onProgress: (done: number, total: number) => void = () => {}): Promise<UpgradeOutcome> {
    return this.transaction((client) => upgradePostgresChain(client, onProgress))
  }

  /** Reads reject with StoreErrorException (typed), never a driver error. */
  private async rows(name: string, text: string, values: unknown[]): Promise<Row[]> {
    if (this.closed) throw new StoreErrorException(unavailable('the store is closed'))
    try {
      return (await this.pool.query<Row>({ name, text, values, rowMode: 'array' })).rows
    } catch (e) {
      throw new StoreErrorException(toStoreError(e))
    }
  }

  readStream(streamId: string, opts: { fromRevision?: number; pageSize?: number } = {}): AsyncIterable<RecordedEvent> {
    const size = pageSizeOf(opts.pageSize)
    const from = Math.max(0, opts.fromRevision ?? 0)
    return pagedAsyncIterable(
      async (last: RecordedEvent | undefined) =>
        (
          await this.rows('hoi-stream', `SELECT ${COLUMNS} FROM events WHERE stream_id = $1 AND revision >= $2 ORDER BY revision LIMIT $3`, [
            streamId,
            last === undefined ? from : last.revision + 1,
            size,
          ])
        ).map(rowToRecorded),
      size,
    )
  }

  readAll(opts: { after?: number; pageSize?: number } = {}): AsyncIterable<RecordedEvent> {
    const size = pageSizeOf(opts.pageSize)
    const after = Math.max(0, opts.after ?? 0)
    return pagedAsyncIterable((last: RecordedEvent | undefined) => this.readPage(last === undefined ? after : last.position, size), size)
  }

  async readPage(after: number, limit: number = DEFAULT_PAGE_SIZE): Promise<ReadonlyArray<RecordedEvent>> {
    if (limit <= 0) return []
    return (await this.rows('hoi-after', `SELECT ${COLUMNS} FROM events WHERE position > $1 ORDER BY position LIMIT $2`, [Math.max(0, after), limit])).map(rowToRecorded)
  }

  async eventsOfCommand(commandId: string): Promise<ReadonlyArray<RecordedEvent>> {
    return (await this.rows('hoi-command', `SELECT ${COLUMNS} FROM events WHERE command_id = $1 ORDER BY position`, [commandId])).map(rowToRecorded)
  }

  async streamRevision(streamId: string): Promise<number> {
    const [row] = await this.rows('hoi-revision', 'SELECT revision FROM streams WHERE stream_id = $1', [streamId])
    return row === undefined ? -1 : Number(row[0])
  }

  async head(): Promise<number> {
    const [row] = await this.rows('hoi-head', 'SELECT position FROM head', [])
    return Number(row![0])
  }

  /** Waits for the writes already accepted, then closes every connection. */
  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.draining
    await this.pool.end()
  }
}

/**
 * Opens the store at a `postgres://` or `postgresql://` URL, creating its tables on first use.
 * An unreachable server rejects with a StoreErrorException (StoreUnavailable); a database written
 * by a newer hoi is refused with both versions named.
 */
export const openPostgres = async (url: string, opts: PostgresOptions = {}): Promise<PostgresStore> => {
  const pool = new pg.Pool({ connectionString: url, max: opts.poolSize ?? 10, connectionTimeoutMillis: opts.connectTimeoutMs ?? 10_000 })
  // an idle connection that the server closes must not crash the process: the pool drops it and reconnects later
  pool.on('error', () => undefined)
  try {
    const { client, release } = await borrow(pool)
    try {
      await ensureSchema(client, url)
    } finally {
      release()
    }
  } catch (e) {
    await pool.end().catch(() => undefined)
    if (e instanceof SchemaRefused) throw e
    const error = toStoreError(e)
    throw new StoreErrorException({ _tag: error._tag === 'StoreUnavailable' ? 'StoreUnavailable' : 'StoreFailure', message: `${safeUrl(url)}: ${'message' in error ? error.message : error._tag}` })
  }
  return new PostgresStore(url, pool, opts)
}

export { PG_SCHEMA_VERSION } from './postgres-schema.js'
