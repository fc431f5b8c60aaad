import * as E from 'fp-ts/lib/Either.js'
import { accept, nothing, reject, type Rejection } from '../decider.js'
import { regimeFor, type Policy } from '../policy.js'
import type { State as ClaimState } from '../claim/claim.js'
import { placeFounding } from './hierarchy.js'
import type * as Member from '../member/state.js'
import { associationMustExist } from './guards.js'
import { beforeFounding, vi, type Decision } from './checks.js'
import { adoptResolution, electOfficer, holdConference, holdCongress, relieveOfficer } from './congress.js'
import { dissolve, dissolvedAgain, extendSuspension, reinstate, suspend } from './lifecycle.js'
import type { Command as PublicCommand } from './commands.js'
import { endOffices, type InternalCommand } from './internal.js'
import { attachChild, detachChild, dissolveWithParent, reparent } from './reparent.js'
import type { Event } from './events.js'
import { extendPermit, holdFoundingCongress, lapsePermit, permitEstablishment, recogniseCommittee } from './founding.js'
import type { Existing, State } from './state.js'
import { absorb, consolidate, divide, endByReorganisation, foundSuccessor, separate, takeOver } from './reorganise.js'
import {
  approveCharter,
  changeHeadquarters,
  closeBranch,
  establishBranch,
  lodgeComplaint,
  notifyAuthority,
  recordAuthorityOpinion,
  recordRemuneration,
  requestExtraordinaryCongress,
  resolveComplaint,
} from './governance.js'

/** `parent` is the stream of `parentId` when founding; `member` the stream of the member being elected. */
/**
 * `parent`: the stream of `parentId` (founding, re-parenting); `member`: the member being elected;
 * `area`: the claim of the kind on the area (founding: one association of a kind per area, R30).
 */
export type Context = {
  readonly policy: Policy
  readonly parent?: State
  readonly member?: Member.State
  readonly area?: ClaimState
  /** absorbing: the association absorbing this one; consolidating: each source under `source~<id>` (R21) */
  readonly into?: State
  readonly [source: `source~${string}`]: State | undefined
}

/** What the decider takes: the public commands and those only follow-ups send. */
export type Command = PublicCommand | InternalCommand
type Data<T extends Command['type']> = Extract<Command, { type: T }>['data']

const found = (d: Data<'FoundAssociation'>, state: State, context: Context): Decision => {
  if (state.status === 'none' && state.founding !== undefined)
    return reject(
      'FoundingProcedureUnderway',
      'R5',
      `Association ${d.associationId} is being founded by its committee: its founding congress (HoldFoundingCongress) founds it`,
      `Hội ${d.associationId} đang trong thủ tục thành lập: hội được thành lập tại đại hội thành lập (HoldFoundingCongress)`,
      'data.associationId',
    )
  if (state.status !== 'none')
    return sameFounding(d, state)
      ? nothing
      : reject(
          'AssociationAlreadyFounded',
          'design',
          `Association ${d.associationId} was already founded with other facts`,
          `Hội ${d.associationId} đã được thành lập với thông tin khác`,
          'data.associationId',
        )
  const regime = regimeFor(d.kind, d.foundedOn)
  const minimum = context.policy.foundingMembers[d.scope]
  // R1: the six socio-political bodies follow their own charters, which set no founding minimum here
  if (regime !== 'own-charter' && d.foundingMembers < minimum)
    return reject(
      'FoundingMembersBelowMinimum',
      'R3',
      `A ${d.scope} association needs at least ${minimum} founding members under ${regime}; ${d.foundingMembers} given`,
      `Hội ${vi.scope[d.scope]} cần ít nhất ${minimum} thành viên sáng lập theo ${vi.regime[regime]}; mới có ${d.foundingMembers}`,
      'data.foundingMembers',
    )
  const place = { associationId: d.associationId, kind: d.kind, scope: d.scope, areaCode: d.areaCode, on: d.foundedOn }
  const placed = placeFounding(place, d.parentId, context)
  if (E.isLeft(placed)) return placed
  const holder = placed.right
  if (holder !== undefined)
    return reject('DuplicateAssociation', 'R30', `${holder} is already the ${d.kind} association of area ${d.areaCode}`, `Địa bàn ${d.areaCode} đã có hội cùng loại (${holder})`, 'data.areaCode')
  return accept({ type: 'AssociationFounded', data: { ...d, regime, flags: [] } })
}

/** The decision reference is paperwork, not a fact of the founding: it does not make a founding different. */
const sameFounding = (d: Data<'FoundAssociation'>, a: Existing): boolean =>
  a.name === d.name && a.kind === d.kind && a.scope === d.scope && a.areaCode === d.areaCode && a.foundedOn === d.foundedOn && a.foundingMembers === d.foundingMembers && a.parentId === d.parentId

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
      'StaffQuotaCannotBeHandedDown',
      'R26',
      `A staff quota cannot be handed down from ${d.allocatedFrom} to a member association or legal entity`,
      `Không được phân bổ lại chỉ tiêu biên chế của ${d.allocatedFrom} cho hội thành viên hoặc pháp nhân trực thuộc`,
      'data.allocatedFrom',
    )
  if (a.staffQuota === d.quota) return nothing
  if (!a.special)
    return reject(
      'StaffQuotaNeedsSpecialStatus',
      'R26',
      `Only a special association (hội có tính chất đặc thù) is given a staff quota; ${d.associationId} is not one`,
      `Chỉ hội có tính chất đặc thù mới được giao biên chế; hội ${d.associationId} không phải hội đặc thù`,
      'data.associationId',
    )
  if (d.assignedOn < a.foundedOn) return beforeFounding(a, d.assignedOn, 'data.assignedOn')
  return accept({
    type: 'StaffQuotaAssigned',
    data: { associationId: d.associationId, quota: d.quota, assignedOn: d.assignedOn, ...(d.decisionRef === undefined ? {} : { decisionRef: d.decisionRef }) },
  })
}

type Procedure = 'RecogniseFoundingCommittee' | 'PermitEstablishment' | 'ExtendEstablishmentPermit' | 'LapseEstablishmentPermit' | 'HoldFoundingCongress'
const onExisting = (command: Exclude<Command, { type: 'FoundAssociation' | 'ConsolidateAssociations' | Procedure | InternalCommand['type'] }>, a: Existing, context: Context): Decision => {
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
      return dissolve(command.data, a, context.policy)
    case 'ExtendSuspension':
      return extendSuspension(command.data, a, context.policy)
    case 'ReparentAssociation':
      return reparent(command.data, a, context)
    case 'DivideAssociation':
      return divide(command.data, a)
    case 'SeparateAssociation':
      return separate(command.data, a)
    case 'AbsorbAssociation':
      return absorb(command.data, a, context)
    case 'RequestExtraordinaryCongress':
      return requestExtraordinaryCongress(command.data, a)
    case 'NotifyAuthorityOfCongress':
      return notifyAuthority(command.data, a)
    case 'RecordAuthorityOpinion':
      return recordAuthorityOpinion(command.data, a)
    case 'ChangeHeadquarters':
      return changeHeadquarters(command.data, a)
    case 'ApproveCharter':
      return approveCharter(command.data, a)
    case 'LodgeComplaint':
      return lodgeComplaint(command.data, a)
    case 'ResolveComplaint':
      return resolveComplaint(command.data, a)
    case 'EstablishBranch':
      return establishBranch(command.data, a)
    case 'CloseBranch':
      return closeBranch(command.data, a)
    case 'RecordLeaderRemuneration':
      return recordRemuneration(command.data, a, context.policy)
  }
}

export const decide = (command: Command, state: State, context: Context): E.Either<Rejection, ReadonlyArray<Event>> => {
  if (command.type === 'FoundAssociation') return found(command.data, state, context)
  switch (command.type) {
    case 'ConsolidateAssociations':
      return consolidate(command.data, state, context)
    case 'FoundSuccessor':
      return foundSuccessor(command.data, state, context)
    case 'EndByReorganisation':
      return endByReorganisation(command.data, state)
    case 'TakeOver':
      return takeOver(command.data, state)
    case 'EndOfficesOfMember':
      return endOffices(command.data, state)
    case 'AttachChild':
      return attachChild(command.data, state)
    case 'DetachChild':
      return detachChild(command.data, state)
    case 'DissolveWithParent':
      return dissolveWithParent(command.data, state)
    case 'RecogniseFoundingCommittee':
      return recogniseCommittee(command.data, state, context)
    case 'PermitEstablishment':
      return permitEstablishment(command.data, state, context.policy)
    case 'ExtendEstablishmentPermit':
      return extendPermit(command.data, state, context.policy)
    case 'LapseEstablishmentPermit':
      return lapsePermit(command.data, state, context.policy)
    case 'HoldFoundingCongress':
      return holdFoundingCongress(command.data, state, context.policy)
  }
  if (command.type === 'DissolveAssociation' && state.status === 'dissolved') return dissolvedAgain(command.data, state)
  // R24: a dissolved association accepts no further commands
  const a = associationMustExist(state, command.data.associationId, 'data.associationId')
  if (E.isLeft(a)) return a
  return onExisting(command, a.right, context)
}
