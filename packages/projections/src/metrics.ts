import { Report, periodBounds, type Period } from '@hoi/domain'
import type { Counting, Metric, ReadModel, ReportState } from './model.js'
import { valueAt } from './model.js'
import { changeOf, descendants, inArea, memberEnd } from './asOf.js'
import { statusOn } from './indicators.js'

/** A step function: `value` holds from `date` until the next step; before the first step it is 0. */
export type Step = { readonly date: string; readonly value: number }
export type Timeline = ReadonlyArray<Step>

export const valueOn = (tl: Timeline, date: string): number => {
  let lo = 0
  let hi = tl.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (tl[mid]!.date <= date) lo = mid + 1
    else hi = mid
  }
  return lo === 0 ? 0 : tl[lo - 1]!.value
}

/** The first date on which the value is at least `goal`, if any. */
export const firstReached = (tl: Timeline, goal: number): string | undefined => tl.find((s) => s.value >= goal)?.date

const fromDeltas = (deltas: Array<[string, number]>): Step[] => {
  deltas.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  const steps: Step[] = []
  let value = 0
  for (let i = 0; i < deltas.length;) {
    const date = deltas[i]![0]
    while (i < deltas.length && deltas[i]![0] === date) value += deltas[i++]![1]
    const last = steps[steps.length - 1]
    if (last === undefined ? value !== 0 : last.value !== value) steps.push({ date, value })
  }
  return steps
}

const clubDeltas = (m: ReadModel, metric: Extract<Metric, { kind: 'clubs-launched' }>, counting: Counting, startOn: string): Step[] => {
  const deltas: Array<[string, number]> = []
  for (const c of m.clubs.values()) {
    if ((metric.model === 'ishc' && c.model !== 'ishc') || !inArea(c.areaCode, metric.areaCode)) continue
    if (counting === 'new-since-start') {
      if (c.launchedOn >= startOn) deltas.push([c.launchedOn, 1])
    } else {
      deltas.push([c.launchedOn, 1])
      if (c.closedOn !== undefined) deltas.push([c.closedOn, -1])
    }
  }
  return fromDeltas(deltas)
}

/**
 * The dated changes of a tree's member count, before they are summed into steps. A table-backed
 * reader computes them with SQL aggregates (a count per date) instead of walking every member.
 */
export type MemberDeltas = (associationId: string, counting: Counting, startOn: string) => Array<[string, number]>

const memberDeltas = (m: ReadModel, associationId: string, counting: Counting, startOn: string): Array<[string, number]> => {
  const ids = descendants(m, associationId)
  const inside = new Set(ids)
  const deltas: Array<[string, number]> = []
  for (const id of ids) {
    const a = m.associations.get(id)
    for (const s of m.membersOf.get(id) ?? []) {
      if (counting === 'new-since-start') {
        // a move between two associations of the same tree is not a new member of the tree
        if (s.admittedOn >= startOn && !(s.via === 'transferred-in' && s.fromAssociationId !== undefined && inside.has(s.fromAssociationId))) deltas.push([s.admittedOn, 1])
      } else {
        deltas.push([s.admittedOn, 1])
        // an association ended by a reorganisation does not end its members: its heir carries them on (R21)
        const end = memberEnd(changeOf(m, s), a?.successor === undefined ? a : undefined)
        if (end !== undefined) deltas.push([end, -1])
      }
    }
  }
  return deltas
}

/**
 * Reports of the associations counted on `date`: submitted by then, at their values as corrected
 * by then. A report whose period lies inside another counted report's period of the same
 * association (Q3 inside the year) is left out, so a figure is never counted twice.
 */
export const reportsCounted = (reports: ReadonlyArray<ReportState>, date: string): ReportState[] => {
  const submitted = reports.filter((r) => r.values[0]!.on <= date)
  return submitted.filter((r) => {
    const b = periodBounds(r.period as Period)
    return !submitted.some((o) => {
      if (o === r || o.associationId !== r.associationId) return false
      const ob = periodBounds(o.period as Period)
      return ob.start <= b.start && ob.end >= b.end && (ob.start < b.start || ob.end > b.end)
    })
  })
}

/** Reports counted on a date, grouped by association: submitted, not returned, no nested periods. */
const countedOn = (candidates: ReadonlyArray<ReportState>, date: string): Map<string, ReportState[]> => {
  const out = new Map<string, ReportState[]>()
  for (const r of reportsCounted(
    candidates.filter((x) => statusOn(x, date) !== 'returned'),
    date,
  )) {
    const list = out.get(r.associationId)
    if (list === undefined) out.set(r.associationId, [r])
    else list.push(r)
  }
  return out
}

/** A flow summed over every counted period; a stock the value of the latest period that carries it, per association. */
const figureOn = (byAssociation: ReadonlyMap<string, ReportState[]>, code: string, date: string): number | undefined => {
  const stock = Report.allIndicators().get(code)?.aggregation.kind === 'stock'
  let total: number | undefined
  for (const list of byAssociation.values()) {
    const ordered = stock ? [...list].sort((a, b) => (periodBounds(b.period as Period).end > periodBounds(a.period as Period).end ? 1 : -1)) : list
    for (const r of ordered) {
      const v = valueAt(r.values, date)?.[code]
      if (v === undefined || !Object.prototype.hasOwnProperty.call(valueAt(r.values, date), code)) continue
      total = (total ?? 0) + v
      if (stock) break
    }
  }
  return total
}

/** What a target on this metric reads: counts of things, or a report indicator's flow, stock or ratio. */
export const metricKind = (metric: Metric): { aggregation: 'count' | 'flow' | 'stock' | 'ratio'; unit: string } => {
  if (metric.kind !== 'report-indicator') return { aggregation: 'count', unit: '' }
  const d = Report.allIndicators().get(metric.indicator)
  return { aggregation: d?.aggregation.kind ?? 'flow', unit: d?.unit ?? '' }
}

const indicatorSteps = (m: ReadModel, metric: Extract<Metric, { kind: 'report-indicator' }>, counting: Counting, startOn: string, dueOn: string): Step[] => {
  const def = Report.allIndicators().get(metric.indicator)
  const agg = def?.aggregation ?? { kind: 'flow' as const }
  const inside = new Set(descendants(m, metric.associationId))
  const candidates: ReportState[] = []
  for (const r of m.reports.values()) {
    if (!inside.has(r.associationId)) continue
    // only flows add up from the start; a stock or a ratio is read where it stands
    if (counting === 'new-since-start' && agg.kind === 'flow') {
      const b = periodBounds(r.period as Period)
      if (b.start < startOn || b.end > dueOn) continue
    }
    candidates.push(r)
  }
  const dates = [...new Set(candidates.flatMap((r) => [...r.values.map((v) => v.on), ...r.statuses.map((v) => v.on)]))].sort()
  const steps: Step[] = []
  for (const date of dates) {
    const counted = countedOn(candidates, date)
    let value = 0
    if (agg.kind === 'ratio') {
      const n = figureOn(counted, agg.numerator, date)
      const d = figureOn(counted, agg.denominator, date)
      value = n === undefined || d === undefined || d === 0 ? 0 : Math.round((n / d) * agg.factor * 10) / 10
    } else value = figureOn(counted, metric.indicator, date) ?? 0
    const last = steps[steps.length - 1]
    if (last === undefined ? value !== 0 : last.value !== value) steps.push({ date, value })
  }
  return steps
}

/**
 * The metric's value over time. `cumulative`: what exists on each date (open clubs, active
 * members, indicator totals); `new-since-start`: what was added from `startOn` (launches,
 * admissions, indicators of periods inside [startOn, dueOn]).
 */
export const metricTimeline = (m: ReadModel, metric: Metric, counting: Counting, startOn: string, dueOn: string, members: MemberDeltas = (id, c, s) => memberDeltas(m, id, c, s)): Timeline => {
  switch (metric.kind) {
    case 'clubs-launched':
      return clubDeltas(m, metric, counting, startOn)
    case 'members-admitted':
      return fromDeltas([...members(metric.associationId, counting, startOn)])
    case 'report-indicator':
      return indicatorSteps(m, metric, counting, startOn, dueOn)
  }
}
