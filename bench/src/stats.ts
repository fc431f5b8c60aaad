/** What every workload reports for one implementation: throughput, latency and memory. */
export type Measure = {
  readonly ops: number
  readonly seconds: number
  /** ops per second */
  readonly rate: number
  readonly p50Ms: number
  readonly p99Ms: number
  /** highest resident set size seen while it ran, MiB */
  readonly peakRssMb: number
}

export type Unit = 'events/s' | 'req/s' | 'commands/s' | 'starts/s'

/** One line of the report: hoi against the limit (raw driver, bare server) measured in the same run. */
export type Row = {
  readonly workload: string
  readonly case: string
  readonly unit: Unit
  readonly hoi: Measure
  readonly baseline?: { readonly name: string; readonly measure: Measure }
  /** more comparisons measured in the same run (another baseline, a peer library): hoi's rate ÷ theirs */
  readonly others?: ReadonlyArray<{ readonly name: string; readonly measure: Measure; readonly ratio: number }>
  /** hoi rate ÷ baseline rate */
  readonly ratio?: number
  readonly target?: string
  readonly met?: boolean
  readonly note?: string
}

/** Latencies in milliseconds, preallocated so that recording does not allocate in the timed loop. */
export class Latencies {
  private values: Float64Array
  private n = 0
  constructor(capacity = 1024) {
    this.values = new Float64Array(Math.max(16, capacity))
  }
  add(ms: number): void {
    if (this.n === this.values.length) {
      const grown = new Float64Array(this.values.length * 2)
      grown.set(this.values)
      this.values = grown
    }
    this.values[this.n++] = ms
  }
  get count(): number {
    return this.n
  }
  /** nearest-rank percentile, 0 < p ≤ 100 */
  percentile(p: number): number {
    if (this.n === 0) return Number.NaN
    const sorted = this.values.slice(0, this.n).sort()
    return sorted[Math.min(this.n - 1, Math.max(0, Math.ceil((p / 100) * this.n) - 1))]!
  }
}

/** Samples RSS when asked (from inside timed loops, every few hundred operations: ~1 µs a call). */
export class RssPeak {
  private peak = 0
  constructor() {
    this.sample()
  }
  sample(): void {
    const rss = process.memoryUsage.rss()
    if (rss > this.peak) this.peak = rss
  }
  get mb(): number {
    this.sample()
    return this.peak / 1048576
  }
}

export const measureOf = (ops: number, seconds: number, latencies: Latencies, rss: RssPeak): Measure => ({
  ops,
  seconds,
  rate: ops / seconds,
  p50Ms: latencies.percentile(50),
  p99Ms: latencies.percentile(99),
  peakRssMb: rss.mb,
})

export const rowOf = (r: Omit<Row, 'ratio' | 'met'>, check?: (row: Row) => boolean): Row => {
  const ratio = r.baseline === undefined ? undefined : r.hoi.rate / r.baseline.measure.rate
  const row: Row = ratio === undefined ? r : { ...r, ratio }
  return check === undefined ? row : { ...row, met: check(row) }
}

const num = (x: number, digits = 0): string => (Number.isFinite(x) ? x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : String(x))
const ms = (x: number): string => (x >= 100 ? num(x, 0) : x >= 10 ? num(x, 1) : x >= 1 ? num(x, 2) : num(x, 3))

export const formatMeasure = (m: Measure, unit: Unit): string =>
  `${num(m.rate).padStart(11)} ${unit}  p50 ${ms(m.p50Ms).padStart(6)} ms  p99 ${ms(m.p99Ms).padStart(6)} ms  rss ${num(m.peakRssMb)} MiB`

export const formatRow = (r: Row): string => {
  const lines = [`${r.workload} ${r.case}`, `    hoi            ${formatMeasure(r.hoi, r.unit)}  (${num(r.hoi.ops)} in ${num(r.hoi.seconds, 2)} s)`]
  if (r.baseline !== undefined) lines.push(`    ${r.baseline.name.padEnd(14)} ${formatMeasure(r.baseline.measure, r.unit)}`)
  for (const o of r.others ?? []) lines.push(`    ${o.name.padEnd(14)} ${formatMeasure(o.measure, r.unit)}  hoi/${o.name} ${num(o.ratio, 2)}`)
  const verdict = r.target === undefined ? '' : `target ${r.target}: ${r.met === undefined ? 'not judged' : r.met ? 'met' : 'NOT met'}`
  const ratio = r.ratio === undefined ? '' : `ratio hoi/${r.baseline?.name ?? 'baseline'} ${num(r.ratio, 2)}`
  if (ratio !== '' || verdict !== '') lines.push(`    ${[ratio, verdict].filter((s) => s !== '').join('   ')}`)
  if (r.note !== undefined) lines.push(`    note: ${r.note}`)
  return lines.join('\n')
}

/** A full collection (the runner starts workloads with --expose-gc) so that one phase's garbage is not the next one's pause. */
export const collect = (): void => (globalThis as { gc?: () => void }).gc?.()

/** Between phases: a full collection, then timers and I/O callbacks get to run. */
export const breathe = (): Promise<void> => {
  collect()
  return new Promise((resolve) => setTimeout(resolve, 20))
}
