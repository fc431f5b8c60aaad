import type { CellFormat, ExportTable } from './table.js'

const numFmt: Readonly<Record<CellFormat, string | undefined>> = {
  text: undefined,
  date: undefined,
  integer: '#,##0',
  decimal: '#,##0.0',
  percent: '0.0" %"',
}

const sheetName = (name: string, taken: Set<string>): string => {
  const base = name.replace(/[[\]:*?/\\]/gu, ' ').slice(0, 31) || 'Sheet'
  let n = base
  for (let i = 2; taken.has(n.toLowerCase()); i++) n = `${base.slice(0, 28)} ${i}`
  taken.add(n.toLowerCase())
  return n
}

/** An XLSX workbook, one sheet per table: bold frozen header, number formats per column. */
export const toXlsx = async (tables: ReadonlyArray<ExportTable>): Promise<Buffer> => {
  // exceljs takes about a second to load: only an XLSX export pays for it, not every start of hoi
  const { default: ExcelJS } = await import('exceljs')
  const wb = new ExcelJS.Workbook()
  wb.creator = 'hoi'
  const taken = new Set<string>()
  for (const t of tables) {
    const ws = wb.addWorksheet(sheetName(t.name, taken), { views: [{ state: 'frozen', ySplit: 1 }] })
    ws.columns = t.columns.map((c) => ({
      header: c.header,
      width: c.width ?? Math.min(60, Math.max(10, c.header.length + 2)),
      ...(numFmt[c.format] === undefined ? {} : { style: { numFmt: numFmt[c.format]! } }),
    }))
    ws.getRow(1).font = { bold: true }
    for (const r of t.rows) {
      const row = ws.addRow(t.columns.map((_, i) => (typeof r[i] === 'boolean' ? (r[i] ? 'có' : 'không') : (r[i] ?? null))))
      // a decimal column shows whole numbers (counts, VND) without a decimal place
      t.columns.forEach((c, i) => {
        const v = r[i]
        if (c.format === 'decimal' && typeof v === 'number' && Number.isInteger(v)) row.getCell(i + 1).numFmt = numFmt.integer!
      })
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}
