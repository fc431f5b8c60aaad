import { addDays, type IsoDate, type Period } from '../codecs.js'
import type { Event } from './events.js'
import type { Indicators } from './indicators.js'

/** What was first submitted: a repeated SubmitReport is compared with this, not with later corrections. */
export type Submission = { readonly submittedOn: IsoDate; readonly indicators: Indicators; readonly narrative: string | undefined }
/** Entry re-opened after expiry, from `grantedOn` through `until` (R34). */
export type LockException = { readonly grantedOn: IsoDate; readonly until: IsoDate }

export type State =
  | { readonly status: 'none'; readonly lockExceptions: ReadonlyArray<LockException> }
  | {
      readonly status: 'submitted' | 'returned' | 'approved'
      readonly associationId: string
      readonly period: Period
      readonly submittedOn: IsoDate
      readonly dueOn: IsoDate
      readonly late: boolean
      readonly indicators: Indicators
      readonly narrative: string | undefined
      readonly submission: Submission
      readonly correctedOn: IsoDate | undefined
      readonly returnedOn: IsoDate | undefined
      readonly approvedOn: IsoDate | undefined
      readonly unapprovedOn: IsoDate | undefined
      readonly lockExceptions: ReadonlyArray<LockException>
    }

/** R34: exceptions end the day before the revocation; one that had not started is gone. */
export const revokedFrom = (exceptions: ReadonlyArray<LockException>, on: IsoDate): ReadonlyArray<LockException> =>
  exceptions.flatMap((x) => (x.until < on ? [x] : x.grantedOn >= on ? [] : [{ grantedOn: x.grantedOn, until: addDays(on, -1) }]))

export const initialState: State = { status: 'none', lockExceptions: [] }

export const evolve = (state: State, event: Event): State => {
  switch (event.type) {
    case 'ReportSubmitted': {
      const d = event.data
      const submission = { submittedOn: d.submittedOn, indicators: d.indicators, narrative: d.narrative }
      return {
        status: 'submitted',
        associationId: d.associationId,
        period: d.period,
        submittedOn: d.submittedOn,
        dueOn: d.dueOn,
        late: d.late,
        indicators: d.indicators,
        narrative: d.narrative,
        submission,
        correctedOn: undefined,
        returnedOn: undefined,
        approvedOn: undefined,
        unapprovedOn: undefined,
        lockExceptions: state.lockExceptions,
      }
    }
    // a correction of a returned report re-submits it; a correction without narrative keeps the one there
    case 'ReportCorrected': {
      if (state.status === 'none') return state
      const d = event.data
      return { ...state, status: 'submitted', indicators: d.indicators, narrative: d.narrative ?? state.narrative, correctedOn: d.correctedOn }
    }
    case 'ReportReturned':
      return state.status === 'none' ? state : { ...state, status: 'returned', returnedOn: event.data.returnedOn }
    case 'ReportApproved':
      return state.status === 'none' ? state : { ...state, status: 'approved', approvedOn: event.data.approvedOn }
    case 'ReportUnapproved':
      return state.status === 'none' ? state : { ...state, status: 'submitted', approvedOn: undefined, unapprovedOn: event.data.unapprovedOn }
    case 'LockExceptionGranted':
      return { ...state, lockExceptions: [...state.lockExceptions, { grantedOn: event.data.grantedOn, until: event.data.until }] }
    case 'LockExceptionRevoked':
      return { ...state, lockExceptions: revokedFrom(state.lockExceptions, event.data.revokedOn) }
  }
}
