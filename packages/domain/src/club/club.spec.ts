import { describe, expect, it } from 'vitest'
import * as fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { defaultPolicy } from '../policy.js'
import { given } from '../testing/given.js'
import { idempotencyProperty } from '../testing/properties.js'
import { founded } from '../testing/fixtures.js'
import * as Association from '../association/state.js'
import type { Event as AssociationEvent } from '../association/events.js'
import { club, decider, Command as CommandCodec, type Command, type Event } from './index.js'

const host = Association.evolve(Association.initialState, founded({ associationId: 'nct-hb', kind: 'elderly', scope: 'district', areaCode: '12.105', foundedOn: '2015-05-01' }))
const ctx = { policy: defaultPolicy, host }
const after = (state: Association.State, event: unknown) => Association.evolve(state, event as AssociationEvent)
const suspended = after(host, { type: 'AssociationSuspended', data: { associationId: 'nct-hb', suspendedOn: '2020-01-10', until: '2020-06-10', reason: 'Vi phạm điều lệ' } })
const dissolved = after(host, { type: 'AssociationDissolved', data: { associationId: 'nct-hb', dissolvedOn: '2020-01-10', dissolution: 'voluntary', ground: 'members-request' } })

const roster = { total: 60, older: 40, women: 39, homeCareVolunteers: 6 }
const launchData = {
  clubId: 'clb-lt-03',
  name: 'CLB Liên thế hệ tự giúp nhau xã Tân Hòa',
  model: 'ishc',
  hostAssociationId: 'nct-hb',
  areaCode: '12.105.03',
  launchedOn: '2019-03-15',
  programme: '1533',
  roster,
}
const launch = { type: 'LaunchClub', data: launchData } as unknown as Command
const launching = (data: object) => ({ type: 'LaunchClub', data: { ...launchData, ...data } }) as unknown as Command
const launched = { type: 'ClubLaunched', data: { ...launchData, flags: [] } } as unknown as Event
const reportRoster = (r: object, reportedOn = '2021-01-05') => ({ type: 'ReportClubRoster', data: { clubId: 'clb-lt-03', reportedOn, roster: { ...roster, ...r } } }) as unknown as Command
const activity = {
  type: 'RecordClubActivity',
  data: { clubId: 'clb-lt-03', activityId: 'hd-1', area: 'home-care', heldOn: '2019-04-02', title: 'Thăm hỏi người cao tuổi cô đơn', participants: 12 },
} as unknown as Command
const close = { type: 'CloseClub', data: { clubId: 'clb-lt-03', closedOn: '2024-12-20', reason: 'Sáp nhập xã' } } as unknown as Command
const closed = { type: 'ClubClosed', data: (close as Extract<Command, { type: 'CloseClub' }>).data } as Event

const flagsOf = (r: E.Either<unknown, ReadonlyArray<Event>>) => (E.isRight(r) && r.right[0] !== undefined && 'flags' in r.right[0].data ? r.right[0].data.flags : undefined)

describe('club: not launched', () => {
  it('launches an ISHC whose composition fits the model, with no flags', () => {
    expect(given(decider, []).when(launch, ctx)).toEqual(E.right([launched]))
  })
  it('R29: flags every composition shortfall of an ISHC and still launches it', () => {
    const r = given(decider, []).when(launching({ roster: { total: 30, older: 12, women: 10, homeCareVolunteers: 2 } }), ctx)
    expect(E.isRight(r)).toBe(true)
    expect(flagsOf(r)?.map((f) => [f.rule, f.code])).toEqual([
      ['R29', 'MembersOutOfRange'],
      ['R29', 'WomenShareOutOfRange'],
      ['R29', 'OlderShareOutOfRange'],
      ['R29', 'TooFewHomeCareVolunteers'],
    ])
  })
  it('R29: flags an ISHC above the ranges too', () => {
    const r = given(decider, []).when(launching({ roster: { total: 80, older: 64, women: 64, homeCareVolunteers: 10 } }), ctx)
    expect(flagsOf(r)?.map((f) => f.code)).toEqual(['MembersOutOfRange', 'WomenShareOutOfRange', 'OlderShareOutOfRange'])
  })
  it('R29: the ranges are inclusive (50 members, 60 % women, 70 % older, 5 volunteers)', () => {
    expect(flagsOf(given(decider, []).when(launching({ roster: { total: 50, older: 35, women: 30, homeCareVolunteers: 5 } }), ctx))).toEqual([])
  })
  it('R29: the older share names the configured threshold', () => {
    const policy = { ...defaultPolicy, ishc: { ...defaultPolicy.ishc, olderThreshold: 55 } }
    const r = given(decider, []).when(launching({ roster: { ...roster, older: 20 } }), { ...ctx, policy })
    expect(flagsOf(r)).toEqual([{ rule: 'R29', code: 'OlderShareOutOfRange', message: expect.stringContaining('aged 55 or over') }])
  })
  it('R29: the ranges come from the policy', () => {
    const policy = { ...defaultPolicy, ishc: { ...defaultPolicy.ishc, members: { min: 20, max: 40 }, minHomeCareVolunteers: 1 } }
    const r = given(decider, []).when(launching({ roster: { total: 30, older: 20, women: 20, homeCareVolunteers: 1 } }), { ...ctx, policy })
    expect(flagsOf(r)).toEqual([])
  })
  it('R29: an empty ISHC is flagged for its size, not for shares it cannot have', () => {
    const r = given(decider, []).when(launching({ roster: { total: 0, older: 0, women: 0, homeCareVolunteers: 0 } }), ctx)
    expect(flagsOf(r)?.map((f) => f.code)).toEqual(['MembersOutOfRange', 'TooFewHomeCareVolunteers'])
  })
  it('R29: only the ISHC model is held to the composition', () => {
    expect(flagsOf(given(decider, []).when(launching({ model: 'other', roster: { total: 12, older: 1, women: 1, homeCareVolunteers: 0 } }), ctx))).toEqual([])
  })
  it.each(['older', 'women', 'homeCareVolunteers'])('rejects a roster whose %s exceed the total', (part) => {
    expect(given(decider, []).when(launching({ roster: { ...roster, [part]: 61 } }), ctx)).toMatchObject(E.left({ code: 'RosterInconsistent', field: `data.roster.${part}` }))
  })
  it('rejects a host that does not exist', () => {
    expect(given(decider, []).when(launch, { policy: defaultPolicy })).toMatchObject(E.left({ code: 'AssociationNotFound', field: 'data.hostAssociationId' }))
  })
  it('R23: rejects a suspended host', () => {
    expect(given(decider, []).when(launch, { ...ctx, host: suspended })).toMatchObject(E.left({ code: 'AssociationSuspended', rule: 'R23' }))
  })
  it('R24: rejects a dissolved host', () => {
    expect(given(decider, []).when(launch, { ...ctx, host: dissolved })).toMatchObject(E.left({ code: 'AssociationDissolved', rule: 'R24' }))
  })
  it("accepts the host's own area and refuses an area outside it, even one sharing its digits", () => {
    expect(given(decider, []).when(launching({ areaCode: '12.105' }), ctx)).toMatchObject(E.right([{ type: 'ClubLaunched' }]))
    expect(given(decider, []).when(launching({ areaCode: '12.1050' }), ctx)).toMatchObject(E.left({ code: 'ClubOutsideHostArea', rule: 'design', field: 'data.areaCode' }))
    expect(given(decider, []).when(launching({ areaCode: '13.105.03' }), ctx)).toMatchObject(E.left({ code: 'ClubOutsideHostArea' }))
  })
  it('rejects a launch before the host was founded', () => {
    expect(given(decider, []).when(launching({ launchedOn: '2015-04-30' }), ctx)).toMatchObject(E.left({ code: 'ClubBeforeHost', field: 'data.launchedOn' }))
  })
  it.each([reportRoster({}), activity, close])('rejects $type for a club never launched', (command) => {
    expect(given(decider, []).when(command, ctx)).toMatchObject(E.left({ code: 'ClubNotFound', field: 'data.clubId' }))
  })
})

describe('club: open', () => {
  it('launching again with the same facts is already satisfied, even after a new roster', () => {
    expect(given(decider, [launched]).when(launch, ctx)).toEqual(E.right([]))
    const reported = { type: 'ClubRosterReported', data: { clubId: 'clb-lt-03', reportedOn: '2021-01-05', roster: { ...roster, total: 65 }, flags: [] } } as unknown as Event
    expect(given(decider, [launched, reported]).when(launch, ctx)).toEqual(E.right([]))
  })
  it('refuses a launch under the same id with other facts', () => {
    expect(given(decider, [launched]).when(launching({ programme: '1336' }), ctx)).toMatchObject(E.left({ code: 'ClubAlreadyLaunched' }))
    expect(given(decider, [launched]).when(launching({ roster: { ...roster, women: 40 } }), ctx)).toMatchObject(E.left({ code: 'ClubAlreadyLaunched' }))
  })
  it('R29: a roster report is flagged like a launch, never refused', () => {
    const r = given(decider, [launched]).when(reportRoster({ total: 72, women: 40, older: 48 }), ctx)
    expect(r).toEqual(
      E.right([
        {
          type: 'ClubRosterReported',
          data: {
            clubId: 'clb-lt-03',
            reportedOn: '2021-01-05',
            roster: { ...roster, total: 72, women: 40, older: 48 },
            flags: [expect.objectContaining({ rule: 'R29', code: 'MembersOutOfRange' }), expect.objectContaining({ rule: 'R29', code: 'WomenShareOutOfRange' })],
          },
        },
      ]),
    )
  })
  it('reporting the roster the club already has yields nothing', () => {
    expect(given(decider, [launched]).when(reportRoster({}, '2022-01-01'), ctx)).toEqual(E.right([]))
  })
  it('rejects an inconsistent roster report', () => {
    expect(given(decider, [launched]).when(reportRoster({ homeCareVolunteers: 70 }), ctx)).toMatchObject(E.left({ code: 'RosterInconsistent', field: 'data.roster.homeCareVolunteers' }))
  })
  it('rejects a roster reported before the launch', () => {
    expect(given(decider, [launched]).when(reportRoster({ total: 62 }, '2019-03-14'), ctx)).toMatchObject(E.left({ code: 'RosterBeforeLaunch', field: 'data.reportedOn' }))
  })
  it('records an activity once; the same activity again yields nothing', () => {
    const recorded = { type: 'ClubActivityRecorded', data: activity.data } as Event
    expect(given(decider, [launched]).when(activity, ctx)).toEqual(E.right([recorded]))
    expect(given(decider, [launched, recorded]).when(activity, ctx)).toEqual(E.right([]))
  })
  it('rejects an activity before the launch', () => {
    const early = { ...activity, data: { ...activity.data, heldOn: '2019-03-14' } } as Command
    expect(given(decider, [launched]).when(early, ctx)).toMatchObject(E.left({ code: 'ActivityBeforeLaunch', field: 'data.heldOn' }))
  })
  it('closes', () => {
    expect(given(decider, [launched]).when(close, ctx)).toEqual(E.right([closed]))
  })
  it('rejects a closure before the launch', () => {
    const early = { ...close, data: { ...close.data, closedOn: '2019-01-01' } } as Command
    expect(given(decider, [launched]).when(early, ctx)).toMatchObject(E.left({ code: 'ClosureBeforeLaunch', field: 'data.closedOn' }))
  })
})

describe('club: closed', () => {
  const history = [launched, { type: 'ClubActivityRecorded', data: activity.data } as Event, closed]
  it('is terminal', () => {
    expect(decider.isTerminal(given(decider, history).state)).toBe(true)
  })
  it('refuses a new roster', () => {
    expect(given(decider, history).when(reportRoster({ total: 55 }), ctx)).toMatchObject(E.left({ code: 'ClubClosed' }))
  })
  it('refuses a new activity, but a repeated one is already recorded', () => {
    expect(given(decider, history).when({ ...activity, data: { ...activity.data, activityId: 'hd-2' } } as Command, ctx)).toMatchObject(E.left({ code: 'ClubClosed' }))
    expect(given(decider, history).when(activity, ctx)).toEqual(E.right([]))
  })
  it('closing again is already satisfied', () => {
    expect(given(decider, history).when(close, ctx)).toEqual(E.right([]))
  })
})

describe('club: module', () => {
  it('a launch needs its host; other commands need nothing', () => {
    expect(club.needs(launch)).toEqual([{ key: 'host', aggregate: 'association', streamId: 'association-nct-hb' }])
    expect(club.needs(close)).toEqual([])
    expect(club.streamOf(activity)).toBe('club-clb-lt-03')
  })
})

const valid = (raw: unknown): Command => {
  const r = CommandCodec.decode(raw)
  if (E.isLeft(r)) throw new Error(`generated an invalid command: ${JSON.stringify(raw)}`)
  return r.right
}
const date = fc.constantFrom('2015-01-01', '2019-03-15', '2019-06-01', '2021-01-05', '2024-12-20')
const figures = fc.record({
  total: fc.integer({ min: 0, max: 90 }),
  older: fc.integer({ min: 0, max: 95 }),
  women: fc.integer({ min: 0, max: 95 }),
  homeCareVolunteers: fc.integer({ min: 0, max: 12 }),
})
const command: fc.Arbitrary<Command> = fc.oneof(
  fc
    .record({ launchedOn: date, programme: fc.constantFrom('1533', '1336'), roster: fc.constantFrom(roster, { total: 30, older: 10, women: 10, homeCareVolunteers: 1 }) })
    .map((d) => valid({ type: 'LaunchClub', data: { ...launchData, ...d } })),
  fc.record({ reportedOn: date, roster: figures }).map((d) => valid({ type: 'ReportClubRoster', data: { clubId: 'clb-lt-03', ...d } })),
  fc
    .record({ activityId: fc.constantFrom('hd-1', 'hd-2', 'hd-3'), heldOn: date, area: fc.constantFrom('home-care', 'rights') })
    .map((d) => valid({ type: 'RecordClubActivity', data: { clubId: 'clb-lt-03', title: 'Sinh hoạt định kỳ', participants: 20, ...d } })),
  date.map((closedOn) => valid({ type: 'CloseClub', data: { clubId: 'clb-lt-03', closedOn } })),
)

describe('club: properties', () => {
  it('a command that produced events produces none when decided again on the resulting state', () => {
    // a roster report is accepted only between a launch and a close with a later date: enough runs that every type is seen
    idempotencyProperty({ decider, command, context: () => ctx, maxLength: 15, numRuns: 500, expectTypes: ['CloseClub', 'LaunchClub', 'RecordClubActivity', 'ReportClubRoster'] })
  })
  it('R29: a consistent ISHC roster is never refused, only flagged', () => {
    const consistent = fc
      .integer({ min: 0, max: 200 })
      .chain((total) =>
        fc.record({ total: fc.constant(total), older: fc.integer({ min: 0, max: total }), women: fc.integer({ min: 0, max: total }), homeCareVolunteers: fc.integer({ min: 0, max: total }) }),
      )
    fc.assert(
      fc.property(consistent, (r) => {
        const result = given(decider, []).when(launching({ roster: r }), ctx)
        expect(E.isRight(result)).toBe(true)
        expect(flagsOf(result)?.every((f) => f.rule === 'R29')).toBe(true)
      }),
    )
  })
})
