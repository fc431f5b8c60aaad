import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { defaultPolicy } from '../policy.js'
import { fold, type FollowUp } from '../decider.js'
import { given } from '../testing/given.js'
import { decider, districtAbolition, unit, type Command, type Event, type State } from './index.js'

const cmd = (type: string, data: Record<string, unknown>) => ({ type, data }) as unknown as Command
const ctx = { policy: defaultPolicy }
const create = (unitId: string, level: string, parentId?: string, createdOn = '2004-01-01') =>
  cmd('CreateAdminUnit', { unitId, name: `Đơn vị ${unitId}`, level, createdOn, ...(parentId === undefined ? {} : { parentId }) })

/** A tiny register of streams: runs commands and their follow-ups like the command handler does. */
const register = () => {
  const streams = new Map<string, Event[]>()
  const stateOf = (id: string): State => fold(decider.evolve, decider.initialState, streams.get(`unit-${id}`) ?? [])
  const run = (c: Command): E.Either<unknown, void> => {
    const context = Object.fromEntries([['policy', defaultPolicy], ...unit.needs(c).map((n) => [n.key, fold(decider.evolve, decider.initialState, streams.get(n.streamId) ?? [])])])
    const stream = unit.streamOf(c)
    const state = fold(decider.evolve, decider.initialState, streams.get(stream) ?? [])
    const r = decider.decide(c, state, context as never)
    if (E.isLeft(r)) return r
    streams.set(stream, [...(streams.get(stream) ?? []), ...r.right])
    for (const f of unit.followUps?.(c, r.right, fold(decider.evolve, state, r.right), context as never) ?? ([] as FollowUp[])) run(f.command as Command)
    return E.right(undefined)
  }
  return { run, stateOf }
}

describe('administrative units (R30)', () => {
  it('R30: a unit sits under one parent of a broader level, in force on the date', () => {
    const province = fold(decider.evolve, decider.initialState, [{ type: 'AdminUnitCreated', data: { unitId: '12', name: 'Lai Châu', level: 'province', createdOn: '2004-01-01' } } as Event])
    expect(E.isRight(given(decider, []).when(create('12.105', 'district', '12'), { ...ctx, parent: province }))).toBe(true)
    expect(given(decider, []).when(create('12.105', 'district', '12', '2003-01-01'), { ...ctx, parent: province })).toMatchObject(E.left({ code: 'BeforeAdminUnitCreated', rule: 'R30' }))
    expect(given(decider, []).when(create('12.9', 'province', '12'), { ...ctx, parent: province })).toMatchObject(E.left({ code: 'ParentLevelNotBroader', rule: 'R30' }))
    expect(given(decider, []).when(create('12.105.01', 'commune'), ctx)).toMatchObject(E.left({ code: 'ParentMissing', rule: 'R30' }))
    expect(given(decider, []).when(create('12.105', 'district', '12'), ctx)).toMatchObject(E.left({ code: 'AdminUnitNotFound', field: 'data.parentId' }))
  })
  it('R37: no district is created from 2025-07-01', () => {
    const province = fold(decider.evolve, decider.initialState, [{ type: 'AdminUnitCreated', data: { unitId: '12', name: 'Lai Châu', level: 'province', createdOn: '2004-01-01' } } as Event])
    expect(given(decider, []).when(create('12.120', 'district', '12', '2025-07-01'), { ...ctx, parent: province })).toMatchObject(E.left({ code: 'LevelAbolished', rule: 'R37' }))
  })
  it('R30: renames, merges into a unit of the same level, and refuses to end a unit with subunits', () => {
    const r = register()
    for (const c of [create('12', 'province'), create('12.105', 'district', '12'), create('12.105.01', 'commune', '12.105'), create('12.105.02', 'commune', '12.105')])
      expect(E.isRight(r.run(c))).toBe(true)
    expect(r.stateOf('12.105')).toMatchObject({ children: ['12.105.01', '12.105.02'] })
    expect(r.run(cmd('AbolishAdminUnit', { unitId: '12.105', abolishedOn: '2025-07-01' }))).toMatchObject(E.left({ code: 'SubunitsRemain', rule: 'R30' }))
    expect(r.run(cmd('MergeAdminUnit', { unitId: '12.105.02', intoId: '12.105', mergedOn: '2025-07-01' }))).toMatchObject(E.left({ code: 'MergeAcrossLevels' }))
    expect(E.isRight(r.run(cmd('MergeAdminUnit', { unitId: '12.105.02', intoId: '12.105.01', mergedOn: '2025-07-01' })))).toBe(true)
    expect(r.stateOf('12.105.02')).toMatchObject({ status: 'merged', mergedInto: '12.105.01', endedOn: '2025-07-01' })
    expect(r.stateOf('12.105')).toMatchObject({ children: ['12.105.01'] })
    expect(r.run(cmd('RenameAdminUnit', { unitId: '12.105.02', name: 'Xã mới', renamedOn: '2025-08-01' }))).toMatchObject(E.left({ code: 'AdminUnitEnded' }))
    expect(E.isRight(r.run(cmd('RenameAdminUnit', { unitId: '12.105.01', name: 'Xã Bình Lư', renamedOn: '2025-07-01' })))).toBe(true)
  })
  it('R30, R37: the 2025 restructuring replays: communes move to the province, then every district is abolished', () => {
    const r = register()
    for (const c of [
      create('12', 'province'),
      create('12.105', 'district', '12'),
      create('12.106', 'district', '12'),
      create('12.105.01', 'commune', '12.105'),
      create('12.106.01', 'commune', '12.106'),
    ])
      r.run(c)
    const rows = ['12', '12.105', '12.106', '12.105.01', '12.106.01'].map((id) => {
      const s = r.stateOf(id)
      return s.status === 'none' ? undefined! : { unitId: s.unitId, level: s.level, parentId: s.parentId, active: s.status === 'active' }
    })
    const commands = districtAbolition(rows)
    expect(commands.map((c) => c.type)).toEqual(['ReparentAdminUnit', 'ReparentAdminUnit', 'AbolishAdminUnit', 'AbolishAdminUnit'])
    for (const c of commands) expect(E.isRight(r.run(c as unknown as Command))).toBe(true)
    expect(r.stateOf('12.105.01')).toMatchObject({ parentId: '12', status: 'active' })
    expect(r.stateOf('12.105')).toMatchObject({ status: 'abolished', endedOn: '2025-07-01' })
    expect(r.stateOf('12')).toMatchObject({ children: ['12.105.01', '12.106.01'] })
    // a second replay finds nothing left to do
    expect(
      districtAbolition(
        ['12', '12.105', '12.106', '12.105.01', '12.106.01'].map((id) => {
          const s = r.stateOf(id)
          return s.status === 'none' ? undefined! : { unitId: s.unitId, level: s.level, parentId: s.parentId, active: s.status === 'active' }
        }),
      ),
    ).toEqual([])
  })
})
