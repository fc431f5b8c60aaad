import * as E from 'fp-ts/lib/Either.js'
import { reject, type Rejection } from '../decider.js'
import { scopeRank, type AssociationKind, type Policy, type Scope } from '../policy.js'
import { heldByOther, type State as ClaimState } from '../claim/claim.js'
import { vi } from './checks.js'
import { associationMustExist } from './guards.js'
import type { State, Existing } from './state.js'

/** How many parts an area code has at each scope: province `12`, district `12.105`, commune `12.105.03`. */
const areaParts: Readonly<Partial<Record<Scope, number>>> = { province: 1, district: 2, commune: 3 }
export const withinArea = (area: string, outer: string): boolean => area === outer || area.startsWith(`${outer}.`)

export type Placement = {
  readonly associationId: string
  readonly kind: AssociationKind
  readonly scope: Scope
  readonly areaCode: string
  /** the date the association takes its place: founding or re-parenting */
  readonly on: string
}

/** Where an association sits must make sense on its own (R30, R37), whatever its parent. */
export const checkOwnPlace = (p: Placement, policy: Policy, dateField: string): E.Either<Rejection, void> => {
  const parts = areaParts[p.scope]
  if (parts !== undefined && p.areaCode.split('.').length !== parts)
    return reject(
      'ScopeDoesNotMatchArea',
      'R30',
      `A ${p.scope} association needs a ${p.scope} area code (${parts} part${parts === 1 ? '' : 's'}); ${p.areaCode} is not one`,
      `Hội ${vi.scope[p.scope]} phải có mã địa bàn ${vi.scope[p.scope]} (${parts} cấp); ${p.areaCode} không phải`,
      'data.areaCode',
    )
  const abolished = policy.abolishedScopes.find((a) => a.scope === p.scope && p.on >= a.from)
  if (abolished !== undefined)
    return reject(
      'ScopeAbolished',
      'R37',
      `The ${p.scope} level no longer exists from ${abolished.from}: no ${p.scope} association can take a place on ${p.on}`,
      `Từ ngày ${abolished.from} không còn cấp ${vi.scope[p.scope].replace('cấp ', '')}: không thể lập hoặc chuyển hội ${vi.scope[p.scope]} vào ngày ${p.on}`,
      dateField,
    )
  return E.right(undefined)
}

/** A parent exists, is open, is not the association itself, is not narrower, was there first and covers the child's area (R30). */
export const checkParent = (p: Placement, parentId: string, parentState: State | undefined, dateField: string): E.Either<Rejection, Existing> => {
  if (parentId === p.associationId) return reject('ParentIsItself', 'R30', 'An association cannot be its own parent', 'Hội không thể trực thuộc chính mình', 'data.parentId')
  const found = associationMustExist(parentState, parentId, 'data.parentId')
  if (E.isLeft(found)) return found
  const parent = found.right
  // same scope is allowed: the Front's member organisations and a bloc's veterans sit at their parent's level
  if (scopeRank[parent.scope] > scopeRank[p.scope])
    return reject(
      'ParentScopeNarrower',
      'R30',
      `The parent ${parentId} (${parent.scope}) must not have a narrower scope than ${p.scope}`,
      `Hội cấp trên ${parentId} (${vi.scope[parent.scope]}) không được có phạm vi hẹp hơn hội ${vi.scope[p.scope]}`,
      'data.parentId',
    )
  if (p.on < parent.foundedOn)
    return reject(
      'BeforeParentFounded',
      'R30',
      `The parent ${parentId} was founded only on ${parent.foundedOn}; ${p.on} is earlier`,
      `Hội cấp trên ${parentId} chỉ được thành lập từ ngày ${parent.foundedOn}; ngày ${p.on} sớm hơn`,
      dateField,
    )
  if (parent.scope !== 'national' && !withinArea(p.areaCode, parent.areaCode))
    return reject(
      'AreaOutsideParent',
      'R30',
      `Area ${p.areaCode} is outside the parent's area ${parent.areaCode}`,
      `Địa bàn ${p.areaCode} nằm ngoài địa bàn ${parent.areaCode} của hội cấp trên`,
      'data.areaCode',
    )
  if (parent.parentId === p.associationId)
    return reject('ParentCycle', 'R30', `${parentId} is itself a child of ${p.associationId}`, `Hội ${parentId} đang trực thuộc chính hội ${p.associationId}`, 'data.parentId')
  return E.right(parent)
}

/**
 * Kinds with one association per area: the area claim is taken at founding. `other` covers many
 * different professions and interests, so it has none; a same-kind bloc under its own parent in the
 * parent's area (veterans of the provincial agencies) is no duplicate.
 */
export const claimsArea = (kind: AssociationKind, areaCode: string, parent: Existing | undefined): boolean =>
  kind !== 'other' && !(parent !== undefined && parent.kind === kind && parent.areaCode === areaCode)

/**
 * A new association's place (R30, R37): its own place, its parent's, and who already holds its
 * area (undefined when none, or when it does not claim one): the check of a founding, whether by
 * a founding committee or by a reorganisation.
 */
export const placeFounding = (
  p: Placement,
  parentId: string | undefined,
  context: { readonly policy: Policy; readonly parent?: State; readonly area?: ClaimState },
): E.Either<Rejection, string | undefined> => {
  const own = checkOwnPlace(p, context.policy, 'data.foundedOn')
  if (E.isLeft(own)) return own
  const parent = parentId === undefined ? E.right(undefined) : checkParent(p, parentId, context.parent, 'data.foundedOn')
  if (E.isLeft(parent)) return parent
  return E.right(claimsArea(p.kind, p.areaCode, parent.right) ? heldByOther(context.area, p.associationId) : undefined)
}
