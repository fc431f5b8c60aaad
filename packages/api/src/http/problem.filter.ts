import { Catch, HttpException, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { StoreErrorException } from '@hoi/adapters'
import { CATALOGUE } from '../tokens.js'
import { allowedMethods } from './allowed-methods.js'
import { PROBLEM_JSON, ProblemException, problemType, problems, type Problem } from './problem.js'
import type { RouteCatalogue } from './route.js'

const titles: Readonly<Record<number, [string, string]>> = {
  400: ['invalid-request', 'Invalid request'],
  401: ['unauthenticated', 'Authentication required'],
  403: ['forbidden', 'Forbidden'],
  404: ['not-found', 'Not found'],
  405: ['method-not-allowed', 'Method not allowed'],
  406: ['not-acceptable', 'Not acceptable'],
  409: ['conflict', 'Conflict'],
  411: ['length-required', 'Length required'],
  413: ['body-too-large', 'Request body too large'],
  414: ['uri-too-long', 'URI too long'],
  415: ['unsupported-media-type', 'Unsupported media type'],
  429: ['rate-limited', 'Too many requests'],
  431: ['headers-too-large', 'Request header fields too large'],
}

/** Which part of the request a framework-level 4xx is about, so that every 400 names a field. */
const fieldOf = (status: number): string => (status === 415 ? 'header.content-type' : status === 414 || status === 404 ? '(url)' : status === 431 ? '(headers)' : '(body)')

/** A framework error (routing, body parsing, limits) as a problem: its status kept, its message only if 4xx. */
const fromHttpException = (e: HttpException): Problem => {
  const status = e.getStatus()
  if (status >= 500) return { type: problemType('internal'), title: 'Internal error', status: 500, detail: 'The server could not complete the request; it has been logged.' }
  const [slug, title] = titles[status] ?? ['client-error', 'Client error']
  const detail = status === 413 ? 'The request body is larger than the limit' : status === 404 ? 'No such resource' : e.message
  return { type: problemType(slug), title, status, detail, errors: [{ field: fieldOf(status), message: detail }] }
}

/**
 * Every error leaves as RFC 9457 problem+json. Only problems this API raised, and 4xx of the
 * framework, carry details: anything else is a 500 with a fixed text, logged here (never leaked).
 * Every problem names its request's id (`requestId`, also the X-Request-Id header and on its log lines).
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly allowed: (path: string) => string[]

  constructor(@Inject(CATALOGUE) catalogue: RouteCatalogue) {
    this.allowed = allowedMethods(catalogue)
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp()
    const request = ctx.getRequest<FastifyRequest>()
    const reply = ctx.getResponse<FastifyReply>()
    let problem: Problem
    let headers: Readonly<Record<string, string>> = {}
    let routed = true
    if (exception instanceof ProblemException) {
      problem = exception.problem
      headers = exception.headers
    } else if (exception instanceof StoreErrorException && exception.error._tag === 'StoreUnavailable') {
      request.log.warn(`store unavailable: ${exception.error.message}`)
      problem = { type: problemType('unavailable'), title: 'Service unavailable', status: 503, detail: 'The event store is unavailable; retry shortly' }
      headers = { 'retry-after': '1' }
    } else if (exception instanceof HttpException && exception.getStatus() === 404) {
      // nothing matched (handlers raise ProblemException): another method may, else the path is unknown;
      // either way the URL is not repeated
      const allow = this.allowed((request.url ?? '').split('?')[0] ?? '')
      const answer = allow.length > 0 ? problems.methodNotAllowed(allow) : problems.notFound('No such resource', { errors: [{ field: '(url)', message: 'is not a resource of this API' }] })
      problem = answer.problem
      headers = answer.headers
      routed = false
    } else if (exception instanceof HttpException) {
      problem = fromHttpException(exception)
      if (problem.status >= 500) request.log.error({ stack: exception.stack }, exception.message)
    } else {
      request.log.error(exception instanceof Error ? { stack: exception.stack } : {}, exception instanceof Error ? exception.message : String(exception))
      problem = { type: problemType('internal'), title: 'Internal error', status: 500, detail: 'The server could not complete the request; it has been logged.' }
    }
    if (reply.sent) return
    const path = (request.url ?? '').split('?')[0] ?? ''
    reply
      .status(problem.status)
      .headers({ ...headers, 'cache-control': 'no-store' })
      .type(PROBLEM_JSON)
      .send(JSON.stringify({ ...problem, ...(routed ? { instance: path } : {}), requestId: request.id }))
  }
}
