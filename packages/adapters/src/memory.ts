import * as E from 'fp-ts/lib/Either.js'
import type { EventMetadata, RecordedEvent } from '@hoi/domain'
import { chained, GENESIS } from './chain.js'
import { checkImported, type ImportResult } from './import-check.js'
import { checkedAppend, settleIfRetry, type StoredForCompare } from './idempotency.js'
import {
  badRecordedAt,
  DEFAULT_PAGE_SIZE,
  StoreErrorException,
  type AppendItem,
  type AppendResult,
  type EventStore,
  type ImportedEvent,
  type ImportItem,
  type NewEvent,
  type StoreError,
  type StoreOptions,
} from './store.js'

const deepFreeze = <A>(a: A): A => {
  if (typeof a === 'object' && a !== null && !Object.isFrozen(a)) {
    Object.freeze(a)
    for (const v of Object.values(a)) deepFreeze(v)
  }
  return a
}

type Stored = StoredForCompare

type Plan = { readonly replay: AppendResult } | { readonly item: AppendItem; readonly dataJson: ReadonlyArray<string>; readonly from: number }

/**
 * The in-process store: tests, embedding, examples. Events are kept as frozen copies made from
 * their JSON text, so a caller can neither change what is stored nor store what JSON cannot carry.
 */
export class MemoryStore implements EventStore {
  readonly kind = 'memory' as const
  readonly capabilities = { densePositions: true, atomicMultiStream: true, hashChain: true } as const
  readonly url = 'memory:'
  private readonly log: Stored[] = []
  private readonly streams = new Map<string, Stored[]>()
  private readonly byId = new Map<string, Stored>()
  private readonly byCommand = new Map<string, RecordedEvent[]>()
  private readonly now: () => Date
  private closed = false

  constructor(opts: StoreOptions = {}) {
    this.now = opts.now ?? (() => new Date())
  }

  async append(streamId: string, events: ReadonlyArray<NewEvent>, expected: AppendItem['expected']): Promise<E.Either<StoreError, AppendResult>> {
    return E.map((rs: ReadonlyArray<AppendResult>) => rs[0]!)(this.write([{ streamId, events, expected }]))
  }

  async appendMany(items: ReadonlyArray<AppendItem>): Promise<E.Either<StoreError, ReadonlyArray<AppendResult>>> {
    return this.write(items)
  }

  async importEvents(items: ReadonlyArray<ImportItem>): Promise<E.Either<StoreError, ReadonlyArray<AppendResult>>> {
    const bad = badRecordedAt(items)
    return bad === undefined ? this.write(items, true) : E.left(bad)
  }

  /** `keepRecordedAt`: the events are ImportedEvents whose own recordedAt is stored */
  private write(items: ReadonlyArray<AppendItem>, keepRecordedAt = false): E.Either<StoreError, ReadonlyArray<AppendResult>> {
    if (this.closed) return E.left({ _tag: 'StoreUnavailable', message: 'the store is closed' })
    const checked = checkedAppend(items)
    if (E.isLeft(checked)) return checked
    // plan every item against the state plus what earlier items of this request add; commit only if all hold
    const staged = new Map<string, number>()
    const plans: Plan[] = []
    for (const { item, dataJson } of checked.right) {
      const current = staged.get(item.streamId) ?? (this.streams.get(item.streamId)?.length ?? 0) - 1
      const found = item.events.map((e) => this.byId.get(e.eventId))
      const retry = settleIfRetry(item, dataJson, found, current)
      if (retry !== undefined) {
        if (E.isLeft(retry)) return retry
        plans.push({ replay: retry.right })
        continue
      }
      plans.push({ item, dataJson, from: current + 1 })
      staged.set(item.streamId, current + item.events.length)
    }
    const recordedAt = this.now().toISOString()
    return E.right(plans.map((p) => ('replay' in p ? p.replay : this.commit(p.item, p.dataJson, p.from, recordedAt, keepRecordedAt))))
  }

  private commit(item: AppendItem, dataJson: ReadonlyArray<string>, from: number, now: string, keepRecordedAt: boolean): AppendResult {
    if (item.events.length === 0) return { streamId: item.streamId, revision: from - 1, position: this.log.length, events: [] }
    const stream = this.streams.get(item.streamId) ?? []
    this.streams.set(item.streamId, stream)
    const events = item.events.map((e, i) => {
      const recordedAt = keepRecordedAt ? (e as ImportedEvent).recordedAt : now
      const plain = JSON.parse(JSON.stringify({ ...e.metadata, recordedAt })) as EventMetadata
      const envelope = {
        eventId: e.eventId,
        type: e.type,
        schemaVersion: e.schemaVersion,
        streamId: item.streamId,
        revision: from + i,
        position: this.log.length + 1,
        data: JSON.parse(dataJson[i]!) as unknown,
      }
      const recorded: RecordedEvent = deepFreeze({ ...envelope, metadata: chained(envelope, plain, this.lastHash()) })
      this.keep(recorded, dataJson[i]!, stream)
      return recorded
    })
    return { streamId: item.streamId, revision: from + events.length - 1, position: this.log.length, events }
  }

  private lastHash(): string {
    return this.log.length === 0 ? GENESIS : this.log[this.log.length - 1]!.recorded.metadata.hash!
  }

  private keep(recorded: RecordedEvent, dataJson: string, stream: Stored[]): void {
    const stored = { recorded, dataJson }
    this.log.push(stored)
    stream.push(stored)
    this.byId.set(recorded.eventId, stored)
    const ofCommand = this.byCommand.get(recorded.metadata.commandId) ?? []
    ofCommand.push(recorded)
    this.byCommand.set(recorded.metadata.commandId, ofCommand)
  }

  /**
   * Stores events exported from a chained log as they are (positions, recordedAt, metadata), after
   * checking that they continue this log's chain; events already stored at their place are skipped.
   */
  async restoreEvents(events: ReadonlyArray<RecordedEvent>): Promise<E.Either<StoreError, ImportResult>> {
    if (this.closed) return E.left({ _tag: 'StoreUnavailable', message: 'the store is closed' })
    let head = this.log.length
    let prev = this.lastHash()
    const staged = new Map<string, number>()
    const fresh: Array<{ recorded: RecordedEvent; dataJson: string }> = []
    let skipped = 0
    for (const e of events) {
      const verdict = checkImported(e, {
        head,
        prevHash: prev,
        stored: (id) => this.byId.get(id)?.recorded,
        revision: (s) => staged.get(s) ?? (this.streams.get(s)?.length ?? 0) - 1,
      })
      if (E.isLeft(verdict)) return verdict
      if (verdict.right === 'stored') {
        skipped++
        continue
      }
      const dataJson = JSON.stringify(e.data ?? null)
      const recorded: RecordedEvent = deepFreeze(JSON.parse(JSON.stringify({ ...e })) as RecordedEvent)
      fresh.push({ recorded, dataJson })
      staged.set(e.streamId, e.revision)
      head = e.position
      prev = e.metadata.hash!
    }
    for (const f of fresh) {
      const stream = this.streams.get(f.recorded.streamId) ?? []
      this.streams.set(f.recorded.streamId, stream)
      this.keep(f.recorded, f.dataJson, stream)
    }
    return E.right({ imported: fresh.length, skipped, head: this.log.length })
  }

  private check(): void {
    if (this.closed) throw new StoreErrorException({ _tag: 'StoreUnavailable', message: 'the store is closed' })
  }

  async *readStream(streamId: string, opts: { fromRevision?: number; pageSize?: number } = {}): AsyncIterable<RecordedEvent> {
    this.check()
    const stream = this.streams.get(streamId) ?? []
    for (let i = Math.max(0, opts.fromRevision ?? 0); i < stream.length; i++) yield stream[i]!.recorded
  }

  async *readAll(opts: { after?: number; pageSize?: number } = {}): AsyncIterable<RecordedEvent> {
    this.check()
    for (let i = Math.max(0, opts.after ?? 0); i < this.log.length; i++) yield this.log[i]!.recorded
  }

  async readPage(after: number, limit: number = DEFAULT_PAGE_SIZE): Promise<ReadonlyArray<RecordedEvent>> {
    this.check()
    return this.log.slice(Math.max(0, after), Math.max(0, after) + Math.max(0, limit)).map((s) => s.recorded)
  }

  async eventsOfCommand(commandId: string): Promise<ReadonlyArray<RecordedEvent>> {
    this.check()
    return [...(this.byCommand.get(commandId) ?? [])]
  }

  async streamRevision(streamId: string): Promise<number> {
    this.check()
    return (this.streams.get(streamId)?.length ?? 0) - 1
  }

  async head(): Promise<number> {
    this.check()
    return this.log.length
  }

  async close(): Promise<void> {
    this.closed = true
  }
}

export const openMemory = (opts: StoreOptions = {}): MemoryStore => new MemoryStore(opts)
