import type { Random } from './random.js'

// Family names common in Lai Châu: Kinh, Thái, H'Mông, Dao, Giáy, Lự, Hà Nhì.
const familyNames = [
  'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Hà',
  'Lò', 'Tòng', 'Lường', 'Quàng', 'Điêu', 'Cầm', 'Giàng', 'Vàng', 'Sùng', 'Thào', 'Mùa', 'Lầu', 'Tẩn', 'Chảo', 'Phàn', 'Lù', 'Chu', 'Pờ',
]
const maleMiddle = ['Văn', 'Đức', 'Minh', 'Hữu', 'Quang', 'Công', 'Xuân', 'A', 'Seo', 'Văn', 'Văn']
const femaleMiddle = ['Thị', 'Thị', 'Thị', 'Thu', 'Ngọc', 'Thanh', 'Thị Minh', 'Mỹ', 'Thị Hồng']
const maleGiven = [
  'An', 'Bình', 'Cường', 'Dũng', 'Đông', 'Hải', 'Hùng', 'Khánh', 'Long', 'Mạnh', 'Nam', 'Phong', 'Quân', 'Sơn', 'Thắng',
  'Thành', 'Tiến', 'Toàn', 'Trung', 'Tuấn', 'Việt', 'Vinh', 'Chứ', 'Pao', 'Sính', 'Páo', 'Lử', 'Chung', 'Đoàn', 'Lợi',
]
const femaleGiven = [
  'Anh', 'Bích', 'Chi', 'Dung', 'Duyên', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hiền', 'Hoa', 'Hương', 'Lan', 'Liên', 'Loan',
  'Mai', 'Nga', 'Ngọc', 'Nhung', 'Oanh', 'Phương', 'Quyên', 'Sen', 'Thảo', 'Thoa', 'Thủy', 'Trang', 'Vân', 'Xuân', 'Yến', 'Dợ', 'Mỷ',
]

export const personName = (r: Random, gender: 'female' | 'male'): string =>
  gender === 'female'
    ? `${r.pick(familyNames)} ${r.pick(femaleMiddle)} ${r.pick(femaleGiven)}`
    : `${r.pick(familyNames)} ${r.pick(maleMiddle)} ${r.pick(maleGiven)}`
