import type * as t from 'io-ts'
import type { Id, IsoDate, Name } from '../codecs.js'
import type { Event, Gender, MemberCategory } from './events.js'
import type { Erased } from '../person/personal.js'

export type Leaving = 'resigned' | 'expelled' | 'struck-off' | 'deceased' | 'transferred-out'

/** What is known of a member while in the association and after leaving it. */
export type Person = {
  readonly memberId: Id
  readonly associationId: Id
  readonly personId: Id
  /** personal fields: "[đã xoá]" once the person is erased */
  readonly fullName: Name | Erased
  readonly birthDate: IsoDate | Erased
  readonly gender: t.TypeOf<typeof Gender> | Erased
  readonly category: t.TypeOf<typeof MemberCategory>
  /** Date of joining this association: admission, or arrival by transfer (R10: never changes). */
  readonly admittedOn: IsoDate
  readonly cardNo?: Name | Erased
  readonly referredToParty: boolean
  /** Set only for a member who arrived by transfer (R12). */
  readonly fromAssociationId?: Id
  readonly fromMemberId?: Id
  /** The branch or cell the member was last placed in (R20). */
  readonly branchId?: Id
}

export type State =
  | { readonly status: 'none' }
  | ({ readonly status: 'active' } & Person)
  | ({
      readonly status: 'left'
      readonly how: Leaving
      readonly leftOn: IsoDate
      /** Set only when `how` is `transferred-out` (R12). */
      readonly toAssociationId?: Id
      /** The heir the transfer out was recorded through, when not the member's own association (R21). */
      readonly outOfAssociationId?: Id
      readonly toMemberId?: Id
    } & Person)
export type Existing = Exclude<State, { status: 'none' }>

export const initialState: State = { status: 'none' }

const left = (state: State, how: Leaving, leftOn: IsoDate): State => (state.status === 'active' ? { ...state, status: 'left', how, leftOn } : state)

export const evolve = (state: State, event: Event): State => {
  switch (event.type) {
    case 'MemberAdmitted': {
      const d = event.data
      return {
        status: 'active',
        memberId: d.memberId,
        associationId: d.associationId,
        personId: d.personId,
        fullName: d.fullName,
        birthDate: d.birthDate,
        gender: d.gender,
        category: d.category,
        admittedOn: d.admittedOn,
        referredToParty: false,
        ...(d.cardNo === undefined ? {} : { cardNo: d.cardNo }),
      }
    }
    case 'MemberTransferredIn': {
      const d = event.data
      return {
        status: 'active',
        memberId: d.memberId,
        associationId: d.associationId,
        personId: d.personId,
        fullName: d.fullName,
        birthDate: d.birthDate,
        gender: d.gender,
        category: d.category,
        admittedOn: d.transferredOn,
        referredToParty: false,
        fromAssociationId: d.fromAssociationId,
        fromMemberId: d.fromMemberId,
        ...(d.cardNo === undefined ? {} : { cardNo: d.cardNo }),
      }
    }
    case 'MemberCategoryChanged':
      return state.status === 'none' ? state : { ...state, category: event.data.category }
    case 'MemberDetailsCorrected': {
      if (state.status === 'none') return state
      const { fullName, birthDate, gender, cardNo } = event.data
      return {
        ...state,
        ...(fullName === undefined ? {} : { fullName }),
        ...(birthDate === undefined ? {} : { birthDate }),
        ...(gender === undefined ? {} : { gender }),
        ...(cardNo === undefined ? {} : { cardNo }),
      }
    }
    case 'MemberTransferredOut': {
      const d = event.data
      return state.status === 'active'
        ? {
            ...state,
            status: 'left',
            how: 'transferred-out',
            leftOn: d.transferredOn,
            toAssociationId: d.toAssociationId,
            toMemberId: d.toMemberId,
            ...(d.associationId === state.associationId ? {} : { outOfAssociationId: d.associationId }),
          }
        : state
    }
    case 'MemberResigned':
      return left(state, 'resigned', event.data.resignedOn)
    case 'MemberExpelled':
      return left(state, 'expelled', event.data.expelledOn)
    case 'MemberStruckOff':
      return left(state, 'struck-off', event.data.struckOffOn)
    case 'MemberDeceased':
      return left(state, 'deceased', event.data.diedOn)
    case 'MemberReferredToParty':
      return state.status === 'none' ? state : { ...state, referredToParty: true }
    case 'MemberPlacedInBranch':
      return state.status === 'none' ? state : { ...state, branchId: event.data.branchId }
  }
}
