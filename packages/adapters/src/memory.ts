import * as E from 'fp-ts/lib/Either.js'
import type { EventMetadata, RecordedEvent } from '@hoi/domain'
import { duplicateId, duplicateIdConflict, expectedHolds, resolveRetry, type StoredForCompare } from './idempotency.js'
import {
  badRecordedAt, DEFAULT_PAGE_SIZE, StoreErrorException,
  type AppendItem, type AppendResult, type EventStore, type ImportedEvent, type ImportItem, type NewEvent, type StoreError, type StoreOptions,
} from './store.js'

const deepFreeze = <A>(a: A): A => {
  if (typeof a === 'object' && a !== null && !Object.isFrozen(a)) {
    Object.freeze(a)
    for (const v of Object.values(a)) deepFreeze(v)
  }
  return a
}

type Stored = StoredForCompare

type Plan =
  | { readonly replay: AppendResult }
  | { readonly item: AppendItem; readonly dataJson: ReadonlyArray<string>; readonly from: number }

/**
 * The in-process store: tests, embedding, examples. Events are kept as frozen copies made from
 * their JSON text, so a caller can neither change what is stored nor store what JSON cannot carry.
 */
export class MemoryStore implements EventStore {
  readonly kind = 'memory' as const
  readonly capabilities = { densePositions: true, atomicMultiStream: true } as const
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
    const dup = duplicateId(items)
    if (dup !== undefined) return E.left(duplicateIdConflict(dup))
    // plan every item against the state plus what earlier items of this request add; commit only if all hold
    const staged = new Map<string, number>()
    const plans: Plan[] = []
    for (const item of items) {
      let dataJson: string[]
      try {
        dataJson = item.events.map((e) => JSON.stringify(e.data ?? null))
      } catch (e) {
        return E.left({ _tag: 'StoreFailure', message: `event data is not JSON: ${(e as Error).message}` })
      }
      const current = staged.get(item.streamId) ?? (this.streams.get(item.streamId)?.length ?? 0) - 1
      const found = item.events.map((e) => this.byId.get(e.eventId))
      if (found.some((f) => f !== undefined) || !expectedHolds(item.expected, current)) {
        const retry = resolveRetry(item, dataJson, found, current)
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
      const metadata = JSON.parse(JSON.stringify({ ...e.metadata, recordedAt })) as EventMetadata
      const recorded: RecordedEvent = deepFreeze({
        eventId: e.eventId, type: e.type, schemaVersion: e.schemaVersion, streamId: item.streamId, revision: from + i,
        position: this.log.length + 1, data: JSON.parse(dataJson[i]!) as unknown, metadata,
      })
      const stored = { recorded, dataJson: dataJson[i]! }
      this.log.push(stored)
      stream.push(stored)
      this.byId.set(e.eventId, stored)
      const ofCommand = this.byCommand.get(metadata.commandId) ?? []
      ofCommand.push(recorded)
      this.byCommand.set(metadata.commandId, ofCommand)
      return recorded
    })
    return { streamId: item.streamId, revision: from + events.length - 1, position: this.log.length, events }
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
