import type * as t from 'io-ts'
import * as E from 'fp-ts/lib/Either.js'
import { Id, IsoDate, Text, message, taggedUnion } from '../codecs.js'
import { idStream } from '../streams.js'
import { reject, type Rejection } from '../decider.js'

/**
 * A person's personal data was erased (Decree 13/2023): the key of their personal fields is
 * destroyed, so every earlier event of theirs reads "[đã xoá]" in those fields. The reason must
 * not itself hold personal data: it is stored as it is.
 */
export const PersonErased = message('PersonErased', { personId: Id, erasedOn: IsoDate, reason: Text })
const events = { PersonErased }
export const Event = taggedUnion('PersonEvent', 'type', events)
export type Event = t.TypeOf<typeof Event>
export const eventTypes = Object.keys(events) as ReadonlyArray<Event['type']>

const stream = idStream('person')
/** `person-<personId>`: the stream of a person's erasure. */
export const streamId: (personId: string) => string = stream.format
export const parseStreamId: (streamId: string) => string | undefined = stream.parse

/**
 * H1: a person can be erased once, and only a person the store knows (who has a key).
 * `known`: the person has personal data on record; `erased`: their stream already holds PersonErased.
 */
export const decideErasure = (personId: string, known: boolean, erased: boolean): E.Either<Rejection, void> =>
  erased
    ? reject('PersonAlreadyErased', 'H1', `Person ${personId} was already erased`, `Dữ liệu cá nhân của người ${personId} đã được xoá trước đây`, 'personId')
    : known
      ? E.right(undefined)
      : reject('PersonNotFound', 'H1', `No person ${personId} has personal data on record`, `Không có người ${personId} trong hồ sơ hội viên`, 'personId')
