import * as E from 'fp-ts/lib/Either.js'
import type * as t from 'io-ts'
import type { Id } from '../codecs.js'
import { accept, nothing, reject } from '../decider.js'
import { beforeFounding, type Decision } from './checks.js'
import { checkOwnPlace, checkParent } from './hierarchy.js'
import type { Command } from './commands.js'
import type { AttachChild, DetachChild, DissolveWithParent } from './internal.js'
import type { Context } from './decide.js'
import type { Existing, State } from './state.js'
import { branchesEnding } from './governance.js'

type Data<T extends Command['type']> = Extract<Command, { type: T }>['data']

/** R30: a new parent that exists, is open, covers the area and was there first; the same parent again is satisfied. */
export const reparent = (d: Data<'ReparentAssociation'>, a: Existing, context: Context): Decision => {
  if (a.parentId === d.parentId) return nothing
  if (d.reparentedOn < a.foundedOn) return beforeFounding(a, d.reparentedOn, 'data.reparentedOn')
  const place = { associationId: a.associationId, kind: a.kind, scope: a.scope, areaCode: a.areaCode, on: d.reparentedOn }
  // an association of an abolished level may still be moved (that is how the restructuring places it), so only the area is checked here
  const own = checkOwnPlace(place, { ...context.policy, abolishedScopes: [] }, 'data.reparentedOn')
  if (E.isLeft(own)) return own
  const parent = checkParent(place, d.parentId, context.parent, 'data.reparentedOn')
  if (E.isLeft(parent)) return parent
  return accept({
    type: 'AssociationReparented',
    data: { ...d, ...(a.parentId === undefined ? {} : { previousParentId: a.parentId as Id }) },
  })
}

export const attachChild = (d: t.TypeOf<typeof AttachChild>['data'], state: State): Decision =>
  state.status === 'none' || state.status === 'dissolved' || state.children.includes(d.childId) ? nothing : accept({ type: 'ChildAttached', data: d })

export const detachChild = (d: t.TypeOf<typeof DetachChild>['data'], state: State): Decision =>
  state.status === 'none' || state.status === 'dissolved' || !state.children.includes(d.childId) ? nothing : accept({ type: 'ChildDetached', data: d })

/** Dissolved with its parent (R30): only a child of that parent, and its own children end with it. */
export const dissolveWithParent = (d: t.TypeOf<typeof DissolveWithParent>['data'], state: State): Decision => {
  if (state.status === 'none' || state.status === 'dissolved') return nothing
  if (state.parentId !== d.parentId)
    return reject('NotAChild', 'R30', `${d.associationId} is not a child of ${d.parentId}`, `Hội ${d.associationId} không trực thuộc hội ${d.parentId}`, 'data.parentId')
  const on = d.dissolvedOn < state.foundedOn ? state.foundedOn : d.dissolvedOn
  return accept(...branchesEnding(state, on), {
    type: 'AssociationDissolved',
    data: {
      associationId: d.associationId,
      dissolvedOn: on,
      dissolution: 'compulsory',
      ground: 'parent-dissolved',
      ...(state.children.length === 0 ? {} : { children: state.children.map((associationId) => ({ associationId: associationId as Id, fate: 'dissolve' as const })) }),
    },
  })
}
