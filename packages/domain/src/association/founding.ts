import * as E from 'fp-ts/lib/Either.js'
import { Id, addDays, type Name } from '../codecs.js'
import { findIn } from '../ids.js'
import { accept, nothing, reject, type Rejection } from '../decider.js'
import { regimeFor, type Policy } from '../policy.js'
import { heldByOther, type State as ClaimState } from '../claim/claim.js'
import { vi, type Decision } from './checks.js'
import { checkOwnPlace, checkParent, claimsArea } from './hierarchy.js'
import { holdCongress } from './congress.js'
import type { Command } from './commands.js'
import type { Event } from './events.js'
import { evolve, type Founding, type State } from './state.js'

type Data<T extends Command['type']> = Extract<Command, { type: T }>['data']
type Context = { readonly policy: Policy; readonly parent?: State; readonly area?: ClaimState }

/** The member id a registrant receives when the founding makes them a member (R7): one per association and person. */
export const founderMemberId = (associationId: string, personId: string): string => `${associationId}.${personId}`

const alreadyFounded = (id: string): E.Either<Rejection, never> =>
  reject('AssociationAlreadyFounded', 'design', `Association ${id} is already founded`, `Hội ${id} đã được thành lập`, 'data.associationId')

const noProcedure = (id: string): E.Either<Rejection, never> =>
  reject(
    'FoundingNotFound',
    'R4',
    `No founding procedure of ${id}: it starts when the authority recognises a founding committee (RecogniseFoundingCommittee)`,
    `Chưa có ban vận động thành lập hội ${id} được công nhận`,
    'data.associationId',
  )

const lapsed = (f: Founding, id: string, field: string): E.Either<Rejection, never> =>
  reject(
    'EstablishmentPermitLapsed',
    'R5',
    `The establishment permit of ${id} lapsed on ${f.lapsedOn ?? ''}: a new procedure is needed`,
    `Quyết định cho phép thành lập hội ${id} đã hết hiệu lực từ ngày ${f.lapsedOn ?? ''}: phải làm lại thủ tục thành lập`,
    field,
  )

const beforeStep = (on: string, step: string, stepVi: string, earlier: string, field: string): E.Either<Rejection, never> =>
  reject('FoundingStepOutOfOrder', 'design', `${on} is before ${step} on ${earlier}`, `Ngày ${on} trước ngày ${stepVi} (${earlier})`, field)

/** The procedure of an association not yet founded, or a refusal: founded already, never started, or lapsed. */
const procedure = (state: State, id: string, field: string): E.Either<Rejection, Founding> => {
  if (state.status !== 'none') return alreadyFounded(id)
  if (state.founding === undefined) return noProcedure(id)
  if (state.founding.lapsedOn !== undefined) return lapsed(state.founding, id, field)
  return E.right(state.founding)
}

const sameCommittee = (a: Data<'RecogniseFoundingCommittee'>, b: Data<'RecogniseFoundingCommittee'>): boolean =>
  a.name === b.name &&
  a.kind === b.kind &&
  a.scope === b.scope &&
  a.areaCode === b.areaCode &&
  a.recognisedOn === b.recognisedOn &&
  a.parentId === b.parentId &&
  a.committee.length === b.committee.length &&
  a.committee.every((m, i) => m.personId === b.committee[i]?.personId)

/** R4: a committee of at least 10 / 5 / 3 / 3 people by scope; the proposed association's place checked as at a founding (R30, R37). */
export const recogniseCommittee = (d: Data<'RecogniseFoundingCommittee'>, state: State, context: Context): Decision => {
  if (state.status !== 'none') return alreadyFounded(d.associationId)
  if (state.founding !== undefined)
    return sameCommittee(state.founding.committee, d)
      ? nothing
      : reject(
          'FoundingAlreadyUnderway',
          'design',
          `A founding committee of ${d.associationId} was already recognised with other facts`,
          `Ban vận động thành lập hội ${d.associationId} đã được công nhận với thông tin khác`,
          'data.associationId',
        )
  const people = new Set(d.committee.map((m) => m.personId))
  if (people.size !== d.committee.length)
    return reject('CommitteeMemberRepeated', 'R4', 'A person is listed twice in the founding committee', 'Một người được ghi hai lần trong ban vận động', 'data.committee')
  const minimum = context.policy.foundingCommittee[d.scope]
  if (regimeFor(d.kind, d.recognisedOn) !== 'own-charter' && people.size < minimum)
    return reject(
      'FoundingCommitteeTooSmall',
      'R4',
      `The founding committee of a ${d.scope} association needs at least ${minimum} members; ${people.size} given`,
      `Ban vận động thành lập hội ${vi.scope[d.scope]} phải có ít nhất ${minimum} thành viên; mới có ${people.size}`,
      'data.committee',
    )
  const place = { associationId: d.associationId, kind: d.kind, scope: d.scope, areaCode: d.areaCode, on: d.recognisedOn }
  const own = checkOwnPlace(place, context.policy, 'data.recognisedOn')
  if (E.isLeft(own)) return own
  const parent = d.parentId === undefined ? E.right(undefined) : checkParent(place, d.parentId, context.parent, 'data.recognisedOn')
  if (E.isLeft(parent)) return parent
  const holder = claimsArea(d.kind, d.areaCode, parent.right) ? heldByOther(context.area, d.associationId) : undefined
  if (holder !== undefined)
    return reject(
      'DuplicateAssociation',
      'R30',
      `${holder} already holds the ${d.kind} association's place in area ${d.areaCode}`,
      `Địa bàn ${d.areaCode} đã có hội cùng loại (${holder})`,
      'data.areaCode',
    )
  return accept({ type: 'FoundingCommitteeRecognised', data: d })
}

/** R3 on the registrants; the congress is due 90 days from the permit (R5). */
export const permitEstablishment = (d: Data<'PermitEstablishment'>, state: State, policy: Policy): Decision => {
  const f = procedure(state, d.associationId, 'data.permittedOn')
  if (E.isLeft(f)) return f
  const { committee, permit } = f.right
  if (permit !== undefined)
    return permit.permittedOn === d.permittedOn && permit.registrants.length === d.registrants.length
      ? nothing
      : reject(
          'EstablishmentAlreadyPermitted',
          'design',
          `The establishment of ${d.associationId} was already permitted on ${permit.permittedOn}`,
          `Hội ${d.associationId} đã được cho phép thành lập ngày ${permit.permittedOn}`,
          'data.permittedOn',
        )
  if (d.permittedOn < committee.recognisedOn) return beforeStep(d.permittedOn, 'the committee was recognised', 'công nhận ban vận động', committee.recognisedOn, 'data.permittedOn')
  const people = new Set(d.registrants.map((r) => r.personId))
  if (people.size !== d.registrants.length)
    return reject('RegistrantRepeated', 'R3', 'A person is listed twice among the registrants', 'Một người được ghi hai lần trong danh sách đăng ký', 'data.registrants')
  const unfit = d.registrants.findIndex((r) => !Id.is(founderMemberId(d.associationId, r.personId)))
  if (unfit >= 0)
    return reject(
      'RegistrantIdTooLong',
      'R7',
      `The member id ${d.associationId}.${d.registrants[unfit]!.personId} the registrant would receive is longer than 80 characters`,
      `Mã hội viên ${d.associationId}.${d.registrants[unfit]!.personId} dành cho người đăng ký dài quá 80 ký tự`,
      `data.registrants.${unfit}.personId`,
    )
  const regime = regimeFor(committee.kind, d.permittedOn)
  const minimum = policy.foundingMembers[committee.scope]
  if (regime !== 'own-charter' && people.size < minimum)
    return reject(
      'FoundingMembersBelowMinimum',
      'R3',
      `A ${committee.scope} association needs at least ${minimum} founding members under ${regime}; ${people.size} registered`,
      `Hội ${vi.scope[committee.scope]} cần ít nhất ${minimum} thành viên sáng lập theo ${vi.regime[regime]}; mới có ${people.size} người đăng ký`,
      'data.registrants',
    )
  return accept({ type: 'AssociationEstablishmentPermitted', data: { ...d, congressDueBy: addDays(d.permittedOn, policy.foundingCongressDays) } })
}

/** R5: requested within 15 days from the first deadline, at most 30 days longer, once. */
export const extendPermit = (d: Data<'ExtendEstablishmentPermit'>, state: State, policy: Policy): Decision => {
  const f = procedure(state, d.associationId, 'data.requestedOn')
  if (E.isLeft(f)) return f
  const permit = f.right.permit
  if (permit === undefined) return notPermitted(d.associationId)
  if (permit.extendedOn !== undefined)
    return permit.extendedOn === d.requestedOn && permit.congressDueBy === d.congressDueBy
      ? nothing
      : reject(
          'PermitAlreadyExtended',
          'R5',
          `The congress deadline was already extended to ${permit.congressDueBy}`,
          `Thời hạn tổ chức đại hội đã được gia hạn đến ngày ${permit.congressDueBy}`,
          'data.congressDueBy',
        )
  if (d.requestedOn < permit.permittedOn) return beforeStep(d.requestedOn, 'the permit', 'cho phép thành lập', permit.permittedOn, 'data.requestedOn')
  const lastRequest = addDays(permit.firstDueBy, policy.permitExtensionRequestDays)
  if (d.requestedOn > lastRequest)
    return reject(
      'ExtensionRequestedTooLate',
      'R5',
      `An extension must be requested within ${policy.permitExtensionRequestDays} days from the deadline ${permit.firstDueBy}, by ${lastRequest}`,
      `Phải đề nghị gia hạn trong ${policy.permitExtensionRequestDays} ngày kể từ ngày hết hạn ${permit.firstDueBy}, chậm nhất ngày ${lastRequest}`,
      'data.requestedOn',
    )
  const latest = addDays(permit.firstDueBy, policy.maxPermitExtensionDays)
  if (d.congressDueBy <= permit.firstDueBy || d.congressDueBy > latest)
    return reject(
      'PermitExtensionOutOfRange',
      'R5',
      `An extension lasts at most ${policy.maxPermitExtensionDays} days: the new deadline lies after ${permit.firstDueBy} and by ${latest}`,
      `Gia hạn không quá ${policy.maxPermitExtensionDays} ngày: thời hạn mới sau ngày ${permit.firstDueBy} và chậm nhất ngày ${latest}`,
      'data.congressDueBy',
    )
  return accept({ type: 'EstablishmentPermitExtended', data: d })
}

const notPermitted = (id: string): E.Either<Rejection, never> =>
  reject('EstablishmentNotPermitted', 'R5', `The establishment of ${id} is not permitted yet`, `Hội ${id} chưa được cho phép thành lập`, 'data.associationId')

/**
 * R5: the permit lapses once its deadline has passed and no extension can still be requested (the
 * extension window is open for 15 days from the first deadline unless an extension was granted).
 */
export const lapsePermit = (d: Data<'LapseEstablishmentPermit'>, state: State, policy: Policy): Decision => {
  if (state.status === 'none' && state.founding?.lapsedOn !== undefined) return state.founding.lapsedOn === d.lapsedOn ? nothing : lapsed(state.founding, d.associationId, 'data.lapsedOn')
  const f = procedure(state, d.associationId, 'data.lapsedOn')
  if (E.isLeft(f)) return f
  const permit = f.right.permit
  if (permit === undefined) return notPermitted(d.associationId)
  const window = permit.extendedOn === undefined ? addDays(permit.firstDueBy, policy.permitExtensionRequestDays) : permit.congressDueBy
  const until = window > permit.congressDueBy ? window : permit.congressDueBy
  if (d.lapsedOn <= until)
    return reject(
      'PermitStillValid',
      'R5',
      `The permit is valid until ${permit.congressDueBy}${permit.extendedOn === undefined ? ` and an extension may be requested until ${window}` : ''}: it cannot lapse on ${d.lapsedOn}`,
      `Quyết định cho phép còn hiệu lực đến ngày ${permit.congressDueBy}${permit.extendedOn === undefined ? `, còn được đề nghị gia hạn đến ngày ${window}` : ''}: chưa thể hết hiệu lực ngày ${d.lapsedOn}`,
      'data.lapsedOn',
    )
  return accept({ type: 'EstablishmentPermitLapsed', data: d })
}

/**
 * The founding congress founds the association on its date (R5: by the deadline) and opens its first
 * term (R13, R15, as any congress); the regime follows from the date (R1, R2).
 */
export const holdFoundingCongress = (d: Data<'HoldFoundingCongress'>, state: State, policy: Policy): Decision => {
  if (state.status !== 'none') {
    const same = state.foundedOn === d.heldOn && findIn(state.congresses, (c) => c.kind === 'founding' && c.heldOn === d.heldOn) !== undefined
    return same ? nothing : alreadyFounded(d.associationId)
  }
  const f = procedure(state, d.associationId, 'data.heldOn')
  if (E.isLeft(f)) return f
  const { committee, permit } = f.right
  if (permit === undefined) return notPermitted(d.associationId)
  if (d.heldOn < permit.permittedOn) return beforeStep(d.heldOn, 'the permit', 'cho phép thành lập', permit.permittedOn, 'data.heldOn')
  if (d.heldOn > permit.congressDueBy)
    return reject(
      'FoundingCongressOverdue',
      'R5',
      `The founding congress had to be held by ${permit.congressDueBy}${permit.extendedOn === undefined ? ' (90 days from the permit; an extension may be requested)' : ' (as extended)'}`,
      `Đại hội thành lập phải được tổ chức chậm nhất ngày ${permit.congressDueBy}${permit.extendedOn === undefined ? ' (90 ngày kể từ ngày cho phép; có thể đề nghị gia hạn)' : ' (đã gia hạn)'}`,
      'data.heldOn',
    )
  const own = checkOwnPlace({ associationId: d.associationId, kind: committee.kind, scope: committee.scope, areaCode: committee.areaCode, on: d.heldOn }, policy, 'data.heldOn')
  if (E.isLeft(own)) return own
  const founded: Extract<Event, { type: 'AssociationFounded' }> = {
    type: 'AssociationFounded',
    data: {
      associationId: d.associationId,
      name: committee.name,
      kind: committee.kind,
      regime: regimeFor(committee.kind, d.heldOn),
      scope: committee.scope,
      areaCode: committee.areaCode,
      foundedOn: d.heldOn,
      foundingMembers: permit.registrants.length,
      flags: [],
      ...(committee.parentId === undefined ? {} : { parentId: committee.parentId }),
      ...(permit.decisionRef === undefined ? {} : { decisionRef: permit.decisionRef }),
    },
  }
  const after = evolve(state, founded)
  if (after.status === 'none') return alreadyFounded(d.associationId)
  const congress = holdCongress(
    {
      associationId: d.associationId,
      number: d.number ?? ('I' as Name),
      kind: 'founding',
      form: d.form,
      heldOn: d.heldOn,
      termStart: d.termStart,
      termEnd: d.termEnd,
      delegatesExpected: d.delegatesExpected,
      delegatesPresent: d.delegatesPresent,
    },
    after,
    policy,
  )
  if (E.isLeft(congress)) return congress
  return accept(founded, ...congress.right)
}
