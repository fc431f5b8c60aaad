import type { FastifyRequest } from 'fastify'
import { isAuthFailure, type AuthFailure, type Authenticator } from './auth-config.js'
import { anonymous, type Principal, type User } from './principal.js'
import { problems } from '../http/problem.js'

const PRINCIPAL = Symbol('hoi.principal')
type WithPrincipal = FastifyRequest & { [PRINCIPAL]?: Principal | AuthFailure }

/**
 * Authenticates a request once, first thing (an onRequest hook): the rate limiter, the view cache
 * and the guard all read the answer. Without an Authorization header nothing is awaited.
 */
export const authenticateRequest = (req: FastifyRequest, authenticate: Authenticator, done: (err?: Error) => void): void => {
  const header = req.headers.authorization
  if (header === undefined || header === '') {
    ;(req as WithPrincipal)[PRINCIPAL] = anonymous
    done()
    return
  }
  authenticate(typeof header === 'string' ? header : undefined).then(
    (p) => {
      ;(req as WithPrincipal)[PRINCIPAL] = p
      done()
    },
    (e: unknown) => done(e instanceof Error ? e : new Error(String(e))),
  )
}

/** The caller, authenticated now if no hook did it yet (a guard called on its own). */
export const ensurePrincipal = async (req: FastifyRequest, authenticate: Authenticator): Promise<Principal | AuthFailure> => {
  const cached = (req as WithPrincipal)[PRINCIPAL]
  if (cached !== undefined) return cached
  const header = req.headers.authorization
  const p = await authenticate(typeof header === 'string' ? header : undefined)
  ;(req as WithPrincipal)[PRINCIPAL] = p
  return p
}

/** The caller of a request as authenticated by authenticateRequest; a request it has not seen has none. */
export const principalOf = (req: FastifyRequest): Principal | AuthFailure => (req as WithPrincipal)[PRINCIPAL] ?? { _tag: 'AuthFailure', reason: 'the request was not authenticated' }

/** The principal the guard admitted (the guard runs before every handler). */
export const admitted = (req: FastifyRequest): Principal => {
  const p = (req as WithPrincipal)[PRINCIPAL]
  if (p === undefined || isAuthFailure(p)) throw problems.unauthenticated('No valid bearer token')
  return p
}

export const userOf = (req: FastifyRequest): User => {
  const p = admitted(req)
  if (p.kind !== 'user') throw problems.unauthenticated('This needs a bearer token')
  return p
}
