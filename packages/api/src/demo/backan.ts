/**
 * Bắc Kạn (area code 06) as seed 004 gives it: on 2023-07-04 the province reviewed "các tổ chức hội
 * cấp tỉnh được giao biên chế" — its provincial associations with a staff quota, which are the
 * special associations — and asked that associations with similar functions be merged.
 *
 * The article names none of the associations and gives no figure (no count, no quota, no member
 * numbers, no founding dates): the list below is the usual set of special provincial associations,
 * the quotas and dates are demo values, and no members are seeded. The merges the article asks
 * for are recorded as demo decisions of early 2024.
 */
import type { RawCommand } from './scenario.js'

type Cmd = (type: string, data: Record<string, unknown>) => RawCommand

export const BAC_KAN = '06'

// key, name, kind, founded on, staff quota (demo values: the article gives none)
const special: ReadonlyArray<[string, string, string, string, number]> = [
  ['nct', 'Hội Người cao tuổi', 'elderly', '1998-03-12', 4],
  ['ctd', 'Hội Chữ thập đỏ', 'red-cross', '1997-06-20', 8],
  ['kh', 'Hội Khuyến học', 'study-promotion', '1999-10-05', 4],
  ['lg', 'Hội Luật gia', 'other', '1998-09-15', 2],
  ['nb', 'Hội Nhà báo', 'other', '1997-08-21', 3],
  ['vhnt', 'Hội Văn học nghệ thuật', 'other', '1999-05-19', 6],
  ['dy', 'Hội Đông y', 'other', '2001-04-10', 2],
  ['nm', 'Hội Người mù', 'other', '2002-11-18', 2],
  ['dc', 'Hội Nạn nhân chất độc da cam/dioxin', 'other', '2005-07-27', 3],
  ['btnkt', 'Hội Bảo trợ người khuyết tật và trẻ mồ côi', 'other', '2008-12-03', 2],
  ['lhkh', 'Liên hiệp các Hội Khoa học và Kỹ thuật', 'other', '2006-02-14', 4],
  ['tnxp', 'Hội Cựu thanh niên xung phong', 'other', '2003-03-26', 2],
]
/** Seeded to show an absorption: not special, no quota. */
const ordinary: ReadonlyArray<[string, string, string]> = [['cc', 'Hội Châm cứu', '2010-06-08']]

const id = (key: string) => `bk-${key}`
const MERGED_ON = '2024-03-01'
const DECISION = 'Quyết định của UBND tỉnh Bắc Kạn về hợp nhất, sáp nhập hội (dữ liệu minh họa)'

export function* bacKan(cmd: Cmd): Generator<RawCommand> {
  for (const [key, name, kind, foundedOn] of special)
    yield cmd('FoundAssociation', { associationId: id(key), name: `${name} tỉnh Bắc Kạn`, kind, scope: 'province', areaCode: BAC_KAN, foundedOn, foundingMembers: 50 })
  for (const [key, name, foundedOn] of ordinary)
    yield cmd('FoundAssociation', { associationId: id(key), name: `${name} tỉnh Bắc Kạn`, kind: 'other', scope: 'province', areaCode: BAC_KAN, foundedOn, foundingMembers: 50 })
  for (const [key, , , , quota] of special) {
    yield cmd('GrantSpecialStatus', { associationId: id(key), grantedOn: '2011-04-20', decisionRef: 'QĐ 68/2010/QĐ-TTg' })
    yield cmd('AssignStaffQuota', { associationId: id(key), quota, assignedOn: '2011-04-20', decisionRef: 'QĐ giao biên chế của UBND tỉnh Bắc Kạn' })
  }
  // "đối với các hội có chức năng, nhiệm vụ tương đồng đề xuất thực hiện hợp nhất sáp nhập":
  // acupuncture joins traditional medicine (absorption); the blind and the disability-and-orphans
  // associations become one (consolidation), which carries both staff quotas (R21)
  yield cmd('AbsorbAssociation', { associationId: id('cc'), intoId: id('dy'), absorbedOn: MERGED_ON, decisionRef: DECISION })
  const merged = id('nkt')
  yield cmd('ConsolidateAssociations', {
    associationId: merged,
    name: 'Hội Bảo trợ người khuyết tật, trẻ mồ côi và người mù tỉnh Bắc Kạn',
    kind: 'other',
    scope: 'province',
    areaCode: BAC_KAN,
    consolidatedOn: MERGED_ON,
    sourceIds: [id('nm'), id('btnkt')],
    decisionRef: DECISION,
  })
  yield cmd('GrantSpecialStatus', { associationId: merged, grantedOn: MERGED_ON, decisionRef: DECISION })
  // R21: the consolidated body's first congress within 30 working days
  yield cmd('HoldCongress', {
    associationId: merged,
    number: 'I',
    kind: 'founding',
    form: 'delegate',
    heldOn: '2024-03-28',
    termStart: '2024-03-28',
    termEnd: '2029-03-28',
    delegatesExpected: 90,
    delegatesPresent: 84,
  })
}
