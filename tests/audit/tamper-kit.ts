import Database from 'better-sqlite3'
import type { RecordedEvent } from '@hoi/domain'
import { chained, GENESIS } from '@hoi/adapters'
import { openSqlite } from '@hoi/adapters/sqlite'
import { newEvent } from '@hoi/adapters/testing'

/** A small deterministic PRNG (mulberry32), so a failing case can be replayed from its seed. */
export const prng = (seed: number): ((n: number) => number) => {
  let a = seed >>> 0
  return (n: number) => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n)
  }
}

const NAMES = ['Nguyễn Thị Hằng', 'Trần Văn Đức', 'Lê Thị Ánh', 'Phạm Quốc Bảo', 'Đỗ Minh Châu']

/**
 * A store written the way production writes it: two connections to one file, each with
 * concurrent appends (group commit) and appendMany transactions, interleaved.
 */
export const writeBusyStore = async (path: string, rounds: number, seed: number): Promise<number> => {
  const rnd = prng(seed)
  const conns = [openSqlite(path), openSqlite(path)]
  let n = 0
  const ev = () => newEvent({ data: { n: n++, name: NAMES[rnd(NAMES.length)], born: `19${50 + rnd(50)}-0${1 + rnd(9)}-1${rnd(10)}`, tags: ['a', rnd(1000)] } })
  for (let r = 0; r < rounds; r++) {
    await Promise.all(
      conns.flatMap((c, k) => [
        c.append(`member-${k}-${r % 5}`, [ev()], 'any'),
        c.append(`member-${k}-${(r + 1) % 5}`, [ev(), ev()], 'any'),
        c.appendMany([
          { streamId: `club-${k}`, events: [ev()], expected: 'any' },
          { streamId: `association-${k}`, events: [ev()], expected: 'any' },
        ]),
      ]),
    )
  }
  for (const c of conns) await c.close()
  return n
}

type Row = { position: number; event_id: string; stream_id: string; revision: number; type: string; schema_version: number; data: string; metadata: string; command_id: string; recorded_at: string }

export const rowToEvent = (r: Row): RecordedEvent => ({
  eventId: r.event_id,
  type: r.type,
  schemaVersion: r.schema_version,
  streamId: r.stream_id,
  revision: r.revision,
  position: r.position,
  data: JSON.parse(r.data) as unknown,
  metadata: JSON.parse(r.metadata) as RecordedEvent['metadata'],
})

/** Direct access to a store file, as someone with write access to the disk would have. */
export class Tamper {
  readonly db: Database.Database
  constructor(path: string) {
    this.db = new Database(path)
  }
  head(): number {
    return this.db.prepare('SELECT max(position) FROM events').pluck().get() as number
  }
  row(p: number): Row {
    return this.db.prepare('SELECT * FROM events WHERE position = ?').get(p) as Row
  }
  hashAt(p: number): string {
    return p === 0 ? GENESIS : (JSON.parse(this.row(p).metadata) as { hash: string }).hash
  }
  set(p: number, column: 'data' | 'metadata', text: string): void {
    this.db.prepare(`UPDATE events SET ${column} = ? WHERE position = ?`).run(text, p)
  }
  delete(p: number): void {
    this.db.prepare('DELETE FROM events WHERE position = ?').run(p)
  }
  /** positions ≥ from move by `by` (in two steps: the primary key is checked row by row) */
  shift(from: number, by: number): void {
    this.db.prepare('UPDATE events SET position = -(position + ?) WHERE position >= ?').run(by, from)
    this.db.prepare('UPDATE events SET position = -position WHERE position < 0').run()
  }
  insert(r: Row): void {
    this.db
      .prepare(
        'INSERT INTO events (position, event_id, stream_id, revision, type, schema_version, data, metadata, command_id, recorded_at) VALUES (@position, @event_id, @stream_id, @revision, @type, @schema_version, @data, @metadata, @command_id, @recorded_at)',
      )
      .run(r)
  }
  /** the event at p re-hashed as if it had been written so, linked to `prevHash` */
  rehash(p: number, prevHash: string): string {
    const e = rowToEvent(this.row(p))
    const m = chained(e, e.metadata, prevHash)
    this.set(p, 'metadata', JSON.stringify(m))
    return m.hash
  }
  close(): void {
    this.db.close()
  }
}

/** One character of `text` changed to another of its kind (digit, letter), keeping it valid JSON and different. */
export const flipByte = (text: string, rnd: (n: number) => number): string => {
  for (;;) {
    const i = rnd(text.length)
    const c = text[i]!
    let r: string | undefined
    if (/[0-9]/u.test(c)) r = String((Number(c) + 1 + rnd(9)) % 10)
    else if (/[a-z]/u.test(c)) r = String.fromCharCode(97 + ((c.charCodeAt(0) - 97 + 1 + rnd(25)) % 26))
    else if (/[A-Z]/u.test(c)) r = String.fromCharCode(65 + ((c.charCodeAt(0) - 65 + 1 + rnd(25)) % 26))
    if (r === undefined) continue
    const out = text.slice(0, i) + r + text.slice(i + 1)
    try {
      JSON.parse(out)
      return out
    } catch {
      continue
    }
  }
}
