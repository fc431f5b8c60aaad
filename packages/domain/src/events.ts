import * as t from 'io-ts'
import type { IsoDate } from './codecs.js'
import { taggedUnion } from './codecs.js'
import type { AggregateName } from './decider.js'
import * as A from './association/events.js'
import * as M from './member/events.js'
import * as C from './club/events.js'
import * as T from './target/events.js'
import * as R from './report/events.js'
import * as V from './movement/events.js'
import * as K from './claim/claim.js'
import * as U from './unit/events.js'
import { occurredOnFields as governanceDates } from './association/governance-messages.js'
import * as P from './person/events.js'

const pick = <K extends string>(mod: Record<string, unknown>, types: ReadonlyArray<K>): Record<K, t.Mixed> => Object.fromEntries(types.map((k) => [k, mod[k] as t.Mixed])) as Record<K, t.Mixed>

const codecsByType = {
  ...pick(A, A.eventTypes),
  ...pick(M, M.eventTypes),
  ...pick(C, C.eventTypes),
  ...pick(T, T.eventTypes),
  ...pick(R, R.eventTypes),
  ...pick(V, V.eventTypes),
  ...pick(U, U.eventTypes),
  ...pick(K, K.eventTypes),
  ...pick(P, P.eventTypes),
}

export type DomainEvent = A.Event | M.Event | C.Event | T.Event | R.Event | V.Event | U.Event | K.Event | P.Event
export type EventType = DomainEvent['type']
/** Decodes any domain event `{ type, data }`; an unknown type names the types allowed. */
export const DomainEvent: t.Type<DomainEvent, unknown, unknown> = taggedUnion('DomainEvent', 'type', codecsByType) as t.Type<DomainEvent, unknown, unknown>
export const eventTypes = Object.keys(codecsByType) as ReadonlyArray<EventType>
export const eventCodecs: Readonly<Record<EventType, t.Mixed>> = codecsByType

/** The current schema version of every event type; older versions are upcast on read. */
export const schemaVersions: Readonly<Record<EventType, number>> = Object.fromEntries(eventTypes.map((k) => [k, 1])) as Record<EventType, number>

export const aggregateOfEvent: Readonly<Record<EventType, AggregateName>> = Object.fromEntries([
  ...A.eventTypes.map((k) => [k, 'association']),
  ...M.eventTypes.map((k) => [k, 'member']),
  ...C.eventTypes.map((k) => [k, 'club']),
  ...T.eventTypes.map((k) => [k, 'target']),
  ...R.eventTypes.map((k) => [k, 'report']),
  ...V.eventTypes.map((k) => [k, 'movement']),
  ...U.eventTypes.map((k) => [k, 'unit']),
  ...K.eventTypes.map((k) => [k, 'claim']),
  // an erasure concerns members' personal data: member views see it
  ...P.eventTypes.map((k) => [k, 'member']),
]) as Record<EventType, AggregateName>

/** The business-date field of each event: what `metadata.occurredOn` is set from. */
export const occurredOnField: Readonly<Record<EventType, string>> = {
  AssociationFounded: 'foundedOn',
  AssociationRenamed: 'renamedOn',
  SpecialStatusGranted: 'grantedOn',
  SpecialStatusRevoked: 'revokedOn',
  StaffQuotaAssigned: 'assignedOn',
  CongressHeld: 'heldOn',
  OfficerElected: 'electedOn',
  OfficerRelieved: 'relievedOn',
  ResolutionAdopted: 'adoptedOn',
  ConferenceHeld: 'heldOn',
  AssociationSuspended: 'suspendedOn',
  AssociationReinstated: 'reinstatedOn',
  AssociationDissolved: 'dissolvedOn',
  AssociationReparented: 'reparentedOn',
  SuspensionExtended: 'extendedOn',
  ChildAttached: 'attachedOn',
  ChildDetached: 'detachedOn',
  AssociationReorganised: 'reorganisedOn',
  AssociationSeparated: 'separatedOn',
  AssociationTookOver: 'takenOverOn',
  FoundingCommitteeRecognised: 'recognisedOn',
  AssociationEstablishmentPermitted: 'permittedOn',
  EstablishmentPermitExtended: 'requestedOn',
  EstablishmentPermitLapsed: 'lapsedOn',
  MemberAdmitted: 'admittedOn',
  MemberCategoryChanged: 'changedOn',
  MemberDetailsCorrected: 'correctedOn',
  MemberTransferredOut: 'transferredOn',
  MemberTransferredIn: 'transferredOn',
  MemberResigned: 'resignedOn',
  MemberExpelled: 'expelledOn',
  MemberStruckOff: 'struckOffOn',
  MemberDeceased: 'diedOn',
  MemberReferredToParty: 'referredOn',
  MemberPlacedInBranch: 'placedOn',
  ClubLaunched: 'launchedOn',
  ClubRosterReported: 'reportedOn',
  ClubActivityRecorded: 'heldOn',
  ClubClosed: 'closedOn',
  TargetSet: 'setOn',
  TargetRevised: 'revisedOn',
  TargetWithdrawn: 'withdrawnOn',
  ReportSubmitted: 'submittedOn',
  ReportCorrected: 'correctedOn',
  ReportApproved: 'approvedOn',
  ReportReturned: 'returnedOn',
  ReportUnapproved: 'unapprovedOn',
  LockExceptionGranted: 'grantedOn',
  LockExceptionRevoked: 'revokedOn',
  EmulationMovementLaunched: 'launchedOn',
  CommendationAwarded: 'awardedOn',
  EmulationMovementConcluded: 'concludedOn',
  AdminUnitCreated: 'createdOn',
  AdminUnitRenamed: 'renamedOn',
  AdminUnitMerged: 'mergedOn',
  AdminUnitReparented: 'reparentedOn',
  AdminUnitAbolished: 'abolishedOn',
  SubunitAttached: 'attachedOn',
  SubunitDetached: 'detachedOn',
  ClaimTaken: 'takenOn',
  ClaimReleased: 'releasedOn',
  ...governanceDates,
  PersonErased: 'erasedOn',
}

export const occurredOn = (event: DomainEvent): IsoDate => (event.data as unknown as Record<string, IsoDate>)[occurredOnField[event.type]] as IsoDate
