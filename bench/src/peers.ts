import { getSQLiteEventStore } from '@event-driven-io/emmett-sqlite'
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql'
import { openStore, type EventStore, type NewEvent } from '@hoi/adapters'
import { Conflict, type Appender } from './minimal.js'

/** Emmett counts a stream's version from 1 (0 = no stream); hoi's revision is the 0-based index of the last event. */
const version = (revision: number): bigint => BigInt(revision + 1)
const asEmmett = (events: ReadonlyArray<NewEvent>) => events.map((e) => ({ type: e.type, data: e.data as Record<string, unknown>, metadata: { ...e.metadata } }))

type EmmettStore = {
  appendToStream(stream: string, events: ReturnType<typeof asEmmett>, options: { expectedStreamVersion: bigint }): Promise<{ nextExpectedStreamVersion: bigint }>
  readStream(stream: string): Promise<{ events: ReadonlyArray<unknown>; currentStreamVersion: bigint }>
}

const emmett = (name: string, store: EmmettStore, close: () => Promise<void>): Appender => ({
  name,
  append: async (streamId, events, expected) => {
    try {
      const r = await store.appendToStream(streamId, asEmmett(events), { expectedStreamVersion: version(expected) })
      return Number(r.nextExpectedStreamVersion) - 1
    } catch (e) {
      if ((e as Error).name === 'ExpectedVersionConflictError' || /version|concurren/iu.test((e as Error).message)) throw new Conflict(streamId)
      throw e
    }
  },
  read: async (streamId) => (await store.readStream(streamId)).events.length,
  revision: async (streamId) => Number((await store.readStream(streamId)).currentStreamVersion) - 1,
  close,
})

/** emmett-sqlite 0.42 with its own settings (node-sqlite3, WAL), a connection per call (its default). */
export const emmettSqlite = (file: string): Appender => {
  const store = getSQLiteEventStore({ fileName: file, schema: { autoMigration: 'CreateOrUpdate' } }) as unknown as EmmettStore & { close?: () => Promise<void> }
  return emmett('emmett-sqlite', store, async () => store.close?.())
}

export const emmettPostgres = (url: string): Appender => {
  const store = getPostgreSQLEventStore(url, { schema: { autoMigration: 'CreateOrUpdate' } }) as unknown as EmmettStore & { close(): Promise<void> }
  return emmett('emmett-pg', store, () => store.close())
}

/** hoi's own store through the port, as the command handler uses it. */
export const hoiStore = async (url: string): Promise<Appender & { readonly store: EventStore }> => {
  const store = await openStore(url)
  return {
    name: 'hoi',
    store,
    append: async (streamId, events, expected) => {
      const r = await store.append(streamId, events, expected === -1 ? 'no-stream' : expected)
      if (r._tag === 'Left') {
        if (r.left._tag === 'RevisionConflict') throw new Conflict(streamId)
        throw new Error(`hoi append failed: ${JSON.stringify(r.left)}`)
      }
      return r.right.revision
    },
    read: async (streamId) => {
      let n = 0
      for await (const e of store.readStream(streamId)) if (e.metadata !== undefined) n++
      return n
    },
    revision: (streamId) => store.streamRevision(streamId),
    close: () => store.close(),
  }
}
