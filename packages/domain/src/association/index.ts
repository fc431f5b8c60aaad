import type { AggregateModule, Decider, FollowUp, Need } from '../decider.js'
import { decide, type Command, type Context } from './decide.js'
import { evolve, initialState, type Existing, type Registrant, type State } from './state.js'
import { founderMemberId } from './founding.js'
import { streamId } from './commands.js'
import type { Event } from './events.js'
import { streamId as memberStream } from '../member/commands.js'
import { areaClaim, release, streamId as claimStream, take } from '../claim/claim.js'
import { claimsArea } from './hierarchy.js'
import { followUpsOfEnd, followUpsOfTakeOver, sourceKey } from './reorganise.js'

export * from './events.js'
export * from './commands.js'
export { InternalCommand, internalCommandCodecs, EndOfficesOfMember, AttachChild, DetachChild, DissolveWithParent } from './internal.js'
export * from './reorganisation.js'
export { decide, evolve, initialState }
export type { Context, State }
export type { Existing, Officer, Term, Congress } from './state.js'

export const decider: Decider<Command, Event, State, Context> = { decide, evolve, initialState, isTerminal: (s) => s.status === 'dissolved' }

const needsOf = (c: Command): ReadonlyArray<Need> => {
  switch (c.type) {
    case 'FoundAssociation':
      return [
        ...(c.data.parentId === undefined ? [] : [{ key: 'parent', aggregate: 'association', streamId: streamId(c.data.parentId) } as const]),
        ...(c.data.kind === 'other' ? [] : [{ key: 'area', aggregate: 'claim', streamId: claimStream(areaClaim(c.data.kind, c.data.areaCode)) } as const]),
      ]
    case 'RecogniseFoundingCommittee':
      return [
        ...(c.data.parentId === undefined ? [] : [{ key: 'parent', aggregate: 'association', streamId: streamId(c.data.parentId) } as const]),
        ...(c.data.kind === 'other' ? [] : [{ key: 'area', aggregate: 'claim', streamId: claimStream(areaClaim(c.data.kind, c.data.areaCode)) } as const]),
      ]
    case 'ReparentAssociation':
      return [{ key: 'parent', aggregate: 'association', streamId: streamId(c.data.parentId) }]
    case 'AbsorbAssociation':
      return [{ key: 'into', aggregate: 'association', streamId: streamId(c.data.intoId) }]
    case 'FoundSuccessor':
    case 'ConsolidateAssociations':
      return [
        ...(c.data.parentId === undefined ? [] : [{ key: 'parent', aggregate: 'association', streamId: streamId(c.data.parentId) } as const]),
        ...(c.data.kind === 'other' ? [] : [{ key: 'area', aggregate: 'claim', streamId: claimStream(areaClaim(c.data.kind, c.data.areaCode)) } as const]),
        ...(c.type === 'FoundSuccessor' ? [] : c.data.sourceIds.map((id) => ({ key: sourceKey(id), aggregate: 'association', streamId: streamId(id) }) as const)),
      ]
    case 'ElectOfficer':
      return [{ key: 'member', aggregate: 'member', streamId: memberStream(c.data.memberId) }]
    default:
      return []
  }
}

const to = (key: string, type: string, data: Record<string, unknown>): FollowUp => ({ key, aggregate: 'association', command: { type, data } })

/**
 * The parent keeps its list of children (R30), the kind keeps its place in the area, and a
 * dissolved parent's children go where its dissolution said.
 */
const followUpsOf = (command: Command, e: Event, a: Existing, context: Context): ReadonlyArray<FollowUp> => {
  switch (e.type) {
    case 'AssociationFounded': {
      const d = e.data
      const parent = context.parent !== undefined && context.parent.status !== 'none' ? context.parent : undefined
      // a consolidation's area is still held by the source it replaces, which hands it over as it ends
      const heldBySource = context.area?.owner !== undefined && d.origin?.from.includes(context.area.owner as never) === true
      return [
        ...(claimsArea(d.kind, d.areaCode, parent) && !heldBySource ? [take('area', areaClaim(d.kind, d.areaCode), d.associationId, d.foundedOn)] : []),
        ...(command.type === 'HoldFoundingCongress' && d.regime === 'decree-126-2024' ? a.founders.map((r) => admitFounder(d.associationId, r, d.foundedOn)) : []),
        ...(d.parentId === undefined ? [] : [to('parent', 'AttachChild', { associationId: d.parentId, childId: d.associationId, attachedOn: d.foundedOn })]),
        ...(d.origin?.how !== 'consolidated'
          ? []
          : d.origin.from.map((id) =>
              to(`source~${id}`, 'EndByReorganisation', {
                associationId: id,
                how: 'consolidated',
                reorganisedOn: d.foundedOn,
                heirId: d.associationId,
                successorIds: [d.associationId],
                ...(d.decisionRef === undefined ? {} : { decisionRef: d.decisionRef }),
              }),
            )),
      ]
    }
    case 'AssociationReorganised':
      return followUpsOfEnd(e, a, command.type === 'DivideAssociation' ? command.data.into : [])
    case 'AssociationSeparated': {
      if (command.type !== 'SeparateAssociation') return []
      const b = command.data.newBody
      return [
        to(`successor~${b.associationId}`, 'FoundSuccessor', {
          associationId: b.associationId,
          name: b.name,
          kind: a.kind,
          scope: b.scope,
          areaCode: b.areaCode,
          foundedOn: e.data.separatedOn,
          foundingMembers: b.foundingMembers ?? 0,
          origin: { how: 'separated', from: [a.associationId] },
          ...(a.parentId === undefined ? {} : { parentId: a.parentId }),
          ...(e.data.decisionRef === undefined ? {} : { decisionRef: e.data.decisionRef }),
        }),
      ]
    }
    case 'AssociationTookOver':
      return followUpsOfTakeOver(e, a, command.type === 'TakeOver' ? command.data.freedClaim : undefined)
    case 'AssociationReparented': {
      const d = e.data
      return [
        ...(d.previousParentId === undefined ? [] : [to('detach', 'DetachChild', { associationId: d.previousParentId, childId: d.associationId, detachedOn: d.reparentedOn })]),
        to('attach', 'AttachChild', { associationId: d.parentId, childId: d.associationId, attachedOn: d.reparentedOn }),
      ]
    }
    case 'AssociationDissolved': {
      const d = e.data
      return [
        ...(a.kind === 'other' ? [] : [release('area', areaClaim(a.kind, a.areaCode), a.associationId, d.dissolvedOn)]),
        ...(a.parentId === undefined ? [] : [to('parent', 'DetachChild', { associationId: a.parentId, childId: a.associationId, detachedOn: d.dissolvedOn })]),
        ...(d.children ?? []).map((f) =>
          f.fate === 'reparent'
            ? to(`child~${f.associationId}`, 'ReparentAssociation', { associationId: f.associationId, parentId: f.parentId, reparentedOn: d.dissolvedOn })
            : to(`child~${f.associationId}`, 'DissolveWithParent', { associationId: f.associationId, parentId: a.associationId, dissolvedOn: d.dissolvedOn }),
        ),
      ]
    }
    default:
      return []
  }
}

/** R7 (Decree 126): whoever registered to found the association is an official member from its founding. */
const admitFounder = (associationId: string, r: Registrant, on: string): FollowUp => {
  const memberId = founderMemberId(associationId, r.personId)
  return {
    key: `founder~${r.personId}`,
    aggregate: 'member',
    command: { type: 'AdmitMember', data: { memberId, associationId, personId: r.personId, fullName: r.fullName, birthDate: r.birthDate, gender: r.gender, category: 'official', admittedOn: on } },
  }
}

/** The procedure holds the kind's place in the area from the committee's recognition; a lapsed permit frees it (R5, R30). */
const followUpsOfFounding = (e: Event, state: State, context: Context): ReadonlyArray<FollowUp> => {
  const f = state.status === 'none' ? state.founding : undefined
  if (f === undefined) return []
  const c = f.committee
  switch (e.type) {
    case 'FoundingCommitteeRecognised': {
      const parent = context.parent !== undefined && context.parent.status !== 'none' ? context.parent : undefined
      return claimsArea(c.kind, c.areaCode, parent) ? [take('area', areaClaim(c.kind, c.areaCode), c.associationId, c.recognisedOn)] : []
    }
    case 'EstablishmentPermitLapsed':
      return c.kind === 'other' ? [] : [release('area', areaClaim(c.kind, c.areaCode), c.associationId, e.data.lapsedOn)]
    default:
      return []
  }
}

export const association: AggregateModule<Command, Event, State, Context> = {
  name: 'association',
  decider,
  streamOf: (c) => streamId(c.data.associationId),
  needs: needsOf,
  followUps: (command, events, state, context) =>
    state.status === 'none' ? events.flatMap((e) => followUpsOfFounding(e, state, context)) : events.flatMap((e) => followUpsOf(command, e, state, context)),
}
