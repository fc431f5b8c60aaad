import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/** What a caller's X-Request-Id may be to be kept: short, printable, no spaces or quotes (it goes into logs and headers). */
const VALID = /^[A-Za-z0-9._:-]{1,128}$/u

/** Fastify's genReqId: the caller's X-Request-Id when it is a valid one, else a new UUID. */
export const requestIdOf = (raw: IncomingMessage): string => {
  const given = raw.headers['x-request-id']
  return typeof given === 'string' && VALID.test(given) ? given : randomUUID()
}
