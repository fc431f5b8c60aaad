import * as t from 'io-ts'
import { Count, Id, IsoDate, Name, PositiveCount, Ref, Text, boundedArray, message, taggedUnion } from '../codecs.js'
import { AreaCode, AssociationKind, ChildFates, Committee, Registrants, ConferenceKind, CongressForm, CongressKind, DissolutionGround, DissolutionKind, OfficerRole, Scope } from './events.js'
import { idStream } from '../streams.js'
import { AbsorbAssociation, ConsolidateAssociations, DivideAssociation, SeparateAssociation } from './reorganisation.js'
import { commands as governanceCommands } from './governance-messages.js'

export {
  RequestExtraordinaryCongress,
  NotifyAuthorityOfCongress,
  RecordAuthorityOpinion,
  ChangeHeadquarters,
  ApproveCharter,
  LodgeComplaint,
  ResolveComplaint,
  EstablishBranch,
  CloseBranch,
  RecordLeaderRemuneration,
} from './governance-messages.js'

const id = { associationId: Id }

/** Regime is not given: it follows from kind and founding date (R1, R2). */
export const FoundAssociation = message(
  'FoundAssociation',
  {
    ...id,
    name: Name,
    kind: AssociationKind,
    scope: Scope,
    areaCode: AreaCode,
    foundedOn: IsoDate,
    foundingMembers: Count,
  },
  { parentId: Id, decisionRef: Ref },
)
export const RenameAssociation = message('RenameAssociation', { ...id, name: Name, renamedOn: IsoDate }, { decisionRef: Ref })
export const GrantSpecialStatus = message('GrantSpecialStatus', { ...id, grantedOn: IsoDate }, { decisionRef: Ref })
export const RevokeSpecialStatus = message('RevokeSpecialStatus', { ...id, revokedOn: IsoDate }, { decisionRef: Ref })
/** `allocatedFrom` names an association handing down its own quota, which R26 forbids. */
export const AssignStaffQuota = message('AssignStaffQuota', { ...id, quota: Count, assignedOn: IsoDate }, { decisionRef: Ref, allocatedFrom: Id })
export const HoldCongress = message('HoldCongress', {
  ...id,
  number: Name,
  kind: CongressKind,
  form: CongressForm,
  heldOn: IsoDate,
  termStart: IsoDate,
  termEnd: IsoDate,
  delegatesExpected: PositiveCount,
  delegatesPresent: Count,
})
export const ElectOfficer = message('ElectOfficer', { ...id, memberId: Id, role: OfficerRole, electedOn: IsoDate }, { termEnd: IsoDate })
export const RelieveOfficer = message('RelieveOfficer', { ...id, memberId: Id, role: OfficerRole, relievedOn: IsoDate }, { reason: Text })
export const AdoptResolution = message('AdoptResolution', {
  ...id,
  resolutionId: Id,
  congressNumber: Name,
  adoptedOn: IsoDate,
  title: Name,
  targets: boundedArray(Name, 100, 'Targets'),
  keyTasks: boundedArray(Name, 100, 'KeyTasks'),
  programmes: boundedArray(Name, 100, 'Programmes'),
})
export const HoldConference = message('HoldConference', { ...id, conferenceId: Id, kind: ConferenceKind, title: Name, heldOn: IsoDate, attendees: Count })
export const SuspendAssociation = message('SuspendAssociation', { ...id, suspendedOn: IsoDate, until: IsoDate, reason: Text }, { decisionRef: Ref })
/** R23: after the automatic 30 working days, one extension of at most 60 working days before dissolution. */
export const ExtendSuspension = message('ExtendSuspension', { ...id, extendedOn: IsoDate, until: IsoDate }, { decisionRef: Ref })
export const ReinstateAssociation = message('ReinstateAssociation', { ...id, reinstatedOn: IsoDate }, { decisionRef: Ref })
export const DissolveAssociation = message(
  'DissolveAssociation',
  {
    ...id,
    dissolvedOn: IsoDate,
    dissolution: DissolutionKind,
    ground: DissolutionGround,
  },
  { decisionRef: Ref, requestingMembers: Count, officialMembers: Count, children: ChildFates },
)
/** Moves an association under another parent (R30); the old parent's record of its children follows. */
export const ReparentAssociation = message('ReparentAssociation', { ...id, parentId: Id, reparentedOn: IsoDate }, { decisionRef: Ref })

/** The authority recognises the founding committee of a proposed association (R4); the area is reserved for it (R30). */
export const RecogniseFoundingCommittee = message(
  'RecogniseFoundingCommittee',
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
/** The authority permits the establishment (R3: the registrants); the founding congress is due within 90 days (R5). */
export const PermitEstablishment = message('PermitEstablishment', { ...id, permittedOn: IsoDate, registrants: Registrants }, { decisionRef: Ref })
/** R5: one extension of at most 30 days, requested within 15 days from the 90-day deadline. */
export const ExtendEstablishmentPermit = message('ExtendEstablishmentPermit', { ...id, requestedOn: IsoDate, congressDueBy: IsoDate }, { decisionRef: Ref })
/** R5: a scheduler or an operator records that the permit lapsed, once its deadline has passed. */
export const LapseEstablishmentPermit = message('LapseEstablishmentPermit', { ...id, lapsedOn: IsoDate })
/** The founding congress of a permitted association founds it (R5; from Decree 126 its registrants become members, R7). */
export const HoldFoundingCongress = message(
  'HoldFoundingCongress',
  {
    ...id,
    heldOn: IsoDate,
    form: CongressForm,
    termStart: IsoDate,
    termEnd: IsoDate,
    delegatesExpected: PositiveCount,
    delegatesPresent: Count,
  },
  { number: Name },
)

const members = {
  FoundAssociation,
  RenameAssociation,
  GrantSpecialStatus,
  RevokeSpecialStatus,
  AssignStaffQuota,
  HoldCongress,
  ElectOfficer,
  RelieveOfficer,
  AdoptResolution,
  HoldConference,
  SuspendAssociation,
  ReinstateAssociation,
  DissolveAssociation,
  ReparentAssociation,
  ExtendSuspension,
  DivideAssociation,
  SeparateAssociation,
  AbsorbAssociation,
  ConsolidateAssociations,
  RecogniseFoundingCommittee,
  PermitEstablishment,
  ExtendEstablishmentPermit,
  LapseEstablishmentPermit,
  HoldFoundingCongress,
  ...governanceCommands,
}
export const Command = taggedUnion('AssociationCommand', 'type', members)
export type Command = t.TypeOf<typeof Command>
export const commandCodecs = members
export const commandTypes = Object.keys(members) as ReadonlyArray<Command['type']>
const stream = idStream('association')
export const streamId: (associationId: string) => string = stream.format
/** The associationId id of a stream id of this aggregate; undefined for any other stream. */
export const parseStreamId: (streamId: string) => string | undefined = stream.parse
