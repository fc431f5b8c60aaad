import type { FastifyRequest } from 'fastify'
import { StoreErrorException } from '@hoi/adapters'
import { ProblemException } from '../http/problem.js'
import { outcomeOf, type Metrics } from './metrics.js'
import type { Tracing } from './tracing.js'

/** One command being measured: name its type once it is known, end it with the status it was answered with. */
export type CommandWatch = { type(t: string): void; end(status: number): void; fail(e: unknown): void }

/** The HTTP status an exception leaves as (the exception filter's mapping, in short). */
const statusOf = (e: unknown): number => (e instanceof ProblemException ? e.problem.status : e instanceof StoreErrorException && e.error._tag === 'StoreUnavailable' ? 503 : 500)

/** Metrics, and traces when configured, of this server's commands. */
export class Telemetry {
  constructor(
    readonly metrics: Metrics,
    readonly tracing: Tracing | undefined,
  ) {}

  command(req: FastifyRequest, candidates: ReadonlyArray<string>): CommandWatch {
    const started = process.hrtime.bigint()
    // until the body decides (PUT of a report), the route's command types name it
    let type = candidates.join('|')
    const span = this.tracing?.command(req, type)
    let done = false
    const end = (status: number): void => {
      if (done) return
      done = true
      const outcome = outcomeOf(status)
      this.metrics.commands.observe({ command: type, outcome }, Number(process.hrtime.bigint() - started) / 1e9)
      span?.end(status, outcome)
    }
    return {
      type: (t) => {
        type = t
        span?.type(t)
      },
      end,
      fail: (e) => end(statusOf(e)),
    }
  }
}
