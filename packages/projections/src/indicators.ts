import { Report, periodBounds, periodWithin, type Period } from '@hoi/domain'
import type { Indicators, ReadModel, ReportState, ReportStatus } from './model.js'
import { entryAt, valueAt } from './model.js'
import { round1 } from './asOf.js'

export type Aggregation = 'flow' | 'stock' | 'ratio'
/** One indicator's figure in a view: the code is data, never a key. */
export type IndicatorValue = {
  readonly code: string
  readonly vi: string
  readonly en: string
  readonly unit: string
  readonly aggregation: Aggregation
  readonly value: number
  /** For a ratio: the two summed figures it was computed from (R36). */
  readonly numerator?: number
  readonly denominator?: number
}

/** The status of a report on a date; undefined if not submitted by then. */
export const statusOn = (r: ReportState, date: string): ReportStatus | undefined => (r.values[0]!.on > date ? undefined : (entryAt(r.statuses, date)?.value ?? 'submitted'))

/**
 * The reports of one association whose figures count for `period` on `date`: submitted by then and
 * not returned (a returned report never counts). The report of the period itself if there is one;
 * else the widest reports inside it that do not overlap (the nine months before its quarters),
 * so no figure is counted twice.
 */
export const sourcesFor = (own: ReadonlyArray<ReportState>, period: string, date: string): ReportState[] => {
  const usable = own.filter((r) => periodWithin(r.period as Period, period as Period) && statusOn(r, date) !== undefined && statusOn(r, date) !== 'returned')
  const exact = usable.find((r) => r.period === period)
  if (exact !== undefined) return [exact]
  const span = (r: ReportState) => {
    const b = periodBounds(r.period as Period)
    return [b.start, b.end] as const
  }
  const length = (r: ReportState) => {
    const [st, en] = span(r)
    return Date.parse(en) - Date.parse(st)
  }
  const sorted = [...usable].sort((a, b) => length(b) - length(a) || span(a)[0].localeCompare(span(b)[0]))
  const chosen: ReportState[] = []
  for (const r of sorted) {
    const [s, e] = span(r)
    if (
      chosen.every((c) => {
        const [cs, ce] = span(c)
        return e < cs || s > ce
      })
    )
      chosen.push(r)
  }
  return chosen.sort((a, b) => span(a)[0].localeCompare(span(b)[0]))
}

const kindOf = (code: string, catalogue: Report.CatalogueVersion): Report.Aggregation => (catalogue.indicators.get(code) ?? Report.allIndicators().get(code))?.aggregation ?? { kind: 'flow' }

/**
 * Adds one association's sources into `sums`: flows summed over the periods, a stock is its
 * value in the latest source that carries it (never summed over time).
 */
export const addSources = (sums: Map<string, number>, sources: ReadonlyArray<ReportState>, date: string, catalogue: Report.CatalogueVersion): void => {
  const latestFirst = [...sources].sort((a, b) => (periodBounds(b.period as Period).end > periodBounds(a.period as Period).end ? 1 : -1))
  const stocks = new Set<string>()
  for (const r of latestFirst) {
    const values: Indicators = valueAt(r.values, date) ?? r.values[0]!.value
    for (const code of Object.keys(values)) {
      const v = values[code]!
      if (kindOf(code, catalogue).kind === 'stock') {
        if (stocks.has(code)) continue
        stocks.add(code)
      }
      sums.set(code, (sums.get(code) ?? 0) + v)
    }
  }
}

/** The summed figures as labelled values in catalogue order, then every ratio whose parts are there. */
export const labelled = (sums: ReadonlyMap<string, number>, catalogue: Report.CatalogueVersion): IndicatorValue[] => {
  const all = Report.allIndicators()
  const out: IndicatorValue[] = []
  const def = (code: string) => catalogue.indicators.get(code) ?? all.get(code)
  const order = [...catalogue.indicators.keys(), ...[...sums.keys()].filter((k) => !catalogue.indicators.has(k)).sort()]
  for (const code of order) {
    const d = def(code)
    const agg = d?.aggregation ?? { kind: 'flow' as const }
    const base = { code, vi: d?.vi ?? code, en: d?.en ?? code, unit: d?.unit ?? '' }
    if (agg.kind === 'ratio') {
      const n = sums.get(agg.numerator)
      const dn = sums.get(agg.denominator)
      if (n !== undefined && dn !== undefined && dn > 0) out.push({ ...base, aggregation: 'ratio', value: round1((n / dn) * agg.factor), numerator: n, denominator: dn })
      continue
    }
    const v = sums.get(code)
    if (v !== undefined) out.push({ ...base, aggregation: agg.kind, value: v })
  }
  return out
}

/** Every report of each association, for looking up sources without scanning the model per association. */
export const reportsByAssociation = (m: ReadModel, inside: ReadonlySet<string> | undefined): Map<string, ReportState[]> => {
  const out = new Map<string, ReportState[]>()
  for (const r of m.reports.values()) {
    if (inside !== undefined && !inside.has(r.associationId)) continue
    const list = out.get(r.associationId)
    if (list === undefined) out.set(r.associationId, [r])
    else list.push(r)
  }
  return out
}
