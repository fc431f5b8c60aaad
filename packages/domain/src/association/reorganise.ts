import * as E from 'fp-ts/lib/Either.js'
import type * as t from 'io-ts'
import type { Id, IsoDate, Name } from '../codecs.js'
import { accept, nothing, reject, type FollowUp } from '../decider.js'
import { regimeFor, scopeRank, type Scope } from '../policy.js'
import { areaClaim, release, take } from '../claim/claim.js'
import { beforeFounding, vi, type Decision } from './checks.js'
import { associationMustExist } from './guards.js'
import { placeFounding, withinArea } from './hierarchy.js'
import type { AbsorbAssociation, ConsolidateAssociations, DivideAssociation, EndByReorganisation, FoundSuccessor, SeparateAssociation, TakeOver } from './reorganisation.js'
import type { Context } from './decide.js'
import type { Event } from './events.js'
import type { Existing, State } from './state.js'

type Data<C extends t.Mixed> = t.TypeOf<C>['data']
type Body = { readonly associationId: string; readonly scope: Scope; readonly areaCode: string }

/**
 * R21: a part stays within its source: no broader scope and, when `inArea`, inside its area unless
 * the source is national. A merger may join neighbours (merged communes get a new code), so there
 * only the scope is checked.
 */
const outsideSource = (source: Existing, body: Body, field: string, inArea = true): Decision | undefined =>
  scopeRank[body.scope] < scopeRank[source.scope] || (inArea && source.scope !== 'national' && !withinArea(body.areaCode, source.areaCode))
    ? reject(
        'SuccessorOutsideSource',
        'R21',
        `${body.associationId} (${body.scope}, ${body.areaCode}) does not fit inside ${source.associationId} (${source.scope}, ${source.areaCode})`,
        `Hội ${body.associationId} (${vi.scope[body.scope]}, địa bàn ${body.areaCode}) vượt ra ngoài phạm vi, địa bàn của hội ${source.associationId}`,
        field,
      )
    : undefined

/** Every id once, and none of them the source's own. */
const notDistinct = (ids: ReadonlyArray<string>, own: string, field: string): Decision | undefined => {
  const twice = ids.find((x, i) => x === own || ids.indexOf(x) !== i)
  return twice === undefined
    ? undefined
    : reject('ReorganisationIdsNotDistinct', 'R21', `${twice} is named twice or is the source itself`, `Mã hội ${twice} bị nêu hai lần hoặc trùng với hội bị tổ chức lại`, field)
}

/** R30: the source's children move under the heir, so an heir with children to take must cover the source's area. */
const childrenOutside = (source: Existing, heir: { readonly associationId: string; readonly scope: Scope; readonly areaCode: string }, field: string): Decision | undefined =>
  source.children.length === 0 || (scopeRank[heir.scope] <= scopeRank[source.scope] && (heir.scope === 'national' || withinArea(source.areaCode, heir.areaCode)))
    ? undefined
    : reject(
        'ChildrenOutsideHeir',
        'R30',
        `The children of ${source.associationId} (${source.children.join(', ')}) move under ${heir.associationId}, whose area ${heir.areaCode} does not cover ${source.areaCode}: re-parent them first`,
        `Các hội trực thuộc ${source.associationId} (${source.children.join(', ')}) sẽ chuyển về hội ${heir.associationId} nhưng địa bàn ${heir.areaCode} không bao trùm địa bàn ${source.areaCode}: phải chuyển các hội này trước`,
        field,
      )

const tooFew = (n: number, what: string, field: string): Decision | undefined =>
  n >= 2
    ? undefined
    : reject('ReorganisationNeedsTwo', 'R21', `A ${what} needs at least two associations; ${n} given`, `Việc ${what === 'division' ? 'chia' : 'hợp nhất'} hội cần ít nhất hai hội; mới có ${n}`, field)

/** R21: divided, the source ends; its heir (the first new body unless named) carries on its records. */
export const divide = (d: Data<typeof DivideAssociation>, a: Existing): Decision => {
  if (d.dividedOn < a.foundedOn) return beforeFounding(a, d.dividedOn, 'data.dividedOn')
  const ids = d.into.map((b) => b.associationId)
  const refused =
    tooFew(d.into.length, 'division', 'data.into') ??
    notDistinct(ids, a.associationId, 'data.into') ??
    d.into.reduce<Decision | undefined>((r, b, i) => r ?? outsideSource(a, b, `data.into.${i}.areaCode`), undefined)
  if (refused !== undefined) return refused
  const heirId = d.heirId ?? d.into[0]!.associationId
  const heir = d.into.find((b) => b.associationId === heirId)
  if (heir === undefined) return reject('HeirNotASuccessor', 'R21', `The heir ${heirId} is not one of the new associations`, `Hội kế thừa ${heirId} không phải một trong các hội mới`, 'data.heirId')
  const stranded = childrenOutside(a, heir, 'data.heirId')
  if (stranded !== undefined) return stranded
  return accept(ended(a, 'divided', d.dividedOn, heirId, ids, d.decisionRef))
}

/** R21: separated, the source carries on; the new body starts with its own founding members. */
export const separate = (d: Data<typeof SeparateAssociation>, a: Existing): Decision => {
  if (d.separatedOn < a.foundedOn) return beforeFounding(a, d.separatedOn, 'data.separatedOn')
  const refused = notDistinct([d.newBody.associationId], a.associationId, 'data.newBody.associationId') ?? outsideSource(a, d.newBody, 'data.newBody.areaCode')
  if (refused !== undefined) return refused
  return accept({
    type: 'AssociationSeparated',
    data: { associationId: d.associationId, separatedOn: d.separatedOn, newAssociationId: d.newBody.associationId, ...(d.decisionRef === undefined ? {} : { decisionRef: d.decisionRef }) },
  })
}

/** R21: absorbed into an open association of no narrower scope (neighbours may merge: no area check). */
export const absorb = (d: Data<typeof AbsorbAssociation>, a: Existing, context: Context): Decision => {
  if (d.absorbedOn < a.foundedOn) return beforeFounding(a, d.absorbedOn, 'data.absorbedOn')
  if (d.intoId === d.associationId) return reject('ReorganisationIdsNotDistinct', 'R21', 'An association cannot be absorbed into itself', 'Không thể sáp nhập hội vào chính nó', 'data.intoId')
  const found = associationMustExist(context.into, d.intoId, 'data.intoId')
  if (E.isLeft(found)) return found
  const into = found.right
  if (d.absorbedOn < into.foundedOn)
    return reject('BeforeHeirFounded', 'R21', `${d.intoId} was founded only on ${into.foundedOn}`, `Hội ${d.intoId} chỉ được thành lập từ ngày ${into.foundedOn}`, 'data.absorbedOn')
  if (into.parentId === a.associationId)
    return reject(
      'HeirIsAChild',
      'R21',
      `${d.intoId} is a child of ${a.associationId}: a child cannot absorb its parent`,
      `Hội ${d.intoId} trực thuộc hội ${a.associationId}: hội cấp dưới không thể nhận sáp nhập hội cấp trên`,
      'data.intoId',
    )
  if (scopeRank[into.scope] > scopeRank[a.scope])
    return reject(
      'HeirNarrower',
      'R21',
      `${d.intoId} (${into.scope}) is narrower than ${a.associationId} (${a.scope}): an association merges only into one of its scope or broader`,
      `Hội ${d.intoId} (${vi.scope[into.scope]}) có phạm vi hẹp hơn hội ${a.associationId} (${vi.scope[a.scope]}): chỉ sáp nhập vào hội cùng cấp hoặc cấp rộng hơn`,
      'data.intoId',
    )
  const stranded = childrenOutside(a, into, 'data.intoId')
  if (stranded !== undefined) return stranded
  return accept(ended(a, 'absorbed', d.absorbedOn, d.intoId, [d.intoId], d.decisionRef))
}

const ended = (a: Existing, how: 'divided' | 'absorbed' | 'consolidated', on: IsoDate, heirId: Id, successorIds: ReadonlyArray<Id>, decisionRef: Name | undefined): Event => ({
  type: 'AssociationReorganised',
  data: { associationId: a.associationId as Id, how, reorganisedOn: on, heirId, successorIds: [...successorIds], ...(decisionRef === undefined ? {} : { decisionRef }) },
})

/** The sources, as the context loaded them under `source~<id>`. */
export const sourceKey = (id: string): `source~${string}` => `source~${id}`

/** R21: consolidated, the sources end and the new association (this stream) carries on their records. */
export const consolidate = (d: Data<typeof ConsolidateAssociations>, state: State, context: Context): Decision => {
  if (state.status !== 'none')
    return state.origin?.how === 'consolidated' && state.foundedOn === d.consolidatedOn
      ? nothing
      : reject('AssociationAlreadyFounded', 'design', `Association ${d.associationId} already exists`, `Hội ${d.associationId} đã có`, 'data.associationId')
  const refused = tooFew(d.sourceIds.length, 'consolidation', 'data.sourceIds') ?? notDistinct(d.sourceIds, d.associationId, 'data.sourceIds')
  if (refused !== undefined) return refused
  for (const [i, id] of d.sourceIds.entries()) {
    const s = associationMustExist(context[sourceKey(id)], id, `data.sourceIds.${i}`)
    if (E.isLeft(s)) return s
    if (d.consolidatedOn < s.right.foundedOn) return beforeFounding(s.right, d.consolidatedOn, 'data.consolidatedOn')
    const outside = outsideSource({ ...s.right, scope: d.scope, areaCode: d.areaCode, associationId: d.associationId }, s.right, `data.sourceIds.${i}`, false)
    if (outside !== undefined) return outside
    const stranded = childrenOutside(s.right, d, `data.sourceIds.${i}`)
    if (stranded !== undefined) return stranded
  }
  return foundBy(
    {
      associationId: d.associationId,
      name: d.name,
      kind: d.kind,
      scope: d.scope,
      areaCode: d.areaCode,
      foundedOn: d.consolidatedOn,
      foundingMembers: 0,
      origin: { how: 'consolidated', from: d.sourceIds },
      ...(d.parentId === undefined ? {} : { parentId: d.parentId }),
      ...(d.decisionRef === undefined ? {} : { decisionRef: d.decisionRef }),
    },
    context,
  )
}

/**
 * A body founded by a reorganisation: placed like any founding (R30, R37), but its members come
 * from its sources, so no founding minimum (R3), and the area a source held is no duplicate.
 */
export const foundBy = (d: Data<typeof FoundSuccessor>, context: Context): Decision => {
  const place = { associationId: d.associationId, kind: d.kind, scope: d.scope, areaCode: d.areaCode, on: d.foundedOn }
  const placed = placeFounding(place, d.parentId, context)
  if (E.isLeft(placed)) return placed
  const holder = placed.right
  if (holder !== undefined && !d.origin.from.includes(holder as Id))
    return reject('DuplicateAssociation', 'R30', `${holder} is already the ${d.kind} association of area ${d.areaCode}`, `Địa bàn ${d.areaCode} đã có hội cùng loại (${holder})`, 'data.areaCode')
  return accept({ type: 'AssociationFounded', data: { ...d, regime: regimeFor(d.kind, d.foundedOn), flags: [] } })
}

export const foundSuccessor = (d: Data<typeof FoundSuccessor>, state: State, context: Context): Decision => (state.status !== 'none' ? nothing : foundBy(d, context))

/** A source of a consolidation ends; satisfied, never refused, once it has ended. */
export const endByReorganisation = (d: Data<typeof EndByReorganisation>, state: State): Decision =>
  state.status === 'none' || state.status === 'dissolved' ? nothing : accept({ type: 'AssociationReorganised', data: d })

/** The heir records what it took over, and a staff quota carried with it adds to its own (R21: rights transfer). */
export const takeOver = (d: Data<typeof TakeOver>, state: State): Decision => {
  if (state.status === 'none' || state.status === 'dissolved' || state.predecessors.some((p) => p.fromId === d.fromId)) return nothing
  const { staffQuota, freedClaim: _, ...took } = d
  const quota: Event[] =
    staffQuota === undefined || staffQuota === 0
      ? []
      : [
          {
            type: 'StaffQuotaAssigned',
            data: { associationId: d.associationId, quota: (state.staffQuota ?? 0) + staffQuota, assignedOn: d.takenOverOn, decisionRef: `Kế thừa biên chế của hội ${d.fromId}` as Name },
          },
        ]
  return accept({ type: 'AssociationTookOver', data: took }, ...quota)
}

const to = (key: string, type: string, data: Record<string, unknown>): FollowUp => ({ key, aggregate: 'association', command: { type, data } })

/**
 * What follows the end of a source (R21): its place in the area and under its parent is freed,
 * the bodies of a division are founded, the heir takes over (and the area, if it is the same
 * claim), and the source's children move under the heir.
 */
export const followUpsOfEnd = (e: Extract<Event, { type: 'AssociationReorganised' }>, a: Existing, divided: ReadonlyArray<Data<typeof DivideAssociation>['into'][number]>): FollowUp[] => {
  const d = e.data
  const claim = a.kind === 'other' ? undefined : areaClaim(a.kind, a.areaCode)
  return [
    ...(claim === undefined ? [] : [release('area', claim, a.associationId, d.reorganisedOn)]),
    ...(a.parentId === undefined ? [] : [to('parent', 'DetachChild', { associationId: a.parentId, childId: a.associationId, detachedOn: d.reorganisedOn })]),
    ...divided.map((b) =>
      to(`successor~${b.associationId}`, 'FoundSuccessor', {
        associationId: b.associationId,
        name: b.name,
        kind: a.kind,
        scope: b.scope,
        areaCode: b.areaCode,
        foundedOn: d.reorganisedOn,
        foundingMembers: b.foundingMembers ?? 0,
        origin: { how: 'divided', from: [a.associationId] },
        ...(a.parentId === undefined ? {} : { parentId: a.parentId }),
        ...(d.decisionRef === undefined ? {} : { decisionRef: d.decisionRef }),
      }),
    ),
    to('heir', 'TakeOver', {
      associationId: d.heirId,
      fromId: a.associationId,
      how: d.how,
      takenOverOn: d.reorganisedOn,
      ...(a.staffQuota === undefined ? {} : { staffQuota: a.staffQuota }),
      ...(claim === undefined ? {} : { freedClaim: claim }),
      ...(a.predecessors.length === 0 ? {} : { alsoCarried: a.predecessors.map((p) => p.fromId) }),
    }),
    ...a.children.filter((c) => c !== d.heirId).map((c) => to(`child~${c}`, 'ReparentAssociation', { associationId: c, parentId: d.heirId, reparentedOn: d.reorganisedOn })),
  ]
}

/** The heir of a same-kind source in its own area keeps the place the source freed (R30: no duplicate after it). */
export const followUpsOfTakeOver = (e: Extract<Event, { type: 'AssociationTookOver' }>, heir: Existing, freedClaim: string | undefined): FollowUp[] =>
  freedClaim !== undefined && heir.kind !== 'other' && areaClaim(heir.kind, heir.areaCode) === freedClaim ? [take('area', freedClaim, heir.associationId, e.data.takenOverOn)] : []
