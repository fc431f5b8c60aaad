import * as t from 'io-ts'
import { describeAs } from '../schema.js'

/**
 * What a reader sees in place of a personal field whose person was erased (Decree 13/2023,
 * crypto-shredding): the key that opened the value is destroyed, so the value is gone for good.
 */
export const ERASED = '[đã xoá]' as const
export type Erased = typeof ERASED
export const Erased = describeAs(t.literal(ERASED), { type: 'string', const: ERASED, description: 'the value of an erased person (Decree 13/2023)' })
export const isErased = (u: unknown): u is Erased => u === ERASED

/** A personal field of a stored event: its value, or the erased marker once the person is erased. */
export const erasable = <C extends t.Mixed>(codec: C): t.UnionC<[C, typeof Erased]> => t.union([codec, Erased])

/**
 * How the person of an event is found: a field of the event that holds the person id, or the
 * person of a member stream (the event's own stream, or the stream of the member id in a field).
 */
export type PersonOf = { readonly personField: string } | { readonly memberField?: string }

/**
 * The one declaration of personal data in events: for each event type, the fields stored
 * encrypted under the key of the event's person, and where that person is read. A later personal
 * field is one more name here; the store encrypts and erases it with no other change.
 */
export const personalFields: ReadonlyMap<string, { readonly fields: ReadonlyArray<string>; readonly person: PersonOf }> = new Map([
  ['MemberAdmitted', { fields: ['fullName', 'birthDate', 'gender', 'cardNo'], person: { personField: 'personId' } }],
  ['MemberTransferredIn', { fields: ['fullName', 'birthDate', 'gender', 'cardNo'], person: { personField: 'personId' } }],
  ['MemberDetailsCorrected', { fields: ['fullName', 'birthDate', 'gender', 'cardNo'], person: {} }],
  // an officer's name is copied from the member record (its codec, Name, also reads the marker)
  ['OfficerElected', { fields: ['fullName'], person: { memberField: 'memberId' } }],
])

/** The view columns that hold personal fields (snake case of the fields above), rewritten on erasure. */
export const personalColumns: ReadonlyArray<string> = [...new Set([...personalFields.values()].flatMap((p) => p.fields))].map((f) => f.replace(/[A-Z]/gu, (c) => `_${c.toLowerCase()}`))
