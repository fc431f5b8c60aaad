import type { AssociationKind, Regime } from '../policy.js'

/**
 * How an indicator adds up (R31, R36). A flow is summed over periods and over the hierarchy; a
 * stock is the last value of a period, summed over the hierarchy but never over time; a ratio is
 * computed from two other indicators (numerator / denominator × factor) and never stored.
 */
export type Aggregation = { readonly kind: 'flow' } | { readonly kind: 'stock' } | { readonly kind: 'ratio'; readonly numerator: string; readonly denominator: string; readonly factor: number }

export type IndicatorDef = { readonly code: string; readonly vi: string; readonly en: string; readonly unit: string; readonly aggregation: Aggregation }

/** Period types a template can ask for; `nine-months` is cumulative from 1 January. */
export const periodTypes = ['month', 'quarter', 'half', 'nine-months', 'year', 'term'] as const
export type PeriodType = (typeof periodTypes)[number]

/** When a report is due (R19, R35): some days after its period ends, or on a fixed day (MM-DD) of the period's last year. */
export type DueRule = { readonly daysAfterEnd: number } | { readonly onMonthDay: string }
/** A template's due rule, and the rule of a regime that sets its own day (a decree's annual report, R19). */
export type Due = { readonly rule: DueRule; readonly byRegime?: Readonly<Partial<Record<Regime, DueRule>>> }

/** What a kind of association must report for a type of period, and by when. */
export type Template = {
  readonly id: string
  readonly vi: string
  readonly kinds: ReadonlyArray<AssociationKind>
  readonly periodTypes: ReadonlyArray<PeriodType>
  readonly required: ReadonlyArray<string>
  /** R19: the legally required annual report. */
  readonly legal: boolean
  readonly due: Due
}

/** One version of the catalogue, in force from `effectiveFrom` (a period is read with the version in force on its last day). */
export type CatalogueVersion = {
  readonly version: number
  readonly effectiveFrom: string
  readonly indicators: ReadonlyMap<string, IndicatorDef>
  readonly templates: ReadonlyArray<Template>
  /** When a report is due for a period no template covers (a monthly report, say). */
  readonly defaultDue: DueRule
}

const flow = { kind: 'flow' } as const
const stock = { kind: 'stock' } as const
const ratio = (numerator: string, denominator: string): Aggregation => ({ kind: 'ratio', numerator, denominator, factor: 100 })
const def = (code: string, vi: string, en: string, unit: string, aggregation: Aggregation): IndicatorDef => ({ code, vi, en, unit, aggregation })

/** The indicators of the 2023 Q3 article (seed 001). */
const article001: ReadonlyArray<IndicatorDef> = [
  def('propaganda-sessions', 'Buổi tuyên truyền', 'Propaganda sessions', 'buổi', flow),
  def('propaganda-participants', 'Lượt người dự tuyên truyền', 'Propaganda participants', 'lượt người', flow),
  def('legal-advice-participants', 'Lượt người được tư vấn pháp luật', 'Legal-advice participants', 'lượt người', flow),
  // "duy trì 692 đội hình": teams in being at the end of the period
  def('volunteer-teams', 'Đội hình tình nguyện', 'Volunteer teams', 'đội hình', stock),
  def('activities', 'Hoạt động', 'Activities', 'hoạt động', flow),
  def('activity-participants', 'Lượt người tham gia hoạt động', 'Activity participants', 'lượt người', flow),
  def('news-articles', 'Tin, bài viết', 'News articles', 'tin, bài', flow),
  def('entrusted-loan-balance-vnd', 'Dư nợ vốn ủy thác', 'Entrusted loan balance', 'đồng', stock),
  def('borrowing-households', 'Hộ vay vốn còn dư nợ', 'Borrowing households', 'hộ', stock),
  def('new-members', 'Hội viên, đoàn viên kết nạp mới', 'New members', 'người', flow),
  def('party-referrals', 'Giới thiệu cho Đảng', 'Members referred to the Party', 'người', flow),
  def('party-class-attendees', 'Tham gia lớp Đảng viên mới', 'Members attending the Party class', 'người', flow),
]

/** The figures behind the Congress III resolution of Hội NCT tỉnh Lai Châu (seed 000) and the annual report (R19). */
const congressIII: ReadonlyArray<IndicatorDef> = [
  def('members', 'Tổng số hội viên', 'Members', 'người', stock),
  def('older-people', 'Người cao tuổi trên địa bàn', 'Older people in the area (population base)', 'người', stock),
  def('longevity-due', 'Người cao tuổi đến tuổi chúc thọ, mừng thọ', 'Older people reaching a longevity age', 'người', flow),
  def('longevity-celebrated', 'Người cao tuổi được chúc thọ, mừng thọ', 'Older people given a longevity celebration', 'người', flow),
  def('base-units', 'Cơ sở Hội', 'Base units', 'cơ sở', stock),
  def('strong-base-units', 'Cơ sở Hội vững mạnh', 'Base units rated strong', 'cơ sở', stock),
  def('membership-rate', 'Tỷ lệ tập hợp người cao tuổi vào Hội', 'Share of older people who are members', '%', ratio('members', 'older-people')),
  def('longevity-rate', 'Tỷ lệ người cao tuổi được chúc thọ, mừng thọ', 'Share of longevity celebrations held', '%', ratio('longevity-celebrated', 'longevity-due')),
  def('strong-base-unit-rate', 'Tỷ lệ cơ sở Hội vững mạnh', 'Share of base units rated strong', '%', ratio('strong-base-units', 'base-units')),
]

const periodic: ReadonlyArray<PeriodType> = ['quarter', 'half', 'nine-months', 'year']
/** Periodic reports to the Party's mass-mobilisation board: 15 days after the period (seed 001's quarter reported by mid-October). */
const fifteenDays: Due = { rule: { daysAfterEnd: 15 } }
/**
 * R19: the annual report of a decree association is due on 1 December under Decree 45/2010 and
 * on 31 December under Decree 126/2024 (in force from 2024-11-26, so for 2024 onwards); one under
 * its own charter reports 15 days after the year.
 */
const decreeAnnual: Due = { rule: { daysAfterEnd: 15 }, byRegime: { 'decree-45-2010': { onMonthDay: '12-01' }, 'decree-126-2024': { onMonthDay: '12-31' } } }
const tpl = (id: string, vi: string, kinds: ReadonlyArray<AssociationKind>, types: ReadonlyArray<PeriodType>, required: ReadonlyArray<string>, legal = false): Template => ({
  id,
  vi,
  kinds,
  periodTypes: types,
  required,
  legal,
  due: legal ? decreeAnnual : fifteenDays,
})

/** The socio-political bodies report each quarter to the Party's mass-mobilisation board (seed 001). */
const socioPoliticalTemplates: ReadonlyArray<Template> = [
  tpl('front-periodic', 'Báo cáo định kỳ của Ủy ban MTTQ', ['fatherland-front'], periodic, []),
  tpl('women-periodic', 'Báo cáo định kỳ Hội Phụ nữ', ['women'], periodic, ['propaganda-sessions', 'propaganda-participants', 'new-members']),
  tpl('youth-periodic', 'Báo cáo định kỳ Đoàn Thanh niên', ['youth'], periodic, ['volunteer-teams', 'activities', 'activity-participants', 'new-members']),
  tpl('trade-union-periodic', 'Báo cáo định kỳ Công đoàn', ['trade-union'], periodic, ['legal-advice-participants', 'news-articles', 'new-members']),
  tpl('farmers-periodic', 'Báo cáo định kỳ Hội Nông dân', ['farmers'], periodic, ['entrusted-loan-balance-vnd', 'borrowing-households', 'new-members']),
  tpl('veterans-periodic', 'Báo cáo định kỳ Hội Cựu chiến binh', ['veterans'], periodic, []),
]

const byCode = (defs: ReadonlyArray<IndicatorDef>): ReadonlyMap<string, IndicatorDef> => new Map(defs.map((d) => [d.code, d]))

/** The catalogue as data, oldest version first. A new version never edits an older one. */
export const catalogueVersions: ReadonlyArray<CatalogueVersion> = [
  {
    version: 1,
    effectiveFrom: '1900-01-01',
    indicators: byCode(article001),
    defaultDue: { daysAfterEnd: 15 },
    templates: [
      ...socioPoliticalTemplates,
      tpl('association-annual', 'Báo cáo tình hình tổ chức, hoạt động hằng năm (R19)', ['elderly', 'red-cross', 'study-promotion', 'other'], ['year'], ['new-members'], true),
    ],
  },
  {
    // Congress III of Hội NCT tỉnh (2021-07-15) set percentage targets that need these figures
    version: 2,
    effectiveFrom: '2021-07-15',
    indicators: byCode([...article001, ...congressIII]),
    defaultDue: { daysAfterEnd: 15 },
    templates: [
      ...socioPoliticalTemplates,
      tpl(
        'elderly-annual',
        'Báo cáo hằng năm Hội Người cao tuổi (R19)',
        ['elderly'],
        ['year'],
        ['members', 'new-members', 'older-people', 'longevity-due', 'longevity-celebrated', 'base-units', 'strong-base-units'],
        true,
      ),
      tpl('association-annual', 'Báo cáo tình hình tổ chức, hoạt động hằng năm (R19)', ['red-cross', 'study-promotion', 'other'], ['year'], ['members', 'new-members'], true),
    ],
  },
]

/** The version in force on a date. */
export const catalogueOn = (date: string, versions: ReadonlyArray<CatalogueVersion> = catalogueVersions): CatalogueVersion => {
  let found = versions[0]!
  for (const v of versions) if (v.effectiveFrom <= date) found = v
  return found
}

/** Every indicator code any version knows, with its newest definition. */
export const allIndicators = (versions: ReadonlyArray<CatalogueVersion> = catalogueVersions): ReadonlyMap<string, IndicatorDef> => {
  const out = new Map<string, IndicatorDef>()
  for (const v of versions) for (const [k, d] of v.indicators) out.set(k, d)
  return out
}

export const templateFor = (catalogue: CatalogueVersion, kind: AssociationKind, periodType: PeriodType): Template | undefined =>
  catalogue.templates.find((t) => t.kinds.includes(kind) && t.periodTypes.includes(periodType))
