import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { defaultPolicy } from '../policy.js'
import { given } from '../testing/given.js'
import { idempotencyProperty } from '../testing/properties.js'
import { founded as foundedEvent } from '../testing/fixtures.js'
import { Command as CommandCodec } from './commands.js'
import { Event as EventCodec } from './events.js'
import { decider, type Command, type Event } from './index.js'

const ev = (type: Event['type'], data: Record<string, unknown>) => ({ type, data }) as unknown as Event
const cmd = (type: Command['type'], data: Record<string, unknown>) => ({ type, data }) as unknown as Command
const ctx = { policy: defaultPolicy }
const id = { associationId: 'hnct-lc' }
const founded = foundedEvent({ associationId: 'hnct-lc', areaCode: '12', foundedOn: '2015-05-01' })
const charterBody = foundedEvent({ associationId: 'hnct-lc', kind: 'women', areaCode: '12', foundedOn: '2015-05-01' })
const term = { ...id, number: 'III', kind: 'term', form: 'delegate', heldOn: '2021-06-10', termStart: '2021-06-10', termEnd: '2026-06-10', delegatesExpected: 150, delegatesPresent: 142 }
const extraordinary = { ...term, number: 'III-bt', kind: 'extraordinary', heldOn: '2023-03-01', termStart: '2023-03-01', termEnd: '2026-06-10' }
const request = { ...id, requestId: 'rq1', requestedOn: '2023-01-10', by: 'leadership', requesting: 20, outOf: 30 }
const flagsOf = (r: E.Either<unknown, ReadonlyArray<Event>>): string[] => (E.isRight(r) && r.right[0]?.type === 'CongressHeld' ? (r.right[0].data.flags ?? []).map((f) => f.code) : ['refused'])

describe('extraordinary congress only on a recorded request (R16)', () => {
  it('R16: refuses an extraordinary congress of a decree association without a request', () => {
    expect(given(decider, [founded]).when(cmd('HoldCongress', extraordinary), ctx)).toMatchObject(
      E.left({ code: 'ExtraordinaryCongressNotRequested', rule: 'R16', field: 'data.kind', vi: expect.stringContaining('đại hội bất thường') }),
    )
  })
  it('R16: holds it once ⅔ of the leadership asked, and the request is then answered', () => {
    const asked = ev('ExtraordinaryCongressRequested', request)
    const held = given(decider, [founded, asked]).when(cmd('HoldCongress', extraordinary), ctx)
    expect(held).toEqual(E.right([ev('CongressHeld', extraordinary)]))
    const again = { ...extraordinary, number: 'IV-bt', heldOn: '2023-09-01', termStart: '2023-09-01' }
    expect(given(decider, [founded, asked, ...(E.isRight(held) ? held.right : [])]).when(cmd('HoldCongress', again), ctx)).toMatchObject(
      E.left({ code: 'ExtraordinaryCongressNotRequested', rule: 'R16' }),
    )
  })
  it('R16: a request made after the congress date does not count', () => {
    const late = ev('ExtraordinaryCongressRequested', { ...request, requestedOn: '2023-03-02' })
    expect(given(decider, [founded, late]).when(cmd('HoldCongress', extraordinary), ctx)).toMatchObject(E.left({ code: 'ExtraordinaryCongressNotRequested' }))
  })
  it('R16: refuses a request by fewer than ⅔ of the leadership or ½ of the official members', () => {
    expect(given(decider, [founded]).when(cmd('RequestExtraordinaryCongress', { ...request, requesting: 19 }), ctx)).toMatchObject(
      E.left({ code: 'ExtraordinaryRequestBelowThreshold', rule: 'R16', field: 'data.requesting' }),
    )
    expect(given(decider, [founded]).when(cmd('RequestExtraordinaryCongress', { ...request, by: 'members', requesting: 49, outOf: 100 }), ctx)).toMatchObject(
      E.left({ code: 'ExtraordinaryRequestBelowThreshold', rule: 'R16' }),
    )
    expect(E.isRight(given(decider, [founded]).when(cmd('RequestExtraordinaryCongress', { ...request, by: 'members', requesting: 50, outOf: 100 }), ctx))).toBe(true)
  })
  it('R16 with R1: a body under its own charter is not held to the decree procedure', () => {
    expect(E.isRight(given(decider, [charterBody]).when(cmd('HoldCongress', extraordinary), ctx))).toBe(true)
  })
})

describe('the authority notified before a term congress, its opinion recorded (R17)', () => {
  const notified = (notifiedOn: string) => ev('CongressNotified', { ...id, congressNumber: 'III', notifiedOn, plannedOn: '2021-06-10' })
  const opinion = (opinion: string, receivedOn = '2021-05-20') => ev('AuthorityOpinionRecorded', { ...id, congressNumber: 'III', receivedOn, opinion })
  it('R17: a term congress never notified is held, and flagged', () => {
    expect(flagsOf(given(decider, [founded]).when(cmd('HoldCongress', term), ctx))).toEqual(['CongressNotNotified'])
  })
  it('R17: notified fewer than 30 days before, or held before the opinion, is flagged', () => {
    expect(flagsOf(given(decider, [founded, notified('2021-05-12'), opinion('agreed')]).when(cmd('HoldCongress', term), ctx))).toEqual(['CongressNotifiedLate'])
    expect(flagsOf(given(decider, [founded, notified('2021-05-11')]).when(cmd('HoldCongress', term), ctx))).toEqual(['AuthorityOpinionMissing'])
    expect(flagsOf(given(decider, [founded, notified('2021-05-11'), opinion('agreed', '2021-06-11')]).when(cmd('HoldCongress', term), ctx))).toEqual(['AuthorityOpinionMissing'])
    expect(flagsOf(given(decider, [founded, notified('2021-05-11'), opinion('objected')]).when(cmd('HoldCongress', term), ctx))).toEqual(['AuthorityObjected'])
    expect(flagsOf(given(decider, [founded, notified('2021-05-11'), opinion('agreed')]).when(cmd('HoldCongress', term), ctx))).toEqual([])
  })
  it('R17: every flag speaks Vietnamese too', () => {
    const r = given(decider, [founded]).when(cmd('HoldCongress', term), ctx)
    expect(E.isRight(r) && r.right[0]?.type === 'CongressHeld' && r.right[0].data.flags?.[0]?.message).toContain('Chưa báo cáo cơ quan có thẩm quyền')
  })
  it('R17: an opinion needs a notice, given on or after it', () => {
    expect(given(decider, [founded]).when(cmd('RecordAuthorityOpinion', { ...id, congressNumber: 'III', receivedOn: '2021-05-20', opinion: 'agreed' }), ctx)).toMatchObject(
      E.left({ code: 'CongressNotNotified', rule: 'R17', field: 'data.congressNumber' }),
    )
    expect(given(decider, [founded, notified('2021-05-11')]).when(cmd('RecordAuthorityOpinion', { ...id, congressNumber: 'III', receivedOn: '2021-05-01', opinion: 'agreed' }), ctx)).toMatchObject(
      E.left({ code: 'OpinionBeforeNotice', rule: 'R17' }),
    )
  })
  it('R17: a notice of a congress already held, or planned before the notice, is refused', () => {
    const held = ev('CongressHeld', term)
    expect(given(decider, [founded, held]).when(cmd('NotifyAuthorityOfCongress', { ...id, congressNumber: 'III', notifiedOn: '2021-07-01', plannedOn: '2021-08-01' }), ctx)).toMatchObject(
      E.left({ code: 'CongressAlreadyHeld', rule: 'R17' }),
    )
    expect(given(decider, [founded]).when(cmd('NotifyAuthorityOfCongress', { ...id, congressNumber: 'III', notifiedOn: '2021-05-01', plannedOn: '2021-04-01' }), ctx)).toMatchObject(
      E.left({ code: 'CongressPlannedBeforeNotice', field: 'data.plannedOn' }),
    )
  })
})

describe('charter and headquarters (R6, R18)', () => {
  it('R6: a charter takes effect from its approval; an older approval after a newer one is refused', () => {
    const approved = ev('CharterApproved', { ...id, version: 'Điều lệ 2021', approvedOn: '2021-09-01' })
    expect(given(decider, [founded]).when(cmd('ApproveCharter', { ...id, version: 'Điều lệ 2021', approvedOn: '2021-09-01' }), ctx)).toEqual(E.right([approved]))
    expect(given(decider, [founded, approved]).when(cmd('ApproveCharter', { ...id, version: 'Điều lệ 2016', approvedOn: '2016-09-01' }), ctx)).toMatchObject(
      E.left({ code: 'ChangeBeforeLatest', rule: 'R6', field: 'data.approvedOn' }),
    )
  })
  it('R18: a headquarters change is recorded once; the same address again stores nothing', () => {
    const moved = ev('HeadquartersChanged', { ...id, address: 'Số 5 đường Trần Hưng Đạo, Lai Châu', changedOn: '2022-01-10' })
    expect(given(decider, [founded]).when(cmd('ChangeHeadquarters', { ...id, address: 'Số 5 đường Trần Hưng Đạo, Lai Châu', changedOn: '2022-01-10' }), ctx)).toEqual(E.right([moved]))
    expect(given(decider, [founded, moved]).when(cmd('ChangeHeadquarters', { ...id, address: 'Số 5 đường Trần Hưng Đạo, Lai Châu', changedOn: '2022-02-10' }), ctx)).toEqual(E.right([]))
  })
})

describe('complaints pending block dissolution (R25)', () => {
  const lodged = ev('ComplaintLodged', { ...id, complaintId: 'k1', lodgedOn: '2024-03-01', subject: 'Khiếu nại quyết định xử phạt' })
  const dissolve = cmd('DissolveAssociation', { ...id, dissolvedOn: '2024-06-01', dissolution: 'voluntary', ground: 'purpose-achieved' })
  it('R25: refuses a dissolution while a complaint is pending', () => {
    expect(given(decider, [founded, lodged]).when(dissolve, ctx)).toMatchObject(E.left({ code: 'ComplaintPending', rule: 'R25', vi: expect.stringContaining('k1') }))
  })
  it('R25: dissolves once the complaint is resolved', () => {
    const resolved = ev('ComplaintResolved', { ...id, complaintId: 'k1', resolvedOn: '2024-05-01', outcome: 'Giữ nguyên quyết định' })
    expect(E.isRight(given(decider, [founded, lodged, resolved]).when(dissolve, ctx))).toBe(true)
  })
  it('R25: a complaint is resolved once, not before it was lodged', () => {
    expect(given(decider, [founded, lodged]).when(cmd('ResolveComplaint', { ...id, complaintId: 'k1', resolvedOn: '2024-02-01', outcome: 'x' }), ctx)).toMatchObject(
      E.left({ code: 'ResolvedBeforeLodged', field: 'data.resolvedOn' }),
    )
    expect(given(decider, [founded]).when(cmd('ResolveComplaint', { ...id, complaintId: 'k9', resolvedOn: '2024-02-01', outcome: 'x' }), ctx)).toMatchObject(
      E.left({ code: 'ComplaintNotFound', field: 'data.complaintId' }),
    )
  })
})

describe('branches and cells belong to one association and end with it (R20)', () => {
  const branch = ev('BranchEstablished', { ...id, branchId: 'b1', name: 'Chi hội bản Sin Suối Hồ', level: 'branch', establishedOn: '2016-01-01' })
  const cell = ev('BranchEstablished', { ...id, branchId: 'c1', name: 'Tổ hội số 1', level: 'cell', establishedOn: '2016-02-01', withinBranchId: 'b1' })
  it('R20: a cell sits in an open branch of the same association, never a branch in a branch', () => {
    expect(
      given(decider, [founded, branch]).when(cmd('EstablishBranch', { ...id, branchId: 'c1', name: 'Tổ hội số 1', level: 'cell', establishedOn: '2016-02-01', withinBranchId: 'b1' }), ctx),
    ).toEqual(E.right([cell]))
    expect(
      given(decider, [founded, branch]).when(cmd('EstablishBranch', { ...id, branchId: 'b2', name: 'Chi hội 2', level: 'branch', establishedOn: '2016-02-01', withinBranchId: 'b1' }), ctx),
    ).toMatchObject(E.left({ code: 'OnlyCellsInBranches', rule: 'R20' }))
    expect(given(decider, [founded]).when(cmd('EstablishBranch', { ...id, branchId: 'c1', name: 'Tổ hội số 1', level: 'cell', establishedOn: '2016-02-01', withinBranchId: 'b1' }), ctx)).toMatchObject(
      E.left({ code: 'BranchNotOpen', rule: 'R20', field: 'data.withinBranchId' }),
    )
  })
  it('R20: closing a branch closes its cells on the same date', () => {
    expect(given(decider, [founded, branch, cell]).when(cmd('CloseBranch', { ...id, branchId: 'b1', closedOn: '2020-01-01' }), ctx)).toEqual(
      E.right([ev('BranchClosed', { ...id, branchId: 'c1', closedOn: '2020-01-01', reason: 'Chi hội b1 giải thể' }), ev('BranchClosed', { ...id, branchId: 'b1', closedOn: '2020-01-01' })]),
    )
  })
  it('R20: the branches and cells of a dissolved association end with it', () => {
    const r = given(decider, [founded, branch, cell]).when(cmd('DissolveAssociation', { ...id, dissolvedOn: '2024-06-01', dissolution: 'voluntary', ground: 'purpose-achieved' }), ctx)
    expect(E.isRight(r) && r.right.map((e) => [e.type, e.type === 'BranchClosed' ? e.data.branchId : '', 'closedOn' in e.data ? e.data.closedOn : e.data.associationId])).toEqual([
      ['BranchClosed', 'b1', '2024-06-01'],
      ['BranchClosed', 'c1', '2024-06-01'],
      ['AssociationDissolved', '', 'hnct-lc'],
    ])
  })
  it('R20: a branch is not established in a suspended association', () => {
    const suspended = ev('AssociationSuspended', { ...id, suspendedOn: '2016-01-01', until: '2016-03-01', reason: 'Vi phạm' })
    expect(given(decider, [founded, suspended]).when(cmd('EstablishBranch', { ...id, branchId: 'b2', name: 'Chi hội 2', level: 'branch', establishedOn: '2016-02-01' }), ctx)).toMatchObject(
      E.left({ code: 'AssociationSuspended', rule: 'R23' }),
    )
  })
})

describe('remuneration of retired leaders above the cap is flagged (R27)', () => {
  const elected = ev('OfficerElected', { ...id, memberId: 'm1', fullName: 'Lò Văn Hặc', role: 'president', electedOn: '2021-06-10' })
  const pay = (monthlyAmount: number, retired = true) => cmd('RecordLeaderRemuneration', { ...id, memberId: 'm1', paidOn: '2024-08-01', monthlyAmount, retired })
  const codes = (r: E.Either<unknown, ReadonlyArray<Event>>) => (E.isRight(r) && r.right[0]?.type === 'LeaderRemunerationRecorded' ? r.right[0].data.flags.map((f) => f.code) : ['refused'])
  it('R27: a province association may pay a retired leader up to 5.0 × the base wage (11,700,000 đồng)', () => {
    expect(codes(given(decider, [founded, elected]).when(pay(11_700_000), ctx))).toEqual([])
    expect(codes(given(decider, [founded, elected]).when(pay(11_700_001), ctx))).toEqual(['RemunerationAboveCap'])
    expect(codes(given(decider, [founded, elected]).when(pay(20_000_000, false), ctx))).toEqual([])
  })
  it('R27: the cap is policy: Hà Nội (01) has 5.4, and a changed base wage moves it', () => {
    const hanoi = foundedEvent({ associationId: 'hnct-lc', areaCode: '01', foundedOn: '2015-05-01' })
    expect(codes(given(decider, [hanoi, elected]).when(pay(12_636_000), ctx))).toEqual([])
    const policy = { ...defaultPolicy, remunerationCap: { ...defaultPolicy.remunerationCap, baseWage: 1_800_000 } }
    expect(codes(given(decider, [founded, elected]).when(pay(9_000_001), { policy }))).toEqual(['RemunerationAboveCap'])
  })
  it('R27: only a leader in office is paid as one', () => {
    expect(given(decider, [founded]).when(pay(1), ctx)).toMatchObject(E.left({ code: 'NotALeader', rule: 'R27', field: 'data.memberId' }))
  })
})

describe('governance: any history', () => {
  const date = fc.constantFrom('2014-01-01', '2016-01-01', '2021-06-10', '2023-03-01', '2024-06-01')
  const command: fc.Arbitrary<Command> = fc.oneof(
    fc
      .record({ requestId: fc.constantFrom('r1', 'r2'), requestedOn: date, requesting: fc.constantFrom(10, 20) })
      .map((r) => cmd('RequestExtraordinaryCongress', { ...id, ...r, by: 'leadership', outOf: 30 })),
    fc
      .record({ number: fc.constantFrom('III', 'IV'), kind: fc.constantFrom('term', 'extraordinary'), heldOn: date })
      .map((r) => cmd('HoldCongress', { ...term, ...r, termStart: r.heldOn, termEnd: '2029-01-01' })),
    fc.record({ congressNumber: fc.constantFrom('III', 'IV'), notifiedOn: date, plannedOn: date }).map((r) => cmd('NotifyAuthorityOfCongress', { ...id, ...r })),
    fc.record({ congressNumber: fc.constantFrom('III', 'IV'), receivedOn: date, opinion: fc.constantFrom('agreed', 'objected') }).map((r) => cmd('RecordAuthorityOpinion', { ...id, ...r })),
    fc.record({ address: fc.constantFrom('Số 1', 'Số 2'), changedOn: date }).map((r) => cmd('ChangeHeadquarters', { ...id, ...r })),
    fc.record({ version: fc.constantFrom('2016', '2021'), approvedOn: date }).map((r) => cmd('ApproveCharter', { ...id, ...r })),
    fc.record({ complaintId: fc.constantFrom('k1', 'k2'), lodgedOn: date }).map((r) => cmd('LodgeComplaint', { ...id, ...r, subject: 'Khiếu nại' })),
    fc.record({ complaintId: fc.constantFrom('k1', 'k2'), resolvedOn: date }).map((r) => cmd('ResolveComplaint', { ...id, ...r, outcome: 'Đã giải quyết' })),
    fc
      .record({ branchId: fc.constantFrom('b1', 'b2', 'c1'), level: fc.constantFrom('branch', 'cell'), establishedOn: date, withinBranchId: fc.constantFrom(undefined, 'b1') })
      .map(({ withinBranchId, ...r }) => cmd('EstablishBranch', { ...id, ...r, name: 'Chi hội', ...(withinBranchId === undefined ? {} : { withinBranchId }) })),
    fc.record({ branchId: fc.constantFrom('b1', 'b2', 'c1'), closedOn: date }).map((r) => cmd('CloseBranch', { ...id, ...r })),
    fc.record({ paidOn: date, monthlyAmount: fc.constantFrom(1_000_000, 50_000_000) }).map((r) => cmd('RecordLeaderRemuneration', { ...id, memberId: 'm1', ...r, retired: true })),
    date.map((dissolvedOn) => cmd('DissolveAssociation', { ...id, dissolvedOn, dissolution: 'voluntary', ground: 'purpose-achieved' })),
  )
  const start = [cmd('FoundAssociation', { ...id, name: 'Hội NCT tỉnh Lai Châu', kind: 'elderly', scope: 'province', areaCode: '12', foundedOn: '2015-05-01', foundingMembers: 120 })]
  it('deciding a command again on the state it produced yields no events, and every event it emits is valid', () => {
    idempotencyProperty({
      decider,
      command,
      context: () => ctx,
      start,
      commandCodec: CommandCodec,
      eventCodec: EventCodec,
      maxLength: 25,
      numRuns: 1500,
      expectTypes: [
        'ApproveCharter',
        'ChangeHeadquarters',
        'CloseBranch',
        'DissolveAssociation',
        'EstablishBranch',
        'FoundAssociation',
        'HoldCongress',
        'LodgeComplaint',
        'NotifyAuthorityOfCongress',
        'RecordAuthorityOpinion',
        'RequestExtraordinaryCongress',
        'ResolveComplaint',
      ],
    })
  })
})
