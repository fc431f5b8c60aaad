import { nameKey, type Flag } from '@hoi/domain'
import type { AssociationState, Category, MemberChange, MemberState, ReadModel } from './model.js'
import { carriedWith, categoryAt, changeOf, dateOf, descendants, memberActive } from './asOf.js'

export type MemberRow = {
  readonly memberId: string
  readonly associationId: string
  readonly personId: string
  readonly fullName: string
  readonly birthDate: string
  readonly gender: MemberState['gender']
  readonly category: Category
  readonly admittedOn: string
  readonly cardNo?: string
  readonly flags: ReadonlyArray<Flag>
  /** A member carried over by a reorganisation (R21): the association it joined, and the date it came to this one. */
  readonly carriedOver?: { readonly fromAssociationId: string; readonly on: string }
  /** R10 after a reorganisation (R21): the person's other memberships active here, listed under this one */
  readonly alsoMemberIds?: ReadonlyArray<string>
}

export type RosterQuery = {
  /** YYYY-MM-DD, inclusive; default: everything known. */
  readonly asOf?: string
  readonly includeDescendants?: boolean
  readonly category?: Category
  /** Part of a name, case-insensitive, NFC and NFD alike; typed without marks it ignores them ("phung" finds Phùng). */
  readonly search?: string
}

/**
 * nameKey of a stored name, cheaply: stored names are already NFC and single-spaced (the Name
 * codec), and lower-casing needs no Vietnamese tailoring, so only the look-alike ð → đ remains.
 */
const storedNameKey = (fullName: string): string => {
  const k = fullName.toLowerCase()
  return k.includes('\u00F0') ? k.replace(/\u00F0/gu, '\u0111') : k
}

/** A name without its tone and vowel marks, đ as d: how Vietnamese users type on a phone ("phung" for "Phùng"). */
const unmarked = (key: string): string =>
  key
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\u0111/gu, 'd')
    .normalize('NFC')

/**
 * Does a stored name match the search? A search typed without marks matches without them ("le"
 * finds Lê and Lệ); one typed with marks matches exactly those marks ("Lê" finds Lê, not Lệ).
 */
const nameMatcher = (search: string): ((fullName: string) => boolean) | undefined => {
  const needle = nameKey(search)
  if (needle === '') return undefined
  const bare = unmarked(needle)
  return bare === needle ? (name) => unmarked(storedNameKey(name)).includes(bare) : (name) => storedNameKey(name).includes(needle)
}

const memberRow = (s: MemberState, ch: MemberChange | undefined, category: Category): MemberRow => {
  const cardNo = ch?.cardNo ?? s.cardNo
  return {
    memberId: s.memberId,
    associationId: s.associationId,
    personId: s.personId,
    fullName: ch?.fullName ?? s.fullName,
    birthDate: ch?.birthDate ?? s.birthDate,
    gender: ch?.gender ?? s.gender,
    category,
    admittedOn: s.admittedOn,
    ...(cardNo === undefined ? {} : { cardNo }),
    flags: s.flags,
  }
}

type Carry = { readonly into: string; readonly from: string; readonly on: string }

/**
 * R10 after a reorganisation (R21): a person who was a member of a source and of its heir (or of
 * two sources) is listed once, by the membership joined first (the first listed on the same date),
 * naming the others.
 */
const onePerPerson = (rows: ReadonlyArray<MemberRow>): MemberRow[] => {
  const first = new Map<string, MemberRow>()
  const others = new Map<string, string[]>()
  for (const r of rows) {
    const kept = first.get(r.personId)
    if (kept === undefined) first.set(r.personId, r)
    else {
      const [stays, goes] = r.admittedOn < kept.admittedOn ? [r, kept] : [kept, r]
      first.set(r.personId, stays)
      others.set(r.personId, [...(others.get(r.personId) ?? []), goes.memberId])
    }
  }
  return rows.flatMap((r) => {
    if (first.get(r.personId) !== r) return []
    const also = others.get(r.personId)
    return also === undefined ? [r] : [{ ...r, alsoMemberIds: also.sort() }]
  })
}

/**
 * Active members of an association on the date (personal data: the API restricts who may ask),
 * in admission (log) order, association by association; after each, the members it carries on
 * from the associations it took over (R21), listed under it with the date they came, each person once.
 */
export const roster = (m: ReadModel, associationId: string, q: RosterQuery = {}): MemberRow[] => {
  const date = dateOf(q.asOf)
  const matches = q.search === undefined ? undefined : nameMatcher(q.search)
  const ids = q.includeDescendants === true ? descendants(m, associationId) : [associationId]
  const out: MemberRow[] = []
  const wanted = (category: Category, fullName: string): boolean => (q.category === undefined || category === q.category) && (matches === undefined || matches(fullName))
  const add = (into: MemberRow[], id: string, a: AssociationState | undefined, carry: Carry | undefined, filter: boolean): void => {
    const list = m.membersOf.get(id)
    if (list === undefined) return
    for (const s of list) {
      const ch = changeOf(m, s)
      if (!memberActive(s, ch, a, date)) continue
      const category = categoryAt(s, ch, date)
      if (filter && !wanted(category, ch?.fullName ?? s.fullName)) continue
      const row = memberRow(s, ch, category)
      into.push(carry === undefined ? row : { ...row, associationId: carry.into, carriedOver: { fromAssociationId: carry.from, on: carry.on } })
    }
  }
  for (const id of ids) {
    const a = m.associations.get(id)
    // a dissolved heir has no members left, carried or its own
    const carried = a === undefined || (a.dissolvedOn !== undefined && a.dissolvedOn <= date) ? [] : carriedWith(m, a, date)
    if (carried.length === 0) {
      add(out, id, a, undefined, true)
      continue
    }
    // the source's own end does not end the members it carried over; a person is listed once before filtering
    const group: MemberRow[] = []
    add(group, id, a, undefined, false)
    for (const c of carried) add(group, c.from.associationId, undefined, { into: id, from: c.from.associationId, on: c.on }, false)
    for (const r of onePerPerson(group)) if (wanted(r.category, r.fullName)) out.push(r)
  }
  return out
}
