import type * as P from '@hoi/projections'
import type { ViewInput } from '../views/view-defs.js'
import { dateVi, formatNumber, table } from './table.js'
import { completenessAreaVi, milestoneEn, milestoneVi, periodVi, scopeVi, statusVi, targetStatusVi, vi } from '../export/index.js'

type Render = (result: unknown, input: ViewInput) => string
const as = <R>(f: (result: R, input: ViewInput) => string): Render => f as Render
const asOfOf = (input: ViewInput): string | undefined => (typeof input.query['asOf'] === 'string' ? input.query['asOf'] : undefined)

const value = (x: P.IndicatorValue): string => (x.aggregation === 'ratio' ? `${formatNumber(x.value)} %` : formatNumber(x.value))
const indicatorTable = (xs: ReadonlyArray<P.IndicatorValue>): string =>
  xs.length === 0
    ? '(không có số liệu)'
    : table(
        ['Chỉ tiêu', 'Đơn vị', 'Giá trị'],
        xs.map((x) => [x.vi, x.unit, value(x)]),
        ['l', 'l', 'r'],
      )

/**
 * One target in Vietnamese, the status code and a milestone's English reading kept in brackets for
 * scripts and readers of the English docs: after the due date `Đạt muộn (achieved-late), đạt ngày
 * DATE`; a milestone reached after its date `đạt muộn, ngày DATE (met late, on DATE)`.
 */
export const targetVi = (t: P.TargetProgress, asOf: string): string => {
  const unit = t.aggregation === 'ratio' ? ' %' : ''
  return [
    `${t.title}  [${t.targetId}]`,
    `  ${formatNumber(t.current)}${unit} / ${formatNumber(t.goal)}${unit} (${formatNumber(t.percent)} %), hạn ${dateVi(t.dueOn)} — ${vi(targetStatusVi, t.status)} (${t.status})${t.achievedOn === undefined ? '' : `, đạt ngày ${dateVi(t.achievedOn)}`}; dự kiến đến ${dateVi(asOf)}: ${formatNumber(t.expectedByNow)}; dự báo đến hạn: ${formatNumber(t.forecast)}`,
    ...t.milestones.map((ms) => `  mốc "${ms.label}": ${formatNumber(ms.current)} / ${formatNumber(ms.goal)}, hạn ${dateVi(ms.dueOn)} — ${milestoneVi(ms, dateVi)} (${milestoneEn(ms, dateVi)})`),
  ].join('\n')
}

const list = (l: P.CompletenessList, title: string) =>
  [
    title,
    `Phải nộp ${formatNumber(l.counts.owed)}: đã duyệt ${formatNumber(l.counts.approved)}, đã nộp ${formatNumber(l.counts.submitted)}, nộp muộn ${formatNumber(l.counts.late)}, bị trả lại ${formatNumber(l.counts.returned)}, chưa nộp (quá hạn) ${formatNumber(l.counts.missing)}, chưa đến hạn ${formatNumber(l.counts['not-yet-due'])}`,
    table(
      ['Khối', 'Phải nộp', 'Đã duyệt', 'Đã nộp', 'Nộp muộn', 'Trả lại', 'Quá hạn', 'Chưa đến hạn'],
      l.byRoot.map((b) => [b.name, b.counts.owed, b.counts.approved, b.counts.submitted, b.counts.late, b.counts.returned, b.counts.missing, b.counts['not-yet-due']]),
    ),
    '',
    table(
      ['Hội', 'Cấp', 'Hạn nộp', 'Ngày nộp', 'Trạng thái'],
      l.rows.filter((r) => r.status !== 'approved').map((r) => [r.name, vi(scopeVi, r.scope), dateVi(r.dueOn), dateVi(r.submittedOn ?? ''), vi(statusVi, r.status)]),
    ),
  ].join('\n')

/** The reporting views on a terminal, with Vietnamese labels (they replace the earlier English ones). */
export const reportingRenderers: ReadonlyArray<readonly [string, Render]> = [
  [
    'rollup',
    as<P.ReportRollup>((r, input) =>
      [
        `Tổng hợp báo cáo ${periodVi(r.period)} — ${r.name}${asOfOf(input) === undefined ? '' : ` (đến ngày ${dateVi(asOfOf(input) ?? '')})`}`,
        `Đã nộp ${formatNumber(r.submitted)}/${formatNumber(r.expected)} (${formatNumber(r.completeness)} %), đã duyệt ${formatNumber(r.approved)}, nộp muộn ${formatNumber(r.late.length)}, bị trả lại ${formatNumber(r.returned)}, chưa nộp (quá hạn) ${formatNumber(r.missing.length)}, chưa đến hạn ${formatNumber(r.notYetDue.length)}`,
        '',
        indicatorTable(r.totals),
        '',
        table(
          ['Hội', 'Cấp', 'Trạng thái', 'Hạn nộp', 'Ngày nộp'],
          r.rows.map((x) => [x.name, vi(scopeVi, x.scope), vi(statusVi, x.status), dateVi(x.dueOn), dateVi(x.report?.submittedOn ?? '')]),
        ),
      ].join('\n'),
    ),
  ],
  [
    'reports',
    as<P.ReportRow[]>((rows) =>
      table(
        ['Hội', 'Kỳ', 'Trạng thái', 'Ngày nộp', 'Hạn nộp', 'Nộp muộn'],
        rows.map((r) => [r.associationName, periodVi(r.period), vi(statusVi, r.status), dateVi(r.submittedOn), dateVi(r.dueOn), r.late ? 'muộn' : '']),
      ),
    ),
  ],
  [
    'completeness',
    as<P.Completeness>((c) =>
      [list(c, `Tình hình nộp báo cáo ${periodVi(c.period)} (đến ngày ${dateVi(c.asOf)})`), completenessAreaVi(c, dateVi), '', list(c.annual, `Báo cáo năm ${c.annual.period} bắt buộc (R19)`)].join(
        '\n',
      ),
    ),
  ],
  ['targets', as<P.TargetProgress[]>((ts, input) => ts.map((t) => targetVi(t, asOfOf(input) ?? input.today)).join('\n\n') || 'không có chỉ tiêu')],
  ['target', as<P.TargetProgress>((t, input) => targetVi(t, asOfOf(input) ?? input.today))],
]
