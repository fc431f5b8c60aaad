import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { NewEvent } from './store.js'

/** Helpers for store tests and benchmarks (no test framework needed). */

/** A clock that starts at `start` and moves `stepMs` forward on every call. */
export const steppingClock = (start = '2024-01-01T00:00:00.000Z', stepMs = 1): (() => Date) => {
  let t = Date.parse(start)
  return () => {
    const d = new Date(t)
    t += stepMs
    return d
  }
}

/** A NewEvent with plausible defaults; a fresh random id unless one is given. */
export const newEvent = (o: { eventId?: string; type?: string; data?: unknown; schemaVersion?: number; commandId?: string; actor?: string; occurredOn?: string } = {}): NewEvent => {
  const commandId = o.commandId ?? randomUUID()
  return {
    eventId: o.eventId ?? randomUUID(),
    type: o.type ?? 'TestHappened',
    schemaVersion: o.schemaVersion ?? 1,
    data: o.data ?? { n: 0 },
    metadata: { occurredOn: o.occurredOn ?? '2024-01-01', actor: o.actor ?? 'test', commandId, correlationId: commandId, causationId: commandId },
  }
}

/** `n` NewEvents with data `{ n: i }`. */
export const newEvents = (n: number, o: Parameters<typeof newEvent>[0] = {}): NewEvent[] => Array.from({ length: n }, (_, i) => newEvent({ ...o, data: { n: i } }))

/** A fresh folder under the system temp folder and a database path inside it; `remove()` deletes the folder. */
export const tempSqlitePath = (prefix = 'hoi-'): { path: string; dir: string; remove: () => void } => {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { path: join(dir, 'hoi.sqlite'), dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

export const collect = async <A>(it: AsyncIterable<A>): Promise<A[]> => {
  const out: A[] = []
  for await (const a of it) out.push(a)
  return out
}
