import { UsageError } from '../cli/args.js'
import { writeFile } from 'node:fs/promises'
import { toCsv } from './csv.js'
import { toXlsx } from './xlsx.js'
import { exportFormats, type ExportFormat, type ExportTable } from './table.js'

export const isExportFormat = (s: string): s is ExportFormat => (exportFormats as ReadonlyArray<string>).includes(s)

/** The file's bytes in the format asked. */
export const render = async (format: ExportFormat, tables: ReadonlyArray<ExportTable>): Promise<Buffer> => (format === 'csv' ? Buffer.from(toCsv(tables), 'utf8') : toXlsx(tables))

export const writeExport = async (file: string, format: ExportFormat, tables: ReadonlyArray<ExportTable>): Promise<number> => {
  const bytes = await render(format, tables)
  await writeFile(file, bytes)
  return bytes.length
}

/** `--format csv|xlsx --out FILE` taken off a command line; the rest goes to the view's own parser. */
export const exportFlags = (argv: ReadonlyArray<string>): { rest: string[]; format: ExportFormat | undefined; file: string } => {
  const rest: string[] = []
  let format: string | undefined
  let file: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined]
    if (flag === '--format' || flag === '--out') {
      const v = inline ?? argv[++i]
      if (v === undefined) throw new UsageError(`${flag} needs a value`)
      if (flag === '--format') format = v
      else file = v
    } else rest.push(a)
  }
  if (format === undefined) {
    if (file !== undefined) throw new UsageError('--out needs --format csv|xlsx')
    return { rest, format: undefined, file: '' }
  }
  if (!isExportFormat(format)) throw new UsageError('--format must be csv or xlsx')
  if (file === undefined) throw new UsageError('--format needs --out FILE')
  return { rest, format, file }
}
