import * as t from 'io-ts'
import { describeAs } from '../schema.js'
import { Id, IsoDate, Name, Text, message, strictPartial, taggedUnion } from '../codecs.js'

const Year = describeAs(
  new t.Type<number, number, unknown>(
    'Year',
    (u): u is number => typeof u === 'number' && Number.isInteger(u) && u >= 1900 && u <= 2199,
    (u, c) => (typeof u === 'number' && Number.isInteger(u) && u >= 1900 && u <= 2199 ? t.success(u) : t.failure(u, c, 'must be a year 1900–2199')),
    (a) => a,
  ),
  { type: 'integer', minimum: 1900, maximum: 2199 },
)
export { Year }

/** A collective (an association or unit) or an individual (optionally a member). */
export const Recipient = taggedUnion('Recipient', 'kind', {
  collective: strictPartial({ kind: t.literal('collective'), name: Name }, { associationId: Id }, 'CollectiveRecipient'),
  individual: strictPartial({ kind: t.literal('individual'), name: Name }, { memberId: Id }, 'IndividualRecipient'),
})
export type Recipient = t.TypeOf<typeof Recipient>

const id = { movementId: Id }

export const EmulationMovementLaunched = message('EmulationMovementLaunched', { ...id, ownerAssociationId: Id, title: Name, cycleStart: Year, cycleEnd: Year, launchedOn: IsoDate })
export const CommendationAwarded = message('CommendationAwarded', { ...id, commendationId: Id, recipient: Recipient, form: Name, awardedOn: IsoDate }, { citation: Text })
export const EmulationMovementConcluded = message('EmulationMovementConcluded', { ...id, concludedOn: IsoDate }, { summary: Text })

const members = { EmulationMovementLaunched, CommendationAwarded, EmulationMovementConcluded }
export const Event = taggedUnion('MovementEvent', 'type', members)
export type Event = t.TypeOf<typeof Event>
export const eventTypes = Object.keys(members) as ReadonlyArray<Event['type']>
