import 'reflect-metadata'
import { NestFactory } from '@nestjs/core'
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify'
import type { FastifyInstance } from 'fastify'
import { constants as zlib } from 'node:zlib'
import compress from '@fastify/compress'
import { HoiModule } from './app.module.js'
import { authenticator, isAuthFailure } from './auth/auth-config.js'
import { authenticateRequest, principalOf } from './auth/request-principal.js'
import { requestLine } from './observability/request-log.js'
import { clientErrorHandler, frameworkErrors } from './http/framework-errors.js'
import { fastServerFactory, type FastPath } from './http/fast-path.js'
import { registerLimits } from './http/limits.js'
import { parseJsonBody } from './http/json-body.js'
import { securityHeaders } from './http/security-headers.js'
import { HOI_ROUTE, type HoiRoute, type RouteCatalogue } from './http/route.js'
import { resolveOptions, type AppOptions } from './options.js'
import { createLogger, NestPinoLogger, quietRequestLogs, requestLoggers } from './observability/logging.js'
import { Metrics, timedStore } from './observability/metrics.js'
import { requestIds } from './observability/request-id.js'
import { Telemetry } from './observability/telemetry.js'
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
  // the read side the metrics report on, known once Nest has made it
  const read: { model?: ViewModelService } = {}
  const metrics = new Metrics({
    lag: async () => {
      if (read.model === undefined) return null
      const head = await opts.store.head()
      const at = read.model.position
      return opts.store.capabilities.densePositions ? Math.max(0, head - at) : at >= head ? 0 : null
    },
    parked: async () => (read.model === undefined ? 0 : (await read.model.status()).parked),
  })
  const options = resolveOptions(opts, timedStore(opts.store, metrics.store))
  // the SDK is loaded only when spans go somewhere
  const tracing =
    opts.traceExporter !== undefined || (process.env['OTEL_EXPORTER_OTLP_ENDPOINT'] ?? '') !== '' ? await (await import('./observability/tracing.js')).startTracing(opts.traceExporter) : undefined
  const telemetry = new Telemetry(metrics, tracing)
  const logger = createLogger(opts.logger === true ? {} : opts.logger === false || opts.logger === undefined ? { level: 'warn' } : opts.logger)
  const authenticate = authenticator(options.auth, options.clock)
  const catalogue: RouteCatalogue = []
  // helmet's headers (CSP, HSTS, nosniff, frame and referrer policies, …) on every response, errors included
  const headers = securityHeaders({ contentSecurityPolicy })
  const genReqId = requestIds()
  // cached public views answered before Fastify's routing (W7); not while per-caller limits count
  // every request or spans trace them: those need the full pipeline
  const fast: FastPath = { closing: false }
  const fastPath = options.rateLimit === false && tracing === undefined
  const requestLines = logger.isLevelEnabled('info')
  const adapter = new FastifyAdapter({
    bodyLimit: options.bodyLimit,
    loggerInstance: logger,
    // one line per request, written by the onResponse hook below, without the URL
    logController: quietRequestLogs(),
    genReqId,
    childLoggerFactory: requestLoggers(requestLines),
    ...(fastPath ? { serverFactory: fastServerFactory(fast, genReqId, requestLines ? ({ reqId, ...line }) => logger.info({ reqId, ...line }, 'request') : undefined) } : {}),
    trustProxy: false,
    skipMiddie: true,
    routerOptions: { maxParamLength: 256 },
    // what Fastify and Node answer before any hook runs is problem+json with the same headers
    frameworkErrors: frameworkErrors(headers),
    clientErrorHandler: clientErrorHandler(headers),
  } as never)
  const app = await NestFactory.create<NestFastifyApplication>(HoiModule.forRoot(options, authenticate, catalogue, telemetry), adapter, {
    bodyParser: false,
    logger: new NestPinoLogger(logger),
    abortOnError: false,
  })
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance
  fastify.addHook('onRoute', (r) => {
    const route = (r.config as Record<string, unknown> | undefined)?.[HOI_ROUTE] as HoiRoute | undefined
    for (const method of Array.isArray(r.method) ? r.method : [r.method]) catalogue.push({ method, url: r.url, route })
    // views compress their cached bytes once (ViewService); the plugin would compress every answer
    // again, and a GET has no body to decompress: neither of its hooks runs on a view
    if (route?.view !== undefined) {
      r.compress = false
      r.decompress = false
    }
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
    reply.header('x-request-id', req.id)
    // the caller is known before the limits and the guard ask
    authenticateRequest(req, authenticate, done)
  })
  if (requestLines) fastify.addHook('onResponse', requestLine)
  if (tracing !== undefined) {
    fastify.addHook('onRequest', (req, _reply, done) => {
      tracing.requestStarted(req)
      done()
    })
    fastify.addHook('onResponse', (req, reply, done) => {
      tracing.requestEnded(req, reply)
      done()
    })
    fastify.addHook('onClose', async () => tracing.shutdown())
  }
  fastify.addHook('preClose', (done) => {
    fast.closing = true
    done()
  })
  fastify.addHook('onClose', (_instance, done) => logger.flush(() => done()))
  if (options.rateLimit !== false) await registerLimits(app, fastify, options.rateLimit)
  // answers over 1 KiB in br or gzip when asked; brotli at a quality cheap enough to do per answer
  await app.register(compress as never, { global: true, threshold: 1024, encodings: ['br', 'gzip'], brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } } } as never)
  // a cached public view is answered before Nest's router and guard (W7): same key, same headers
  const viewService = app.get(ViewService)
  fastify.addHook('preHandler', (req, reply, done) => {
    if (req.method === 'GET') {
      const p = principalOf(req)
      if (!isAuthFailure(p) && viewService.answerFromCache(req, reply, p)) return
    }
    done()
  })
  if (fastPath) fast.lookup = (req) => viewService.rawAnswer(req, headers)
  const model = app.get(ViewModelService)
  read.model = model
  await model.start()
  await app.init()
  return app
}
