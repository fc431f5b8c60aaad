import type * as P from '@hoi/projections'
import type { ViewInput } from '../views/view-defs.js'
import { dateVi, formatNumber, table } from './table.js'
import { associationStatusVi, categoryVi, clubStatusVi, conferenceKindVi, foundingStageVi, genderVi, kindVi, scopeVi, stageVi, vi } from '../export/index.js'
import { reportingRenderers } from './reporting-views.js'

type Render = (result: unknown, input: ViewInput) => string
// each renderer is looked up by the name of the view whose result it prints
const as = <R>(f: (result: R, input: ViewInput) => string): Render => f as Render

const scopes = ['national', 'province', 'district', 'commune'] as const
const SHOWN = 200
/** the count under a list, in Vietnamese with the English noun: `179 hội (associations)` */
const more = (n: number, noun: string) => `\n${formatNumber(n)} ${noun}${n > SHOWN ? ` (hiện ${SHOWN} dòng đầu; --json để xem tất cả — first ${SHOWN} shown)` : ''}`

const associationRows = (rows: ReadonlyArray<P.AssociationRow>) =>
  table(
    ['Mã', 'Tên hội', 'Loại', 'Cấp', 'Địa bàn', 'Trạng thái', 'Đặc thù', 'Hội viên'],
    rows.slice(0, SHOWN).map((r) => [r.associationId, r.name, vi(kindVi, r.kind), vi(scopeVi, r.scope), r.areaCode, vi(associationStatusVi, r.status), r.special ? 'có' : '', r.members]),
  )

/** What a statistics count covers (R1): said on every table, with the option that changes it. */
const regimeLine: Readonly<Record<P.RegimeFilter, string>> = {
  decree: 'Phạm vi: các hội theo Nghị định 45/2010 và 126/2024, không gồm các tổ chức chính trị - xã hội theo điều lệ riêng (--regime all để gồm cả) — counts decree-regime associations only',
  'own-charter': 'Phạm vi: chỉ các tổ chức chính trị - xã hội theo điều lệ riêng — counts only the socio-political bodies under their own charter',
  all: 'Phạm vi: tất cả, gồm cả các tổ chức chính trị - xã hội — counts every association, socio-political bodies included',
}
const geographyLine =
  'Địa bàn: mã ghi nhận khi thành lập hội; --area-code gồm cả địa bàn đã sáp nhập vào đó đến ngày --as-of (hoặc --geography today|YYYY-MM-DD) — codes as recorded at founding; --area-code takes in the areas merged into it by then'
/** Statistics place areas in the administrative units of a date: a merged area counts under the unit it went into. */
const statisticsGeography = (on: string) =>
  `Địa bàn theo đơn vị hành chính ngày ${dateVi(on)}; địa bàn đã sáp nhập tính vào đơn vị nhận sáp nhập (--geography today|YYYY-MM-DD) — areas as the administrative units in force on ${on}`
const levelVi: Readonly<Record<P.UnitRow['level'], string>> = { province: 'tỉnh', district: 'huyện', commune: 'xã' }

/** How each view reads on a terminal; `--json` prints the value itself. */
export const renderers: ReadonlyMap<string, Render> = new Map<string, Render>([
  [
    'statistics',
    as<P.Statistics>((s) => {
      const row = (label: string, x: { total: number; byScope: Record<string, number> }) => [label, x.total, ...scopes.map((k) => x.byScope[k] ?? 0)]
      return [
        `Thống kê năm ${s.year} — statistics for ${s.year}`,
        regimeLine[s.regime],
        statisticsGeography(s.geography),
        table(
          ['', 'Tổng', ...scopes.map((k) => vi(scopeVi, k))],
          [row('Số hội (associations)', s.associations), row('Hội đặc thù (special)', s.special), row(`Thành lập năm ${s.year} (founded)`, s.foundedInYear)],
        ),
        '',
        `Hội viên (members): ${formatNumber(s.members.total)}   kết nạp năm ${s.year} (admitted): ${formatNumber(s.members.admittedInYear)}   ra khỏi hội năm ${s.year} (left): ${formatNumber(s.members.leftInYear)}`,
        `Câu lạc bộ (clubs): ${formatNumber(s.clubs.total)} (CLB Liên thế hệ tự giúp nhau — ISHC: ${formatNumber(s.clubs.ishc)}), thành lập năm ${s.year} (launched): ${formatNumber(s.clubs.launchedInYear)}`,
      ].join('\n')
    }),
  ],
  ['registry', as<P.AssociationRow[]>((rows) => `${associationRows(rows)}${more(rows.length, 'hội (associations)')}\n${geographyLine}`)],
  [
    'association',
    as<P.AssociationRow>((a) =>
      [
        associationRows([a]),
        a.term === undefined ? 'Chưa ghi nhận nhiệm kỳ (no recorded term)' : `Nhiệm kỳ (term): Đại hội ${a.term.congressNumber}, ${dateVi(a.term.start)} – ${dateVi(a.term.end)}`,
        ...a.officers.map((o) => `  ${o.role}: ${o.fullName} [${o.memberId}]`),
      ].join('\n'),
    ),
  ],
  [
    'roster',
    as<P.MemberRow[]>(
      (rows) =>
        table(
          ['Mã hội viên', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Loại hội viên', 'Ngày kết nạp'],
          rows.slice(0, SHOWN).map((r) => [r.memberId, r.fullName, dateVi(r.birthDate), vi(genderVi, r.gender), vi(categoryVi, r.category), dateVi(r.admittedOn)]),
        ) + more(rows.length, 'hội viên (members)'),
    ),
  ],
  [
    'clubs',
    as<P.ClubRow[]>(
      (rows) =>
        table(
          ['Mã CLB', 'Tên câu lạc bộ', 'Chương trình', 'Thành lập', 'Trạng thái', 'Thành viên', 'Lưu ý'],
          rows.slice(0, SHOWN).map((r) => [r.clubId, r.name, r.programme, dateVi(r.launchedOn), vi(clubStatusVi, r.status), r.roster.total, r.flags.map((f) => f.code).join(' ')]),
        ) + more(rows.length, 'câu lạc bộ (clubs)'),
    ),
  ],
  [
    'clubs-by-area',
    as<P.ClubsByAreaRow[]>((rows) =>
      table(
        ['Địa bàn', 'CLB đang hoạt động', 'CLB Liên thế hệ', 'Thành viên'],
        rows.map((r) => [r.areaCode, r.active, r.ishc, r.members]),
      ),
    ),
  ],
  [
    'units',
    as<P.UnitRow[]>(
      (rows) =>
        table(
          ['Mã', 'Đơn vị hành chính', 'Cấp', 'Từ ngày', 'Đến ngày', 'Nhận sáp nhập từ (absorbed)'],
          rows.map((r) => [r.unitId, `${'  '.repeat(r.depth)}${r.name}`, levelVi[r.level], dateVi(r.createdOn), r.endsOn === undefined ? '' : dateVi(r.endsOn), r.absorbed.join(', ')]),
        ) + `\n${formatNumber(rows.length)} đơn vị hành chính (administrative units)`,
    ),
  ],
  [
    'commendations',
    as<P.CommendationsRow[]>((rows) =>
      table(
        ['Phong trào', 'Danh hiệu', 'Chu kỳ', 'Trạng thái', 'Tập thể', 'Cá nhân'],
        rows.map((r) => [r.movementId, r.title, `${r.cycleStart}–${r.cycleEnd}`, vi(clubStatusVi, r.status), r.collectives, r.individuals]),
      ),
    ),
  ],
  [
    'congress-watch',
    as<P.CongressWatch>((w) => {
      const rows = [...w.overdue.map((r) => ['Quá hạn (overdue)', r] as const), ...w.endingSoon.map((r) => ['Sắp hết nhiệm kỳ (ending soon)', r] as const)]
      const founding = w.foundings.map(
        (r) =>
          `  ${r.name}: ${
            r.stage === 'lapsed'
              ? `giấy phép hết hiệu lực ${dateVi(r.lapsedOn ?? '')} (permit lapsed)`
              : r.stage === 'permitted'
                ? `Đại hội thành lập hạn ${dateVi(r.congressDueBy ?? '')}${r.extended ? ' (đã gia hạn, extended)' : ''} (founding congress due)${r.overdue ? ' — quá hạn (overdue, R5)' : ''}`
                : `ban vận động được công nhận ${dateVi(r.recognisedOn)} (committee recognised)`
          }`,
      )
      const first = w.firstCongressDue.map((r) => `  ${r.name} (${r.origin.how}): Đại hội lần đầu hạn ${dateVi(r.dueOn)} (first congress due)${r.overdue ? ' — quá hạn (overdue, R22)' : ''}`)
      return (
        table(
          ['', 'Hội', 'Hết nhiệm kỳ', 'Giai đoạn (R14)'],
          rows.map(([k, r]) => [k, r.name, dateVi(r.termEnd ?? ''), vi(stageVi, r.stage)]),
        ) +
        `\n${formatNumber(w.noTerm.length)} hội chưa ghi nhận nhiệm kỳ (associations have no recorded term)` +
        (first.length === 0 ? '' : `\nnew bodies of a reorganisation, first congress within 30 working days (Đại hội lần đầu trong 30 ngày làm việc):\n${first.join('\n')}`) +
        (founding.length === 0 ? '' : `\nassociations in founding (hội đang trong thủ tục thành lập, R4, R5):\n${founding.join('\n')}`)
      )
    }),
  ],
  [
    'foundings',
    as<P.FoundingRow[]>(
      (rows) =>
        `${table(
          ['Mã hội', 'Tên hội', 'Địa bàn', 'Giai đoạn', 'Cho phép', 'Hạn Đại hội thành lập', 'Lưu ý'],
          rows.map((r) => [
            r.associationId,
            r.name,
            r.areaCode,
            vi(foundingStageVi, r.stage),
            dateVi(r.permittedOn ?? ''),
            dateVi(r.congressDueBy ?? ''),
            [r.extended ? 'đã gia hạn (extended)' : '', r.overdue ? 'quá hạn (overdue, R5)' : '', r.lapsedOn === undefined ? '' : `hết hiệu lực ${dateVi(r.lapsedOn)}`]
              .filter((x) => x !== '')
              .join('; '),
          ]),
        )}\n${geographyLine}`,
    ),
  ],
  [
    'conferences',
    as<P.ConferenceRow[]>(
      (rows) =>
        table(
          ['Ngày', 'Hội', 'Loại', 'Tên hội nghị', 'Số người dự'],
          rows.slice(0, SHOWN).map((r) => [dateVi(r.heldOn), r.associationName, vi(conferenceKindVi, r.kind), r.title, r.attendees]),
        ) + more(rows.length, 'hội nghị (conferences)'),
    ),
  ],
  [
    'resolutions',
    as<P.ResolutionRow[]>(
      (rows) =>
        rows
          .map((r) =>
            [
              `${dateVi(r.adoptedOn)}  ${r.associationName}: ${r.title} (Đại hội ${r.congressNumber})`,
              ...r.targets.map((t) => `  chỉ tiêu (target): ${t}`),
              ...r.keyTasks.map((t) => `  nhiệm vụ trọng tâm (key task): ${t}`),
              ...r.programmes.map((t) => `  chương trình (programme): ${t}`),
            ].join('\n'),
          )
          .join('\n\n') || 'không có nghị quyết (no resolutions)',
    ),
  ],
  // the reporting views in Vietnamese (cli/reporting-views.ts)
  ...reportingRenderers,
])
