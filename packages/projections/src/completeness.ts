import { Report, type Period } from '@hoi/domain'
import type { AssociationState, ReadModel } from './model.js'
import { reportKey } from './model.js'
import { dateOf, nameAt } from './asOf.js'
import { dueOnFor, owesReport } from './reports.js'
import { statusOn } from './indicators.js'
import { areaFilter, type AreaFilterQuery } from './units.js'

export type CompletenessStatus = 'approved' | 'returned' | 'late' | 'submitted' | 'missing' | 'not-yet-due'
export const completenessStatuses: ReadonlyArray<CompletenessStatus> = ['approved', 'submitted', 'late', 'returned', 'missing', 'not-yet-due']

export type CompletenessRow = {
  readonly associationId: string
  readonly name: string
  readonly kind: AssociationState['kind']
  readonly scope: AssociationState['scope']
  readonly rootId: string
  readonly template: string
  readonly dueOn: string
  readonly status: CompletenessStatus
  readonly submittedOn?: string
  /** Submitted after the due date (R35), even if approved since. */
  readonly late: boolean
}
export type Counts = { readonly owed: number } & Readonly<Record<CompletenessStatus, number>>
export type RootCounts = { readonly rootId: string; readonly name: string; readonly counts: Counts }
export type CompletenessQuery = { readonly period: string; readonly asOf?: string; readonly rootId?: string } & AreaFilterQuery
export type CompletenessList = { readonly period: string; readonly rows: ReadonlyArray<CompletenessRow>; readonly counts: Counts; readonly byRoot: ReadonlyArray<RootCounts> }
export type Completeness = CompletenessList & {
  readonly asOf: string
  /** The area asked for, if any: only the associations in it are counted. */
  readonly areaCode?: string
  /** The date whose administrative units place each association in `areaCode`. */
  readonly geography: string
  /** The legally required annual report (R19) of the period's year, as its own list. */
  readonly annual: CompletenessList
}

const rootOf = (m: ReadModel, a: AssociationState): string => {
  let cur = a
  for (let i = 0; i < 50 && cur.parentId !== undefined; i++) {
    const p = m.associations.get(cur.parentId)
    if (p === undefined) break
    cur = p
  }
  return cur.associationId
}

const emptyCounts = (): Record<keyof Counts, number> => ({ owed: 0, approved: 0, returned: 0, late: 0, submitted: 0, missing: 0, 'not-yet-due': 0 })

const listFor = (m: ReadModel, period: string, date: string, rootId: string | undefined, inQueryArea: (code: string) => boolean, legalOnly: boolean): CompletenessList => {
  const rows: CompletenessRow[] = []
  const counts = emptyCounts()
  const byRoot = new Map<string, Record<keyof Counts, number>>()
  for (const a of m.associations.values()) {
    if (!owesReport(a, period, date) || !inQueryArea(a.areaCode)) continue
    const template = Report.templateOf(a.kind, period as Period).template!
    if (legalOnly && !template.legal) continue
    const root = rootOf(m, a)
    if (rootId !== undefined && root !== rootId) continue
    const r = m.reports.get(reportKey(a.associationId, period))
    const state = r === undefined ? undefined : statusOn(r, date)
    const dueOn = r === undefined || state === undefined ? dueOnFor(a, period) : r.dueOn
    const late = state !== undefined && r!.late
    const status: CompletenessStatus =
      state === undefined ? (date <= dueOn ? 'not-yet-due' : 'missing') : state === 'approved' ? 'approved' : state === 'returned' ? 'returned' : late ? 'late' : 'submitted'
    rows.push({
      associationId: a.associationId,
      name: nameAt(a, date),
      kind: a.kind,
      scope: a.scope,
      rootId: root,
      template: template.id,
      dueOn,
      status,
      late,
      ...(state === undefined ? {} : { submittedOn: r!.submittedOn }),
    })
    let rc = byRoot.get(root)
    if (rc === undefined) byRoot.set(root, (rc = emptyCounts()))
    for (const c of [counts, rc]) {
      c.owed++
      c[status]++
    }
  }
  return {
    period,
    rows,
    counts,
    byRoot: [...byRoot].map(([id, c]) => ({ rootId: id, name: nameAt(m.associations.get(id)!, date), counts: c })),
  }
}

/**
 * Who owes a report for the period and where each stands on `asOf` (R19, R35): approved,
 * submitted, late, returned, missing after the due date, or not yet due. Over the associations
 * in `areaCode` as the administrative units of `geography` (default: asOf) place them, or over
 * all; per root association; and the annual report of the period's year as its own list.
 */
export const completeness = (m: ReadModel, q: CompletenessQuery): Completeness => {
  const date = dateOf(q.asOf)
  const year = q.period.slice(0, 4)
  const inQueryArea = areaFilter(m, q, date)
  const main = listFor(m, q.period, date, q.rootId, inQueryArea, false)
  const geography = q.geography ?? date
  return { ...main, asOf: date, ...(q.areaCode === undefined ? {} : { areaCode: q.areaCode }), geography, annual: listFor(m, year, date, q.rootId, inQueryArea, true) }
}
