import { STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { PROBLEM_JSON, problemType, type Problem } from './problem.js'

/**
 * Errors Fastify and Node answer before any route or hook runs: a malformed URL, an over-long path
 * parameter, headers over the limit, a request the HTTP parser refuses. Each becomes the same
 * problem+json as every other error, with the security headers, and never repeats the request.
 */
const known: Readonly<Record<number, [string, string, string]>> = {
  400: ['invalid-request', 'Invalid request', 'The request could not be read'],
  408: ['request-timeout', 'Request timeout', 'The request was not received in time'],
  413: ['body-too-large', 'Request body too large', 'The request body is larger than the limit'],
  414: ['uri-too-long', 'URI too long', 'A part of the path is longer than the limit'],
  431: ['headers-too-large', 'Request header fields too large', 'The request headers are larger than the limit'],
}

const problemFor = (status: number, detail?: string): Problem => {
  const [slug, title, text] = known[status] ?? known[400]!
  const where = status === 414 ? '(url)' : status === 431 ? '(headers)' : status === 413 ? '(body)' : '(request)'
  return { type: problemType(slug), title, status: known[status] === undefined ? 400 : status, detail: detail ?? text, errors: [{ field: where, message: detail ?? text }] }
}

/** Fastify's `frameworkErrors`: a bad URL (400) or a path parameter over maxParamLength (414). */
export const frameworkErrors =
  (headers: Readonly<Record<string, string>>) =>
  (error: Error & { statusCode?: number; code?: string }, req: FastifyRequest, reply: FastifyReply): void => {
    const status = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400
    const problem = problemFor(status, status === 400 ? 'The URL is not valid: a percent-encoding does not decode' : undefined)
    void reply
      .status(problem.status)
      .headers({ ...headers, 'cache-control': 'no-store', 'x-request-id': req.id })
      .type(PROBLEM_JSON)
      .send(JSON.stringify({ ...problem, requestId: req.id }))
  }

/** Node's `clientError` (Fastify's clientErrorHandler): the raw socket gets a whole HTTP response, then is closed. */
export const clientErrorHandler =
  (headers: Readonly<Record<string, string>>) =>
  (error: Error & { code?: string }, socket: Socket): void => {
    if (error.code === 'ECONNRESET' || socket.destroyed || !socket.writable) return
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400
    const body = JSON.stringify(problemFor(status))
    const lines = [
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Bad Request'}`,
      `content-type: ${PROBLEM_JSON}`,
      `content-length: ${Buffer.byteLength(body)}`,
      'cache-control: no-store',
      'connection: close',
      ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    ]
    socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`)
  }
