import { addDays, addYears, type IsoDate } from '@hoi/domain'
import type { AssociationSpec } from './province.js'
import type { RawCommand } from './scenario.js'
import { personName } from './names.js'
import { dateBetween, type Random } from './random.js'

type Cmd = (type: string, data: Record<string, unknown>) => RawCommand

export const MEMBERS_END_2020 = 180_455
const NEW_MEMBERS_2021_2026 = 4_200
const DEATHS_2021_2024 = 350

/** Split `total` over weights exactly (largest remainder), so the province sums to the article's figure. */
const apportion = (weights: ReadonlyArray<number>, total: number): number[] => {
  const sum = weights.reduce((a, b) => a + b, 0)
  const raw = weights.map((w) => (w / sum) * total)
  const out = raw.map(Math.floor)
  const order = raw.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0])
  const remainder = total - out.reduce((a, b) => a + b, 0)
  for (let k = 0; k < remainder; k++) out[order[k]![1]]! += 1
  return out
}

const birthDateFor = (r: Random, kind: string, admittedOn: string): string => {
  const year = Number(admittedOn.slice(0, 4))
  if (kind !== 'elderly') return dateBetween(r, `${year - 75}-01-01`, `${year - 20}-12-31`)
  // Hội NCT admits from 60; about 1 in 100 is admitted at 55–59 as the charter's exception (R28)
  return r.next() < 0.01 ? dateBetween(r, addYears(admittedOn as IsoDate, -59), addYears(addDays(admittedOn as IsoDate, 1), -55)) : dateBetween(r, `${year - 92}-01-01`, addYears(admittedOn as IsoDate, -60))
}

export function* membersAndClubs(r: Random, mass: ReadonlyArray<AssociationSpec>, founded: ReadonlyMap<string, string>, cmd: Cmd): Generator<RawCommand> {
  const counts = apportion(mass.map((a) => a.weight * (0.75 + r.next() * 0.5)), MEMBERS_END_2020)
  const elderlyMembers: Array<{ memberId: string; associationId: string; admittedOn: string }> = []
  for (const [i, a] of mass.entries()) {
    const from = founded.get(a.id)!
    for (let n = 1; n <= counts[i]!; n++) {
      const memberId = `${a.id}.m${n}`
      const gender = r.next() < (a.kind === 'elderly' ? 0.58 : 0.5) ? 'female' : 'male'
      const admittedOn = dateBetween(r, from, '2020-12-31')
      if (a.id === 'lc-nct' && n === 1) {
        // the provincial chair named in article 000
        yield cmd('AdmitMember', { memberId, associationId: a.id, personId: 'p-le-xuan-phung', fullName: 'Lê Xuân Phùng', birthDate: '1955-03-12', gender: 'male', category: 'official', admittedOn: later(from, '2015-06-01') })
        continue
      }
      yield cmd('AdmitMember', {
        memberId, associationId: a.id, personId: `p-${memberId}`, fullName: personName(r, gender), birthDate: birthDateFor(r, a.kind, admittedOn),
        gender, category: r.next() < 0.97 ? 'official' : 'associate', admittedOn,
      })
      if (a.kind === 'elderly' && a.scope === 'commune') elderlyMembers.push({ memberId, associationId: a.id, admittedOn })
    }
  }
  yield* congresses(r, mass, cmd)
  yield* clubsAndTargets(r, mass, founded, cmd)
  // after 2020: new admissions in the commune Hội NCT (towards the members target) and deaths
  const communeNct = mass.filter((a) => a.kind === 'elderly' && a.scope === 'commune')
  for (let n = 1; n <= NEW_MEMBERS_2021_2026; n++) {
    const a = r.pick(communeNct)
    const gender = r.next() < 0.58 ? 'female' : 'male'
    const admittedOn = dateBetween(r, '2021-08-01', '2026-06-30')
    const memberId = `${a.id}.n${n}`
    yield cmd('AdmitMember', { memberId, associationId: a.id, personId: `p-${memberId}`, fullName: personName(r, gender), birthDate: birthDateFor(r, 'elderly', admittedOn), gender, category: 'official', admittedOn })
  }
  for (let n = 0; n < DEATHS_2021_2024; n++) {
    const m = elderlyMembers[(n * 7919) % elderlyMembers.length]!
    yield cmd('RecordDeath', { memberId: m.memberId, associationId: m.associationId, diedOn: dateBetween(r, '2021-01-05', '2024-12-28') })
  }
}

const later = (x: string, y: string): string => (x > y ? x : y)

function* congresses(r: Random, mass: ReadonlyArray<AssociationSpec>, cmd: Cmd): Generator<RawCommand> {
  // Hội NCT tỉnh: Congress II (2016) and Congress III, term 2021–2026 (article 000)
  yield cmd('HoldCongress', { associationId: 'lc-nct', number: 'II', kind: 'term', form: 'delegate', heldOn: '2016-07-20', termStart: '2016-07-20', termEnd: '2021-07-20', delegatesExpected: 150, delegatesPresent: 146 })
  yield cmd('HoldCongress', { associationId: 'lc-nct', number: 'III', kind: 'term', form: 'delegate', heldOn: '2021-07-15', termStart: '2021-07-15', termEnd: '2026-07-15', delegatesExpected: 150, delegatesPresent: 148 })
  yield cmd('ElectOfficer', { associationId: 'lc-nct', memberId: 'lc-nct.m1', role: 'president', electedOn: '2021-07-15', termEnd: '2026-07-15' })
  yield cmd('AdoptResolution', {
    associationId: 'lc-nct', resolutionId: 'nq-dh3-nct', congressNumber: 'III', adoptedOn: '2021-07-15',
    title: 'Nghị quyết Đại hội III Hội Người cao tuổi tỉnh Lai Châu, nhiệm kỳ 2021–2026',
    targets: ['72 CLB Liên thế hệ tự giúp nhau đến năm 2025', 'Phát triển 5.000 hội viên mới', 'Tỷ lệ tập hợp người cao tuổi vào Hội đạt trên 95%', '100% người cao tuổi được chúc thọ, mừng thọ', '80% cơ sở Hội đạt vững mạnh'],
    keyTasks: ['Chăm sóc và phát huy vai trò người cao tuổi', 'Xây dựng tổ chức Hội vững mạnh', 'Nhân rộng mô hình CLB Liên thế hệ tự giúp nhau'],
    programmes: ['Chương trình chăm sóc sức khỏe người cao tuổi', 'Chương trình Tuổi cao – gương sáng', 'Chương trình phát triển CLB Liên thế hệ tự giúp nhau'],
  })
  // term congresses of the other provincial associations: some terms end soon, some are overdue (R14)
  for (const a of mass.filter((x) => x.scope === 'province' && x.id !== 'lc-nct')) {
    const heldOn = dateBetween(r, '2018-01-10', '2022-12-20')
    yield cmd('HoldCongress', { associationId: a.id, number: r.pick(['II', 'III', 'IV']), kind: 'term', form: 'delegate', heldOn, termStart: heldOn, termEnd: addYears(heldOn as IsoDate, 5), delegatesExpected: 100, delegatesPresent: r.int(70, 100) })
  }
}

function* clubsAndTargets(r: Random, mass: ReadonlyArray<AssociationSpec>, founded: ReadonlyMap<string, string>, cmd: Cmd): Generator<RawCommand> {
  const hosts = mass.filter((a) => a.kind === 'elderly' && a.scope === 'commune')
  yield cmd('SetTarget', {
    targetId: 'lc-ishc-72', ownerAssociationId: 'lc-nct', title: '72 CLB Liên thế hệ tự giúp nhau đến năm 2025',
    metric: { kind: 'clubs-launched', model: 'ishc', areaCode: '12' }, counting: 'cumulative', goal: 72,
    startOn: '2021-07-15', dueOn: '2025-12-31', setOn: '2021-07-15', sourceResolutionId: 'nq-dh3-nct',
    milestones: [{ label: 'Thành lập mới 09 CLB trước tháng 7/2022', goal: 9, dueOn: '2022-06-30', counting: 'new-since-start' }],
  })
  yield cmd('SetTarget', {
    targetId: 'lc-nct-members-5000', ownerAssociationId: 'lc-nct', title: 'Phát triển 5.000 hội viên mới nhiệm kỳ 2021–2026',
    metric: { kind: 'members-admitted', associationId: 'lc-nct' }, counting: 'new-since-start', goal: 5_000,
    startOn: '2021-07-15', dueOn: '2026-07-15', setOn: '2021-07-15', sourceResolutionId: 'nq-dh3-nct', milestones: [],
  })
  // ISHC launches: 21 before the target (Decisions 1533 and 1336), 9 before July 2022, then 38 more to the end of 2025
  const waves: ReadonlyArray<[number, string, string]> = [[21, '2017-03-01', '2020-12-15'], [9, '2022-04-28', '2022-06-28'], [30, '2022-07-10', '2024-12-20'], [8, '2025-01-10', '2025-12-20']]
  let n = 0
  for (const [w, [count, from, to]] of waves.entries()) {
    if (w === 1)
      yield cmd('HoldConference', {
        associationId: 'lc-nct', conferenceId: 'hn-2022-04-26', kind: 'training', heldOn: '2022-04-26', attendees: 160,
        title: 'Hội nghị quán triệt Nghị quyết Đại hội VI Hội NCT Việt Nam, Nghị quyết Đại hội III Hội NCT tỉnh và tập huấn mô hình CLB Liên thế hệ tự giúp nhau năm 2022',
      })
    const dates = Array.from({ length: count }, () => dateBetween(r, from, to)).sort()
    for (const launchedOn of dates) {
      n++
      const host = hosts[(n * 11) % hosts.length]!
      const on = later(launchedOn, addDays(founded.get(host.id)! as IsoDate, 1))
      const total = n % 9 === 4 ? r.int(38, 48) : r.int(50, 70)
      const roster = { total, women: Math.round(total * (n % 7 === 3 ? 0.52 : 0.6 + r.next() * 0.1)), older: Math.round(total * (0.6 + r.next() * 0.1)), homeCareVolunteers: n % 10 === 6 ? 3 : r.int(5, 10) }
      const clubId = `clb-${String(n).padStart(3, '0')}`
      yield cmd('LaunchClub', {
        clubId, name: `CLB Liên thế hệ tự giúp nhau ${host.name.replace('Hội Người cao tuổi ', '')}${n > hosts.length ? ` (${Math.ceil(n / hosts.length)})` : ''}`,
        model: 'ishc', hostAssociationId: host.id, areaCode: host.areaCode, launchedOn: on, programme: on < '2020-08-31' ? '1533' : on < '2025-08-01' ? '1336' : '1648', roster,
      })
      const areas = ['livelihoods', 'health-care', 'home-care', 'self-help', 'rights', 'lifelong-learning', 'culture-arts', 'resource-mobilisation']
      for (let k = 0; k < 3; k++)
        yield cmd('RecordClubActivity', { clubId, activityId: `${clubId}-a${k + 1}`, area: areas[(n + k * 3) % 8], heldOn: addDays(on as IsoDate, 20 + k * 30), title: 'Sinh hoạt định kỳ', participants: r.int(30, total) })
    }
  }
}
