import type { AssociationState, AssociationStatus, Origin, ReadModel, Successor } from './model.js'
import { valueAt } from './model.js'
import { activeMemberCount, carriedFrom, dateOf, nameAt, specialAt, statusAt } from './asOf.js'
import { defaultPolicy } from '@hoi/domain'
import { areaFilter, type AbolishedLevels } from './units.js'
import { restructuringWatch, type AwaitingReorganisation } from './restructuring.js'

export type Officer = { readonly memberId: string; readonly fullName: string; readonly role: string }
export type Term = { readonly congressNumber: string; readonly start: string; readonly end: string }
export type AssociationRow = {
  readonly associationId: string
  readonly name: string
  readonly kind: AssociationState['kind']
  readonly regime: AssociationState['regime']
  readonly scope: AssociationState['scope']
  readonly areaCode: string
  readonly parentId?: string
  readonly foundedOn: string
  readonly status: AssociationStatus
  readonly special: boolean
  readonly staffQuota?: number
  readonly term?: Term
  /** Active members on the date. */
  readonly members: number
  readonly officers: ReadonlyArray<Officer>
  /** Founded by a reorganisation (R21, R22). */
  readonly origin?: Origin
  /** Ended by a reorganisation on or before the date: its heir carries on (R21). */
  readonly successor?: Successor
  /** The associations it carries on by the date (R21): their members count as its own. */
  readonly predecessors?: ReadonlyArray<string>
  /** R37: the 2025 restructuring asks to reorganise it (its level abolished, its commune merged), since that date */
  readonly awaitingReorganisation?: AwaitingReorganisation
}

export type RegistryQuery = {
  /** YYYY-MM-DD, inclusive; default: everything known. */
  readonly asOf?: string
  readonly kind?: AssociationState['kind']
  readonly scope?: AssociationState['scope']
  readonly parentId?: string
  /** An area and everything inside it. */
  readonly areaCode?: string
  /** The date whose administrative units place each association in `areaCode` (default: asOf): an area merged by then counts under the unit it went into. */
  readonly geography?: string
  readonly status?: AssociationStatus
  readonly special?: boolean
}

/** The term of the latest congress held on or before the date. */
export const termAt = (a: AssociationState, date: string): Term | undefined => {
  const c = valueAt(a.congresses, date)
  return c === undefined ? undefined : { congressNumber: c.number, start: c.termStart, end: c.termEnd }
}

const officersAt = (a: AssociationState, date: string): Officer[] =>
  a.officers.filter((o) => o.electedOn <= date && (o.relievedOn === undefined || o.relievedOn > date)).map((o) => ({ memberId: o.memberId, fullName: o.fullName, role: o.role }))

/** Active members of an association on a date; a table-backed reader counts them in SQL instead. */
export type MemberCount = (a: AssociationState, date: string) => number

export const associationRow = (
  m: ReadModel,
  a: AssociationState,
  date: string,
  count: MemberCount = (x, d) => activeMemberCount(m, x, d),
  watch: (a: AssociationState) => AwaitingReorganisation | undefined = restructuringWatch(m, date, defaultPolicy.abolishedScopes),
): AssociationRow => {
  const quota = valueAt(a.staffQuota, date)
  const awaiting = watch(a)
  const term = termAt(a, date)
  const predecessors = carriedFrom(m, a, date).map((p) => p.associationId)
  return {
    associationId: a.associationId,
    name: nameAt(a, date),
    kind: a.kind,
    regime: a.regime,
    scope: a.scope,
    areaCode: a.areaCode,
    ...(a.parentId === undefined ? {} : { parentId: a.parentId }),
    foundedOn: a.foundedOn,
    status: statusAt(a, date),
    special: specialAt(a, date),
    ...(quota === undefined ? {} : { staffQuota: quota }),
    ...(term === undefined ? {} : { term }),
    members: count(a, date),
    officers: officersAt(a, date),
    ...(a.origin === undefined ? {} : { origin: a.origin }),
    ...(a.successor === undefined || a.successor.on > date ? {} : { successor: a.successor }),
    ...(predecessors.length === 0 ? {} : { predecessors }),
    ...(awaiting === undefined ? {} : { awaitingReorganisation: awaiting }),
  }
}

/** Every association founded by the date that matches the filters, in founding (log) order. */
export const registry = (m: ReadModel, q: RegistryQuery = {}, count?: MemberCount, abolished: AbolishedLevels = defaultPolicy.abolishedScopes): AssociationRow[] => {
  const date = dateOf(q.asOf)
  const inQueryArea = areaFilter(m, q, date)
  const watch = restructuringWatch(m, date, abolished)
  const out: AssociationRow[] = []
  for (const a of m.associations.values()) {
    if (a.foundedOn > date) continue
    if (q.kind !== undefined && a.kind !== q.kind) continue
    if (q.scope !== undefined && a.scope !== q.scope) continue
    if (q.parentId !== undefined && a.parentId !== q.parentId) continue
    if (!inQueryArea(a.areaCode)) continue
    if (q.status !== undefined && statusAt(a, date) !== q.status) continue
    if (q.special !== undefined && specialAt(a, date) !== q.special) continue
    out.push(associationRow(m, a, date, count, watch))
  }
  return out
}

/** One association as of the date; undefined if unknown or not yet founded. */
export const association = (m: ReadModel, id: string, asOf?: string, count?: MemberCount, abolished: AbolishedLevels = defaultPolicy.abolishedScopes): AssociationRow | undefined => {
  const date = dateOf(asOf)
  const a = m.associations.get(id)
  return a === undefined || a.foundedOn > date ? undefined : associationRow(m, a, date, count, restructuringWatch(m, date, abolished))
}
