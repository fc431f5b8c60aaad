import type { DomainEvent, Flag, IsoDate, RecordedEvent } from '@hoi/domain'
import { MemberIndex } from './members.js'

export type Recorded = RecordedEvent<DomainEvent>
export type EventData<T extends DomainEvent['type']> = Extract<DomainEvent, { type: T }>['data']

/** A value that holds from its business date `on` until the next entry. Arrays stay sorted by `on`. */
export type Dated<T> = { readonly on: string; readonly value: T }

export type AssociationStatus = 'active' | 'suspended' | 'dissolved'
type Founded = EventData<'AssociationFounded'>
export type Congress = EventData<'CongressHeld'>
export type OfficerState = { memberId: string; fullName: string; role: string; electedOn: string; relievedOn: string | undefined }

export type AssociationState = {
  readonly associationId: string
  readonly kind: Founded['kind']
  readonly regime: Founded['regime']
  readonly scope: Founded['scope']
  readonly areaCode: string
  /** the parent now; re-parenting (R30) moves it, and views read the current tree */
  parentId: string | undefined
  readonly foundedOn: string
  readonly foundingMembers: number
  readonly names: Array<Dated<string>>
  readonly statuses: Array<Dated<AssociationStatus>>
  readonly special: Array<Dated<boolean>>
  readonly staffQuota: Array<Dated<number>>
  readonly congresses: Array<Dated<Congress>>
  readonly officers: OfficerState[]
  readonly resolutions: Array<Dated<EventData<'ResolutionAdopted'>>>
  readonly conferences: Array<Dated<EventData<'ConferenceHeld'>>>
  /** The earliest dissolution date, kept apart because every member query needs it. */
  dissolvedOn: string | undefined
  /** Founded by a reorganisation (R21, R22): how and from which associations. */
  origin?: Origin
  /** Ended by a reorganisation (R21): how, and the heir that carries on its records. */
  successor?: Successor
  /** The associations whose records it took over, by date (R21). */
  predecessors?: Array<Dated<string>>
}
export type Origin = NonNullable<Founded['origin']>
export type Successor = { readonly how: EventData<'AssociationReorganised'>['how']; readonly on: string; readonly heirId: string }

export type Category = EventData<'MemberAdmitted'>['category']
export type LeaveKind = 'resigned' | 'expelled' | 'struck-off' | 'deceased' | 'transferred-out'

/** A member as admitted (or transferred in). Never changed: what happens later is a MemberChange. */
export type MemberState = {
  readonly memberId: string
  readonly associationId: string
  readonly personId: string
  readonly fullName: string
  readonly birthDate: string
  readonly gender: Gender
  readonly category: Category
  readonly admittedOn: string
  readonly via: 'admitted' | 'transferred-in'
  readonly fromAssociationId: string | undefined
  readonly cardNo: string | undefined
  readonly flags: ReadonlyArray<Flag>
}
export type Gender = EventData<'MemberAdmitted'>['gender']

/**
 * What happened to a member after admission, kept by member id apart from the member, so that
 * an admission stays a push onto its association's list (see MemberIndex).
 */
export type MemberChange = {
  leftOn: string | undefined
  leftBy: LeaveKind | undefined
  /** Dated category changes after admission. */
  categoryChanges: Array<Dated<Category>> | undefined
  referredOn: string | undefined
  /** Corrections fix the record itself, so they hold for every as-of date. */
  fullName: string | undefined
  birthDate: string | undefined
  gender: Gender | undefined
  cardNo: string | undefined
}

export type ClubRoster = EventData<'ClubLaunched'>['roster']
export type ActivityArea = EventData<'ClubActivityRecorded'>['area']
export type ClubState = {
  readonly clubId: string
  readonly name: string
  readonly model: EventData<'ClubLaunched'>['model']
  readonly hostAssociationId: string
  readonly areaCode: string
  readonly launchedOn: string
  readonly programme: EventData<'ClubLaunched'>['programme']
  readonly rosters: Array<Dated<{ readonly roster: ClubRoster; readonly flags: ReadonlyArray<Flag> }>>
  /** Activity dates and areas, side by side in log order (not date order): no allocation per activity. */
  readonly activityOn: string[]
  readonly activityArea: ActivityArea[]
  closedOn: string | undefined
}

export type Metric = EventData<'TargetSet'>['metric']
export type Counting = EventData<'TargetSet'>['counting']
export type Milestone = EventData<'TargetSet'>['milestones'][number]
export type TargetShape = { readonly goal: number; readonly dueOn: string; readonly milestones: ReadonlyArray<Milestone> }
export type TargetState = {
  readonly targetId: string
  readonly ownerAssociationId: string
  readonly title: string
  readonly metric: Metric
  readonly counting: Counting
  readonly startOn: string
  readonly setOn: string
  readonly sourceResolutionId: string | undefined
  readonly initial: TargetShape
  /** Revisions overlay the shape from their date on; each holds only the fields it changed. */
  readonly revisions: Array<Dated<Partial<TargetShape>>>
  withdrawnOn: string | undefined
}

export type ReportStatus = 'submitted' | 'returned' | 'approved'
export type Indicators = EventData<'ReportSubmitted'>['indicators']
export type ReportState = {
  readonly associationId: string
  readonly period: string
  submittedOn: string
  dueOn: string
  late: boolean
  narrative: string | undefined
  readonly values: Array<Dated<Indicators>>
  readonly statuses: Array<Dated<ReportStatus>>
  readonly returns: Array<Dated<string>>
}

export type Award = { readonly commendationId: string; readonly recipient: EventData<'CommendationAwarded'>['recipient']; readonly form: string; readonly awardedOn: string }
export type MovementState = {
  readonly movementId: string
  readonly ownerAssociationId: string
  readonly title: string
  readonly cycleStart: number
  readonly cycleEnd: number
  readonly launchedOn: string
  concludedOn: string | undefined
  readonly awards: Award[]
}

export type UnitLevel = EventData<'AdminUnitCreated'>['level']
/**
 * An administrative unit over valid time: its names and parents by date, from its creation until
 * it ends (merged into another unit, or abolished). Its id is its area code.
 */
export type UnitState = {
  readonly unitId: string
  readonly level: UnitLevel
  readonly createdOn: string
  readonly names: Array<Dated<string>>
  readonly parents: Array<Dated<string | undefined>>
  /** the first end recorded stands, as the domain refuses a second */
  endedOn: string | undefined
  mergedInto: string | undefined
}

/** The governance events of an association (R16–R18, R20, R25, R27) and the placements of its members in branches, kept as recorded. */
export const governanceTypes = [
  'ExtraordinaryCongressRequested',
  'CongressNotified',
  'AuthorityOpinionRecorded',
  'HeadquartersChanged',
  'CharterApproved',
  'ComplaintLodged',
  'ComplaintResolved',
  'BranchEstablished',
  'BranchClosed',
  'LeaderRemunerationRecorded',
  'MemberPlacedInBranch',
] as const satisfies ReadonlyArray<DomainEvent['type']>
export type GovernanceType = (typeof governanceTypes)[number]
export type GovernanceRecord = { [K in GovernanceType]: { readonly type: K; readonly data: EventData<K> } }[GovernanceType]

/**
 * The one read model, folded from the whole log. Owned by its fold: `apply` mutates it in place
 * (the rebuild hot path), queries only read it.
 */
/** An association in its founding procedure (R4, R5): the first record of each step stands. */
export type FoundingState = {
  readonly associationId: string
  readonly name: string
  readonly kind: AssociationState['kind']
  readonly scope: AssociationState['scope']
  readonly areaCode: string
  readonly recognisedOn: string
  permittedOn: string | undefined
  /** the permit's own deadline (90 days, R5) */
  congressDueBy: string | undefined
  /** the day the one extension was requested, and its deadline */
  extendedOn: string | undefined
  extendedDueBy: string | undefined
  lapsedOn: string | undefined
}

export type ReadModel = {
  position: number
  lastRecordedAt: string | undefined
  readonly associations: Map<string, AssociationState>
  readonly children: Map<string, string[]>
  /** Members by association, in admission (log) order. */
  readonly membersOf: Map<string, MemberState[]>
  readonly members: MemberIndex
  readonly memberChanges: Map<string, MemberChange>
  readonly clubs: Map<string, ClubState>
  readonly targets: Map<string, TargetState>
  /** Keyed `${associationId}|${period}`. */
  readonly reports: Map<string, ReportState>
  readonly movements: Map<string, MovementState>
  /** Governance events by association id, by business date (log order breaks ties); read by the governance view. */
  readonly governance: Map<string, Array<Dated<GovernanceRecord>>>
  /** Administrative units by id (area code), in creation (log) order. */
  readonly units: Map<string, UnitState>
  /** Founding procedures by association id, in recognition (log) order. */
  readonly foundings: Map<string, FoundingState>
}

export const emptyModel = (): ReadModel => {
  const membersOf = new Map<string, MemberState[]>()
  return {
    position: 0,
    lastRecordedAt: undefined,
    associations: new Map(),
    children: new Map(),
    membersOf,
    members: new MemberIndex(membersOf),
    memberChanges: new Map(),
    clubs: new Map(),
    targets: new Map(),
    reports: new Map(),
    movements: new Map(),
    governance: new Map(),
    units: new Map(),
    foundings: new Map(),
  }
}

export const reportKey = (associationId: string, period: string): string => `${associationId}|${period}`

/** Inserts keeping date order; an entry dated like an earlier one goes after it (log order breaks ties). */
export const pushDated = <T>(list: Array<Dated<T>>, on: string, value: T): void => {
  let i = list.length
  while (i > 0 && list[i - 1]!.on > on) i--
  if (i === list.length) list.push({ on, value })
  else list.splice(i, 0, { on, value })
}

/** The entry in force on `date`: the last one dated on or before it. */
export const entryAt = <T>(list: ReadonlyArray<Dated<T>>, date: string): Dated<T> | undefined => {
  for (let i = list.length - 1; i >= 0; i--) {
    const x = list[i]!
    if (x.on <= date) return x
  }
  return undefined
}
export const valueAt = <T>(list: ReadonlyArray<Dated<T>>, date: string): T | undefined => entryAt(list, date)?.value

/** "Everything known": later than any business date the codecs accept. */
export const END_OF_TIME = '9999-12-31' as IsoDate
