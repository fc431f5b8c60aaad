import type { FastifyReply, FastifyRequest } from 'fastify'
import { isAuthFailure } from '../auth/auth-config.js'
import { principalOf } from '../auth/request-principal.js'

/**
 * The one log line of a request (an onResponse hook), with its id from the request's logger. The
 * route pattern stands for the URL: a path holds member ids and a query may hold a searched name.
 * The caller is named by role only.
 */
export const requestLine = (req: FastifyRequest, reply: FastifyReply, done: () => void): void => {
  const p = principalOf(req)
  req.log.info(
    {
      method: req.method,
      route: req.routeOptions.url ?? null,
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 100) / 100,
      caller: isAuthFailure(p) ? (req.headers.authorization === undefined ? 'anonymous' : 'bad-token') : p.kind === 'user' ? p.role : 'anonymous',
    },
    'request',
  )
  done()
}
