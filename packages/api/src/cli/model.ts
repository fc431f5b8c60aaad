import * as E from 'fp-ts/lib/Either.js'
import { decodeRecorded, type EventStore } from '@hoi/adapters'
import { apply, emptyModel, type ReadModel, type Recorded } from '@hoi/projections'

/**
 * Folds the whole log into the read model, page by page (never the log in one array). An event that
 * does not decode is skipped with a warning naming its position, as the API parks it.
 */
export const buildModel = async (store: EventStore, warn: (s: string) => void = (s) => process.stderr.write(s + '\n')): Promise<ReadModel> => {
  const model = emptyModel()
  for await (const recorded of store.readAll({ pageSize: 5_000 })) {
    const decoded = decodeRecorded(recorded)
    if (E.isLeft(decoded)) {
      warn(`skipped event at position ${recorded.position} (${recorded.type} in ${recorded.streamId}): ${decoded.left.issues.map((i) => `${i.field} ${i.message}`).join('; ')}`)
      continue
    }
    apply(model, { ...recorded, type: decoded.right.type, data: decoded.right.data } as Recorded)
  }
  return model
}
