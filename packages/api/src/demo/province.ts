/**
 * The demo province: Lai Châu (area code 12) as the source articles describe it in 2020 —
 * 179 mass associations (24 province, 56 district, 99 commune), 18 special (10 + 8), 11 founded
 * in 2020 (1 district, 10 commune) — plus the socio-political bodies of the 2023 Q3 article.
 */
import type { AssociationKind } from '@hoi/domain'
import { NATIONAL_NCT } from './national.js'

export const PROVINCE = { code: '12', name: 'Lai Châu' }

export const districts: ReadonlyArray<{ code: string; name: string; since: number; communes: ReadonlyArray<string> }> = [
  { code: '12.105', name: 'Thành phố Lai Châu', since: 2004, communes: ['Tân Phong', 'Đoàn Kết', 'Quyết Thắng', 'Quyết Tiến', 'Đông Phong', 'San Thàng', 'Nậm Loỏng'] },
  { code: '12.106', name: 'Tam Đường', since: 2004, communes: ['Bình Lư', 'Bản Bo', 'Nà Tăm', 'Sơn Bình', 'Khun Há', 'Hồ Thầu', 'Giang Ma', 'Bản Giang', 'Bản Hon', 'Nùng Nàng'] },
  { code: '12.107', name: 'Mường Tè', since: 2004, communes: ['Bum Nưa', 'Bum Tở', 'Ka Lăng', 'Mù Cả', 'Pa Ủ', 'Pa Vệ Sử', 'Tà Tổng', 'Thu Lũm', 'Kan Hồ'] },
  { code: '12.108', name: 'Sìn Hồ', since: 2004, communes: ['Pa Tần', 'Nậm Tăm', 'Chăn Nưa', 'Tả Ngảo', 'Làng Mô', 'Phăng Sô Lin', 'Noong Hẻo', 'Nậm Cha', 'Căn Co', 'Tả Phìn'] },
  { code: '12.109', name: 'Phong Thổ', since: 2004, communes: ['Dào San', 'Mường So', 'Khổng Lào', 'Sin Suối Hồ', 'Lản Nhì Thàng', 'Mồ Sì San', 'Ma Li Pho', 'Hoang Thèn', 'Bản Lang', 'Nậm Xe'] },
  { code: '12.110', name: 'Than Uyên', since: 2004, communes: ['Mường Kim', 'Mường Cang', 'Mường Than', 'Phúc Than', 'Tà Hừa', 'Tà Mung', 'Ta Gia', 'Khoen On', 'Hua Nà'] },
  { code: '12.111', name: 'Tân Uyên', since: 2009, communes: ['Mường Khoa', 'Phúc Khoa', 'Thân Thuộc', 'Trung Đồng', 'Hố Mít', 'Nậm Cần', 'Nậm Sỏ', 'Pắc Ta', 'Tà Mít'] },
  { code: '12.112', name: 'Nậm Nhùn', since: 2013, communes: ['Mường Mô', 'Nậm Hàng', 'Nậm Manh', 'Hua Bum', 'Lê Lợi', 'Nậm Ban', 'Nậm Pì', 'Pú Đao', 'Trung Chải'] },
]

export type AssociationSpec = {
  readonly id: string
  readonly name: string
  readonly kind: AssociationKind
  readonly scope: 'province' | 'district' | 'commune'
  readonly areaCode: string
  readonly parentId?: string
  readonly special: boolean
  /** the year it was founded; 2020 for the eleven of the article */
  readonly foundedIn?: number
  /** relative weight of its membership in the province total */
  readonly weight: number
}

const provinceLevel: ReadonlyArray<[string, string, AssociationKind, boolean, number]> = [
  ['nct', 'Hội Người cao tuổi', 'elderly', true, 6],
  ['ctd', 'Hội Chữ thập đỏ', 'red-cross', true, 4],
  ['kh', 'Hội Khuyến học', 'study-promotion', true, 4],
  ['lg', 'Hội Luật gia', 'other', true, 1],
  ['nb', 'Hội Nhà báo', 'other', true, 0.5],
  ['vhnt', 'Hội Văn học nghệ thuật', 'other', true, 0.5],
  ['dy', 'Hội Đông y', 'other', true, 1],
  ['nm', 'Hội Người mù', 'other', true, 1],
  ['dc', 'Hội Nạn nhân chất độc da cam/dioxin', 'other', true, 1.5],
  ['lhkh', 'Liên hiệp các Hội Khoa học và Kỹ thuật', 'other', true, 0.5],
  ['tnxp', 'Hội Cựu thanh niên xung phong', 'other', false, 1],
  ['lv', 'Hội Làm vườn', 'other', false, 1],
  ['btnkt', 'Hội Bảo trợ người khuyết tật và trẻ mồ côi', 'other', false, 0.5],
  ['hhdn', 'Hiệp hội Doanh nghiệp', 'other', false, 0.4],
  ['svc', 'Hội Sinh vật cảnh', 'other', false, 0.4],
  ['cgc', 'Hội Cựu giáo chức', 'other', false, 1],
  ['yh', 'Hội Y học', 'other', false, 0.5],
  ['ddg', 'Hội Điều dưỡng', 'other', false, 0.5],
  ['khhgd', 'Hội Kế hoạch hóa gia đình', 'other', false, 0.8],
  ['cca', 'Hội Cựu Công an nhân dân', 'other', false, 0.6],
  ['lhhn', 'Liên hiệp các tổ chức hữu nghị', 'other', false, 0.3],
  ['ttt', 'Hội Thầy thuốc trẻ', 'other', false, 0.3],
  ['dnt', 'Hội Doanh nhân trẻ', 'other', false, 0.3],
  ['bvntd', 'Hội Bảo vệ quyền lợi người tiêu dùng', 'other', false, 0.3],
]

/** Kinds present in every district; the Red Cross district chapters are the 8 special district associations. */
const districtLevel: ReadonlyArray<[string, string, AssociationKind, boolean, number]> = [
  ['nct', 'Hội Người cao tuổi', 'elderly', false, 3],
  ['ctd', 'Hội Chữ thập đỏ', 'red-cross', true, 2],
  ['kh', 'Hội Khuyến học', 'study-promotion', false, 2],
  ['tnxp', 'Hội Cựu thanh niên xung phong', 'other', false, 0.8],
  ['dc', 'Hội Nạn nhân chất độc da cam/dioxin', 'other', false, 1],
  ['dy', 'Hội Đông y', 'other', false, 0.6],
  ['nm', 'Hội Người mù', 'other', false, 0.6],
]

/** Commune associations: Hội NCT, Red Cross and Study Promotion chapters, 99 in all. */
const communeKinds: ReadonlyArray<[string, string, AssociationKind, number, number]> = [
  // key, name, kind, how many, weight each
  ['nct', 'Hội Người cao tuổi', 'elderly', 60, 5],
  ['ctd', 'Hội Chữ thập đỏ', 'red-cross', 25, 4],
  ['kh', 'Hội Khuyến học', 'study-promotion', 14, 4],
]

export const massAssociations = (): ReadonlyArray<AssociationSpec> => {
  const out: AssociationSpec[] = []
  for (const [key, name, kind, special, weight] of provinceLevel)
    out.push({
      id: `lc-${key}`,
      name: `${name} tỉnh Lai Châu`,
      kind,
      scope: 'province',
      areaCode: PROVINCE.code,
      // the provincial Hội NCT belongs to Hội NCT Việt Nam, founded before it (seed 000 studies the national resolution)
      ...(key === 'nct' ? { parentId: NATIONAL_NCT } : {}),
      special,
      weight,
    })
  for (const d of districts)
    for (const [key, name, kind, special, weight] of districtLevel)
      out.push({
        id: `lc-${d.code.slice(3)}-${key}`,
        name: `${name} ${d.name.startsWith('Thành phố') ? 'thành phố Lai Châu' : `huyện ${d.name}`}`,
        kind,
        scope: 'district',
        areaCode: d.code,
        parentId: `lc-${key}`,
        special,
        weight,
        // the one district association founded in 2020
        ...(d.code === '12.112' && key === 'nm' ? { foundedIn: 2020 } : {}),
      })
  const communes = districts.flatMap((d) => d.communes.map((c, i) => ({ district: d, name: c, code: `${d.code}.${String(i + 1).padStart(2, '0')}` })))
  let founded2020 = 0
  for (const [key, name, kind, count, weight] of communeKinds) {
    for (let i = 0; i < count; i++) {
      // spread each kind over the communes, starting at a different offset per kind
      const c = communes[(i * 7 + key.length * 13) % communes.length]!
      const in2020 = key === 'nct' && i % 6 === 5 && founded2020 < 10
      if (in2020) founded2020++
      out.push({
        id: `lc-${c.code.slice(3)}-${key}`,
        name: `${name} xã ${c.name}`,
        kind,
        scope: 'commune',
        areaCode: c.code,
        parentId: `lc-${c.district.code.slice(3)}-${key}`,
        special: false,
        weight,
        ...(in2020 ? { foundedIn: 2020 } : {}),
      })
    }
  }
  return out
}

/** The socio-political bodies (own charter, R1) of the 2023 Q3 article and the veterans' movement. */
export const socioPolitical: ReadonlyArray<{ id: string; name: string; kind: AssociationKind; parentId?: string }> = [
  { id: 'lc-mttq', name: 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Lai Châu', kind: 'fatherland-front' },
  { id: 'lc-lhpn', name: 'Hội Liên hiệp Phụ nữ tỉnh Lai Châu', kind: 'women', parentId: 'lc-mttq' },
  { id: 'lc-hnd', name: 'Hội Nông dân tỉnh Lai Châu', kind: 'farmers', parentId: 'lc-mttq' },
  { id: 'lc-td', name: 'Tỉnh đoàn Lai Châu', kind: 'youth', parentId: 'lc-mttq' },
  { id: 'lc-ldld', name: 'Liên đoàn Lao động tỉnh Lai Châu', kind: 'trade-union', parentId: 'lc-mttq' },
  { id: 'lc-ccb', name: 'Hội Cựu chiến binh tỉnh Lai Châu', kind: 'veterans', parentId: 'lc-mttq' },
  { id: 'lc-ccb-khoi', name: 'Hội Cựu chiến binh Khối cơ quan và doanh nghiệp tỉnh', kind: 'veterans', parentId: 'lc-ccb' },
]
