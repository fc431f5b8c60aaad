import { daysInMonth, type IsoDate } from '@hoi/domain'
import type { AssociationState, AssociationStatus, Category, MemberChange, MemberState, ReadModel } from './model.js'
import { END_OF_TIME, valueAt } from './model.js'

/** The business date a query is asked at: inclusive; no date means everything known. */
export const dateOf = (asOf: string | undefined): string => asOf ?? END_OF_TIME

/** Area codes nest by segment: `12.105` is inside `12`, `123` is not. */
export const inArea = (code: string, prefix: string | undefined): boolean => prefix === undefined || code === prefix || (code.startsWith(prefix) && code.charCodeAt(prefix.length) === 46)

export const statusAt = (a: AssociationState, date: string): AssociationStatus => valueAt(a.statuses, date) ?? 'active'
export const nameAt = (a: AssociationState, date: string): string => valueAt(a.names, date) ?? a.names[0]!.value
export const specialAt = (a: AssociationState, date: string): boolean => valueAt(a.special, date) ?? false
export const dissolvedBy = (a: AssociationState | undefined, date: string): boolean => a?.dissolvedOn !== undefined && a.dissolvedOn <= date

/** The member's later changes, if any. */
export const changeOf = (m: ReadModel, s: MemberState): MemberChange | undefined => (m.memberChanges.size === 0 ? undefined : m.memberChanges.get(s.memberId))

/** The date a membership stops counting: leaving, or the association's dissolution, whichever is first. */
export const memberEnd = (ch: MemberChange | undefined, a: AssociationState | undefined): string | undefined => {
  const dissolved = a?.dissolvedOn
  const left = ch?.leftOn
  if (left === undefined) return dissolved
  return dissolved !== undefined && dissolved < left ? dissolved : left
}

/** Admitted on or before `date` and neither left nor dissolved by then. */
export const memberActive = (s: MemberState, ch: MemberChange | undefined, a: AssociationState | undefined, date: string): boolean => {
  if (s.admittedOn > date) return false
  const end = memberEnd(ch, a)
  return end === undefined || end > date
}

export const categoryAt = (s: MemberState, ch: MemberChange | undefined, date: string): Category => (ch?.categoryChanges === undefined ? s.category : (valueAt(ch.categoryChanges, date) ?? s.category))

/** The association and every association below it, parents before children. */
export const descendants = (m: ReadModel, id: string): string[] => {
  const out = [id]
  // R30 makes the tree acyclic; the guard keeps a malformed log from looping forever
  const seen = new Set(out)
  for (let i = 0; i < out.length; i++) {
    const kids = m.children.get(out[i]!)
    if (kids !== undefined)
      for (const k of kids)
        if (!seen.has(k)) {
          seen.add(k)
          out.push(k)
        }
  }
  return out
}

/** A predecessor `a` carries on, and the date its records came to `a` (the takeover by `a` that brought them). */
export type Carried = { readonly from: AssociationState; readonly on: string }

/**
 * The associations whose records `a` carries on the date (R21): those it took over by then, and
 * theirs in turn, each with the date it came to `a`. Their members count as its own from then,
 * until they leave.
 */
export const carriedWith = (m: ReadModel, a: AssociationState, date: string): Carried[] => {
  const out: Carried[] = []
  const seen = new Set([a.associationId])
  const visit = (x: AssociationState, arrived: string | undefined): void => {
    for (const p of x.predecessors ?? []) {
      if (p.on > date || seen.has(p.value)) continue
      seen.add(p.value)
      const s = m.associations.get(p.value)
      if (s === undefined) continue
      out.push({ from: s, on: arrived ?? p.on })
      visit(s, arrived ?? p.on)
    }
  }
  visit(a, undefined)
  return out
}

export const carriedFrom = (m: ReadModel, a: AssociationState, date: string): AssociationState[] => carriedWith(m, a, date).map((c) => c.from)

/** Who carries on an association's records on a date, and since when if not itself (R21). */
export type Holder = { readonly associationId: string; readonly carriedOver?: { readonly fromAssociationId: string; readonly on: string } }

/**
 * The association that carries on `id`'s records on the date: itself until a reorganisation ends
 * it, then its heir (and that heir's, in turn), since the latest of those takeovers. Clubs and
 * targets follow it (R21).
 */
export const heirOn = (m: ReadModel, id: string, date: string): Holder => {
  let current = id
  let on: string | undefined
  const seen = new Set([id])
  for (;;) {
    const next = m.associations.get(current)?.successor
    if (next === undefined || next.on > date || seen.has(next.heirId)) return on === undefined ? { associationId: current } : { associationId: current, carriedOver: { fromAssociationId: id, on } }
    seen.add(next.heirId)
    current = next.heirId
    on = next.on
  }
}

const countActive = (m: ReadModel, id: string, a: AssociationState | undefined, date: string): number => {
  const list = m.membersOf.get(id)
  if (list === undefined) return 0
  let n = 0
  for (const s of list) if (memberActive(s, changeOf(m, s), a, date)) n++
  return n
}

/**
 * R10 after a reorganisation (R21): the memberships active on the date in an heir and in what it
 * carries on that are a person's second or later there. A person who was a member of both a
 * source and its heir (or of two sources) counts once; 0 for an association that carries nothing.
 */
export const carriedDuplicates = (m: ReadModel, a: AssociationState, date: string): number => {
  const carried = carriedFrom(m, a, date)
  if (carried.length === 0 || dissolvedBy(a, date)) return 0
  const persons = new Set<string>()
  let rows = 0
  for (const [x, own] of [[a, a] as const, ...carried.map((p) => [p, undefined] as const)])
    for (const s of m.membersOf.get(x.associationId) ?? [])
      if (memberActive(s, changeOf(m, s), own, date)) {
        rows++
        persons.add(s.personId)
      }
  return rows - persons.size
}

/** Active members on the date, with those carried over from the predecessors (their own end does not end them), each person once. */
export const activeMemberCount = (m: ReadModel, a: AssociationState, date: string): number => {
  if (dissolvedBy(a, date)) return 0
  let n = countActive(m, a.associationId, a, date)
  for (const p of carriedFrom(m, a, date)) n += countActive(m, p.associationId, undefined, date)
  return n - carriedDuplicates(m, a, date)
}

export const addMonths = (d: string, months: number): IsoDate => {
  const total = Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1 + months
  const y = Math.floor(total / 12)
  const mo = (total % 12) + 1
  const day = Math.min(Number(d.slice(8, 10)), daysInMonth(y, mo))
  return `${y}-${String(mo).padStart(2, '0')}-${String(day).padStart(2, '0')}` as IsoDate
}

export const round1 = (x: number): number => Math.round(x * 10) / 10
export const percent = (part: number, whole: number): number => (whole === 0 ? 0 : round1((part / whole) * 100))
