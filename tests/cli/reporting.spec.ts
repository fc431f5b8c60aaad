import { readFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { hoi } from '../support/cli.js'
import { demoDatabase } from '../support/demo.js'

// The reporting workflow of the demo, read back through the CLI: seed 001 (2023 Q3) and seed 000 (Congress III targets).
let store = ''
const query = (...args: string[]) => {
  const r = hoi(['query', ...args, '--store', store, '--json'])
  expect(r.stderr).toBe('')
  expect(r.code).toBe(0)
  return JSON.parse(r.stdout)
}
const history = (stream: string) =>
  hoi(['history', stream, '--store', store, '--json'])
    .stdout.trim()
    .split('\n')
    .map((l) => JSON.parse(l))

beforeAll(async () => {
  store = await demoDatabase()
}, 1_800_000)

describe('the 2023 Q3 report of the Front (seed 001) through the workflow', { timeout: 180_000 }, () => {
  it('R32: every body’s report is approved before the Front’s, the veterans’ after their bloc’s; the Farmers’ Union was returned, corrected, approved and late (R35)', () => {
    const list = query('reports', '--period', '2023Q3') as Array<{ associationId: string; status: string; approvedOn?: string; late: boolean; corrections: number }>
    const approvedOn = new Map(list.map((r) => [r.associationId, r.approvedOn]))
    expect(list.every((r) => r.status === 'approved')).toBe(true)
    const front = history('report-lc-mttq-2023Q3').find((e) => e.type === 'ReportApproved')
    expect(front.data.childAssociationIds).toEqual(['lc-lhpn', 'lc-hnd', 'lc-td', 'lc-ldld', 'lc-ccb'])
    for (const id of front.data.childAssociationIds) expect(approvedOn.get(id)! <= front.data.approvedOn).toBe(true)
    expect(approvedOn.get('lc-ccb-khoi')! <= approvedOn.get('lc-ccb')!).toBe(true)
    expect(list.find((r) => r.associationId === 'lc-hnd')).toMatchObject({ late: true, corrections: 1 })
    expect(history('report-lc-hnd-2023Q3').map((e) => e.type)).toEqual(['ReportSubmitted', 'ReportReturned', 'ReportCorrected', 'ReportApproved'])
  })
  it('as of 2023-10-21 the returned report does not count in the roll-up; after its correction it does', () => {
    const during = query('reports', 'lc-mttq', '2023Q3', '--as-of', '2023-10-21')
    expect(new Map(during.totals.map((x: { code: string; value: number }) => [x.code, x.value])).get('new-members')).toBe(1_960 - 390)
    expect(during).toMatchObject({ expected: 7, submitted: 7, returned: 1 })
  })
  it('R19/R35: completeness of Q3 on 2023-10-10 says who is not yet due; the annual report is its own list', () => {
    const c = query('completeness', '2023Q3', '--as-of', '2023-10-10')
    expect(c.counts).toMatchObject({ owed: 7, submitted: 2, 'not-yet-due': 5, missing: 0 })
    const annual = query('completeness', '2023Q3', '--as-of', '2023-12-05').annual
    // without an area filter: the demo's 179 Lai Châu associations, Bắc Kạn's 13 and Hội NCT Việt Nam owe one
    expect(annual.counts).toMatchObject({ owed: 179 + 13 + 1, submitted: 8, missing: 171 + 13 + 1 })
  })
  it('R19, R30: completeness of Lai Châu alone (--area-code 12) counts its 179, in the units of 2023 and in those of today', () => {
    for (const geography of ['2023-12-05', 'today']) {
      const annual = query('completeness', '2023Q3', '--as-of', '2023-12-05', '--area-code', '12', '--geography', geography).annual
      expect(annual.counts).toMatchObject({ owed: 179, submitted: 8, missing: 171 })
      expect(annual.rows.every((r: { associationId: string }) => r.associationId.startsWith('lc-'))).toBe(true)
    }
    // Hội NCT tỉnh sits under Hội NCT Việt Nam: its tree counts under the national root
    const c = query('completeness', '2023Q3', '--as-of', '2023-12-05', '--area-code', '12')
    expect(c.annual.byRoot.map((b: { rootId: string }) => b.rootId)).toContain('vn-nct')
    expect(c.annual.rows.find((r: { associationId: string }) => r.associationId === 'lc-nct').rootId).toBe('vn-nct')
  })
  it('the text output is in Vietnamese', () => {
    const r = hoi(['query', 'reports', 'lc-mttq', '2023Q3', '--store', store])
    expect(r.stdout).toContain('Tổng hợp báo cáo Quý III/2023')
    expect(r.stdout).toMatch(/Buổi tuyên truyền\s+buổi\s+558/u)
    expect(r.stdout).toContain('Đã duyệt')
  })
})

describe('the five targets of the Congress III resolution of Hội NCT tỉnh (seed 000)', { timeout: 180_000 }, () => {
  it('all five are set, three of them percentages over a population or unit base', () => {
    const list = query('targets', '--owner-association-id', 'lc-nct', '--as-of', '2026-12-02')
    expect(list.map((t: { targetId: string }) => t.targetId)).toEqual(['lc-ishc-72', 'lc-nct-members-5000', 'lc-nct-membership-95', 'lc-nct-longevity-100', 'lc-nct-strong-80'])
    const byId = new Map(list.map((t: { targetId: string }) => [t.targetId, t]))
    expect(byId.get('lc-nct-membership-95')).toMatchObject({ aggregation: 'ratio', unit: '%', status: 'achieved', achievedOn: '2025-11-25' })
    expect(byId.get('lc-nct-longevity-100')).toMatchObject({ status: 'achieved', current: 100 })
    expect(byId.get('lc-nct-strong-80')).toMatchObject({ status: 'achieved-late' })
    expect(byId.get('lc-ishc-72')).toMatchObject({ status: 'missed', current: 68 })
  })
  it('before the due date the same targets are still in progress', () => {
    const list = query('targets', '--owner-association-id', 'lc-nct', '--as-of', '2024-12-31')
    expect(list.find((t: { targetId: string }) => t.targetId === 'lc-nct-strong-80').status).not.toMatch(/achieved|missed/u)
  })
  it('the text output names achieved late with its date', () => {
    const r = hoi(['query', 'targets', '--owner-association-id', 'lc-nct', '--as-of', '2026-12-02', '--store', store])
    expect(r.stdout).toMatch(/80% cơ sở Hội đạt vững mạnh[\s\S]*Đạt muộn \(achieved-late\), đạt ngày 2\d\/11\/2026/u)
  })
})

describe('export: hoi query VIEW --format csv|xlsx --out FILE', { timeout: 180_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'hoi-export-'))
  it('CSV is UTF-8 with a BOM and Vietnamese headers', () => {
    const file = join(dir, 'rollup.csv')
    const r = hoi(['query', 'reports', 'lc-mttq', '2023Q3', '--store', store, '--format', 'csv', '--out', file])
    expect(r.code).toBe(0)
    const bytes = readFileSync(file)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.toString('utf8')
    expect(text).toContain('Mã chỉ tiêu,Chỉ tiêu,Đơn vị tính,Cách tổng hợp,Giá trị\r\n')
    expect(text).toContain('propaganda-sessions,Buổi tuyên truyền,buổi,Phát sinh (cộng dồn),558\r\n')
  })
  it('XLSX has one sheet per table, Vietnamese headers, numbers as numbers with a format', async () => {
    const file = join(dir, 'completeness.xlsx')
    expect(hoi(['query', 'completeness', '2023Q3', '--as-of', '2023-12-05', '--store', store, '--format', 'xlsx', '--out', file]).code).toBe(0)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(file)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Kỳ báo cáo', 'Theo khối', 'Báo cáo năm (R19)', 'Báo cáo năm - khối'])
    const sheet = wb.getWorksheet('Kỳ báo cáo')!
    expect(sheet.getRow(1).values).toEqual([undefined, 'Mã hội', 'Tên hội', 'Loại hội', 'Cấp', 'Khối', 'Mẫu báo cáo', 'Hạn nộp', 'Ngày nộp', 'Trạng thái', 'Nộp muộn'])
    expect(sheet.getCell('B2').value).toBe('Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Lai Châu')
    expect(sheet.getCell('I2').value).toBe('Đã duyệt')
    const counts = wb.getWorksheet('Báo cáo năm - khối')!
    expect(counts.getCell('B2').value).toBe('Tổng cộng')
    expect(counts.getCell('C2').value).toBe(179 + 13 + 1) // Lai Châu, Bắc Kạn and the national Hội NCT (no area filter)
    expect(counts.getCell('C2').numFmt).toBe('#,##0')
    const lc = join(dir, 'completeness-12.xlsx')
    expect(hoi(['query', 'completeness', '2023Q3', '--as-of', '2023-12-05', '--area-code', '12', '--store', store, '--format', 'xlsx', '--out', lc]).code).toBe(0)
    const area = new ExcelJS.Workbook()
    await area.xlsx.readFile(lc)
    expect(area.getWorksheet('Báo cáo năm - khối')!.getCell('C2').value).toBe(179) // the area filter's selection only
  })
  it('the roll-up workbook carries the loan balance as a number with thousands', async () => {
    const file = join(dir, 'rollup.xlsx')
    expect(hoi(['query', 'reports', 'lc-mttq', '2023Q3', '--store', store, '--format', 'xlsx', '--out', file]).code).toBe(0)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(file)
    const sheet = wb.getWorksheet('Tổng hợp')!
    const row = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === 'entrusted-loan-balance-vnd')!
    expect(row.getCell(2).value).toBe('Dư nợ vốn ủy thác')
    expect(row.getCell(5).value).toBe(2_980_000_000_000)
    expect(row.getCell(5).numFmt).toBe('#,##0')
  })
  it('refuses an unknown format', () => {
    const r = hoi(['query', 'completeness', '2023Q3', '--store', store, '--format', 'pdf', '--out', join(dir, 'x.pdf')])
    expect(r.code).toBe(64)
    expect(r.stderr).toContain('--format must be csv or xlsx')
  })
})
