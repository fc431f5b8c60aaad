import type { Flag } from '@hoi/domain'
import type { ActivityArea, ClubRoster, ClubState, ReadModel } from './model.js'
import { valueAt } from './model.js'
import { dateOf, heirOn, inArea, type Holder } from './asOf.js'
import { areaFilter, geographyAt } from './units.js'

export type ClubStatus = 'active' | 'closed'
export type ClubRow = {
  readonly clubId: string
  readonly name: string
  readonly model: ClubState['model']
  readonly hostAssociationId: string
  readonly areaCode: string
  readonly launchedOn: string
  readonly programme: ClubState['programme']
  readonly status: ClubStatus
  readonly closedOn?: string
  /** The latest roster reported on or before the date (the founding one at first). */
  readonly roster: ClubRoster
  /** R29 composition flags recorded with that roster. */
  readonly flags: ReadonlyArray<Flag>
  readonly activities: number
  /** Only the areas with at least one activity. */
  readonly activitiesByArea: Partial<Record<ActivityArea, number>>
  /** Hosted by the heir of the association that launched it, from the reorganisation (R21). */
  readonly carriedOver?: { readonly fromAssociationId: string; readonly on: string }
}

export type ClubsQuery = {
  readonly asOf?: string
  readonly hostAssociationId?: string
  readonly areaCode?: string
  /** The date whose administrative units place each club in `areaCode` (default: asOf). */
  readonly geography?: string
  readonly programme?: ClubState['programme']
  readonly model?: ClubState['model']
  readonly status?: ClubStatus
}

export const clubStatusAt = (c: ClubState, date: string): ClubStatus => (c.closedOn !== undefined && c.closedOn <= date ? 'closed' : 'active')

const clubRow = (c: ClubState, date: string, host: Holder): ClubRow => {
  const latest = valueAt(c.rosters, date) ?? c.rosters[0]!.value
  const byArea: Partial<Record<ActivityArea, number>> = {}
  let activities = 0
  for (let i = 0; i < c.activityOn.length; i++) {
    if (c.activityOn[i]! > date) continue
    const area = c.activityArea[i]!
    activities++
    byArea[area] = (byArea[area] ?? 0) + 1
  }
  const status = clubStatusAt(c, date)
  return {
    clubId: c.clubId,
    name: c.name,
    model: c.model,
    hostAssociationId: host.associationId,
    areaCode: c.areaCode,
    launchedOn: c.launchedOn,
    programme: c.programme,
    status,
    ...(status === 'closed' ? { closedOn: c.closedOn! } : {}),
    roster: latest.roster,
    flags: latest.flags,
    activities,
    activitiesByArea: byArea,
    ...(host.carriedOver === undefined ? {} : { carriedOver: host.carriedOver }),
  }
}

/** Clubs launched by the date that match the filters, in launch (log) order; the host is the one on the date. */
export const clubs = (m: ReadModel, q: ClubsQuery = {}): ClubRow[] => {
  const date = dateOf(q.asOf)
  const inQueryArea = areaFilter(m, q, date)
  const out: ClubRow[] = []
  for (const c of m.clubs.values()) {
    if (c.launchedOn > date) continue
    const host = heirOn(m, c.hostAssociationId, date)
    if (q.hostAssociationId !== undefined && host.associationId !== q.hostAssociationId) continue
    if (!inQueryArea(c.areaCode)) continue
    if (q.programme !== undefined && c.programme !== q.programme) continue
    if (q.model !== undefined && c.model !== q.model) continue
    if (q.status !== undefined && clubStatusAt(c, date) !== q.status) continue
    out.push(clubRow(c, date, host))
  }
  return out
}

export type ClubsByAreaRow = { readonly areaCode: string; readonly active: number; readonly ishc: number; readonly members: number }

/**
 * Open clubs grouped by the first `depth` segments of their area code (default 2: the district),
 * with ISHCs and the members of their latest rosters; sorted by area code.
 */
/** `geography`: group by the administrative units in force on this date (default: `asOf`), so a merged area's clubs count under the unit it went into. */
export type ClubsByAreaQuery = { readonly asOf?: string; readonly areaCode?: string; readonly depth?: number; readonly geography?: string }

export const clubsByArea = (m: ReadModel, q: ClubsByAreaQuery = {}): ClubsByAreaRow[] => {
  const date = dateOf(q.asOf)
  const geo = geographyAt(m, q.geography ?? date)
  const depth = Math.max(1, q.depth ?? 2)
  const groups = new Map<string, { areaCode: string; active: number; ishc: number; members: number }>()
  for (const c of m.clubs.values()) {
    if (c.launchedOn > date || clubStatusAt(c, date) === 'closed') continue
    const code = geo(c.areaCode)
    if (!inArea(code, q.areaCode)) continue
    const key = code.split('.').slice(0, depth).join('.')
    let g = groups.get(key)
    if (g === undefined) groups.set(key, (g = { areaCode: key, active: 0, ishc: 0, members: 0 }))
    g.active++
    if (c.model === 'ishc') g.ishc++
    g.members += (valueAt(c.rosters, date) ?? c.rosters[0]!.value).roster.total
  }
  return [...groups.values()].sort((a, b) => (a.areaCode < b.areaCode ? -1 : a.areaCode > b.areaCode ? 1 : 0))
}
