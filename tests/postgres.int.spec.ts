import { describe, expect, it } from 'vitest'
import { createServer, connect, type Server, type Socket } from 'node:net'
import * as E from 'fp-ts/lib/Either.js'
import { openStore, StoreErrorException, type EventStore } from '@hoi/adapters'
import { PG_SCHEMA_VERSION } from '@hoi/adapters/postgres'
import { collect, newEvents } from '@hoi/adapters/testing'
import { fileDatabase, freshSchema, sql } from './support/pg.js'

const { db, skip } = await fileDatabase('postgres store tests')

/** A port nothing listens on: bound by the OS, then released. */
const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const s = createServer()
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })

/** A TCP relay to the server that the test can cut (connections lost, then refused) and restore. */
const relay = (target: URL) => {
  const sockets = new Set<Socket>()
  let server: Server | undefined
  const start = (port: number): Promise<void> =>
    new Promise((resolve) => {
      server = createServer((inbound) => {
        const outbound = connect(Number(target.port || 5432), target.hostname)
        for (const s of [inbound, outbound]) {
          sockets.add(s)
          s.on('error', () => undefined)
          s.on('close', () => sockets.delete(s))
        }
        inbound.pipe(outbound).pipe(inbound)
      })
      server.listen(port, '127.0.0.1', () => resolve())
    })
  const cut = (): Promise<void> =>
    new Promise((resolve) => {
      for (const s of sockets) s.destroy()
      server?.close(() => resolve())
    })
  return { start, cut }
}

const withPort = (url: string, port: number): string => {
  const u = new URL(url)
  u.hostname = '127.0.0.1'
  u.port = String(port)
  return u.toString()
}

describe.skipIf(skip !== undefined)(`postgres store${skip === undefined ? '' : ` (skipped: ${skip})`}`, () => {
  it('creates its tables on first open with the schema version, and reopens an existing database as it is', async () => {
    const url = await freshSchema(db)
    const a = await openStore(url)
    expect(a.kind).toBe('postgres')
    expect(a.capabilities).toEqual({ densePositions: true, atomicMultiStream: true, hashChain: true })
    const written = await a.append('s', newEvents(3), 'no-stream')
    await a.close()
    expect((await sql(url, 'SELECT version FROM store_version')).rows).toEqual([{ version: PG_SCHEMA_VERSION }])
    // the head row carries the chain's head: the hash of its last event
    const lastHash = E.isRight(written) ? written.right.events[2]!.metadata.hash : 'append failed'
    expect((await sql(url, 'SELECT position, hash FROM head')).rows).toEqual([{ position: '3', hash: lastHash }])
    const b = await openStore(url)
    expect(await b.head()).toBe(3)
    expect(await b.streamRevision('s')).toBe(2)
    await b.close()
  })

  it('two stores opening a fresh database at once create the tables once', async () => {
    const url = await freshSchema(db)
    const stores = await Promise.all([openStore(url), openStore(url), openStore(url)])
    expect((await sql(url, 'SELECT count(*)::int AS n FROM store_version')).rows[0]).toEqual({ n: 1 })
    await Promise.all(stores.map((s) => s.close()))
  })

  it('refuses a database with a newer schema version, naming both versions, and changes nothing', async () => {
    const url = await freshSchema(db)
    await (await openStore(url)).close()
    await sql(url, `UPDATE store_version SET version = ${PG_SCHEMA_VERSION + 1}`)
    const refused = (await openStore(url).then(
      () => new Error('opened'),
      (e: unknown) => e,
    )) as Error
    expect(refused.name).toBe('SchemaRefused')
    expect(refused.message).toContain(`schema version ${PG_SCHEMA_VERSION + 1}`)
    expect(refused.message).toContain(`newer than version ${PG_SCHEMA_VERSION}`)
    expect((await sql(url, 'SELECT version FROM store_version')).rows).toEqual([{ version: PG_SCHEMA_VERSION + 1 }])
  })

  it('refuses a database whose events table is not a hoi store', async () => {
    const url = await freshSchema(db)
    await sql(url, 'CREATE TABLE events (id int)')
    await expect(openStore(url)).rejects.toThrow(/not a hoi store/u)
  })

  it('a port nothing listens on: StoreUnavailable naming the address, never a driver error', async () => {
    const port = await freePort()
    const failed = await openStore(withPort(db.url, port)).catch((e: unknown) => e)
    expect(failed).toBeInstanceOf(StoreErrorException)
    expect((failed as StoreErrorException).error).toMatchObject({ _tag: 'StoreUnavailable' })
    expect((failed as StoreErrorException).message).toContain(`127.0.0.1:${port}`)
  })

  it('a lost connection answers StoreUnavailable, and the pool reconnects once the server is back', async () => {
    const url = await freshSchema(db)
    const port = await freePort()
    const r = relay(new URL(db.url))
    await r.start(port)
    const store: EventStore = await openStore(withPort(url, port), { connectTimeoutMs: 1000 } as object)
    expect(E.isRight(await store.append('s', newEvents(2), 'no-stream'))).toBe(true)
    await r.cut()
    expect(await store.append('s', newEvents(1), 1)).toMatchObject(E.left({ _tag: 'StoreUnavailable' }))
    expect(await store.appendMany([{ streamId: 't', events: newEvents(1), expected: 'any' }])).toMatchObject(E.left({ _tag: 'StoreUnavailable' }))
    const read = await store.readPage(0, 10).catch((e: unknown) => e)
    expect(read).toBeInstanceOf(StoreErrorException)
    expect((read as StoreErrorException).error._tag).toBe('StoreUnavailable')
    await expect(collect(store.readAll())).rejects.toBeInstanceOf(StoreErrorException)
    await r.start(port)
    expect(await store.append('s', newEvents(1), 1)).toMatchObject(E.right({ revision: 2, position: 3 }))
    expect((await collect(store.readAll())).map((e) => e.position)).toEqual([1, 2, 3])
    await store.close()
    await r.cut()
  })

  it('group commit: concurrent appends share one transaction; a conflict among them undoes none of the others', async () => {
    const url = await freshSchema(db)
    const store = await openStore(url)
    await store.append('taken', newEvents(1), 'no-stream')
    const shared = newEvents(1)
    const results = await Promise.all([
      ...Array.from({ length: 50 }, (_, i) => store.append(`s-${i}`, newEvents(2), 'no-stream')),
      store.append('taken', newEvents(1), 'no-stream'), // conflicts: the stream exists
      store.append('x', shared, 'no-stream'),
      store.append('y', shared, 'no-stream'), // the same id as the call before it, in the same group: an IdConflict after the commit
    ])
    expect(results.slice(0, 50).every(E.isRight)).toBe(true)
    expect(results[50]).toMatchObject(E.left({ _tag: 'RevisionConflict', streamId: 'taken', actual: 0 }))
    expect(results[51]).toMatchObject(E.right({ streamId: 'x', revision: 0 }))
    expect(results[52]).toMatchObject(E.left({ _tag: 'IdConflict', streamId: 'y' }))
    expect(await store.head()).toBe(102)
    expect((await collect(store.readAll())).map((e) => e.position)).toEqual(Array.from({ length: 102 }, (_, i) => i + 1))
    const commits = await sql(url, 'SELECT count(DISTINCT recorded_at)::int AS n FROM events WHERE position > 1')
    expect(commits.rows[0]).toEqual({ n: 1 }) // the 101 events were stamped by one transaction
    await store.close()
  })

  it('a call whose content the server refuses fails alone; the others of its group are written', async () => {
    const store = await openStore(await freshSchema(db))
    const results = await Promise.all([
      store.append('good-1', newEvents(1), 'no-stream'),
      store.append('bad\u0000stream', newEvents(1), 'no-stream'), // PostgreSQL text cannot hold NUL
      store.append('good-2', newEvents(1), 'no-stream'),
    ])
    expect(results[0]).toMatchObject(E.right({ streamId: 'good-1' }))
    expect(results[1]).toMatchObject(E.left({ _tag: 'StoreFailure' }))
    expect(results[2]).toMatchObject(E.right({ streamId: 'good-2' }))
    expect((await collect(store.readAll())).map((e) => [e.position, e.streamId])).toEqual([
      [1, 'good-1'],
      [2, 'good-2'],
    ])
    await store.close()
  })

  it('a closed store answers StoreUnavailable', async () => {
    const store = await openStore(await freshSchema(db))
    await store.close()
    expect(await store.append('s', newEvents(1), 'any')).toMatchObject(E.left({ _tag: 'StoreUnavailable' }))
    await expect(store.head()).rejects.toBeInstanceOf(StoreErrorException)
  })
})
