/**
 * The reporting side of the demo: the 2023 Q3 report of the Front and its bodies (article 001)
 * through the whole workflow, and the annual reports behind the percentage targets of the
 * Congress III resolution of Hội NCT tỉnh (article 000).
 */
import { districts } from './province.js'
import type { RawCommand } from './scenario.js'

type Cmd = (type: string, data: Record<string, unknown>) => RawCommand

/** The Front's bodies and their Q3 figures; the Front's own report is narrative only (its figures are its bodies'). */
export function* quarterReports(cmd: Cmd): Generator<RawCommand> {
  const period = '2023Q3'
  const reports: ReadonlyArray<[string, string, Record<string, number>, string]> = [
    ['lc-mttq', '2023-10-09', {}, 'Tuyên truyền chương trình mục tiêu quốc gia giảm nghèo bền vững tại 8 xã thuộc huyện Mường Tè, Nậm Nhùn.'],
    [
      'lc-lhpn',
      '2023-10-10',
      { 'propaganda-sessions': 558, 'propaganda-participants': 29_774, 'entrusted-loan-balance-vnd': 1_150_000_000_000, 'borrowing-households': 11_600, 'new-members': 640 },
      'Tuyên truyền không vượt biên trái phép, không vi phạm pháp luật, các mô hình hay.',
    ],
    [
      'lc-td',
      '2023-10-12',
      {
        'volunteer-teams': 692,
        activities: 942,
        'activity-participants': 8_256,
        'entrusted-loan-balance-vnd': 610_000_000_000,
        'borrowing-households': 6_300,
        'new-members': 720,
        'party-referrals': 1_611,
        'party-class-attendees': 438,
      },
      'Duy trì đội hình thanh niên tình nguyện sơ, cấp cứu tai nạn giao thông; tuyên truyền phòng, chống lũ quét và sạt lở đất.',
    ],
    ['lc-ldld', '2023-10-11', { 'legal-advice-participants': 130, 'news-articles': 52, 'new-members': 210 }, 'Tư vấn pháp luật cho đoàn viên; đăng tải tin, bài về phong trào công đoàn.'],
    ['lc-hnd', '2023-10-19', { 'entrusted-loan-balance-vnd': 1_220_000_000_000, 'borrowing-households': 12_400, 'new-members': 390 }, 'Phối hợp quản lý vốn ủy thác; củng cố tổ chức hội.'],
    ['lc-ccb', '2023-10-13', {}, 'Thực hiện phong trào thi đua "Cựu chiến binh gương mẫu".'],
    ['lc-ccb-khoi', '2023-10-12', {}, 'Tuyên truyền, giáo dục chính trị cho hội viên; thăm hỏi gia đình chính sách.'],
  ]
  for (const [associationId, submittedOn, indicators, narrative] of reports) yield cmd('SubmitReport', { associationId, period, submittedOn, indicators, narrative })
  // the Farmers' Union's report goes back once for its narrative, and is re-submitted with the same figures
  yield cmd('ReturnReport', { associationId: 'lc-hnd', period, returnedOn: '2023-10-20', reason: 'Bổ sung kết quả quản lý vốn ủy thác theo từng huyện' })
  yield cmd('CorrectReport', {
    associationId: 'lc-hnd',
    period,
    correctedOn: '2023-10-23',
    reason: 'Bổ sung theo yêu cầu',
    indicators: reports[4]![2],
    narrative: 'Phối hợp quản lý vốn ủy thác tại 8 huyện, thành phố; củng cố tổ chức hội.',
  })
  // bottom-up (R32): the bodies, then the veterans once their bloc is approved, then the Front
  for (const id of ['lc-lhpn', 'lc-td', 'lc-ldld', 'lc-hnd', 'lc-ccb-khoi']) yield cmd('ApproveReport', { associationId: id, period, approvedOn: '2023-10-24' })
  yield cmd('ApproveReport', { associationId: 'lc-ccb', period, approvedOn: '2023-10-25', childAssociationIds: ['lc-ccb-khoi'] })
  yield cmd('ApproveReport', { associationId: 'lc-mttq', period, approvedOn: '2023-10-26', childAssociationIds: ['lc-lhpn', 'lc-hnd', 'lc-td', 'lc-ldld', 'lc-ccb'] })
}

/** Three of the five targets of the Congress III resolution are percentages over report figures. */
export function* ratioTargets(cmd: Cmd): Generator<RawCommand> {
  const common = { ownerAssociationId: 'lc-nct', counting: 'cumulative', startOn: '2021-07-15', dueOn: '2026-07-15', setOn: '2021-07-15', sourceResolutionId: 'nq-dh3-nct', milestones: [] }
  const metric = (indicator: string) => ({ kind: 'report-indicator', associationId: 'lc-nct', indicator })
  yield cmd('SetTarget', { ...common, targetId: 'lc-nct-membership-95', title: 'Tỷ lệ tập hợp người cao tuổi vào Hội đạt trên 95%', metric: metric('membership-rate'), goal: 95 })
  yield cmd('SetTarget', { ...common, targetId: 'lc-nct-longevity-100', title: '100% người cao tuổi được chúc thọ, mừng thọ', metric: metric('longevity-rate'), goal: 100 })
  yield cmd('SetTarget', { ...common, targetId: 'lc-nct-strong-80', title: '80% cơ sở Hội đạt vững mạnh', metric: metric('strong-base-unit-rate'), goal: 80 })
}

/**
 * The annual reports (R19) of the eight district Hội NCT, 2021–2026: each reports its district's
 * older people (the population base), members, longevity celebrations and base units. The
 * figures are illustrative, chosen so the three targets end differently: membership reached in
 * 2025, every longevity age celebrated, strong base units only in 2026 (after the due date).
 */
export function* annualReports(cmd: Cmd): Generator<RawCommand> {
  const rates: ReadonlyArray<[number, number, number]> = [
    [2021, 0.88, 0.7],
    [2022, 0.9, 0.73],
    [2023, 0.92, 0.76],
    [2024, 0.94, 0.78],
    [2025, 0.956, 0.79],
    [2026, 0.958, 0.85],
  ]
  for (const [year, membership, strong] of rates) {
    for (const [i, d] of districts.entries()) {
      const olderPeople = Math.round((3_200 + i * 410) * (1 + 0.03 * (year - 2021)))
      const due = Math.round(olderPeople * 0.08)
      const units = d.communes.length
      const members = Math.round(olderPeople * membership)
      yield cmd('SubmitReport', {
        associationId: `lc-${d.code.slice(3)}-nct`,
        period: String(year),
        submittedOn: `${year}-11-${String(20 + (i % 8)).padStart(2, '0')}`,
        indicators: {
          members,
          'new-members': Math.round(members * 0.04),
          'older-people': olderPeople,
          'longevity-due': due,
          'longevity-celebrated': due,
          'base-units': units,
          'strong-base-units': Math.round(units * strong),
        },
        narrative: `Báo cáo tình hình tổ chức, hoạt động năm ${year} của Hội Người cao tuổi ${d.name}.`,
      })
    }
  }
}
