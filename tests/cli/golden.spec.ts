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
}, 600_000)

describe('golden scenario: Lai Châu 2020 (article 002)', () => {
  it('179 associations with 180,455 members: province 24, district 56, commune 99', () => {
    const s = query('statistics', '--year', '2020')
    expect(s.associations.total).toBe(179)
    expect(s.associations.byScope).toMatchObject({ province: 24, district: 56, commune: 99 })
    expect(s.members.total).toBe(180_455)
  })
  it('18 special associations: 10 province, 8 district', () => {
    const s = query('statistics', '--year', '2020')
    expect(s.special.total).toBe(18)
    expect(s.special.byScope).toMatchObject({ province: 10, district: 8, commune: 0 })
  })
  it('11 associations founded in 2020: 1 district, 10 commune', () => {
    const s = query('statistics', '--year', '2020')
    expect(s.foundedInYear.total).toBe(11)
    expect(s.foundedInYear.byScope).toMatchObject({ province: 0, district: 1, commune: 10 })
  })
  it('the human table shows the same figures', () => {
    const r = hoi(['query', 'statistics', '--year', '2020', '--store', store])
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
    const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l))
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
      'propaganda-sessions': 558, 'propaganda-participants': 29_774, 'volunteer-teams': 692, activities: 942,
      'activity-participants': 8_256, 'legal-advice-participants': 130, 'party-referrals': 1_611, 'party-class-attendees': 438,
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

describe('hoi demo is idempotent', () => {
  it('running it again on the same store writes nothing', () => {
    const r = hoi(['demo', '--store', store])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/nothing written|0 events written/)
  })
})
