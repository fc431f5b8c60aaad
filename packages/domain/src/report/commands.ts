import * as t from 'io-ts'
import { Id, IsoDate, Period, Text, message, taggedUnion } from '../codecs.js'
import { Indicators } from './indicators.js'
import { reportStream } from '../streams.js'

const id = { associationId: Id, period: Period }

export const SubmitReport = message('SubmitReport', { ...id, submittedOn: IsoDate, indicators: Indicators }, { narrative: Text })
/** Allowed while submitted or returned; an approved report is locked (R33). */
export const CorrectReport = message('CorrectReport', { ...id, correctedOn: IsoDate, indicators: Indicators, reason: Text }, { narrative: Text })
export const ApproveReport = message('ApproveReport', { ...id, approvedOn: IsoDate })
export const ReturnReport = message('ReturnReport', { ...id, returnedOn: IsoDate, reason: Text })

const members = { SubmitReport, CorrectReport, ApproveReport, ReturnReport }
export const Command = taggedUnion('ReportCommand', 'type', members)
export type Command = t.TypeOf<typeof Command>
export const commandCodecs = members
export const commandTypes = Object.keys(members) as ReadonlyArray<Command['type']>
/** One stream per association and period: the store's expected revision enforces one report each. */
export const streamId: (associationId: string, period: string) => string = reportStream.format
/** The association and period of a report stream id; undefined for any other stream. */
export const parseStreamId = reportStream.parse
