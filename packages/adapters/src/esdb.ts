import { BACKWARDS, END, EventStoreDBClient, FORWARDS, NO_STREAM, START } from '@eventstore/db-client'
import { randomUUID } from 'node:crypto'
import * as E from 'fp-ts/lib/Either.js'
import type { RecordedEvent } from '@hoi/domain'
import {
  clientConnectionString,
  COMMAND_INDEX_TYPE,
  commandIndexStream,
  fromRecord,
  isCommandWrote,
  isInternalStream,
  isStreamNotFound,
  isWrongExpectedVersion,
  safeNumber,
  storeErrorOf,
  toEventData,
  type CommandWrote,
  type EsdbRecord,
} from './esdb-codec.js'
import { checkedAppend, revisionConflict, settleIfRetry, type StoredForCompare } from './idempotency.js'
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

type Plan = { readonly item: AppendItem; readonly replay?: AppendResult; readonly from?: number }
type Resolved = { event?: EsdbRecord | undefined; commitPosition?: bigint | undefined }

/** a stream moved between the checks and the write: the remaining items are planned again */
const MAX_ROUNDS = 5
const pageSizeOf = (n: number | undefined): number => (n !== undefined && Number.isInteger(n) && n > 0 ? n : DEFAULT_PAGE_SIZE)

/**
 * KurrentDB (EventStoreDB) through @eventstore/db-client. Global positions are commit positions
 * (sparse); there is no multi-stream transaction, so appendMany checks every item first and then
 * appends stream by stream. Event ids are found through a per-command index stream written before
 * the events (docs/stores.md), which gives eventsOfCommand, idempotent repeats and IdConflict.
 */
export class EsdbStore implements EventStore {
  readonly kind = 'esdb' as const
  readonly capabilities = { densePositions: false, atomicMultiStream: false } as const
  private readonly now: () => Date

  /**
   * `namespace` puts every stream of this store under a name prefix on the server, so that several
   * histories (the contract suite's tests) can share one KurrentDB database without seeing each other.
   */
  constructor(
    readonly url: string,
    private readonly client: EventStoreDBClient,
    opts: StoreOptions = {},
    private readonly namespace = '',
  ) {
    this.now = opts.now ?? (() => new Date())
  }

  private server(streamId: string): string {
    return `${this.namespace}${streamId}`
  }

  /** hoi's event from a server record of this namespace, or undefined for anyone else's */
  private ours(e: EsdbRecord, position?: bigint): RecordedEvent | undefined {
    if (!e.streamId.startsWith(this.namespace) || e.type.startsWith('$')) return undefined
    const streamId = e.streamId.slice(this.namespace.length)
    return isInternalStream(streamId) ? undefined : fromRecord({ ...e, streamId }, position)
  }

  async append(streamId: string, events: ReadonlyArray<NewEvent>, expected: ExpectedRevision): Promise<E.Either<StoreError, AppendResult>> {
    return E.map((rs: ReadonlyArray<AppendResult>) => rs[0]!)(await this.write([{ streamId, events, expected }], false))
  }

  appendMany(items: ReadonlyArray<AppendItem>): Promise<E.Either<StoreError, ReadonlyArray<AppendResult>>> {
    return this.write(items, false)
  }

  async importEvents(items: ReadonlyArray<ImportItem>): Promise<E.Either<StoreError, ReadonlyArray<AppendResult>>> {
    const bad = badRecordedAt(items)
    return bad === undefined ? this.write(items, true) : E.left(bad)
  }

  private async write(items: ReadonlyArray<AppendItem>, keepRecordedAt: boolean): Promise<E.Either<StoreError, ReadonlyArray<AppendResult>>> {
    const checked = checkedAppend(items)
    if (E.isLeft(checked)) return checked
    const reserved = items.find((i) => isInternalStream(i.streamId))
    if (reserved !== undefined) return E.left({ _tag: 'StoreFailure', message: `stream id ${JSON.stringify(reserved.streamId)} is reserved (streams starting with "$" or "hoi.command-")` })
    const results: AppendResult[] = []
    try {
      for (let round = 0; results.length < items.length; round++) {
        const plans = await this.plan(checked.right.slice(results.length))
        if (E.isLeft(plans)) return plans
        const recordedAt = this.now().toISOString()
        for (const p of plans.right) {
          if (p.replay !== undefined) {
            results.push(p.replay)
            continue
          }
          const written = await this.writeItem(p.item, p.from!, keepRecordedAt, recordedAt)
          if (written === undefined) break // the stream moved: plan the rest again
          results.push(written)
        }
        if (results.length < items.length && round + 1 >= MAX_ROUNDS) {
          const item = items[results.length]!
          return E.left(revisionConflict(item.streamId, item.expected, await this.streamRevision(item.streamId)))
        }
      }
    } catch (e) {
      return E.left(storeErrorOf(e))
    }
    return E.right(results)
  }

  /** Every item checked against the stored state plus what earlier items add, before any write. */
  private async plan(items: ReadonlyArray<{ readonly item: AppendItem; readonly dataJson: ReadonlyArray<string> }>): Promise<E.Either<StoreError, Plan[]>> {
    const staged = new Map<string, number>()
    const known = new Map<string, Map<string, StoredForCompare>>() // command id → its stored events by id
    const plans: Plan[] = []
    for (const { item, dataJson } of items) {
      const current = staged.get(item.streamId) ?? (await this.streamRevision(item.streamId))
      const found: Array<StoredForCompare | undefined> = []
      for (const e of item.events) {
        const commandId = e.metadata.commandId
        let ofCommand = known.get(commandId)
        if (ofCommand === undefined) {
          ofCommand = new Map((await this.eventsOfCommand(commandId)).map((r) => [r.eventId, { recorded: r, dataJson: JSON.stringify(r.data ?? null) }]))
          known.set(commandId, ofCommand)
        }
        found.push(ofCommand.get(e.eventId))
      }
      const retry = settleIfRetry(item, dataJson, found, current)
      if (retry !== undefined) {
        if (E.isLeft(retry)) return retry
        plans.push({ item, replay: retry.right })
        continue
      }
      plans.push({ item, from: current + 1 })
      staged.set(item.streamId, current + item.events.length)
    }
    return E.right(plans)
  }

  /** Index records first, then the events at exactly `from`; undefined when the stream moved meanwhile. */
  private async writeItem(item: AppendItem, from: number, keepRecordedAt: boolean, now: string): Promise<AppendResult | undefined> {
    const { streamId, events } = item
    if (events.length === 0) return { streamId, revision: from - 1, position: await this.head(), events: [] }
    const claims = new Map<string, CommandWrote>()
    events.forEach((e, i) => {
      const claim = claims.get(e.metadata.commandId) ?? { streamId, events: [] }
      claim.events.push([from + i, e.eventId])
      claims.set(e.metadata.commandId, claim)
    })
    await Promise.all(
      [...claims].map(([commandId, claim]) =>
        this.client.appendToStream(this.server(commandIndexStream(commandId)), {
          id: randomUUID(),
          contentType: 'application/json',
          type: COMMAND_INDEX_TYPE,
          data: claim as never,
          metadata: undefined,
        }),
      ),
    )
    const data = events.map((e) => toEventData(e, keepRecordedAt ? (e as ImportedEvent).recordedAt : now))
    let written
    try {
      written = await this.client.appendToStream(this.server(streamId), data, { expectedRevision: from === 0 ? NO_STREAM : BigInt(from - 1) })
    } catch (e) {
      if (isWrongExpectedVersion(e)) return undefined
      throw e
    }
    const recorded =
      events.length === 1 && written.position !== undefined
        ? [
            fromRecord(
              {
                streamId,
                id: data[0]!.id,
                revision: BigInt(from),
                type: data[0]!.type,
                data: JSON.parse(JSON.stringify(data[0]!.data)),
                metadata: JSON.parse(JSON.stringify(data[0]!.metadata)),
                isJson: true,
              },
              written.position.commit,
            ),
          ]
        : await this.streamPage(streamId, from, events.length)
    if (recorded.length !== events.length || recorded.some((r, i) => r.eventId !== events[i]!.eventId))
      throw new StoreErrorException({ _tag: 'StoreFailure', message: `${streamId}: the events read back after the append are not the ones written` })
    return { streamId, revision: from + events.length - 1, position: recorded[recorded.length - 1]!.position, events: recorded }
  }

  private async streamPage(streamId: string, from: number, count: number): Promise<RecordedEvent[]> {
    const out: RecordedEvent[] = []
    try {
      for await (const r of this.client.readStream(this.server(streamId), { fromRevision: BigInt(from), maxCount: count, direction: FORWARDS }) as AsyncIterable<Resolved>)
        if (r.event !== undefined) out.push(fromRecord({ ...r.event, streamId }))
    } catch (e) {
      if (isStreamNotFound(e)) return []
      throw new StoreErrorException(storeErrorOf(e))
    }
    return out
  }

  async *readStream(streamId: string, opts: { fromRevision?: number; pageSize?: number } = {}): AsyncIterable<RecordedEvent> {
    if (isInternalStream(streamId)) return
    const size = pageSizeOf(opts.pageSize)
    for (let from = Math.max(0, opts.fromRevision ?? 0); ;) {
      const page = await this.streamPage(streamId, from, size)
      yield* page
      if (page.length < size) return
      from = page[page.length - 1]!.revision + 1
    }
  }

  /** Up to `limit` of hoi's events after `after`, skipping system events and the command index. */
  private async allPage(after: number, limit: number, direction: typeof FORWARDS | typeof BACKWARDS = FORWARDS): Promise<RecordedEvent[]> {
    const out: RecordedEvent[] = []
    let from: typeof START | typeof END | { commit: bigint; prepare: bigint } = direction === BACKWARDS ? END : after > 0 ? { commit: BigInt(after), prepare: BigInt(after) } : START
    const raw = Math.max(limit * 2, 64) // about half of the log is the command index
    try {
      for (;;) {
        let seen = 0
        let last: bigint | undefined
        for await (const r of this.client.readAll({ fromPosition: from, maxCount: raw, direction }) as AsyncIterable<Resolved>) {
          seen++
          const e = r.event
          if (e === undefined) continue
          const commit = e.position?.commit ?? r.commitPosition
          last = commit
          if (commit === undefined || (direction === FORWARDS && commit <= BigInt(after))) continue
          const event = this.ours(e, commit)
          if (event === undefined) continue
          out.push(event)
          if (out.length >= limit) return out
        }
        if (seen < raw || last === undefined) return out
        // the next raw page starts after the last record seen (inclusive reads: skip it by position)
        if (direction === FORWARDS) {
          after = Math.max(after, safeNumber(last, 'commit position'))
          from = { commit: last, prepare: last }
        } else {
          from = { commit: last, prepare: last }
        }
      }
    } catch (e) {
      throw new StoreErrorException(storeErrorOf(e))
    }
  }

  async *readAll(opts: { after?: number; pageSize?: number } = {}): AsyncIterable<RecordedEvent> {
    const size = pageSizeOf(opts.pageSize)
    for (let after = Math.max(0, opts.after ?? 0); ;) {
      const page = await this.allPage(after, size)
      for (let i = 0; i < page.length; i++) {
        if (i > 0 && page[i]!.position <= page[i - 1]!.position)
          throw new StoreErrorException({ _tag: 'StoreFailure', message: `positions out of order in $all at ${page[i]!.position}: hoi needs one commit position per event` })
        yield page[i]!
      }
      if (page.length < size) return
      after = page[page.length - 1]!.position
    }
  }

  async readPage(after: number, limit: number = DEFAULT_PAGE_SIZE): Promise<ReadonlyArray<RecordedEvent>> {
    return limit <= 0 ? [] : this.allPage(Math.max(0, after), limit)
  }

  /**
   * Reads the command's index stream, then checks each claim against the stream it names: only
   * events found there, with those ids at those revisions, count (a claim whose append never
   * happened or lost a race is ignored).
   */
  async eventsOfCommand(commandId: string): Promise<ReadonlyArray<RecordedEvent>> {
    const claims: CommandWrote[] = []
    try {
      for await (const r of this.client.readStream(this.server(commandIndexStream(commandId)), { fromRevision: START, direction: FORWARDS }) as AsyncIterable<Resolved>)
        if (r.event !== undefined && isCommandWrote(r.event.data)) claims.push(r.event.data)
    } catch (e) {
      if (!isStreamNotFound(e)) throw new StoreErrorException(storeErrorOf(e))
    }
    const byId = new Map<string, RecordedEvent>()
    for (const claim of claims) {
      if (claim.events.length === 0) continue
      const revisions = claim.events.map((p) => p[0])
      const low = Math.min(...revisions)
      const page = await this.streamPage(claim.streamId, low, Math.max(...revisions) - low + 1)
      for (const [revision, eventId] of claim.events) {
        const stored = page[revision - low]
        if (stored !== undefined && stored.eventId === eventId && stored.metadata.commandId === commandId) byId.set(eventId, stored)
      }
    }
    return [...byId.values()].sort((a, b) => a.position - b.position)
  }

  async streamRevision(streamId: string): Promise<number> {
    try {
      for await (const r of this.client.readStream(this.server(streamId), { fromRevision: END, direction: BACKWARDS, maxCount: 1 }) as AsyncIterable<Resolved>)
        if (r.event !== undefined) return safeNumber(r.event.revision, 'stream revision')
      return -1
    } catch (e) {
      if (isStreamNotFound(e)) return -1
      throw new StoreErrorException(storeErrorOf(e))
    }
  }

  async head(): Promise<number> {
    const [last] = await this.allPage(0, 1, BACKWARDS)
    return last?.position ?? 0
  }

  async close(): Promise<void> {
    await this.client.dispose()
  }
}

/** `esdb://…`, `esdb+discover://…`, `kurrentdb://…` (connection-string settings as the client documents them). */
export const openEsdb = (url: string, opts: StoreOptions = {}, namespace = ''): EsdbStore => {
  const client = EventStoreDBClient.connectionString(clientConnectionString(url))
  return new EsdbStore(url, client, opts, namespace)
}
