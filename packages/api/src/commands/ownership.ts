import { parseStream, type DomainCommand } from '@hoi/domain'

/**
 * The associations a command acts for (OWASP API1, object-level authorisation). Ids in the command
 * name the new owner; an existing stream's owner comes from the write side, so a clerk cannot reach
 * another association's member, club, target or movement by naming their own association.
 * `missing` names the thing that must exist but does not.
 */
export type Owners = { readonly owners: ReadonlyArray<string>; readonly missing?: string }

/** The owners of existing things, as the write side knows them. */
export type OwnerLookup = {
  readonly memberAssociation: (memberId: string) => Promise<string | undefined>
  readonly clubHost: (clubId: string) => Promise<string | undefined>
  readonly targetOwner: (targetId: string) => Promise<string | undefined>
  readonly movementOwner: (movementId: string) => Promise<string | undefined>
  readonly association: (associationId: string) => Promise<unknown>
}

const known = (...ids: ReadonlyArray<string | undefined>): string[] => [...new Set(ids.filter((x): x is string => x !== undefined))]

export const ownersOf = async (c: DomainCommand, look: OwnerLookup): Promise<Owners> => {
  switch (c.type) {
    case 'FoundAssociation':
      // an association without a parent can only be founded by an administrator
      return { owners: known(c.data.parentId) }
    case 'RenameAssociation':
    case 'GrantSpecialStatus':
    case 'RevokeSpecialStatus':
    case 'AssignStaffQuota':
    case 'HoldCongress':
    case 'ElectOfficer':
    case 'RelieveOfficer':
    case 'AdoptResolution':
    case 'HoldConference':
    case 'SuspendAssociation':
    case 'ReinstateAssociation':
    case 'DissolveAssociation':
    case 'ExtendSuspension':
    case 'RequestExtraordinaryCongress':
    case 'NotifyAuthorityOfCongress':
    case 'RecordAuthorityOpinion':
    case 'ChangeHeadquarters':
    case 'ApproveCharter':
    case 'LodgeComplaint':
    case 'ResolveComplaint':
    case 'EstablishBranch':
    case 'CloseBranch':
    case 'RecordLeaderRemuneration':
    case 'SubmitReport':
    case 'CorrectReport':
    case 'ApproveReport':
    case 'ReturnReport':
    case 'UnapproveReport':
    case 'GrantLockException':
    case 'RevokeLockException':
      return { owners: [c.data.associationId] }
    case 'ReparentAssociation':
      return { owners: known(c.data.associationId, c.data.parentId) }
    case 'RecogniseFoundingCommittee':
      return { owners: known(c.data.parentId) }
    case 'PermitEstablishment':
    case 'ExtendEstablishmentPermit':
    case 'LapseEstablishmentPermit':
    case 'HoldFoundingCongress':
      return { owners: [c.data.associationId] }
    case 'DivideAssociation':
    case 'SeparateAssociation':
      return { owners: [c.data.associationId] }
    case 'AbsorbAssociation':
      return { owners: known(c.data.associationId, c.data.intoId) }
    case 'ConsolidateAssociations':
      return { owners: known(c.data.parentId, ...c.data.sourceIds) }
    case 'AdmitMember':
    case 'TransferMemberIn':
      return { owners: known(c.data.associationId, await look.memberAssociation(c.data.memberId)) }
    case 'ChangeMemberCategory':
    case 'CorrectMemberDetails':
    case 'TransferMemberOut':
    case 'RecordResignation':
    case 'ExpelMember':
    case 'StrikeOffMember':
    case 'RecordDeath':
    case 'ReferMemberToParty':
    case 'PlaceMemberInBranch': {
      const association = await look.memberAssociation(c.data.memberId)
      return association === undefined ? { owners: [c.data.associationId], missing: `member ${c.data.memberId}` } : { owners: known(c.data.associationId, association) }
    }
    case 'LaunchClub':
      return { owners: known(c.data.hostAssociationId, await look.clubHost(c.data.clubId)) }
    case 'ReportClubRoster':
    case 'RecordClubActivity':
    case 'CloseClub': {
      const host = await look.clubHost(c.data.clubId)
      return host === undefined ? { owners: [], missing: `club ${c.data.clubId}` } : { owners: [host] }
    }
    case 'SetTarget':
      return { owners: known(c.data.ownerAssociationId, await look.targetOwner(c.data.targetId)) }
    case 'ReviseTarget':
    case 'WithdrawTarget': {
      const owner = await look.targetOwner(c.data.targetId)
      return owner === undefined ? { owners: [], missing: `target ${c.data.targetId}` } : { owners: [owner] }
    }
    case 'LaunchEmulationMovement':
      return { owners: known(c.data.ownerAssociationId, await look.movementOwner(c.data.movementId)) }
    case 'AwardCommendation':
    case 'ConcludeEmulationMovement': {
      const owner = await look.movementOwner(c.data.movementId)
      return owner === undefined ? { owners: [], missing: `movement ${c.data.movementId}` } : { owners: [owner] }
    }
    // the geography belongs to no association: only an administrator changes it
    case 'CreateAdminUnit':
    case 'RenameAdminUnit':
    case 'MergeAdminUnit':
    case 'ReparentAdminUnit':
    case 'AbolishAdminUnit':
      return { owners: [] }
  }
}

/** The association a stream belongs to, for audit reads by clerks; undefined when unknown. */
export const ownerOfStream = async (streamId: string, look: OwnerLookup): Promise<string | undefined> => {
  const s = parseStream(streamId)
  switch (s?.aggregate) {
    case 'association':
      return (await look.association(s.id)) === undefined ? undefined : s.id
    case 'member':
      return look.memberAssociation(s.id)
    case 'club':
      return look.clubHost(s.id)
    case 'target':
      return look.targetOwner(s.id)
    case 'movement':
      return look.movementOwner(s.id)
    case 'report':
      return s.associationId
    default:
      return undefined
  }
}
