import type { MemberState } from './model.js'

/**
 * Members by id. The fold only pushes an admission onto its association's list: a keyed insert
 * into one map of every member costs most of an admission, and a rebuild admits hundreds of
 * thousands. The map is built on the first lookup and from then on kept up to date by `apply`;
 * building it changes no answer, only the speed of the next lookup. A class, so that the methods
 * live on the prototype and two models still compare field by field.
 */
export class MemberIndex {
  #byId: Map<string, MemberState> | undefined
  #size = 0
  readonly #lists: ReadonlyMap<string, ReadonlyArray<MemberState>>

  constructor(lists: ReadonlyMap<string, ReadonlyArray<MemberState>>) {
    this.#lists = lists
  }

  /** Members ever admitted or transferred in. */
  get size(): number {
    return this.#size
  }

  get(memberId: string): MemberState | undefined {
    return this.#map().get(memberId)
  }

  has(memberId: string): boolean {
    return this.#map().has(memberId)
  }

  values(): IterableIterator<MemberState> {
    return this.#map().values()
  }

  /** For `apply` only: the member has just been pushed onto its association's list. */
  added(member: MemberState): void {
    this.#size++
    this.#byId?.set(member.memberId, member)
  }

  #map(): Map<string, MemberState> {
    if (this.#byId === undefined) {
      const byId = new Map<string, MemberState>()
      for (const list of this.#lists.values()) for (const s of list) byId.set(s.memberId, s)
      this.#byId = byId
    }
    return this.#byId
  }
}
