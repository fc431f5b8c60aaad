import { createHash } from 'node:crypto'
import type { EventMetadata, RecordedEvent } from '@hoi/domain'

/**
 * The hash chain of the global log (docs/audit.md is the specification another program can follow).
 * Every event's `metadata.hash` is the SHA-256 of the canonical text of its envelope without that
 * field; the envelope's `metadata.prevHash` is the hash of the event before it in the global order,
 * or GENESIS for the first. Changing, deleting, inserting or reordering any event breaks the chain.
 */
export const GENESIS = '0'.repeat(64)

export const HASH = /^[0-9a-f]{64}$/u

/** The fields an envelope hash covers: everything stored, `metadata.hash` excepted. */
export type Hashable = Pick<RecordedEvent, 'eventId' | 'type' | 'schemaVersion' | 'streamId' | 'revision' | 'position' | 'data'> & {
  readonly metadata: Readonly<Record<string, unknown>>
}

const NON_ASCII = /\P{ASCII}/u

// NFC changes only text with characters beyond ASCII; most keys and values are ASCII
const nfc = (s: string): string => (NON_ASCII.test(s) ? s.normalize('NFC') : s)

/** A value already in canonical text: written as it is (the data of an event being appended, encoded once). */
export class CanonicalText {
  constructor(readonly text: string) {}
}

const encode = (v: unknown): string => {
  if (v === null) return 'null'
  switch (typeof v) {
    case 'boolean':
      return v ? 'true' : 'false'
    case 'number':
      if (!Number.isFinite(v)) throw new TypeError(`a canonical envelope holds only finite numbers, not ${String(v)}`)
      // ECMAScript Number::toString, the shortest text that reads back as the same double; -0 is 0
      return Object.is(v, -0) ? '0' : String(v)
    case 'string':
      // JSON.stringify escapes exactly ", \, U+0000–U+001F (short forms where JSON has them) and lone surrogates
      return JSON.stringify(nfc(v))
    case 'object': {
      if (v instanceof CanonicalText) return v.text
      if (Array.isArray(v)) {
        let out = '['
        for (let i = 0; i < v.length; i++) out += (i > 0 ? ',' : '') + encode(v[i] === undefined ? null : v[i])
        return `${out}]`
      }
      // an instance (a Date, a class) is not a JSON value: JSON.stringify would call its toJSON or drop its prototype
      const proto = Object.getPrototypeOf(v) as unknown
      if (proto !== Object.prototype && proto !== null) throw new TypeError('a canonical envelope holds only plain objects, not instances')
      const o = v as Record<string, unknown>
      const named: Array<[string, string]> = []
      const seen = new Set<string>()
      for (const k of Object.keys(o)) {
        if (o[k] === undefined) continue
        const n = nfc(k)
        if (seen.has(n)) throw new TypeError(`two keys of one object are the same text after NFC normalisation: ${JSON.stringify(n)}`)
        seen.add(n)
        named.push([n, k])
      }
      // sorted by UTF-16 code units, JavaScript's default string order
      named.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      let out = '{'
      for (let i = 0; i < named.length; i++) out += `${i > 0 ? ',' : ''}${JSON.stringify(named[i]![0])}:${encode(o[named[i]![1]])}`
      return `${out}}`
    }
    default:
      throw new TypeError(`a canonical envelope holds only JSON values, not ${typeof v}`)
  }
}

/** The canonical text of any JSON value: sorted keys, no whitespace, NFC strings (docs/audit.md). */
export const canonicalJson = (value: unknown): string => encode(value)

/**
 * The canonical text of an event's data as it will be stored (`json` is its JSON.stringify text):
 * encoded from the value at hand; only a value JSON would change (a Date, NaN) is read back from
 * its JSON text first, so the hash is always that of the stored data.
 */
export const canonicalData = (data: unknown, json: string): CanonicalText => {
  try {
    return new CanonicalText(encode(data ?? null))
  } catch (e) {
    if (!(e instanceof TypeError)) throw e
    return new CanonicalText(encode(JSON.parse(json)))
  }
}

/** The canonical text of an envelope as hashed: the whole envelope with `metadata.hash` left out. */
export const canonical = (e: Hashable): string => {
  const { hash: _hash, ...metadata } = e.metadata
  return canonicalJson({
    eventId: e.eventId,
    type: e.type,
    schemaVersion: e.schemaVersion,
    streamId: e.streamId,
    revision: e.revision,
    position: e.position,
    data: e.data,
    metadata,
  })
}

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex')

/** The hash of an envelope (its `metadata.prevHash` must already be set). */
export const hashOf = (e: Hashable): string => sha256Hex(canonical(e))

/** The envelope's metadata with the chain fields set, given the previous event's hash. */
export const chained = <M extends Omit<EventMetadata, 'prevHash' | 'hash'>>(e: Omit<Hashable, 'metadata'>, metadata: M, prevHash: string): M & { prevHash: string; hash: string } => {
  const { prevHash: _p, hash: _h, ...rest } = metadata as M & { prevHash?: string; hash?: string }
  const linked = { ...rest, prevHash } as unknown as M & { prevHash: string }
  return { ...linked, hash: hashOf({ ...e, metadata: linked }) }
}

/** The text of an event's envelope as exported: canonical, hash included. */
export const exportLine = (e: RecordedEvent): string =>
  canonicalJson({
    eventId: e.eventId,
    type: e.type,
    schemaVersion: e.schemaVersion,
    streamId: e.streamId,
    revision: e.revision,
    position: e.position,
    data: e.data,
    metadata: e.metadata,
  })

export const UNCHAINED_MESSAGE = 'this store was written before events were hash-chained: run `hoi chain upgrade` once to chain its history, then append'
