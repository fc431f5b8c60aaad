const done: IteratorResult<never> = { done: true, value: undefined }

/**
 * The asynchronous twin of `pagedIterable`, for drivers that answer over the network (keyset
 * pagination: `fetch` gets the last item of the previous page). While the caller consumes a full
 * page, the next one is already being fetched, so a long read pays one round trip at the start
 * rather than one per page. An early `return()` (a `break` in for-await) discards the page in flight.
 */
export const pagedAsyncIterable = <A>(fetch: (last: A | undefined) => Promise<ReadonlyArray<A>>, pageSize: number): AsyncIterable<A> => ({
  [Symbol.asyncIterator](): AsyncIterator<A> {
    let page: ReadonlyArray<A> = []
    let i = 0
    let ahead: Promise<ReadonlyArray<A>> | undefined = fetch(undefined)
    let stopped = false
    const quiet = (p: Promise<ReadonlyArray<A>>): Promise<ReadonlyArray<A>> => {
      // a prefetched page nobody asks for must not become an unhandled rejection
      p.catch(() => undefined)
      return p
    }
    ahead = quiet(ahead)
    return {
      async next(): Promise<IteratorResult<A>> {
        if (i >= page.length) {
          if (stopped || ahead === undefined) return done
          try {
            page = await ahead
          } catch (e) {
            stopped = true
            ahead = undefined
            throw e
          }
          i = 0
          if (stopped) return done
          ahead = page.length >= pageSize ? quiet(fetch(page[page.length - 1])) : undefined
          if (page.length === 0) return done
        }
        return { done: false, value: page[i++]! }
      },
      async return(): Promise<IteratorResult<A>> {
        stopped = true
        ahead = undefined
        page = []
        return done
      },
    }
  },
})
