/** Kinds of association (DOMAIN.md). */
export const associationKinds = ['elderly', 'veterans', 'women', 'farmers', 'youth', 'trade-union', 'fatherland-front', 'red-cross', 'study-promotion', 'other'] as const
export type AssociationKind = (typeof associationKinds)[number]

export const scopes = ['national', 'province', 'district', 'commune'] as const
export type Scope = (typeof scopes)[number]

export const regimes = ['own-charter', 'decree-45-2010', 'decree-126-2024'] as const
export type Regime = (typeof regimes)[number]

/** The six socio-political bodies follow their own charters, never the decree (R1). */
export const ownCharterKinds: ReadonlyArray<AssociationKind> = ['veterans', 'women', 'farmers', 'youth', 'trade-union', 'fatherland-front']

/** Decree 126/2024/NĐ-CP took effect on 2024-11-26 and replaced 45/2010 (R2). */
export const DECREE_126_FROM = '2024-11-26'

export const regimeFor = (kind: AssociationKind, foundedOn: string): Regime => (ownCharterKinds.includes(kind) ? 'own-charter' : foundedOn < DECREE_126_FROM ? 'decree-45-2010' : 'decree-126-2024')

/**
 * Age rule for joining: `minimum` admits; from `exceptionFrom` up to `minimum` admits with a flag;
 * above `maximum` nobody joins (a youth union). Checked on admission, arrival by transfer and a
 * corrected birth date, always at the date of joining.
 */
export type AgeRule = { readonly minimum: number; readonly exceptionFrom?: number; readonly maximum?: number }
export type Gender = 'female' | 'male' | 'other'

/**
 * Everything that differs by deployment or by the association's own charter. Passed to `decide`
 * in the context, so nothing here is a constant buried in a rule.
 */
export type Policy = {
  /** Admission age by kind; kinds not listed have no age rule (R28 for the elderly). */
  readonly memberAge: Readonly<Partial<Record<AssociationKind, AgeRule>>>
  /** Genders a kind admits; kinds not listed admit everyone (the Women's Union admits women). */
  readonly memberGenders: Readonly<Partial<Record<AssociationKind, ReadonlyArray<Gender>>>>
  /** How many days before its congress a term may start (a congress confirms a term, it does not backdate one). */
  readonly termStartLeadDays: number
  /** Founding members needed by scope under the decree regimes (R3). */
  readonly foundingMembers: Readonly<Record<Scope, number>>
  /** Founding committee members needed by scope under the decree regimes (R4). */
  readonly foundingCommittee: Readonly<Record<Scope, number>>
  /** R5: days from the permit to hold the founding congress; days from that deadline to request the one extension, and its longest length. */
  readonly foundingCongressDays: number
  readonly permitExtensionRequestDays: number
  readonly maxPermitExtensionDays: number
  /** Longest congress term in years (R13). */
  readonly maxTermYears: number
  /** Scopes abolished from a date (R37): none of them is founded from then on (the district level from 2025-07-01). */
  readonly abolishedScopes: ReadonlyArray<{ readonly scope: Scope; readonly from: string }>
  /** Longest suspension in days (R23). */
  readonly maxSuspensionDays: number
  /** R23: working days added automatically when a suspension runs out unremedied, and the longest extension after them. */
  readonly suspensionGraceWorkingDays: number
  readonly maxSuspensionExtensionWorkingDays: number
  /** ISHC composition, soft (R29). */
  readonly ishc: {
    readonly olderThreshold: number
    readonly members: { readonly min: number; readonly max: number }
    readonly womenShare: { readonly min: number; readonly max: number }
    readonly olderShare: { readonly min: number; readonly max: number }
    readonly minHomeCareVolunteers: number
  }
  /** R17: days before a term congress by which the authority is notified (45/2010); its written opinion is awaited before holding it. */
  readonly congressNoticeDays: number
  /**
   * R27: the monthly remuneration of a retired full-time leader is at most `multiplier × baseWage` (đồng),
   * by scope, with area overrides (Hà Nội 01 and Hồ Chí Minh City 79: 5.4 for the province, 3.6 for their districts).
   */
  readonly remunerationCap: {
    readonly baseWage: number
    readonly multiplier: Readonly<Record<Scope, number>>
    readonly byArea: ReadonlyArray<{ readonly scope: Scope; readonly areaPrefix: string; readonly multiplier: number }>
  }
  /** Days after the period's end after which entry is locked unless a lock exception is granted (R34). */
  readonly reportExpiryDays: number
}

export const defaultPolicy: Policy = {
  memberAge: { elderly: { minimum: 60, exceptionFrom: 55 }, youth: { minimum: 16, maximum: 30 } },
  memberGenders: { women: ['female'] },
  termStartLeadDays: 30,
  foundingMembers: { national: 100, province: 50, district: 20, commune: 10 },
  foundingCommittee: { national: 10, province: 5, district: 3, commune: 3 },
  foundingCongressDays: 90,
  permitExtensionRequestDays: 15,
  maxPermitExtensionDays: 30,
  maxTermYears: 5,
  abolishedScopes: [{ scope: 'district', from: '2025-07-01' }],
  maxSuspensionDays: 180,
  suspensionGraceWorkingDays: 30,
  maxSuspensionExtensionWorkingDays: 60,
  ishc: {
    olderThreshold: 60,
    members: { min: 50, max: 70 },
    womenShare: { min: 0.6, max: 0.7 },
    olderShare: { min: 0.6, max: 0.7 },
    minHomeCareVolunteers: 5,
  },
  congressNoticeDays: 30,
  remunerationCap: {
    baseWage: 2_340_000,
    multiplier: { national: 6.5, province: 5.0, district: 3.2, commune: 1.5 },
    byArea: [
      { scope: 'province', areaPrefix: '01', multiplier: 5.4 },
      { scope: 'province', areaPrefix: '79', multiplier: 5.4 },
      { scope: 'district', areaPrefix: '01', multiplier: 3.6 },
      { scope: 'district', areaPrefix: '79', multiplier: 3.6 },
    ],
  },
  reportExpiryDays: 90,
}

/** Scope order, broadest first: a parent is never narrower than its child (R30). */
export const scopeRank: Readonly<Record<Scope, number>> = { national: 0, province: 1, district: 2, commune: 3 }
