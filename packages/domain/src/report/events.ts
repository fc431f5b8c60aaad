import * as t from 'io-ts'
import { Id, IsoDate, Period, Text, boundedArray, message, taggedUnion } from '../codecs.js'
import { Indicators } from './indicators.js'

const id = { associationId: Id, period: Period }
/** The child associations whose reports were approved before their parent's (R32). */
export const ChildAssociationIds = boundedArray(Id, 500, 'ChildAssociationIds')

/** `late` and `dueOn` are decided from the period, the regime and the policy (R19, R35). */
export const ReportSubmitted = message('ReportSubmitted', { ...id, submittedOn: IsoDate, indicators: Indicators, dueOn: IsoDate, late: t.boolean }, { narrative: Text })
export const ReportCorrected = message('ReportCorrected', { ...id, correctedOn: IsoDate, indicators: Indicators, reason: Text }, { narrative: Text })
export const ReportApproved = message('ReportApproved', { ...id, approvedOn: IsoDate }, { childAssociationIds: ChildAssociationIds })
export const ReportReturned = message('ReportReturned', { ...id, returnedOn: IsoDate, reason: Text })
/** An approval withdrawn by the approving level, top-down (R33): the report is open again. */
export const ReportUnapproved = message('ReportUnapproved', { ...id, unapprovedOn: IsoDate, reason: Text })
/** Entry re-opened for this association and period after expiry, from `grantedOn` to `until` (R34). */
export const LockExceptionGranted = message('LockExceptionGranted', { ...id, grantedOn: IsoDate, until: IsoDate, reason: Text })
/** Lock exceptions of this association and period end the day before `revokedOn` (R34). */
export const LockExceptionRevoked = message('LockExceptionRevoked', { ...id, revokedOn: IsoDate, reason: Text })

const members = { ReportSubmitted, ReportCorrected, ReportApproved, ReportReturned, ReportUnapproved, LockExceptionGranted, LockExceptionRevoked }
export const Event = taggedUnion('ReportEvent', 'type', members)
export type Event = t.TypeOf<typeof Event>
export const eventTypes = Object.keys(members) as ReadonlyArray<Event['type']>
