import * as E from 'fp-ts/lib/Either.js'
import type { AppendItem, AppendResult, EventStore, ExpectedRevision, ImportItem, NewEvent, StoreError } from '@hoi/adapters'

/**
 * A store without atomic multi-stream appends, as KurrentDB is: appendMany writes one stream after
 * the other through the wrapped store's single-stream append. `crashAfter` makes it die like a
 * killed process once that many single-stream appends are stored (it throws; nothing answers).
 */
export class PerStreamStore implements EventStore {
  readonly kind: EventStore['kind']
  readonly url: string
  readonly capabilities = { densePositions: false, atomicMultiStream: false } as const
  appends = 0

  constructor(
    readonly inner: EventStore,
    private readonly crashAfter = Number.POSITIVE_INFINITY,
  ) {
    this.kind = inner.kind
    this.url = inner.url
  }

  append(streamId: string, events: ReadonlyArray<NewEvent>, expected: ExpectedRevision): Promise<E.Either<StoreError, AppendResult>> {
    return this.one({ streamId, events, expected }, (i) => this.inner.append(i.streamId, i.events, i.expected))
  }

  async appendMany(items: ReadonlyArray<AppendItem>): Promise<E.Either<StoreError, ReadonlyArray<AppendResult>>> {
    return this.each(items, (i) => this.inner.append(i.streamId, i.events, i.expected))
  }

  async importEvents(items: ReadonlyArray<ImportItem>): Promise<E.Either<StoreError, ReadonlyArray<AppendResult>>> {
    return this.each(items, async (i) => E.map((rs: ReadonlyArray<AppendResult>) => rs[0]!)(await this.inner.importEvents([i])))
  }

  private async each<I extends AppendItem>(items: ReadonlyArray<I>, write: (i: I) => Promise<E.Either<StoreError, AppendResult>>): Promise<E.Either<StoreError, ReadonlyArray<AppendResult>>> {
    const out: AppendResult[] = []
    for (const item of items) {
      const r = await this.one(item, write)
      if (E.isLeft(r)) return r
      out.push(r.right)
    }
    return E.right(out)
  }

  private async one<I extends AppendItem>(item: I, write: (i: I) => Promise<E.Either<StoreError, AppendResult>>): Promise<E.Either<StoreError, AppendResult>> {
    if (this.appends >= this.crashAfter) throw new Error(`crashed after ${this.appends} single-stream appends`)
    const r = await write(item)
    if (E.isRight(r)) this.appends++
    return r
  }

  readStream = (streamId: string, opts?: { fromRevision?: number; pageSize?: number }) => this.inner.readStream(streamId, opts)
  readAll = (opts?: { after?: number; pageSize?: number }) => this.inner.readAll(opts)
  readPage = (after: number, limit: number) => this.inner.readPage(after, limit)
  eventsOfCommand = (commandId: string) => this.inner.eventsOfCommand(commandId)
  streamRevision = (streamId: string) => this.inner.streamRevision(streamId)
  head = () => this.inner.head()
  close = () => this.inner.close()
}
