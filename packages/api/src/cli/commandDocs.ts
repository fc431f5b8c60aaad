import type { CommandType } from '@hoi/domain'

const open = 'The association must exist and not be dissolved (`AssociationNotFound`, `AssociationDissolved` R24).'
const active = 'The association must not be suspended either (`AssociationSuspended` R23: only remedial activity).'
const member = 'The member must exist in that association (`MemberNotFound`, `MemberNotInAssociation`); after resignation, expulsion, striking off, death or transfer out nothing else happens but corrections (`MemberAlreadyLeft` R11); no date before admission (`EventBeforeAdmission`).'
const same = 'Sending the same command again is already satisfied and stores nothing.'

/** What each command does and which rules it checks; docs/commands.md is generated from this and the codecs. */
export const commandDocs: Readonly<Record<CommandType, { summary: string; rules: ReadonlyArray<string> }>> = {
  FoundAssociation: {
    summary: 'Records the founding of an association (Hội). The regime is derived, never given: own charter for the six socio-political bodies, else Decree 45/2010 before 2024-11-26 and Decree 126/2024 from then (R1, R2).',
    rules: ['R3 `FoundingMembersBelowMinimum`: under a decree, founding members ≥ 100 / 50 / 20 / 10 for national / province / district / commune scope (policy).', 'R30 `ParentIsItself`, `ParentScopeNarrower`: a parent must exist, not be dissolved, and not have a narrower scope.', '`AssociationAlreadyFounded`: the id is taken by a different founding.', same],
  },
  RenameAssociation: { summary: 'Renames an association (decided by its congress).', rules: [open, '`EventBeforeFounding`: no date before the founding.', same] },
  GrantSpecialStatus: { summary: 'Recognises the association as special (hội có tính chất đặc thù).', rules: [open, same] },
  RevokeSpecialStatus: { summary: 'Withdraws the special status.', rules: [open, '`SpecialStatusNotGranted`: it must be special.'] },
  AssignStaffQuota: { summary: 'Records the staff quota (biên chế) assigned by the competent authority.', rules: [open, 'R26 `StaffQuotaCannotBeHandedDown`: a quota cannot be allocated from another association (`allocatedFrom`).', same] },
  HoldCongress: {
    summary: 'Records a congress (founding, term or extraordinary; plenary or delegate) and the term it opens.',
    rules: [open, 'R13 `TermTooLong`, `TermEndsBeforeStart`: a term lasts at most 5 years (policy).', 'R15 `QuorumNotReached`: more than half of the expected delegates must be present.', '`FoundingCongressAlreadyHeld`, `CongressAlreadyHeld`, `TermStartsBeforeCurrentTerm`.', same],
  },
  ElectOfficer: { summary: 'Records the election of an officer (president, vice-president, committee member…).', rules: [open, 'R8 `OfficerMustBeOfficialMember`, `MemberNotInAssociation`, `ElectedBeforeAdmission`: only an active official member of this association.', same] },
  RelieveOfficer: { summary: 'Relieves an officer of a role.', rules: [open, '`OfficerNotInRole`, `ReliefBeforeElection`.'] },
  AdoptResolution: { summary: 'Records a congress resolution: its targets (chỉ tiêu), key tasks and programmes; targets it sets become Target streams (SetTarget with `sourceResolutionId`).', rules: [open, active, '`CongressNotHeld`, `ResolutionBeforeCongress`: the congress must have been held.', same] },
  HoldConference: { summary: 'Records a review, training or deployment conference and its attendees.', rules: [open, active, same] },
  SuspendAssociation: { summary: 'Records a time-limited suspension.', rules: [open, 'R23 `SuspensionTooLong`, `SuspensionEndsBeforeStart`, `AssociationAlreadySuspended`: at most 180 days (policy), only an active association.'] },
  ReinstateAssociation: { summary: 'Ends a suspension.', rules: [open, 'R23 `AssociationNotSuspended`, `ReinstatementBeforeSuspension`.'] },
  DissolveAssociation: {
    summary: 'Records a voluntary or compulsory dissolution; a dissolved association accepts no further commands.',
    rules: [open, 'R24 voluntary grounds: Decree 45 — purpose-achieved, term-ended, members-request; Decree 126 — purpose-achieved, no-assets, members-request, executive-resolution (`DissolutionGroundNotVoluntary`, `DissolutionGroundNotAllowed`).', 'R24 `MembersRequestCountsMissing`, `MembersRequestBelowMajority`: a members\' request needs more than half of the official members.', 'R25 compulsory grounds: inactive-12-months, ignored-dissolution-resolution, serious-violation, suspension-unremedied (`DissolutionGroundNotCompulsory`; R23 `SuspensionStillRunning`).', same],
  },
  AdmitMember: {
    summary: 'Admits a person as a member (official, associate or honorary) of an association.',
    rules: [open, active, 'R28 `AgeBelowMinimum`: age rules by association kind are configuration; Hội NCT admits from 60, and 55–59 as a flagged exception (flag `AgeException`).', 'R10 `MemberAlreadyExists`: the member id is taken; a re-admission is a new member id.', '`BirthAfterAdmission`, `AdmissionBeforeFounding`.', same],
  },
  ChangeMemberCategory: { summary: 'Changes a member\'s category.', rules: [member, same] },
  CorrectMemberDetails: { summary: 'Corrects a member\'s recorded name, birth date, gender or card number, with a reason; allowed even after the member has left (R11).', rules: ['`NothingToCorrect`: at least one field must be given.', same] },
  TransferMemberOut: { summary: 'First half of a transfer (R12): the member leaves for another association, under the member id it will have there.', rules: [member, 'R12 `TransferToSameAssociation`; the destination must exist and be open.', same] },
  TransferMemberIn: { summary: 'Second half of a transfer (R12): the destination admits the same person, copying their details from the source member.', rules: ['R12 `TransferOutMissing`, `TransferInBeforeOut`: the matching transfer out must exist; R10 `TransferNeedsNewMemberId`.', active, same] },
  RecordResignation: { summary: 'Records that a member resigned.', rules: [member, same] },
  ExpelMember: { summary: 'Records an expulsion (khai trừ), with a reason.', rules: [member, same] },
  StrikeOffMember: { summary: 'Records striking a member off the list (xóa tên), with a reason.', rules: [member, same] },
  RecordDeath: { summary: 'Records a member\'s death.', rules: [member, same] },
  ReferMemberToParty: { summary: 'Records a referral of the member for Party admission.', rules: [member, '`ReferralNeedsOfficialMember`: official members only.', same] },
  LaunchClub: {
    summary: 'Records the launch of a club — usually an Intergenerational Self-Help Club (ISHC) hosted by a Hội NCT — with its founding roster.',
    rules: ['The host association must exist and be open; `ClubBeforeHost`, `ClubOutsideHostArea`: the club lies in the host\'s area.', '`RosterInconsistent`: older, women and volunteers cannot exceed the total.', 'R29 (soft, never refuses): ISHC of 50–70 members, 60–70 % women, 60–70 % older (threshold 60 or 55 by policy), ≥ 5 home-care volunteers — recorded as flags.', '`ClubAlreadyLaunched`.', same],
  },
  ReportClubRoster: { summary: 'Reports the club\'s current roster figures (R29 flags as at launch).', rules: ['`ClubNotFound`, `ClubClosed`, `RosterBeforeLaunch`, `RosterInconsistent`.', same] },
  RecordClubActivity: { summary: 'Records an activity in one of the 8 ISHC areas.', rules: ['`ClubNotFound`, `ClubClosed`, `ActivityBeforeLaunch`.', same] },
  CloseClub: { summary: 'Closes a club.', rules: ['`ClubNotFound`, `ClosureBeforeLaunch`.', same] },
  SetTarget: {
    summary: 'Sets a target (chỉ tiêu) with its metric, counting, goal, dates and milestones. Progress is never stored: it is a view.',
    rules: ['The owner association must exist and not be dissolved.', '`GoalMustBePositive`, `DueNotAfterStart`, `SetAfterDue`, `MilestoneOutsideTarget`.', '`TargetAlreadySet`.', same],
  },
  ReviseTarget: { summary: 'Revises a target\'s goal, due date or milestones, with a reason.', rules: ['`TargetNotSet`, `TargetWithdrawn`, `RevisionBeforeSet`; the revised target passes the same checks as SetTarget.', same] },
  WithdrawTarget: { summary: 'Withdraws a target, with a reason.', rules: ['`TargetNotSet`, `WithdrawalBeforeSet`.', same] },
  SubmitReport: {
    summary: 'Submits the report of an association for a period (one per association and period), with its indicator values.',
    rules: ['The association must exist and not be dissolved (a suspended one still reports).', 'R19/R35: the due date follows the period and the regime (annual report: 1 December under Decree 45, 31 December under Decree 126; otherwise 15 days after the period, policy); a late report is accepted and flagged `late`.', '`SubmittedBeforePeriod`, `ReportAlreadySubmitted` (use CorrectReport).', same],
  },
  CorrectReport: { summary: 'Corrects a submitted or returned report (a returned report is thereby re-submitted).', rules: ['R33 `ReportLocked`: an approved report is locked.', '`ReportNotSubmitted`, `CorrectionBeforeSubmission`.', same] },
  ApproveReport: { summary: 'Approves a submitted report; approval locks it (R33).', rules: ['`ReportNotSubmitted`, `ReportReturned`, `ApprovalBeforeSubmission`.', same] },
  ReturnReport: { summary: 'Returns a submitted report to its association, with a reason.', rules: ['R33 `ReportLocked`; `ReportNotSubmitted`, `ReturnBeforeSubmission`.', same] },
  LaunchEmulationMovement: { summary: 'Launches an emulation movement (phong trào thi đua) for a cycle of years.', rules: ['The owner association must exist and be open; `CycleEndsBeforeStart`, `MovementAlreadyLaunched`.', same] },
  AwardCommendation: { summary: 'Awards a commendation to a collective or an individual under a movement.', rules: ['`MovementNotFound`, `MovementConcluded`, `AwardBeforeLaunch`.', same] },
  ConcludeEmulationMovement: { summary: 'Concludes a movement (its review conference); no commendations after.', rules: ['`MovementNotFound`, `ConclusionBeforeLaunch`.', same] },
}
