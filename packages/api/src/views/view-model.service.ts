import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common'
import { follow, openViews, type EngineStatus, type Follower, type Progress, type ViewEngine } from '@hoi/adapters'
import type { RecordedEvent } from '@hoi/domain'
import { OPTIONS } from '../tokens.js'
import type { ResolvedOptions } from '../options.js'

/**
 * The read side of this process: the store's view engine, caught up on start, given the events of
 * each command handled here at once, and following other writers (LISTEN/NOTIFY on PostgreSQL,
 * polling the store's head every `pollIntervalMs` elsewhere).
 * `position` is what this process last saw the engine reach: the key of its answer cache.
 */
@Injectable()
export class ViewModelService implements OnModuleDestroy {
  private current: ViewEngine | undefined
  private reached = 0
  /** the batch of committed events not yet handed to the engine, and the one it waits for */
  private nextBatch: { events: RecordedEvent[]; done: Promise<void> } | undefined
  private applying: Promise<void> = Promise.resolve()
  private follower: Follower | undefined
  private readonly logger = new Logger('hoi.view')
  lastHead = 0
  lastPollError: string | undefined

  constructor(@Inject(OPTIONS) private readonly options: ResolvedOptions) {}

  get engine(): ViewEngine {
    if (this.current === undefined) throw new Error('the view engine is not started')
    return this.current
  }

  /** The last position the engine reported reaching (every event at or below it applied or parked). */
  get position(): number {
    return this.reached
  }

  /** Opens the engine (building missing views) and catches it up before the app answers: a first start on a big log shows progress. */
  async start(): Promise<void> {
    const progress = this.options.viewsProgress
    this.current =
      this.options.views ??
      (await openViews(this.options.backingStore, {
        ...(progress === undefined ? {} : { onProgress: progress.build }),
        ...(this.options.viewsAt === undefined ? {} : { viewsAt: this.options.viewsAt }),
        // the units tree hides the levels the configured policy abolished, as the domain refuses them (R37)
        ...(this.options.policy === undefined ? {} : { policy: this.options.policy }),
      }))
    await this.catchUp(progress?.catchUp)
    const parked = (await this.current.parked(1)).length
    if (parked > 0) this.logger.warn('events were parked: see /health and `hoi parked`')
    this.follower = await follow(this.options.backingStore, this.current, {
      pollMs: this.options.pollIntervalMs,
      onReached: (position, head) => {
        this.lastHead = head
        this.lastPollError = undefined
        this.advance(position)
      },
      onError: (e) => {
        this.lastPollError = e.message
      },
    })
  }

  async onModuleDestroy(): Promise<void> {
    await this.follower?.stop()
    // an engine given by the embedder is theirs to close
    if (this.current !== undefined && this.options.views === undefined) await this.current.close()
  }

  async catchUp(onProgress?: Progress): Promise<void> {
    this.advance(await this.engine.catchUp(onProgress === undefined ? {} : { onProgress }))
  }

  /**
   * The events a command of this process stored: applied at once (the engine catches up when they
   * do not follow on). Commands that finish while the engine is busy are applied together in one
   * turn (one catch-up, one view transaction) when it is free again.
   */
  async committed(events: ReadonlyArray<RecordedEvent>): Promise<void> {
    if (events.length === 0) return
    const batch = this.nextBatch ?? this.openBatch()
    batch.events.push(...events)
    await batch.done
    this.advance(events[events.length - 1]!.position)
  }

  private openBatch(): { events: RecordedEvent[]; done: Promise<void> } {
    const events: RecordedEvent[] = []
    const done = this.applying.then(() => {
      // events of commands that finish from now on wait for the next batch
      this.nextBatch = undefined
      return this.engine.committed(events.sort((a, b) => a.position - b.position))
    })
    this.applying = done.catch(() => undefined)
    this.nextBatch = { events, done }
    return this.nextBatch
  }

  status(): Promise<EngineStatus> {
    return this.engine.status()
  }

  private advance(position: number): void {
    if (position > this.reached) this.reached = position
  }
}
