import * as E from 'fp-ts/lib/Either.js'
import { ERASED, Member, personalFields, type RecordedEvent } from '@hoi/domain'
import { deriveKey, open, seal, sealedPerson, type PersonKey } from './cipher.js'
import type { KeyTable } from './keys.js'
import { StoreErrorException, type AppendItem, type AppendResult, type EventStore, type NewEvent, type StoreError } from '../store.js'

type Data = Readonly<Record<string, unknown>>
const isData = (u: unknown): u is Data => typeof u === 'object' && u !== null && !Array.isArray(u)
const hasPersonal = (type: string, data: unknown): data is Data => isData(data) && (personalFields.get(type)?.fields.some((f) => data[f] !== undefined && data[f] !== ERASED) ?? false)

/** What a sealed store adds to the store it wraps: the raw store, and the keys. */
export type Sealing = {
  readonly inner: EventStore
  readonly keys: KeyTable
  forget(personId: string): void
  /** events read from the log some other way (the views' fast path) with their personal fields opened */
  open<T extends Opened>(events: ReadonlyArray<T>): Promise<T[]>
}
type Opened = { readonly type: string; readonly data: unknown; readonly position: number }
const sealings = new WeakMap<EventStore, Sealing>()

/** The store as written (ciphertext): what verify, export, import and the audit log read. */
export const unsealed = (store: EventStore): EventStore => sealings.get(store)?.inner ?? store
export const sealingOf = (store: EventStore): Sealing | undefined => sealings.get(store)

/** The persons whose sealed values these stored events carry. */
export const personsIn = (events: ReadonlyArray<{ readonly type: string; readonly data: unknown }>): string[] => {
  const out = new Set<string>()
  for (const e of events) {
    const fields = personalFields.get(e.type)?.fields
    if (fields !== undefined && isData(e.data))
      for (const f of fields) {
        const p = sealedPerson(e.data[f])
        if (p !== undefined) out.add(p)
      }
  }
  return [...out]
}

/**
 * How `hoi migrate` copies between stores: the events as written (ciphertext, so the same hashes)
 * and, before each page, the keys of the persons in it, from the source's key table to the target's.
 */
export const migrationSides = (from: EventStore, to: EventStore): { from: EventStore; to: EventStore; beforeWrite: (events: ReadonlyArray<RecordedEvent>) => Promise<void> } => {
  const a = sealingOf(from)
  const b = sealingOf(to)
  return {
    from: a?.inner ?? from,
    to: b?.inner ?? to,
    beforeWrite: async (events) => {
      const ids = personsIn(events)
      if (ids.length === 0) return
      if (a === undefined || b === undefined) throw new StoreErrorException(failure('the source holds encrypted personal data but one side keeps no keys: migrate between stores opened by hoi'))
      await b.keys.adopt(await a.keys.lookup(ids))
    },
  }
}

const failure = (message: string): StoreError => ({ _tag: 'StoreFailure', message })

/**
 * The store with members' personal fields (person/personal.ts) encrypted under per-person keys:
 * sealed on append and import, opened on every read. A field of an erased person (its key
 * destroyed) reads "[đã xoá]". The chain and every comparison of the store see the ciphertext;
 * sealing is deterministic (cipher.ts), so a repeated append is still recognised.
 */
export const sealStore = (store: EventStore, keys: KeyTable): EventStore => {
  const cache = new Map<string, PersonKey | null>()
  // the data this store sealed, by the sealed object: an append's result gives back the very object
  // it was given, whose clear text is known without opening it again
  const clearOf = new WeakMap<object, Data>()
  const personOfStream = new Map<string, string>()

  const keysOf = async (ids: ReadonlyArray<string>, create: boolean): Promise<void> => {
    const missing = [...new Set(ids)].filter((id) => !cache.has(id))
    if (missing.length === 0) return
    const found = create ? await keys.ensure(missing) : await keys.lookup(missing)
    for (const [id, k] of found) cache.set(id, k === null ? null : deriveKey(k))
  }

  /** The person of a member stream: from an event of this append, else the stream's first event. */
  const memberPerson = async (streamId: string, batch: ReadonlyArray<AppendItem>): Promise<string | undefined> => {
    const known = personOfStream.get(streamId)
    if (known !== undefined) return known
    for (const item of batch) if (item.streamId === streamId) for (const e of item.events) if (isData(e.data) && typeof e.data['personId'] === 'string') return e.data['personId']
    for await (const first of store.readStream(streamId, { pageSize: 1 })) {
      const p = isData(first.data) ? first.data['personId'] : undefined
      if (typeof p === 'string') personOfStream.set(streamId, p)
      return typeof p === 'string' ? p : undefined
    }
    return undefined
  }

  const personOf = async (streamId: string, e: NewEvent & { data: Data }, batch: ReadonlyArray<AppendItem>): Promise<string | undefined> => {
    const how = personalFields.get(e.type)!.person
    if ('personField' in how) {
      const p = e.data[how.personField]
      return typeof p === 'string' ? p : undefined
    }
    const memberId = how.memberField === undefined ? undefined : e.data[how.memberField]
    return memberPerson(typeof memberId === 'string' ? Member.streamId(memberId) : streamId, batch)
  }

  const sealItems = async <I extends AppendItem>(items: ReadonlyArray<I>): Promise<E.Either<StoreError, ReadonlyArray<I>>> => {
    const persons = new Map<NewEvent, string>()
    for (const item of items)
      for (const e of item.events)
        if (hasPersonal(e.type, e.data)) {
          const p = await personOf(item.streamId, { ...e, data: e.data }, items)
          if (p === undefined) return E.left(failure(`event ${e.eventId} (${e.type}) of ${item.streamId} holds personal data but names no person it belongs to`))
          persons.set(e, p)
        }
    if (persons.size === 0) return E.right(items)
    if (keys.clearText) return E.left(failure('this store holds personal data in clear text, written before it was encrypted: run `hoi seal` once to encrypt it'))
    await keysOf([...persons.values()], true)
    const sealed: I[] = []
    for (const item of items) {
      const events: NewEvent[] = []
      for (const e of item.events) {
        const p = persons.get(e)
        if (p === undefined || !isData(e.data)) {
          events.push(e)
          continue
        }
        const key = cache.get(p)
        if (key === null || key === undefined) return E.left(failure(`person ${p} was erased: their personal data cannot be recorded again (event ${e.eventId} of ${item.streamId})`))
        const data: Record<string, unknown> = { ...e.data }
        for (const f of personalFields.get(e.type)!.fields) if (data[f] !== undefined && data[f] !== ERASED) data[f] = seal(p, key, e.eventId, f, data[f])
        clearOf.set(data, e.data)
        events.push({ ...e, data })
      }
      sealed.push({ ...item, events })
    }
    return E.right(sealed)
  }

  const openEvents = async <T extends Opened>(events: ReadonlyArray<T>): Promise<T[]> => {
    const persons: string[] = []
    for (const e of events) {
      const fields = personalFields.get(e.type)?.fields
      if (fields !== undefined && isData(e.data))
        for (const f of fields) {
          const p = sealedPerson(e.data[f])
          if (p !== undefined) persons.push(p)
        }
    }
    if (persons.length === 0) return [...events]
    await keysOf(persons, false)
    return events.map((e) => {
      const fields = personalFields.get(e.type)?.fields
      if (fields === undefined || !isData(e.data)) return e
      let data: Record<string, unknown> | undefined
      for (const f of fields) {
        const v = e.data[f]
        const p = sealedPerson(v)
        if (p === undefined || typeof v !== 'string') continue
        data ??= { ...e.data }
        const key = cache.get(p)
        if (key === null || key === undefined) data[f] = ERASED
        else {
          const clear = open(key, f, v)
          if (clear === undefined)
            throw new StoreErrorException(failure(`the personal field ${f} of the event at position ${e.position} does not open under its person's key: it was changed (run hoi verify)`))
          data[f] = clear
        }
      }
      return data === undefined ? e : { ...e, data }
    })
  }

  const openResults = async (r: E.Either<StoreError, ReadonlyArray<AppendResult>>): Promise<E.Either<StoreError, ReadonlyArray<AppendResult>>> => {
    if (E.isLeft(r)) return r
    const out: AppendResult[] = []
    const known = (e: RecordedEvent): Data | undefined => (isData(e.data) ? clearOf.get(e.data) : undefined)
    for (const a of r.right) {
      const opened = await openEvents(a.events.filter((e) => known(e) === undefined))
      let k = 0
      out.push({
        ...a,
        events: a.events.map((e) => {
          const c = known(e)
          return c === undefined ? opened[k++]! : { ...e, data: c }
        }),
      })
    }
    return E.right(out)
  }

  async function* openStream(source: AsyncIterable<RecordedEvent>, pageSize: number): AsyncIterable<RecordedEvent> {
    let page: RecordedEvent[] = []
    for await (const e of source) {
      page.push(e)
      if (page.length >= pageSize) {
        yield* await openEvents(page)
        page = []
      }
    }
    if (page.length > 0) yield* await openEvents(page)
  }

  const overrides: Partial<EventStore> = {
    append: async (streamId, events, expected) => {
      const s = await sealItems([{ streamId, events, expected }])
      if (E.isLeft(s)) return s
      return E.map((rs: ReadonlyArray<AppendResult>) => rs[0]!)(await openResults(E.map((a: AppendResult) => [a])(await store.append(streamId, s.right[0]!.events, expected))))
    },
    appendMany: async (items) => {
      const s = await sealItems(items)
      return E.isLeft(s) ? s : openResults(await store.appendMany(s.right))
    },
    // an import copies a history as its source wrote it (hoi migrate: ciphertext, keys copied by migrationSides)
    importEvents: async (items) => openResults(await store.importEvents(items)),
    readStream: (streamId, opts) => openStream(store.readStream(streamId, opts), opts?.pageSize ?? 1000),
    readAll: (opts) => openStream(store.readAll(opts), opts?.pageSize ?? 1000),
    readPage: async (after, limit) => openEvents(await store.readPage(after, limit)),
    eventsOfCommand: async (commandId) => openEvents(await store.eventsOfCommand(commandId)),
  }
  const sealed = new Proxy(store, {
    get: (target, p) => {
      if (Object.prototype.hasOwnProperty.call(overrides, p)) return overrides[p as keyof EventStore]
      const v: unknown = Reflect.get(target, p, target)
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v
    },
  })
  sealings.set(sealed, { inner: store, keys, forget: (id) => cache.delete(id), open: openEvents })
  return sealed
}
