import 'reflect-metadata'
import { NestFactory } from '@nestjs/core'
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify'
import type { FastifyInstance } from 'fastify'
import { HoiModule } from './app.module.js'
import { authenticator, isAuthFailure } from './auth/auth-config.js'
import { authenticateRequest, principalOf } from './auth/request-principal.js'
import { clientErrorHandler, frameworkErrors } from './http/framework-errors.js'
import { registerLimits } from './http/limits.js'
import { parseJsonBody } from './http/json-body.js'
import { securityHeaders } from './http/security-headers.js'
import { HOI_ROUTE, type HoiRoute, type RouteCatalogue } from './http/route.js'
import { resolveOptions, type AppOptions } from './options.js'
import { ViewModelService } from './views/view-model.service.js'
import { ViewService } from './views/view.service.js'

export const contentSecurityPolicy = {
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    // Swagger UI sets style attributes; scripts stay same-origin files only
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    // served over plain HTTP on a LAN: upgrading would break every asset
    upgradeInsecureRequests: null,
  },
}

/**
 * The HTTP API on an event store: commands, views, audit, OpenAPI and the dashboard. The view
 * engine is caught up with the store before this resolves, so the first request sees everything.
 */
export const createApp = async (opts: AppOptions): Promise<NestFastifyApplication> => {
  const options = resolveOptions(opts)
  const authenticate = authenticator(options.auth, options.clock)
  const catalogue: RouteCatalogue = []
  // helmet's headers (CSP, HSTS, nosniff, frame and referrer policies, …) on every response, errors included
  const headers = securityHeaders({ contentSecurityPolicy })
  const adapter = new FastifyAdapter({
    bodyLimit: options.bodyLimit,
    logger: opts.logger === true,
    trustProxy: false,
    skipMiddie: true,
    routerOptions: { maxParamLength: 256 },
    // what Fastify and Node answer before any hook runs is problem+json with the same headers
    frameworkErrors: frameworkErrors(headers),
    clientErrorHandler: clientErrorHandler(headers),
  } as never)
  const app = await NestFactory.create<NestFastifyApplication>(HoiModule.forRoot(options, authenticate, catalogue), adapter, {
    bodyParser: false,
    logger: opts.logger === true ? ['log', 'warn', 'error'] : ['warn', 'error'],
    abortOnError: false,
  })
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance
  fastify.addHook('onRoute', (r) => {
    const route = (r.config as Record<string, unknown> | undefined)?.[HOI_ROUTE] as HoiRoute | undefined
    for (const method of Array.isArray(r.method) ? r.method : [r.method]) catalogue.push({ method, url: r.url, route })
  })
  // one JSON parser for every route: bytes → strict UTF-8 → JSON → bounded depth and width
  fastify.removeAllContentTypeParsers()
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: options.bodyLimit }, (_req, body, done) => {
    const parsed = parseJsonBody(body as Buffer)
    if (parsed.ok) done(null, parsed.value)
    else done(parsed.problem, undefined)
  })
  fastify.addHook('onRequest', (req, reply, done) => {
    reply.headers(headers)
    // the caller is known before the limits and the guard ask
    authenticateRequest(req, authenticate, done)
  })
  if (options.rateLimit !== false) await registerLimits(app, fastify, options.rateLimit)
  // a cached public view is answered before Nest's router and guard (W7): same key, same headers
  const viewService = app.get(ViewService)
  fastify.addHook('preHandler', (req, reply, done) => {
    if (req.method === 'GET') {
      const p = principalOf(req)
      if (!isAuthFailure(p) && viewService.answerFromCache(req, reply, p)) return
    }
    done()
  })
  await app.get(ViewModelService).start()
  await app.init()
  return app
}
