import * as t from 'io-ts'
import { Id, IsoDate, message, oneOf, taggedUnion, type Text } from '../codecs.js'
import { accept, nothing, type Rejection } from '../decider.js'
import type * as E from 'fp-ts/lib/Either.js'
import { officersOf, type State } from './state.js'
import type { Event } from './events.js'
import { vi } from './checks.js'
import { EndByReorganisation, FoundSuccessor, TakeOver } from './reorganisation.js'

/**
 * Commands only follow-ups send (no HTTP route): they carry what another stream's events imply
 * for this association, and are satisfied, never refused, when there is nothing left to do.
 */
export const Leaving = oneOf('Leaving', ['resigned', 'expelled', 'struck-off', 'deceased', 'transferred-out'] as const)
export const EndOfficesOfMember = message('EndOfficesOfMember', { associationId: Id, memberId: Id, endedOn: IsoDate, how: Leaving })
export const AttachChild = message('AttachChild', { associationId: Id, childId: Id, attachedOn: IsoDate })
export const DetachChild = message('DetachChild', { associationId: Id, childId: Id, detachedOn: IsoDate })
/** A child whose dissolving parent listed it as dissolved with it (R30); its own children end with it. */
export const DissolveWithParent = message('DissolveWithParent', { associationId: Id, parentId: Id, dissolvedOn: IsoDate })
type Role = keyof typeof vi.role
const members = { EndOfficesOfMember, AttachChild, DetachChild, DissolveWithParent, FoundSuccessor, EndByReorganisation, TakeOver }
export const InternalCommand = taggedUnion('AssociationInternalCommand', 'type', members)
export type InternalCommand = t.TypeOf<typeof InternalCommand>
export const internalCommandCodecs = members

const leavingText: Readonly<Record<t.TypeOf<typeof Leaving>, [string, string]>> = {
  resigned: ['resigned', 'xin ra khỏi hội'],
  expelled: ['expelled', 'bị khai trừ'],
  'struck-off': ['struck off', 'bị xóa tên'],
  deceased: ['died', 'từ trần'],
  'transferred-out': ['transferred out', 'chuyển sinh hoạt đi hội khác'],
}

/** A member who leaves the association leaves every office there on the same date. */
export const endOffices = (d: t.TypeOf<typeof EndOfficesOfMember>['data'], state: State): E.Either<Rejection, ReadonlyArray<Event>> => {
  if (state.status === 'none' || state.status === 'dissolved') return nothing
  const held = officersOf(state).current.filter((o) => o.memberId === d.memberId)
  if (held.length === 0) return nothing
  const [en, viText] = leavingText[d.how]
  return accept(
    ...held.map((o): Event => ({
      type: 'OfficerRelieved',
      data: {
        associationId: d.associationId,
        memberId: d.memberId,
        role: o.role as Role,
        relievedOn: d.endedOn < o.electedOn ? o.electedOn : d.endedOn,
        reason: `Left the association (${en}) / Rời hội (${viText}): thôi giữ chức ${vi.role[o.role as Role]}` as Text,
      },
    })),
  )
}
