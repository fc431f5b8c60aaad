/**
 * Hội Người cao tuổi Việt Nam and its Congress VI, whose resolution Hội NCT tỉnh Lai Châu studied
 * on 2022-04-26 (seed 000: "quán triệt, triển khai Nghị quyết Đại hội VI Hội NCT Việt Nam ...
 * 6 chỉ tiêu, 3 nhiệm vụ trọng tâm, 3 chương trình công tác lớn").
 */
import type { RawCommand } from './scenario.js'

type Cmd = (type: string, data: Record<string, unknown>) => RawCommand

export const NATIONAL_NCT = 'vn-nct'

export function* nationalElderly(cmd: Cmd): Generator<RawCommand> {
  // founded 1995-12-10 (public record; neither the seeds nor domain-research give the date);
  // the founding-member count is the decree's national minimum, the seeds give none
  yield cmd('FoundAssociation', { associationId: NATIONAL_NCT, name: 'Hội Người cao tuổi Việt Nam', kind: 'elderly', scope: 'national', areaCode: 'VN', foundedOn: '1995-12-10', foundingMembers: 100 })
  // The seeds do not date Congress VI: seed 000 (2022-04-26) shows it held before then, with a term
  // 2021–2026 like the provincial Congress III it was studied with. The date is the one reported in
  // the press at the time; the delegate figures are not in the seeds (demo values).
  const heldOn = '2021-12-27'
  yield cmd('NotifyAuthorityOfCongress', { associationId: NATIONAL_NCT, congressNumber: 'VI', notifiedOn: '2021-10-15', plannedOn: heldOn, authority: 'Bộ Nội vụ' })
  yield cmd('RecordAuthorityOpinion', { associationId: NATIONAL_NCT, congressNumber: 'VI', receivedOn: '2021-11-20', opinion: 'agreed' })
  yield cmd('HoldCongress', {
    associationId: NATIONAL_NCT,
    number: 'VI',
    kind: 'term',
    form: 'delegate',
    heldOn,
    termStart: heldOn,
    termEnd: '2026-12-27',
    delegatesExpected: 500,
    delegatesPresent: 480,
  })
  // seed 000 counts 6 targets, 3 key tasks and 3 programmes but does not word them
  const unnamed = (what: string, n: number) => Array.from({ length: n }, (_, i) => `${what} ${i + 1} của Nghị quyết Đại hội VI (bài viết không nêu nội dung)`)
  yield cmd('AdoptResolution', {
    associationId: NATIONAL_NCT,
    resolutionId: 'nq-dh6-nct-vn',
    congressNumber: 'VI',
    adoptedOn: heldOn,
    title: 'Nghị quyết Đại hội đại biểu toàn quốc Hội Người cao tuổi Việt Nam lần thứ VI, nhiệm kỳ 2021–2026',
    targets: unnamed('Chỉ tiêu', 6),
    keyTasks: unnamed('Nhiệm vụ trọng tâm', 3),
    programmes: unnamed('Chương trình công tác lớn', 3),
  })
}
