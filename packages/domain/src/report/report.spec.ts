import { describe, expect, it } from 'vitest'
import * as fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { defaultPolicy } from '../policy.js'
import { given } from '../testing/given.js'
import { idempotencyProperty } from '../testing/properties.js'
import { founded } from '../testing/fixtures.js'
import * as Association from '../association/state.js'
import type { Event as AssociationEvent } from '../association/events.js'
import { decider, report, catalogueOn, catalogueVersions, reportDueOn, templateOf, Command as CommandCodec, type Command, type Event } from './index.js'
import type { Period } from '../codecs.js'

const association = (o: Parameters<typeof founded>[0]) => Association.evolve(Association.initialState, founded(o))
const after = (state: Association.State, event: unknown) => Association.evolve(state, event as AssociationEvent)
/** The provincial Women's Union: own charter (R1). */
const womensUnion = association({ associationId: 'hoi-tinh', kind: 'women', foundedOn: '1946-10-20' })
/** An elderly association founded under Decree 45/2010 (R2). */
const elderly45 = association({ associationId: 'hoi-tinh', kind: 'elderly', foundedOn: '2015-05-01' })
/** An elderly association founded under Decree 126/2024 (R2). */
const elderly126 = association({ associationId: 'hoi-tinh', kind: 'elderly', foundedOn: '2025-01-10' })
const ctx = { policy: defaultPolicy, association: womensUnion }
const existing = (s: Association.State) => {
  if (s.status === 'none') throw new Error('fixture')
  return s
}
const elderly45Existing = existing(elderly45)

const indicators = { 'propaganda-sessions': 558, 'propaganda-participants': 29774, 'entrusted-loan-balance-vnd': 1_250_000_000_000, 'new-members': 640 }
/** What the annual report of a Hội NCT carries (template elderly-annual). */
const elderlyAnnual = { members: 4_100, 'new-members': 120, 'older-people': 4_300, 'longevity-due': 300, 'longevity-celebrated': 300, 'base-units': 12, 'strong-base-units': 10 }
const submitting = (data: object) =>
  ({ type: 'SubmitReport', data: { associationId: 'hoi-tinh', period: '2023Q3', submittedOn: '2023-10-10', indicators, narrative: 'Quý III/2023', ...data } }) as unknown as Command
const submit = submitting({})
const submitted = { type: 'ReportSubmitted', data: { ...submit.data, dueOn: '2023-10-15', late: false } } as unknown as Event
const correctedIndicators = { ...indicators, 'news-articles': 40 }
const correcting = (data: object) =>
  ({
    type: 'CorrectReport',
    data: { associationId: 'hoi-tinh', period: '2023Q3', correctedOn: '2023-10-20', indicators: correctedIndicators, reason: 'Bổ sung số liệu', ...data },
  }) as unknown as Command
const correct = correcting({})
const corrected = { type: 'ReportCorrected', data: correct.data } as Event
const approve = { type: 'ApproveReport', data: { associationId: 'hoi-tinh', period: '2023Q3', approvedOn: '2023-10-25' } } as unknown as Command
const approved = { type: 'ReportApproved', data: approve.data } as Event
const returning = { type: 'ReturnReport', data: { associationId: 'hoi-tinh', period: '2023Q3', returnedOn: '2023-10-22', reason: 'Thiếu số liệu tín dụng' } } as unknown as Command
const returned = { type: 'ReportReturned', data: returning.data } as Event

const due = (r: E.Either<unknown, ReadonlyArray<Event>>) => {
  const e = E.isRight(r) ? r.right[0] : undefined
  return e?.type === 'ReportSubmitted' ? { dueOn: e.data.dueOn, late: e.data.late } : undefined
}

describe('report: not submitted', () => {
  it('submits a quarterly report on time', () => {
    expect(given(decider, []).when(submit, ctx)).toEqual(E.right([submitted]))
  })
  it('R35: a quarterly report after the timely days is accepted and flagged late', () => {
    expect(due(given(decider, []).when(submitting({ submittedOn: '2023-10-15' }), ctx))).toEqual({ dueOn: '2023-10-15', late: false })
    expect(due(given(decider, []).when(submitting({ submittedOn: '2023-10-16' }), ctx))).toEqual({ dueOn: '2023-10-15', late: true })
  })
  it('R35: the due date is data of the template in force on the period’s last day (effective-dated)', () => {
    const base = catalogueOn('2023-09-30')
    const women = base.templates.map((t) => (t.id === 'women-periodic' ? { ...t, due: { rule: { daysAfterEnd: 30 } } } : t))
    const versions = [...catalogueVersions, { ...base, version: 9, effectiveFrom: '2023-07-01', templates: women }]
    expect(reportDueOn(existing(womensUnion), '2023Q2' as Period, versions)).toBe('2023-07-15')
    expect(reportDueOn(existing(womensUnion), '2023Q3' as Period, versions)).toBe('2023-10-30')
    expect(reportDueOn(existing(womensUnion), '2023Q3' as Period)).toBe('2023-10-15')
  })
  it('R35: a period no template covers is due by the catalogue’s default rule', () => {
    expect(templateOf('women', '2024M02' as Period).template).toBeUndefined()
    const versions = catalogueVersions.map((v) => ({ ...v, defaultDue: { daysAfterEnd: 5 } }))
    expect(reportDueOn(existing(womensUnion), '2024M02' as Period, versions)).toBe('2024-03-05')
  })
  it('R35: half-year and monthly periods are due after their own end (leap February included)', () => {
    expect(due(given(decider, []).when(submitting({ period: '2023S1', submittedOn: '2023-07-20' }), ctx))).toEqual({ dueOn: '2023-07-15', late: true })
    expect(due(given(decider, []).when(submitting({ period: '2024M02', submittedOn: '2024-03-01' }), ctx))).toEqual({ dueOn: '2024-03-15', late: false })
  })
  it('R19: an annual report under Decree 45/2010 is due on 1 December; after that it is late (R35)', () => {
    const c = { ...ctx, association: elderly45 }
    expect(due(given(decider, []).when(submitting({ period: '2023', submittedOn: '2023-11-28', indicators: elderlyAnnual }), c))).toEqual({ dueOn: '2023-12-01', late: false })
    expect(due(given(decider, []).when(submitting({ period: '2023', submittedOn: '2023-12-05', indicators: elderlyAnnual }), c))).toEqual({ dueOn: '2023-12-01', late: true })
  })
  it('R19: an annual report under Decree 126/2024 is due on 31 December', () => {
    const c = { ...ctx, association: elderly126 }
    expect(due(given(decider, []).when(submitting({ period: '2025', submittedOn: '2025-12-31', indicators: elderlyAnnual }), c))).toEqual({ dueOn: '2025-12-31', late: false })
    expect(due(given(decider, []).when(submitting({ period: '2025', submittedOn: '2026-01-02', indicators: elderlyAnnual }), c))).toEqual({ dueOn: '2025-12-31', late: true })
  })
  it('R19: the decree in force when the year ends decides, not the one the association was founded under', () => {
    const c = { ...ctx, association: elderly45 }
    expect(due(given(decider, []).when(submitting({ period: '2024', submittedOn: '2024-12-20', indicators: elderlyAnnual }), c))).toEqual({ dueOn: '2024-12-31', late: false })
  })
  it('R19: a body under its own charter has its annual report due after the timely days', () => {
    expect(due(given(decider, []).when(submitting({ period: '2023', submittedOn: '2024-01-16' }), ctx))).toEqual({ dueOn: '2024-01-15', late: true })
  })
  it('R19: the annual deadline of each regime is data of the template', () => {
    const base = catalogueOn('2023-12-31')
    const templates = base.templates.map((t) => (t.id === 'elderly-annual' ? { ...t, due: { rule: t.due.rule, byRegime: { 'decree-45-2010': { onMonthDay: '11-15' } } } } : t))
    const versions = [...catalogueVersions, { ...base, version: 9, effectiveFrom: '2023-01-01', templates }]
    expect(reportDueOn(elderly45Existing, '2023' as Period, versions)).toBe('2023-11-15')
    expect(reportDueOn(elderly45Existing, '2022' as Period, versions)).toBe('2022-12-01')
    expect(reportDueOn({ ...elderly45Existing, regime: 'own-charter' }, '2023' as Period, versions)).toBe('2024-01-15')
  })
  it('rejects a report submitted before its period starts', () => {
    expect(given(decider, []).when(submitting({ submittedOn: '2023-06-30' }), ctx)).toMatchObject(E.left({ code: 'SubmittedBeforePeriod', field: 'data.submittedOn' }))
  })
  it('rejects an association that does not exist', () => {
    expect(given(decider, []).when(submit, { policy: defaultPolicy })).toMatchObject(E.left({ code: 'AssociationNotFound', field: 'data.associationId' }))
  })
  it('R24: rejects a dissolved association', () => {
    const dissolved = after(womensUnion, { type: 'AssociationDissolved', data: { associationId: 'hoi-tinh', dissolvedOn: '2023-09-01', dissolution: 'voluntary', ground: 'members-request' } })
    expect(given(decider, []).when(submit, { ...ctx, association: dissolved })).toMatchObject(E.left({ code: 'AssociationDissolved', rule: 'R24' }))
  })
  it('R23: a suspended association still reports', () => {
    const suspended = after(womensUnion, { type: 'AssociationSuspended', data: { associationId: 'hoi-tinh', suspendedOn: '2023-09-01', until: '2024-01-01', reason: 'Vi phạm' } })
    expect(given(decider, []).when(submit, { ...ctx, association: suspended })).toEqual(E.right([submitted]))
  })
  it.each([correct, approve, returning])('rejects $type before any submission', (command) => {
    expect(given(decider, []).when(command, ctx)).toMatchObject(E.left({ code: 'ReportNotSubmitted', field: 'data.period' }))
  })
})

describe('report: submitted', () => {
  it('submitting the same report again is already satisfied, even after a correction', () => {
    expect(given(decider, [submitted]).when(submit, ctx)).toEqual(E.right([]))
    expect(given(decider, [submitted, corrected]).when(submit, ctx)).toEqual(E.right([]))
  })
  it('refuses a second, different report for the period and points to CorrectReport', () => {
    const r = given(decider, [submitted]).when(submitting({ indicators: { activities: 3 } }), ctx)
    expect(r).toMatchObject(E.left({ code: 'ReportAlreadySubmitted', field: 'data.period', en: expect.stringContaining('CorrectReport') }))
  })
  it('corrects once; the same correction again yields nothing', () => {
    expect(given(decider, [submitted]).when(correct, ctx)).toEqual(E.right([corrected]))
    expect(given(decider, [submitted, corrected]).when(correct, ctx)).toEqual(E.right([]))
  })
  it('a correction without narrative keeps the narrative', () => {
    expect(given(decider, [submitted, corrected]).state).toMatchObject({ status: 'submitted', indicators: correctedIndicators, narrative: 'Quý III/2023', late: false })
  })
  it('a correction with the figures already there yields nothing; a new narrative does not', () => {
    expect(given(decider, [submitted]).when(correcting({ indicators }), ctx)).toEqual(E.right([]))
    expect(given(decider, [submitted]).when(correcting({ indicators, narrative: 'Quý III/2023 (bổ sung)' }), ctx)).toMatchObject(E.right([{ type: 'ReportCorrected' }]))
  })
  it('rejects a correction dated before the submission', () => {
    expect(given(decider, [submitted]).when(correcting({ correctedOn: '2023-10-09' }), ctx)).toMatchObject(E.left({ code: 'CorrectionBeforeSubmission', field: 'data.correctedOn' }))
  })
  it('approves', () => {
    expect(given(decider, [submitted]).when(approve, ctx)).toEqual(E.right([approved]))
  })
  it('rejects an approval dated before the latest submission', () => {
    const early = { ...approve, data: { ...approve.data, approvedOn: '2023-10-19' } } as Command
    expect(given(decider, [submitted, corrected]).when(early, ctx)).toMatchObject(E.left({ code: 'ApprovalBeforeSubmission', field: 'data.approvedOn' }))
  })
  it('returns', () => {
    expect(given(decider, [submitted]).when(returning, ctx)).toEqual(E.right([returned]))
  })
  it('rejects a return dated before the latest submission', () => {
    const early = { ...returning, data: { ...returning.data, returnedOn: '2023-10-01' } } as Command
    expect(given(decider, [submitted]).when(early, ctx)).toMatchObject(E.left({ code: 'ReturnBeforeSubmission', field: 'data.returnedOn' }))
  })
})

describe('report: returned', () => {
  const history = [submitted, returned]
  it('refuses approval until corrected', () => {
    expect(given(decider, history).when(approve, ctx)).toMatchObject(E.left({ code: 'ReportReturned', field: 'data.period' }))
  })
  it('returning again is already satisfied', () => {
    expect(given(decider, history).when(returning, ctx)).toEqual(E.right([]))
  })
  it('a correction re-submits it, even with unchanged figures', () => {
    const unchanged = correcting({ indicators, correctedOn: '2023-10-23' })
    const r = given(decider, history).when(unchanged, ctx)
    expect(r).toEqual(E.right([{ type: 'ReportCorrected', data: unchanged.data }]))
    const resubmitted = [...history, ...(E.isRight(r) ? r.right : [])]
    expect(given(decider, resubmitted).state).toMatchObject({ status: 'submitted' })
    expect(given(decider, resubmitted).when(unchanged, ctx)).toEqual(E.right([]))
    expect(given(decider, resubmitted).when(approve, ctx)).toEqual(E.right([approved]))
  })
})

describe('report: approved', () => {
  const history = [submitted, approved]
  it('R33: is not terminal: an unapproval reopens it', () => {
    expect(decider.isTerminal(given(decider, history).state)).toBe(false)
  })
  it('R33: refuses a correction of an approved report', () => {
    expect(given(decider, history).when(correct, ctx)).toMatchObject(E.left({ code: 'ReportLocked', rule: 'R33' }))
  })
  it('R33: refuses to return an approved report', () => {
    expect(given(decider, history).when(returning, ctx)).toMatchObject(E.left({ code: 'ReportLocked', rule: 'R33' }))
  })
  it('approving again is already satisfied', () => {
    expect(given(decider, history).when(approve, ctx)).toEqual(E.right([]))
  })
})

describe('report: module', () => {
  it('one stream per association and period; submitting and approving need the association (R32: its children)', () => {
    expect(report.streamOf(submit)).toBe('report-hoi-tinh-2023Q3')
    expect(report.needs(submit)).toEqual([{ key: 'association', aggregate: 'association', streamId: 'association-hoi-tinh' }])
    expect(report.needs(approve)).toEqual([{ key: 'association', aggregate: 'association', streamId: 'association-hoi-tinh' }])
    expect(report.needs(correct)).toEqual([{ key: 'association', aggregate: 'association', streamId: 'association-hoi-tinh' }])
  })
})

const valid = (raw: unknown): Command => {
  const r = CommandCodec.decode(raw)
  if (E.isLeft(r)) throw new Error(`generated an invalid command: ${JSON.stringify(raw)}`)
  return r.right
}
const date = fc.constantFrom('2023-06-30', '2023-10-10', '2023-10-20', '2023-11-01')
const figures = fc.dictionary(fc.constantFrom('activities', 'news-articles', 'new-members'), fc.integer({ min: 0, max: 3 }), { maxKeys: 2 })
const narrative = fc.option(fc.constantFrom('Quý III', 'Quý III (bổ sung)'), { nil: undefined })
const key = { associationId: 'hoi-tinh', period: '2023Q3' }
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ submittedOn: date, indicators: figures, narrative }).map((d) => valid({ type: 'SubmitReport', data: { ...key, ...d } })),
  fc.record({ correctedOn: date, indicators: figures, narrative }).map((d) => valid({ type: 'CorrectReport', data: { ...key, reason: 'Sửa', ...d } })),
  date.map((approvedOn) => valid({ type: 'ApproveReport', data: { ...key, approvedOn } })),
  date.map((returnedOn) => valid({ type: 'ReturnReport', data: { ...key, returnedOn, reason: 'Trả lại' } })),
)

describe('report: properties', () => {
  it('a command that produced events produces none when decided again on the resulting state', () => {
    // an elderly association has no quarterly template, so any catalogue figures fit
    idempotencyProperty({
      decider,
      command,
      context: () => ({ policy: defaultPolicy, association: elderly45 }),
      maxLength: 12,
      expectTypes: ['ApproveReport', 'CorrectReport', 'ReturnReport', 'SubmitReport'],
    })
  })
})
