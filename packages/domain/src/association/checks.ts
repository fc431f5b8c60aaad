import type * as E from 'fp-ts/lib/Either.js'
import type * as t from 'io-ts'
import type { Regime, Scope } from '../policy.js'
import { reject, type Rejection } from '../decider.js'
import type { DissolutionGround, Event, OfficerRole } from './events.js'
import type { Existing } from './state.js'

export type Decision = E.Either<Rejection, ReadonlyArray<Event>>

/** Nothing an association does can be dated before it was founded. */
export const beforeFounding = (a: Existing, on: string, field: string): E.Either<Rejection, never> =>
  reject('EventBeforeFounding', 'design', `${on} is before the association was founded on ${a.foundedOn}`, `Ngày ${on} trước ngày thành lập hội (${a.foundedOn})`, field)

/** Vietnamese words for the codes that appear in messages. */
export const vi: {
  readonly scope: Readonly<Record<Scope, string>>
  readonly regime: Readonly<Record<Regime, string>>
  readonly role: Readonly<Record<t.TypeOf<typeof OfficerRole>, string>>
  readonly ground: Readonly<Record<t.TypeOf<typeof DissolutionGround>, string>>
} = {
  scope: { national: 'toàn quốc', province: 'cấp tỉnh', district: 'cấp huyện', commune: 'cấp xã' },
  regime: { 'own-charter': 'điều lệ riêng', 'decree-45-2010': 'Nghị định 45/2010/NĐ-CP', 'decree-126-2024': 'Nghị định 126/2024/NĐ-CP' },
  role: {
    president: 'Chủ tịch',
    'vice-president': 'Phó Chủ tịch',
    'secretary-general': 'Tổng Thư ký',
    'standing-committee': 'Ủy viên Ban Thường vụ',
    'executive-committee': 'Ủy viên Ban Chấp hành',
    'inspection-chair': 'Trưởng Ban Kiểm tra',
    'inspection-committee': 'Ủy viên Ban Kiểm tra',
  },
  ground: {
    'purpose-achieved': 'đã đạt được mục đích',
    'term-ended': 'hết thời hạn hoạt động',
    'no-assets': 'không còn tài sản, điều kiện hoạt động',
    'members-request': 'theo đề nghị của hội viên chính thức',
    'executive-resolution': 'theo nghị quyết của ban chấp hành',
    'inactive-12-months': 'không hoạt động 12 tháng liên tục',
    'ignored-dissolution-resolution': 'không chấp hành nghị quyết giải thể của đại hội',
    'serious-violation': 'vi phạm pháp luật nghiêm trọng',
    'suspension-unremedied': 'không khắc phục vi phạm sau thời hạn đình chỉ',
    'parent-dissolved': 'hội cấp trên giải thể',
  },
}
