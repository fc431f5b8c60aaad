import type Database from 'better-sqlite3'
import type { EventMetadata } from '@hoi/domain'
import { chained, GENESIS } from './chain.js'

export type UpgradeOutcome =
  | { readonly _tag: 'Empty' }
  | { readonly _tag: 'AlreadyChained'; readonly head: number; readonly hash: string }
  | { readonly _tag: 'Upgraded'; readonly events: number; readonly head: number; readonly hash: string }

const PAGE = 2000

/**
 * Chains a SQLite log written before events carried hashes: one write transaction over the whole
 * log, so the store is either left as it was or fully chained, never half. A log where some events
 * are chained and others not is refused: that is not an old store but a damaged one (`hoi verify`).
 * The hashes seal the history as it is at the upgrade; an auditor should keep the head it prints.
 */
export const upgradeSqliteChain = (db: Database.Database, onProgress: (done: number, total: number) => void = () => {}): UpgradeOutcome => {
  const run = db.transaction((): UpgradeOutcome => {
    const [total, withHash] = db.prepare("SELECT count(*), count(json_extract(metadata, '$.hash')) FROM events").raw().get() as [number, number]
    if (total === 0) return { _tag: 'Empty' }
    if (withHash === total) {
      const [head, hash] = db.prepare("SELECT position, json_extract(metadata, '$.hash') FROM events ORDER BY position DESC LIMIT 1").raw().get() as [number, string]
      return { _tag: 'AlreadyChained', head, hash }
    }
    if (withHash > 0) throw new Error(`${withHash} of ${total} events carry a hash and the others do not: this store is damaged, not old; run \`hoi verify\` and restore from a backup or export`)
    const page = db.prepare('SELECT position, event_id, stream_id, revision, type, schema_version, data, metadata FROM events WHERE position > ? ORDER BY position LIMIT ?').raw()
    const update = db.prepare('UPDATE events SET metadata = ? WHERE position = ?')
    let prev = GENESIS
    let last = 0
    let done = 0
    let expected = 1
    for (;;) {
      const rows = page.all(last, PAGE) as Array<[number, string, string, number, string, number, string, string]>
      if (rows.length === 0) break
      for (const [position, eventId, streamId, revision, type, schemaVersion, data, metadata] of rows) {
        if (position !== expected) throw new Error(`position ${expected} is missing (the next is ${position}): the log has a gap, so it cannot be sealed as it is`)
        const m = chained({ eventId, type, schemaVersion, streamId, revision, position, data: JSON.parse(data) as unknown }, JSON.parse(metadata) as EventMetadata, prev)
        update.run(JSON.stringify(m), position)
        prev = m.hash
        last = position
        expected = position + 1
      }
      done += rows.length
      onProgress(done, total)
    }
    return { _tag: 'Upgraded', events: done, head: last, hash: prev }
  })
  return run.immediate()
}
