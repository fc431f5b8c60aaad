import type { Cell, ExportTable } from './table.js'

/** Excel reads a UTF-8 file as UTF-8 only with this mark; without it Vietnamese comes out garbled. */
export const BOM = '\uFEFF'

// a cell starting with these is run as a formula by spreadsheet programs (CSV injection)
const FORMULA = /^[=+\-@\t\r]/u

const cell = (c: Cell): string => {
  if (c === undefined) return ''
  if (typeof c === 'number') return Number.isFinite(c) ? String(c) : ''
  if (typeof c === 'boolean') return c ? 'có' : 'không'
  const s = FORMULA.test(c) ? `'${c}` : c
  return /[",\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s
}

/**
 * CSV (RFC 4180, CRLF) with a byte-order mark. Several tables follow one another, each under its
 * title and separated by an empty line.
 */
export const toCsv = (tables: ReadonlyArray<ExportTable>): string => {
  const parts = tables.map((t) => {
    const lines = [t.columns.map((c) => cell(c.header)).join(','), ...t.rows.map((r) => t.columns.map((_, i) => cell(r[i])).join(','))]
    return (tables.length > 1 ? [cell(t.title ?? t.name), ...lines] : lines).join('\r\n')
  })
  return BOM + parts.join('\r\n\r\n') + '\r\n'
}
