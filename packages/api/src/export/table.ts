/**
 * A table to export: Vietnamese column headers, a number format per column, and rows as arrays
 * in column order (so no value from the data ever becomes a key).
 */
export type CellFormat = 'text' | 'integer' | 'decimal' | 'percent' | 'date'
export type Column = { readonly header: string; readonly format: CellFormat; readonly width?: number }
export type Cell = string | number | boolean | undefined
export type ExportTable = {
  /** The sheet name (≤ 31 characters, no []:*?/\). */
  readonly name: string
  readonly title?: string
  readonly columns: ReadonlyArray<Column>
  readonly rows: ReadonlyArray<ReadonlyArray<Cell>>
}

export const col = (header: string, format: CellFormat = 'text', width?: number): Column => (width === undefined ? { header, format } : { header, format, width })

export const exportFormats = ['csv', 'xlsx'] as const
export type ExportFormat = (typeof exportFormats)[number]
export const mediaTypes: Readonly<Record<ExportFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

/** The export format an Accept header asks for, if any (JSON stays the default). */
export const formatAccepted = (accept: string | undefined): ExportFormat | undefined => {
  if (accept === undefined) return undefined
  const types = accept.split(',').map((x) => x.split(';')[0]!.trim().toLowerCase())
  if (types.includes('text/csv')) return 'csv'
  if (types.includes(mediaTypes.xlsx)) return 'xlsx'
  return undefined
}
