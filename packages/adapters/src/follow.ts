import type { PostgresStore } from './postgres.js'
import type { EventStore } from './store.js'
import type { ViewEngine } from './views.js'

export type FollowOptions = {
  /** how often to look at the store's head when nothing announces new events, ms */
  readonly pollMs: number
  /** on a store that announces its commits (PostgreSQL), the safety-net poll, ms (default 30,000) */
  readonly slowPollMs?: number
  /**
   * A position the views have reached (every event at or below it applied or parked) and the head
   * seen before the catch-up: after each catch-up, and after each page it commits on the way (a
   * catch-up stops at the head it saw when it started; what was appended meanwhile is the next
   * wake's)
   */
  readonly onReached?: (position: number, head: number) => void
  /** a failed head read or catch-up, or a lost notification connection (the follower goes on) */
  readonly onError?: (e: Error) => void
}

export type Follower = {
  /** 'notify': woken by the store's commits (PostgreSQL LISTEN); 'poll': by a timer */
  readonly via: 'notify' | 'poll'
  /** asks for a catch-up now (coalesced with one already running) */
  wake(): void
  stop(): Promise<void>
}

const asError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)))

/**
 * Runs one catch-up at a time: a wake during a catch-up runs one more after it, so no commit
 * announced meanwhile is missed and bursts of wakes cost one catch-up each.
 */
export class Chaser {
  private running = false
  private again = false
  private stopped = false
  private reached = 0
  private idle: Promise<void> = Promise.resolve()

  constructor(
    private readonly store: EventStore,
    private readonly views: ViewEngine,
    private readonly opts: FollowOptions,
  ) {}

  wake(): void {
    if (this.stopped) return
    if (this.running) {
      this.again = true
      return
    }
    this.running = true
    this.idle = this.loop()
  }

  private async loop(): Promise<void> {
    try {
      do {
        this.again = false
        try {
          const head = await this.store.head()
          if (head > this.reached) {
            // the catch-up starts at or after `from` (checkpoints only move on), so from + done never overstates
            const from = this.reached
            const onProgress = this.opts.onReached === undefined ? undefined : (done: number): void => this.opts.onReached?.(from + done, head)
            this.reached = await this.views.catchUp(onProgress === undefined ? {} : { onProgress })
          }
          this.opts.onReached?.(this.reached, head)
        } catch (e) {
          this.opts.onError?.(asError(e))
        }
      } while (this.again && !this.stopped)
    } finally {
      this.running = false
    }
  }

  /** No wake after this; waits for the catch-up in flight. */
  async stop(): Promise<void> {
    this.stopped = true
    await this.idle
  }
}

/**
 * Keeps `views` following what other writers append to `store`: on PostgreSQL by LISTEN on a
 * connection of its own (the store notifies in each append transaction), reconnecting when it is
 * lost, with a slow poll as a safety net; elsewhere by polling the head every `pollMs`.
 * The first catch-up runs at once.
 */
export const follow = async (store: EventStore, views: ViewEngine, opts: FollowOptions): Promise<Follower> => {
  const chaser = new Chaser(store, views, opts)
  const notify = store.kind === 'postgres'
  const stopListening = notify
    ? (await import('./projector/listen.js')).listen(
        (store as PostgresStore).pool.options,
        () => chaser.wake(),
        (e) => opts.onError?.(e),
      )
    : undefined
  const timer = setInterval(() => chaser.wake(), notify ? (opts.slowPollMs ?? 30_000) : opts.pollMs)
  timer.unref()
  chaser.wake()
  return {
    via: notify ? 'notify' : 'poll',
    wake: () => chaser.wake(),
    async stop() {
      clearInterval(timer)
      await stopListening?.()
      await chaser.stop()
    },
  }
}
