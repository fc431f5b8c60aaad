import * as E from 'fp-ts/lib/Either.js'
import { accept, nothing, reject, type Rejection } from '../decider.js'
import type { Policy } from '../policy.js'
import type { Command, InternalCommand } from './commands.js'
import type { Event, UnitLevel } from './events.js'
import type { Existing, State } from './state.js'

/** `parent`: the unit named as parent (creating, re-parenting); `into`: the unit merged into. */
export type Context = { readonly policy: Policy; readonly parent?: State; readonly into?: State }
type Decision = E.Either<Rejection, ReadonlyArray<Event>>
type Data<T extends (Command | InternalCommand)['type']> = Extract<Command | InternalCommand, { type: T }>['data']

const rank: Readonly<Record<UnitLevel, number>> = { province: 1, district: 2, commune: 3 }
const levelVi: Readonly<Record<UnitLevel, string>> = { province: 'tỉnh', district: 'huyện', commune: 'xã' }

const notFound = (unitId: string, field: string) => reject('AdminUnitNotFound', 'R30', `No administrative unit ${unitId}`, `Không có đơn vị hành chính ${unitId}`, field)
const ended = (u: Existing, field: string) =>
  reject('AdminUnitEnded', 'R30', `Administrative unit ${u.unitId} ended on ${u.endedOn ?? '?'}`, `Đơn vị hành chính ${u.unitId} đã chấm dứt từ ngày ${u.endedOn ?? '?'}`, field)
const beforeCreated = (u: Existing, on: string, field: string) =>
  reject('BeforeAdminUnitCreated', 'R30', `${u.unitId} exists only from ${u.createdOn}; ${on} is earlier`, `Đơn vị ${u.unitId} chỉ có từ ngày ${u.createdOn}; ngày ${on} sớm hơn`, field)

/** R30: one parent at a date, of a broader level, in force on that date. */
const checkParent = (child: { unitId: string; level: UnitLevel }, parentId: string, parent: State | undefined, on: string, field: string): Decision | undefined => {
  if (parentId === child.unitId) return reject('ParentIsItself', 'R30', 'A unit cannot be its own parent', 'Đơn vị không thể trực thuộc chính mình', field)
  if (parent === undefined || parent.status === 'none') return notFound(parentId, field)
  if (parent.status !== 'active') return ended(parent, field)
  if (on < parent.createdOn) return beforeCreated(parent, on, field)
  if (rank[parent.level] >= rank[child.level])
    return reject('ParentLevelNotBroader', 'R30', `A ${child.level} cannot sit under a ${parent.level}`, `Cấp ${levelVi[child.level]} không thể trực thuộc cấp ${levelVi[parent.level]}`, field)
  return undefined
}

/** R37: a level abolished from a date gets no new unit from then on. */
const checkLevel = (level: UnitLevel, on: string, policy: Policy, field: string): Decision | undefined => {
  const abolished = policy.abolishedScopes.find((a) => a.scope === level && on >= a.from)
  return abolished === undefined
    ? undefined
    : reject('LevelAbolished', 'R37', `The ${level} level no longer exists from ${abolished.from}`, `Từ ngày ${abolished.from} không còn cấp ${levelVi[level]}`, field)
}

const create = (d: Data<'CreateAdminUnit'>, state: State, context: Context): Decision => {
  if (state.status !== 'none')
    return state.name === d.name && state.level === d.level && state.createdOn === d.createdOn && state.parentId === d.parentId
      ? nothing
      : reject('AdminUnitAlreadyExists', 'design', `Administrative unit ${d.unitId} already exists`, `Đơn vị hành chính ${d.unitId} đã có`, 'data.unitId')
  const refused =
    checkLevel(d.level, d.createdOn, context.policy, 'data.createdOn') ??
    (d.parentId === undefined
      ? d.level === 'province'
        ? undefined
        : reject('ParentMissing', 'R30', `A ${d.level} needs a parent unit`, `Cấp ${levelVi[d.level]} phải có đơn vị cấp trên`, 'data.parentId')
      : checkParent(d, d.parentId, context.parent, d.createdOn, 'data.parentId'))
  return refused ?? accept({ type: 'AdminUnitCreated', data: d })
}

const onExisting = (command: Exclude<Command, { type: 'CreateAdminUnit' }>, u: Existing, context: Context): Decision => {
  switch (command.type) {
    case 'RenameAdminUnit': {
      const d = command.data
      if (u.name === d.name) return nothing
      if (u.status !== 'active') return ended(u, 'data.unitId')
      if (d.renamedOn < u.createdOn) return beforeCreated(u, d.renamedOn, 'data.renamedOn')
      return accept({ type: 'AdminUnitRenamed', data: d })
    }
    case 'MergeAdminUnit': {
      const d = command.data
      if (u.status === 'merged' && u.mergedInto === d.intoId && u.endedOn === d.mergedOn) return nothing
      if (u.status !== 'active') return ended(u, 'data.unitId')
      if (d.mergedOn < u.createdOn) return beforeCreated(u, d.mergedOn, 'data.mergedOn')
      if (d.intoId === d.unitId) return reject('MergeIntoItself', 'R30', 'A unit cannot be merged into itself', 'Không thể sáp nhập đơn vị vào chính nó', 'data.intoId')
      const into = context.into
      if (into === undefined || into.status === 'none') return notFound(d.intoId, 'data.intoId')
      if (into.status !== 'active') return ended(into, 'data.intoId')
      if (into.level !== u.level)
        return reject(
          'MergeAcrossLevels',
          'R30',
          `A ${u.level} merges only into another ${u.level}; ${d.intoId} is a ${into.level}`,
          `Đơn vị cấp ${levelVi[u.level]} chỉ sáp nhập vào đơn vị cùng cấp; ${d.intoId} là cấp ${levelVi[into.level]}`,
          'data.intoId',
        )
      if (u.children.length > 0) return childrenLeft(u, 'data.unitId')
      return accept({ type: 'AdminUnitMerged', data: d })
    }
    case 'ReparentAdminUnit': {
      const d = command.data
      if (u.parentId === d.parentId) return nothing
      if (u.status !== 'active') return ended(u, 'data.unitId')
      if (d.reparentedOn < u.createdOn) return beforeCreated(u, d.reparentedOn, 'data.reparentedOn')
      const refused = checkParent(u, d.parentId, context.parent, d.reparentedOn, 'data.parentId')
      return refused ?? accept({ type: 'AdminUnitReparented', data: { ...d, ...(u.parentId === undefined ? {} : { previousParentId: u.parentId }) } })
    }
    case 'AbolishAdminUnit': {
      const d = command.data
      if (u.status === 'abolished' && u.endedOn === d.abolishedOn) return nothing
      if (u.status !== 'active') return ended(u, 'data.unitId')
      if (d.abolishedOn < u.createdOn) return beforeCreated(u, d.abolishedOn, 'data.abolishedOn')
      if (u.children.length > 0) return childrenLeft(u, 'data.unitId')
      return accept({ type: 'AdminUnitAbolished', data: d })
    }
  }
}

/** R30: every unit has one parent at every date, so a unit ends only once its subunits were moved or ended. */
const childrenLeft = (u: Existing, field: string): Decision =>
  reject(
    'SubunitsRemain',
    'R30',
    `${u.unitId} still has subunits (${u.children.join(', ')}): re-parent, merge or abolish them first`,
    `Đơn vị ${u.unitId} còn đơn vị trực thuộc (${u.children.join(', ')}): phải chuyển, sáp nhập hoặc giải thể trước`,
    field,
  )

export const decide = (command: Command | InternalCommand, state: State, context: Context): Decision => {
  switch (command.type) {
    case 'CreateAdminUnit':
      return create(command.data, state, context)
    case 'AttachSubunit':
      return state.status === 'none' || state.children.includes(command.data.childId) ? nothing : accept({ type: 'SubunitAttached', data: command.data })
    case 'DetachSubunit':
      return state.status === 'none' || !state.children.includes(command.data.childId) ? nothing : accept({ type: 'SubunitDetached', data: command.data })
    default:
      return state.status === 'none' ? notFound(command.data.unitId, 'data.unitId') : onExisting(command, state, context)
  }
}
