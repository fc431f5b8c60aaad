import type { EventStore } from '@hoi/adapters'
import { table } from './table.js'

/** Every event of a stream with its metadata, oldest first. */
export const history = async (store: EventStore, streamId: string, json: boolean, out: (s: string) => void): Promise<number> => {
  let n = 0
  const rows: Array<Array<string | number>> = []
  for await (const e of store.readStream(streamId)) {
    n++
    if (json) out(JSON.stringify(e))
    else rows.push([e.revision, e.position, e.type, e.metadata.occurredOn, e.metadata.recordedAt, e.metadata.actor, e.metadata.commandId, JSON.stringify(e.data)])
  }
  if (!json) out(n === 0 ? `no stream ${streamId}` : table(['rev', 'pos', 'type', 'occurredOn', 'recordedAt', 'actor', 'commandId', 'data'], rows, ['r', 'r']))
  return n
}
