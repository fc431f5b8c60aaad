import { addDays, daysBetween, type IsoDate } from '@hoi/domain'
import type { Counting, Metric, ReadModel, TargetShape, TargetState } from './model.js'
import { heirOn, round1 } from './asOf.js'
import { firstReached, metricKind, metricTimeline, valueOn, type MemberDeltas, type Timeline } from './metrics.js'

/** Before the due date: achieved, on-track, at-risk or behind; after it: achieved, achieved-late or missed. */
export type TargetStatus = 'achieved' | 'achieved-late' | 'missed' | 'on-track' | 'at-risk' | 'behind' | 'withdrawn'
export type MilestoneProgress = {
  readonly label: string
  readonly goal: number
  readonly dueOn: string
  readonly counting: Counting
  readonly current: number
  /** Reached by its due date. */
  readonly met: boolean
  /** The first date the count reached the goal (also when that was after the due date). */
  readonly metOn?: string
  /** The due date passed before the goal was reached. */
  readonly missed: boolean
}
export type TargetProgress = {
  readonly targetId: string
  readonly title: string
  readonly ownerAssociationId: string
  readonly metric: Metric
  readonly counting: Counting
  readonly goal: number
  readonly startOn: string
  readonly dueOn: string
  readonly setOn: string
  readonly sourceResolutionId?: string
  readonly withdrawnOn?: string
  readonly status: TargetStatus
  /** The first date the goal was reached (by the due date, or after it when achieved late). */
  readonly achievedOn?: string
  /** How the metric adds up: a count, a stock (latest value) or a ratio in % (R36). */
  readonly aggregation: 'count' | 'flow' | 'stock' | 'ratio'
  readonly unit: string
  readonly current: number
  /** current / goal × 100, one decimal; may exceed 100. */
  readonly percent: number
  readonly baseline: number
  /** Straight line from the baseline at startOn to the goal at dueOn, read on asOf. */
  readonly expectedByNow: number
  /** The rate since startOn carried on to dueOn. */
  readonly forecast: number
  readonly milestones: ReadonlyArray<MilestoneProgress>
  /** The value at startOn, then at each date it changed, up to asOf. */
  readonly series: ReadonlyArray<{ readonly date: string; readonly value: number }>
  /** Revisions in force on asOf. */
  readonly revisions: number
  /** Owned by the heir of the association that set it, from the reorganisation (R21). */
  readonly carriedOver?: { readonly fromAssociationId: string; readonly on: string }
}

/** Below this share of the expected count, with a forecast short of the goal, a target is behind. */
export const AT_RISK_FLOOR = 0.8

export const shapeAt = (t: TargetState, date: string): { shape: TargetShape; revisions: number } => {
  let shape = t.initial
  let revisions = 0
  for (const r of t.revisions) {
    if (r.on > date) break
    shape = { ...shape, ...r.value }
    revisions++
  }
  return { shape, revisions }
}

/**
 * Status rule, first match wins:
 * withdrawn (withdrawn on or before asOf) → after dueOn: achieved (reached by dueOn), achieved-late
 * (reached after it, by asOf) or missed → achieved (current ≥ goal) → behind (current < 80 % of
 * expectedByNow and forecast < goal) → at-risk (current < expectedByNow, or a milestone was
 * missed) → on-track.
 */
export const statusOf = (p: {
  withdrawn: boolean
  current: number
  goal: number
  expected: number
  forecast: number
  pastDue: boolean
  missed: boolean
  achievedOn?: string | undefined
  dueOn?: string
}): TargetStatus => {
  if (p.withdrawn) return 'withdrawn'
  if (p.pastDue) return p.achievedOn === undefined ? 'missed' : p.dueOn !== undefined && p.achievedOn > p.dueOn ? 'achieved-late' : 'achieved'
  if (p.current >= p.goal) return 'achieved'
  if (p.current < AT_RISK_FLOOR * p.expected && p.forecast < p.goal) return 'behind'
  if (p.current < p.expected || p.missed) return 'at-risk'
  return 'on-track'
}

const progressOf = (m: ReadModel, t: TargetState, asOf: string, members?: MemberDeltas): TargetProgress => {
  const { shape, revisions } = shapeAt(t, asOf)
  const timelines = new Map<Counting, Timeline>()
  const timeline = (c: Counting): Timeline => {
    let tl = timelines.get(c)
    if (tl === undefined) timelines.set(c, (tl = metricTimeline(m, t.metric, c, t.startOn, shape.dueOn, members)))
    return tl
  }
  const tl = timeline(t.counting)
  const current = valueOn(tl, asOf)
  const baseline = t.counting === 'new-since-start' ? 0 : valueOn(tl, addDays(t.startOn as IsoDate, -1))
  const span = daysBetween(t.startOn as IsoDate, shape.dueOn as IsoDate)
  const elapsed = daysBetween(t.startOn as IsoDate, asOf as IsoDate)
  const expected = elapsed <= 0 ? baseline : elapsed >= span ? shape.goal : baseline + ((shape.goal - baseline) * elapsed) / span
  const forecast = elapsed <= 0 || elapsed >= span ? current : current + ((current - baseline) / elapsed) * (span - elapsed)
  const milestones = shape.milestones.map((ms): MilestoneProgress => {
    const counting = ms.counting ?? t.counting
    const mtl = timeline(counting)
    const reached = ms.goal <= 0 ? t.startOn : firstReached(mtl, ms.goal)
    const metOn = reached === undefined || reached > asOf ? undefined : reached < t.startOn ? t.startOn : reached
    const met = metOn !== undefined && metOn <= ms.dueOn
    return {
      label: ms.label,
      goal: ms.goal,
      dueOn: ms.dueOn,
      counting,
      current: valueOn(mtl, asOf),
      met,
      ...(metOn === undefined ? {} : { metOn }),
      missed: !met && asOf > ms.dueOn,
    }
  })
  const series = asOf < t.startOn ? [] : [{ date: t.startOn, value: valueOn(tl, t.startOn) }, ...tl.filter((s) => s.date > t.startOn && s.date <= asOf)]
  const withdrawn = t.withdrawnOn !== undefined && t.withdrawnOn <= asOf
  const achievedOn = achievedOnOf(tl, shape.goal, shape.dueOn, asOf)
  const status = statusOf({ withdrawn, current, goal: shape.goal, expected, forecast, pastDue: asOf > shape.dueOn, missed: milestones.some((x) => x.missed), achievedOn, dueOn: shape.dueOn })
  const { aggregation, unit } = metricKind(t.metric)
  const owner = heirOn(m, t.ownerAssociationId, asOf)
  return {
    targetId: t.targetId,
    title: t.title,
    ownerAssociationId: owner.associationId,
    metric: t.metric,
    counting: t.counting,
    goal: shape.goal,
    startOn: t.startOn,
    dueOn: shape.dueOn,
    setOn: t.setOn,
    ...(t.sourceResolutionId === undefined ? {} : { sourceResolutionId: t.sourceResolutionId }),
    ...(withdrawn ? { withdrawnOn: t.withdrawnOn! } : {}),
    status,
    ...(achievedOn === undefined ? {} : { achievedOn }),
    aggregation,
    unit,
    current,
    percent: shape.goal === 0 ? 100 : round1((current / shape.goal) * 100),
    baseline,
    expectedByNow: round1(expected),
    forecast: round1(forecast),
    milestones,
    series,
    revisions,
    ...(owner.carriedOver === undefined ? {} : { carriedOver: owner.carriedOver }),
  }
}

/**
 * When the goal was reached, as known on asOf: the first date it was reached if it still held on
 * the due date; else the first date after the due date it was reached (achieved late).
 */
const achievedOnOf = (tl: Timeline, goal: number, dueOn: string, asOf: string): string | undefined => {
  const last = dueOn < asOf ? dueOn : asOf
  if (valueOn(tl, last) >= goal) {
    // the start of the run that held on the due date
    let on = last
    for (let i = tl.length - 1; i >= 0; i--) {
      const step = tl[i]!
      if (step.date > last) continue
      if (step.value < goal) break
      on = step.date
    }
    return on
  }
  return tl.find((s) => s.date > dueOn && s.date <= asOf && s.value >= goal)?.date
}

/** Progress of one target on a business date; undefined if unknown or not yet set by then. */
export const targetProgress = (m: ReadModel, targetId: string, asOf: string, members?: MemberDeltas): TargetProgress | undefined => {
  const t = m.targets.get(targetId)
  return t === undefined || t.setOn > asOf ? undefined : progressOf(m, t, asOf, members)
}

/** Every target set by asOf (optionally of one owner, as owned on asOf), in the order they were set. */
export const targets = (m: ReadModel, q: { readonly asOf: string; readonly ownerAssociationId?: string }, members?: MemberDeltas): TargetProgress[] => {
  const out: TargetProgress[] = []
  for (const t of m.targets.values()) {
    if (t.setOn > q.asOf) continue
    if (q.ownerAssociationId !== undefined && heirOn(m, t.ownerAssociationId, q.asOf).associationId !== q.ownerAssociationId) continue
    out.push(progressOf(m, t, q.asOf, members))
  }
  return out
}
