import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { Association, Movement, reject, type AggregateModule, type CommandMetadata, type DomainCommand } from '@hoi/domain'
import { decodeRecorded, eventIdFor, hashOf, handleCommand, loadStream, openMemory, runBatch, type Aggregates, type EventStore } from '@hoi/adapters'
import { openSqlite } from '@hoi/adapters/sqlite'
import { collect, tempSqlitePath } from '@hoi/adapters/testing'

// The owner association is only folded here (never decided), so these tests depend on the movement decider alone.
const association: AggregateModule<DomainCommand, Association.Event, Association.State, unknown> = {
  name: 'association',
  decider: {
    decide: () => reject('NotInThisTest', 'test', 'not used', 'không dùng'),
    evolve: Association.evolve,
    initialState: Association.initialState,
    isTerminal: () => false,
  },
  streamOf: () => 'association-unused',
  needs: () => [],
}
const aggregates: Aggregates = { movement: Movement.movement, association }

const launch = (movementId = 'ccb-gm-7', ownerAssociationId = 'ccb-khoi') =>
  ({
    type: 'LaunchEmulationMovement',
    data: { movementId, ownerAssociationId, title: 'Cựu chiến binh gương mẫu', cycleStart: 2019, cycleEnd: 2024, launchedOn: '2019-06-01' },
  }) as unknown as DomainCommand
const award = (commendationId: string, movementId = 'ccb-gm-7') =>
  ({ type: 'AwardCommendation', data: { movementId, commendationId, recipient: { kind: 'individual', name: 'Đỗ Văn Mạnh' }, form: 'Giấy khen', awardedOn: '2024-06-05' } }) as unknown as DomainCommand
const conclude = (movementId = 'ccb-gm-7') => ({ type: 'ConcludeEmulationMovement', data: { movementId, concludedOn: '2024-07-01' } }) as unknown as DomainCommand
const meta = (commandId: string, extra: Partial<CommandMetadata> = {}): CommandMetadata => ({ commandId, actor: 'clerk-ccb', ...extra })
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u

const seedOwner = async (store: EventStore, associationId = 'ccb-khoi') => {
  const data = {
    associationId,
    name: 'Hội Cựu chiến binh tỉnh',
    kind: 'veterans',
    regime: 'own-charter',
    scope: 'province',
    areaCode: '12',
    foundedOn: '2015-05-01',
    foundingMembers: 120,
    flags: [],
  }
  const r = await store.append(
    `association-${associationId}`,
    [
      {
        eventId: `seed-${associationId}`,
        type: 'AssociationFounded',
        schemaVersion: 1,
        data,
        metadata: { occurredOn: '2015-05-01', actor: 'seed', commandId: `seed-${associationId}`, correlationId: 'seed', causationId: 'seed' },
      },
    ],
    'no-stream',
  )
  expect(E.isRight(r)).toBe(true)
}

const temps: Array<() => void> = []
afterAll(() => temps.forEach((remove) => remove()))
const stores: Array<[string, () => EventStore]> = [
  ['memory', () => openMemory()],
  [
    'sqlite',
    () => {
      const t = tempSqlitePath('hoi-handler-')
      temps.push(t.remove)
      return openSqlite(t.path)
    },
  ],
]

describe.each(stores)('handleCommand on the %s store', (_name, open) => {
  let store: EventStore
  beforeEach(async () => {
    store = open()
    await seedOwner(store)
  })
  afterEach(async () => {
    await store.close()
  })

  it('stores the decided events with deterministic ids and full metadata', async () => {
    const r = await handleCommand(store, launch(), meta('cmd-launch', { reason: 'Kế hoạch 12', correlationId: 'corr-1' }), { aggregates })
    expect(E.isRight(r)).toBe(true)
    if (E.isLeft(r)) return
    expect(r.right).toMatchObject({ _tag: 'Done', streamId: 'movement-ccb-gm-7', revision: 0, replayed: false })
    const [e] = await collect(store.readStream('movement-ccb-gm-7'))
    expect(e).toEqual(r.right.events[0])
    expect(e!.eventId).toMatch(UUID)
    expect(e!.eventId).toBe(eventIdFor('cmd-launch', 'movement-ccb-gm-7', 0))
    expect(e).toMatchObject({ type: 'EmulationMovementLaunched', schemaVersion: 1, revision: 0, position: 2, data: (launch() as { data: unknown }).data })
    expect(e!.metadata).toEqual({
      occurredOn: '2019-06-01',
      recordedAt: e!.metadata.recordedAt,
      actor: 'clerk-ccb',
      commandId: 'cmd-launch',
      correlationId: 'corr-1',
      causationId: 'cmd-launch',
      reason: 'Kế hoạch 12',
      prevHash: expect.stringMatching(/^[0-9a-f]{64}$/u),
      hash: hashOf(e!),
    })
    expect(E.isRight(decodeRecorded(e!))).toBe(true)
  })

  it('a rejection stores nothing', async () => {
    expect(await handleCommand(store, award('c1'), meta('cmd-1'), { aggregates })).toMatchObject(E.left({ _tag: 'Rejection', code: 'MovementNotFound' }))
    // the owner stream does not exist: the context key is left out
    expect(await handleCommand(store, launch('m2', 'nobody'), meta('cmd-2'), { aggregates })).toMatchObject(E.left({ _tag: 'Rejection', code: 'AssociationNotFound' }))
    expect(await store.head()).toBe(1)
  })

  it('the same commandId twice answers the same events, replayed, and stores nothing twice', async () => {
    const first = await handleCommand(store, launch(), meta('cmd-launch'), { aggregates })
    const again = await handleCommand(store, launch(), meta('cmd-launch'), { aggregates })
    expect(again).toEqual(E.map((o: object) => ({ ...o, replayed: true }))(first))
    expect(await store.head()).toBe(2)
    // a new command that is already satisfied decides nothing
    expect(await handleCommand(store, launch(), meta('cmd-launch-2'), { aggregates })).toEqual(E.right({ _tag: 'Done', streamId: 'movement-ccb-gm-7', revision: 0, events: [], replayed: false }))
  })

  it('an expected revision (If-Match) that does not hold is a RevisionConflict, not retried', async () => {
    await handleCommand(store, launch(), meta('cmd-launch'), { aggregates })
    expect(await handleCommand(store, award('c1'), meta('cmd-a1'), { aggregates, expectedRevision: 3 })).toEqual(
      E.left({ _tag: 'RevisionConflict', streamId: 'movement-ccb-gm-7', expected: 3, actual: 0 }),
    )
    expect(await handleCommand(store, award('c1'), meta('cmd-a1'), { aggregates, expectedRevision: 0 })).toMatchObject(E.right({ revision: 1 }))
  })

  it('concurrent commands on one stream retry and all succeed; with no retries the losers fail typed', async () => {
    await handleCommand(store, launch(), meta('cmd-launch'), { aggregates })
    const many = await Promise.all(Array.from({ length: 8 }, (_, i) => handleCommand(store, award(`c${i}`), meta(`cmd-c${i}`), { aggregates, maxRetries: 10 })))
    expect(many.every(E.isRight)).toBe(true)
    const none = await Promise.all(Array.from({ length: 8 }, (_, i) => handleCommand(store, award(`d${i}`), meta(`cmd-d${i}`), { aggregates, maxRetries: 0 })))
    const won = none.filter(E.isRight)
    expect(won.length).toBeGreaterThanOrEqual(1)
    for (const r of none.filter(E.isLeft)) expect(r.left).toEqual({ _tag: 'RetriesExhausted', streamId: 'movement-ccb-gm-7', attempts: 1 })
    const stream = await collect(store.readStream('movement-ccb-gm-7'))
    expect(stream.length).toBe(1 + 8 + won.length)
    expect(new Set(stream.map((e) => (e.data as { commendationId?: string }).commendationId)).size).toBe(stream.length)
    expect(stream.map((e) => e.revision)).toEqual(stream.map((_, i) => i))
  })

  it('a stored event this version cannot read (unknown type, future schema version) is a typed StoreFailure', async () => {
    const stored = (eventId: string, type: string, schemaVersion: number, data: unknown) => ({
      eventId,
      type,
      schemaVersion,
      data,
      metadata: { occurredOn: '2020-01-01', actor: 'x', commandId: eventId, correlationId: 'x', causationId: 'x' },
    })
    await store.append('movement-unknown', [stored('u-1', 'MovementRenamed', 1, { movementId: 'unknown' })], 'no-stream')
    expect(await handleCommand(store, conclude('unknown'), meta('cmd-u'), { aggregates })).toMatchObject(E.left({ _tag: 'StoreFailure', message: expect.stringMatching(/MovementRenamed/u) }))
    const future = stored('f-1', 'EmulationMovementLaunched', 9, { movementId: 'future' })
    await store.append('movement-future', [future], 'no-stream')
    expect(await handleCommand(store, conclude('future'), meta('cmd-f'), { aggregates })).toMatchObject(E.left({ _tag: 'StoreFailure', message: expect.stringMatching(/version 9/u) }))
    expect(await store.head()).toBe(3)
    // full validation on demand: data that is not a valid event is named field by field
    await store.append('movement-bad', [stored('b-1', 'EmulationMovementLaunched', 1, { movementId: 'bad' })], 'no-stream')
    expect(await loadStream(store, Movement.movement, 'movement-bad', decodeRecorded)).toMatchObject(E.left({ _tag: 'StoreFailure', message: expect.stringMatching(/data.title/u) }))
    expect(E.isRight(await loadStream(store, Movement.movement, 'movement-bad'))).toBe(true)
  })

  it('runBatch: good, rejected, malformed and repeated commands in one batch, in order, across several transactions', async () => {
    const items = [
      { command: launch(), meta: meta('b-launch') },
      { command: award('c1'), meta: meta('b-c1') },
      { command: award('x', 'no-such-movement'), meta: meta('b-bad') },
      {
        command: { type: 'AwardCommendation', data: { movementId: 'ccb-gm-7', commendationId: 'c9', recipient: { kind: 'individual', name: 'A' }, form: 'B', awardedOn: '2024-02-30' } },
        meta: meta('b-malformed'),
      },
      { command: award('c2'), meta: meta('b-c2') },
      { command: award('c1'), meta: meta('b-c1-again') },
      { command: award('c1'), meta: meta('b-c1') },
      { command: launch('m2', 'nobody'), meta: meta('b-orphan') },
      { command: conclude(), meta: meta('b-conclude') },
      { command: award('c3'), meta: meta('b-late') },
    ]
    const results = await runBatch(store, items, { aggregates, maxEventsPerTransaction: 2 })
    expect(results.map((r) => (E.isLeft(r) ? ((r.left as { code?: string; _tag: string }).code ?? r.left._tag) : `${r.right.events.length}${r.right.replayed ? 'r' : ''}`))).toEqual([
      '1',
      '1',
      'MovementNotFound',
      'DecodeFailure',
      '1',
      '0',
      '1r',
      'AssociationNotFound',
      '1',
      'MovementConcluded',
    ])
    expect(results[3]).toMatchObject(E.left({ issues: [{ field: 'data.awardedOn' }] }))
    const stream = await collect(store.readStream('movement-ccb-gm-7'))
    expect(stream.map((e) => e.type)).toEqual(['EmulationMovementLaunched', 'CommendationAwarded', 'CommendationAwarded', 'EmulationMovementConcluded'])
    expect(stream.map((e) => e.metadata.commandId)).toEqual(['b-launch', 'b-c1', 'b-c2', 'b-conclude'])
    expect(stream[1]!.eventId).toBe(eventIdFor('b-c1', 'movement-ccb-gm-7', 0))
    expect(results[1]).toEqual(E.right({ _tag: 'Done', streamId: 'movement-ccb-gm-7', revision: 1, events: [stream[1]], replayed: false }))
    expect((await collect(store.readAll())).map((e) => e.position)).toEqual([1, 2, 3, 4, 5])
    // the whole batch again: stored commands are replayed, nothing is stored twice
    const again = await runBatch(store, items, { aggregates })
    expect(again.map((r) => E.isRight(r) && r.right.replayed)).toEqual([true, true, false, false, true, false, true, false, true, false])
    expect(await store.head()).toBe(5)
  })

  it('runBatch: a failed transaction settles its commands one by one', async () => {
    let failures = 1
    const flaky: EventStore = Object.create(store, {
      appendMany: { value: async (items: Parameters<EventStore['appendMany']>[0]) => (failures-- > 0 ? E.left({ _tag: 'StoreUnavailable', message: 'flaky' }) : store.appendMany(items)) },
    }) as EventStore
    const results = await runBatch(
      flaky,
      [
        { command: launch(), meta: meta('f-launch') },
        { command: award('c1'), meta: meta('f-c1') },
        { command: award('c1', 'nope'), meta: meta('f-bad') },
      ],
      { aggregates },
    )
    expect(results.map((r) => E.isRight(r) && r.right.events.length)).toEqual([1, 1, false])
    expect(await store.head()).toBe(3)
  })

  it('uses the registry of every aggregate by default (FoundAssociation then a movement)', async () => {
    const found = {
      type: 'FoundAssociation',
      data: { associationId: 'hnd', name: 'Hội Nông dân xã A', kind: 'farmers', scope: 'commune', areaCode: '12.105.03', foundedOn: '2010-01-01', foundingMembers: 30 },
    } as unknown as DomainCommand
    expect(await handleCommand(store, found, meta('r-found'))).toMatchObject(E.right({ streamId: 'association-hnd', revision: 0 }))
    expect(await handleCommand(store, launch('m-hnd', 'hnd'), meta('r-launch'))).toMatchObject(E.right({ streamId: 'movement-m-hnd', revision: 0 }))
  })
})

describe('folded states are cached per store, never trusted alone', () => {
  it('a stream changed through another connection is read past the cached fold', async () => {
    const t = tempSqlitePath('hoi-cache-')
    temps.push(t.remove)
    const a = openSqlite(t.path)
    const b = openSqlite(t.path)
    await seedOwner(a)
    expect(E.isRight(await handleCommand(a, launch(), meta('c-launch'), { aggregates }))).toBe(true)
    expect(E.isRight(await handleCommand(a, award('k1'), meta('c-k1'), { aggregates }))).toBe(true) // folds and caches in `a`
    expect(E.isRight(await handleCommand(b, conclude(), meta('c-conclude'), { aggregates }))).toBe(true) // written by `b`
    const late = await handleCommand(a, award('k2'), meta('c-k2'), { aggregates })
    expect(late).toMatchObject(E.left({ _tag: 'Rejection', code: 'MovementConcluded' }))
    const loaded = await loadStream(a, Movement.movement, 'movement-ccb-gm-7')
    expect(loaded).toMatchObject(E.right({ revision: 2, state: { status: 'concluded' } }))
    await a.close()
    await b.close()
  })
})
