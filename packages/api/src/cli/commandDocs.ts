import type { CommandType } from '@hoi/domain'

const open = 'The association must exist and not be dissolved (`AssociationNotFound`, `AssociationDissolved` R24).'
const active = 'The association must not be suspended either (`AssociationSuspended` R23: only remedial activity).'
const member =
  'The member must exist in that association, or in one its heir took over by the date (R21 `BeforeCarriedOver` before the takeover) (`MemberNotFound`, `MemberNotInAssociation`); after resignation, expulsion, striking off, death or transfer out nothing else happens but corrections (`MemberAlreadyLeft` R11); no date before admission (`EventBeforeAdmission`).'
const same = 'Sending the same command again is already satisfied and stores nothing.'
const leaving =
  "Leaving frees the person's seat in the association (R10) and ends every office the member held there on the same date (`OfficerRelieved` with the reason, a follow-up on the association)."
const eligible =
  "R28 `AgeBelowMinimum`, `AgeAboveMaximum`, `GenderNotAdmitted`: eligibility by association kind is configuration — Hội NCT from 60 (55–59 as a flagged exception `AgeException`), the youth union 16–30, the Women's Union women only."

/** What each command does and which rules it checks; docs/commands.md is generated from this and the codecs. */
export const commandDocs: Readonly<Record<CommandType, { summary: string; rules: ReadonlyArray<string> }>> = {
  FoundAssociation: {
    summary:
      'Records the founding of an association (Hội) made before or outside hoi; a new association goes through the founding procedure (RecogniseFoundingCommittee … HoldFoundingCongress). The regime is derived, never given: own charter for the six socio-political bodies, else Decree 45/2010 before 2024-11-26 and Decree 126/2024 from then (R1, R2).',
    rules: [
      'R3 `FoundingMembersBelowMinimum`: under a decree, founding members ≥ 100 / 50 / 20 / 10 for national / province / district / commune scope (policy).',
      'R30 `ParentIsItself`, `ParentScopeNarrower`, `BeforeParentFounded`, `AreaOutsideParent`: a parent must exist, not be dissolved, not have a narrower scope, have been founded first and cover the area.',
      "R30 `ScopeDoesNotMatchArea`: the area code has the scope's level (province 12, district 12.105, commune 12.105.03).",
      "R30 `DuplicateAssociation`: one active association of a kind per area (not for `other`; a same-kind bloc under its parent in the parent's area is allowed).",
      'R37 `ScopeAbolished`: no district association is founded from 2025-07-01 (policy).',
      '`AssociationAlreadyFounded`: the id is taken by a different founding.',
      'R5 `FoundingProcedureUnderway`: an association in its founding procedure is founded by its founding congress (HoldFoundingCongress), which also enforces R4, R5 and R7; this command records a founding made outside hoi.',
      same,
    ],
  },
  RecogniseFoundingCommittee: {
    summary:
      "Records the authority's recognition of the founding committee (ban vận động) of a proposed association: the first step of the founding procedure. The kind's place in the area is held for the procedure from then on.",
    rules: [
      'R4 `FoundingCommitteeTooSmall`, `CommitteeMemberRepeated`: under a decree, at least 10 / 5 / 3 / 3 different people for national / province / district / commune scope (policy).',
      'R30, R37: the proposed place is checked as at a founding (`ScopeDoesNotMatchArea`, `ParentScopeNarrower`, `AreaOutsideParent`, `DuplicateAssociation`, `ScopeAbolished`, …).',
      '`AssociationAlreadyFounded`, `FoundingAlreadyUnderway`: the id is taken.',
      same,
    ],
  },
  PermitEstablishment: {
    summary: 'Records the permit to establish the association (quyết định cho phép thành lập hội) and the people who registered to found it; the founding congress is due within 90 days (R5).',
    rules: [
      'R4 `FoundingNotFound`: a recognised committee comes first; `FoundingStepOutOfOrder`: not before its recognition.',
      'R3 `FoundingMembersBelowMinimum`, `RegistrantRepeated`: under a decree, at least 100 / 50 / 20 / 10 different registrants by scope (policy).',
      "R7 `RegistrantIdTooLong`: each registrant's member id (`<associationId>.<personId>`) fits 80 characters.",
      'R5 `EstablishmentPermitLapsed`, `EstablishmentAlreadyPermitted`.',
      same,
    ],
  },
  ExtendEstablishmentPermit: {
    summary: 'Records the one extension of the founding congress deadline (R5).',
    rules: [
      'R5 `EstablishmentNotPermitted`, `ExtensionRequestedTooLate`, `PermitExtensionOutOfRange`, `PermitAlreadyExtended`, `EstablishmentPermitLapsed`: requested within 15 days from the 90-day deadline, the new deadline at most 30 days after it (policy).',
      same,
    ],
  },
  LapseEstablishmentPermit: {
    summary: 'Records that the establishment permit lapsed: for a scheduler or an operator once the deadline has passed. The area held for the procedure is freed.',
    rules: [
      'R5 `PermitStillValid`: only after the deadline and, without an extension, after the 15 days in which one may still be requested.',
      '`EstablishmentNotPermitted`, `FoundingNotFound`, `AssociationAlreadyFounded`.',
      same,
    ],
  },
  HoldFoundingCongress: {
    summary:
      'Records the founding congress of a permitted association: the association is founded on its date (`AssociationFounded`, regime by date R1, R2) and its first term opens (`CongressHeld` of kind founding, number I unless given). From Decree 126 (2024-11-26) every registrant becomes an official member (`MemberAdmitted` follow-ups with member id `<associationId>.<personId>`, R7; eligibility R28 still applies).',
    rules: [
      'R5 `EstablishmentNotPermitted`, `FoundingCongressOverdue`, `EstablishmentPermitLapsed`: only by the deadline (90 days from the permit, or as extended).',
      'R13 `TermTooLong`, `TermEndsBeforeStart`, `TermStartsLongBeforeCongress`; R15 `QuorumNotReached`.',
      'R37 `ScopeAbolished`: no district association is founded from 2025-07-01.',
      '`AssociationAlreadyFounded`.',
      same,
    ],
  },
  RenameAssociation: { summary: 'Renames an association (decided by its congress).', rules: [open, '`EventBeforeFounding`: no date before the founding.', same] },
  GrantSpecialStatus: { summary: 'Recognises the association as special (hội có tính chất đặc thù).', rules: [open, same] },
  RevokeSpecialStatus: { summary: 'Withdraws the special status.', rules: [open, '`SpecialStatusNotGranted`: it must be special.'] },
  AssignStaffQuota: {
    summary: 'Records the staff quota (biên chế) assigned by the competent authority.',
    rules: [
      open,
      'R26 `StaffQuotaCannotBeHandedDown`: a quota cannot be allocated from another association (`allocatedFrom`).',
      'R26 `StaffQuotaNeedsSpecialStatus`: only a special association (hội có tính chất đặc thù) is given a quota.',
      same,
    ],
  },
  HoldCongress: {
    summary: 'Records a congress (founding, term or extraordinary; plenary or delegate) and the term it opens.',
    rules: [
      open,
      'R13 `TermTooLong`, `TermEndsBeforeStart`: a term lasts at most 5 years (policy).',
      'R13 `TermStartsLongBeforeCongress`: a term starts at most 30 days (policy) before its congress.',
      'R15 `QuorumNotReached`: more than half of the expected delegates must be present.',
      'R16 `ExtraordinaryCongressNotRequested`: under a decree, an extraordinary congress needs a recorded request (RequestExtraordinaryCongress) on or before it.',
      "R17 flags (the congress is recorded): a term congress under a decree not notified to the authority (`CongressNotNotified`), notified fewer than 30 days before (`CongressNotifiedLate`, policy), held before the authority's opinion (`AuthorityOpinionMissing`) or against it (`AuthorityObjected`).",
      '`FoundingCongressAlreadyHeld`, `CongressAlreadyHeld`, `TermStartsBeforeCurrentTerm`.',
      same,
    ],
  },
  ElectOfficer: {
    summary: 'Records the election of an officer (president, vice-president, committee member…).',
    rules: [
      open,
      'R8 `OfficerMustBeOfficialMember`, `MemberNotInAssociation`, `ElectedBeforeAdmission`: only an active official member of this association (or of one it took over by the election, R21).',
      '`SeatOccupied`: president, secretary-general and inspection chair have one holder at a time; relieve the holder first.',
      same,
    ],
  },
  RelieveOfficer: { summary: 'Relieves an officer of a role.', rules: [open, '`OfficerNotInRole`, `ReliefBeforeElection`.'] },
  AdoptResolution: {
    summary: 'Records a congress resolution: its targets (chỉ tiêu), key tasks and programmes; targets it sets become Target streams (SetTarget with `sourceResolutionId`).',
    rules: [open, active, '`CongressNotHeld`, `ResolutionBeforeCongress`: the congress must have been held.', same],
  },
  HoldConference: { summary: 'Records a review, training or deployment conference and its attendees.', rules: [open, active, same] },
  SuspendAssociation: {
    summary: 'Records a time-limited suspension.',
    rules: [open, 'R23 `SuspensionTooLong`, `SuspensionEndsBeforeStart`, `AssociationAlreadySuspended`: at most 180 days (policy), only an active association.'],
  },
  ExtendSuspension: {
    summary: 'Extends a suspension that ran out unremedied, once, beyond its automatic 30 working days (R23).',
    rules: [
      open,
      'R23 `AssociationNotSuspended`, `SuspensionExtensionOutOfRange`, `SuspensionAlreadyExtended`, `ExtensionBeforeSuspension`: after the automatic 30 working days, at most 60 working days more (policy; Monday to Friday, holidays not counted).',
      same,
    ],
  },
  ReinstateAssociation: { summary: 'Ends a suspension.', rules: [open, 'R23 `AssociationNotSuspended`, `ReinstatementBeforeSuspension`.'] },
  DissolveAssociation: {
    summary: 'Records a voluntary or compulsory dissolution; a dissolved association accepts no further commands.',
    rules: [
      open,
      'R24 voluntary grounds: Decree 45 — purpose-achieved, term-ended, members-request; Decree 126 — purpose-achieved, no-assets, members-request, executive-resolution (`DissolutionGroundNotVoluntary`, `DissolutionGroundNotAllowed`).',
      "R24 `MembersRequestCountsMissing`, `MembersRequestBelowMajority`: a members' request needs more than half of the official members.",
      'R25 compulsory grounds: inactive-12-months, ignored-dissolution-resolution, serious-violation, suspension-unremedied (`DissolutionGroundNotCompulsory`; R25 `InactivityImpossible`, `ActivityWithinYear`: inactive-12-months needs a year of existence with no congress, conference, resolution or election in it; R23 `SuspensionStillRunning`: suspension-unremedied only after the suspension, its automatic 30 working days and any extension).',
      'R30 `ChildrenFateMissing`, `NotAChild`, `NewParentInvalid`: `children` lists every association under it as re-parented (to `parentId`) or dissolved with it; follow-ups carry that out on the same date (`GroundOnlyWithParent`: the ground parent-dissolved is only given that way).',
      'R25 `ComplaintPending`: no dissolution while a complaint lodged on or before it is unresolved.',
      'R20: its open branches and cells close on the same date (`BranchClosed`, recorded before the dissolution).',
      'R24 `AssociationAlreadyDissolved`: a second, different dissolution is refused; the same one again stores nothing.',
    ],
  },
  CreateAdminUnit: {
    summary: 'Creates an administrative unit (province, district or commune) from a date; its id is its area code.',
    rules: [
      'R30 `ParentMissing`, `ParentLevelNotBroader`, `BeforeAdminUnitCreated`, `AdminUnitNotFound`, `AdminUnitEnded`: districts and communes sit under one unit of a broader level in force on the date.',
      'R37 `LevelAbolished`: no district from 2025-07-01 (policy).',
      same,
    ],
  },
  RenameAdminUnit: { summary: 'Renames an administrative unit from a date.', rules: ['`AdminUnitNotFound`, `AdminUnitEnded`, `BeforeAdminUnitCreated`.', same] },
  MergeAdminUnit: {
    summary: 'Merges a unit into another of its level (a commune merger): the unit ends on that date.',
    rules: ['R30 `MergeIntoItself`, `MergeAcrossLevels`, `SubunitsRemain`: only into an active unit of the same level, and only without subunits left.', same],
  },
  ReparentAdminUnit: {
    summary: 'Moves a unit under another parent from a date (communes to their province when the district level ends).',
    rules: ['R30 `ParentLevelNotBroader`, `ParentIsItself`, `AdminUnitEnded`: one parent of a broader level at every date.', same],
  },
  AbolishAdminUnit: {
    summary: 'Abolishes a unit from a date (the districts on 2025-07-01). `AdminUnit.districtAbolition` lists the commands that replay the 2025 restructuring.',
    rules: ['R30 `SubunitsRemain`: its subunits must first be moved, merged or abolished.', same],
  },
  ReparentAssociation: {
    summary: "Moves an association under another parent association from a date; the old and new parents' lists of children follow.",
    rules: [
      open,
      'R30 `ParentIsItself`, `ParentScopeNarrower`, `BeforeParentFounded`, `AreaOutsideParent`, `ParentCycle`: the new parent exists, is open, is not narrower, existed on that date and covers the area.',
      same,
    ],
  },
  DivideAssociation: {
    summary:
      'Divides an association into two or more new ones (R21): the source ends on the date, the new bodies are founded by follow-ups under its parent, and its heir (`heirId`, else the first) carries on all its members (on its roster from the date, commanded through it), clubs, targets and staff quota; the other new bodies start with their own founding members, and members move to them by transfer (R12); its children move under the heir.',
    rules: [
      open,
      "R21 `ReorganisationNeedsTwo`, `ReorganisationIdsNotDistinct`, `SuccessorOutsideSource`, `HeirNotASuccessor`: at least two new bodies, each inside the source's scope and area, the heir one of them.",
      'R22: each new body holds its first congress within 30 working days (congress watch `firstCongressDue`).',
      'R21 `AssociationReorganised`: a reorganised association accepts no further commands; its history stays readable under its id.',
      same,
    ],
  },
  SeparateAssociation: {
    summary: 'Separates a part of an association into a new one (R21): the source carries on; the new body is founded by a follow-up under the same parent with its own founding members.',
    rules: [
      open,
      "R21 `ReorganisationIdsNotDistinct`, `SuccessorOutsideSource`: the new body is inside the source's scope and area.",
      'R22: the new body holds its first congress within 30 working days.',
      same,
    ],
  },
  AbsorbAssociation: {
    summary:
      "Merges an association into another (sáp nhập, R21): the source ends on the date and the absorbing association carries on its members (on its roster from the date, commanded through it), clubs, targets and staff quota (added to its own); the source's children move under it.",
    rules: [
      open,
      "R21 `HeirNarrower`, `HeirIsAChild`, `BeforeHeirFounded`, `ReorganisationIdsNotDistinct`: the absorbing association is open, of the same scope or broader (neighbours may merge) and not the source's child.",
      same,
    ],
  },
  ConsolidateAssociations: {
    summary:
      'Merges two or more associations into a new one (hợp nhất, R21): the new association is founded on the date and each source ends by a follow-up, the new one carrying on their members (on its roster from the date, commanded through it), clubs, targets and staff quotas.',
    rules: [
      'R21 `ReorganisationNeedsTwo`, `ReorganisationIdsNotDistinct`, `SuccessorOutsideSource`: at least two open sources, none of a broader scope than the new one.',
      'R30 as for a founding (parent, area, duplicate: the area a source holds is no duplicate); no founding minimum (R3): the members come from the sources.',
      'R22: the first congress within 30 working days (congress watch `firstCongressDue`).',
      same,
    ],
  },
  AdmitMember: {
    summary: 'Admits a person as a member (official, associate or honorary) of an association; with `representative`, the member is an organisation and the person its representative.',
    rules: [
      open,
      active,
      eligible,
      "R9 `RepresentativeNotVietnamese`: from Decree 126 (2024-11-26), an organisation member's representative is a Vietnamese citizen (not for bodies under their own charter).",
      'R10 `MemberAlreadyExists`: the member id is taken; a re-admission is a new member id.',
      "R10 `PersonAlreadyActiveMember`: one active membership per person and association (the person's seat is claimed on admission and freed on leaving).",
      '`BirthAfterAdmission`, `AdmissionBeforeFounding`.',
      same,
    ],
  },
  ChangeMemberCategory: { summary: "Changes a member's category.", rules: [member, same] },
  CorrectMemberDetails: {
    summary: "Corrects a member's recorded name, birth date, gender or card number, with a reason; allowed even after the member has left (R11).",
    rules: [
      '`NothingToCorrect`: at least one field must be given.',
      `${eligible} A corrected birth date or gender must have allowed the person to join on the day they joined.`,
      '`DateAfterCommand`: a birth date after the correction itself.',
      same,
    ],
  },
  TransferMemberOut: {
    summary: 'First half of a transfer (R12): the member leaves for another association, under the member id it will have there.',
    rules: [member, 'R12 `TransferToSameAssociation`; the destination must exist and be open.', leaving, same],
  },
  TransferMemberIn: {
    summary: 'Second half of a transfer (R12): the destination admits the same person, copying their details from the source member.',
    rules: [
      'R12 `TransferOutMissing`, `TransferInBeforeOut`: the matching transfer out must exist; R10 `TransferNeedsNewMemberId`.',
      eligible,
      'R10 `PersonAlreadyActiveMember`, R12 `TransferPersonMismatch`: with `personId`, the person must not already be active in the destination.',
      active,
      same,
    ],
  },
  RecordResignation: { summary: 'Records that a member resigned.', rules: [member, leaving, same] },
  ExpelMember: { summary: 'Records an expulsion (khai trừ), with a reason.', rules: [member, leaving, same] },
  StrikeOffMember: { summary: 'Records striking a member off the list (xóa tên), with a reason.', rules: [member, leaving, same] },
  RecordDeath: { summary: "Records a member's death.", rules: [member, leaving, same] },
  ReferMemberToParty: { summary: 'Records a referral of the member for Party admission.', rules: [member, '`ReferralNeedsOfficialMember`: official members only.', same] },
  LaunchClub: {
    summary: 'Records the launch of a club — usually an Intergenerational Self-Help Club (ISHC) hosted by a Hội NCT — with its founding roster.',
    rules: [
      "The host association must exist and be open; `ClubBeforeHost`, `ClubOutsideHostArea`: the club lies in the host's area.",
      '`RosterInconsistent`: older, women and volunteers cannot exceed the total.',
      'R29 (soft, never refuses): ISHC of 50–70 members, 60–70 % women, 60–70 % older (threshold 60 or 55 by policy), ≥ 5 home-care volunteers — recorded as flags.',
      '`ClubAlreadyLaunched`.',
      same,
    ],
  },
  ReportClubRoster: { summary: "Reports the club's current roster figures (R29 flags as at launch).", rules: ['`ClubNotFound`, `ClubClosed`, `RosterBeforeLaunch`, `RosterInconsistent`.', same] },
  RecordClubActivity: { summary: 'Records an activity in one of the 8 ISHC areas.', rules: ['`ClubNotFound`, `ClubClosed`, `ActivityBeforeLaunch`.', same] },
  CloseClub: { summary: 'Closes a club.', rules: ['`ClubNotFound`, `ClosureBeforeLaunch`.', same] },
  SetTarget: {
    summary: 'Sets a target (chỉ tiêu) with its metric, counting, goal, dates and milestones. Progress is never stored: it is a view.',
    rules: ['The owner association must exist and not be dissolved.', '`GoalMustBePositive`, `DueNotAfterStart`, `SetAfterDue`, `MilestoneOutsideTarget`.', '`TargetAlreadySet`.', same],
  },
  ReviseTarget: {
    summary: "Revises a target's goal, due date or milestones, with a reason.",
    rules: ['`TargetNotSet`, `TargetWithdrawn`, `RevisionBeforeSet`; the revised target passes the same checks as SetTarget.', same],
  },
  WithdrawTarget: { summary: 'Withdraws a target, with a reason.', rules: ['`TargetNotSet`, `WithdrawalBeforeSet`.', same] },
  SubmitReport: {
    summary:
      'Submits the report of an association for a period (one per association and period: month, quarter, half, nine months `2023N9`, year, or congress term `2021K2026`), with its indicator values.',
    rules: [
      'The association must exist and not be dissolved (a suspended one still reports).',
      "R36 `UnknownIndicator`, `IndicatorIsComputed`, `RequiredIndicatorMissing`: codes come from the indicator catalogue in force on the period's last day (docs/reporting.md); a ratio is computed, never reported; the template of the association's kind and period type lists the indicators required. Each names its field `data.indicators.CODE`; a negative count is refused by the codec.",
      "R19/R35: the due date is data of the template in force on the period's last day, by regime (annual report: 1 December under Decree 45, 31 December under Decree 126; periodic reports 15 days after the period); a late report is accepted and flagged `late`.",
      'R34 `PeriodLocked`: entry closes 90 days (policy) after the period ends unless a lock exception covers the date.',
      '`SubmittedBeforePeriod`, `ReportAlreadySubmitted` (use CorrectReport).',
      same,
    ],
  },
  CorrectReport: {
    summary: 'Corrects a submitted or returned report (a returned report is thereby re-submitted).',
    rules: ['R33 `ReportLocked`: an approved report is locked until it is unapproved.', 'R36 as for SubmitReport; R34 `PeriodLocked`.', '`ReportNotSubmitted`, `CorrectionBeforeSubmission`.', same],
  },
  ApproveReport: {
    summary: 'Approves a submitted report; approval locks it (R33). `childAssociationIds` lists the child associations: every child the association records must be listed.',
    rules: [
      'R32 `ChildNotListed`: every child the association records (R30) must be listed; `ChildReportNotApproved`, `NotAChildAssociation`: every listed child that owes a report for the period (in being, with a template) must have it approved first.',
      '`ReportNotSubmitted`, `ReportReturned`, `ApprovalBeforeSubmission`.',
      same,
    ],
  },
  ReturnReport: {
    summary: 'Returns a submitted report to its association, with a reason. A returned report never counts in roll-ups.',
    rules: ['R33 `ReportLocked`; `ReportNotSubmitted`, `ReturnBeforeSubmission`.', same],
  },
  UnapproveReport: {
    summary: 'Withdraws an approval so the report can be corrected or returned again (R33).',
    rules: [
      "R33 `ParentReportApproved`: unapproval is top-down — the parent's report for the period must not be approved; `ParentAssociationMismatch`: `parentAssociationId` must name the association's parent when it has one.",
      '`ReportNotSubmitted`, `UnapprovalBeforeApproval`.',
      same,
    ],
  },
  GrantLockException: {
    summary: 'Re-opens entry for one association and period after expiry, from `grantedOn` through `until` (R34).',
    rules: ['R34 `LockExceptionEndsBeforeStart`.', same],
  },
  RevokeLockException: {
    summary: 'Ends every lock exception of one association and period the day before `revokedOn` (R34); entry is locked again from that day. Nothing to end is already satisfied.',
    rules: ['The association must exist.', same],
  },
  LaunchEmulationMovement: {
    summary: 'Launches an emulation movement (phong trào thi đua) for a cycle of years.',
    rules: ['The owner association must exist and be open; `CycleEndsBeforeStart`, `MovementAlreadyLaunched`.', same],
  },
  AwardCommendation: { summary: 'Awards a commendation to a collective or an individual under a movement.', rules: ['`MovementNotFound`, `MovementConcluded`, `AwardBeforeLaunch`.', same] },
  ConcludeEmulationMovement: { summary: 'Concludes a movement (its review conference); no commendations after.', rules: ['`MovementNotFound`, `ConclusionBeforeLaunch`.', same] },
  RequestExtraordinaryCongress: {
    summary: 'Records a request for an extraordinary congress (đại hội bất thường); an extraordinary congress answers the oldest request made on or before it.',
    rules: [
      open,
      'R16 `ExtraordinaryRequestBelowThreshold`, `RequestingExceedsBody`: under a decree, at least ⅔ of the leadership or ½ of the official members (R1: not for bodies under their own charter).',
      '`RequestAlreadyRecorded`.',
      same,
    ],
  },
  NotifyAuthorityOfCongress: {
    summary: 'Records the notice of a coming congress to the authority that manages the association.',
    rules: [
      open,
      'R17 `CongressPlannedBeforeNotice`, `CongressAlreadyHeld`.',
      'R17 flags on the term congress itself: `CongressNotNotified`, `CongressNotifiedLate` (fewer than 30 days before, policy), `AuthorityOpinionMissing`, `AuthorityObjected`.',
      same,
    ],
  },
  RecordAuthorityOpinion: {
    summary: "Records the authority's written opinion (agreed or objected) on a notified congress.",
    rules: [open, 'R17 `CongressNotNotified`, `OpinionBeforeNotice`, `OpinionAlreadyRecorded`.', same],
  },
  ChangeHeadquarters: {
    summary: 'Records a new headquarters address; listed as reportable to the authority (R18, governance view).',
    rules: [open, active, '`ChangeBeforeLatest`, `EventBeforeFounding`.', same],
  },
  ApproveCharter: {
    summary: 'Records the approval of a charter version: it is in force from that date (R6) and reportable (R18).',
    rules: [open, 'R6 `ChangeBeforeLatest`: not before the approval of the charter in force.', same],
  },
  LodgeComplaint: {
    summary: 'Records a complaint about a decision on the association; while it is pending the association cannot be dissolved (R25).',
    rules: [open, '`ComplaintAlreadyLodged`.', same],
  },
  ResolveComplaint: { summary: 'Records the resolution of a complaint.', rules: [open, 'R25 `ComplaintNotFound`, `ComplaintAlreadyResolved`, `ResolvedBeforeLodged`.', same] },
  EstablishBranch: {
    summary:
      'Establishes a branch (chi hội) or a cell (tổ hội), without legal personality, belonging to this association only; a cell may sit in a branch (`withinBranchId`). Branches end with the association (R20).',
    rules: [open, active, 'R20 `BranchAlreadyExists`, `BranchNotOpen`, `OnlyCellsInBranches`, `BranchBeforeParent`.', same],
  },
  CloseBranch: {
    summary: 'Closes a branch or cell; the cells in a closed branch close on the same date. Dissolving the association closes them all (R20).',
    rules: [open, 'R20 `BranchNotFound`, `BranchAlreadyClosed`, `BranchClosedBeforeEstablished`.', same],
  },
  RecordLeaderRemuneration: {
    summary:
      "Records the monthly remuneration of a leader; a retired full-time leader's above the cap (6.5 / 5.0 (5.4 Hà Nội, HCMC) / 3.2 (3.6) / 1.5 × the base wage by scope, policy) is flagged `RemunerationAboveCap` (R27).",
    rules: [open, 'R27 `NotALeader`: the member must hold an office on the date.', same],
  },
  PlaceMemberInBranch: {
    summary: "Places a member in a branch (chi hội) or cell (tổ hội) of its association; the latest placement holds (the governance view lists each branch's active members).",
    rules: [member, "R20 `BranchNotOpen`: the branch or cell belongs to the member's association and is open on the date.", open, same],
  },
}
