import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { defaultPolicy } from '../policy.js'
import { decodeWith } from '../codecs.js'
import { given } from '../testing/given.js'
import { founded } from '../testing/fixtures.js'
import * as Association from '../association/state.js'
import { Command as CommandCodec, decider, report, catalogueOn, parseStreamId, type Command, type Event } from './index.js'

const association = (o: Parameters<typeof founded>[0]) => Association.evolve(Association.initialState, founded(o))
const front = association({ associationId: 'lc-mttq', kind: 'fatherland-front', foundedOn: '2004-01-15' })
const attached = (parent: Association.State, childId: string) =>
  Association.evolve(parent, { type: 'ChildAttached', data: { associationId: 'lc-mttq', childId, attachedOn: '2004-01-15' } } as Parameters<typeof Association.evolve>[1])
/** The Front as its own stream records its two bodies (R30 follow-ups). */
const frontWithBodies = attached(attached(front, 'lc-lhpn'), 'lc-td')
const women = association({ associationId: 'lc-lhpn', kind: 'women', foundedOn: '2004-01-15', parentId: 'lc-mttq' })
const youth = association({ associationId: 'lc-td', kind: 'youth', foundedOn: '2004-01-15', parentId: 'lc-mttq' })
const lateChild = association({ associationId: 'lc-new', kind: 'youth', foundedOn: '2023-11-01', parentId: 'lc-mttq' })
const stranger = association({ associationId: 'lc-other', kind: 'women', foundedOn: '2004-01-15' })
const nct = association({ associationId: 'lc-nct', kind: 'elderly', foundedOn: '2008-01-15' })
const policy = defaultPolicy
const cmd = (type: string, data: object) => ({ type, data: { period: '2023Q3', ...data } }) as unknown as Command
const ev = (type: string, data: object) => ({ type, data: { period: '2023Q3', ...data } }) as unknown as Event

const womenFigures = { 'propaganda-sessions': 558, 'propaganda-participants': 29_774, 'new-members': 640 }
const submitWomen = (indicators: object, extra: object = {}) => cmd('SubmitReport', { associationId: 'lc-lhpn', submittedOn: '2023-10-10', indicators, ...extra })
const submitted = (id: string, on = '2023-10-10') => ev('ReportSubmitted', { associationId: id, submittedOn: on, indicators: {}, dueOn: '2023-10-15', late: false })
const approved = (id: string, on = '2023-10-24') => ev('ReportApproved', { associationId: id, approvedOn: on })

describe('R36: indicators come from the catalogue and the template', () => {
  it('given the Women’s Union, when its Q3 report carries a code outside the catalogue, then it is refused naming that field', () => {
    const r = given(decider, []).when(submitWomen({ ...womenFigures, 'propaganda-sesions': 3 }), { policy, association: women })
    expect(r).toMatchObject(E.left({ code: 'UnknownIndicator', rule: 'R36', field: 'data.indicators.propaganda-sesions' }))
  })
  it('given any report, when a code is `constructor`, then it is refused as unknown, not read from a prototype', () => {
    const r = given(decider, []).when(submitWomen({ ...womenFigures, constructor: 1 }), { policy, association: women })
    expect(r).toMatchObject(E.left({ code: 'UnknownIndicator', field: 'data.indicators.constructor' }))
  })
  it('given the Women’s Union template, when a required indicator is missing, then it is refused naming it', () => {
    const r = given(decider, []).when(submitWomen({ 'propaganda-sessions': 558, 'new-members': 640 }), { policy, association: women })
    expect(r).toMatchObject(E.left({ code: 'RequiredIndicatorMissing', field: 'data.indicators.propaganda-participants' }))
  })
  it('given a ratio indicator, when a report stores it, then it is refused: ratios are computed', () => {
    const figures = { members: 1, 'new-members': 1, 'older-people': 1, 'longevity-due': 1, 'longevity-celebrated': 1, 'base-units': 1, 'strong-base-units': 1, 'membership-rate': 96 }
    const r = given(decider, []).when(cmd('SubmitReport', { associationId: 'lc-nct', period: '2023', submittedOn: '2023-11-20', indicators: figures }), { policy, association: nct })
    expect(r).toMatchObject(E.left({ code: 'IndicatorIsComputed', field: 'data.indicators.membership-rate' }))
  })
  it('given a negative count, when the command is decoded, then it is refused naming the field', () => {
    const r = decodeWith(CommandCodec)({ type: 'SubmitReport', data: { associationId: 'lc-lhpn', period: '2023Q3', submittedOn: '2023-10-10', indicators: { ...womenFigures, 'new-members': -5 } } })
    expect(r).toMatchObject(E.left({ issues: [{ field: 'data.indicators.new-members', message: 'must be a whole number ≥ 0' }] }))
  })
  it('given the catalogue is versioned, when a 2020 annual report of a Hội NCT carries `members`, then version 1 does not know it', () => {
    expect(catalogueOn('2020-12-31').version).toBe(1)
    expect(catalogueOn('2021-12-31').version).toBe(2)
    const r = given(decider, []).when(cmd('SubmitReport', { associationId: 'lc-nct', period: '2020', submittedOn: '2020-11-20', indicators: { members: 4000, 'new-members': 100 } }), {
      policy,
      association: nct,
    })
    expect(r).toMatchObject(E.left({ code: 'UnknownIndicator', field: 'data.indicators.members' }))
    const ok = given(decider, []).when(cmd('SubmitReport', { associationId: 'lc-nct', period: '2020', submittedOn: '2020-11-20', indicators: { 'new-members': 100 } }), { policy, association: nct })
    expect(E.isRight(ok)).toBe(true)
  })
  it('given a correction, when it drops a required indicator, then it is refused as the submission would be', () => {
    const r = given(decider, [ev('ReportSubmitted', { associationId: 'lc-lhpn', submittedOn: '2023-10-10', indicators: womenFigures, dueOn: '2023-10-15', late: false })]).when(
      cmd('CorrectReport', { associationId: 'lc-lhpn', correctedOn: '2023-10-12', indicators: { 'propaganda-sessions': 1 }, reason: 'Sửa' }),
      { policy, association: women },
    )
    expect(r).toMatchObject(E.left({ code: 'RequiredIndicatorMissing', field: 'data.indicators.propaganda-participants' }))
  })
})

describe('R19/R35: nine-month and term reports are due after their own end', () => {
  it('given the nine months of 2023, when submitted on 2023-10-20, then it was due on 2023-10-15 and is late', () => {
    const r = given(decider, []).when(cmd('SubmitReport', { associationId: 'lc-mttq', period: '2023N9', submittedOn: '2023-10-20', indicators: {} }), { policy, association: front })
    expect(r).toMatchObject(E.right([{ data: { dueOn: '2023-10-15', late: true } }]))
  })
  it('a term period keeps the report stream id unambiguous', () => {
    expect(parseStreamId('report-lc-nct-2021K2026')).toEqual({ associationId: 'lc-nct', period: '2021K2026' })
    expect(parseStreamId('report-lc-nct-2021-2026')).toEqual({ associationId: 'lc-nct-2021', period: '2026' })
  })
  it('given a congress term report, when submitted in January after it, then it is due 15 days after the term’s last year', () => {
    const r = given(decider, []).when(cmd('SubmitReport', { associationId: 'lc-mttq', period: '2019K2024', submittedOn: '2025-01-10', indicators: {} }), { policy, association: front })
    expect(r).toMatchObject(E.right([{ data: { dueOn: '2025-01-15', late: false } }]))
  })
})

describe('R32: approval is bottom-up', () => {
  const children = ['lc-lhpn', 'lc-td']
  const approveFront = cmd('ApproveReport', { associationId: 'lc-mttq', approvedOn: '2023-10-25', childAssociationIds: children })
  const history = [submitted('lc-mttq')]
  const ctx = (reports: ReadonlyArray<Event[]>) => ({
    policy,
    'childAssociation.0': women,
    'childAssociation.1': youth,
    'childReport.0': given(decider, reports[0] ?? []).state,
    'childReport.1': given(decider, reports[1] ?? []).state,
  })
  it('needs the association itself, each listed child’s association and its report of the same period, under positional keys', () => {
    expect(report.needs(approveFront).map((n) => [n.key, n.streamId])).toEqual([
      ['association', 'association-lc-mttq'],
      ['childAssociation.0', 'association-lc-lhpn'],
      ['childReport.0', 'report-lc-lhpn-2023Q3'],
      ['childAssociation.1', 'association-lc-td'],
      ['childReport.1', 'report-lc-td-2023Q3'],
    ])
  })
  it('given one child’s report only submitted, when the Front is approved, then it is refused naming that child', () => {
    const r = given(decider, history).when(approveFront, ctx([[submitted('lc-lhpn'), approved('lc-lhpn')], [submitted('lc-td')]]))
    expect(r).toMatchObject(E.left({ code: 'ChildReportNotApproved', rule: 'R32', field: 'data.childAssociationIds.1' }))
  })
  it('given a child that has not reported, when the Front is approved, then it is refused', () => {
    const r = given(decider, history).when(approveFront, ctx([[submitted('lc-lhpn'), approved('lc-lhpn')], []]))
    expect(r).toMatchObject(E.left({ code: 'ChildReportNotApproved', field: 'data.childAssociationIds.1' }))
  })
  it('given every child approved, when the Front is approved, then it is', () => {
    const r = given(decider, history).when(
      approveFront,
      ctx([
        [submitted('lc-lhpn'), approved('lc-lhpn')],
        [submitted('lc-td'), approved('lc-td')],
      ]),
    )
    expect(r).toMatchObject(E.right([{ type: 'ReportApproved', data: { childAssociationIds: children } }]))
  })
  it('R32: given the Front records two bodies, when its approval lists only one, then it is refused naming the unlisted child', () => {
    const onlyWomen = cmd('ApproveReport', { associationId: 'lc-mttq', approvedOn: '2023-10-25', childAssociationIds: ['lc-lhpn'] })
    const c = { ...ctx([[submitted('lc-lhpn'), approved('lc-lhpn')], []]), association: frontWithBodies }
    const r = given(decider, history).when(onlyWomen, c)
    expect(r).toMatchObject(E.left({ code: 'ChildNotListed', rule: 'R32', field: 'data.childAssociationIds' }))
    expect(E.isLeft(r) ? r.left.vi : '').toContain('lc-td')
    const none = cmd('ApproveReport', { associationId: 'lc-mttq', approvedOn: '2023-10-25' })
    expect(given(decider, history).when(none, { policy, association: frontWithBodies })).toMatchObject(E.left({ code: 'ChildNotListed' }))
  })
  it('R32: given the Front records two bodies, when both are listed and approved, then the Front is approved', () => {
    const c = {
      ...ctx([
        [submitted('lc-lhpn'), approved('lc-lhpn')],
        [submitted('lc-td'), approved('lc-td')],
      ]),
      association: frontWithBodies,
    }
    expect(given(decider, history).when(approveFront, c)).toMatchObject(E.right([{ type: 'ReportApproved' }]))
  })
  it('given a listed association that is not a child, when the Front is approved, then it is refused', () => {
    const c = { policy, 'childAssociation.0': stranger, 'childReport.0': given(decider, [submitted('lc-other'), approved('lc-other')]).state }
    const r = given(decider, history).when(cmd('ApproveReport', { associationId: 'lc-mttq', approvedOn: '2023-10-25', childAssociationIds: ['lc-other'] }), c)
    expect(r).toMatchObject(E.left({ code: 'NotAChildAssociation', field: 'data.childAssociationIds.0' }))
  })
  it('given a child founded after the period, when the Front is approved, then that child owes nothing', () => {
    const c = { policy, 'childAssociation.0': lateChild }
    expect(given(decider, history).when(cmd('ApproveReport', { associationId: 'lc-mttq', approvedOn: '2023-10-25', childAssociationIds: ['lc-new'] }), c)).toMatchObject(
      E.right([{ type: 'ReportApproved' }]),
    )
  })
})

describe('R33: unapproval is top-down and reopens the report', () => {
  const history = [submitted('lc-lhpn'), approved('lc-lhpn')]
  const unapprove = cmd('UnapproveReport', { associationId: 'lc-lhpn', unapprovedOn: '2023-10-30', reason: 'Sai số liệu tín dụng', parentAssociationId: 'lc-mttq' })
  it('given the Front’s report approved, when a child is unapproved, then it is refused until the Front is unapproved', () => {
    const parentReport = given(decider, [submitted('lc-mttq'), approved('lc-mttq', '2023-10-25')]).state
    expect(given(decider, history).when(unapprove, { policy, association: women, parentReport })).toMatchObject(E.left({ code: 'ParentReportApproved', rule: 'R33' }))
  })
  it('given the Front’s report unapproved, when the child is unapproved, then it is open to correction again', () => {
    const parentReport = given(decider, [submitted('lc-mttq'), approved('lc-mttq', '2023-10-25'), ev('ReportUnapproved', { associationId: 'lc-mttq', unapprovedOn: '2023-10-29', reason: 'x' })]).state
    const r = given(decider, history).when(unapprove, { policy, association: women, parentReport })
    expect(r).toMatchObject(E.right([{ type: 'ReportUnapproved' }]))
    const reopened = [...history, ...(E.isRight(r) ? r.right : [])]
    expect(given(decider, reopened).state.status).toBe('submitted')
    const fix = cmd('CorrectReport', { associationId: 'lc-lhpn', correctedOn: '2023-10-31', indicators: womenFigures, reason: 'Bổ sung' })
    expect(given(decider, reopened).when(fix, { policy, association: women })).toMatchObject(E.right([{ type: 'ReportCorrected' }]))
  })
  it('given a child with a parent, when the unapproval omits or misnames the parent, then it is refused naming parentAssociationId', () => {
    const omitted = cmd('UnapproveReport', { associationId: 'lc-lhpn', unapprovedOn: '2023-10-30', reason: 'x' })
    expect(given(decider, history).when(omitted, { policy, association: women })).toMatchObject(E.left({ code: 'ParentAssociationMismatch', field: 'data.parentAssociationId' }))
  })
  it('needs the association and the parent’s report of the same period', () => {
    expect(report.needs(unapprove).map((n) => n.streamId)).toEqual(['association-lc-lhpn', 'report-lc-mttq-2023Q3'])
  })
})

describe('R34: a period locks after expiry; a lock exception reopens it for one association for a time', () => {
  const late = cmd('SubmitReport', { associationId: 'lc-mttq', submittedOn: '2024-01-05', indicators: {} })
  const grant = cmd('GrantLockException', { associationId: 'lc-mttq', grantedOn: '2024-01-02', until: '2024-01-10', reason: 'Bổ sung báo cáo quý III' })
  it('given Q3 2023 and 90 expiry days, when the Front submits on 2024-01-05, then the period is locked', () => {
    expect(given(decider, []).when(late, { policy, association: front })).toMatchObject(E.left({ code: 'PeriodLocked', rule: 'R34', field: 'data.submittedOn' }))
  })
  it('given a lock exception to 2024-01-10, when the Front submits on 2024-01-05, then it is accepted and flagged late (R35)', () => {
    const r = given(decider, []).when(grant, { policy, association: front })
    expect(r).toMatchObject(E.right([{ type: 'LockExceptionGranted' }]))
    const events = E.isRight(r) ? [...r.right] : []
    expect(given(decider, events).when(late, { policy, association: front })).toMatchObject(E.right([{ type: 'ReportSubmitted', data: { late: true } }]))
  })
  it('given the exception has ended, when the Front submits on 2024-01-11, then it is locked again', () => {
    const events = [ev('LockExceptionGranted', (grant as { data: object }).data)]
    const after = cmd('SubmitReport', { associationId: 'lc-mttq', submittedOn: '2024-01-11', indicators: {} })
    expect(given(decider, events).when(after, { policy, association: front })).toMatchObject(E.left({ code: 'PeriodLocked' }))
  })
  it('given an exception ending before it starts, then it is refused naming `until`', () => {
    const bad = cmd('GrantLockException', { associationId: 'lc-mttq', grantedOn: '2024-01-02', until: '2024-01-01', reason: 'x' })
    expect(given(decider, []).when(bad, { policy, association: front })).toMatchObject(E.left({ code: 'LockExceptionEndsBeforeStart', field: 'data.until' }))
    expect(given(decider, []).when(bad, { policy })).toMatchObject(E.left({ code: 'AssociationNotFound', field: 'data.associationId' }))
  })
  it('R34: given an exception to 2024-01-10 revoked on 2024-01-06, when the Front submits on 2024-01-05 then 2024-01-06, then the first is open and the second locked', () => {
    const granted = [ev('LockExceptionGranted', (grant as { data: object }).data)]
    const revoke = cmd('RevokeLockException', { associationId: 'lc-mttq', revokedOn: '2024-01-06', reason: 'Đã hết lý do mở khóa' })
    const r = given(decider, granted).when(revoke, { policy, association: front })
    expect(r).toMatchObject(E.right([{ type: 'LockExceptionRevoked', data: { revokedOn: '2024-01-06' } }]))
    const events = [...granted, ...(E.isRight(r) ? r.right : [])]
    expect(given(decider, events).state.lockExceptions).toEqual([{ grantedOn: '2024-01-02', until: '2024-01-05' }])
    expect(given(decider, events).when(late, { policy, association: front })).toMatchObject(E.right([{ type: 'ReportSubmitted' }]))
    const after = cmd('SubmitReport', { associationId: 'lc-mttq', submittedOn: '2024-01-06', indicators: {} })
    expect(given(decider, events).when(after, { policy, association: front })).toMatchObject(E.left({ code: 'PeriodLocked', rule: 'R34' }))
    // revoking again, or an exception that has ended, is already satisfied
    expect(given(decider, events).when(revoke, { policy, association: front })).toEqual(E.right([]))
    expect(given(decider, []).when(revoke, { policy })).toMatchObject(E.left({ code: 'AssociationNotFound', field: 'data.associationId' }))
  })
  it('R34: given an exception not yet started, when it is revoked, then it is gone; a later grant opens entry again', () => {
    const future = [ev('LockExceptionGranted', { associationId: 'lc-mttq', grantedOn: '2024-02-01', until: '2024-02-10', reason: 'x' })]
    const revoked = [...future, ev('LockExceptionRevoked', { associationId: 'lc-mttq', revokedOn: '2024-01-20', reason: 'y' })]
    expect(given(decider, revoked).state.lockExceptions).toEqual([])
    const regranted = [...revoked, ev('LockExceptionGranted', { associationId: 'lc-mttq', grantedOn: '2024-02-01', until: '2024-02-10', reason: 'z' })]
    const on = cmd('SubmitReport', { associationId: 'lc-mttq', submittedOn: '2024-02-05', indicators: {} })
    expect(given(decider, regranted).when(on, { policy, association: front })).toMatchObject(E.right([{ type: 'ReportSubmitted' }]))
  })
  it('given a submitted report past expiry, when it is corrected, then the correction is locked too', () => {
    const fix = cmd('CorrectReport', { associationId: 'lc-mttq', correctedOn: '2024-01-05', indicators: { 'news-articles': 1 }, reason: 'x' })
    expect(given(decider, [submitted('lc-mttq')]).when(fix, { policy, association: front })).toMatchObject(E.left({ code: 'PeriodLocked', field: 'data.correctedOn' }))
  })
})
