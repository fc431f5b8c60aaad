import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { defaultPolicy } from '../policy.js'
import { given } from '../testing/given.js'
import { idempotencyProperty } from '../testing/properties.js'
import * as Association from '../association/state.js'
import type { Event as AssociationEvent } from '../association/events.js'
import { decider, member, Command as CommandCodec, Event as EventCodec, type Command, type Context, type Event, type State } from './index.js'

const ev = (type: Event['type'], data: Record<string, unknown>) => ({ type, data }) as unknown as Event
const cmd = (type: Command['type'], data: Record<string, unknown>) => ({ type, data }) as unknown as Command
const stateOf = (...events: Event[]): State => events.reduce(decider.evolve, decider.initialState)
const associationOf = (...events: Array<Record<string, unknown>>) => (events as unknown as AssociationEvent[]).reduce(Association.evolve, Association.initialState)
const foundedEvent = (associationId: string, kind = 'elderly') => ({
  type: 'AssociationFounded',
  data: { associationId, name: `Hội ${associationId}`, kind, regime: 'decree-45-2010', scope: 'commune', areaCode: '22.193.07', foundedOn: '2015-05-01', foundingMembers: 40, flags: [] },
})
const hnct = associationOf(foundedEvent('hnct-qn'))
const ctx: Context = { policy: defaultPolicy, association: hnct }

const id = { memberId: 'm1', associationId: 'hnct-qn' }
const admission = { ...id, personId: 'p1', fullName: 'Nguyễn Văn An', birthDate: '1960-03-15', gender: 'male', category: 'official', admittedOn: '2021-04-01' }
const admit = cmd('AdmitMember', admission)
const admitted = ev('MemberAdmitted', { ...admission, flags: [] })
const born = (birthDate: string) => cmd('AdmitMember', { ...admission, birthDate })

describe('member: not admitted', () => {
  it('admits a member of the elderly association aged 60 or more', () => {
    expect(given(decider, []).when(admit, ctx)).toEqual(E.right([admitted]))
  })
  it('R28: admits at exactly 60 without a flag', () => {
    expect(given(decider, []).when(born('1961-04-01'), ctx)).toMatchObject(E.right([{ data: { flags: [] } }]))
  })
  it('R28: admits at 59 and 55 by exception, with a flag', () => {
    for (const birthDate of ['1961-04-02', '1966-04-01'])
      expect(given(decider, []).when(born(birthDate), ctx)).toMatchObject(E.right([{ type: 'MemberAdmitted', data: { flags: [{ rule: 'R28', code: 'AgeException' }] } }]))
  })
  it('R28: refuses a person of 54', () => {
    expect(given(decider, []).when(born('1966-04-02'), ctx)).toMatchObject(E.left({ code: 'AgeBelowMinimum', rule: 'R28', field: 'data.birthDate' }))
  })
  it('R28: kinds without an age rule admit any age', () => {
    const veterans = associationOf(foundedEvent('hnct-qn', 'veterans'))
    expect(given(decider, []).when(born('1990-01-01'), { policy: defaultPolicy, association: veterans })).toMatchObject(E.right([{ data: { flags: [] } }]))
  })
  it('R28: the age rule comes from the policy', () => {
    const policy = { ...defaultPolicy, memberAge: { elderly: { minimum: 55 } } }
    expect(given(decider, []).when(born('1966-04-01'), { policy, association: hnct })).toMatchObject(E.right([{ data: { flags: [] } }]))
    expect(given(decider, []).when(born('1966-04-02'), { policy, association: hnct })).toMatchObject(E.left({ code: 'AgeBelowMinimum', rule: 'R28' }))
  })
  it('refuses an association that does not exist', () => {
    expect(given(decider, []).when(admit, { policy: defaultPolicy })).toMatchObject(E.left({ code: 'AssociationNotFound', field: 'data.associationId' }))
  })
  it('R23: refuses admission into a suspended association', () => {
    const association = associationOf(foundedEvent('hnct-qn'), { type: 'AssociationSuspended', data: { associationId: 'hnct-qn', suspendedOn: '2021-01-01', until: '2021-05-01', reason: 'Vi phạm' } })
    expect(given(decider, []).when(admit, { policy: defaultPolicy, association })).toMatchObject(E.left({ code: 'AssociationSuspended', rule: 'R23' }))
  })
  it('R24: refuses admission into a dissolved association', () => {
    const association = associationOf(foundedEvent('hnct-qn'), {
      type: 'AssociationDissolved',
      data: { associationId: 'hnct-qn', dissolvedOn: '2020-01-01', dissolution: 'voluntary', ground: 'purpose-achieved' },
    })
    expect(given(decider, []).when(admit, { policy: defaultPolicy, association })).toMatchObject(E.left({ code: 'AssociationDissolved', rule: 'R24' }))
  })
  it('refuses a birth date after the admission, or an admission before the founding', () => {
    expect(given(decider, []).when(born('2021-04-02'), ctx)).toMatchObject(E.left({ code: 'BirthAfterAdmission', field: 'data.birthDate' }))
    expect(given(decider, []).when(cmd('AdmitMember', { ...admission, birthDate: '1940-01-01', admittedOn: '2015-04-30' }), ctx)).toMatchObject(
      E.left({ code: 'AdmissionBeforeFounding', field: 'data.admittedOn' }),
    )
  })
  it('refuses any other command for a member never admitted', () => {
    expect(given(decider, []).when(cmd('RecordDeath', { ...id, diedOn: '2022-01-01' }), ctx)).toMatchObject(E.left({ code: 'MemberNotFound', field: 'data.memberId' }))
  })
  it('loads the association, the destination or the source stream as each command needs', () => {
    expect(member.needs(admit)).toEqual([
      { key: 'association', aggregate: 'association', streamId: 'association-hnct-qn' },
      { key: 'membership', aggregate: 'claim', streamId: 'claim-membership~hnct-qn~p1' },
    ])
    expect(member.needs(cmd('TransferMemberOut', { ...id, toAssociationId: 'hnct-hl', toMemberId: 'm9', transferredOn: '2023-01-01' }))).toEqual([
      { key: 'association', aggregate: 'association', streamId: 'association-hnct-qn' },
      { key: 'destination', aggregate: 'association', streamId: 'association-hnct-hl' },
    ])
    expect(member.needs(cmd('TransferMemberIn', { ...id, fromAssociationId: 'hnct-hl', fromMemberId: 'x1', transferredOn: '2023-01-01' }))).toEqual([
      { key: 'source', aggregate: 'member', streamId: 'member-x1' },
      { key: 'association', aggregate: 'association', streamId: 'association-hnct-qn' },
    ])
    expect(member.needs(cmd('RecordDeath', { ...id, diedOn: '2022-01-01' }))).toEqual([{ key: 'association', aggregate: 'association', streamId: 'association-hnct-qn' }])
    expect(member.streamOf(admit)).toBe('member-m1')
  })
})

/** The person as a member `x1` of `hnct-hl`, who transferred out to `hnct-qn` as `m1`. */
const sourceAdmitted = ev('MemberAdmitted', {
  memberId: 'x1',
  associationId: 'hnct-hl',
  personId: 'p1',
  fullName: 'Trần Thị Hoa',
  birthDate: '1955-08-20',
  gender: 'female',
  category: 'official',
  admittedOn: '2016-02-01',
  cardNo: 'HL-0042',
  flags: [],
})
const sourceOut = ev('MemberTransferredOut', { memberId: 'x1', associationId: 'hnct-hl', personId: 'p1', toAssociationId: 'hnct-qn', toMemberId: 'm1', transferredOn: '2023-03-01' })
const source = stateOf(sourceAdmitted, sourceOut)
const transferIn = cmd('TransferMemberIn', { ...id, fromAssociationId: 'hnct-hl', fromMemberId: 'x1', transferredOn: '2023-03-05' })
const transferredIn = ev('MemberTransferredIn', {
  ...id,
  personId: 'p1',
  fullName: 'Trần Thị Hoa',
  birthDate: '1955-08-20',
  gender: 'female',
  category: 'official',
  fromAssociationId: 'hnct-hl',
  fromMemberId: 'x1',
  transferredOn: '2023-03-05',
  flags: [],
})

describe('member: not admitted — arrival by transfer', () => {
  const tctx: Context = { ...ctx, source }
  it('R12: arrives with the facts of the matching transfer out', () => {
    expect(given(decider, []).when(transferIn, tctx)).toEqual(E.right([transferredIn]))
  })
  it('R12: a category and card number may be given on arrival', () => {
    expect(
      given(decider, []).when(cmd('TransferMemberIn', { ...id, fromAssociationId: 'hnct-hl', fromMemberId: 'x1', transferredOn: '2023-03-05', category: 'associate', cardNo: 'QN-7' }), tctx),
    ).toMatchObject(E.right([{ data: { category: 'associate', cardNo: 'QN-7' } }]))
  })
  it('R12: refuses an arrival without a transfer out', () => {
    for (const s of [undefined, stateOf(sourceAdmitted), stateOf(sourceAdmitted, ev('MemberResigned', { memberId: 'x1', associationId: 'hnct-hl', resignedOn: '2023-03-01' }))])
      expect(given(decider, []).when(transferIn, s === undefined ? ctx : { ...ctx, source: s })).toMatchObject(E.left({ code: 'TransferOutMissing', rule: 'R12', field: 'data.fromMemberId' }))
  })
  it('R12: refuses an arrival that does not match the transfer out', () => {
    const elsewhere = stateOf(
      sourceAdmitted,
      ev('MemberTransferredOut', { memberId: 'x1', associationId: 'hnct-hl', personId: 'p1', toAssociationId: 'hnct-cp', toMemberId: 'm1', transferredOn: '2023-03-01' }),
    )
    const otherId = stateOf(
      sourceAdmitted,
      ev('MemberTransferredOut', { memberId: 'x1', associationId: 'hnct-hl', personId: 'p1', toAssociationId: 'hnct-qn', toMemberId: 'm2', transferredOn: '2023-03-01' }),
    )
    for (const s of [elsewhere, otherId]) expect(given(decider, []).when(transferIn, { ...ctx, source: s })).toMatchObject(E.left({ code: 'TransferOutMissing', rule: 'R12' }))
    expect(given(decider, []).when(cmd('TransferMemberIn', { ...id, fromAssociationId: 'hnct-cp', fromMemberId: 'x1', transferredOn: '2023-03-05' }), tctx)).toMatchObject(
      E.left({ code: 'TransferOutMissing', rule: 'R12' }),
    )
  })
  it('R12: refuses an arrival before the departure', () => {
    expect(given(decider, []).when(cmd('TransferMemberIn', { ...id, fromAssociationId: 'hnct-hl', fromMemberId: 'x1', transferredOn: '2023-02-28' }), tctx)).toMatchObject(
      E.left({ code: 'TransferInBeforeOut', rule: 'R12', field: 'data.transferredOn' }),
    )
  })
  it('R23: refuses an arrival into a suspended association', () => {
    const association = associationOf(foundedEvent('hnct-qn'), { type: 'AssociationSuspended', data: { associationId: 'hnct-qn', suspendedOn: '2023-01-01', until: '2023-05-01', reason: 'Vi phạm' } })
    expect(given(decider, []).when(transferIn, { ...tctx, association })).toMatchObject(E.left({ code: 'AssociationSuspended', rule: 'R23', field: 'data.associationId' }))
  })
  it('refuses an arrival before the association was founded', () => {
    const late = associationOf({ ...foundedEvent('hnct-qn'), data: { ...foundedEvent('hnct-qn').data, foundedOn: '2023-04-01' } })
    expect(given(decider, []).when(transferIn, { ...tctx, association: late })).toMatchObject(E.left({ code: 'AdmissionBeforeFounding', field: 'data.transferredOn' }))
  })
})

describe('member: active', () => {
  it('the same admission again yields nothing', () => {
    expect(given(decider, [admitted]).when(admit, ctx)).toEqual(E.right([]))
  })
  it('R10: a different admission under the same member id is refused', () => {
    expect(given(decider, [admitted]).when(cmd('AdmitMember', { ...admission, admittedOn: '2022-01-01' }), ctx)).toMatchObject(
      E.left({ code: 'MemberAlreadyExists', rule: 'R10', field: 'data.memberId' }),
    )
    expect(given(decider, [admitted]).when(transferIn, { ...ctx, source })).toMatchObject(E.left({ code: 'MemberAlreadyExists', rule: 'R10' }))
  })
  it('R12: the same arrival again yields nothing', () => {
    expect(given(decider, [transferredIn]).when(transferIn, { ...ctx, source })).toEqual(E.right([]))
  })
  it('changes category; the same category again yields nothing', () => {
    const change = cmd('ChangeMemberCategory', { ...id, category: 'honorary', changedOn: '2022-01-01' })
    const changed = ev('MemberCategoryChanged', { ...id, category: 'honorary', changedOn: '2022-01-01' })
    expect(given(decider, [admitted]).when(change, ctx)).toEqual(E.right([changed]))
    expect(given(decider, [admitted, changed]).when(change, ctx)).toEqual(E.right([]))
  })
  it('refuses a change dated before the admission', () => {
    expect(given(decider, [admitted]).when(cmd('ChangeMemberCategory', { ...id, category: 'honorary', changedOn: '2021-03-31' }), ctx)).toMatchObject(
      E.left({ code: 'EventBeforeAdmission', field: 'data.changedOn' }),
    )
  })
  it('refuses a command that names another association', () => {
    expect(given(decider, [admitted]).when(cmd('ChangeMemberCategory', { ...id, associationId: 'ccb-qn', category: 'honorary', changedOn: '2022-01-01' }), ctx)).toMatchObject(
      E.left({ code: 'MemberNotInAssociation', field: 'data.associationId' }),
    )
  })
  it('corrects details; the same correction again yields nothing', () => {
    const correct = cmd('CorrectMemberDetails', { ...id, correctedOn: '2022-01-01', reason: 'Sai chính tả', fullName: 'Nguyễn Văn Ân' })
    const corrected = ev('MemberDetailsCorrected', { ...id, correctedOn: '2022-01-01', reason: 'Sai chính tả', fullName: 'Nguyễn Văn Ân' })
    expect(given(decider, [admitted]).when(correct, ctx)).toEqual(E.right([corrected]))
    expect(given(decider, [admitted, corrected]).when(correct, ctx)).toEqual(E.right([]))
  })
  it('refuses a correction that corrects nothing, or a birth date after admission', () => {
    expect(given(decider, [admitted]).when(cmd('CorrectMemberDetails', { ...id, correctedOn: '2022-01-01', reason: 'Kiểm tra' }), ctx)).toMatchObject(E.left({ code: 'NothingToCorrect' }))
    expect(given(decider, [admitted]).when(cmd('CorrectMemberDetails', { ...id, correctedOn: '2022-01-01', reason: 'Nhầm', birthDate: '2021-05-01' }), ctx)).toMatchObject(
      E.left({ code: 'BirthAfterAdmission', field: 'data.birthDate' }),
    )
    expect(given(decider, [admitted]).when(cmd('CorrectMemberDetails', { ...id, correctedOn: '2021-01-01', reason: 'Nhầm', gender: 'female' }), ctx)).toMatchObject(
      E.left({ code: 'EventBeforeAdmission', field: 'data.correctedOn' }),
    )
  })
  const out = { ...id, toAssociationId: 'hnct-hl', toMemberId: 'm9', transferredOn: '2023-01-01' }
  const destination = associationOf(foundedEvent('hnct-hl'))
  it('R12: transfers out, carrying the person id', () => {
    expect(given(decider, [admitted]).when(cmd('TransferMemberOut', out), { ...ctx, destination })).toEqual(E.right([ev('MemberTransferredOut', { ...out, personId: 'p1' })]))
  })
  it('R12: refuses a transfer to the same association; R10: the destination needs a new member id', () => {
    expect(given(decider, [admitted]).when(cmd('TransferMemberOut', { ...out, toAssociationId: 'hnct-qn' }), { ...ctx, destination: hnct })).toMatchObject(
      E.left({ code: 'TransferToSameAssociation', rule: 'R12', field: 'data.toAssociationId' }),
    )
    expect(given(decider, [admitted]).when(cmd('TransferMemberOut', { ...out, toMemberId: 'm1' }), { ...ctx, destination })).toMatchObject(
      E.left({ code: 'TransferNeedsNewMemberId', rule: 'R10', field: 'data.toMemberId' }),
    )
  })
  it('refuses a destination that does not exist or is dissolved, and a transfer before admission', () => {
    expect(given(decider, [admitted]).when(cmd('TransferMemberOut', out), ctx)).toMatchObject(E.left({ code: 'AssociationNotFound', field: 'data.toAssociationId' }))
    const dissolved = associationOf(foundedEvent('hnct-hl'), {
      type: 'AssociationDissolved',
      data: { associationId: 'hnct-hl', dissolvedOn: '2022-01-01', dissolution: 'compulsory', ground: 'serious-violation' },
    })
    expect(given(decider, [admitted]).when(cmd('TransferMemberOut', out), { ...ctx, destination: dissolved })).toMatchObject(E.left({ code: 'AssociationDissolved', rule: 'R24' }))
    expect(given(decider, [admitted]).when(cmd('TransferMemberOut', { ...out, transferredOn: '2021-01-01' }), { ...ctx, destination })).toMatchObject(
      E.left({ code: 'EventBeforeAdmission', field: 'data.transferredOn' }),
    )
  })
  it('R11: records each way of leaving', () => {
    const cases: Array<[Command['type'], Record<string, unknown>, Event['type']]> = [
      ['RecordResignation', { resignedOn: '2023-01-01' }, 'MemberResigned'],
      ['ExpelMember', { expelledOn: '2023-01-01', reason: 'Vi phạm điều lệ' }, 'MemberExpelled'],
      ['StrikeOffMember', { struckOffOn: '2023-01-01', reason: 'Không sinh hoạt' }, 'MemberStruckOff'],
      ['RecordDeath', { diedOn: '2023-01-01' }, 'MemberDeceased'],
    ]
    for (const [type, data, eventType] of cases) expect(given(decider, [admitted]).when(cmd(type, { ...id, ...data }), ctx)).toEqual(E.right([ev(eventType, { ...id, ...data })]))
  })
  it('refuses a leaving dated before the admission', () => {
    expect(given(decider, [admitted]).when(cmd('RecordResignation', { ...id, resignedOn: '2021-03-31' }), ctx)).toMatchObject(E.left({ code: 'EventBeforeAdmission', field: 'data.resignedOn' }))
  })
  it('refers an official member to the Party once', () => {
    const referred = ev('MemberReferredToParty', { ...id, referredOn: '2022-05-19' })
    expect(given(decider, [admitted]).when(cmd('ReferMemberToParty', { ...id, referredOn: '2022-05-19' }), ctx)).toEqual(E.right([referred]))
    expect(given(decider, [admitted, referred]).when(cmd('ReferMemberToParty', { ...id, referredOn: '2022-06-01' }), ctx)).toEqual(E.right([]))
  })
  it('refuses to refer an associate member, or a referral before admission', () => {
    const associate = ev('MemberAdmitted', { ...admission, category: 'associate', flags: [] })
    expect(given(decider, [associate]).when(cmd('ReferMemberToParty', { ...id, referredOn: '2022-05-19' }), ctx)).toMatchObject(E.left({ code: 'ReferralNeedsOfficialMember' }))
    expect(given(decider, [admitted]).when(cmd('ReferMemberToParty', { ...id, referredOn: '2020-05-19' }), ctx)).toMatchObject(E.left({ code: 'EventBeforeAdmission', field: 'data.referredOn' }))
  })
})

describe('member: left', () => {
  const resigned = ev('MemberResigned', { ...id, resignedOn: '2023-01-01' })
  it('R11: the same resignation again yields nothing', () => {
    expect(given(decider, [admitted, resigned]).when(cmd('RecordResignation', { ...id, resignedOn: '2023-01-01' }), ctx)).toEqual(E.right([]))
  })
  it('R11: any other leaving is refused', () => {
    for (const c of [
      cmd('RecordResignation', { ...id, resignedOn: '2023-02-01' }),
      cmd('RecordDeath', { ...id, diedOn: '2024-01-01' }),
      cmd('ExpelMember', { ...id, expelledOn: '2024-01-01', reason: 'x' }),
    ])
      expect(given(decider, [admitted, resigned]).when(c, ctx)).toMatchObject(E.left({ code: 'MemberAlreadyLeft', rule: 'R11', field: 'data.memberId' }))
  })
  it('R11: nothing else happens to a member who left', () => {
    const destination = associationOf(foundedEvent('hnct-hl'))
    for (const c of [
      cmd('ChangeMemberCategory', { ...id, category: 'honorary', changedOn: '2024-01-01' }),
      cmd('ReferMemberToParty', { ...id, referredOn: '2024-01-01' }),
      cmd('TransferMemberOut', { ...id, toAssociationId: 'hnct-hl', toMemberId: 'm9', transferredOn: '2024-01-01' }),
    ])
      expect(given(decider, [admitted, resigned]).when(c, { ...ctx, destination })).toMatchObject(E.left({ code: 'MemberAlreadyLeft', rule: 'R11' }))
  })
  it('R11: corrections remain possible', () => {
    const correct = cmd('CorrectMemberDetails', { ...id, correctedOn: '2024-01-01', reason: 'Sai ngày sinh', birthDate: '1960-03-16' })
    expect(given(decider, [admitted, resigned]).when(correct, ctx)).toEqual(
      E.right([ev('MemberDetailsCorrected', { ...id, correctedOn: '2024-01-01', reason: 'Sai ngày sinh', birthDate: '1960-03-16' })]),
    )
  })
  it('R12: the same transfer out again yields nothing', () => {
    expect(
      given(decider, [sourceAdmitted, sourceOut]).when(
        cmd('TransferMemberOut', { memberId: 'x1', associationId: 'hnct-hl', toAssociationId: 'hnct-qn', toMemberId: 'm1', transferredOn: '2023-03-01' }),
        ctx,
      ),
    ).toEqual(E.right([]))
  })
  it('is never terminal, since corrections stay possible', () => {
    expect(decider.isTerminal(stateOf(admitted, resigned))).toBe(false)
  })
})

describe('member: any history', () => {
  const date = fc.constantFrom('1958-06-01', '1963-01-01', '2014-01-01', '2020-01-01', '2021-04-01', '2023-03-01', '2023-03-05', '2024-06-30')
  const category = fc.constantFrom('official', 'associate', 'honorary')
  const optional = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined))
  const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined })
  const command: fc.Arbitrary<Command> = fc.oneof(
    fc
      .record({ birthDate: fc.constantFrom('1950-01-01', '1964-06-01', '1970-01-01'), category, admittedOn: date, cardNo: maybe(fc.constant('QN-1')) })
      .map((r) => cmd('AdmitMember', optional({ ...admission, ...r }))),
    { weight: 2, arbitrary: fc.record({ category, changedOn: date }).map((r) => cmd('ChangeMemberCategory', { ...id, ...r })) },
    fc
      .record({
        correctedOn: date,
        fullName: maybe(fc.constantFrom('Nguyễn Văn An', 'Nguyễn Văn Ân')),
        birthDate: maybe(fc.constantFrom('1950-01-01', '1960-03-15')),
        gender: maybe(fc.constantFrom('male', 'female')),
      })
      .map((r) => cmd('CorrectMemberDetails', optional({ ...id, reason: 'Đính chính', ...r }))),
    {
      weight: 3,
      arbitrary: fc
        .record({ toAssociationId: fc.constantFrom('hnct-hl', 'hnct-hl', 'hnct-qn', 'hnct-xx'), toMemberId: fc.constantFrom('m9', 'm9', 'm1'), transferredOn: date })
        .map((r) => cmd('TransferMemberOut', { ...id, ...r })),
    },
    fc
      .record({ fromMemberId: fc.constantFrom('x1', 'x2'), transferredOn: date, category: maybe(category) })
      .map((r) => cmd('TransferMemberIn', optional({ ...id, fromAssociationId: 'hnct-hl', ...r }))),
    date.map((resignedOn) => cmd('RecordResignation', { ...id, resignedOn })),
    date.map((expelledOn) => cmd('ExpelMember', { ...id, expelledOn, reason: 'Vi phạm' })),
    date.map((struckOffOn) => cmd('StrikeOffMember', { ...id, struckOffOn, reason: 'Không sinh hoạt' })),
    date.map((diedOn) => cmd('RecordDeath', { ...id, diedOn })),
    date.map((referredOn) => cmd('ReferMemberToParty', { ...id, referredOn })),
  )
  const sources: Record<string, State> = { x1: source, x2: stateOf(sourceAdmitted) }
  const destinations: Record<string, Association.State> = { 'hnct-hl': associationOf(foundedEvent('hnct-hl')), 'hnct-qn': hnct }
  const contextFor = (c: Command): Context => ({
    ...ctx,
    ...(c.type === 'TransferMemberIn' && sources[c.data.fromMemberId] !== undefined ? { source: sources[c.data.fromMemberId]! } : {}),
    ...(c.type === 'TransferMemberOut' && destinations[c.data.toAssociationId] !== undefined ? { destination: destinations[c.data.toAssociationId]! } : {}),
  })

  it('deciding a command again on the state it produced yields no events, and every event it emits is valid', () => {
    idempotencyProperty({ decider, command, context: contextFor, commandCodec: CommandCodec, eventCodec: EventCodec, maxLength: 25, numRuns: 1000 })
  })
})

describe('member: carried over to an heir (R21)', () => {
  const heir = associationOf(foundedEvent('hnct-x'), { type: 'AssociationTookOver', data: { associationId: 'hnct-x', fromId: 'hnct-qn', how: 'absorbed', takenOverOn: '2023-01-01' } })
  const viaHeir = { memberId: 'm1', associationId: 'hnct-x' }
  it('R21: a member of a source taken over is commanded through its heir from the takeover date', () => {
    expect(given(decider, [admitted]).when(cmd('RecordResignation', { ...viaHeir, resignedOn: '2023-02-01' }), { policy: defaultPolicy, association: heir })).toEqual(
      E.right([{ type: 'MemberResigned', data: { ...viaHeir, resignedOn: '2023-02-01' } }]),
    )
    expect(given(decider, [admitted]).when(cmd('ChangeMemberCategory', { ...viaHeir, category: 'associate', changedOn: '2023-01-01' }), { policy: defaultPolicy, association: heir })).toMatchObject(
      E.right([{ type: 'MemberCategoryChanged' }]),
    )
  })
  it("R21: before the takeover the member is not yet the heir's, and an association that took over another source is not its heir", () => {
    expect(given(decider, [admitted]).when(cmd('RecordResignation', { ...viaHeir, resignedOn: '2022-12-31' }), { policy: defaultPolicy, association: heir })).toMatchObject(
      E.left({ code: 'BeforeCarriedOver', rule: 'R21', field: 'data.associationId' }),
    )
    const other = associationOf(foundedEvent('hnct-x'), { type: 'AssociationTookOver', data: { associationId: 'hnct-x', fromId: 'hnct-zz', how: 'absorbed', takenOverOn: '2023-01-01' } })
    expect(given(decider, [admitted]).when(cmd('RecordResignation', { ...viaHeir, resignedOn: '2023-02-01' }), { policy: defaultPolicy, association: other })).toMatchObject(
      E.left({ code: 'MemberNotInAssociation', field: 'data.associationId' }),
    )
  })
  it('R21: leaving through the heir ends the offices held in the heir, and frees the seat in the association joined', () => {
    const after = stateOf(admitted, ev('MemberResigned', { ...viaHeir, resignedOn: '2023-02-01' }))
    expect(member.followUps?.(cmd('RecordResignation', { ...viaHeir, resignedOn: '2023-02-01' }), [ev('MemberResigned', { ...viaHeir, resignedOn: '2023-02-01' })], after, ctx)).toEqual([
      expect.objectContaining({ key: 'membership', command: expect.objectContaining({ data: expect.objectContaining({ claimId: 'membership~hnct-qn~p1' }) }) }),
      expect.objectContaining({ key: 'offices', command: { type: 'EndOfficesOfMember', data: { associationId: 'hnct-x', memberId: 'm1', endedOn: '2023-02-01', how: 'resigned' } } }),
    ])
  })
})
