import { randomBytes } from 'node:crypto'
import type Database from 'better-sqlite3'
import { ERASED, Member, personalFields, type EventMetadata } from '@hoi/domain'
import { chained, GENESIS } from '../chain.js'
import { deriveKey, seal, type PersonKey } from './cipher.js'

export type SealOutcome =
  { readonly _tag: 'AlreadySealed' } | { readonly _tag: 'Sealed'; readonly events: number; readonly sealed: number; readonly persons: number; readonly head: number; readonly hash: string }

const PAGE = 2000
type Row = [number, string, string, number, string, number, string, string]

/**
 * `hoi seal` on SQLite: a store written before personal fields were encrypted gets its key table,
 * every personal field of every event sealed (cipher.ts), and its chain recomputed from position 1,
 * in one transaction: it either finishes or leaves the store as it was, never half-encrypted.
 * The hashes change (they cover the ciphertext): the new head is the one auditors keep.
 */
export const sealSqlite = (db: Database.Database, onProgress: (done: number) => void = () => {}): SealOutcome => {
  const run = db.transaction((): SealOutcome => {
    if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'person_keys'").pluck().get() !== undefined) return { _tag: 'AlreadySealed' }
    db.exec('CREATE TABLE person_keys (person_id TEXT PRIMARY KEY, key BLOB, erased_at TEXT)')
    const insertKey = db.prepare('INSERT INTO person_keys (person_id, key) VALUES (?, ?)')
    const page = db.prepare('SELECT position, event_id, stream_id, revision, type, schema_version, data, metadata FROM events WHERE position > ? ORDER BY position LIMIT ?').raw()
    const update = db.prepare('UPDATE events SET data = ?, metadata = ? WHERE position = ?')
    const keys = new Map<string, PersonKey>()
    const personOfStream = new Map<string, string>()
    const keyOf = (personId: string): PersonKey => {
      let k = keys.get(personId)
      if (k === undefined) {
        const raw = randomBytes(32)
        insertKey.run(personId, raw)
        k = deriveKey(raw)
        keys.set(personId, k)
      }
      return k
    }
    let prev = GENESIS
    let last = 0
    let sealed = 0
    for (;;) {
      const rows = page.all(last, PAGE) as Row[]
      if (rows.length === 0) break
      for (const [position, eventId, streamId, revision, type, schemaVersion, dataText, metadataText] of rows) {
        const data = JSON.parse(dataText) as Record<string, unknown>
        if (typeof data['personId'] === 'string' && Member.parseStreamId(streamId) !== undefined) personOfStream.set(streamId, data['personId'])
        const declared = personalFields.get(type)
        if (declared !== undefined) {
          const how = declared.person
          const memberId = 'memberField' in how && how.memberField !== undefined ? data[how.memberField] : undefined
          const personId = 'personField' in how ? data[how.personField] : personOfStream.get(typeof memberId === 'string' ? Member.streamId(memberId) : streamId)
          for (const f of declared.fields) {
            const v = data[f]
            if (v === undefined || v === ERASED || (typeof v === 'string' && v.startsWith('enc1:'))) continue
            if (typeof personId !== 'string') throw new Error(`event at position ${position} (${type}) holds personal data but names no person: the store is not sealed`)
            data[f] = seal(personId, keyOf(personId), eventId, f, v)
            sealed += 1
          }
        }
        const metadata = chained({ eventId, type, schemaVersion, streamId, revision, position, data }, JSON.parse(metadataText) as EventMetadata, prev)
        update.run(JSON.stringify(data), JSON.stringify(metadata), position)
        prev = metadata.hash
        last = position
      }
      onProgress(last)
    }
    return { _tag: 'Sealed', events: last, sealed, persons: keys.size, head: last, hash: prev }
  })
  return run.immediate()
}
