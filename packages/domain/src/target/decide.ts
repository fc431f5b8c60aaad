import * as E from 'fp-ts/lib/Either.js'
import type { IsoDate } from '../codecs.js'
import { accept, nothing, reject, type Rejection } from '../decider.js'
import type { Policy } from '../policy.js'
import type * as Association from '../association/state.js'
import { associationMustExist } from '../association/guards.js'
import type { Command } from './commands.js'
import type { Event, Milestone } from './events.js'
import type { State } from './state.js'

export type Context = { readonly policy: Policy; readonly owner?: Association.State }

/** Structural equality of decoded JSON data (key order ignored). */
const same = (a: unknown, b: unknown): boolean => {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
}

type Shape = { readonly goal: number; readonly startOn: IsoDate; readonly dueOn: IsoDate; readonly milestones: ReadonlyArray<Milestone>; readonly setOn: IsoDate }

/**
 * The checks a target must pass when set and after every revision. `fields` names where each value
 * came from, so a revision that moves the due date before a kept milestone points at `data.dueOn`.
 */
const targetMustBeCoherent = (s: Shape, fields: { readonly goal: string; readonly dueOn: string; readonly setOn: string; readonly milestones: string | undefined }): E.Either<Rejection, Shape> => {
  if (s.goal < 1) return reject('GoalMustBePositive', 'design', 'A target needs a goal of at least 1', 'Chỉ tiêu phải có mục tiêu ít nhất là 1', fields.goal)
  if (s.dueOn <= s.startOn) return reject('DueNotAfterStart', 'design', `The due date must be after the start (${s.startOn})`, `Hạn hoàn thành phải sau ngày bắt đầu (${s.startOn})`, fields.dueOn)
  if (s.setOn > s.dueOn) return reject('SetAfterDue', 'design', `A target cannot be set after its due date (${s.dueOn})`, `Không thể giao chỉ tiêu sau hạn hoàn thành (${s.dueOn})`, fields.setOn)
  const outside = s.milestones.findIndex((m) => m.dueOn < s.startOn || m.dueOn > s.dueOn)
  if (outside >= 0)
    return reject(
      'MilestoneOutsideTarget',
      'design',
      `Each milestone must fall between ${s.startOn} and ${s.dueOn}`,
      `Mỗi mốc phải nằm trong khoảng ${s.startOn} đến ${s.dueOn}`,
      fields.milestones === undefined ? fields.dueOn : `${fields.milestones}.${outside}.dueOn`,
    )
  return E.right(s)
}

const notSet = (targetId: string) => reject('TargetNotSet', 'design', `No target ${targetId}`, `Không có chỉ tiêu ${targetId}`, 'data.targetId')

export const decide = (command: Command, state: State, context: Context): E.Either<Rejection, ReadonlyArray<Event>> => {
  switch (command.type) {
    case 'SetTarget': {
      const d = command.data
      if (state.status !== 'none')
        return same(state.asSet, d)
          ? nothing
          : reject(
              'TargetAlreadySet',
              'design',
              `Target ${d.targetId} was already set with other details; revise it instead`,
              `Chỉ tiêu ${d.targetId} đã được giao với nội dung khác; hãy điều chỉnh`,
              'data.targetId',
            )
      const coherent = targetMustBeCoherent(d, { goal: 'data.goal', dueOn: 'data.dueOn', setOn: 'data.setOn', milestones: 'data.milestones' })
      if (E.isLeft(coherent)) return coherent
      const owner = associationMustExist(context.owner, d.ownerAssociationId, 'data.ownerAssociationId')
      if (E.isLeft(owner)) return owner
      return accept({ type: 'TargetSet', data: d })
    }
    case 'ReviseTarget': {
      const d = command.data
      if (state.status === 'none') return notSet(d.targetId)
      if (state.status === 'withdrawn') return reject('TargetWithdrawn', 'design', `Target ${d.targetId} was withdrawn`, `Chỉ tiêu ${d.targetId} đã bị hủy bỏ`, 'data.targetId')
      const revised = { goal: d.goal ?? state.goal, startOn: state.startOn, dueOn: d.dueOn ?? state.dueOn, milestones: d.milestones ?? state.milestones, setOn: state.setOn }
      if (revised.goal === state.goal && revised.dueOn === state.dueOn && same(revised.milestones, state.milestones)) return nothing
      if (d.revisedOn < state.setOn)
        return reject('RevisionBeforeSet', 'design', `A target cannot be revised before it was set (${state.setOn})`, `Không thể điều chỉnh chỉ tiêu trước khi giao (${state.setOn})`, 'data.revisedOn')
      const coherent = targetMustBeCoherent(revised, { goal: 'data.goal', dueOn: 'data.dueOn', setOn: 'data.dueOn', milestones: d.milestones === undefined ? undefined : 'data.milestones' })
      if (E.isLeft(coherent)) return coherent
      return accept({ type: 'TargetRevised', data: d })
    }
    case 'WithdrawTarget': {
      const d = command.data
      if (state.status === 'none') return notSet(d.targetId)
      if (state.status === 'withdrawn') return nothing
      if (d.withdrawnOn < state.setOn)
        return reject(
          'WithdrawalBeforeSet',
          'design',
          `A target cannot be withdrawn before it was set (${state.setOn})`,
          `Không thể hủy bỏ chỉ tiêu trước khi giao (${state.setOn})`,
          'data.withdrawnOn',
        )
      return accept({ type: 'TargetWithdrawn', data: d })
    }
  }
}
