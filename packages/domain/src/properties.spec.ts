import { describe, expect, it } from 'vitest'
import * as fc from 'fast-check'
import type * as t from 'io-ts'
import * as E from 'fp-ts/lib/Either.js'
import { addDays, daysBetween, isReservedKey, type IsoDate } from './codecs.js'
import { DomainEvent, eventCodecs, eventTypes, type EventType } from './events.js'
import { DomainCommand, commandCodecs, commandTypes, type CommandType } from './commands.js'
import { AssociationKind, ConferenceKind, Ending, OriginHow, CongressForm, CongressKind, DissolutionGround, DissolutionKind, OfficerRole, Regime, Scope } from './association/events.js'
import { Gender, MemberCategory } from './member/events.js'
import { ActivityArea, ClubModel, ClubProgramme } from './club/events.js'
import { Counting, Metric } from './target/events.js'
import { indicatorCatalogue } from './report/indicators.js'
import { UnitLevel } from './unit/events.js'
import { AuthorityOpinion, BranchLevel, RequestingBody } from './association/governance-messages.js'

type Fields = Record<string, fc.Arbitrary<unknown>>
const record = (fields: Fields, requiredKeys: ReadonlyArray<string> = Object.keys(fields)) => fc.record(fields, { requiredKeys: [...requiredKeys], noNullPrototype: true })
/** A `{ type, data }` message: required fields always present, optional ones sometimes omitted. */
const message = (type: string, required: Fields, optional: Fields = {}) => record({ type: fc.constant(type), data: record({ ...required, ...optional }, Object.keys(required)) })

/** The values an enumeration allows, read from the codec itself (its refusal lists them). */
const enumOf = (codec: t.Mixed, wrap: (v: string) => unknown = (v) => v): fc.Arbitrary<string> => {
  const refused = codec.decode(wrap('\u0000'))
  const listed = E.isLeft(refused) ? /must be one of (.*)$/.exec(refused.left[0]?.message ?? '')?.[1] : undefined
  if (listed === undefined) throw new Error(`${codec.name} does not list its values`)
  return fc.constantFrom(...listed.split(', '))
}

const letters = [...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY', ...'àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ']
/** Decomposed and half-composed spellings, which must decode to the same NFC letters. */
const combining = ['e\u0302\u0301', 'a\u0306\u0300', 'u\u031B\u0303', 'o\u0302\u0323', '\u00EA\u0303', 'E\u0302\u0309']
const word = fc.string({ unit: fc.constantFrom(...letters, ...combining), minLength: 1, maxLength: 7 })
const name = fc.tuple(fc.array(word, { minLength: 1, maxLength: 5 }), fc.boolean()).map(([ws, loose]) => (loose ? `  ${ws.join('   ')} ` : ws.join(' ')))
const text = fc.string({ unit: fc.constantFrom(...letters, ...combining, ' ', '\n', '\t', '.', ',', '1', '%'), maxLength: 80 })
// names of Object.prototype's members are refused as keys, so the generators leave them out
const notReserved = (s: string) => !isReservedKey(s)
const id = fc.oneof(fc.uuid(), fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,15}$/).filter(notReserved))
const FIRST = '1900-01-01' as IsoDate
const date = fc.integer({ min: 0, max: daysBetween(FIRST, '2199-12-31' as IsoDate) }).map((n) => addDays(FIRST, n))
const count = fc.oneof(fc.nat({ max: 1000 }), fc.maxSafeNat())
const positive = fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER })
const year = fc.integer({ min: 1900, max: 2199 })
const period = fc.tuple(year, fc.constantFrom('', 'S1', 'S2', 'Q1', 'Q2', 'Q3', 'Q4', 'M01', 'M02', 'M06', 'M09', 'M10', 'M12')).map(([y, p]) => `${y}${p}`)
const areaCode = fc
  .array(fc.stringMatching(/^[0-9A-Za-z]{1,10}$/), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.join('.'))
  .filter(notReserved)
const claimId = fc.tuple(fc.constantFrom('membership', 'area'), id, id).map(([n, a, b]) => `${n}~${a}~${b}`)
const ids = fc.array(id, { maxLength: 5 })
const ending = enumOf(Ending)
const origin = record({ how: enumOf(OriginHow), from: ids })
const newBody = record({ associationId: id, name, scope: enumOf(Scope), areaCode, foundingMembers: count }, ['associationId', 'name', 'scope', 'areaCode'])
const flags = fc.array(record({ rule: fc.constantFrom('R3', 'R28', 'R29'), code: fc.string({ maxLength: 20 }), message: fc.string({ maxLength: 80 }) }), { maxLength: 4 })
const indicatorCode = fc.oneof(fc.constantFrom(...Object.keys(indicatorCatalogue)), fc.stringMatching(/^[a-z][a-z0-9-]{1,20}$/).filter(notReserved))
const indicators = fc.dictionary(indicatorCode, count, { maxKeys: 8, noNullPrototype: true })
const names = fc.array(name, { maxLength: 5 })
const roster = record({ total: count, older: count, women: count, homeCareVolunteers: count })
const counting = enumOf(Counting)
const metric = fc.oneof(
  record({ kind: fc.constant('clubs-launched'), model: enumOf(Metric, (v) => ({ kind: 'clubs-launched', model: v, areaCode: '12' })), areaCode }),
  record({ kind: fc.constant('members-admitted'), associationId: id }),
  record({ kind: fc.constant('report-indicator'), associationId: id, indicator: indicatorCode }),
)
const milestones = fc.array(record({ label: name, goal: count, dueOn: date, counting }, ['label', 'goal', 'dueOn']), { maxLength: 4 })
const recipient = fc.oneof(record({ kind: fc.constant('collective'), name, associationId: id }, ['kind', 'name']), record({ kind: fc.constant('individual'), name, memberId: id }, ['kind', 'name']))

const association = { associationId: id }
const ref = { decisionRef: name }
const congress = {
  ...association,
  number: name,
  kind: enumOf(CongressKind),
  form: enumOf(CongressForm),
  heldOn: date,
  termStart: date,
  termEnd: date,
  delegatesExpected: positive,
  delegatesPresent: count,
}
const relieved = { ...association, memberId: id, role: enumOf(OfficerRole), relievedOn: date }
const resolution = { ...association, resolutionId: id, congressNumber: name, adoptedOn: date, title: name, targets: names, keyTasks: names, programmes: names }
const conference = { ...association, conferenceId: id, kind: enumOf(ConferenceKind), title: name, heldOn: date, attendees: count }
const dissolved = { ...association, dissolvedOn: date, dissolution: enumOf(DissolutionKind), ground: enumOf(DissolutionGround) }
const childFate = fc.oneof(record({ associationId: id, fate: fc.constant('reparent'), parentId: id }), record({ associationId: id, fate: fc.constant('dissolve') }))
const dissolvedOptional = { ...ref, requestingMembers: count, officialMembers: count, children: fc.array(childFate, { maxLength: 3 }) }
const member = { memberId: id, associationId: id }
const person = { personId: id, fullName: name, birthDate: date, gender: enumOf(Gender) }
const category = enumOf(MemberCategory)
const representative = record({ organisation: name, vietnameseCitizen: fc.boolean() })
const correction = [
  { ...member, correctedOn: date, reason: text },
  { fullName: name, birthDate: date, gender: enumOf(Gender), cardNo: name },
] as const
const launch = { clubId: id, name, model: enumOf(ClubModel), hostAssociationId: id, areaCode, launchedOn: date, programme: enumOf(ClubProgramme), roster }
const activity = { clubId: id, activityId: id, area: enumOf(ActivityArea), heldOn: date, title: name, participants: count }
const target = { targetId: id, ownerAssociationId: id, title: name, metric, counting, goal: count, startOn: date, dueOn: date, milestones, setOn: date }
const revision = [
  { targetId: id, revisedOn: date, reason: text },
  { goal: count, dueOn: date, milestones },
] as const
const report = { associationId: id, period }
const movement = { movementId: id, ownerAssociationId: id, title: name, cycleStart: year, cycleEnd: year, launchedOn: date }
const award = [{ movementId: id, commendationId: id, recipient, form: name, awardedOn: date }, { citation: text }] as const
const extraordinary = [{ ...association, requestId: id, requestedOn: date, by: enumOf(RequestingBody), requesting: count, outOf: positive }, { reason: text }] as const
const notice = [{ ...association, congressNumber: name, notifiedOn: date, plannedOn: date }, { authority: name }] as const
const opinion = [{ ...association, congressNumber: name, receivedOn: date, opinion: enumOf(AuthorityOpinion) }, { ref: name }] as const
const branch = [{ ...association, branchId: id, name, level: enumOf(BranchLevel), establishedOn: date }, { withinBranchId: id }] as const
const remuneration = { ...association, memberId: id, paidOn: date, monthlyAmount: count, retired: fc.boolean() }
const committee = [
  { ...association, name, kind: enumOf(AssociationKind), scope: enumOf(Scope), areaCode, recognisedOn: date, committee: fc.array(record({ personId: id, fullName: name }), { maxLength: 4 }) },
  { parentId: id, ...ref },
] as const
const registrants = fc.array(record(person), { maxLength: 4 })
const extension = { ...association, requestedOn: date, congressDueBy: date }

const events: Record<EventType, fc.Arbitrary<unknown>> = {
  AssociationFounded: message(
    'AssociationFounded',
    { ...association, name, kind: enumOf(AssociationKind), regime: enumOf(Regime), scope: enumOf(Scope), areaCode, foundedOn: date, foundingMembers: count, flags },
    { parentId: id, ...ref, origin },
  ),
  AssociationRenamed: message('AssociationRenamed', { ...association, name, renamedOn: date }, ref),
  SpecialStatusGranted: message('SpecialStatusGranted', { ...association, grantedOn: date }, ref),
  SpecialStatusRevoked: message('SpecialStatusRevoked', { ...association, revokedOn: date }, ref),
  StaffQuotaAssigned: message('StaffQuotaAssigned', { ...association, quota: count, assignedOn: date }, ref),
  CongressHeld: message('CongressHeld', congress, { flags }),
  OfficerElected: message('OfficerElected', { ...association, memberId: id, fullName: name, role: enumOf(OfficerRole), electedOn: date }, { termEnd: date }),
  OfficerRelieved: message('OfficerRelieved', relieved, { reason: text }),
  ResolutionAdopted: message('ResolutionAdopted', resolution),
  ConferenceHeld: message('ConferenceHeld', conference),
  AssociationSuspended: message('AssociationSuspended', { ...association, suspendedOn: date, until: date, reason: text }, ref),
  AssociationReinstated: message('AssociationReinstated', { ...association, reinstatedOn: date }, ref),
  AssociationDissolved: message('AssociationDissolved', dissolved, dissolvedOptional),
  SuspensionExtended: message('SuspensionExtended', { ...association, extendedOn: date, until: date }, ref),
  AssociationReorganised: message('AssociationReorganised', { ...association, how: ending, reorganisedOn: date, heirId: id, successorIds: ids }, ref),
  AssociationSeparated: message('AssociationSeparated', { ...association, separatedOn: date, newAssociationId: id }, ref),
  AssociationTookOver: message('AssociationTookOver', { ...association, fromId: id, how: ending, takenOverOn: date }),
  AssociationReparented: message('AssociationReparented', { ...association, parentId: id, reparentedOn: date }, { previousParentId: id, ...ref }),
  FoundingCommitteeRecognised: message('FoundingCommitteeRecognised', ...committee),
  AssociationEstablishmentPermitted: message('AssociationEstablishmentPermitted', { ...association, permittedOn: date, congressDueBy: date, registrants }, ref),
  EstablishmentPermitExtended: message('EstablishmentPermitExtended', extension, ref),
  EstablishmentPermitLapsed: message('EstablishmentPermitLapsed', { ...association, lapsedOn: date }),
  ChildAttached: message('ChildAttached', { ...association, childId: id, attachedOn: date }),
  ChildDetached: message('ChildDetached', { ...association, childId: id, detachedOn: date }),
  MemberAdmitted: message('MemberAdmitted', { ...member, ...person, category, admittedOn: date, flags }, { cardNo: name, representative }),
  MemberCategoryChanged: message('MemberCategoryChanged', { ...member, category, changedOn: date }),
  MemberDetailsCorrected: message('MemberDetailsCorrected', correction[0], { ...correction[1], flags }),
  MemberTransferredOut: message('MemberTransferredOut', { ...member, personId: id, toAssociationId: id, toMemberId: id, transferredOn: date }),
  MemberTransferredIn: message('MemberTransferredIn', { ...member, ...person, category, fromAssociationId: id, fromMemberId: id, transferredOn: date, flags }, { cardNo: name }),
  MemberResigned: message('MemberResigned', { ...member, resignedOn: date }, { reason: text }),
  MemberExpelled: message('MemberExpelled', { ...member, expelledOn: date, reason: text }),
  MemberStruckOff: message('MemberStruckOff', { ...member, struckOffOn: date, reason: text }),
  MemberDeceased: message('MemberDeceased', { ...member, diedOn: date }),
  MemberReferredToParty: message('MemberReferredToParty', { ...member, referredOn: date }),
  MemberPlacedInBranch: message('MemberPlacedInBranch', { ...member, branchId: id, placedOn: date }),
  ClubLaunched: message('ClubLaunched', { ...launch, flags }),
  ClubRosterReported: message('ClubRosterReported', { clubId: id, reportedOn: date, roster, flags }),
  ClubActivityRecorded: message('ClubActivityRecorded', activity),
  ClubClosed: message('ClubClosed', { clubId: id, closedOn: date }, { reason: text }),
  TargetSet: message('TargetSet', target, { sourceResolutionId: id }),
  TargetRevised: message('TargetRevised', ...revision),
  TargetWithdrawn: message('TargetWithdrawn', { targetId: id, withdrawnOn: date, reason: text }),
  ReportSubmitted: message('ReportSubmitted', { ...report, submittedOn: date, indicators, dueOn: date, late: fc.boolean() }, { narrative: text }),
  ReportCorrected: message('ReportCorrected', { ...report, correctedOn: date, indicators, reason: text }, { narrative: text }),
  ReportApproved: message('ReportApproved', { ...report, approvedOn: date }, { childAssociationIds: fc.array(id, { maxLength: 5 }) }),
  ReportReturned: message('ReportReturned', { ...report, returnedOn: date, reason: text }),
  ReportUnapproved: message('ReportUnapproved', { ...report, unapprovedOn: date, reason: text }),
  LockExceptionGranted: message('LockExceptionGranted', { ...report, grantedOn: date, until: date, reason: text }),
  LockExceptionRevoked: message('LockExceptionRevoked', { ...report, revokedOn: date, reason: text }),
  EmulationMovementLaunched: message('EmulationMovementLaunched', movement),
  CommendationAwarded: message('CommendationAwarded', ...award),
  EmulationMovementConcluded: message('EmulationMovementConcluded', { movementId: id, concludedOn: date }, { summary: text }),
  AdminUnitCreated: message('AdminUnitCreated', { unitId: areaCode, name, level: enumOf(UnitLevel), createdOn: date }, { parentId: areaCode, ...ref }),
  AdminUnitRenamed: message('AdminUnitRenamed', { unitId: areaCode, name, renamedOn: date }, ref),
  AdminUnitMerged: message('AdminUnitMerged', { unitId: areaCode, intoId: areaCode, mergedOn: date }, ref),
  AdminUnitReparented: message('AdminUnitReparented', { unitId: areaCode, parentId: areaCode, reparentedOn: date }, { previousParentId: areaCode, ...ref }),
  AdminUnitAbolished: message('AdminUnitAbolished', { unitId: areaCode, abolishedOn: date }, ref),
  SubunitAttached: message('SubunitAttached', { unitId: areaCode, childId: areaCode, attachedOn: date }),
  SubunitDetached: message('SubunitDetached', { unitId: areaCode, childId: areaCode, detachedOn: date }),
  ClaimTaken: message('ClaimTaken', { claimId, owner: id, takenOn: date }),
  ClaimReleased: message('ClaimReleased', { claimId, owner: id, releasedOn: date }),
  ExtraordinaryCongressRequested: message('ExtraordinaryCongressRequested', extraordinary[0], extraordinary[1]),
  CongressNotified: message('CongressNotified', notice[0], notice[1]),
  AuthorityOpinionRecorded: message('AuthorityOpinionRecorded', opinion[0], opinion[1]),
  HeadquartersChanged: message('HeadquartersChanged', { ...association, address: name, changedOn: date }, ref),
  CharterApproved: message('CharterApproved', { ...association, version: name, approvedOn: date }, ref),
  ComplaintLodged: message('ComplaintLodged', { ...association, complaintId: id, lodgedOn: date, subject: text }),
  ComplaintResolved: message('ComplaintResolved', { ...association, complaintId: id, resolvedOn: date, outcome: text }),
  BranchEstablished: message('BranchEstablished', branch[0], branch[1]),
  BranchClosed: message('BranchClosed', { ...association, branchId: id, closedOn: date }, { reason: text }),
  LeaderRemunerationRecorded: message('LeaderRemunerationRecorded', { ...remuneration, flags }),
  PersonErased: message('PersonErased', { personId: id, erasedOn: date, reason: text }),
}

const commands: Record<CommandType, fc.Arbitrary<unknown>> = {
  FoundAssociation: message(
    'FoundAssociation',
    { ...association, name, kind: enumOf(AssociationKind), scope: enumOf(Scope), areaCode, foundedOn: date, foundingMembers: count },
    { parentId: id, ...ref },
  ),
  RenameAssociation: message('RenameAssociation', { ...association, name, renamedOn: date }, ref),
  GrantSpecialStatus: message('GrantSpecialStatus', { ...association, grantedOn: date }, ref),
  RevokeSpecialStatus: message('RevokeSpecialStatus', { ...association, revokedOn: date }, ref),
  AssignStaffQuota: message('AssignStaffQuota', { ...association, quota: count, assignedOn: date }, { ...ref, allocatedFrom: id }),
  HoldCongress: message('HoldCongress', congress),
  ElectOfficer: message('ElectOfficer', { ...association, memberId: id, role: enumOf(OfficerRole), electedOn: date }, { termEnd: date }),
  RelieveOfficer: message('RelieveOfficer', relieved, { reason: text }),
  AdoptResolution: message('AdoptResolution', resolution),
  HoldConference: message('HoldConference', conference),
  SuspendAssociation: message('SuspendAssociation', { ...association, suspendedOn: date, until: date, reason: text }, ref),
  ReinstateAssociation: message('ReinstateAssociation', { ...association, reinstatedOn: date }, ref),
  DissolveAssociation: message('DissolveAssociation', dissolved, dissolvedOptional),
  CreateAdminUnit: message('CreateAdminUnit', { unitId: areaCode, name, level: enumOf(UnitLevel), createdOn: date }, { parentId: areaCode, ...ref }),
  RenameAdminUnit: message('RenameAdminUnit', { unitId: areaCode, name, renamedOn: date }, ref),
  MergeAdminUnit: message('MergeAdminUnit', { unitId: areaCode, intoId: areaCode, mergedOn: date }, ref),
  ReparentAdminUnit: message('ReparentAdminUnit', { unitId: areaCode, parentId: areaCode, reparentedOn: date }, ref),
  AbolishAdminUnit: message('AbolishAdminUnit', { unitId: areaCode, abolishedOn: date }, ref),
  RecogniseFoundingCommittee: message('RecogniseFoundingCommittee', ...committee),
  PermitEstablishment: message('PermitEstablishment', { ...association, permittedOn: date, registrants }, ref),
  ExtendEstablishmentPermit: message('ExtendEstablishmentPermit', extension, ref),
  LapseEstablishmentPermit: message('LapseEstablishmentPermit', { ...association, lapsedOn: date }),
  HoldFoundingCongress: message(
    'HoldFoundingCongress',
    { ...association, heldOn: date, form: enumOf(CongressForm), termStart: date, termEnd: date, delegatesExpected: positive, delegatesPresent: count },
    { number: name },
  ),
  ExtendSuspension: message('ExtendSuspension', { ...association, extendedOn: date, until: date }, ref),
  DivideAssociation: message('DivideAssociation', { ...association, dividedOn: date, into: fc.array(newBody, { maxLength: 4 }) }, { heirId: id, ...ref }),
  SeparateAssociation: message('SeparateAssociation', { ...association, separatedOn: date, newBody }, ref),
  AbsorbAssociation: message('AbsorbAssociation', { ...association, intoId: id, absorbedOn: date }, ref),
  ConsolidateAssociations: message(
    'ConsolidateAssociations',
    { ...association, name, kind: enumOf(AssociationKind), scope: enumOf(Scope), areaCode, consolidatedOn: date, sourceIds: ids },
    { parentId: id, ...ref },
  ),
  ReparentAssociation: message('ReparentAssociation', { ...association, parentId: id, reparentedOn: date }, ref),
  AdmitMember: message('AdmitMember', { ...member, ...person, category, admittedOn: date }, { cardNo: name, representative }),
  ChangeMemberCategory: message('ChangeMemberCategory', { ...member, category, changedOn: date }),
  CorrectMemberDetails: message('CorrectMemberDetails', ...correction),
  TransferMemberOut: message('TransferMemberOut', { ...member, toAssociationId: id, toMemberId: id, transferredOn: date }),
  TransferMemberIn: message('TransferMemberIn', { ...member, fromAssociationId: id, fromMemberId: id, transferredOn: date }, { category, cardNo: name, personId: id }),
  RecordResignation: message('RecordResignation', { ...member, resignedOn: date }, { reason: text }),
  ExpelMember: message('ExpelMember', { ...member, expelledOn: date, reason: text }),
  StrikeOffMember: message('StrikeOffMember', { ...member, struckOffOn: date, reason: text }),
  RecordDeath: message('RecordDeath', { ...member, diedOn: date }),
  ReferMemberToParty: message('ReferMemberToParty', { ...member, referredOn: date }),
  PlaceMemberInBranch: message('PlaceMemberInBranch', { ...member, branchId: id, placedOn: date }),
  LaunchClub: message('LaunchClub', launch),
  ReportClubRoster: message('ReportClubRoster', { clubId: id, reportedOn: date, roster }),
  RecordClubActivity: message('RecordClubActivity', activity),
  CloseClub: message('CloseClub', { clubId: id, closedOn: date }, { reason: text }),
  SetTarget: message('SetTarget', target, { sourceResolutionId: id }),
  ReviseTarget: message('ReviseTarget', ...revision),
  WithdrawTarget: message('WithdrawTarget', { targetId: id, withdrawnOn: date, reason: text }),
  SubmitReport: message('SubmitReport', { ...report, submittedOn: date, indicators }, { narrative: text }),
  CorrectReport: message('CorrectReport', { ...report, correctedOn: date, indicators, reason: text }, { narrative: text }),
  ApproveReport: message('ApproveReport', { ...report, approvedOn: date }, { childAssociationIds: fc.array(id, { maxLength: 5 }) }),
  ReturnReport: message('ReturnReport', { ...report, returnedOn: date, reason: text }),
  UnapproveReport: message('UnapproveReport', { ...report, unapprovedOn: date, reason: text }, { parentAssociationId: id }),
  GrantLockException: message('GrantLockException', { ...report, grantedOn: date, until: date, reason: text }),
  RevokeLockException: message('RevokeLockException', { ...report, revokedOn: date, reason: text }),
  LaunchEmulationMovement: message('LaunchEmulationMovement', movement),
  AwardCommendation: message('AwardCommendation', ...award),
  ConcludeEmulationMovement: message('ConcludeEmulationMovement', { movementId: id, concludedOn: date }, { summary: text }),
  RequestExtraordinaryCongress: message('RequestExtraordinaryCongress', extraordinary[0], extraordinary[1]),
  NotifyAuthorityOfCongress: message('NotifyAuthorityOfCongress', notice[0], notice[1]),
  RecordAuthorityOpinion: message('RecordAuthorityOpinion', opinion[0], opinion[1]),
  ChangeHeadquarters: message('ChangeHeadquarters', { ...association, address: name, changedOn: date }, ref),
  ApproveCharter: message('ApproveCharter', { ...association, version: name, approvedOn: date }, ref),
  LodgeComplaint: message('LodgeComplaint', { ...association, complaintId: id, lodgedOn: date, subject: text }),
  ResolveComplaint: message('ResolveComplaint', { ...association, complaintId: id, resolvedOn: date, outcome: text }),
  EstablishBranch: message('EstablishBranch', branch[0], branch[1]),
  CloseBranch: message('CloseBranch', { ...association, branchId: id, closedOn: date }, { reason: text }),
  RecordLeaderRemuneration: message('RecordLeaderRemuneration', remuneration),
}

/**
 * Generated input → decoded value → encode → JSON text → parse → decode again: the same value.
 * And `is` may stand in for a decode (stored events are checked that way): what it accepts,
 * decoding returns unchanged, and the JSON of a decoded value is accepted.
 */
const roundTrip = (codec: t.Mixed, union: t.Decoder<unknown, unknown> & { is: (u: unknown) => boolean }, input: unknown): void => {
  const first = codec.decode(input)
  if (E.isLeft(first)) throw new Error(`the arbitrary produced an invalid message: ${JSON.stringify(input)}`)
  expect(codec.is(first.right)).toBe(true)
  if (union.is(input)) expect(first.right).toEqual(input)
  const wire: unknown = JSON.parse(JSON.stringify(codec.encode(first.right)))
  expect(union.is(wire)).toBe(true)
  expect(codec.decode(wire)).toEqual(E.right(first.right))
  expect(union.decode(wire)).toEqual(E.right(first.right))
}

describe('codec round trips', () => {
  it('every event type and every command type has an arbitrary', () => {
    expect(eventTypes.filter((type) => !Object.hasOwn(events, type))).toEqual([])
    expect(commandTypes.filter((type) => !Object.hasOwn(commands, type))).toEqual([])
    expect(Object.keys(events).filter((type) => !(eventTypes as ReadonlyArray<string>).includes(type))).toEqual([])
    expect(Object.keys(commands).filter((type) => !(commandTypes as ReadonlyArray<string>).includes(type))).toEqual([])
  })
  it.each(eventTypes)('event %s survives encode → JSON → decode', (type) => {
    fc.assert(fc.property(events[type], (input) => roundTrip(eventCodecs[type], DomainEvent, input)))
  })
  it.each(commandTypes)('command %s survives encode → JSON → decode', (type) => {
    fc.assert(fc.property(commands[type], (input) => roundTrip(commandCodecs[type], DomainCommand, input)))
  })
  it('names decode to NFC whatever the spelling, and decoding is idempotent', () => {
    fc.assert(
      fc.property(message('RenameAssociation', { associationId: id, name, renamedOn: date }), (input) => {
        const first = commandCodecs.RenameAssociation.decode(input)
        if (E.isLeft(first)) throw new Error('invalid')
        const decodedName = (first.right as { data: { name: string } }).data.name
        expect(decodedName).toBe(decodedName.normalize('NFC'))
        expect(commandCodecs.RenameAssociation.decode(first.right)).toEqual(first)
      }),
    )
  })
})
