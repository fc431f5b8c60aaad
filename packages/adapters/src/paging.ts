const done: IteratorResult<never> = { done: true, value: undefined }

/**
 * An AsyncIterable over pages fetched on demand with a synchronous driver (keyset pagination:
 * `fetch` gets the last item of the previous page). One resolved promise per item and no
 * generator machinery: this is the hot path of every aggregate load and view rebuild.
 */
export const pagedIterable = <A>(fetch: (last: A | undefined) => ReadonlyArray<A>, pageSize: number): AsyncIterable<A> => ({
  [Symbol.asyncIterator](): AsyncIterator<A> {
    let page: ReadonlyArray<A> = []
    let i = 0
    let last: A | undefined
    let more = true
    return {
      next(): Promise<IteratorResult<A>> {
        if (i >= page.length) {
          if (!more) return Promise.resolve(done)
          try {
            page = fetch(last)
          } catch (e) {
            more = false
            return Promise.reject(e instanceof Error ? e : new Error(String(e)))
          }
          i = 0
          more = page.length >= pageSize
          if (page.length === 0) return Promise.resolve(done)
        }
        last = page[i++]!
        return Promise.resolve({ done: false, value: last })
      },
      return(): Promise<IteratorResult<A>> {
        more = false
        page = []
        return Promise.resolve(done)
      },
    }
  },
})
