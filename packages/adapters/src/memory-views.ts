import * as E from 'fp-ts/lib/Either.js'
import { defaultPolicy, type Policy, type RecordedEvent } from '@hoi/domain'
import * as P from '@hoi/projections'
import type { EventStore } from './store.js'
import { decodeRecorded } from './upcast.js'
import { recordInstant, recordedBy } from './record-time.js'
import type { EngineStatus, ParkedEvent, Progress, RecordTime, ViewEngine } from './views.js'

/** The one projection of this engine: every view is a query over the same folded model. */
export const READ_MODEL = 'read-model'
const VERSION = 1
const PAGE = 1000
/** Folds kept for record-time answers, keyed by their cut-off position. */
const PAST_KEPT = 4

type Folded = { model: P.ReadModel; position: number; parked: ParkedEvent[] }

const fresh = (): Folded => ({ model: P.emptyModel(), position: 0, parked: [] })

/** Applies one stored event, or parks it with the reason it could not be applied. */
const applyOne = (f: Folded, r: RecordedEvent): void => {
  if (r.position <= f.position) return
  f.position = r.position
  const decoded = decodeRecorded(r)
  if (E.isLeft(decoded)) return park(f, r, decoded.left.issues.map((i) => `${i.field} ${i.message}`).join('; '))
  try {
    P.apply(f.model, { ...r, type: decoded.right.type, data: decoded.right.data } as P.Recorded)
  } catch (e) {
    park(f, r, e instanceof Error ? e.message : String(e))
  }
}

const park = (f: Folded, r: RecordedEvent, reason: string): void => {
  f.parked.push({ position: r.position, projection: READ_MODEL, streamId: r.streamId, type: r.type, reason, parkedAt: new Date().toISOString() })
}

/**
 * The reference engine, for the memory store and embedders: the pure fold of @hoi/projections
 * behind the ViewEngine contract. Catch-ups, committed events and rebuilds run one at a time;
 * record-time answers fold the log again up to their cut-off (correct, not fast).
 */
class MemoryViews implements ViewEngine {
  private live: Folded = fresh()
  private rebuilding = false
  private queue: Promise<unknown> = Promise.resolve()
  private readonly past = new Map<number, Folded>()

  constructor(
    private readonly store: EventStore,
    private readonly policy: Policy,
  ) {}

  /** One operation on the live fold at a time, in call order; a failure does not block the next. */
  private serial<T>(op: () => Promise<T>): Promise<T> {
    const run = this.queue.then(op)
    this.queue = run.catch(() => undefined)
    return run
  }

  private async foldInto(f: Folded, onProgress?: Progress, until?: (r: RecordedEvent) => boolean): Promise<number> {
    const total = onProgress === undefined ? 0 : await this.store.head()
    let sinceReport = 0
    for await (const r of this.store.readAll({ after: f.position, pageSize: PAGE })) {
      if (until !== undefined && until(r)) break
      applyOne(f, r)
      if (onProgress !== undefined && ++sinceReport === PAGE) {
        sinceReport = 0
        onProgress(f.position, Math.max(total, f.position))
      }
    }
    onProgress?.(f.position, Math.max(total, f.position))
    return f.position
  }

  catchUp(opts: { readonly onProgress?: Progress } = {}): Promise<number> {
    return this.serial(async () => {
      // bounded by the head as it is now: writes made meanwhile wait for the next call
      const head = await this.store.head()
      return this.foldInto(this.live, opts.onProgress, (r) => r.position > head)
    })
  }

  async committed(events: ReadonlyArray<RecordedEvent>): Promise<void> {
    await this.serial(async () => {
      const pending = events.filter((e) => e.position > this.live.position)
      if (pending.length === 0) return
      // only a dense log proves that nothing was written between the checkpoint and these events
      const followOn = this.store.capabilities.densePositions && pending.every((e, i) => e.position === this.live.position + 1 + i)
      if (followOn) for (const e of pending) applyOne(this.live, e)
      else await this.foldInto(this.live)
    })
  }

  async status(): Promise<EngineStatus> {
    const head = await this.store.head()
    const { position, parked } = this.live
    return { position, head, parked: parked.length, projections: [{ name: READ_MODEL, version: VERSION, position, state: this.rebuilding ? 'rebuilding' : 'live' }] }
  }

  async parked(limit = 100): Promise<ReadonlyArray<ParkedEvent>> {
    return this.live.parked.slice(-Math.max(0, limit))
  }

  /** Blue/green: a new fold is built while the old one keeps answering, then replaces it. */
  rebuild(names: ReadonlyArray<string> = [], opts: { readonly onProgress?: Progress } = {}): Promise<void> {
    const unknown = names.filter((n) => n !== READ_MODEL)
    if (unknown.length > 0) return Promise.reject(new RangeError(`no projection ${unknown.join(', ')}; this engine has: ${READ_MODEL}`))
    return this.serial(async () => {
      this.rebuilding = true
      try {
        const next = fresh()
        await this.foldInto(next, opts.onProgress)
        this.live = next
        this.past.clear()
      } finally {
        this.rebuilding = false
      }
    })
  }

  async close(): Promise<void> {
    await this.queue
    this.past.clear()
  }

  /** The model for a query: the live one, or the log folded up to the record-time cut-off. */
  private async modelFor(q: RecordTime): Promise<P.ReadModel> {
    if (q.recordedAsOf === undefined) return this.live.model
    const instant = recordInstant(q.recordedAsOf)
    const cutoff = await this.cutoffOf(instant)
    const hit = this.past.get(cutoff)
    if (hit !== undefined) return hit.model
    const f = fresh()
    await this.foldInto(f, undefined, (r) => r.position > cutoff)
    if (this.past.size >= PAST_KEPT) this.past.delete(this.past.keys().next().value!)
    this.past.set(cutoff, f)
    return f.model
  }

  /** The greatest position recorded at or before the instant (0 when none): the log is scanned in order. */
  private async cutoffOf(instant: number): Promise<number> {
    let cutoff = 0
    for await (const r of this.store.readAll({ pageSize: PAGE })) {
      if (!recordedBy(r.metadata.recordedAt, instant)) break
      cutoff = r.position
    }
    return cutoff
  }

  async registry(q: P.RegistryQuery & RecordTime) {
    return P.registry(await this.modelFor(q), q, undefined, this.policy.abolishedScopes)
  }
  async association(id: string, q: { readonly asOf?: string } & RecordTime) {
    return P.association(await this.modelFor(q), id, q.asOf, undefined, this.policy.abolishedScopes)
  }
  async roster(id: string, q: P.RosterQuery & RecordTime) {
    const m = await this.modelFor(q)
    return m.associations.has(id) ? P.roster(m, id, q) : undefined
  }
  async statistics(q: P.StatisticsQuery & RecordTime) {
    return P.statistics(await this.modelFor(q), q)
  }
  async clubs(q: P.ClubsQuery & RecordTime) {
    return P.clubs(await this.modelFor(q), q)
  }
  async clubsByArea(q: P.ClubsByAreaQuery & RecordTime) {
    return P.clubsByArea(await this.modelFor(q), q)
  }
  async units(q: P.UnitsQuery & RecordTime) {
    return P.units(await this.modelFor(q), q, this.policy.abolishedScopes)
  }
  async targets(q: { readonly asOf: string; readonly ownerAssociationId?: string } & RecordTime) {
    return P.targets(await this.modelFor(q), q)
  }
  async targetProgress(id: string, q: { readonly asOf: string } & RecordTime) {
    return P.targetProgress(await this.modelFor(q), id, q.asOf)
  }
  async reportRollup(q: { readonly associationId: string; readonly period: string; readonly asOf?: string } & RecordTime) {
    const m = await this.modelFor(q)
    return m.associations.has(q.associationId) ? P.reportRollup(m, q) : undefined
  }
  async reports(q: P.ReportsQuery & RecordTime) {
    return P.reports(await this.modelFor(q), q)
  }
  async completeness(q: { readonly period: string; readonly asOf?: string; readonly rootId?: string } & RecordTime) {
    return P.completeness(await this.modelFor(q), q)
  }
  async commendations(q: { readonly movementId?: string; readonly asOf?: string } & RecordTime) {
    return P.commendations(await this.modelFor(q), q)
  }
  async congressWatch(q: { readonly asOf: string; readonly withinMonths?: number } & RecordTime) {
    return P.congressWatch(await this.modelFor(q), q)
  }
  async foundings(q: { readonly asOf?: string; readonly areaCode?: string } & RecordTime) {
    return P.foundings(await this.modelFor(q), q)
  }
  async conferences(q: P.ConferencesQuery & RecordTime) {
    return P.conferences(await this.modelFor(q), q)
  }
  async resolutions(q: P.MeetingsQuery & RecordTime) {
    return P.resolutions(await this.modelFor(q), q)
  }
  async governance(associationId: string, q: { readonly asOf?: string } & RecordTime) {
    return P.governance(await this.modelFor(q), associationId, q.asOf)
  }
}

/** The reference view engine over any store; nothing is persisted, so opening it folds nothing until catchUp. */
export const openMemoryViews = async (store: EventStore, opts: { readonly policy?: Policy } = {}): Promise<ViewEngine> => new MemoryViews(store, opts.policy ?? defaultPolicy)
