import * as t from 'io-ts'
import { Id, IsoDate, Period, Text, message, taggedUnion } from '../codecs.js'
import { Indicators } from './indicators.js'

const id = { associationId: Id, period: Period }

/** `late` and `dueOn` are decided from the period, the regime and the policy (R19, R35). */
export const ReportSubmitted = message('ReportSubmitted', { ...id, submittedOn: IsoDate, indicators: Indicators, dueOn: IsoDate, late: t.boolean }, { narrative: Text })
export const ReportCorrected = message('ReportCorrected', { ...id, correctedOn: IsoDate, indicators: Indicators, reason: Text }, { narrative: Text })
export const ReportApproved = message('ReportApproved', { ...id, approvedOn: IsoDate })
export const ReportReturned = message('ReportReturned', { ...id, returnedOn: IsoDate, reason: Text })

const members = { ReportSubmitted, ReportCorrected, ReportApproved, ReportReturned }
export const Event = taggedUnion('ReportEvent', 'type', members)
export type Event = t.TypeOf<typeof Event>
export const eventTypes = Object.keys(members) as ReadonlyArray<Event['type']>
