import { describe, expect, it } from 'vitest'
import { applyAll, emptyModel, governance } from './index.js'
import { ev, log } from './testing/recorded.js'

const id = { associationId: 'nct' }
const m = applyAll(
  emptyModel(),
  log(
    ev.founded('nct'),
    ['OfficerElected', { ...id, memberId: 'm1', fullName: 'Lò Văn Hặc', role: 'president', electedOn: '2021-06-10' }],
    ['HeadquartersChanged', { ...id, address: 'Số 5 Trần Hưng Đạo', changedOn: '2022-01-10' }],
    ['CharterApproved', { ...id, version: 'Điều lệ 2021', approvedOn: '2021-09-01' }],
    ['OfficerRelieved', { ...id, memberId: 'm1', role: 'president', relievedOn: '2023-02-01' }],
    ['BranchEstablished', { ...id, branchId: 'b1', name: 'Chi hội bản Nậm Loỏng', level: 'branch', establishedOn: '2016-01-01' }],
    ['BranchEstablished', { ...id, branchId: 'c1', name: 'Tổ hội 1', level: 'cell', establishedOn: '2016-02-01', withinBranchId: 'b1' }],
    ['BranchClosed', { ...id, branchId: 'c1', closedOn: '2020-01-01' }],
    ['ComplaintLodged', { ...id, complaintId: 'k1', lodgedOn: '2024-03-01', subject: 'Khiếu nại' }],
    ['ComplaintResolved', { ...id, complaintId: 'k1', resolvedOn: '2024-05-01', outcome: 'Đã giải quyết' }],
    ['ExtraordinaryCongressRequested', { ...id, requestId: 'q1', requestedOn: '2023-01-10', by: 'leadership', requesting: 20, outOf: 30 }],
    [
      'CongressHeld',
      { ...id, number: 'IV', kind: 'extraordinary', form: 'plenary', heldOn: '2023-03-01', termStart: '2023-03-01', termEnd: '2026-06-10', delegatesExpected: 80, delegatesPresent: 70 },
    ],
    [
      'LeaderRemunerationRecorded',
      { ...id, memberId: 'm1', paidOn: '2022-08-01', monthlyAmount: 20_000_000, retired: true, flags: [{ rule: 'R27', code: 'RemunerationAboveCap', message: 'vượt mức trần' }] },
    ],
    ['AssociationDissolved', { ...id, dissolvedOn: '2025-06-01', dissolution: 'voluntary', ground: 'no-assets' }],
  ),
)

describe('governance view', () => {
  it('R18: officer, headquarters and charter changes are listed as reportable, by date', () => {
    expect(governance(m, 'nct', '2023-12-31')?.reportable.map((r) => [r.on, r.change])).toEqual([
      ['2021-06-10', 'officer-elected'],
      ['2021-09-01', 'charter-approved'],
      ['2022-01-10', 'headquarters-changed'],
      ['2023-02-01', 'officer-relieved'],
    ])
    expect(governance(m, 'nct', '2022-01-09')?.headquarters).toBeUndefined()
    expect(governance(m, 'nct', '2022-01-10')?.headquarters).toEqual({ address: 'Số 5 Trần Hưng Đạo', since: '2022-01-10' })
  })
  it('R20: branches and cells open on the date, and none once the association is dissolved', () => {
    expect(governance(m, 'nct', '2017-01-01')?.branches.map((b) => b.branchId)).toEqual(['b1', 'c1'])
    expect(governance(m, 'nct', '2020-01-01')?.branches.map((b) => b.branchId)).toEqual(['b1'])
    expect(governance(m, 'nct', '2025-06-01')?.branches).toEqual([])
  })
  it('R25: a complaint is pending from its lodging to its resolution', () => {
    expect(governance(m, 'nct', '2024-04-01')?.pendingComplaints.map((c) => c.complaintId)).toEqual(['k1'])
    expect(governance(m, 'nct', '2024-05-01')?.pendingComplaints).toEqual([])
  })
  it('R16: a request is pending until an extraordinary congress answers it', () => {
    expect(governance(m, 'nct', '2023-02-01')?.pendingRequests.map((r) => r.requestId)).toEqual(['q1'])
    expect(governance(m, 'nct', '2023-03-01')?.pendingRequests).toEqual([])
  })
  it('R27: remuneration flags are listed from their date', () => {
    expect(governance(m, 'nct', '2022-07-31')?.flags).toEqual([])
    expect(governance(m, 'nct', '2022-08-01')?.flags).toEqual([{ on: '2022-08-01', rule: 'R27', code: 'RemunerationAboveCap', message: 'vượt mức trần' }])
  })
  it('is undefined for an unknown association or before its founding', () => {
    expect(governance(m, 'other')).toBeUndefined()
    expect(governance(m, 'nct', '2000-01-01')).toBeUndefined()
  })
})
