import { ROOT_CONTEXT, SpanKind, SpanStatusCode, defaultTextMapGetter, trace, type Span, type Tracer } from '@opentelemetry/api'
import { W3CTraceContextPropagator } from '@opentelemetry/core'
import { resourceFromAttributes } from '@opentelemetry/resources'
import { BasicTracerProvider, BatchSpanProcessor, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base'
import type { FastifyReply, FastifyRequest } from 'fastify'

/**
 * OpenTelemetry spans of this server: one SERVER span per HTTP request (continuing a caller's
 * `traceparent`) and one span per command inside it. This module is imported only when tracing is
 * configured, so a server without an exporter loads none of the SDK and pays nothing per request.
 */
export type Tracing = {
  readonly requestStarted: (req: FastifyRequest) => void
  readonly requestEnded: (req: FastifyRequest, reply: FastifyReply) => void
  /** a span for one command, a child of its request's; ended with the HTTP status it was answered with */
  readonly command: (req: FastifyRequest, type: string) => { type(t: string): void; end(status: number, outcome: string): void }
  readonly shutdown: () => Promise<void>
}

const SPAN = Symbol('hoi.span')
type Traced = FastifyRequest & { [SPAN]?: Span }
const propagator = new W3CTraceContextPropagator()

export const startTracing = async (given: SpanExporter | undefined): Promise<Tracing> => {
  // the OTLP exporter reads OTEL_EXPORTER_OTLP_ENDPOINT (and _HEADERS, _TIMEOUT) itself
  const exporter = given ?? new (await import('@opentelemetry/exporter-trace-otlp-http')).OTLPTraceExporter()
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': process.env['OTEL_SERVICE_NAME'] ?? 'hoi' }),
    // a given exporter (a test's) sees each span as it ends; the network one gets batches
    spanProcessors: [given === undefined ? new BatchSpanProcessor(exporter) : new SimpleSpanProcessor(exporter)],
  })
  const tracer: Tracer = provider.getTracer('hoi')
  return {
    requestStarted: (req) => {
      const parent = propagator.extract(ROOT_CONTEXT, req.headers, defaultTextMapGetter)
      const route = req.routeOptions.url
      ;(req as Traced)[SPAN] = tracer.startSpan(
        route === undefined ? req.method : `${req.method} ${route}`,
        // the route pattern only: a path or query may carry personal data
        { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method, ...(route === undefined ? {} : { 'http.route': route }), 'hoi.request_id': req.id } },
        parent,
      )
    },
    requestEnded: (req, reply) => {
      const span = (req as Traced)[SPAN]
      if (span === undefined) return
      delete (req as Traced)[SPAN]
      span.setAttribute('http.response.status_code', reply.statusCode)
      if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR })
      span.end()
    },
    command: (req, type) => {
      const parent = (req as Traced)[SPAN]
      const span = tracer.startSpan(`command ${type}`, { kind: SpanKind.INTERNAL, attributes: { 'hoi.command': type } }, parent === undefined ? ROOT_CONTEXT : trace.setSpan(ROOT_CONTEXT, parent))
      return {
        type: (t) => {
          span.updateName(`command ${t}`)
          span.setAttribute('hoi.command', t)
        },
        end: (status, outcome) => {
          span.setAttributes({ 'hoi.outcome': outcome, 'http.response.status_code': status })
          if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR })
          span.end()
        },
      }
    },
    shutdown: () => provider.shutdown(),
  }
}
