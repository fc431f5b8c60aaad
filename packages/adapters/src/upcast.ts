import * as E from 'fp-ts/lib/Either.js'
import { DomainEvent, decodeWith, eventCodecs, schemaVersions, type DecodeFailure, type RecordedEvent } from '@hoi/domain'

/**
 * Old event versions are upcast on read, never rewritten. `upcasters[type][v - 1]` turns the data
 * of version v into version v + 1; a stored event is raised step by step to `schemaVersions[type]`.
 * Empty while every event type is at version 1.
 */
export const upcasters: Readonly<Record<string, ReadonlyArray<(data: unknown, fromVersion: number) => unknown>>> = {}

const failure = (field: string, message: string): DecodeFailure => ({ _tag: 'DecodeFailure', issues: [{ field, message }] })

/** The stored data raised to the current schema version of its type. */
export const upcast = (
  type: string,
  schemaVersion: number,
  data: unknown,
  registry: Readonly<Record<string, ReadonlyArray<(data: unknown, fromVersion: number) => unknown>>> = upcasters,
): E.Either<DecodeFailure, { schemaVersion: number; data: unknown }> => {
  const current = (schemaVersions as Readonly<Record<string, number>>)[type]
  if (current === undefined) return E.right({ schemaVersion, data }) // unknown type: the decoder names the allowed ones
  if (!Number.isInteger(schemaVersion) || schemaVersion < 1 || schemaVersion > current)
    return E.left(failure('schemaVersion', `${type} version ${schemaVersion} is not readable by this version of hoi (current ${current})`))
  let d = data
  for (let v = schemaVersion; v < current; v++) {
    const step = registry[type]?.[v - 1]
    if (step === undefined) return E.left(failure('schemaVersion', `no upcaster for ${type} from version ${v}`))
    try {
      d = step(d, v)
    } catch (e) {
      return E.left(failure('data', `upcasting ${type} from version ${v} failed: ${(e as Error).message}`))
    }
  }
  return E.right({ schemaVersion: current, data: d })
}

const decodeEvent = decodeWith(DomainEvent)

/**
 * A stored envelope as a domain event: upcast to the current version, then decoded. The codecs are
 * the one source of truth, asked twice: their `is` (which allocates nothing) accepts data that
 * decoding would return unchanged (names already normalised, no unknown field), so that data is
 * used as it stands; anything else is decoded by io-ts, which normalises it or names what is wrong.
 * This keeps a rebuild's full check of every event at about a third of a decode's cost.
 */
export const decodeRecorded = (recorded: Pick<RecordedEvent, 'type' | 'schemaVersion' | 'data'>): E.Either<DecodeFailure, DomainEvent> => {
  const up = upcast(recorded.type, recorded.schemaVersion, recorded.data)
  if (E.isLeft(up)) return up
  const event = { type: recorded.type, data: up.right.data }
  return DomainEvent.is(event) ? E.right(event) : decodeEvent(event)
}

/**
 * The domain event of an envelope read back from our own store, for folding: upcast and its type
 * checked, the data trusted — it was encoded from a decided event or validated on import, and the
 * hash chain proves it unchanged. A full io-ts decode costs ~10 µs an event, which would break the
 * W4 budget (10k-event stream ≤ 25 ms); use decodeRecorded where data comes from outside.
 */
export const readRecorded = (recorded: Pick<RecordedEvent, 'type' | 'schemaVersion' | 'data'>): E.Either<DecodeFailure, DomainEvent> => {
  if (!Object.prototype.hasOwnProperty.call(eventCodecs, recorded.type)) return E.left(failure('type', `unknown event type ${JSON.stringify(recorded.type)}`))
  const up = upcast(recorded.type, recorded.schemaVersion, recorded.data)
  if (E.isLeft(up)) return up
  const data = up.right.data
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return E.left(failure('data', 'must be an object'))
  return E.right({ type: recorded.type, data } as DomainEvent)
}

/** The envelope with its data upcast (for readers that want envelopes, not decoded events). */
export const upcastRecorded = (recorded: RecordedEvent): E.Either<DecodeFailure, RecordedEvent> =>
  E.map((u: { schemaVersion: number; data: unknown }) => (u.schemaVersion === recorded.schemaVersion ? recorded : { ...recorded, schemaVersion: u.schemaVersion, data: u.data }))(
    upcast(recorded.type, recorded.schemaVersion, recorded.data),
  )
