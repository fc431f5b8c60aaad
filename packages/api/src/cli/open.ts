import { openStore, openViews, type EventStore, type ViewEngine } from '@hoi/adapters'
import { storeUrl, viewsAtFor } from './args.js'
import { viewsProgress } from './progress.js'

/**
 * Opens the store and its view engine for one CLI command, and closes both after it. Building
 * missing views (a first query on a store) and, with `catchUp`, applying the events written since
 * their checkpoint show progress on stderr: a bar with rate and ETA on a terminal, lines otherwise.
 */
export const withViews = async <T>(storeFlag: unknown, work: (views: ViewEngine, store: EventStore) => Promise<T>, o: { readonly catchUp?: boolean } = {}): Promise<T> => {
  const store = await openStore(storeUrl(storeFlag))
  try {
    const progress = viewsProgress()
    let views: ViewEngine
    try {
      views = await openViews(store, { onProgress: progress.build, viewsAt: viewsAtFor(store) })
      if (o.catchUp === true) await views.catchUp({ onProgress: progress.catchUp })
    } finally {
      progress.done()
    }
    try {
      return await work(views, store)
    } finally {
      await views.close()
    }
  } finally {
    await store.close()
  }
}
