import { addDays, daysBetween, type IsoDate } from '@hoi/domain'
import type { AssociationState, ReadModel } from './model.js'
import { addMonths, dissolvedBy, nameAt } from './asOf.js'
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
export type CongressWatch = {
  readonly asOf: string
  readonly endingSoon: ReadonlyArray<CongressWatchRow>
  readonly overdue: ReadonlyArray<CongressWatchRow>
  readonly noTerm: ReadonlyArray<CongressWatchRow>
}

export const overdueStage = (termEnd: string, asOf: string): OverdueStage =>
  asOf >= addDays(addMonths(termEnd, 18), 90) ? 'dissolution-review' : asOf >= addMonths(termEnd, 12) ? 'authority-request-due' : 'term-ended'

const byTermEnd = (a: CongressWatchRow, b: CongressWatchRow): number => ((a.termEnd ?? '') < (b.termEnd ?? '') ? -1 : (a.termEnd ?? '') > (b.termEnd ?? '') ? 1 : 0)

/**
 * Terms of associations existing and not dissolved on asOf: those ending within `withinMonths`
 * (default 6), those already ended with no later congress (the term of the latest congress held
 * by asOf has ended), with their R14 stage, and associations that have held no congress yet.
 */
export const congressWatch = (m: ReadModel, q: { readonly asOf: string; readonly withinMonths?: number }): CongressWatch => {
  const date = q.asOf
  const horizon = addMonths(date, q.withinMonths ?? 6)
  const endingSoon: CongressWatchRow[] = []
  const overdue: CongressWatchRow[] = []
  const noTerm: CongressWatchRow[] = []
  for (const a of m.associations.values()) {
    if (a.foundedOn > date || dissolvedBy(a, date)) continue
    const base = { associationId: a.associationId, name: nameAt(a, date), kind: a.kind, scope: a.scope, areaCode: a.areaCode }
    const term = termAt(a, date)
    if (term === undefined) {
      noTerm.push(base)
      continue
    }
    const row = { ...base, congressNumber: term.congressNumber, termStart: term.start, termEnd: term.end }
    if (term.end < date) overdue.push({ ...row, daysOverdue: daysBetween(term.end as IsoDate, date as IsoDate), stage: overdueStage(term.end, date) })
    else if (term.end <= horizon) endingSoon.push({ ...row, daysLeft: daysBetween(date as IsoDate, term.end as IsoDate) })
  }
  return { asOf: date, endingSoon: endingSoon.sort(byTermEnd), overdue: overdue.sort(byTermEnd), noTerm }
}
