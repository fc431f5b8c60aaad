/**
 * An append-only list that successive states share: adding is O(1), so folding a long stream
 * stays linear; searching is O(n), done once per decision rather than once per event.
 */
export type Chain<T> = { readonly head: T; readonly rest: Chain<T>; readonly size: number } | null
export type IdList = Chain<string>

export const noIds: IdList = null
export const empty = null
export const push = <T>(list: Chain<T>, item: T): Chain<T> => ({ head: item, rest: list, size: (list?.size ?? 0) + 1 })
export const pushAll = <T>(list: Chain<T>, items: ReadonlyArray<T>): Chain<T> => items.reduce(push, list)
/** The most recently added item that matches. */
export const findIn = <T>(list: Chain<T>, match: (item: T) => boolean): T | undefined => {
  for (let l = list; l !== null; l = l.rest) if (match(l.head)) return l.head
  return undefined
}
export const someIn = <T>(list: Chain<T>, match: (item: T) => boolean): boolean => findIn(list, match) !== undefined
export const toArray = <T>(list: Chain<T>): T[] => {
  const out: T[] = []
  for (let l = list; l !== null; l = l.rest) out.push(l.head)
  return out.reverse()
}

export const addId: (list: IdList, id: string) => IdList = push
export const hasId = (list: IdList, id: string): boolean => someIn(list, (x) => x === id)
export const idsOf: (list: IdList) => string[] = toArray
