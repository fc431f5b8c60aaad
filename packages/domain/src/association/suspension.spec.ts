import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { addWorkingDays, type IsoDate } from '../codecs.js'
import { defaultPolicy } from '../policy.js'
import { given } from '../testing/given.js'
import { founded as foundedEvent } from '../testing/fixtures.js'
import { decider, type Event } from './index.js'
import type { Command } from './decide.js'

const cmd = (type: Command['type'], data: Record<string, unknown>) => ({ type, data }) as unknown as Command
const ctx = { policy: defaultPolicy }
const id = { associationId: 'hnct-qn' }
// suspended until Wednesday 2025-07-09; 30 working days later is Wednesday 2025-08-20, 60 more is Wednesday 2025-11-12
const history: Event[] = [
  foundedEvent({ associationId: 'hnct-qn', foundedOn: '2015-05-01' }),
  { type: 'AssociationSuspended', data: { ...id, suspendedOn: '2025-01-10', until: '2025-07-09', reason: 'Vi phạm điều lệ' } } as Event,
]
const extend = (until: string, extendedOn = '2025-08-01') => cmd('ExtendSuspension', { ...id, extendedOn, until })
const dissolve = (dissolvedOn: string) => cmd('DissolveAssociation', { ...id, dissolvedOn, dissolution: 'compulsory', ground: 'suspension-unremedied' })

describe('suspension: automatic +30 working days and one extension of ≤ 60 (R23)', () => {
  it('counts working days Monday to Friday', () => {
    expect(addWorkingDays('2025-07-09' as IsoDate, 30)).toBe('2025-08-20')
    expect(addWorkingDays('2025-08-20' as IsoDate, 60)).toBe('2025-11-12')
    expect(addWorkingDays('2025-07-11' as IsoDate, 1)).toBe('2025-07-14')
  })
  it('R23: refuses dissolution for an unremedied suspension within the automatic 30 working days', () => {
    expect(given(decider, history).when(dissolve('2025-08-20'), ctx)).toMatchObject(E.left({ code: 'SuspensionStillRunning', rule: 'R23', en: expect.stringContaining('2025-08-20') }))
    expect(E.isRight(given(decider, history).when(dissolve('2025-08-21'), ctx))).toBe(true)
  })
  it('R23: extends once, to a date after the automatic days and at most 60 working days beyond them', () => {
    expect(given(decider, history).when(extend('2025-11-12'), ctx)).toEqual(E.right([{ type: 'SuspensionExtended', data: { ...id, extendedOn: '2025-08-01', until: '2025-11-12' } }]))
    expect(given(decider, history).when(extend('2025-11-13'), ctx)).toMatchObject(E.left({ code: 'SuspensionExtensionOutOfRange', rule: 'R23', field: 'data.until' }))
    expect(given(decider, history).when(extend('2025-08-20'), ctx)).toMatchObject(E.left({ code: 'SuspensionExtensionOutOfRange', rule: 'R23' }))
  })
  it('R23: a second, different extension is refused; the same one again stores nothing', () => {
    const extended = { type: 'SuspensionExtended', data: { ...id, extendedOn: '2025-08-01', until: '2025-10-01' } } as Event
    expect(given(decider, [...history, extended]).when(extend('2025-10-01'), ctx)).toEqual(E.right([]))
    expect(given(decider, [...history, extended]).when(extend('2025-11-01'), ctx)).toMatchObject(E.left({ code: 'SuspensionAlreadyExtended', rule: 'R23' }))
  })
  it('R23: after an extension, dissolution waits for its end', () => {
    const extended = { type: 'SuspensionExtended', data: { ...id, extendedOn: '2025-08-01', until: '2025-10-01' } } as Event
    expect(given(decider, [...history, extended]).when(dissolve('2025-10-01'), ctx)).toMatchObject(E.left({ code: 'SuspensionStillRunning', rule: 'R23' }))
    expect(E.isRight(given(decider, [...history, extended]).when(dissolve('2025-10-02'), ctx))).toBe(true)
  })
  it('R23: only a suspended association is extended', () => {
    expect(given(decider, history.slice(0, 1)).when(extend('2025-10-01'), ctx)).toMatchObject(E.left({ code: 'AssociationNotSuspended', rule: 'R23' }))
  })
})

describe('dissolution grounds checked against the facts (R25) and staff quotas (R26)', () => {
  const base = foundedEvent({ associationId: 'hnct-qn', foundedOn: '2015-05-01' })
  const inactive = (dissolvedOn: string) => cmd('DissolveAssociation', { ...id, dissolvedOn, dissolution: 'compulsory', ground: 'inactive-12-months' })
  it('R25: an association founded less than a year ago cannot have been inactive for 12 months', () => {
    expect(given(decider, [base]).when(inactive('2016-04-30'), ctx)).toMatchObject(E.left({ code: 'InactivityImpossible', rule: 'R25', field: 'data.ground' }))
    expect(E.isRight(given(decider, [base]).when(inactive('2016-05-01'), ctx))).toBe(true)
  })
  it('R25: a conference, congress, resolution or election in the last 12 months refutes inactivity', () => {
    const conference = { type: 'ConferenceHeld', data: { ...id, conferenceId: 'c1', kind: 'review', title: 'Sơ kết', heldOn: '2020-03-01', attendees: 40 } } as Event
    expect(given(decider, [base, conference]).when(inactive('2021-02-28'), ctx)).toMatchObject(E.left({ code: 'ActivityWithinYear', rule: 'R25' }))
    expect(E.isRight(given(decider, [base, conference]).when(inactive('2021-03-01'), ctx))).toBe(true)
  })
  it('R26: only a special association is given a staff quota', () => {
    const assign = cmd('AssignStaffQuota', { ...id, quota: 3, assignedOn: '2016-02-01' })
    expect(given(decider, [base]).when(assign, ctx)).toMatchObject(E.left({ code: 'StaffQuotaNeedsSpecialStatus', rule: 'R26', vi: expect.stringContaining('đặc thù') }))
    const special = { type: 'SpecialStatusGranted', data: { ...id, grantedOn: '2016-01-01' } } as Event
    expect(E.isRight(given(decider, [base, special]).when(assign, ctx))).toBe(true)
  })
})
