import * as t from 'io-ts'
import { Id, IsoDate, Period, Text, message, taggedUnion } from '../codecs.js'
import { Indicators } from './indicators.js'
import { reportStream } from '../streams.js'
import { ChildAssociationIds } from './events.js'

const id = { associationId: Id, period: Period }

export const SubmitReport = message('SubmitReport', { ...id, submittedOn: IsoDate, indicators: Indicators }, { narrative: Text })
/** Allowed while submitted or returned; an approved report is locked (R33). */
export const CorrectReport = message('CorrectReport', { ...id, correctedOn: IsoDate, indicators: Indicators, reason: Text }, { narrative: Text })
/** `childAssociationIds`: the child associations that owe a report for the period; each must be approved first (R32). */
export const ApproveReport = message('ApproveReport', { ...id, approvedOn: IsoDate }, { childAssociationIds: ChildAssociationIds })
export const ReturnReport = message('ReturnReport', { ...id, returnedOn: IsoDate, reason: Text })
/** `parentAssociationId` is required when the association has a parent: its report must not be approved (R33). */
export const UnapproveReport = message('UnapproveReport', { ...id, unapprovedOn: IsoDate, reason: Text }, { parentAssociationId: Id })
export const GrantLockException = message('GrantLockException', { ...id, grantedOn: IsoDate, until: IsoDate, reason: Text })
/** Ends every lock exception of this association and period from `revokedOn` (R34): entry closes again that day. */
export const RevokeLockException = message('RevokeLockException', { ...id, revokedOn: IsoDate, reason: Text })

const members = { SubmitReport, CorrectReport, ApproveReport, ReturnReport, UnapproveReport, GrantLockException, RevokeLockException }
export const Command = taggedUnion('ReportCommand', 'type', members)
export type Command = t.TypeOf<typeof Command>
export const commandCodecs = members
export const commandTypes = Object.keys(members) as ReadonlyArray<Command['type']>
/** One stream per association and period: the store's expected revision enforces one report each. */
export const streamId: (associationId: string, period: string) => string = reportStream.format
/** The association and period of a report stream id; undefined for any other stream. */
export const parseStreamId = reportStream.parse
