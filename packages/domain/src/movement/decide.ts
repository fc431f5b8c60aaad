import * as E from 'fp-ts/lib/Either.js'
import { accept, nothing, reject, type Rejection } from '../decider.js'
import type { Policy } from '../policy.js'
import type * as Association from '../association/state.js'
import { associationMustBeOpen } from '../association/guards.js'
import type { Command } from './commands.js'
import type { Event } from './events.js'
import type { State } from './state.js'
import { hasId } from '../ids.js'

export type Context = { readonly policy: Policy; readonly owner?: Association.State }

export const decide = (command: Command, state: State, context: Context): E.Either<Rejection, ReadonlyArray<Event>> => {
  switch (command.type) {
    case 'LaunchEmulationMovement': {
      const d = command.data
      if (state.status !== 'none')
        return state.ownerAssociationId === d.ownerAssociationId && state.cycleStart === d.cycleStart && state.cycleEnd === d.cycleEnd
          ? nothing
          : reject('MovementAlreadyLaunched', 'design', `Movement ${d.movementId} was already launched`, `Phong trào ${d.movementId} đã được phát động`, 'data.movementId')
      if (d.cycleEnd < d.cycleStart)
        return reject('CycleEndsBeforeStart', 'design', 'The cycle must end in or after its first year', 'Giai đoạn phải kết thúc cùng hoặc sau năm bắt đầu', 'data.cycleEnd')
      const owner = associationMustBeOpen(context.owner, d.ownerAssociationId, 'data.ownerAssociationId')
      if (E.isLeft(owner)) return owner
      return accept({ type: 'EmulationMovementLaunched', data: d })
    }
    case 'AwardCommendation': {
      const d = command.data
      if (state.status === 'none') return reject('MovementNotFound', 'design', `No movement ${d.movementId}`, `Không có phong trào ${d.movementId}`, 'data.movementId')
      if (hasId(state.commendationIds, d.commendationId)) return nothing
      if (state.status === 'concluded')
        return reject('MovementConcluded', 'design', 'The movement is concluded: no further commendations', 'Phong trào đã tổng kết, không khen thưởng thêm', 'data.movementId')
      if (d.awardedOn < state.launchedOn)
        return reject('AwardBeforeLaunch', 'design', 'A commendation cannot precede the movement', 'Không thể khen thưởng trước khi phát động phong trào', 'data.awardedOn')
      return accept({ type: 'CommendationAwarded', data: d })
    }
    case 'ConcludeEmulationMovement': {
      const d = command.data
      if (state.status === 'none') return reject('MovementNotFound', 'design', `No movement ${d.movementId}`, `Không có phong trào ${d.movementId}`, 'data.movementId')
      if (state.status === 'concluded') return nothing
      if (d.concludedOn < state.launchedOn)
        return reject('ConclusionBeforeLaunch', 'design', 'A movement cannot be concluded before it was launched', 'Không thể tổng kết trước khi phát động', 'data.concludedOn')
      return accept({ type: 'EmulationMovementConcluded', data: d })
    }
  }
}
