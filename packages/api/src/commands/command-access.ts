import type { CommandType } from '@hoi/domain'
import type { AccessName } from '../auth/access.js'
import { Route } from '../http/route.js'

/**
 * Who may send each command. Decisions of the state (special status, staff quota, suspension,
 * reinstatement, dissolution) are for administrators; report approval is for a superior
 * association; everything else for a clerk of the association concerned.
 */
export const commandAccess: Readonly<Record<CommandType, AccessName>> = {
  FoundAssociation: 'write',
  RenameAssociation: 'write',
  GrantSpecialStatus: 'admin',
  RevokeSpecialStatus: 'admin',
  AssignStaffQuota: 'admin',
  HoldCongress: 'write',
  ElectOfficer: 'write',
  RelieveOfficer: 'write',
  AdoptResolution: 'write',
  HoldConference: 'write',
  SuspendAssociation: 'admin',
  ReinstateAssociation: 'admin',
  DissolveAssociation: 'admin',
  ReparentAssociation: 'admin',
  ExtendSuspension: 'admin',
  // the founding procedure is the authority's: recognition, permit, extension and lapse are its decisions, and it records the congress that ends it
  RecogniseFoundingCommittee: 'admin',
  PermitEstablishment: 'admin',
  ExtendEstablishmentPermit: 'admin',
  LapseEstablishmentPermit: 'admin',
  HoldFoundingCongress: 'admin',
  DivideAssociation: 'admin',
  SeparateAssociation: 'admin',
  AbsorbAssociation: 'admin',
  ConsolidateAssociations: 'admin',
  AdmitMember: 'write',
  ChangeMemberCategory: 'write',
  CorrectMemberDetails: 'write',
  TransferMemberOut: 'write',
  TransferMemberIn: 'write',
  RecordResignation: 'write',
  ExpelMember: 'write',
  StrikeOffMember: 'write',
  RecordDeath: 'write',
  ReferMemberToParty: 'write',
  LaunchClub: 'write',
  ReportClubRoster: 'write',
  RecordClubActivity: 'write',
  CloseClub: 'write',
  SetTarget: 'write',
  ReviseTarget: 'write',
  WithdrawTarget: 'write',
  SubmitReport: 'write',
  CorrectReport: 'write',
  ApproveReport: 'supervise',
  ReturnReport: 'supervise',
  UnapproveReport: 'supervise',
  GrantLockException: 'supervise',
  RevokeLockException: 'supervise',
  LaunchEmulationMovement: 'write',
  AwardCommendation: 'write',
  ConcludeEmulationMovement: 'write',
  CreateAdminUnit: 'admin',
  RenameAdminUnit: 'admin',
  MergeAdminUnit: 'admin',
  ReparentAdminUnit: 'admin',
  AbolishAdminUnit: 'admin',
  // the authority's opinion, its approval of a charter and its resolution of a complaint are the state's decisions
  RequestExtraordinaryCongress: 'write',
  NotifyAuthorityOfCongress: 'write',
  RecordAuthorityOpinion: 'admin',
  ChangeHeadquarters: 'write',
  ApproveCharter: 'admin',
  LodgeComplaint: 'write',
  ResolveComplaint: 'admin',
  EstablishBranch: 'write',
  CloseBranch: 'write',
  RecordLeaderRemuneration: 'write',
  PlaceMemberInBranch: 'write',
}

/** A command route of one feature: the command's access rule, its OpenAPI tag and summary. */
export const commandRoute = (tag: string) => (method: 'POST' | 'PUT' | 'DELETE', path: string, summary: string, commands: ReadonlyArray<CommandType>, derived?: ReadonlyArray<string>) =>
  Route(method, path, { access: commandAccess[commands[0]!], tag, summary, commands, ...(derived === undefined ? {} : { derived }) })
