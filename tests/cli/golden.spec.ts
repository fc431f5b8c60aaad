import { beforeAll, describe, expect, it } from 'vitest'
import { hoi } from '../support/cli.js'
import { demoDatabase } from '../support/demo.js'

// The figures of DOMAIN.md's golden scenario, from articles 000–003, read back through the CLI.
let store = ''
const query = (...args: string[]) => {
  const r = hoi(['query', ...args, '--store', store, '--json'])
  expect(r.stderr).toBe('')
  expect(r.code).toBe(0)
  return JSON.parse(r.stdout)
}

beforeAll(async () => {
  store = await demoDatabase()
}, 1_800_000)

// the demo also holds Bắc Kạn (06) and Hội NCT Việt Nam (national): Lai Châu's figures are asked for its area only
const laiChau2020 = () => query('statistics', '--year', '2020', '--area-code', '12')

describe('golden scenario: Lai Châu 2020 (article 002)', () => {
  it('179 associations with 180,455 members: province 24, district 56, commune 99', () => {
    const s = laiChau2020()
    expect(s.associations.total).toBe(179)
    expect(s.associations.byScope).toMatchObject({ province: 24, district: 56, commune: 99 })
    expect(s.members.total).toBe(180_455)
  })
  it('18 special associations: 10 province, 8 district', () => {
    const s = laiChau2020()
    expect(s.special.total).toBe(18)
    expect(s.special.byScope).toMatchObject({ province: 10, district: 8, commune: 0 })
  })
  it('11 associations founded in 2020: 1 district, 10 commune', () => {
    const s = laiChau2020()
    expect(s.foundedInYear.total).toBe(11)
    expect(s.foundedInYear.byScope).toMatchObject({ province: 0, district: 1, commune: 10 })
  })
  it('the human table shows the same figures', () => {
    const r = hoi(['query', 'statistics', '--year', '2020', '--area-code', '12', '--store', store])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('180.455')
    expect(r.stdout).toMatch(/Số hội \(associations\)\s+179\s+0\s+24\s+56\s+99/)
  })
})

describe('golden scenario: Hội NCT tỉnh and the 72-club target (article 000)', () => {
  it('Congress III, term 2021–2026, with the provincial chair', () => {
    const a = query('registry', '--kind', 'elderly', '--scope', 'province')
    const nct = a.find((x: { associationId: string }) => x.associationId === 'lc-nct')
    expect(nct.term).toMatchObject({ congressNumber: 'III', start: '2021-07-15', end: '2026-07-15' })
    expect(nct.officers).toEqual([expect.objectContaining({ fullName: 'Lê Xuân Phùng', role: 'president' })])
  })
  it('R30: it is recorded under Hội NCT Việt Nam, founded before it', () => {
    const nct = query('association', 'lc-nct')
    expect(nct.parentId).toBe('vn-nct')
    expect(query('registry', '--parent-id', 'vn-nct').map((x: { associationId: string }) => x.associationId)).toEqual(['lc-nct'])
    expect(query('association', 'vn-nct').foundedOn < nct.foundedOn).toBe(true)
  })
  it('R17: its term congresses were notified to the authority in time and held after its opinion (no flag)', () => {
    const r = hoi(['history', 'association-lc-nct', '--store', store, '--json'])
    const held = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .filter((e) => e.type === 'CongressHeld')
    expect(held.map((e) => [e.data.number, e.data.flags ?? []])).toEqual([
      ['II', []],
      ['III', []],
    ])
  })
  it('target "72 ISHCs by 2025" with its milestone of 9 new clubs before July 2022, met', () => {
    const [t] = query('targets', '--as-of', '2022-07-01').filter((x: { targetId: string }) => x.targetId === 'lc-ishc-72')
    expect(t).toMatchObject({ goal: 72, dueOn: '2025-12-31', counting: 'cumulative' })
    expect(t.milestones).toHaveLength(1)
    expect(t.milestones[0]).toMatchObject({ goal: 9, dueOn: '2022-06-30', met: true, current: 9 })
    expect(t.current).toBe(30) // 21 clubs before the target + the 9 of the milestone
  })
  it('progress is a view of the log: on 2022-04-27 the milestone was still open', () => {
    const [t] = query('targets', '--as-of', '2022-04-27').filter((x: { targetId: string }) => x.targetId === 'lc-ishc-72')
    expect(t.milestones[0]).toMatchObject({ met: false, missed: false })
    expect(t.current).toBe(21)
  })
})

describe('golden scenario: the history of Hội NCT tỉnh (article 000)', () => {
  it('the training conference of 160 delegates on 2022-04-26, and the resolution of Congress III (5 targets, 3 key tasks, 3 programmes)', () => {
    const r = hoi(['history', 'association-lc-nct', '--store', store, '--json'])
    expect(r.code).toBe(0)
    const events = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(events.find((e) => e.type === 'ConferenceHeld')).toMatchObject({ data: { attendees: 160, heldOn: '2022-04-26', kind: 'training' }, metadata: { occurredOn: '2022-04-26', actor: 'demo' } })
    const resolution = events.find((e) => e.type === 'ResolutionAdopted')
    expect([resolution.data.targets.length, resolution.data.keyTasks.length, resolution.data.programmes.length]).toEqual([5, 3, 3])
    expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => i))
  })
})

describe('golden scenario: the 2023 Q3 report of the Front and its bodies (article 001)', () => {
  it('rolls up the indicators over lc-mttq and its member organisations', () => {
    const r = query('reports', 'lc-mttq', '2023Q3')
    const totals = new Map((r.totals as Array<{ code: string; value: number }>).map((x) => [x.code, x.value]))
    expect(Object.fromEntries(totals)).toMatchObject({
      'propaganda-sessions': 558,
      'propaganda-participants': 29_774,
      'volunteer-teams': 692,
      activities: 942,
      'activity-participants': 8_256,
      'legal-advice-participants': 130,
      'party-referrals': 1_611,
      'party-class-attendees': 438,
    })
    expect(totals.get('entrusted-loan-balance-vnd')).toBeGreaterThanOrEqual(2_900_000_000_000) // "gần 3.000 tỷ đồng"
    expect(totals.get('entrusted-loan-balance-vnd')).toBeLessThan(3_000_000_000_000)
    expect(totals.get('borrowing-households')).toBeGreaterThan(30_000) // "hơn 30.000 hộ vay"
    expect(totals.get('new-members')).toBeGreaterThanOrEqual(1_900) // "gần 2.000"
    expect(totals.get('new-members')).toBeLessThan(2_000)
  })
})

describe('golden scenario: the veterans’ movement 2019–2024 (article 003)', () => {
  it('"Cựu chiến binh gương mẫu" with its commendations, concluded', () => {
    const [m] = query('commendations')
    expect(m).toMatchObject({ title: 'Cựu chiến binh gương mẫu', cycleStart: 2019, cycleEnd: 2024, status: 'concluded' })
    expect(m.collectives + m.individuals).toBeGreaterThan(0)
  })
})

describe('golden scenario: the 2025 restructuring replayed on Lai Châu', () => {
  it('R37: the district level ends on 2025-07-01, its communes moved under the province first', () => {
    const r = hoi(['history', 'unit-12.105', '--store', store, '--json'])
    expect(r.code).toBe(0)
    const events = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(events.at(-1)).toMatchObject({ type: 'AdminUnitAbolished', data: { abolishedOn: '2025-07-01' } })
    const commune = hoi(['history', 'unit-12.105.01', '--store', store, '--json'])
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(commune.find((e) => e.type === 'AdminUnitReparented')).toMatchObject({ data: { parentId: '12', reparentedOn: '2025-07-01' } })
  })
  it('R37: the commune associations of merged communes merge: 99 the day before, 52 from 2025-07-01', () => {
    const before = query('statistics', '--year', '2025', '--area-code', '12', '--as-of', '2025-06-30')
    const after = query('statistics', '--year', '2025', '--area-code', '12', '--as-of', '2025-07-01')
    expect([before.associations.byScope.commune, after.associations.byScope.commune]).toEqual([99, 52])
    // five same-kind pairs or triples without one in the surviving commune were consolidated into a new association
    const merged = query('registry', '--area-code', '12.108.07', '--as-of', '2025-07-01').find((a: { associationId: string }) => a.associationId === 'lc-108.07-nct-2025')
    expect(merged).toBeDefined()
  })
})

describe('golden scenario: Bắc Kạn, its special associations and their merge (article 004)', () => {
  it('on the day of the 2023-07-04 review: 12 special provincial associations with staff quotas, and one ordinary', () => {
    const s = query('statistics', '--year', '2023', '--area-code', '06', '--as-of', '2023-07-04')
    expect(s.associations.total).toBe(13)
    expect(s.special).toMatchObject({ total: 12, byScope: { province: 12 } })
    const rows = query('registry', '--area-code', '06', '--special', 'true', '--as-of', '2023-07-04')
    expect(rows).toHaveLength(12)
    expect(rows.every((r: { staffQuota?: number }) => (r.staffQuota ?? 0) > 0)).toBe(true)
  })
  it('after the merge of similar associations (2024-03-01): one absorbed, two consolidated into one carrying both quotas (R21)', () => {
    const s = query('statistics', '--year', '2024', '--area-code', '06')
    expect(s.associations.total).toBe(11)
    expect(s.special.total).toBe(11)
    const merged = query('registry', '--area-code', '06', '--as-of', '2024-12-31').find((r: { associationId: string }) => r.associationId === 'bk-nkt')
    expect(merged).toMatchObject({ staffQuota: 4, special: true })
  })
})

describe('golden scenario: Congress VI of Hội NCT Việt Nam (article 000)', () => {
  it('held with the authority notified and agreeing (R17), its resolution with 6 targets, 3 key tasks, 3 programmes', () => {
    const r = hoi(['history', 'association-vn-nct', '--store', store, '--json'])
    expect(r.code).toBe(0)
    const events = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    const congress = events.find((e) => e.type === 'CongressHeld')
    expect(congress.data).toMatchObject({ number: 'VI', kind: 'term', termEnd: '2026-12-27' })
    expect(congress.data.flags ?? []).toEqual([])
    const resolution = events.find((e) => e.type === 'ResolutionAdopted')
    expect([resolution.data.targets.length, resolution.data.keyTasks.length, resolution.data.programmes.length]).toEqual([6, 3, 3])
  })
})

describe('hoi demo is idempotent', () => {
  it('running it again on the same store writes nothing', () => {
    const r = hoi(['demo', '--store', store])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/nothing written|0 events written/)
  })
})
