import { Report, periodBounds, type Period } from '@hoi/domain'
import type { AssociationState, ReadModel, ReportState, ReportStatus } from './model.js'
import { entryAt, valueAt } from './model.js'
import { dateOf, descendants, dissolvedBy, nameAt, percent } from './asOf.js'
import { addSources, labelled, reportsByAssociation, sourcesFor, type IndicatorValue } from './indicators.js'

export type ReportRow = {
  readonly associationId: string
  readonly associationName: string
  readonly period: string
  readonly submittedOn: string
  readonly dueOn: string
  readonly late: boolean
  readonly status: ReportStatus
  /** The latest values, corrections included, labelled (ratios computed from them). */
  readonly indicators: ReadonlyArray<IndicatorValue>
  readonly corrections: number
  readonly approvedOn?: string
  readonly returnReason?: string
  readonly narrative?: string
}

const firstSubmittedOn = (r: ReportState): string => r.values[0]!.on

const reportRow = (m: ReadModel, r: ReportState, date: string): ReportRow | undefined => {
  if (firstSubmittedOn(r) > date) return undefined
  const a = m.associations.get(r.associationId)
  const current = entryAt(r.statuses, date)
  const status = current?.value ?? 'submitted'
  const approved = status === 'approved' ? current : undefined
  const returned = status === 'returned' ? valueAt(r.returns, date) : undefined
  return {
    associationId: r.associationId,
    associationName: a === undefined ? r.associationId : nameAt(a, date),
    period: r.period,
    submittedOn: r.submittedOn,
    dueOn: r.dueOn,
    late: r.late,
    status,
    indicators: labelled(new Map(Object.entries(valueAt(r.values, date) ?? r.values[0]!.value)), Report.catalogueOn(periodBounds(r.period as Period).end)),
    corrections: r.values.filter((v) => v.on <= date).length - 1,
    ...(approved === undefined ? {} : { approvedOn: approved.on }),
    ...(returned === undefined ? {} : { returnReason: returned }),
    ...(r.narrative === undefined ? {} : { narrative: r.narrative }),
  }
}

export type ReportsQuery = {
  readonly period?: string
  readonly associationId?: string
  readonly includeDescendants?: boolean
  readonly status?: ReportStatus
  readonly asOf?: string
}

/** Reports submitted by the date, filtered, in submission (log) order. */
export const reports = (m: ReadModel, q: ReportsQuery = {}): ReportRow[] => {
  const date = dateOf(q.asOf)
  const scope = q.associationId === undefined ? undefined : new Set(q.includeDescendants === true ? descendants(m, q.associationId) : [q.associationId])
  const out: ReportRow[] = []
  for (const r of m.reports.values()) {
    if (q.period !== undefined && r.period !== q.period) continue
    if (scope !== undefined && !scope.has(r.associationId)) continue
    const row = reportRow(m, r, date)
    if (row === undefined || (q.status !== undefined && row.status !== q.status)) continue
    out.push(row)
  }
  return out
}

export type RollupStatus = ReportStatus | 'missing' | 'not-yet-due'
export type RollupRow = {
  readonly associationId: string
  readonly name: string
  readonly scope: AssociationState['scope']
  readonly parentId?: string
  /** The report of the period itself; `not-yet-due` before its due date, `missing` after. */
  readonly status: RollupStatus
  readonly dueOn: string
  /** The periods whose figures count for this association (the period itself, or the reports inside it). */
  readonly sources: ReadonlyArray<string>
  readonly report?: ReportRow
}
export type ChildTotals = { readonly associationId: string; readonly name: string; readonly status: RollupStatus; readonly totals: ReadonlyArray<IndicatorValue> }
export type ReportRollup = {
  readonly associationId: string
  readonly name: string
  readonly period: string
  readonly asOf: string
  /** Over the association and every association below it (R31); see docs/reporting.md for what counts. */
  readonly totals: ReadonlyArray<IndicatorValue>
  /** The association's own figures, then each direct child's subtree. */
  readonly own: ReadonlyArray<IndicatorValue>
  readonly children: ReadonlyArray<ChildTotals>
  readonly expected: number
  readonly submitted: number
  readonly approved: number
  readonly returned: number
  readonly late: ReadonlyArray<{ readonly associationId: string; readonly name: string; readonly dueOn: string; readonly submittedOn: string }>
  readonly missing: ReadonlyArray<string>
  readonly notYetDue: ReadonlyArray<string>
  /** submitted / expected, %. */
  readonly completeness: number
  /** on-time / submitted, %. */
  readonly timeliness: number
  readonly rows: ReadonlyArray<RollupRow>
}

/** Is a report owed by this association for the period: founded by its end (and by the date), not dissolved by then, with a template (R19, R36)? */
export const owesReport = (a: AssociationState, period: string, date: string): boolean => {
  const end = periodBounds(period as Period).end
  if (a.foundedOn > end || a.foundedOn > date || dissolvedBy(a, end)) return false
  return Report.templateOf(a.kind, period as Period).template !== undefined
}

export const dueOnFor = (a: AssociationState, period: string): string => Report.reportDueOn(a, period as Period)

const sumOver = (ids: ReadonlyArray<string>, perAssociation: ReadonlyMap<string, ReadonlyMap<string, number>>): Map<string, number> => {
  const out = new Map<string, number>()
  for (const id of ids) for (const [k, v] of perAssociation.get(id) ?? []) out.set(k, (out.get(k) ?? 0) + v)
  return out
}

/**
 * R31: a parent's figures are the sums over itself and every association below it, for the same
 * period, as known on `asOf`. Each report carries its own association's figures only, so the
 * parent's own report and its children's add up without double counting. Returned reports never
 * count. A period without its own report counts the reports inside it (flows summed, stocks the
 * latest), and ratios are computed from the summed numerator and denominator (R36).
 */
export const reportRollup = (m: ReadModel, q: { readonly associationId: string; readonly period: string; readonly asOf?: string }): ReportRollup => {
  const date = dateOf(q.asOf)
  const end = periodBounds(q.period as Period).end
  const catalogue = Report.catalogueOn(end)
  const tree = descendants(m, q.associationId)
  const byAssociation = reportsByAssociation(m, new Set(tree))
  const perAssociation = new Map<string, Map<string, number>>()
  const late: Array<ReportRollup['late'][number]> = []
  const missing: string[] = []
  const notYetDue: string[] = []
  const rows: RollupRow[] = []
  let [expected, submitted, approved, returned] = [0, 0, 0, 0]
  for (const id of tree) {
    const a = m.associations.get(id)
    if (a === undefined || a.foundedOn > end || a.foundedOn > date) continue
    const own = byAssociation.get(id) ?? []
    const sources = sourcesFor(own, q.period, date)
    const sums = new Map<string, number>()
    addSources(sums, sources, date, catalogue)
    perAssociation.set(id, sums)
    const exact = own.find((r) => r.period === q.period)
    const row = exact === undefined ? undefined : reportRow(m, exact, date)
    const base = { associationId: id, name: nameAt(a, date), scope: a.scope, ...(a.parentId === undefined ? {} : { parentId: a.parentId }), sources: sources.map((r) => r.period) }
    if (row === undefined) {
      if (!owesReport(a, q.period, date)) continue
      expected++
      const dueOn = dueOnFor(a, q.period)
      const status = date <= dueOn ? 'not-yet-due' : 'missing'
      ;(status === 'missing' ? missing : notYetDue).push(id)
      rows.push({ ...base, status, dueOn })
      continue
    }
    expected++
    submitted++
    if (row.status === 'approved') approved++
    if (row.status === 'returned') returned++
    if (row.late) late.push({ associationId: id, name: base.name, dueOn: row.dueOn, submittedOn: row.submittedOn })
    rows.push({ ...base, status: row.status, dueOn: row.dueOn, report: row })
  }
  const statusOf = (id: string): RollupStatus => rows.find((r) => r.associationId === id)?.status ?? 'not-yet-due'
  const root = m.associations.get(q.associationId)
  return {
    associationId: q.associationId,
    name: root === undefined ? q.associationId : nameAt(root, date),
    period: q.period,
    asOf: date,
    totals: labelled(sumOver(tree, perAssociation), catalogue),
    own: labelled(perAssociation.get(q.associationId) ?? new Map(), catalogue),
    children: (m.children.get(q.associationId) ?? [])
      .filter((id) => perAssociation.has(id))
      .map((id) => ({
        associationId: id,
        name: nameAt(m.associations.get(id)!, date),
        status: statusOf(id),
        totals: labelled(sumOver(descendants(m, id), perAssociation), catalogue),
      })),
    expected,
    submitted,
    approved,
    returned,
    late,
    missing,
    notYetDue,
    completeness: percent(submitted, expected),
    timeliness: percent(submitted - late.length, submitted),
    rows,
  }
}
