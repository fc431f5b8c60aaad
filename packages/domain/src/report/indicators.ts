import * as t from 'io-ts'
import { describeAs } from '../schema.js'
import { Count, isReservedKey, reservedMessage } from '../codecs.js'

/** The indicator catalogue drawn from the 2023 Q3 article; codes outside it are allowed (extensible) if well formed. */
export const indicatorCatalogue = {
  'propaganda-sessions': { vi: 'Buổi tuyên truyền', en: 'Propaganda sessions', unit: 'sessions' },
  'propaganda-participants': { vi: 'Lượt người dự tuyên truyền', en: 'Propaganda participants', unit: 'people' },
  'legal-advice-participants': { vi: 'Lượt người được tư vấn pháp luật', en: 'Legal-advice participants', unit: 'people' },
  'volunteer-teams': { vi: 'Đội hình tình nguyện', en: 'Volunteer teams', unit: 'teams' },
  activities: { vi: 'Hoạt động', en: 'Activities', unit: 'activities' },
  'activity-participants': { vi: 'Lượt người tham gia hoạt động', en: 'Activity participants', unit: 'people' },
  'news-articles': { vi: 'Tin, bài viết', en: 'News articles', unit: 'articles' },
  'entrusted-loan-balance-vnd': { vi: 'Dư nợ vốn ủy thác (đồng)', en: 'Entrusted loan balance (VND)', unit: 'VND' },
  'borrowing-households': { vi: 'Hộ vay vốn', en: 'Borrowing households', unit: 'households' },
  'new-members': { vi: 'Hội viên, đoàn viên kết nạp mới', en: 'New members', unit: 'people' },
  'party-referrals': { vi: 'Giới thiệu cho Đảng', en: 'Members referred to the Party', unit: 'people' },
  'party-class-attendees': { vi: 'Tham gia lớp Đảng viên mới', en: 'Members attending the Party class', unit: 'people' },
} as const
export type CatalogueIndicator = keyof typeof indicatorCatalogue

const CODE = /^[a-z][a-z0-9-]{1,60}$/
export const IndicatorCode = describeAs(
  new t.Type<string, string, unknown>(
  'IndicatorCode',
  (u): u is string => typeof u === 'string' && CODE.test(u) && !isReservedKey(u),
  (u, c) =>
    typeof u !== 'string' || !CODE.test(u)
      ? t.failure(u, c, 'must be an indicator code of lowercase letters, digits and "-"')
      : isReservedKey(u)
        ? t.failure(u, c, reservedMessage(u))
        : t.success(u),
  (a) => a,
),
  { type: 'string', pattern: '^[a-z][a-z0-9-]{1,60}$' },
)

export type Indicators = Readonly<Record<string, number>>
/** Indicator values: at most 100 codes, each a whole number ≥ 0. */
export const Indicators = describeAs(
  new t.Type<Indicators, Indicators, unknown>(
  'Indicators',
  (u): u is Indicators =>
    typeof u === 'object' && u !== null && !Array.isArray(u) && Object.keys(u).length <= 100 &&
    Object.entries(u).every(([k, v]) => CODE.test(k) && !isReservedKey(k) && Count.is(v)),
  (u, c) => {
    if (typeof u !== 'object' || u === null || Array.isArray(u)) return t.failure(u, c, 'must be an object of indicator code → whole number')
    const entries = Object.entries(u)
    if (entries.length > 100) return t.failure(u, c, 'must have at most 100 indicators')
    const errors: t.ValidationError[] = []
    for (const [k, v] of entries) {
      const ctx = [...c, { key: k, type: Count, actual: v }]
      if (!CODE.test(k)) errors.push({ value: v, context: ctx, message: 'is not a well-formed indicator code (lowercase letters, digits and "-")' })
      else if (isReservedKey(k)) errors.push({ value: v, context: ctx, message: reservedMessage(k) })
      else if (!Count.is(v)) errors.push({ value: v, context: ctx, message: 'must be a whole number ≥ 0' })
    }
    return errors.length > 0 ? t.failures(errors) : t.success(Object.fromEntries(entries) as Indicators)
  },
  (a) => a,
),
  { type: 'object', maxProperties: 100, propertyNames: { pattern: '^[a-z][a-z0-9-]{1,60}$' }, additionalProperties: { type: 'integer', minimum: 0 }, description: 'Indicator code → whole number ≥ 0; catalogue: ' + Object.keys(indicatorCatalogue).join(', ') },
)
