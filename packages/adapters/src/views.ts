import type { RecordedEvent } from '@hoi/domain'
import type * as P from '@hoi/projections'

/**
 * Record time: the view as the log stood at `recordedAsOf` (an ISO date, meaning the end of that
 * day UTC, or an ISO date-time). It selects the events at or below the greatest position whose
 * `recordedAt` is at or before that instant; stores stamp `recordedAt` non-decreasing in position
 * order. Independent of the business date `asOf`: "what did the view say for 2024-04-30 when it
 * was asked on 2024-04-30" is `{ asOf: '2024-04-30', recordedAsOf: '2024-04-30' }`.
 */
export type RecordTime = { readonly recordedAsOf?: string }

/**
 * Every view of DOMAIN.md, answered from wherever the engine keeps it (view tables in the store's
 * own database, or the pure in-memory fold for the memory store). Each method answers exactly what
 * the pure query of @hoi/projections with the same name answers on the fold of the same events.
 * `undefined` means "no such association/target" (a 404), never an error.
 */
export interface ViewReader {
  registry(q: P.RegistryQuery & RecordTime): Promise<P.AssociationRow[]>
  association(associationId: string, q: { readonly asOf?: string } & RecordTime): Promise<P.AssociationRow | undefined>
  roster(associationId: string, q: P.RosterQuery & RecordTime): Promise<P.MemberRow[] | undefined>
  statistics(q: P.StatisticsQuery & RecordTime): Promise<P.Statistics>
  clubs(q: P.ClubsQuery & RecordTime): Promise<P.ClubRow[]>
  clubsByArea(q: P.ClubsByAreaQuery & RecordTime): Promise<P.ClubsByAreaRow[]>
  /** the administrative units in force on a date, as a tree (province → district until 2025-07-01 → commune) */
  units(q: P.UnitsQuery & RecordTime): Promise<P.UnitRow[]>
  targets(q: { readonly asOf: string; readonly ownerAssociationId?: string } & RecordTime): Promise<P.TargetProgress[]>
  targetProgress(targetId: string, q: { readonly asOf: string } & RecordTime): Promise<P.TargetProgress | undefined>
  reportRollup(q: { readonly associationId: string; readonly period: string; readonly asOf?: string } & RecordTime): Promise<P.ReportRollup | undefined>
  reports(q: P.ReportsQuery & RecordTime): Promise<P.ReportRow[]>
  /** who owes a report for the period and where each stands (R19, R35) */
  completeness(q: P.CompletenessQuery & RecordTime): Promise<P.Completeness>
  commendations(q: { readonly movementId?: string; readonly asOf?: string } & RecordTime): Promise<P.CommendationsRow[]>
  congressWatch(q: { readonly asOf: string; readonly withinMonths?: number } & RecordTime): Promise<P.CongressWatch>
  /** Associations in their founding procedure on the date, with the permit's deadline (R4, R5). */
  foundings(q: P.FoundingsQuery & RecordTime): Promise<P.FoundingRow[]>
  conferences(q: P.ConferencesQuery & RecordTime): Promise<P.ConferenceRow[]>
  resolutions(q: P.MeetingsQuery & RecordTime): Promise<P.ResolutionRow[]>
  /** headquarters, charter, branches, requests, notices, pending complaints, reportable changes and flags (R16–R18, R20, R25, R27) */
  governance(associationId: string, q: { readonly asOf?: string } & RecordTime): Promise<P.Governance | undefined>
}

export type ParkedEvent = {
  readonly position: number
  readonly projection: string
  readonly streamId: string
  readonly type: string
  readonly reason: string
  readonly parkedAt: string
}

export type ProjectionState = {
  readonly name: string
  readonly version: number
  /** the checkpoint: every event at or below it is applied or parked */
  readonly position: number
  readonly state: 'live' | 'rebuilding'
}

export type EngineStatus = {
  /** the lowest checkpoint of all projections */
  readonly position: number
  readonly head: number
  readonly parked: number
  readonly projections: ReadonlyArray<ProjectionState>
}

export type Progress = (done: number, total: number) => void

/**
 * The read side of one store: views plus the runner that keeps them caught up. Opened once per
 * process; several processes may open engines on the same store (each follows the others' writes).
 */
export interface ViewEngine extends ViewReader {
  /** applies the events after the checkpoints up to the head the log had when it started (a bound: writes made meanwhile wait for the next call), page by page; returns the position reached */
  catchUp(opts?: { readonly onProgress?: Progress }): Promise<number>
  /** the events a command of this process just stored: applied at once, in order (else a catch-up) */
  committed(events: ReadonlyArray<RecordedEvent>): Promise<void>
  status(): Promise<EngineStatus>
  parked(limit?: number): Promise<ReadonlyArray<ParkedEvent>>
  /** rebuilds the named projections (all when empty) blue/green, retrying parked events */
  rebuild(names?: ReadonlyArray<string>, opts?: { readonly onProgress?: Progress }): Promise<void>
  close(): Promise<void>
}
