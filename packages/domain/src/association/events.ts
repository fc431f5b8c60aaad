import * as t from 'io-ts'
import { describeAs } from '../schema.js'
import { Count, Flags, Id, IsoDate, Name, PositiveCount, Ref, Text, boundedArray, isReservedKey, message, oneOf, reservedMessage, strict, taggedUnion } from '../codecs.js'
import { associationKinds, regimes, scopes } from '../policy.js'
import { events as governanceEvents } from './governance-messages.js'
import { Gender } from '../member/events.js'

export {
  ExtraordinaryCongressRequested,
  CongressNotified,
  AuthorityOpinionRecorded,
  HeadquartersChanged,
  CharterApproved,
  ComplaintLodged,
  ComplaintResolved,
  BranchEstablished,
  BranchClosed,
  LeaderRemunerationRecorded,
  RequestingBody,
  AuthorityOpinion,
  BranchLevel,
} from './governance-messages.js'

export const AssociationKind = oneOf('AssociationKind', associationKinds)
export const Scope = oneOf('Scope', scopes)
export const Regime = oneOf('Regime', regimes)
/** Administrative area code (province, district or commune unit), e.g. `12`, `12.105`, `12.105.03`. */
const AREA = /^[0-9A-Za-z]{1,10}(\.[0-9A-Za-z]{1,10}){0,3}$/
export const AreaCode = describeAs(
  new t.Type<string, string, unknown>(
    'AreaCode',
    (u): u is string => typeof u === 'string' && AREA.test(u) && !isReservedKey(u),
    (u, c) => (typeof u !== 'string' || !AREA.test(u) ? t.failure(u, c, 'must be an area code like 12, 12.105 or 12.105.03') : isReservedKey(u) ? t.failure(u, c, reservedMessage(u)) : t.success(u)),
    (a) => a,
  ),
  { type: 'string', pattern: '^[0-9A-Za-z]{1,10}(\\.[0-9A-Za-z]{1,10}){0,3}$', description: 'Administrative area code: province 12, district 12.105, commune 12.105.03' },
)
export const CongressKind = oneOf('CongressKind', ['founding', 'term', 'extraordinary'] as const)
export const CongressForm = oneOf('CongressForm', ['plenary', 'delegate'] as const)
export const OfficerRole = oneOf('OfficerRole', ['president', 'vice-president', 'secretary-general', 'standing-committee', 'executive-committee', 'inspection-chair', 'inspection-committee'] as const)
export const ConferenceKind = oneOf('ConferenceKind', ['review', 'training', 'deployment'] as const)
export const DissolutionKind = oneOf('DissolutionKind', ['voluntary', 'compulsory'] as const)
/** R24 (voluntary) and R25 (compulsory) grounds. */
export const DissolutionGround = oneOf('DissolutionGround', [
  'purpose-achieved',
  'term-ended',
  'no-assets',
  'members-request',
  'executive-resolution',
  'inactive-12-months',
  'ignored-dissolution-resolution',
  'serious-violation',
  'suspension-unremedied',
  'parent-dissolved',
] as const)
/** What becomes of a child when its parent is dissolved (R30): moved under another parent, or dissolved with it. */
export const ChildFate = t.union(
  [strict({ associationId: Id, fate: t.literal('reparent'), parentId: Id }, 'ChildReparented'), strict({ associationId: Id, fate: t.literal('dissolve') }, 'ChildDissolved')],
  'ChildFate',
)
export const ChildFates = boundedArray(ChildFate, 500, 'ChildFates')

/** Reorganisation (R21): how a source ends, and how a body founded by one came about. */
export const Ending = oneOf('ReorganisationEnding', ['divided', 'absorbed', 'consolidated'] as const)
export const OriginHow = oneOf('ReorganisationOrigin', ['divided', 'separated', 'consolidated'] as const)
/** How a body founded by a reorganisation came about, and from which associations. */
export const Origin = strict({ how: OriginHow, from: boundedArray(Id, 50, 'OriginSources') }, 'Origin')

const id = { associationId: Id }

export const AssociationFounded = message(
  'AssociationFounded',
  {
    ...id,
    name: Name,
    kind: AssociationKind,
    regime: Regime,
    scope: Scope,
    areaCode: AreaCode,
    foundedOn: IsoDate,
    foundingMembers: Count,
    flags: Flags,
  },
  { parentId: Id, decisionRef: Ref, origin: Origin },
)
export const AssociationRenamed = message('AssociationRenamed', { ...id, name: Name, renamedOn: IsoDate }, { decisionRef: Ref })
export const SpecialStatusGranted = message('SpecialStatusGranted', { ...id, grantedOn: IsoDate }, { decisionRef: Ref })
export const SpecialStatusRevoked = message('SpecialStatusRevoked', { ...id, revokedOn: IsoDate }, { decisionRef: Ref })
export const StaffQuotaAssigned = message('StaffQuotaAssigned', { ...id, quota: Count, assignedOn: IsoDate }, { decisionRef: Ref })
export const CongressHeld = message(
  'CongressHeld',
  {
    ...id,
    number: Name,
    kind: CongressKind,
    form: CongressForm,
    heldOn: IsoDate,
    termStart: IsoDate,
    termEnd: IsoDate,
    delegatesExpected: PositiveCount,
    delegatesPresent: Count,
  },
  { flags: Flags },
)
export const OfficerElected = message('OfficerElected', { ...id, memberId: Id, fullName: Name, role: OfficerRole, electedOn: IsoDate }, { termEnd: IsoDate })
export const OfficerRelieved = message('OfficerRelieved', { ...id, memberId: Id, role: OfficerRole, relievedOn: IsoDate }, { reason: Text })
export const ResolutionAdopted = message('ResolutionAdopted', {
  ...id,
  resolutionId: Id,
  congressNumber: Name,
  adoptedOn: IsoDate,
  title: Name,
  targets: boundedArray(Name, 100, 'Targets'),
  keyTasks: boundedArray(Name, 100, 'KeyTasks'),
  programmes: boundedArray(Name, 100, 'Programmes'),
})
export const ConferenceHeld = message('ConferenceHeld', { ...id, conferenceId: Id, kind: ConferenceKind, title: Name, heldOn: IsoDate, attendees: Count })
export const AssociationSuspended = message('AssociationSuspended', { ...id, suspendedOn: IsoDate, until: IsoDate, reason: Text }, { decisionRef: Ref })
export const SuspensionExtended = message('SuspensionExtended', { ...id, extendedOn: IsoDate, until: IsoDate }, { decisionRef: Ref })
export const AssociationReinstated = message('AssociationReinstated', { ...id, reinstatedOn: IsoDate }, { decisionRef: Ref })
export const AssociationDissolved = message(
  'AssociationDissolved',
  {
    ...id,
    dissolvedOn: IsoDate,
    dissolution: DissolutionKind,
    ground: DissolutionGround,
  },
  { decisionRef: Ref, requestingMembers: Count, officialMembers: Count, children: ChildFates },
)
export const AssociationReparented = message('AssociationReparented', { ...id, parentId: Id, reparentedOn: IsoDate }, { previousParentId: Id, decisionRef: Ref })
/** The parent's own record of its children, kept by follow-ups of the children's events (R30). */
export const ChildAttached = message('ChildAttached', { ...id, childId: Id, attachedOn: IsoDate })
export const ChildDetached = message('ChildDetached', { ...id, childId: Id, detachedOn: IsoDate })
/** The source ends (divided, absorbed, consolidated); `heirId` carries on its members, clubs, targets and quota. */
export const AssociationReorganised = message(
  'AssociationReorganised',
  {
    ...id,
    how: Ending,
    reorganisedOn: IsoDate,
    heirId: Id,
    successorIds: boundedArray(Id, 50, 'SuccessorIds'),
  },
  { decisionRef: Ref },
)
/** A part of the association became a new one; the source carries on (R21). */
export const AssociationSeparated = message('AssociationSeparated', { ...id, separatedOn: IsoDate, newAssociationId: Id }, { decisionRef: Ref })
/**
 * The heir's own record of what it took over; a carried staff quota follows as StaffQuotaAssigned.
 * `alsoCarried`: the associations the source itself carried on, whose members come with it.
 */
export const AssociationTookOver = message('AssociationTookOver', { ...id, fromId: Id, how: Ending, takenOverOn: IsoDate }, { alsoCarried: boundedArray(Id, 500, 'AlsoCarried') })

/** A member of the founding committee (ban vận động thành lập hội), counted by person (R4). */
export const CommitteeMember = strict({ personId: Id, fullName: Name }, 'CommitteeMember')
/** A person who registered to found the association (R3); from Decree 126 an official member at its founding (R7). */
export const Registrant = strict({ personId: Id, fullName: Name, birthDate: IsoDate, gender: Gender }, 'Registrant')
export const Committee = boundedArray(CommitteeMember, 200, 'Committee')
export const Registrants = boundedArray(Registrant, 5000, 'Registrants')

/** The founding procedure (R4, R5): the authority recognises a committee for a proposed association, then permits it. */
export const FoundingCommitteeRecognised = message(
  'FoundingCommitteeRecognised',
  {
    ...id,
    name: Name,
    kind: AssociationKind,
    scope: Scope,
    areaCode: AreaCode,
    recognisedOn: IsoDate,
    committee: Committee,
  },
  { parentId: Id, decisionRef: Ref },
)
/** `congressDueBy`: the founding congress is held by then (90 days from the permit, R5). */
export const AssociationEstablishmentPermitted = message(
  'AssociationEstablishmentPermitted',
  {
    ...id,
    permittedOn: IsoDate,
    congressDueBy: IsoDate,
    registrants: Registrants,
  },
  { decisionRef: Ref },
)
/** The one extension of the congress deadline (R5): `congressDueBy` is the new deadline. */
export const EstablishmentPermitExtended = message('EstablishmentPermitExtended', { ...id, requestedOn: IsoDate, congressDueBy: IsoDate }, { decisionRef: Ref })
/** No founding congress by the deadline: the permit has no effect any more (R5). */
export const EstablishmentPermitLapsed = message('EstablishmentPermitLapsed', { ...id, lapsedOn: IsoDate })

const members = {
  AssociationFounded,
  AssociationRenamed,
  SpecialStatusGranted,
  SpecialStatusRevoked,
  StaffQuotaAssigned,
  CongressHeld,
  OfficerElected,
  OfficerRelieved,
  ResolutionAdopted,
  ConferenceHeld,
  AssociationSuspended,
  AssociationReinstated,
  AssociationDissolved,
  AssociationReparented,
  ChildAttached,
  ChildDetached,
  SuspensionExtended,
  AssociationReorganised,
  AssociationSeparated,
  AssociationTookOver,
  FoundingCommitteeRecognised,
  AssociationEstablishmentPermitted,
  EstablishmentPermitExtended,
  EstablishmentPermitLapsed,
  ...governanceEvents,
}
export const Event = taggedUnion('AssociationEvent', 'type', members)
export type Event = t.TypeOf<typeof Event>
export const eventTypes = Object.keys(members) as ReadonlyArray<Event['type']>
