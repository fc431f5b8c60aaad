import type { Completeness, CompletenessList, IndicatorValue, ReportRollup, ReportRow, TargetProgress } from '@hoi/projections'
import { aggregationVi, kindVi, periodVi, scopeVi, statusVi, targetStatusVi, vi } from './labels.js'
import { col, type Cell, type ExportTable } from './table.js'

const indicatorColumns = [col('Mã chỉ tiêu', 'text', 28), col('Chỉ tiêu', 'text', 44), col('Đơn vị tính', 'text', 12), col('Cách tổng hợp', 'text', 22), col('Giá trị', 'decimal', 22)]
const indicatorRow = (x: IndicatorValue): Cell[] => [x.code, x.vi, x.unit, vi(aggregationVi, x.aggregation), x.value]

export const rollupTables = (r: ReportRollup): ExportTable[] => [
  {
    name: 'Tổng hợp',
    title: `Tổng hợp báo cáo ${periodVi(r.period)} — ${r.name}${r.asOf.startsWith('9999') ? '' : ` (đến ngày ${r.asOf})`}`,
    columns: indicatorColumns,
    rows: r.totals.map(indicatorRow),
  },
  {
    name: 'Đơn vị',
    title: 'Tình hình nộp báo cáo',
    columns: [
      col('Mã hội'),
      col('Tên hội', 'text', 50),
      col('Cấp'),
      col('Trạng thái', 'text', 20),
      col('Hạn nộp', 'date', 12),
      col('Ngày nộp', 'date', 12),
      col('Ngày duyệt', 'date', 12),
      col('Nộp muộn'),
      col('Kỳ được tính', 'text', 20),
    ],
    rows: r.rows.map((x) => [
      x.associationId,
      x.name,
      vi(scopeVi, x.scope),
      vi(statusVi, x.status),
      x.dueOn,
      x.report?.submittedOn,
      x.report?.approvedOn,
      x.report?.late ?? false,
      x.sources.join(' '),
    ]),
  },
  {
    name: 'Cấp dưới',
    title: 'Số liệu theo đơn vị trực thuộc',
    columns: [col('Mã hội'), col('Tên hội', 'text', 50), col('Trạng thái', 'text', 20), ...indicatorColumns.slice(1)],
    rows: [
      ...r.own.map((x) => [r.associationId, `${r.name} (bản thân)`, vi(statusVi, r.rows.find((y) => y.associationId === r.associationId)?.status), ...indicatorRow(x).slice(1)]),
      ...r.children.flatMap((c) => c.totals.map((x) => [c.associationId, c.name, vi(statusVi, c.status), ...indicatorRow(x).slice(1)])),
    ],
  },
]

const completenessRows = (l: CompletenessList): Cell[][] =>
  l.rows.map((x) => [x.associationId, x.name, vi(kindVi, x.kind), vi(scopeVi, x.scope), x.rootId, x.template, x.dueOn, x.submittedOn, vi(statusVi, x.status), x.late])
const completenessColumns = [
  col('Mã hội'),
  col('Tên hội', 'text', 50),
  col('Loại hội', 'text', 18),
  col('Cấp'),
  col('Khối'),
  col('Mẫu báo cáo', 'text', 20),
  col('Hạn nộp', 'date', 12),
  col('Ngày nộp', 'date', 12),
  col('Trạng thái', 'text', 20),
  col('Nộp muộn'),
]
const countColumns = [
  col('Khối'),
  col('Tên', 'text', 50),
  col('Phải nộp', 'integer'),
  col('Đã duyệt', 'integer'),
  col('Đã nộp', 'integer'),
  col('Nộp muộn', 'integer'),
  col('Bị trả lại', 'integer'),
  col('Chưa nộp (quá hạn)', 'integer'),
  col('Chưa đến hạn', 'integer'),
]
const countRows = (l: CompletenessList): Cell[][] => [
  ['', 'Tổng cộng', l.counts.owed, l.counts.approved, l.counts.submitted, l.counts.late, l.counts.returned, l.counts.missing, l.counts['not-yet-due']],
  ...l.byRoot.map((b) => [b.rootId, b.name, b.counts.owed, b.counts.approved, b.counts.submitted, b.counts.late, b.counts.returned, b.counts.missing, b.counts['not-yet-due']]),
]

/** Which associations the completeness figures count: an area as the units of a date place it, or every area. */
export const completenessAreaVi = (c: Completeness, date: (iso: string) => string = (d) => d): string =>
  c.areaCode === undefined
    ? 'Địa bàn: tất cả (every area)'
    : `Địa bàn ${c.areaCode} theo đơn vị hành chính ngày ${date(c.geography)}, gồm cả địa bàn đã sáp nhập vào (area ${c.areaCode} as the administrative units in force on ${c.geography})`

export const completenessTables = (c: Completeness): ExportTable[] => [
  {
    name: 'Kỳ báo cáo',
    title: `Tình hình nộp báo cáo ${periodVi(c.period)} (đến ngày ${c.asOf}) — ${completenessAreaVi(c)}`,
    columns: completenessColumns,
    rows: completenessRows(c),
  },
  { name: 'Theo khối', title: 'Tổng hợp theo khối', columns: countColumns, rows: countRows(c) },
  { name: 'Báo cáo năm (R19)', title: `Báo cáo năm ${c.annual.period} bắt buộc (R19)`, columns: completenessColumns, rows: completenessRows(c.annual) },
  { name: 'Báo cáo năm - khối', title: `Báo cáo năm ${c.annual.period} theo khối`, columns: countColumns, rows: countRows(c.annual) },
]

/** The milestone's state as a sentence, the same in text and spreadsheets. */
export const milestoneVi = (ms: TargetProgress['milestones'][number], date: (iso: string) => string = (d) => d): string =>
  ms.met ? `đạt ngày ${date(ms.metOn ?? '')}` : ms.metOn !== undefined ? `đạt muộn, ngày ${date(ms.metOn)}` : ms.missed ? 'không đạt' : 'đang thực hiện'
export const milestoneEn = (ms: TargetProgress['milestones'][number], date: (iso: string) => string = (d) => d): string =>
  ms.met ? `met on ${date(ms.metOn ?? '')}` : ms.metOn !== undefined ? `met late, on ${date(ms.metOn)}` : ms.missed ? 'missed' : 'open'

export const targetTables = (list: ReadonlyArray<TargetProgress>): ExportTable[] => [
  {
    name: 'Chỉ tiêu',
    title: 'Tiến độ thực hiện chỉ tiêu',
    columns: [
      col('Mã chỉ tiêu'),
      col('Chỉ tiêu', 'text', 50),
      col('Đơn vị tính'),
      col('Cách tính', 'text', 18),
      col('Mục tiêu', 'decimal'),
      col('Hiện tại', 'decimal'),
      col('% hoàn thành', 'percent'),
      col('Hạn', 'date', 12),
      col('Trạng thái', 'text', 18),
      col('Ngày đạt', 'date', 12),
    ],
    rows: list.map((t) => [t.targetId, t.title, t.unit, vi(aggregationVi, t.aggregation), t.goal, t.current, t.percent, t.dueOn, vi(targetStatusVi, t.status), t.achievedOn]),
  },
  {
    name: 'Mốc',
    title: 'Các mốc',
    columns: [col('Mã chỉ tiêu'), col('Mốc', 'text', 50), col('Mục tiêu', 'decimal'), col('Hiện tại', 'decimal'), col('Hạn', 'date', 12), col('Kết quả', 'text', 30)],
    rows: list.flatMap((t) => t.milestones.map((ms) => [t.targetId, ms.label, ms.goal, ms.current, ms.dueOn, milestoneVi(ms)])),
  },
]

export const reportListTables = (rows: ReadonlyArray<ReportRow>): ExportTable[] => [
  {
    name: 'Báo cáo',
    title: 'Danh sách báo cáo',
    columns: [
      col('Mã hội'),
      col('Tên hội', 'text', 50),
      col('Kỳ'),
      col('Trạng thái', 'text', 18),
      col('Ngày nộp', 'date', 12),
      col('Hạn nộp', 'date', 12),
      col('Nộp muộn'),
      col('Số lần sửa', 'integer'),
    ],
    rows: rows.map((r) => [r.associationId, r.associationName, periodVi(r.period), vi(statusVi, r.status), r.submittedOn, r.dueOn, r.late, r.corrections]),
  },
  {
    name: 'Số liệu',
    title: 'Số liệu từng báo cáo',
    columns: [col('Mã hội'), col('Kỳ'), ...indicatorColumns],
    rows: rows.flatMap((r) => r.indicators.map((x) => [r.associationId, r.period, ...indicatorRow(x)])),
  },
]

const scalar = (v: unknown): Cell => (v === null || v === undefined ? undefined : typeof v === 'object' ? JSON.stringify(v) : (v as Cell))

/** Any other view: a list of objects as one table, columns from the fields of its rows (field names come from the view's type). */
export const genericTables = (name: string, result: unknown): ExportTable[] => {
  const rows: ReadonlyArray<unknown> = Array.isArray(result)
    ? result
    : typeof result === 'object' && result !== null && Array.isArray((result as { items?: unknown }).items)
      ? (result as { items: unknown[] }).items
      : [result]
  const fields = [...new Set(rows.flatMap((r) => (typeof r === 'object' && r !== null ? Object.keys(r) : [])))]
  return [
    {
      name,
      columns: fields.map((f) => col(f, rows.every((r) => typeof (r as Record<string, unknown>)[f] !== 'string' && typeof (r as Record<string, unknown>)[f] === 'number') ? 'decimal' : 'text')),
      rows: rows.map((r) => fields.map((f) => scalar(Object.prototype.hasOwnProperty.call(r, f) ? (r as Record<string, unknown>)[f] : undefined))),
    },
  ]
}

/** The tables of a view's answer, by view name (API and CLI names). */
export const tablesOf = (view: string, result: unknown): ExportTable[] => {
  const items = (x: unknown) => (typeof x === 'object' && x !== null && Array.isArray((x as { items?: unknown }).items) ? (x as { items: unknown[] }).items : x)
  switch (view) {
    case 'rollup':
      return rollupTables(result as ReportRollup)
    case 'completeness':
      return completenessTables(result as Completeness)
    case 'targets':
      return targetTables(items(result) as TargetProgress[])
    case 'target':
      return targetTables([result as TargetProgress])
    case 'reports':
      return Array.isArray(items(result)) ? reportListTables(items(result) as ReportRow[]) : rollupTables(result as ReportRollup)
    default:
      return genericTables(view, result)
  }
}
