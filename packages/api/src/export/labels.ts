/** Vietnamese labels of the codes views return, for text and spreadsheets. */
const map = (entries: ReadonlyArray<readonly [string, string]>): ReadonlyMap<string, string> => new Map(entries)

export const statusVi = map([
  ['approved', 'Đã duyệt'],
  ['submitted', 'Đã nộp'],
  ['late', 'Nộp muộn'],
  ['returned', 'Bị trả lại'],
  ['missing', 'Chưa nộp (quá hạn)'],
  ['not-yet-due', 'Chưa đến hạn'],
])
export const targetStatusVi = map([
  ['achieved', 'Đã đạt'],
  ['achieved-late', 'Đạt muộn'],
  ['missed', 'Không đạt'],
  ['on-track', 'Đúng tiến độ'],
  ['at-risk', 'Có nguy cơ chậm'],
  ['behind', 'Chậm tiến độ'],
  ['withdrawn', 'Đã hủy bỏ'],
])
export const aggregationVi = map([
  ['flow', 'Phát sinh (cộng dồn)'],
  ['stock', 'Thời điểm (số cuối kỳ)'],
  ['ratio', 'Tỷ lệ (tính toán)'],
  ['count', 'Đếm'],
])
export const scopeVi = map([
  ['national', 'Trung ương'],
  ['province', 'Tỉnh'],
  ['district', 'Huyện'],
  ['commune', 'Xã'],
])
export const kindVi = map([
  ['elderly', 'Người cao tuổi'],
  ['veterans', 'Cựu chiến binh'],
  ['women', 'Phụ nữ'],
  ['farmers', 'Nông dân'],
  ['youth', 'Thanh niên'],
  ['trade-union', 'Công đoàn'],
  ['fatherland-front', 'Mặt trận Tổ quốc'],
  ['red-cross', 'Chữ thập đỏ'],
  ['study-promotion', 'Khuyến học'],
  ['other', 'Khác'],
])

export const associationStatusVi = map([
  ['active', 'Đang hoạt động'],
  ['suspended', 'Tạm đình chỉ'],
  ['dissolved', 'Đã giải thể'],
])
export const clubStatusVi = map([
  ['active', 'Đang hoạt động'],
  ['closed', 'Đã giải thể'],
  ['concluded', 'Đã kết thúc'],
])
export const categoryVi = map([
  ['official', 'Chính thức'],
  ['associate', 'Liên kết'],
  ['honorary', 'Danh dự'],
])
export const genderVi = map([
  ['male', 'Nam'],
  ['female', 'Nữ'],
  ['other', 'Khác'],
])
export const conferenceKindVi = map([
  ['review', 'Sơ kết, tổng kết'],
  ['training', 'Tập huấn'],
  ['deployment', 'Triển khai'],
])
export const foundingStageVi = map([
  ['committee-recognised', 'Đã công nhận ban vận động'],
  ['permitted', 'Đã cho phép thành lập'],
  ['lapsed', 'Giấy phép hết hiệu lực'],
])
export const stageVi = map([
  ['term-ended', 'Hết nhiệm kỳ'],
  ['authority-request-due', 'Đến hạn cơ quan yêu cầu'],
  ['dissolution-review', 'Xem xét giải thể'],
])

export const vi = (labels: ReadonlyMap<string, string>, code: string | undefined): string => (code === undefined ? '' : (labels.get(code) ?? code))

/** `2023Q3` → `Quý III/2023`, and so on for every period type. */
export const periodVi = (p: string): string => {
  const y = p.slice(0, 4)
  const roman = ['I', 'II', 'III', 'IV']
  if (p.length === 4) return `Năm ${y}`
  if (p[4] === 'Q') return `Quý ${roman[Number(p[5]) - 1]}/${y}`
  if (p[4] === 'S') return `${p[5] === '1' ? '6 tháng đầu năm' : '6 tháng cuối năm'} ${y}`
  if (p[4] === 'N') return `9 tháng năm ${y}`
  if (p[4] === 'K') return `Nhiệm kỳ ${p.slice(0, 4)}–${p.slice(5)}`
  return `Tháng ${Number(p.slice(5))}/${y}`
}
