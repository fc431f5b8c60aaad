import type { Row } from './stats.js'

/** What a workload gets from the runner. */
export type Options = {
  /** smaller sizes and shorter HTTP runs: a smoke test, not a measurement */
  readonly quick: boolean
  /** seconds per HTTP load run (autocannon `duration`) */
  readonly durationSec: number
  /** progress lines */
  readonly log: (line: string) => void
  /** a finished row: printed at once and kept for the JSON file */
  readonly emit: (row: Row) => void
}
