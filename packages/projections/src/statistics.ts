import { associationKinds, type AssociationKind, type Scope } from '@hoi/domain'
import type { AssociationState, ReadModel } from './model.js'
import { carriedDuplicates, carriedFrom, changeOf, dissolvedBy, inArea, memberActive, specialAt } from './asOf.js'
import { geographyAt } from './units.js'

export type ByScope = Record<Scope, number>
/** Which associations count: the decree-regime ones (hội under state management, R1) by default. */
export type RegimeFilter = 'decree' | 'own-charter' | 'all'
export type Statistics = {
  readonly year: number
  readonly regime: RegimeFilter
  /** The date the figures are taken at: the end of the year, or `asOf` if earlier. */
  readonly asOf: string
  /** The date whose geography places each association and club in the area (see StatisticsQuery). */
  readonly geography: string
  readonly associations: { readonly total: number; readonly byScope: ByScope }
  readonly special: { readonly total: number; readonly byScope: ByScope }
  readonly foundedInYear: { readonly total: number; readonly byScope: ByScope }
  readonly members: {
    /** Active members of associations not dissolved on the date. */
    readonly total: number
    /** New admissions (MemberAdmitted) dated in the year; transfers are moves, not admissions. */
    readonly admittedInYear: number
    /** Resignations, expulsions, strikings-off and deaths dated in the year; transfers out are not counted. */
    readonly leftInYear: number
    readonly byKind: Record<AssociationKind, number>
  }
  readonly clubs: { readonly total: number; readonly ishc: number; readonly launchedInYear: number }
}

export type StatisticsQuery = {
  readonly year: number
  readonly areaCode?: string
  readonly asOf?: string
  readonly regime?: RegimeFilter
  /**
   * Count by the administrative units in force on this date (default: the date of the figures):
   * an area merged into another by then counts under the unit it went into.
   */
  readonly geography?: string
}

const byScope = (): ByScope => ({ national: 0, province: 0, district: 0, commune: 0 })

/** An association's member figures for a statistics query: active on the date (whatever became of the association), admitted and left in the year up to it. */
export type MemberFigures = { readonly active: number; readonly admitted: number; readonly left: number }

const figuresOf = (m: ReadModel, a: AssociationState, yearStart: string, date: string): MemberFigures => {
  let active = 0
  let admitted = 0
  let left = 0
  const list = m.membersOf.get(a.associationId)
  if (list !== undefined) {
    for (const s of list) {
      if (s.via === 'admitted' && s.admittedOn >= yearStart && s.admittedOn <= date) admitted++
      const ch = changeOf(m, s)
      if (ch?.leftOn !== undefined && ch.leftBy !== 'transferred-out' && ch.leftOn >= yearStart && ch.leftOn <= date) left++
      // the association's own end is applied by the caller: a heir counts these members on (R21)
      if (memberActive(s, ch, undefined, date)) active++
    }
  }
  return { active, admitted, left }
}

const counts = (regime: RegimeFilter, a: AssociationState): boolean => regime === 'all' || (regime === 'own-charter') === (a.regime === 'own-charter')

/**
 * Per area and year (DOMAIN.md "statistics"). By default only associations under a decree regime
 * count: the socio-political bodies (Front, unions: own charter, R1) are not in the state's
 * statistics of "hội" (article 002's 179); `regime: 'all'` or `'own-charter'` asks otherwise.
 * Stocks (associations, special, members, open clubs) are taken on the date and leave out
 * dissolved associations and closed clubs; flows (founded, admitted, left, launched in the year)
 * count what happened in the year even if it ended later.
 */
export const statistics = (
  m: ReadModel,
  q: StatisticsQuery,
  figures: (a: AssociationState, yearStart: string, date: string) => MemberFigures = (a, ys, d) => figuresOf(m, a, ys, d),
  duplicates: (a: AssociationState, date: string) => number = (a, d) => carriedDuplicates(m, a, d),
): Statistics => {
  const yearEnd = `${q.year}-12-31`
  const yearStart = `${q.year}-01-01`
  const date = q.asOf !== undefined && q.asOf < yearEnd ? q.asOf : yearEnd
  const regime = q.regime ?? 'decree'
  const geography = q.geography ?? date
  const geo = geographyAt(m, geography)
  const associations = { total: 0, byScope: byScope() }
  const special = { total: 0, byScope: byScope() }
  const founded = { total: 0, byScope: byScope() }
  const byKind = Object.fromEntries(associationKinds.map((k) => [k, 0])) as Record<AssociationKind, number>
  let members = 0
  let admitted = 0
  let left = 0
  for (const a of m.associations.values()) {
    if (a.foundedOn > date || !inArea(geo(a.areaCode), q.areaCode) || !counts(regime, a)) continue
    const f = figures(a, yearStart, date)
    admitted += f.admitted
    left += f.left
    if (a.foundedOn >= yearStart) {
      founded.total++
      founded.byScope[a.scope]++
    }
    if (dissolvedBy(a, date)) continue
    associations.total++
    associations.byScope[a.scope]++
    if (specialAt(a, date)) {
      special.total++
      special.byScope[a.scope]++
    }
    let active = f.active
    const carried = carriedFrom(m, a, date)
    for (const p of carried) active += figures(p, yearStart, date).active
    // R10: a person who was a member of a source and of its heir counts once
    if (carried.length > 0) active -= duplicates(a, date)
    members += active
    byKind[a.kind] += active
  }
  let clubs = 0
  let ishc = 0
  let launched = 0
  for (const c of m.clubs.values()) {
    if (c.launchedOn > date || !inArea(geo(c.areaCode), q.areaCode)) continue
    if (c.launchedOn >= yearStart) launched++
    if (c.closedOn !== undefined && c.closedOn <= date) continue
    clubs++
    if (c.model === 'ishc') ishc++
  }
  return {
    year: q.year,
    regime,
    asOf: date,
    geography,
    associations,
    special,
    foundedInYear: founded,
    members: { total: members, admittedInYear: admitted, leftInYear: left, byKind },
    clubs: { total: clubs, ishc, launchedInYear: launched },
  }
}
