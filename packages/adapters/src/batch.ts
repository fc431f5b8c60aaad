import * as E from 'fp-ts/lib/Either.js'
import { aggregates as registry, decodeWith, defaultPolicy, DomainCommand, fold, type CommandMetadata, type DecodeFailure, type FollowUp, type Policy, type RecordedEvent } from '@hoi/domain'
import { followUpMeta } from './followups.js'
import {
  asStoreError,
  contextFor,
  expectedOf,
  handleCommand,
  loadStream,
  moduleNamed,
  moduleOf,
  replayedOutcome,
  toNewEvents,
  type Aggregates,
  type AnyAggregate,
  type CommandFailure,
  type CommandOutcome,
  type Loaded,
} from './handle.js'
import type { AppendItem, EventStore, NewEvent, StoreError } from './store.js'
import { readRecorded } from './upcast.js'

/** A command as read from a file or built by a loader: decoded here, so raw JSON is fine. */
export type BatchItem = { readonly command: unknown; readonly meta: CommandMetadata }
export type BatchResult = E.Either<CommandFailure | DecodeFailure, CommandOutcome>
export type BatchOptions = {
  policy?: Policy
  aggregates?: Aggregates
  /** events per transaction (default 5,000) */
  maxEventsPerTransaction?: number
  /** after each transaction: how many of the items are settled, of how many */
  onProgress?: (done: number, total: number) => void
}

/** one decided command waiting to be written: its events and the revision its decision saw; a follow-up has no index of its own */
type Slot = {
  readonly index: number | undefined
  readonly command: DomainCommand
  readonly meta: CommandMetadata
  readonly streamId: string
  readonly events: ReadonlyArray<NewEvent>
  readonly expected: AppendItem['expected']
}
type Item = { streamId: string; events: NewEvent[]; expected: AppendItem['expected'] }

/**
 * The append items for the decided commands and where each command's events land (item, offset).
 * In one transaction a stream is one item. Without atomic multi-stream appends the items follow
 * the commands' order (consecutive commands on one stream share an item), so whatever a crash
 * leaves stored is a prefix of the batch: a re-run replays that prefix and decides the rest on the
 * same states as the first run did.
 */
const itemsOf = (slots: ReadonlyArray<Slot>, atomic: boolean): { order: Item[]; at: Array<readonly [number, number]> } => {
  const order: Item[] = []
  const at: Array<readonly [number, number]> = []
  const byStream = new Map<string, number>()
  for (const s of slots) {
    const last = order.length - 1
    let k = atomic ? byStream.get(s.streamId) : last >= 0 && order[last]!.streamId === s.streamId ? last : undefined
    if (k === undefined) {
      k = order.push({ streamId: s.streamId, events: [], expected: s.expected }) - 1
      byStream.set(s.streamId, k)
    }
    const item = order[k]!
    at.push([k, item.events.length])
    item.events.push(...s.events)
  }
  return { order, at }
}

const decodeCommand = decodeWith(DomainCommand)

/**
 * Applies many commands in order (demo, `hoi exec`, import): every stream is loaded once and kept
 * folded in memory, decisions see the effect of earlier commands of the batch, and the events are
 * written with appendMany in transactions of up to `maxEventsPerTransaction`. A rejected command
 * stores nothing and does not affect the others; a commandId already stored is replayed. If a
 * write fails (another writer moved a stream, an I/O error), its commands are redone one by one
 * with handleCommand, so each gets its own answer; on a store without atomic multi-stream appends
 * the ones already stored answer as replayed. Interrupted (a crash), running the same batch again
 * gives the same end state on every store.
 */
export const runBatch = async (store: EventStore, items: ReadonlyArray<BatchItem>, opts: BatchOptions = {}): Promise<ReadonlyArray<BatchResult>> => {
  const aggregates = opts.aggregates ?? registry
  const policy = opts.policy ?? defaultPolicy
  const limit = Math.max(1, opts.maxEventsPerTransaction ?? 5000)
  const results: Array<BatchResult | undefined> = new Array<BatchResult | undefined>(items.length)
  const sameAs = new Map<number, number>() // a repeated commandId of this batch answers like its first occurrence
  const stored = new Map<string, number>() // commandId → index of the command of this batch that wrote its events
  const cache = new Map<string, Loaded>()
  const followed = new Set<string>() // follow-up command ids decided in this batch
  // on an empty store no commandId can be stored yet, which saves one lookup per command
  let mayHaveSeen = (await store.head().catch(() => 1)) > 0
  // and every stream not yet touched by this batch is known to be empty, which saves one read per new stream
  let emptyAtStart = !mayHaveSeen
  const atomic = store.capabilities.atomicMultiStream
  let slots: Slot[] = []
  let size = 0

  const load = async (module: AnyAggregate, streamId: string): Promise<E.Either<StoreError, Loaded>> => {
    const hit = cache.get(streamId)
    if (hit !== undefined) return E.right(hit)
    if (emptyAtStart) return E.right({ state: module.decider.initialState, revision: -1 })
    const loaded = await loadStream(store, module, streamId)
    if (E.isRight(loaded)) cache.set(streamId, loaded.right)
    return loaded
  }

  const flush = async (): Promise<void> => {
    if (slots.length === 0) return
    const { order, at } = itemsOf(slots, atomic)
    const written = await store.appendMany(order)
    if (E.isRight(written)) {
      slots.forEach((s, i) => {
        if (s.index === undefined) return
        const [k, offset] = at[i]!
        const events = written.right[k]!.events.slice(offset, offset + s.events.length)
        results[s.index] = E.right({ _tag: 'Done', streamId: s.streamId, revision: events[events.length - 1]!.revision, events, replayed: false })
      })
    } else {
      // nothing of this transaction is stored and the cached states are stale: settle each command alone
      cache.clear()
      followed.clear()
      mayHaveSeen = true
      emptyAtStart = false
      // a follow-up is run again by its cause's handleCommand
      for (const s of slots) if (s.index !== undefined) results[s.index] = await handleCommand(store, s.command, s.meta, { policy, aggregates })
    }
    slots = []
    size = 0
  }

  /** Decides follow-ups like commands of the batch; one refused is left out, as handleCommand reports but does not undo it. */
  const follow = async (followUps: ReadonlyArray<FollowUp>, cause: CommandMetadata, depth: number): Promise<void> => {
    if (depth > 4) return
    for (const f of followUps) {
      const meta = followUpMeta(cause, f.key)
      if (followed.has(meta.commandId)) continue
      if (mayHaveSeen && (await store.eventsOfCommand(meta.commandId).catch(() => [])).length > 0) continue
      const module = moduleNamed(aggregates, f.aggregate)
      const streamId = module.streamOf(f.command)
      const loaded = await load(module, streamId)
      if (E.isLeft(loaded)) continue
      const context = await contextFor(module, f.command, policy, (need) => load(moduleNamed(aggregates, need.aggregate), need.streamId))
      if (E.isLeft(context)) continue
      const { state, revision } = loaded.right
      const decision = module.decider.decide(f.command, state, context.right)
      if (E.isLeft(decision) || decision.right.length === 0) continue
      const after = fold(module.decider.evolve, state, decision.right)
      cache.set(streamId, { state: after, revision: revision + decision.right.length })
      // right after its cause, so on a store without multi-stream transactions a crash still leaves a prefix
      slots.push({ index: undefined, command: f.command as DomainCommand, meta, streamId, events: toNewEvents(decision.right, streamId, meta), expected: expectedOf(revision) })
      followed.add(meta.commandId)
      size += decision.right.length
      await follow(module.followUps?.(f.command, decision.right, after, context.right) ?? [], meta, depth + 1)
    }
  }

  for (let index = 0; index < items.length; index++) {
    const { command: raw, meta } = items[index]!
    const decoded = decodeCommand(raw)
    if (E.isLeft(decoded)) {
      results[index] = decoded
      continue
    }
    const command = decoded.right
    const first = stored.get(meta.commandId)
    if (first !== undefined) {
      sameAs.set(index, first)
      continue
    }
    if (mayHaveSeen) {
      let prior: ReadonlyArray<RecordedEvent>
      try {
        prior = await store.eventsOfCommand(meta.commandId)
      } catch (e) {
        results[index] = E.left(asStoreError(e))
        continue
      }
      if (prior.length > 0) {
        results[index] = E.right(replayedOutcome(prior))
        // like handleCommand's retry: finish the follow-ups a crash may have left undone (each is skipped when stored)
        const module = moduleOf(aggregates, command)
        if (module.followUps !== undefined) {
          const streamId = module.streamOf(command)
          const loaded = await load(module, streamId)
          const context = await contextFor(module, command, policy, (need) => load(moduleNamed(aggregates, need.aggregate), need.streamId))
          if (E.isRight(loaded) && E.isRight(context)) {
            const events = prior
              .filter((r) => r.streamId === streamId)
              .map(readRecorded)
              .flatMap((e) => (E.isRight(e) ? [e.right] : []))
            await follow(module.followUps(command, events, loaded.right.state, context.right), meta, 1)
            if (size >= limit) await flush()
          }
        }
        continue
      }
    }
    const module = moduleOf(aggregates, command)
    const streamId = module.streamOf(command)
    const loaded = await load(module, streamId)
    if (E.isLeft(loaded)) {
      results[index] = loaded
      continue
    }
    const context = await contextFor(module, command, policy, (need) => load(moduleNamed(aggregates, need.aggregate), need.streamId))
    if (E.isLeft(context)) {
      results[index] = context
      continue
    }
    const { state, revision } = loaded.right
    const decision = module.decider.decide(command, state, context.right)
    if (E.isLeft(decision)) {
      results[index] = decision
      continue
    }
    const events = decision.right
    if (events.length === 0) {
      results[index] = E.right({ _tag: 'Done', streamId, revision, events: [], replayed: false })
      continue
    }
    const after = fold(module.decider.evolve, state, events)
    cache.set(streamId, { state: after, revision: revision + events.length })
    slots.push({ index, command, meta, streamId, events: toNewEvents(events, streamId, meta), expected: expectedOf(revision) })
    stored.set(meta.commandId, index)
    size += events.length
    // follow-ups join the same transaction, so on a store with atomic multi-stream appends they are all-or-nothing with their cause
    await follow(module.followUps?.(command, events, after, context.right) ?? [], meta, 1)
    if (size >= limit) {
      await flush()
      opts.onProgress?.(index + 1, items.length)
    }
  }
  await flush()
  opts.onProgress?.(items.length, items.length)

  for (const [index, first] of sameAs) {
    const r = results[first]!
    results[index] = E.isRight(r) && r.right.events.length > 0 ? E.right(replayedOutcome(r.right.events)) : r
  }
  return results as ReadonlyArray<BatchResult>
}
