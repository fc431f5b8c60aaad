import { Association, Club, Member, type DomainEvent, type RecordedEvent } from '@hoi/domain'
import { dayOf, memberAdmitted, personName, Recorder, rng, type Rng } from './gen.js'

/** Builds events whose data the codecs accept; the cast is the price of skipping the decoders. */
const ev = (type: string, data: Record<string, unknown>): DomainEvent => ({ type, data }) as unknown as DomainEvent
export type Dated = { readonly event: DomainEvent; readonly on: string }

const areas = ['livelihoods', 'health-care', 'home-care', 'self-help', 'rights', 'lifelong-learning', 'culture-arts', 'resource-mobilisation']
const roles = ['vice-president', 'standing-committee', 'executive-committee', 'inspection-committee']

export const clubLaunched = (clubId: string, host: string, on: string): DomainEvent =>
  ev('ClubLaunched', {
    clubId,
    name: `CLB Liên thế hệ tự giúp nhau ${clubId}`,
    model: 'ishc',
    hostAssociationId: host,
    areaCode: '12.105.03',
    launchedOn: on,
    programme: '1336',
    roster: { total: 60, older: 40, women: 39, homeCareVolunteers: 15 },
    flags: [],
  })

const activity = (r: Rng, clubId: string, n: number, on: string): DomainEvent =>
  ev('ClubActivityRecorded', { clubId, activityId: `${clubId}-act-${n}`, area: r.pick(areas), heldOn: on, title: `Sinh hoạt chuyên đề số ${n}`, participants: r.int(20, 70) })

const roster = (r: Rng, clubId: string, on: string): DomainEvent =>
  ev('ClubRosterReported', { clubId, reportedOn: on, roster: { total: r.int(50, 70), older: 40, women: 38, homeCareVolunteers: 15 }, flags: [] })

/** A long-lived club: launched, then mostly activities with a roster report now and then. */
export const clubStream = (clubId: string, length: number, seed = 7): Dated[] => {
  const r = rng(seed)
  const out: Dated[] = [{ event: clubLaunched(clubId, 'a-c-1', dayOf(0)), on: dayOf(0) }]
  for (let i = 1; i < length; i++) {
    const on = dayOf(Math.floor(i / 2))
    out.push({ event: i % 10 === 0 ? roster(r, clubId, on) : activity(r, clubId, i, on), on })
  }
  return out
}

export const associationFounded = (associationId: string, scope: string, areaCode: string, on: string, parentId?: string): DomainEvent =>
  ev('AssociationFounded', {
    associationId,
    name: `Hội Người cao tuổi ${areaCode}`,
    kind: 'elderly',
    regime: 'decree-45-2010',
    scope,
    areaCode,
    foundedOn: on,
    foundingMembers: 60,
    flags: [],
    ...(parentId === undefined ? {} : { parentId }),
  })

/** An association with a long history: conferences, officers coming and going, resolutions, quotas, congresses. */
export const associationStream = (associationId: string, length: number, seed = 11): Dated[] => {
  const r = rng(seed)
  const out: Dated[] = [{ event: associationFounded(associationId, 'district', '12.105', dayOf(0)), on: dayOf(0) }]
  const officers: Array<{ memberId: string; role: string }> = []
  let congress = 0
  for (let i = 1; i < length; i++) {
    const on = dayOf(Math.floor(i / 2))
    const u = r.next()
    const id = { associationId }
    let e: DomainEvent
    if (u < 0.4) e = ev('ConferenceHeld', { ...id, conferenceId: `conf-${i}`, kind: 'review', title: `Hội nghị sơ kết ${i}`, heldOn: on, attendees: r.int(30, 200) })
    else if (u < 0.6 || (u < 0.7 && officers.length === 0)) {
      const o = { memberId: `m-off-${i}`, role: r.pick(roles) }
      officers.push(o)
      e = ev('OfficerElected', { ...id, memberId: o.memberId, fullName: personName(r, 'male'), role: o.role, electedOn: on })
    } else if (u < 0.7) {
      const o = officers.splice(r.int(0, officers.length - 1), 1)[0]!
      e = ev('OfficerRelieved', { ...id, memberId: o.memberId, role: o.role, relievedOn: on })
    } else if (u < 0.8)
      e = ev('ResolutionAdopted', {
        ...id,
        resolutionId: `res-${i}`,
        congressNumber: `${congress}`,
        adoptedOn: on,
        title: `Nghị quyết ${i}`,
        targets: ['Phát triển hội viên'],
        keyTasks: ['Chăm sóc người cao tuổi'],
        programmes: [],
      })
    else if (u < 0.9) e = ev('StaffQuotaAssigned', { ...id, quota: r.int(2, 9), assignedOn: on })
    else if (u < 0.95) e = ev('AssociationRenamed', { ...id, name: `Hội Người cao tuổi huyện ${i}`, renamedOn: on })
    else {
      congress++
      e = ev('CongressHeld', {
        ...id,
        number: `${congress}`,
        kind: 'term',
        form: 'delegate',
        heldOn: on,
        termStart: on,
        termEnd: dayOf(Math.floor(i / 2) + 1800),
        delegatesExpected: 150,
        delegatesPresent: r.int(110, 150),
      })
    }
    out.push({ event: e, on })
  }
  return out
}

export type ProvinceLog = { readonly events: RecordedEvent<DomainEvent>[]; readonly members: number }

/**
 * A province's log grown to `total` events: 179 associations (1 province, 11 districts, 167 communes)
 * and 100 clubs first, then ~92 % admissions, and clubs' activities, rosters, members leaving,
 * category changes and association life for the rest — the mix the demo has, only longer.
 */
export const provinceLog = (total: number, seed = 2020): ProvinceLog => {
  const r = rng(seed)
  const rec = new Recorder()
  const assoc: string[] = []
  const found = (id: string, scope: string, area: string, day: number, parent?: string): void => {
    assoc.push(id)
    rec.add(Association.streamId(id), associationFounded(id, scope, area, dayOf(day), parent), dayOf(day))
  }
  found('a-p', 'province', '12', 10)
  for (let d = 0; d < 11; d++) {
    found(`a-d-${d}`, 'district', `12.${100 + d}`, 100 + d, 'a-p')
    rec.add(Association.streamId(`a-d-${d}`), ev('StaffQuotaAssigned', { associationId: `a-d-${d}`, quota: r.int(2, 5), assignedOn: dayOf(200) }), dayOf(200))
  }
  for (let c = 0; c < 167; c++) found(`a-c-${c}`, 'commune', `12.${100 + (c % 11)}.${String(c).padStart(2, '0')}`, 300 + c, `a-d-${c % 11}`)
  const communes = assoc.slice(12)
  const clubs: Array<{ id: string; n: number }> = []
  for (let k = 0; k < 100; k++) {
    const id = `club-${k}`
    clubs.push({ id, n: 0 })
    rec.add(Club.streamId(id), clubLaunched(id, communes[k]!, dayOf(1200 + k)), dayOf(1200 + k))
  }
  const active: Array<{ id: string; a: string }> = []
  let members = 0
  for (let i = rec.count; i < total; i++) {
    const day = 1500 + Math.floor((i / total) * 5800)
    const on = dayOf(day)
    const u = r.next()
    if (u < 0.925 || active.length < 100) {
      const a = u < 0.9 ? communes[r.int(0, communes.length - 1)]! : assoc[r.int(0, 11)]!
      const id = `m-${++members}`
      active.push({ id, a })
      rec.add(Member.streamId(id), ev('MemberAdmitted', memberAdmitted(r, id, a, on)), on)
    } else if (u < 0.95) {
      const c = clubs[r.int(0, clubs.length - 1)]!
      rec.add(Club.streamId(c.id), activity(r, c.id, ++c.n, on), on)
    } else if (u < 0.965) {
      const c = clubs[r.int(0, clubs.length - 1)]!
      rec.add(Club.streamId(c.id), roster(r, c.id, on), on)
    } else if (u < 0.985) {
      // swap-remove: a splice in the middle of a million would make building quadratic
      const k = r.int(0, active.length - 1)
      const m = active[k]!
      active[k] = active[active.length - 1]!
      active.pop()
      const id = { memberId: m.id, associationId: m.a }
      const leave = r.next()
      const e =
        leave < 0.5
          ? ev('MemberResigned', { ...id, resignedOn: on })
          : leave < 0.9
            ? ev('MemberDeceased', { ...id, diedOn: on })
            : ev('MemberStruckOff', { ...id, struckOffOn: on, reason: 'Không sinh hoạt 12 tháng' })
      rec.add(Member.streamId(m.id), e, on)
    } else if (u < 0.995) {
      const m = active[r.int(0, active.length - 1)]!
      rec.add(Member.streamId(m.id), ev('MemberCategoryChanged', { memberId: m.id, associationId: m.a, category: 'official', changedOn: on }), on)
    } else {
      const a = assoc[r.int(0, assoc.length - 1)]!
      rec.add(Association.streamId(a), ev('ConferenceHeld', { associationId: a, conferenceId: `conf-${i}`, kind: 'review', title: `Hội nghị ${i}`, heldOn: on, attendees: r.int(30, 200) }), on)
    }
  }
  const events = rec.events()
  return { events, members }
}
