import * as t from 'io-ts'
import { Id, IsoDate, Name, Text, message, taggedUnion } from '../codecs.js'
import { Gender, MemberCategory, Representative } from './events.js'
import { idStream } from '../streams.js'

const id = { memberId: Id, associationId: Id }
const person = { personId: Id, fullName: Name, birthDate: IsoDate, gender: Gender }

/** `representative`: the member is an organisation, and the person is its representative (R9). */
export const AdmitMember = message('AdmitMember', { ...id, ...person, category: MemberCategory, admittedOn: IsoDate }, { cardNo: Name, representative: Representative })
export const ChangeMemberCategory = message('ChangeMemberCategory', { ...id, category: MemberCategory, changedOn: IsoDate })
export const CorrectMemberDetails = message('CorrectMemberDetails', { ...id, correctedOn: IsoDate, reason: Text }, { fullName: Name, birthDate: IsoDate, gender: Gender, cardNo: Name })
/** First half of a transfer (R12): the source member leaves towards `toAssociationId` as `toMemberId`. */
export const TransferMemberOut = message('TransferMemberOut', { ...id, toAssociationId: Id, toMemberId: Id, transferredOn: IsoDate })
/**
 * Second half (R12): the destination admits the same person; needs the matching transfer out.
 * `personId`, when given, must be the departing member's, and lets the destination check that the
 * person is not already an active member there (R10).
 */
export const TransferMemberIn = message('TransferMemberIn', { ...id, fromAssociationId: Id, fromMemberId: Id, transferredOn: IsoDate }, { category: MemberCategory, cardNo: Name, personId: Id })
export const RecordResignation = message('RecordResignation', { ...id, resignedOn: IsoDate }, { reason: Text })
export const ExpelMember = message('ExpelMember', { ...id, expelledOn: IsoDate, reason: Text })
export const StrikeOffMember = message('StrikeOffMember', { ...id, struckOffOn: IsoDate, reason: Text })
export const RecordDeath = message('RecordDeath', { ...id, diedOn: IsoDate })
export const ReferMemberToParty = message('ReferMemberToParty', { ...id, referredOn: IsoDate })
export const PlaceMemberInBranch = message('PlaceMemberInBranch', { ...id, branchId: Id, placedOn: IsoDate })

const members = {
  AdmitMember,
  ChangeMemberCategory,
  CorrectMemberDetails,
  TransferMemberOut,
  TransferMemberIn,
  RecordResignation,
  ExpelMember,
  StrikeOffMember,
  RecordDeath,
  ReferMemberToParty,
  PlaceMemberInBranch,
}
export const Command = taggedUnion('MemberCommand', 'type', members)
export type Command = t.TypeOf<typeof Command>
export const commandCodecs = members
export const commandTypes = Object.keys(members) as ReadonlyArray<Command['type']>
const stream = idStream('member')
export const streamId: (memberId: string) => string = stream.format
/** The memberId id of a stream id of this aggregate; undefined for any other stream. */
export const parseStreamId: (streamId: string) => string | undefined = stream.parse
