import { defaultPolicy, type Policy } from '@hoi/domain'
import * as P from '@hoi/projections'
import type { AssociationState, ReadModel } from '@hoi/projections'
import { recordInstant } from '../record-time.js'
import type { EventStore } from '../store.js'
import type { RecordTime, ViewReader } from '../views.js'
import type { SqlValue } from './driver.js'
import { loadAssociations, loadClubs, loadFoundings, loadMembers, loadMovements, loadReports, loadTargets, loadTree, loadUnits } from './load.js'
import { loadGovernance } from './load-governance.js'
import type { Runner } from './runner.js'
import { inAreaSql, inList, Snapshot } from './snapshot.js'

const END = '9999-12-31'
const dateOf = (asOf: string | undefined): string => asOf ?? END

/** The instant that `recordedAsOf` names (the end of the day for a date), as the stores stamp recordedAt. */
export const recordedInstant = (v: string): string => new Date(recordInstant(v)).toISOString()

/**
 * The greatest position whose event was recorded at or before the instant (stores stamp
 * recordedAt non-decreasing in position order): a binary search of one-event pages.
 */
export const positionRecordedBy = async (store: EventStore, instant: string, head: number): Promise<number> => {
  let found = 0
  let lo = 1
  let hi = head
  while (lo <= hi) {
    const mid = Math.floor((lo + hi) / 2)
    const [e] = await store.readPage(mid - 1, 1)
    if (e === undefined) break
    if (e.metadata.recordedAt <= instant) {
      found = e.position
      lo = e.position + 1
    } else hi = mid - 1
  }
  return found
}

/** Every view of views.ts answered from the tables, by the pure query over the rows it needs. */
export const sqlReader = (runner: Runner, store: EventStore, policy: Policy = defaultPolicy): ViewReader => {
  const tableOf = new Map<string, string>()
  for (const d of runner.defs) for (const t of Object.keys(d.tables)) tableOf.set(t, d.name)

  const snapshot = async (rt: RecordTime): Promise<Snapshot> => {
    const states = await runner.states()
    const tables = new Map<string, string>()
    let cutoff = Number.MAX_SAFE_INTEGER
    for (const [t, name] of tableOf) {
      const s = states.get(name)
      if (s === undefined) throw new Error(`view ${name} has no tables: open the view engine first`)
      tables.set(t, `hv_${t}_g${s.generation}`)
      cutoff = Math.min(cutoff, s.position)
    }
    if (rt.recordedAsOf !== undefined) cutoff = Math.min(cutoff, await positionRecordedBy(store, recordedInstant(rt.recordedAsOf), await store.head()))
    return new Snapshot(runner.driver, tables, cutoff)
  }

  /**
   * Member figures per association, in SQL: admissions from the members' covering index alone,
   * minus what the (few) rows of later changes take away, so no join touches every member.
   */
  const memberFigures = async (s: Snapshot, where: { sql: string; params: ReadonlyArray<SqlValue> }, yearStart: string, date: string): Promise<Map<string, P.MemberFigures>> => {
    const p1: SqlValue[] = [date, yearStart, date]
    const kx = s.known('x', p1)
    const ka = s.known('a', p1)
    p1.push(...where.params)
    const scope = (ka: string): string => `x.association_id IN (SELECT a.association_id FROM ${s.t('associations')} a WHERE ${ka} AND ${where.sql})`
    const admitted = await s.all<{ id: string; n: number; y: number }>(
      `SELECT x.association_id AS id,
        sum(CASE WHEN x.valid_from <= ? THEN 1 ELSE 0 END) AS n,
        sum(CASE WHEN x.via = 'admitted' AND x.valid_from >= ? AND x.valid_from <= ? THEN 1 ELSE 0 END) AS y
      FROM ${s.t('members')} x WHERE ${kx} AND ${scope(ka)} GROUP BY x.association_id`,
      p1,
    )
    const p2: SqlValue[] = [date, date, yearStart, date]
    const kx2 = s.known('x', p2)
    const kc = s.known('c', p2)
    const ka2 = s.known('a', p2)
    p2.push(...where.params)
    const gone = await s.all<{ id: string; n: number; y: number }>(
      `SELECT x.association_id AS id,
        sum(CASE WHEN x.valid_from <= ? AND c.valid_to <= ? THEN 1 ELSE 0 END) AS n,
        sum(CASE WHEN c.left_by <> 'transferred-out' AND c.valid_to >= ? AND c.valid_to <= ? THEN 1 ELSE 0 END) AS y
      FROM ${s.t('member_changes')} c JOIN ${s.t('members')} x ON x.member_id = c.member_id AND ${kx2}
      WHERE ${kc} AND c.valid_to IS NOT NULL AND ${scope(ka2)} GROUP BY x.association_id`,
      p2,
    )
    const out = new Map<string, P.MemberFigures>()
    for (const r of admitted) out.set(r.id, { active: Number(r.n), admitted: Number(r.y), left: 0 })
    for (const r of gone) {
      const f = out.get(r.id) ?? { active: 0, admitted: 0, left: 0 }
      out.set(r.id, { active: f.active - Number(r.n), admitted: f.admitted, left: Number(r.y) })
    }
    return out
  }
  const memberCounts = async (s: Snapshot, ids: ReadonlyArray<string>, date: string): Promise<Map<string, number>> => {
    const p: SqlValue[] = []
    const figures = await memberFigures(s, { sql: inList('a.association_id', ids, p), params: p }, date, date)
    return new Map([...figures].map(([k, f]) => [k, f.active]))
  }
  /**
   * R10 after a reorganisation (R21), as the fold's carriedDuplicates: per loaded heir not dissolved
   * by the date, its members and those it carries active then, less the persons among them.
   */
  const duplicates = async (s: Snapshot, m: ReadModel, date: string): Promise<Map<string, number>> => {
    const out = new Map<string, number>()
    for (const a of m.associations.values()) {
      const carried = P.carriedFrom(m, a, date)
      if (carried.length === 0 || P.dissolvedBy(a, date)) continue
      const p: SqlValue[] = []
      const kc = s.known('c', p)
      const kx = s.known('x', p)
      const group = inList('x.association_id', [a.associationId, ...carried.map((c) => c.associationId)], p)
      p.push(date, date)
      const [r] = await s.all<{ n: number }>(
        `SELECT count(*) - count(DISTINCT x.person_id) AS n FROM ${s.t('members')} x LEFT JOIN ${s.t('member_changes')} c ON c.member_id = x.member_id AND ${kc}
        WHERE ${kx} AND ${group} AND x.valid_from <= ? AND (c.valid_to IS NULL OR c.valid_to > ?)`,
        p,
      )
      if (r !== undefined && Number(r.n) > 0) out.set(a.associationId, Number(r.n))
    }
    return out
  }
  /** A count per association, with the members carried over from its predecessors (R21), each person once (R10). */
  const counter =
    (m: ReadModel, counts: Map<string, number>, dups: Map<string, number>): P.MemberCount =>
    (a, d) => {
      if (P.dissolvedBy(a, d)) return 0
      let n = counts.get(a.associationId) ?? 0
      for (const p of P.carriedFrom(m, a, d)) n += counts.get(p.associationId) ?? 0
      return n - (dups.get(a.associationId) ?? 0)
    }
  /** Loads the predecessors of the loaded associations, and theirs, so carriedFrom can follow them. */
  /** The heirs that carry on the given associations by `upTo` (R21), and theirs in turn, loaded with their facts. */
  const loadHeirs = async (s: Snapshot, m: ReadModel, ids: ReadonlyArray<string>, upTo: string): Promise<void> => {
    const seen = new Set<string>()
    for (let todo = [...new Set(ids)]; todo.length > 0;) {
      for (const id of todo) seen.add(id)
      const missing = todo.filter((id) => !m.associations.has(id))
      const p: SqlValue[] = []
      if (missing.length > 0) await loadAssociations(s, m, { sql: inList('a.association_id', missing, p), params: p }, upTo)
      todo = [
        ...new Set(
          todo.flatMap((id) => {
            const next = m.associations.get(id)?.successor
            return next === undefined || next.on > upTo ? [] : [next.heirId]
          }),
        ),
      ].filter((id) => !seen.has(id))
    }
  }

  /**
   * An association and those it carries on by `upTo` (R21): the owners whose records it now holds.
   * The fold follows each source's `successor`, recorded with the source's end, and the heir records
   * its takeover in a follow-up: so the sources that name a successor (few: the reorganised ones)
   * are loaded too, and those whose line of heirs reaches `id` by `upTo` count before the takeover is known.
   */
  const withPredecessors = async (s: Snapshot, m: ReadModel, id: string, upTo: string): Promise<string[]> => {
    await loadAssociations(s, m, { sql: 'a.association_id = ?', params: [id] }, upTo)
    const recorded = await loadPredecessors(s, m, upTo)
    const p: SqlValue[] = []
    const known = s.known('f', p)
    p.push(upTo)
    const ended = await s.all<{ id: string }>(`SELECT DISTINCT f.association_id AS id FROM ${s.t('association_facts')} f WHERE ${known} AND f.fact = 'successor' AND f.valid_from <= ?`, p)
    const sources = ended.map((r) => r.id).filter((x) => x !== id && !m.associations.has(x))
    if (sources.length > 0) {
      const q: SqlValue[] = []
      await loadAssociations(s, m, { sql: inList('a.association_id', sources, q), params: q }, upTo)
      await loadHeirs(s, m, sources, upTo)
    }
    const named = ended.map((r) => r.id).filter((x) => x !== id && P.heirOn(m, x, upTo).associationId === id)
    return [...new Set([id, ...recorded, ...named])]
  }

  const loadPredecessors = async (s: Snapshot, m: ReadModel, upTo: string): Promise<string[]> => {
    const out: string[] = []
    for (let todo = [...m.associations.values()]; todo.length > 0;) {
      const missing = [...new Set(todo.flatMap((a) => (a.predecessors ?? []).map((x) => x.value)))].filter((id) => !m.associations.has(id))
      if (missing.length === 0) break
      const p: SqlValue[] = []
      todo = await loadAssociations(s, m, { sql: inList('a.association_id', missing, p), params: p }, upTo)
      out.push(...todo.map((a) => a.associationId))
    }
    return out
  }

  /**
   * The dated changes of a tree's member count, from SQL counts per date: the same deltas the
   * fold's memberDeltas lists one member at a time, summed by date.
   */
  const memberDeltas = async (s: Snapshot, m: ReadModel, tree: ReadonlyArray<string>, counting: P.TargetState['counting'], startOn: string): Promise<Array<[string, number]>> => {
    const out: Array<[string, number]> = []
    if (counting === 'new-since-start') {
      const p: SqlValue[] = []
      const k = s.known('x', p)
      const inTree = inList('x.association_id', tree, p)
      p.push(startOn)
      const fromTree = inList('x.from_association_id', tree, p)
      const rows = await s.all<{ d: string; n: number }>(
        `SELECT x.valid_from AS d, count(*) AS n FROM ${s.t('members')} x
        WHERE ${k} AND ${inTree} AND x.valid_from >= ? AND NOT (x.via = 'transferred-in' AND x.from_association_id IS NOT NULL AND ${fromTree})
        GROUP BY x.valid_from`,
        p,
      )
      for (const r of rows) out.push([r.d, Number(r.n)])
      return out
    }
    const p1: SqlValue[] = []
    const k1 = s.known('x', p1)
    const in1 = inList('x.association_id', tree, p1)
    const admitted = await s.all<{ a: string; d: string; n: number }>(
      `SELECT x.association_id AS a, x.valid_from AS d, count(*) AS n FROM ${s.t('members')} x
      WHERE ${k1} AND ${in1} GROUP BY x.association_id, x.valid_from`,
      p1,
    )
    const p2: SqlValue[] = []
    const kx = s.known('x', p2)
    const kc = s.known('c', p2)
    const in2 = inList('x.association_id', tree, p2)
    const left = await s.all<{ a: string; d: string; n: number }>(
      `SELECT x.association_id AS a, c.valid_to AS d, count(*) AS n
      FROM ${s.t('member_changes')} c JOIN ${s.t('members')} x ON x.member_id = c.member_id AND ${kx}
      WHERE ${kc} AND c.valid_to IS NOT NULL AND ${in2} GROUP BY x.association_id, c.valid_to`,
      p2,
    )
    // a membership ends on leaving or on the association's dissolution, whichever is first
    const total = new Map<string, number>()
    for (const r of admitted) {
      out.push([r.d, Number(r.n)])
      total.set(r.a, (total.get(r.a) ?? 0) + Number(r.n))
    }
    const endedEarlier = new Map<string, number>()
    // an association ended by a reorganisation does not end its members: its heir carries them on (R21)
    const endOf = (id: string): string | undefined => {
      const a = m.associations.get(id)
      return a?.successor === undefined ? a?.dissolvedOn : undefined
    }
    for (const r of left) {
      const dissolved = endOf(r.a)
      if (dissolved !== undefined && r.d > dissolved) continue
      out.push([r.d, -Number(r.n)])
      endedEarlier.set(r.a, (endedEarlier.get(r.a) ?? 0) + Number(r.n))
    }
    for (const [a, n] of total) {
      const dissolved = endOf(a)
      if (dissolved !== undefined) out.push([dissolved, -(n - (endedEarlier.get(a) ?? 0))])
    }
    return out
  }

  /** What the target metrics read: matching clubs, the trees' associations, member counts per date, reports. */
  const loadForTargets = async (s: Snapshot, m: ReadModel, targets: ReadonlyArray<P.TargetState>): Promise<P.MemberDeltas | undefined> => {
    const clubAreas: Array<string | undefined> = []
    const memberRoots: string[] = []
    const reportRoots: string[] = []
    for (const t of targets) {
      if (t.metric.kind === 'clubs-launched') clubAreas.push(t.metric.areaCode)
      else if (t.metric.kind === 'members-admitted') memberRoots.push(t.metric.associationId)
      else reportRoots.push(t.metric.associationId)
    }
    if (clubAreas.length > 0) {
      const p: SqlValue[] = []
      const sql = clubAreas.includes(undefined) ? '1 = 1' : `(${clubAreas.map((a) => inAreaSql('c.area_code', a, p)).join(' OR ')})`
      await loadClubs(s, m, { sql, params: p })
    }
    if (memberRoots.length === 0 && reportRoots.length === 0) return undefined
    await loadTree(s, m)
    const tree = (roots: string[]): string[] => [...new Set(roots.flatMap((r) => P.descendants(m, r)))]
    const memberIds = tree(memberRoots)
    const reportIds = tree(reportRoots)
    const ids = [...new Set([...memberIds, ...reportIds])]
    const p: SqlValue[] = []
    await loadAssociations(s, m, { sql: inList('a.association_id', ids, p), params: p })
    const rp: SqlValue[] = []
    if (reportIds.length > 0) await loadReports(s, m, { sql: inList('r.association_id', reportIds, rp), params: rp })
    // the pure query asks synchronously: every (tree, counting, start) it may ask is counted first
    const deltas = new Map<string, Array<[string, number]>>()
    for (const t of targets) {
      if (t.metric.kind !== 'members-admitted') continue
      for (const counting of ['cumulative', 'new-since-start'] as const) {
        const key = `${t.metric.associationId}|${counting}|${t.startOn}`
        if (!deltas.has(key)) deltas.set(key, await memberDeltas(s, m, P.descendants(m, t.metric.associationId), counting, t.startOn))
      }
    }
    return (id, counting, startOn) => {
      const d = deltas.get(`${id}|${counting}|${startOn}`)
      if (d === undefined) throw new Error(`member counts of ${id} from ${startOn} were not loaded`)
      return d
    }
  }

  /**
   * An area filter in the geography of `date`: the area's own codes and the codes of units merged
   * into it by then (the pure query then leaves out what was merged out of it). Loads the units.
   */
  const inGeography = async (s: Snapshot, m: ReadModel, col: string, areaCode: string | undefined, date: string, params: SqlValue[]): Promise<string> => {
    await loadUnits(s, m)
    const own = inAreaSql(col, areaCode, params)
    const merged = P.mergedIntoArea(m, date, areaCode)
    return merged.length === 0 ? own : `(${own} OR ${inList(col, merged, params)})`
  }

  /** The associations a meetings query covers: all, one, or one and those below it. */
  const loadCovered = async (s: Snapshot, m: ReadModel, q: P.MeetingsQuery): Promise<void> => {
    if (q.associationId === undefined) {
      await loadAssociations(s, m, { sql: '1 = 1', params: [] })
      return
    }
    if (q.includeDescendants === true) await loadTree(s, m)
    const p: SqlValue[] = []
    await loadAssociations(s, m, { sql: inList('a.association_id', q.includeDescendants === true ? P.descendants(m, q.associationId) : [q.associationId], p), params: p })
  }

  const reader: ViewReader = {
    async registry(q) {
      const s = await snapshot(q)
      const m = P.emptyModel()
      const date = dateOf(q.asOf)
      const p: SqlValue[] = [date]
      let sql = 'a.founded_on <= ?'
      if (q.kind !== undefined) {
        sql += ' AND a.kind = ?'
        p.push(q.kind)
      }
      if (q.scope !== undefined) {
        sql += ' AND a.scope = ?'
        p.push(q.scope)
      }
      if (q.parentId !== undefined) {
        sql += ' AND a.parent_id = ?'
        p.push(q.parentId)
      }
      sql += ` AND ${await inGeography(s, m, 'a.area_code', q.areaCode, q.geography ?? date, p)}`
      const found = await loadAssociations(s, m, { sql, params: p }, date)
      const carried = await loadPredecessors(s, m, date)
      const counts = await memberCounts(s, [...found.map((a) => a.associationId), ...carried], date)
      return P.registry(m, q, counter(m, counts, await duplicates(s, m, date)), policy.abolishedScopes)
    },
    async association(id, q) {
      const s = await snapshot(q)
      const m = P.emptyModel()
      const date = dateOf(q.asOf)
      const found = await loadAssociations(s, m, { sql: 'a.association_id = ?', params: [id] }, date)
      if (found.length === 0) return undefined
      const carried = await loadPredecessors(s, m, date)
      // R37: whether a commune association's commune was merged is read from the units
      if (found.some((a) => a.scope === 'commune')) await loadUnits(s, m)
      return P.association(m, id, q.asOf, counter(m, await memberCounts(s, [id, ...carried], date), await duplicates(s, m, date)), policy.abolishedScopes)
    },
    async roster(id, q) {
      const s = await snapshot(q)
      const m = P.emptyModel()
      const date = dateOf(q.asOf)
      if (q.includeDescendants === true) await loadTree(s, m)
      const ids = q.includeDescendants === true ? P.descendants(m, id) : [id]
      const p: SqlValue[] = []
      await loadAssociations(s, m, { sql: inList('a.association_id', ids, p), params: p }, date)
      if (!m.associations.has(id)) return undefined
      // the members the tree carries on from the associations it took over (R21)
      const carried = await loadPredecessors(s, m, date)
      await loadMembers(s, m, [...ids, ...carried], date)
      return P.roster(m, id, q)
    },
    async statistics(q) {
      const s = await snapshot(q)
      const m = P.emptyModel()
      const yearEnd = `${q.year}-12-31`
      const yearStart = `${q.year}-01-01`
      const date = q.asOf !== undefined && q.asOf < yearEnd ? q.asOf : yearEnd
      const geography = q.geography ?? date
      const ap: SqlValue[] = [date]
      const where = { sql: `a.founded_on <= ? AND ${await inGeography(s, m, 'a.area_code', q.areaCode, geography, ap)}`, params: ap }
      await loadAssociations(s, m, where, date)
      const cp: SqlValue[] = [date]
      await loadClubs(s, m, { sql: `c.launched_on <= ? AND ${await inGeography(s, m, 'c.area_code', q.areaCode, geography, cp)}`, params: cp })
      // the member figures of 180,000 members: aggregates in SQL
      const figures = await memberFigures(s, where, yearStart, date)
      // predecessors outside the area still carry their members into a heir inside it (R21)
      const outside = (await loadPredecessors(s, m, date)).filter((id) => !figures.has(id))
      if (outside.length > 0) {
        const pp: SqlValue[] = []
        for (const [id, f] of await memberFigures(s, { sql: inList('a.association_id', outside, pp), params: pp }, yearStart, date)) figures.set(id, f)
      }
      const none = { active: 0, admitted: 0, left: 0 }
      const dups = await duplicates(s, m, date)
      return P.statistics(
        m,
        q,
        (a: AssociationState) => figures.get(a.associationId) ?? none,
        (a: AssociationState) => dups.get(a.associationId) ?? 0,
      )
    },
    async clubs(q) {
      const s = await snapshot(q)
      const m = P.emptyModel()
      const date = dateOf(q.asOf)
      const p: SqlValue[] = [date]
      let sql = 'c.launched_on <= ?'
      if (q.hostAssociationId !== undefined) sql += ` AND ${inList('c.host_association_id', await withPredecessors(s, m, q.hostAssociationId, date), p)}`
      if (q.programme !== undefined) {
        sql += ' AND c.programme = ?'
        p.push(q.programme)
      }
      if (q.model !== undefined) {
        sql += ' AND c.model = ?'
        p.push(q.model)
      }
      sql += ` AND ${await inGeography(s, m, 'c.area_code', q.areaCode, q.geography ?? date, p)}`
      await loadClubs(s, m, { sql, params: p }, date)
      await loadHeirs(
        s,
        m,
        [...m.clubs.values()].map((c) => c.hostAssociationId),
        date,
      )
      return P.clubs(m, q)
    },
    async clubsByArea(q) {
      const s = await snapshot(q)
      const m = P.emptyModel()
      const date = dateOf(q.asOf)
      const p: SqlValue[] = [date, date]
      const area = await inGeography(s, m, 'c.area_code', q.areaCode, q.geography ?? date, p)
      await loadClubs(s, m, { sql: `c.launched_on <= ? AND (c.closed_on IS NULL OR c.closed_on > ?) AND ${area}`, params: p })
      return P.clubsByArea(m, q)
    },
    async units(q) {
      const s = await snapshot(q)
      const m = P.emptyModel()
      await loadUnits(s, m)
      return P.units(m, q, policy.abolishedScopes)
    },
    async targets(q) {
      const s = await snapshot(q)
      const m = P.emptyModel()
      const p: SqlValue[] = [q.asOf]
      let sql = 't.set_on <= ?'
      if (q.ownerAssociationId !== undefined) sql += ` AND ${inList('t.owner_association_id', await withPredecessors(s, m, q.ownerAssociationId, q.asOf), p)}`
      const found = await loadTargets(s, m, { sql, params: p })
      const members = await loadForTargets(s, m, found)
      await loadHeirs(
        s,
        m,
        found.map((t) => t.ownerAssociationId),
        q.asOf,
      )
      return P.targets(m, q, members)
    },
    async targetProgress(id, q) {
      const s = await snapshot(q)
      const m = P.emptyModel()
      const found = await loadTargets(s, m, { sql: 't.target_id = ?', params: [id] })
      const members = await loadForTargets(s, m, found)
      await loadHeirs(
        s,
        m,
        found.map((t) => t.ownerAssociationId),
        q.asOf,
      )
      return P.targetProgress(m, id, q.asOf, members)
    },
    async reportRollup(q) {
      const s = await snapshot(q)
      const m = P.emptyModel()
      await loadTree(s, m)
      const ids = P.descendants(m, q.associationId)
      const p: SqlValue[] = []
      await loadAssociations(s, m, { sql: inList('a.association_id', ids, p), params: p })
      if (!m.associations.has(q.associationId)) return undefined
      // every report of the tree: a period without its own report counts the reports inside it
      const rp: SqlValue[] = []
      await loadReports(s, m, { sql: inList('r.association_id', ids, rp), params: rp })
      return P.reportRollup(m, q)
    },
    async completeness(q) {
      const s = await snapshot(q)
      const m = P.emptyModel()
      await loadTree(s, m)
      await loadAssociations(s, m, { sql: '1 = 1', params: [] })
      await loadReports(s, m, { sql: 'r.period IN (?, ?)', params: [q.period, q.period.slice(0, 4)] })
      // the area filter places each association in the units of its geography
      if (q.areaCode !== undefined) await loadUnits(s, m)
      return P.completeness(m, q)
    },
    async reports(q) {
      const s = await snapshot(q)
      const m = P.emptyModel()
      const p: SqlValue[] = []
      let sql = '1 = 1'
      if (q.period !== undefined) {
        sql += ' AND r.period = ?'
        p.push(q.period)
      }
      if (q.associationId !== undefined) {
        if (q.includeDescendants === true) await loadTree(s, m)
        sql += ` AND ${inList('r.association_id', q.includeDescendants === true ? P.descendants(m, q.associationId) : [q.associationId], p)}`
      }
      await loadReports(s, m, { sql, params: p })
      const ids = [...new Set([...m.reports.values()].map((r) => r.associationId))]
      const ap: SqlValue[] = []
      await loadAssociations(s, m, { sql: inList('a.association_id', ids, ap), params: ap })
      return P.reports(m, q)
    },
    async commendations(q) {
      const s = await snapshot(q)
      const m = P.emptyModel()
      const p: SqlValue[] = [dateOf(q.asOf)]
      let sql = 'v.launched_on <= ?'
      if (q.movementId !== undefined) {
        sql += ' AND v.movement_id = ?'
        p.push(q.movementId)
      }
      await loadMovements(s, m, { sql, params: p })
      return P.commendations(m, q)
    },
    async conferences(q) {
      const s = await snapshot(q)
      const m = P.emptyModel()
      await loadCovered(s, m, q)
      return P.conferences(m, q)
    },
    async resolutions(q) {
      const s = await snapshot(q)
      const m = P.emptyModel()
      await loadCovered(s, m, q)
      return P.resolutions(m, q)
    },
    async governance(id, q) {
      const s = await snapshot(q)
      const m = P.emptyModel()
      const date = dateOf(q.asOf)
      const found = await loadAssociations(s, m, { sql: 'a.association_id = ?', params: [id] }, date)
      if (found.length === 0) return undefined
      await loadMembers(s, m, [id], date)
      await loadGovernance(s, m, id, date)
      return P.governance(m, id, q.asOf)
    },
    async congressWatch(q) {
      const s = await snapshot(q)
      const m = P.emptyModel()
      await loadAssociations(s, m, { sql: 'a.founded_on <= ?', params: [q.asOf] }, q.asOf)
      await loadFoundings(s, m, q.asOf)
      return P.congressWatch(m, q)
    },
    async foundings(q) {
      const s = await snapshot(q)
      const m = P.emptyModel()
      const date = dateOf(q.asOf)
      await loadAssociations(s, m, { sql: 'a.founded_on <= ?', params: [date] }, date)
      await loadFoundings(s, m, date)
      if (q.areaCode !== undefined) await loadUnits(s, m)
      return P.foundings(m, q)
    },
  }
  return retried(reader)
}

/**
 * A read spans several statements; a rebuild that switches generations between two of them drops
 * the tables the read started on. Such a read is asked again, once, on the new generation.
 */
const retried = (r: ViewReader): ViewReader => {
  const out: Record<string, unknown> = {}
  for (const [k, f] of Object.entries(r) as Array<[string, (...a: unknown[]) => Promise<unknown>]>) {
    out[k] = async (...args: unknown[]) => {
      try {
        return await f(...args)
      } catch (e) {
        if (!/no such table|does not exist|deadlock/u.test(String((e as Error).message))) throw e
        return f(...args)
      }
    }
  }
  return out as unknown as ViewReader
}
