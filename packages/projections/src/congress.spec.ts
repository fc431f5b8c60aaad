import { describe, expect, it } from 'vitest'
import { applyAll, commendations, congressWatch, emptyModel, foundings, overdueStage } from './index.js'
import { ev, log } from './testing/recorded.js'

const congress = (associationId: string, number: string, heldOn: string, termEnd: string) =>
  ['CongressHeld', { associationId, number, kind: 'term', form: 'delegate', heldOn, termStart: heldOn, termEnd, delegatesExpected: 100, delegatesPresent: 90 }] as const

const m = applyAll(
  emptyModel(),
  log(
    ev.founded('soon'),
    ev.founded('later'),
    ev.founded('ended'),
    ev.founded('request'),
    ev.founded('review'),
    ev.founded('none'),
    ev.founded('gone'),
    ev.founded('renewed'),
    congress('soon', 'II', '2019-09-01', '2024-08-31'),
    congress('later', 'III', '2021-01-01', '2025-12-31'),
    congress('ended', 'I', '2018-01-01', '2023-12-31'),
    congress('request', 'I', '2017-01-01', '2022-12-31'),
    congress('review', 'I', '2016-01-01', '2021-12-31'),
    congress('gone', 'I', '2016-01-01', '2021-12-31'),
    ['AssociationDissolved', { associationId: 'gone', dissolvedOn: '2023-01-01', dissolution: 'compulsory', ground: 'inactive-12-months' }],
    congress('renewed', 'I', '2015-01-01', '2019-12-31'),
    congress('renewed', 'II', '2020-03-01', '2025-02-28'),
  ),
)

describe('congress watch (R14)', () => {
  const w = congressWatch(m, { asOf: '2024-03-31' })
  const ids = (rows: ReadonlyArray<{ associationId: string }>) => rows.map((r) => r.associationId)

  it('lists terms ending within 6 months, and no more', () => {
    expect(ids(w.endingSoon)).toEqual(['soon'])
    expect(w.endingSoon[0]).toMatchObject({ congressNumber: 'II', termEnd: '2024-08-31', daysLeft: 153 })
    expect(ids(congressWatch(m, { asOf: '2024-03-31', withinMonths: 24 }).endingSoon)).toEqual(['soon', 'renewed', 'later'])
  })

  it('lists overdue terms with their stage, oldest first; dissolved and renewed ones are not overdue', () => {
    expect(w.overdue.map((r) => [r.associationId, r.stage])).toEqual([
      ['review', 'dissolution-review'],
      ['request', 'authority-request-due'],
      ['ended', 'term-ended'],
    ])
    expect(w.overdue[2]).toMatchObject({ termEnd: '2023-12-31', daysOverdue: 91 })
    expect(ids(congressWatch(m, { asOf: '2019-12-31' }).endingSoon)).toContain('renewed')
    expect(ids(congressWatch(m, { asOf: '2020-02-01' }).overdue)).toEqual(['renewed'])
  })

  it('lists associations that have held no congress', () => {
    expect(ids(w.noTerm)).toEqual(['none'])
  })

  it('stages: under 12 months, from 12 months, from 18 months + 90 days', () => {
    expect(overdueStage('2022-12-31', '2023-12-30')).toBe('term-ended')
    expect(overdueStage('2022-12-31', '2023-12-31')).toBe('authority-request-due')
    expect(overdueStage('2022-12-31', '2024-09-27')).toBe('authority-request-due')
    expect(overdueStage('2022-12-31', '2024-09-28')).toBe('dissolution-review')
  })
})

describe('commendations', () => {
  const v = applyAll(
    emptyModel(),
    log(
      ['EmulationMovementLaunched', { movementId: 'ccb-gm', ownerAssociationId: 'ccb', title: 'Cựu chiến binh gương mẫu', cycleStart: 2019, cycleEnd: 2024, launchedOn: '2019-03-01' }],
      ['CommendationAwarded', { movementId: 'ccb-gm', commendationId: 'k1', recipient: { kind: 'collective', name: 'Hội CCB xã A' }, form: 'Bằng khen', awardedOn: '2021-05-01' }],
      ['CommendationAwarded', { movementId: 'ccb-gm', commendationId: 'k2', recipient: { kind: 'individual', name: 'Vàng A Sinh' }, form: 'Giấy khen', awardedOn: '2020-05-01' }],
      ['CommendationAwarded', { movementId: 'ccb-gm', commendationId: 'k3', recipient: { kind: 'individual', name: 'Lò Thị Mai' }, form: 'Giấy khen', awardedOn: '2023-05-01' }],
      ['EmulationMovementConcluded', { movementId: 'ccb-gm', concludedOn: '2024-06-01' }],
    ),
  )

  it('counts collectives and individuals per movement as of a date', () => {
    expect(commendations(v, { asOf: '2019-02-28' })).toEqual([])
    const mid = commendations(v, { asOf: '2021-12-31' })[0]!
    expect(mid).toMatchObject({ status: 'active', collectives: 1, individuals: 1, cycleStart: 2019, cycleEnd: 2024 })
    expect(mid.awards.map((a) => a.commendationId)).toEqual(['k2', 'k1'])
    expect(commendations(v, { movementId: 'ccb-gm' })[0]).toMatchObject({ status: 'concluded', concludedOn: '2024-06-01', collectives: 1, individuals: 2 })
    expect(commendations(v, { movementId: 'other' })).toEqual([])
  })
})

describe('congress watch: associations in founding (R4, R5)', () => {
  const steps = (id: string) =>
    [
      [
        'FoundingCommitteeRecognised',
        { associationId: id, name: `Hội ${id}`, kind: 'elderly', scope: 'commune', areaCode: '12.105.03', recognisedOn: '2025-01-06', committee: [{ personId: 'p0', fullName: 'Lò Văn A' }] },
      ],
      ['AssociationEstablishmentPermitted', { associationId: id, permittedOn: '2025-02-03', congressDueBy: '2025-05-04', registrants: [] }],
    ] as const
  const fm = applyAll(
    emptyModel(),
    log(
      ...steps('waiting'),
      ...steps('extended'),
      ...steps('lapsed'),
      ...steps('founded'),
      ['EstablishmentPermitExtended', { associationId: 'extended', requestedOn: '2025-05-10', congressDueBy: '2025-06-03' }],
      ['EstablishmentPermitLapsed', { associationId: 'lapsed', lapsedOn: '2025-05-20' }],
      ['EstablishmentPermitLapsed', { associationId: 'lapsed', lapsedOn: '2025-06-20' }],
      [
        'AssociationFounded',
        { associationId: 'founded', name: 'Hội founded', kind: 'elderly', regime: 'decree-126-2024', scope: 'commune', areaCode: '12.105.04', foundedOn: '2025-04-20', foundingMembers: 10, flags: [] },
      ],
    ),
  )
  it('R4: a recognised committee shows before its permit, nothing before the recognition', () => {
    expect(congressWatch(fm, { asOf: '2025-01-05' }).foundings).toEqual([])
    expect(congressWatch(fm, { asOf: '2025-01-10' }).foundings[0]).toEqual({
      associationId: 'waiting',
      name: 'Hội waiting',
      kind: 'elderly',
      scope: 'commune',
      areaCode: '12.105.03',
      stage: 'committee-recognised',
      recognisedOn: '2025-01-06',
      extended: false,
      overdue: false,
    })
  })
  it('R5: the permit deadline, overdue after it, the extension and the lapse (the first recorded stands); a founded one leaves the list', () => {
    const at = (asOf: string) => new Map(congressWatch(fm, { asOf }).foundings.map((r) => [r.associationId, r]))
    expect(at('2025-03-01').get('founded')).toMatchObject({ stage: 'permitted', permittedOn: '2025-02-03', congressDueBy: '2025-05-04', overdue: false })
    const may = at('2025-05-12')
    expect(may.has('founded')).toBe(false)
    expect(may.get('waiting')).toMatchObject({ stage: 'permitted', congressDueBy: '2025-05-04', overdue: true, extended: false })
    expect(may.get('extended')).toMatchObject({ stage: 'permitted', congressDueBy: '2025-06-03', overdue: false, extended: true })
    expect(at('2025-06-01').get('lapsed')).toMatchObject({ stage: 'lapsed', lapsedOn: '2025-05-20', overdue: false })
    expect(foundings(fm, { asOf: '2025-06-01', areaCode: '12.105' }).map((r) => r.associationId)).toEqual(['waiting', 'extended', 'lapsed'])
    expect(foundings(fm, { asOf: '2025-06-01', areaCode: '13' })).toEqual([])
  })
})
