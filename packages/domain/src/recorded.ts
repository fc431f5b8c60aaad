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

type Envelope = {
  readonly eventId: string
  readonly schemaVersion: number
  readonly streamId: string
  readonly revision: number
  readonly position: number
  readonly metadata: EventMetadata
}

/**
 * An event as stored: the envelope of ARCHITECTURE.md. `revision` is the 0-based index in its
 * stream; `position` the store's global order (see the store port). Over a union of events this is
 * a union of envelopes, one per event type, so a switch on `type` narrows `data`.
 */
export type RecordedEvent<Ev extends { type: string; data: unknown } = { type: string; data: unknown }> = Ev extends unknown
  ? Envelope & { readonly type: Ev['type']; readonly data: Ev['data'] }
  : never

/** What a caller says about a command: idempotency key, who, and the causal chain. */
export const CommandMetadata = t.intersection([
  t.type({ commandId: t.string, actor: t.string }),
  t.partial({ correlationId: t.string, causationId: t.string, reason: t.string, fingerprint: t.string }),
])
export type CommandMetadata = t.TypeOf<typeof CommandMetadata>
