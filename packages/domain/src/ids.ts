/**
 * An append-only list of ids that successive states share: adding is O(1), so folding a long
 * stream stays linear; looking up is O(n), done once per decision rather than once per event.
 */
export type IdList = { readonly id: string; readonly rest: IdList; readonly size: number } | null

export const noIds: IdList = null
export const addId = (list: IdList, id: string): IdList => ({ id, rest: list, size: (list?.size ?? 0) + 1 })
export const hasId = (list: IdList, id: string): boolean => {
  for (let l = list; l !== null; l = l.rest) if (l.id === id) return true
  return false
}
export const idsOf = (list: IdList): string[] => {
  const out: string[] = []
  for (let l = list; l !== null; l = l.rest) out.push(l.id)
  return out.reverse()
}
