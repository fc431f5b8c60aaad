import rateLimit from '@fastify/rate-limit'
import type { NestFastifyApplication } from '@nestjs/platform-fastify'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { isAuthFailure } from '../auth/auth-config.js'
import { principalOf } from '../auth/request-principal.js'
import type { RateLimitOptions } from '../options.js'
import { CostLimiter } from './cost-limit.js'
import { PROBLEM_JSON, problems } from './problem.js'
import { hoiRouteOf } from './route.js'

/** The caller a limit counts: the principal with a valid token, else the address. */
const callerOf = (req: FastifyRequest): { key: string; anonymous: boolean } => {
  const p = principalOf(req)
  return !isAuthFailure(p) && p.kind === 'user' ? { key: `user:${p.sub}`, anonymous: false } : { key: `ip:${req.ip}`, anonymous: true }
}

/** The dashboard's page, script and stylesheet and the docs page: not JSON, cheap, and budgeted apart. */
const isStatic = (req: FastifyRequest): boolean => hoiRouteOf(req)?.produces !== undefined

const COST_START = Symbol('hoi.cost')
type Costed = FastifyRequest & { [COST_START]?: string }

/**
 * Two limits per caller. A count per window (@fastify/rate-limit), where the dashboard's files and
 * the docs have their own count, so that a burst of API calls never turns the page into problem
 * JSON. And a budget of server time (CostLimiter), so that cache misses — distinct `asOf` values
 * fold the history again — cost what they cost, not one request each.
 */
export const registerLimits = async (app: NestFastifyApplication, fastify: FastifyInstance, o: RateLimitOptions): Promise<void> => {
  const staticMax = o.staticMax ?? 600
  await app.register(
    rateLimit as never,
    {
      global: true,
      max: (_req: FastifyRequest, key: string) => (key.startsWith('static|') ? staticMax : o.max),
      timeWindow: o.timeWindowMs,
      keyGenerator: (req: FastifyRequest) => `${isStatic(req) ? 'static|' : ''}${callerOf(req).key}`,
      errorResponseBuilder: (_req: FastifyRequest, ctx: { after: string; max: number }) => problems.rateLimited(`More than ${ctx.max} requests in the window; retry in ${ctx.after}`),
    } as never,
  )
  const costs = new CostLimiter({ anonymousMs: o.anonymousCostMs ?? 10_000, userMs: o.userCostMs ?? 60_000, windowMs: o.timeWindowMs, concurrent: o.concurrent ?? 16 })
  fastify.addHook('onRequest', (req, reply: FastifyReply, done) => {
    if (isStatic(req)) return done()
    const caller = callerOf(req)
    const admitted = costs.admit(caller.key, caller.anonymous)
    if (!admitted.ok) {
      const p = problems.rateLimited(`Too much server time asked for: ${admitted.why}; retry in ${admitted.retryAfterSec} s`).problem
      void reply
        .status(429)
        .headers({ 'retry-after': String(admitted.retryAfterSec), 'cache-control': 'no-store' })
        .type(PROBLEM_JSON)
        .send(JSON.stringify({ ...p, requestId: req.id }))
      return
    }
    ;(req as Costed)[COST_START] = caller.key
    done()
  })
  const settle = (req: FastifyRequest, ms: number): void => {
    const key = (req as Costed)[COST_START]
    if (key === undefined) return
    delete (req as Costed)[COST_START]
    costs.charge(key, ms)
  }
  fastify.addHook('onResponse', (req, reply, done) => {
    settle(req, reply.elapsedTime)
    done()
  })
  // a request the client gave up on is charged too, and no longer counts as running
  fastify.addHook('onRequestAbort', (req, done) => {
    settle(req, 0)
    done()
  })
}
