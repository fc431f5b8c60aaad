import * as E from 'fp-ts/lib/Either.js'
import { accept, nothing, reject, type Rejection } from '../decider.js'
import { regimeFor, scopeRank, type Policy } from '../policy.js'
import type * as Member from '../member/state.js'
import { associationMustExist } from './guards.js'
import { beforeFounding, vi, type Decision } from './checks.js'
import { adoptResolution, electOfficer, holdConference, holdCongress, relieveOfficer } from './congress.js'
import { dissolve, reinstate, suspend } from './lifecycle.js'
import type { Command } from './commands.js'
import type { Event } from './events.js'
import type { Existing, State } from './state.js'

/** `parent` is the stream of `parentId` when founding; `member` the stream of the member being elected. */
export type Context = { readonly policy: Policy; readonly parent?: State; readonly member?: Member.State }

type Data<T extends Command['type']> = Extract<Command, { type: T }>['data']

const found = (d: Data<'FoundAssociation'>, state: State, context: Context): Decision => {
  if (state.status !== 'none')
    return sameFounding(d, state)
      ? nothing
      : reject('AssociationAlreadyFounded', 'design', `Association ${d.associationId} was already founded with other facts`, `Hội ${d.associationId} đã được thành lập với thông tin khác`, 'data.associationId')
  const regime = regimeFor(d.kind, d.foundedOn)
  const minimum = context.policy.foundingMembers[d.scope]
  // R1: the six socio-political bodies follow their own charters, which set no founding minimum here
  if (regime !== 'own-charter' && d.foundingMembers < minimum)
    return reject(
      'FoundingMembersBelowMinimum', 'R3',
      `A ${d.scope} association needs at least ${minimum} founding members under ${regime}; ${d.foundingMembers} given`,
      `Hội ${vi.scope[d.scope]} cần ít nhất ${minimum} thành viên sáng lập theo ${vi.regime[regime]}; mới có ${d.foundingMembers}`,
      'data.foundingMembers',
    )
  if (d.parentId !== undefined) {
    if (d.parentId === d.associationId)
      return reject('ParentIsItself', 'R30', 'An association cannot be its own parent', 'Hội không thể trực thuộc chính mình', 'data.parentId')
    const parent = associationMustExist(context.parent, d.parentId, 'data.parentId')
    if (E.isLeft(parent)) return parent
    // same scope is allowed: the Front's member organisations and a bloc's veterans sit at their parent's level
    if (scopeRank[parent.right.scope] > scopeRank[d.scope])
      return reject(
        'ParentScopeNarrower', 'R30',
        `The parent ${d.parentId} (${parent.right.scope}) must not have a narrower scope than ${d.scope}`,
        `Hội cấp trên ${d.parentId} (${vi.scope[parent.right.scope]}) không được có phạm vi hẹp hơn hội ${vi.scope[d.scope]}`,
        'data.parentId',
      )
  }
  return accept({ type: 'AssociationFounded', data: { ...d, regime, flags: [] } })
}

/** The decision reference is paperwork, not a fact of the founding: it does not make a founding different. */
const sameFounding = (d: Data<'FoundAssociation'>, a: Existing): boolean =>
  a.name === d.name && a.kind === d.kind && a.scope === d.scope && a.areaCode === d.areaCode && a.foundedOn === d.foundedOn &&
  a.foundingMembers === d.foundingMembers && a.parentId === d.parentId

const rename = (d: Data<'RenameAssociation'>, a: Existing): Decision => {
  if (a.name === d.name) return nothing
  if (d.renamedOn < a.foundedOn) return beforeFounding(a, d.renamedOn, 'data.renamedOn')
  return accept({ type: 'AssociationRenamed', data: d })
}

const grantSpecialStatus = (d: Data<'GrantSpecialStatus'>, a: Existing): Decision => {
  if (a.special) return nothing
  if (d.grantedOn < a.foundedOn) return beforeFounding(a, d.grantedOn, 'data.grantedOn')
  return accept({ type: 'SpecialStatusGranted', data: d })
}

const revokeSpecialStatus = (d: Data<'RevokeSpecialStatus'>, a: Existing): Decision => {
  if (!a.special)
    return a.specialRevokedOn === d.revokedOn
      ? nothing
      : reject('SpecialStatusNotGranted', 'design', `Association ${d.associationId} does not have special status`, `Hội ${d.associationId} không phải hội có tính chất đặc thù`, 'data.associationId')
  if (d.revokedOn < a.foundedOn) return beforeFounding(a, d.revokedOn, 'data.revokedOn')
  return accept({ type: 'SpecialStatusRevoked', data: d })
}

const assignStaffQuota = (d: Data<'AssignStaffQuota'>, a: Existing): Decision => {
  if (d.allocatedFrom !== undefined)
    return reject(
      'StaffQuotaCannotBeHandedDown', 'R26',
      `A staff quota cannot be handed down from ${d.allocatedFrom} to a member association or legal entity`,
      `Không được phân bổ lại chỉ tiêu biên chế của ${d.allocatedFrom} cho hội thành viên hoặc pháp nhân trực thuộc`,
      'data.allocatedFrom',
    )
  if (a.staffQuota === d.quota) return nothing
  if (d.assignedOn < a.foundedOn) return beforeFounding(a, d.assignedOn, 'data.assignedOn')
  return accept({
    type: 'StaffQuotaAssigned',
    data: { associationId: d.associationId, quota: d.quota, assignedOn: d.assignedOn, ...(d.decisionRef === undefined ? {} : { decisionRef: d.decisionRef }) },
  })
}

const onExisting = (command: Exclude<Command, { type: 'FoundAssociation' }>, a: Existing, context: Context): Decision => {
  switch (command.type) {
    case 'RenameAssociation':
      return rename(command.data, a)
    case 'GrantSpecialStatus':
      return grantSpecialStatus(command.data, a)
    case 'RevokeSpecialStatus':
      return revokeSpecialStatus(command.data, a)
    case 'AssignStaffQuota':
      return assignStaffQuota(command.data, a)
    case 'HoldCongress':
      return holdCongress(command.data, a, context.policy)
    case 'ElectOfficer':
      return electOfficer(command.data, a, context.member)
    case 'RelieveOfficer':
      return relieveOfficer(command.data, a)
    case 'AdoptResolution':
      return adoptResolution(command.data, a)
    case 'HoldConference':
      return holdConference(command.data, a)
    case 'SuspendAssociation':
      return suspend(command.data, a, context.policy)
    case 'ReinstateAssociation':
      return reinstate(command.data, a)
    case 'DissolveAssociation':
      return dissolve(command.data, a)
  }
}

export const decide = (command: Command, state: State, context: Context): E.Either<Rejection, ReadonlyArray<Event>> => {
  if (command.type === 'FoundAssociation') return found(command.data, state, context)
  if (command.type === 'DissolveAssociation' && state.status === 'dissolved') return nothing
  // R24: a dissolved association accepts no further commands
  const a = associationMustExist(state, command.data.associationId, 'data.associationId')
  if (E.isLeft(a)) return a
  return onExisting(command, a.right, context)
}
