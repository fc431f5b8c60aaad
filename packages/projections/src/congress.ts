import { addDays, addWorkingDays, daysBetween, type IsoDate } from '@hoi/domain'
import type { AssociationState, ReadModel } from './model.js'
import { addMonths, dateOf, dissolvedBy, nameAt } from './asOf.js'
import { areaFilter, type AreaFilterQuery } from './units.js'
import { termAt } from './registry.js'

/** R14: after the term ends, 12 months until the authority asks for a congress; 6 more, then 90 days, before dissolution is reviewed. */
export type OverdueStage = 'term-ended' | 'authority-request-due' | 'dissolution-review'
export type CongressWatchRow = {
  readonly associationId: string
  readonly name: string
  readonly kind: AssociationState['kind']
  readonly scope: AssociationState['scope']
  readonly areaCode: string
  readonly congressNumber?: string
  readonly termStart?: string
  readonly termEnd?: string
  /** Days from asOf to the term's end (endingSoon). */
  readonly daysLeft?: number
  /** Days since the term ended (overdue). */
  readonly daysOverdue?: number
  readonly stage?: OverdueStage
}
/** R22: a body founded by a reorganisation holds its first congress within 30 working days. */
export type FirstCongressRow = CongressWatchRow & { readonly origin: NonNullable<AssociationState['origin']>; readonly dueOn: string; readonly overdue: boolean }
/** R4, R5: an association in its founding procedure on asOf, before its founding congress. */
export type FoundingStage = 'committee-recognised' | 'permitted' | 'lapsed'
export type FoundingRow = {
  readonly associationId: string
  readonly name: string
  readonly kind: AssociationState['kind']
  readonly scope: AssociationState['scope']
  readonly areaCode: string
  readonly stage: FoundingStage
  readonly recognisedOn: string
  readonly permittedOn?: string
  /** the founding congress deadline in force on asOf: 90 days from the permit, or as extended */
  readonly congressDueBy?: string
  readonly extended: boolean
  /** permitted, and the deadline has passed with no congress: the permit lapses unless extended (R5) */
  readonly overdue: boolean
  readonly lapsedOn?: string
}
export type CongressWatch = {
  readonly asOf: string
  /** associations in their founding procedure, with the permit's deadline (R4, R5) */
  readonly foundings: ReadonlyArray<FoundingRow>
  /** bodies founded by a reorganisation that have not yet held their first congress (R22) */
  readonly firstCongressDue: ReadonlyArray<FirstCongressRow>
  readonly endingSoon: ReadonlyArray<CongressWatchRow>
  readonly overdue: ReadonlyArray<CongressWatchRow>
  readonly noTerm: ReadonlyArray<CongressWatchRow>
}

/** R22 (Decree 45/2010 Art.25a(5)). */
export const FIRST_CONGRESS_WORKING_DAYS = 30

export const overdueStage = (termEnd: string, asOf: string): OverdueStage =>
  asOf >= addDays(addMonths(termEnd, 18), 90) ? 'dissolution-review' : asOf >= addMonths(termEnd, 12) ? 'authority-request-due' : 'term-ended'

const byTermEnd = (a: CongressWatchRow, b: CongressWatchRow): number => ((a.termEnd ?? '') < (b.termEnd ?? '') ? -1 : (a.termEnd ?? '') > (b.termEnd ?? '') ? 1 : 0)

/** Procedures recognised by the date whose association was not founded by then, in recognition order. */
export const foundingsAt = (m: ReadModel, date: string): FoundingRow[] => {
  const out: FoundingRow[] = []
  for (const f of m.foundings.values()) {
    const founded = m.associations.get(f.associationId)
    if (f.recognisedOn > date || (founded !== undefined && founded.foundedOn <= date)) continue
    const permitted = f.permittedOn !== undefined && f.permittedOn <= date
    const extended = permitted && f.extendedOn !== undefined && f.extendedOn <= date
    const lapsed = f.lapsedOn !== undefined && f.lapsedOn <= date
    const dueBy = extended ? f.extendedDueBy : permitted ? f.congressDueBy : undefined
    const permittedOn = permitted ? f.permittedOn : undefined
    const lapsedOn = lapsed ? f.lapsedOn : undefined
    out.push({
      associationId: f.associationId,
      name: f.name,
      kind: f.kind,
      scope: f.scope,
      areaCode: f.areaCode,
      stage: lapsed ? 'lapsed' : permitted ? 'permitted' : 'committee-recognised',
      recognisedOn: f.recognisedOn,
      ...(permittedOn === undefined ? {} : { permittedOn }),
      ...(dueBy === undefined ? {} : { congressDueBy: dueBy }),
      extended,
      overdue: !lapsed && dueBy !== undefined && date > dueBy,
      ...(lapsedOn === undefined ? {} : { lapsedOn }),
    })
  }
  return out
}

export type FoundingsQuery = { readonly asOf?: string } & AreaFilterQuery

/**
 * The associations in founding on a date (default: everything known), in an area and everything
 * inside it as the administrative units of `geography` (default: asOf) place them (R4, R5).
 */
export const foundings = (m: ReadModel, q: FoundingsQuery = {}): FoundingRow[] => {
  const date = dateOf(q.asOf)
  const inQueryArea = areaFilter(m, q, date)
  return foundingsAt(m, date).filter((f) => inQueryArea(f.areaCode))
}

/**
 * Terms of associations existing and not dissolved on asOf: those ending within `withinMonths`
 * (default 6), those already ended with no later congress (the term of the latest congress held
 * by asOf has ended), with their R14 stage, and associations that have held no congress yet;
 * bodies founded by a reorganisation are watched apart until their first congress (R22).
 */
export const congressWatch = (m: ReadModel, q: { readonly asOf: string; readonly withinMonths?: number }): CongressWatch => {
  const date = q.asOf
  const horizon = addMonths(date, q.withinMonths ?? 6)
  const endingSoon: CongressWatchRow[] = []
  const overdue: CongressWatchRow[] = []
  const noTerm: CongressWatchRow[] = []
  const firstCongressDue: FirstCongressRow[] = []
  for (const a of m.associations.values()) {
    if (a.foundedOn > date || dissolvedBy(a, date)) continue
    const base = { associationId: a.associationId, name: nameAt(a, date), kind: a.kind, scope: a.scope, areaCode: a.areaCode }
    const term = termAt(a, date)
    if (a.origin !== undefined && !a.congresses.some((c) => c.on >= a.foundedOn && c.on <= date)) {
      const dueOn = addWorkingDays(a.foundedOn as IsoDate, FIRST_CONGRESS_WORKING_DAYS)
      firstCongressDue.push({ ...base, origin: a.origin, dueOn, overdue: date > dueOn })
      continue
    }
    if (term === undefined) {
      noTerm.push(base)
      continue
    }
    const row = { ...base, congressNumber: term.congressNumber, termStart: term.start, termEnd: term.end }
    if (term.end < date) overdue.push({ ...row, daysOverdue: daysBetween(term.end as IsoDate, date as IsoDate), stage: overdueStage(term.end, date) })
    else if (term.end <= horizon) endingSoon.push({ ...row, daysLeft: daysBetween(date as IsoDate, term.end as IsoDate) })
  }
  return { asOf: date, foundings: foundingsAt(m, date), firstCongressDue, endingSoon: endingSoon.sort(byTermEnd), overdue: overdue.sort(byTermEnd), noTerm }
}
