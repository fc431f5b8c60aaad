import * as E from 'fp-ts/lib/Either.js'
import { erasePerson, type EventStore } from '@hoi/adapters'
import { Id, IsoDate, Text } from '@hoi/domain'
import { UsageError } from './args.js'

/**
 * `hoi erase PERSON --reason …`: erases a person's personal data (Decree 13/2023, docs/audit.md):
 * their key is destroyed and the erasure recorded; every view then shows "[đã xoá]".
 */
export const erase = async (store: EventStore, personId: string | undefined, reason: unknown, actor: string, today: string, out: (s: string) => void): Promise<number> => {
  if (personId === undefined) throw new UsageError('erase needs a person id: hoi erase PERSON --reason "…"')
  if (!Id.is(personId)) throw new UsageError(`erase: ${JSON.stringify(personId)} is not a person id`)
  if (typeof reason !== 'string' || !Text.is(reason) || reason.trim() === '')
    throw new UsageError('erase needs --reason "…" (why the person is erased, e.g. the request received; no personal data in it)')
  if (!IsoDate.is(today)) throw new Error(`today ${today} is not a date`)
  const r = await erasePerson(store, { personId, reason, actor, erasedOn: today })
  if (E.isLeft(r)) {
    const e = r.left
    out(e._tag === 'Rejection' ? `refused (${e.code}): ${e.vi} / ${e.en}` : `failed (${e._tag}): ${'message' in e ? e.message : e._tag}`)
    return 2
  }
  out(`erased the personal data of ${personId} (event at position ${r.right.position}; ${r.right.scrubbed.rows} view rows rewritten)`)
  return 0
}
