import type { IndicatorValue, ReportRollup } from '@hoi/projections'
import { periodVi, scopeVi, statusVi, vi } from '../export/labels.js'

const esc = (s: string): string => s.replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`)
const num = (n: number): string => (Number.isInteger(n) ? n.toLocaleString('de-DE') : n.toLocaleString('de-DE', { maximumFractionDigits: 1 }))
const value = (x: IndicatorValue): string => (x.aggregation === 'ratio' ? `${num(x.value)} %` : num(x.value))

const indicatorTable = (xs: ReadonlyArray<IndicatorValue>): string =>
  xs.length === 0
    ? '<p class="empty">Không có số liệu.</p>'
    : `<table class="figures"><thead><tr><th>Chỉ tiêu</th><th>Đơn vị tính</th><th class="n">Số liệu</th></tr></thead><tbody>${xs
        .map((x) => `<tr><td>${esc(x.vi)}</td><td>${esc(x.unit)}</td><td class="n">${esc(value(x))}</td></tr>`)
        .join('')}</tbody></table>`

/** The period roll-up of an association with its children, as a page meant for paper (A4). */
export const printPage = (r: ReportRollup): string => {
  const title = `Báo cáo tổng hợp ${periodVi(r.period)}`
  const status = (id: string) => vi(statusVi, r.rows.find((x) => x.associationId === id)?.status)
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${esc(title)} — ${esc(r.name)}</title>
<link rel="stylesheet" href="/assets/report-print.css"></head>
<body>
<header><p class="org">${esc(r.name)}</p><h1>${esc(title.toUpperCase())}</h1>
<p class="meta">Số liệu đến ngày ${esc(r.asOf.startsWith('9999') ? 'hiện tại' : r.asOf)} · Đã nộp ${r.submitted}/${r.expected} (${num(r.completeness)} %), đã duyệt ${r.approved}, nộp muộn ${r.late.length}</p></header>
<section class="total"><h2>I. Tổng hợp toàn hệ thống</h2>${indicatorTable(r.totals)}</section>
<section class="status"><h2>II. Tình hình nộp báo cáo</h2>
<table><thead><tr><th>Hội</th><th>Cấp</th><th>Trạng thái</th><th>Hạn nộp</th><th>Ngày nộp</th></tr></thead><tbody>${r.rows
    .map((x) => `<tr><td>${esc(x.name)}</td><td>${esc(vi(scopeVi, x.scope))}</td><td>${esc(vi(statusVi, x.status))}</td><td>${esc(x.dueOn)}</td><td>${esc(x.report?.submittedOn ?? '')}</td></tr>`)
    .join('')}</tbody></table></section>
<section class="own"><h2>III. Số liệu của ${esc(r.name)}</h2><p class="state">Trạng thái: ${esc(status(r.associationId))}</p>${indicatorTable(r.own)}</section>
${r.children
  .map(
    (c, i) =>
      `<section class="child"><h2>${i === 0 ? 'IV. Số liệu các đơn vị trực thuộc — ' : ''}${i + 1}. ${esc(c.name)}</h2><p class="state">Trạng thái: ${esc(vi(statusVi, c.status))}</p>${indicatorTable(c.totals)}</section>`,
  )
  .join('\n')}
<footer><p>Báo cáo lập từ sổ ghi chép sự kiện; báo cáo bị trả lại không được tính.</p></footer>
</body></html>`
}

export const printStyle = `
body { font-family: "Times New Roman", "DejaVu Serif", serif; font-size: 13pt; color: #000; margin: 2em; }
header { text-align: center; margin-bottom: 1.5em; }
.org { font-weight: bold; text-transform: uppercase; margin: 0; }
h1 { font-size: 16pt; margin: 0.5em 0; }
h2 { font-size: 13pt; margin: 1.2em 0 0.4em; }
.meta, .state { font-style: italic; margin: 0.2em 0; }
table { width: 100%; border-collapse: collapse; margin-bottom: 0.5em; }
th, td { border: 1px solid #000; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #eee; }
td.n, th.n { text-align: right; white-space: nowrap; }
footer { margin-top: 2em; font-size: 10pt; color: #333; }
@page { size: A4 portrait; margin: 18mm 15mm; }
@media print {
  body { margin: 0; font-size: 11pt; }
  th { background: #eee; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  thead { display: table-header-group; }
  tr, section.own, section.child { break-inside: avoid; }
  section.status { break-before: page; }
  a { color: inherit; text-decoration: none; }
}
`
