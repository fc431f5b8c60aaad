import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import type { RecordedEvent } from '@hoi/domain'
import { openMemory, runBatch, type BatchItem, type EventStore } from '@hoi/adapters'
import { collect } from '@hoi/adapters/testing'
import { demoPrefix } from './support/history.js'
import { PerStreamStore } from './support/per-stream-store.js'
import { SimulatedKurrentDb } from './support/simulated-kurrentdb.js'
import { EsdbStore } from '@hoi/adapters/esdb'

/** What must be equal between two runs: everything but the record time and the store's positions. */
const content = (e: RecordedEvent) => {
  // record times differ between runs, and so do the hashes that cover them
  const { recordedAt: _r, prevHash: _p, hash: _h, ...metadata } = e.metadata
  return { eventId: e.eventId, streamId: e.streamId, revision: e.revision, type: e.type, schemaVersion: e.schemaVersion, data: e.data, metadata }
}
const log = async (store: EventStore) => (await collect(store.readAll())).map(content)

/** Founded associations, then three emulation movements whose commendations interleave: several commands per stream. */
const interleaved = async (): Promise<BatchItem[]> => {
  // the demo's start up to its third founded association (administrative units come first)
  const start = await demoPrefix(400)
  const foundings = start.flatMap((c, i) => ((c.command as { type: string }).type === 'FoundAssociation' ? [i] : []))
  const founded = start.slice(0, foundings[2]! + 1)
  const ownerAssociationId = (founded[foundings[0]!]!.command as { data: { associationId: string } }).data.associationId
  const cmd = (commandId: string, type: string, data: Record<string, unknown>): BatchItem => ({ command: { type, data }, meta: { commandId, actor: 'clerk' } })
  const movements = ['m-1', 'm-2', 'm-3']
  const launches = movements.map((movementId) =>
    cmd(`launch-${movementId}`, 'LaunchEmulationMovement', { movementId, ownerAssociationId, title: `Phong trào ${movementId}`, cycleStart: 2019, cycleEnd: 2024, launchedOn: '2019-06-01' }),
  )
  const awards = Array.from({ length: 40 }, (_, k) =>
    movements.map((movementId) =>
      cmd(`award-${movementId}-${k}`, 'AwardCommendation', { movementId, commendationId: `c-${k}`, recipient: { kind: 'individual', name: `Người ${k}` }, form: 'Giấy khen', awardedOn: '2024-06-05' }),
    ),
  ).flat()
  return [...founded, ...launches, ...awards]
}

describe('runBatch on a store without atomic multi-stream appends', () => {
  it.each([
    ['the first 1,500 commands of the demo', () => demoPrefix(1500), [1, 350, 1200]],
    ['movements whose commendations interleave across streams', interleaved, [1, 2, 60]],
  ] as const)('%s: killed half-way and run again, the same end state as one uninterrupted run, nothing stored twice', async (_name, make, crashes) => {
    const items = await make()
    const reference = openMemory()
    const clean = await runBatch(new PerStreamStore(reference), items, { maxEventsPerTransaction: 97 })
    expect(clean.every(E.isRight)).toBe(true)
    const expected = await log(reference)
    // each command stores its events, and some their follow-ups' (membership claims, a parent's list of children)
    expect(new Set(expected.map((e) => e.metadata.commandId.split('/')[0])).size).toBe(items.length)

    for (const crashAfter of crashes) {
      const survivor = openMemory()
      await expect(runBatch(new PerStreamStore(survivor, crashAfter), items, { maxEventsPerTransaction: 97 })).rejects.toThrow(/crashed after/u)
      // what the crash left is a prefix of the batch: every command before the last stored one is stored
      const left = await log(survivor)
      const storedCommands = [...new Set(left.map((e) => e.metadata.commandId.split('/')[0]!))]
      expect(storedCommands).toEqual(items.slice(0, storedCommands.length).map((i) => i.meta.commandId))
      expect(left).toEqual(expected.slice(0, left.length))

      const rerun = await runBatch(new PerStreamStore(survivor), items, { maxEventsPerTransaction: 97 })
      expect(rerun.every(E.isRight)).toBe(true)
      const replayed = rerun.map((r) => E.isRight(r) && r.right.replayed)
      expect(replayed).toEqual(items.map((_, i) => i < storedCommands.length))
      expect(await log(survivor)).toEqual(expected)

      const head = await survivor.head()
      const third = await runBatch(new PerStreamStore(survivor), items)
      expect(third.every((r) => E.isRight(r) && r.right.replayed)).toBe(true)
      expect(await survivor.head()).toBe(head)
    }
  })

  it('a write refused half-way (another writer took a stream) settles every command with its own answer', async () => {
    const items = await demoPrefix(300)
    const reference = openMemory()
    await runBatch(reference, items)
    const [theirs] = await reference.eventsOfCommand(items[2]!.meta.commandId)
    const store = openMemory()
    let sneaked = false
    // between the batch's decisions and its writes, another clerk records the 3rd command's event first
    const racing = new (class extends PerStreamStore {
      override async appendMany(...args: Parameters<PerStreamStore['appendMany']>) {
        if (!sneaked) {
          sneaked = true
          const { eventId: _, streamId, type, schemaVersion, data, metadata } = theirs!
          await store.append(streamId, [{ eventId: 'their-event', type, schemaVersion, data, metadata: { ...metadata, commandId: 'their-command' } }], 'no-stream')
        }
        return super.appendMany(...args)
      }
    })(store)
    const results = await runBatch(racing, items, { maxEventsPerTransaction: 1000 })
    expect(results.slice(0, 2).map((r) => E.isRight(r) && r.right.replayed)).toEqual([true, true]) // stored before the refused write
    // decided again on the stream as it now is: the same founding is already there, so nothing more is written
    expect(results[2]).toMatchObject(E.right({ replayed: false, events: [] }))
    expect(results.slice(3).every((r) => E.isRight(r) && !r.right.replayed)).toBe(true)
    // every command's own events; the other clerk's founding ran no follow-ups of the batch, so those are not compared
    const own = (es: ReadonlyArray<ReturnType<typeof content>>) => es.filter((e) => !e.metadata.commandId.includes('/')).length
    expect(own(await log(store))).toBe(own(await log(reference)))
  })

  it('on the KurrentDB adapter (simulated client): cut off between any two writes, run again, the same history; a third run stores nothing', async () => {
    const items = await interleaved()
    // a store without multi-stream transactions writes in command order: the reference is one such run
    const reference = openMemory()
    await runBatch(new PerStreamStore(reference), items)
    const expected = await log(reference)
    for (const crashAfter of [1, 7, 40]) {
      const db = new SimulatedKurrentDb()
      const append = db.appendToStream.bind(db)
      let writes = 0
      db.appendToStream = async (stream, events, opts) => {
        if (++writes > crashAfter) throw new Error(`crashed after ${crashAfter} writes`)
        return append(stream, events, opts)
      }
      // the adapter turns the dead connection into typed failures: the commands not yet written answer StoreFailure
      const cut = await runBatch(new EsdbStore('esdb://simulated', db as never), items)
      expect(cut.some((r) => E.isLeft(r) && r.left._tag === 'StoreFailure')).toBe(true)
      db.appendToStream = append
      const store = new EsdbStore('esdb://simulated', db as never)
      const rerun = await runBatch(store, items)
      expect(rerun.every(E.isRight)).toBe(true)
      expect(await log(store)).toEqual(expected)
      const head = await store.head()
      expect((await runBatch(store, items)).every((r) => E.isRight(r) && r.right.replayed)).toBe(true)
      expect(await store.head()).toBe(head)
    }
  })
})
