import type { DomainCommand } from '@hoi/domain'
import type { ReadModel } from '@hoi/projections'

/**
 * The associations a command acts for (OWASP API1, object-level authorisation). Ids in the command
 * name the new owner; an existing stream's owner comes from the view, so a clerk cannot reach
 * another association's member, club, target or movement by naming their own association.
 * `missing` names the thing that must exist but is not (yet) in the view.
 */
export type Owners = { readonly owners: ReadonlyArray<string>; readonly missing?: string }

const known = (...ids: ReadonlyArray<string | undefined>): string[] => [...new Set(ids.filter((x): x is string => x !== undefined))]

export const ownersOf = (c: DomainCommand, m: ReadModel): Owners => {
  switch (c.type) {
    case 'FoundAssociation':
      // an association without a parent can only be founded by an administrator
      return { owners: known(c.data.parentId) }
    case 'RenameAssociation': case 'GrantSpecialStatus': case 'RevokeSpecialStatus': case 'AssignStaffQuota': case 'HoldCongress':
    case 'ElectOfficer': case 'RelieveOfficer': case 'AdoptResolution': case 'HoldConference': case 'SuspendAssociation':
    case 'ReinstateAssociation': case 'DissolveAssociation':
    case 'SubmitReport': case 'CorrectReport': case 'ApproveReport': case 'ReturnReport':
      return { owners: [c.data.associationId] }
    case 'AdmitMember': case 'TransferMemberIn':
      return { owners: known(c.data.associationId, m.members.get(c.data.memberId)?.associationId) }
    case 'ChangeMemberCategory': case 'CorrectMemberDetails': case 'TransferMemberOut': case 'RecordResignation': case 'ExpelMember':
    case 'StrikeOffMember': case 'RecordDeath': case 'ReferMemberToParty': {
      const member = m.members.get(c.data.memberId)
      return member === undefined ? { owners: [c.data.associationId], missing: `member ${c.data.memberId}` } : { owners: known(c.data.associationId, member.associationId) }
    }
    case 'LaunchClub':
      return { owners: known(c.data.hostAssociationId, m.clubs.get(c.data.clubId)?.hostAssociationId) }
    case 'ReportClubRoster': case 'RecordClubActivity': case 'CloseClub': {
      const club = m.clubs.get(c.data.clubId)
      return club === undefined ? { owners: [], missing: `club ${c.data.clubId}` } : { owners: [club.hostAssociationId] }
    }
    case 'SetTarget':
      return { owners: known(c.data.ownerAssociationId, m.targets.get(c.data.targetId)?.ownerAssociationId) }
    case 'ReviseTarget': case 'WithdrawTarget': {
      const target = m.targets.get(c.data.targetId)
      return target === undefined ? { owners: [], missing: `target ${c.data.targetId}` } : { owners: [target.ownerAssociationId] }
    }
    case 'LaunchEmulationMovement':
      return { owners: known(c.data.ownerAssociationId, m.movements.get(c.data.movementId)?.ownerAssociationId) }
    case 'AwardCommendation': case 'ConcludeEmulationMovement': {
      const movement = m.movements.get(c.data.movementId)
      return movement === undefined ? { owners: [], missing: `movement ${c.data.movementId}` } : { owners: [movement.ownerAssociationId] }
    }
  }
}

/** The association a stream belongs to, for audit reads by clerks; undefined when unknown. */
export const ownerOfStream = (streamId: string, m: ReadModel): string | undefined => {
  const dash = streamId.indexOf('-')
  const kind = streamId.slice(0, dash)
  const id = streamId.slice(dash + 1)
  switch (kind) {
    case 'association': return m.associations.has(id) ? id : undefined
    case 'member': return m.members.get(id)?.associationId
    case 'club': return m.clubs.get(id)?.hostAssociationId
    case 'target': return m.targets.get(id)?.ownerAssociationId
    case 'movement': return m.movements.get(id)?.ownerAssociationId
    case 'report': {
      const period = /-(\d{4}(?:Q[1-4]|S[12]|M(?:0[1-9]|1[0-2]))?)$/u.exec(id)
      return period === null ? undefined : id.slice(0, id.length - period[0].length)
    }
    default: return undefined
  }
}
