import * as E from 'fp-ts/lib/Either.js'
import { ageOn, type IsoDate } from '../codecs.js'
import { reject, type Flag, type Rejection } from '../decider.js'
import type { Gender, Policy } from '../policy.js'
import type * as Association from '../association/state.js'

const genderVi: Readonly<Record<Gender, string>> = { female: 'nữ', male: 'nam', other: 'giới tính khác' }
const kindVi: Readonly<Record<string, string>> = {
  elderly: 'Hội Người cao tuổi',
  veterans: 'Hội Cựu chiến binh',
  women: 'Hội Liên hiệp Phụ nữ',
  farmers: 'Hội Nông dân',
  youth: 'Đoàn Thanh niên',
  'trade-union': 'Công đoàn',
  'fatherland-front': 'Mặt trận Tổ quốc',
  'red-cross': 'Hội Chữ thập đỏ',
  'study-promotion': 'Hội Khuyến học',
  other: 'hội',
}

export type Person = { readonly fullName: string; readonly birthDate: IsoDate; readonly gender: Gender }

/**
 * Whether a person may join an association of this kind on `on` (R28 and the kind's policy):
 * refused below the exception age, above the maximum or of a gender the kind does not admit;
 * admitted with a flag between the exception age and the minimum. `field` names the fact at fault.
 */
export const eligibility = (p: Person, on: IsoDate, association: Association.Existing, policy: Policy, fields: { birthDate: string; gender: string }): E.Either<Rejection, ReadonlyArray<Flag>> => {
  const kind = association.kind
  const genders = policy.memberGenders[kind]
  if (genders !== undefined && !genders.includes(p.gender))
    return reject(
      'GenderNotAdmitted',
      'R28',
      `A ${kind} association admits only ${genders.join(', ')} members; ${p.fullName} is ${p.gender}`,
      `${kindVi[kind] ?? 'Hội'} chỉ kết nạp hội viên ${genders.map((g) => genderVi[g]).join(', ')}; ${p.fullName} là ${genderVi[p.gender]}`,
      fields.gender,
    )
  const rule = policy.memberAge[kind]
  if (rule === undefined) return E.right([])
  const age = ageOn(p.birthDate, on)
  if (rule.maximum !== undefined && age > rule.maximum)
    return reject(
      'AgeAboveMaximum',
      'R28',
      `${p.fullName} is ${age} on ${on}; members of a ${kind} association must be at most ${rule.maximum}`,
      `${p.fullName} đã ${age} tuổi vào ngày ${on}; hội viên ${kindVi[kind] ?? 'hội'} không quá ${rule.maximum} tuổi`,
      fields.birthDate,
    )
  if (age >= rule.minimum) return E.right([])
  if (rule.exceptionFrom !== undefined && age >= rule.exceptionFrom)
    return E.right([
      {
        rule: 'R28',
        code: 'AgeException',
        message: `Admitted at ${age}, under the minimum age of ${rule.minimum}, as an exception / Kết nạp ở tuổi ${age}, dưới ${rule.minimum} tuổi, theo diện ngoại lệ`,
      },
    ])
  return reject(
    'AgeBelowMinimum',
    'R28',
    `${p.fullName} is ${age} on ${on}; members of a ${kind} association must be at least ${rule.exceptionFrom ?? rule.minimum}`,
    `${p.fullName} mới ${age} tuổi vào ngày ${on}; hội viên của hội này phải từ ${rule.exceptionFrom ?? rule.minimum} tuổi trở lên`,
    fields.birthDate,
  )
}
