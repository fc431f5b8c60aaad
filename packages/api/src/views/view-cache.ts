import { createHash } from 'node:crypto'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

export type Encoding = 'br' | 'gzip'
/** The bytes of one answer, and the same compressed, each made once on first demand. */
export type CachedView = { readonly position: number; readonly body: Buffer; readonly etag: string; br?: Buffer; gzip?: Buffer }

/** Smaller answers are sent as they are: compressing them saves less than it costs. */
export const COMPRESS_THRESHOLD = 1024

/**
 * The encoding to answer in for an Accept-Encoding header: br, else gzip, among those not refused
 * with q=0; none for a small answer or a client that asks for neither.
 */
export const encodingFor = (acceptEncoding: string | undefined, size: number): Encoding | undefined => {
  if (acceptEncoding === undefined || size < COMPRESS_THRESHOLD) return undefined
  const accepted = new Set<string>()
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name = '', ...params] = part.split(';').map((x) => x.trim())
    const q = params.find((p) => p.startsWith('q='))
    if (q === undefined || Number(q.slice(2)) > 0) accepted.add(name)
  }
  return accepted.has('br') ? 'br' : accepted.has('gzip') ? 'gzip' : undefined
}

/** The entry's bytes in that encoding, compressed on first demand and kept with the entry. */
export const encodedBody = (entry: CachedView, encoding: Encoding): Buffer =>
  encoding === 'br'
    ? (entry.br ??= brotliCompressSync(entry.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: entry.body.length } }))
    : (entry.gzip ??= gzipSync(entry.body))

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
    const entry: CachedView = { position, body, etag: `W/"${position}-${hash}"` }
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
