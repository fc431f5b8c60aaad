import { createServer, type IncomingMessage, type Server, type ServerOptions, type ServerResponse } from 'node:http'

/** A complete answer found without the router: status, headers (a flat name, value list) and bytes. */
export type FastAnswer = {
  readonly status: number
  readonly headers: ReadonlyArray<string>
  readonly body: Buffer | undefined
  /** the route pattern, for the request line */
  readonly route: string
}

export type FastPath = {
  /** the answer to this request when it needs no routing, hook or handler; undefined sends it the normal way */
  lookup?: (req: IncomingMessage) => FastAnswer | undefined
  /** set when the server starts closing: Fastify then answers with `Connection: close` */
  closing: boolean
}

export type RequestLine = (line: { reqId: string; method: string; route: string; status: number; ms: number; caller: 'anonymous' }) => void

/** What Fastify passes its serverFactory (the options it resolved). */
type FastifyServerOptions = {
  readonly http?: ServerOptions
  readonly keepAliveTimeout?: number
  readonly requestTimeout?: number
  readonly connectionTimeout?: number
  readonly maxRequestsPerSocket?: number
}

/**
 * Fastify's serverFactory: the same HTTP server Fastify would make (same timeouts), whose requests
 * first ask `fast`. A repeated anonymous GET of a cached public view is answered from the cache's
 * bytes and precomputed headers — the same status, headers (request id included) and body as the
 * full pipeline — without building Fastify's request, reply and logger or running its hooks.
 * Everything else goes to Fastify unchanged.
 */
export const fastServerFactory =
  (fast: FastPath, requestId: (raw: IncomingMessage) => string, requestLine: RequestLine | undefined) =>
  (handler: (req: IncomingMessage, res: ServerResponse) => void, opts: FastifyServerOptions): Server => {
    const server = createServer(opts.http ?? {}, (req, res) => {
      const answer = req.method === 'GET' && !fast.closing && fast.lookup !== undefined ? fast.lookup(req) : undefined
      if (answer === undefined) {
        handler(req, res)
        return
      }
      const started = requestLine === undefined ? 0 : performance.now()
      const id = requestId(req)
      const headers = answer.body === undefined ? [...answer.headers, 'x-request-id', id] : [...answer.headers, 'x-request-id', id, 'content-length', String(answer.body.length)]
      res.writeHead(answer.status, headers)
      res.end(answer.body)
      requestLine?.({ reqId: id, method: 'GET', route: answer.route, status: answer.status, ms: Math.round((performance.now() - started) * 100) / 100, caller: 'anonymous' })
    })
    if (opts.keepAliveTimeout !== undefined) server.keepAliveTimeout = opts.keepAliveTimeout
    if (opts.requestTimeout !== undefined) server.requestTimeout = opts.requestTimeout
    if (opts.connectionTimeout !== undefined) server.setTimeout(opts.connectionTimeout)
    if (opts.maxRequestsPerSocket !== undefined && opts.maxRequestsPerSocket > 0) server.maxRequestsPerSocket = opts.maxRequestsPerSocket
    return server
  }
