import type { FastifyRequest } from 'fastify'
import { isAuthFailure, type AuthFailure, type Authenticator } from './auth-config.js'
import type { Principal, User } from './principal.js'
import { problems } from '../http/problem.js'

const PRINCIPAL = Symbol('hoi.principal')
type WithPrincipal = FastifyRequest & { [PRINCIPAL]?: Principal | AuthFailure }

/** The caller of a request, authenticated once (the rate limiter and the guard both ask). */
export const principalOf = (req: FastifyRequest, authenticate: Authenticator): Principal | AuthFailure => {
  const r = req as WithPrincipal
  const cached = r[PRINCIPAL]
  if (cached !== undefined) return cached
  const header = req.headers.authorization
  const p = authenticate(typeof header === 'string' ? header : undefined)
  r[PRINCIPAL] = p
  return p
}

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
