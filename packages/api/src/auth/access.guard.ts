import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common'
import { Reflector } from '@nestjs/core'
import type { FastifyRequest } from 'fastify'
import { problems } from '../http/problem.js'
import { HOI_ROUTE, type HoiRoute } from '../http/route.js'
import { AUTHENTICATOR } from '../tokens.js'
import { accessRules, allows } from './access.js'
import { isAuthFailure, type Authenticator } from './auth-config.js'
import { audienceOf } from './principal.js'
import { ensurePrincipal } from './request-principal.js'

/** Nest keeps @RouteConfig under this key (see @nestjs/platform-fastify). */
const FASTIFY_ROUTE_CONFIG = '__fastify_route_config__'

/**
 * Deny by default: a handler without a hoi access rule refuses everyone. Otherwise the caller is
 * authenticated (a bad token is a 401 even on a public route) and the caller's role checked
 * against the rule; association scope is checked where the association is known (the services).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(AUTHENTICATOR) private readonly authenticate: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const config = this.reflector.get<Record<string, HoiRoute> | undefined>(FASTIFY_ROUTE_CONFIG, context.getHandler())
    const route = config?.[HOI_ROUTE]
    if (route === undefined || !(route.access in accessRules)) throw problems.forbidden('This route has no access rule, so nobody may use it')
    const principal = await ensurePrincipal(context.switchToHttp().getRequest<FastifyRequest>(), this.authenticate)
    if (isAuthFailure(principal)) throw problems.unauthenticated(`The bearer token was refused: ${principal.reason}`)
    const audience = audienceOf(principal)
    if (allows(route.access, audience)) return true
    if (audience === 'anonymous') throw problems.unauthenticated('This needs a bearer token')
    throw problems.forbidden(`A ${audience} may not do this (${accessRules[route.access].summary})`)
  }
}
