import { createRequire } from 'node:module'

type Middleware = (req: unknown, res: unknown, next: (err?: unknown) => void) => void

/**
 * The headers helmet sets for this configuration, computed once. @fastify/helmet builds helmet's
 * middleware anew on every request (about a tenth of the CPU of a cached view GET); the headers do
 * not depend on the request (no CSP nonces), so the same engine is run once at start and its
 * output set on every response.
 */
export const securityHeaders = (options: object): Readonly<Record<string, string>> => {
  const local = createRequire(import.meta.url)
  const helmet = createRequire(local.resolve('@fastify/helmet'))('helmet') as (options: object) => Middleware
  const headers: Record<string, string> = {}
  const res = {
    setHeader: (name: string, value: unknown) => {
      headers[name.toLowerCase()] = String(value)
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()]
    },
    getHeader: (name: string) => headers[name.toLowerCase()],
  }
  helmet(options)({}, res, (err) => {
    if (err !== undefined && err !== null) throw err instanceof Error ? err : new Error('the security headers could not be computed', { cause: err })
  })
  return headers
}
