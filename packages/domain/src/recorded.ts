import * as t from 'io-ts'

/** Who and why, stored with every event (R38). */
export const EventMetadata = t.intersection([
  t.type({
    occurredOn: t.string,
    recordedAt: t.string,
    actor: t.string,
    commandId: t.string,
    correlationId: t.string,
    causationId: t.string,
  }),
  // fingerprint: sha256 of the request that carried a client's Idempotency-Key (caller, method, path, body)
  t.partial({ reason: t.string, prevHash: t.string, hash: t.string, fingerprint: t.string }),
])
export type EventMetadata = t.TypeOf<typeof EventMetadata>

/**
 * An event as stored: the envelope of ARCHITECTURE.md. `revision` is the 0-based index in its
 * stream; `position` the dense, gap-free 1-based order of the whole store.
 */
export type RecordedEvent<Ev extends { type: string; data: unknown } = { type: string; data: unknown }> = {
  readonly eventId: string
  readonly type: Ev['type']
  readonly schemaVersion: number
  readonly streamId: string
  readonly revision: number
  readonly position: number
  readonly data: Ev['data']
  readonly metadata: EventMetadata
}

/** What a caller says about a command: idempotency key, who, and the causal chain. */
export const CommandMetadata = t.intersection([
  t.type({ commandId: t.string, actor: t.string }),
  t.partial({ correlationId: t.string, causationId: t.string, reason: t.string, fingerprint: t.string }),
])
export type CommandMetadata = t.TypeOf<typeof CommandMetadata>
