import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { defaultPolicy } from '../policy.js'
import { given } from '../testing/given.js'
import * as Association from '../association/state.js'
import { decider, type Command, type Event } from './index.js'
import { founded } from '../testing/fixtures.js'

const owner = Association.evolve(Association.initialState, founded({ associationId: 'ccb-khoi', kind: 'veterans', scope: 'province' }))
const ctx = { policy: defaultPolicy, owner }
const launch = {
  type: 'LaunchEmulationMovement',
  data: { movementId: 'ccb-gm-7', ownerAssociationId: 'ccb-khoi', title: 'Cựu chiến binh gương mẫu', cycleStart: 2019, cycleEnd: 2024, launchedOn: '2019-06-01' },
} as unknown as Command
const launched = { type: 'EmulationMovementLaunched', data: (launch as Extract<Command, { type: 'LaunchEmulationMovement' }>).data } as Event
const award = {
  type: 'AwardCommendation',
  data: { movementId: 'ccb-gm-7', commendationId: 'c1', recipient: { kind: 'individual', name: 'Đỗ Văn Mạnh' }, form: 'Giấy khen', awardedOn: '2024-06-05' },
} as unknown as Command
const conclude = { type: 'ConcludeEmulationMovement', data: { movementId: 'ccb-gm-7', concludedOn: '2024-07-01' } } as unknown as Command

describe('movement: not launched', () => {
  it('launches under an existing owner', () => {
    expect(given(decider, []).when(launch, ctx)).toEqual(E.right([launched]))
  })
  it('rejects an owner that does not exist', () => {
    expect(given(decider, []).when(launch, { policy: defaultPolicy })).toMatchObject(E.left({ code: 'AssociationNotFound', field: 'data.ownerAssociationId' }))
  })
  it('rejects a cycle that ends before it starts', () => {
    const bad = { ...launch, data: { ...launch.data, cycleEnd: 2018 } } as Command
    expect(given(decider, []).when(bad, ctx)).toMatchObject(E.left({ code: 'CycleEndsBeforeStart' }))
  })
  it('rejects a commendation for a movement never launched', () => {
    expect(given(decider, []).when(award, ctx)).toMatchObject(E.left({ code: 'MovementNotFound' }))
  })
})

describe('movement: running', () => {
  it('launching again with the same facts is already satisfied', () => {
    expect(given(decider, [launched]).when(launch, ctx)).toEqual(E.right([]))
  })
  it('awards a commendation once; the same commendation again yields nothing', () => {
    const first = given(decider, [launched]).when(award, ctx)
    expect(first).toEqual(E.right([{ type: 'CommendationAwarded', data: award.data }]))
    expect(given(decider, [launched, ...(E.isRight(first) ? first.right : [])]).when(award, ctx)).toEqual(E.right([]))
  })
  it('concludes', () => {
    expect(given(decider, [launched]).when(conclude, ctx)).toEqual(E.right([{ type: 'EmulationMovementConcluded', data: conclude.data }]))
  })
})

describe('movement: concluded', () => {
  const history: Event[] = [launched, { type: 'EmulationMovementConcluded', data: conclude.data } as Event]
  it('refuses further commendations', () => {
    expect(given(decider, history).when({ ...award, data: { ...award.data, commendationId: 'c2' } } as Command, ctx)).toMatchObject(E.left({ code: 'MovementConcluded' }))
  })
  it('concluding again is already satisfied', () => {
    expect(given(decider, history).when(conclude, ctx)).toEqual(E.right([]))
  })
})
