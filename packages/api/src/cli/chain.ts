import type { EventStore, PostgresStore, SqliteStore } from '@hoi/adapters'
import { UsageError } from './args.js'
import { progressOf } from './progress-total.js'
import { formatNumber } from './table.js'

/**
 * `hoi chain upgrade`: chains a store written before events carried hashes, once, in one
 * transaction. Memory stores are always chained; other stores are chained from their first event.
 */
export const chain = async (store: EventStore, sub: string | undefined, out: (s: string) => void): Promise<number> => {
  if (sub !== 'upgrade') throw new UsageError(`chain needs a subcommand: hoi chain upgrade (got ${sub ?? 'nothing'})`)
  if (store.kind !== 'sqlite' && store.kind !== 'postgres') {
    out(`a ${store.kind} store is chained from its first event: nothing to upgrade`)
    return 0
  }
  const total = await store.head()
  const bar = progressOf('chain upgrade', total)
  const outcome =
    store.kind === 'postgres'
      ? await (store as PostgresStore).upgradeChain((done) => bar.update(done))
      : (await import('@hoi/adapters/sqlite')).upgradeSqliteChain((store as SqliteStore).db, (done) => bar.update(done))
  switch (outcome._tag) {
    case 'Empty':
      out('the store is empty: every event written from now on is chained')
      return 0
    case 'AlreadyChained':
      out(`already chained: nothing changed (head ${outcome.head} ${outcome.hash})`)
      return 0
    case 'Upgraded':
      bar.finish(outcome.events)
      out(`chained ${formatNumber(outcome.events)} events written before the chain, in one transaction`)
      out(`head ${outcome.head} ${outcome.hash}`)
      out('these hashes seal the history as it is now: keep this head (hoi verify --expect POSITION:HASH proves it later)')
      return 0
  }
}
