import type { AssociationState, ClubState, MemberChange, MemberState, MovementState, ReadModel, ReportState, TargetState, UnitState } from '@hoi/projections'
import type { SqlValue } from './driver.js'
import { json, opt, type Snapshot } from './snapshot.js'

/**
 * Loaders rebuild the part of the fold's ReadModel that a query reads, from rows selected by
 * indexed SQL, so the pure query computes the answer from exactly what the fold would hold.
 * Rows come in the fold's orders: entities by `ord` (first event), dated facts by business date
 * then position (pushDated's tie rule), members by admission position.
 */
type Where = { readonly sql: string; readonly params: ReadonlyArray<SqlValue> }
export const all: Where = { sql: '1 = 1', params: [] }
type R = Record<string, unknown>
const s_ = (v: unknown): string => v as string
const n_ = (v: unknown): number => Number(v)

/** Every association's parent, for descendants(). */
export const loadTree = async (s: Snapshot, m: ReadModel): Promise<void> => {
  const p: SqlValue[] = []
  const rows = await s.all<R>(`SELECT association_id, parent_id FROM ${s.t('associations')} a WHERE ${s.known('a', p)} ORDER BY ord`, p)
  for (const r of rows) {
    if (r['parent_id'] === null) continue
    const kids = m.children.get(s_(r['parent_id']))
    if (kids === undefined) m.children.set(s_(r['parent_id']), [s_(r['association_id'])])
    else kids.push(s_(r['association_id']))
  }
}

/** Associations matching `where` (on alias a), with their dated facts (only those valid from `upTo` or earlier, when given). */
export const loadAssociations = async (s: Snapshot, m: ReadModel, where: Where, upTo?: string): Promise<AssociationState[]> => {
  const p: SqlValue[] = []
  const known = s.known('a', p)
  p.push(...where.params)
  const rows = await s.all<R>(`SELECT * FROM ${s.t('associations')} a WHERE ${known} AND ${where.sql} ORDER BY ord`, p)
  const out: AssociationState[] = []
  for (const r of rows) {
    const a: AssociationState = {
      associationId: s_(r['association_id']),
      kind: r['kind'] as never,
      regime: r['regime'] as never,
      scope: r['scope'] as never,
      areaCode: s_(r['area_code']),
      parentId: opt(r['parent_id'] as string | null),
      foundedOn: s_(r['founded_on']),
      foundingMembers: n_(r['founding_members']),
      names: [],
      statuses: [],
      special: [],
      staffQuota: [],
      congresses: [],
      officers: [],
      resolutions: [],
      conferences: [],
      dissolvedOn: undefined,
    }
    m.associations.set(a.associationId, a)
    out.push(a)
  }
  if (out.length === 0) return out
  const sub = (col: string, alias: string, params: SqlValue[]): string => {
    const k = s.known('a', params)
    params.push(...where.params)
    const own = s.known(alias, params)
    return `${col} IN (SELECT a.association_id FROM ${s.t('associations')} a WHERE ${k} AND ${where.sql}) AND ${own}`
  }
  const fp: SqlValue[] = []
  let fsql = `SELECT association_id, fact, valid_from, value FROM ${s.t('association_facts')} f WHERE ${sub('f.association_id', 'f', fp)}`
  if (upTo !== undefined) {
    fsql += ' AND f.valid_from <= ?'
    fp.push(upTo)
  }
  for (const f of await s.all<R>(`${fsql} ORDER BY f.valid_from, f.known_from`, fp)) {
    const a = m.associations.get(s_(f['association_id']))!
    const on = s_(f['valid_from'])
    const value = json<never>(f['value'])
    switch (f['fact']) {
      case 'name':
        a.names.push({ on, value })
        break
      case 'status':
        a.statuses.push({ on, value })
        if (value === 'dissolved' && (a.dissolvedOn === undefined || on < a.dissolvedOn)) a.dissolvedOn = on
        break
      case 'special':
        a.special.push({ on, value })
        break
      case 'quota':
        a.staffQuota.push({ on, value })
        break
      case 'congress':
        a.congresses.push({ on, value })
        break
      case 'resolution':
        a.resolutions.push({ on, value })
        break
      case 'conference':
        a.conferences.push({ on, value })
        break
      case 'origin':
        a.origin = value
        break
      case 'successor':
        a.successor ??= value
        break // the earliest by date, as the fold keeps
      case 'predecessor':
        ;(a.predecessors ??= []).push({ on, value })
        break
      default:
    }
  }
  const op: SqlValue[] = []
  let osql = `SELECT * FROM ${s.t('officers')} o WHERE ${sub('o.association_id', 'o', op)}`
  if (upTo !== undefined) {
    osql += ' AND o.elected_on <= ?'
    op.push(upTo)
  }
  for (const o of await s.all<R>(`${osql} ORDER BY o.ord`, op)) {
    m.associations.get(s_(o['association_id']))!.officers.push({
      memberId: s_(o['member_id']),
      fullName: s_(o['full_name']),
      role: s_(o['role']),
      electedOn: s_(o['elected_on']),
      relievedOn: opt(o['relieved_on'] as string | null),
    })
  }
  return out
}

/** Founding procedures recognised by `upTo` (R4, R5), in recognition order. */
export const loadFoundings = async (s: Snapshot, m: ReadModel, upTo: string): Promise<void> => {
  const p: SqlValue[] = []
  const known = s.known('f', p)
  p.push(upTo)
  const rows = await s.all<R>(`SELECT * FROM ${s.t('foundings')} f WHERE ${known} AND f.recognised_on <= ? ORDER BY ord`, p)
  for (const r of rows)
    m.foundings.set(s_(r['association_id']), {
      associationId: s_(r['association_id']),
      name: s_(r['name']),
      kind: r['kind'] as never,
      scope: r['scope'] as never,
      areaCode: s_(r['area_code']),
      recognisedOn: s_(r['recognised_on']),
      permittedOn: opt(r['permitted_on'] as string | null),
      congressDueBy: opt(r['congress_due_by'] as string | null),
      extendedOn: opt(r['extended_on'] as string | null),
      extendedDueBy: opt(r['extended_due_by'] as string | null),
      lapsedOn: opt(r['lapsed_on'] as string | null),
    })
}

/** Members admitted into the given associations (by `upTo`, when given), with their later changes. */
export const loadMembers = async (s: Snapshot, m: ReadModel, associationIds: ReadonlyArray<string>, upTo?: string): Promise<void> => {
  if (associationIds.length === 0) return
  const cond = (params: SqlValue[]): string => {
    const k = s.known('x', params)
    params.push(...associationIds)
    let sql = `${k} AND x.association_id IN (${associationIds.map(() => '?').join(', ')})`
    if (upTo !== undefined) {
      sql += ' AND x.valid_from <= ?'
      params.push(upTo)
    }
    return sql
  }
  const p: SqlValue[] = []
  const rows = await s.all<R>(`SELECT * FROM ${s.t('members')} x WHERE ${cond(p)} ORDER BY x.known_from`, p)
  for (const r of rows) {
    const member: MemberState = {
      memberId: s_(r['member_id']),
      associationId: s_(r['association_id']),
      personId: s_(r['person_id']),
      fullName: s_(r['full_name']),
      birthDate: s_(r['birth_date']),
      gender: r['gender'] as never,
      category: r['category'] as never,
      admittedOn: s_(r['valid_from']),
      via: r['via'] as never,
      fromAssociationId: opt(r['from_association_id'] as string | null),
      cardNo: opt(r['card_no'] as string | null),
      flags: json(r['flags']),
    }
    const list = m.membersOf.get(member.associationId)
    if (list === undefined) m.membersOf.set(member.associationId, [member])
    else list.push(member)
    m.members.added(member)
  }
  const change = (id: string): MemberChange => {
    let c = m.memberChanges.get(id)
    if (c === undefined) {
      c = { leftOn: undefined, leftBy: undefined, categoryChanges: undefined, referredOn: undefined, fullName: undefined, birthDate: undefined, gender: undefined, cardNo: undefined }
      m.memberChanges.set(id, c)
    }
    return c
  }
  const cp: SqlValue[] = []
  const own = s.known('c', cp)
  const ids = `c.member_id IN (SELECT x.member_id FROM ${s.t('members')} x WHERE ${cond(cp)})`
  for (const r of await s.all<R>(`SELECT * FROM ${s.t('member_changes')} c WHERE ${own} AND ${ids}`, cp)) {
    const c = change(s_(r['member_id']))
    c.leftOn = opt(r['valid_to'] as string | null)
    c.leftBy = opt(r['left_by'] as never)
    c.referredOn = opt(r['referred_on'] as string | null)
    c.fullName = opt(r['full_name'] as string | null)
    c.birthDate = opt(r['birth_date'] as string | null)
    c.gender = opt(r['gender'] as never)
    c.cardNo = opt(r['card_no'] as string | null)
  }
  const kp: SqlValue[] = []
  const kown = s.known('c', kp)
  const kids = `c.member_id IN (SELECT x.member_id FROM ${s.t('members')} x WHERE ${cond(kp)})`
  for (const r of await s.all<R>(`SELECT * FROM ${s.t('member_categories')} c WHERE ${kown} AND ${kids} ORDER BY c.valid_from, c.known_from`, kp))
    (change(s_(r['member_id'])).categoryChanges ??= []).push({ on: s_(r['valid_from']), value: r['category'] as never })
}

/** Clubs matching `where` (alias c) with their rosters; activities up to `activitiesUpTo` only when asked. */
export const loadClubs = async (s: Snapshot, m: ReadModel, where: Where, activitiesUpTo?: string): Promise<void> => {
  const p: SqlValue[] = []
  const known = s.known('c', p)
  p.push(...where.params)
  for (const r of await s.all<R>(`SELECT * FROM ${s.t('clubs')} c WHERE ${known} AND ${where.sql} ORDER BY ord`, p)) {
    const c: ClubState = {
      clubId: s_(r['club_id']),
      name: s_(r['name']),
      model: r['model'] as never,
      hostAssociationId: s_(r['host_association_id']),
      areaCode: s_(r['area_code']),
      launchedOn: s_(r['launched_on']),
      programme: r['programme'] as never,
      rosters: [],
      activityOn: [],
      activityArea: [],
      closedOn: opt(r['closed_on'] as string | null),
    }
    m.clubs.set(c.clubId, c)
  }
  if (m.clubs.size === 0) return
  const sub = (alias: string, params: SqlValue[]): string => {
    const k = s.known('c', params)
    params.push(...where.params)
    const own = s.known(alias, params)
    return `${alias}.club_id IN (SELECT c.club_id FROM ${s.t('clubs')} c WHERE ${k} AND ${where.sql}) AND ${own}`
  }
  const rp: SqlValue[] = []
  for (const r of await s.all<R>(`SELECT * FROM ${s.t('club_rosters')} r WHERE ${sub('r', rp)} ORDER BY r.valid_from, r.known_from`, rp))
    m.clubs.get(s_(r['club_id']))?.rosters.push({ on: s_(r['valid_from']), value: { roster: json(r['roster']), flags: json(r['flags']) } })
  if (activitiesUpTo === undefined) return
  // counted in SQL; the fold's per-activity arrays are rebuilt as one entry per activity, first-held area first
  const ap: SqlValue[] = []
  const w = sub('x', ap)
  ap.push(activitiesUpTo)
  const sql = `SELECT x.club_id, x.area, count(*) AS n, min(x.known_from) AS first FROM ${s.t('club_activities')} x WHERE ${w} AND x.held_on <= ? GROUP BY x.club_id, x.area ORDER BY first`
  for (const r of await s.all<R>(sql, ap)) {
    const c = m.clubs.get(s_(r['club_id']))
    if (c === undefined) continue
    for (let i = n_(r['n']); i > 0; i--) {
      c.activityOn.push(activitiesUpTo)
      c.activityArea.push(r['area'] as never)
    }
  }
}

export const loadReports = async (s: Snapshot, m: ReadModel, where: Where): Promise<void> => {
  const p: SqlValue[] = []
  const known = s.known('r', p)
  p.push(...where.params)
  for (const r of await s.all<R>(`SELECT * FROM ${s.t('reports')} r WHERE ${known} AND ${where.sql} ORDER BY ord`, p)) {
    const rep: ReportState = {
      associationId: s_(r['association_id']),
      period: s_(r['period']),
      submittedOn: s_(r['submitted_on']),
      dueOn: s_(r['due_on']),
      late: n_(r['late']) === 1,
      narrative: opt(r['narrative'] as string | null),
      values: [],
      statuses: [],
      returns: [],
    }
    m.reports.set(`${rep.associationId}|${rep.period}`, rep)
  }
  if (m.reports.size === 0) return
  const fp: SqlValue[] = []
  const k = s.known('r', fp)
  fp.push(...where.params)
  const own = s.known('f', fp)
  const sql = `SELECT f.* FROM ${s.t('report_facts')} f JOIN ${s.t('reports')} r ON r.association_id = f.association_id AND r.period = f.period
    WHERE ${k} AND ${where.sql} AND ${own} ORDER BY f.valid_from, f.known_from`
  for (const f of await s.all<R>(sql, fp)) {
    const rep = m.reports.get(`${s_(f['association_id'])}|${s_(f['period'])}`)!
    const entry = { on: s_(f['valid_from']), value: json<never>(f['value']) }
    if (f['fact'] === 'value') rep.values.push(entry)
    else if (f['fact'] === 'status') rep.statuses.push(entry)
    else rep.returns.push(entry)
  }
}

export const loadTargets = async (s: Snapshot, m: ReadModel, where: Where): Promise<TargetState[]> => {
  const p: SqlValue[] = []
  const known = s.known('t', p)
  p.push(...where.params)
  const out: TargetState[] = []
  for (const r of await s.all<R>(`SELECT * FROM ${s.t('targets')} t WHERE ${known} AND ${where.sql} ORDER BY ord`, p)) {
    const t: TargetState = {
      targetId: s_(r['target_id']),
      ownerAssociationId: s_(r['owner_association_id']),
      title: s_(r['title']),
      metric: json(r['metric']),
      counting: r['counting'] as never,
      startOn: s_(r['start_on']),
      setOn: s_(r['set_on']),
      sourceResolutionId: opt(r['source_resolution_id'] as string | null),
      initial: { goal: n_(r['goal']), dueOn: s_(r['due_on']), milestones: json(r['milestones']) },
      revisions: [],
      withdrawnOn: opt(r['withdrawn_on'] as string | null),
    }
    m.targets.set(t.targetId, t)
    out.push(t)
  }
  if (out.length === 0) return out
  const rp: SqlValue[] = []
  const k = s.known('t', rp)
  rp.push(...where.params)
  const own = s.known('v', rp)
  const sql = `SELECT v.* FROM ${s.t('target_revisions')} v WHERE v.target_id IN (SELECT t.target_id FROM ${s.t('targets')} t WHERE ${k} AND ${where.sql}) AND ${own} ORDER BY v.valid_from, v.known_from`
  for (const r of await s.all<R>(sql, rp)) m.targets.get(s_(r['target_id']))!.revisions.push({ on: s_(r['valid_from']), value: json(r['change']) })
  return out
}

export const loadMovements = async (s: Snapshot, m: ReadModel, where: Where): Promise<void> => {
  const p: SqlValue[] = []
  const known = s.known('v', p)
  p.push(...where.params)
  for (const r of await s.all<R>(`SELECT * FROM ${s.t('movements')} v WHERE ${known} AND ${where.sql} ORDER BY ord`, p)) {
    const v: MovementState = {
      movementId: s_(r['movement_id']),
      ownerAssociationId: s_(r['owner_association_id']),
      title: s_(r['title']),
      cycleStart: n_(r['cycle_start']),
      cycleEnd: n_(r['cycle_end']),
      launchedOn: s_(r['launched_on']),
      concludedOn: opt(r['concluded_on'] as string | null),
      awards: [],
    }
    m.movements.set(v.movementId, v)
  }
  if (m.movements.size === 0) return
  const ap: SqlValue[] = []
  const k = s.known('v', ap)
  ap.push(...where.params)
  const own = s.known('w', ap)
  const sql = `SELECT w.* FROM ${s.t('awards')} w WHERE w.movement_id IN (SELECT v.movement_id FROM ${s.t('movements')} v WHERE ${k} AND ${where.sql}) AND ${own} ORDER BY w.valid_from, w.known_from`
  for (const r of await s.all<R>(sql, ap))
    m.movements.get(s_(r['movement_id']))!.awards.push({ commendationId: s_(r['commendation_id']), recipient: json(r['recipient']), form: s_(r['form']), awardedOn: s_(r['valid_from']) })
}

/** Every administrative unit known at the snapshot, with its dated names and parents (few rows: a country has some thousands). */
export const loadUnits = async (s: Snapshot, m: ReadModel): Promise<void> => {
  const p: SqlValue[] = []
  for (const r of await s.all<R>(`SELECT * FROM ${s.t('admin_units')} u WHERE ${s.known('u', p)} ORDER BY ord`, p)) {
    const u: UnitState = {
      unitId: s_(r['unit_id']),
      level: r['level'] as never,
      createdOn: s_(r['created_on']),
      names: [],
      parents: [],
      endedOn: opt(r['ended_on'] as string | null),
      mergedInto: opt(r['merged_into'] as string | null),
    }
    m.units.set(u.unitId, u)
  }
  const fp: SqlValue[] = []
  for (const f of await s.all<R>(`SELECT unit_id, fact, valid_from, value FROM ${s.t('admin_unit_facts')} f WHERE ${s.known('f', fp)} ORDER BY f.valid_from, f.known_from`, fp)) {
    const u = m.units.get(s_(f['unit_id']))
    if (u === undefined) continue
    const on = s_(f['valid_from'])
    if (f['fact'] === 'name') u.names.push({ on, value: json<string>(f['value']) })
    else u.parents.push({ on, value: json<string | undefined>(f['value']) })
  }
}
