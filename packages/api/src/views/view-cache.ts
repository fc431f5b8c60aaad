import { createHash } from 'node:crypto'

export type CachedView = { readonly position: number; readonly body: Buffer; readonly etag: string }

/**
 * Serialised view answers, keyed by route + query + visibility and valid for one model position:
 * a repeated GET costs a map lookup, not a query and JSON.stringify. Bounded; the oldest go first.
 */
export class ViewCache {
  private readonly entries = new Map<string, CachedView>()

  constructor(private readonly maxEntries = 2000) {}

  get(key: string, position: number): CachedView | undefined {
    const hit = this.entries.get(key)
    return hit !== undefined && hit.position === position ? hit : undefined
  }

  put(key: string, position: number, value: unknown): CachedView {
    const body = Buffer.from(JSON.stringify(value), 'utf8')
    const hash = createHash('sha256').update(body).digest('base64url').slice(0, 16)
    const entry = { position, body, etag: `W/"${position}-${hash}"` }
    this.entries.delete(key)
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!)
    this.entries.set(key, entry)
    return entry
  }
}

/** Does an If-None-Match header name this ETag? Weak comparison (RFC 9110 §13.1.2). */
export const matchesNoneMatch = (header: string | undefined, etag: string): boolean => {
  if (header === undefined) return false
  if (header.trim() === '*') return true
  const bare = etag.replace(/^W\//u, '')
  return header.split(',').some((t) => t.trim().replace(/^W\//u, '') === bare)
}
