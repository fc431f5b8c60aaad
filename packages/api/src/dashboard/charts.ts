/// <reference lib="dom" />
/**
 * Inline SVG charts for the dashboard, built with DOM calls (text is never parsed as markup).
 * Served as the text of this function like the client (see page.ts), so it is self-contained.
 */
export type Bar = { readonly label: string; readonly value: number; readonly attrs?: Readonly<Record<string, string>> }
export type TargetSeries = {
  readonly targetId: string
  readonly title: string
  readonly status: string
  readonly counting: string
  readonly goal: number
  readonly baseline: number
  readonly startOn: string
  readonly dueOn: string
  readonly series: ReadonlyArray<{ readonly date: string; readonly value: number }>
  readonly milestones: ReadonlyArray<{ readonly label: string; readonly goal: number; readonly dueOn: string; readonly counting: string; readonly met: boolean; readonly missed: boolean }>
}
export type Charts = ReturnType<typeof dashboardCharts>

export function dashboardCharts() {
  const statusColour: Record<string, string> = {
    achieved: '#1b7f3b',
    'achieved-late': '#4f8f3b',
    missed: '#7a1a14',
    'on-track': '#1f5fa8',
    'at-risk': '#c77700',
    behind: '#b3261e',
    withdrawn: '#777777',
  }
  const NS = 'http://www.w3.org/2000/svg'
  const svg = (tag: string, attrs: Record<string, string | number> = {}, text?: string): SVGElement => {
    const e = document.createElementNS(NS, tag)
    for (const k of Object.keys(attrs)) e.setAttribute(k, String(attrs[k]))
    if (text !== undefined) e.textContent = text
    return e
  }
  const day = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86400000

  /** Horizontal bars, one row per label, scaled to the largest value. */
  const bars = (rows: ReadonlyArray<Bar>, fmt: (n: number) => string, opts: { labelWidth: number; rowHeight: number; attrs: Record<string, string | number> }): SVGElement => {
    const width = 560
    const room = width - opts.labelWidth - 60
    const max = Math.max(1, ...rows.map((r) => r.value))
    const g = svg('svg', { viewBox: `0 0 ${width} ${rows.length * opts.rowHeight + 10}`, role: 'img', ...opts.attrs })
    rows.forEach((r, i) => {
      const y = i * opts.rowHeight
      const w = (room * r.value) / max
      g.append(svg('text', { x: 0, y: y + opts.rowHeight * 0.7, class: 'axis' }, r.label))
      g.append(svg('rect', { x: opts.labelWidth, y: y + opts.rowHeight * 0.2, width: Math.max(1, w), height: opts.rowHeight * 0.65, class: 'bar', ...(r.attrs ?? {}) }))
      g.append(svg('text', { x: opts.labelWidth + w + 6, y: y + opts.rowHeight * 0.72, class: 'value' }, fmt(r.value)))
    })
    return g
  }

  /**
   * Actual count as a step line coloured by status, the straight goal line from the baseline at the
   * start to the goal at the due date (dashed), and each milestone as a dot: green met, red missed.
   */
  const targetChart = (t: TargetSeries, fmt: (n: number) => string, milestoneTitle: (m: TargetSeries['milestones'][number]) => string): SVGElement => {
    const W = 560,
      H = 240,
      L = 48,
      R = 16,
      T = 16,
      B = 34
    const last = t.series.length > 0 ? t.series[t.series.length - 1]!.date : t.startOn
    const x0 = day(t.startOn)
    const x1 = Math.max(day(t.dueOn), day(last))
    const points = t.series.map((p) => ({ x: day(p.date), y: p.value }))
    // a milestone counted from the start sits on top of the baseline of a cumulative target
    const msY = (m: TargetSeries['milestones'][number]): number => (m.counting === t.counting || t.counting !== 'cumulative' ? m.goal : t.baseline + m.goal)
    const top = Math.max(1, t.goal, ...points.map((p) => p.y), ...t.milestones.map(msY))
    const yMax = top * 1.1
    const X = (d: number): number => L + ((d - x0) / Math.max(1, x1 - x0)) * (W - L - R)
    const Y = (v: number): number => H - B - (v / yMax) * (H - T - B)
    const g = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': t.title, 'data-testid': `target-chart-${t.targetId}` })
    for (let i = 0; i <= 4; i++) {
      const v = (top * i) / 4
      g.append(svg('line', { x1: L, x2: W - R, y1: Y(v), y2: Y(v), class: 'grid' }))
      g.append(svg('text', { x: L - 6, y: Y(v) + 4, class: 'axis', 'text-anchor': 'end' }, fmt(v)))
    }
    g.append(svg('text', { x: L, y: H - 10, class: 'axis' }, t.startOn))
    g.append(svg('text', { x: W - R, y: H - 10, class: 'axis', 'text-anchor': 'end' }, t.dueOn))
    g.append(svg('line', { x1: X(x0), y1: Y(t.baseline), x2: X(day(t.dueOn)), y2: Y(t.goal), class: 'goal-line', 'data-testid': 'goal-line' }))
    let d = ''
    points.forEach((p, i) => {
      d += i === 0 ? `M${X(p.x).toFixed(1)} ${Y(p.y).toFixed(1)}` : `H${X(p.x).toFixed(1)}V${Y(p.y).toFixed(1)}`
    })
    if (points.length > 0) d += `H${X(day(last)).toFixed(1)}`
    g.append(svg('path', { d, class: 'actual', stroke: statusColour[t.status] ?? '#333', 'data-testid': 'actual-line' }))
    for (const m of t.milestones) {
      const c = svg('circle', { cx: X(day(m.dueOn)), cy: Y(msY(m)), r: 6, class: `milestone ${m.met ? 'met' : m.missed ? 'missed' : 'pending'}`, 'data-testid': 'milestone' })
      c.append(svg('title', {}, milestoneTitle(m)))
      g.append(c)
    }
    return g
  }

  return { statusColour, bars, targetChart }
}
