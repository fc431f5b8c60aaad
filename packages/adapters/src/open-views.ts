import type { EventStore } from './store.js'
import type { ViewEngine } from './views.js'
import { openMemoryViews } from './memory-views.js'

/**
 * The view engine of a store: the one place that chooses it. Every store is served by the
 * reference fold for now; the table-backed engine of the SQL stores plugs in here by `store.kind`.
 */
export const openViews = async (store: EventStore): Promise<ViewEngine> => openMemoryViews(store)
