import { createHash } from 'node:crypto'
import type { RecordedEvent } from '@hoi/domain'
import { problems, type ProblemException } from '../http/problem.js'

/** JSON with object keys sorted at every depth: two bodies that differ only in key order are the same request. */
export const canonicalJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (typeof value === 'object' && value !== null)
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`
  return JSON.stringify(value ?? null)
}

/**
 * What an Idempotency-Key is bound to (IETF httpapi-idempotency-key-header): the caller, the method,
 * the path and the body. Stored with the events, so the binding survives a restart.
 */
export const fingerprintOf = (caller: string, method: string, url: string, body: unknown): string =>
  createHash('sha256')
    .update(JSON.stringify([caller, method.toUpperCase(), url.split('?')[0] ?? '', canonicalJson(body)]))
    .digest('hex')

/** Events stored under a key answer a request only if that very request (same caller, same fingerprint) stored them. */
export const sameRequest = (prior: ReadonlyArray<RecordedEvent>, fingerprint: string, caller: string): boolean => {
  const first = prior[0]
  if (first === undefined) return true
  // events stored before fingerprints were kept: the caller at least must be the same
  return first.metadata.fingerprint === undefined ? first.metadata.actor === caller : first.metadata.fingerprint === fingerprint
}

export const keyReused = (): ProblemException =>
  problems.keyReused('This Idempotency-Key was already used for a different request (another body, path or caller); use a new key for a new request', [
    { field: 'header.idempotency-key', message: 'was used for a different request' },
  ])

export const keyInFlight = (): ProblemException =>
  problems.conflict('A request with this Idempotency-Key is still being processed; retry once it has been answered', {
    errors: [{ field: 'header.idempotency-key', message: 'is in use by a request still in progress' }],
  })

/** Keys of requests being processed by this server: a duplicate sent meanwhile is refused, not run twice. */
export class KeysInFlight {
  private readonly keys = new Set<string>()
  enter(key: string): boolean {
    if (this.keys.has(key)) return false
    this.keys.add(key)
    return true
  }
  leave(key: string): void {
    this.keys.delete(key)
  }
}
