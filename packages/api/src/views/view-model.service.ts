import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common'
import { openViews, type EngineStatus, type ViewEngine } from '@hoi/adapters'
import type { RecordedEvent } from '@hoi/domain'
import { OPTIONS } from '../tokens.js'
import type { ResolvedOptions } from '../options.js'

/**
 * The read side of this process: the store's view engine, caught up on start, given the events of
 * each command handled here at once, and following other writers by polling the store's head.
 * `position` is what this process last saw the engine reach: the key of its answer cache.
 */
@Injectable()
export class ViewModelService implements OnModuleDestroy {
  private current: ViewEngine | undefined
  private reached = 0
  private timer: NodeJS.Timeout | undefined
  private polling = false
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

  async start(): Promise<void> {
    this.current = this.options.views ?? (await openViews(this.options.backingStore))
    await this.catchUp()
    const parked = (await this.current.parked(1)).length
    if (parked > 0) this.logger.warn('events were parked: see /health and `hoi parked`')
    this.timer = setInterval(() => void this.poll(), this.options.pollIntervalMs)
    this.timer.unref()
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer)
    // an engine given by the embedder is theirs to close
    if (this.current !== undefined && this.options.views === undefined) await this.current.close()
  }

  async catchUp(): Promise<void> {
    this.advance(await this.engine.catchUp())
  }

  /** The events a command of this process stored: applied at once (the engine catches up when they do not follow on). */
  async committed(events: ReadonlyArray<RecordedEvent>): Promise<void> {
    if (events.length === 0) return
    await this.engine.committed(events)
    this.advance(events[events.length - 1]!.position)
  }

  status(): Promise<EngineStatus> {
    return this.engine.status()
  }

  private advance(position: number): void {
    if (position > this.reached) this.reached = position
  }

  private async poll(): Promise<void> {
    if (this.polling) return
    this.polling = true
    try {
      this.lastHead = await this.options.store.head()
      this.lastPollError = undefined
      if (this.lastHead > this.reached) await this.catchUp()
    } catch (e) {
      this.lastPollError = e instanceof Error ? e.message : String(e)
    } finally {
      this.polling = false
    }
  }
}
