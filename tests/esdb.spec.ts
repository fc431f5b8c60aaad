import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { createServer } from 'node:net'
import * as E from 'fp-ts/lib/Either.js'
import { openStore, StoreErrorException, type EventStore, type StoreError } from '@hoi/adapters'
import { EsdbStore, openEsdb } from '@hoi/adapters/esdb'
import { clientConnectionString, fromRecord, isInternalStream, safeNumber, storeErrorOf, toEventData } from '@hoi/adapters/esdb-codec'
import { collect, newEvent, newEvents } from '@hoi/adapters/testing'
import { containerRuntime } from './support/containers.js'
import { SimulatedKurrentDb } from './support/simulated-kurrentdb.js'
import { storeContract } from './store-contract.js'

const ok = <A>(r: E.Either<StoreError, A>): A => {
  if (E.isLeft(r)) throw new Error(`expected success, got ${JSON.stringify(r.left)}`)
  return r.right
}

// KurrentDB runs where HOI_ESDB_URL names one, or in a throwaway container where a container runtime answers
const given = process.env['HOI_ESDB_URL']
const runtime = given === undefined ? await containerRuntime() : undefined
const skip =
  given !== undefined || (runtime !== undefined && 'endpoint' in runtime)
    ? undefined
    : `no KurrentDB: HOI_ESDB_URL is unset and ${runtime !== undefined && 'reason' in runtime ? runtime.reason : 'no container runtime'}`
if (skip !== undefined) console.log(`store contract on KurrentDB skipped: ${skip}`)

let url = given
let stop: (() => Promise<unknown>) | undefined
beforeAll(async () => {
  if (skip !== undefined || url !== undefined) return
  const { GenericContainer, Wait } = await import('testcontainers')
  const container = await new GenericContainer('docker.io/kurrentplatform/kurrentdb:25.0')
    .withEnvironment({ KURRENTDB_INSECURE: 'true', KURRENTDB_MEM_DB: 'true', KURRENTDB_RUN_PROJECTIONS: 'None' })
    .withExposedPorts(2113)
    .withWaitStrategy(Wait.forHttp('/health/live', 2113).forStatusCodeMatching((s) => s >= 200 && s < 300))
    .withStartupTimeout(120_000)
    .start()
  url = `esdb://${container.getHost()}:${container.getMappedPort(2113)}?tls=false`
  stop = () => container.stop()
}, 180_000)
afterAll(async () => {
  await stop?.()
})

// every test gets its own namespace on the one server, which is what "an empty store" means there
storeContract('esdb (KurrentDB)', async () => openEsdb(url!, {}, `t-${randomUUID()}/`), skip === undefined ? {} : { skip })

// the adapter's own logic (planning, command index, idempotency, position mapping) on an in-memory
// simulation of the client API: it runs everywhere, and is no substitute for the run above
storeContract('esdb adapter logic on a simulated KurrentDB client (not a server)', async () => new EsdbStore('esdb://simulated', new SimulatedKurrentDb() as never))

describe('esdb adapter: the command index on a simulated client', () => {
  it('a claim whose append never happened (a crash in between) or lost the race counts for nothing', async () => {
    const db = new SimulatedKurrentDb()
    const store = new EsdbStore('esdb://simulated', db as never)
    const mine = newEvent({ commandId: 'mine' })
    // the process dies after writing its index record, before the events
    const append = db.appendToStream.bind(db)
    db.appendToStream = async (stream, events, opts) => {
      if (!stream.startsWith('hoi.command-')) throw new Error('killed')
      return append(stream, events, opts)
    }
    expect(E.isLeft(await store.append('s', [mine], 'no-stream'))).toBe(true)
    db.appendToStream = append
    expect(await store.eventsOfCommand('mine')).toEqual([])
    // someone else takes revision 0 of that stream: the old claim points at their event and still counts for nothing
    const theirs = ok(await store.append('s', [newEvent({ commandId: 'theirs' })], 'no-stream'))
    expect(await store.eventsOfCommand('mine')).toEqual([])
    expect(await store.eventsOfCommand('theirs')).toEqual(theirs.events)
    // the retried command lands later and is found from then on
    const landed = ok(await store.append('s', [mine], 0))
    expect(await store.eventsOfCommand('mine')).toEqual(landed.events)
    expect(ok(await store.append('s', [mine], 0))).toEqual(landed)
    expect((await collect(store.readAll())).map((e) => e.metadata.commandId)).toEqual(['theirs', 'mine'])
  })
})

describe('KurrentDB mapping (no server needed)', () => {
  it('URLs: kurrentdb:// and esdb+discover:// become the connection strings the client knows', () => {
    expect(clientConnectionString('kurrentdb://admin:changeit@db1:2113?tls=false')).toBe('esdb://admin:changeit@db1:2113?tls=false')
    expect(clientConnectionString('kurrentdb+discover://cluster.example:2113')).toBe('esdb+discover://cluster.example:2113')
    expect(clientConnectionString('esdb://localhost:2113?tls=false')).toBe('esdb://localhost:2113?tls=false')
    expect(() => clientConnectionString('postgres://x')).toThrow(/Not a KurrentDB URL/u)
  })

  it('64-bit positions become JS numbers only when exact; otherwise a loud StoreFailure', () => {
    expect(safeNumber(123_456_789n, 'commit position')).toBe(123_456_789)
    expect(safeNumber(BigInt(Number.MAX_SAFE_INTEGER), 'commit position')).toBe(Number.MAX_SAFE_INTEGER)
    const beyond = () => safeNumber(BigInt(Number.MAX_SAFE_INTEGER) + 1n, 'commit position')
    expect(beyond).toThrow(StoreErrorException)
    expect(beyond).toThrow(/beyond 2\^53-1/u)
    expect(() => safeNumber(0xffffffffffffffffn, 'commit position')).toThrow(/22\.10 or later/u)
    expect(() => safeNumber(undefined, 'commit position')).toThrow(/no commit position/u)
  })

  it("an envelope survives the trip through KurrentDB's record shape; a record not written by hoi is refused", () => {
    const e = newEvent({ type: 'MemberAdmitted', data: { name: 'Nguyễn Thị Hằng', n: [1, null] }, commandId: 'c-1' })
    const data = toEventData(e, '2024-01-02T03:04:05.678Z')
    // what the client hands back after a read: JSON parsed again, bigint revision and positions
    const record = {
      streamId: 'member-1',
      id: data.id,
      revision: 4n,
      type: data.type,
      data: JSON.parse(JSON.stringify(data.data)),
      metadata: JSON.parse(JSON.stringify(data.metadata)),
      isJson: true,
      position: { commit: 9_001n, prepare: 9_001n },
    }
    expect(fromRecord(record)).toEqual({
      eventId: e.eventId,
      type: 'MemberAdmitted',
      schemaVersion: 1,
      streamId: 'member-1',
      revision: 4,
      position: 9001,
      data: e.data,
      metadata: { ...e.metadata, recordedAt: '2024-01-02T03:04:05.678Z' },
    })
    expect(record.metadata).toMatchObject({ $correlationId: e.metadata.correlationId, $causationId: e.metadata.causationId })
    expect(() => fromRecord({ ...record, metadata: { other: true } })).toThrow(/not written by hoi/u)
    expect(isInternalStream('$et-x')).toBe(true)
    expect(isInternalStream('hoi.command-c-1')).toBe(true)
    expect(isInternalStream('member-1')).toBe(false)
  })

  it('driver errors become typed store errors: connection trouble is StoreUnavailable, the rest StoreFailure', () => {
    expect(storeErrorOf({ type: 'unavailable', message: 'down' })._tag).toBe('StoreUnavailable')
    expect(storeErrorOf(Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 }))._tag).toBe('StoreUnavailable')
    expect(storeErrorOf(new Error('connect ECONNREFUSED 127.0.0.1:2113'))._tag).toBe('StoreUnavailable')
    expect(storeErrorOf({ type: 'not-leader', message: 'elections' })._tag).toBe('StoreUnavailable')
    expect(storeErrorOf({ type: 'access-denied', message: 'no' })).toEqual({ _tag: 'StoreFailure', message: 'KurrentDB: no' })
  })
})

describe('KurrentDB store against a port where nothing listens', () => {
  let store: EventStore
  beforeAll(async () => {
    const port = await new Promise<number>((resolve) => {
      const srv = createServer().listen(0, '127.0.0.1', () => {
        const p = (srv.address() as { port: number }).port
        srv.close(() => resolve(p))
      })
    })
    store = await openStore(`kurrentdb://127.0.0.1:${port}?tls=false&defaultDeadline=2000`)
  })
  afterAll(async () => {
    await store.close()
  })

  it('opens lazily, declares its capabilities, and answers StoreUnavailable without hanging, storing nothing', async () => {
    expect(store).toMatchObject({ kind: 'esdb', capabilities: { densePositions: false, atomicMultiStream: false } })
    const started = Date.now()
    expect(await store.append('s', newEvents(1), 'no-stream')).toMatchObject(E.left({ _tag: 'StoreUnavailable' }))
    expect(await store.appendMany([{ streamId: 'a', events: [newEvent()], expected: 'any' }])).toMatchObject(E.left({ _tag: 'StoreUnavailable' }))
    const failed = await store.streamRevision('s').catch((e: unknown) => e)
    expect(failed).toBeInstanceOf(StoreErrorException)
    expect((failed as StoreErrorException).error._tag).toBe('StoreUnavailable')
    await expect(collect(store.readAll())).rejects.toMatchObject({ error: { _tag: 'StoreUnavailable' } })
    await expect(store.eventsOfCommand('c')).rejects.toMatchObject({ error: { _tag: 'StoreUnavailable' } })
    expect(Date.now() - started).toBeLessThan(30_000)
  })

  it('refuses streams it keeps for itself', async () => {
    expect(await store.append('hoi.command-x', newEvents(1), 'any')).toMatchObject(E.left({ _tag: 'StoreFailure', message: expect.stringMatching(/reserved/u) }))
    expect(await store.append('$all', newEvents(1), 'any')).toMatchObject(E.left({ _tag: 'StoreFailure' }))
  })
})
