import { addDays, addYears, type IsoDate } from '@hoi/domain'
import type { AssociationSpec } from './province.js'
import type { RawCommand } from './scenario.js'
import { personName } from './names.js'
import { dateBetween, type Random } from './random.js'
import { carrierOn, CUT, type Plan } from './restructuring.js'

type Cmd = (type: string, data: Record<string, unknown>) => RawCommand
/** Commands dated after the 2025 restructuring that name a commune association: run once it is recorded. */
export type Deferred = Array<() => RawCommand>

export const MEMBERS_END_2020 = 180_455
const NEW_MEMBERS_2021_2026 = 4_200
/** The last date the demo records anything on. */
const HORIZON = '2026-06-30'

/**
 * Mortality by age (Gompertz: yearly hazard a·e^(b·age), about 1 % at 60, 2.5 % at 70, 6 % at 80,
 * 15 % at 90): the age a person alive at `age` dies at, drawn by inverting the survival curve. Capped
 * below 100 so that nobody is a member past 100 without a recorded death.
 */
const GOMPERTZ_A = 4.6e-5
const GOMPERTZ_B = 0.09
const DEATH_AGE_CAP = 99.4
const ageAtDeath = (r: Random, age: number): number => {
  const t = Math.log(Math.exp(GOMPERTZ_B * age) - (GOMPERTZ_B / GOMPERTZ_A) * Math.log(1 - r.next())) / GOMPERTZ_B
  return Math.min(t, Math.max(age, DEATH_AGE_CAP - r.next() * 2))
}
const YEAR_MS = 365.2425 * 86_400_000
const ageOn = (birthDate: string, on: string): number => (Date.parse(on) - Date.parse(birthDate)) / YEAR_MS
/** The day a member admitted on `admittedOn` dies, never before the admission. */
const deathDate = (r: Random, birthDate: string, admittedOn: string): string => {
  const age = ageOn(birthDate, admittedOn)
  return addDays(admittedOn as IsoDate, Math.floor((ageAtDeath(r, age) - age) * 365.2425))
}

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
  // Hội NCT admits from 60; about 1 in 100 is admitted at 55–59 as the charter's exception (R28).
  // Most join soon after turning 60: the years past 60 fall off exponentially (mean 7), up to 92.
  if (r.next() < 0.01) return dateBetween(r, addYears(admittedOn as IsoDate, -59), addYears(addDays(admittedOn as IsoDate, 1), -55))
  const past60 = Math.min(32, -Math.log(1 - r.next()) * 7)
  return addDays(addYears(admittedOn as IsoDate, -60), -Math.floor(past60 * 365.2425))
}

export function* membersAndClubs(r: Random, mass: ReadonlyArray<AssociationSpec>, founded: ReadonlyMap<string, string>, plan: Plan, deferred: Deferred, cmd: Cmd): Generator<RawCommand> {
  const counts = apportion(
    mass.map((a) => a.weight * (0.75 + r.next() * 0.5)),
    MEMBERS_END_2020,
  )
  for (const [i, a] of mass.entries()) {
    const from = founded.get(a.id)!
    // counts[i] members are active at the end of 2020; those who died before are admitted on top
    let active = 0
    for (let n = 1; active < counts[i]!; n++) {
      const memberId = `${a.id}.m${n}`
      if (a.id === 'lc-nct' && n === 1) {
        // the provincial chair named in article 000
        yield cmd('AdmitMember', {
          memberId,
          associationId: a.id,
          personId: 'p-le-xuan-phung',
          fullName: 'Lê Xuân Phùng',
          birthDate: '1955-03-12',
          gender: 'male',
          category: 'official',
          admittedOn: later(from, '2015-06-01'),
        })
        active++
        continue
      }
      const gender = r.next() < (a.kind === 'elderly' ? 0.58 : 0.5) ? 'female' : 'male'
      const admittedOn = dateBetween(r, from, '2020-12-31')
      const birthDate = birthDateFor(r, a.kind, admittedOn)
      yield cmd('AdmitMember', {
        memberId,
        associationId: a.id,
        personId: `p-${memberId}`,
        fullName: personName(r, gender),
        birthDate,
        gender,
        category: r.next() < 0.97 ? 'official' : 'associate',
        admittedOn,
      })
      const diedOn = deathDate(r, birthDate, admittedOn)
      if (diedOn > '2020-12-31') active++
      // RecordDeath names the association joined, which need not be open any more
      if (diedOn <= HORIZON) yield cmd('RecordDeath', { memberId, associationId: a.id, diedOn })
    }
  }
  yield* congresses(r, mass, cmd)
  yield* clubsAndTargets(r, mass, founded, plan, deferred, cmd)
  // after 2020: new admissions in the commune Hội NCT (towards the members target); after the
  // restructuring they join the association that carries the commune's on
  const communeNct = mass.filter((a) => a.kind === 'elderly' && a.scope === 'commune').map((a) => a.id)
  const communeNctAfter = [...new Set(communeNct.flatMap((id) => carrierOn(plan, id, CUT) ?? []))]
  for (let n = 1; n <= NEW_MEMBERS_2021_2026; n++) {
    const admittedOn = dateBetween(r, '2021-08-01', HORIZON)
    const associationId = r.pick(admittedOn < CUT ? communeNct : communeNctAfter)
    const gender = r.next() < 0.58 ? 'female' : 'male'
    const memberId = `${associationId}.n${n}`
    const birthDate = birthDateFor(r, 'elderly', admittedOn)
    const fullName = personName(r, gender)
    const diedOn = deathDate(r, birthDate, admittedOn)
    const admit = () => cmd('AdmitMember', { memberId, associationId, personId: `p-${memberId}`, fullName, birthDate, gender, category: 'official', admittedOn })
    const death = () => cmd('RecordDeath', { memberId, associationId, diedOn })
    if (admittedOn < CUT) {
      yield admit()
      if (diedOn <= HORIZON) yield death()
    } else deferred.push(...(diedOn <= HORIZON ? [admit, death] : [admit]))
  }
}

const later = (x: string, y: string): string => (x > y ? x : y)

/**
 * R17: before a term congress the association notifies the authority (the provincial Department of
 * Home Affairs) and holds the congress after its written opinion. Most do it in time; `lapse` makes
 * the exceptions an inspector would find: 'late' (notified under 30 days before), 'no-opinion' (held
 * before the opinion came), 'none' (never notified).
 */
type Lapse = 'none' | 'late' | 'no-opinion' | undefined
function* notified(associationId: string, number: string, heldOn: string, lapse: Lapse, cmd: Cmd): Generator<RawCommand> {
  if (lapse === 'none') return
  const notifiedOn = addDays(heldOn as IsoDate, lapse === 'late' ? -20 : -50)
  yield cmd('NotifyAuthorityOfCongress', { associationId, congressNumber: number, notifiedOn, plannedOn: heldOn, authority: 'Sở Nội vụ tỉnh Lai Châu' })
  if (lapse !== 'no-opinion') yield cmd('RecordAuthorityOpinion', { associationId, congressNumber: number, receivedOn: addDays(heldOn as IsoDate, -12), opinion: 'agreed' })
}

function* congresses(r: Random, mass: ReadonlyArray<AssociationSpec>, cmd: Cmd): Generator<RawCommand> {
  // Hội NCT tỉnh: Congress II (2016) and Congress III, term 2021–2026 (article 000)
  yield* notified('lc-nct', 'II', '2016-07-20', undefined, cmd)
  yield cmd('HoldCongress', {
    associationId: 'lc-nct',
    number: 'II',
    kind: 'term',
    form: 'delegate',
    heldOn: '2016-07-20',
    termStart: '2016-07-20',
    termEnd: '2021-07-20',
    delegatesExpected: 150,
    delegatesPresent: 146,
  })
  yield* notified('lc-nct', 'III', '2021-07-15', undefined, cmd)
  yield cmd('HoldCongress', {
    associationId: 'lc-nct',
    number: 'III',
    kind: 'term',
    form: 'delegate',
    heldOn: '2021-07-15',
    termStart: '2021-07-15',
    termEnd: '2026-07-15',
    delegatesExpected: 150,
    delegatesPresent: 148,
  })
  yield cmd('ElectOfficer', { associationId: 'lc-nct', memberId: 'lc-nct.m1', role: 'president', electedOn: '2021-07-15', termEnd: '2026-07-15' })
  yield cmd('AdoptResolution', {
    associationId: 'lc-nct',
    resolutionId: 'nq-dh3-nct',
    congressNumber: 'III',
    adoptedOn: '2021-07-15',
    title: 'Nghị quyết Đại hội III Hội Người cao tuổi tỉnh Lai Châu, nhiệm kỳ 2021–2026',
    targets: [
      '72 CLB Liên thế hệ tự giúp nhau đến năm 2025',
      'Phát triển 5.000 hội viên mới',
      'Tỷ lệ tập hợp người cao tuổi vào Hội đạt trên 95%',
      '100% người cao tuổi được chúc thọ, mừng thọ',
      '80% cơ sở Hội đạt vững mạnh',
    ],
    keyTasks: ['Chăm sóc và phát huy vai trò người cao tuổi', 'Xây dựng tổ chức Hội vững mạnh', 'Nhân rộng mô hình CLB Liên thế hệ tự giúp nhau'],
    programmes: ['Chương trình chăm sóc sức khỏe người cao tuổi', 'Chương trình Tuổi cao – gương sáng', 'Chương trình phát triển CLB Liên thế hệ tự giúp nhau'],
  })
  // term congresses of the other provincial associations: some terms end soon, some are overdue (R14)
  const lapses: ReadonlyArray<Lapse> = ['none', 'late', 'no-opinion']
  for (const [i, a] of mass.filter((x) => x.scope === 'province' && x.id !== 'lc-nct').entries()) {
    const heldOn = dateBetween(r, '2018-01-10', '2022-12-20')
    const number = r.pick(['II', 'III', 'IV'])
    yield* notified(a.id, number, heldOn, i % 6 === 5 ? lapses[Math.floor(i / 6) % 3] : undefined, cmd)
    yield cmd('HoldCongress', {
      associationId: a.id,
      number,
      kind: 'term',
      form: 'delegate',
      heldOn,
      termStart: heldOn,
      termEnd: addYears(heldOn as IsoDate, 5),
      delegatesExpected: 100,
      delegatesPresent: r.int(70, 100),
    })
  }
}

function* clubsAndTargets(r: Random, mass: ReadonlyArray<AssociationSpec>, founded: ReadonlyMap<string, string>, plan: Plan, deferred: Deferred, cmd: Cmd): Generator<RawCommand> {
  const hosts = mass.filter((a) => a.kind === 'elderly' && a.scope === 'commune')
  const specs = new Map<string, AssociationSpec>([...mass, ...plan.newBodies].map((a) => [a.id, a]))
  // after the restructuring a club is launched by the association that carries its host's commune on; a dissolved one's by the next host
  const hostOn = (k: number, on: string): AssociationSpec => {
    const id = carrierOn(plan, hosts[k % hosts.length]!.id, on)
    return id === undefined ? hostOn(k + 1, on) : specs.get(id)!
  }
  yield cmd('SetTarget', {
    targetId: 'lc-ishc-72',
    ownerAssociationId: 'lc-nct',
    title: '72 CLB Liên thế hệ tự giúp nhau đến năm 2025',
    metric: { kind: 'clubs-launched', model: 'ishc', areaCode: '12' },
    counting: 'cumulative',
    goal: 72,
    startOn: '2021-07-15',
    dueOn: '2025-12-31',
    setOn: '2021-07-15',
    sourceResolutionId: 'nq-dh3-nct',
    milestones: [{ label: 'Thành lập mới 09 CLB trước tháng 7/2022', goal: 9, dueOn: '2022-06-30', counting: 'new-since-start' }],
  })
  yield cmd('SetTarget', {
    targetId: 'lc-nct-members-5000',
    ownerAssociationId: 'lc-nct',
    title: 'Phát triển 5.000 hội viên mới nhiệm kỳ 2021–2026',
    metric: { kind: 'members-admitted', associationId: 'lc-nct' },
    counting: 'new-since-start',
    goal: 5_000,
    startOn: '2021-07-15',
    dueOn: '2026-07-15',
    setOn: '2021-07-15',
    sourceResolutionId: 'nq-dh3-nct',
    milestones: [],
  })
  // ISHC launches: 21 before the target (Decisions 1533 and 1336), 9 before July 2022, then 38 more to the end of 2025
  const waves: ReadonlyArray<[number, string, string]> = [
    [21, '2017-03-01', '2020-12-15'],
    [9, '2022-04-28', '2022-06-28'],
    [30, '2022-07-10', '2024-12-20'],
    [8, '2025-01-10', '2025-12-20'],
  ]
  let n = 0
  for (const [w, [count, from, to]] of waves.entries()) {
    if (w === 1)
      yield cmd('HoldConference', {
        associationId: 'lc-nct',
        conferenceId: 'hn-2022-04-26',
        kind: 'training',
        heldOn: '2022-04-26',
        attendees: 160,
        title: 'Hội nghị quán triệt Nghị quyết Đại hội VI Hội NCT Việt Nam, Nghị quyết Đại hội III Hội NCT tỉnh và tập huấn mô hình CLB Liên thế hệ tự giúp nhau năm 2022',
      })
    const dates = Array.from({ length: count }, () => dateBetween(r, from, to)).sort()
    for (const launchedOn of dates) {
      n++
      const host = hostOn(n * 11, launchedOn)
      const on = later(launchedOn, addDays((founded.get(host.id) ?? CUT) as IsoDate, 1))
      const total = n % 9 === 4 ? r.int(38, 48) : r.int(50, 70)
      const roster = {
        total,
        women: Math.round(total * (n % 7 === 3 ? 0.52 : 0.6 + r.next() * 0.1)),
        older: Math.round(total * (0.6 + r.next() * 0.1)),
        homeCareVolunteers: n % 10 === 6 ? 3 : r.int(5, 10),
      }
      const clubId = `clb-${String(n).padStart(3, '0')}`
      const club: Deferred = []
      club.push(() =>
        cmd('LaunchClub', {
          clubId,
          name: `CLB Liên thế hệ tự giúp nhau ${host.name.replace('Hội Người cao tuổi ', '')}${n > hosts.length ? ` (${Math.ceil(n / hosts.length)})` : ''}`,
          model: 'ishc',
          hostAssociationId: host.id,
          areaCode: host.areaCode,
          launchedOn: on,
          programme: on < '2020-08-31' ? '1533' : on < '2025-08-01' ? '1336' : '1648',
          roster,
        }),
      )
      const areas = ['livelihoods', 'health-care', 'home-care', 'self-help', 'rights', 'lifelong-learning', 'culture-arts', 'resource-mobilisation']
      for (let k = 0; k < 3; k++) {
        const activity = {
          clubId,
          activityId: `${clubId}-a${k + 1}`,
          area: areas[(n + k * 3) % 8],
          heldOn: addDays(on as IsoDate, 20 + k * 30),
          title: 'Sinh hoạt định kỳ',
          participants: r.int(30, total),
        }
        club.push(() => cmd('RecordClubActivity', activity))
      }
      if (on < CUT) for (const c of club) yield c()
      else deferred.push(...club)
    }
  }
}
