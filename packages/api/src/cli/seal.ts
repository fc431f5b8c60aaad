import { unsealed, type EventStore, type SqliteStore } from '@hoi/adapters'
import { progressOf } from './progress-total.js'

/** `hoi seal`: encrypts the personal fields of a store written before they were encrypted, once. */
export const sealCommand = async (store: EventStore, out: (s: string) => void): Promise<number> => {
  if (store.kind !== 'sqlite') {
    out(
      `a ${store.kind} store is encrypted from its first event: hoi seal upgrades SQLite stores written before encryption; copy an older PostgreSQL store with hoi export, hoi import into SQLite, seal it, then hoi migrate`,
    )
    return store.kind === 'postgres' ? 2 : 0
  }
  const bar = progressOf('seal', await store.head())
  const { sealSqlite } = await import('@hoi/adapters/seal')
  const r = sealSqlite((unsealed(store) as SqliteStore).db, (done) => bar.update(done))
  if (r._tag === 'AlreadySealed') {
    out('already sealed: personal fields are encrypted, nothing changed')
    return 0
  }
  bar.finish(r.events)
  out(`sealed ${r.sealed} personal fields of ${r.persons} persons in ${r.events} events, in one transaction; the chain was recomputed over the ciphertext`)
  out(`head ${r.head} ${r.hash}   (heads kept before this no longer match: keep this one)`)
  return 0
}
