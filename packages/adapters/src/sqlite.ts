import Database from 'better-sqlite3'
import * as E from 'fp-ts/lib/Either.js'
import type { RecordedEvent } from '@hoi/domain'
import { chained, GENESIS, UNCHAINED_MESSAGE, type CanonicalText } from './chain.js'
import { checkImported, type ImportResult } from './import-check.js'
import { canonicalPlans, checkedAppend, expectedHolds, resolveRetry, revisionConflict, type StoredForCompare } from './idempotency.js'
import { pagedIterable } from './paging.js'
import { COLUMNS, configure, isUniqueViolation, toRecorded, toStoreError, type Row } from './sqlite-schema.js'
import {
  badRecordedAt,
  DEFAULT_PAGE_SIZE,
  StoreErrorException,
  type AppendItem,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type ImportedEvent,
  type ImportItem,
  type NewEvent,
  type StoreError,
  type StoreOptions,
} from './store.js'

/** `keepRecordedAt`: an import, whose events bring their own recordedAt */
type Plan = {
  readonly item: AppendItem
  readonly dataJson: ReadonlyArray<string>
  /** the data's canonical text, which the hash covers: encoded before the write lock */
  readonly dataCanonical: ReadonlyArray<CanonicalText>
  readonly replay?: AppendResult
  readonly keepRecordedAt?: boolean
}

/** Thrown inside the write transaction to roll it back with a typed answer. */
class Abort extends Error {
  constructor(readonly error: StoreError) {
    super(error._tag)
  }
}
/** Thrown inside the write transaction when item `index` may be a retry: decided after the rollback. */
class MaybeRetry extends Error {
  constructor(
    readonly index: number,
    readonly current: number,
  ) {
    super('may be a retry')
  }
}

type Queued = { readonly items: ReadonlyArray<AppendItem>; readonly plans: Plan[]; readonly resolve: (r: E.Either<StoreError, ReadonlyArray<AppendResult>>) => void }

/** Checks what can be checked before the write lock: ids unique within the call, data serialisable and its canonical text (once). */
const plansOf = (items: ReadonlyArray<AppendItem>): E.Either<StoreError, Plan[]> => canonicalPlans(checkedAppend(items))

const pageSizeOf = (n: number | undefined): number => (n !== undefined && Number.isInteger(n) && n > 0 ? n : DEFAULT_PAGE_SIZE)

/**
 * The embedded store: one SQLite file in WAL mode with synchronous=FULL. Every append is one
 * BEGIN IMMEDIATE transaction (appendMany: one for all items), so positions — SQLite's rowid,
 * max+1 inside the write lock — are dense and in commit order.
 */
export class SqliteStore implements EventStore {
  readonly kind = 'sqlite' as const
  readonly capabilities = { densePositions: true, atomicMultiStream: true, hashChain: true } as const
  readonly url: string
  /** the connection, for adapters that keep views and checkpoints in the same file and transaction */
  readonly db: Database.Database
  private readonly now: () => Date
  private readonly insert: Database.Statement
  private readonly upsertRevision: Database.Statement
  private readonly selRevision: Database.Statement
  private readonly selHead: Database.Statement
  private readonly selLast: Database.Statement
  private readonly selAfter: Database.Statement
  private readonly selStream: Database.Statement
  private readonly selCommand: Database.Statement
  private readonly selId: Database.Statement
  private readonly writeTx: Database.Transaction<(plans: ReadonlyArray<Plan>, recordedAt: string) => AppendResult[]>
  private readonly groupTx: Database.Transaction<(group: ReadonlyArray<Queued>, recordedAt: string) => Array<AppendResult[] | undefined>>
  private queue: Queued[] = []
  private flushScheduled = false

  constructor(
    readonly path: string,
    opts: StoreOptions = {},
    url?: string,
  ) {
    this.url = url ?? `sqlite:${path}`
    this.now = opts.now ?? (() => new Date())
    const readonly = opts.readonly === true
    const busy = opts.busyTimeoutMs ?? 5000
    this.db = new Database(path, { readonly, timeout: busy })
    try {
      configure(this.db, busy, readonly)
    } catch (e) {
      this.db.close()
      throw e
    }
    const db = this.db
    this.insert = db.prepare('INSERT INTO events (position, event_id, stream_id, revision, type, schema_version, data, metadata, command_id, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
    this.upsertRevision = db.prepare('INSERT INTO streams (stream_id, revision) VALUES (?, ?) ON CONFLICT (stream_id) DO UPDATE SET revision = excluded.revision')
    this.selRevision = db.prepare('SELECT revision FROM streams WHERE stream_id = ?').pluck()
    this.selHead = db.prepare('SELECT coalesce(max(position), 0) FROM events').pluck()
    this.selLast = db.prepare("SELECT position, json_extract(metadata, '$.hash') FROM events ORDER BY position DESC LIMIT 1").raw()
    this.selAfter = db.prepare(`SELECT ${COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`).raw()
    this.selStream = db.prepare(`SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`).raw()
    this.selCommand = db.prepare(`SELECT ${COLUMNS} FROM events WHERE command_id = ? ORDER BY position`).raw()
    this.selId = db.prepare(`SELECT ${COLUMNS} FROM events WHERE event_id = ?`).raw()
    this.writeTx = db.transaction((plans: ReadonlyArray<Plan>, recordedAt: string) => plans.map((p, k) => p.replay ?? this.writeItem(p, k, recordedAt)))
    // one transaction (one fsync) for the appends that arrived together; each inside its own savepoint
    this.groupTx = db.transaction((group: ReadonlyArray<Queued>, recordedAt: string) =>
      group.map((q) => {
        try {
          return this.writeTx(q.plans, recordedAt)
        } catch (e) {
          if (e instanceof Abort || e instanceof MaybeRetry) return undefined // settled alone after the commit
          throw e
        }
      }),
    )
  }

  /** The pragmas in force on this connection (C4: 'wal' and 2 = FULL). */
  pragmas(): { journalMode: string; synchronous: number } {
    return {
      journalMode: String(this.db.pragma('journal_mode', { simple: true })),
      synchronous: Number(this.db.pragma('synchronous', { simple: true })),
    }
  }

  /**
   * Appends that arrive in the same turn of the event loop (concurrent commands) are committed
   * together: one transaction and one fsync for all of them (group commit), each in its own
   * savepoint so one conflict does not undo the others. Nothing is acknowledged before the commit.
   */
  async append(streamId: string, events: ReadonlyArray<NewEvent>, expected: ExpectedRevision): Promise<E.Either<StoreError, AppendResult>> {
    const items = [{ streamId, events, expected }]
    const plans = plansOf(items)
    if (E.isLeft(plans)) return plans
    const r = await new Promise<E.Either<StoreError, ReadonlyArray<AppendResult>>>((resolve) => {
      this.queue.push({ items, plans: plans.right, resolve })
      if (!this.flushScheduled) {
        this.flushScheduled = true
        setImmediate(() => this.flushQueue())
      }
    })
    return E.isLeft(r) ? r : E.right(r.right[0]!)
  }

  private flushQueue(): void {
    this.flushScheduled = false
    const group = this.queue
    this.queue = []
    if (group.length === 1) {
      const q = group[0]!
      q.resolve(this.write(q.items, q.plans))
      return
    }
    let outcomes: Array<AppendResult[] | undefined>
    try {
      outcomes = this.groupTx.immediate(group, this.now().toISOString())
    } catch (e) {
      const error = toStoreError(e)
      for (const q of group) q.resolve(E.left(error))
      return
    }
    // conflicts and possible retries are settled one by one on the committed state
    group.forEach((q, i) => q.resolve(outcomes[i] !== undefined ? E.right(outcomes[i]) : this.write(q.items, q.plans)))
  }

  async appendMany(items: ReadonlyArray<AppendItem>): Promise<E.Either<StoreError, ReadonlyArray<AppendResult>>> {
    return this.write(items)
  }

  async importEvents(items: ReadonlyArray<ImportItem>): Promise<E.Either<StoreError, ReadonlyArray<AppendResult>>> {
    const bad = badRecordedAt(items)
    if (bad !== undefined) return E.left(bad)
    const plans = plansOf(items)
    return E.isLeft(plans)
      ? plans
      : this.write(
          items,
          plans.right.map((p) => ({ ...p, keepRecordedAt: true })),
        )
  }

  private write(items: ReadonlyArray<AppendItem>, prepared?: Plan[]): E.Either<StoreError, ReadonlyArray<AppendResult>> {
    if (items.length === 0) return E.right([])
    const planned = prepared === undefined ? plansOf(items) : E.right(prepared)
    if (E.isLeft(planned)) return planned
    const plans = [...planned.right]
    const recordedAt = this.now().toISOString()
    // each round either commits, fails, or settles one item as a retry; so at most items+1 rounds
    for (let round = 0; round <= items.length; round++) {
      try {
        return E.right(this.writeTx.immediate(plans, recordedAt))
      } catch (e) {
        if (e instanceof Abort) return E.left(e.error)
        if (!(e instanceof MaybeRetry)) return E.left(toStoreError(e))
        const p = plans[e.index]!
        let found: Array<StoredForCompare | undefined>
        try {
          found = p.item.events.map((ev) => this.findStored(ev.eventId))
        } catch (err) {
          return E.left(toStoreError(err))
        }
        const settled = resolveRetry(p.item, p.dataJson, found, e.current)
        if (E.isLeft(settled)) return settled
        plans[e.index] = { ...p, replay: settled.right }
      }
    }
    return E.left({ _tag: 'StoreFailure', message: 'append did not settle' })
  }

  /** Runs inside the write transaction; throws to roll it back. */
  private writeItem(p: Plan, index: number, now: string): AppendResult {
    const { streamId, events, expected } = p.item
    const current = (this.selRevision.get(streamId) as number | undefined) ?? -1
    if (!expectedHolds(expected, current)) throw new MaybeRetry(index, current)
    if (events.length === 0) return { streamId, revision: current, position: this.selHead.get() as number, events: [] }
    const recorded: RecordedEvent[] = new Array<RecordedEvent>(events.length)
    // the previous hash is read inside the write lock, so concurrent connections and group commit chain in commit order
    let [position, prev] = this.lastLink()
    for (let i = 0; i < events.length; i++) {
      const e = events[i]!
      const recordedAt = p.keepRecordedAt === true ? (e as ImportedEvent).recordedAt : now
      const revision = current + 1 + i
      position += 1
      const envelope = { eventId: e.eventId, type: e.type, schemaVersion: e.schemaVersion, streamId, revision, position, data: p.dataCanonical[i]! }
      const metadata = chained(envelope, { ...e.metadata, recordedAt }, prev)
      prev = metadata.hash
      try {
        this.insert.run(position, e.eventId, streamId, revision, e.type, e.schemaVersion, p.dataJson[i], JSON.stringify(metadata), e.metadata.commandId, recordedAt)
      } catch (err) {
        if (isUniqueViolation(err, 'events.event_id')) throw new MaybeRetry(index, current)
        // another connection took the revision first
        if (isUniqueViolation(err, 'events.stream_id')) throw new Abort(revisionConflict(streamId, expected, current))
        throw err
      }
      recorded[i] = { eventId: e.eventId, type: e.type, schemaVersion: e.schemaVersion, streamId, revision, position, data: e.data, metadata }
    }
    this.upsertRevision.run(streamId, current + events.length)
    return { streamId, revision: current + events.length, position, events: recorded }
  }

  /** The last position and its hash (GENESIS for an empty log); an unchained log refuses the write. */
  private lastLink(): [number, string] {
    const last = this.selLast.get() as [number, unknown] | undefined
    if (last === undefined) return [0, GENESIS]
    if (typeof last[1] !== 'string') throw new Abort({ _tag: 'StoreFailure', message: UNCHAINED_MESSAGE })
    return [last[0], last[1]]
  }

  /** See EventStore.restoreEvents: one transaction, every event checked against the chain before it is written. */
  async restoreEvents(events: ReadonlyArray<RecordedEvent>): Promise<E.Either<StoreError, ImportResult>> {
    const run = this.db.transaction((): ImportResult => {
      let [head, prev] = this.lastLink()
      const staged = new Map<string, number>()
      let imported = 0
      let skipped = 0
      for (const e of events) {
        const verdict = checkImported(e, {
          head,
          prevHash: prev,
          stored: (id) => this.findStored(id)?.recorded,
          revision: (s) => staged.get(s) ?? (this.selRevision.get(s) as number | undefined) ?? -1,
        })
        if (E.isLeft(verdict)) throw new Abort(verdict.left)
        if (verdict.right === 'stored') {
          skipped++
          continue
        }
        const m = e.metadata
        this.insert.run(e.position, e.eventId, e.streamId, e.revision, e.type, e.schemaVersion, JSON.stringify(e.data ?? null), JSON.stringify(m), m.commandId, m.recordedAt)
        this.upsertRevision.run(e.streamId, e.revision)
        staged.set(e.streamId, e.revision)
        head = e.position
        prev = m.hash!
        imported++
      }
      return { imported, skipped, head }
    })
    try {
      return E.right(run.immediate())
    } catch (e) {
      return E.left(e instanceof Abort ? e.error : toStoreError(e))
    }
  }

  private findStored(eventId: string): StoredForCompare | undefined {
    const row = this.selId.get(eventId) as Row | undefined
    return row === undefined ? undefined : { recorded: toRecorded(row), dataJson: row[6] }
  }

  /** Reads throw StoreErrorException (typed) rather than a driver error. */
  private read<A>(f: () => A): A {
    try {
      return f()
    } catch (e) {
      throw new StoreErrorException(toStoreError(e))
    }
  }

  readStream(streamId: string, opts: { fromRevision?: number; pageSize?: number } = {}): AsyncIterable<RecordedEvent> {
    const size = pageSizeOf(opts.pageSize)
    const from = Math.max(0, opts.fromRevision ?? 0)
    return pagedIterable((last: RecordedEvent | undefined) => this.read(() => (this.selStream.all(streamId, last === undefined ? from : last.revision + 1, size) as Row[]).map(toRecorded)), size)
  }

  readAll(opts: { after?: number; pageSize?: number } = {}): AsyncIterable<RecordedEvent> {
    const size = pageSizeOf(opts.pageSize)
    const after = Math.max(0, opts.after ?? 0)
    return pagedIterable((last: RecordedEvent | undefined) => this.read(() => (this.selAfter.all(last === undefined ? after : last.position, size) as Row[]).map(toRecorded)), size)
  }

  async readPage(after: number, limit: number = DEFAULT_PAGE_SIZE): Promise<ReadonlyArray<RecordedEvent>> {
    if (limit <= 0) return []
    return this.read(() => (this.selAfter.all(Math.max(0, after), limit) as Row[]).map(toRecorded))
  }

  async eventsOfCommand(commandId: string): Promise<ReadonlyArray<RecordedEvent>> {
    return this.read(() => (this.selCommand.all(commandId) as Row[]).map(toRecorded))
  }

  async streamRevision(streamId: string): Promise<number> {
    return this.read(() => (this.selRevision.get(streamId) as number | undefined) ?? -1)
  }

  async head(): Promise<number> {
    return this.read(() => this.selHead.get() as number)
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close()
  }
}

/** Opens (creating if needed) the SQLite store at `path`; the folder must exist (openStore creates it). */
export { schema as sqliteSchema } from './sqlite-schema.js'

export const openSqlite = (path: string, opts: StoreOptions = {}, url?: string): SqliteStore => new SqliteStore(path, opts, url)
export { upgradeSqliteChain, type UpgradeOutcome } from './chain-upgrade.js'
