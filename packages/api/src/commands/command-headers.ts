import { randomUUID } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import { Text } from '@hoi/domain'
import { problems, type ProblemException } from '../http/problem.js'

export type CommandHeaders = {
  readonly commandId: string
  /** the client sent an Idempotency-Key (the command id); otherwise the id is a fresh UUID */
  readonly keyGiven: boolean
  readonly expectedRevision?: number
  readonly correlationId?: string
  readonly reason?: string
}

const KEY = /^[A-Za-z0-9._:-]{1,200}$/u
const single = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v.join(',') : v)
const bad = (header: string, message: string): { ok: false; problem: ProblemException } => ({
  ok: false,
  problem: problems.invalid(`The ${header} header is not valid`, [{ field: `header.${header.toLowerCase()}`, message }]),
})

/**
 * `Idempotency-Key` is the command id (a new UUID without one), `If-Match: "<revision>"` the
 * revision the caller saw, `X-Correlation-Id` and `X-Reason` go into the events' metadata.
 */
export const commandHeaders = (req: FastifyRequest): { ok: true; value: CommandHeaders } | { ok: false; problem: ProblemException } => {
  const key = single(req.headers['idempotency-key'])
  if (key !== undefined && !KEY.test(key)) return bad('Idempotency-Key', 'must be 1–200 characters of letters, digits, ".", "_", ":" or "-"')
  const ifMatch = single(req.headers['if-match'])
  let expectedRevision: number | undefined
  if (ifMatch !== undefined) {
    const m = /^\s*"(-1|0|[1-9]\d{0,15})"\s*$/u.exec(ifMatch)
    if (m === null) return bad('If-Match', 'must be one strong ETag as returned by this API, like "3"')
    expectedRevision = Number(m[1])
  }
  const correlationId = single(req.headers['x-correlation-id'])
  if (correlationId !== undefined && !KEY.test(correlationId)) return bad('X-Correlation-Id', 'must be 1–200 characters of letters, digits, ".", "_", ":" or "-"')
  const rawReason = single(req.headers['x-reason'])
  let reason: string | undefined
  if (rawReason !== undefined) {
    // header values are Latin-1 on the wire; clients send UTF-8 percent-encoded text
    let text: string
    try {
      text = decodeURIComponent(rawReason)
    } catch {
      return bad('X-Reason', 'must be percent-encoded UTF-8 text')
    }
    if (!Text.is(text.normalize('NFC')) || text.length > 500) return bad('X-Reason', 'must be at most 500 characters of text without hidden characters')
    reason = text.normalize('NFC')
  }
  return {
    ok: true,
    value: {
      commandId: key ?? randomUUID(),
      keyGiven: key !== undefined,
      ...(expectedRevision === undefined ? {} : { expectedRevision }),
      ...(correlationId === undefined ? {} : { correlationId }),
      ...(reason === undefined ? {} : { reason }),
    },
  }
}
