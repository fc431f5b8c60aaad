import { openStore, openViews, type EventStore, type ViewEngine } from '@hoi/adapters'
import { storeUrl } from './args.js'

/** Opens the store and its view engine for one CLI command, and closes both after it. */
export const withViews = async <T>(storeFlag: unknown, work: (views: ViewEngine, store: EventStore) => Promise<T>): Promise<T> => {
  const store = await openStore(storeUrl(storeFlag))
  try {
    const views = await openViews(store)
    try {
      return await work(views, store)
    } finally {
      await views.close()
    }
  } finally {
    await store.close()
  }
}
