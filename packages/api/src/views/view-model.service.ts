import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common'
import * as E from 'fp-ts/lib/Either.js'
import { decodeRecorded } from '@hoi/adapters'
import type { RecordedEvent } from '@hoi/domain'
import { apply, emptyModel, type ReadModel, type Recorded } from '@hoi/projections'
import { OPTIONS } from '../tokens.js'
import type { ResolvedOptions } from '../options.js'

export type ParkedEvent = { readonly position: number; readonly streamId: string; readonly revision: number; readonly type: string; readonly reason: string }

const PAGE = 1000
const PARKED_KEPT = 100

/**
 * The read model of this process: folded from the store on start, advanced with the events of each
 * command handled here, and by polling the store's head for events other processes wrote. An event
 * that cannot be decoded or applied is parked (kept for /health) so that it never stalls the view.
 */
@Injectable()
export class ViewModelService implements OnModuleDestroy {
  readonly model: ReadModel = emptyModel()
  private processed = 0
  private parkedCount = 0
  private readonly parked: ParkedEvent[] = []
  private queue: Promise<void> = Promise.resolve()
  private timer: NodeJS.Timeout | undefined
  private polling = false
  private readonly logger = new Logger('hoi.view')
  lastHead = 0
  lastPollError: string | undefined

  constructor(@Inject(OPTIONS) private readonly options: ResolvedOptions) {}

  /** The last global position folded (applied or parked). */
  get position(): number {
    return this.processed
  }

  get parkedEvents(): { readonly count: number; readonly latest: ReadonlyArray<ParkedEvent> } {
    return { count: this.parkedCount, latest: this.parked }
  }

  async start(): Promise<void> {
    await this.catchUp()
    this.timer = setInterval(() => void this.poll(), this.options.pollIntervalMs)
    this.timer.unref()
  }

  onModuleDestroy(): void {
    if (this.timer !== undefined) clearInterval(this.timer)
  }

  /** Reads everything after the current position; runs one at a time, so folds never interleave. */
  catchUp(): Promise<void> {
    const run = this.queue.then(() => this.fold())
    this.queue = run.catch(() => undefined)
    return run
  }

  /** The events a command of this process stored: applied at once when they follow on, else a catch-up. */
  async committed(events: ReadonlyArray<RecordedEvent>): Promise<void> {
    const pending = events.filter((e) => e.position > this.processed)
    if (pending.length === 0) return
    if (pending.every((e, i) => e.position === this.processed + 1 + i)) for (const e of pending) this.applyOne(e)
    else await this.catchUp()
  }

  private async fold(): Promise<void> {
    for await (const r of this.options.store.readAll({ after: this.processed, pageSize: PAGE })) this.applyOne(r)
  }

  private applyOne(r: RecordedEvent): void {
    if (r.position <= this.processed) return
    const decoded = decodeRecorded(r)
    if (E.isLeft(decoded)) {
      this.park(r, decoded.left.issues.map((i) => `${i.field} ${i.message}`).join('; '))
      return
    }
    try {
      apply(this.model, { ...r, type: decoded.right.type, data: decoded.right.data } as Recorded)
      this.processed = r.position
    } catch (e) {
      this.park(r, e instanceof Error ? e.message : String(e))
    }
  }

  private park(r: RecordedEvent, reason: string): void {
    this.parkedCount++
    this.parked.push({ position: r.position, streamId: r.streamId, revision: r.revision, type: r.type, reason })
    if (this.parked.length > PARKED_KEPT) this.parked.shift()
    this.logger.warn(`parked event at position ${r.position} (${r.type} in ${r.streamId}): ${reason}`)
    this.processed = r.position
  }

  private async poll(): Promise<void> {
    if (this.polling) return
    this.polling = true
    try {
      this.lastHead = await this.options.store.head()
      this.lastPollError = undefined
      if (this.lastHead > this.processed) await this.catchUp()
    } catch (e) {
      this.lastPollError = e instanceof Error ? e.message : String(e)
    } finally {
      this.polling = false
    }
  }
}
