import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { decodeWith, defaultPolicy, DomainCommand, type Policy } from '@hoi/domain'
import { handleCommand, openMemory, openMemoryViews, openSqliteViews, type EventStore, type ViewEngine } from '@hoi/adapters'
import { openSqlite } from '@hoi/adapters/sqlite'

// The units tree hides the levels the configured policy abolished (R37), as the domain does when it decides: both engines take the policy when opened.
const decode = decodeWith(DomainCommand)

const engines: ReadonlyArray<[string, () => { store: EventStore; open: (policy?: Policy) => Promise<ViewEngine> }]> = [
  [
    'memory',
    () => {
      const store = openMemory()
      return { store, open: (policy) => openMemoryViews(store, policy === undefined ? {} : { policy }) }
    },
  ],
  [
    'sqlite',
    () => {
      const store = openSqlite(':memory:')
      return { store, open: (policy) => openSqliteViews(store, policy === undefined ? {} : { policy }) }
    },
  ],
]

describe.each(engines)('units view and policy, %s views', (_name, engine) => {
  it('R37: the district level is out of the tree from 2025-07-01 by default, and stays in it under a policy that abolishes nothing', async () => {
    const { store, open } = engine()
    let n = 0
    for (const [type, data] of [
      ['CreateAdminUnit', { unitId: '12', name: 'Tỉnh Lai Châu', level: 'province', createdOn: '2004-01-01' }],
      ['CreateAdminUnit', { unitId: '12.105', name: 'Huyện Tam Đường', level: 'district', createdOn: '2004-01-01', parentId: '12' }],
      ['CreateAdminUnit', { unitId: '12.105.03', name: 'Xã Bình Lư', level: 'commune', createdOn: '2004-01-01', parentId: '12.105' }],
    ] as const) {
      const command = decode({ type, data })
      if (E.isLeft(command)) throw new Error(JSON.stringify(command.left))
      const r = await handleCommand(store, command.right, { commandId: `c-${++n}`, actor: 'spec' })
      if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
    }
    const tree = async (policy?: Policy) => {
      const views = await open(policy)
      await views.catchUp()
      const rows = (await views.units({ asOf: '2026-01-01' })).map((u) => [u.unitId, u.parentId ?? null, u.depth])
      await views.close()
      return rows
    }
    expect(await tree()).toEqual([
      ['12', null, 0],
      ['12.105.03', '12', 1],
    ])
    expect(await tree({ ...defaultPolicy, abolishedScopes: [] })).toEqual([
      ['12', null, 0],
      ['12.105', '12', 1],
      ['12.105.03', '12.105', 2],
    ])
    // a policy that abolishes the district level later keeps it until then
    expect(await tree({ ...defaultPolicy, abolishedScopes: [{ scope: 'district', from: '2027-01-01' }] })).toHaveLength(3)
  })
})
