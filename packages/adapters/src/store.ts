import { resolve } from 'node:path'
import type { Either } from 'fp-ts/lib/Either.js'
import type { EventMetadata, RecordedEvent } from '@hoi/domain'
import { createPrivately, refuseKernelFiles } from './files.js'

/** A number is the revision of the stream's last event (-1 is the same as 'no-stream'). */
export type ExpectedRevision = 'any' | 'no-stream' | 'stream-exists' | number

export type NewEvent = {
  eventId: string
  type: string
  schemaVersion: number
  data: unknown
  metadata: Omit<EventMetadata, 'recordedAt'>
}

export type AppendResult = {
  streamId: string
  /** the stream's last revision after the append */
  revision: number
  /** the last global position written (the store's head for an empty append) */
  position: number
  events: ReadonlyArray<RecordedEvent>
}

export type StoreError =
  | { _tag: 'RevisionConflict'; streamId: string; expected: ExpectedRevision; actual: number /* -1 = no stream */ }
  /** same ids with different content, or stored at a different place */
  | { _tag: 'IdConflict'; streamId: string; eventId: string; message: string }
  | { _tag: 'StoreUnavailable'; message: string }
  /** I/O error, disk full, corruption: never an ack */
  | { _tag: 'StoreFailure'; message: string }

export type AppendItem = { streamId: string; events: ReadonlyArray<NewEvent>; expected: ExpectedRevision }

/** An event that already has its record time, being copied from another store (`hoi migrate`). */
export type ImportedEvent = NewEvent & { readonly recordedAt: string }
export type ImportItem = { streamId: string; events: ReadonlyArray<ImportedEvent>; expected: ExpectedRevision }

/**
 * What a store guarantees beyond the contract every store keeps (positions unique and increasing in
 * commit order, a reader never skips an event that becomes visible later, per-stream revisions
 * dense from 0). Callers branch on these, never on `kind`.
 */
export type StoreCapabilities = {
  /** positions are 1, 2, 3, … with no gaps (SQLite, PostgreSQL, memory); KurrentDB's commit positions are sparse */
  readonly densePositions: boolean
  /** appendMany is one all-or-nothing transaction over several streams; without it, each stream is appended on its own */
  readonly atomicMultiStream: boolean
  /** every event carries `metadata.prevHash`/`hash`, computed inside the write (docs/audit.md); `hoi verify` can check it */
  readonly hashChain?: boolean
}

/** See import-check.ts: what an import stored and skipped. */
export type { ImportResult } from './import-check.js'

export interface EventStore {
  readonly kind: 'memory' | 'sqlite' | 'postgres' | 'esdb'
  readonly url: string
  readonly capabilities: StoreCapabilities
  append(streamId: string, events: ReadonlyArray<NewEvent>, expected: ExpectedRevision): Promise<Either<StoreError, AppendResult>>
  /**
   * Several items in order. With `atomicMultiStream` one all-or-nothing transaction; without it,
   * every item is checked before the first write and then appended stream by stream, so a crash
   * can leave a prefix of the items stored (repeating the call then completes it: A2).
   */
  appendMany(items: ReadonlyArray<AppendItem>): Promise<Either<StoreError, ReadonlyArray<AppendResult>>>
  /**
   * appendMany's rules (expected revisions, idempotent repeat, IdConflict), except that each event
   * keeps the `recordedAt` it brings (an ISO time with milliseconds) instead of the store's clock.
   * How `hoi migrate` copies a history between stores of any kinds: the target numbers positions
   * and chains hashes itself (on a dense target from a dense source, the same numbers and hashes).
   */
  importEvents(items: ReadonlyArray<ImportItem>): Promise<Either<StoreError, ReadonlyArray<AppendResult>>>
  readStream(streamId: string, opts?: { fromRevision?: number; pageSize?: number }): AsyncIterable<RecordedEvent>
  /**
   * The global log in commit order. `after` is 0 (the start) or a position this store returned,
   * exclusive. Positions are opaque ordered cursors: never compute one (no `position + 1`) unless
   * `capabilities.densePositions`.
   */
  readAll(opts?: { after?: number; pageSize?: number }): AsyncIterable<RecordedEvent>
  /** one page of the global log: up to `limit` events after the position `after` (exclusive) */
  readPage(after: number, limit: number): Promise<ReadonlyArray<RecordedEvent>>
  /** every stored event of the command, in log order; [] when the command stored nothing (a replay check) */
  eventsOfCommand(commandId: string): Promise<ReadonlyArray<RecordedEvent>>
  /**
   * Stores events exported from another store exactly as they were (positions, recordedAt, metadata
   * and hashes), each continuing this store's chain; events already stored at their place are
   * skipped, anything else refuses the whole call and stores nothing. Only stores that keep
   * positions have it: `hoi import` of an export uses it, so a restored store has the same head hash.
   */
  restoreEvents?(events: ReadonlyArray<RecordedEvent>): Promise<Either<StoreError, import('./import-check.js').ImportResult>>
  /** -1 when the stream has no events */
  streamRevision(streamId: string): Promise<number>
  /** the position of the last event, 0 when empty (a count of events only where `densePositions`) */
  head(): Promise<number>
  close(): Promise<void>
}

/**
 * Read methods cannot return an Either (they are iterables and plain promises), so they reject
 * with this: the typed StoreError is in `error`.
 */
export class StoreErrorException extends Error {
  constructor(readonly error: StoreError) {
    super(`${error._tag}: ${'message' in error ? error.message : `${error.streamId} expected ${String(error.expected)}, actual ${error.actual}`}`)
    this.name = 'StoreErrorException'
  }
}

export const isStoreError = (u: unknown): u is StoreError =>
  typeof u === 'object' && u !== null && ['RevisionConflict', 'IdConflict', 'StoreUnavailable', 'StoreFailure'].includes((u as { _tag?: unknown })._tag as string)

export const DEFAULT_PAGE_SIZE = 1000

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/u

/** The first imported event whose recordedAt is not an ISO time with milliseconds, as a StoreFailure. */
export const badRecordedAt = (items: ReadonlyArray<ImportItem>): StoreError | undefined => {
  for (const item of items)
    for (const e of item.events)
      if (typeof e.recordedAt !== 'string' || !ISO_MS.test(e.recordedAt) || Number.isNaN(Date.parse(e.recordedAt)))
        return { _tag: 'StoreFailure', message: `event ${e.eventId} of ${item.streamId}: recordedAt ${JSON.stringify(e.recordedAt)} is not an ISO time with milliseconds (YYYY-MM-DDTHH:MM:SS.mmmZ)` }
  return undefined
}

export type StoreOptions = {
  /** the clock that stamps `recordedAt` (tests inject one) */
  now?: () => Date
  /** SQLite: how long a writer waits for another connection's lock, ms (default 5000) */
  busyTimeoutMs?: number
  /** SQLite: open read-only */
  readonly?: boolean
}

const supported = "'memory:', 'sqlite:<path>' (e.g. sqlite:./data/hoi.sqlite), 'postgres://user@host:port/database' or 'esdb://host:2113?tls=false' (also esdb+discover://, kurrentdb://)"

/**
 * Opens a store from its URL: `memory:`, `sqlite:<path>` (relative to the working directory; the
 * folder is created), `postgres://…` / `postgresql://…` (tables created on first use) or a
 * KurrentDB connection string.
 */
export const openStore = async (url: string, opts: StoreOptions = {}): Promise<EventStore> => {
  if (url === 'memory:' || url === 'memory://') {
    const { openMemory } = await import('./memory.js')
    const { sealStore } = await import('./personal/sealed.js')
    const { memoryKeys } = await import('./personal/keys.js')
    return sealStore(openMemory(opts), memoryKeys())
  }
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/|\.)/u, '')
    if (path === '') throw new Error(`The store URL ${url} names no file: use ${supported}`)
    const file = resolve(path)
    refuseKernelFiles(file)
    try {
      if (opts.readonly !== true) createPrivately(file)
      // loaded on demand so that memory-only users never load the native driver
      const { openSqlite } = await import('./sqlite.js')
      const { sealStore } = await import('./personal/sealed.js')
      const { sqliteKeys } = await import('./personal/keys.js')
      const store = openSqlite(file, opts, url)
      try {
        // freed pages are zeroed, so an erased person's values and keys do not linger in the file
        if (opts.readonly !== true) store.db.pragma('secure_delete = ON')
        return sealStore(store, sqliteKeys(store.db, opts.readonly === true))
      } catch (e) {
        await store.close()
        throw e
      }
    } catch (e) {
      throw new Error(`Cannot open the SQLite store ${file}: ${e instanceof Error ? e.message : String(e)}`, { cause: e })
    }
  }
  if (/^(esdb|kurrentdb|kurrent)(\+discover)?:\/\//iu.test(url)) {
    // loaded on demand: the gRPC client is only needed by those who use KurrentDB
    const { openEsdb } = await import('./esdb.js')
    return openEsdb(url, opts)
  }
  if (/^postgres(ql)?:\/\//iu.test(url)) {
    const { openPostgres } = await import('./postgres.js')
    const { sealStore } = await import('./personal/sealed.js')
    const { postgresKeys } = await import('./personal/keys.js')
    const store = await openPostgres(url, opts)
    try {
      return sealStore(store, await postgresKeys(store.pool))
    } catch (e) {
      await store.close()
      throw e
    }
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/iu.exec(url)?.[1]
  throw new Error(`Unsupported store URL ${JSON.stringify(url)}${scheme === undefined ? '' : ` (scheme ${scheme}:)`}: supported are ${supported}`)
}
