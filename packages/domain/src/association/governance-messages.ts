import * as t from 'io-ts'
import { Count, Flags, Id, IsoDate, Name, PositiveCount, Ref, Text, message, oneOf } from '../codecs.js'

const id = { associationId: Id }

/** Who asks for an extraordinary congress (R16): the leadership (≥ ⅔ of it) or the official members (≥ ½). */
export const RequestingBody = oneOf('RequestingBody', ['leadership', 'members'] as const)
export const AuthorityOpinion = oneOf('AuthorityOpinion', ['agreed', 'objected'] as const)
/** A branch (chi hội) or a cell (tổ hội), without legal personality (R20). */
export const BranchLevel = oneOf('BranchLevel', ['branch', 'cell'] as const)

/** Commands of the governance of an association: congress preparation, reportable changes, complaints, branches, remuneration. */
export const RequestExtraordinaryCongress = message(
  'RequestExtraordinaryCongress',
  {
    ...id,
    requestId: Id,
    requestedOn: IsoDate,
    by: RequestingBody,
    requesting: Count,
    outOf: PositiveCount,
  },
  { reason: Text },
)
export const NotifyAuthorityOfCongress = message('NotifyAuthorityOfCongress', { ...id, congressNumber: Name, notifiedOn: IsoDate, plannedOn: IsoDate }, { authority: Name })
export const RecordAuthorityOpinion = message('RecordAuthorityOpinion', { ...id, congressNumber: Name, receivedOn: IsoDate, opinion: AuthorityOpinion }, { ref: Ref })
export const ChangeHeadquarters = message('ChangeHeadquarters', { ...id, address: Name, changedOn: IsoDate }, { decisionRef: Ref })
export const ApproveCharter = message('ApproveCharter', { ...id, version: Name, approvedOn: IsoDate }, { decisionRef: Ref })
export const LodgeComplaint = message('LodgeComplaint', { ...id, complaintId: Id, lodgedOn: IsoDate, subject: Text })
export const ResolveComplaint = message('ResolveComplaint', { ...id, complaintId: Id, resolvedOn: IsoDate, outcome: Text })
export const EstablishBranch = message('EstablishBranch', { ...id, branchId: Id, name: Name, level: BranchLevel, establishedOn: IsoDate }, { withinBranchId: Id })
export const CloseBranch = message('CloseBranch', { ...id, branchId: Id, closedOn: IsoDate }, { reason: Text })
/** `monthlyAmount` in đồng; `retired`: the leader is a retired official working full time for the association (R27). */
export const RecordLeaderRemuneration = message('RecordLeaderRemuneration', {
  ...id,
  memberId: Id,
  paidOn: IsoDate,
  monthlyAmount: Count,
  retired: t.boolean,
})

export const commands = {
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
}

export const ExtraordinaryCongressRequested = message(
  'ExtraordinaryCongressRequested',
  {
    ...id,
    requestId: Id,
    requestedOn: IsoDate,
    by: RequestingBody,
    requesting: Count,
    outOf: PositiveCount,
  },
  { reason: Text },
)
export const CongressNotified = message('CongressNotified', { ...id, congressNumber: Name, notifiedOn: IsoDate, plannedOn: IsoDate }, { authority: Name })
export const AuthorityOpinionRecorded = message('AuthorityOpinionRecorded', { ...id, congressNumber: Name, receivedOn: IsoDate, opinion: AuthorityOpinion }, { ref: Ref })
export const HeadquartersChanged = message('HeadquartersChanged', { ...id, address: Name, changedOn: IsoDate }, { decisionRef: Ref })
export const CharterApproved = message('CharterApproved', { ...id, version: Name, approvedOn: IsoDate }, { decisionRef: Ref })
export const ComplaintLodged = message('ComplaintLodged', { ...id, complaintId: Id, lodgedOn: IsoDate, subject: Text })
export const ComplaintResolved = message('ComplaintResolved', { ...id, complaintId: Id, resolvedOn: IsoDate, outcome: Text })
export const BranchEstablished = message('BranchEstablished', { ...id, branchId: Id, name: Name, level: BranchLevel, establishedOn: IsoDate }, { withinBranchId: Id })
/** `reason` says why; a branch ends with its association (R20) with the reason `association-dissolved`. */
export const BranchClosed = message('BranchClosed', { ...id, branchId: Id, closedOn: IsoDate }, { reason: Text })
export const LeaderRemunerationRecorded = message('LeaderRemunerationRecorded', {
  ...id,
  memberId: Id,
  paidOn: IsoDate,
  monthlyAmount: Count,
  retired: t.boolean,
  flags: Flags,
})

export const events = {
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
}

/** The business date of each governance event. */
export const occurredOnFields = {
  ExtraordinaryCongressRequested: 'requestedOn',
  CongressNotified: 'notifiedOn',
  AuthorityOpinionRecorded: 'receivedOn',
  HeadquartersChanged: 'changedOn',
  CharterApproved: 'approvedOn',
  ComplaintLodged: 'lodgedOn',
  ComplaintResolved: 'resolvedOn',
  BranchEstablished: 'establishedOn',
  BranchClosed: 'closedOn',
  LeaderRemunerationRecorded: 'paidOn',
} as const satisfies Record<keyof typeof events, string>
