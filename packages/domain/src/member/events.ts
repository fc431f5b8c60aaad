import * as t from 'io-ts'
import { Flags, Id, IsoDate, Name, Text, message, oneOf, strict, taggedUnion } from '../codecs.js'
import { erasable } from '../person/personal.js'

export const Gender = oneOf('Gender', ['female', 'male', 'other'] as const)
export const MemberCategory = oneOf('MemberCategory', ['official', 'associate', 'honorary'] as const)

/** An organisation admitted as a member, through the representative the person fields describe (R9). */
export const Representative = strict({ organisation: Name, vietnameseCitizen: t.boolean }, 'Representative')

const id = { memberId: Id, associationId: Id }
/** Personal fields (person/personal.ts) read back as "[đã xoá]" once the person is erased. */
const fullName = erasable(Name)
const birthDate = erasable(IsoDate)
const gender = erasable(Gender)
const cardNo = erasable(Name)
const person = { personId: Id, fullName, birthDate, gender }

export const MemberAdmitted = message('MemberAdmitted', { ...id, ...person, category: MemberCategory, admittedOn: IsoDate, flags: Flags }, { cardNo, representative: Representative })
export const MemberCategoryChanged = message('MemberCategoryChanged', { ...id, category: MemberCategory, changedOn: IsoDate })
/** Corrections are the one thing allowed after a member has left (R11). */
export const MemberDetailsCorrected = message('MemberDetailsCorrected', { ...id, correctedOn: IsoDate, reason: Text }, { fullName, birthDate, gender, cardNo, flags: Flags })
export const MemberTransferredOut = message('MemberTransferredOut', { ...id, personId: Id, toAssociationId: Id, toMemberId: Id, transferredOn: IsoDate })
export const MemberTransferredIn = message(
  'MemberTransferredIn',
  {
    ...id,
    ...person,
    category: MemberCategory,
    fromAssociationId: Id,
    fromMemberId: Id,
    transferredOn: IsoDate,
    flags: Flags,
  },
  { cardNo },
)
export const MemberResigned = message('MemberResigned', { ...id, resignedOn: IsoDate }, { reason: Text })
export const MemberExpelled = message('MemberExpelled', { ...id, expelledOn: IsoDate, reason: Text })
export const MemberStruckOff = message('MemberStruckOff', { ...id, struckOffOn: IsoDate, reason: Text })
export const MemberDeceased = message('MemberDeceased', { ...id, diedOn: IsoDate })
export const MemberReferredToParty = message('MemberReferredToParty', { ...id, referredOn: IsoDate })
/** The member joins a branch (chi hội) or cell (tổ hội) of its association (R20); one at a time. */
export const MemberPlacedInBranch = message('MemberPlacedInBranch', { ...id, branchId: Id, placedOn: IsoDate })

const members = {
  MemberAdmitted,
  MemberCategoryChanged,
  MemberDetailsCorrected,
  MemberTransferredOut,
  MemberTransferredIn,
  MemberResigned,
  MemberExpelled,
  MemberStruckOff,
  MemberDeceased,
  MemberReferredToParty,
  MemberPlacedInBranch,
}
export const Event = taggedUnion('MemberEvent', 'type', members)
export type Event = t.TypeOf<typeof Event>
export const eventTypes = Object.keys(members) as ReadonlyArray<Event['type']>
