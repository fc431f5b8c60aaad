import { periodBounds, type Period } from '@hoi/domain'
import type { AssociationState, Indicators, ReadModel, ReportState, ReportStatus } from './model.js'
import { entryAt, reportKey, valueAt } from './model.js'
import { dateOf, descendants, dissolvedBy, nameAt, percent } from './asOf.js'

export type ReportRow = {
  readonly associationId: string
  readonly associationName: string
  readonly period: string
  readonly submittedOn: string
  readonly dueOn: string
  readonly late: boolean
  readonly status: ReportStatus
  /** The latest values, corrections included. */
  readonly indicators: Indicators
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
    associationId: r.associationId, associationName: a === undefined ? r.associationId : nameAt(a, date), period: r.period,
    submittedOn: r.submittedOn, dueOn: r.dueOn, late: r.late, status, indicators: valueAt(r.values, date) ?? r.values[0]!.value,
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

export type RollupRow = {
  readonly associationId: string
  readonly name: string
  readonly scope: AssociationState['scope']
  readonly parentId?: string
  readonly status: ReportStatus | 'missing'
  readonly report?: ReportRow
}
export type ReportRollup = {
  readonly associationId: string
  readonly period: string
  readonly asOf: string
  /** Sums per indicator over every submitted report of the tree for the period, returned ones included. */
  readonly totals: Record<string, number>
  readonly expected: number
  readonly submitted: number
  readonly approved: number
  readonly returned: number
  readonly late: ReadonlyArray<{ readonly associationId: string; readonly name: string; readonly dueOn: string; readonly submittedOn: string }>
  readonly missing: ReadonlyArray<string>
  /** submitted / expected, %. */
  readonly completeness: number
  /** on-time / submitted, %. */
  readonly timeliness: number
  readonly rows: ReadonlyArray<RollupRow>
}

/**
 * R31: a parent's figures are the sums over itself and every association below it, for the same
 * period. Expected: the tree's associations founded by the period's end and not dissolved by then
 * (plus any that did submit). Returned reports still count in the sums and in `submitted`, since
 * they are being corrected in place (ReportCorrected), and are listed under `returned`.
 */
export const reportRollup = (m: ReadModel, q: { readonly associationId: string; readonly period: string; readonly asOf?: string }): ReportRollup => {
  const date = dateOf(q.asOf)
  const end = periodBounds(q.period as Period).end
  // keyed by indicator codes (user strings): a map, turned into a null-prototype object at the end
  const sums = new Map<string, number>()
  const late: Array<ReportRollup['late'][number]> = []
  const missing: string[] = []
  const rows: RollupRow[] = []
  let expected = 0
  let submitted = 0
  let approved = 0
  let returned = 0
  for (const id of descendants(m, q.associationId)) {
    const a = m.associations.get(id)
    if (a === undefined || a.foundedOn > end || a.foundedOn > date) continue
    const r = m.reports.get(reportKey(id, q.period))
    const row = r === undefined ? undefined : reportRow(m, r, date)
    const base = { associationId: id, name: nameAt(a, date), scope: a.scope, ...(a.parentId === undefined ? {} : { parentId: a.parentId }) }
    if (row === undefined) {
      if (dissolvedBy(a, end)) continue
      expected++
      missing.push(id)
      rows.push({ ...base, status: 'missing' })
      continue
    }
    expected++
    submitted++
    if (row.status === 'approved') approved++
    if (row.status === 'returned') returned++
    if (row.late) late.push({ associationId: id, name: base.name, dueOn: row.dueOn, submittedOn: row.submittedOn })
    for (const [k, v] of Object.entries(row.indicators)) sums.set(k, (sums.get(k) ?? 0) + v)
    rows.push({ ...base, status: row.status, report: row })
  }
  const totals: Record<string, number> = Object.assign(Object.create(null) as Record<string, number>, Object.fromEntries(sums))
  return {
    associationId: q.associationId, period: q.period, asOf: date, totals, expected, submitted, approved, returned, late, missing,
    completeness: percent(submitted, expected), timeliness: percent(submitted - late.length, submitted), rows,
  }
}
