import { randomBytes } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/** What a caller's X-Request-Id may be to be kept: short, printable, no spaces or quotes (it goes into logs and headers). */
const VALID = /^[A-Za-z0-9._:-]{1,128}$/u

/**
 * Fastify's genReqId: the caller's X-Request-Id when it is a valid one, else a new id — this
 * server's random prefix (made at start) and a counter, unique without a UUID per request.
 */
export const requestIds = (): ((raw: IncomingMessage) => string) => {
  const prefix = randomBytes(9).toString('base64url')
  let n = 0
  return (raw) => {
    const given = raw.headers['x-request-id']
    return typeof given === 'string' && VALID.test(given) ? given : `${prefix}-${(++n).toString(36)}`
  }
}
